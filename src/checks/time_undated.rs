#![doc = include_str!("time_undated.md")]

use super::{Context, Finding, Location};
use crate::code::Code;
use crate::extract::{Claim, Dateless};
use crate::ids::ArticleId;
use crate::report::Severity;
use std::collections::{BTreeMap, HashSet};

pub fn run(cx: &Context) -> Vec<Finding> {
    let mut findings = offices_untimed(cx);
    findings.extend(cx.extraction.dateless.iter().map(|d| dateless(d, cx)));
    findings
}

/// The note on a rule whose matches in an article made no claim, a template of
/// it needing the article's date at a precision the article lacks.
fn dateless(d: &Dateless, cx: &Context) -> Finding {
    let rule = &cx.pack.rules[d.rule];
    let key = rule.kind.key().map(|k| &k.template);
    let (field, template) = match key.filter(|k| k.article_date().is_some()) {
        Some(key) => ("key", key),
        None => ("value", &rule.value),
    };
    let needs = template
        .article_date()
        .map_or("{article.date}", |p| p.placeholder());
    let made = if d.matches == 1 {
        "1 match here makes".to_string()
    } else {
        format!("{} matches here make", d.matches)
    };
    let window = if field == "key" {
        ", or give the rule a `window` (`window = \"1 year\"`) in place of the date in its key"
    } else {
        ""
    };
    Finding {
        code: Code::TimeUndated,
        severity: Severity::Info,
        message: format!(
            "rule `{}`'s {field} needs the article's date (`{needs}`), so {made} no claim",
            rule.id
        ),
        help: format!(
            "give the article a date in front matter (`date: 2025-04-17`, `2025-04` or `2025`){window}"
        ),
        locations: vec![Location {
            article: d.article,
            span: d.span.clone(),
            label: format!("matched by `{}`, at no known date", rule.id),
            primary: true,
        }],
        fix: Vec::new(),
    }
}

/// One note per undated article whose office claims have no time.
fn offices_untimed(cx: &Context) -> Vec<Finding> {
    let undated: HashSet<ArticleId> = cx.extraction.undated.iter().copied().collect();
    // First office claim of each undated article, and whether any lacked a time.
    let mut first: BTreeMap<ArticleId, (&Claim, bool)> = BTreeMap::new();
    for claim in cx.extraction.claims.iter().filter(|c| c.office().is_some()) {
        if !undated.contains(&claim.article) {
            continue;
        }
        let entry = first.entry(claim.article).or_insert((claim, false));
        if claim.span.start < entry.0.span.start {
            entry.0 = claim;
        }
        entry.1 |= claim.time.is_none();
    }
    first
        .into_values()
        .filter(|(_, untimed)| *untimed)
        .map(|(claim, _)| Finding {
            code: Code::TimeUndated,
            severity: Severity::Info,
            message: "this article has no date: office checks skip its claims unless their sentence states a time".into(),
            help: "give the article a date in front matter (`date: 2025-04-17`, `2025-04` or `2025`) so office/holder-conflict, office/title-conflict and office/out-of-term can check it".into(),
            locations: vec![Location {
                article: claim.article,
                span: claim.span.clone(),
                label: format!("{} named here, at no known time", claim.key(cx.pack).unwrap_or("an office")),
                primary: true,
            }],
            fix: Vec::new(),
        })
        .collect()
}
