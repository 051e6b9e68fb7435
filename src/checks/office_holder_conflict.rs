#![doc = include_str!("office_holder_conflict.md")]

use super::people::{canonical, same_person};
use super::{Check, Finding, Location, overlap};
use crate::extract::{Claim, Extraction};
use crate::report::Severity;
use crate::rules::RulePack;
use crate::time::Interval;
use std::collections::HashMap;

pub struct OfficeHolderConflict;

impl Check for OfficeHolderConflict {
    fn code(&self) -> &'static str {
        "office/holder-conflict"
    }

    fn summary(&self) -> &'static str {
        "two people named holder of one single-holder office at overlapping times"
    }

    fn explanation(&self) -> &'static str {
        include_str!("office_holder_conflict.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        // Office → holder (as the pack knows them) → that holder's claims, by time.
        let mut by_office: HashMap<usize, Vec<(&str, Vec<&Claim>)>> = HashMap::new();
        for claim in &extraction.claims {
            let (Some(office), Some(_)) = (claim.office, claim.time) else {
                continue;
            };
            if !pack.offices.offices[office].single {
                continue;
            }
            let name = canonical_holder(claim, pack);
            let holders = by_office.entry(office).or_default();
            match holders.iter_mut().find(|(h, _)| same_person(h, name, pack)) {
                Some((_, claims)) => claims.push(claim),
                None => holders.push((name, vec![claim])),
            }
        }
        let mut findings = Vec::new();
        for (office, mut holders) in by_office {
            for (_, claims) in holders.iter_mut() {
                overlap::by_time(claims);
            }
            for (i, (a_name, a)) in holders.iter().enumerate() {
                for (b_name, b) in &holders[i + 1..] {
                    if let Some((x, y)) = first_clash(a, b, a_name, b_name, pack) {
                        // The claim the facts do not support goes first; else the later.
                        let x_ok = in_term(office, a_name, time(x), pack);
                        let y_ok = in_term(office, b_name, time(y), pack);
                        let x_first = match (x_ok, y_ok) {
                            (false, true) => true,
                            (true, false) => false,
                            _ => (time(x), x.article) >= (time(y), y.article),
                        };
                        let (first, second) = if x_first { (x, y) } else { (y, x) };
                        findings.push(finding(office, first, second, pack));
                    }
                }
            }
        }
        findings
    }
}

fn canonical_holder<'a>(claim: &'a Claim, pack: &'a RulePack) -> &'a str {
    match &claim.value {
        crate::value::Value::Name(n) => canonical(n, pack),
        _ => "",
    }
}

fn time(claim: &Claim) -> Interval {
    claim.time.expect("only timed claims are compared")
}

/// Whether the facts show `holder` in `office` at `when`.
fn in_term(office: usize, holder: &str, when: Interval, pack: &RulePack) -> bool {
    pack.terms.iter().any(|t| {
        t.office == office
            && same_person(&t.holder, holder, pack)
            && t.widest.overlaps(&when, pack.tolerance_days)
    })
}

/// The first pair of claims, one from each holder, at overlapping times that the
/// facts do not explain as a handover.
fn first_clash<'a>(
    a: &[&'a Claim],
    b: &[&'a Claim],
    a_name: &str,
    b_name: &str,
    pack: &RulePack,
) -> Option<(&'a Claim, &'a Claim)> {
    let office = a[0].office.expect("office claims");
    overlap::first_overlap(a, b, pack.tolerance_days, |x, y| {
        !(in_term(office, a_name, time(x), pack) && in_term(office, b_name, time(y), pack))
    })
}

fn finding(office: usize, first: &Claim, second: &Claim, pack: &RulePack) -> Finding {
    let name = &pack.offices.offices[office].name;
    let location = |c: &Claim, primary: bool| Location {
        article: c.article,
        span: c.span.clone(),
        label: format!("{name} `{}`, at {}", c.value, time(c)),
        primary,
    };
    Finding {
        code: "office/holder-conflict",
        severity: Severity::Error,
        message: format!(
            "`{}` and `{}` are both named {name} at overlapping times ({} and {})",
            first.value,
            second.value,
            time(first),
            time(second)
        ),
        help: format!(
            "{name} has one holder at a time: check who held it then and correct the other article; if it changed hands between them, record both terms in the facts file"
        ),
        locations: vec![location(first, true), location(second, false)],
        fix: Vec::new(),
    }
}
