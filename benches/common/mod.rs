//! What the benchmarks share: a seeded generator, so that every run builds the same
//! synthetic data.
// Each bench compiles this module on its own and uses part of it.
#![allow(dead_code)]

use chrono::NaiveDate;

/// A small seeded generator (xorshift64*), the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A capitalised word of `min..=max` letters a–z.
    pub fn word(&mut self, min: usize, max: usize) -> String {
        let len = min + self.below(max - min + 1);
        let mut w: String = (0..len)
            .map(|_| (b'a' + self.below(26) as u8) as char)
            .collect();
        w[..1].make_ascii_uppercase();
        w
    }

    /// `word` with one letter after the first changed: a misspelling.
    pub fn misspell(&mut self, word: &str) -> String {
        let mut chars: Vec<char> = word.chars().collect();
        let at = 1 + self.below(chars.len() - 1);
        let letter = (b'a' + self.below(26) as u8) as char;
        chars[at] = if chars[at] == letter { 'z' } else { letter };
        chars.into_iter().collect()
    }

    /// A day from 2019 to 2025.
    pub fn day(&mut self) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date");
        first + chrono::Days::new(self.below(7 * 365) as u64)
    }
}
