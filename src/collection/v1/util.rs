//! Small helpers shared by the v1 converters: JavaScript-like value tests (truthiness, lodash
//! `isEmpty`), id keys, optional-field insertion and error messages naming a JSON path.

use serde_json::{Map, Value};

use crate::collection::parts::kind_of;

/// `"{at}: expected {what}, found {kind}"`.
pub(super) fn wrong(at: &str, what: &str, found: &Value) -> String {
    format!("{at}: expected {what}, found {}", kind_of(found))
}

/// `at.key`, or `key` at the top level.
pub(super) fn path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// Insert `v` under `key` when there is one.
pub(super) fn put(map: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    if let Some(v) = v {
        map.insert(key.to_string(), v);
    }
}

/// JavaScript truthiness.
pub(super) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// lodash's `isEmpty`: empty strings, arrays and objects, and every scalar, are empty.
pub(super) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        _ => true,
    }
}

/// The entries of an optional array field (absent or `null`: none).
pub(super) fn array<'v>(v: Option<&'v Value>, at: &str) -> Result<&'v [Value], String> {
    match v {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(wrong(at, "an array", other)),
    }
}

/// An id as JavaScript would use it as an object key: strings as they are, other scalars
/// rendered, `null` → `"null"`, absent → `"undefined"`. Arrays and objects are errors.
pub(super) fn id_key(v: Option<&Value>, at: &str) -> Result<String, String> {
    match v {
        None => Ok("undefined".into()),
        Some(Value::Null) => Ok("null".into()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Bool(b)) => Ok(b.to_string()),
        Some(other) => Err(wrong(at, "an id (a string)", other)),
    }
}

/// A v1 id kept as the v2 `id`: only real ids (strings and numbers, not empty).
pub(super) fn kept_id(v: Option<&Value>) -> Option<Value> {
    match v {
        Some(Value::String(s)) if !s.is_empty() => Some(Value::String(s.clone())),
        Some(Value::Number(n)) => Some(Value::String(n.to_string())),
        _ => None,
    }
}

/// `description` when it is truthy.
pub(super) fn description(obj: &Map<String, Value>) -> Option<Value> {
    obj.get("description").filter(|d| truthy(Some(d))).cloned()
}

/// Remove `key` when its value is falsy (the transformer keeps converted entries clean this way).
pub(super) fn drop_falsy(obj: &mut Map<String, Value>, key: &str) {
    if obj.contains_key(key) && !truthy(obj.get(key)) {
        obj.remove(key);
    }
}

/// `protocolProfileBehavior` when it is a non-empty object.
pub(super) fn profile_behavior(obj: &Map<String, Value>) -> Option<Value> {
    obj.get("protocolProfileBehavior")
        .filter(|b| b.as_object().is_some_and(|m| !m.is_empty()))
        .cloned()
}
