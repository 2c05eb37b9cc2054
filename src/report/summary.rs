//! The run summary, built only from events (as Newman's `summary.js`): counts per category,
//! response-time statistics and the numbered list of failures. It also decides the exit code.

use crate::runner::{Event, Listener};
use crate::script::ScriptKind;
use std::time::{Duration, Instant};

/// Executed and failed counts of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counter {
    /// How many ran.
    pub executed: usize,
    /// How many failed.
    pub failed: usize,
}

/// The summary table's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Iterations.
    pub iterations: Counter,
    /// Items run.
    pub items: Counter,
    /// Items whose request went out and whose test phase ran (Newman's `stats.tests`).
    pub tests: Counter,
    /// Requests sent (failed = no response).
    pub requests: Counter,
    /// Test scripts run (failed = threw).
    pub test_scripts: Counter,
    /// Pre-request scripts run (failed = threw).
    pub prerequest_scripts: Counter,
    /// Assertions (failed = did not hold; skipped ones count as executed, not failed).
    pub assertions: Counter,
}

/// The error `--bail` turns a script's failed assertions into (Newman's name for it).
pub const BAIL_FAILURE: &str = "AssertionFailure";

/// One failure of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `AssertionError`, `TypeError`, `SyntaxError`, `Error`, ...
    pub error_name: String,
    /// For assertions, the test name; otherwise empty.
    pub test: String,
    /// What went wrong.
    pub message: String,
    /// Where, as Newman says it: `assertion:0 in test-script`, `test-script`,
    /// `prerequest-script`, `request`.
    pub at: String,
    /// The item's name (Newman's `source.name`).
    pub source: String,
    /// `Folder / Item`, for people.
    pub path: String,
    /// 0-based iteration.
    pub iteration: usize,
    /// For assertions: the sandbox's assertion index and the item's position in the plan, which
    /// Newman's report puts in the error (`index`, and the made-up stack frame).
    pub assertion: Option<(usize, usize)>,
    /// For script errors: the 1-based line and column of the error in the script, when known.
    pub script_position: Option<(u32, u32)>,
}

/// Everything the reporters need at the end of a run.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// Collection name.
    pub collection: String,
    /// Number of iterations planned.
    pub iterations: usize,
    /// The table.
    pub stats: RunStats,
    /// Failures in the order they happened.
    pub failures: Vec<Failure>,
    /// Response-time statistics, kept online so memory does not grow with the run.
    pub response_times: OnlineStats,
    /// DNS lookup times of the requests that looked a name up (Newman skips zero phases).
    pub dns_times: OnlineStats,
    /// First-byte times (the `firstByte` phase), of the requests where it was not zero.
    pub first_byte_times: OnlineStats,
    /// Bytes of response bodies received.
    pub bytes_received: u64,
    /// Wall time of the run.
    pub duration: Duration,
    /// Set when the run was aborted (e.g. `--timeout`).
    pub run_error: Option<String>,
}

impl RunSummary {
    /// True when nothing failed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty() && self.run_error.is_none()
    }

    /// Mean, min, max and standard deviation of the response times, if any.
    pub fn response_time_stats(&self) -> Option<(Duration, Duration, Duration, Duration)> {
        self.response_times.stats()
    }
}

/// Count, mean, min, max and variance of durations, updated one value at a time (Welford's
/// method, as Newman's summary uses).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OnlineStats {
    count: u64,
    mean_ms: f64,
    m2: f64,
    min_ms: f64,
    max_ms: f64,
}

impl OnlineStats {
    /// Add one duration.
    pub fn push(&mut self, value: Duration) {
        let x = value.as_secs_f64() * 1000.0;
        self.count += 1;
        if self.count == 1 {
            self.min_ms = x;
            self.max_ms = x;
        } else {
            self.min_ms = self.min_ms.min(x);
            self.max_ms = self.max_ms.max(x);
        }
        let delta = x - self.mean_ms;
        self.mean_ms += delta / self.count as f64;
        self.m2 += delta * (x - self.mean_ms);
    }

    /// How many values were added.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Mean, min, max and population standard deviation, if any value was added.
    pub fn stats(&self) -> Option<(Duration, Duration, Duration, Duration)> {
        if self.count == 0 {
            return None;
        }
        let d = |x: f64| Duration::from_secs_f64(x.max(0.0) / 1000.0);
        let sd = (self.m2 / self.count as f64).sqrt();
        Some((d(self.mean_ms), d(self.min_ms), d(self.max_ms), d(sd)))
    }
}

/// A listener that builds a [`RunSummary`].
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    summary: RunSummary,
    started: Option<Instant>,
}

impl SummaryBuilder {
    /// Take the finished summary.
    pub fn into_summary(self) -> RunSummary {
        self.summary
    }

    /// Whether the run started (its `Start` event came).
    pub fn started(&self) -> bool {
        self.started.is_some()
    }
}

fn script_label(kind: ScriptKind) -> &'static str {
    match kind {
        ScriptKind::PreRequest => "prerequest-script",
        ScriptKind::Test => "test-script",
    }
}

