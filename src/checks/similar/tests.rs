//! The deletion index against comparing every pair.

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

proptest::proptest! {
    /// Words over a few letters (upper case, and `İ`, whose lower case is two
    /// letters, among them), of every length, past the direct comparison: the pairs
    /// found are exactly those comparing every pair finds.
    #[test]
    fn similar_pairs_are_every_similar_pair(
        owned in proptest::collection::vec("[aAİ][abİé]{2,11}", 33..160),
    ) {
        let ws: Vec<&str> = owned.iter().map(String::as_str).collect();
        proptest::prop_assert_eq!(similar_pairs(&ws), brute_force(&ws));
    }
}
