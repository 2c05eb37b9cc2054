//! The file reporters against the echo server, in test mode (`POSTIE_TEST_MODE=1`: times, ids and
//! timestamps frozen): the JUnit XML and the HTML page are compared with the files in
//! `tests/snapshots/` after the server's port is replaced by `PORT` (and postie's version in the
//! echoed `User-Agent` by `VERSION`). `UPDATE_SNAPSHOTS=1` rewrites those files instead.

use crate::echo::Echo;
use crate::util::{Output, read_json, tempdir};
use std::path::Path;

const COLLECTION: &str = "tests/snapshots/reporters.postman_collection.json";
const PASSWORD: &str = "hunter2-secret";
const TOKEN: &str = "tok-123456";

/// Run `postie` in test mode from the repository root.
fn postie_test_mode(args: &[&str]) -> Output {
    crate::util::postie_with_env(args, &[("POSTIE_TEST_MODE", "1")])
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Compare `actual` with `tests/snapshots/<name>`, or rewrite it with `UPDATE_SNAPSHOTS=1`.
fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let expected = read(&path);
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the snapshot at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (UPDATE_SNAPSHOTS=1 rewrites tests/snapshots/{name})",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

#[test]
fn reporters_junit_and_html_match_snapshots() {
    let echo = Echo::start();
    let dir = tempdir();
    let xml = dir.path().join("out/report.xml");
    let html = dir.path().join("out/report.html");
    let json = dir.path().join("out/report.json");
    let base = format!("base={}", echo.url());
    let password = format!("password={PASSWORD}");
    let token = format!("token={TOKEN}");
    let out = postie_test_mode(&[
        "run",
        COLLECTION,
        "-n",
        "2",
        "--env-var",
        &base,
        "--env-var",
        &password,
        "--env-var",
        &token,
        "-r",
        "junit,html,json",
        "--reporter-junit-export",
        &xml.to_string_lossy(),
        "--reporter-html-export",
        &html.to_string_lossy(),
        "--reporter-json-export",
        &json.to_string_lossy(),
        // Bodies as text so the echoed port can be normalised in the snapshot.
        "--reporter-json-body-as-text",
    ]);
    out.check(out.code == 1, "the run has failures, so it exits 1");
    out.check(out.stdout.is_empty(), "no cli reporter, no stdout");
    let port = format!("127.0.0.1:{}", echo.port());
    let agent = format!("postie/{}", env!("CARGO_PKG_VERSION"));
    let xml = read(&xml).replace(&port, "127.0.0.1:PORT");
    let html = read(&html)
        .replace(&port, "127.0.0.1:PORT")
        .replace(&agent, "postie/VERSION");
    for text in [&xml, &html] {
        assert!(!text.contains(PASSWORD), "the secret password leaked");
    }
    // A secret-named variable, masked in the Authorization header and in the echoed body.
    assert!(!html.contains(TOKEN), "the token leaked");
    assert!(html.contains("<tr><th>Authorization</th><td>********</td></tr>"));
    assert_snapshot("reporters.xml", &xml);
    assert_snapshot("reporters.html", &html);

    let json_text = read(&json)
        .replace(&port, "127.0.0.1:PORT")
        .replace(
            &format!("\"port\":\"{}\"", echo.port()),
            "\"port\":\"PORT\"",
        )
        .replace(&agent, "postie/VERSION");
    assert!(!json_text.contains(PASSWORD), "the secret password leaked");
    assert_snapshot("reporters.json", &json_text);
    let doc = read_json(&json);
    assert_eq!(doc["run"]["timings"]["started"], 1_767_225_600_000_u64);
    assert_eq!(doc["run"]["timings"]["completed"], 1_767_225_600_000_u64);
    assert_eq!(
        doc["run"]["executions"][0]["response"]["id"],
        "00000000-0000-4000-8000-000000000000"
    );
    assert_eq!(doc["run"]["executions"][0]["response"]["responseTime"], 0);
}

#[test]
fn reporters_demo_writes_cli_junit_and_html() {
    let dir = tempdir();
    let xml = dir.path().join("demo.xml");
    let html = dir.path().join("demo.html");
    let out = postie_test_mode(&[
        "demo",
        "-r",
        "cli,junit,html",
        "--reporter-junit-export",
        &xml.to_string_lossy(),
        "--reporter-html-export",
        &html.to_string_lossy(),
    ]);
    out.check(out.code == 0, "the demo passes");
    out.check(out.stdout.contains("✓"), "the cli reporter printed");
    assert!(read(&xml).contains("<testsuites name=\"Mobsted Partner API\""));
    assert!(read(&html).contains("<h2>Summary</h2>"));
}

#[test]
fn reporters_progress_prints_nothing_without_a_terminal() {
    let out = postie_test_mode(&["demo", "-r", "progress"]);
    out.check(out.code == 0, "the demo passes");
    out.check(out.stdout.is_empty(), "no bar when stdout is a pipe");
}

#[test]
fn reporters_cli_plain_symbols_and_timestamps() {
    let out = postie_test_mode(&[
        "demo",
        "--disable-unicode",
        "--reporter-cli-show-timestamps",
    ]);
    out.check(out.code == 0, "the demo passes");
    out.check(out.stdout.contains("  Pass  AUTH returns 200"), "Pass");
    out.check(out.stdout.contains("Root AUTH"), "Root");
    out.check(
        out.stdout
            .contains("  [1/1/2026, 12:00:00 AM]  GET http://"),
        "timestamp",
    );
    // Newman's `prettyms` writes `µs` whatever the symbols; all else is ASCII.
    out.check(
        out.stdout.chars().all(|c| c.is_ascii() || c == 'µ'),
        "plain ASCII output",
    );
    out.check(
        out.stdout
            .lines()
            .any(|l| l.starts_with(&format!("{}+", "-".repeat(26))) && l.ends_with('-')),
        "Newman's ASCII table rules",
    );
}

#[test]
fn reporters_unknown_reporter_is_refused() {
    let out = postie_test_mode(&["demo", "-r", "emojitrain"]);
    out.check(out.code != 0, "unknown reporter");
    out.check(
        out.stderr.contains("junit, html, htmlextra, progress"),
        "lists reporters",
    );
}

#[test]
fn reporters_json_body_forms() {
    let echo = Echo::start();
    let dir = tempdir();
    let base = format!("base={}", echo.url());
    let password = format!("password={PASSWORD}");
    let token = format!("token={TOKEN}");
    let run = |extra: &str, file: &str| {
        let path = dir.path().join(file);
        let out = postie_test_mode(&[
            "run",
            COLLECTION,
            "--env-var",
            &base,
            "--env-var",
            &password,
            "--env-var",
            &token,
            "-r",
            "json",
            "--reporter-json-export",
            &path.to_string_lossy(),
            extra,
        ]);
        out.check(out.code == 1, "the fixture has failures");
        read_json(&path)
    };
    let text = run("--reporter-json-body-as-text", "text.json");
    let response = &text["run"]["executions"][0]["response"];
    assert!(response["body"].is_string() && response.get("stream").is_none());
    let default = run("--reporter-cli-no-banner", "default.json");
    let response = &default["run"]["executions"][0]["response"];
    assert_eq!(response["stream"]["type"], "Buffer");
    assert!(
        response["stream"]["data"]
            .as_array()
            .is_some_and(|d| !d.is_empty())
    );
    let omitted = run("--reporter-json-omit-responses", "omit.json");
    let response = &omitted["run"]["executions"][0]["response"];
    assert!(response.get("body").is_none() && response.get("stream").is_none());
    assert_eq!(response["code"], 200);
}

#[test]
fn reporters_cli_matches_snapshot() {
    let echo = Echo::start();
    let base = format!("base={}", echo.url());
    let password = format!("password={PASSWORD}");
    let token = format!("token={TOKEN}");
    let out = postie_test_mode(&[
        "run",
        COLLECTION,
        "-n",
        "2",
        "--env-var",
        &base,
        "--env-var",
        &password,
        "--env-var",
        &token,
        "--color",
        "off",
    ]);
    out.check(out.code == 1, "the fixture has failures");
    let port = format!("127.0.0.1:{}", echo.port());
    let text = out.stdout.replace(&port, "127.0.0.1:PORT");
    assert!(!text.contains(PASSWORD), "the secret password leaked");
    assert_snapshot("reporters.cli.txt", &text);
}
