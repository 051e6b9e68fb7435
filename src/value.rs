//! Claim values and how each type is normalised, so that `10,741` and `10741`, or
//! `Mohsin Naqvi’s` and `Mohsin Naqvi`, count as the same thing.

use crate::date::PartialDate;
use crate::time::Interval;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// The declared type of a rule's value; decides how raw text is normalised and compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    /// Free text, compared without regard to case or spacing.
    Text,
    /// A person's or organisation's name, compared after Unicode and apostrophe folding.
    Name,
    /// A four-digit year.
    Year,
    /// A calendar date of any precision.
    Date,
    /// A figure, with separators and scale words (`2.5 million`) resolved.
    Number,
}

impl ValueType {
    /// The name used in rule files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Text => "text",
            ValueType::Name => "name",
            ValueType::Year => "year",
            ValueType::Date => "date",
            ValueType::Number => "number",
        }
    }
}

/// A normalised claim value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Name(String),
    Year(i32),
    Date(PartialDate),
    /// A span of days that is no calendar date, e.g. "a few months ago".
    Period(Interval),
    Number(f64),
}

/// Folds Unicode to NFC, typographic apostrophes and quotes to ASCII, and runs of
/// whitespace to one space: the differences that are never a disagreement.
pub fn fold_text(raw: &str) -> String {
    let nfc: String = raw
        .nfc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes a trailing possessive (`Naqvi's`, `Chaudhry’s`, `Jones'`) from a folded name.
pub fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("'S"))
        .or_else(|| name.strip_suffix('\''))
        .unwrap_or(name)
}

/// Reads a figure: `10,741`, `10 741`, `2.5 million`, `£22m` (the unit is ignored here).
fn parse_number(raw: &str) -> Result<f64, String> {
    let lower = raw.to_lowercase();
    let start = lower
        .find(|c: char| c.is_ascii_digit())
        .ok_or_else(|| format!("`{raw}` has no digits"))?;
    let rest = &lower[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == ' '))
        .unwrap_or(rest.len());
    let digits: String = rest[..end]
        .trim_end()
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let base: f64 = digits
        .trim_end_matches('.')
        .parse()
        .map_err(|_| format!("`{raw}` is not a number"))?;
    let scale = match rest[end..].split_whitespace().next() {
        Some(w) if w.starts_with("thousand") => 1e3,
        Some(w) if w.starts_with("million") || w == "m" => 1e6,
        Some(w) if w.starts_with("billion") || w == "bn" => 1e9,
        _ => 1.0,
    };
    Ok(base * scale)
}

impl Value {
    /// Normalises `raw` as a value of type `ty`; the error says why it is not one.
    pub fn parse(ty: ValueType, raw: &str) -> Result<Value, String> {
        let folded = fold_text(raw);
        match ty {
            ValueType::Text => Ok(Value::Text(folded.to_lowercase())),
            ValueType::Name => Ok(Value::Name(strip_possessive(&folded).to_string())),
            ValueType::Year => match folded.parse::<i32>() {
                Ok(y) if (1000..=9999).contains(&y) => Ok(Value::Year(y)),
                _ => Err(format!("`{raw}` is not a four-digit year")),
            },
            ValueType::Date => PartialDate::parse(&folded)
                .map(Value::Date)
                .map_err(|e| e.0),
            ValueType::Number => parse_number(&folded).map(Value::Number),
        }
    }

    /// Whether two values can both be true: equal, dates that one day satisfies, or
    /// names that are spellings of one name (a spelling is `spelling/variant`'s business).
    pub fn agrees(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Date(a), Value::Date(b)) => a.agrees(b),
            (Value::Year(y), Value::Date(d)) | (Value::Date(d), Value::Year(y)) => d.year == *y,
            (Value::Name(a), Value::Name(b)) => crate::names::is_variant(a, b),
            (Value::Period(a), Value::Period(b)) => a.overlaps(b, 0),
            (Value::Period(p), Value::Date(d)) | (Value::Date(d), Value::Period(p)) => {
                Interval::of(*d).is_some_and(|i| i.overlaps(p, 0))
            }
            (Value::Number(a), Value::Number(b)) => (a - b).abs() <= f64::EPSILON * a.abs(),
            (a, b) => a == b,
        }
    }
}

/// The canonical form, used as a grouping key and in messages.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) | Value::Name(s) => f.write_str(s),
            Value::Year(y) => write!(f, "{y}"),
            Value::Date(d) => write!(f, "{d}"),
            Value::Period(p) => write!(f, "{p}"),
            Value::Number(n) => write!(f, "{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_apostrophes_space_and_possessives() {
        let a = Value::parse(ValueType::Name, "Mohsin  Naqvi\u{2019}s").unwrap();
        assert_eq!(a, Value::Name("Mohsin Naqvi".into()));
        // "e" + combining acute is the same name as the precomposed form.
        let nfd = Value::parse(ValueType::Name, "Jose\u{301}").unwrap();
        assert_eq!(nfd, Value::Name("Jos\u{e9}".into()));
    }

    #[test]
    fn numbers_resolve_separators_and_scales() {
        let n = |s| Value::parse(ValueType::Number, s).unwrap();
        assert_eq!(n("10,741"), Value::Number(10741.0));
        assert_eq!(n("10741"), Value::Number(10741.0));
        assert_eq!(n("10 741 offenders"), Value::Number(10741.0));
        assert_eq!(n("2.5 million"), Value::Number(2_500_000.0));
        assert!(n("10,741").agrees(&n("10741")));
        assert!(!n("10,741").agrees(&n("11,741")));
        assert!(Value::parse(ValueType::Number, "many").is_err());
    }

    #[test]
    fn years_dates_and_text() {
        assert_eq!(Value::parse(ValueType::Year, "2022"), Ok(Value::Year(2022)));
        assert!(Value::parse(ValueType::Year, "22").is_err());
        let d = Value::parse(ValueType::Date, "17 August 2022").unwrap();
        assert!(d.agrees(&Value::Year(2022)));
        assert!(!d.agrees(&Value::Year(2021)));
        assert_eq!(
            Value::parse(ValueType::Text, " Home  Office "),
            Ok(Value::Text("home office".into()))
        );
    }
}
