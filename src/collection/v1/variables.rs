//! Variable lists: v1 `variables` (or `variable`) as a v2.1 `variable` list.

use serde_json::{Map, Value};

use super::util::{array, description, path, put, truthy, wrong};

/// `variables` (or `variable`) → a v2.1 `variable` list, `None` when empty.
pub(super) fn variables(obj: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    let (field, source) = if truthy(obj.get("variables")) {
        ("variables", obj.get("variables"))
    } else {
        ("variable", obj.get("variable"))
    };
    let source = source.filter(|s| truthy(Some(s)));
    let list_at = path(at, field);
    let mut out = Vec::new();
    for (i, v) in array(source, &list_at)?.iter().enumerate() {
        let v = match v {
            Value::Null => continue,
            Value::Object(v) => v,
            other => {
                return Err(wrong(
                    &format!("{list_at}[{i}]"),
                    "a variable object",
                    other,
                ));
            }
        };
        let mut var = Map::new();
        let key = if truthy(v.get("key")) {
            v.get("key")
        } else {
            v.get("id")
        };
        put(&mut var, "key", key.cloned());
        put(&mut var, "value", v.get("value").cloned());
        if let Some(kind) = v.get("type").filter(|t| truthy(Some(t))) {
            let kind = if kind == "text" {
                Value::String("string".into())
            } else {
                kind.clone()
            };
            var.insert("type".into(), kind);
        }
        for flag in ["disabled", "secret"] {
            if truthy(v.get(flag)) {
                var.insert(flag.into(), Value::Bool(true));
            }
        }
        put(
            &mut var,
            "source",
            v.get("source").filter(|s| truthy(Some(s))).cloned(),
        );
        put(&mut var, "description", description(v));
        out.push(Value::Object(var));
    }
    Ok((!out.is_empty()).then_some(Value::Array(out)))
}
