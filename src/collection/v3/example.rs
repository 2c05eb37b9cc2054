//! Saved examples both ways: a v2.1 `response` entry (`originalRequest`, `code`, `status`,
//! `header`, `body`, `_postman_previewlanguage`, `cookie`) ↔ a v3 `*.example.yaml` mapping
//! (`$kind: http-example`, `request`, `response: {statusCode, statusText, headers, body}`).

use serde_json::{Map, Value, json};

use super::request::{request_to_v3, request_to_v21};
use super::warn::{Warnings, join};

/// The v3 example for v2.1 response `r` at `at` (without `name`/`order`).
pub(super) fn example_to_v3(
    r: &Map<String, Value>,
    at: &str,
    warn: &mut Warnings,
) -> Map<String, Value> {
    let known = [
        "id",
        "name",
        "originalRequest",
        "status",
        "code",
        "header",
        "body",
        "cookie",
        "_postman_previewlanguage",
        "responseTime",
    ];
    warn.unknown_keys(r, &known, at, "a v3 example");
    let mut out = Map::new();
    out.insert("$kind".into(), json!("http-example"));
    if let Some(id) = r.get("id") {
        out.insert("id".into(), id.clone());
    }
    if let Some(req) = r.get("originalRequest") {
        let request = request_to_v3(req, &join(at, "originalRequest"), warn);
        out.insert("request".into(), Value::Object(request));
    }
    let mut response = Map::new();
    for (from, to) in [
        ("code", "statusCode"),
        ("status", "statusText"),
        ("header", "headers"),
        ("cookie", "cookies"),
        ("responseTime", "responseTime"),
    ] {
        if let Some(v) = r.get(from) {
            response.insert(to.into(), v.clone());
        }
    }
    if r.get("body").is_some() || r.get("_postman_previewlanguage").is_some() {
        let mut body = Map::new();
        if let Some(l) = r.get("_postman_previewlanguage") {
            body.insert("type".into(), l.clone());
        }
        if let Some(b) = r.get("body") {
            body.insert("content".into(), b.clone());
        }
        response.insert("body".into(), Value::Object(body));
    }
    out.insert("response".into(), Value::Object(response));
    out
}

/// The v2.1 response entry for v3 example `e` at `at`, named `name`.
pub(super) fn example_to_v21(
    e: &Map<String, Value>,
    name: Value,
    at: &str,
    warn: &mut Warnings,
) -> Value {
    warn.unknown_keys(
        e,
        &["$kind", "id", "name", "request", "response", "order"],
        at,
        "a v2.1 example",
    );
    let mut out = Map::new();
    if let Some(id) = e.get("id") {
        out.insert("id".into(), id.clone());
    }
    out.insert("name".into(), name);
    if let Some(req) = e.get("request").and_then(Value::as_object) {
        out.insert(
            "originalRequest".into(),
            request_to_v21(req, &join(at, "request"), warn),
        );
    }
    let empty = Map::new();
    let response = e
        .get("response")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let known = [
        "statusCode",
        "statusText",
        "headers",
        "cookies",
        "responseTime",
        "body",
    ];
    warn.unknown_keys(response, &known, &join(at, "response"), "a v2.1 example");
    for (from, to) in [
        ("statusText", "status"),
        ("statusCode", "code"),
        ("headers", "header"),
        ("cookies", "cookie"),
        ("responseTime", "responseTime"),
    ] {
        if let Some(v) = response.get(from) {
            out.insert(to.into(), v.clone());
        }
    }
    if let Some(body) = response.get("body").and_then(Value::as_object) {
        if let Some(t) = body.get("type") {
            out.insert("_postman_previewlanguage".into(), t.clone());
        }
        if let Some(c) = body.get("content") {
            out.insert("body".into(), c.clone());
        }
    }
    Value::Object(out)
}
