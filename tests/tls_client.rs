//! Client certificates and extra CA certificates (Newman's `--ssl-*` flags) against a local HTTPS
//! server that requires a certificate signed by a CA each test makes.

use crate::tls_server::{Ca, Leaf, TlsServer};
use crate::util::{Output, postie, postie_with_env, read_json, tempdir, write};
use std::path::Path;

/// A collection of GET requests to `urls`, each testing for status 200 and the body `expect`
/// (the name of the certificate the server got); the first also sends `pm.sendRequest` to its
/// own URL and checks the same.
fn collection(dir: &Path, requests: &[(&str, &str)]) -> String {
    let items: Vec<serde_json::Value> = requests
        .iter()
        .enumerate()
        .map(|(i, (url, expect))| {
            let mut test = vec![
                format!("pm.test('status', () => pm.response.to.have.status(200));"),
                format!("pm.test('cert', () => pm.expect(pm.response.text()).to.equal('{expect}'));"),
            ];
            if i == 0 {
                test.push(format!(
                    "pm.sendRequest('{url}', (err, res) => pm.test('sendRequest cert', () => \
                     {{ pm.expect(err).to.equal(null); pm.expect(res.text()).to.equal('{expect}'); }}));"
                ));
            }
            serde_json::json!({
                "name": format!("req{i}"),
                "event": [{"listen": "test", "script": {"exec": test}}],
                "request": {"method": "GET", "url": url}
            })
        })
        .collect();
    let doc = serde_json::json!({
        "info": {"name": "tls", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items
    });
    write(dir, "collection.json", &doc.to_string())
}

/// CA file, server requiring a client certificate, and the client certificates `names`.
fn setup(names: &[&str]) -> (Ca, TlsServer, Vec<Leaf>, tempfile::TempDir) {
    let ca = Ca::new("postie test CA");
    let leaves: Vec<Leaf> = names.iter().map(|n| ca.leaf(n, &[])).collect();
    let server = TlsServer::start(
        &ca,
        Some(
            leaves
                .iter()
                .zip(names)
                .map(|(l, n)| (l.der.clone(), n.to_string()))
                .collect(),
        ),
    );
    let dir = tempdir();
    write(dir.path(), "ca.pem", &ca.pem());
    for (leaf, name) in leaves.iter().zip(names) {
        leaf.write_pem(dir.path(), name);
    }
    (ca, server, leaves, dir)
}

fn run(dir: &Path, collection: &str, args: &[&str]) -> Output {
    let mut all = vec!["run", collection, "--working-dir"];
    let working = dir.to_string_lossy().into_owned();
    all.push(&working);
    all.extend_from_slice(args);
    postie(&all)
}

#[test]
fn tls_client_cert_pem_is_presented_also_by_send_request() {
    let (_ca, server, _, dir) = setup(&["alpha"]);
    let url = format!("https://localhost:{}/", server.port);
    let c = collection(dir.path(), &[(&url, "alpha")]);
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-cert",
            "alpha.pem",
            "--ssl-client-key",
            "alpha.key",
        ],
    );
    out.check(out.code == 0, "the certificate is accepted");
    out.check(
        out.stdout.contains("sendRequest cert"),
        "pm.sendRequest ran",
    );
    assert_eq!(server.hits(), 2, "the request and pm.sendRequest");
}

#[test]
fn tls_client_cert_missing_is_a_handshake_error_and_the_run_goes_on() {
    let (_ca, server, _, dir) = setup(&["alpha"]);
    let url = format!("https://127.0.0.1:{}/", server.port);
    let c = collection(dir.path(), &[(&url, "alpha"), (&url, "alpha")]);
    let out = run(dir.path(), &c, &["--ssl-extra-ca-certs", "ca.pem"]);
    out.check(out.code == 1, "a request error fails the run");
    out.check(
        out.stdout.contains("tlsv13 alert certificate required")
            && out.stdout.contains("SSL alert number 116"),
        "the error names the handshake failure as Newman does",
    );
    out.check(
        out.stdout.contains("req1"),
        "the run went on to the next request",
    );
    assert_eq!(server.hits(), 0);
}

