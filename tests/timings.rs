//! `--verbose` timing phases (Newman's table in the terminal, `timings` in the JSON report),
//! measured against local servers that answer late.

use crate::echo::Echo;
use crate::tls_server::{Ca, TlsServer};
use crate::util::{Output, postie, read_json, tempdir, write};
use serde_json::{Value, json};
use std::path::Path;

/// Newman's phase headings, in its order, without `ssl-handshake`.
const HTTP_HEADINGS: [&str; 8] = [
    "prepare",
    "wait",
    "dns-lookup",
    "tcp-handshake",
    "transfer-start",
    "download",
    "process",
    "total",
];

/// Postman's phase names in the JSON report, without `secureHandshake`.
const HTTP_PHASES: [&str; 8] = [
    "prepare",
    "wait",
    "dns",
    "tcp",
    "firstByte",
    "download",
    "process",
    "total",
];

fn collection(dir: &Path, items: &[(&str, &str, bool)]) -> String {
    let items: Vec<Value> = items
        .iter()
        .map(|(name, url, raw)| {
            // A lower-case header name sends the request through the raw sender.
            let header = if *raw {
                json!([{"key": "x-raw", "value": "1"}])
            } else {
                json!([])
            };
            json!({"name": name, "request": {"method": "GET", "url": url, "header": header}})
        })
        .collect();
    let doc = json!({
        "info": {"name": "timings", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items
    });
    write(dir, "collection.json", &doc.to_string())
}

/// The timing tables of a verbose run: per request, (heading, shown value) pairs.
fn tables(stdout: &str) -> Vec<Vec<(String, String)>> {
    let lines: Vec<&str> = stdout.lines().collect();
    lines
        .windows(2)
        .filter(|pair| pair[0].starts_with("  prepare "))
        .map(|pair| {
            let names = pair[0].split_whitespace().map(str::to_string);
            let values = pair[1].split_whitespace().map(str::to_string);
            names.zip(values).collect()
        })
        .collect()
}

/// A shown duration in milliseconds: `536µs`, `12ms`, `2.5s`; `(cache)` is 0.
fn shown_ms(text: &str) -> f64 {
    let number = |s: &str| s.parse::<f64>().unwrap_or_else(|e| panic!("{text}: {e}"));
    if text == "(cache)" {
        0.0
    } else if let Some(us) = text.strip_suffix("µs") {
        number(us) / 1000.0
    } else if let Some(ms) = text.strip_suffix("ms") {
        number(ms)
    } else if let Some(s) = text.strip_suffix('s') {
        number(s) * 1000.0
    } else {
        panic!("not a duration: {text}")
    }
}

fn value<'a>(table: &'a [(String, String)], name: &str) -> &'a str {
    table
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {table:?}"))
}

/// Every table's phases, as shown, add up to its total (each shown value is cut to a whole
/// unit, so by at most one millisecond per phase).
fn check_adds_up(out: &Output, table: &[(String, String)]) {
    let total = shown_ms(value(table, "total"));
    let sum: f64 = table
        .iter()
        .filter(|(n, _)| n != "total")
        .map(|(_, v)| shown_ms(v))
        .sum();
    out.check(
        sum <= total + 1.0 && sum >= total - table.len() as f64,
        &format!("phases {sum}ms add up to total {total}ms: {table:?}"),
    );
}

/// The JSON report's timings of one execution: phases in Postman's order, offsets that never go
/// back, phases that add up to `total`.
fn check_json_timings(execution: &Value, https: bool) -> serde_json::Map<String, Value> {
    let timings = &execution["response"]["timings"];
    let phases = timings["phases"]
        .as_object()
        .unwrap_or_else(|| panic!("no phases: {execution}"))
        .clone();
    let mut expected: Vec<&str> = HTTP_PHASES.to_vec();
    if https {
        expected.insert(4, "secureHandshake");
    }
    assert_eq!(
        phases.keys().map(String::as_str).collect::<Vec<_>>(),
        expected
    );
    let ms = |v: &Value| v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    let sum: f64 = phases
        .iter()
        .filter(|(k, _)| *k != "total")
        .map(|(_, v)| ms(v))
        .sum();
    let total = ms(&phases["total"]);
    assert!(
        (sum - total).abs() < 0.01,
        "phases add up: {sum} vs {total}"
    );
    assert!(phases.values().all(|v| ms(v) >= 0.0));
    let offsets = timings["offset"]
        .as_object()
        .unwrap_or_else(|| panic!("no offsets: {timings}"));
    let order: Vec<f64> = offsets.values().map(ms).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{offsets:?}");
    assert_eq!(ms(&offsets["done"]), total);
    assert!(
        timings["start"]
            .as_u64()
            .is_some_and(|s| s > 1_600_000_000_000)
    );
    phases
}

