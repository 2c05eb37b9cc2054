//! The shipped partner-API collection against the real simulator over HTTP.

use crate::util::{env_value, postie, read_json, run_shipped, tempdir};
use postie::mock::{MockHandle, PartnerApiConfig, spawn};

fn simulator(config: PartnerApiConfig) -> MockHandle {
    spawn(config, 0).unwrap_or_else(|e| panic!("simulator: {e}"))
}

fn config() -> PartnerApiConfig {
    PartnerApiConfig {
        login: "partner@example.com".into(),
        password: "s3cret-pass".into(),
        ..PartnerApiConfig::default()
    }
}

#[test]
fn partner_flow_happy_path_chains_the_jwt() {
    let server = simulator(config());
    let dir = tempdir();
    let export = dir.path().join("out/env.json");
    let export_arg = export.to_string_lossy().into_owned();
    let out = run_shipped(
        &server.url(),
        "s3cret-pass",
        &["--export-environment", &export_arg],
    );
    out.check(out.code == 0, "the happy path must pass");
    out.check(
        out.stdout.contains("✓  AUTH returns 200"),
        "AUTH assertion shown",
    );
    out.check(
        out.stdout
            .contains("✓  partners creates the sub-account (201)"),
        "partners assertion shown",
    );
    out.check(
        !out.stdout.contains("s3cret-pass"),
        "the password must be masked",
    );
    out.check(
        out.stdout.contains("password=********"),
        "masked password in the URL",
    );

    let env = read_json(&export);
    let token = env_value(&env, "access_token").unwrap_or_default();
    let token = token.as_str().unwrap_or_default();
    assert!(
        token.split('.').count() == 3,
        "exported access_token is a JWT: {token}"
    );
    let sub_url = env_value(&env, "sub_account_url").unwrap_or_default();
    assert!(
        sub_url.as_str().is_some_and(|u| u.starts_with("https://")),
        "{sub_url}"
    );
    // The environment's own fields survive the export.
    assert_eq!(env["_postman_variable_scope"], "environment");

    let requests = server.requests();
    let partners = requests
        .iter()
        .find(|r| r.path == "/api/v8/partners")
        .unwrap_or_else(|| panic!("partners was not called: {requests:?}"));
    assert_eq!(
        partners.header("authorization"),
        Some(format!("Bearer {token}").as_str())
    );
    let body: serde_json::Value = serde_json::from_str(&partners.body).unwrap_or_default();
    let email = body["email"].as_str().unwrap_or_default();
    assert!(
        email.starts_with("client-") && !email.contains("{{"),
        "{email}"
    );
}

#[test]
fn partner_flow_wrong_password_fails_and_partners_gets_401() {
    let server = simulator(config());
    let out = run_shipped(&server.url(), "wrong-password", &[]);
    out.check(out.code == 1, "a failed assertion exits 1");
    out.check(
        out.stdout.contains(" 1.  AssertionError  AUTH returns 200"),
        "failure named",
    );
    out.check(out.stdout.contains("[401 Unauthorized"), "partners got 401");
    let requests = server.requests();
    assert!(
        requests.iter().any(|r| r.path == "/api/v8/partners"),
        "partners still ran"
    );
}

#[test]
fn partner_flow_duplicate_email_is_409_on_second_run() {
    let server = simulator(config());
    let email = ["--env-var", "new_account_email=dup@example.com"];
    let first = run_shipped(&server.url(), "s3cret-pass", &email);
    first.check(first.code == 0, "first run creates the account");
    let second = run_shipped(&server.url(), "s3cret-pass", &email);
    second.check(second.code == 1, "second run fails");
    second.check(second.stdout.contains("[409 Conflict"), "409 reported");
    second.check(
        second
            .stdout
            .contains("partners creates the sub-account (201)")
            && second.stdout.contains("AssertionError"),
        "the status assertion failed",
    );
}

#[test]
fn partner_flow_expired_token_gets_401() {
    let server = simulator(PartnerApiConfig {
        access_ttl_secs: 0,
        ..config()
    });
    let out = run_shipped(&server.url(), "s3cret-pass", &[]);
    out.check(out.code == 1, "expired token fails the run");
    out.check(
        out.stdout.contains("POST") && out.stdout.contains("[401 Unauthorized"),
        "401",
    );
}

#[test]
fn partner_flow_demo_passes() {
    let out = postie(&["demo"]);
    out.check(out.code == 0, "demo passes");
    out.check(
        crate::util::summary_row(&out.stdout, "assertions") == Some((4, 0)),
        "4 assertions, 0 failed",
    );
}
