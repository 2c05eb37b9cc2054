//! Iteration data files (`-d`): a JSON array of objects, or CSV with a header row. As in Newman,
//! JSON is tried first; CSV fields are trimmed, a BOM is dropped, quoted fields may hold commas,
//! quotes (`""`) and newlines, and unquoted integers and decimals become numbers. What Newman
//! reads loosely (an empty file, JSON that is not a list of objects, ragged CSV rows, repeated
//! keys) is read the same way, with a warning saying where.

use super::duplicates::duplicate_notes;
use super::js_value::{js_parse_float, js_to_number, number_value};
use super::json::{decode_text, parse_text};
use crate::diagnostic::Diagnostic;
use indexmap::IndexMap;
use serde_json::Value;
use std::path::Path;

/// One iteration's variables.
pub type DataRow = IndexMap<String, Value>;

/// A loaded iteration data file.
#[derive(Debug, Clone, Default)]
pub struct DataFile {
    /// One row per iteration.
    pub rows: Vec<DataRow>,
    /// What was read loosely, as Newman reads it (`FILE: where: message`), for the CLI to show.
    pub warnings: Vec<String>,
}

/// Load `path` as iteration data (its rows; see [`load_data`] for the warnings too).
pub fn load_data_file(path: &Path) -> Result<Vec<DataRow>, Diagnostic> {
    load_data(path).map(|f| f.rows)
}

/// Load `path` as iteration data, with a warning for what Newman reads loosely: an empty file,
/// JSON that is not a list of objects, CSV rows whose field count is not the header's, repeated
/// JSON keys.
pub fn load_data(path: &Path) -> Result<DataFile, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::in_file(path, format!("cannot read iteration data file: {e}"))
            .with_hint("check the path given to -d/--iteration-data")
    })?;
    parse_data(&bytes, path)
}

/// Iteration data from the bytes of a data file (or what a URL answered), with the warnings of
/// [`load_data`]; `path` names it in messages.
pub fn parse_data(bytes: &[u8], path: &Path) -> Result<DataFile, Diagnostic> {
    let text = decode_text(bytes, path, "iteration data")?;
    let note = |at: &str, message: &str| format!("{}: {at}: {message}", path.display());
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Ok(DataFile {
            rows: parse_csv(&text).unwrap_or_default(),
            warnings: vec![note(
                "(the file)",
                "the iteration data file is empty; the run has no data, as in Newman",
            )],
        });
    }
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        let mut warnings = Vec::new();
        let rows = json_rows(parse_text(&text, path, "iteration data")?, &mut |at, m| {
            warnings.push(note(at, m))
        });
        warnings.extend(duplicate_notes(&text, path));
        return Ok(DataFile { rows, warnings });
    }
    if let Ok(scalar) = serde_json::from_str::<Value>(trimmed) {
        // `7`, `true`, `"text"`, `null`: JSON, but no rows (Newman runs no data).
        let message = format!(
            "expected a list of rows (objects), found {}; the run has no data, as in Newman",
            super::kind_of(&scalar)
        );
        return Ok(DataFile {
            rows: Vec::new(),
            warnings: vec![note("(the file)", &message)],
        });
    }
    let (rows, ragged) = csv_rows(&text).map_err(|e| {
        let hint = if e.starts_with(NUMERIC_HEADER) {
            "quote the header cell (\"1\") or give the column a name that is not a number"
        } else {
            "close the quoted field with a \" (a quote inside one is written \"\")"
        };
        Diagnostic::in_file(path, format!("iteration data could not be loaded: {e}"))
            .with_hint(hint)
    })?;
    let warnings = ragged.iter().map(|(at, m)| note(at, m)).collect();
    Ok(DataFile { rows, warnings })
}

/// Iteration data given as JSON (the library API), read as a data file's JSON is (a document
/// that is not a list is no data), with its notes as warnings naming `source`.
pub fn data_rows(doc: Value, source: &str) -> DataFile {
    let mut warnings = Vec::new();
    let rows = json_rows(doc, &mut |at, m| {
        warnings.push(format!("{source}: {at}: {m}"))
    });
    DataFile { rows, warnings }
}