#[test]
fn tls_client_key_encrypted_opens_with_its_passphrase_which_is_masked() {
    let (_ca, server, leaves, dir) = setup(&["alpha"]);
    let passphrase = "s3cret-Phrase";
    write(
        dir.path(),
        "alpha.enc.key",
        &leaves[0].encrypted_key_pem(passphrase),
    );
    let url = format!("https://localhost:{}/", server.port);
    // A script that prints the passphrase it got from a variable whose name is not secret-looking.
    let doc = serde_json::json!({
        "info": {"name": "tls", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "req", "event": [{"listen": "test", "script": {"exec": [
            "console.log('phrase', pm.environment.get('phrase'));",
            "pm.test('cert', () => pm.expect(pm.response.text()).to.equal('alpha'));"
        ]}}], "request": {"method": "GET", "url": url}}]
    });
    let c = write(dir.path(), "collection.json", &doc.to_string());
    let report = dir.path().join("report.json");
    let report_arg = report.to_string_lossy().into_owned();
    let phrase_var = format!("phrase={passphrase}");
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-cert",
            "alpha.pem",
            "--ssl-client-key",
            "alpha.enc.key",
            "--ssl-client-passphrase",
            passphrase,
            "--env-var",
            &phrase_var,
            "-r",
            "cli,json",
            "--reporter-json-export",
            &report_arg,
        ],
    );
    out.check(out.code == 0, "the decrypted key is used");
    out.check(
        out.stdout.contains("'phrase', '********'"),
        "the passphrase is masked on the terminal",
    );
    let json = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    assert!(!json.contains(passphrase) && !out.stdout.contains(passphrase));
    assert!(read_json(&report)["run"]["stats"]["assertions"]["failed"] == 0);
}

#[test]
fn tls_client_key_wrong_passphrase_stops_before_sending() {
    let (_ca, server, leaves, dir) = setup(&["alpha"]);
    write(
        dir.path(),
        "alpha.enc.key",
        &leaves[0].encrypted_key_pem("right-one"),
    );
    let url = format!("https://localhost:{}/", server.port);
    let c = collection(dir.path(), &[(&url, "alpha")]);
    let args = |phrase: Option<&'static str>| {
        let mut a = vec![
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-cert",
            "alpha.pem",
            "--ssl-client-key",
            "alpha.enc.key",
        ];
        if let Some(p) = phrase {
            a.extend(["--ssl-client-passphrase", p]);
        }
        a
    };
    let out = run(dir.path(), &c, &args(Some("wrong-one")));
    out.check(out.code == 2, "unusable input");
    out.check(
        out.stderr
            .contains("alpha.enc.key: wrong passphrase for this private key"),
        "the message names the file",
    );
    out.check(
        !out.stderr.contains("wrong-one") && !out.stdout.contains("wrong-one"),
        "no passphrase shown",
    );
    let out = run(dir.path(), &c, &args(None));
    out.check(
        out.code == 2
            && out
                .stderr
                .contains("alpha.enc.key: this private key is encrypted"),
        "a missing passphrase is named",
    );
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-client-cert",
            "alpha.pem",
            "--ssl-client-key",
            "nope.key",
        ],
    );
    out.check(
        out.code == 2 && out.stderr.contains("nope.key: cannot read the client key"),
        "an unreadable key is named",
    );
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-client-cert",
            "alpha.key",
            "--ssl-client-key",
            "alpha.key",
        ],
    );
    out.check(
        out.code == 2 && out.stderr.contains("alpha.key: no PEM certificate"),
        "a key given as certificate is named",
    );
    assert_eq!(server.hits(), 0, "nothing was sent");
}

