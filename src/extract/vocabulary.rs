//! The corpus's lower-case vocabulary: which words some article writes in lower
//! case, so that `Interior` or `Speaking` before a name is known not to be part of
//! it. Counted in parallel, one table per worker thread; kept with enough detail
//! that a cache can take out the words of an article that changed.

use crate::names;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Mutex;

/// Words used by at most this many articles keep the list of those articles, so
/// that they can be taken out exactly when one of them changes. More common words
/// cannot disappear until that many articles have changed.
pub const RARE: u32 = 32;

/// The hash words are known by: one 64-bit hash per word, so that counting the
/// corpus's words never compares strings.
fn key(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// Lower-case words with the number of articles using each (exact up to [`RARE`],
/// past it only known to be past it), the articles using the rare ones, and the
/// words themselves, stored once.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Vocabulary {
    counts: FxHashMap<u64, u32>,
    words: FxHashMap<u64, Box<str>>,
    /// For each word used by at most [`RARE`] articles, which ones (as numbered
    /// by whoever counted them).
    users: FxHashMap<u64, Vec<u32>>,
}

impl Vocabulary {
    /// Counts one more article, `source`, using `word`; says whether the word is
    /// now common (used by more than [`RARE`] articles).
    fn add(&mut self, key: u64, word: &str, source: u32) -> bool {
        match self.counts.get_mut(&key) {
            Some(n) => {
                *n += 1;
                if *n <= RARE {
                    self.users.entry(key).or_default().push(source);
                } else if *n == RARE + 1 {
                    self.users.remove(&key);
                }
                *n > RARE
            }
            None => {
                self.counts.insert(key, 1);
                self.words.insert(key, word.into());
                self.users.insert(key, vec![source]);
                false
            }
        }
    }

    /// Adds another vocabulary's counts to this one.
    pub fn merge(&mut self, other: Vocabulary) {
        if self.counts.len() < other.counts.len() {
            let mine = std::mem::replace(self, other);
            return self.merge(mine);
        }
        for (k, n) in other.counts {
            let total = self.counts.entry(k).or_default();
            let had = *total;
            *total += n;
            let theirs = other.users.get(&k);
            if *total > RARE {
                self.users.remove(&k);
            } else if let Some(theirs) = theirs {
                // Both lists are whole while the total is rare (a word with no
                // list here and a count is past RARE already).
                if had == 0 || self.users.contains_key(&k) {
                    self.users.entry(k).or_default().extend(theirs);
                }
            }
        }
        for (k, word) in other.words {
            self.words.entry(k).or_insert(word);
        }
    }

    /// Whether some article writes `word` in lower case.
    pub fn contains(&self, word: &str) -> bool {
        self.counts.get(&key(word)).is_some_and(|&n| n > 0)
    }

    /// Takes out the articles `gone` (changed or removed) from the words whose users
    /// are listed. Common words are left as they are: the caller makes sure too few
    /// articles have changed for one of them to have lost its last user.
    pub fn remove(&mut self, gone: &FxHashSet<u32>) {
        if gone.is_empty() {
            return;
        }
        let mut emptied = Vec::new();
        for (k, users) in &mut self.users {
            let before = users.len();
            users.retain(|u| !gone.contains(u));
            let removed = u32::try_from(before - users.len()).unwrap_or(u32::MAX);
            if removed > 0
                && let Some(n) = self.counts.get_mut(k)
            {
                *n = n.saturating_sub(removed);
                if *n == 0 {
                    emptied.push(*k);
                }
            }
        }
        for k in emptied {
            self.counts.remove(&k);
            self.words.remove(&k);
            self.users.remove(&k);
        }
    }

    /// Renumbers the articles in the users lists; those `map` drops are taken out.
    pub fn renumber(&mut self, map: impl Fn(u32) -> Option<u32>) {
        // In place: a new list per word would be an allocation for each of the
        // corpus's rare words on every warm run.
        for users in self.users.values_mut() {
            users.retain_mut(|u| match map(*u) {
                Some(to) => {
                    *u = to;
                    true
                }
                None => false,
            });
        }
    }

    /// Counts `n` more articles using `word`, as another run counted them (which
    /// articles is not known: such a vocabulary names, it is not for a cache).
    pub fn add_counted(&mut self, word: &str, n: u32) {
        let k = key(word);
        *self.counts.entry(k).or_default() += n;
        self.words.entry(k).or_insert_with(|| word.into());
        self.users.remove(&k);
    }

