//! `postie validate`: findings with file:line:col, the JSON shape, exit codes, and a large
//! generated collection checked for correctness (not timed).

use crate::util::{COLLECTION, ENVIRONMENT, postie, postie_in, tempdir, write};
use serde_json::{Value, json};

/// A collection with one of each problem, written so each lands on a line of its own.
const FLAWED: &str = r#"{
  "info": {"name": "flawed", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable": [{"key": "base", "value": "http://127.0.0.1"}],
  "item": [
    {"name": "Login",
     "request": {"method": "POST", "url": "{{base}}/login?u={{user}}",
       "auth": {"type": "akamai", "akamai": []},
       "body": {"mode": "protobuf", "protobuf": "x"}},
     "event": [{"listen": "test", "script": {"exec": [
       "pm.environment.set('token', 1);",
       "let x = (1;",
       "pm.vault.get('a');"]}}]},
    {"name": "Folder", "item": [
      {"name": "Me", "request": {"url": "{{base}}/me",
        "header": [{"key": "Authorization", "value": "Bearer {{token}} {{$guid}}"}]},
       "event": [{"listen": "prerequest", "script": {"exec": "pm.execution.setNextRequest('Logn');"}}]}
    ]},
    {"name": "neither"}
  ]
}"#;

fn findings(stdout: &str) -> Vec<Value> {
    let doc: Value =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: not JSON: {stdout}"));
    assert_eq!(doc["version"], 1);
    doc["findings"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no findings list in {doc:#}"))
}

fn find<'f>(all: &'f [Value], code: &str) -> &'f Value {
    all.iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} finding in {all:#?}"))
}

#[test]
fn validate_reports_each_problem_at_its_line_and_column() {
    let dir = tempdir();
    let file = write(dir.path(), "flawed.json", FLAWED);
    let out = postie(&["validate", &file, "--format", "json", "--folder", "Nope"]);
    out.check(out.code == 2, "errors exit 2");
    let all = findings(&out.stdout);
    let at = |code: &str| {
        let f = find(&all, code);
        (
            f["severity"].as_str().unwrap().to_string(),
            f["line"].as_u64().unwrap(),
            f["column"].as_u64(),
        )
    };
    // `let x = (1;`: line 11 of the file, the `;` at column 19.
    assert_eq!(at("script-syntax"), ("error".into(), 11, Some(19)));
    assert_eq!(at("unsupported-api"), ("warning".into(), 12, Some(9)));
    assert_eq!(at("unsupported-auth"), ("warning".into(), 7, Some(25)));
    assert_eq!(at("unsupported-body"), ("warning".into(), 8, Some(25)));
    assert_eq!(at("undefined-variable"), ("warning".into(), 6, Some(61)));
    assert_eq!(at("next-request"), ("error".into(), 16, Some(91)));
    assert_eq!(at("schema"), ("error".into(), 18, Some(5)));
    assert!(
        find(&all, "unknown-folder")["message"]
            .as_str()
            .unwrap()
            .contains("Nope")
    );
    // `{{token}}` is set by a script, `{{base}}` is a collection variable, `{{$guid}}` dynamic.
    let undefined: Vec<_> = all
        .iter()
        .filter(|f| f["code"] == "undefined-variable")
        .collect();
    assert_eq!(undefined.len(), 1, "{undefined:#?}");
    assert!(
        undefined[0]["message"]
            .as_str()
            .unwrap()
            .contains("{{user}}")
    );
}

