//! Per-phase timing of script runs, for finding where a script's fixed cost goes: set
//! `POSTIE_PROFILE_SCRIPTS=1` and the totals are printed to stderr when the sandbox is dropped.
//! Off (one relaxed load per phase) otherwise.

use std::cell::RefCell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("POSTIE_PROFILE_SCRIPTS").is_some())
}

thread_local! {
    static TOTALS: RefCell<Vec<(&'static str, Duration, u64)>> = const { RefCell::new(Vec::new()) };
}

/// A running clock; [`Clock::lap`] books the time since the last lap under a name.
pub(crate) struct Clock(Option<Instant>);

impl Clock {
    /// Start (does nothing unless enabled).
    pub(crate) fn start() -> Self {
        Clock(enabled().then(Instant::now))
    }

    /// Book the time since the last lap as `name`.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let Some(at) = self.0 else { return };
        let now = Instant::now();
        TOTALS.with(|t| {
            let mut t = t.borrow_mut();
            match t.iter_mut().find(|(n, _, _)| *n == name) {
                Some(e) => {
                    e.1 += now - at;
                    e.2 += 1;
                }
                None => t.push((name, now - at, 1)),
            }
        });
        self.0 = Some(now);
    }
}

/// Print the totals since the last report (when enabled).
pub(crate) fn report() {
    if !enabled() {
        return;
    }
    TOTALS.with(|t| {
        for (name, total, count) in t.take().iter() {
            eprintln!(
                "profile {name:<24} {count:>7} x {:>8.2} us = {:>8.1} ms",
                total.as_secs_f64() * 1e6 / *count as f64,
                total.as_secs_f64() * 1e3
            );
        }
    });
}
