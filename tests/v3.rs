//! v3 collections (Postman's collections schema 3.0.0, a folder of YAML files): a hand-written
//! folder run against a server on 127.0.0.1, `postie convert` both ways, the round trip of every
//! corpus collection, and a sample of the differential corpus run through v3.

use crate::echo::Echo;
use crate::util::{json_files, postie, read_json, tempdir};
use postie::collection::v3::{collection_to_v3, read_dir, split_scripts, write_dir};
use serde_json::{Value, json};
use std::path::Path;

/// Write `text` to `dir/name`, creating folders; returns the path.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    let parent = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path.display().to_string()
}

/// A small v3 collection: a collection definition with a variable, auth and a script; a folder
/// with its own definition; two requests ordered by `order` (not by file name); an example.
fn write_collection(dir: &Path, base: &str) {
    write(
        dir,
        ".resources/definition.yaml",
        &format!(
            "$kind: collection\nname: Shop API\nvariables:\n  - key: base\n    value: '{base}'\n\
         auth:\n  type: bearer\n  credentials:\n    - key: token\n      value: '{{{{token}}}}'\n\
         scripts:\n  - type: http:beforeRequest\n    code: pm.collectionVariables.set('pre', 'ran');\n    language: text/javascript\n"
        ),
    );
    write(
        dir,
        "orders/.resources/definition.yaml",
        "$kind: collection\norder: 2000\n",
    );
    write(
        dir,
        "orders/z-create.request.yaml",
        "$kind: http-request\nname: 'Create: order'\nmethod: POST\nurl: '{{base}}/status/:code?debug=1'\n\
         order: 1000\nqueryParams:\n  - key: debug\n    value: '1'\n  - key: off\n    value: x\n    disabled: true\n\
         pathVariables:\n  - key: code\n    value: '200'\nheaders:\n  - key: X-Shop\n    value: '{{pre}}'\n\
         body:\n  type: json\n  content: |-\n    {\n      \"n\": 1\n    }\n\
         scripts:\n  - type: afterResponse\n    code: |-\n      pm.test('created', () => pm.response.to.have.status(200));\n      pm.environment.set('seen', 'yes');\n    language: text/javascript\n",
    );
    write(
        dir,
        "orders/a-list.request.yaml",
        "$kind: http-request\nmethod: GET\nurl: '{{base}}/echo?list'\norder: 2000\n",
    );
    write(
        dir,
        "ping.request.yaml",
        "$kind: http-request\nmethod: GET\nurl: '{{base}}/echo'\norder: 1000\n\
         examples: ./.resources/ping.resources/examples\n",
    );
    write(
        dir,
        ".resources/ping.resources/examples/ok.example.yaml",
        "$kind: http-example\nrequest:\n  url: '{{base}}/echo'\n  method: GET\n\
         response:\n  statusCode: 200\n  statusText: OK\n  body:\n    type: json\n    content: '{}'\n",
    );
}

#[test]
fn v3_folder_runs_against_a_server() {
    let echo = Echo::start();
    let dir = tempdir();
    let coll = dir.path().join("shop");
    write_collection(&coll, &echo.url());
    write(
        dir.path(),
        "env.yaml",
        "name: local\nvalues:\n  - key: token\n    value: s3cret\n    enabled: true\n    type: secret\n",
    );
    let report = dir.path().join("report.json");
    let exported = dir.path().join("env-out.json");
    let out = postie(&[
        "run",
        coll.to_str().unwrap(),
        "-e",
        dir.path().join("env.yaml").to_str().unwrap(),
        "-r",
        "json",
        "--reporter-json-export",
        report.to_str().unwrap(),
        "--export-environment",
        exported.to_str().unwrap(),
    ]);
    assert_eq!(Some(out.code), Some(0), "{}", out.stderr.clone());
    let paths: Vec<String> = echo
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        paths,
        ["GET /echo", "POST /status/200?debug=1", "GET /echo?list"]
    );
    let create = &echo.requests()[1];
    assert_eq!(create.header("authorization"), Some("Bearer s3cret"));
    assert_eq!(create.header("x-shop"), Some("ran"));
    assert_eq!(create.header("content-type"), Some("application/json"));
    assert_eq!(create.text(), "{\n  \"n\": 1\n}");
    let report = read_json(&report);
    let executions = report["run"]["executions"].as_array().unwrap();
    assert_eq!(executions[1]["item"]["name"], "Create: order");
    assert_eq!(executions[1]["assertions"][0]["assertion"], "created");
    assert_eq!(report["collection"]["info"]["name"], "Shop API");
    assert_eq!(
        crate::util::env_value(&read_json(&exported), "seen"),
        Some(json!("yes"))
    );
}

