//! Iteration data files (`-d`): a JSON array of objects, or CSV with a header row. As in Newman,
//! JSON is tried first; CSV fields are trimmed, a BOM is dropped, quoted fields may hold commas,
//! quotes (`""`) and newlines, and unquoted integers and decimals become numbers.

use super::js_value::{js_parse_float, js_to_number, number_value};
use super::json::{decode_text, parse_text};
use crate::diagnostic::Diagnostic;
use indexmap::IndexMap;
use serde_json::Value;
use std::path::Path;

/// One iteration's variables.
pub type DataRow = IndexMap<String, Value>;

/// Load `path` as iteration data.
pub fn load_data_file(path: &Path) -> Result<Vec<DataRow>, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::in_file(path, format!("cannot read iteration data file: {e}"))
            .with_hint("check the path given to -d/--iteration-data")
    })?;
    let text = decode_text(&bytes, path, "iteration data")?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        return json_rows(parse_text(&text, path, "iteration data")?, path);
    }
    parse_csv(&text).map_err(|e| {
        Diagnostic::in_file(path, format!("iteration data could not be loaded: {e}"))
            .with_hint("close the quoted field with a \" (a quote inside one is written \"\")")
    })
}

fn json_rows(doc: Value, path: &Path) -> Result<Vec<DataRow>, Diagnostic> {
    let rows = match doc {
        Value::Array(rows) => rows,
        // Newman runs a single object as no data at all (one iteration, nothing bound).
        Value::Object(_) => return Ok(Vec::new()),
        _ => {
            return Err(Diagnostic::in_file(
                path,
                "iteration data must be an array of objects, one per iteration",
            ));
        }
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| match row {
            Value::Object(map) => Ok(map.into_iter().collect()),
            _ => Err(Diagnostic::in_file(
                path,
                format!("iteration data entry [{i}] is not an object"),
            )),
        })
        .collect()
}

/// A parsed CSV field and whether it was quoted.
struct Field {
    text: String,
    quoted: bool,
}

/// Parse CSV text into rows keyed by the header row. A quoted field that never closes is an
/// error naming where it opened (Newman cannot load such a file either).
pub fn parse_csv(text: &str) -> Result<Vec<DataRow>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = csv_records(text)?;
    let mut iter = records.into_iter();
    let Some(header) = iter.next() else {
        return Ok(Vec::new());
    };
    let keys: Vec<String> = header.into_iter().map(|f| f.text).collect();
    // Blank lines are rows too (with the first column empty), as csv-parse reads them.
    Ok(iter
        .map(|record| {
            let mut row = DataRow::new();
            for (key, field) in keys.iter().zip(record) {
                row.insert(key.clone(), cast(field));
            }
            row
        })
        .collect())
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

fn csv_records(text: &str) -> Result<Vec<Vec<Field>>, String> {
    let mut records = Vec::new();
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
                records.push(std::mem::take(&mut record));
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
        records.push(record);
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
    fn data_json_rows_must_be_objects() {
        let p = Path::new("d.json");
        assert_eq!(json_rows(json!([{"a": 1}]), p).map(|r| r.len()), Ok(1));
        assert!(json_rows(json!([1]), p).is_err());
        assert_eq!(json_rows(json!({"a": 1}), p).map(|r| r.len()), Ok(0));
    }
}
