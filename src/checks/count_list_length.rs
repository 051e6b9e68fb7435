#![doc = include_str!("count_list_length.md")]

use super::{Check, Finding, Location, plural};
use crate::extract::{Extraction, StatedCount};
use crate::figure::Unit;
use crate::rules::RulePack;
use crate::value::Value;

pub struct CountListLength;

impl Check for CountListLength {
    fn code(&self) -> &'static str {
        "count/list-length"
    }

    fn summary(&self) -> &'static str {
        "a stated count that disagrees with the list it goes with"
    }

    fn explanation(&self) -> &'static str {
        include_str!("count_list_length.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        let mut findings = Vec::new();
        for claim in &extraction.claims {
            let (Some(rule), Value::List(items), Some(count)) =
                (claim.rule, &claim.value, &claim.count)
            else {
                continue;
            };
            let rule = &pack.rules[rule];
            let expected = items.len() as i64 + rule.count_offset;
            if count
                .figure
                .bounds(rule.tolerance)
                .contains(expected as f64)
            {
                continue;
            }
            let listed = plural(items.len(), "item");
            let should_be = number(expected, count);
            let message = match (rule.count_offset, count.figure.is_ordinal()) {
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
                code: self.code(),
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
}

/// `n` as the count is written: an ordinal (`4th`) for an ordinal count.
fn number(n: i64, count: &StatedCount) -> String {
    match &count.figure.unit {
        Unit::Rank(_) => Unit::Rank(String::new()).attach(&n.to_string()),
        _ => n.to_string(),
    }
}
