//! Stories: the groups of articles that are versions of one another. Exact
//! copies are grouped first, by a hash of all they keep, and stand for one
//! version (a corpus filed twice has each article twice, and the copies can
//! never disagree); copies' representatives that share a MinHash band and whose
//! signatures are similar enough are versions of one story, and so, through
//! them, are the versions of their versions.

use super::{Version, minhash};
use crate::ids::ArticleId;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::Xxh3;

/// One version of a story: the article that stands for it and its exact copies
/// (the article itself first).
#[derive(Debug, PartialEq)]
pub struct Member<'a> {
    pub version: &'a Version,
    pub copies: Vec<ArticleId>,
}

/// More distinct articles than this in one band bucket share a run of
/// boilerplate, not a story (a story has a handful of versions): the bucket is
/// passed over, and true versions still meet in their other bands.
const CROWDED: usize = 64;

/// The stories of `versions` (in article order) whose versions are at least
/// `threshold` similar, each with two or more distinct versions, in the order
/// of their first article.
pub fn stories(versions: &[(ArticleId, Version)], threshold: f64) -> Vec<Vec<Member<'_>>> {
    // Exact copies, by a hash of everything a version keeps but its offsets.
    let mut copies: FxHashMap<u64, usize> = FxHashMap::default();
    let mut members: Vec<Member> = Vec::new();
    for (article, version) in versions {
        let at = *copies.entry(content(version)).or_insert_with(|| {
            members.push(Member {
                version,
                copies: Vec::new(),
            });
            members.len() - 1
        });
        members[at].copies.push(*article);
    }
    let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, m) in members.iter().enumerate() {
        for band in minhash::bands(&m.version.signature) {
            buckets.entry(band).or_default().push(i as u32);
        }
    }
    let mut sets = Sets::new(members.len());
    for bucket in buckets.values() {
        if bucket.len() < 2 || bucket.len() > CROWDED {
            continue;
        }
        for (k, &a) in bucket.iter().enumerate() {
            for &b in &bucket[k + 1..] {
                let (x, y) = (&members[a as usize], &members[b as usize]);
                if minhash::similarity(&x.version.signature, &y.version.signature) >= threshold {
                    sets.join(a as usize, b as usize);
                }
            }
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..members.len() {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_unstable();
    let mut members: Vec<Option<Member>> = members.into_iter().map(Some).collect();
    groups
        .into_iter()
        .map(|g| g.into_iter().filter_map(|i| members[i].take()).collect())
        .collect()
}

/// A hash of what a version keeps, less its offsets: equal for exact copies.
fn content(version: &Version) -> u64 {
    let mut h = Xxh3::new();
    for s in version.signature.iter() {
        h.update(&s.to_le_bytes());
    }
    for line in &version.lines {
        h.update(&line.hash.to_le_bytes());
        h.update(&line.end.to_le_bytes());
    }
    h.update(version.text.as_bytes());
    h.digest()
}

/// Disjoint sets of members (union–find, with path halving).
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Sets {
        Sets((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// Puts `a` and `b` in one set, rooted at the lower, so that a story's root
    /// is its first member.
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.0[a.max(b)] = a.min(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::Rng;
    use crate::ids::Id;

    fn story(rng: &mut Rng) -> String {
        (0..300)
            .map(|_| rng.word(b"abcdefghijklmnopqrstuvwxyz", 3, 9).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn groups_copies_and_near_duplicates_but_not_unrelated_articles() {
        let mut rng = Rng::new(3);
        let (a, b) = (story(&mut rng), story(&mut rng));
        let mut words: Vec<&str> = a.split(' ').collect();
        words[150] = "45";
        let a2 = words.join(" ");
        let texts = [&a, &b, &a, &a2, &b];
        let versions: Vec<(ArticleId, Version)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (Id::new(i), Version::of(t, 0).unwrap()))
            .collect();
        let found = stories(&versions, 0.5);
        // `b` and its copy are one version, and no story; `a`, its copy and `a2` are
        // a story of two versions.
        assert_eq!(found.len(), 1);
        let copies: Vec<Vec<usize>> = found[0]
            .iter()
            .map(|m| m.copies.iter().map(|c| c.index()).collect())
            .collect();
        assert_eq!(copies, [vec![0, 2], vec![3]]);
    }
}
