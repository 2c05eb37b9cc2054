//! v3 collections beyond one YAML file per thing: scripts kept as `.js` files (`src`, a
//! `scripts` folder path, a request's default `scripts` folder; `postie convert
//! --script-files`) and YAML merge keys (`<<: *anchor`), run against a server on 127.0.0.1.

use crate::echo::Echo;
use crate::util::{postie, read_json, tempdir};
use std::path::Path;

/// Write `text` to `dir/name`, creating folders.
fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    let parent = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The names of the assertions of `report`'s executions, in order.
fn assertions(report: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for ex in report["run"]["executions"].as_array().into_iter().flatten() {
        for a in ex["assertions"].as_array().into_iter().flatten() {
            let failed = if a.get("error").is_some() {
                " (failed)"
            } else {
                ""
            };
            out.push(format!("{}{failed}", a["assertion"].as_str().unwrap_or("")));
        }
    }
    out
}

#[test]
fn v3_script_files_are_read() {
    let echo = Echo::start();
    let dir = tempdir();
    let coll = dir.path().join("files");
    let base = echo.url();
    write(
        &coll,
        ".resources/definition.yaml",
        &format!(
            "$kind: collection\nname: Files\nvariables:\n  - key: base\n    value: '{base}'\n\
             scripts:\n  - type: http:beforeRequest\n    src: ./scripts/collection-pre.js\n"
        ),
    );
    write(
        &coll,
        ".resources/scripts/collection-pre.js",
        "pm.collectionVariables.set('from_file', 'yes');\n",
    );
    // 1. an entry naming its file with `src`
    write(
        &coll,
        "a.request.yaml",
        "$kind: http-request\nmethod: GET\nurl: '{{base}}/echo?v={{from_file}}'\norder: 1000\n\
         scripts:\n  - type: afterResponse\n    src: ./checks/a.js\n    language: text/javascript\n",
    );
    write(
        &coll,
        "checks/a.js",
        "pm.test('src file ran', () => pm.expect(pm.request.url.toString()).to.include('v=yes'));\n",
    );
    // 2. `scripts` as the path of a folder of script files
    write(
        &coll,
        "b.request.yaml",
        "$kind: http-request\nmethod: GET\nurl: '{{base}}/echo?b'\norder: 2000\n\
         scripts: ./.resources/b.resources/scripts\n",
    );
    write(
        &coll,
        ".resources/b.resources/scripts/beforeRequest.js",
        "pm.variables.set('pre_b', 'set');\n",
    );
    write(
        &coll,
        ".resources/b.resources/scripts/afterResponse.js",
        "pm.test('folder path ran', () => pm.expect(pm.variables.get('pre_b')).to.equal('set'));\n",
    );
    // 3. no `scripts`: the request's default scripts folder
    write(
        &coll,
        "c.request.yaml",
        "$kind: http-request\nmethod: GET\nurl: '{{base}}/echo?c'\norder: 3000\n",
    );
    write(
        &coll,
        ".resources/c.resources/scripts/afterResponse.js",
        "pm.test('default folder ran', () => pm.response.to.have.status(200));\n",
    );
    let report = dir.path().join("report.json");
    let out = postie(&[
        "run",
        coll.to_str().unwrap_or(""),
        "-r",
        "json",
        "--reporter-json-export",
        report.to_str().unwrap_or(""),
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        assertions(&read_json(&report)),
        ["src file ran", "folder path ran", "default folder ran"]
    );
    // The same folder converted to v2.1 carries the code inline.
    let json = dir.path().join("back.json");
    let out = postie(&[
        "convert",
        coll.to_str().unwrap_or(""),
        json.to_str().unwrap_or(""),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let doc = read_json(&json);
    assert_eq!(
        doc["event"][0]["script"]["exec"][0],
        "pm.collectionVariables.set('from_file', 'yes');"
    );
    assert_eq!(doc["item"][1]["event"][0]["listen"], "prerequest");
    // A `src` naming nothing is an error naming the file.
    write(
        &coll,
        "a.request.yaml",
        "$kind: http-request\nurl: '{{base}}/echo'\nscripts:\n  - type: afterResponse\n    src: ./nope.js\n",
    );
    let out = postie(&["run", coll.to_str().unwrap_or("")]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("nope.js"), "{}", out.stderr);
}

#[test]
fn v3_convert_with_script_files_runs_the_same() {
    let echo = Echo::start();
    let dir = tempdir();
    let source = dir.path().join("c.json");
    let collection = serde_json::json!({
        "info": {"name": "sf", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "event": [{"listen": "prerequest", "script": {"exec": ["pm.variables.set('c', 1);"], "type": "text/javascript"}}],
        "item": [
            {"name": "f", "event": [{"listen": "test", "script": {"exec": ["pm.test('folder', () => {});"]}}],
             "item": [{"name": "one", "request": {"url": format!("{}/echo", echo.url()), "method": "GET"},
                       "event": [
                           {"listen": "test", "script": {"exec": ["pm.test('first', () => {});"], "type": "text/javascript"}},
                           {"listen": "test", "script": {"exec": ["pm.test('second', () => pm.expect(pm.variables.get('c')).to.equal(1));"]}}
                       ]}]}
        ]
    });
    std::fs::write(&source, collection.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let v3 = dir.path().join("v3");
    let out = postie(&[
        "convert",
        source.to_str().unwrap_or(""),
        v3.to_str().unwrap_or(""),
        "--script-files",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let scripts = v3.join("f/.resources/one.resources/scripts");
    assert!(scripts.join("afterResponse.js").is_file());
    assert!(scripts.join("afterResponse-2.js").is_file());
    assert!(v3.join(".resources/scripts/beforeRequest.js").is_file());
    assert!(v3.join("f/.resources/scripts/afterResponse.js").is_file());
    let text = std::fs::read_to_string(v3.join("f/one.request.yaml")).unwrap_or_default();
    assert!(
        text.contains("src: ./.resources/one.resources/scripts/afterResponse-2.js"),
        "{text}"
    );
    assert!(!text.contains("code:"), "{text}");
    let back = dir.path().join("back.json");
    let out = postie(&[
        "convert",
        v3.to_str().unwrap_or(""),
        back.to_str().unwrap_or(""),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut expected = collection.clone();
    expected["item"][0]["item"][0]["request"]["url"] =
        serde_json::json!(format!("{}/echo", echo.url()));
    assert_eq!(read_json(&back)["item"], expected["item"]);
    let report = dir.path().join("r.json");
    let out = postie(&[
        "run",
        v3.to_str().unwrap_or(""),
        "-r",
        "json",
        "--reporter-json-export",
        report.to_str().unwrap_or(""),
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        assertions(&read_json(&report)),
        ["folder", "first", "second"]
    );
}

#[test]
fn v3_yaml_merge_keys_are_applied() {
    let echo = Echo::start();
    let dir = tempdir();
    let coll = dir.path().join("merge");
    let base = echo.url();
    write(
        &coll,
        ".resources/definition.yaml",
        &format!("$kind: collection\nvariables:\n  - key: base\n    value: '{base}'\n"),
    );
    write(
        &coll,
        "post.request.yaml",
        "$kind: http-request\nmethod: POST\nurl: '{{base}}/echo'\norder: 1000\n\
         x-shared:\n  json: &json\n    key: Content-Type\n    value: application/json\n\
         \x20 body: &body\n    type: json\n    content: '{\"from\": \"anchor\"}'\n\
         headers:\n  - *json\n  - <<: *json\n    key: X-Copy\n\
         body:\n  <<: *body\n",
    );
    write(
        &coll,
        "env.yaml",
        "name: e\nvalues:\n  - &v\n    key: a\n    value: '1'\n    enabled: true\n  - <<: *v\n    key: b\n",
    );
    let env = coll.join("env.yaml");
    let out = postie(&[
        "run",
        coll.to_str().unwrap_or(""),
        "-e",
        env.to_str().unwrap_or(""),
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let requests = echo.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].header("x-copy"), Some("application/json"));
    assert_eq!(requests[0].header("content-type"), Some("application/json"));
    assert_eq!(requests[0].text(), "{\"from\": \"anchor\"}");
    // The helper key is reported as a field postie does not know, naming the file.
    assert!(
        out.stderr.contains("post.request.yaml: x-shared"),
        "{}",
        out.stderr
    );
    // A merge key naming a scalar is an error naming the file.
    write(
        &coll,
        "post.request.yaml",
        "$kind: http-request\nurl: '{{base}}/echo'\nbody:\n  <<: 3\n",
    );
    let out = postie(&["run", coll.to_str().unwrap_or("")]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("merge key"), "{}", out.stderr);
}
