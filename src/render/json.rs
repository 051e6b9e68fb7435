//! The JSON format: one document per run, versioned, for pipelines.

use super::Texts;
use super::{Printer, Run};
use crate::article::{Article, Articles, Document as DocumentText, Form};
use crate::checks::{Finding, Location};
use crate::code::Code;
use crate::report::Severity;
use serde::Serialize;
use std::io;

/// The format version; bumped on any incompatible change to the document's shape.
pub const VERSION: u32 = 1;

pub struct Json;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    problems: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct Summary {
    articles: usize,
    claims: usize,
    errors: usize,
    warnings: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: Code,
    severity: Severity,
    message: &'a str,
    help: &'a str,
    locations: Vec<JsonLocation>,
    fix: Vec<JsonEdit>,
}

/// A place a finding points at. Line, column, excerpt and text are `null` when the
/// file changed after it was checked (an `input/changed` problem says so).
#[derive(Serialize)]
struct JsonLocation {
    path: String,
    /// For an article that is a record of an archive: which record. Lines,
    /// columns and byte ranges are then those of its text field.
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<JsonRecord>,
    /// For an HTML page: positions are in the main text read out of it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    page: bool,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    /// Byte range in the file as stored (a byte-order mark counts); in a record's
    /// or a page's text for those.
    byte_range: [usize; 2],
    excerpt: Option<String>,
    text: Option<String>,
    label: String,
    primary: bool,
}

/// A record of a JSON Lines or CSV archive.
#[derive(Serialize)]
struct JsonRecord {
    /// Its number in the archive, from 1.
    number: u32,
    /// The line of the archive it starts on.
    line: u32,
    /// The field that holds its text.
    field: String,
    id: Option<String>,
}

fn record(a: &Article) -> Option<JsonRecord> {
    match &a.form {
        Form::Record(r) => Some(JsonRecord {
            number: r.number,
            line: r.line,
            field: r.field.clone(),
            id: r.id.clone(),
        }),
        Form::File | Form::Page => None,
    }
}

#[derive(Serialize)]
struct JsonEdit {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<JsonRecord>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    page: bool,
    byte_range: [usize; 2],
    replacement: String,
}

#[derive(Serialize)]
struct Problem<'a> {
    code: Option<Code>,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
}

fn location(a: &Article, d: Option<&DocumentText>, l: &Location) -> JsonLocation {
    let start = d.map(|d| d.line_col(l.span.start));
    let end = d.map(|d| d.line_col(l.span.end));
    JsonLocation {
        path: a.path.display().to_string(),
        record: record(a),
        page: a.form == Form::Page,
        line: start.map(|p| p.line),
        column: start.map(|p| p.column),
        end_line: end.map(|p| p.line),
        end_column: end.map(|p| p.column),
        byte_range: [l.span.start + a.bom, l.span.end + a.bom],
        excerpt: d.map(|d| d.line_text(&l.span).to_string()),
        text: d.map(|d| d.text[l.span.clone()].to_string()),
        label: l.label.clone(),
        primary: l.primary,
    }
}

fn finding<'a>(f: &'a Finding, articles: &Articles, texts: &Texts) -> JsonFinding<'a> {
    JsonFinding {
        code: f.code,
        severity: f.severity,
        message: &f.message,
        help: &f.help,
        locations: f
            .locations
            .iter()
            .map(|l| location(&articles[l.article], texts.get(l.article), l))
            .collect(),
        fix: f
            .fix
            .iter()
            .map(|e| {
                let a = &articles[e.article];
                JsonEdit {
                    path: a.path.display().to_string(),
                    record: record(a),
                    page: a.form == Form::Page,
                    byte_range: [e.span.start + a.bom, e.span.end + a.bom],
                    replacement: e.replacement.clone(),
                }
            })
            .collect(),
    }
}

impl Printer for Json {
    fn print(
        &self,
        run: &Run,
        out: &mut dyn io::Write,
        _err: &mut dyn io::Write,
    ) -> io::Result<()> {
        let doc = Document {
            version: VERSION,
            summary: Summary {
                articles: run.articles.len(),
                claims: run.claims,
                errors: run.count(Severity::Error),
                warnings: run.count(Severity::Warning),
                info: run.count(Severity::Info),
            },
            findings: run
                .findings
                .iter()
                .map(|f| finding(f, run.articles, run.texts))
                .collect(),
            problems: run
                .problems
                .iter()
                .map(|p| Problem {
                    code: p.code,
                    severity: p.severity,
                    message: &p.message,
                    help: p.help.as_deref(),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
