#![doc = include_str!("office_holder_conflict.md")]

use super::people::{People, canonical, same_person, terms_by_office};
use super::{Context, Finding, Location, overlap};
use crate::code::Code;
use crate::extract::Claim;
use crate::ids::OfficeId;
use crate::report::Severity;
use crate::rules::facts::Term;
use crate::time::Interval;
use std::collections::HashMap;

/// An office's holders (as the pack knows them) and each one's claims.
struct Holders<'a> {
    people: People<'a>,
    claims: Vec<Vec<&'a Claim>>,
}

pub fn run(cx: &Context) -> Vec<Finding> {
    let pack = cx.pack;
    // Office → holders, in the order they are first named → their claims. A claim
    // goes to the first holder it is the same person as.
    let mut by_office: HashMap<OfficeId, Holders> = HashMap::new();
    for (office, claim) in timed_single(cx) {
        let name = canonical_holder(claim, cx);
        let holders = by_office.entry(office).or_insert_with(|| Holders {
            people: People::new(pack),
            claims: Vec::new(),
        });
        let h = holders.people.person(name);
        if h == holders.claims.len() {
            holders.claims.push(Vec::new());
        }
        holders.claims[h].push(claim);
    }
    let terms = terms_by_office(pack);
    let mut findings = Vec::new();
    for (office, holders) in by_office {
        let terms = terms.get(&office).map_or(&[][..], Vec::as_slice);
        findings.extend(clashes(office, holders, terms, cx));
    }
    findings
}

/// The claims naming a holder of a single-holder office at a known time.
fn timed_single<'a>(cx: &Context<'a>) -> impl Iterator<Item = (OfficeId, &'a Claim)> {
    cx.extraction.claims.iter().filter_map(|claim| {
        let office = claim.office()?;
        claim.time?;
        cx.pack.offices.offices[office]
            .single
            .then_some((office, claim))
    })
}

