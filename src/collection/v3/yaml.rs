//! YAML text to a JSON value (mapping order kept) and back. A syntax error names the file, line
//! and column.

use std::path::Path;

use serde_json::Value;

use crate::diagnostic::Diagnostic;

/// Parse the YAML `text` of `path` into a JSON value; `what` names the file in messages.
pub fn parse_yaml(text: &str, path: &Path, what: &str) -> Result<Value, Diagnostic> {
    serde_norway::from_str::<Value>(text).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        let diagnostic =
            Diagnostic::in_file(path, format!("this {what} is not valid YAML: {message}"));
        match e.location() {
            Some(at) => diagnostic.at(at.line(), at.column()).with_source(text),
            None => diagnostic,
        }
    })
}

/// `value` as YAML text (multi-line strings as block scalars).
pub fn to_yaml(value: &Value) -> String {
    serde_norway::to_string(&yaml_value(value)).unwrap_or_default()
}

/// `value` as a YAML value: JSON numbers (kept as text, `arbitrary_precision`) become YAML
/// integers or floats, not the text's wrapper.
fn yaml_value(value: &Value) -> serde_norway::Value {
    use serde_norway::Value as Y;
    match value {
        Value::Null => Y::Null,
        Value::Bool(b) => Y::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Y::Number(i.into())
            } else if let Some(u) = n.as_u64() {
                Y::Number(u.into())
            } else {
                Y::Number(n.as_f64().unwrap_or(f64::NAN).into())
            }
        }
        Value::String(s) => Y::String(s.clone()),
        Value::Array(items) => Y::Sequence(items.iter().map(yaml_value).collect()),
        Value::Object(map) => Y::Mapping(
            map.iter()
                .map(|(k, v)| (Y::String(k.clone()), yaml_value(v)))
                .collect(),
        ),
    }
}

/// Read and parse the YAML file at `path`.
pub(super) fn read_yaml(path: &Path, what: &str) -> Result<Value, Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::in_file(path, format!("cannot read this {what}: {e}")))?;
    parse_yaml(&text, path, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_order_and_round_trips() {
        let v = json!({"z": 1, "a": "two\nlines", "m": [true, null, "{{x}}", 2.5, -3]});
        let text = to_yaml(&v);
        assert!(text.contains("|-"), "{text}");
        assert!(text.starts_with("z: 1\n"), "{text}");
        let back = parse_yaml(&text, Path::new("t.yaml"), "file").unwrap();
        assert_eq!(back, v);
        let keys: Vec<_> = back.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse_yaml("a: 1\nb: [1,\n", Path::new("x.yaml"), "request").unwrap_err();
        assert_eq!(e.file.as_deref(), Some(Path::new("x.yaml")));
        assert!(e.position.is_some(), "{e:?}");
    }
}
