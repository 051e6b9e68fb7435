//! Reference facts: terms of office, from `facts/*.toml` beside the rules. A claim
//! naming a holder outside their term is `office/out-of-term`.

use super::diagnostics::{error_at, unreadable};
use super::offices::Offices;
use super::schema::FactsFile;
use crate::code::Code;
use crate::date::PartialDate;
use crate::ids::OfficeId;
use crate::report::Report;
use crate::time::Interval;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// One person's term in one office.
#[derive(Clone, Debug)]
pub struct Term {
    pub office: OfficeId,
    pub holder: String,
    pub from: PartialDate,
    pub to: Option<PartialDate>,
    /// The days `from` and `to` may be.
    first: Interval,
    last: Option<Interval>,
}

impl Term {
    /// The days the term may have covered, a term still running ending `today`:
    /// dates known only to the month or year are read generously, so that a claim
    /// is never out of term by a guess.
    pub fn widest(&self, today: NaiveDate) -> Interval {
        Interval {
            start: self.first.start,
            end: self.last.map_or(today.max(self.first.start), |t| t.end),
        }
    }

    /// The days it certainly covered, if any: used to check that terms do not
    /// overlap. A term still running certainly covers every day after it began.
    fn narrowest(&self) -> Option<Interval> {
        let end = self.last.map_or(NaiveDate::MAX, |t| t.start);
        (self.first.end < end).then_some(Interval {
            start: self.first.end,
            end,
        })
    }
}

/// Terms from every facts file under the rule folders `paths`.
pub(super) fn load_all(paths: &[PathBuf], offices: &Offices) -> Result<Vec<Term>, Vec<Report>> {
    let mut terms = Vec::new();
    let mut errors = Vec::new();
    for file in super::discover::facts_files(paths) {
        match std::fs::read_to_string(&file) {
            Ok(source) => match load(&file, &source, offices) {
                Ok(t) => terms.extend(t),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(unreadable(
                Code::FactsUnreadable,
                format!("cannot read facts file {}", file.display()),
                &e,
            )),
        }
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}

/// Reads one facts file; errors point into it.
fn load(path: &Path, source: &str, offices: &Offices) -> Result<Vec<Term>, Vec<Report>> {
    let file: FactsFile = toml::from_str(source).map_err(|e| {
        vec![error_at(
            path,
            source,
            e.span().unwrap_or(0..0),
            Code::FactsSyntax,
            e.message().to_string(),
            "a facts file holds [[term]] entries: office, holder, from, to",
        )]
    })?;
    let mut terms: Vec<Term> = Vec::new();
    let mut errors = Vec::new();
    let error = |span, code, message, help| error_at(path, source, span, code, message, help);
    for spec in file.term {
        let Some(office) = offices.named(spec.office.get_ref()) else {
            errors.push(error(
                spec.office.span(),
                Code::FactsUnknownOffice,
                format!("no office is named `{}`", spec.office.get_ref()),
                "use the `name` of an [[office]] in the rule files",
            ));
            continue;
        };
        let date = |s: &toml::Spanned<String>| {
            PartialDate::parse(s.get_ref()).map_err(|e| {
                error(
                    s.span(),
                    Code::FactsBadDate,
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
        let (Some(first), last) = (Interval::of(from), to.and_then(Interval::of)) else {
            continue;
        };
        if last.is_some_and(|l| l.end < first.start) {
            errors.push(error(
                spec.from.span(),
                Code::FactsBadTerm,
                format!("the term of {} ends before it begins", spec.holder),
                "check `from` and `to`",
            ));
            continue;
        }
        let term = Term {
            office,
            holder: crate::value::fold_text(&spec.holder),
            from,
            to,
            first,
            last,
        };
        // Two holders of a single-holder office may share only the handover day.
        if let Some(clash) = terms.iter().find(|other| {
            other.office == term.office
                && offices.offices[term.office].single
                && match (other.narrowest(), term.narrowest()) {
                    (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
                    _ => false,
                }
        }) {
            errors.push(error(
                spec.from.span(),
                Code::FactsOverlappingTerms,
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
        terms.push(term);
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}
