//! Script failures: thrown errors, syntax errors and runaway loops, against a real server.

use crate::util::{collection_with_test, postie, tempdir, write};
use postie::mock::{PartnerApiConfig, spawn};
use std::time::{Duration, Instant};

fn run_test_script(script: &str, extra: &[&str]) -> crate::util::Output {
    let server = spawn(PartnerApiConfig::default(), 0).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempdir();
    let url = format!("{}/api/v8/auth", server.url());
    let path = write(dir.path(), "c.json", &collection_with_test(&url, script));
    let mut args = vec!["run", path.as_str()];
    args.extend_from_slice(extra);
    postie(&args)
}

#[test]
fn scripts_thrown_error_is_a_failure_with_position() {
    let out = run_test_script(
        "pm.test('before', function () {});\n  throw new Error('boom');",
        &["--verbose"],
    );
    out.check(out.code == 1, "a throwing script fails the run");
    out.check(
        out.stdout.contains("✓  before"),
        "statements before the throw took effect",
    );
    out.check(out.stdout.contains("Error in test-script"), "inline marker");
    out.check(out.stdout.contains("boom"), "message shown");
    out.check(
        out.stdout.contains("at test-script:2:"),
        "line of the throw, under --verbose (Newman never knows it)",
    );
}

#[test]
fn scripts_syntax_error_is_reported() {
    let out = run_test_script("pm.test('x', function () {\n  let = ;\n});", &[]);
    out.check(out.code == 1, "a syntax error fails the run");
    out.check(out.stdout.contains("SyntaxError"), "named SyntaxError");
}

#[test]
fn scripts_infinite_loop_stops_at_timeout() {
    let started = Instant::now();
    let out = run_test_script("while (true) {}", &["--timeout-script", "200"]);
    out.check(out.code == 1, "a timed-out script fails the run");
    out.check(
        out.stdout.contains("synchronous script execution timeout"),
        "timeout reported",
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the loop was not stopped"
    );
}
