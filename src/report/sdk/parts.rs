//! The small properties of postman-collection's SDK as its `toJSON` writes them: meta fields
//! (`_`), descriptions, variables, headers, query parameters, URLs, bodies, auth and requests.
//! Each function takes the JSON a collection file holds and returns the JSON the SDK would
//! write for it after loading it; nothing here runs anything.

use serde_json::{Map, Value, json};

/// Makes up ids for properties the SDK requires one for (items, folders, scripts).
pub(crate) type NewId<'a> = dyn FnMut() -> String + 'a;

/// JavaScript truthiness of a JSON value.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// `String(v)` in JavaScript, for the JSON values a file can hold.
fn js_string(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => crate::report::sdk::number_text(n),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Null => String::new(),
                other => js_string(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".into(),
    }
}

/// The `_` meta object PropertyBase keeps: every `_name` key of `src`, its underscores trimmed.
pub(crate) fn meta(src: &Map<String, Value>, out: &mut Map<String, Value>) {
    let meta: Map<String, Value> = src
        .iter()
        .filter(|(k, _)| k.starts_with('_') && k.as_str() != "_")
        .map(|(k, v)| (k.trim_start_matches('_').to_string(), v.clone()))
        .collect();
    if !meta.is_empty() {
        out.insert("_".into(), Value::Object(meta));
    }
}

/// A `description` as the SDK writes it: `{content, type}` (`text/plain` by default).
pub(crate) fn description(v: &Value) -> Value {
    let (content, kind) = match v {
        Value::String(_) => (Some(v.clone()), None),
        Value::Object(o) => (o.get("content").cloned(), o.get("type").cloned()),
        _ => return json!({}),
    };
    let mut out = Map::new();
    if let Some(content) = content {
        out.insert("content".into(), content);
    }
    out.insert(
        "type".into(),
        kind.filter(truthy).unwrap_or_else(|| json!("text/plain")),
    );
    Value::Object(out)
}

/// What every Property takes from its definition: `_`, `id` (made up when `new_id` is given and
/// there is none), `name` (when truthy), `disabled`, `description`.
pub(crate) fn property(
    src: &Map<String, Value>,
    out: &mut Map<String, Value>,
    new_id: Option<&mut NewId<'_>>,
) {
    meta(src, out);
    let id = src
        .get("id")
        .filter(|v| truthy(v))
        .cloned()
        .or_else(|| src.get("_postman_id").filter(|v| truthy(v)).cloned())
        .or_else(|| new_id.map(|f| json!(f())));
    if let Some(id) = id {
        out.insert("id".into(), id);
    }
    if let Some(name) = src.get("name").filter(|v| truthy(v)) {
        out.insert("name".into(), name.clone());
    }
    if let Some(disabled) = src.get("disabled") {
        out.insert("disabled".into(), json!(truthy(disabled)));
    }
    if let Some(d) = src.get("description") {
        out.insert("description".into(), description(d));
    }
}

const VARIABLE_TYPES: &[&str] = &["string", "boolean", "number", "array", "object", "any"];

/// A variable (`{type, value, key, …}`), its value cast to its type as the SDK casts it.
pub(crate) fn variable(v: &Value) -> Value {
    let Some(src) = v.as_object() else {
        return json!({"type": "any"});
    };
    let mut out = Map::new();
    property(src, &mut out, None);
    let kind = src
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_lowercase)
        .filter(|t| VARIABLE_TYPES.contains(&t.as_str()))
        .unwrap_or_else(|| "any".into());
    out.insert("type".into(), json!(kind));
    if let Some(value) = src.get("value") {
        out.insert("value".into(), cast(&kind, value));
    }
    let key = src
        .get("key")
        .or_else(|| src.get("id").filter(|v| truthy(v)));
    if let Some(key) = key {
        out.insert("key".into(), key.clone());
    }
    for field in ["system", "disabled"] {
        if let Some(v) = src.get(field) {
            out.insert(field.into(), v.clone());
        }
    }
    Value::Object(out)
}

