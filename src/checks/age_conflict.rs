#![doc = include_str!("age_conflict.md")]

use super::{Context, Finding, Location, plural};
use crate::code::Code;
use crate::extract::{Claim, Extraction, NameMention, Origin, Subject};
use crate::ids::ArticleId;
use crate::report::Severity;
use crate::time::Interval;
use crate::value::Value;
use chrono::{Days, Months, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};

/// An age claim, the age it gives and the birth interval that means.
type Given<'a> = (&'a Claim, u16, Interval);

pub fn run(cx: &Context) -> Vec<Finding> {
    let ages: Vec<&Claim> = cx
        .extraction
        .claims
        .iter()
        .filter(|c| c.origin == Origin::Age)
        .collect();
    if ages.len() < 2 {
        return Vec::new();
    }
    let names = NamesOf::new(cx.extraction, &ages);
    // (Person, whether the ages are undated and compared with the wide tolerance)
    // → each age given, with the birth interval it means.
    let mut people: FxHashMap<(&str, bool), Vec<Given>> = FxHashMap::default();
    for claim in ages {
        let (Subject::Person(written), Value::Age(years)) = (&claim.subject, &claim.value) else {
            continue;
        };
        let Some(person) = names.person(claim, written) else {
            continue;
        };
        let (at, wide) = match claim.time.or(cx.settings.undated) {
            Some(t) => (t, false),
            None => (unknown_day(), true),
        };
        let Some(birth) = born(at, *years) else {
            continue;
        };
        people
            .entry((person, wide))
            .or_default()
            .push((claim, *years, birth));
    }
    let mut findings = Vec::new();
    for ((person, wide), given) in people {
        findings.extend(conflicts(person, wide, &given));
    }
    findings
}

/// How many years apart the undated articles of a corpus without
/// `--undated-range` are taken to be, at most: ages in them conflict only when no
/// birth date fits both over that many years.
const UNDATED_YEARS: i32 = 5;

/// A stand-in for the day an undated article was written: any day of
/// [`UNDATED_YEARS`] years. Undated ages are compared only with each other, so
/// where the years lie does not matter, only how many there are.
fn unknown_day() -> Interval {
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).expect("a valid day");
    Interval {
        start: day(2000, 1, 1),
        end: day(2000 + UNDATED_YEARS - 1, 12, 31),
    }
}

/// How far before `the 63-year-old` (in bytes, about two sentences) the person it
/// refers to must be named, alone.
const RECENTLY: usize = 400;

/// The name mentions of the articles that state ages, to tell whose age it is.
struct NamesOf<'a> {
    extraction: &'a Extraction,
    by_article: FxHashMap<ArticleId, Vec<&'a NameMention>>,
}

