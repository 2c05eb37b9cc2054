//! URLs both ways. A v3 request holds its URL as text (`url`), its query parameters
//! (`queryParams`) and path variables (`pathVariables`) as lists; a v2.1 URL is a string, or an
//! object whose `raw` text Newman ignores in favour of its parts (`protocol`, `host`, `port`,
//! `path`, `query`, `hash`, `variable`).
//!
//! An object URL becomes its `raw` text when the parts are exactly what that text splits into
//! ([`split_raw`]), which is how Postman writes them; otherwise v3 keeps the URL the parts make
//! (what Newman sends), with a warning.

use std::cell::RefCell;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::warn::{Warnings, join};
use crate::collection::parts::{Ctx, Notes};
use crate::collection::request::url as read_url;

/// The parts of an object URL that are derived from its text.
const TEXT_PARTS: [&str; 6] = ["protocol", "auth", "host", "port", "path", "hash"];

/// A v2.1 `url` as v3's `url` text, with `queryParams` and `pathVariables` when it is an object.
pub(super) struct V3Url {
    /// The URL text.
    pub text: Option<Value>,
    /// `query`, for an object URL (an empty list when it has none).
    pub query: Option<Value>,
    /// `variable`, when the object URL has it.
    pub variables: Option<Value>,
}

/// The v3 form of a v2.1 `url` (at `at`, for warnings).
pub(super) fn to_v3(url: Option<&Value>, at: &str, warn: &mut Warnings) -> V3Url {
    let obj = match url {
        Some(Value::Object(obj)) => obj,
        other => {
            return V3Url {
                text: other.cloned(),
                query: None,
                variables: None,
            };
        }
    };
    let known = [
        "raw", "protocol", "auth", "host", "port", "path", "query", "hash", "variable",
    ];
    warn.unknown_keys(obj, &known, at, "a v3 url");
    let raw = obj.get("raw").and_then(Value::as_str);
    let derived = raw.map(split_raw);
    let same = derived.as_ref().is_some_and(|d| {
        TEXT_PARTS
            .iter()
            .all(|k| d.get(*k) == obj.get(*k).filter(|v| !v.is_null()))
    });
    let text = match raw {
        Some(raw) if same => raw.to_string(),
        _ => {
            let why = if raw.is_some() {
                "the URL's raw text and its parts disagree; v3 keeps one URL text, the one the \
                 parts make (what Newman sends)"
            } else {
                "the URL has no raw text; v3 keeps the URL text its parts make"
            };
            warn.lost(&join(at, "raw"), why);
            rendered(obj)
        }
    };
    V3Url {
        text: Some(Value::String(text)),
        query: Some(obj.get("query").cloned().unwrap_or_else(|| json!([]))),
        variables: obj.get("variable").cloned(),
    }
}

/// The URL text an object URL's parts make, `:name` path segments kept.
fn rendered(obj: &Map<String, Value>) -> String {
    let notes = RefCell::new(Vec::new());
    let ctx = Ctx::new(Path::new("-"), "collection", Notes::Keep(&notes));
    read_url(Some(&Value::Object(obj.clone())), ctx, "url")
        .map(|u| u.to_template_with_path_variables())
        .unwrap_or_default()
}

/// The v2.1 `url` for a v3 request's `url` text and lists: a string when it has neither list,
/// otherwise an object with the parts its text splits into.
pub(super) fn to_v21(
    text: Option<&Value>,
    query: Option<&Value>,
    variables: Option<&Value>,
) -> Option<Value> {
    if query.is_none() && variables.is_none() {
        return text.cloned();
    }
    let raw = text.and_then(Value::as_str).unwrap_or("");
    let mut out = Map::new();
    out.insert("raw".into(), Value::String(raw.to_string()));
    let mut parts = split_raw(raw);
    for key in ["protocol", "auth", "host", "port", "path"] {
        if let Some(v) = parts.remove(key) {
            out.insert(key.into(), v);
        }
    }
    match query {
        Some(Value::Array(list)) if list.is_empty() => {}
        Some(q) => {
            out.insert("query".into(), q.clone());
        }
        None => {}
    }
    if let Some(hash) = parts.remove("hash") {
        out.insert("hash".into(), hash);
    }
    if let Some(v) = variables {
        out.insert("variable".into(), v.clone());
    }
    Some(Value::Object(out))
}

