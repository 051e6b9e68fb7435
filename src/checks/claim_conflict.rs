#![doc = include_str!("claim_conflict.md")]

use super::{Check, Finding, Location, plural};
use crate::extract::{Claim, Extraction};
use crate::rules::RulePack;
use std::collections::{BTreeSet, HashMap};

pub struct ClaimConflict;

/// Claims sharing one normalised value.
struct Group<'a> {
    value: String,
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
        // Office claims change over time: the office checks compare them.
        for claim in extraction.claims.iter().filter(|c| c.office.is_none()) {
            if let Some(key) = &claim.key {
                by_key.entry(key).or_default().push(claim);
            }
        }
        let mut findings = Vec::new();
        for (key, claims) in by_key {
            let mut groups: Vec<Group> = Vec::new();
            for claim in claims {
                let value = claim.value.to_string();
                match groups.iter_mut().find(|g| g.value == value) {
                    Some(g) => {
                        g.claims.push(claim);
                        g.articles.insert(claim.article);
                    }
                    None => groups.push(Group {
                        value,
                        claims: vec![claim],
                        articles: BTreeSet::from([claim.article]),
                    }),
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
    let help = match majority {
        Some(m) => format!(
            "{} of {} give {}; check the source and correct the others",
            m.articles.len(),
            plural(all.len(), "article"),
            written(m)
        ),
        None => "no value has a majority; check the source and correct the articles that are wrong"
            .to_string(),
    };
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
            g.claims.iter().map(move |c| Location {
                article: c.article,
                span: c.span.clone(),
                label: if suspect(g) && majority.is_some() {
                    format!("says {}, against the majority", written(g))
                } else {
                    format!("says {}", written(g))
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
    use crate::report::Severity;
    use crate::rules::Rule;
    use crate::rules::template::Template;
    use crate::value::{Value, ValueType};

    fn pack(severity: Severity) -> RulePack {
        RulePack {
            rules: vec![Rule {
                id: "r".into(),
                description: String::new(),
                severity,
                regex: regex::Regex::new("(?P<v>x)").unwrap(),
                key: Some(Template::parse("k").unwrap()),
                value: Template::parse("{v}").unwrap(),
                value_type: ValueType::Number,
                tables: Default::default(),
                dateline: false,
                office: None,
                jurisdiction: None,
                file: "r.toml".into(),
                id_span: 0..0,
                pattern_span: 0..0,
                key_span: None,
                examples: Vec::new(),
            }],
            ..RulePack::default()
        }
    }

    fn claims(items: &[(usize, f64)]) -> Extraction {
        Extraction {
            claims: items
                .iter()
                .map(|&(article, n)| Claim {
                    rule: Some(0),
                    office: None,
                    time: None,
                    article,
                    key: Some("k".into()),
                    value: Value::Number(n),
                    raw: n.to_string(),
                    span: 0..1,
                    matched: 0..1,
                    weekday: None,
                })
                .collect(),
            ..Extraction::default()
        }
    }

    #[test]
    fn majority_value_is_named_and_minority_is_primary() {
        let x = claims(&[(0, 5.0), (1, 6.0), (2, 5.0)]);
        let f = ClaimConflict.run(&x, &pack(Severity::Warning));
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
        let x = claims(&[(0, 5.0), (1, 6.0)]);
        let f = ClaimConflict.run(&x, &pack(Severity::Error));
        assert!(f[0].help.starts_with("no value has a majority"));
    }

    #[test]
    fn agreement_and_one_article_disagreeing_with_itself_are_not_conflicts() {
        assert!(
            ClaimConflict
                .run(&claims(&[(0, 5.0), (1, 5.0)]), &pack(Severity::Error))
                .is_empty()
        );
        assert!(
            ClaimConflict
                .run(&claims(&[(0, 5.0), (0, 6.0)]), &pack(Severity::Error))
                .is_empty()
        );
    }
}