#[test]
fn validate_text_output_shows_the_line_with_a_caret() {
    let dir = tempdir();
    let file = write(dir.path(), "flawed.json", FLAWED);
    let out = postie_in(dir.path(), &["validate", "flawed.json"], &[]);
    out.check(out.code == 2, "errors exit 2");
    out.check(
        out.stdout
            .contains("error[script-syntax]: flawed.json:11:19:"),
        "file:line:col",
    );
    out.check(out.stdout.contains("\"let x = (1;\","), "the line");
    let caret_line = out
        .stdout
        .lines()
        .skip_while(|l| !l.contains("\"let x = (1;\","))
        .nth(1);
    let caret = caret_line.unwrap_or("").find('^');
    let semicolon = out
        .stdout
        .lines()
        .find(|l| l.contains("\"let x = (1;\","))
        .unwrap()
        .find(";\"");
    assert_eq!(caret, semicolon, "{}", out.stdout);
    out.check(
        out.stdout.contains("hint: did you mean \"Login\"?"),
        "suggestion",
    );
    out.check(
        out.stdout.contains("errors, ") && !file.is_empty(),
        "summary",
    );
}

#[test]
fn validate_exit_codes_clean_strict_and_variables_from_the_command_line() {
    let dir = tempdir();
    let coll = json!({
        "info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "r", "request": {"url": "{{host}}/x?k={{k}}"}}]
    });
    let file = write(dir.path(), "c.json", &coll.to_string());
    let env = write(
        dir.path(),
        "e.json",
        &json!({"name": "e", "values": [{"key": "host", "value": "http://127.0.0.1"}]}).to_string(),
    );
    let out = postie(&["validate", &file, "-e", &env]);
    out.check(out.code == 0, "warnings alone exit 0");
    out.check(out.stdout.contains("`{{k}}` is not defined"), "k undefined");
    let out = postie(&["validate", &file, "-e", &env, "--strict"]);
    out.check(out.code == 1, "warnings with --strict exit 1");
    let out = postie(&[
        "validate",
        &file,
        "-e",
        &env,
        "--env-var",
        "k=1",
        "--strict",
    ]);
    out.check(out.code == 0, "clean exits 0");
    let out = postie(&[
        "validate",
        &file,
        "--global-var",
        "host=h",
        "--env-var",
        "k=1",
        "--strict",
    ]);
    out.check(out.code == 0, "--global-var defines too");
}

#[test]
fn validate_reports_json_syntax_errors_and_reads_folders() {
    let dir = tempdir();
    write(
        dir.path(),
        "broken.json",
        "{\n  \"info\": {\"name\": \"b\",}\n}",
    );
    write(
        dir.path(),
        "env.json",
        &json!({"name": "e", "values": [{"key": "a", "value": "1"}]}).to_string(),
    );
    let out = postie(&["validate", dir.path().to_str().unwrap(), "--format", "json"]);
    out.check(out.code == 2, "a syntax error exits 2");
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["files"], 1, "{doc:#}");
    assert_eq!(doc["files"][0]["kind"], "environment");
    let f = find(doc["findings"].as_array().unwrap(), "unreadable");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(24)),
        "{f:#}"
    );
}

#[test]
fn validate_passes_the_shipped_collection() {
    let out = postie(&["validate", COLLECTION, "-e", ENVIRONMENT, "--strict"]);
    out.check(out.code == 0, "the shipped collection is clean");
}

#[test]
fn validate_checks_a_large_generated_collection() {
    let dir = tempdir();
    let mut items = Vec::new();
    for f in 0..20 {
        let mut children = Vec::new();
        for i in 0..500 {
            let n = f * 500 + i;
            children.push(json!({
                "name": format!("req {n}"),
                "request": {"method": "POST", "url": format!("{{{{base}}}}/items/{n}"),
                    "header": [{"key": "X-Id", "value": format!("{{{{id{n}}}}}")}]},
                "event": [{"listen": "test", "script": {"exec": [
                    format!("pm.environment.set('id{}', {n});", n + 1),
                    if n == 7777 { "let broken = (;".to_string() } else { "pm.test('ok', () => {});".to_string() }
                ]}}]
            }));
        }
        items.push(json!({"name": format!("folder {f}"), "item": children}));
    }
    let coll = json!({"info": {"name": "big"}, "variable": [{"key": "base", "value": "x"}], "item": items});
    let file = write(
        dir.path(),
        "big.json",
        &serde_json::to_string_pretty(&coll).unwrap(),
    );
    let out = postie(&["validate", &file, "--format", "json"]);
    let all = findings(&out.stdout);
    // `{{id0}}` is the one id no script sets; request 7777's script does not compile.
    let codes: Vec<_> = all.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        ["schema", "undefined-variable", "script-syntax"],
        "{all:#?}"
    );
    assert!(all[1]["message"].as_str().unwrap().contains("{{id0}}"));
    assert_eq!(all[2]["path"], "item[15].item[277].event[0].script.exec");
}

