#![doc = include_str!("time_undated.md")]

use super::{Context, Finding, Location};
use crate::code::Code;
use crate::extract::Claim;
use crate::ids::ArticleId;
use crate::report::Severity;
use std::collections::{BTreeMap, HashSet};

pub fn run(cx: &Context) -> Vec<Finding> {
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
