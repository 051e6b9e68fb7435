#![doc = include_str!("office_out_of_term.md")]

use super::people::same_person;
use super::{Check, Finding, Location};
use crate::extract::Extraction;
use crate::report::Severity;
use crate::rules::RulePack;
use crate::rules::facts::Term;

pub struct OfficeOutOfTerm;

fn span_of(term: &Term) -> String {
    match term.to {
        Some(to) => format!("{} to {}", term.from, to),
        None => format!("since {}", term.from),
    }
}

impl Check for OfficeOutOfTerm {
    fn code(&self) -> &'static str {
        "office/out-of-term"
    }

    fn summary(&self) -> &'static str {
        "a holder named outside their term of office, per the reference facts"
    }

    fn explanation(&self) -> &'static str {
        include_str!("office_out_of_term.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        let tolerance = pack.tolerance_days;
        let mut findings = Vec::new();
        for claim in &extraction.claims {
            let (Some(office), Some(when)) = (claim.office, claim.time) else {
                continue;
            };
            let holder = claim.value.to_string();
            let terms: Vec<&Term> = pack.terms.iter().filter(|t| t.office == office).collect();
            let own: Vec<&&Term> = terms
                .iter()
                .filter(|t| same_person(&t.holder, &holder, pack))
                .collect();
            if own.iter().any(|t| t.widest.overlaps(&when, tolerance)) {
                continue;
            }
            let then: Vec<&&Term> = terms
                .iter()
                .filter(|t| t.widest.overlaps(&when, 0))
                .collect();
            if then.is_empty() {
                continue;
            }
            let name = &pack.offices.offices[office].name;
            let holders_then: Vec<String> = then
                .iter()
                .map(|t| format!("{} ({})", t.holder, span_of(t)))
                .collect();
            let own_terms = if own.is_empty() {
                format!("no term of {holder} as {name} is on record")
            } else {
                format!(
                    "{holder} held it {}",
                    own.iter()
                        .map(|t| span_of(t))
                        .collect::<Vec<_>>()
                        .join(" and ")
                )
            };
            findings.push(Finding {
                code: self.code(),
                severity: Severity::Error,
                message: format!("`{holder}` was not {name} at {when}"),
                help: format!(
                    "the {name} then was {}; {own_terms}. Correct the name or the title, or the facts in rules/facts/ if they are wrong",
                    holders_then.join(" or ")
                ),
                locations: vec![Location {
                    article: claim.article,
                    span: claim.span.clone(),
                    label: format!("named {name} at {when}"),
                    primary: true,
                }],
                fix: Vec::new(),
            });
        }
        findings
    }
}