/// A value stored into a variable of type `kind` (the SDK's `in` casts).
fn cast(kind: &str, value: &Value) -> Value {
    match kind {
        "string" => json!(js_string(value)),
        "boolean" => json!(truthy(value)),
        "number" => match value {
            Value::Number(_) => value.clone(),
            Value::Bool(b) => json!(u8::from(*b)),
            Value::Null => json!(0),
            Value::String(s) if s.trim().is_empty() => json!(0),
            Value::String(s) => s
                .trim()
                .parse::<f64>()
                .ok()
                .map_or(Value::Null, crate::report::sdk::js_number),
            _ => Value::Null,
        },
        "array" | "object" => match value {
            Value::String(_) => value.clone(),
            other => json!(other.to_string()),
        },
        _ => value.clone(),
    }
}

/// The members of a property list: an array's elements, or a single object.
pub(crate) fn members(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(items)) => items,
        Some(one @ Value::Object(_)) => std::slice::from_ref(one),
        _ => &[],
    }
}

/// A list of variables.
pub(crate) fn variables(v: Option<&Value>) -> Value {
    Value::Array(members(v).iter().map(variable).collect())
}

/// An auth type's parameters: a list of variables, or (v2.0) an object of values by key.
fn auth_params(v: Option<&Value>) -> Value {
    match v {
        Some(Value::Object(map)) => Value::Array(
            map.iter()
                .map(|(k, v)| variable(&json!({"value": v, "key": k})))
                .collect(),
        ),
        other => variables(other),
    }
}

/// A header (`{key, value, …}`).
pub(crate) fn header(v: &Value) -> Value {
    let empty = Map::new();
    let src = v.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, None);
    let key = src
        .get("key")
        .filter(|k| truthy(k))
        .cloned()
        .unwrap_or(json!(""));
    out.insert("key".into(), key);
    out.insert(
        "value".into(),
        src.get("value").cloned().unwrap_or(json!("")),
    );
    for field in ["system", "disabled"] {
        if let Some(v) = src.get(field) {
            out.insert(field.into(), v.clone());
        }
    }
    Value::Object(out)
}

/// A list of headers (an array, or the `Key: value` lines of a string).
pub(crate) fn headers(v: Option<&Value>) -> Value {
    match v {
        Some(Value::Array(_) | Value::Object(_)) => {
            Value::Array(members(v).iter().map(header).collect())
        }
        Some(Value::String(text)) => Value::Array(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let (k, v) = l.split_once(':').unwrap_or((l, ""));
                    json!({"key": k.trim(), "value": v.trim()})
                })
                .collect(),
        ),
        _ => json!([]),
    }
}

/// A query parameter (`{key, value}`; a missing value stays missing).
fn query_param(v: &Value) -> Value {
    let empty = Map::new();
    let src = v.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, None);
    for field in ["key", "value", "system"] {
        if let Some(v) = src.get(field) {
            out.insert(field.into(), v.clone());
        }
    }
    Value::Object(out)
}

/// A form-data parameter.
fn form_param(v: &Value) -> Value {
    let empty = Map::new();
    let src = v.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, None);
    for field in ["key", "value"] {
        let value = src.get(field).filter(|v| truthy(v)).cloned();
        out.insert(field.into(), value.unwrap_or(json!("")));
    }
    for field in ["type", "src", "contentType", "fileName"] {
        if let Some(v) = src.get(field) {
            out.insert(field.into(), v.clone());
        }
    }
    // A file parameter's empty value is left out.
    if out.get("type") == Some(&json!("file")) && out.get("value") == Some(&json!("")) {
        out.remove("value");
    }
    Value::Object(out)
}

