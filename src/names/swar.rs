//! ASCII classes of eight bytes at once (SWAR: SIMD within a register), without
//! `unsafe` or branches. The text scanners of this module spend most of their time
//! stepping over lower-case ASCII; classifying a word of eight bytes in a handful
//! of integer operations lets them jump straight to the bytes that matter.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// Eight bytes' classes, one flag per byte in that byte's high bit (`0x80`).
#[derive(Clone, Copy)]
pub(super) struct Classes {
    /// `A`–`Z` and `a`–`z`.
    pub letter: u64,
    /// `a`–`z`.
    pub lower: u64,
    /// Bytes outside ASCII.
    pub high: u64,
}

/// The classes of the eight bytes of `x`, read little-endian (byte `i` of the text
/// is byte `i` of the word).
pub(super) fn classes(x: u64) -> Classes {
    let ascii = !x & HIGH;
    let seven = x & !HIGH;
    // With the high bit clear, adding cannot carry into the next byte: a byte's
    // high bit then says whether it reached `a` (0x61) and whether it passed `z`.
    let in_a_to_z = |v: u64| v.wrapping_add(ONES * 0x1F) & !v.wrapping_add(ONES * 0x05) & ascii;
    Classes {
        letter: in_a_to_z(seven | (ONES * 0x20)),
        lower: in_a_to_z(seven),
        high: x & HIGH,
    }
}

/// Flags in the bytes' high bits as the low eight bits: byte `i` to bit `i`.
pub(super) fn gather(flags: u64) -> u64 {
    (((flags >> 7) & ONES).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The eight bytes at `at` as a word, zeros past the end of `bytes`.
pub(super) fn load(bytes: &[u8], at: usize) -> u64 {
    if let Some(word) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        return u64::from_le_bytes(eight);
    }
    let chunk = &bytes[at..];
    let mut word = [0u8; 8];
    word[..chunk.len()].copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_are_classified_as_one_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'.'; 8];
                word[at] = b;
                let c = classes(u64::from_le_bytes(word));
                let bit = |on: bool| u64::from(on) << at;
                assert_eq!(
                    gather(c.letter),
                    bit(b.is_ascii_alphabetic()),
                    "{b:#x} at {at}"
                );
                assert_eq!(
                    gather(c.lower),
                    bit(b.is_ascii_lowercase()),
                    "{b:#x} at {at}"
                );
                assert_eq!(gather(c.high), bit(!b.is_ascii()), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn words_past_the_end_are_zeros() {
        assert_eq!(load(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
        assert_eq!(load(b"abcdefghij", 0), u64::from_le_bytes(*b"abcdefgh"));
    }
}
