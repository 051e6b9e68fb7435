#![doc = include_str!("office_title_conflict.md")]

use super::people::{canonical, same_person, terms_by_office};
use super::{Context, Finding, Location, overlap};
use crate::code::Code;
use crate::extract::{Claim, Subject};
use crate::ids::OfficeId;
use crate::report::Severity;
use crate::rules::RulePack;
use crate::value::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    findings.extend(posts(cx));
    findings
}

/// Title-rule claims (`England coach Andy Robinson`): one person given one post of
/// two countries at overlapping times, unless one country is part of the other
/// (an England captain is a British player).
fn posts(cx: &Context) -> Vec<Finding> {
    let pack = cx.pack;
    let gazetteer = crate::places::gazetteer();
    // (person, post) → what the post is of → claims.
    let mut posts: HashMap<(&str, &str), BTreeMap<&str, Vec<&Claim>>> = HashMap::new();
    for claim in &cx.extraction.claims {
        let (Subject::Title(post), Some(_), Value::Name(of)) =
            (&claim.subject, claim.time, &claim.value)
        else {
            continue;
        };
        posts
            .entry((canonical(&post.person, pack), post.post.as_str()))
            .or_default()
            .entry(of.as_str())
            .or_default()
            .push(claim);
    }
    let mut findings = Vec::new();
    for ((person, post), mut of) in posts {
        if of.len() < 2 {
            continue;
        }
        of.values_mut().for_each(|claims| overlap::by_time(claims));
        // What most articles say the post is of.
        let counts: BTreeMap<&str, usize> = of
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    v.iter().map(|c| c.article).collect::<BTreeSet<_>>().len(),
                )
            })
            .collect();
        let groups: Vec<(&&str, &Vec<&Claim>)> = of.iter().collect();
        for (i, (a_of, a)) in groups.iter().enumerate() {
            for (b_of, b) in &groups[i + 1..] {
                if gazetteer.compatible(a_of, b_of) {
                    continue;
                }
                if let Some((x, y)) =
                    overlap::first_overlap(a, b, cx.settings.tolerance_days, |_, _| true)
                {
                    // The suspect is the one fewer articles give.
                    let (x, y) = if counts[**a_of] < counts[**b_of] {
                        (x, y)
                    } else {
                        (y, x)
                    };
                    findings.push(post_finding(person, post, x, y, &counts));
                }
            }
        }
    }
    findings
}

fn post_finding(
    person: &str,
    post: &str,
    suspect: &Claim,
    other: &Claim,
    counts: &BTreeMap<&str, usize>,
) -> Finding {
    let of = |c: &Claim| match &c.value {
        Value::Name(n) => n.clone(),
        v => v.to_string(),
    };
    let location = |c: &Claim, primary: bool| Location {
        article: c.article,
        span: c.span.clone(),
        label: format!(
            "{} {post}, {}",
            of(c),
            c.time.map_or_else(String::new, |t| t.to_string())
        ),
        primary,
    };
    let (wrong, right) = (of(suspect), of(other));
    let n = |v: &str| counts.get(v).copied().unwrap_or(0);
    let help = if n(&right) > n(&wrong) {
        format!(
            "check which is right: {} article{} make {person} {right} {post}, {} {wrong} {post}",
            n(&right),
            if n(&right) == 1 { "" } else { "s" },
            n(&wrong)
        )
    } else {
        format!(
            "check which is right; if {person} moved from one post to the other, say so in the later article"
        )
    };
    Finding {
        code: Code::OfficeTitleConflict,
        severity: Severity::Warning,
        message: format!(
            "`{person}` is named {wrong} {post} and {right} {post} at overlapping times"
        ),
        help,
        locations: vec![location(suspect, true), location(other, false)],
        fix: Vec::new(),
    }
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
