//! Checks: small self-contained units that read the extraction and report findings.
//! Each has a stable code; none reads article text.

mod claim_conflict;
mod date_weekday;
mod entity_pronoun;
mod office_holder_conflict;
mod office_out_of_term;
mod office_title_conflict;
mod overlap;
mod people;
mod spelling_variant;
mod time_undated;
mod value_invalid;

use crate::extract::Extraction;
use crate::report::Severity;
use crate::rules::RulePack;
use std::ops::Range;

/// One place a finding points at.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub article: usize,
    pub span: Range<usize>,
    pub label: String,
    /// The suspect text itself, as opposed to evidence elsewhere.
    pub primary: bool,
}

/// A text replacement that would resolve a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub article: usize,
    pub span: Range<usize>,
    pub replacement: String,
}

/// A reported inconsistency.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// Primary locations first, all in the first location's article.
    pub locations: Vec<Location>,
    /// Safe edits that resolve the finding, if any.
    pub fix: Vec<Edit>,
}

/// A lint over the extracted claims.
pub trait Check: Sync {
    /// The stable code findings carry, e.g. `spelling/variant`.
    fn code(&self) -> &'static str;
    /// One line saying what the check catches.
    fn summary(&self) -> &'static str;
    /// What it catches, an example, and how to silence it (Markdown), shown by
    /// `corpus-lint rule CODE`; the same text is the check module's documentation.
    fn explanation(&self) -> &'static str;
    fn run(&self, extraction: &Extraction, pack: &RulePack) -> Vec<Finding>;
}

/// Every built-in check, in the order their codes are listed.
pub fn registry() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(claim_conflict::ClaimConflict),
        Box::new(date_weekday::DateWeekday),
        Box::new(entity_pronoun::EntityPronoun),
        Box::new(office_holder_conflict::OfficeHolderConflict),
        Box::new(office_out_of_term::OfficeOutOfTerm),
        Box::new(office_title_conflict::OfficeTitleConflict),
        Box::new(spelling_variant::SpellingVariant),
        Box::new(time_undated::TimeUndated),
        Box::new(value_invalid::ValueInvalid),
    ]
}

/// Runs every check and orders findings by where their primary location is, so
/// output is stable from run to run.
pub fn run_all(extraction: &Extraction, pack: &RulePack) -> Vec<Finding> {
    use rayon::prelude::*;
    let mut findings: Vec<Finding> = registry()
        .par_iter()
        .flat_map(|c| c.run(extraction, pack))
        .collect();
    findings.sort_by(|a, b| {
        let key = |f: &Finding| (f.locations[0].article, f.locations[0].span.start, f.code);
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
    findings
}

/// `1 article`, `2 articles`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
