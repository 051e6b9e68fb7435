#![doc = include_str!("office_holder_conflict.md")]

use super::people::{canonical, same_person};
use super::{Context, Finding, Location, overlap};
use crate::code::Code;
use crate::extract::Claim;
use crate::ids::OfficeId;
use crate::report::Severity;
use crate::time::Interval;
use std::collections::HashMap;

pub fn run(cx: &Context) -> Vec<Finding> {
    let pack = cx.pack;
    // Office → holder (as the pack knows them) → that holder's claims, by time.
    let mut by_office: HashMap<OfficeId, Vec<(&str, Vec<&Claim>)>> = HashMap::new();
    for claim in &cx.extraction.claims {
        let (Some(office), Some(_)) = (claim.office(), claim.time) else {
            continue;
        };
        if !pack.offices.offices[office].single {
            continue;
        }
        let name = canonical_holder(claim, cx);
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
                if let Some((x, y)) = first_clash(a, b, a_name, b_name, cx) {
                    // The claim the facts do not support goes first; else the later.
                    let x_ok = in_term(office, a_name, time(x), cx);
                    let y_ok = in_term(office, b_name, time(y), cx);
                    let x_first = match (x_ok, y_ok) {
                        (false, true) => true,
                        (true, false) => false,
                        _ => (time(x), x.article) >= (time(y), y.article),
                    };
                    let (first, second) = if x_first { (x, y) } else { (y, x) };
                    findings.push(finding(office, first, second, cx));
                }
            }
        }
    }
    findings
}

fn canonical_holder<'a>(claim: &'a Claim, cx: &Context<'a>) -> &'a str {
    match &claim.value {
        crate::value::Value::Name(n) => canonical(n, cx.pack),
        _ => "",
    }
}

fn time(claim: &Claim) -> Interval {
    claim.time.expect("only timed claims are compared")
}

/// Whether the facts show `holder` in `office` at `when`.
fn in_term(office: OfficeId, holder: &str, when: Interval, cx: &Context) -> bool {
    let settings = cx.settings;
    cx.pack.terms.iter().any(|t| {
        t.office == office
            && same_person(&t.holder, holder, cx.pack)
            && t.widest(settings.today)
                .overlaps(&when, settings.tolerance_days)
    })
}

/// The first pair of claims, one from each holder, at overlapping times that the
/// facts do not explain as a handover.
fn first_clash<'a>(
    a: &[&'a Claim],
    b: &[&'a Claim],
    a_name: &str,
    b_name: &str,
    cx: &Context,
) -> Option<(&'a Claim, &'a Claim)> {
    let office = a[0].office().expect("office claims");
    overlap::first_overlap(a, b, cx.settings.tolerance_days, |x, y| {
        !(in_term(office, a_name, time(x), cx) && in_term(office, b_name, time(y), cx))
    })
}

fn finding(office: OfficeId, first: &Claim, second: &Claim, cx: &Context) -> Finding {
    let name = &cx.pack.offices.offices[office].name;
    let location = |c: &Claim, primary: bool| Location {
        article: c.article,
        span: c.span.clone(),
        label: format!("{name} `{}`, at {}", c.value, time(c)),
        primary,
    };
    Finding {
        code: Code::OfficeHolderConflict,
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
