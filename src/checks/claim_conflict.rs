#![doc = include_str!("claim_conflict.md")]

use super::conflict::{self, Group, Stance};
use super::{Context, Finding, plural};
use crate::code::Code;
use crate::extract::Claim;
use crate::value::{Value, list_difference};
use std::collections::{BTreeSet, HashMap};

/// Claims sharing one normalised value.
type Values<'a> = Group<&'a Claim>;

pub fn run(cx: &Context) -> Vec<Finding> {
    let mut by_key: HashMap<&str, Vec<&Claim>> = HashMap::new();
    // Office claims change over time: the office checks compare them; figures
    // are compared as intervals by number/conflict.
    for claim in &cx.extraction.claims {
        if let Some(key) = claim.fact()
            && !matches!(claim.value, Value::Number(_))
        {
            by_key.entry(key).or_default().push(claim);
        }
    }
    let mut findings = Vec::new();
    for (key, claims) in by_key {
        let window = conflict::window_of(claims.iter().copied(), cx.pack);
        for claims in conflict::windows(claims, window, |c| c.time.map(|t| t.start)) {
            let groups = conflict::group_by(claims, |c| c.value.to_string(), |c| c.article);
            if conflicting(&groups) {
                findings.push(finding(key, groups, cx));
            }
        }
    }
    findings
}

/// Whether two groups give values that cannot both hold, in more than one article
/// between them. Each group is compared with the first; only values whose
/// agreement is not an equivalence (dates, periods, names) may need more.
fn conflicting(groups: &[Values]) -> bool {
    let agree = |a: &Values, b: &Values| a.members[0].value.agrees(&b.members[0].value);
    let apart = |a: &Values, b: &Values| a.articles.union(&b.articles).nth(1).is_some();
    let Some((reference, rest)) = groups.split_first() else {
        return false;
    };
    let (mut with, mut against) = (Vec::new(), Vec::new());
    for g in rest {
        if agree(reference, g) {
            with.push(g);
        } else if apart(reference, g) {
            return true;
        } else {
            // In the reference's one article, as the reference is.
            against.push(g);
        }
    }
    let equivalence = groups.iter().all(|g| {
        !matches!(
            g.members[0].value,
            Value::Date(_) | Value::Period(_) | Value::Name(_)
        )
    });
    if equivalence {
        // Groups that agree with the reference agree with each other and disagree
        // with those against it, which are all in one article.
        return against
            .first()
            .is_some_and(|d| with.iter().any(|g| apart(g, d)));
    }
    // Groups against the reference are in one article and so never conflict
    // with each other.
    against
        .iter()
        .any(|d| with.iter().any(|g| !agree(d, g) && apart(d, g)))
        || with
            .iter()
            .enumerate()
            .any(|(i, a)| with[i + 1..].iter().any(|b| !agree(a, b) && apart(a, b)))
}

fn finding(key: &str, mut groups: Vec<Values>, cx: &Context) -> Finding {
    // Most articles first; ties keep the order values were first seen in.
    groups.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| first_seen(a).cmp(&first_seen(b)))
    });
    let all: BTreeSet<_> = groups
        .iter()
        .flat_map(|g| g.articles.iter().copied())
        .collect();
    let majority = (groups[0].articles.len() > groups[1].articles.len()).then(|| &groups[0]);
    let written = |g: &Values| format!("`{}`", g.members[0].raw);
    let reference = majority.unwrap_or(&groups[0]);
    let differences: Vec<String> = groups
        .iter()
        .filter_map(|g| {
            list_difference_of(g, reference).map(|d| d.sentence(&written(g), &written(reference)))
        })
        .collect();
    let mut help = match majority {
        Some(m) => format!(
            "{} of {} give {}; check the source and correct the others",
            m.articles.len(),
            plural(all.len(), "article"),
            written(m)
        ),
        None => "no value has a majority; check the source and correct the articles that are wrong"
            .to_string(),
    };
    if !differences.is_empty() {
        help = format!("{}; {help}", differences.join("; "));
    }
    let suspect = |g: &Values| majority.is_none_or(|m| !std::ptr::eq(m, g));
    let stances: Vec<Stance> = groups
        .iter()
        .flat_map(|g| {
            let note = list_difference_of(g, reference)
                .map_or_else(String::new, |d| format!(", {}", d.short()));
            let says = format!("{}{note}", written(g));
            g.members.iter().map(move |&claim| Stance {
                claim,
                says: says.clone(),
                suspect: suspect(g),
            })
        })
        .collect();
    let lead = conflict::first_suspect(&stances);
    Finding {
        code: Code::ClaimConflict,
        severity: conflict::severity(
            groups.iter().flat_map(|g| g.members.iter().copied()),
            cx.pack,
        ),
        message: conflict::message(key, groups.iter().map(|g| (written(g), g.articles.len()))),
        help,
        locations: conflict::locations(stances, majority.is_some(), lead),
        fix: Vec::new(),
    }
}

