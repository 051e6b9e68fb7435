//! Claim values and how each type is normalised, so that `10,741` and `10741`, or
//! `Mohsin Naqvi’s` and `Mohsin Naqvi`, count as the same thing.

use crate::date::{DateError, PartialDate};
use crate::figure::{Figure, FigureError};
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
    /// A figure: digits or words, a scale (`2.5 million`), a hedge (`about`), a
    /// unit (`%`, `£`, `tons`, `largest`).
    Number,
    /// An enumeration (`Serbia, Nigeria, Albania and India`), compared as a set.
    List,
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
            ValueType::List => "list",
        }
    }
}

/// Why raw text is not a value of its rule's type. The text is the `help` of a
/// `value/invalid` finding and a line of a `test` diff, so it keeps the text as
/// the article wrote it; dates and figures give their own reasons unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ValueError {
    /// A year that is not four digits (`22`), as written.
    #[error("`{0}` is not a four-digit year")]
    NotAYear(String),
    #[error(transparent)]
    Date(#[from] DateError),
    #[error(transparent)]
    Figure(#[from] FigureError),
    /// An enumeration with no item once separators are removed (`, and`); the
    /// text is folded, as the list was read.
    #[error("`{0}` lists nothing")]
    EmptyList(String),
}

/// A normalised claim value.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Text(String),
    Name(String),
    Year(i32),
    Date(PartialDate),
    /// A span of days that is no calendar date, e.g. "a few months ago".
    Period(Interval),
    Number(Figure),
    /// Items in order of their comparison form, each once.
    List(Vec<String>),
    /// A person's age in years.
    Age(u16),
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

/// The form two list items are compared in.
fn item_key(item: &str) -> String {
    item.to_lowercase()
}

/// Splits an enumeration into its items: `Serbia, Nigeria, Albania and India`,
/// `Germany; Spain & Austria`, `A, B, or C`. A leading `the` is dropped (`the UAE`
/// is `UAE`) and items are compared without regard to case.
fn parse_list(folded: &str) -> Result<Vec<String>, ValueError> {
    let mut items: Vec<String> = Vec::new();
    for part in folded.split([',', ';']) {
        for item in part
            .split(" and ")
            .flat_map(|p| p.split(" & "))
            .flat_map(|p| p.split(" or "))
        {
            let mut item = item.trim().trim_end_matches(['.', ':']);
            for lead in ["and ", "or ", "the ", "The "] {
                item = item.strip_prefix(lead).unwrap_or(item);
            }
            if !matches!(item, "" | "and" | "or") {
                items.push(item.to_string());
            }
        }
    }
    if items.is_empty() {
        return Err(ValueError::EmptyList(folded.to_string()));
    }
    Ok(set_of(items))
}

/// Items as a list value holds them: each once, in order of comparison form.
pub fn set_of(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut set: Vec<String> = Vec::new();
    for item in items {
        if !set.iter().any(|i| item_key(i) == item_key(&item)) {
            set.push(item);
        }
    }
    set.sort_by_key(|i| item_key(i));
    set
}

/// The items of `a` that `b` lacks, by comparison form.
pub fn list_difference<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    a.iter()
        .filter(|i| !b.iter().any(|j| item_key(i) == item_key(j)))
        .map(String::as_str)
        .collect()
}

impl Value {
    /// Normalises `raw` as a value of type `ty`; the error says why it is not one.
    pub fn parse(ty: ValueType, raw: &str) -> Result<Value, ValueError> {
        let folded = fold_text(raw);
        match ty {
            ValueType::Text => Ok(Value::Text(folded.to_lowercase())),
            ValueType::Name => Ok(Value::Name(strip_possessive(&folded).to_string())),
            ValueType::Year => match folded.parse::<i32>() {
                Ok(y) if (1000..=9999).contains(&y) => Ok(Value::Year(y)),
                _ => Err(ValueError::NotAYear(raw.to_string())),
            },
            ValueType::Date => Ok(Value::Date(PartialDate::parse(&folded)?)),
            ValueType::Number => Ok(Value::Number(Figure::parse(&folded)?)),
            ValueType::List => parse_list(&folded).map(Value::List),
        }
    }

