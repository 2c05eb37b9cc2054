//! The JSON report (`-r json`) against Newman's: for the corpus cases that carry a recorded
//! `newman-report.txt` (Newman 6.2.2's report, normalised by `tools/diff/report_digest.py`:
//! ids numbered, times, ports and boundaries replaced), this build's report, normalised the same
//! way, must be the same document key for key (secrets postie masks, DIVERGENCES.md D1, aside).
//! Needs python3 only; `scripts/newman-diff --record --json-reports CASE...` re-records with Node.

use std::path::Path;
use std::process::Command;

/// The recorded set may grow but never silently shrink.
const MIN_CASES: usize = 30;

#[test]
fn json_report_matches_newman_recorded_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(root.join("tools/diff/newman_diff.py"))
        .arg("--json-reports")
        .arg("--postie")
        .arg(env!("CARGO_BIN_EXE_postie"))
        .arg("-q")
        .arg("-j")
        .arg("2")
        .arg(root.join("tests/corpus"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run tools/diff/newman_diff.py (python3): {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "JSON report differences from Newman:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let cases: usize = stdout
        .lines()
        .last()
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        cases >= MIN_CASES,
        "only {cases} cases with a recorded JSON report: {stdout}"
    );
    assert!(stdout.contains(" pending, 0 differ"), "{stdout}");
}
