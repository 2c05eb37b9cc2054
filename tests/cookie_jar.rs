//! `--cookie-jar` and `--export-cookie-jar`: a jar exported by one run carries its cookies into
//! the next, and bad jar files stop the run before any request.

use crate::echo::Echo;
use crate::util::{SCHEMA, postie, read_json, tempdir, write};
use serde_json::{Value, json};

/// A collection of GET requests to `urls`.
fn collection(urls: &[String]) -> String {
    let items: Vec<Value> = urls
        .iter()
        .enumerate()
        .map(|(i, url)| json!({"name": format!("r{i}"), "request": {"method": "GET", "url": url}}))
        .collect();
    json!({"info": {"name": "jar", "schema": SCHEMA}, "item": items}).to_string()
}

#[test]
fn cookie_jar_exported_by_one_run_is_sent_by_the_next() {
    let echo = Echo::start();
    let dir = tempdir();
    let jar_path = dir.path().join("out/jar.json");
    let jar = jar_path.to_string_lossy().into_owned();

    let first = write(
        dir.path(),
        "first.json",
        &collection(&[format!("{}/cookies/set?a=1", echo.url())]),
    );
    let out = postie(&["run", &first, "--export-cookie-jar", &jar]);
    out.check(out.code == 0, "first run passes");
    let doc = read_json(&jar_path);
    assert_eq!(doc["storeType"], "MemoryCookieStore");
    let cookies = doc["cookies"].as_array().cloned().unwrap_or_default();
    assert_eq!(cookies.len(), 1, "{doc:#}");
    assert_eq!(cookies[0]["key"], "a");
    assert_eq!(cookies[0]["value"], "1");
    assert_eq!(cookies[0]["domain"], "127.0.0.1");
    assert_eq!(cookies[0]["path"], "/");
    assert_eq!(cookies[0]["hostOnly"], true);
    assert!(
        cookies[0]["creation"]
            .as_str()
            .is_some_and(|c| c.ends_with('Z'))
    );

    let second = write(
        dir.path(),
        "second.json",
        &collection(&[format!("{}/cookies", echo.url())]),
    );
    // Reading and exporting the same file is safe.
    let out = postie(&[
        "run",
        &second,
        "--cookie-jar",
        &jar,
        "--export-cookie-jar",
        &jar,
    ]);
    out.check(out.code == 0, "second run passes");
    let last = echo
        .requests()
        .into_iter()
        .last()
        .unwrap_or_else(|| panic!("no request reached the echo server"));
    assert_eq!(last.path, "/cookies");
    assert_eq!(last.header("cookie"), Some("a=1"));
    let again = read_json(&jar_path);
    assert_eq!(again["cookies"][0]["key"], "a");
    assert_eq!(again["cookies"][0]["creation"], cookies[0]["creation"]);
}

#[test]
fn cookie_jar_export_without_requests_gives_the_same_cookies() {
    let dir = tempdir();
    let input = json!({
        "version": "tough-cookie@4.1.3-postman.1",
        "storeType": "MemoryCookieStore",
        "rejectPublicSuffixes": true,
        "cookies": [
            {"key": "s", "value": "x y", "expires": "2999-01-01T00:00:00.000Z",
             "domain": "example.com", "path": "/p", "secure": true, "httpOnly": true,
             "hostOnly": false, "creation": "2020-06-09T16:57:46.999Z",
             "lastAccessed": "2020-06-09T16:57:48.385Z", "sameSite": "none"},
            {"key": "h", "value": "1", "domain": "127.0.0.1", "path": "/", "hostOnly": true,
             "creation": "2021-01-01T00:00:00.000Z"}
        ]
    });
    let jar = write(dir.path(), "in.json", &input.to_string());
    let empty = write(dir.path(), "c.json", &collection(&[]));
    let out_path = dir.path().join("out.json");
    let out = postie(&[
        "run",
        &empty,
        "--cookie-jar",
        &jar,
        "--export-cookie-jar",
        &out_path.to_string_lossy(),
    ]);
    out.check(out.code == 0, "empty run passes");
    assert_eq!(read_json(&out_path), input);
}

#[test]
fn cookie_jar_bad_files_are_errors_naming_the_file() {
    let dir = tempdir();
    let empty = write(dir.path(), "c.json", &collection(&[]));
    let syntax = write(dir.path(), "syntax.json", "{\n  \"cookies\": [,]\n}");
    let out = postie(&["run", &empty, "--cookie-jar", &syntax]);
    out.check(out.code == 2, "a JSON syntax error exits 2");
    out.check(
        out.stderr.contains("syntax.json") && out.stderr.contains(":2:"),
        "names the file with line and column",
    );

    let no_cookies = write(dir.path(), "env.json", r#"{"values": []}"#);
    let out = postie(&["run", &empty, "--cookie-jar", &no_cookies]);
    out.check(
        out.code == 2 && out.stderr.contains("env.json") && out.stderr.contains("\"cookies\""),
        "a file without a cookies array is refused",
    );

    let missing = dir.path().join("missing.json");
    let out = postie(&["run", &empty, "--cookie-jar", &missing.to_string_lossy()]);
    out.check(
        out.code == 2 && out.stderr.contains("missing.json"),
        "a missing file is refused",
    );

    let partly = write(
        dir.path(),
        "partly.json",
        r#"{"cookies": [{"key": "k", "value": "v"}, {"key": "ok", "value": "1", "domain": "h.test"}]}"#,
    );
    let out = postie(&["run", &empty, "--cookie-jar", &partly]);
    out.check(
        out.code == 0 && out.stderr.contains("warning") && out.stderr.contains("cookie 1 skipped"),
        "a malformed cookie is skipped with a warning",
    );
}
