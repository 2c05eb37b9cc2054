//! YAML text to a JSON value (mapping order kept) and back. A syntax error names the file, line
//! and column.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::Diagnostic;

/// Parse the YAML `text` of `path` into a JSON value; `what` names the file in messages. Merge
/// keys (`<<: *anchor`, `<<: [*a, *b]`) are applied: a mapping's own keys win over merged
/// ones, earlier merged mappings over later ones.
pub fn parse_yaml(text: &str, path: &Path, what: &str) -> Result<Value, Diagnostic> {
    let invalid = |e: serde_norway::Error| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        let diagnostic =
            Diagnostic::in_file(path, format!("this {what} is not valid YAML: {message}"));
        match e.location() {
            Some(at) => diagnostic.at(at.line(), at.column()).with_source(text),
            None => diagnostic,
        }
    };
    if !text.contains("<<") {
        return serde_norway::from_str::<Value>(text).map_err(invalid);
    }
    let mut value = serde_norway::from_str::<serde_norway::Value>(text).map_err(invalid)?;
    merge_keys(&mut value).map_err(|why| {
        Diagnostic::in_file(
            path,
            format!("this {what} has a bad merge key (`<<`): {why}"),
        )
    })?;
    Value::deserialize(value).map_err(invalid)
}

/// Apply the merge keys of `value` and of everything in it, innermost first (a merged mapping
/// may merge others itself).
fn merge_keys(value: &mut serde_norway::Value) -> Result<(), &'static str> {
    use serde_norway::Value as Y;
    match value {
        Y::Mapping(map) => {
            let merged = map.remove("<<");
            for v in map.values_mut() {
                merge_keys(v)?;
            }
            let sources = match merged {
                None => return Ok(()),
                Some(Y::Sequence(list)) => list,
                Some(one) => vec![one],
            };
            for mut source in sources {
                merge_keys(&mut source)?;
                let Y::Mapping(source) = source else {
                    return Err("it must name a mapping or a list of mappings");
                };
                for (k, v) in source {
                    map.entry(k).or_insert(v);
                }
            }
            Ok(())
        }
        Y::Sequence(list) => list.iter_mut().try_for_each(merge_keys),
        Y::Tagged(tagged) => merge_keys(&mut tagged.value),
        _ => Ok(()),
    }
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
    fn merge_keys_are_applied() {
        let text = "base: &b {type: json, content: x}\nmore: &m\n  <<: *b\n  extra: 1\n\
                    body:\n  <<: [*m, {type: text, late: 2}]\n  content: own\n";
        let v = parse_yaml(text, Path::new("m.yaml"), "file").unwrap();
        assert_eq!(
            v["body"],
            json!({"content": "own", "type": "json", "extra": 1, "late": 2})
        );
        assert!(parse_yaml("a:\n  <<: 3\n", Path::new("m.yaml"), "file").is_err());
        // A `<<` inside a string is text.
        let v = parse_yaml("a: '<<: x'\n", Path::new("m.yaml"), "file").unwrap();
        assert_eq!(v["a"], "<<: x");
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse_yaml("a: 1\nb: [1,\n", Path::new("x.yaml"), "request").unwrap_err();
        assert_eq!(e.file.as_deref(), Some(Path::new("x.yaml")));
        assert!(e.position.is_some(), "{e:?}");
    }
}