#[test]
fn tls_client_pfx_works_from_the_flag_and_the_list() {
    let (_ca, server, leaves, dir) = setup(&["alpha"]);
    std::fs::write(dir.path().join("alpha.p12"), leaves[0].pkcs12("pfx-pass"))
        .unwrap_or_else(|e| panic!("{e}"));
    let url = format!("https://localhost:{}/", server.port);
    let c = collection(dir.path(), &[(&url, "alpha")]);
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-pfx",
            "alpha.p12",
            "--ssl-client-passphrase",
            "pfx-pass",
        ],
    );
    out.check(out.code == 0, "the PKCS#12 certificate is accepted");
    let list = serde_json::json!([{
        "name": "p12", "matches": ["https://localhost:*/*"],
        "pfx": {"src": "alpha.p12"}, "passphrase": "pfx-pass"
    }]);
    let list = write(dir.path(), "list.json", &list.to_string());
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-cert-list",
            &list,
        ],
    );
    out.check(out.code == 0, "the list's pfx entry is accepted");
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-client-pfx",
            "alpha.p12",
            "--ssl-client-passphrase",
            "nope",
        ],
    );
    out.check(
        out.code == 2
            && out
                .stderr
                .contains("alpha.p12: wrong passphrase for this PKCS#12 file"),
        "a wrong pfx passphrase is named",
    );
}

#[test]
fn tls_client_cert_list_picks_by_host_and_wins_over_the_single_cert() {
    let (_ca, server, _, dir) = setup(&["alpha", "beta", "gamma"]);
    let port = server.port;
    let list = serde_json::json!([
        {"name": "by-name", "matches": [format!("https://localhost:{port}/*")],
         "cert": {"src": "alpha.pem"}, "key": {"src": "alpha.key"}},
        {"name": "by-ip", "matches": ["*.host:8443", format!("https://127.0.0.1:{port}/only/*")],
         "cert": "beta.pem", "key": "beta.key"}
    ]);
    let list = write(dir.path(), "list.json", &list.to_string());
    let c = collection(
        dir.path(),
        &[
            (&format!("https://localhost:{port}/a"), "alpha"),
            (&format!("https://127.0.0.1:{port}/only/b"), "beta"),
            (&format!("https://127.0.0.1:{port}/other"), "gamma"),
        ],
    );
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-cert-list",
            &list,
            "--ssl-client-cert",
            "gamma.pem",
            "--ssl-client-key",
            "gamma.key",
        ],
    );
    out.check(
        out.code == 0,
        "each request got the certificate its URL picks",
    );
    out.check(
        out.stderr
            .contains("`*.host:8443` is not a URL match pattern"),
        "a pattern Newman never matches is pointed out",
    );
    let bad = write(
        dir.path(),
        "bad.json",
        r#"[{"name": "x", "cert": {"src": "alpha.pem"}}]"#,
    );
    let out = run(dir.path(), &c, &["--ssl-client-cert-list", &bad]);
    out.check(
        out.code == 2 && out.stderr.contains("bad.json: entry 1: no `matches`"),
        "an entry without matches is an error naming the file",
    );
}

#[test]
fn tls_extra_ca_certs_trusted_without_insecure_also_from_node_extra_ca_certs() {
    let ca = Ca::new("postie extra CA");
    let server = TlsServer::start(&ca, None);
    let dir = tempdir();
    let ca_file = write(dir.path(), "ca.pem", &ca.pem());
    let url = format!("https://localhost:{}/", server.port);
    let c = collection(dir.path(), &[(&url, "none")]);
    let out = run(dir.path(), &c, &[]);
    out.check(out.code == 1, "an unknown CA is refused");
    out.check(
        out.stdout
            .contains("unable to verify the first certificate"),
        "the error says why",
    );
    let out = run(dir.path(), &c, &["--ssl-extra-ca-certs", "ca.pem"]);
    out.check(out.code == 0, "--ssl-extra-ca-certs trusts it");
    let out = postie_with_env(&["run", &c], &[("NODE_EXTRA_CA_CERTS", ca_file.as_str())]);
    out.check(out.code == 0, "NODE_EXTRA_CA_CERTS trusts it");
    let out = postie_with_env(&["run", &c], &[("NODE_EXTRA_CA_CERTS", "/no/such/ca.pem")]);
    out.check(
        out.code == 1
            && out
                .stderr
                .contains("Ignoring extra certs from `/no/such/ca.pem`"),
        "an unreadable NODE_EXTRA_CA_CERTS is Node's warning",
    );
    let out = run(dir.path(), &c, &["--ssl-extra-ca-certs", "collection.json"]);
    out.check(
        out.code == 2 && out.stderr.contains("collection.json: no PEM certificate"),
        "an unusable --ssl-extra-ca-certs is an error",
    );
}

