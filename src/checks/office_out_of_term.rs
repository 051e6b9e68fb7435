#![doc = include_str!("office_out_of_term.md")]

use super::people::{same_person, terms_by_office};
use super::{Context, Finding, Location};
use crate::code::Code;
use crate::ids::OfficeId;
use crate::report::Severity;
use crate::rules::facts::Term;
use std::collections::HashMap;

fn span_of(term: &Term) -> String {
    match term.to {
        Some(to) => format!("{} to {}", term.from, to),
        None => format!("since {}", term.from),
    }
}

pub fn run(cx: &Context) -> Vec<Finding> {
    let (pack, settings) = (cx.pack, cx.settings);
    let by_office = terms_by_office(pack);
    // Each holder's own terms of an office, found once.
    let mut own_by_holder: HashMap<(OfficeId, String), Vec<&Term>> = HashMap::new();
    let mut findings = Vec::new();
    for claim in &cx.extraction.claims {
        let (Some(office), Some(when)) = (claim.office(), claim.time) else {
            continue;
        };
        let holder = claim.value.to_string();
        let terms: &[&Term] = by_office.get(&office).map_or(&[], Vec::as_slice);
        let own = own_by_holder
            .entry((office, holder.clone()))
            .or_insert_with(|| {
                terms
                    .iter()
                    .copied()
                    .filter(|t| same_person(&t.holder, &holder, pack))
                    .collect()
            });
        let widest = |t: &Term| t.widest(settings.today);
        if own
            .iter()
            .any(|t| widest(t).overlaps(&when, settings.tolerance_days))
        {
            continue;
        }
        let then: Vec<&&Term> = terms
            .iter()
            .filter(|t| widest(t).overlaps(&when, 0))
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
            code: Code::OfficeOutOfTerm,
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