/// The rows of a JSON data file. Newman runs a document that is not a list as no data, and a
/// row that is not an object as an empty row (a list as its indexes): the same here, each with
/// a note.
fn json_rows(doc: Value, note: &mut dyn FnMut(&str, &str)) -> Vec<DataRow> {
    let rows = match doc {
        Value::Array(rows) => rows,
        other => {
            note(
                "(the file)",
                &format!(
                    "expected a list of rows (objects), found {}; the run has no data, as in \
                     Newman",
                    super::kind_of(&other)
                ),
            );
            return Vec::new();
        }
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| match row {
            Value::Object(map) => map.into_iter().collect(),
            other => {
                let message = format!(
                    "expected an object, found {}; {}, as in Newman",
                    super::kind_of(&other),
                    if other.is_array() {
                        "its items are named by their index"
                    } else {
                        "this iteration has no data"
                    }
                );
                note(&format!("[{i}]"), &message);
                match other {
                    Value::Array(items) => items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (i.to_string(), v))
                        .collect(),
                    _ => DataRow::new(),
                }
            }
        })
        .collect()
}

/// How the error for a header cell that reads as a number starts.
const NUMERIC_HEADER: &str = "the header names column";

/// Where in a data file (`line 3`) and what about it.
type RowNote = (String, String);

/// A parsed CSV field and whether it was quoted.
struct Field {
    text: String,
    quoted: bool,
}

/// Parse CSV text into rows keyed by the header row. A quoted field that never closes is an
/// error naming where it opened (Newman cannot load such a file either).
pub fn parse_csv(text: &str) -> Result<Vec<DataRow>, String> {
    csv_rows(text).map(|(rows, _)| rows)
}

/// [`parse_csv`], with a note (`line N`, message) for each row whose field count differs from
/// the header's: extra fields are dropped and missing ones left unset, as Newman does.
fn csv_rows(text: &str) -> Result<(Vec<DataRow>, Vec<RowNote>), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = csv_records(text)?;
    let mut iter = records.into_iter();
    let Some((_, header)) = iter.next() else {
        return Ok((Vec::new(), Vec::new()));
    };
    // Newman casts the header row too, and a column named by a number stops the load.
    let mut keys: Vec<String> = Vec::with_capacity(header.len());
    for (position, field) in header.into_iter().enumerate() {
        match cast(field) {
            Value::String(key) => keys.push(key),
            number => {
                return Err(format!(
                    "{NUMERIC_HEADER} {} with the number {number}: Newman cannot load such a \
                     file (\"Invalid column definition\")",
                    position + 1
                ));
            }
        }
    }
    let mut notes = Vec::new();
    // Blank lines are rows too (with the first column empty), as csv-parse reads them.
    let rows = iter
        .map(|(line, record)| {
            let blank = record.len() == 1 && record[0].text.is_empty() && !record[0].quoted;
            if record.len() != keys.len() && !blank {
                let what = if record.len() > keys.len() {
                    "the extra fields are dropped"
                } else {
                    "the missing ones are left unset"
                };
                notes.push((
                    format!("line {line}"),
                    format!(
                        "{} fields where the header has {}; {what}, as Newman does",
                        record.len(),
                        keys.len()
                    ),
                ));
            }
            let mut row = DataRow::new();
            for (key, field) in keys.iter().zip(record) {
                row.insert(key.clone(), cast(field));
            }
            row
        })
        .collect();
    Ok((rows, notes))
}

/// csv-parse's `cast` as Newman uses it: an unquoted field that both `Number()` and
/// `parseFloat()` read as a number becomes `parseFloat(field)` (so `1e3` is 1000 and `0x10`
/// is 0); anything else stays text.
fn cast(field: Field) -> Value {
    if !field.quoted {
        let as_text = Value::String(field.text);
        let number = js_to_number(&as_text)
            .and_then(|_| as_text.as_str().and_then(js_parse_float))
            .filter(|f| f.is_finite());
        if let Some(f) = number {
            return number_value(f);
        }
        return as_text;
    }
    Value::String(field.text)
}

