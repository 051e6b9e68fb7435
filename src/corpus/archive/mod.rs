//! Archives: files that hold many articles, one per record — JSON Lines from
//! scrapers, CSV from data sets. An archive is scanned once, as the corpus is
//! walked, for where its records are; each record is then read alone, in
//! parallel with the rest of the corpus, and becomes an article whose spans index
//! its text field. Memory stays flat: no archive is held whole.

mod csv;
mod fields;
mod jsonl;

pub use fields::{Fields, Role};

use super::front_matter::parse_date;
use crate::article::{DateOrigin, Document, Form, MetaProblem, Metadata, Record};
use crate::code::Code;
use crate::report::{Report, Severity};
use chrono::Datelike;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

/// The kinds of archive, told by their extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

impl Format {
    /// The format of a file named `path`, if it is an archive.
    pub fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// An archive as scanned: how to read its records.
#[derive(Debug)]
pub struct Archive {
    pub format: Format,
    pub fields: Arc<Fields>,
    /// A CSV archive's header row: the names of its columns.
    header: Vec<String>,
}

/// Where one record is in its archive.
#[derive(Clone, Debug)]
pub struct At {
    pub number: u32,
    pub line: u32,
    pub bytes: (u64, u64),
}

/// The records of an archive, or why it cannot be read at all.
pub fn scan(
    path: &Path,
    format: Format,
    fields: &Arc<Fields>,
) -> Result<(Arc<Archive>, Vec<At>), Report> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e.to_string()))?;
    let (header, found) = match format {
        Format::Jsonl => (Vec::new(), jsonl::scan(file)),
        Format::Csv => {
            let again = std::fs::File::open(path).map_err(|e| unreadable(path, &e.to_string()))?;
            csv::scan(file, again).map_err(|e| unreadable(path, &e))?
        }
    };
    let (records, first) = found.map_err(|e| unreadable(path, &e.to_string()))?;
    let archive = Arc::new(Archive {
        format,
        fields: Arc::clone(fields),
        header,
    });
    // An archive whose first record has no text field is read with the wrong
    // field names: one warning for it, not one per record.
    let keys: Vec<String> = match format {
        Format::Csv => archive.header.clone(),
        Format::Jsonl => first.as_deref().map(jsonl::keys).unwrap_or_default(),
    };
    let first_parses =
        format == Format::Csv || first.as_deref().is_some_and(|f| jsonl::fields(f).is_ok());
    if !records.is_empty()
        && first_parses
        && fields
            .find(Role::Text, keys.iter().map(String::as_str))
            .is_none()
    {
        return Err(no_text_field(path, fields, &keys));
    }
    Ok((archive, records))
}

fn unreadable(path: &Path, why: &str) -> Report {
    Report::plain(
        Severity::Warning,
        Code::InputUnreadable,
        format!("cannot read {}: skipped", path.display()),
    )
    .with_help(why.to_string())
}

fn no_text_field(path: &Path, fields: &Fields, keys: &[String]) -> Report {
    let tried = fields.names(Role::Text).join("`, `");
    Report::plain(
        Severity::Warning,
        Code::InputBadRecord,
        format!(
            "{}: no record field holds the text (tried `{tried}`): the archive is skipped",
            path.display()
        ),
    )
    .with_help(format!(
        "its first record has the fields `{}`; name the one with the article's text, e.g. \
         `--field text={}`",
        keys.join("`, `"),
        keys.first().map_or("story", String::as_str)
    ))
}

/// A field's value, as far as an article needs it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Text(String),
    /// A JSON list of strings: a text's paragraphs, or several authors.
    List(Vec<String>),
    /// A JSON number: a date field may be a Unix time.
    Number(f64),
    /// Anything else, named for a message (`a list`).
    Other(&'static str),
}

/// A record's bytes, read alone.
pub fn read_bytes(path: &Path, bytes: (u64, u64)) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    file.seek(SeekFrom::Start(bytes.0))?;
    let len = usize::try_from(bytes.1.saturating_sub(bytes.0)).unwrap_or(usize::MAX);
    let mut buffer = vec![0; len];
    file.read_exact(&mut buffer)?;
    Ok(buffer)
}

/// The fields of a record's bytes, in the order written.
fn fields_of(archive: &Archive, bytes: &[u8]) -> Result<Vec<(String, Value)>, String> {
    match archive.format {
        Format::Jsonl => jsonl::fields(bytes),
        Format::Csv => csv::fields(&archive.header, bytes),
    }
}

