#![doc = include_str!("time_undated.md")]

use super::{Check, Finding, Location};
use crate::extract::Extraction;
use crate::report::Severity;
use crate::rules::RulePack;
use std::collections::BTreeMap;

pub struct TimeUndated;

impl Check for TimeUndated {
    fn code(&self) -> &'static str {
        "time/undated"
    }

    fn summary(&self) -> &'static str {
        "an undated article whose office claims could only partly be checked"
    }

    fn explanation(&self) -> &'static str {
        include_str!("time_undated.md")
    }

    fn run(&self, extraction: &Extraction, _pack: &RulePack) -> Vec<Finding> {
        let undated: std::collections::HashSet<usize> =
            extraction.undated.iter().copied().collect();
        // First office claim of each undated article, and whether any lacked a time.
        let mut first: BTreeMap<usize, (&crate::extract::Claim, bool)> = BTreeMap::new();
        for claim in extraction.claims.iter().filter(|c| c.office.is_some()) {
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
                code: self.code(),
                severity: Severity::Info,
                message: "this article has no date: office checks skip its claims unless their sentence states a time".into(),
                help: "give the article a date in front matter (`date: 2025-04-17`, `2025-04` or `2025`) so office/holder-conflict, office/title-conflict and office/out-of-term can check it".into(),
                locations: vec![Location {
                    article: claim.article,
                    span: claim.span.clone(),
                    label: format!("{} named here, at no known time", claim.key.as_deref().unwrap_or("an office")),
                    primary: true,
                }],
                fix: Vec::new(),
            })
            .collect()
    }
}
