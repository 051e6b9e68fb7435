#![doc = include_str!("office_out_of_term.md")]

use super::people::{same_person, terms_by_office};
use super::{Context, Finding, Location};
use crate::code::Code;
use crate::extract::Claim;
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

/// Every office claim with a time, by office.
fn holder_claims<'a>(cx: &Context<'a>) -> HashMap<OfficeId, Vec<&'a Claim>> {
    let mut by_office: HashMap<OfficeId, Vec<&Claim>> = HashMap::new();
    for claim in &cx.extraction.claims {
        if let (Some(office), Some(_)) = (claim.office(), claim.time) {
            by_office.entry(office).or_default().push(claim);
        }
    }
    by_office
}

pub fn run(cx: &Context) -> Vec<Finding> {
    let (pack, settings) = (cx.pack, cx.settings);
    let by_office = terms_by_office(pack);
    // Each holder's own terms of an office, found once.
    let mut own_by_holder: HashMap<(OfficeId, String), Vec<&Term>> = HashMap::new();
    let mut findings = Vec::new();
    // Office claims by office, gathered only once a finding needs evidence.
    let mut holders: Option<HashMap<OfficeId, Vec<&Claim>>> = None;
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
        let mut locations = vec![Location {
            article: claim.article,
            span: claim.span.clone(),
            label: format!("named {name} at {when}"),
            primary: true,
        }];
        // The corpus's own word for who held it then, if it has one: the claim of
        // a holder then, in their term, nearest in time.
        let evidence = holders
            .get_or_insert_with(|| holder_claims(cx))
            .get(&office)
            .into_iter()
            .flatten()
            .filter(|c| {
                let t = c.time.expect("office claims kept have a time");
                then.iter().any(|term| {
                    same_person(&term.holder, &c.value.to_string(), pack)
                        && widest(term).overlaps(&t, 0)
                })
            })
            .min_by_key(|c| c.time.map(|t| (t.start - when.start).num_days().abs()));
        if let Some(c) = evidence {
            let t = c.time.expect("office claims kept have a time");
            locations.push(Location {
                article: c.article,
                span: c.span.clone(),
                label: format!("`{}` named {name} at {t}, in their term", c.value),
                primary: false,
            });
        }
        findings.push(Finding {
            code: Code::OfficeOutOfTerm,
            severity: Severity::Error,
            message: format!("`{holder}` was not {name} at {when}"),
            help: format!(
                "the {name} then was {}; {own_terms}. Correct the name or the title, or the facts in rules/facts/ if they are wrong",
                holders_then.join(" or ")
            ),
            locations,
            fix: Vec::new(),
        });
    }
    findings
}
