//! Near-duplicate detection without comparing articles pairwise: an article's
//! body is a set of word shingles, summarised by a MinHash signature (the share
//! of equal entries of two signatures estimates the Jaccard similarity of their
//! sets), and signatures are cut into bands so that articles sharing a band land
//! in one bucket — the only pairs ever compared.
//!
//! The signature is a one-permutation MinHash (Li, Owen and Zhang, 2012): each
//! shingle is hashed once, and its hash goes to one of [`HASHES`] bins, which
//! keep their least. That estimates similarity as well as [`HASHES`] separate hash
//! functions would, at a 64th of the cost: it runs on every article.

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

/// A bin no shingle fell in (a short text leaves a few empty).
const EMPTY: u32 = u32::MAX;

/// A MinHash signature: for each of [`HASHES`] bins, the least hash of the
/// article's shingles that fell in it.
pub type Signature = Box<[u32]>;

/// The signature of `body`'s lower-cased word shingles, `None` for a text too
/// short to have one (fewer than [`SHINGLE`] words), which is no version of
/// anything.
pub fn signature(body: &str) -> Option<Signature> {
    let mut least = [EMPTY; HASHES];
    // The last SHINGLE words' hashes, as a ring.
    let mut last = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut add = |word: u64| {
        last[words % SHINGLE] = word;
        words += 1;
        if words >= SHINGLE {
            let shingle = (words..words + SHINGLE).fold(0u64, |h, k| {
                (h.rotate_left(17) ^ last[k % SHINGLE]).wrapping_mul(PRIME)
            });
            let h = mix(shingle);
            let (bin, value) = ((h % HASHES as u64) as usize, (h >> 32) as u32);
            least[bin] = least[bin].min(value.min(EMPTY - 1));
        }
    };
    // Words hashed as they are read, lower-cased, with no allocation.
    let mut word: Option<u64> = None;
    for c in body.chars() {
        if c.is_alphanumeric() {
            let mut h = word.unwrap_or(0xCBF2_9CE4_8422_2325);
            if c.is_ascii() {
                h = (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(PRIME);
            } else {
                for l in c.to_lowercase() {
                    h = (h ^ u64::from(l)).wrapping_mul(PRIME);
                }
            }
            word = Some(h);
        } else if let Some(h) = word.take() {
            add(mix(h));
        }
    }
    if let Some(h) = word {
        add(mix(h));
    }
    (words >= SHINGLE).then(|| least.into())
}

/// The share of bins two signatures have equal, of those either has filled: an
/// estimate of the Jaccard similarity of the articles' shingle sets.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let (mut equal, mut filled) = (0, 0);
    for (x, y) in a.iter().zip(b) {
        if *x != EMPTY || *y != EMPTY {
            filled += 1;
            equal += usize::from(x == y);
        }
    }
    equal as f64 / f64::from(filled.max(1))
}

/// The keys of a signature's bands: one per [`ROWS`] entries, tagged with the
/// band's number so that equal entries in different bands do not meet. A band
/// with an empty bin has no key: short texts would all meet in it.
pub fn bands(signature: &[u32]) -> impl Iterator<Item = u64> + '_ {
    signature
        .chunks(ROWS)
        .enumerate()
        .filter(|(_, rows)| !rows.contains(&EMPTY))
        .map(|(band, rows)| {
            rows.iter()
                .fold(band as u64, |h, &r| mix(h.rotate_left(29) ^ u64::from(r)))
        })
}

/// The FNV-1a prime, to hash words and shingles as they are read.
const PRIME: u64 = 0x0000_0100_0000_01B3;

/// A 64-bit finaliser (splitmix64's): spreads every input bit over the output.
const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

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
