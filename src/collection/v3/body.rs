//! Request bodies both ways: v2.1 `{mode, raw | urlencoded | formdata | file | graphql,
//! options}` ↔ v3 `{type, content}`. A body of an unusual shape is written as what Newman sends
//! for it (a string body is raw text, an unknown mode is raw, a disabled body is none), with a
//! warning.

use serde_json::{Map, Value, json};

use super::warn::{Warnings, join};
use crate::collection::js_value::{js_string, truthy};

/// The raw-body languages v3 names as body types (`text` is a raw body without a language).
const RAW_TYPES: [&str; 5] = ["json", "xml", "html", "javascript", "text"];

/// The v2.1 modes, each a v3 type of its own.
const MODES: [&str; 5] = ["raw", "urlencoded", "formdata", "file", "graphql"];

/// v2.1 `body` (at `at`) as v3's `{type, content}`; `None` when no body is sent.
/// `json_content_type`: the request's own `Content-Type` header is JSON (a raw body without a
/// language then has its comments stripped, one with a language does not).
pub(super) fn body_to_v3(
    body: &Value,
    json_content_type: bool,
    at: &str,
    warn: &mut Warnings,
) -> Option<Value> {
    let obj = match body {
        Value::Object(obj) => obj,
        Value::String(s) => {
            warn.lost(
                at,
                "a string, not a body object; written as a raw text body (what Newman sends)",
            );
            return Some(json!({"type": "text", "content": s}));
        }
        Value::Null => return None,
        _ => {
            warn.lost(at, "not a body object (Newman sends no body); dropped");
            return None;
        }
    };
    if let Some(disabled) = obj.get("disabled") {
        let why = if truthy(disabled) {
            "a disabled body (not sent); v3 has no disabled body; dropped"
        } else {
            "`disabled` (false: the body is sent); v3 has no such field; dropped"
        };
        warn.lost(&join(at, "disabled"), why);
        if truthy(disabled) {
            return None;
        }
    }
    let mode = mode(obj.get("mode"), at, warn)?;
    let known = ["mode", "disabled", "options", mode.as_str()];
    warn.unknown_keys(obj, &known, at, "a v3 body");
    check_options(obj.get("options"), &mode, at, warn);
    let content_at = join(at, &mode);
    let (kind, content) = match mode.as_str() {
        "raw" => (
            raw_type(body, json_content_type, at, warn).to_string(),
            raw_content(obj.get("raw"), &content_at, warn),
        ),
        "file" => match obj.get("file") {
            None | Some(Value::Null) => {
                warn.lost(
                    &content_at,
                    "a file body without a file (Newman sends none); dropped",
                );
                return None;
            }
            Some(file) => (mode.clone(), file_content(file, &content_at, warn)),
        },
        _ => (mode.clone(), obj.get(&mode).cloned()),
    };
    if kind == "graphql" {
        warn.lost(at, "a GraphQL body: Postman's v3 writes GraphQL as graphql-request files; kept as body type `graphql` (postie's)");
    }
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if let Some(content) = content {
        out.insert("content".into(), content);
    }
    Some(Value::Object(out))
}

/// The v3 type of a raw body: its language when v3 has it, else `text` (or `json` under a JSON
/// `Content-Type`, which sends it the same way).
fn raw_type(body: &Value, json_content_type: bool, at: &str, warn: &mut Warnings) -> &'static str {
    let language = body
        .pointer("/options/raw/language")
        .and_then(Value::as_str);
    match language {
        Some(l) => RAW_TYPES
            .iter()
            .find(|t| **t == l)
            .copied()
            .unwrap_or("text"),
        // Comments are stripped from it, as from a `json` one (whose type the header
        // overrides): `text` would send them.
        None if json_content_type => {
            let why = "a raw body without a language under a JSON Content-Type: written as \
                       type `json`, which is sent the same way";
            warn.lost(&join(at, "options"), why);
            "json"
        }
        None => "text",
    }
}

/// The body's mode as Newman reads it (lower case; not a string, or unknown: `raw`); `None`
/// when it has none (no body is sent).
fn mode(mode: Option<&Value>, at: &str, warn: &mut Warnings) -> Option<String> {
    let at = join(at, "mode");
    match mode {
        None | Some(Value::Null) => {
            warn.lost(&at, "a body without a mode (Newman sends none); dropped");
            None
        }
        Some(Value::String(m)) if MODES.contains(&m.as_str()) => Some(m.clone()),
        Some(Value::String(m)) if MODES.contains(&m.to_ascii_lowercase().as_str()) => {
            warn.lost(&at, &format!("`{m}` is read in lower case; written so"));
            Some(m.to_ascii_lowercase())
        }
        Some(other) => {
            warn.lost(
                &at,
                &format!(
                    "{} is not a mode v3 names; read as `raw`, as Newman does",
                    js_string(other)
                ),
            );
            Some("raw".into())
        }
    }
}