#[test]
fn validate_reads_url_parts_when_there_is_no_raw() {
    let dir = tempdir();
    let coll = json!({
        "info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "r", "request": {"url": {
            "host": ["{{host}}"], "path": ["v1", "{{version}}"], "query": [{"key": "k", "value": "{{k}}"}]
        }}}]
    });
    let file = write(
        dir.path(),
        "c.json",
        &serde_json::to_string_pretty(&coll).unwrap(),
    );
    let out = postie(&["validate", &file, "--env-var", "host=h", "--format", "json"]);
    let names: Vec<String> = findings(&out.stdout)
        .iter()
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].contains("{{version}}") && names[1].contains("{{k}}"),
        "{names:?}"
    );
}

#[test]
fn validate_places_v1_findings_in_the_v1_file() {
    let dir = tempdir();
    let text = "{\"id\": \"c\", \"name\": \"v1\", \"order\": [\"r1\"], \"folders\": [],\n \"requests\": [\n  \
                {\"id\": \"r1\", \"name\": \"one\", \"method\": \"GET\", \"url\": \"{{host}}/a\",\n   \
                \"tests\": \"let ok = 1;\\nlet = ;\"}\n ]}";
    let file = write(dir.path(), "v1.json", text);
    let out = postie(&["validate", &file, "--format", "json"]);
    let all = findings(&out.stdout);
    let syntax = find(&all, "script-syntax");
    // Line 4 of the file: `let = ;` is the string's second line, after `\n`; the `;`.
    assert_eq!(syntax["line"], 4, "{all:#?}");
    assert_eq!(syntax["column"], 33, "{all:#?}");
    let undefined = find(&all, "undefined-variable");
    assert_eq!(
        (undefined["line"].as_u64(), undefined["column"].as_u64()),
        (Some(3), Some(56))
    );
}

#[test]
fn validate_reads_a_v3_folder_and_yaml_environment() {
    let dir = tempdir();
    let file = write(dir.path(), "flawed.json", FLAWED);
    let folder = dir.path().join("flawed-v3");
    let folder_arg = folder.to_string_lossy().into_owned();
    let converted = postie(&["convert", &file, &folder_arg]);
    converted.check(
        converted.code == 0,
        "the collection converts to a v3 folder",
    );
    let env = write(
        dir.path(),
        "env.json",
        r#"{"name": "e", "values": [{"key": "user", "value": "u", "enabled": true}]}"#,
    );
    let env_yaml = dir.path().join("env.yaml");
    let env_yaml_arg = env_yaml.to_string_lossy().into_owned();
    let converted = postie(&["convert", &env, &env_yaml_arg]);
    converted.check(converted.code == 0, "the environment converts to YAML");
    // The folder given directly, and found inside a folder given as input.
    for input in [
        folder_arg.clone(),
        dir.path().to_string_lossy().into_owned(),
    ] {
        let out = postie(&["validate", &input, "-e", &env_yaml_arg, "--format", "json"]);
        out.check(out.code == 2, "the script's syntax error is an error");
        let all = findings(&out.stdout);
        // Findings name the YAML file, line and column the value is at.
        let syntax = find(&all, "script-syntax");
        assert!(
            syntax["file"]
                .as_str()
                .unwrap()
                .ends_with("Login.request.yaml"),
            "{syntax:#}"
        );
        assert_eq!(syntax["path"], "scripts[0].code", "{syntax:#}");
        assert_eq!(syntax["column"], 15, "{syntax:#}");
        let next = find(&all, "next-request");
        assert!(
            next["file"].as_str().unwrap().ends_with("Me.request.yaml"),
            "{next:#}"
        );
        assert!(next["line"].as_u64().is_some(), "{next:#}");
        find(&all, "unsupported-api");
        // `user` comes from the YAML environment: only names nothing defines are reported.
        assert!(
            !all.iter()
                .any(|f| f["code"] == "undefined-variable"
                    && f["message"].to_string().contains("user")),
            "{all:#?}"
        );
        let doc: Value = serde_json::from_str(&out.stdout).unwrap();
        let kinds: Vec<&str> = doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["kind"].as_str())
            .collect();
        assert!(kinds.contains(&"collection v3"), "{kinds:?}");
    }
}

