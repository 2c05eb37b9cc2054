//! The differential corpus: every case under `tests/corpus/` is run through this build of postie
//! against the harness's capturing echo server (`tools/diff/`), and its digest -- requests as sent,
//! statuses, assertions with their messages, run failures, console output, exported variables,
//! exit code -- must equal Newman 6.2.2's recorded `newman.txt` (or, for a case listed in
//! `DIVERGENCES.md`, postie's own `postie.txt`). Needs python3 only; Node is needed to re-record
//! (`scripts/newman-diff --record`).

/// The corpus may grow but never silently shrink: fewer cases than this is a failure.
const MIN_CASES: usize = 2630;

#[test]
fn corpus_every_case_matches_newman() {
    crate::util::newman_diff(&["--min-cases", &MIN_CASES.to_string()], "corpus");
}