/// How a list differs from the reference list: what it has that the reference
/// lacks, and what it leaves out, each quoted.
struct ListDifference {
    extra: String,
    missing: String,
}

fn list_difference_of(g: &Values, reference: &Values) -> Option<ListDifference> {
    let (Value::List(mine), Value::List(theirs)) =
        (&g.members[0].value, &reference.members[0].value)
    else {
        return None;
    };
    let quote = |items: Vec<&str>| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let d = ListDifference {
        extra: quote(list_difference(mine, theirs)),
        missing: quote(list_difference(theirs, mine)),
    };
    (!d.extra.is_empty() || !d.missing.is_empty()).then_some(d)
}

impl ListDifference {
    /// For a label: `without `Serbia``.
    fn short(&self) -> String {
        match (self.extra.is_empty(), self.missing.is_empty()) {
            (false, true) => format!("with {}", self.extra),
            (true, false) => format!("without {}", self.missing),
            _ => format!("with {} but without {}", self.extra, self.missing),
        }
    }

    /// For the help: `` `A and B` leaves out `C`, which `A, B and C` has ``.
    fn sentence(&self, list: &str, reference: &str) -> String {
        match (self.extra.is_empty(), self.missing.is_empty()) {
            (false, true) => format!("{list} has {}, which {reference} lacks", self.extra),
            (true, false) => format!("{list} leaves out {}, which {reference} has", self.missing),
            _ => format!(
                "{list} has {} but leaves out {}, unlike {reference}",
                self.extra, self.missing
            ),
        }
    }
}

