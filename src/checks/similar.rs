//! Finding words that [`similar_words`] pairs without comparing every pair: a
//! deletion-neighbourhood index (as in SymSpell).
//!
//! An edit script of `d` edits (Damerau–Levenshtein: insertions, deletions,
//! substitutions and transpositions) between two words keeps a common string that
//! deleting at most `d` letters from the longer word leaves, and at most
//! `d - (difference in length)` from the shorter: each edit costs at most one
//! deletion on either side, and the difference in length is all on the longer.
//! [`similar_words`] pairs words of four letters or more with the same first
//! letter, one edit apart, or two when the longer has eight letters or more: then
//! the shorter word loses at most two letters if it has eight or more too, at most
//! one if it has seven (and the longer eight), and none if it has six. So a
//! lower-cased word is indexed under the strings that deleting up to one of its
//! letters leaves, or up to two from eight letters on, each tagged with its first
//! letter; words that share no such string are never similar, and those that do
//! are compared with [`similar_words`] itself.

use crate::names::similar_words;
use rustc_hash::FxHashMap;

/// Up to this many words, comparing every pair is as fast as indexing them.
const DIRECT: usize = 32;

/// Word ids by the strings their deletions leave, for words that come one by one
/// (hashed: two strings that hash alike only add a candidate).
#[derive(Default)]
pub struct SimilarIndex {
    ids: FxHashMap<u64, Vec<usize>>,
}

impl SimilarIndex {
    /// Indexes `word` under `id`.
    pub fn insert(&mut self, word: &str, id: usize) {
        let mut keys = Keys::default();
        keys_into(word, &mut keys);
        for key in keys.keys {
            self.ids.entry(key).or_default().push(id);
        }
    }

    /// The ids of the words indexed so far that may be similar to `word`: every
    /// one that is, some more than once, and some that are not.
    pub fn candidates(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let mut keys = Keys::default();
        keys_into(word, &mut keys);
        keys.keys
            .into_iter()
            .filter_map(|key| self.ids.get(&key))
            .flatten()
            .copied()
    }
}

