//! What every "these values cannot all hold" check shares: grouping claims by the
//! value they give, the one-line message, the severity, and the locations — the
//! suspect claims first, labelled as against the majority where there is one.

use super::{Location, plural};
use crate::extract::Claim;
use crate::ids::ArticleId;
use crate::report::Severity;
use crate::rules::RulePack;
use crate::rules::window::Window;
use chrono::NaiveDate;
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

/// The window a key's claims are compared in: the widest of their rules' windows,
/// or none (all compared) when one of the rules has none, as a rule without a
/// window compares everything it claims.
pub fn window_of<'a>(
    claims: impl IntoIterator<Item = &'a Claim>,
    pack: &RulePack,
) -> Option<Window> {
    let mut widest: Option<Window> = None;
    for claim in claims {
        let window = pack.rules[claim.rule()?].window?;
        widest = Some(widest.map_or(window, |w| w.wider(window)));
    }
    widest
}

/// `items` (the claims of one key) in the sets compared with each other: with no
/// window, all of them; else those with a time sorted by it, a window opening at
/// the earliest and holding those that start before it closes, the first after
/// it opening the next (so claims far apart are never chained through those
/// between), and those without a time in a set of their own. Each set keeps the
/// order of `items`. Sorting makes it O(n log n).
pub fn windows<T>(
    items: Vec<T>,
    window: Option<Window>,
    time: impl Fn(&T) -> Option<NaiveDate>,
) -> Vec<Vec<T>> {
    let Some(window) = window else {
        return vec![items];
    };
    let mut undated = Vec::new();
    let mut dated: Vec<(NaiveDate, usize, T)> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        match time(&item) {
            Some(at) => dated.push((at, i, item)),
            None => undated.push(item),
        }
    }
    dated.sort_by_key(|(at, i, _)| (*at, *i));
    let mut sets: Vec<Vec<(usize, T)>> = Vec::new();
    let mut closes = None;
    for (at, i, item) in dated {
        match (closes, sets.last_mut()) {
            (Some(c), Some(set)) if at < c => set.push((i, item)),
            _ => {
                closes = Some(window.closes(at));
                sets.push(vec![(i, item)]);
            }
        }
    }
    let mut out: Vec<Vec<T>> = sets
        .into_iter()
        .map(|mut set| {
            set.sort_by_key(|(i, _)| *i);
            set.into_iter().map(|(_, item)| item).collect()
        })
        .collect();
    if !undated.is_empty() {
        out.push(undated);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// `windows` of (name, day) pairs, a day of `-` being no time.
    fn sets(items: &[(&'static str, &str)], window: &str) -> Vec<Vec<&'static str>> {
        let window = Window::parse(window).ok();
        let items: Vec<(&str, Option<NaiveDate>)> = items
            .iter()
            .map(|&(name, at)| (name, (at != "-").then(|| day(at))))
            .collect();
        windows(items, window, |(_, at)| *at)
            .into_iter()
            .map(|set| set.into_iter().map(|(name, _)| name).collect())
            .collect()
    }

    #[test]
    fn far_apart_claims_are_not_chained_through_those_between() {
        // b is within a year of a, c within a year of b but not of a: c opens
        // the next window rather than joining a's through b.
        let items = [
            ("c", "2023-06-01"),
            ("a", "2022-01-01"),
            ("b", "2022-09-01"),
        ];
        assert_eq!(sets(&items, "1 year"), [vec!["a", "b"], vec!["c"]]);
        // The window closes the day its duration ends.
        let items = [
            ("a", "2022-01-01"),
            ("b", "2022-12-31"),
            ("c", "2023-01-01"),
        ];
        assert_eq!(sets(&items, "1 year"), [vec!["a", "b"], vec!["c"]]);
        assert_eq!(
            sets(&items, "2 weeks"),
            [vec!["a"], vec!["b", "c"]],
            "a window opens at each claim after the last closed"
        );
    }

    #[test]
    fn claims_without_a_time_are_compared_among_themselves() {
        let items = [
            ("x", "-"),
            ("a", "2022-01-01"),
            ("y", "-"),
            ("b", "2024-01-01"),
        ];
        assert_eq!(
            sets(&items, "6 months"),
            [vec!["a"], vec!["b"], vec!["x", "y"]]
        );
    }

    #[test]
    fn without_a_window_all_are_compared_in_their_order() {
        let items = [("x", "-"), ("b", "2024-01-01"), ("a", "2022-01-01")];
        assert_eq!(sets(&items, "none"), [vec!["x", "b", "a"]]);
        // In a window too, the claims keep the order they came in.
        assert_eq!(sets(&items[1..], "3 years"), [vec!["b", "a"]]);
        assert!(sets(&[], "1 year").is_empty());
    }
}
