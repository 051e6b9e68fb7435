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
//!
//! Only a word's first eight letters are indexed. Two words of eight letters or
//! more, two edits apart, leave at most two letters of either's first eight
//! unmatched in the script's alignment (an edit leaves at most one letter on each
//! side unmatched, and the alignment keeps order, so the first eight of one side
//! can lose matches past the other's first eight only where the other loses
//! unmatched letters in its own): deleting up to two from each eight leaves a
//! common string. A word of seven letters is within two edits only of a word of
//! nine by two insertions, which leave it whole in the longer word, at least six
//! of its letters in the longer's first eight: one deletion from the shorter and
//! two from the eight meet. So no similar pair is lost, and words of nine letters
//! and more have 37 keys instead of up to hundreds.

use crate::names::similar_words;
use rustc_hash::FxHashMap;

/// Up to this many words, comparing every pair is as fast as indexing them.
const DIRECT: usize = 32;

/// How many of a word's first letters its keys are cut from: the eight from which
/// two deletions are allowed (see the module's documentation on why that is enough).
const INDEXED: usize = 8;

/// Word ids by the strings their deletions leave, for words that come one by one
/// (hashed: two strings that hash alike only add a candidate).
#[derive(Default)]
pub struct SimilarIndex {
    ids: FxHashMap<u64, Vec<usize>>,
}

impl SimilarIndex {
    /// Indexes `word` under `id`.
    pub fn insert(&mut self, word: &str, id: usize) {
        for key in distinct_keys(word) {
            self.ids.entry(key).or_default().push(id);
        }
    }

    /// The ids of the words indexed so far that may be similar to `word`: every
    /// one that is, some more than once, and some that are not.
    pub fn candidates(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        distinct_keys(word)
            .into_iter()
            .filter_map(|key| self.ids.get(&key))
            .flatten()
            .copied()
    }
}

/// The keys of `word`, each once: an id is listed once under each.
fn distinct_keys(word: &str) -> Vec<u64> {
    let mut keys = Keys::default();
    keys_into(word, &mut keys);
    keys.keys.sort_unstable();
    keys.keys.dedup();
    keys.keys
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

/// Every similar pair, through the deletion index: within each part of the
/// entries (see [`entries`]), the words sharing a key meet in a small
/// open-addressing table of the part's entries, chained by key, so that no
/// entry is sorted; only the few candidates are.
fn indexed_pairs(words: &[&str]) -> Vec<(usize, usize)> {
    const NONE: u32 = u32::MAX;
    let mut lengths = Vec::with_capacity(words.len());
    let (entries, ends) = entries(words, &mut lengths);
    let id_bits = id_bits(words.len());
    let id = |e: u64| (e & ((1 << id_bits) - 1)) as usize;
    let key = |e: u64| e >> id_bits;
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    // The first entry of each key in a slot, and each entry's next of its key.
    let (mut table, mut chain): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for p in ends.windows(2) {
        let part = &entries[p[0]..p[1]];
        let mask = (part.len() * 2).next_power_of_two() - 1;
        table.clear();
        table.resize(mask + 1, NONE);
        chain.clear();
        chain.resize(part.len(), NONE);
        for (x, &e) in part.iter().enumerate() {
            // The key's low bits: its top bits are the part's.
            let mut slot = key(e) as usize & mask;
            while table[slot] != NONE && key(part[table[slot] as usize]) != key(e) {
                slot = (slot + 1) & mask;
            }
            let mut y = table[slot];
            while y != NONE {
                // Equal only where two keys of one word were cut alike.
                let (i, j) = (id(part[y as usize]), id(e));
                let (short, long) = (lengths[i].min(lengths[j]), lengths[i].max(lengths[j]));
                let allowed = if long >= 8 { 2 } else { 1 };
                if i != j && long - short <= allowed {
                    candidates.push((i.min(j), i.max(j)));
                }
                y = chain[y as usize];
            }
            chain[x] = table[slot];
            table[slot] = x as u32;
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
/// top bits, then the index), placed by their top bits (see [`partition`]), with
/// where each part ends; and into `lengths`, each word's length as
/// [`similar_words`] counts it. Keys cut short may make two strings look alike,
/// which only adds a candidate.
fn entries(words: &[&str], lengths: &mut Vec<usize>) -> (Vec<u64>, Vec<usize>) {
    let id_bits = id_bits(words.len());
    let mut unplaced: Vec<u64> = Vec::with_capacity(words.len() * 40);
    let mut keys = Keys::default();
    for (i, word) in words.iter().enumerate() {
        lengths.push(keys_into(word, &mut keys));
        unplaced.extend(
            keys.keys
                .iter()
                .map(|&k| (k >> id_bits << id_bits) | i as u64),
        );
    }
    partition(&unplaced, |&e| e)
}

/// `items` sorted, where `hash(item)` is well mixed and orders items as their own
/// order does, first: each part of [`partition`] sorted while it is in cache.
/// Linear where one sort of all the items is not.
pub(crate) fn sort_by_hash<T: Ord + Copy + Default>(
    items: &[T],
    hash: impl Fn(&T) -> u64,
) -> Vec<T> {
    let (mut sorted, ends) = partition(items, hash);
    for p in ends.windows(2) {
        sorted[p[0]..p[1]].sort_unstable();
    }
    sorted
}

/// `items` placed by the top bits of `hash(item)` (a counting sort), in parts of a
/// few hundred that fit in the processor's caches, and where each part ends: flat
/// lists, which fill faster than a map of lists.
fn partition<T: Copy + Default>(items: &[T], hash: impl Fn(&T) -> u64) -> (Vec<T>, Vec<usize>) {
    let bits = (items.len() / 256).max(2).ilog2().min(16);
    let part = |item: &T| (hash(item) >> (64 - bits)) as usize;
    let mut ends = vec![0usize; (1 << bits) + 1];
    for item in items {
        ends[part(item) + 1] += 1;
    }
    for p in 1..ends.len() {
        ends[p] += ends[p - 1];
    }
    let mut placed = vec![T::default(); items.len()];
    let mut next = ends.clone();
    for item in items {
        let at = &mut next[part(item)];
        placed[*at] = *item;
        *at += 1;
    }
    (placed, ends)
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

/// The hashed strings `word` is indexed under, into `keys.keys` (cleared first),
/// not deduplicated (deleting either `a` of `aab` leaves `ab` twice), which costs
/// the pair search nothing but a sort per word: none for words too short to be
/// similar to any. Returns the word's length in letters, lower-cased.
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
    let len = letters.len();
    if len < 4 {
        return len;
    }
    // Only the first eight letters are indexed: at most 37 keys a word.
    let n = len.min(INDEXED);
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
        if n == INDEXED {
            for j in i + 1..n {
                keys.push(finish(then(then(part(0, i), i + 1, j), j + 1, n)));
            }
        }
    }
    len
}

#[cfg(test)]
mod tests;
