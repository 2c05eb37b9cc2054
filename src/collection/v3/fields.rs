//! The fields requests, folders and the collection share, both ways: auth and scripts.
//! Lists of `{key, value, …}` entries (headers, query parameters, variables, form fields) have
//! the same shape in both formats and are copied as they are.

use serde_json::{Map, Value, json};

use super::warn::{Warnings, join};
use crate::collection::js_value::{js_string, truthy};

/// v2.1 `auth` (`{type, <type>: [...]}`) as v3's `{type, credentials}`.
pub(super) fn auth_to_v3(auth: &Value, at: &str, warn: &mut Warnings) -> Value {
    let Some(obj) = auth.as_object() else {
        return auth.clone();
    };
    let Some(kind) = obj.get("type").and_then(Value::as_str) else {
        warn.lost(at, "an auth without a type; v3 cannot hold it; dropped");
        return Value::Null;
    };
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if let Some(credentials) = obj.get(kind) {
        out.insert("credentials".into(), credentials.clone());
    }
    for key in obj.keys().filter(|k| *k != "type" && *k != kind) {
        warn.lost(
            &join(at, key),
            &format!(
                "settings of another auth type than `{kind}`; v3 keeps only the active one; dropped"
            ),
        );
    }
    Value::Object(out)
}

/// v3 `auth` back to v2.1's shape.
pub(super) fn auth_to_v21(auth: &Value, at: &str, warn: &mut Warnings) -> Value {
    let Some(obj) = auth.as_object() else {
        if auth.is_array() {
            let why = "several auth configurations (multi-auth): v2.1 and Newman have one; dropped";
            warn.lost(at, why);
            return Value::Null;
        }
        return auth.clone();
    };
    warn.unknown_keys(obj, &["type", "credentials"], at, "a v2.1 auth");
    let kind = obj.get("type").and_then(Value::as_str).unwrap_or("noauth");
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if let Some(credentials) = obj.get("credentials") {
        out.insert(kind.into(), credentials.clone());
    }
    Value::Object(out)
}

/// v2.1 `event` as v3 `scripts`; `prefix` is `http:` in definitions, empty in requests. Read as
/// Newman reads it: a single event object is a list of one, a disabled event or another
/// listener never runs (dropped), a `script` that is its `exec` is read so.
pub(super) fn scripts_to_v3(events: &Value, prefix: &str, at: &str, warn: &mut Warnings) -> Value {
    let list = match events {
        Value::Array(list) => list.iter().collect(),
        Value::Object(_) => {
            warn.lost(at, "a single event, not a list; written as a list of one");
            vec![events]
        }
        Value::Null => Vec::new(),
        _ => {
            warn.lost(at, "not a list of events (Newman runs none); dropped");
            Vec::new()
        }
    };
    let mut out = Vec::new();
    for (i, event) in list.into_iter().enumerate() {
        let at = format!("{at}[{i}]");
        if let Some(script) = script_to_v3(event, prefix, &at, warn) {
            out.push(script);
        }
    }
    Value::Array(out)
}

/// One v2.1 event as a v3 script; `None` (with a warning) when it never runs.
fn script_to_v3(event: &Value, prefix: &str, at: &str, warn: &mut Warnings) -> Option<Value> {
    let Some(obj) = event.as_object() else {
        warn.lost(at, "not an event object (Newman runs none); dropped");
        return None;
    };
    warn.unknown_keys(obj, &["listen", "script", "disabled"], at, "a v3 script");
    let kind = match obj.get("listen").and_then(Value::as_str) {
        Some("prerequest") => "beforeRequest",
        Some("test") => "afterResponse",
        _ => {
            warn.lost(
                &join(at, "listen"),
                "neither `prerequest` nor `test` (never run); dropped",
            );
            return None;
        }
    };
    if let Some(disabled) = obj.get("disabled") {
        if truthy(disabled) {
            warn.lost(
                &join(at, "disabled"),
                "a disabled script (never run); v3 has no disabled script; dropped",
            );
            return None;
        }
        warn.lost(
            &join(at, "disabled"),
            "`disabled` (false: the script runs); v3 has no such field; dropped",
        );
    }
    let (exec, language) = match obj.get("script") {
        Some(Value::Object(script)) => {
            let known = ["exec", "type", "packages"];
            warn.unknown_keys(script, &known, &join(at, "script"), "a v3 script");
            if script.get("packages").is_some_and(|p| p != &json!({})) {
                warn.lost(&join(at, "script.packages"), "script packages; dropped");
            }
            (script.get("exec"), script.get("type").cloned())
        }
        other => {
            let why =
                "not a script object; its value is read as the script's lines, as Newman does";
            warn.lost(&join(at, "script"), why);
            (other, None)
        }
    };
    let code = script_code(exec, at, warn);
    let mut out = json!({"type": format!("{prefix}{kind}"), "code": code});
    if let Some(language) = language {
        out["language"] = language;
    }
    Some(out)
}

