//! The lower-case words of a text, found with bit masks: counting every article's
//! vocabulary is a large part of reading a corpus, and a byte-at-a-time tokenizer
//! pays a mispredicted branch at nearly every word boundary.
//!
//! The text is taken in blocks of 64 bytes. For each block three masks are made
//! without branches, eight bytes at a time (which bytes are ASCII letters,
//! lower-case ASCII letters, not ASCII); characters outside ASCII, rare in English
//! news, are decoded one by one and marked as letters when they are alphabetic. A word then begins at a
//! letter after a non-letter and ends at the next non-letter, both found with
//! `trailing_zeros`; only words beginning with a lower-case letter are visited.

use super::swar;

/// Bit `j` of each mask stands for byte `j` of a block.
const BLOCK: usize = 64;

/// Every word of `text` written in lower case, in order, repeats included: the
/// article's part of the corpus's vocabulary. Words are what lies between
/// characters that are not alphabetic; those of one byte are left out.
pub fn lowercase_words<'a>(text: &'a str, mut each: impl FnMut(&'a str)) {
    let (letters, lower) = masks(text);
    let bytes = text.as_bytes();
    let mut previous_letter = false;
    for (block, (&letters_here, &lower_here)) in letters.iter().zip(&lower).enumerate() {
        // Letters whose previous byte is not one: where words begin.
        let starts = letters_here & !((letters_here << 1) | u64::from(previous_letter));
        previous_letter = letters_here >> (BLOCK - 1) == 1;
        let mut wanted = starts & lower_here;
        while wanted != 0 {
            let start = block * BLOCK + wanted.trailing_zeros() as usize;
            wanted &= wanted - 1;
            let end = next_non_letter(&letters, start);
            if end - start > 1 && is_lower_start(text, bytes, start) {
                each(&text[start..end]);
            }
        }
    }
}

/// Per block: which bytes belong to alphabetic characters, and at which a word may
/// begin in lower case (lower-case ASCII letters, and the bytes of every alphabetic
/// character outside ASCII, whose case [`is_lower_start`] decides).
fn masks(text: &str) -> (Vec<u64>, Vec<u64>) {
    let bytes = text.as_bytes();
    let blocks = bytes.len().div_ceil(BLOCK);
    let mut letters = Vec::with_capacity(blocks);
    let mut lower = Vec::with_capacity(blocks);
    // A character outside ASCII whose bytes run past the end of the last block.
    let mut pending: Option<(usize, bool)> = None;
    for (b, block) in bytes.chunks(BLOCK).enumerate() {
        let (mut letter, mut low, high) = ascii_masks(block);
        let base = b * BLOCK;
        let mut rest = high;
        while rest != 0 {
            let j = rest.trailing_zeros() as usize;
            let at = base + j;
            let (end, alphabetic) = match pending.filter(|&(end, _)| at < end) {
                Some(p) => p,
                None => {
                    let c = text[at..].chars().next().unwrap_or(' ');
                    (at + c.len_utf8(), c.is_alphabetic())
                }
            };
            pending = Some((end, alphabetic));
            let within = (end - base).min(BLOCK);
            let span = ones(within) & !ones(j);
            if alphabetic {
                letter |= span;
                low |= span;
            }
            rest &= !span;
        }
        letters.push(letter);
        lower.push(low);
    }
    (letters, lower)
}

/// The ASCII letters, lower-case ASCII letters and non-ASCII bytes of a block of at
/// most [`BLOCK`] bytes, as masks: eight bytes at a time.
fn ascii_masks(block: &[u8]) -> (u64, u64, u64) {
    let (mut letter, mut lower, mut high) = (0u64, 0u64, 0u64);
    for k in 0..block.len().div_ceil(8) {
        let c = swar::classes(swar::load(block, 8 * k));
        letter |= swar::gather(c.letter) << (8 * k);
        lower |= swar::gather(c.lower) << (8 * k);
        high |= swar::gather(c.high) << (8 * k);
    }
    (letter, lower, high)
}

/// The lowest `n` bits set (`n` at most 64).
fn ones(n: usize) -> u64 {
    if n >= BLOCK {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// The first byte at or after `from` that is not part of a letter, or the end of
/// the text (bits past it are clear).
fn next_non_letter(letters: &[u64], from: usize) -> usize {
    let mut block = from / BLOCK;
    let mut rest = !letters[block] & !ones(from % BLOCK);
    loop {
        if rest != 0 {
            return block * BLOCK + rest.trailing_zeros() as usize;
        }
        block += 1;
        match letters.get(block) {
            Some(&l) => rest = !l,
            None => return block * BLOCK,
        }
    }
}

/// Whether the word beginning at `start` begins with a lower-case letter: known
/// from the mask for ASCII, decoded otherwise.
fn is_lower_start(text: &str, bytes: &[u8], start: usize) -> bool {
    bytes[start].is_ascii() || text[start..].chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition: split where a character is not alphabetic, keep the words of
    /// more than one byte that begin with a lower-case letter.
    fn by_definition(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1 && w.starts_with(char::is_lowercase))
            .collect()
    }

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        lowercase_words(text, |w| out.push(w));
        out
    }

    #[test]
    fn words_split_where_the_text_is_not_alphabetic() {
        let text = "the Interior’s interior, déjà-vu Élan élan x 3rd naïve";
        assert_eq!(
            found(text),
            ["the", "interior", "déjà", "vu", "élan", "rd", "naïve"]
        );
        assert_eq!(found(""), Vec::<&str>::new());
    }

    #[test]
    fn words_cross_blocks() {
        let text = format!("{}déjà {}ab", "x".repeat(62), "y".repeat(60));
        assert_eq!(found(&text), by_definition(&text));
        let long = "word".repeat(40);
        assert_eq!(found(&long), [long.as_str()]);
    }

    proptest! {
        #[test]
        fn the_masks_find_the_words_of_the_definition(
            pieces in proptest::collection::vec(
                prop::sample::select(vec![
                    "a", "Z", "q", " ", ".", "é", "É", "’", "ß", "中", "1", "\n", "ǅ", "𝒜", "ab", "Ab",
                ]),
                0..300,
            )
        ) {
            let text = pieces.concat();
            prop_assert_eq!(found(&text), by_definition(&text));
        }
    }
}