fn first_seen(g: &Values) -> (crate::ids::ArticleId, usize) {
    g.members
        .iter()
        .map(|c| (c.article, c.span.start))
        .min()
        .expect("a group has members")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{claims_of, context, pack};
    use crate::extract::Extraction;
    use crate::ids::Id;
    use crate::report::Severity;
    use crate::value::ValueType;

    fn check(x: &Extraction, severity: Severity) -> Vec<Finding> {
        run(&context(x, &pack(severity, ValueType::Year, 0.1)))
    }

    fn claims(items: &[(usize, i32)]) -> Extraction {
        claims_of(
            items
                .iter()
                .map(|&(a, y)| (a, y.to_string(), Value::Year(y))),
        )
    }

    #[test]
    fn majority_value_is_named_and_minority_is_primary() {
        let x = claims(&[(0, 5), (1, 6), (2, 5)]);
        let f = check(&x, Severity::Warning);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message,
            "articles disagree on k: `5` (2 articles) vs `6` (1 article)"
        );
        assert_eq!(f[0].locations[0].article, Id::new(1));
        assert!(f[0].locations[0].primary);
        assert_eq!(f[0].locations.iter().filter(|l| l.primary).count(), 1);
    }

    #[test]
    fn a_tie_has_no_majority() {
        let x = claims(&[(0, 5), (1, 6)]);
        let f = check(&x, Severity::Error);
        assert!(f[0].help.starts_with("no value has a majority"));
    }

    #[test]
    fn agreement_and_one_article_disagreeing_with_itself_are_not_conflicts() {
        assert!(check(&claims(&[(0, 5), (1, 5)]), Severity::Error).is_empty());
        assert!(check(&claims(&[(0, 5), (0, 6)]), Severity::Error).is_empty());
    }

    /// What [`conflicting`] must say, by comparing every two groups.
    fn conflicting_by_all_pairs(groups: &[Values]) -> bool {
        groups.iter().enumerate().any(|(i, a)| {
            groups[i + 1..].iter().any(|b| {
                !a.members[0].value.agrees(&b.members[0].value)
                    && a.articles.union(&b.articles).nth(1).is_some()
            })
        })
    }

    fn groups(x: &Extraction) -> Vec<Values<'_>> {
        conflict::group_by(&x.claims, |c| c.value.to_string(), |c| c.article)
    }

    /// Values of every kind, some agreeing without being equal (dates of different
    /// precision, overlapping periods, spellings of a name, lists written apart).
    fn pools() -> Vec<Vec<Value>> {
        let parse = |ty, s: &str| Value::parse(ty, s).unwrap();
        let dates: Vec<Value> = [
            "2022",
            "2022-08",
            "2022-08-17",
            "2022-08-18",
            "2022-09",
            "2023",
        ]
        .iter()
        .map(|d| parse(ValueType::Date, d))
        .collect();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let periods: Vec<Value> = [(1, 1, 3, 1), (2, 1, 5, 1), (4, 1, 8, 1), (6, 1, 6, 30)]
            .iter()
            .map(|&(m1, d1, m2, d2)| {
                Value::Period(crate::time::Interval {
                    start: day(2022, m1, d1),
                    end: day(2022, m2, d2),
                })
            })
            .collect();
        let names: Vec<Value> = [
            "Talal Chaudhry",
            "Talal Chaudhary",
            "Talal Chaudhri",
            "Mohsin Naqvi",
        ]
        .iter()
        .map(|n| parse(ValueType::Name, n))
        .collect();
        let lists: Vec<Value> = [
            "Serbia, Nigeria",
            "nigeria and serbia",
            "Serbia, Albania",
            "Serbia",
        ]
        .iter()
        .map(|l| parse(ValueType::List, l))
        .collect();
        let years: Vec<Value> = (2021..2024).map(Value::Year).collect();
        let texts: Vec<Value> = ["a", "b", "c"]
            .iter()
            .map(|t| parse(ValueType::Text, t))
            .collect();
        let mut mixed_dates = dates.clone();
        mixed_dates.extend(years.iter().cloned());
        mixed_dates.extend(periods.iter().cloned());
        let mut all = mixed_dates.clone();
        all.extend(names.iter().cloned());
        all.extend(lists.iter().cloned());
        all.extend(texts.iter().cloned());
        vec![dates, periods, names, lists, years, texts, mixed_dates, all]
    }

    #[test]
    fn conflicts_are_those_of_comparing_every_pair() {
        let mut rng = crate::checks::testing::Rng::new(3);
        let pools = pools();
        let (mut yes, mut no) = (0, 0);
        for _ in 0..3000 {
            let pool = &pools[rng.below(pools.len())];
            let n = 1 + rng.below(7);
            let x = claims_of((0..n).map(|_| {
                let v = pool[rng.below(pool.len())].clone();
                (rng.below(3), v.to_string(), v)
            }));
            let groups = groups(&x);
            let expected = conflicting_by_all_pairs(&groups);
            assert_eq!(conflicting(&groups), expected, "{:?}", x.claims);
            if expected { yes += 1 } else { no += 1 }
        }
        assert!(yes > 300 && no > 300, "{yes} conflicts, {no} not");
    }

    #[test]
    fn many_distinct_values() {
        let years = |items: &mut dyn Iterator<Item = (usize, i32)>| {
            claims_of(items.map(|(a, y)| (a, y.to_string(), Value::Year(y))))
        };
        // Each in its own article: the first two already conflict.
        let x = years(&mut (0..3000).map(|i| (i, 1000 + i as i32)));
        assert!(conflicting(&groups(&x)));
        assert_eq!(check(&x, Severity::Error).len(), 1);
        // All in one article: no two articles disagree.
        let x = years(&mut (0..3000).map(|i| (0, 1000 + i)));
        assert!(!conflicting(&groups(&x)));
        // ... until one of them is in a second article too.
        let x = years(&mut (0..3000).map(|i| (0, 1000 + i)).chain([(1, 3999)]));
        assert!(conflicting(&groups(&x)));
        // One article giving a year, the others each a different day of it: the
        // days agree with the year and disagree with each other.
        let x = claims_of(
            std::iter::once((0, "2022".into(), Value::Year(2022))).chain((1..300).map(|i| {
                let d = format!("2022-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
                (i, d.clone(), Value::parse(ValueType::Date, &d).unwrap())
            })),
        );
        assert!(conflicting(&groups(&x)));
        // A day, and the same day again in many articles, with its month and year.
        let same = ["2022", "2022-08", "2022-08-17"];
        let x = claims_of((0..900).map(|i| {
            let d = same[i % 3];
            (i, d.to_string(), Value::parse(ValueType::Date, d).unwrap())
        }));
        assert!(!conflicting(&groups(&x)));
        assert!(!conflicting_by_all_pairs(&groups(&x)));
    }
}
