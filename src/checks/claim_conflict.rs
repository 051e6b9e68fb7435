#![doc = include_str!("claim_conflict.md")]

use super::{Check, Finding, Location, plural};
use crate::extract::{Claim, Extraction};
use crate::rules::RulePack;
use crate::value::{Value, list_difference};
use std::collections::{BTreeSet, HashMap};

pub struct ClaimConflict;

/// Claims sharing one normalised value.
struct Group<'a> {
    claims: Vec<&'a Claim>,
    articles: BTreeSet<usize>,
}

impl Check for ClaimConflict {
    fn code(&self) -> &'static str {
        "claim/conflict"
    }

    fn summary(&self) -> &'static str {
        "articles that give different values for the same claim"
    }

    fn explanation(&self) -> &'static str {
        include_str!("claim_conflict.md")
    }

    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
        let mut by_key: HashMap<&str, Vec<&Claim>> = HashMap::new();
        // Office claims change over time: the office checks compare them; figures
        // are compared as intervals by number/conflict.
        let compared = |c: &&Claim| c.office.is_none() && !matches!(c.value, Value::Number(_));
        for claim in extraction.claims.iter().filter(compared) {
            if let Some(key) = &claim.key {
                by_key.entry(key).or_default().push(claim);
            }
        }
        let mut findings = Vec::new();
        for (key, claims) in by_key {
            let mut groups: Vec<Group> = Vec::new();
            let mut index: HashMap<String, usize> = HashMap::new();
            for claim in claims {
                let value = claim.value.to_string();
                match index.get(&value) {
                    Some(&g) => {
                        groups[g].claims.push(claim);
                        groups[g].articles.insert(claim.article);
                    }
                    None => {
                        index.insert(value, groups.len());
                        groups.push(Group {
                            claims: vec![claim],
                            articles: BTreeSet::from([claim.article]),
                        });
                    }
                }
            }
            let conflicting = groups.iter().enumerate().any(|(i, a)| {
                groups[i + 1..].iter().any(|b| {
                    !a.claims[0].value.agrees(&b.claims[0].value)
                        && a.articles.union(&b.articles).nth(1).is_some()
                })
            });
            if conflicting {
                findings.push(finding(key, groups, pack));
            }
        }
        findings
    }
}

fn finding(key: &str, mut groups: Vec<Group>, pack: &RulePack) -> Finding {
    // Most articles first; ties keep the order values were first seen in.
    groups.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| first_seen(a).cmp(&first_seen(b)))
    });
    let all: BTreeSet<usize> = groups
        .iter()
        .flat_map(|g| g.articles.iter().copied())
        .collect();
    let majority = (groups[0].articles.len() > groups[1].articles.len()).then(|| &groups[0]);
    let severity = groups
        .iter()
        .flat_map(|g| &g.claims)
        .filter_map(|c| c.rule.map(|r| pack.rules[r].severity))
        .max()
        .expect("a conflict has claims");
    let written = |g: &Group| format!("`{}`", g.claims[0].raw);
    let values: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({})", written(g), plural(g.articles.len(), "article")))
        .collect();
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
    // The primary article is the first that disagrees with the majority.
    let suspect = |g: &Group| majority.is_none_or(|m| !std::ptr::eq(m, g));
    let primary_article = groups
        .iter()
        .filter(|g| suspect(g))
        .flat_map(|g| &g.claims)
        .map(|c| c.article)
        .min()
        .expect("a conflict has a minority");
    let mut locations: Vec<Location> = groups
        .iter()
        .flat_map(|g| {
            let note = list_difference_of(g, reference)
                .map_or_else(String::new, |d| format!(", {}", d.short()));
            g.claims.iter().map(move |c| Location {
                article: c.article,
                span: c.span.clone(),
                label: if suspect(g) && majority.is_some() {
                    format!("says {}{note}, against the majority", written(g))
                } else {
                    format!("says {}{note}", written(g))
                },
                primary: suspect(g),
            })
        })
        .collect();
    locations.sort_by_key(|l| {
        (
            l.article != primary_article,
            !l.primary,
            l.article,
            l.span.start,
        )
    });
    Finding {
        code: "claim/conflict",
        severity,
        message: format!("articles disagree on {key}: {}", values.join(" vs ")),
        help,
        locations,
        fix: Vec::new(),
    }
}

/// How a list differs from the reference list: what it has that the reference
/// lacks, and what it leaves out, each quoted.
struct ListDifference {
    extra: String,
    missing: String,
}

fn list_difference_of(g: &Group, reference: &Group) -> Option<ListDifference> {
    let (Value::List(mine), Value::List(theirs)) = (&g.claims[0].value, &reference.claims[0].value)
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

fn first_seen(g: &Group) -> (usize, usize) {
    g.claims
        .iter()
        .map(|c| (c.article, c.span.start))
        .min()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{claims_of, pack};
    use crate::report::Severity;
    use crate::value::ValueType;

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
        let f = ClaimConflict.run(&x, &pack(Severity::Warning, ValueType::Year, 0.1));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message,
            "articles disagree on k: `5` (2 articles) vs `6` (1 article)"
        );
        assert_eq!(f[0].locations[0].article, 1);
        assert!(f[0].locations[0].primary);
        assert_eq!(f[0].locations.iter().filter(|l| l.primary).count(), 1);
    }

    #[test]
    fn a_tie_has_no_majority() {
        let x = claims(&[(0, 5), (1, 6)]);
        let f = ClaimConflict.run(&x, &pack(Severity::Error, ValueType::Year, 0.1));
        assert!(f[0].help.starts_with("no value has a majority"));
    }

    #[test]
    fn agreement_and_one_article_disagreeing_with_itself_are_not_conflicts() {
        assert!(
            ClaimConflict
                .run(
                    &claims(&[(0, 5), (1, 5)]),
                    &pack(Severity::Error, ValueType::Year, 0.1)
                )
                .is_empty()
        );
        assert!(
            ClaimConflict
                .run(
                    &claims(&[(0, 5), (0, 6)]),
                    &pack(Severity::Error, ValueType::Year, 0.1)
                )
                .is_empty()
        );
    }
}