impl Listener for SummaryBuilder {
    fn on_event(&mut self, event: &Event<'_>) {
        let s = &mut self.summary;
        match event {
            Event::Start {
                collection,
                iterations,
                ..
            } => {
                self.started = Some(Instant::now());
                s.collection = (*collection).to_string();
                s.iterations = *iterations;
            }
            Event::Iteration { .. } => s.stats.iterations.executed += 1,
            Event::Request { .. } => self.on_request(event),
            Event::Script { .. } => self.on_script(event),
            Event::Assertion { .. } => self.on_assertion(event),
            Event::RunError { message } => s.run_error = Some((*message).to_string()),
            Event::Done => {
                if let Some(started) = self.started {
                    s.duration = started.elapsed();
                }
            }
            Event::Item { tested, .. } => {
                s.stats.items.executed += 1;
                s.stats.tests.executed += usize::from(*tested);
            }
            Event::BeforeIteration { .. } | Event::BeforeItem { .. } | Event::Console { .. } => {}
        }
    }
}

impl SummaryBuilder {
    /// A request went out: its time and size, or a failure when it could not be made.
    fn on_request(&mut self, event: &Event<'_>) {
        let Event::Request {
            cursor,
            item,
            response,
            from_script,
            ..
        } = event
        else {
            return;
        };
        let s = &mut self.summary;
        s.stats.requests.executed += 1;
        match response {
            Ok(r) => {
                s.response_times.push(r.elapsed);
                if let Some(phases) = r.timings.map(|t| t.phases()) {
                    if !phases.dns.is_zero() {
                        s.dns_times.push(phases.dns);
                    }
                    if !phases.first_byte.is_zero() {
                        s.first_byte_times.push(phases.first_byte);
                    }
                }
                s.bytes_received += r.body.len();
            }
            Err(e) => {
                s.stats.requests.failed += 1;
                s.failures.push(Failure {
                    error_name: e.name.into(),
                    test: String::new(),
                    message: e.message.clone(),
                    at: "request".into(),
                    // Newman's source for a `pm.sendRequest` is an unnamed item.
                    source: if *from_script {
                        String::new()
                    } else {
                        item.name.to_string()
                    },
                    path: item.full_name(),
                    iteration: cursor.iteration,
                    assertion: None,
                    script_position: None,
                });
            }
        }
    }

    /// A script ran: counted, and a failure when it threw.
    fn on_script(&mut self, event: &Event<'_>) {
        let Event::Script {
            cursor,
            item,
            kind,
            error,
            ..
        } = event
        else {
            return;
        };
        let s = &mut self.summary;
        let counter = match kind {
            ScriptKind::PreRequest => &mut s.stats.prerequest_scripts,
            ScriptKind::Test => &mut s.stats.test_scripts,
        };
        counter.executed += 1;
        if let Some(error) = error {
            counter.failed += 1;
            s.failures.push(Failure {
                error_name: error.name.clone(),
                test: String::new(),
                message: error.message.clone(),
                // Newman's sandbox errors carry no stack frames, so its `at` has no
                // position (the CLI shows postie's under `--verbose`); the
                // `AssertionFailure` its `--bail` raises is made at one place in
                // Newman's runtime, whose position it reports.
                at: if error.name == BAIL_FAILURE {
                    format!("{}:39:17", script_label(*kind))
                } else if let Some((line, col)) = error.reported_at {
                    format!("{}:{line}:{col}", script_label(*kind))
                } else {
                    script_label(*kind).to_string()
                },
                script_position: error.position,
                source: item.name.to_string(),
                path: item.full_name(),
                iteration: cursor.iteration,
                assertion: None,
            });
        }
    }

    /// An assertion: counted, and a failure when it failed.
    fn on_assertion(&mut self, event: &Event<'_>) {
        let Event::Assertion {
            cursor,
            item,
            index,
            assertion,
            ..
        } = event
        else {
            return;
        };
        let s = &mut self.summary;
        s.stats.assertions.executed += 1;
        if let Some(error) = &assertion.error {
            s.stats.assertions.failed += 1;
            s.failures.push(Failure {
                error_name: error.name.clone(),
                test: assertion.name.clone(),
                message: error.message.clone(),
                // Newman says "in test-script" for pre-request assertions too.
                at: format!("assertion:{index} in test-script"),
                source: item.name.to_string(),
                path: item.full_name(),
                iteration: cursor.iteration,
                assertion: Some((assertion.index, cursor.position)),
                script_position: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_online_stats_match_the_two_pass_formula() {
        let mut stats = OnlineStats::default();
        assert_eq!(stats.stats(), None);
        for ms in [2, 4, 4, 4, 5, 5, 7, 9] {
            stats.push(Duration::from_millis(ms));
        }
        let (mean, min, max, sd) = stats.stats().unwrap_or_default();
        assert_eq!(mean, Duration::from_millis(5));
        assert_eq!(
            (min, max),
            (Duration::from_millis(2), Duration::from_millis(9))
        );
        assert!((sd.as_secs_f64() * 1000.0 - 2.0).abs() < 1e-9);
    }
}
