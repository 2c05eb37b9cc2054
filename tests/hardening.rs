//! Hardening: limits and faults end one request (or the run) with a clear error, never with a
//! panic, a hang or lost results. Each test reproduces one failure of issue 12.

use crate::echo::Echo;
use crate::util::{collection_doc, postie, read_json, tempdir, write};
use serde_json::{Value, json};

/// A collection named `hardening` holding `items`.
fn collection(items: Value) -> String {
    collection_doc("hardening", items).to_string()
}

/// An item with a test script asserting status 200.
fn passing_item(name: &str, url: &str) -> Value {
    json!({
        "name": name,
        "event": [{"listen": "test", "script": {"exec": ["pm.test('ok', () => pm.response.to.have.status(200));"]}}],
        "request": {"method": "GET", "url": url}
    })
}

/// 25,000 headers go out as Node sends them (no client-side limit); the server's refusal is
/// that request's response, and the run goes on.
#[test]
fn hardening_too_many_headers_are_sent_and_the_run_goes_on() {
    let echo = Echo::start();
    let headers: Vec<Value> = (0..25_000)
        .map(|i| json!({"key": format!("X-H{i}"), "value": "v"}))
        .collect();
    let items = json!([
        {"name": "many", "request": {"method": "GET", "header": headers, "url": format!("{}/echo", echo.url())}},
        passing_item("after", &format!("{}/echo", echo.url())),
    ]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let report = dir.path().join("report.json");
    let out = postie(&[
        "run",
        &file,
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report.to_string_lossy(),
    ]);
    out.check(out.code == 0, "no request error, the test passes");
    out.check(
        out.stdout.contains("[431 Request Header Fields Too Large"),
        "the server's answer is the response",
    );
    let requests = echo.requests();
    assert_eq!(requests.last().map(|r| r.path.as_str()), Some("/echo"));
    let doc = read_json(&report);
    assert_eq!(doc["run"]["stats"]["requests"]["total"], json!(2));
    assert_eq!(doc["run"]["executions"][0]["response"]["code"], json!(431));
    assert_eq!(doc["run"]["stats"]["assertions"]["failed"], json!(0));
    assert_eq!(doc["run"]["failures"].as_array().map(Vec::len), Some(0));
}

#[test]
fn hardening_twenty_thousand_timers_finish_within_the_script_timeout() {
    // Quadratic timers took over two minutes for 10,000; the script timeout below ends the
    // script with an error long before that.
    let echo = Echo::start();
    let script = "let n = 0; const ids = [];\n\
        for (let i = 0; i < 20000; i++) ids.push(setTimeout(() => { n++; }, i % 7));\n\
        for (let i = 0; i < 20000; i += 10) clearTimeout(ids[i]);\n\
        setTimeout(() => pm.test('fired ' + n, () => {}), 10);";
    let items = json!([{
        "name": "timers",
        "event": [{"listen": "prerequest", "script": {"exec": [script]}}],
        "request": {"method": "GET", "url": format!("{}/echo", echo.url())}
    }]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let out = postie(&["run", &file, "--timeout-script", "20000"]);
    out.check(out.code == 0, "every timer fired in time");
    out.check(
        out.stdout.contains("fired 18000"),
        "cleared timers never fire",
    );
}

#[test]
fn hardening_a_lone_surrogate_loses_none_of_the_script_results() {
    let echo = Echo::start();
    let pre = "const half = '😀'.slice(0, 1);\n\
        console.log(half);\n\
        pm.test('named ' + half, () => {});\n\
        pm.environment.set('half', half);\n\
        pm.environment.set('kept', 'yes');";
    let test = "pm.test('next script sees ' + pm.environment.get('half').length, () => {});";
    let items = json!([{
        "name": "surrogates",
        "event": [
            {"listen": "prerequest", "script": {"exec": [pre]}},
            {"listen": "test", "script": {"exec": [test]}}
        ],
        "request": {"method": "GET", "url": format!("{}/echo", echo.url())}
    }]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let env = dir.path().join("env.json");
    let out = postie(&["run", &file, "--export-environment", &env.to_string_lossy()]);
    out.check(out.code == 0, "nothing failed");
    out.check(
        out.stdout.contains("'\\ud83d'"),
        "console shows the half as Newman does",
    );
    out.check(
        out.stdout.contains("named \u{fffd}"),
        "the test is recorded",
    );
    out.check(
        out.stdout.contains("next script sees 1"),
        "the variable reached the next script",
    );
    let doc = read_json(&env);
    assert_eq!(crate::util::env_value(&doc, "kept"), Some(json!("yes")));
    assert_eq!(
        crate::util::env_value(&doc, "half"),
        Some(json!("\u{fffd}"))
    );
}

#[test]
fn hardening_leftovers_of_killed_runs_are_removed_by_the_next_export() {
    let echo = Echo::start();
    let dir = tempdir();
    let file = write(
        dir.path(),
        "c.json",
        &collection(json!([passing_item("a", &format!("{}/echo", echo.url()))])),
    );
    // What `kill -9` during an export leaves: files named for a process that no longer runs
    // (ids above the kernel's maximum never run).
    let tmp = dir.path().join(".env.json.4999999.tmp");
    let spool = dir.path().join(".report.json.4999998.spool");
    std::fs::write(&tmp, "partial").unwrap_or_else(|e| panic!("write: {e}"));
    std::fs::write(&spool, "partial").unwrap_or_else(|e| panic!("write: {e}"));
    let env = dir.path().join("env.json");
    let report = dir.path().join("report.json");
    let out = postie(&[
        "run",
        &file,
        "--export-environment",
        &env.to_string_lossy(),
        "-r",
        "json",
        "--reporter-json-export",
        &report.to_string_lossy(),
    ]);
    out.check(out.code == 0, "the run passes");
    assert!(env.exists() && report.exists(), "both exports written");
    if cfg!(target_os = "linux") {
        assert!(!tmp.exists(), "the stale export temp file is gone");
        assert!(!spool.exists(), "the stale report spool is gone");
    }
}

#[test]
fn hardening_run_timeout_stops_busy_scripts_and_silent_servers() {
    let echo = Echo::start();
    // A server that accepts connections and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    let silent_url = format!(
        "http://{}/never",
        silent.local_addr().unwrap_or_else(|e| panic!("addr: {e}"))
    );
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming().flatten() {
            held.push(stream);
        }
    });
    let cases = [
        ("while (true) {}", "busy loop"),
        ("function f() { setTimeout(f, 0); } f();", "timer storm"),
        (
            &*format!("pm.sendRequest('{silent_url}', () => {{}});"),
            "silent sendRequest",
        ),
    ];
    for (script, what) in cases {
        let items = json!([
            {
                "name": "busy",
                "event": [{"listen": "prerequest", "script": {"exec": [script]}}],
                "request": {"method": "GET", "url": format!("{}/echo", echo.url())}
            },
            passing_item("never reached", &format!("{}/echo?after=1", echo.url())),
        ]);
        let dir = tempdir();
        let file = write(dir.path(), "c.json", &collection(items));
        let started = std::time::Instant::now();
        let out = postie(&["run", &file, "--timeout", "1000"]);
        out.check(out.code == 1, &format!("{what}: a timed-out run fails"));
        out.check(
            out.stdout.contains("callback timed out"),
            &format!("{what}: the run says it timed out"),
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{what}: the run ended near its limit"
        );
        assert!(
            echo.requests().iter().all(|r| !r.path.contains("after=1")),
            "{what}: nothing starts after the limit"
        );
    }
}

