#![doc = include_str!("count_list_length.md")]

use super::{Context, Finding, Location, plural};
use crate::code::Code;
use crate::extract::StatedCount;
use crate::figure::Unit;
use crate::value::Value;

pub fn run(cx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    // A count two rules read (a topic's rule and the general pack's) is one count.
    let mut seen = std::collections::HashSet::new();
    for claim in &cx.extraction.claims {
        let (Some(rule), Value::List(items), Some(count)) =
            (claim.rule(), &claim.value, claim.count())
        else {
            continue;
        };
        if !seen.insert((claim.article, count.span.start)) {
            continue;
        }
        let rule = &cx.pack.rules[rule];
        let Some(stated) = &rule.count else {
            continue;
        };
        let expected = items.len() as i64 + stated.offset;
        if count
            .figure
            .bounds(rule.tolerance)
            .contains(expected as f64)
        {
            continue;
        }
        let listed = plural(items.len(), "item");
        let should_be = number(expected, count);
        let message = match (stated.offset, count.figure.is_ordinal()) {
            (0, _) => format!(
                "`{}` does not match the list, which has {listed}",
                count.raw
            ),
            (_, true) => format!(
                "`{}` does not follow from the list, which has {listed}: that makes it the {should_be}",
                count.raw
            ),
            (_, false) => format!(
                "`{}` does not follow from the list, which has {listed}: that makes {should_be}",
                count.raw
            ),
        };
        findings.push(Finding {
                code: Code::CountListLength,
                severity: rule.severity,
                message,
                help: format!(
                    "write `{should_be}`, or add what the list leaves out (or remove what it should not have)"
                ),
                locations: vec![
                    Location {
                        article: claim.article,
                        span: count.span.clone(),
                        label: format!("says `{}`", count.raw),
                        primary: true,
                    },
                    Location {
                        article: claim.article,
                        span: claim.span.clone(),
                        label: format!("{listed}: {}", items.join(", ")),
                        primary: false,
                    },
                ],
                fix: Vec::new(),
            });
    }
    findings
}

/// `n` as the count is written: an ordinal (`4th`) for an ordinal count.
fn number(n: i64, count: &StatedCount) -> String {
    match &count.figure.unit {
        Unit::Rank(_) => Unit::Rank(String::new()).attach(&n.to_string()),
        _ => n.to_string(),
    }
}