#[test]
fn validate_places_v3_findings_in_their_yaml_files() {
    let dir = tempdir();
    let folder = dir.path().join("v3");
    std::fs::create_dir_all(&folder).unwrap();
    let req = write(
        &folder,
        "get.request.yaml",
        "$kind: http-request\nmethod: GET\nbogus: 1\nurl: http://127.0.0.1/x\n\
         headers:\n  - key: A\n    value: '{{nope}}'\n",
    );
    let arg = folder.to_string_lossy().into_owned();
    let out = postie(&["validate", &arg, "--format", "json"]);
    let all = findings(&out.stdout);
    let undefined = find(&all, "undefined-variable");
    assert_eq!(undefined["file"], req.as_str(), "{undefined:#}");
    assert_eq!(
        (undefined["line"].clone(), undefined["column"].clone()),
        (json!(7), json!(13)),
        "{undefined:#}"
    );
    assert_eq!(undefined["path"], "headers[0].value");
    let unknown = find(&all, "v3");
    assert_eq!(unknown["file"], req.as_str(), "{unknown:#}");
    assert_eq!(unknown["line"], 3, "{unknown:#}");
    // A script kept as a file: its syntax error is placed in that file.
    write(
        &folder,
        "post.request.yaml",
        "$kind: http-request\nurl: http://127.0.0.1/y\nscripts:\n  - type: afterResponse\n    src: ./check.js\n",
    );
    let js = write(
        &folder,
        "check.js",
        "pm.test('a', () => {});\nlet x = (1;\n",
    );
    let out = postie(&["validate", &arg, "--format", "json"]);
    let all = findings(&out.stdout);
    let syntax = find(&all, "script-syntax");
    assert_eq!(syntax["file"], js.as_str(), "{syntax:#}");
    assert_eq!(
        (syntax["line"].clone(), syntax["column"].clone()),
        (json!(2), json!(11))
    );
    std::fs::remove_file(folder.join("post.request.yaml")).unwrap();
    // A YAML environment's findings are placed in it too.
    let env = write(
        dir.path(),
        "env.yaml",
        "name: e\nvalues:\n  - key: a\n    value: x\n  - value: nokey\n",
    );
    let out = postie(&["validate", &arg, "-e", &env, "--format", "json"]);
    let all = findings(&out.stdout);
    let keyless = all
        .iter()
        .find(|f| f["file"] == env.as_str())
        .unwrap_or_else(|| panic!("no finding in {env}: {all:#?}"));
    assert_eq!(
        (keyless["line"].clone(), keyless["column"].clone()),
        (json!(5), json!(5))
    );
    // A YAML error names the file inside the folder, with its line.
    let broken = write(
        &folder,
        "broken.request.yaml",
        "$kind: http-request\nurl: [\n",
    );
    let out = postie(&["validate", &arg]);
    out.check(out.code == 2, "a YAML error is an error");
    assert!(
        out.stdout.contains(&format!("{broken}:3:")),
        "{}",
        out.stdout
    );
}
