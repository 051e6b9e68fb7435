//! The human format: miette's graphical diagnostics, one per finding, with the other
//! articles involved shown after it, then a one-line summary.

use super::{Printer, Run};
use crate::checks::{Finding, Location};
use crate::code::Group;
use crate::ids::ArticleId;
use crate::report::Source;
use crate::report::{Report, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use rayon::prelude::*;
use std::io;
use textwrap::WordSeparator;

/// How many findings are drawn together.
const BATCH: usize = 256;

/// Renders for a terminal or a log.
pub struct Human {
    pub color: bool,
    pub quiet: bool,
    pub width: usize,
}

impl Human {
    fn handler(&self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
    }

    /// Renders any report to text.
    pub fn render(&self, report: &Report) -> String {
        let mut s = String::new();
        let handler = self.handler();
        // A line that fits is printed as it is, wherever it could have been broken;
        // finding the Unicode line-break opportunities of every message and help is
        // about a third of drawing a finding, and only long lines need them.
        let handler = if self.fits(report) {
            handler.with_word_separator(WordSeparator::AsciiSpace)
        } else {
            handler
        };
        handler
            .render_report(&mut s, report)
            .expect("writing to a String cannot fail");
        s
    }

    /// Whether the report's message and help are each one line of printable ASCII
    /// (as wide as it is long) that fits the width after the widest indent miette
    /// gives them (`  help: `), with a column to spare.
    fn fits(&self, report: &Report) -> bool {
        const INDENT: usize = "  help: ".len();
        let room = self.width.saturating_sub(2);
        let fits = |text: &str| {
            text.len() + INDENT < room && text.bytes().all(|b| (b' '..=b'~').contains(&b))
        };
        fits(&report.message) && report.help.as_deref().is_none_or(fits)
    }
}

/// The reports for one finding: the first article with every label there, then
/// one report per other article involved, with its date for context; the help
/// comes last, after all the evidence.
fn reports(finding: &Finding, run: &Run) -> Vec<Report> {
    let mut per_article: Vec<(ArticleId, Vec<&Location>)> = Vec::new();
    for loc in &finding.locations {
        match per_article.iter_mut().find(|(a, _)| *a == loc.article) {
            Some((_, locs)) => locs.push(loc),
            None => per_article.push((loc.article, vec![loc])),
        }
    }
    let count = per_article.len();
    per_article
        .into_iter()
        .enumerate()
        .map(|(i, (article, locs))| {
            let a = &run.articles[article];
            let document = run.texts.get(article);
            let labels = match document {
                Some(_) => locs
                    .iter()
                    .map(|l| {
                        let label = Some(l.label.clone());
                        if l.primary {
                            LabeledSpan::new_primary_with_span(label, l.span.clone())
                        } else {
                            LabeledSpan::new_with_span(label, l.span.clone())
                        }
                    })
                    .collect(),
                None => Vec::new(),
            };
            let source = document.map(|d| {
                Box::new(Source::windowed(
                    &a.name(),
                    std::sync::Arc::from(d.text.as_str()),
                ))
            });
            // Without the text, the places are listed by byte offset.
            let places: String = match document {
                Some(_) => String::new(),
                None => locs
                    .iter()
                    .map(|l| {
                        format!(
                            "\n  {} bytes {}..{}: {}",
                            a.name(),
                            l.span.start + a.bom,
                            l.span.end + a.bom,
                            l.label
                        )
                    })
                    .collect(),
            };
            if i == 0 {
                Report {
                    severity: finding.severity,
                    code: Some(finding.code),
                    message: format!("{}{places}", finding.message),
                    help: (count == 1).then(|| finding.help.clone()),
                    source,
                    labels,
                }
            } else {
                let date = a
                    .date()
                    .map_or_else(String::new, |d| format!(", dated {d}"));
                // The headline tells an editor which story it is, where a path or a
                // record's id does not.
                let title = document
                    .and_then(|d| d.meta.title.as_deref())
                    .map_or_else(String::new, |t| format!(" (“{t}”)"));
                Report {
                    severity: Severity::Info,
                    code: None,
                    message: format!("and in {}{title}{date}:{places}", a.name()),
                    help: (i + 1 == count).then(|| finding.help.clone()),
                    source,
                    labels,
                }
            }
        })
        .collect()
}

impl Printer for Human {
    fn print(&self, run: &Run, out: &mut dyn io::Write, err: &mut dyn io::Write) -> io::Result<()> {
        if !self.quiet {
            for problem in run.problems {
                writeln!(err, "{}", self.render(problem))?;
            }
        }
        // Findings are drawn in parallel, a batch at a time, and written in order.
        for batch in run.findings.chunks(BATCH) {
            let drawn: Vec<String> = batch
                .par_iter()
                .map(|finding| {
                    reports(finding, run)
                        .iter()
                        .map(|report| self.render(report))
                        .collect()
                })
                .collect();
            for text in drawn {
                writeln!(out, "{text}")?;
            }
        }
        if !self.quiet {
            let skipped = run
                .problems
                .iter()
                .filter(|p| p.code.is_some_and(|c| c.group() == Group::Input))
                .count();
            writeln!(
                out,
                "{} read, {} extracted: {}, {}, {}{}",
                crate::checks::plural(run.articles.len(), "article"),
                crate::checks::plural(run.claims, "claim"),
                crate::checks::plural(run.count(Severity::Error), "error"),
                crate::checks::plural(run.count(Severity::Warning), "warning"),
                run.count(Severity::Info),
                if run.count(Severity::Info) == 1 {
                    " note"
                } else {
                    " notes"
                },
            )?;
            if skipped > 0 {
                writeln!(
                    out,
                    "{} with the input (see above)",
                    crate::checks::plural(skipped, "problem")
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    /// What miette draws with its own way of breaking lines.
    fn unicode(human: &Human, report: &Report) -> String {
        let mut s = String::new();
        human.handler().render_report(&mut s, report).unwrap();
        s
    }

    #[test]
    fn lines_that_fit_are_drawn_as_unicode_breaking_draws_them() {
        let human = Human {
            color: false,
            quiet: false,
            width: 60,
        };
        let help = "write `Eliot Spitzer`: 3 mentions use it; e.g. a/b-c (d) x, and more words";
        for len in [10, 40, 48, 49, 50, 51, 56, 57, 58, 70] {
            let report = Report::plain(Severity::Warning, Code::SpellingVariant, &help[..len])
                .with_help(&help[..len]);
            assert_eq!(human.render(&report), unicode(&human, &report), "{len}");
        }
        let long = Report::plain(Severity::Warning, Code::SpellingVariant, "x ".repeat(40))
            .with_help("Ünïcode and a long line past the width of sixty columns, wrapped");
        assert!(!human.fits(&long));
        assert_eq!(human.render(&long), unicode(&human, &long));
    }
}