#[test]
fn v3_json_environment_with_a_v3_collection() {
    let echo = Echo::start();
    let dir = tempdir();
    let coll = dir.path().join("shop");
    write_collection(&coll, &echo.url());
    let env = write(
        dir.path(),
        "env.json",
        r#"{"name": "e", "values": [{"key": "token", "value": "j"}]}"#,
    );
    let out = postie(&[
        "run",
        coll.to_str().unwrap(),
        "-e",
        &env,
        "--folder",
        "orders",
    ]);
    assert_eq!(Some(out.code), Some(0), "{}", out.stderr.clone());
    let requests = echo.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("authorization"), Some("Bearer j"));
}

#[test]
fn v3_yaml_errors_name_file_line_and_column() {
    let dir = tempdir();
    let coll = dir.path().join("bad");
    write(
        &coll,
        "broken.request.yaml",
        "$kind: http-request\nurl: [unclosed\nmethod: GET\n",
    );
    let out = postie(&["run", coll.to_str().unwrap()]);
    assert_eq!(Some(out.code), Some(2));
    let stderr = out.stderr.clone();
    assert!(stderr.contains("broken.request.yaml:3:"), "{stderr}");
    write(&coll, "broken.request.yaml", "$kind: websocket\n");
    let out = postie(&["run", coll.to_str().unwrap()]);
    assert_eq!(Some(out.code), Some(2));
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = postie(&["run", empty.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not a v3 collection"), "{}", out.stderr);
    let env = write(dir.path(), "env.yaml", "values: [\n");
    let good = dir.path().join("good");
    write(
        &good,
        "a.request.yaml",
        "$kind: http-request\nurl: http://127.0.0.1:9/\n",
    );
    let out = postie(&["run", good.to_str().unwrap(), "-e", &env]);
    assert_eq!(Some(out.code), Some(2));
    assert!(
        out.stderr.clone().contains("env.yaml:"),
        "{}",
        out.stderr.clone()
    );
}

#[test]
fn v3_convert_both_ways_and_warn_about_losses() {
    let dir = tempdir();
    let original = json!({
        "info": {"_postman_id": "c1", "name": "C", "schema": postie::collection::v3::V21_SCHEMA,
                 "_exporter_id": "123"},
        "item": [
            {"name": "F/1", "item": [
                {"name": "get", "request": {"method": "GET", "url": "http://x/a"},
                 "event": [{"listen": "test", "script": {"exec": ["pm.test('t', () => {});"], "type": "text/javascript"}}]}
            ], "auth": {"type": "noauth"}},
            {"name": "post", "request": {"method": "POST", "url": {"raw": "http://x/b?q=1", "protocol": "http",
              "host": ["x"], "path": ["b"], "query": [{"key": "q", "value": "1"}]},
              "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "b"}]}},
             "response": [{"name": "ok", "code": 200, "status": "OK", "body": "{}"}]}
        ],
        "variable": [{"key": "v", "value": "1"}]
    });
    let input = write(dir.path(), "c.json", &original.to_string());
    let v3 = dir.path().join("c-v3");
    let out = postie(&["convert", &input, v3.to_str().unwrap()]);
    assert_eq!(Some(out.code), Some(0));
    let stderr = out.stderr.clone();
    assert!(stderr.contains("info._exporter_id"), "{stderr}");
    assert!(v3.join("F-1/.resources/definition.yaml").is_file());
    assert!(v3.join("post.request.yaml").is_file());
    assert!(
        v3.join(".resources/post.resources/examples/ok.example.yaml")
            .is_file()
    );
    let back = dir.path().join("back.json");
    let out = postie(&["convert", v3.to_str().unwrap(), back.to_str().unwrap()]);
    assert_eq!(Some(out.code), Some(0), "{}", out.stderr.clone());
    let mut expected = original.clone();
    expected["info"]
        .as_object_mut()
        .unwrap()
        .remove("_exporter_id");
    assert_eq!(read_json(&back), expected);
    // Refuses to write into a folder that holds files.
    let out = postie(&["convert", &input, v3.to_str().unwrap()]);
    assert_eq!(Some(out.code), Some(2));
    // Environments: JSON → YAML → JSON.
    let env = json!({"id": "e1", "name": "E", "values": [{"key": "k", "value": "v", "type": "default", "enabled": true}]});
    let env_in = write(dir.path(), "e.json", &env.to_string());
    let env_yaml = dir.path().join("e.yaml");
    assert_eq!(
        postie(&["convert", &env_in, env_yaml.to_str().unwrap()]).code,
        0
    );
    let env_back = dir.path().join("e2.json");
    assert_eq!(
        postie(&[
            "convert",
            env_yaml.to_str().unwrap(),
            env_back.to_str().unwrap()
        ])
        .code,
        0
    );
    assert_eq!(read_json(&env_back), env);
}

/// `doc` with what the round trip writes in its own canonical form: `exec` as a list of lines
/// split at every newline,
/// the v2.1 `schema`, a raw body's default `text` language left out, an empty `query`,
/// `response` or script `packages` left out.
fn canonical(doc: &mut Value) {
    match doc {
        Value::Object(map) => {
            let joined = match map.get("exec") {
                Some(Value::String(exec)) => Some(exec.clone()),
                Some(Value::Array(lines)) if lines.iter().all(Value::is_string) => Some(
                    lines
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                _ => None,
            };
            if let Some(exec) = joined {
                let lines: Vec<Value> = exec.split('\n').map(|l| json!(l)).collect();
                map.insert("exec".into(), Value::Array(lines));
            }
            if map.get("schema").is_some_and(Value::is_string) && map.contains_key("name") {
                map.insert("schema".into(), json!(postie::collection::v3::V21_SCHEMA));
            }
            if map.get("options") == Some(&json!({"raw": {"language": "text"}})) {
                map.remove("options");
            }
            for (key, empty) in [
                ("query", json!([])),
                ("response", json!([])),
                ("packages", json!({})),
            ] {
                if map.get(key) == Some(&empty) {
                    map.remove(key);
                }
            }
            map.values_mut().for_each(canonical);
        }
        Value::Array(list) => list.iter_mut().for_each(canonical),
        _ => {}
    }
}

#[test]
fn v3_round_trip_every_corpus_collection() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    json_files(
        &root.join("tests/corpus"),
        &|n| n == "collection.json",
        &mut files,
    );
    json_files(
        &root.join("collections"),
        &|n| n.ends_with(".json"),
        &mut files,
    );
    let dir = tempdir();
    let (mut exact, mut lossy) = (0, 0);
    for (i, path) in files.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(mut original) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if original.get("info").is_none() || !original["item"].is_array() {
            continue; // not a v2 collection (a v1 one, or one that must fail to load)
        }
        let Ok((files, warnings)) = collection_to_v3(&original) else {
            continue;
        };
        let out = dir.path().join(i.to_string());
        write_dir(&files, &out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (mut back, read_warnings) =
            read_dir(&out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // The same with every script in a file of its own reads back the same.
        let mut split = files.clone();
        split_scripts(&mut split);
        let out = dir.path().join(format!("{i}-sf"));
        write_dir(&split, &out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (split_back, _) = read_dir(&out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(split_back, back, "{} (script files)", path.display());
        if !warnings.is_empty() {
            lossy += 1;
            continue;
        }
        assert!(
            read_warnings.is_empty(),
            "{}: {read_warnings:?}",
            path.display()
        );
        canonical(&mut original);
        canonical(&mut back);
        assert_eq!(back, original, "{}", path.display());
        exact += 1;
    }
    eprintln!("v3 round trip: {exact} collections exact, {lossy} with warnings");
    assert!(
        exact > 1000,
        "only {exact} collections round-tripped ({lossy} lossy)"
    );
}

#[test]
fn v3_corpus_sample_matches_newman() {
    // Every 10th case of the differential corpus, converted to v3 and run; the whole corpus
    // is `scripts/newman-diff --via-v3`.
    crate::util::newman_diff(&["--via-v3", "--sample", "10"], "v3 corpus sample");
}

#[test]
fn v3_folder_through_the_library_api() {
    let echo = Echo::start();
    let dir = tempdir();
    let coll = dir.path().join("shop");
    write_collection(&coll, &echo.url());
    let env = write(
        dir.path(),
        "env.yml",
        "name: e\nvalues:\n  - key: token\n    value: lib\n",
    );
    let result = postie::api::run(
        postie::api::Options::new(coll.to_str().unwrap()).environment(env.as_str()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(result.passed(), "{:?}", result.failures());
    assert_eq!(echo.requests().len(), 3);
    assert_eq!(
        echo.requests()[1].header("authorization"),
        Some("Bearer lib")
    );
}

#[test]
fn v3_unknown_fields_are_warnings_naming_the_file() {
    let dir = tempdir();
    let coll = dir.path().join("w");
    write(
        &coll,
        ".resources/definition.yaml",
        "$kind: collection\nname: W\nfoo: 1\n",
    );
    write(
        &coll,
        "a.request.yaml",
        "$kind: http-request\nurl: http://127.0.0.1:9/\nbar: 2\n",
    );
    write(&coll, "g.request.yaml", "$kind: grpc-request\nurl: x\n");
    let out_file = dir.path().join("w.json");
    let out = postie(&[
        "convert",
        coll.to_str().unwrap(),
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("a.request.yaml: bar:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("definition.yaml: foo:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("g.request.yaml: a `grpc-request`"),
        "{}",
        out.stderr
    );
    let doc = read_json(&out_file);
    assert_eq!(doc["item"].as_array().map(Vec::len), Some(1));
}