    /// Whether two values can both be true: equal, dates that one day satisfies, or
    /// names that are spellings of one name (a spelling is `spelling/variant`'s
    /// business). Figures are compared as intervals by `number/conflict`, with
    /// their rules' tolerances, and are equal here only when written alike.
    pub fn agrees(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Date(a), Value::Date(b)) => a.agrees(b),
            (Value::Year(y), Value::Date(d)) | (Value::Date(d), Value::Year(y)) => d.year == *y,
            (Value::Name(a), Value::Name(b)) => crate::names::is_variant(a, b),
            (Value::List(a), Value::List(b)) => {
                list_difference(a, b).is_empty() && list_difference(b, a).is_empty()
            }
            (Value::Period(a), Value::Period(b)) => a.overlaps(b, 0),
            (Value::Period(p), Value::Date(d)) | (Value::Date(d), Value::Period(p)) => {
                Interval::of(*d).is_some_and(|i| i.overlaps(p, 0))
            }
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
            Value::List(items) => f.write_str(&items.join(", ")),
            Value::Age(years) => write!(f, "{years}"),
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
    fn numbers_are_figures() {
        let n = |s| Value::parse(ValueType::Number, s).unwrap();
        assert_eq!(n("10,741"), n("10741"));
        assert_eq!(n("10 741 offenders").to_string(), "10,741");
        assert_eq!(n("about 2.5 million").to_string(), "about 2.5 million");
        assert_eq!(
            Value::parse(ValueType::Number, "many"),
            Err(ValueError::Figure(FigureError::NoFigure("many".into())))
        );
    }

    #[test]
    fn lists_are_sets() {
        let l = |s| Value::parse(ValueType::List, s).unwrap();
        assert_eq!(
            l("Serbia, Nigeria, Albania and India"),
            l("India, Albania, Nigeria, and Serbia")
        );
        assert_eq!(l("the UAE & Saudi Arabia").to_string(), "Saudi Arabia, UAE");
        assert_eq!(
            l("UAE; Saudi Arabia"),
            Value::List(vec!["Saudi Arabia".into(), "UAE".into()])
        );
        let (Value::List(a), Value::List(b)) = (
            l("Serbia, Nigeria, Albania and India"),
            l("India, Nigeria and Albania"),
        ) else {
            unreachable!()
        };
        assert_eq!(list_difference(&a, &b), ["Serbia"]);
        assert!(list_difference(&b, &a).is_empty());
        assert_eq!(
            Value::parse(ValueType::List, " , and "),
            Err(ValueError::EmptyList(", and".into()))
        );
    }

    #[test]
    fn years_dates_and_text() {
        assert_eq!(Value::parse(ValueType::Year, "2022"), Ok(Value::Year(2022)));
        assert_eq!(
            Value::parse(ValueType::Year, " 22"),
            Err(ValueError::NotAYear(" 22".into()))
        );
        assert_eq!(
            Value::parse(ValueType::Date, "2024-13"),
            Err(ValueError::Date(DateError::NoSuchMonth(13)))
        );
        let d = Value::parse(ValueType::Date, "17 August 2022").unwrap();
        assert!(d.agrees(&Value::Year(2022)));
        assert!(!d.agrees(&Value::Year(2021)));
        assert_eq!(
            Value::parse(ValueType::Text, " Home  Office "),
            Ok(Value::Text("home office".into()))
        );
    }

    /// The messages reach users' screens and snapshot tests: a change of wording
    /// must be deliberate, and a wrapped date or figure error reads as it does alone.
    #[test]
    fn error_messages_are_stable() {
        let cases = [
            (
                ValueError::NotAYear("22".into()),
                "`22` is not a four-digit year",
            ),
            (
                ValueError::Date(DateError::NoSuchMonth(13)),
                "month 13 does not exist",
            ),
            (
                ValueError::Figure(FigureError::NoFigure("many".into())),
                "`many` has no figure in it",
            ),
            (
                ValueError::EmptyList(", and".into()),
                "`, and` lists nothing",
            ),
        ];
        for (error, text) in cases {
            assert_eq!(error.to_string(), text);
        }
    }
}