#[test]
fn hardening_body_sources_that_are_not_files_are_refused() {
    let echo = Echo::start();
    let items = json!([
        {"name": "zero", "request": {"method": "POST", "url": format!("{}/echo", echo.url()),
         "body": {"mode": "formdata", "formdata": [{"key": "f", "type": "file", "src": "/dev/zero"}]}}},
        {"name": "folder", "request": {"method": "POST", "url": format!("{}/echo", echo.url()),
         "body": {"mode": "file", "file": {"src": "/"}}}},
        passing_item("after", &format!("{}/echo", echo.url())),
    ]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let out = postie(&["run", &file, "--timeout", "20000"]);
    out.check(
        out.stdout.contains("\"/dev/zero\", is not"),
        "the device is refused",
    );
    out.check(
        out.stdout.contains("\"/\", is not"),
        "the folder is refused",
    );
    out.check(out.stdout.contains("✓  ok"), "the run goes on");
}

#[test]
fn hardening_an_export_never_overwrites_values_it_did_not_understand() {
    let echo = Echo::start();
    let dir = tempdir();
    let file = write(
        dir.path(),
        "c.json",
        &collection(json!([passing_item("a", &format!("{}/echo", echo.url()))])),
    );
    let original = r#"{"name":"e","values":{"a":"1","b":"2"}}"#;
    let env = write(dir.path(), "e.json", original);
    let out = postie(&["run", &file, "-e", &env, "--export-environment", &env]);
    out.check(out.code == 2, "a refused export is an error");
    out.check(
        out.stderr.contains("`values` is an object, not a list"),
        "the error says what was not understood",
    );
    // Refused before the run, so that no request is sent for an export that cannot be written.
    out.check(out.stdout.is_empty(), "nothing ran");
    out.check(echo.requests().is_empty(), "no request was sent");
    let kept = std::fs::read_to_string(&env).unwrap_or_default();
    assert_eq!(kept, original, "the input file is untouched");
}
