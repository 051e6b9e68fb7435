#![doc = include_str!("office_title_conflict.md")]

use super::people::{canonical, same_person};
use super::{Check, Finding, Location, overlap};
use crate::extract::{Claim, Extraction};
use crate::report::Severity;
use crate::rules::RulePack;
use crate::value::Value;
use std::collections::{BTreeMap, HashMap};

pub struct OfficeTitleConflict;

impl Check for OfficeTitleConflict {
    fn code(&self) -> &'static str {
        "office/title-conflict"
    }

    fn summary(&self) -> &'static str {
        "one person given two different offices at overlapping times"
    }

    fn explanation(&self) -> &'static str {
        include_str!("office_title_conflict.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        let tolerance = pack.tolerance_days;
        // Person (by declared name, else as written) → office → claims.
        let mut people: HashMap<&str, BTreeMap<usize, Vec<&Claim>>> = HashMap::new();
        for claim in &extraction.claims {
            let (Some(office), Some(_), Value::Name(name)) =
                (claim.office, claim.time, &claim.value)
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
        let mut findings = Vec::new();
        for (person, offices) in &people {
            let offices: Vec<(&usize, &Vec<&Claim>)> = offices.iter().collect();
            for (i, (oa, a)) in offices.iter().enumerate() {
                for (ob, b) in &offices[i + 1..] {
                    let both_in_facts = |office: usize| {
                        pack.terms
                            .iter()
                            .any(|t| t.office == office && same_person(&t.holder, person, pack))
                    };
                    if both_in_facts(**oa) && both_in_facts(**ob) {
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
}

fn finding(person: &str, x: &Claim, y: &Claim, pack: &RulePack) -> Finding {
    let office = |c: &Claim| {
        pack.offices.offices[c.office.expect("office claims")]
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
        code: "office/title-conflict",
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