/// The records of CSV text, each with the line it starts on.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<Field>)>, String> {
    let mut records = Vec::new();
    let mut record_line = 1;
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    // Line and column (1-based) of the character read last, and where the open quote was.
    let (mut line, mut column) = (1usize, 0usize);
    let mut opened = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    let finish_field = |field: &mut String, quoted: &mut bool, record: &mut Vec<Field>| {
        let text = if *quoted {
            std::mem::take(field)
        } else {
            std::mem::take(field).trim().to_string()
        };
        record.push(Field {
            text,
            quoted: *quoted,
        });
        *quoted = false;
    };
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quoted = true;
                opened = (line, column);
            }
            ',' => finish_field(&mut field, &mut quoted, &mut record),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_field(&mut field, &mut quoted, &mut record);
                records.push((record_line, std::mem::take(&mut record)));
                record_line = line;
            }
            _ if quoted => {} // text after a closing quote is dropped (relaxed quotes)
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(format!(
            "the quoted field opened at line {}, column {} never closes",
            opened.0, opened.1
        ));
    }
    if !field.is_empty() || quoted || !record.is_empty() {
        finish_field(&mut field, &mut quoted, &mut record);
        records.push((record_line, record));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn data_csv_unterminated_quote_is_an_error_naming_where() {
        let err = parse_csv("a,b\n1,\"x\n2,3\n").err().unwrap_or_default();
        assert_eq!(
            err,
            "the quoted field opened at line 2, column 3 never closes"
        );
    }

    /// Found by the fuzz tests (issue 12): the second quote of each `""` was not counted, so an
    /// unclosed quote after one was placed a column too early.
    #[test]
    fn data_csv_unclosed_quote_after_escaped_quotes_names_its_column_issue_12() {
        let err = parse_csv("\"\"\"\",\"").err().unwrap_or_default();
        assert_eq!(
            err,
            "the quoted field opened at line 1, column 6 never closes"
        );
        let err = parse_csv("a\n\"x\"\"y\"\"\",\"z").err().unwrap_or_default();
        assert_eq!(
            err,
            "the quoted field opened at line 2, column 10 never closes"
        );
    }

    #[test]
    fn data_csv_numeric_header_is_an_error_quoted_one_is_not() {
        let err = parse_csv("a,1\nx,2\n").err().unwrap_or_default();
        assert!(
            err.contains("column 2") && err.contains("number 1"),
            "{err}"
        );
        let rows = parse_csv("a,\"1\"\nx,2\n").unwrap_or_default();
        assert_eq!(rows[0]["1"], serde_json::json!(2));
    }

    #[test]
    fn data_csv_casts_unquoted_numbers_and_keeps_quoted_text() {
        let rows =
            parse_csv("\u{feff}id, name ,price\n1,\"a, b\",2.5\n\"7\",x,-3\n").unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["id"], json!(1));
        assert_eq!(rows[0]["name"], json!("a, b"));
        assert_eq!(rows[0]["price"], json!(2.5));
        assert_eq!(rows[1]["id"], json!("7"));
        assert_eq!(rows[1]["price"], json!(-3));
    }

    #[test]
    fn data_csv_handles_escaped_quotes_newlines_and_crlf() {
        let rows = parse_csv("a,b\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n").unwrap_or_default();
        assert_eq!(rows[0]["a"], json!("say \"hi\""));
        assert_eq!(rows[0]["b"], json!("two\nlines"));
    }

    #[test]
    fn data_csv_casts_like_parse_float_and_keeps_blank_lines() {
        let rows = parse_csv("a,b\n1e3,0x10\n\ntrue,007\n").unwrap_or_default();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0]["a"], json!(1000));
        assert_eq!(rows[0]["b"], json!(0));
        assert_eq!(rows[1]["a"], json!(""));
        assert_eq!(rows[2]["a"], json!("true"));
        assert_eq!(rows[2]["b"], json!(7));
    }

    #[test]
    fn data_json_rows_that_are_not_objects_are_noted() {
        let mut notes = Vec::new();
        let mut note = |at: &str, m: &str| notes.push(format!("{at}: {m}"));
        assert_eq!(json_rows(json!([{"a": 1}]), &mut note).len(), 1);
        let rows = json_rows(json!([1, [true, "x"], {"a": 1}]), &mut note);
        assert_eq!(rows.len(), 3);
        assert!(rows[0].is_empty());
        assert_eq!(rows[1]["1"], json!("x"));
        assert!(json_rows(json!({"a": 1}), &mut note).is_empty());
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].starts_with("[0]: expected an object, found a number"));
        assert!(notes[2].starts_with("(the file): expected a list of rows"));
    }

    #[test]
    fn data_csv_ragged_rows_are_noted_with_their_line() {
        let (rows, notes) = csv_rows("v,w\n1,2,3\n\n4\n\"a\nb\",6\n7,8\n").unwrap_or_default();
        assert_eq!(rows.len(), 5);
        let lines: Vec<_> = notes.iter().map(|(at, _)| at.as_str()).collect();
        assert_eq!(lines, ["line 2", "line 4"]);
        assert!(
            notes[0]
                .1
                .starts_with("3 fields where the header has 2; the extra")
        );
        assert!(notes[1].1.contains("missing ones are left unset"));
    }
}
