//! Environments (and globals) as v3 YAML files: `{name, values: [{key, value, enabled, type}]}`,
//! the v2.1 JSON shape without its export bookkeeping (`_postman_variable_scope`,
//! `_postman_exported_at`, `_postman_exported_using`), which is a warning when converted.

use std::path::Path;

use serde_json::{Map, Value};

use super::warn::Warnings;
use super::yaml::read_yaml;
use crate::diagnostic::Diagnostic;

/// The fields both formats hold.
const FIELDS: [&str; 3] = ["id", "name", "values"];

/// True when `path` names a YAML file (`.yaml` or `.yml`).
pub fn is_yaml_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The v2.1 environment document for the v3 environment file at `path`; `what` names it
/// (`environment`, `globals`).
pub fn read_environment(path: &Path, what: &str) -> Result<(Value, Warnings), Diagnostic> {
    let doc = read_yaml(path, what)?;
    if !doc.is_object() {
        return Err(Diagnostic::in_file(
            path,
            format!("expected a YAML mapping (`name`, `values`) for this {what}"),
        ));
    }
    Ok(environment_to_v21(&doc, &format!("{}:", path.display())))
}

/// v3 environment `doc` as v2.1 JSON.
pub fn environment_to_v21(doc: &Value, at: &str) -> (Value, Warnings) {
    copy(doc, at, "a v2.1 environment")
}

/// v2.1 environment `doc` as v3. The API's wrapped form (`{"environment": {...}}`) and a bare
/// list of values are read as Newman reads them, with a warning.
pub fn environment_to_v3(doc: &Value) -> (Value, Warnings) {
    let mut notes = Warnings::default();
    let doc = match doc {
        Value::Array(_) => {
            notes.lost("(the file)", "a bare list of values; written as `values`");
            serde_json::json!({"values": doc})
        }
        Value::Object(obj) if obj.len() == 1 => match obj.iter().next() {
            Some((key, inner @ Value::Object(_))) if key == "environment" || key == "globals" => {
                notes.lost(key, "the API's wrapped form; written unwrapped");
                inner.clone()
            }
            _ => doc.clone(),
        },
        _ => doc.clone(),
    };
    let (out, warn) = copy(&doc, "", "a v3 environment");
    notes.0.extend(warn.0);
    (out, notes)
}

/// The known fields of `doc`, in its order; the others are warnings.
fn copy(doc: &Value, at: &str, to: &str) -> (Value, Warnings) {
    let mut warn = Warnings::default();
    let Some(obj) = doc.as_object() else {
        return (doc.clone(), warn);
    };
    warn.unknown_keys(obj, &FIELDS, at, to);
    let out: Map<String, Value> = obj
        .iter()
        .filter(|(k, _)| FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (Value::Object(out), warn)
}
