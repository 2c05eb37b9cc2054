//! Disk-backed collections (issue 5): a collection whose items are read from its file as the run
//! goes gives the same run, reports and exports as one kept in memory, and a file changed during
//! the run is reported rather than run.

use crate::echo::Echo;
use crate::util::{Output, postie_with_env, tempdir, write};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Every collection file is disk-backed with this, whatever its size.
const DISK: (&str, &str) = ("POSTIE_DISK_ITEMS_FROM", "0");
/// No collection file is disk-backed with this.
const MEMORY: (&str, &str) = ("POSTIE_DISK_ITEMS_FROM", "18446744073709551615");

fn item(name: &str, id: Option<&str>, url: &str, test: &[&str]) -> Value {
    let mut item = json!({
        "name": name,
        "event": [{"listen": "test", "script": {"exec": test}}],
        "request": {"method": "GET", "url": url}
    });
    if let Some(id) = id {
        item["id"] = json!(id);
    }
    item
}

/// Folders with scripts, auth and behaviour, and `setNextRequest` going forward (to "four"),
/// back once per iteration (to "two"), by id (to "six") and to an unknown name (ending the
/// iteration before "seven").
fn collection(base: &str) -> Value {
    // `/status/200` answers the same body every time: reports can be compared byte for byte.
    let url = |n: &str| format!("{base}/status/200?item={n}&it={{{{iteration}}}}");
    let check = "pm.test(pm.info.requestName + ' ' + pm.info.iteration, () => pm.response.to.have.status(200));";
    json!({
        "info": {"name": "disk", "_postman_id": "c-1", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [
            item("one", Some("i-1"), &url("one"), &[check, "pm.execution.setNextRequest('four');"]),
            {"name": "Folder", "id": "f-1",
             "event": [{"listen": "prerequest", "script": {"exec": ["pm.variables.set('iteration', pm.info.iteration);", "console.log('in', pm.execution.location.current, pm.info.requestName);"]}}],
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "folder-token"}]},
             "item": [
                item("two", None, &url("two"), &[check]),
                item("three", None, &url("three"), &[check]),
                {"name": "Inner", "protocolProfileBehavior": {"disableBodyPruning": true},
                 "auth": {"type": "noauth"},
                 "item": [
                    item("four", Some("i-4"), &url("four"), &[check]),
                    item("five", Some("i-5"), &url("five"), &[check, "const back = 'back' + pm.info.iteration; if (!pm.variables.get(back)) { pm.variables.set(back, 1); pm.execution.setNextRequest('two'); } else { pm.execution.setNextRequest('i-6'); }"])
                 ]}
             ]},
            item("six", Some("i-6"), &url("six"), &[check, "pm.collectionVariables.set('runs', (pm.collectionVariables.get('runs') || 0) + 1); pm.execution.setNextRequest('nowhere');"]),
            item("seven", Some("i-7"), &url("seven"), &[check])
        ],
        "event": [{"listen": "test", "script": {"exec": ["pm.environment.set('last', pm.info.requestName);"]}}],
        "variable": [{"key": "runs", "value": 0}],
        "protocolProfileBehavior": {"followRedirects": true}
    })
}

/// A run of `collection` with `env`, its stdout, and the files it wrote (JSON report, exported
/// collection and environment).
fn run(collection: &str, dir: &Path, extra: &[&str], env: (&str, &str)) -> (Output, Vec<String>) {
    let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let (report, exported, environment) = (file("report.json"), file("out.json"), file("env.json"));
    // An environment file to export from (a fresh one would get a fresh id each run).
    let given = write(
        dir,
        "given.json",
        r#"{"id": "e-1", "name": "given", "values": []}"#,
    );
    let mut args = vec![
        "run",
        collection,
        "-e",
        &given,
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report,
        "--export-collection",
        &exported,
        "--export-environment",
        &environment,
    ];
    args.extend_from_slice(extra);
    let out = postie_with_env(&args, &[env, ("POSTIE_TEST_MODE", "1")]);
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let files = vec![read(&report), read(&exported), read(&environment)];
    (out, files)
}

/// `disk` is `memory`, byte for byte; else the first line that differs.
fn same(disk: &str, memory: &str, extra: &[&str]) {
    if disk == memory {
        return;
    }
    let line = disk
        .lines()
        .zip(memory.lines())
        .find(|(d, m)| d != m)
        .map_or(("", ""), |(d, m)| (d, m));
    panic!(
        "{extra:?}: disk-backed and in-memory runs differ:\n{}\n{}",
        line.0, line.1
    );
}

#[test]
fn disk_items_run_reports_and_exports_like_memory() {
    let echo = Echo::start();
    let dir = tempdir();
    let text = serde_json::to_string_pretty(&collection(&echo.url())).unwrap_or_default();
    let c = write(dir.path(), "c.postman_collection.json", &text);
    for extra in [
        &["-n", "2"][..],
        &["-n", "3", "--parallel", "2"][..],
        &["--folder", "Folder"][..],
    ] {
        let (memory, memory_files) = run(&c, dir.path(), extra, MEMORY);
        let (disk, disk_files) = run(&c, dir.path(), extra, DISK);
        memory.check(memory.code == 0, "in-memory run passes");
        disk.check(disk.code == 0, "disk-backed run passes");
        same(&disk.stdout, &memory.stdout, extra);
        for (d, m) in disk_files.iter().zip(&memory_files) {
            same(d, m, extra);
        }
    }
    // What ran, once per iteration: one, four, five, two, three, four, five, six.
    let (out, files) = run(&c, dir.path(), &["-n", "2"], DISK);
    let ran: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("↳ ").or(l.strip_prefix("→ ")))
        .collect();
    let once = ["one", "four", "five", "two", "three", "four", "five", "six"];
    assert_eq!(ran, [once, once].concat(), "{}", out.stdout);
    assert!(
        out.stdout.contains("'in', 'Folder', 'two'"),
        "{}",
        out.stdout
    );
    let exported: Value = serde_json::from_str(&files[1]).unwrap_or_default();
    // As Newman: the exported collection keeps its variables as loaded (DIVERGENCES.md).
    assert_eq!(exported["variable"][0]["value"], json!(0));
    assert_eq!(exported["item"][1]["item"][2]["name"], "Inner");
}

#[test]
fn disk_items_changed_file_is_a_run_error() {
    let echo = Echo::start();
    let dir = tempdir();
    let mut doc = collection(&echo.url());
    // The first item waits long enough for the file to be changed under the run.
    doc["item"][0]["request"]["url"] = json!(format!("{}/delay/1500", echo.url()));
    let text = doc.to_string();
    let c = write(dir.path(), "c.json", &text);
    let child = Command::new(env!("CARGO_BIN_EXE_postie"))
        .args(["run", &c, "-n", "2", "--color", "off"])
        .env(DISK.0, DISK.1)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start postie: {e}"));
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(&c, text.replace("\"two\"", "\"TWO, changed\"")).unwrap_or_default();
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("postie: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("changed since it was loaded"),
        "{stdout}\n{stderr}"
    );
    assert!(!stdout.contains("TWO, changed"), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
