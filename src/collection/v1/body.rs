//! Request bodies: the v1 `dataMode` / `data` / `rawModeData` / `graphqlModeData` fields as a
//! v2.1 `body`, with the mode inferred when there is none.

use serde_json::{Map, Value};

use super::util::{drop_falsy, is_empty, path, put, truthy, wrong};

/// A `data` / `rawModeData` list → v2.1 form parameters: entries without a `key` are dropped, a
/// file entry's `value` becomes `src`, `enabled: false` becomes `disabled: true`.
fn form_params(v: Option<&Value>) -> Vec<Value> {
    let Some(Value::Array(entries)) = v else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(Value::as_object)
        .filter(|p| p.get("key").is_some_and(|k| !k.is_null()))
        .map(|p| {
            let mut p = p.clone();
            let is_file = p.get("type").and_then(Value::as_str) == Some("file");
            if is_file && !truthy(p.get("src")) && truthy(p.get("value")) {
                let src = match p.remove("value") {
                    Some(v @ (Value::String(_) | Value::Array(_))) => v,
                    _ => Value::Null,
                };
                p.insert("src".into(), src);
            }
            if p.remove("enabled") == Some(Value::Bool(false)) {
                p.insert("disabled".into(), Value::Bool(true));
            }
            drop_falsy(&mut p, "description");
            Value::Object(p)
        })
        .collect()
}

/// The v1 body fields → a v2.1 `body`, or `None` for no body.
pub(super) fn body(r: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    const MODES: [(&str, &str); 5] = [
        ("binary", "file"),
        ("graphql", "graphql"),
        ("params", "formdata"),
        ("raw", "raw"),
        ("urlencoded", "urlencoded"),
    ];
    let data_mode = r.get("dataMode");
    let mode = data_mode
        .and_then(Value::as_str)
        .and_then(|m| MODES.iter().find(|(v1, _)| *v1 == m))
        .map(|(_, v2)| *v2);
    let data = r.get("data");
    let raw_data = r.get("rawModeData");
    let graphql_data = r.get("graphqlModeData");
    let empty = is_empty(data) && is_empty(raw_data) && is_empty(graphql_data);
    if (mode.is_none() && empty) || data_mode.is_some_and(Value::is_null) {
        return Ok(None);
    }
    let raw_text: Option<String> = match raw_data {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(a)) if a.len() == 1 => a[0].as_str().map(str::to_string),
        _ => None,
    };
    let raw_set = raw_text.as_deref().is_some_and(|s| !s.is_empty());
    let options = match r.get("dataOptions") {
        None | Some(Value::Null) => None,
        Some(Value::Object(o)) => Some(o),
        Some(other) => return Err(wrong(&path(at, "dataOptions"), "an object", other)),
    };
    let graphql: Option<Value> = if !is_empty(graphql_data) {
        graphql_data.cloned()
    } else if options.is_some_and(|o| o.contains_key("graphql")) && !is_empty(data) {
        data.cloned()
    } else {
        None
    };
    let data_or_raw = if truthy(data) { data } else { raw_data };
    let mode = match mode {
        Some(m) => m,
        None if !raw_set && matches!(data_or_raw, Some(Value::Array(_))) => "formdata",
        None if !raw_set && graphql.is_some() => "graphql",
        None => "raw",
    };
    let mut out = Map::new();
    out.insert("mode".into(), Value::String(mode.into()));
    let content = match mode {
        "raw" => Some(Value::String(match (&raw_text, data) {
            (Some(s), _) if !s.is_empty() => s.clone(),
            (_, Some(Value::String(s))) => s.clone(),
            _ => String::new(),
        })),
        "graphql" => graphql,
        "file" => {
            let mut file = Map::new();
            put(
                &mut file,
                "src",
                raw_text.filter(|s| !s.is_empty()).map(Value::String),
            );
            Some(Value::Object(file))
        }
        _ => Some(Value::Array(form_params(data_or_raw))),
    };
    put(&mut out, mode, content);
    if let Some(options) = options.map(|o| body_options(o, &MODES))
        && !options.is_empty()
    {
        out.insert("options".into(), Value::Object(options));
    }
    if truthy(r.get("dataDisabled")) {
        out.insert("disabled".into(), Value::Bool(true));
    }
    Ok(Some(Value::Object(out)))
}

/// `dataOptions` as v2.1 body `options`, each mode's under its v2.1 name.
fn body_options(options: &Map<String, Value>, modes: &[(&str, &str)]) -> Map<String, Value> {
    let mut out = Map::new();
    for (v1, v2) in modes {
        if !is_empty(options.get(*v1)) {
            put(&mut out, v2, options.get(*v1).cloned());
        }
    }
    out
}
