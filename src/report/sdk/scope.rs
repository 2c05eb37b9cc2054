//! The environment and globals as Newman's JSON report holds them: the SDK's
//! `VariableScope#toJSON` (`{_, id, name, values: [{type, value, key}]}`), from the documents
//! postie exports them as.

use super::parts::{meta, truthy, variable};
use serde_json::{Map, Value, json};

/// `doc` (an environment or globals document as exported: `{id, name, values, …}`) as a
/// VariableScope serialises: the `_`-prefixed keys as `_` meta, an id (`new_id` when it has
/// none), its name (when it came from a file: postie makes a name and a
/// `_postman_variable_scope` up for a scope without one, the SDK has neither), and the values as
/// variables (types the SDK does not know become `any`; `enabled` is not the SDK's: it is
/// dropped).
pub fn scope_json(doc: &Value, from_file: bool, new_id: &mut dyn FnMut() -> String) -> Value {
    let empty = Map::new();
    let src = doc.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    let mut kept = src.clone();
    if !from_file {
        kept.retain(|k, _| !k.starts_with("_postman_"));
    }
    meta(&kept, &mut out);
    let id = src
        .get("id")
        .filter(|v| truthy(v))
        .cloned()
        .unwrap_or_else(|| json!(new_id()));
    out.insert("id".into(), id);
    if from_file && let Some(name) = src.get("name").filter(|v| truthy(v)) {
        out.insert("name".into(), name.clone());
    }
    let values = match src.get("values") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| {
                let mut v = v.clone();
                if let Some(o) = v.as_object_mut() {
                    o.remove("enabled");
                }
                variable(&v)
            })
            .collect(),
        _ => Vec::new(),
    };
    out.insert("values".into(), Value::Array(values));
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_json_drops_made_up_names_and_unknown_types() {
        let mut id = || "new".to_string();
        let doc = json!({"name": "globals", "_postman_variable_scope": "globals",
            "values": [{"key": "a", "value": "1", "type": "default", "enabled": true}]});
        assert_eq!(
            scope_json(&doc, false, &mut id),
            json!({"id": "new", "values": [{"type": "any", "value": "1", "key": "a"}]})
        );
        let doc = json!({"id": "e", "name": "Env", "_postman_variable_scope": "environment",
            "values": [{"key": "n", "value": 2, "type": "number"}]});
        assert_eq!(
            scope_json(&doc, true, &mut id),
            json!({"_": {"postman_variable_scope": "environment"}, "id": "e", "name": "Env",
                "values": [{"type": "number", "value": 2, "key": "n"}]})
        );
    }
}