    /// Every word with the number of articles using it.
    pub fn counts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.counts
            .iter()
            .filter_map(|(k, &n)| Some((&**self.words.get(k)?, n)))
    }
}

/// How many common words a worker remembers in a table small enough for the
/// processor's fastest cache.
const HOT: usize = 1 << 15;

/// A worker thread's vocabulary, the words of the article it is counting, and the
/// common words it has met. A common word is only known to be in the vocabulary:
/// its count stops at [`RARE`] + 1, which is all the vocabulary needs of it, and
/// most words of an article are such words, found in `hot` without hashing twice.
struct Slot {
    vocabulary: Vocabulary,
    seen: FxHashSet<u64>,
    hot: Box<[u64; HOT]>,
}

impl Default for Slot {
    fn default() -> Self {
        Slot {
            vocabulary: Vocabulary::default(),
            seen: FxHashSet::default(),
            hot: Box::new([0; HOT]),
        }
    }
}

/// One vocabulary per worker thread, merged at the end: counting words needs no
/// lock shared between threads.
pub struct Vocabularies {
    slots: Vec<Mutex<Slot>>,
}

impl Vocabularies {
    pub fn new() -> Vocabularies {
        Vocabularies {
            slots: (0..=rayon::current_num_threads())
                .map(|_| Mutex::default())
                .collect(),
        }
    }

    /// Counts the lower-case words of one article, `source`, in the calling
    /// thread's vocabulary.
    pub fn count(&self, source: u32, body: &str) {
        let slot = rayon::current_thread_index().map_or(0, |i| i + 1);
        let mut guard = self.slots[slot % self.slots.len()]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let Slot {
            vocabulary,
            seen,
            hot,
        } = &mut *guard;
        seen.clear();
        names::lowercase_words(body, |word| {
            let k = key(word);
            let place = &mut hot[(k % HOT as u64) as usize];
            if *place == k && k != 0 {
                return;
            }
            if seen.insert(k) && vocabulary.add(k, word, source) {
                *place = k;
            }
        });
    }

    pub fn into_vocabulary(self) -> Vocabulary {
        let mut all = Vocabulary::default();
        for slot in self.slots {
            all.merge(
                slot.into_inner()
                    .unwrap_or_else(|e| e.into_inner())
                    .vocabulary,
            );
        }
        all
    }
}

impl Default for Vocabularies {
    fn default() -> Self {
        Vocabularies::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(articles: &[&str]) -> Vocabulary {
        let all = Vocabularies::new();
        for (i, text) in articles.iter().enumerate() {
            all.count(i as u32, text);
        }
        all.into_vocabulary()
    }

    #[test]
    fn words_are_counted_once_per_article() {
        let v = counted(&["the interior of the house", "an interior"]);
        assert!(v.contains("interior") && v.contains("the"));
        assert!(!v.contains("Interior") && !v.contains("house."));
        assert_eq!(v.counts[&key("interior")], 2);
        assert_eq!(v.counts[&key("the")], 1);
        assert_eq!(v.users[&key("interior")], [0, 1]);
    }

    #[test]
    fn taking_out_an_article_forgets_the_words_only_it_used() {
        let mut v = counted(&["the interior", "the home"]);
        v.remove(&FxHashSet::from_iter([1]));
        assert!(v.contains("interior") && v.contains("the"));
        assert!(!v.contains("home"));
        v.renumber(|u| Some(u + 10));
        assert_eq!(v.users[&key("the")], [10]);
    }

    #[test]
    fn renumbering_moves_and_drops_users() {
        let mut v = counted(&["the interior", "the home", "the house"]);
        v.renumber(|u| (u != 1).then(|| u * 2));
        assert_eq!(v.users[&key("the")], [0, 4]);
        assert_eq!(v.users[&key("interior")], [0]);
        assert!(v.users[&key("home")].is_empty());
    }

    #[test]
    fn common_words_lose_their_lists() {
        let letter = |i: u32| char::from(b'a' + u8::try_from(i % 26).unwrap());
        let texts: Vec<String> = (0..=RARE)
            .map(|i| format!("common word{}{}a", letter(i), letter(i / 26)))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let v = counted(&refs);
        assert_eq!(v.counts[&key("common")], RARE + 1);
        assert!(!v.users.contains_key(&key("common")));
        assert_eq!(v.users[&key("worddaa")], [3]);
    }
}