impl<'a> NamesOf<'a> {
    fn new(extraction: &'a Extraction, ages: &[&Claim]) -> NamesOf<'a> {
        let wanted: FxHashSet<ArticleId> = ages.iter().map(|c| c.article).collect();
        let mut by_article: FxHashMap<ArticleId, Vec<&NameMention>> = FxHashMap::default();
        for m in &extraction.names {
            if wanted.contains(&m.article) {
                by_article.entry(m.article).or_default().push(m);
            }
        }
        NamesOf {
            extraction,
            by_article,
        }
    }

    /// The person an age claim is about: the name mentioned within its match, else
    /// the name it gives as the article mentions it elsewhere (extraction gave
    /// `Mr Ebbers, 65,` the article's `Bernard Ebbers`), else the one full name of
    /// its article that ends with the surname it gives.
    fn person(&self, claim: &Claim, written: &str) -> Option<&'a str> {
        let mentions = self.by_article.get(&claim.article)?;
        let form = |m: &NameMention| &*self.extraction.forms[m.form];
        let inside = mentions
            .iter()
            .filter(|m| claim.matched.start <= m.span.start && m.span.end <= claim.matched.end)
            .min_by_key(|m| m.span.start.abs_diff(claim.span.start));
        if let Some(m) = inside {
            return Some(form(m));
        }
        if written.is_empty() {
            // `the 63-year-old`: the one person named just before it, if only one is.
            let mut before: Vec<&str> = mentions
                .iter()
                .filter(|m| {
                    m.span.end <= claim.matched.start
                        && claim.matched.start - m.span.end <= RECENTLY
                })
                .map(|m| form(m))
                .collect();
            before.sort_unstable();
            before.dedup();
            return match before[..] {
                [one] => Some(one),
                _ => None,
            };
        }
        let written = crate::value::fold_text(written);
        let mut full: Vec<&str> = mentions
            .iter()
            .map(|m| form(m))
            .filter(|f| {
                *f == written || !written.contains(' ') && f.rsplit(' ').next() == Some(&*written)
            })
            .collect();
        full.sort_unstable();
        full.dedup();
        match full[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// When someone `years` old at some day of `at` was born: after the day `years + 1`
/// years before the first day, up to `years` years before the last.
fn born(at: Interval, years: u16) -> Option<Interval> {
    let back = |date: NaiveDate, years: u32| date.checked_sub_months(Months::new(12 * years));
    let start = back(at.start, u32::from(years) + 1)?.checked_add_days(Days::new(1))?;
    let end = back(at.end, u32::from(years))?;
    Some(Interval { start, end })
}

/// The ages of one person that no birth date fits with the most of the others.
fn conflicts(person: &str, wide: bool, given: &[Given]) -> Vec<Finding> {
    // The day most birth intervals hold: one of their starts.
    let covering = |day: NaiveDate| {
        given
            .iter()
            .filter(|(_, _, b)| b.start <= day && day <= b.end)
            .count()
    };
    let Some(day) = given
        .iter()
        .map(|(_, _, b)| b.start)
        .max_by_key(|&d| (covering(d), std::cmp::Reverse(d)))
    else {
        return Vec::new();
    };
    let (agree, differ): (Vec<&Given>, Vec<&Given>) = given
        .iter()
        .partition(|(_, _, b)| b.start <= day && day <= b.end);
    if differ.is_empty() {
        return Vec::new();
    }
    let articles = |claims: &[&Given]| {
        let mut a: Vec<ArticleId> = claims.iter().map(|(c, _, _)| c.article).collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    };
    let (reference, reference_years) = (agree[0].0, agree[0].1);
    differ
        .iter()
        .map(|(claim, years, birth)| {
            let location = |c: &Claim, years: u16, birth: &Interval, primary: bool| Location {
                article: c.article,
                span: c.span.clone(),
                label: if wide {
                    format!("{years}, in an undated article")
                } else {
                    format!("{years}: born {birth}", birth = years_of(birth))
                },
                primary,
            };
            let others = plural(articles(&agree), "other article");
            Finding {
                code: Code::AgeConflict,
                severity: Severity::Warning,
                message: format!("`{person}` is {years} here, but {reference_years} in {others}"),
                help: if wide {
                    format!(
                        "the articles are undated, and no birth date fits both ages even {UNDATED_YEARS} \
                         years apart: check `{person}`'s age and correct the one that is wrong \
                         (`--undated-range` compares undated ages closely)"
                    )
                } else {
                    format!(
                        "no birth date fits both: check `{person}`'s age and correct the one that \
                         is wrong; if these are two people, write their names so they differ"
                    )
                },
                locations: vec![
                    location(claim, *years, birth, true),
                    location(reference, reference_years, &agree[0].2, false),
                ],
                fix: Vec::new(),
            }
        })
        .collect()
}

/// The years a birth interval spans, for a label: `1941–1942`.
fn years_of(birth: &Interval) -> String {
    use chrono::Datelike;
    let (a, b) = (birth.start.year(), birth.end.year());
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

#[cfg(test)]
mod tests;
