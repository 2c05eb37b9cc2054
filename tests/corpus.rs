//! The differential corpus: every case under `tests/corpus/` is run through this build of postie
//! against the harness's capturing echo server (`tools/diff/`), and its digest -- requests as sent,
//! statuses, assertions with their messages, run failures, console output, exported variables,
//! exit code -- must equal Newman 6.2.2's recorded `newman.txt` (or, for a case listed in
//! `DIVERGENCES.md`, postie's own `postie.txt`). Needs python3 only; Node is needed to re-record
//! (`scripts/newman-diff --record`).

use std::path::Path;
use std::process::Command;

/// The corpus may grow but never silently shrink: fewer cases than this is a failure.
const MIN_CASES: usize = 1545;

#[test]
fn corpus_every_case_matches_newman() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(root.join("tools/diff/newman_diff.py"))
        .arg("--postie")
        .arg(env!("CARGO_BIN_EXE_postie"))
        .arg("--min-cases")
        .arg(MIN_CASES.to_string())
        .arg("-q")
        .arg("-j")
        .arg("2")
        .arg(root.join("tests/corpus"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run tools/diff/newman_diff.py (python3): {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "corpus differences from Newman:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(" pending, 0 differ"), "{stdout}");
}
