//! Library differential tests: the calls in `tools/libdiff/cases/LIB.json` (generated with seeded
//! random arguments for every public function of the real package, with the real package's
//! results recorded by `tools/libdiff/gen.js`) are run inside postie's sandbox, through a real
//! collection run, and every result must equal the recorded one. A function listed in
//! `tools/libdiff/known/LIB.txt` is a known difference: it must still differ (so the list shrinks
//! as postie improves), and every other function must match. Needs no Node.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::util::{postie_with_env, read_json, tempdir, write};

/// Run one library's recorded calls through postie and compare.
fn check_library(lib: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/libdiff");
    let doc = read_json(&root.join("cases").join(format!("{lib}.json")));
    let evaluator = std::fs::read_to_string(root.join("calls.js"))
        .unwrap_or_else(|e| panic!("read tools/libdiff/calls.js: {e}"));
    let calls = doc["calls"].as_array().expect("cases file has calls");
    let expected = doc["expected"].as_array().expect("cases file has expected");
    let root_expr = doc["root"].as_str().expect("cases file has root");
    let calls_json = serde_json::to_string(calls).expect("calls serialise");
    // Async scenarios (stream, timers) hand their results over once the script's own timers
    // have run them all; the run waits for them, as Newman does.
    let prelude =
        serde_json::to_string(doc["prelude"].as_str().unwrap_or("")).expect("prelude serialises");
    let script = if doc["async"] == Value::Bool(true) {
        format!(
            "var LIBDIFF_PRELUDE = {prelude};\n{evaluator}\nvar LIBDIFF_CALLS = {calls_json};\nlibdiffRunAsync({root_expr}, LIBDIFF_CALLS, setTimeout, function (results) {{ pm.environment.set('libdiff', JSON.stringify(results)); }});\n"
        )
    } else {
        format!(
            "{evaluator}\nvar LIBDIFF_CALLS = {calls_json};\npm.environment.set('libdiff', JSON.stringify(libdiffRun({root_expr}, LIBDIFF_CALLS)));\n"
        )
    };
    let collection = serde_json::json!({
        "info": {"name": format!("libdiff {lib}"), "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "calls",
            "event": [{"listen": "prerequest", "script": {"exec": script.lines().collect::<Vec<_>>()}}],
            "request": {"method": "GET", "url": "http://127.0.0.1:9/"}
        }]
    });
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection.to_string());
    let env_out = dir.path().join("env.json");
    let out = postie_with_env(
        &[
            "run",
            &file,
            "--silent",
            "--timeout-script",
            "300000",
            "--export-environment",
            &env_out.to_string_lossy(),
        ],
        &[("TZ", "UTC")],
    );
    let env = read_json(&env_out);
    let results = crate::util::env_value(&env, "libdiff")
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| {
            panic!(
                "no results from the sandbox\n{}\n{}",
                out.stdout, out.stderr
            )
        });
    let actual: Vec<Value> = serde_json::from_str(&results).expect("results are JSON");
    assert_eq!(actual.len(), expected.len(), "one result per call");

    let mut failing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut differing_calls = 0;
    for ((call, want), got) in calls.iter().zip(expected).zip(&actual) {
        if want != got {
            differing_calls += 1;
            let name = call["fn"].as_str().unwrap_or("?").to_owned();
            let entry = failing.entry(name).or_default();
            if entry.len() < 2 {
                entry.push(format!("{} -> want {want}, got {got}", call["a"]));
            }
        }
    }
    let known_text =
        std::fs::read_to_string(root.join("known").join(format!("{lib}.txt"))).unwrap_or_default();
    let known: BTreeSet<String> = known_text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let functions = doc["functions"].as_array().map_or(0, Vec::len);
    let new: Vec<_> = failing.keys().filter(|f| !known.contains(*f)).collect();
    let fixed: Vec<_> = known.iter().filter(|f| !failing.contains_key(*f)).collect();
    let detail: Vec<String> = new
        .iter()
        .map(|f| format!("  {f}: {}", failing[*f].join(" | ")))
        .collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "{lib} {}: {} of {functions} functions ({} of {} calls) match the real package\n\
         differing and not in known/{lib}.txt: {new:?}\n{}\n\
         in known/{lib}.txt but matching now (remove them): {fixed:?}",
        doc["version"],
        functions - failing.len(),
        calls.len() - differing_calls,
        calls.len(),
        detail.join("\n")
    );
}

#[test]
fn libdiff_lodash_matches_the_real_package() {
    check_library("lodash");
}

#[test]
fn libdiff_lodash_legacy_matches_the_real_package() {
    check_library("lodash-legacy");
}

#[test]
fn libdiff_crypto_js_matches_the_real_package() {
    check_library("crypto-js");
}

#[test]
fn libdiff_moment_matches_the_real_package() {
    check_library("moment");
}

#[test]
fn libdiff_ajv_matches_the_real_package() {
    check_library("ajv");
}

#[test]
fn libdiff_tv4_matches_the_real_package() {
    check_library("tv4");
}

#[test]
fn libdiff_xml2js_matches_the_real_package() {
    check_library("xml2js");
}

#[test]
fn libdiff_csv_parse_matches_the_real_package() {
    check_library("csv-parse");
}

#[test]
fn libdiff_path_matches_the_real_package() {
    check_library("path");
}

#[test]
fn libdiff_url_matches_the_real_package() {
    check_library("url");
}

#[test]
fn libdiff_querystring_matches_the_real_package() {
    check_library("querystring");
}

#[test]
fn libdiff_util_matches_the_real_package() {
    check_library("util");
}

#[test]
fn libdiff_punycode_matches_the_real_package() {
    check_library("punycode");
}

#[test]
fn libdiff_events_matches_the_real_package() {
    check_library("events");
}

#[test]
fn libdiff_string_decoder_matches_the_real_package() {
    check_library("string_decoder");
}

#[test]
fn libdiff_buffer_matches_the_real_package() {
    check_library("buffer");
}

#[test]
fn libdiff_assert_matches_the_real_package() {
    check_library("assert");
}

#[test]
fn libdiff_atob_matches_the_real_package() {
    check_library("atob");
}

#[test]
fn libdiff_btoa_matches_the_real_package() {
    check_library("btoa");
}

#[test]
fn libdiff_uuid_matches_the_real_package() {
    check_library("uuid");
}

#[test]
fn libdiff_backbone_matches_the_real_package() {
    check_library("backbone");
}

#[test]
fn libdiff_cheerio_matches_the_real_package() {
    check_library("cheerio");
}

#[test]
fn libdiff_postman_collection_matches_the_real_package() {
    check_library("postman-collection");
}

#[test]
fn libdiff_stream_matches_the_real_package() {
    check_library("stream");
}

#[test]
fn libdiff_timers_matches_the_real_package() {
    check_library("timers");
}
