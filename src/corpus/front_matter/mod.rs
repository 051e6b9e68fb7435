//! An article's metadata: a front-matter block as content systems write it (YAML
//! between `---` lines, TOML between `+++` lines), or a scraped page's ` date` first
//! line. Blocks are read by real parsers, so lists, tables and quoted or multi-line
//! values are understood and only the top-level fields named here are used. What
//! cannot be read (a date, a whole block) is kept with its span, to be reported there.

mod date;
mod toml;
mod yaml;

pub(super) use date::parse as parse_date;

use crate::article::{DateOrigin, Document, MetaProblem, Metadata};
use crate::code::Code;
use crate::date::PartialDate;
use crate::report::{Report, Severity};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DATE_FIRST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b").expect("a valid regex")
});

/// A top-level field of a front-matter block.
struct Field {
    /// The key, lowercased: content systems differ in case (`Date`, `date`).
    key: String,
    value: Value,
    /// Where the value is written, as a byte range of the block.
    span: Range<usize>,
}

/// A field's value, as far as metadata needs it.
enum Value {
    /// A scalar, as text (quotes and escapes resolved).
    Text(String),
    /// A date a format writes natively (a TOML datetime), or why it is none.
    Date(Result<PartialDate, String>),
    /// A list, with the scalars it holds (nested lists and tables left out).
    List(Vec<String>),
    /// Explicitly nothing (`date:` or `date: ~` in YAML).
    Null,
    /// Anything else, named for a message (`a table`).
    Other(&'static str),
}

/// Why a block is not valid in its format, and where (a byte range of the block).
struct Syntax {
    span: Range<usize>,
    why: String,
}

/// The two kinds of block, told apart by their fence.
#[derive(Clone, Copy)]
enum Format {
    Yaml,
    Toml,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }
}

/// A fenced block at the start of a text.
struct Block {
    format: Format,
    /// The bytes between the fence lines.
    inner: Range<usize>,
    body_start: usize,
}

/// Fills in metadata from front matter, or else from a ` date YYYY-MM-DD` first line.
pub(super) fn read_metadata(article: &mut Document) {
    if let Some(block) = block(&article.text) {
        article.body_start = block.body_start;
        let inner = &article.text[block.inner.clone()];
        let parsed = match block.format {
            Format::Yaml => yaml::fields(inner),
            Format::Toml => toml::fields(inner),
        };
        let at = |span: Range<usize>| block.inner.start + span.start..block.inner.start + span.end;
        match parsed {
            Ok(fields) => {
                let fields = fields.into_iter().map(|f| Field {
                    span: at(f.span.clone()),
                    ..f
                });
                apply(article, fields);
            }
            Err(Syntax { span, why }) => article.meta_problems.push(MetaProblem::BadFrontMatter {
                format: block.format.name(),
                span: at(span),
                why,
            }),
        }
    } else if let Some(c) = DATE_FIRST_LINE.captures(&article.text) {
        let m = c.get(1).expect("group 1 always matches");
        match PartialDate::parse(m.as_str()) {
            Ok(d) => article.meta.date = Some((d, DateOrigin::DateLine)),
            Err(e) => article.meta_problems.push(MetaProblem::BadDate {
                span: m.range(),
                why: e.to_string(),
            }),
        }
    }
}

/// Takes the fields metadata knows from a block (spans already in the article's
/// text); a later field of one name replaces an earlier one.
fn apply(article: &mut Document, fields: impl Iterator<Item = Field>) {
    let mut meta = Metadata::default();
    for Field { key, value, span } in fields {
        match key.as_str() {
            "date" => match date_of(value) {
                Ok(Some(d)) => meta.date = Some((d, DateOrigin::FrontMatter)),
                Ok(None) => meta.date = None,
                Err(why) => {
                    meta.date = None;
                    article
                        .meta_problems
                        .push(MetaProblem::BadDate { span, why });
                }
            },
            "source" => meta.source = text_of(value),
            "url" => meta.url = text_of(value),
            "title" => meta.title = text_of(value),
            "author" | "authors" => meta.author = text_of(value),
            _ => {}
        }
    }
    article.meta = meta;
}

/// The date a field gives: `None` for an empty field, an error saying why for
/// anything that is not a date.
fn date_of(value: Value) -> Result<Option<PartialDate>, String> {
    match value {
        Value::Text(text) => date::parse(&text).map(Some),
        Value::Date(date) => date.map(Some),
        Value::Null => Ok(None),
        Value::List(_) => Err("a list is not a date".into()),
        Value::Other(what) => Err(format!("{what} is not a date")),
    }
}

/// The text a field gives: a scalar, or a list's items joined (`authors: [A, B]`).
fn text_of(value: Value) -> Option<String> {
    match value {
        Value::Text(text) => Some(text).filter(|t| !t.trim().is_empty()),
        Value::List(items) => Some(items.join(", ")).filter(|t| !t.is_empty()),
        Value::Date(_) | Value::Null | Value::Other(_) => None,
    }
}

/// How a date must be written, for the help of a date that cannot be read.
const DATE_FORMS: &str = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, or as a date and time \
                          such as 2024-05-31T10:00:00+05:00";

/// Reports for an article that loaded but has something wrong in its metadata.
pub fn problems(article: &Document) -> Vec<Report> {
    let name = article.name();
    article
        .meta_problems
        .iter()
        .map(|problem| match problem {
            MetaProblem::BadDate { span, why } => {
                let raw = &article.text[span.clone()];
                Report::plain(
                    Severity::Warning,
                    Code::InputBadDate,
                    format!("{name}: the article date `{raw}` cannot be read; the article is treated as undated"),
                )
                .with_help(format!("{why}. {DATE_FORMS}"))
                .with_label(&name, &article.text, span.clone(), "this date")
            }
            MetaProblem::BadDateField { field, raw, why } => Report::plain(
                Severity::Warning,
                Code::InputBadDate,
                format!(
                    "{name}: the article date `{raw}` in {field} cannot be read; the article \
                     is treated as undated"
                ),
            )
            .with_help(format!("{why}. {DATE_FORMS}")),
            MetaProblem::BadFrontMatter { format, span, why } => Report::plain(
                Severity::Warning,
                Code::InputBadFrontMatter,
                format!(
                    "{name}: the front matter is not valid {format}: {why}; its fields are \
                     ignored and the article is treated as undated"
                ),
            )
            .with_help(match *format {
                "TOML" => "write each field as `key = value`, with strings in quotes: \
                           `title = \"Talks in London\"`",
                _ => "write each field as `key: value`, and quote a value that holds `: ` or \
                      starts with a sign such as `[`, `{`, `*` or `@`: \
                      `title: \"Pakistan: talks in London\"`",
            })
            .with_label(&name, &article.text, span.clone(), "here"),
        })
        .collect()
}

/// Finds a front-matter block: a first line `---` (YAML) or `+++` (TOML) and the
/// next line that is the same fence. A block never closed is no block: the whole
/// file is then the body.
fn block(text: &str) -> Option<Block> {
    let (fence, format) = if text.starts_with("---") {
        ("---", Format::Yaml)
    } else if text.starts_with("+++") {
        ("+++", Format::Toml)
    } else {
        return None;
    };
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != fence {
        return None;
    }
    let start = first_end + 1;
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == fence {
            return Some(Block {
                format,
                inner: start..pos,
                body_start: (end + 1).min(text.len()),
            });
        }
        pos = end + 1;
    }
    None
}

/// The byte offset of the `chars`th character of `text` (its length past the end),
/// for parsers that count positions in characters.
fn byte_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests;
