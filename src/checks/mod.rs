//! Checks: small self-contained units that read the extraction and report findings.
//! Each has a stable code; none reads article text.

mod claim_conflict;
mod count_list_length;
mod date_weekday;
mod entity_pronoun;
mod number_conflict;
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
        Box::new(count_list_length::CountListLength),
        Box::new(date_weekday::DateWeekday),
        Box::new(entity_pronoun::EntityPronoun),
        Box::new(number_conflict::NumberConflict),
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

/// Claims and rule packs made by hand, for the checks' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::extract::{Claim, Extraction};
    use crate::report::Severity;
    use crate::rules::template::Template;
    use crate::rules::{Rule, RulePack};
    use crate::value::{Value, ValueType};

    /// A pack with one rule, `r`, keyed `k`.
    pub fn pack(severity: Severity, value_type: ValueType, tolerance: f64) -> RulePack {
        RulePack {
            rules: vec![Rule {
                id: "r".into(),
                description: String::new(),
                severity,
                regex: regex::Regex::new("(?P<v>x)").unwrap(),
                key: Some(Template::parse("k").unwrap()),
                value: Template::parse("{v}").unwrap(),
                value_type,
                tables: Default::default(),
                dateline: false,
                tolerance,
                count: None,
                count_offset: 0,
                office: None,
                jurisdiction: None,
                file: "r.toml".into(),
                id_span: 0..0,
                pattern_span: 0..0,
                key_span: None,
                examples: Vec::new(),
            }],
            ..RulePack::default()
        }
    }

    /// Claims of rule `r` with key `k`: (article, as written, value).
    pub fn claims_of(items: impl IntoIterator<Item = (usize, String, Value)>) -> Extraction {
        Extraction {
            claims: items
                .into_iter()
                .enumerate()
                .map(|(i, (article, raw, value))| Claim {
                    rule: Some(0),
                    office: None,
                    time: None,
                    article,
                    key: Some("k".into()),
                    value,
                    raw,
                    span: i..i + 1,
                    matched: i..i + 1,
                    weekday: None,
                    count: None,
                })
                .collect(),
            ..Extraction::default()
        }
    }
}
