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

#[test]
fn secrets_leak_nowhere_in_any_reporter_in_any_encoding() {
    use base64::Engine;
    let echo = Echo::start();
    let base = echo.url();
    // A failing assertion and a test name carry the secrets; the server echoes them back in its
    // body, raw, Base64 and percent-encoded.
    let test = "const pw = pm.environment.get('pw');\n\
        const cli = pm.environment.get('password');\n\
        pm.test('pw is ' + pw, () => pm.expect(pw).to.equal('wrong'));\n\
        pm.test('cli is ' + cli, () => pm.expect(cli).to.eql('wrong'));\n\
        console.log('secrets', pw, cli, btoa(pw), encodeURIComponent(cli));";
    let collection = json!({
        "info": {"name": "leak"},
        "item": [
            {"name": "basic", "request": {"method": "POST", "url": format!("{base}/echo?pw={{{{pw}}}}&cli={{{{password}}}}"),
             "header": [{"key": "Content-Type", "value": "text/plain"}],
             "body": {"mode": "raw", "raw": "b64={{b64}} enc={{enc}} raw={{pw}}"},
             "auth": {"type": "basic", "basic": [{"key": "username", "value": "user-x"}, {"key": "password", "value": "{{pw}}"}]}},
             "event": [
                {"listen": "prerequest", "script": {"exec": [
                    "pm.variables.set('b64', btoa(pm.environment.get('pw')));",
                    "pm.variables.set('enc', encodeURIComponent(pm.environment.get('password')));"
                ]}},
                {"listen": "test", "script": {"exec": [test]}}
             ]},
            {"name": "bearer", "request": {"method": "GET", "url": format!("{base}/echo"),
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "bearer-tok-5150"}]}},
             "event": [{"listen": "test", "script": {"exec": ["pm.test('echo ' + pm.response.text(), () => {});"]}}]}
        ]
    });
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &collection.to_string());
    let e = write(dir.path(), "e.json", &environment());
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let out = postie(&[
        "run",
        &c,
        "-e",
        &e,
        "--env-var",
        "password=cli pass/777",
        "--verbose",
        "-r",
        "cli,json,junit,html",
        "--reporter-json-export",
        &path("r.json"),
        "--reporter-junit-export",
        &path("r.xml"),
        "--reporter-html-export",
        &path("r.html"),
    ]);
    out.check(out.code == 1, "the failing assertions fail the run");
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut forbidden = Vec::new();
    for secret in [
        "hunter2-secret",
        "cli pass/777",
        "bearer-tok-5150",
        "user-x:hunter2-secret",
    ] {
        forbidden.push(secret.to_string());
        forbidden.push(b64.encode(secret));
        forbidden.push(b64.encode(secret).trim_end_matches('=').to_string());
    }
    forbidden.push("cli%20pass%2F777".to_string());
    forbidden.push("cli+pass%2F777".to_string());
    let outputs = [
        ("stdout", out.stdout.clone()),
        ("stderr", out.stderr.clone()),
        (
            "json",
            std::fs::read_to_string(path("r.json")).unwrap_or_default(),
        ),
        (
            "junit",
            std::fs::read_to_string(path("r.xml")).unwrap_or_default(),
        ),
        (
            "html",
            std::fs::read_to_string(path("r.html")).unwrap_or_default(),
        ),
    ];
    for (what, text) in &outputs {
        assert!(*what == "stderr" || !text.is_empty(), "{what} was written");
        for secret in &forbidden {
            if let Some(at) = text.find(secret.as_str()) {
                let from = text[..at]
                    .char_indices()
                    .rev()
                    .nth(120)
                    .map_or(0, |(i, _)| i);
                panic!(
                    "{secret:?} leaked into {what}: …{}…",
                    &text[from..(at + secret.len()).min(text.len())]
                );
            }
        }
    }
    out.check(
        out.stdout.contains("pw is ********"),
        "the test name is masked",
    );
    // The server got the real values.
    let requests = echo.requests();
    assert!(requests[0].text().contains("raw=hunter2-secret"));
}