/// One record as an article, or why it is none.
pub fn document(path: &Path, archive: &Archive, at: &At, bytes: &[u8]) -> Result<Document, Report> {
    let record_name = |id: Option<&str>| {
        crate::article::name(
            path,
            &Form::Record(Record {
                number: at.number,
                line: at.line,
                bytes: at.bytes,
                field: String::new(),
                id: id.map(str::to_string),
            }),
        )
    };
    let bad = |why: String| {
        Report::plain(
            Severity::Warning,
            Code::InputBadRecord,
            format!(
                "{} (record {}) is not an article: {why}; skipped",
                record_name(None),
                at.number
            ),
        )
        .with_help("fix the record, or name the field that holds the text with `--field text=NAME`")
    };
    let fields = fields_of(archive, bytes).map_err(&bad)?;
    let keys = || fields.iter().map(|(k, _)| k.as_str());
    let get = |role: Role| {
        let key = archive.fields.find(role, keys())?;
        fields.iter().find(|(k, _)| k == key)
    };
    let text_of = |role: Role| match get(role) {
        Some((_, Value::Text(t))) if !t.trim().is_empty() => Some(t.clone()),
        Some((_, Value::Number(n))) => Some(n.to_string()),
        Some((_, Value::List(items))) => Some(items.join(", ")),
        _ => None,
    };
    let (field, text) = match get(Role::Text) {
        Some((key, Value::Text(text))) => (key.clone(), text.clone()),
        // Paragraphs as a list: one text, paragraphs apart as a file has them.
        Some((key, Value::List(paragraphs))) => (key.clone(), paragraphs.join("\n\n")),
        Some((key, Value::Number(_))) => {
            return Err(bad(format!("its `{key}` is a number, not text")));
        }
        Some((key, Value::Other(what))) => {
            return Err(bad(format!("its `{key}` is {what}, not text")));
        }
        None => {
            let tried = archive.fields.names(Role::Text).join("`, `");
            return Err(bad(format!("it has no text field (tried `{tried}`)")));
        }
    };
    let id = text_of(Role::Id);
    let mut document = Document::new(path.to_path_buf(), text, 0, super::fingerprint(bytes));
    document.form = Form::Record(Record {
        number: at.number,
        line: at.line,
        bytes: at.bytes,
        field,
        id,
    });
    document.meta = Metadata {
        date: None,
        source: text_of(Role::Source),
        url: text_of(Role::Url),
        title: text_of(Role::Title),
        author: text_of(Role::Author),
    };
    if let Some((key, value)) = get(Role::Date) {
        match date_of(value) {
            Ok(date) => document.meta.date = date.map(|d| (d, DateOrigin::FrontMatter)),
            Err((raw, why)) => document.meta_problems.push(MetaProblem::BadDateField {
                field: format!("field `{key}`"),
                raw,
                why,
            }),
        }
    }
    Ok(document)
}

/// The date a field gives (`None` when empty), or the value and why it is none.
fn date_of(value: &Value) -> Result<Option<crate::date::PartialDate>, (String, String)> {
    match value {
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => parse_date(t).map(Some).map_err(|why| (t.clone(), why)),
        Value::Number(n) => unix_date(*n).map(Some).ok_or_else(|| {
            (
                n.to_string(),
                "a number is read as a Unix time, and this one is out of range".into(),
            )
        }),
        Value::List(items) => Err((items.join(", "), "a list is not a date".into())),
        Value::Other(what) => Err(((*what).to_string(), format!("{what} is not a date"))),
    }
}

/// The UTC day of a Unix time in seconds (or milliseconds, as JavaScript writes it).
fn unix_date(n: f64) -> Option<crate::date::PartialDate> {
    let seconds = if n.abs() >= 1e11 { n / 1000.0 } else { n };
    let day = chrono::DateTime::from_timestamp(seconds as i64, 0)?.date_naive();
    Some(crate::date::PartialDate {
        year: day.year(),
        month: Some(day.month()),
        day: Some(day.day()),
    })
}

/// A record again, for a printer, from the bytes it was read from: its text from
/// the field it was read from, its other fields as `fields` name them.
pub fn reread(
    path: &Path,
    record: &Record,
    bytes: &[u8],
    fields: &Fields,
) -> Result<Document, String> {
    let (format, header) = match Format::of(path) {
        Some(Format::Jsonl) => (Format::Jsonl, Vec::new()),
        Some(Format::Csv) => {
            let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
            (Format::Csv, csv::header(file)?)
        }
        None => return Err("it is no archive".into()),
    };
    let archive = Archive {
        format,
        fields: Arc::new(fields.with_text(&record.field)),
        header,
    };
    let at = At {
        number: record.number,
        line: record.line,
        bytes: record.bytes,
    };
    document(path, &archive, &at, bytes).map_err(|r| r.message)
}

#[cfg(test)]
mod tests;
