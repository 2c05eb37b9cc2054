//! The wall-clock budget of a script: a deadline the engine's interrupt handler checks, capped
//! by the run's own deadline (`--timeout`), and Newman's wording when it passes.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::api::ScriptError;

/// Shared deadline: nanoseconds since `base`, 0 when disarmed; never later than `cap_nanos`
/// (the run's deadline, 0 when there is none).
#[derive(Clone)]
pub(super) struct Deadline {
    base: Instant,
    at_nanos: Arc<AtomicU64>,
    cap_nanos: u64,
}

impl Deadline {
    pub(super) fn new(cap: Option<Instant>) -> Self {
        let base = Instant::now();
        let cap_nanos = cap.map_or(0, |at| {
            u64::try_from(at.saturating_duration_since(base).as_nanos())
                .unwrap_or(u64::MAX)
                .max(1)
        });
        Deadline {
            base,
            at_nanos: Arc::new(AtomicU64::new(0)),
            cap_nanos,
        }
    }

    pub(super) fn arm(&self, budget: Option<Duration>) {
        let nanos = match budget {
            Some(budget) => {
                let at = self.base.elapsed().saturating_add(budget).as_nanos();
                u64::try_from(at).unwrap_or(u64::MAX).max(1)
            }
            None => 0,
        };
        let nanos = match (nanos, self.cap_nanos) {
            (0, cap) => cap,
            (at, 0) => at,
            (at, cap) => at.min(cap),
        };
        self.at_nanos.store(nanos, Ordering::Relaxed);
    }

    pub(super) fn expired(&self) -> bool {
        let at = self.at_nanos.load(Ordering::Relaxed);
        at != 0 && u64::try_from(self.base.elapsed().as_nanos()).unwrap_or(u64::MAX) >= at
    }
}

/// Newman's wording for a script that ran out of time: in its synchronous part, or while
/// waiting for timers, promises or `pm.sendRequest` callbacks.
pub(super) fn timeout_error(asynchronous: bool) -> ScriptError {
    let phase = if asynchronous {
        "asynchronous"
    } else {
        "synchronous"
    };
    ScriptError {
        name: "Error".to_string(),
        message: format!("sandbox: {phase} script execution timeout"),
        position: None,
        reported_at: None,
    }
}