/// The parts Postman splits URL text into, but the query: `protocol` (before `://`), `auth`
/// (`user:password@`), `host` (split on the dots outside `{{…}}`), `port`, `path` (segments
/// after the host) and `hash`.
pub(super) fn split_raw(raw: &str) -> Map<String, Value> {
    let mut out = Map::new();
    let (rest, hash) = match raw.split_once('#') {
        Some((rest, hash)) => (rest, Some(hash)),
        None => (raw, None),
    };
    let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
    let rest = match rest.split_once("://") {
        Some((protocol, rest)) if !protocol.contains(['/', '{', '}']) => {
            out.insert("protocol".into(), json!(protocol));
            rest
        }
        _ => rest,
    };
    let (host, path) = match rest.split_once('/') {
        Some((host, path)) => (host, Some(path)),
        None => (rest, None),
    };
    let host = match host.rsplit_once('@') {
        Some((auth, host)) => {
            let (user, password) = auth.split_once(':').unwrap_or((auth, ""));
            out.insert("auth".into(), json!({"user": user, "password": password}));
            host
        }
        None => host,
    };
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !port.contains('}') => {
            out.insert("port".into(), json!(port));
            h
        }
        _ => host,
    };
    if !host.is_empty() {
        out.insert("host".into(), json!(split_host(host)));
    }
    if let Some(path) = path {
        out.insert("path".into(), json!(path.split('/').collect::<Vec<_>>()));
    }
    if let Some(hash) = hash {
        out.insert("hash".into(), json!(hash));
    }
    out
}

/// A host split on `.`, except for dots inside `{{…}}`.
fn split_host(host: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut depth) = (0, 0usize);
    let bytes = host.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if host[i..].starts_with("{{") {
            depth += 1;
            i += 2;
            continue;
        }
        if host[i..].starts_with("}}") && depth > 0 {
            depth -= 1;
            i += 2;
            continue;
        }
        if bytes[i] == b'.' && depth == 0 {
            out.push(&host[start..i]);
            start = i + 1;
        }
        i += 1;
    }
    out.push(&host[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_postman() {
        let p = split_raw("https://u:p@{{host.name}}.example.com:8080/a/:id/?x=1#frag");
        assert_eq!(
            Value::Object(p),
            json!({"protocol": "https", "auth": {"user": "u", "password": "p"},
                   "host": ["{{host.name}}", "example", "com"], "port": "8080",
                   "path": ["a", ":id", ""], "hash": "frag"})
        );
        let p = split_raw("{{base}}/get");
        assert_eq!(
            Value::Object(p),
            json!({"host": ["{{base}}"], "path": ["get"]})
        );
        assert_eq!(split_raw("{{base}}:{{port}}").get("port"), None);
    }

    #[test]
    fn object_urls_go_both_ways() {
        let mut w = Warnings::default();
        let url = json!({"raw": "http://a.b/c?x=1", "protocol": "http", "host": ["a", "b"],
                         "path": ["c"], "query": [{"key": "x", "value": "1"}]});
        let v3 = to_v3(Some(&url), "url", &mut w);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(v3.text, Some(json!("http://a.b/c?x=1")));
        let back = to_v21(v3.text.as_ref(), v3.query.as_ref(), v3.variables.as_ref());
        assert_eq!(back, Some(url));
    }

    #[test]
    fn disagreeing_parts_keep_the_sent_url() {
        let mut w = Warnings::default();
        let url = json!({"raw": "http://wrong/", "host": ["right"], "path": ["p"]});
        let v3 = to_v3(Some(&url), "url", &mut w);
        assert_eq!(v3.text, Some(json!("right/p")));
        assert_eq!(w.0.len(), 1);
    }
}
