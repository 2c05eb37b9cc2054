//! Request headers: the v1 `headers` string of `Key: value` lines (or an array) merged under
//! the `headerData` list.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::util::{array, drop_falsy, id_key, path, wrong};

/// JavaScript's `\s`, for the header line rules.
fn js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// One `Key: value` line, matched the way the transformer's header pattern does: the key is
/// the longest run of non-blank characters (optionally after `//` and blanks) that is followed
/// by `:`; the value is the rest of the line, trimmed. Lines that do not match are skipped.
fn header_line(line: &str) -> Option<(String, String)> {
    let split_at = |start: usize| -> Option<usize> {
        let rest = &line[start..];
        let run_end = rest.find(js_space).unwrap_or(rest.len());
        let colon = rest[..run_end].rfind(':')?;
        (colon > 0).then_some(start + colon)
    };
    let commented = line.strip_prefix("//").map(|rest| {
        let blanks = rest.len() - rest.trim_start_matches(js_space).len();
        2 + blanks
    });
    let colon = commented.and_then(split_at).or_else(|| split_at(0))?;
    let key = line[..colon].to_string();
    let value = line[colon + 1..].trim_matches(js_space).to_string();
    Some((key, value))
}

/// A v1 header string → `[{key, value, disabled?}]`. Continuation lines (CRLF then a blank) are
/// folded into the line before.
pub(super) fn parse_header_string(s: &str) -> Vec<Map<String, Value>> {
    let folded = s.replace("\r\n ", " ").replace("\r\n\t", "\t");
    folded
        .split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .filter_map(header_line)
        .map(|(key, value)| {
            let mut h = Map::new();
            let (key, disabled) = match key.strip_prefix("//") {
                Some(rest) => (rest.trim_matches(js_space).to_string(), true),
                None => (key, false),
            };
            h.insert("key".into(), Value::String(key));
            h.insert("value".into(), Value::String(value));
            if disabled {
                h.insert("disabled".into(), Value::Bool(true));
            }
            h
        })
        .collect()
}

/// `headers` (an array is kept as is; a string is parsed) merged under `headerData`.
pub(super) fn headers(r: &Map<String, Value>, at: &str) -> Result<Vec<Value>, String> {
    let from_string = match r.get("headers") {
        Some(Value::Array(a)) => return Ok(a.clone()),
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => parse_header_string(s),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => parse_header_string(&v.to_string()),
        Some(other) => {
            return Err(wrong(
                &path(at, "headers"),
                "a string of header lines or an array",
                other,
            ));
        }
    };
    let data_at = path(at, "headerData");
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, h) in array(r.get("headerData"), &data_at)?.iter().enumerate() {
        let mut h = match h {
            Value::Null => continue,
            Value::Object(h) => h.clone(),
            other => return Err(wrong(&format!("{data_at}[{i}]"), "a header object", other)),
        };
        let key = match h.get("key") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
            _ => None,
        };
        if let Some(key) = &key {
            let off = h.get("enabled").and_then(Value::as_bool) == Some(false);
            if key.starts_with("//") || off {
                h.insert("disabled".into(), Value::Bool(true));
                let key = key.replacen("//", "", 1).trim_matches(js_space).to_string();
                h.insert("key".into(), Value::String(key));
            }
        }
        drop_falsy(&mut h, "description");
        h.remove("enabled");
        seen.insert(id_key(h.get("key"), "").unwrap_or_default());
        out.push(Value::Object(h));
    }
    for h in from_string {
        let key = h.get("key").and_then(Value::as_str).unwrap_or_default();
        if !seen.contains(key) {
            out.push(Value::Object(h));
        }
    }
    Ok(out)
}