#[test]
fn timings_verbose_phases_are_measured_ordered_and_add_up() {
    let echo = Echo::start();
    let base = echo.url();
    let dir = tempdir();
    let named = format!("http://localhost:{}/echo", echo.port());
    let slow = format!("{base}/delay/250");
    let raw = format!("{base}/delay/120");
    let again = format!("{base}/echo");
    let c = collection(
        dir.path(),
        &[
            ("slow", &slow, false),
            ("named", &named, false),
            ("again", &again, false),
            ("raw", &raw, true),
        ],
    );
    let report = dir.path().join("report.json");
    let report_arg = report.to_string_lossy().into_owned();
    let out = postie(&[
        "run",
        &c,
        "--verbose",
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report_arg,
    ]);
    out.check(out.code == 0, "the run passes");
    let tables = tables(&out.stdout);
    out.check(tables.len() == 4, "one timing table per request");
    for table in &tables {
        let names: Vec<&str> = table.iter().map(|(n, _)| n.as_str()).collect();
        out.check(
            names == HTTP_HEADINGS,
            "Newman's headings in Newman's order",
        );
        check_adds_up(&out, table);
    }
    let [slow, named, again, raw] = [&tables[0], &tables[1], &tables[2], &tables[3]];
    // The server's delay is the wait for the first byte.
    out.check(
        shown_ms(value(slow, "transfer-start")) >= 250.0,
        "the delay is in transfer-start",
    );
    out.check(
        shown_ms(value(raw, "transfer-start")) >= 120.0,
        "the raw sender measures it too",
    );
    out.check(
        value(slow, "dns-lookup") == "(cache)",
        "no lookup for an IP",
    );
    out.check(
        value(slow, "tcp-handshake") != "(cache)",
        "a new connection",
    );
    out.check(
        value(named, "dns-lookup") != "(cache)",
        "localhost is looked up",
    );
    out.check(
        value(raw, "tcp-handshake") == "(cache)",
        "a lower-case header name changes nothing: the kept connection is reused",
    );
    for phase in ["wait", "dns-lookup", "tcp-handshake"] {
        out.check(
            value(again, phase) == "(cache)",
            "a reused connection has no connect phases",
        );
    }
    out.check(
        out.stdout.contains("│ average first byte time: ")
            && out.stdout.contains("│ average DNS lookup time: "),
        "the summary has Newman's verbose rows",
    );

    let doc = read_json(&report);
    let executions = doc["run"]["executions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(executions.len(), 4);
    let phases: Vec<_> = executions
        .iter()
        .map(|e| check_json_timings(e, false))
        .collect();
    assert!(phases[0]["firstByte"].as_f64().unwrap_or_default() >= 250.0);
    assert!(phases[1]["dns"].as_f64().unwrap_or_default() > 0.0);
    assert_eq!(phases[2]["tcp"].as_f64(), Some(0.0));
    let run = &doc["run"]["timings"];
    assert!(run["firstByteMax"].as_f64().unwrap_or_default() >= 250.0);
    assert!(run["dnsAverage"].as_f64().unwrap_or_default() > 0.0);

    // Without --verbose: no tables, no per-response timings, zero phase statistics (Newman).
    let out = postie(&[
        "run",
        &c,
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report_arg,
    ]);
    out.check(out.code == 0, "the run passes");
    out.check(!out.stdout.contains("  prepare "), "no timing table");
    out.check(
        !out.stdout.contains("average first byte"),
        "no verbose rows",
    );
    let doc = read_json(&report);
    assert!(
        doc["run"]["executions"][0]["response"]
            .get("timings")
            .is_none()
    );
    assert_eq!(
        doc["run"]["timings"]["firstByteAverage"].as_f64(),
        Some(0.0)
    );
}

#[test]
fn timings_https_has_the_ssl_handshake_phase_on_both_paths() {
    let ca = Ca::new("postie timings CA");
    let server = TlsServer::start(&ca, None);
    let dir = tempdir();
    write(dir.path(), "ca.pem", &ca.pem());
    let url = format!("https://localhost:{}/", server.port);
    let c = collection(dir.path(), &[("pooled", &url, false), ("raw", &url, true)]);
    let report = dir.path().join("report.json");
    let report_arg = report.to_string_lossy().into_owned();
    let ca_arg = dir.path().join("ca.pem").to_string_lossy().into_owned();
    let out = postie(&[
        "run",
        &c,
        "--ssl-extra-ca-certs",
        &ca_arg,
        "--verbose",
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report_arg,
    ]);
    out.check(out.code == 0, "the run passes");
    let tables = tables(&out.stdout);
    out.check(tables.len() == 2, "two tables");
    let mut expected: Vec<&str> = HTTP_HEADINGS.to_vec();
    expected.insert(4, "ssl-handshake");
    for table in &tables {
        let names: Vec<&str> = table.iter().map(|(n, _)| n.as_str()).collect();
        out.check(names == expected, "ssl-handshake after tcp-handshake");
        out.check(value(table, "ssl-handshake") != "(cache)", "a handshake");
        out.check(value(table, "tcp-handshake") != "(cache)", "a connection");
        check_adds_up(&out, table);
    }
    let doc = read_json(&report);
    for execution in doc["run"]["executions"].as_array().into_iter().flatten() {
        let phases = check_json_timings(execution, true);
        assert!(phases["secureHandshake"].as_f64().unwrap_or_default() > 0.0);
    }
}
