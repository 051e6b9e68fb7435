#![doc = include_str!("office_title_conflict.md")]

use super::people::{canonical, same_person, terms_by_office};
use super::{Context, Finding, Location, overlap};
use crate::code::Code;
use crate::extract::Claim;
use crate::ids::OfficeId;
use crate::report::Severity;
use crate::rules::RulePack;
use crate::value::Value;
use std::collections::{BTreeMap, HashMap};

pub fn run(cx: &Context) -> Vec<Finding> {
    let pack = cx.pack;
    let tolerance = cx.settings.tolerance_days;
    // Person (by declared name, else as written) → office → claims.
    let mut people: HashMap<&str, BTreeMap<OfficeId, Vec<&Claim>>> = HashMap::new();
    for claim in &cx.extraction.claims {
        let (Some(office), Some(_), Value::Name(name)) = (claim.office(), claim.time, &claim.value)
        else {
            continue;
        };
        people
            .entry(canonical(name, pack))
            .or_default()
            .entry(office)
            .or_default()
            .push(claim);
    }
    for offices in people.values_mut() {
        offices
            .values_mut()
            .for_each(|claims| overlap::by_time(claims));
    }
    let terms = terms_by_office(pack);
    let mut findings = Vec::new();
    for (person, offices) in &people {
        // A person has few offices: each pair of them is compared.
        let offices: Vec<(bool, &Vec<&Claim>)> = offices
            .iter()
            .map(|(office, claims)| {
                let in_facts = terms.get(office).is_some_and(|terms| {
                    terms.iter().any(|t| same_person(&t.holder, person, pack))
                });
                (in_facts, claims)
            })
            .collect();
        for (i, (a_in_facts, a)) in offices.iter().enumerate() {
            for (b_in_facts, b) in &offices[i + 1..] {
                if *a_in_facts && *b_in_facts {
                    continue;
                }
                if let Some((x, y)) = overlap::first_overlap(a, b, tolerance, |_, _| true) {
                    findings.push(finding(person, x, y, pack));
                }
            }
        }
    }
    findings
}

fn finding(person: &str, x: &Claim, y: &Claim, pack: &RulePack) -> Finding {
    let office = |c: &Claim| {
        pack.offices.offices[c.office().expect("office claims")]
            .name
            .clone()
    };
    let location = |c: &Claim, primary: bool| Location {
        article: c.article,
        span: c.span.clone(),
        label: format!(
            "named {} at {}",
            office(c),
            c.time.map_or_else(String::new, |t| t.to_string())
        ),
        primary,
    };
    Finding {
        code: Code::OfficeTitleConflict,
        severity: Severity::Warning,
        message: format!(
            "`{person}` is named {} and {} at overlapping times",
            office(x),
            office(y)
        ),
        help: "correct the title that is wrong; if both are right, record both terms in the facts file".into(),
        locations: vec![location(x, true), location(y, false)],
        fix: Vec::new(),
    }
}
