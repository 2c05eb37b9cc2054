//! The fields requests, folders and the collection share, both ways: auth, scripts and bodies.
//! Lists of `{key, value, …}` entries (headers, query parameters, variables, form fields) have
//! the same shape in both formats and are copied as they are.

use serde_json::{Map, Value, json};

use super::warn::{Warnings, join};

/// The raw-body languages v3 names as body types.
const RAW_TYPES: [&str; 5] = ["json", "xml", "html", "javascript", "text"];

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

/// v2.1 `event` as v3 `scripts`; `prefix` is `http:` in definitions, empty in requests.
pub(super) fn scripts_to_v3(events: &Value, prefix: &str, at: &str, warn: &mut Warnings) -> Value {
    let Some(list) = events.as_array() else {
        warn.lost(at, "not a list of events; dropped");
        return json!([]);
    };
    let mut out = Vec::new();
    for (i, event) in list.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let Some(obj) = event.as_object() else {
            warn.lost(&at, "not an event object; dropped");
            continue;
        };
        warn.unknown_keys(obj, &["listen", "script"], &at, "a v3 script");
        let kind = match obj.get("listen").and_then(Value::as_str) {
            Some("prerequest") => "beforeRequest",
            Some("test") => "afterResponse",
            _ => {
                warn.lost(
                    &join(&at, "listen"),
                    "neither `prerequest` nor `test`; dropped",
                );
                continue;
            }
        };
        let script = obj.get("script").and_then(Value::as_object);
        let empty = Map::new();
        let script = script.unwrap_or(&empty);
        let known = ["exec", "type", "packages"];
        warn.unknown_keys(script, &known, &join(&at, "script"), "a v3 script");
        if script.get("packages").is_some_and(|p| p != &json!({})) {
            warn.lost(&join(&at, "script.packages"), "script packages; dropped");
        }
        let code = match script.get("exec") {
            Some(Value::Array(lines)) => lines
                .iter()
                .map(|l| l.as_str().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n"),
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let language = script
            .get("type")
            .cloned()
            .unwrap_or(json!("text/javascript"));
        out.push(json!({"type": format!("{prefix}{kind}"), "code": code, "language": language}));
    }
    Value::Array(out)
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
        let language = obj
            .get("language")
            .cloned()
            .unwrap_or(json!("text/javascript"));
        out.push(json!({"listen": listen, "script": {"exec": exec, "type": language}}));
    }
    Value::Array(out)
}

/// v2.1 `body` as v3's `{type, content}`; `None` when there is no body to send.
pub(super) fn body_to_v3(body: &Value, at: &str, warn: &mut Warnings) -> Option<Value> {
    let obj = body.as_object()?;
    if obj.get("disabled") == Some(&Value::Bool(true)) {
        warn.lost(
            at,
            "a disabled body (not sent); v3 has no disabled body; dropped",
        );
        return None;
    }
    let mode = obj.get("mode").and_then(Value::as_str);
    let known = ["mode", "disabled", "options", mode.unwrap_or("mode")];
    warn.unknown_keys(obj, &known, at, "a v3 body");
    let language = body
        .pointer("/options/raw/language")
        .and_then(Value::as_str);
    check_options(obj.get("options"), mode, at, warn);
    let (kind, content) = match mode {
        Some("raw") => match language {
            Some(l) if RAW_TYPES.contains(&l) => (l, obj.get("raw")),
            _ => ("text", obj.get("raw")),
        },
        Some("file") => ("file", obj.get("file").and_then(|f| f.get("src"))),
        Some(m @ ("urlencoded" | "formdata" | "graphql")) => (m, obj.get(m)),
        Some("none") | None => ("none", None),
        Some(other) => {
            warn.lost(
                &join(at, "mode"),
                &format!("body mode `{other}` has no v3 body type; dropped"),
            );
            return None;
        }
    };
    if kind == "graphql" {
        warn.lost(at, "a GraphQL body: v3 writes GraphQL as graphql-request files, which postie does not run; kept as body type `graphql`");
    }
    if let (Some("file"), Some(file)) = (mode, obj.get("file").and_then(Value::as_object)) {
        warn.unknown_keys(file, &["src"], &join(at, "file"), "a v3 file body");
    }
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if let Some(content) = content {
        out.insert("content".into(), content.clone());
    }
    Some(Value::Object(out))
}

/// Warn for body `options` other than a raw body's language.
fn check_options(options: Option<&Value>, mode: Option<&str>, at: &str, warn: &mut Warnings) {
    let Some(options) = options.and_then(Value::as_object) else {
        return;
    };
    for (key, value) in options {
        let raw_language_only = key == "raw"
            && mode == Some("raw")
            && value
                .as_object()
                .is_some_and(|o| o.keys().all(|k| k == "language"))
            && value
                .get("language")
                .and_then(Value::as_str)
                .is_none_or(|l| RAW_TYPES.contains(&l));
        if !raw_language_only {
            warn.lost(
                &join(at, &format!("options.{key}")),
                "body options v3 has no field for; dropped",
            );
        }
    }
}

/// v3 `body` back to v2.1's shape.
pub(super) fn body_to_v21(body: &Value, at: &str, warn: &mut Warnings) -> Option<Value> {
    let obj = body.as_object()?;
    warn.unknown_keys(obj, &["type", "content"], at, "a v2.1 body");
    let kind = obj.get("type").and_then(Value::as_str).unwrap_or("none");
    let content = obj.get("content").cloned();
    let out = match kind {
        "none" => json!({"mode": "none"}),
        "text" => json!({"mode": "raw", "raw": content.unwrap_or(json!(""))}),
        "json" | "xml" | "html" | "javascript" => json!({
            "mode": "raw", "raw": content.unwrap_or(json!("")),
            "options": {"raw": {"language": kind}}
        }),
        "file" => json!({"mode": "file", "file": {"src": content.unwrap_or(Value::Null)}}),
        "urlencoded" | "formdata" | "graphql" => {
            let mut m = Map::new();
            m.insert("mode".into(), json!(kind));
            m.insert(kind.into(), content.unwrap_or(json!([])));
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
    }

    #[test]
    fn bodies_go_both_ways() {
        let mut w = Warnings::default();
        for body in [
            json!({"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}}),
            json!({"mode": "raw", "raw": "x"}),
            json!({"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "b"}]}),
            json!({"mode": "file", "file": {"src": "f.bin"}}),
        ] {
            let v3 = body_to_v3(&body, "body", &mut w).unwrap();
            assert_eq!(body_to_v21(&v3, "body", &mut w), Some(body));
        }
        assert!(w.is_empty(), "{w:?}");
        let disabled = json!({"mode": "raw", "raw": "x", "disabled": true});
        assert_eq!(body_to_v3(&disabled, "body", &mut w), None);
        assert_eq!(w.0.len(), 1);
    }
}
