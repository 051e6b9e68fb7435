//! One shape for everything the tool tells a person: findings, rule errors and input
//! problems all become a [`Report`] that miette renders.

use crate::code::Code;
use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// How much a finding or problem matters; decides the exit status.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    fn miette(self) -> miette::Severity {
        match self {
            Severity::Info => miette::Severity::Advice,
            Severity::Warning => miette::Severity::Warning,
            Severity::Error => miette::Severity::Error,
        }
    }
}

/// A renderable diagnostic: a message with labelled spans in one source. A finding
/// that spans several articles is one report per article (one miette diagnostic
/// cannot label two files), printed together.
#[derive(Debug)]
pub struct Report {
    pub severity: Severity,
    pub code: Option<Code>,
    pub message: String,
    pub help: Option<String>,
    pub source: Option<Box<Source>>,
    pub labels: Vec<LabeledSpan>,
}

impl Report {
    /// A report with no source text: for problems that concern a whole file.
    pub fn plain(severity: Severity, code: Code, message: impl Into<String>) -> Report {
        Report {
            severity,
            code: Some(code),
            message: message.into(),
            help: None,
            source: None,
            labels: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Report {
        self.help = Some(help.into());
        self
    }

    /// Attaches a source text with one label.
    pub fn with_label(
        mut self,
        name: &str,
        text: &str,
        span: std::ops::Range<usize>,
        label: impl Into<String>,
    ) -> Report {
        self.source = Some(Box::new(Source::whole(name, text)));
        self.labels
            .push(LabeledSpan::new_primary_with_span(Some(label.into()), span));
        self
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .map(|c| Box::new(c.as_str()) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity.miette())
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

/// How many characters of a long line are shown either side of a label.
const WINDOW: usize = 60;

/// The text a report points into. Articles are shown *windowed*: news paragraphs
/// are single lines hundreds of characters long, so only the words around each
/// label are shown (cut at spaces), with the line and column of the real file.
#[derive(Clone, Debug)]
pub struct Source {
    name: String,
    text: Arc<str>,
    windowed: bool,
}

impl Source {
    /// The whole text, with the usual context lines (for rule files).
    pub fn whole(name: &str, text: &str) -> Source {
        Source {
            name: name.to_string(),
            text: Arc::from(text),
            windowed: false,
        }
    }

    /// A windowed view of a long-lined text (for articles).
    pub fn windowed(name: &str, text: Arc<str>) -> Source {
        Source {
            name: name.to_string(),
            text,
            windowed: true,
        }
    }

    /// 0-based line and character column of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count(),
            before[line_start..].chars().count(),
        )
    }

    fn floor(&self, mut i: usize) -> usize {
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    fn ceil(&self, mut i: usize) -> usize {
        while !self.text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// The window around `start..end`: within its lines, cut at spaces.
    fn window(&self, start: usize, end: usize) -> (usize, usize) {
        let text = &*self.text;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..]
            .find('\n')
            .map_or(text.len(), |i| end + i)
            .max(end);
        let line_end = if text[..line_end].ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        let mut from = self.floor(start.saturating_sub(WINDOW * 2).max(line_start));
        while text[from..start].chars().count() > WINDOW {
            from = self.ceil(from + 1);
        }
        if from > line_start {
            from = text[from..start].find(' ').map_or(from, |i| from + i + 1);
        }
        let mut to = self.ceil((end + WINDOW * 2).min(line_end.max(end)));
        while text[end..to].chars().count() > WINDOW {
            to = self.floor(to - 1);
        }
        if to < line_end {
            to = text[end..to].rfind(' ').map_or(to, |i| end + i);
        }
        (from, to.max(end))
    }
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        if !self.windowed {
            let inner = self.text.as_ref().read_span(span, before, after)?;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                inner.line(),
                inner.column(),
                inner.line_count(),
            )));
        }
        // miette asks with no context lines for the header's line:column, which
        // must be the label's own position; with context, for the snippet.
        let (from, to) = if before == 0 && after == 0 {
            (start, end)
        } else {
            self.window(start, end)
        };
        let (line, column) = self.position(from);
        let data = &self.text[from..to];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            (from, to - from).into(),
            line,
            column,
            data.matches('\n').count() + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cut_long_lines_at_spaces() {
        let line = format!("{} TARGET {}", "word ".repeat(40), "more ".repeat(40));
        let text = format!("first\n{line}\nlast");
        let source = Source::windowed("a.txt", Arc::from(text.as_str()));
        let at = text.find("TARGET").unwrap();
        let (from, to) = source.window(at, at + 6);
        let shown = &text[from..to];
        assert!(
            shown.starts_with("word") && shown.ends_with("more"),
            "{shown:?}"
        );
        assert!(shown.chars().count() <= 6 + 2 * WINDOW, "{shown:?}");
        let contents = source.read_span(&(at, 6).into(), 1, 1).unwrap();
        assert_eq!(contents.line(), 1);
        assert_eq!(
            contents.column(),
            text[text.find('\n').unwrap() + 1..from].chars().count()
        );
        let header = source.read_span(&(at, 6).into(), 0, 0).unwrap();
        assert_eq!(header.column(), 201);
    }

    #[test]
    fn short_lines_are_whole() {
        let text = "a short line\nand another";
        let source = Source::windowed("a.txt", Arc::from(text));
        assert_eq!(source.window(2, 7), (0, 12));
    }
}
