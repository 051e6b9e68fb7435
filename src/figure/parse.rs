//! Reading a figure from text. The parser is a cursor over the lower-cased text that
//! takes, in order, a hedge, a sign, a currency, digits or number words, a scale and
//! a unit; it lives apart from [`Figure`]'s arithmetic so that each can be read
//! without the other.

use super::{Figure, Hedge, Mantissa, Scale, Unit, units, words};
use regex::Regex;
use std::sync::LazyLock;

/// Why a piece of text is not a figure. The text reaches users (`value/invalid`
/// findings, `test` diffs), so each reason keeps the text its message quotes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum FigureError {
    /// Neither digits nor number words anywhere in the text (`many`).
    #[error("`{0}` has no figure in it")]
    NoFigure(String),
    /// More decimals than a [`Mantissa`] keeps.
    #[error("`{0}`: too many decimal places")]
    TooManyDecimals(String),
    /// More digits than a [`Mantissa`] holds.
    #[error("`{0}`: too many digits for a figure")]
    TooManyDigits(String),
    /// Two figures (`10-12`, `10 to 12`): which one the claim is would be a guess.
    #[error("`{0}`: a range, not one figure: capture one figure, or each end by itself")]
    Range(String),
    /// An ordinal with decimals or a currency (`7.5th`, `£3rd`): a rank is a whole
    /// position, not an amount.
    #[error("`{0}`: an ordinal must be a whole number, without a currency")]
    BadOrdinal(String),
}

/// Hedge phrases, longest first so that `just under` wins over `under`.
const HEDGES: &[(&str, Hedge)] = &[
    ("approximately", Hedge::About),
    ("an estimated", Hedge::About),
    ("roughly", Hedge::About),
    ("around", Hedge::About),
    ("approx.", Hedge::About),
    ("approx", Hedge::About),
    ("circa", Hedge::About),
    ("close to", Hedge::About),
    ("about", Hedge::About),
    ("some", Hedge::About),
    ("c.", Hedge::About),
    ("just under", Hedge::Nearly),
    ("just below", Hedge::Nearly),
    ("not quite", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("nearly", Hedge::Nearly),
    ("just over", Hedge::JustOver),
    ("just above", Hedge::JustOver),
    ("slightly more than", Hedge::JustOver),
    ("in excess of", Hedge::AtLeast),
    ("upwards of", Hedge::AtLeast),
    ("more than", Hedge::AtLeast),
    ("at least", Hedge::AtLeast),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("exceeding", Hedge::AtLeast),
    ("above", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("fewer than", Hedge::AtMost),
    ("less than", Hedge::AtMost),
    ("at most", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("below", Hedge::AtMost),
];

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<int>\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.(?P<frac>\d+))?|\.(?P<bare>\d+))")
        .expect("a valid regex")
});

/// What is left of the text as the parser reads it, lower-cased.
pub(super) struct Cursor<'a> {
    pub(super) rest: &'a str,
}

impl<'a> Cursor<'a> {
    pub(super) fn skip_space(&mut self) {
        self.rest = self.rest.trim_start();
    }

    /// Consumes `phrase` if the text starts with it and it ends at a word boundary
    /// (symbols such as `%` and `£` need none).
    pub(super) fn eat(&mut self, phrase: &str) -> bool {
        let Some(after) = self.rest.strip_prefix(phrase) else {
            return false;
        };
        let wordy = phrase.ends_with(|c: char| c.is_alphanumeric());
        if wordy && after.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        self.rest = after;
        true
    }

    /// The first of `options` the text starts with.
    pub(super) fn eat_any<T: Copy>(&mut self, options: &[(&str, T)]) -> Option<T> {
        options
            .iter()
            .find(|(phrase, _)| self.eat(phrase))
            .map(|(_, t)| *t)
    }
}

impl Figure {
    /// Reads a figure. Words before it that are neither a hedge nor part of the
    /// figure (`totalling nearly 3 per cent`) are skipped; words after its unit
    /// (`2,500 prisoners`) are ignored. The error says why the text is not a figure.
    pub fn parse(raw: &str) -> Result<Figure, FigureError> {
        let folded = crate::value::fold_text(raw)
            .to_lowercase()
            .replace('\u{2212}', "-");
        let mut text = folded.as_str();
        loop {
            match read(text, raw) {
                Ok(figure) => return Ok(figure),
                Err(Some(e)) => return Err(e),
                Err(None) => match text.find(' ') {
                    Some(i) => text = &text[i + 1..],
                    None => return Err(FigureError::NoFigure(raw.to_string())),
                },
            }
        }
    }
}

