//! Helpers: run the real `postie` binary and write fixture files into a temporary folder.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a finished `postie` process left behind.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Fail with the whole output when `cond` is false.
    pub fn check(&self, cond: bool, what: &str) {
        assert!(
            cond,
            "{what}\n--- exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
    }
}

/// Run `postie` with `args` (colour off) from the repository root.
pub fn postie(args: &[&str]) -> Output {
    postie_with_env(args, &[])
}

/// Run `postie` with `args` and extra environment variables (colour off), from the repository root.
pub fn postie_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    postie_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, env)
}

/// Run `postie` with `args` and extra environment variables (colour off) in the folder `dir`.
pub fn postie_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_postie"))
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot start postie: {e}"));
    let o = Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    o.check(!o.stderr.contains("panicked"), "postie panicked");
    o
}

/// The shipped collection.
pub const COLLECTION: &str = "collections/partner-api.postman_collection.json";
/// The shipped environment.
pub const ENVIRONMENT: &str = "environments/partner-api.postman_environment.json";

/// A temporary folder for fixtures and exports.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// Write `text` to `dir/name` and return the path as a string.
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path.to_string_lossy().into_owned()
}

/// Read a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// The value of `key` in an exported environment document.
pub fn env_value(doc: &serde_json::Value, key: &str) -> Option<serde_json::Value> {
    doc["values"]
        .as_array()?
        .iter()
        .find(|v| v["key"] == key)
        .map(|v| v["value"].clone())
}

/// The executed and failed counts of the CLI summary table's row `label` (`assertions`, …).
pub fn summary_row(stdout: &str, label: &str) -> Option<(usize, usize)> {
    stdout.lines().find_map(|line| {
        let cells: Vec<&str> = line.split('│').map(str::trim).collect();
        match cells.as_slice() {
            ["", l, executed, failed, ""] if *l == label => {
                Some((executed.parse().ok()?, failed.parse().ok()?))
            }
            _ => None,
        }
    })
}

/// The `info.schema` of a v2.1 collection.
pub const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// A v2.1 collection document named `name` holding `items`.
pub fn collection_doc(name: &str, items: serde_json::Value) -> serde_json::Value {
    serde_json::json!({"info": {"name": name, "schema": SCHEMA}, "item": items})
}

/// A port on 127.0.0.1 nobody listens on.
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("closed port: {e}"))
}

/// A one-request v2.1 collection whose test script is `test` (JSON-escaped here).
pub fn collection_with_test(url: &str, test: &str) -> String {
    serde_json::json!({
        "info": {"name": "scripts", "schema": SCHEMA},
        "item": [{
            "name": "req",
            "event": [{"listen": "test", "script": {"exec": test.lines().collect::<Vec<_>>()}}],
            "request": {"method": "GET", "url": url}
        }]
    })
    .to_string()
}

/// Every `*.json` below `dir` (recursively) whose name matches `keep`.
pub fn json_files(dir: &Path, keep: &dyn Fn(&str) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, keep, out);
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".json") && keep(n))
        {
            out.push(path);
        }
    }
}

/// The shipped collection and environment against the partner API at `url`, as the README's
/// real-account command runs them: URL and login by flag, `password` as a CI secret would be.
pub fn run_shipped(url: &str, password: &str, extra: &[&str]) -> Output {
    let url = format!("partner_url={url}");
    let password = format!("password={password}");
    let mut args = vec![
        "run",
        COLLECTION,
        "-e",
        ENVIRONMENT,
        "--env-var",
        &url,
        "--env-var",
        "login=partner@example.com",
        "--env-var",
        &password,
    ];
    args.extend_from_slice(extra);
    postie(&args)
}

/// Run the differential harness (`tools/diff/newman_diff.py`) on `tests/corpus` with this
/// build's postie and `args`; fails naming `what` unless every case passed. Its output.
pub fn newman_diff(args: &[&str], what: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(root.join("tools/diff/newman_diff.py"))
        .args(args)
        .arg("--postie")
        .arg(env!("CARGO_BIN_EXE_postie"))
        .args(["-q", "-j", "2"])
        .arg(root.join("tests/corpus"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run tools/diff/newman_diff.py (python3): {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{what} differences from Newman:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(" pending, 0 differ"), "{stdout}");
    stdout
}
