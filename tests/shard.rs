//! `postie run --shard I/N` and `postie merge`: the merged reports of N shards are the unsharded
//! run's reports (ids, times and dates normalised), for a collection with folders and for a
//! data-driven run, JSON and JUnit; the CI variables give the same shards; bad values exit 2.

use crate::echo::Echo;
use crate::util::{Output, postie, postie_with_env, read_json, tempdir, write};
use serde_json::{Value, json};
use std::path::Path;

/// A request to `path` whose test expects `status`.
fn request(echo: &Echo, id: &str, path: &str, status: u16) -> Value {
    json!({
        "id": id, "name": id,
        "event": [{"listen": "test", "script": {"exec": [
            format!("pm.test('status {status}', () => pm.response.to.have.status({status}));"),
            "pm.test('row', () => pm.expect(pm.info.iteration).to.be.a('number'));"
        ]}}],
        "request": {"method": "GET", "url": format!("{}{path}", echo.url())}
    })
}

/// Folders of different sizes (one chaining a variable, one nested), top-level requests, and
/// one failing assertion.
fn folders(echo: &Echo) -> Value {
    let mut chained = request(echo, "login", "/status/200", 200);
    chained["event"][0]["script"]["exec"]
        .as_array_mut()
        .expect("test data")
        .push(json!("pm.collectionVariables.set('token', 'T1');"));
    let uses = request(echo, "use-token", "/status/{{token}}", 200);
    json!({
        "info": {"_postman_id": "c-1", "name": "sharded",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [{"key": "token", "value": "none"}],
        "item": [
            {"id": "f1", "name": "Auth", "item": [chained, uses, request(echo, "a3", "/status/200", 200)]},
            request(echo, "top1", "/status/200", 200),
            {"id": "f2", "name": "Users", "item": [
                request(echo, "u1", "/status/404", 200),
                {"id": "f2n", "name": "Nested", "item": [
                    request(echo, "n1", "/status/200", 200),
                    request(echo, "n2", "/status/201", 201)
                ]}
            ]},
            {"id": "f3", "name": "Empty", "item": []},
            {"id": "f4", "name": "Orders", "item": [request(echo, "o1", "/status/200", 200)]},
            request(echo, "top2", "/status/202", 202)
        ]
    })
}

/// Ids, times and dates replaced: what differs between two runs of the same work. (A failure's
/// `parent` holds the folder as it was then: with `_lastExecutionId`, a random id, on the items
/// that had run before, in the unsharded run or in the shard.)
fn normalise(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("_lastExecutionId");
            for (key, v) in map.iter_mut() {
                match key.as_str() {
                    "timings" | "responseTime" | "timestamp" | "started" | "completed" => {
                        *v = Value::Null
                    }
                    _ => normalise(v),
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(normalise),
        Value::String(text) => *text = plain(text),
        _ => {}
    }
}

/// `text` with UUIDs and HTTP dates replaced.
fn plain(text: &str) -> String {
    if text.ends_with(" GMT") {
        return "DATE".into();
    }
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let window = bytes.get(i..i + 36);
        let uuid = window.is_some_and(|w| {
            w.iter().enumerate().all(|(k, b)| match k {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
        });
        if uuid {
            out.push_str("UUID");
            i += 36;
        } else {
            let c = text[i..].chars().next().expect("test data");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Where `a` and `b` first differ, with both values there.
fn first_difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => x
            .iter()
            .find_map(|(k, v)| first_difference(v, y.get(k)?, &format!("{at}.{k}")))
            .or_else(|| (x.keys().ne(y.keys())).then(|| format!("{at}: keys differ"))),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{at}[{i}]"))),
        _ => (a != b).then(|| format!("{at}: {a} != {b}")),
    }
}

/// A JUnit file with ids, times and timestamps removed.
fn junit_plain(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("test data");
    let mut out = String::new();
    for part in text.split('"').collect::<Vec<_>>().chunks(2) {
        out.push_str(part[0]);
        if let Some(value) = part.get(1) {
            let key = part[0].rsplit(' ').next().unwrap_or("");
            match key {
                "id=" | "time=" | "timestamp=" => out.push_str("\"X\""),
                _ => out.push_str(&format!("\"{}\"", plain(value))),
            }
        }
    }
    out
}

/// Run `args` with JSON and JUnit reports into `dir` named `name`.
fn run(dir: &Path, name: &str, args: &[&str]) -> Output {
    let json = dir.join(format!("{name}.json"));
    let xml = dir.join(format!("{name}.xml"));
    let mut all: Vec<&str> = args.to_vec();
    let (json, xml) = (json.to_string_lossy(), xml.to_string_lossy());
    all.extend(["-r", "json,junit", "--reporter-json-export", &json]);
    all.extend(["--reporter-junit-export", &xml]);
    postie(&all)
}

/// Shard `args` N ways, merge, and compare with the unsharded `whole` reports in `dir`.
fn check_shards(dir: &Path, args: &[&str], n: usize) {
    let mut jsons = Vec::new();
    let mut xmls = Vec::new();
    for i in 1..=n {
        let shard = format!("{i}/{n}");
        let mut with = args.to_vec();
        with.extend(["--shard", &shard]);
        let out = run(dir, &format!("s{n}-{i}"), &with);
        out.check(out.code <= 1, "shard runs");
        jsons.push(
            dir.join(format!("s{n}-{i}.json"))
                .to_string_lossy()
                .into_owned(),
        );
        xmls.push(
            dir.join(format!("s{n}-{i}.xml"))
                .to_string_lossy()
                .into_owned(),
        );
    }
    // The JSON reports in reverse: their order is read from their content.
    jsons.reverse();
    for (inputs, out) in [(&jsons, format!("m{n}.json")), (&xmls, format!("m{n}.xml"))] {
        let out = dir.join(out).to_string_lossy().into_owned();
        let mut merge = vec!["merge", "--out", &out];
        merge.extend(inputs.iter().map(String::as_str));
        let merged = postie(&merge);
        merged.check(merged.code == 1, "a shard failed: exit 1");
    }
    if n == 1 {
        // One report merges into itself, byte for byte (the layout `-r json` writes).
        for ext in ["json", "xml"] {
            let read = |name: String| std::fs::read(dir.join(name)).expect("report");
            let same = read(format!("s1-1.{ext}")) == read(format!("m1.{ext}"));
            assert!(same, "one {ext} report merged is itself");
        }
    }
    let (mut whole, mut merged) = (
        read_json(&dir.join("whole.json")),
        read_json(&dir.join(format!("m{n}.json"))),
    );
    normalise(&mut whole);
    normalise(&mut merged);
    assert_eq!(first_difference(&whole, &merged, "$"), None, "{n} shards");
    assert_eq!(
        junit_plain(&dir.join("whole.xml")),
        junit_plain(&dir.join(format!("m{n}.xml"))),
        "JUnit, {n} shards"
    );
}

#[test]
fn shard_merged_folder_shards_equal_the_unsharded_run() {
    let echo = Echo::start();
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &folders(&echo).to_string());
    let whole = run(dir.path(), "whole", &["run", &c]);
    whole.check(whole.code == 1, "one assertion fails");
    for n in [1, 2, 3, 7] {
        check_shards(dir.path(), &["run", &c], n);
    }
    // Two shards: the chained folder stays whole, and the split is balanced by requests.
    let first = read_json(&dir.path().join("s2-1.json"));
    let names: Vec<&str> = first["run"]["executions"]
        .as_array()
        .expect("test data")
        .iter()
        .map(|e| e["item"]["name"].as_str().expect("test data"))
        .collect();
    assert_eq!(names, ["login", "use-token", "a3", "top1"]);
}

#[test]
fn shard_merged_iteration_shards_equal_the_unsharded_run() {
    let echo = Echo::start();
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &folders(&echo).to_string());
    let rows: Vec<Value> = (0..5).map(|i| json!({"row": i})).collect();
    let d = write(dir.path(), "d.json", &json!(rows).to_string());
    let whole = run(dir.path(), "whole", &["run", &c, "-d", &d]);
    whole.check(whole.code == 1, "one assertion fails");
    for n in [1, 2, 3, 7] {
        check_shards(dir.path(), &["run", &c, "-d", &d], n);
    }
    // Iterations in parallel within a shard, and a collection read from its file as it runs.
    check_shards(dir.path(), &["run", &c, "-d", &d, "--parallel", "2"], 2);
    let disk = [("POSTIE_DISK_ITEMS_FROM", "0")];
    let out = postie_with_env(&["run", &c, "-d", &d, "--shard", "3/3"], &disk);
    out.check(
        out.code == 1 && out.stdout.contains("Iteration 5/5"),
        "disk-backed, by iteration",
    );
    out.check(
        !out.stdout.contains("Iteration 4/5"),
        "only its own iterations",
    );
    let out = postie_with_env(&["run", &c, "--shard", "1/2"], &disk);
    out.check(
        out.code == 2 && out.stderr.contains("sharded by iteration only"),
        "disk-backed, by folder",
    );

    let second = read_json(&dir.path().join("s2-2.json"));
    assert_eq!(second["run"]["stats"]["iterations"]["total"], 2);
    assert_eq!(second["run"]["executions"][0]["cursor"]["iteration"], 3);
}

#[test]
fn shard_by_request_splits_folders_and_merges_back() {
    let echo = Echo::start();
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &folders(&echo).to_string());
    run(dir.path(), "whole", &["run", &c, "-n", "2"]);
    check_shards(
        dir.path(),
        &["run", &c, "-n", "2", "--shard-by", "request"],
        3,
    );
    let first = read_json(&dir.path().join("s3-1.json"));
    assert_eq!(
        first["run"]["executions"]
            .as_array()
            .expect("test data")
            .len(),
        6,
        "3 requests x 2 iterations"
    );
}

/// The items `args` (with `env`) run, by name.
fn ran(env: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    let out = postie_with_env(args, env);
    out.check(out.code <= 1, "runs");
    out.stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("↳ "))
        .map(str::to_string)
        .collect()
}

