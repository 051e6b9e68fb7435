//! What every "these values cannot all hold" check shares: grouping claims by the
//! value they give, the one-line message, the severity, and the locations — the
//! suspect claims first, labelled as against the majority where there is one.

use super::{Location, plural};
use crate::extract::Claim;
use crate::ids::ArticleId;
use crate::report::Severity;
use crate::rules::RulePack;
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

/// Items that give one value, and the articles they are in.
pub struct Group<T> {
    pub members: Vec<T>,
    pub articles: BTreeSet<ArticleId>,
}

/// `items` grouped by `key`, groups in the order their values are first seen.
pub fn group_by<T, K: Hash + Eq>(
    items: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
    article: impl Fn(&T) -> ArticleId,
) -> Vec<Group<T>> {
    let mut groups: Vec<Group<T>> = Vec::new();
    let mut index: HashMap<K, usize> = HashMap::new();
    for item in items {
        let a = article(&item);
        match index.get(&key(&item)) {
            Some(&g) => {
                groups[g].members.push(item);
                groups[g].articles.insert(a);
            }
            None => {
                index.insert(key(&item), groups.len());
                groups.push(Group {
                    members: vec![item],
                    articles: BTreeSet::from([a]),
                });
            }
        }
    }
    groups
}

/// `articles disagree on KEY: `A` (2 articles) vs `B` (1 article)`, from each
/// value as written and how many articles give it.
pub fn message(key: &str, values: impl Iterator<Item = (String, usize)>) -> String {
    let listed: Vec<String> = values
        .map(|(written, n)| format!("{written} ({})", plural(n, "article")))
        .collect();
    format!("articles disagree on {key}: {}", listed.join(" vs "))
}

/// The most severe of the claims' rules: a conflict matters as much as the rule
/// that matters most says.
pub fn severity<'a>(claims: impl Iterator<Item = &'a Claim>, pack: &RulePack) -> Severity {
    claims
        .filter_map(|c| c.rule().map(|r| pack.rules[r].severity))
        .max()
        .expect("a conflict has claims")
}

/// One claim's part in a conflict.
pub struct Stance<'a> {
    pub claim: &'a Claim,
    /// What the label says the claim says: `` `2022` `` or `` `3.4%`: 3.35% up to 3.45% ``.
    pub says: String,
    /// Whether the claim may be the wrong one: it is against the majority or, with
    /// no majority, nothing shows it is right.
    pub suspect: bool,
}

/// The article whose claims are shown first: the first with a suspect claim.
pub fn first_suspect(stances: &[Stance]) -> ArticleId {
    stances
        .iter()
        .filter(|s| s.suspect)
        .map(|s| s.claim.article)
        .min()
        .expect("a conflict has a suspect")
}

/// A location per claim, labelled with what it says (and, when a majority says
/// otherwise, that it is against it); `lead`'s suspects first, then the others'
/// suspects, then the evidence, each in article order.
pub fn locations(stances: Vec<Stance>, majority: bool, lead: ArticleId) -> Vec<Location> {
    let mut locations: Vec<Location> = stances
        .into_iter()
        .map(|s| Location {
            article: s.claim.article,
            span: s.claim.span.clone(),
            label: if s.suspect && majority {
                format!("says {}, against the majority", s.says)
            } else {
                format!("says {}", s.says)
            },
            primary: s.suspect,
        })
        .collect();
    locations.sort_by_key(|l| (l.article != lead, !l.primary, l.article, l.span.start));
    locations
}
