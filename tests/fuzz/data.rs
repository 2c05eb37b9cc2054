//! Iteration data files (`-d`): CSV texts built from the characters CSV cares about, CSV
//! written from rows, and JSON documents. Properties: no panic; an error names the file, and an
//! unclosed quote the line and column where a `"` opens it; rows written as quoted CSV come back
//! as written; a JSON array of objects comes back as its rows, and a wrong entry is named by
//! its index.

use std::path::Path;

use indexmap::IndexMap;
use postie::collection::data::parse_csv;
use postie::collection::load_data_file;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::config::check;
use super::strategies::{json, text};

fn fail(message: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(message.into())
}

const CSV_BITS: &[&str] = &[
    "a", "b", "1", "1.5", "-2e3", "0x10", "007", "true", " ", ",", "\"", "\"\"", "\n", "\r\n",
    "\r", "é", "😀", "\u{feff}", "x y", "", "\t", "null", "{{a}}", "Infinity", ".5", "5.",
];

/// Text that looks like CSV.
fn csv_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => vec(select(CSV_BITS), 0..40).prop_map(|bits| bits.concat()),
        1 => text(),
    ]
    .boxed()
}

/// `field` as a quoted CSV field.
fn quoted(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

/// The `line`:`col` (1-based, characters) of `text`, when it exists.
fn char_at(text: &str, line: usize, col: usize) -> Option<char> {
    text.split('\n')
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(col.checked_sub(1)?)
}

/// Check the CSV `text` loaded from a file.
fn check_csv(dir: &Path, text: &str) -> Result<(), TestCaseError> {
    let path = dir.join("data.csv");
    std::fs::write(&path, text).map_err(|e| fail(e.to_string()))?;
    let loaded = load_data_file(&path);
    // As the file is decoded: a byte-order mark and one more right after it are dropped.
    fn bom(t: &str) -> &str {
        t.strip_prefix('\u{feff}').unwrap_or(t)
    }
    let decoded = bom(bom(text));
    let trimmed = decoded.trim_start();
    // A NUL as the first or second byte reads as UTF-16 without a byte-order mark.
    let utf16 = matches!(text.as_bytes(), [0, ..] | [_, 0, ..]);
    if utf16 || trimmed.starts_with('[') || trimmed.starts_with('{') {
        // Read as JSON (or UTF-16): only no panic and a named file are asked of it here.
        if let Err(d) = loaded {
            prop_assert_eq!(d.file.as_deref(), Some(path.as_path()));
        }
        return Ok(());
    }
    // Text that is JSON (a number, a string, `true`, `null`) is data a run cannot iterate:
    // no rows, as in Newman.
    if serde_json::from_str::<Value>(trimmed).is_ok() {
        prop_assert!(loaded.is_ok_and(|rows| rows.is_empty()));
        return Ok(());
    }
    let parsed = parse_csv(decoded);
    match (&loaded, &parsed) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(d), Err(e)) => {
            prop_assert_eq!(d.file.as_deref(), Some(path.as_path()));
            prop_assert!(d.message.contains(e.as_str()), "{} / {}", d.message, e);
            let numbers: Vec<usize> = e
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            // A header cell that reads as a number (Newman cannot load the file either).
            if e.starts_with("the header names column") {
                let column = numbers.first().copied().unwrap_or(0);
                let header = bom(decoded).lines().next().unwrap_or("");
                prop_assert!(column >= 1 && header.split(',').count() >= column, "{}", e);
                return Ok(());
            }
            let [line, col] = numbers[..] else {
                return Err(fail(format!("no line and column in \"{e}\"")));
            };
            let csv = bom(decoded);
            prop_assert_eq!(char_at(csv, line, col), Some('"'), "{} in {:?}", e, text);
        }
        _ => {
            return Err(fail(format!(
                "the file and the text disagree: {loaded:?} / {parsed:?}"
            )));
        }
    }
    Ok(())
}

/// CSV-like texts.
#[test]
fn fuzz_data_csv_texts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    check("iteration data (CSV texts)", csv_text(), |text| {
        check_csv(dir.path(), &text)
    });
}

/// Rows written as quoted CSV (any line ending, a BOM or not) come back as written.
#[test]
fn fuzz_data_csv_round_trip() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let rows = (1usize..5).prop_flat_map(|width| {
        (
            vec(text(), width..=width),
            vec(vec(text(), width..=width), 0..5),
            select(&["\n", "\r\n"][..]),
            any::<bool>(),
        )
    });
    check(
        "iteration data (CSV round trip)",
        rows,
        |(header, rows, eol, bom)| {
            let line = |fields: &[String]| {
                fields
                    .iter()
                    .map(|f| quoted(f))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text.push_str(&line(&header));
            for row in &rows {
                text.push_str(eol);
                text.push_str(&line(row));
            }
            let parsed = parse_csv(&text).map_err(fail)?;
            prop_assert_eq!(parsed.len(), rows.len());
            for (got, row) in parsed.iter().zip(&rows) {
                // A header naming a column twice keeps the last of its fields.
                let mut expected: IndexMap<String, Value> = IndexMap::new();
                for (key, field) in header.iter().zip(row) {
                    expected.insert(key.clone(), Value::String(field.clone()));
                }
                prop_assert_eq!(got, &expected);
            }
            check_csv(dir.path(), &text)
        },
    );
}

/// JSON iteration data.
#[test]
fn fuzz_data_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let doc = prop_oneof![
        3 => vec(prop_oneof![6 => json(2).prop_map(|v| match v {
            Value::Object(_) => v,
            other => serde_json::json!({ "v": other }),
        }), 1 => json(1)], 0..5).prop_map(Value::Array),
        1 => json(3),
    ];
    check("iteration data (JSON)", doc, |doc| {
        let path = dir.path().join("data.json");
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        std::fs::write(&path, &text).map_err(|e| fail(e.to_string()))?;
        let loaded = load_data_file(&path);
        let text_start = text.trim_start();
        if !(text_start.starts_with('[') || text_start.starts_with('{')) {
            return Ok(());
        }
        match (&doc, loaded) {
            (Value::Array(rows), Ok(loaded)) => {
                prop_assert_eq!(loaded.len(), rows.len());
                for (got, row) in loaded.iter().zip(rows) {
                    // An object is a row; a list is one keyed by its indexes; anything else
                    // an empty row (as Newman reads them).
                    let expected: IndexMap<String, Value> = match row {
                        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                        Value::Array(items) => items
                            .iter()
                            .enumerate()
                            .map(|(i, v)| (i.to_string(), v.clone()))
                            .collect(),
                        _ => IndexMap::new(),
                    };
                    prop_assert_eq!(got, &expected);
                }
            }
            (Value::Array(rows), Err(d)) => {
                prop_assert_eq!(d.file.as_deref(), Some(path.as_path()));
                let first = rows.iter().position(|r| !r.is_object());
                prop_assert_eq!(
                    first.map(|i| format!("iteration data entry [{i}] is not an object")),
                    Some(d.message.clone())
                );
            }
            (Value::Object(_), loaded) => prop_assert_eq!(loaded.map(|r| r.len()).ok(), Some(0)),
            (_, _) => {}
        }
        Ok(())
    });
}
