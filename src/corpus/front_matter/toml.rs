//! TOML front matter (`+++`), read with `toml`'s spanned document tree
//! ([`DeTable`]), so each value is found where it is written. Native dates and
//! datetimes (`date = 2024-05-31T10:00:00+05:00`) are dates already; quoted ones
//! are read like YAML's. A native date that does not exist (`date = 2024-02-31`)
//! makes the block invalid TOML; it is reported as the bad date it is, and the
//! block's other fields are still read.

use super::{Field, Syntax, Value};
use crate::date::PartialDate;
use ::toml::de::{DeTable, DeValue};
use ::toml::value::Datetime;

/// The top-level fields of a block, or why it is not TOML.
pub(super) fn fields(block: &str) -> Result<Vec<Field>, Syntax> {
    // Parsed past errors, to tell an impossible native date from a broken block.
    let (table, errors) = DeTable::parse_recoverable(block);
    let is_date = |key: &str| key.eq_ignore_ascii_case("date");
    let date_span = table
        .get_ref()
        .iter()
        .find(|(key, _)| is_date(key.get_ref()))
        .map(|(_, value)| value.span());
    let mut bad_date = None;
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let why = error.message().trim_end().to_string();
        if date_span.as_ref() == Some(&span) {
            bad_date = Some(why);
        } else {
            return Err(Syntax { span, why });
        }
    }
    Ok(table
        .get_ref()
        .iter()
        .map(|(key, value)| Field {
            key: key.get_ref().to_lowercase(),
            span: value.span(),
            value: match &bad_date {
                Some(why) if is_date(key.get_ref()) => Value::Date(Err(why.clone())),
                _ => value_of(value.get_ref()),
            },
        })
        .collect())
}

/// What a value is, as far as metadata needs it.
fn value_of(value: &DeValue) -> Value {
    match value {
        DeValue::String(text) => Value::Text(text.to_string()),
        // `date = 2024` is a year.
        DeValue::Integer(n) if n.radix() == 10 => Value::Text(n.as_str().to_string()),
        DeValue::Datetime(d) => Value::Date(date(d)),
        DeValue::Array(items) => Value::List(
            items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(text) => Some(text.to_string()),
                    _ => None,
                })
                .collect(),
        ),
        DeValue::Table(_) => Value::Other("a table"),
        DeValue::Integer(_) | DeValue::Float(_) => Value::Other("a number"),
        DeValue::Boolean(_) => Value::Other("true or false"),
    }
}

/// The calendar day of a TOML date or datetime, as written (see
/// [`super::date::parse`] for why an offset is not applied).
fn date(value: &Datetime) -> Result<PartialDate, String> {
    let day = value
        .date
        .ok_or_else(|| format!("`{value}` is a time of day without a date"))?;
    PartialDate::new(
        i32::from(day.year),
        Some(u32::from(day.month)),
        Some(u32::from(day.day)),
    )
    .map_err(|e| e.to_string())
}
