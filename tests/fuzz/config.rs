//! How many cases every property/fuzz test runs, and the runner they share: 256 cases by
//! default, so a plain `cargo test` stays quick; `POSTIE_FUZZ_CASES=N` runs N cases in every
//! target instead (the long mode). The default run draws the same cases every time (a fixed
//! seed), so CI is reproducible; the long mode draws fresh ones. Used by the `fuzz` integration
//! tests and, included from `src/lib.rs`, by the property tests under `src/`.

use std::fmt::Debug;
use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// Cases per target in a plain `cargo test`.
pub const DEFAULT_CASES: u32 = 256;

/// One case taking longer than this (debug build, shared machine) counts as a hang.
pub const CASE_TIME_LIMIT: Duration = Duration::from_secs(60);

/// `POSTIE_FUZZ_CASES` when it is a positive number.
fn long_mode() -> Option<u32> {
    std::env::var("POSTIE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
}

/// The number of cases each target runs: `POSTIE_FUZZ_CASES` when it is a positive number.
pub fn cases() -> u32 {
    long_mode().unwrap_or(DEFAULT_CASES)
}

/// Run `test` on [`cases`] values drawn from `strategy`; a failing case (an `Err`, a panic or a
/// case slower than [`CASE_TIME_LIMIT`]) is shrunk to a minimal one and reported by panicking.
/// Prints how many cases ran and how long they took (`--nocapture` shows it).
pub fn check<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let cases = cases();
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    };
    let mut runner = match long_mode() {
        Some(_) => TestRunner::new(config),
        None => TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha)),
    };
    let started = Instant::now();
    let result = runner.run(&strategy, |value| {
        let at = Instant::now();
        test(value)?;
        let took = at.elapsed();
        if took > CASE_TIME_LIMIT {
            return Err(TestCaseError::fail(format!(
                "one case took {took:?} (a hang?)"
            )));
        }
        Ok(())
    });
    match result {
        Ok(()) => eprintln!(
            "fuzz {name}: {cases} cases passed in {:.1?}",
            started.elapsed()
        ),
        Err(e) => panic!("fuzz {name}: {e}"),
    }
}
