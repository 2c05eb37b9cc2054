//! Inputs of the wrong JSON type (issue 12 §7): what Newman 6.2.2 runs as absent is ignored with
//! a `postie: warning:` naming the file and the JSON path; what Newman fails on or turns into
//! nothing useful is an error (exit 2) naming both; exports keep what postie did not understand.
//! What Newman does with each is recorded in `tests/corpus/input-types`.

use crate::util::{Output, postie, read_json, tempdir, write};
use serde_json::{Value, json};

/// A local server answering every request (the partner API simulator).
fn server() -> postie::mock::MockHandle {
    postie::mock::spawn(postie::mock::PartnerApiConfig::default(), 0)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn url(server: &postie::mock::MockHandle) -> String {
    format!("{}/api/v8/auth?login=a&password=b", server.url())
}

/// Every line of `needles` is a `postie: warning:` line of `out` naming `file`.
fn assert_warns(out: &Output, file: &str, needles: &[&str]) {
    for needle in needles {
        let found = out
            .stderr
            .lines()
            .any(|l| l.starts_with("postie: warning: ") && l.contains(file) && l.contains(needle));
        out.check(found, &format!("a warning naming {file} and {needle:?}"));
    }
}

/// `out` is one `postie: error:` naming `file: at`, with exit code 2 and no report.
fn assert_error_at(out: &Output, file: &str, at: &str) {
    out.check(out.code == 2, "exit 2");
    let line = out
        .stderr
        .lines()
        .find(|l| l.starts_with("postie: error: "))
        .unwrap_or_default();
    out.check(
        line.contains(&format!("{file}: {at}: ")),
        &format!("the error names {file}: {at}"),
    );
    out.check(out.stdout.is_empty(), "no report");
}

#[test]
fn input_types_ignored_values_run_as_newman_with_warnings_naming_file_and_path() {
    let server = server();
    let dir = tempdir();
    let u = url(&server);
    let collection = json!({
        "info": {"name": "loose"},
        "variable": "v=1",
        "event": 7,
        "protocolProfileBehavior": "odd",
        "item": [
            {"name": {"a": 1}, "request": {"method": "GET", "url": u, "auth": "basic",
                "header": 7, "body": true}},
            {"name": "entries", "event": [7, {"listen": "test", "script": {"exec": true}}],
             "request": {"method": 7, "url": u, "header": [false, "X-Line"],
                "auth": {"type": "bearer", "bearer": "token"}}},
            {"name": "single", "request": {"url": {"raw": u, "protocol": "http", "host": "x",
                "variable": 5}}}
        ]
    });
    let path = write(dir.path(), "loose.json", &collection.to_string());
    let out = postie(&["run", &path]);
    out.check(out.stdout.contains("entries"), "the run went on");
    assert_warns(
        &out,
        "loose.json",
        &[
            ": item[0].name: expected a string, found an object",
            ": item[0].request.auth: expected an auth object, found a string; ignored",
            ": item[0].request.header: expected an array of headers, found a number; ignored",
            ": item[0].request.body: expected a body object, found a boolean; ignored",
            ": item[1].event[0]: expected an object, found a number; ignored",
            ": item[1].event[1].script.exec: expected a string or an array of lines, found a boolean",
            ": item[1].request.method: expected a string, found a number; sent as \"7\"",
            ": item[1].request.header[0]: expected a header object, found a boolean; ignored",
            ": item[1].request.auth.bearer: expected an array or an object, found a string",
            ": item[2].request.url.variable: expected an array, found a number; ignored",
            ": event: expected an array, found a number; ignored",
            ": variable: expected an array, found a string; ignored",
            ": protocolProfileBehavior: expected an object, found a string; ignored",
        ],
    );
}

#[test]
fn input_types_useless_values_are_errors_naming_file_and_path() {
    let dir = tempdir();
    let cases = [
        (
            json!({"method": ["POST"], "url": "http://127.0.0.1:9/"}),
            "item[0].request.method",
        ),
        (
            json!({"url": "http://127.0.0.1:9/", "body": {"mode": "raw", "raw": [1, "x"]}}),
            "item[0].request.body.raw",
        ),
        (
            json!({"url": "http://127.0.0.1:9/", "header": [{"key": {"a": 1}, "value": "v"}]}),
            "item[0].request.header[0].key",
        ),
        (
            json!({"url": "http://127.0.0.1:9/", "header": [{"key": "A", "value": {"a": 1}}]}),
            "item[0].request.header[0].value",
        ),
        (
            json!({"url": "http://127.0.0.1:9/", "header": {"key": "A", "value": "v"}}),
            "item[0].request.header",
        ),
        (
            json!({"url": {"protocol": "http", "host": "127.0.0.1", "port": [9]}}),
            "item[0].request.url.port",
        ),
        (json!(7), "item[0].request"),
        (
            json!({"url": "http://127.0.0.1:9/", "body": {"mode": "formdata", "formdata": true}}),
            "item[0].request.body.formdata",
        ),
    ];
    for (request, at) in cases {
        let doc = json!({"info": {"name": "bad"}, "item": [{"name": "r", "request": request}]});
        let path = write(dir.path(), "bad.json", &doc.to_string());
        assert_error_at(&postie(&["run", &path]), "bad.json", at);
    }
}

#[test]
fn input_types_environment_values_not_a_list_are_refused_before_the_run_when_exported() {
    let server = server();
    let dir = tempdir();
    let collection = crate::util::collection_with_test(&url(&server), "");
    let path = write(dir.path(), "c.json", &collection);
    let env = write(dir.path(), "env.json", r#"{"name": "e", "values": "v=1"}"#);
    let export = dir.path().join("out.json");
    let out = postie(&[
        "run",
        &path,
        "-e",
        &env,
        "--export-environment",
        &export.to_string_lossy(),
    ]);
    out.check(out.code == 2, "exit 2");
    assert_warns(
        &out,
        "env.json",
        &[": values: expected an array, found a string; ignored"],
    );
    out.check(
        out.stderr.contains("out.json: not exported"),
        "the error names the export",
    );
    out.check(out.stdout.is_empty(), "no request was sent, no report");
    out.check(!export.exists(), "nothing written");
    // Without an export the run goes on, as Newman's does.
    let out = postie(&["run", &path, "-e", &env]);
    out.check(out.code == 0, "runs without the export");
}

#[test]
fn input_types_environment_empty_list_and_odd_keys_warn() {
    let server = server();
    let dir = tempdir();
    let collection = crate::util::collection_with_test(&url(&server), "");
    let path = write(dir.path(), "c.json", &collection);
    let env = write(dir.path(), "list.json", "[]");
    let out = postie(&["run", &path, "-e", &env]);
    out.check(out.code == 0, "runs");
    assert_warns(&out, "list.json", &["a list, not an environment object"]);
    let env = write(
        dir.path(),
        "keys.json",
        r#"{"values": [{"key": 7, "value": "a"}, {"key": null, "value": "b"}, "x"]}"#,
    );
    let out = postie(&["run", &path, "-g", &env]);
    assert_warns(
        &out,
        "keys.json",
        &[
            ": values[0].key: expected a string, found a number; the variable is named \"7\"",
            ": values[1].key: null: the variable can never be referenced",
            ": values[2]: expected an object, found a string; ignored",
        ],
    );
}

#[test]
fn input_types_data_files_read_loosely_warn() {
    let server = server();
    let dir = tempdir();
    let collection = crate::util::collection_with_test(&url(&server), "");
    let path = write(dir.path(), "c.json", &collection);
    let cases = [
        (
            "empty.json",
            "",
            "(the file): the iteration data file is empty",
        ),
        (
            "scalar.json",
            "7",
            "(the file): expected a list of rows (objects), found a number",
        ),
        (
            "object.json",
            "{\"a\": 1}",
            "(the file): expected a list of rows (objects), found an object",
        ),
        (
            "rows.json",
            "[{\"a\": 1}, 7]",
            ": [1]: expected an object, found a number",
        ),
        (
            "ragged.csv",
            "a,b\n1,2,3\n4,5\n",
            ": line 2: 3 fields where the header has 2",
        ),
        (
            "dup.json",
            "[{\"a\": 1, \"a\": 2}]",
            ": [0].a: this key appears more than once",
        ),
    ];
    for (name, text, needle) in cases {
        let data = write(dir.path(), name, text);
        let out = postie(&["run", &path, "-d", &data]);
        out.check(out.code == 0, &format!("{name} runs"));
        assert_warns(&out, name, &[needle]);
    }
}

#[test]
fn input_types_duplicate_keys_and_unknown_reporter_options_warn() {
    let server = server();
    let dir = tempdir();
    let u = url(&server);
    let text = format!(
        r#"{{"info": {{"name": "d"}}, "item": [{{"name": "r", "request": {{"url": "http://127.0.0.1:9/", "url": "{u}"}}}}]}}"#
    );
    let path = write(dir.path(), "dup.json", &text);
    let out = postie(&["run", &path, "--reporter-cli-no-such-thing"]);
    out.check(out.code == 0, "the last `url` is used: the run passes");
    assert_warns(
        &out,
        "dup.json",
        &[
            ": item[0].request.url: this key appears more than once in its object; the last one is used",
        ],
    );
    out.check(
        out.stderr.contains(
            "postie: warning: --reporter-cli-no-such-thing: no such reporter option; ignored",
        ),
        "unknown reporter option warned",
    );
}

#[test]
fn input_types_exports_keep_what_postie_did_not_understand() {
    let server = server();
    let dir = tempdir();
    let u = url(&server);
    let collection = json!({
        "info": {"name": "keep", "x-info": [1, {"deep": null}]},
        "x-top": {"kept": true},
        "variable": [7, "text", {"key": "w", "value": "W", "x-var": 1}, {"value": "no key"}],
        "event": 5,
        "protocolProfileBehavior": "odd",
        "item": [{
            "name": "r",
            "x-item": "kept",
            "response": "not a list",
            "event": [{"listen": "test", "script": {"exec": [
                "pm.environment.set('set', 'by script');",
                "pm.globals.set('g', 1);"
            ]}}],
            "request": {"method": "GET", "url": u, "header": 7, "auth": "basic",
                "body": {"mode": 7, "raw": "r", "x-body": "kept"}, "description": ["odd"]}
        }]
    });
    let env = json!({"id": "e1", "name": "env", "x-env": {"kept": 1},
        "values": [true, [1, "x"], {"key": 7, "value": "seven", "x-entry": "kept"},
                   {"key": "e", "value": "E", "type": "secret"}, {"value": "no key"}]});
    let globals = json!({"values": [{"key": "g", "value": 0, "x-g": "kept"}, "odd"],
        "_postman_variable_scope": "globals", "x-globals": null});
    let c = write(dir.path(), "c.json", &collection.to_string());
    let e = write(dir.path(), "e.json", &env.to_string());
    let g = write(dir.path(), "g.json", &globals.to_string());
    let (ce, ee, ge) = (
        dir.path().join("c.out.json"),
        dir.path().join("e.out.json"),
        dir.path().join("g.out.json"),
    );
    let out = postie(&[
        "run",
        &c,
        "-e",
        &e,
        "-g",
        &g,
        "--export-collection",
        &ce.to_string_lossy(),
        "--export-environment",
        &ee.to_string_lossy(),
        "--export-globals",
        &ge.to_string_lossy(),
    ]);
    out.check(out.code == 0, "runs");
    // The collection comes back as loaded, every odd value in place.
    assert_eq!(read_json(&ce), collection);
    // The variable files keep every entry and field they had, with the run's changes.
    let exported = read_json(&ee);
    assert_eq!(exported["x-env"], env["x-env"]);
    let values = exported["values"].as_array().cloned().unwrap_or_default();
    for kept in env["values"].as_array().into_iter().flatten() {
        let same_key = |v: &&Value| v.get("key").is_some() && v.get("key") == kept.get("key");
        let found = values.iter().find(same_key).map_or_else(
            || values.contains(kept),
            |v| {
                kept.as_object()
                    .is_some_and(|k| k.keys().all(|f| v.get(f).is_some()))
            },
        );
        assert!(found, "{kept} lost from {exported}");
    }
    assert!(
        values
            .iter()
            .any(|v| v["key"] == "set" && v["value"] == "by script"),
        "{exported}"
    );
    let exported = read_json(&ge);
    assert_eq!(exported["x-globals"], Value::Null);
    assert!(
        exported
            .as_object()
            .is_some_and(|o| o.contains_key("x-globals"))
    );
    let values = exported["values"].as_array().cloned().unwrap_or_default();
    assert!(values.contains(&json!("odd")), "{exported}");
    assert!(
        values
            .iter()
            .any(|v| v["key"] == "g" && v["x-g"] == "kept" && v["value"] == 1),
        "{exported}"
    );
}
