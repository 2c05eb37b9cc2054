//! A request item both ways: a v2.1 item holding a `request` ↔ a v3 `*.request.yaml` mapping
//! (`$kind: http-request`). The examples (`response`) are written by the caller.

use serde_json::{Map, Value, json};

use super::body::{body_to_v3, body_to_v21};
use super::fields::{auth_to_v3, auth_to_v21, scripts_to_v3, scripts_to_v21};
use super::url;
use super::warn::{Warnings, join};

/// The item keys a v3 request file holds (its `response` goes to example files).
const ITEM_KEYS: [&str; 7] = [
    "name",
    "id",
    "description",
    "request",
    "response",
    "event",
    "protocolProfileBehavior",
];

/// The request keys a v3 request file holds.
const REQUEST_KEYS: [&str; 6] = ["method", "url", "header", "body", "auth", "description"];

/// The v3 keys of a request file, for the read side's check.
pub(super) const V3_KEYS: [&str; 15] = [
    "$kind",
    "name",
    "id",
    "description",
    "method",
    "url",
    "queryParams",
    "pathVariables",
    "headers",
    "body",
    "auth",
    "settings",
    "scripts",
    "examples",
    "order",
];

/// The v3 request fields (no `$kind`, `name` or `order`) of v2.1 `request` (an object or a URL
/// string) at `at`.
pub(super) fn request_to_v3(request: &Value, at: &str, warn: &mut Warnings) -> Map<String, Value> {
    let mut out = Map::new();
    let Some(req) = request.as_object() else {
        if let Some(url) = request.as_str() {
            warn.lost(
                at,
                "a request given as its URL text; written as a request with that url",
            );
            out.insert("url".into(), json!(url));
        }
        return out;
    };
    warn.unknown_keys(req, &REQUEST_KEYS, at, "a v3 request");
    if let Some(d) = req.get("description") {
        out.insert("description".into(), d.clone());
    }
    if let Some(m) = req.get("method") {
        out.insert("method".into(), m.clone());
    }
    let u = url::to_v3(req.get("url"), &join(at, "url"), warn);
    if let Some(text) = u.text {
        out.insert("url".into(), text);
    }
    if let Some(q) = u.query {
        out.insert("queryParams".into(), q);
    }
    if let Some(v) = u.variables {
        out.insert("pathVariables".into(), v);
    }
    if let Some(h) = req.get("header") {
        out.insert("headers".into(), h.clone());
    }
    if let Some(body) = req.get("body")
        && let Some(b) = body_to_v3(
            body,
            json_content_type(req.get("header")),
            &join(at, "body"),
            warn,
        )
    {
        out.insert("body".into(), b);
    }
    if let Some(auth) = req.get("auth") {
        out.insert("auth".into(), auth_to_v3(auth, &join(at, "auth"), warn));
    }
    out
}

/// True when `headers` set an enabled JSON `Content-Type`.
pub(super) fn json_content_type(headers: Option<&Value>) -> bool {
    let Some(list) = headers.and_then(Value::as_array) else {
        return false;
    };
    list.iter().any(|h| {
        let key = h.get("key").and_then(Value::as_str).unwrap_or("");
        let value = h.get("value").and_then(Value::as_str).unwrap_or("");
        key.eq_ignore_ascii_case("content-type")
            && h.get("disabled") != Some(&Value::Bool(true))
            && value.to_ascii_lowercase().contains("json")
    })
}

/// The v3 request file for v2.1 request item `item` at `at` (without `name`/`order`, which
/// depend on where it is written).
pub(super) fn item_to_v3(
    item: &Map<String, Value>,
    at: &str,
    warn: &mut Warnings,
) -> Map<String, Value> {
    warn.unknown_keys(item, &ITEM_KEYS, at, "a v3 request file");
    let mut out = Map::new();
    out.insert("$kind".into(), json!("http-request"));
    if let Some(id) = item.get("id") {
        out.insert("id".into(), id.clone());
    }
    if item.get("description").is_some() {
        warn.lost(&join(at, "description"), "an item description beside the request's; v3 has one description (the request's); dropped");
    }
    let request = item.get("request").cloned().unwrap_or_else(|| {
        let why = "an item without a request; written as a request without fields";
        warn.lost(&join(at, "request"), why);
        Value::Null
    });
    out.extend(request_to_v3(&request, &join(at, "request"), warn));
    if let Some(p) = item.get("protocolProfileBehavior") {
        out.insert("settings".into(), p.clone());
    }
    if let Some(events) = item.get("event") {
        out.insert(
            "scripts".into(),
            scripts_to_v3(events, "", &join(at, "event"), warn),
        );
    }
    out
}

/// The v2.1 request object for v3 request fields `v3` (a request file, or an example's
/// `request`) at `at`.
pub(super) fn request_to_v21(v3: &Map<String, Value>, at: &str, warn: &mut Warnings) -> Value {
    let mut req = Map::new();
    if let Some(m) = v3.get("method") {
        req.insert("method".into(), m.clone());
    }
    if let Some(h) = v3.get("headers") {
        req.insert("header".into(), h.clone());
    }
    if let Some(b) = v3.get("body")
        && let Some(body) = body_to_v21(
            b,
            json_content_type(v3.get("headers")),
            &join(at, "body"),
            warn,
        )
    {
        req.insert("body".into(), body);
    }
    if let Some(u) = url::to_v21(
        v3.get("url"),
        v3.get("queryParams"),
        v3.get("pathVariables"),
    ) {
        req.insert("url".into(), u);
    }
    if let Some(a) = v3.get("auth") {
        req.insert("auth".into(), auth_to_v21(a, &join(at, "auth"), warn));
    }
    if let Some(d) = v3.get("description") {
        req.insert("description".into(), d.clone());
    }
    Value::Object(req)
}

/// The v2.1 item for request file `v3` (at `at`) named `name`, with its examples `responses`.
pub(super) fn item_to_v21(
    v3: &Map<String, Value>,
    name: Value,
    responses: Vec<Value>,
    at: &str,
    warn: &mut Warnings,
) -> Value {
    warn.unknown_keys(v3, &V3_KEYS, at, "a v2.1 item");
    let mut item = Map::new();
    if let Some(id) = v3.get("id") {
        item.insert("id".into(), id.clone());
    }
    item.insert("name".into(), name);
    if let Some(s) = v3.get("settings") {
        item.insert("protocolProfileBehavior".into(), s.clone());
    }
    item.insert("request".into(), request_to_v21(v3, at, warn));
    if !responses.is_empty() {
        item.insert("response".into(), Value::Array(responses));
    }
    if let Some(s) = v3.get("scripts") {
        item.insert(
            "event".into(),
            scripts_to_v21(s, &join(at, "scripts"), warn),
        );
    }
    Value::Object(item)
}
