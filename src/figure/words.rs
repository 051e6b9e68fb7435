//! Numbers written in words: `five`, `twenty-one`, `a hundred and twenty`,
//! `two and a half million`, and ordinals: `seventh`, `twenty-first`.

use super::{Mantissa, Scale, parse::Cursor};

/// A number read from words.
pub(super) struct Words {
    pub mantissa: Mantissa,
    pub scale: Scale,
    pub ordinal: bool,
}

pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

pub(crate) const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

pub(crate) const TENS: [(&str, &str, u64); 8] = [
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fifty", "fiftieth", 50),
    ("sixty", "sixtieth", 60),
    ("seventy", "seventieth", 70),
    ("eighty", "eightieth", 80),
    ("ninety", "ninetieth", 90),
];

pub(crate) const SCALES: [(&str, &str, Scale, u64); 4] = [
    ("thousand", "thousandth", Scale::Thousand, 1_000),
    ("million", "millionth", Scale::Million, 1_000_000),
    ("billion", "billionth", Scale::Billion, 1_000_000_000),
    ("trillion", "trillionth", Scale::Trillion, 1_000_000_000_000),
];

/// One word of a number.
#[derive(Clone, Copy, PartialEq)]
enum Token {
    /// 0–19.
    Unit(u64),
    /// 20, 30, … 90.
    Tens(u64),
    Hundred,
    Dozen,
    Scale(Scale, u64),
    /// `a`/`an` before `hundred`, `thousand`, `dozen`…
    A,
    And,
}

fn token(word: &str) -> Option<(Token, bool)> {
    if let Some(n) = UNITS.iter().position(|w| *w == word) {
        return Some((Token::Unit(n as u64), false));
    }
    if let Some(n) = UNIT_ORDINALS.iter().position(|w| *w == word) {
        return Some((Token::Unit(n as u64), true));
    }
    if let Some((c, o, n)) = TENS.iter().find(|(c, o, _)| *c == word || *o == word) {
        return Some((Token::Tens(*n), word == *o && word != *c));
    }
    if let Some((_, o, s, n)) = SCALES.iter().find(|(c, o, ..)| *c == word || *o == word) {
        return Some((Token::Scale(*s, *n), word == *o));
    }
    match word {
        "hundred" => Some((Token::Hundred, false)),
        "hundredth" => Some((Token::Hundred, true)),
        "dozen" => Some((Token::Dozen, false)),
        "a" | "an" => Some((Token::A, false)),
        "and" => Some((Token::And, false)),
        _ => None,
    }
}

/// The next word of `text` (letters only) and what follows it, after one space
/// or hyphen.
fn next_word(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// Reads a number in words at the start of the cursor.
pub(super) fn read(c: &mut Cursor) -> Option<Words> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut rest = c.rest;
    let mut read_to: Option<&str> = None;
    let mut last = None;
    let mut ordinal = false;
    let mut pending_and = false;
    loop {
        let (word, after) = next_word(rest);
        let Some((tok, is_ordinal)) = token(word) else {
            break;
        };
        let fits = match tok {
            Token::Unit(n) => {
                current % 100 == 0 || (current % 100 >= 20 && current % 10 == 0 && n < 10)
            }
            Token::Tens(_) => current % 100 == 0,
            Token::Hundred => (1..10).contains(&(current % 1000)) && current < 1000,
            Token::Dozen => current > 0 && current < 1000,
            Token::Scale(_, n) => current > 0 && (total == 0 || total % (n * 1000) == 0),
            Token::A => read_to.is_none(),
            Token::And => matches!(last, Some(Token::Hundred | Token::Scale(..))),
        };
        if !fits || (pending_and && !matches!(tok, Token::Unit(_) | Token::Tens(_))) {
            break;
        }
        pending_and = tok == Token::And;
        match tok {
            Token::Unit(n) | Token::Tens(n) => current += n,
            Token::Hundred => current *= 100,
            Token::Dozen => current *= 12,
            Token::Scale(_, n) => {
                total = total.checked_add(current.checked_mul(n)?)?;
                current = 0;
            }
            Token::A => current = 1,
            Token::And => {}
        }
        last = Some(tok);
        rest = after;
        if !matches!(tok, Token::A | Token::And) {
            read_to = Some(rest);
        }
        if is_ordinal {
            ordinal = true;
            break;
        }
        match rest.strip_prefix([' ', '-']) {
            Some(r) => rest = r,
            None => break,
        }
    }
    c.rest = read_to?;
    let value = total.checked_add(current)?;
    if ordinal {
        return Some(Words {
            mantissa: Mantissa {
                digits: value,
                decimals: 0,
            },
            scale: Scale::One,
            ordinal,
        });
    }
    // `two and a half million`: the half, then the scale it is of.
    if current == value && c.eat(" and a half") {
        let mantissa = Mantissa {
            digits: value.checked_mul(10)? + 5,
            decimals: 1,
        };
        let before = c.rest;
        c.skip_space();
        let scale = SCALES.iter().find(|(w, ..)| c.eat(w)).map_or_else(
            || {
                c.rest = before;
                Scale::One
            },
            |(_, _, s, _)| *s,
        );
        return Some(Words {
            mantissa,
            scale,
            ordinal,
        });
    }
    // `two million` keeps its scale: it is a round figure, not 2,000,000 exactly.
    let (digits, scale) = match last {
        Some(Token::Scale(s, n)) if value % n == 0 && value / n < 1000 => (value / n, s),
        _ => (value, Scale::One),
    };
    Some(Words {
        mantissa: Mantissa {
            digits,
            decimals: 0,
        },
        scale,
        ordinal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Option<(u64, u8, Scale, bool, &str)> {
        let mut c = Cursor { rest: text };
        read(&mut c).map(|w| {
            (
                w.mantissa.digits,
                w.mantissa.decimals,
                w.scale,
                w.ordinal,
                c.rest,
            )
        })
    }

    #[test]
    fn cardinals() {
        assert_eq!(
            words("five years"),
            Some((5, 0, Scale::One, false, " years"))
        );
        assert_eq!(words("twenty-one"), Some((21, 0, Scale::One, false, "")));
        assert_eq!(words("twenty one"), Some((21, 0, Scale::One, false, "")));
        assert_eq!(
            words("a hundred and twenty people"),
            Some((120, 0, Scale::One, false, " people"))
        );
        assert_eq!(
            words("two million"),
            Some((2, 0, Scale::Million, false, ""))
        );
        assert_eq!(
            words("two million five hundred thousand"),
            Some((2_500_000, 0, Scale::One, false, ""))
        );
        assert_eq!(
            words("two and a half million"),
            Some((25, 1, Scale::Million, false, ""))
        );
        assert_eq!(words("a dozen"), Some((12, 0, Scale::One, false, "")));
    }

    #[test]
    fn ordinals() {
        assert_eq!(
            words("seventh largest"),
            Some((7, 0, Scale::One, true, " largest"))
        );
        assert_eq!(words("twenty-first"), Some((21, 0, Scale::One, true, "")));
        assert_eq!(
            words("third-largest"),
            Some((3, 0, Scale::One, true, "-largest"))
        );
    }

    #[test]
    fn stops_where_the_number_stops() {
        assert_eq!(words("one two"), Some((1, 0, Scale::One, false, " two")));
        assert_eq!(
            words("five and six"),
            Some((5, 0, Scale::One, false, " and six"))
        );
        assert_eq!(words("a man"), None);
        assert_eq!(words("and"), None);
        assert_eq!(
            words("seven hundred and"),
            Some((700, 0, Scale::One, false, " and"))
        );
    }
}
