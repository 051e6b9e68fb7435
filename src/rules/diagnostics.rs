//! Errors in rule and facts files, pointed at the exact place in the file.

use crate::code::Code;
use crate::report::{Report, Severity};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// An error labelled `here` at `span` of a rule or facts file.
pub(super) fn error_at(
    path: &Path,
    source: &str,
    span: Range<usize>,
    code: Code,
    message: String,
    help: &str,
) -> Report {
    Report::plain(Severity::Error, code, message)
        .with_help(help)
        .with_label(&path.display().to_string(), source, span, "here")
}

/// A file that could not be read at all.
pub(super) fn unreadable(code: Code, what: String, error: &std::io::Error) -> Report {
    Report::plain(Severity::Error, code, what).with_help(error.to_string())
}

/// The span of `needle` inside the TOML string at `span`, or the whole string.
pub(crate) fn inner_span(source: &str, span: &Range<usize>, needle: &str) -> Range<usize> {
    source[span.clone()].find(needle).map_or(span.clone(), |i| {
        span.start + i..span.start + i + needle.len()
    })
}

/// A regex error pointed at the offending part of the pattern when the TOML
/// string holds the pattern verbatim (literal strings do), else at the whole string.
pub(super) fn pattern_error(
    path: &Path,
    source: &str,
    id: &str,
    pattern: &Spanned<String>,
    expanded: &str,
    error: &regex::Error,
) -> Report {
    let written = pattern.get_ref();
    let whole = pattern.span();
    let (message, within) = match regex_syntax::Parser::new().parse(expanded) {
        Err(regex_syntax::Error::Parse(e)) => (e.kind().to_string(), Some(*e.span())),
        Err(regex_syntax::Error::Translate(e)) => (e.kind().to_string(), Some(*e.span())),
        _ => (error.to_string(), None),
    };
    let verbatim = (expanded == written.as_str())
        .then(|| source[whole.clone()].find(written.as_str()))
        .flatten();
    let span = match (within, verbatim) {
        (Some(at), Some(start)) => {
            let base = whole.start + start;
            base + at.start.offset..base + at.end.offset.max(at.start.offset + 1)
        }
        _ => whole,
    };
    Report::plain(
        Severity::Error,
        Code::RuleBadPattern,
        format!("rule `{id}`: invalid regex: {message}"),
    )
    .with_help("fix the regex; the syntax is that of the Rust `regex` crate")
    .with_label(&path.display().to_string(), source, span, message)
}
