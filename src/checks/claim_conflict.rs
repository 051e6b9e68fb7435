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
        let groups = conflict::group_by(claims, |c| c.value.to_string(), |c| c.article);
        let conflicting = groups.iter().enumerate().any(|(i, a)| {
            groups[i + 1..].iter().any(|b| {
                !a.members[0].value.agrees(&b.members[0].value)
                    && a.articles.union(&b.articles).nth(1).is_some()
            })
        });
        if conflicting {
            findings.push(finding(key, groups, cx));
        }
    }
    findings
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
}
