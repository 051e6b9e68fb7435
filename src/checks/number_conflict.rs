#![doc = include_str!("number_conflict.md")]

use super::conflict::{self, Stance};
use super::{Context, Finding, plural};
use crate::code::Code;
use crate::extract::Claim;
use crate::figure::{Bounds, Figure, Unit};
use crate::ids::ArticleId;
use crate::value::Value;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

/// A figure claim with the values its rule's tolerance lets it stand for.
struct Stated<'a> {
    claim: &'a Claim,
    figure: &'a Figure,
    tolerance: f64,
    bounds: Bounds,
}

pub fn run(cx: &Context) -> Vec<Finding> {
    // Key and unit → claims: figures in different units are not compared.
    let mut by_key: HashMap<(&str, &Unit), Vec<Stated>> = HashMap::new();
    for claim in &cx.extraction.claims {
        let (Some(key), Value::Number(figure)) = (claim.fact(), &claim.value) else {
            continue;
        };
        let tolerance = claim.rule().map_or(crate::figure::DEFAULT_TOLERANCE, |r| {
            cx.pack.rules[r].tolerance
        });
        by_key.entry((key, &figure.unit)).or_default().push(Stated {
            claim,
            figure,
            tolerance,
            bounds: figure.bounds(tolerance),
        });
    }
    by_key
        .into_iter()
        .flat_map(|((key, _), stated)| {
            let window = conflict::window_of(stated.iter().map(|s| s.claim), cx.pack);
            conflict::windows(stated, window, |s| s.claim.time.map(|t| t.start))
                .into_iter()
                .map(move |stated| (key, stated))
        })
        .filter_map(|(key, stated)| {
            let clash = clash(&stated)?;
            Some(finding(key, stated, clash, cx))
        })
        .collect()
}

/// Two claims from different articles whose figures cannot both hold, if any:
/// for intervals on a line, some pair is disjoint exactly when the highest lower
/// bound lies above the lowest upper bound, so only each article's extremes count.
fn clash(stated: &[Stated]) -> Option<(usize, usize)> {
    let mut highest_lo: HashMap<ArticleId, usize> = HashMap::new();
    let mut lowest_hi: HashMap<ArticleId, usize> = HashMap::new();
    for (i, s) in stated.iter().enumerate() {
        let a = s.claim.article;
        let lo = highest_lo.entry(a).or_insert(i);
        if s.bounds.lo > stated[*lo].bounds.lo {
            *lo = i;
        }
        let hi = lowest_hi.entry(a).or_insert(i);
        if s.bounds.hi < stated[*hi].bounds.hi {
            *hi = i;
        }
    }
    // Each article's extreme, best first, by the order `Bounds::overlaps` uses
    // (an open upper bound is below a closed one at the same value).
    let two_best = |map: &HashMap<ArticleId, usize>,
                    order: &dyn Fn(&Bounds, &Bounds) -> Ordering| {
        let mut best: Vec<usize> = map.values().copied().collect();
        best.sort_by(|&x, &y| order(&stated[x].bounds, &stated[y].bounds));
        best.truncate(2);
        best
    };
    let his = two_best(&lowest_hi, &|x, y| {
        x.hi.total_cmp(&y.hi).then(y.hi_open.cmp(&x.hi_open))
    });
    let los = two_best(&highest_lo, &|x, y| y.lo.total_cmp(&x.lo));
    los.iter()
        .flat_map(|&l| his.iter().map(move |&h| (l, h)))
        .find(|&(l, h)| {
            stated[l].claim.article != stated[h].claim.article
                && !stated[l].bounds.overlaps(&stated[h].bounds)
        })
}

