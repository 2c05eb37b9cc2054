//! The progress reporter (`-r progress`): an indicatif bar with requests done / total, failures
//! so far and an ETA, drawn only when stdout is a terminal. Otherwise it prints nothing at all.

use crate::runner::{Event, Listener};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

const TEMPLATE: &str =
    "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} requests · {msg} · ETA {eta}";

/// Draws the run's progress.
pub struct ProgressReporter {
    bar: ProgressBar,
    iterations: usize,
    failures: usize,
}

impl ProgressReporter {
    /// A bar on stdout when it is a terminal, else a reporter that draws nothing.
    pub fn for_stdout() -> Self {
        let target = if std::io::stdout().is_terminal() {
            ProgressDrawTarget::stdout()
        } else {
            ProgressDrawTarget::hidden()
        };
        ProgressReporter::with_target(target)
    }

    /// A bar drawn to `target`.
    pub fn with_target(target: ProgressDrawTarget) -> Self {
        let style =
            ProgressStyle::with_template(TEMPLATE).unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(0), target).with_style(style);
        ProgressReporter {
            bar,
            iterations: 1,
            failures: 0,
        }
    }

    /// Items finished so far.
    pub fn done(&self) -> u64 {
        self.bar.position()
    }

    /// Items expected in the run.
    pub fn total(&self) -> u64 {
        self.bar.length().unwrap_or(0)
    }

    /// Failures so far.
    #[cfg(test)]
    pub fn failures(&self) -> usize {
        self.failures
    }

    fn failed(&mut self) {
        self.failures += 1;
        self.show_failures();
    }

    fn show_failures(&self) {
        let noun = if self.failures == 1 {
            "failure"
        } else {
            "failures"
        };
        self.bar.set_message(format!("{} {noun}", self.failures));
    }
}

impl Listener for ProgressReporter {
    fn on_event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start { iterations, .. } => self.iterations = (*iterations).max(1),
            Event::BeforeIteration { cursor } if cursor.iteration == 0 => {
                self.bar
                    .set_length((cursor.length * self.iterations) as u64);
                self.bar.reset_eta();
                self.show_failures();
            }
            Event::Item { .. } => {
                // `setNextRequest` can run more items than planned.
                if self.done() >= self.total() {
                    self.bar.inc_length(1);
                }
                self.bar.inc(1);
            }
            Event::Request {
                response: Err(_), ..
            }
            | Event::Script { error: Some(_), .. } => self.failed(),
            Event::Assertion { assertion, .. } if assertion.error.is_some() => self.failed(),
            Event::Done => self.bar.finish(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::replay;

    #[test]
    fn progress_counts_items_and_failures() {
        let mut progress = ProgressReporter::with_target(ProgressDrawTarget::hidden());
        replay(&mut progress);
        assert_eq!((progress.done(), progress.total()), (4, 4));
        // Per iteration: one failed assertion, one request error, one script error.
        assert_eq!(progress.failures(), 6);
        assert!(progress.bar.is_finished());
    }
}
