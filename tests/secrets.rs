//! Secrets stay secret: secret-typed variables, auth credentials and `Authorization` values are
//! masked in the terminal (also with `--verbose`) and in the JSON report, unless `--show-secrets`.

use crate::echo::Echo;
use crate::util::{postie, read_json, tempdir, write};
use serde_json::json;

fn collection(base: &str) -> String {
    json!({
        "info": {"name": "secrets"},
        "item": [
            {"name": "basic", "request": {"method": "GET", "url": format!("{base}/echo?pw={{{{pw}}}}"),
             "auth": {"type": "basic", "basic": [{"key": "username", "value": "u"}, {"key": "password", "value": "{{pw}}"}]}}},
            {"name": "bearer", "request": {"method": "GET", "url": format!("{base}/echo"),
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "tok-from-script"}]}}},
            {"name": "apikey", "request": {"method": "GET", "url": format!("{base}/echo"),
             "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Api-Key"}, {"key": "value", "value": "key-value-42"}, {"key": "in", "value": "query"}]}}}
        ]
    })
    .to_string()
}

fn environment() -> String {
    json!({"name": "e", "values": [{"key": "pw", "value": "hunter2-secret", "type": "secret", "enabled": true}]})
        .to_string()
}

#[test]
fn secrets_masked_in_terminal_and_json_report() {
    let echo = Echo::start();
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &collection(&echo.url()));
    let e = write(dir.path(), "e.json", &environment());
    let report = dir.path().join("report.json");
    let report_arg = report.to_string_lossy().into_owned();
    let out = postie(&[
        "run",
        &c,
        "-e",
        &e,
        "--verbose",
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report_arg,
    ]);
    out.check(out.code == 0, "run passes");
    for secret in [
        "hunter2-secret",
        "tok-from-script",
        "key-value-42",
        "dTpodW50ZXIy",
    ] {
        out.check(!out.stdout.contains(secret), &format!("{secret} printed"));
        let text = std::fs::read_to_string(&report).unwrap_or_default();
        assert!(
            !text.contains(secret),
            "{secret} in the JSON report: {text}"
        );
    }
    out.check(out.stdout.contains("pw=********"), "masked in the URL");
    let doc = read_json(&report);
    let headers = &doc["run"]["executions"][1]["request"]["header"];
    let auth = headers
        .as_array()
        .and_then(|h| h.iter().find(|h| h["key"] == "Authorization"))
        .map(|h| h["value"].clone());
    assert_eq!(auth, Some(json!("********")));
    // The server still got the real values.
    let requests = echo.requests();
    assert!(requests[0].path.contains("pw=hunter2-secret"));
    assert!(requests[2].path.contains("X-Api-Key=key-value-42"));
}

#[test]
fn secrets_shown_with_show_secrets() {
    let echo = Echo::start();
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &collection(&echo.url()));
    let e = write(dir.path(), "e.json", &environment());
    let out = postie(&["run", &c, "-e", &e, "--verbose", "--show-secrets"]);
    out.check(out.code == 0, "run passes");
    out.check(out.stdout.contains("pw=hunter2-secret"), "secret shown");
    out.check(out.stdout.contains("Bearer tok-from-script"), "token shown");
}

/// A token that is `null`, empty or an unresolved `{{reference}}` is no secret: the masker must
/// not learn it, or every later `null` in the reports would read `********`.
#[test]
fn secrets_null_empty_or_unresolved_tokens_mask_nothing() {
    let echo = Echo::start();
    let dir = tempdir();
    let base = echo.url();
    let c = json!({
        "info": {"name": "null token"},
        "item": [
            {"name": "null bearer", "request": {"method": "GET", "url": format!("{base}/echo?v=null"),
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{tok}}"}]}},
             "event": [{"listen": "prerequest", "script": {"exec": ["pm.environment.set('tok', null);"]}}]},
            {"name": "unresolved bearer", "request": {"method": "GET", "url": format!("{base}/echo?u={{{{nope}}}}"),
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{nope}}"}]}}},
            {"name": "empty password", "request": {"method": "GET", "url": format!("{base}/echo?t=true"),
             "auth": {"type": "basic", "basic": [{"key": "username", "value": "u"}, {"key": "password", "value": ""}]}},
             "event": [{"listen": "test", "script": {"exec": ["console.log('later', null, true, undefined);"]}}]},
            {"name": "real token", "request": {"method": "GET", "url": format!("{base}/echo?k=real-token-1"),
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "real-token-1"}]}}}
        ]
    })
    .to_string();
    let c = write(dir.path(), "c.json", &c);
    let report = dir.path().join("report.json");
    let report_arg = report.to_string_lossy().into_owned();
    let out = postie(&[
        "run",
        &c,
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report_arg,
    ]);
    out.check(out.code == 0, "run passes");
    out.check(
        out.stdout.contains("later null true undefined")
            || out.stdout.contains("'later', null, true, undefined"),
        "console keeps null/true/undefined",
    );
    out.check(
        out.stdout.contains("?v=null"),
        "null in a URL is not masked",
    );
    out.check(
        out.stdout.contains("u={{nope}}"),
        "an unresolved reference is not masked",
    );
    out.check(
        !out.stdout.contains("real-token-1"),
        "a real token is masked",
    );
    let doc = read_json(&report);
    let urls: Vec<String> = doc["run"]["executions"]
        .as_array()
        .map(|e| e.iter().map(|x| x["request"]["url"].to_string()).collect())
        .unwrap_or_default();
    let joined = urls.join(" ");
    assert!(
        joined.contains(r#"{"key":"v","value":"null"}"#),
        "null masked in the JSON report: {joined}"
    );
    assert!(
        joined.contains(r#"{"key":"t","value":"true"}"#),
        "true masked in the JSON report: {joined}"
    );
    assert!(
        !joined.contains("real-token-1"),
        "real token in the JSON report: {joined}"
    );
}
