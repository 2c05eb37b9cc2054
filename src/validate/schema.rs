//! Structure that postie's loader lets pass (it reads as Newman reads) but Postman's collection
//! schema does not: a collection without `info.name` or `info.schema`, an item that is neither a
//! request nor a folder, a request without a URL, an event that never runs; and features postie
//! cannot honour: auth types without a handler (the list is the runtime's own,
//! [`crate::http::auth::has_handler`]) and body modes the loader reads as raw
//! ([`crate::collection::BODY_MODES`]).

use serde_json::{Map, Value};

use super::Severity::{Error, Warning};
use super::sink::Sink;
use super::sites::Sites;
use crate::collection::BODY_MODES;

/// The schema versions postie knows, as `info.schema` URLs end.
const SCHEMAS: [&str; 2] = ["v2.0.0/collection.json", "v2.1.0/collection.json"];

/// Check a v2 collection's root object.
pub fn check_collection(root: &Map<String, Value>, sink: &mut Sink<'_>) {
    match root.get("info") {
        Some(Value::Object(info)) => check_info(info, sink),
        _ => {
            sink.add(
                Error,
                "schema",
                "",
                "the collection has no `info` object".into(),
            );
            sink.hint("a collection exported from Postman has `info` with `name` and `schema`");
        }
    }
    match root.get("item") {
        Some(Value::Array(items)) => check_items(items, "item", sink),
        None => sink.add(
            Error,
            "schema",
            "",
            "the collection has no `item` list".into(),
        ),
        Some(_) => {}
    }
}

fn check_info(info: &Map<String, Value>, sink: &mut Sink<'_>) {
    if !info.get("name").is_some_and(Value::is_string) {
        sink.add(
            Error,
            "schema",
            "info",
            "`info.name` is missing or not a string".into(),
        );
    }
    match info.get("schema").and_then(Value::as_str) {
        None => sink.add(Warning, "schema", "info", "`info.schema` is missing".into()),
        Some(url) if !SCHEMAS.iter().any(|s| url.ends_with(s)) => sink.add(
            Warning,
            "schema",
            "info.schema",
            format!("unknown collection schema `{url}`; postie reads v2.0 and v2.1"),
        ),
        Some(_) => {}
    }
}

/// Items and folders, recursively.
fn check_items(items: &[Value], at: &str, sink: &mut Sink<'_>) {
    for (i, item) in items.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let Some(obj) = item.as_object() else {
            continue; // the loader's message says what it is
        };
        check_events(obj.get("event"), &at, sink);
        match (obj.get("item"), obj.get("request")) {
            (Some(Value::Array(children)), _) => check_items(children, &format!("{at}.item"), sink),
            (_, Some(Value::Object(request))) => check_request(request, &at, sink),
            (_, Some(Value::String(_))) => {}
            (None, None) => sink.add(
                Error,
                "schema",
                &at,
                "this item has neither `request` (a request) nor `item` (a folder)".into(),
            ),
            _ => {}
        }
    }
}

fn check_request(request: &Map<String, Value>, at: &str, sink: &mut Sink<'_>) {
    let url_missing = match request.get("url") {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    };
    if url_missing {
        sink.add(
            Error,
            "schema",
            &format!("{at}.request"),
            "this request has no URL".into(),
        );
    }
}

/// Events whose `listen` is neither `prerequest` nor `test` never run.
fn check_events(events: Option<&Value>, at: &str, sink: &mut Sink<'_>) {
    let Some(Value::Array(events)) = events else {
        return;
    };
    for (i, event) in events.iter().enumerate() {
        let listen = event.get("listen").and_then(Value::as_str);
        if !matches!(listen, Some("prerequest" | "test")) {
            sink.add(
                Warning,
                "schema",
                &format!("{at}.event[{i}]"),
                format!(
                    "an event listening to {} never runs: `listen` is `prerequest` or `test`",
                    listen.map_or("nothing".to_string(), |l| format!("`{l}`"))
                ),
            );
        }
    }
}

/// Auth types and body modes postie does not support.
pub fn check_features(sites: &Sites, sink: &mut Sink<'_>) {
    for (path, kind) in &sites.auths {
        if !crate::http::auth::has_handler(kind) {
            sink.add(
                Warning,
                "unsupported-auth",
                path,
                format!("auth type `{kind}` is not supported: requests are sent unsigned"),
            );
        }
    }
    for (path, mode) in &sites.body_modes {
        if !BODY_MODES.contains(&mode.to_ascii_lowercase().as_str()) {
            sink.add(
                Warning,
                "unsupported-body",
                path,
                format!(
                    "body mode `{mode}` is not supported: the body is sent as `raw` (modes: {})",
                    BODY_MODES.join(", ")
                ),
            );
        }
    }
}

/// An environment or globals file's `values` entries without a `key` (no variable comes of them).
pub fn check_variable_file(doc: &Value, sink: &mut Sink<'_>) {
    let (prefix, scope) = match doc.get("environment").or_else(|| doc.get("globals")) {
        Some(inner @ Value::Object(_)) if doc.get("values").is_none() => {
            let key = if doc.get("environment").is_some() {
                "environment."
            } else {
                "globals."
            };
            (key, inner)
        }
        _ => ("", doc),
    };
    let Some(Value::Array(values)) = scope.get("values") else {
        return;
    };
    for (i, entry) in values.iter().enumerate() {
        if entry.is_object() && !entry.get("key").is_some_and(Value::is_string) {
            sink.add(
                Warning,
                "schema",
                &format!("{prefix}values[{i}]"),
                "a variable without a `key` string defines nothing".into(),
            );
        }
    }
}