/// A v2.1 script's `exec` as the text of a v3 script: lines joined, with a warning for what
/// cannot be carried as it was.
fn script_code(exec: Option<&Value>, at: &str, warn: &mut Warnings) -> String {
    if exec.is_none_or(|e| e.is_null() || e.as_array().is_some_and(Vec::is_empty)) {
        warn.lost(
            &join(at, "script.exec"),
            "no script lines; written as an empty script",
        );
    }
    let code = match exec {
        Some(Value::Array(lines)) => lines
            .iter()
            .map(|l| {
                if l.is_null() {
                    String::new()
                } else {
                    js_string(l)
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => String::new(),
        Some(_) => {
            warn.lost(
                &join(at, "script.exec"),
                "not a script text (Newman runs none); dropped",
            );
            String::new()
        }
    };
    if exec
        .and_then(Value::as_array)
        .is_some_and(|l| l.iter().any(|x| !x.is_string()))
    {
        warn.lost(
            &join(at, "script.exec"),
            "lines that are not strings; written as their text",
        );
    }
    code
}

/// v3 `scripts` back to v2.1 `event`s.
pub(super) fn scripts_to_v21(scripts: &Value, at: &str, warn: &mut Warnings) -> Value {
    let Some(list) = scripts.as_array() else {
        warn.lost(at, "not a list of scripts; dropped");
        return json!([]);
    };
    let mut out = Vec::new();
    for (i, script) in list.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let Some(obj) = script.as_object() else {
            warn.lost(&at, "not a script object; dropped");
            continue;
        };
        warn.unknown_keys(obj, &["type", "code", "language"], &at, "a v2.1 event");
        let kind = obj.get("type").and_then(Value::as_str).unwrap_or("");
        let listen = match kind.strip_prefix("http:").unwrap_or(kind) {
            "beforeRequest" => "prerequest",
            "afterResponse" => "test",
            _ => {
                warn.lost(
                    &join(&at, "type"),
                    &format!("`{kind}` is not an HTTP script type postie runs; dropped"),
                );
                continue;
            }
        };
        let code = obj.get("code").and_then(Value::as_str).unwrap_or("");
        let exec: Vec<&str> = code.split('\n').collect();
        let mut script = json!({"exec": exec});
        if let Some(language) = obj.get("language") {
            script["type"] = language.clone();
        }
        out.push(json!({"listen": listen, "script": script}));
    }
    Value::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_and_scripts_go_both_ways() {
        let mut w = Warnings::default();
        let auth = json!({"type": "basic", "basic": [{"key": "username", "value": "u", "type": "string"}]});
        let v3 = auth_to_v3(&auth, "auth", &mut w);
        assert_eq!(v3["credentials"][0]["value"], "u");
        assert_eq!(auth_to_v21(&v3, "auth", &mut w), auth);
        let events =
            json!([{"listen": "test", "script": {"exec": ["a", "b"], "type": "text/javascript"}}]);
        let v3 = scripts_to_v3(&events, "http:", "event", &mut w);
        assert_eq!(v3[0]["type"], "http:afterResponse");
        assert_eq!(v3[0]["code"], "a\nb");
        assert_eq!(scripts_to_v21(&v3, "scripts", &mut w), events);
        assert!(w.is_empty(), "{w:?}");
        let multi = json!([{"id": "a", "type": "basic", "credentials": []}]);
        assert_eq!(auth_to_v21(&multi, "auth", &mut w), Value::Null);
        assert_eq!(w.0.len(), 1);
    }
}
