//! Units a figure is stated in. Two figures are compared only when their units
//! are the same: `£22 million` says nothing about `22 million tons`.

use super::parse::Cursor;

/// The unit of a figure.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Unit {
    /// A plain number: a count, or a quantity whose unit the rule did not capture.
    Plain,
    /// `%`, `per cent`, `percent`.
    Percent,
    /// `percentage points`.
    PercentagePoint,
    /// A currency, by its usual symbol or name: `£`, `$`, `€`, `¥`, `Rs`.
    Currency(&'static str),
    /// A unit of measure, by its singular name: `ton`, `km`, `year`.
    Measure(&'static str),
    /// A rank or ordinal, with its superlative (`largest`), or none (`fifth`).
    Rank(String),
}

/// A unit as stored (in a cache or a shard): symbols and names as text, read back
/// into the ones this module knows.
#[derive(serde::Deserialize)]
#[serde(rename = "Unit")]
enum Stored {
    Plain,
    Percent,
    PercentagePoint,
    Currency(String),
    Measure(String),
    Rank(String),
}

impl<'de> serde::Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
        Unit::try_from(Stored::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<Stored> for Unit {
    type Error = String;

    fn try_from(stored: Stored) -> Result<Unit, String> {
        Ok(match stored {
            Stored::Plain => Unit::Plain,
            Stored::Percent => Unit::Percent,
            Stored::PercentagePoint => Unit::PercentagePoint,
            Stored::Rank(s) => Unit::Rank(s),
            Stored::Currency(s) => Unit::Currency(
                PREFIXES
                    .iter()
                    .chain(CURRENCY_NAMES)
                    .map(|(_, symbol)| *symbol)
                    .find(|symbol| *symbol == s)
                    .ok_or_else(|| format!("unknown currency `{s}`"))?,
            ),
            Stored::Measure(s) => Unit::Measure(
                MEASURES
                    .iter()
                    .map(|(name, ..)| *name)
                    .find(|name| *name == s)
                    .ok_or_else(|| format!("unknown unit `{s}`"))?,
            ),
        })
    }
}

/// Currency symbols and codes written before the digits, and how `Display` writes
/// each currency back.
const PREFIXES: &[(&str, &str)] = &[
    ("us$", "$"),
    ("usd", "$"),
    ("$", "$"),
    ("£", "£"),
    ("gbp", "£"),
    ("€", "€"),
    ("eur", "€"),
    ("¥", "¥"),
    ("rs.", "Rs "),
    ("rs", "Rs "),
    ("pkr", "Rs "),
];

/// Currency names written after the figure, wire services' abbreviations among
/// them (`12.5 mln dlrs`, `400 mln stg`) so that they read as the symbol forms do.
const CURRENCY_NAMES: &[(&str, &str)] = &[
    ("pounds sterling", "£"),
    ("pounds", "£"),
    ("pound", "£"),
    ("sterling", "£"),
    ("stg", "£"),
    ("dollars", "$"),
    ("dollar", "$"),
    ("dlrs", "$"),
    ("dlr", "$"),
    ("euros", "€"),
    ("euro", "€"),
    ("yen", "¥"),
    ("rupees", "Rs "),
    ("rupee", "Rs "),
];

/// Sub-units written after the figure: the currency they are a fraction of, and how
/// many decimal places they move the figure to be in it. Wire copy's `45 cts` is
/// `$0.45`, exact to the cent as `$0.45` is; a unit of their own would keep it
/// from being compared with the dollar figure it is.
const SUBUNITS: &[(&str, &str, u8)] = &[("cts", "$", 2)];

const PERCENT: &[(&str, Unit)] = &[
    ("percentage points", Unit::PercentagePoint),
    ("percentage point", Unit::PercentagePoint),
    ("per cent", Unit::Percent),
    ("per-cent", Unit::Percent),
    ("percent", Unit::Percent),
    ("pct", Unit::Percent),
    ("pc", Unit::Percent),
    ("%", Unit::Percent),
];

/// Units of measure: the name (the canonical form), its plural, and every way of
/// writing it, in lower case. A unit whose written forms begin with another's
/// (`barrels per day`, `barrels`) comes first, or the shorter one would take it.
pub(super) const MEASURES: &[(&str, &str, &[&str])] = &[
    ("ton", "tons", &["tons", "ton"]),
    ("tonne", "tonnes", &["tonnes", "tonne"]),
    (
        "kg",
        "kg",
        &["kg", "kilograms", "kilogram", "kilos", "kilo"],
    ),
    (
        "km",
        "km",
        &["km", "kilometres", "kilometre", "kilometers", "kilometer"],
    ),
    ("mile", "miles", &["miles", "mile"]),
    ("metre", "metres", &["metres", "metre", "meters", "meter"]),
    ("hectare", "hectares", &["hectares", "hectare"]),
    ("acre", "acres", &["acres", "acre"]),
    ("litre", "litres", &["litres", "litre", "liters", "liter"]),
    (
        "barrel per day",
        "barrels per day",
        &[
            "barrels per day",
            "barrel per day",
            "barrels a day",
            "barrel a day",
            "bpd",
        ],
    ),
    ("barrel", "barrels", &["barrels", "barrel"]),
    ("gallon", "gallons", &["gallons", "gallon"]),
    ("minute", "minutes", &["minutes", "minute"]),
    ("hour", "hours", &["hours", "hour"]),
    ("day", "days", &["days", "day"]),
    ("week", "weeks", &["weeks", "week"]),
    ("month", "months", &["months", "month"]),
    ("year", "years", &["years", "year"]),
    ("MW", "MW", &["mw", "megawatts", "megawatt"]),
    ("GW", "GW", &["gw", "gigawatts", "gigawatt"]),
];

/// A currency written before the digits (`£`, `Rs`, `US$`), as its display symbol.
pub(super) fn currency_prefix(c: &mut Cursor) -> Option<Unit> {
    PREFIXES.iter().find_map(|(written, symbol)| {
        let after = c.rest.strip_prefix(written)?;
        // `rs` must not be the start of a word: `rs5bn` and `rs 5` are rupees.
        if after.starts_with(|ch: char| ch.is_alphabetic()) {
            return None;
        }
        c.rest = after;
        Some(Unit::Currency(symbol))
    })
}

/// The unit written after a figure, if it is one this module knows, and how many
/// decimal places the figure moves to be stated in it (2 for `cts`, else 0).
pub(super) fn suffix(c: &mut Cursor) -> (Unit, u8) {
    let before = c.rest;
    if !c.rest.starts_with('%') {
        c.skip_space();
    }
    if let Some(unit) = PERCENT.iter().find(|(w, _)| c.eat(w)).map(|(_, u)| u) {
        return (unit.clone(), 0);
    }
    if let Some(symbol) = c.eat_any(CURRENCY_NAMES) {
        return (Unit::Currency(symbol), 0);
    }
    if let Some((_, symbol, places)) = SUBUNITS.iter().find(|(w, ..)| c.eat(w)) {
        return (Unit::Currency(symbol), *places);
    }
    for (name, _, written) in MEASURES {
        if written.iter().any(|w| c.eat(w)) {
            return (Unit::Measure(name), 0);
        }
    }
    c.rest = before;
    (Unit::Plain, 0)
}

/// The superlative after an ordinal: `largest` in `seventh largest` and
/// `third-largest`, `most populous`; empty for a bare ordinal. `biggest` is
/// read as `largest`.
pub(super) fn superlative(c: &mut Cursor) -> String {
    let start = c.rest.trim_start_matches([' ', '-']);
    let word_end = |s: &str| s.find(|ch: char| !ch.is_alphabetic()).unwrap_or(s.len());
    let first = &start[..word_end(start)];
    let (phrase, len) = match first {
        "most" | "least" => {
            let rest = start[first.len()..].strip_prefix(' ').unwrap_or("");
            let second = &rest[..word_end(rest)];
            if second.is_empty() {
                return String::new();
            }
            (format!("{first} {second}"), first.len() + 1 + second.len())
        }
        "biggest" => ("largest".to_string(), first.len()),
        w if w == "worst" || (w.len() > 4 && w.ends_with("est")) => (w.to_string(), w.len()),
        _ => return String::new(),
    };
    c.rest = &start[len..];
    phrase
}

/// `st`, `nd`, `rd` or `th` for the whole number written as `number`.
fn ordinal_suffix(number: &str) -> &'static str {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    let last = digits.last().copied().unwrap_or(0);
    let tens = digits.len().checked_sub(2).map_or(0, |i| digits[i]);
    match (tens, last) {
        (1, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    }
}

impl Unit {
    /// `number` written with this unit: `3%`, `£22 million`, `4 tons`, `7th largest`.
    pub fn attach(&self, number: &str) -> String {
        match self {
            Unit::Plain => number.to_string(),
            Unit::Percent => format!("{number}%"),
            Unit::PercentagePoint => format!("{number} percentage points"),
            Unit::Currency(symbol) => match number.strip_prefix('-') {
                Some(n) => format!("-{symbol}{n}"),
                None => format!("{symbol}{number}"),
            },
            Unit::Measure(singular) => {
                let name = if number == "1" {
                    singular
                } else {
                    MEASURES
                        .iter()
                        .find(|(s, ..)| s == singular)
                        .map_or(*singular, |(_, plural, _)| plural)
                };
                format!("{number} {name}")
            }
            Unit::Rank(superlative) if superlative.is_empty() => {
                format!("{number}{}", ordinal_suffix(number))
            }
            Unit::Rank(superlative) => {
                format!("{number}{} {superlative}", ordinal_suffix(number))
            }
        }
    }
}
