//! Near-duplicate detection without comparing articles pairwise: an article's
//! body is a set of word shingles, summarised by a MinHash signature (the share
//! of equal entries of two signatures estimates the Jaccard similarity of their
//! sets), and signatures are cut into bands so that articles sharing a band land
//! in one bucket — the only pairs ever compared.

use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle: five words in a row are rarely shared by articles that are
/// not versions of one story, yet a changed figure only touches five shingles.
pub const SHINGLE: usize = 5;

/// Entries of a signature: 64 puts the estimate within about ±0.06 of the true
/// similarity, for 256 bytes an article.
pub const HASHES: usize = 64;

/// Entries per band. Two make two articles of similarity 0.5 share a band with
/// probability 1 − 0.75³² (all but certain), and two of 0.05 only 1 time in 13;
/// candidates are then kept only if their estimated similarity is high enough.
pub const ROWS: usize = 2;

/// A MinHash signature: for each of [`HASHES`] hash functions, the least hash of
/// the article's shingles.
pub type Signature = Box<[u32]>;

/// The signature of `body`'s lower-cased word shingles, `None` for a text too
/// short to have one (fewer than [`SHINGLE`] words), which is no version of
/// anything.
pub fn signature(body: &str) -> Option<Signature> {
    let words: Vec<u64> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| xxh3_64(w.to_lowercase().as_bytes()))
        .collect();
    if words.len() < SHINGLE {
        return None;
    }
    let mut least = [u32::MAX; HASHES];
    for window in words.windows(SHINGLE) {
        let shingle = window.iter().fold(0u64, |h, &w| mix(h.rotate_left(17) ^ w));
        for (i, slot) in least.iter_mut().enumerate() {
            // The i-th hash function: the shingle's hash mixed with a seed of its own.
            let h = (mix(shingle ^ SEEDS[i]) >> 32) as u32;
            *slot = (*slot).min(h);
        }
    }
    Some(least.into())
}

/// The share of entries two signatures have equal: an estimate of the Jaccard
/// similarity of the articles' shingle sets.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

/// The keys of a signature's bands: one per [`ROWS`] entries, tagged with the
/// band's number so that equal entries in different bands do not meet.
pub fn bands(signature: &[u32]) -> impl Iterator<Item = u64> + '_ {
    signature.chunks(ROWS).enumerate().map(|(band, rows)| {
        rows.iter()
            .fold(band as u64, |h, &r| mix(h.rotate_left(29) ^ u64::from(r)))
    })
}

/// A 64-bit finaliser (splitmix64's): spreads every input bit over the output.
const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The seed of each hash function, fixed so that signatures kept in a cache or a
/// shard compare with new ones.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        seeds[i] = mix(0x9E37_79B9_7F4A_7C15u64.wrapping_mul(i as u64 + 1));
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::Rng;
    use proptest::prelude::*;

    /// A text of `n` words drawn from a large made-up vocabulary.
    fn text(rng: &mut Rng, n: usize) -> String {
        (0..n)
            .map(|_| rng.word(b"abcdefghijklmnopqrstuvwxyz", 3, 9))
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest! {
        #[test]
        fn identical_texts_have_equal_signatures_and_share_every_band(seed in any::<u64>()) {
            let t = text(&mut Rng::new(seed), 200);
            let (a, b) = (signature(&t).unwrap(), signature(&t.to_uppercase()).unwrap());
            prop_assert_eq!(similarity(&a, &b), 1.0);
            prop_assert!(bands(&a).eq(bands(&b)));
        }

        #[test]
        fn unrelated_texts_share_no_band(seed in any::<u64>()) {
            let mut rng = Rng::new(seed);
            let (a, b) = (signature(&text(&mut rng, 300)).unwrap(), signature(&text(&mut rng, 300)).unwrap());
            prop_assert!(similarity(&a, &b) < 0.1);
            let a: Vec<u64> = bands(&a).collect();
            prop_assert!(bands(&b).all(|k| !a.contains(&k)));
        }
    }

    #[test]
    fn one_changed_word_leaves_a_long_text_similar() {
        let t = text(&mut Rng::new(7), 400);
        let mut words: Vec<&str> = t.split(' ').collect();
        words[10] = "4.5bn";
        words[200] = "x";
        let changed = words.join(" ");
        let s = similarity(&signature(&t).unwrap(), &signature(&changed).unwrap());
        assert!(s > 0.8, "{s}");
    }

    #[test]
    fn too_short_a_text_has_no_signature() {
        assert!(signature("four words are here").is_none());
        assert!(signature("five words are here now").is_some());
    }
}