/// Every pair `(i, j)`, `i < j`, of `words` that [`similar_words`] pairs, in order.
/// Only words with the same first letter can be similar: each letter's words are
/// indexed apart, in a part small enough to stay in the processor's caches.
pub fn similar_pairs(words: &[&str]) -> Vec<(usize, usize)> {
    if words.len() <= DIRECT {
        return pairs_of(words);
    }
    let mut by_letter: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (i, word) in words.iter().enumerate() {
        if let Some(first) = word.chars().next().and_then(|c| c.to_lowercase().next()) {
            by_letter.entry(first).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for ids in by_letter.into_values().filter(|ids| ids.len() > 1) {
        let group: Vec<&str> = ids.iter().map(|&i| words[i]).collect();
        let found = if group.len() <= DIRECT {
            pairs_of(&group)
        } else {
            indexed_pairs(&group)
        };
        pairs.extend(found.into_iter().map(|(a, b)| (ids[a], ids[b])));
    }
    pairs.sort_unstable();
    pairs
}

/// Every similar pair, by comparing every pair: for a few words.
fn pairs_of(words: &[&str]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate().skip(i + 1) {
            if similar_words(a, b) {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// Every similar pair, through the deletion index.
fn indexed_pairs(words: &[&str]) -> Vec<(usize, usize)> {
    let mut lengths = Vec::with_capacity(words.len());
    let entries = sorted_entries(words, &mut lengths);
    let id_bits = id_bits(words.len());
    let id = |e: u64| (e & ((1 << id_bits) - 1)) as usize;
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for run in entries.chunk_by(|a, b| a >> id_bits == b >> id_bits) {
        for (x, &a) in run.iter().enumerate() {
            for &b in &run[x + 1..] {
                // Ascending, so `i <= j`: equal only where two keys of one word
                // were cut alike.
                let (i, j) = (id(a), id(b));
                let (short, long) = (lengths[i].min(lengths[j]), lengths[i].max(lengths[j]));
                let allowed = if long >= 8 { 2 } else { 1 };
                if i != j && long - short <= allowed {
                    candidates.push((i, j));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.retain(|&(i, j)| similar_words(words[i], words[j]));
    candidates
}

/// Bits enough for an index below `n`.
fn id_bits(n: usize) -> u32 {
    usize::BITS - n.leading_zeros()
}

/// Every word's keys, each packed with the word's index into one number (the key's
/// top bits, then the index), sorted so that words sharing a key are side by side;
/// and into `lengths`, each word's length as [`similar_words`] counts it.
///
/// The numbers are placed by their top bits first (a counting sort), then each
/// small part is sorted while it is in cache: flat lists, which fill and sort
/// faster than a map of lists. Keys cut short may make two strings look alike,
/// which only adds a candidate.
fn sorted_entries(words: &[&str], lengths: &mut Vec<usize>) -> Vec<u64> {
    let id_bits = id_bits(words.len());
    let mut unsorted: Vec<u64> = Vec::with_capacity(words.len() * 40);
    let mut keys = Keys::default();
    for (i, word) in words.iter().enumerate() {
        lengths.push(keys_into(word, &mut keys));
        unsorted.extend(
            keys.keys
                .iter()
                .map(|&k| (k >> id_bits << id_bits) | i as u64),
        );
    }
    let bits = (unsorted.len() / 256).max(2).ilog2().min(16);
    let part = |e: u64| (e >> (64 - bits)) as usize;
    let mut ends = vec![0usize; (1 << bits) + 1];
    for &e in &unsorted {
        ends[part(e) + 1] += 1;
    }
    for p in 1..ends.len() {
        ends[p] += ends[p - 1];
    }
    let mut entries = vec![0u64; unsorted.len()];
    let mut next = ends.clone();
    for &e in &unsorted {
        let at = &mut next[part(e)];
        entries[*at] = e;
        *at += 1;
    }
    for p in ends.windows(2) {
        entries[p[0]..p[1]].sort_unstable();
    }
    entries
}

/// The strings a word is indexed under, and room to compute them in: kept from one
/// word to the next, so that indexing a word allocates nothing.
#[derive(Default)]
struct Keys {
    keys: Vec<u64>,
    letters: Vec<u64>,
    prefix: Vec<u64>,
    power: Vec<u64>,
}

/// The hashed strings `word` is indexed under, into `keys.keys` (cleared first):
/// none for words too short to be similar to any. Returns the word's length in
/// letters, lower-cased.
///
/// Each string is hashed in constant time from hashes of the word's prefixes (a
/// polynomial hash), tagged with the word's first letter, and mixed so that every
/// bit depends on every letter.
fn keys_into(word: &str, scratch: &mut Keys) -> usize {
    const BASE: u64 = 0x100_0000_01B3;
    let Keys {
        keys,
        letters,
        prefix,
        power,
    } = scratch;
    keys.clear();
    letters.clear();
    if word.is_ascii() {
        letters.extend(word.bytes().map(|b| u64::from(b.to_ascii_lowercase()) + 1));
    } else {
        letters.extend(word.to_lowercase().chars().map(|c| u64::from(c) + 1));
    }
    let n = letters.len();
    if n < 4 {
        return n;
    }
    // prefix[k]: the hash of the first k letters; power[k]: BASE^k.
    prefix.clear();
    prefix.resize(n + 1, 0);
    power.clear();
    power.resize(n + 1, 1);
    for k in 0..n {
        prefix[k + 1] = prefix[k].wrapping_mul(BASE).wrapping_add(letters[k]);
        power[k + 1] = power[k].wrapping_mul(BASE);
    }
    // The hash of letters `from..to`, and of `h` followed by them.
    let part = |from: usize, to: usize| {
        prefix[to].wrapping_sub(prefix[from].wrapping_mul(power[to - from]))
    };
    let then = |h: u64, from: usize, to: usize| {
        h.wrapping_mul(power[to - from])
            .wrapping_add(part(from, to))
    };
    let tag = letters[0].wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let finish = |h: u64| {
        // SplitMix64's finaliser.
        let mut z = h ^ tag;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    keys.push(finish(prefix[n]));
    for i in 0..n {
        keys.push(finish(then(part(0, i), i + 1, n)));
        if n >= 8 {
            for j in i + 1..n {
                keys.push(finish(then(then(part(0, i), i + 1, j), j + 1, n)));
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic words over a small alphabet, so that many pairs are similar.
    fn words(n: usize, alphabet: &[char], seed: u64) -> Vec<String> {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|_| {
                let len = 3 + (next() % 8) as usize;
                (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    fn brute_force(words: &[&str]) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for i in 0..words.len() {
            for j in i + 1..words.len() {
                if similar_words(words[i], words[j]) {
                    pairs.push((i, j));
                }
            }
        }
        pairs
    }

    #[test]
    fn the_index_finds_exactly_the_similar_pairs() {
        // Upper case, and letters whose lower case is longer (`İ`), as well.
        for (alphabet, seed) in [
            ("ab", 1),
            ("abc", 2),
            ("aBcd", 3),
            ("abcdefgh", 4),
            ("aİıé", 5),
        ] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            let owned = words(400, &alphabet, seed);
            let mut ws: Vec<&str> = owned.iter().map(String::as_str).collect();
            ws.sort_unstable();
            ws.dedup();
            let mut found = similar_pairs(&ws);
            found.sort_unstable();
            let expected = brute_force(&ws);
            assert!(!expected.is_empty());
            assert_eq!(found, expected, "alphabet {alphabet:?}");
        }
    }

    #[test]
    fn words_two_edits_apart_of_every_length_are_found() {
        use crate::checks::testing::Rng;
        let mut rng = Rng::new(7);
        for base_len in 5..=10 {
            let base = rng.word(b"abc", base_len, base_len);
            // One or two edits of `base`: lengths from base_len - 2 to base_len + 2,
            // many of them one or two edits from each other too.
            let mut owned: Vec<String> = (0..250)
                .map(|_| {
                    let once = rng.misspell(&base);
                    if rng.below(3) == 0 {
                        once
                    } else {
                        rng.misspell(&once)
                    }
                })
                .collect();
            owned.push(base);
            owned.sort_unstable();
            owned.dedup();
            let ws: Vec<&str> = owned.iter().map(String::as_str).collect();
            let mut found = similar_pairs(&ws);
            found.sort_unstable();
            assert!(found.len() > 100, "{}", found.len());
            assert_eq!(
                found,
                brute_force(&ws),
                "around a word of {base_len} letters"
            );
        }
    }

    #[test]
    fn candidates_include_every_similar_word() {
        let owned = words(300, &['a', 'b', 'c'], 6);
        let ws: Vec<&str> = owned.iter().map(String::as_str).collect();
        let mut index = SimilarIndex::default();
        for (i, w) in ws.iter().enumerate() {
            index.insert(w, i);
        }
        for w in &ws {
            let candidates: Vec<usize> = index.candidates(w).collect();
            for (i, other) in ws.iter().enumerate() {
                if similar_words(w, other) {
                    assert!(candidates.contains(&i), "{w} and {other}");
                }
            }
        }
    }

    #[test]
    fn transpositions_and_long_words_are_found() {
        let ws = [
            "Chaudhry",
            "Chaudhary",
            "Chuadhry",
            "Marriott",
            "Marriot",
            "Mohsin",
            "Mohin",
        ];
        let mut many: Vec<&str> = ws.to_vec();
        // Past the direct comparison, with words that pair with none of them.
        let filler: Vec<String> = (0..40).map(|i| format!("Zz{i:04}qq")).collect();
        many.extend(filler.iter().map(String::as_str));
        let mut found = similar_pairs(&many);
        found.sort_unstable();
        assert_eq!(found, brute_force(&many));
        assert!(found.contains(&(0, 2)), "a transposition");
        assert!(found.contains(&(1, 2)), "two edits in a long word");
    }
}
