//! What a run left in the environment, told after the run: the shipped partner flow against
//! `postie mock partner-api` (the real-account flow of the README, step by step), the demo's
//! default export, and silence for runs that change nothing.

use crate::echo::Echo;
use crate::util::{Output, env_value, postie, postie_in, read_json, tempdir, write};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const PASSWORD: &str = "ci-secret-Pw9";

/// `postie mock partner-api` in a process of its own; killed when dropped.
struct Mock {
    child: Child,
    url: String,
}

impl Mock {
    fn start() -> Mock {
        let mut child = Command::new(env!("CARGO_BIN_EXE_postie"))
            .args(["mock", "partner-api", "--port", "0"])
            .args(["--login", "partner@example.com", "--password", PASSWORD])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the mock: {e}"));
        let stderr = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
        let mut first = String::new();
        let _ = BufReader::new(stderr).read_line(&mut first);
        // "postie: partner API simulator listening on http://127.0.0.1:PORT (login: …); …"
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {first:?}"))
            .to_string();
        Mock { child, url }
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The README's real-account command against `mock`, the password as the CI's secret.
fn run_partner_flow(mock: &Mock, extra: &[&str]) -> Output {
    crate::util::run_shipped(&mock.url, PASSWORD, extra)
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn run_changes_partner_flow_tells_what_was_created_and_where_it_was_saved() {
    let mock = Mock::start();
    let dir = tempdir();
    let export = dir.path().join("out/partner-api.postman_environment.json");
    let export_arg = export.to_string_lossy().into_owned();
    let out = run_partner_flow(&mock, &["--export-environment", &export_arg]);
    out.check(out.code == 0, "the flow passes");

    let env = read_json(&export);
    let text = |key: &str| {
        env_value(&env, key)
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| panic!("{key} not exported: {env}"))
    };
    let (url, login, password) = (
        text("sub_account_url"),
        text("sub_account_login"),
        text("sub_account_password"),
    );
    assert!(url.starts_with("https://") && login.contains('@') && password.len() >= 8);
    out.check(
        out.stderr
            .contains("postie: this run changed 6 environment variables:\n"),
        "the heading",
    );
    out.check(
        out.stderr
            .contains(&format!("\n  sub_account_url       {url}\n")),
        "the new account's URL",
    );
    out.check(
        out.stderr
            .contains(&format!("\n  sub_account_login     {login}\n")),
        "its login",
    );
    out.check(
        out.stderr.contains("\n  sub_account_password  ********\n")
            && out.stderr.contains("\n  access_token          ********\n"),
        "secrets masked",
    );
    out.check(
        out.stderr.contains(&format!(
            "postie: saved to {export_arg} (readable by you only); --show-secrets prints the masked values"
        )),
        "where it was saved",
    );
    for secret in [password.as_str(), PASSWORD] {
        out.check(
            !out.stdout.contains(secret) && !out.stderr.contains(secret),
            "no password printed",
        );
    }
    // Newman's own output is unchanged: the report on stdout ends with the summary table.
    out.check(
        !out.stdout.contains("this run changed"),
        "stdout is Newman's",
    );
    #[cfg(unix)]
    assert_eq!(
        mode(&export),
        0o600,
        "the credentials file is the owner's only"
    );

    // --verbose shows the bodies, but not the secret fields of the one creating the account.
    let verbose = run_partner_flow(&mock, &["--verbose", "--export-environment", &export_arg]);
    verbose.check(verbose.code == 0, "the flow passes again");
    let env = read_json(&export);
    let password = env_value(&env, "sub_account_password")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    // Bodies are wrapped at the console width: read them joined again.
    let joined = verbose.stdout.replace("\n  │ ", "");
    verbose.check(
        !password.is_empty() && !joined.contains(&password),
        "the new password is not in the verbose body",
    );
    verbose.check(
        joined.contains(r#""password":"********""#),
        "masked in the body",
    );

    let shown = run_partner_flow(&mock, &["--show-secrets"]);
    shown.check(shown.code == 0, "the flow passes again");
    let env_line = shown
        .stderr
        .lines()
        .find(|l| l.starts_with("  sub_account_password  "))
        .unwrap_or_default();
    shown.check(
        !env_line.contains("********") && env_line.len() > "  sub_account_password  ".len(),
        "--show-secrets prints the password",
    );
    shown.check(
        shown.stderr.contains(
            "postie: not saved: they are gone when postie exits; add --export-environment FILE to keep them",
        ),
        "says it was not saved",
    );
}

#[test]
fn run_changes_demo_exports_the_environment_by_default() {
    let dir = tempdir();
    let out = postie_in(dir.path(), &["demo"], &[]);
    out.check(out.code == 0, "the demo passes");
    let export = dir.path().join("out/partner-api.postman_environment.json");
    let env = read_json(&export);
    assert!(
        env_value(&env, "sub_account_password")
            .and_then(|v| v.as_str().map(|s| !s.is_empty()))
            .unwrap_or(false),
        "the created account's password is kept: {env}"
    );
    // The simulator's own password (given on the command line) is not written.
    assert_eq!(env_value(&env, "password"), Some(serde_json::json!("")));
    out.check(
        out.stderr.contains(
            "postie: saved to out/partner-api.postman_environment.json (readable by you only)",
        ),
        "the demo says where",
    );
    #[cfg(unix)]
    assert_eq!(mode(&export), 0o600);

    let elsewhere = dir.path().join("mine.json");
    let elsewhere_arg = elsewhere.to_string_lossy().into_owned();
    let other = tempdir();
    let out = postie_in(
        other.path(),
        &["demo", "--export-environment", &elsewhere_arg],
        &[],
    );
    out.check(out.code == 0, "the demo passes");
    assert!(elsewhere.is_file());
    assert!(!other.path().join("out").exists(), "no default export then");
}

#[test]
fn run_changes_ordinary_runs_stay_quiet() {
    let echo = Echo::start();
    let dir = tempdir();
    let url = format!("{}/echo", echo.url());
    let quiet = write(
        dir.path(),
        "quiet.json",
        &crate::util::collection_with_test(&url, "pm.test('ok', () => {});"),
    );
    let out = postie(&["run", &quiet]);
    out.check(out.code == 0, "passes");
    out.check(out.stderr.is_empty(), "nothing on stderr");

    // A run that sets a variable says so, unless the terminal report is off.
    let setting = write(
        dir.path(),
        "setting.json",
        &crate::util::collection_with_test(&url, "pm.globals.set('seen', 'yes');"),
    );
    let out = postie(&["run", &setting]);
    out.check(
        out.stderr
            .contains("postie: this run changed 1 global variable:\n  seen  yes\n")
            && out
                .stderr
                .contains("add --export-globals FILE to keep them"),
        "globals are told too",
    );
    for silent in [
        &["--silent"][..],
        &["-r", "json", "--reporter-json-export", "/dev/null"],
    ] {
        let mut args = vec!["run", setting.as_str()];
        args.extend_from_slice(silent);
        let out = postie(&args);
        out.check(out.stderr.is_empty(), "quiet without the cli reporter");
    }
}
