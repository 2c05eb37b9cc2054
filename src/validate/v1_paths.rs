//! A v1 collection is checked as converted to v2.1; this maps the converted document's paths
//! back to the v1 file (requests and folders by id; a request's URL and its `tests` and
//! `preRequestScript` strings), so findings point into the file the user has.

use std::collections::HashMap;

use serde_json::Value;

/// Converted path → v1 path, for every request and folder found by id in both.
pub fn map(v1: &Value, converted: &Value) -> HashMap<String, String> {
    let index = |key: &str| -> HashMap<String, usize> {
        let Some(Value::Array(list)) = v1.get(key) else {
            return HashMap::new();
        };
        list.iter()
            .enumerate()
            .filter_map(|(i, r)| Some((id_text(r.get("id")?)?, i)))
            .collect()
    };
    let (requests, folders) = (index("requests"), index("folders"));
    let mut out = HashMap::new();
    let mut stack = vec![(String::from("item"), converted.get("item"))];
    while let Some((at, Some(Value::Array(items)))) = stack.pop() {
        for (i, item) in items.iter().enumerate() {
            let here = format!("{at}[{i}]");
            let id = item.get("id").and_then(id_text);
            if item.get("item").is_some() {
                if let Some(&k) = id.as_ref().and_then(|id| folders.get(id)) {
                    out.insert(here.clone(), format!("folders[{k}]"));
                }
                stack.push((format!("{here}.item"), item.get("item")));
                continue;
            }
            let Some(&j) = id.as_ref().and_then(|id| requests.get(id)) else {
                continue;
            };
            request_paths(item, &here, j, &v1["requests"][j], &mut out);
        }
    }
    out
}

/// A request's own paths: itself, its URL, its scripts.
fn request_paths(
    item: &Value,
    here: &str,
    j: usize,
    v1: &Value,
    out: &mut HashMap<String, String>,
) {
    let base = format!("requests[{j}]");
    out.insert(here.to_string(), base.clone());
    out.insert(format!("{here}.request.url"), format!("{base}.url"));
    let Some(Value::Array(events)) = item.get("event") else {
        return;
    };
    for (k, event) in events.iter().enumerate() {
        let field = match event.get("listen").and_then(Value::as_str) {
            Some("test") => "tests",
            Some("prerequest") => "preRequestScript",
            _ => continue,
        };
        if v1.get(field).is_some_and(Value::is_string) {
            out.insert(
                format!("{here}.event[{k}].script.exec"),
                format!("{base}.{field}"),
            );
        }
    }
}

/// An id as text (v1 ids are strings, sometimes numbers).
fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
