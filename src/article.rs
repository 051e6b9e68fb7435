//! Articles: what is kept of each one while the corpus is checked ([`Article`]),
//! and its text while it is read ([`Document`]). Texts are not kept: memory stays
//! flat in the size of the corpus, and printers read again the few files they show.

use crate::date::PartialDate;
use crate::ids::{ArticleId, IdVec};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Where an article's date came from; later checks trust some origins more than others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrigin {
    /// A `---`/`+++` front-matter block.
    FrontMatter,
    /// A scraped page's first line, ` date YYYY-MM-DD`.
    DateLine,
    /// A dateline matched by a rule marked `dateline = true`.
    Dateline,
}

/// How an article's text sits in its file, which says what its spans index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Form {
    /// The file is the article: spans index the file (after any byte-order mark).
    #[default]
    File,
    /// An HTML page: spans index the main text read out of it.
    Page,
    /// One record of a JSON Lines or CSV archive: spans index its text field.
    Record(Record),
}

/// Where a record is in its archive, and which of its fields is the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The record's number in the archive, from 1 (a CSV header row is no record).
    pub number: u32,
    /// The line of the archive it starts on, from 1.
    pub line: u32,
    /// Its bytes in the archive, to read it again alone.
    pub bytes: (u64, u64),
    /// The field its text was taken from.
    pub field: String,
    /// Its identifier, if the archive gives one: editors look records up by it.
    pub id: Option<String>,
}

/// An article of the corpus once read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The path as the user will read it in diagnostics.
    pub path: PathBuf,
    /// Where in the file its text is. Always written (the cache's format is not
    /// self-describing); a shard written before records existed reads as a file.
    #[serde(default)]
    pub form: Form,
    pub date: Option<(PartialDate, DateOrigin)>,
    /// Bytes removed from the start of the file (3 for a BOM), so byte ranges
    /// reported to machines index the file itself.
    pub bom: usize,
    /// A hash of the file's bytes, to tell whether the file changed after it was read.
    pub fingerprint: u64,
}

impl Article {
    pub fn date(&self) -> Option<PartialDate> {
        self.date.map(|(d, _)| d)
    }

    /// The name diagnostics give the article: [`name`].
    pub fn name(&self) -> String {
        name(&self.path, &self.form)
    }
}

/// The name of an article at `path` in `form`: its path, and for a record the
/// record's id (`news.jsonl#bbc-017`) or else the line it starts on (`news.csv#L4`).
pub fn name(path: &std::path::Path, form: &Form) -> String {
    let path = path.display();
    match form {
        Form::Record(Record { id: Some(id), .. }) => format!("{path}#{id}"),
        Form::Record(r) => format!("{path}#L{}", r.line),
        Form::File | Form::Page => path.to_string(),
    }
}

/// The articles of a corpus, numbered in path order.
pub type Articles = IdVec<ArticleId, Article>;

/// What the corpus knows about an article besides its text.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub date: Option<(PartialDate, DateOrigin)>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The byline; several authors (a front-matter list) are joined with `, `.
    pub author: Option<String>,
}

/// Something wrong in an article's metadata, kept with the byte range in `text`
/// where it is, to be reported there once the article is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetaProblem {
    /// A date that cannot be read, and why.
    BadDate { span: Range<usize>, why: String },
    /// A front-matter block that its format's parser refuses: `format` is `YAML`
    /// or `TOML`, `span` where the parser stopped.
    BadFrontMatter {
        format: &'static str,
        span: Range<usize>,
        why: String,
    },
    /// A date outside the text (a record's field, a page's `<meta>` tag) that
    /// cannot be read: `field` names where it is.
    BadDateField {
        field: String,
        raw: String,
        why: String,
    },
}

/// An article's text while it is read: without its byte-order mark, with the body
/// located after any front matter so that rules never match metadata.
#[derive(Clone, Debug)]
pub struct Document {
    pub path: PathBuf,
    pub form: Form,
    /// The file's text, less a UTF-8 byte-order mark.
    pub text: String,
    pub bom: usize,
    /// Where the body starts within `text`.
    pub body_start: usize,
    pub meta: Metadata,
    /// What was wrong in the metadata: unreadable dates, a broken front matter.
    pub meta_problems: Vec<MetaProblem>,
    pub fingerprint: u64,
    line_starts: OnceLock<Vec<usize>>,
}

/// A 1-based line and column (in characters), as editors count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl Document {
    pub fn new(path: PathBuf, text: String, bom: usize, fingerprint: u64) -> Document {
        Document {
            path,
            form: Form::File,
            text,
            bom,
            body_start: 0,
            meta: Metadata::default(),
            meta_problems: Vec::new(),
            fingerprint,
            line_starts: OnceLock::new(),
        }
    }

    /// The name diagnostics give the article.
    pub fn name(&self) -> String {
        name(&self.path, &self.form)
    }

    /// The body: everything after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    pub fn date(&self) -> Option<PartialDate> {
        self.meta.date.map(|(d, _)| d)
    }

    /// What is kept of the article once its text is dropped.
    pub fn article(&self) -> Article {
        Article {
            path: self.path.clone(),
            form: self.form.clone(),
            date: self.meta.date,
            bom: self.bom,
            fingerprint: self.fingerprint,
        }
    }

    /// Where lines start, found once and only for documents something is shown of.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Line and column of a byte offset into `text`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The whole line around `span`, without its line ending, for excerpts.
    pub fn line_text(&self, span: &Range<usize>) -> &str {
        let line = self.line_col(span.start).line - 1;
        let start = self.line_starts()[line];
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        self.text[start..end].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let a = Document::new("a.txt".into(), "one\r\ntwo’s three\nfour".into(), 0, 0);
        assert_eq!(a.line_col(0), LineCol { line: 1, column: 1 });
        let three = a.text.find("three").unwrap();
        assert_eq!(a.line_col(three), LineCol { line: 2, column: 7 });
        assert_eq!(a.line_text(&(three..three + 5)), "two’s three");
        let four = a.text.find("four").unwrap();
        assert_eq!(a.line_col(four).line, 3);
    }
}
