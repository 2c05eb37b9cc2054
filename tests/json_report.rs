//! The JSON report (`-r json`) against Newman's: for the corpus cases that carry a recorded
//! `newman-report.txt` (Newman 6.2.2's report, normalised by `tools/diff/report_digest.py`:
//! ids numbered, times, ports and boundaries replaced), this build's report, normalised the same
//! way, must be the same document key for key (secrets postie masks, DIVERGENCES.md D1, aside).
//! Needs python3 only; `scripts/newman-diff --record --json-reports CASE...` re-records with Node.

/// The recorded set may grow but never silently shrink.
const MIN_CASES: usize = 30;

#[test]
fn json_report_matches_newman_recorded_reports() {
    let stdout = crate::util::newman_diff(&["--json-reports"], "JSON report");
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
}