#[test]
fn tls_protocol_profile_behavior_limits_versions_and_suites_and_item_certificate_is_ignored() {
    let ca = Ca::new("postie profile CA");
    let server = TlsServer::start_tls13_only(&ca);
    let dir = tempdir();
    write(dir.path(), "ca.pem", &ca.pem());
    ca.leaf("alpha", &[]).write_pem(dir.path(), "alpha");
    let url = format!("https://localhost:{}/", server.port);
    let item = |name: &str, behavior: serde_json::Value| {
        serde_json::json!({
            "name": name,
            "protocolProfileBehavior": behavior,
            "event": [{"listen": "test", "script": {"exec": ["pm.test('ok', () => pm.response.to.have.status(200));"]}}],
            "request": {"method": "GET", "url": url,
                        // Newman does not present an item's own certificate; postie neither.
                        "certificate": {"cert": {"src": "alpha.pem"}, "key": {"src": "alpha.key"}}}
        })
    };
    let doc = serde_json::json!({
        "info": {"name": "tls", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [
            item("old-versions-off", serde_json::json!({"tlsDisabledProtocols": ["TLSv1", "TLSv1_1"], "tlsPreferServerCiphers": true})),
            item("tls13-suite", serde_json::json!({"tlsCipherSelection": ["TLS_AES_128_GCM_SHA256"]})),
            item("tls13-off", serde_json::json!({"tlsDisabledProtocols": ["TLSv1_3"]})),
            item("tls12-suites-only", serde_json::json!({"tlsCipherSelection": ["ECDHE-ECDSA-AES128-GCM-SHA256"]})),
            item("nothing-left", serde_json::json!({"tlsDisabledProtocols": ["TLSv1_2", "TLSv1_3"]})),
            item("unknown-suite", serde_json::json!({"tlsCipherSelection": ["AES128-SHA"]})),
        ]
    });
    let c = write(dir.path(), "collection.json", &doc.to_string());
    let report = dir.path().join("r.json");
    let report_arg = report.to_string_lossy().into_owned();
    let out = run(
        dir.path(),
        &c,
        &[
            "--ssl-extra-ca-certs",
            "ca.pem",
            "-r",
            "json",
            "--reporter-json-export",
            &report_arg,
        ],
    );
    out.check(out.code == 1, "the refused requests fail the run");
    let doc = read_json(&report);
    // Each request's error (from `run.failures`), or its status.
    let executions = doc["run"]["executions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let failures = doc["run"]["failures"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let outcome: Vec<(String, String)> = executions
        .iter()
        .map(|e| {
            let name = e["item"]["name"].as_str().unwrap_or_default().to_string();
            let error = failures.iter().find(|f| {
                f["source"]["name"].as_str() == Some(name.as_str()) && f["at"] == "request"
            });
            let result = match error {
                Some(f) => f["error"]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                None => e["response"]["code"].to_string(),
            };
            (name, result)
        })
        .collect();
    let result = |name: &str| {
        outcome
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    assert_eq!(result("old-versions-off"), "200", "{outcome:?}");
    assert_eq!(result("tls13-suite"), "200", "{outcome:?}");
    assert!(
        result("tls13-off").contains("alert protocol version"),
        "{outcome:?}"
    );
    assert!(
        result("tls12-suites-only").contains("alert protocol version"),
        "{outcome:?}"
    );
    assert_eq!(
        result("nothing-left"),
        "SSL routines::no protocols available"
    );
    assert_eq!(result("unknown-suite"), "SSL routines::no cipher match");
    assert_eq!(server.hits(), 2);
}