/// The first clash between each two holders of `office` that have one: the claim
/// the facts do not support goes first; else the later.
fn clashes(office: OfficeId, holders: Holders, terms: &[&Term], cx: &Context) -> Vec<Finding> {
    let names = &holders.people.names;
    // Each claim beside whether the facts show its holder in office then: a pair
    // of claims both so shown is a handover, not a clash.
    let timed: Vec<Vec<(&Claim, bool)>> = names
        .iter()
        .zip(holders.claims)
        .map(|(name, mut claims)| {
            overlap::by_time(&mut claims);
            let own: Vec<Interval> = terms
                .iter()
                .filter(|t| same_person(&t.holder, name, cx.pack))
                .map(|t| t.widest(cx.settings.today))
                .collect();
            claims
                .into_iter()
                .map(|c| {
                    let in_term = own
                        .iter()
                        .any(|w| w.overlaps(&time(c), cx.settings.tolerance_days));
                    (c, in_term)
                })
                .collect()
        })
        .collect();
    overlap::first_overlaps(&timed, cx.settings.tolerance_days)
        .into_iter()
        .map(|(a, b, x, y)| {
            let ((x, x_ok), (y, y_ok)) = (timed[a][x], timed[b][y]);
            let x_first = match (x_ok, y_ok) {
                (false, true) => true,
                (true, false) => false,
                _ => (time(x), x.article) >= (time(y), y.article),
            };
            let (first, second) = if x_first { (x, y) } else { (y, x) };
            finding(office, first, second, cx)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{Rng, SETTINGS};
    use crate::date::PartialDate;
    use crate::extract::{Extraction, Origin, Subject};
    use crate::ids::Id;
    use crate::rules::RulePack;
    use crate::settings::Settings;
    use crate::value::Value;

    /// The check as it was: each claim compared with every holder so far, and
    /// every two holders compared.
    fn by_all_pairs(cx: &Context) -> Vec<Finding> {
        let pack = cx.pack;
        let in_term = |office: OfficeId, holder: &str, when: Interval| {
            pack.terms.iter().any(|t| {
                t.office == office
                    && same_person(&t.holder, holder, pack)
                    && t.widest(cx.settings.today)
                        .overlaps(&when, cx.settings.tolerance_days)
            })
        };
        let mut by_office: HashMap<OfficeId, Vec<(&str, Vec<&Claim>)>> = HashMap::new();
        for (office, claim) in timed_single(cx) {
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
                    let clash = overlap::first_overlap(a, b, cx.settings.tolerance_days, |x, y| {
                        !(in_term(office, a_name, time(x)) && in_term(office, b_name, time(y)))
                    });
                    if let Some((x, y)) = clash {
                        let x_ok = in_term(office, a_name, time(x));
                        let y_ok = in_term(office, b_name, time(y));
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

    fn rules() -> RulePack {
        crate::rules::load(&["rules".into()]).expect("the repository's rules load")
    }

    /// A day, month or year from 2018 to 2026.
    fn when(rng: &mut Rng) -> Interval {
        let date = PartialDate {
            year: 2018 + rng.below(9) as i32,
            month: (rng.below(4) != 0).then(|| 1 + rng.below(12) as u32),
            day: None,
        };
        let date = PartialDate {
            day: (date.month.is_some() && rng.below(2) == 0).then(|| 1 + rng.below(28) as u32),
            ..date
        };
        Interval::of(date).expect("a valid date")
    }

    /// Holders as the corpus might name them: the facts' holders, misspelt and
    /// by wrong forms the entities list; and others, with chains of spellings
    /// each one edit from the next (so that which holder a name joins depends on
    /// the order they come in).
    fn names(rng: &mut Rng, others: usize) -> Vec<String> {
        let mut names: Vec<String> = [
            "Priti Patel",
            "Priti Patell",
            "Suella Braverman",
            "Suella Bravermann",
            "Suela Braverman",
            "James Cleverly",
            "Yvette Cooper",
            "Yvete Cooper",
            "Shabana Mahmood",
            "Grant Shapps",
            "Mohsin Naqvi",
            "Mohin Naqvi",
            "Rishi Sunak",
            "Keir Starmer",
            "Liz Truss",
        ]
        .map(String::from)
        .to_vec();
        for _ in 0..others {
            let mut surname = rng.word(b"abcdefghij", 5, 9);
            for _ in 0..1 + rng.below(3) {
                names.push(format!("John {surname}"));
                surname = rng.misspell(&surname);
            }
        }
        names
    }

    /// `n` claims naming holders of `offices`: each name from `pick`.
    fn claims(
        rng: &mut Rng,
        offices: &[OfficeId],
        n: usize,
        mut pick: impl FnMut(&mut Rng) -> String,
    ) -> Extraction {
        Extraction {
            claims: (0..n)
                .map(|_| {
                    let name = pick(rng);
                    let at = rng.below(400);
                    Claim {
                        article: Id::new(rng.below(80)),
                        origin: Origin::Rule(Id::new(0)),
                        subject: Subject::Office(offices[rng.below(offices.len())]),
                        value: Value::Name(name.clone()),
                        raw: name,
                        span: at..at + 10,
                        matched: at..at + 10,
                        time: Some(when(rng)),
                        attached: None,
                    }
                })
                .collect(),
            ..Extraction::default()
        }
    }

    fn sorted(findings: Vec<Finding>) -> Vec<String> {
        let mut out: Vec<String> = findings.iter().map(|f| format!("{f:?}")).collect();
        out.sort();
        out
    }

    fn assert_same(x: &Extraction, pack: &RulePack, tolerance_days: u32) -> usize {
        let settings = Settings {
            tolerance_days,
            ..SETTINGS
        };
        let cx = Context {
            extraction: x,
            pack,
            settings: &settings,
        };
        let expected = sorted(by_all_pairs(&cx));
        assert_eq!(sorted(run(&cx)), expected);
        expected.len()
    }

    #[test]
    fn findings_are_those_of_comparing_every_pair() {
        let pack = rules();
        let offices: Vec<OfficeId> = ["UK Home Secretary", "UK Prime Minister"]
            .iter()
            .map(|o| pack.offices.named(o).expect("a declared office"))
            .collect();
        for seed in 1..=6 {
            let mut rng = Rng::new(seed);
            let names = names(&mut rng, 25);
            let x = claims(&mut rng, &offices, 500, |rng| {
                names[rng.below(names.len())].clone()
            });
            for tolerance in [0, 7, 60] {
                let found = assert_same(&x, &pack, tolerance);
                assert!(found > 20, "seed {seed}: {found} findings");
            }
        }
    }

    #[test]
    fn many_holders_beside_one_named_often() {
        // One holder with most claims, and many named once or twice: each pair
        // with the big one is searched from the small one's side.
        let pack = rules();
        let office = pack
            .offices
            .named("UK Home Secretary")
            .expect("a declared office");
        let mut rng = Rng::new(11);
        let names = names(&mut rng, 150);
        let x = claims(&mut rng, &[office], 900, |rng| {
            if rng.below(2) == 0 {
                "Suella Braverman".to_string()
            } else {
                names[rng.below(names.len())].clone()
            }
        });
        assert!(assert_same(&x, &pack, 7) > 100);
    }

    #[test]
    fn a_name_joins_the_first_holder_it_is_a_spelling_of() {
        let pack = RulePack::default();
        let mut rng = Rng::new(5);
        let names = names(&mut rng, 300);
        let mut order: Vec<&str> = names.iter().map(String::as_str).collect();
        // Shuffled, so that chains of spellings come in every order.
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut people = People::new(&pack);
        let mut linear: Vec<&str> = Vec::new();
        for name in order {
            let expected = linear
                .iter()
                .position(|h| same_person(h, name, &pack))
                .unwrap_or_else(|| {
                    linear.push(name);
                    linear.len() - 1
                });
            assert_eq!(people.person(name), expected, "{name}");
        }
        assert!(
            linear.len() < names.len(),
            "some names are spellings of others"
        );
    }
}
