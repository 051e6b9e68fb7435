//! Settings that change what the checks conclude, fixed before anything runs and
//! never changed after: the same corpus, rules and settings give the same findings
//! on any day.

use crate::time::Interval;
use chrono::NaiveDate;

/// How many days apart two times may be and still count as overlapping: articles
/// report events a few days after they happen.
pub const DEFAULT_TOLERANCE_DAYS: u32 = 7;

/// How similar two articles must be to be versions of one story: half their
/// five-word shingles shared. Rewrites for another section share less; articles
/// that are not versions of one story share almost none.
pub const DEFAULT_VERSION_SIMILARITY: f64 = 0.5;

/// What the checks are told besides the claims and the rules.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// See [`DEFAULT_TOLERANCE_DAYS`].
    pub tolerance_days: u32,
    /// The day the corpus is checked on: a term of office with no end runs until
    /// then. It defaults to the clock's date, and is set to make a run repeatable.
    pub today: NaiveDate,
    /// When the corpus's undated articles were written, if the user says: their
    /// ages are then compared as stated at some day of it.
    pub undated: Option<Interval>,
    /// How similar two articles must be (the estimated Jaccard similarity of
    /// their word shingles) to be versions of one story; `None` when
    /// `version/divergent` is switched off.
    pub versions: Option<f64>,
}

impl Settings {
    /// The defaults, with `today` given: the clock is read by the command line only.
    pub fn new(today: NaiveDate) -> Settings {
        Settings {
            tolerance_days: DEFAULT_TOLERANCE_DAYS,
            today,
            undated: None,
            versions: Some(DEFAULT_VERSION_SIMILARITY),
        }
    }
}