/// Reads a figure at the very start of `text`: `Err(None)` when none starts there,
/// `Err(Some(why))` when one does but cannot be read. `raw`, the text as the user
/// wrote it, is only for the error, which quotes it.
fn read(text: &str, raw: &str) -> Result<Figure, Option<FigureError>> {
    let mut c = Cursor { rest: text };
    let hedge = c.eat_any(HEDGES).unwrap_or(Hedge::Exact);
    c.skip_space();
    let negative = c.eat("minus") || c.eat("-");
    c.skip_space();
    let currency = units::currency_prefix(&mut c);
    c.skip_space();
    let (mantissa, mut scale, ordinal) = if let Some(m) = DIGITS.captures(c.rest) {
        let whole = m.get(0).expect("group 0 always matches").as_str();
        let int: String = m
            .name("int")
            .map_or("0", |i| i.as_str())
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let frac = m
            .name("frac")
            .or_else(|| m.name("bare"))
            .map_or("", |f| f.as_str());
        c.rest = &c.rest[whole.len()..];
        let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| c.eat(s));
        (
            mantissa(&int, frac, raw).map_err(Some)?,
            Scale::One,
            ordinal,
        )
    } else if let Some(w) = words::read(&mut c) {
        (w.mantissa, w.scale, w.ordinal)
    } else {
        return Err(None);
    };
    if scale == Scale::One && !ordinal {
        scale = read_scale(&mut c);
    }
    if is_range(c.rest) {
        return Err(Some(FigureError::Range(raw.to_string())));
    }
    let (unit, mantissa) = if ordinal {
        if currency.is_some() || mantissa.decimals > 0 {
            return Err(Some(FigureError::BadOrdinal(raw.to_string())));
        }
        (Unit::Rank(units::superlative(&mut c)), mantissa)
    } else {
        match currency {
            Some(cur) => (cur, mantissa),
            None => {
                let (unit, places) = units::suffix(&mut c);
                (unit, shifted(mantissa, places, raw).map_err(Some)?)
            }
        }
    };
    let negative = negative && mantissa.digits != 0;
    Ok(Figure {
        hedge,
        negative,
        mantissa,
        scale,
        unit,
    })
}

/// Whether the text after a figure goes on to a second one: `10-12`, `10 to 12`.
fn is_range(rest: &str) -> bool {
    let r = rest.trim_start();
    r.strip_prefix('-')
        .or_else(|| r.strip_prefix('\u{2013}'))
        .or_else(|| r.strip_prefix("to "))
        .is_some_and(|after| {
            after
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
        })
}

/// The most decimals a [`Mantissa`] keeps, written (`2.50`) or reached through a
/// sub-unit (`45 cts` is 0.45): one limit for both.
const MAX_DECIMALS: u8 = 18;

fn mantissa(int: &str, frac: &str, raw: &str) -> Result<Mantissa, FigureError> {
    let decimals = u8::try_from(frac.len())
        .ok()
        .filter(|d| *d <= MAX_DECIMALS)
        .ok_or_else(|| FigureError::TooManyDecimals(raw.to_string()))?;
    let digits = format!("{int}{frac}")
        .parse::<u64>()
        .map_err(|_| FigureError::TooManyDigits(raw.to_string()))?;
    Ok(Mantissa { digits, decimals })
}

/// `mantissa` divided by ten `places` times, the digits kept as written: `45 cts`
/// is 0.45 dollars, still exact to the cent.
fn shifted(mantissa: Mantissa, places: u8, raw: &str) -> Result<Mantissa, FigureError> {
    let decimals = mantissa
        .decimals
        .checked_add(places)
        .filter(|d| *d <= MAX_DECIMALS)
        .ok_or_else(|| FigureError::TooManyDecimals(raw.to_string()))?;
    Ok(Mantissa {
        digits: mantissa.digits,
        decimals,
    })
}

/// `thousand`, `million`, … (wire services' `mln`, `bln` among them) or, attached
/// to the digits, `k`, `m`, `bn`.
fn read_scale(c: &mut Cursor) -> Scale {
    const ATTACHED: &[(&str, Scale)] = &[
        ("bn", Scale::Billion),
        ("mn", Scale::Million),
        ("tn", Scale::Trillion),
        ("k", Scale::Thousand),
        ("m", Scale::Million),
    ];
    const WORDS: &[(&str, Scale)] = &[
        ("thousand", Scale::Thousand),
        ("million", Scale::Million),
        ("billion", Scale::Billion),
        ("trillion", Scale::Trillion),
        ("mln", Scale::Million),
        ("bln", Scale::Billion),
    ];
    if let Some(s) = c.eat_any(ATTACHED) {
        return s;
    }
    let before = c.rest;
    c.skip_space();
    c.eat_any(WORDS).unwrap_or_else(|| {
        c.rest = before;
        Scale::One
    })
}
