//! A progress bar for long runs on a terminal: articles read, claims made, time
//! taken. Shown on standard error only when a person is watching: never with
//! `--quiet`, in a machine format, or when standard error is not a terminal, and
//! only once a run has taken a second (short runs would only flicker).

use crate::extract::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long a run goes before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// Whether to show a bar: a person is watching human output.
pub(super) fn wanted(human: bool, quiet: bool, terminal: bool) -> bool {
    human && !quiet && terminal
}

/// The bar of one run, drawn once the run has taken [`DELAY`].
pub(super) struct Bar {
    started: Instant,
    files: u64,
    bar: OnceLock<ProgressBar>,
}

impl Bar {
    pub fn new(files: usize) -> Bar {
        Bar {
            started: Instant::now(),
            files: files as u64,
            bar: OnceLock::new(),
        }
    }

    /// Removes the bar, if it was drawn, before the findings are printed.
    pub fn clear(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn advance(&self, articles: usize, claims: usize) {
        if self.started.elapsed() < DELAY && self.bar.get().is_none() {
            return;
        }
        let bar = self.bar.get_or_init(|| {
            let bar = ProgressBar::with_draw_target(Some(self.files), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{elapsed:>4} {bar:30} {pos}/{len} articles, {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        bar.set_position(articles as u64);
        bar.set_message(format!("{claims} claims"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_person_watching_human_output_sees_a_bar() {
        assert!(wanted(true, false, true));
        assert!(!wanted(false, false, true), "machine formats");
        assert!(!wanted(true, true, true), "--quiet");
        assert!(!wanted(true, false, false), "stderr piped or redirected");
    }

    #[test]
    fn a_short_run_draws_nothing() {
        let bar = Bar::new(10);
        bar.advance(5, 3);
        assert!(bar.bar.get().is_none());
    }
}