#[test]
fn shard_ci_variables_pick_the_same_shard() {
    let echo = Echo::start();
    let dir = tempdir();
    let c = write(dir.path(), "c.json", &folders(&echo).to_string());
    let wanted = ran(&[], &["run", &c, "--shard", "2/3"]);
    assert!(!wanted.is_empty());
    assert_eq!(ran(&[("POSTIE_SHARD", "2/3")], &["run", &c]), wanted);
    let gitlab = [("CI_NODE_INDEX", "2"), ("CI_NODE_TOTAL", "3")];
    assert_eq!(ran(&gitlab, &["run", &c, "--shard", "auto"]), wanted);
    // GitLab's variables alone do not shard (parallel:matrix jobs set them too).
    assert_eq!(ran(&gitlab, &["run", &c]), ran(&[], &["run", &c]));
    // With --folder, the selected requests are what is split.
    let users = [
        "run",
        c.as_str(),
        "--folder",
        "Users",
        "--shard-by",
        "request",
    ];
    let second = [&users[..], &["--shard", "2/2"]].concat();
    assert_eq!(ran(&[], &second), ["n1", "n2"]);
    // Five top-level units with requests for seven shards: two shards are told they have none.
    let empty = (1..=7)
        .map(|i| postie(&["run", &c, "--shard", &format!("{i}/7")]))
        .filter(|o| o.stderr.contains("this shard has nothing to run"))
        .count();
    assert_eq!(empty, 2);
    let k8s = [("JOB_COMPLETION_INDEX", "1")];
    assert_eq!(ran(&k8s, &["run", &c, "--shard-total", "3"]), wanted);
}

