//! One v1 request as a v2.1 item: its `request` object (method, headers, body, URL with query
//! and path variables, auth) plus its events, variables and saved responses.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::auth::auth;
use super::body::body;
use super::events::events;
use super::header::headers;
use super::order::Requests;
use super::response::responses;
use super::util::{
    array, description, drop_falsy, id_key, kept_id, path, profile_behavior, put, truthy, wrong,
};
use super::variables::variables;

/// A v1 request as a v2.1 item.
pub(super) fn item(r: &Map<String, Value>, at: &str, requests: &Requests) -> Result<Value, String> {
    let mut out = Map::new();
    put(&mut out, "id", kept_id(r.get("id")));
    let name = match r.get("name") {
        Some(n) if truthy(Some(n)) => n.clone(),
        _ => Value::String(String::new()),
    };
    out.insert("name".into(), name);
    put(&mut out, "event", events(r, at)?);
    put(&mut out, "protocolProfileBehavior", profile_behavior(r));
    out.insert("request".into(), Value::Object(request(r, at)?));
    out.insert("response".into(), Value::Array(responses(r, at, requests)?));
    put(&mut out, "variable", variables(r, at)?);
    Ok(Value::Object(out))
}

/// The v2.1 `request` object of a v1 request.
pub(super) fn request(r: &Map<String, Value>, at: &str) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    put(&mut out, "auth", auth(r, at, false)?);
    put(
        &mut out,
        "method",
        r.get("method").filter(|m| !m.is_null()).cloned(),
    );
    out.insert("header".into(), Value::Array(headers(r, at)?));
    put(&mut out, "body", body(r, at)?);
    put(&mut out, "url", url(r, at)?);
    put(&mut out, "description", description(r));
    Ok(out)
}

/// `url` plus `queryParams` and path variables → a v2.1 URL: the string itself, or an object
/// (the string split into its parts, `query` from `queryParams` when given, `variable`) when
/// there are query or path-variable lists. A URL object is kept.
fn url(r: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    let raw = match r.get("url") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
        Some(obj @ Value::Object(_)) => return Ok(Some(obj.clone())),
        Some(other) => return Err(wrong(&path(at, "url"), "a URL string", other)),
    };
    let query = query_params(r, at)?;
    let variables = path_variables(r, at)?;

    if query.is_empty() && variables.is_empty() {
        return Ok(raw.map(Value::String));
    }
    let mut out = Map::new();
    if let Some(raw) = &raw {
        split_raw(raw, &mut out);
    }
    put(&mut out, "raw", raw.map(Value::String));
    if !query.is_empty() {
        out.insert("query".into(), Value::Array(query));
    }
    if !variables.is_empty() {
        out.insert("variable".into(), Value::Array(variables));
    }
    Ok(Some(Value::Object(out)))
}

/// `queryParams` as v2.1 query entries: `enabled: false` becomes `disabled`, `equals` decides
/// between an empty and a `null` value.
fn query_params(r: &Map<String, Value>, at: &str) -> Result<Vec<Value>, String> {
    let query_at = path(at, "queryParams");
    let mut query = Vec::new();
    for (i, q) in array(r.get("queryParams"), &query_at)?.iter().enumerate() {
        let mut q = match q {
            Value::Null => continue,
            Value::Object(q) => q.clone(),
            other => return Err(wrong(&format!("{query_at}[{i}]"), "an object", other)),
        };
        if q.remove("enabled") == Some(Value::Bool(false)) {
            q.insert("disabled".into(), Value::Bool(true));
        }
        drop_falsy(&mut q, "description");
        if let Some(equals) = q.remove("equals") {
            if truthy(Some(&equals)) {
                if q.get("value").is_some_and(Value::is_null) {
                    q.insert("value".into(), Value::String(String::new()));
                }
            } else if !truthy(q.get("value")) {
                // `k` rather than `k=`: a null value.
                q.insert("value".into(), Value::Null);
            }
        }
        query.push(Value::Object(q));
    }
    Ok(query)
}

/// `pathVariableData` and `pathVariables` as v2.1 URL variables (a name in both is listed once,
/// from the data).
fn path_variables(r: &Map<String, Value>, at: &str) -> Result<Vec<Value>, String> {
    let data_at = path(at, "pathVariableData");
    let mut variables = Vec::new();
    let mut seen = HashSet::new();
    for (i, v) in array(r.get("pathVariableData"), &data_at)?
        .iter()
        .enumerate()
    {
        let mut v = match v {
            Value::Null => continue,
            Value::Object(v) => v.clone(),
            other => return Err(wrong(&format!("{data_at}[{i}]"), "an object", other)),
        };
        drop_falsy(&mut v, "description");
        if truthy(v.get("id")) {
            v.remove("id");
        }
        seen.insert(id_key(v.get("key"), "").unwrap_or_default());
        variables.push(Value::Object(v));
    }
    match r.get("pathVariables") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (key, value) in map {
                if !seen.contains(key) {
                    let mut v = Map::new();
                    v.insert("value".into(), value.clone());
                    v.insert("key".into(), Value::String(key.clone()));
                    variables.push(Value::Object(v));
                }
            }
        }
        Some(other) => {
            return Err(wrong(
                &path(at, "pathVariables"),
                "an object of name: value",
                other,
            ));
        }
    }
    Ok(variables)
}

/// The parts of `raw` as a v2.1 URL object holds them (a URL object is sent from its parts, not
/// from `raw`): protocol, auth, host, port, path segments, query pairs (a `null` value for a
/// pair without `=`) and hash.
fn split_raw(raw: &str, out: &mut Map<String, Value>) {
    let pieces = crate::collection::url_split::parse(raw);
    let text = |s: Option<String>| s.map(Value::String);
    put(out, "protocol", text(pieces.protocol));
    if let Some((user, password)) = pieces.auth {
        let mut auth = Map::new();
        auth.insert("user".into(), Value::String(user));
        put(&mut auth, "password", text(password));
        out.insert("auth".into(), Value::Object(auth));
    }
    put(out, "host", text(pieces.host));
    put(out, "port", text(pieces.port));
    if let Some(path) = pieces.path {
        out.insert(
            "path".into(),
            Value::Array(path.into_iter().map(Value::String).collect()),
        );
    }
    if let Some(query) = pieces.query {
        let pairs = query.into_iter().map(|pair| {
            let mut q = Map::new();
            let (key, value) = match pair.split_once('=') {
                Some((k, v)) => (k.to_string(), Value::String(v.to_string())),
                None => (pair, Value::Null),
            };
            q.insert("key".into(), Value::String(key));
            q.insert("value".into(), value);
            Value::Object(q)
        });
        out.insert("query".into(), Value::Array(pairs.collect()));
    }
    put(out, "hash", text(pieces.hash));
}