/// A URL: a string is parsed as the SDK parses it; an object keeps its parts (not `raw`).
pub(crate) fn url(v: Option<&Value>) -> Value {
    let src = match v {
        Some(Value::String(s)) => return crate::http::url_encode::report_object(s),
        Some(Value::Object(o)) => o,
        _ => return crate::http::url_encode::report_object(""),
    };
    let mut out = Map::new();
    for field in ["auth", "protocol", "port"] {
        if let Some(v) = src.get(field).filter(|v| !v.is_null()) {
            out.insert(field.into(), v.clone());
        }
    }
    match src.get("path") {
        Some(Value::String(p)) => {
            let p = p.strip_prefix('/').filter(|r| !r.is_empty()).unwrap_or(p);
            if p == "/" {
                out.insert("path".into(), json!([""]));
            } else if !p.is_empty() {
                out.insert("path".into(), json!(p.split('/').collect::<Vec<_>>()));
            }
        }
        Some(v) if !v.is_null() => {
            out.insert("path".into(), v.clone());
        }
        _ => {}
    }
    if let Some(hash) = src.get("hash").filter(|v| !v.is_null()) {
        out.insert("hash".into(), hash.clone());
    }
    match src.get("host") {
        Some(Value::String(h)) => {
            out.insert("host".into(), json!(split_host(h)));
        }
        Some(v) if !v.is_null() => {
            out.insert("host".into(), v.clone());
        }
        _ => {}
    }
    let query = match src.get("query") {
        Some(Value::Array(items)) => items.iter().map(query_param).collect(),
        Some(Value::String(q)) if !q.is_empty() => q
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, v)) => json!({"key": k, "value": v}),
                None => json!({"key": p, "value": null}),
            })
            .collect(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| json!({"key": k, "value": v}))
            .collect(),
        _ => Vec::new(),
    };
    out.insert("query".into(), Value::Array(query));
    // A path variable is named by `key`, else by `id`.
    let path_variables = members(src.get("variable")).iter().map(|v| {
        let mut v = v.clone();
        if let Some(o) = v.as_object_mut() {
            let key = o
                .get("key")
                .filter(|k| truthy(k))
                .or_else(|| o.get("id").filter(|k| truthy(k)));
            match key.cloned() {
                Some(key) => {
                    o.insert("key".into(), key);
                }
                None => {
                    o.remove("key");
                }
            }
        }
        variable(&v)
    });
    out.insert("variable".into(), Value::Array(path_variables.collect()));
    Value::Object(out)
}

/// A host split on the dots outside `{{…}}`.
fn split_host(host: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    let bytes: Vec<char> = host.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == '{' && bytes.get(i + 1) == Some(&'{') {
            depth += 1;
        } else if c == '}' && bytes.get(i + 1) == Some(&'}') && depth > 0 {
            depth -= 1;
        }
        if c == '.' && depth == 0 {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
        i += 1;
    }
    parts
}

/// A request body (`{mode, raw | urlencoded | formdata | file | graphql, options, disabled}`).
pub(crate) fn body(v: &Value) -> Value {
    let src = match v {
        Value::String(s) => return json!({"mode": "raw", "raw": s}),
        Value::Object(o) => o,
        _ => return json!({}),
    };
    let Some(mode) = src.get("mode").filter(|m| truthy(m)) else {
        return json!({});
    };
    let mode = match js_string(mode).to_lowercase().as_str() {
        m @ ("raw" | "urlencoded" | "formdata" | "file" | "graphql") => m.to_string(),
        _ => "raw".into(),
    };
    let mut out = Map::new();
    out.insert("mode".into(), json!(mode));
    body_raw(src, &mut out, &mode);
    body_list(src, &mut out, &mode, "urlencoded", query_param);
    body_list(src, &mut out, &mode, "formdata", form_param);
    match src.get("file") {
        Some(Value::String(s)) => {
            out.insert("file".into(), json!({"src": s}));
        }
        Some(v) if !v.is_null() => {
            out.insert("file".into(), v.clone());
        }
        _ => {}
    }
    body_graphql(src, &mut out, &mode);
    if let Some(options) = src.get("options").filter(|o| o.is_object()) {
        out.insert("options".into(), options.clone());
    }
    if let Some(disabled) = src.get("disabled") {
        out.insert("disabled".into(), disabled.clone());
    }
    Value::Object(out)
}

/// A body's `raw`: as given when truthy, `""` in raw mode, otherwise a falsy value as given.
fn body_raw(src: &Map<String, Value>, out: &mut Map<String, Value>, mode: &str) {
    match src.get("raw").filter(|r| truthy(r)) {
        Some(raw) => {
            out.insert("raw".into(), raw.clone());
        }
        None if mode == "raw" => {
            out.insert("raw".into(), json!(""));
        }
        None => {
            if let Some(raw) = src.get("raw") {
                out.insert("raw".into(), raw.clone());
            }
        }
    }
}