/// The value the figures of the most articles allow: the figures are swept in
/// order of their bounds, counting the articles whose figures are open at each
/// lower bound.
fn best_value(stated: &[Stated]) -> f64 {
    // At one value, open upper bounds end before lower bounds start, and closed
    // upper bounds end after.
    let mut events: Vec<(f64, u8, usize)> = Vec::with_capacity(stated.len() * 2);
    for (i, s) in stated.iter().enumerate() {
        events.push((s.bounds.lo, 1, i));
        events.push((s.bounds.hi, if s.bounds.hi_open { 0 } else { 2 }, i));
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut open: HashMap<ArticleId, usize> = HashMap::new();
    let (mut most, mut at) = (0, stated[0].bounds.lo);
    for (x, kind, i) in events {
        let article = stated[i].claim.article;
        if kind == 1 {
            *open.entry(article).or_default() += 1;
            if open.len() > most {
                (most, at) = (open.len(), x);
            }
        } else if let Some(n) = open.get_mut(&article) {
            *n -= 1;
            if *n == 0 {
                open.remove(&article);
            }
        }
    }
    at
}

fn finding(key: &str, stated: Vec<Stated>, clash: (usize, usize), cx: &Context) -> Finding {
    let best = best_value(&stated);
    let supports = |s: &Stated| s.bounds.contains(best);
    let articles = |pred: &dyn Fn(&Stated) -> bool| -> BTreeSet<ArticleId> {
        stated
            .iter()
            .filter(|s| pred(s))
            .map(|s| s.claim.article)
            .collect()
    };
    let all = articles(&|_| true);
    let supporters = articles(&supports);
    let majority = supporters.len() * 2 > all.len();
    // The first figure the best value rules out, and, to show why, one that the
    // best value allows and that cannot be true with it (else the clash found).
    let suspect = stated
        .iter()
        .filter(|s| !supports(s))
        .min_by_key(|s| (s.claim.article, s.claim.span.start))
        .expect("figures that clash cannot all allow one value");
    let (x, r) = stated
        .iter()
        .filter(|s| supports(s) && s.claim.article != suspect.claim.article)
        .find(|s| !s.bounds.overlaps(&suspect.bounds))
        .map_or((&stated[clash.0], &stated[clash.1]), |r| (suspect, r));
    let written = |s: &Stated| format!("`{}`", s.claim.raw);
    // What a figure allows, when that is more than the figure itself (`3.4%` is
    // 3.35% up to 3.45%; `10,741` is just 10,741).
    let range = |s: &Stated| {
        let range = s.figure.describe(s.tolerance);
        (range != s.figure.to_string()).then_some(range)
    };
    let why = match (range(x), range(r)) {
        (None, None) => format!("{} and {} are different figures", written(x), written(r)),
        (rx, rr) => {
            let means = |s: &Stated, range: Option<String>| match range {
                Some(range) => format!("{} means {range}", written(s)),
                None => written(s),
            };
            format!("{} and {}: no figure is both", means(x, rx), means(r, rr))
        }
    };
    // One entry per figure (as first written), those the best value allows first,
    // each with the articles that give it.
    let mut values = conflict::group_by(&stated, |s| s.figure, |s| s.claim.article);
    values.sort_by_key(|g| (!supports(g.members[0]), std::cmp::Reverse(g.articles.len())));
    let help = if majority {
        let agreeing: Vec<String> = values
            .iter()
            .filter(|g| supports(g.members[0]))
            .map(|g| written(g.members[0]))
            .collect();
        let given = match agreeing.as_slice() {
            [one] => one.to_string(),
            many => format!("figures that agree ({})", many.join(", ")),
        };
        format!(
            "{why}; {} of {} give {given}: check the source and correct the others",
            supporters.len(),
            plural(all.len(), "article"),
        )
    } else {
        format!(
            "{why}; no figure has a majority: check the source and correct the articles that are wrong"
        )
    };
    let stances: Vec<Stance> = stated
        .iter()
        .map(|s| Stance {
            claim: s.claim,
            says: match range(s) {
                Some(r) => format!("{}: {r}", written(s)),
                None => written(s),
            },
            suspect: !supports(s) || !majority,
        })
        .collect();
    Finding {
        code: Code::NumberConflict,
        severity: conflict::severity(stated.iter().map(|s| s.claim), cx.pack),
        message: conflict::message(
            key,
            values
                .iter()
                .map(|g| (written(g.members[0]), g.articles.len())),
        ),
        help,
        locations: conflict::locations(stances, majority, suspect.claim.article),
        fix: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{claims_of, context, pack};
    use crate::ids::Id;
    use crate::report::Severity;
    use crate::value::ValueType;

    fn check(items: &[(usize, &str)], tolerance: f64) -> Vec<Finding> {
        let x = claims_of(items.iter().map(|&(a, text)| {
            (
                a,
                text.to_string(),
                Value::parse(ValueType::Number, text).unwrap(),
            )
        }));
        run(&context(
            &x,
            &pack(Severity::Error, ValueType::Number, tolerance),
        ))
    }

    #[test]
    fn one_article_disagreeing_with_itself_is_not_a_conflict() {
        assert!(check(&[(0, "10"), (0, "20")], 0.1).is_empty());
        // Another article saying one of them is.
        assert_eq!(check(&[(0, "10"), (0, "20"), (1, "10")], 0.1).len(), 1);
    }

    #[test]
    fn the_rules_tolerance_widens_hedges() {
        assert_eq!(check(&[(0, "about 100"), (1, "107")], 0.05).len(), 1);
        assert!(check(&[(0, "about 100"), (1, "107")], 0.1).is_empty());
    }

    #[test]
    fn the_majority_is_the_value_most_articles_allow() {
        // `about 100` and `95` both allow 95; `120` allows neither.
        let f = &check(&[(0, "about 100"), (1, "120"), (2, "95")], 0.1)[0];
        assert_eq!(f.locations[0].article, Id::new(1));
        assert_eq!(f.locations.iter().filter(|l| l.primary).count(), 1);
        assert!(
            f.help.contains("2 of 3 articles give figures that agree"),
            "{}",
            f.help
        );
    }

    #[test]
    fn units_are_compared_apart() {
        assert!(
            check(
                &[(0, "22%"), (1, "£22 million"), (2, "22 million tons")],
                0.1
            )
            .is_empty()
        );
        assert_eq!(
            check(&[(0, "22%"), (1, "23%"), (2, "£22 million")], 0.1).len(),
            1
        );
    }

    #[test]
    fn open_and_unbounded_ranges() {
        assert!(check(&[(0, "more than 500"), (1, "2,000")], 0.1).is_empty());
        assert_eq!(check(&[(0, "up to 500"), (1, "501")], 0.1).len(), 1);
        // 3 stands for 2.5 up to, not including, 3.5; 3.5 is not in it.
        assert_eq!(check(&[(0, "3"), (1, "4")], 0.1).len(), 1);
    }
}