#[test]
fn shard_and_merge_errors_exit_2() {
    let dir = tempdir();
    let c = write(
        dir.path(),
        "c.json",
        &json!({"info": {"name": "x"}, "item": []}).to_string(),
    );
    for (env, args, wanted) in [
        (
            vec![],
            vec!["--shard", "0/3"],
            "shard 0 of 3 does not exist",
        ),
        (vec![], vec!["--shard", "2of3"], "expected I/N"),
        (
            vec![("POSTIE_SHARD", "4/3")],
            vec![],
            "POSTIE_SHARD: shard 4 of 3",
        ),
        (
            vec![("CI_NODE_INDEX", "x"), ("CI_NODE_TOTAL", "3")],
            vec!["--shard", "auto"],
            "CI_NODE_INDEX \"x\"",
        ),
        (
            vec![],
            vec!["--shard-total", "3"],
            "JOB_COMPLETION_INDEX is not set",
        ),
        (
            vec![("JOB_COMPLETION_INDEX", "3")],
            vec!["--shard-total", "3"],
            "expected 0 to 2",
        ),
        (
            vec![],
            vec!["--shard-by", "folder"],
            "--shard-by needs --shard",
        ),
    ] {
        let mut all = vec!["run", c.as_str()];
        all.extend(args);
        let out = postie_with_env(&all, &env);
        out.check(out.code == 2 && out.stderr.contains(wanted), wanted);
    }
    let json = write(
        dir.path(),
        "r.json",
        r#"{"run": {"stats": {}, "timings": {}, "executions": [], "failures": []}}"#,
    );
    let xml = write(
        dir.path(),
        "r.xml",
        r#"<testsuites name="x" tests="0" time="0.000"/>"#,
    );
    let text = write(dir.path(), "t.txt", "hello");
    let bad = write(dir.path(), "bad.json", "{\"run\": 1}");
    let out = dir.path().join("out").to_string_lossy().into_owned();
    for (inputs, wanted) in [
        (vec![json.as_str(), xml.as_str()], "not a JSON report like"),
        (vec![text.as_str()], "not a JSON report nor a JUnit file"),
        (vec![bad.as_str()], "bad.json"),
        (vec!["missing.json"], "missing.json"),
    ] {
        let mut all = vec!["merge", "--out", out.as_str()];
        all.extend(inputs);
        let o = postie(&all);
        o.check(o.code == 2 && o.stderr.contains(wanted), wanted);
    }
    // Reports of another collection, or the same shard twice, do not merge.
    let other = write(
        dir.path(),
        "o.xml",
        r#"<testsuites name="y" tests="0" time="0.000"/>"#,
    );
    let o = postie(&["merge", "--out", &out, &xml, &other]);
    o.check(
        o.code == 2 && o.stderr.contains("collection \"y\" cannot merge"),
        "two collections",
    );
    let echo = Echo::start();
    let full = write(dir.path(), "f.json", &folders(&echo).to_string());
    let one = dir.path().join("one.json").to_string_lossy().into_owned();
    let ran = postie(&[
        "run",
        &full,
        "--shard",
        "1/2",
        "-r",
        "json",
        "--reporter-json-export",
        &one,
    ]);
    ran.check(ran.code == 1, "runs");
    let o = postie(&["merge", "--out", &out, &one, &one]);
    o.check(
        o.code == 2 && o.stderr.contains("the same shard twice"),
        "the same shard twice",
    );
    let clean = postie(&["merge", "--out", &out, &json, &json]);
    clean.check(clean.code == 0, "no failures: exit 0");
}
