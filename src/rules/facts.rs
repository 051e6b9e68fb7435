//! Reference facts: terms of office, from `facts/*.toml` beside the rules. A claim
//! naming a holder outside their term is `office/out-of-term`.

use super::offices::Offices;
use super::schema::FactsFile;
use crate::date::PartialDate;
use crate::report::{Report, Severity};
use crate::time::Interval;
use chrono::NaiveDate;
use std::path::Path;

/// One person's term in one office.
#[derive(Clone, Debug)]
pub struct Term {
    /// Index into [`Offices::offices`].
    pub office: usize,
    pub holder: String,
    /// The days the term may have covered: dates known only to the month or year
    /// are read generously, so that a claim is never out of term by a guess.
    pub widest: Interval,
    /// The days it certainly covered: used to check that terms do not overlap.
    pub narrowest: Option<Interval>,
    pub from: PartialDate,
    pub to: Option<PartialDate>,
}

/// Reads one facts file; errors point into it.
pub fn load(
    path: &Path,
    source: &str,
    offices: &Offices,
    today: NaiveDate,
) -> Result<Vec<Term>, Vec<Report>> {
    let name = path.display().to_string();
    let file: FactsFile = toml::from_str(source).map_err(|e| {
        vec![
            Report::plain(Severity::Error, "facts/syntax", e.message().to_string())
                .with_help("a facts file holds [[term]] entries: office, holder, from, to")
                .with_label(&name, source, e.span().unwrap_or(0..0), "here"),
        ]
    })?;
    let mut terms = Vec::new();
    let mut errors = Vec::new();
    let error = |span: std::ops::Range<usize>, code: &str, message: String, help: &str| {
        Report::plain(Severity::Error, code, message)
            .with_help(help)
            .with_label(&name, source, span, "here")
    };
    for spec in file.term {
        let Some(office) = offices
            .offices
            .iter()
            .position(|o| o.name == *spec.office.get_ref())
        else {
            errors.push(error(
                spec.office.span(),
                "facts/unknown-office",
                format!("no office is named `{}`", spec.office.get_ref()),
                "use the `name` of an [[office]] in the rule files",
            ));
            continue;
        };
        let date = |s: &toml::Spanned<String>| {
            PartialDate::parse(s.get_ref()).map_err(|e| {
                error(
                    s.span(),
                    "facts/bad-date",
                    e.to_string(),
                    "write YYYY-MM-DD, YYYY-MM or YYYY",
                )
            })
        };
        let (from, to) = match (date(&spec.from), spec.to.as_ref().map(date).transpose()) {
            (Ok(f), Ok(t)) => (f, t),
            (Err(e), _) | (_, Err(e)) => {
                errors.push(e);
                continue;
            }
        };
        let (Some(f), t) = (Interval::of(from), to.and_then(Interval::of)) else {
            continue;
        };
        let end_widest = t.map_or(today, |t| t.end);
        let end_narrowest = t.map_or(today, |t| t.start);
        if end_widest < f.start {
            errors.push(error(
                spec.from.span(),
                "facts/bad-term",
                format!("the term of {} ends before it begins", spec.holder),
                "check `from` and `to`",
            ));
            continue;
        }
        terms.push(Term {
            office,
            holder: crate::value::fold_text(&spec.holder),
            widest: Interval {
                start: f.start,
                end: end_widest,
            },
            narrowest: (f.end < end_narrowest).then_some(Interval {
                start: f.end,
                end: end_narrowest,
            }),
            from,
            to,
        });
        // Two holders of a single-holder office may share only the handover day.
        let term = terms.last().expect("just pushed");
        if let Some(clash) = terms[..terms.len() - 1].iter().find(|other| {
            other.office == term.office
                && offices.offices[term.office].single
                && match (other.narrowest, term.narrowest) {
                    (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
                    _ => false,
                }
        }) {
            errors.push(error(
                spec.from.span(),
                "facts/overlapping-terms",
                format!(
                    "{}'s term as {} overlaps {}'s ({}–{})",
                    term.holder,
                    offices.offices[term.office].name,
                    clash.holder,
                    clash.from,
                    clash.to.map_or("now".to_string(), |t| t.to_string())
                ),
                "a single-holder office has one holder at a time: correct `from` or `to`",
            ));
        }
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}