/// A body's `urlencoded` or `formdata` (`key`): a list (or object) of parameters made by
/// `param`; `[]` when absent or falsy in that mode; any other value as given.
fn body_list(
    src: &Map<String, Value>,
    out: &mut Map<String, Value>,
    mode: &str,
    key: &str,
    param: fn(&Value) -> Value,
) {
    match src.get(key) {
        Some(list @ (Value::Array(_) | Value::Object(_))) => {
            out.insert(
                key.into(),
                Value::Array(members(Some(list)).iter().map(param).collect()),
            );
        }
        Some(other) if !truthy(other) && mode == key => {
            out.insert(key.into(), json!([]));
        }
        None if mode == key => {
            out.insert(key.into(), json!([]));
        }
        Some(other) => {
            out.insert(key.into(), other.clone());
        }
        None => {}
    }
}

/// A body's `graphql`: its `query`, `operationName` and `variables` when truthy; `{}` in
/// graphql mode.
fn body_graphql(src: &Map<String, Value>, out: &mut Map<String, Value>, mode: &str) {
    match src.get("graphql").filter(|g| truthy(g)) {
        Some(g) => {
            let mut q = Map::new();
            for field in ["query", "operationName", "variables"] {
                if let Some(v) = g.get(field) {
                    q.insert(field.into(), v.clone());
                }
            }
            out.insert("graphql".into(), Value::Object(q));
        }
        None if mode == "graphql" => {
            out.insert("graphql".into(), json!({}));
        }
        None => {}
    }
}

/// An auth block: its `type` and every named parameter list as variables.
pub(crate) fn auth(v: &Value) -> Value {
    let Some(src) = v.as_object() else {
        return json!({});
    };
    let mut out = Map::new();
    property(src, &mut out, None);
    if let Some(kind) = src.get("type").and_then(Value::as_str) {
        out.insert("type".into(), json!(kind));
        out.insert(kind.into(), auth_params(src.get(kind)));
    }
    for (key, params) in src {
        if key == "type" || !(params.is_array() || params.is_object()) {
            continue;
        }
        out.insert(key.clone(), auth_params(Some(params)));
    }
    Value::Object(out)
}

/// A request: a string is its URL.
pub(crate) fn request(v: Option<&Value>) -> Value {
    let owned;
    let src = match v {
        Some(Value::String(s)) => {
            owned = json!({"url": s});
            owned.as_object()
        }
        Some(Value::Object(o)) => Some(o),
        _ => None,
    };
    let empty = Map::new();
    let src = src.unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, None);
    out.insert("url".into(), url(src.get("url")));
    // An empty header list is left out.
    let header = headers(src.get("header"));
    if header.as_array().is_some_and(|h| !h.is_empty()) {
        out.insert("header".into(), header);
    }
    let method = match src.get("method") {
        Some(m) if !m.is_null() => js_string(m).to_uppercase(),
        _ => "GET".into(),
    };
    out.insert("method".into(), json!(method));
    if let Some(b) = src.get("body") {
        out.insert("body".into(), body(b));
    }
    if let Some(a) = src.get("auth").filter(|a| truthy(a)) {
        out.insert("auth".into(), auth(a));
    }
    for field in ["proxy", "certificate"] {
        if let Some(v) = src.get(field).filter(|v| truthy(v)) {
            out.insert(field.into(), v.clone());
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_variable_casts_to_its_type_and_unknown_types_are_any() {
        assert_eq!(
            variable(&json!({"key": "n", "value": "5", "type": "number"})),
            json!({"type": "number", "value": 5, "key": "n"})
        );
        assert_eq!(
            variable(&json!({"key": "s", "value": "x", "type": "secret"})),
            json!({"type": "any", "value": "x", "key": "s"})
        );
    }

    #[test]
    fn sdk_request_fills_defaults() {
        let r = request(Some(&json!({"url": "http://h/p", "body": {"mode": "raw"}})));
        assert_eq!(r["method"], "GET");
        assert_eq!(r.get("header"), None);
        assert_eq!(r["body"], json!({"mode": "raw", "raw": ""}));
        assert_eq!(r["url"]["host"], json!(["h"]));
    }

    #[test]
    fn sdk_host_keeps_dots_inside_variables() {
        assert_eq!(split_host("{{a.b}}.c"), vec!["{{a.b}}", "c"]);
    }
}