/// A raw body's text as Newman sends it: a string as is, an object as its JSON text, a number
/// or a boolean as none (an empty text).
fn raw_content(raw: Option<&Value>, at: &str, warn: &mut Warnings) -> Option<Value> {
    match raw? {
        s @ (Value::String(_) | Value::Null | Value::Array(_)) => Some(s.clone()),
        obj @ Value::Object(_) => {
            warn.lost(
                at,
                "an object, not text; written as its JSON text (what Newman sends)",
            );
            Some(json!(obj.to_string()))
        }
        _ => {
            warn.lost(
                at,
                "not text (Newman sends no body); written as an empty body",
            );
            Some(json!(""))
        }
    }
}

/// A file body's `src` (`None`: no usable file, which Newman reports when sending).
fn file_content(file: &Value, at: &str, warn: &mut Warnings) -> Option<Value> {
    match file {
        Value::Object(f) => {
            warn.unknown_keys(f, &["src"], at, "a v3 file body");
            match f.get("src") {
                Some(Value::String(s)) => Some(json!(s)),
                Some(Value::Null) | None => None,
                Some(_) => {
                    warn.lost(
                        &join(at, "src"),
                        "not a file path (Newman reports an invalid file source); dropped",
                    );
                    None
                }
            }
        }
        Value::String(s) => {
            warn.lost(at, "a string, not a file object; written as its `src`");
            Some(json!(s))
        }
        _ => {
            warn.lost(
                at,
                "not a file object (Newman reports an invalid file source); dropped",
            );
            None
        }
    }
}

/// Warn for body `options` other than a raw body's language v3 names as a type.
fn check_options(options: Option<&Value>, mode: &str, at: &str, warn: &mut Warnings) {
    let Some(options) = options.and_then(Value::as_object) else {
        return;
    };
    for (key, value) in options {
        let at = join(at, &format!("options.{key}"));
        let language = value.get("language").and_then(Value::as_str);
        let only_language = value
            .as_object()
            .is_some_and(|o| o.keys().all(|k| k == "language"));
        if key != "raw" || mode != "raw" || !only_language {
            warn.lost(&at, "body options v3 has no field for; dropped");
        } else if language.is_some_and(|l| !RAW_TYPES.contains(&l)) {
            warn.lost(
                &at,
                "a raw language v3 has no body type for; written as `text`",
            );
        }
    }
}

/// v3 `body` back to v2.1's shape.
/// v3 `body` back to v2.1's shape. `json_content_type`: the request sets a JSON `Content-Type`,
/// under which a `text` body keeps its language (`text`: comments are sent as written).
pub(super) fn body_to_v21(
    body: &Value,
    json_content_type: bool,
    at: &str,
    warn: &mut Warnings,
) -> Option<Value> {
    let obj = body.as_object()?;
    warn.unknown_keys(obj, &["type", "content"], at, "a v2.1 body");
    let kind = obj.get("type").and_then(Value::as_str).unwrap_or("none");
    let content = obj.get("content").cloned();
    let out = match kind {
        "none" => json!({"mode": "none"}),
        "text" | "json" | "xml" | "html" | "javascript" => {
            let mut m = Map::new();
            m.insert("mode".into(), json!("raw"));
            if let Some(raw) = content {
                m.insert("raw".into(), raw);
            }
            if kind != "text" || json_content_type {
                m.insert("options".into(), json!({"raw": {"language": kind}}));
            }
            Value::Object(m)
        }
        "file" => match content {
            Some(src) => json!({"mode": "file", "file": {"src": src}}),
            None => json!({"mode": "file", "file": {}}),
        },
        "urlencoded" | "formdata" | "graphql" => {
            let mut m = Map::new();
            m.insert("mode".into(), json!(kind));
            if let Some(content) = content {
                m.insert(kind.into(), content);
            }
            Value::Object(m)
        }
        other => {
            warn.lost(
                &join(at, "type"),
                &format!("body type `{other}` is not one postie knows; dropped"),
            );
            return None;
        }
    };
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_go_both_ways() {
        let mut w = Warnings::default();
        for body in [
            json!({"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}}),
            json!({"mode": "raw", "raw": "x"}),
            json!({"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "b"}]}),
            json!({"mode": "file", "file": {"src": "f.bin"}}),
            json!({"mode": "file", "file": {}}),
        ] {
            let v3 = body_to_v3(&body, false, "body", &mut w).unwrap();
            assert_eq!(body_to_v21(&v3, false, "body", &mut w), Some(body));
        }
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn unusual_bodies_are_what_newman_sends() {
        let mut w = Warnings::default();
        let v3 = |b: Value, w: &mut Warnings| body_to_v3(&b, false, "body", w);
        assert_eq!(
            v3(
                json!({"mode": "raw", "raw": "x", "disabled": "yes"}),
                &mut w
            ),
            None
        );
        assert_eq!(
            v3(json!({"mode": 7, "raw": "r"}), &mut w),
            Some(json!({"type": "text", "content": "r"}))
        );
        assert_eq!(
            v3(json!("s"), &mut w),
            Some(json!({"type": "text", "content": "s"}))
        );
        assert_eq!(v3(json!({"mode": "file"}), &mut w), None);
        assert_eq!(w.0.len(), 4);
    }
}
