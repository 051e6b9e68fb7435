//! Output formats. Each printer turns the same finished run into one format; none
//! runs checks. The texts shown are read again ([`Texts`]) for the findings only.

mod human;
mod json;
mod texts;

pub use human::Human;
pub use json::{Json, VERSION as JSON_VERSION};
pub use texts::Texts;

use crate::article::Articles;
use crate::checks::Finding;
use crate::report::{Report, Severity};
use std::io;

/// Everything a printer may show.
pub struct Run<'a> {
    pub articles: &'a Articles,
    pub claims: usize,
    pub findings: &'a [Finding],
    /// The texts the findings point into.
    pub texts: &'a Texts,
    /// Problems with the input (files skipped, unreadable dates).
    pub problems: &'a [Report],
}

impl Run<'_> {
    /// How many findings there are at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// One output format.
pub trait Printer {
    /// Writes the findings (and, if the format has room, a summary) to `out`, and
    /// the input problems to `err` when the format does not carry them itself.
    fn print(&self, run: &Run, out: &mut dyn io::Write, err: &mut dyn io::Write) -> io::Result<()>;
}
