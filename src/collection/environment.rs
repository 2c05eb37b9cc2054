//! Loading environment and globals files into a [`VariableFile`]: the exported form
//! `{id, name, values: [...]}`, the Postman API's wrapped form `{"environment": {...}}` /
//! `{"globals": {...}}`, and the older bare array of values.

use std::cell::RefCell;
use std::path::Path;

use serde_json::Value;

use super::duplicates::duplicate_notes;
use super::json::{parse_text, read_text};
use super::model::VariableFile;
use super::parts::{self, Ctx, Notes, kind_of, text};
use crate::diagnostic::Diagnostic;

/// Read and parse the environment or globals file at `path`; `what` (`environment`, `globals`)
/// names it in messages.
pub fn load_variable_file(path: &Path, what: &str) -> Result<VariableFile, Diagnostic> {
    let text = read_text(path, what)?;
    let mut file = parse_variable_file(parse_text(&text, path, what)?, path, what)?;
    file.warnings.extend(duplicate_notes(&text, path));
    Ok(file)
}

/// Build a [`VariableFile`] from the decoded text of an environment or globals document (what a
/// URL answered, say); `path` names it in messages.
pub fn parse_variable_text(
    text: &str,
    path: &Path,
    what: &str,
) -> Result<VariableFile, Diagnostic> {
    parse_variable_file(parse_text(text, path, what)?, path, what)
}

/// Build a [`VariableFile`] from an already parsed document. `enabled: false` is ignored, as
/// Newman's SDK ignores it; a missing `values` list means no variables.
pub fn parse_variable_file(
    doc: Value,
    path: &Path,
    what: &str,
) -> Result<VariableFile, Diagnostic> {
    let notes = RefCell::new(Vec::new());
    let ctx = Ctx::new(path, what, Notes::Keep(&notes));
    let (doc, wrapper) = unwrap_api_form(doc);
    match &doc {
        Value::Array(_) => Ok(VariableFile {
            values: {
                ctx.note(
                    "(the file)",
                    "a list, not an environment object; read as its list of variables, as \
                     Newman does",
                )?;
                parts::variables(Some(&doc), ctx, "values")?
            },
            name: None,
            wrapper,
            warnings: notes.take(),
            doc,
        }),
        Value::Object(root) => {
            if root.contains_key("item") || root.contains_key("info") {
                return Err(Diagnostic::in_file(
                    path,
                    format!(
                        "this is a Postman collection, not {} {what} file",
                        article(what)
                    ),
                )
                .with_hint("pass the collection as the first argument of `postie run`"));
            }
            Ok(VariableFile {
                values: parts::variables(root.get("values"), ctx, "values")?,
                name: text(root.get("name")),
                wrapper,
                warnings: notes.take(),
                doc,
            })
        }
        other => Err(Diagnostic::in_file(
            path,
            format!(
                "this is not a Postman {what} file: the file holds {}, not an object",
                kind_of(other)
            ),
        )
        .with_hint(format!(
            "pass {} {what} file exported from Postman",
            article(what)
        ))),
    }
}

/// `a` or `an` before `word`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// `{"environment": {...}}` or `{"globals": {...}}` → the inner object and the wrapper's key.
fn unwrap_api_form(doc: Value) -> (Value, Option<String>) {
    match doc {
        Value::Object(mut map) if map.len() == 1 => {
            for key in ["environment", "globals"] {
                if map.get(key).is_some_and(Value::is_object) {
                    let inner = map.remove(key).unwrap_or(Value::Null);
                    return (inner, Some(key.to_string()));
                }
            }
            (Value::Object(map), None)
        }
        other => (other, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<VariableFile, Diagnostic> {
        parse_variable_file(v, Path::new("env.json"), "environment")
    }

    #[test]
    fn variable_file_plain_form() {
        let f = parse(json!({"id": "1", "name": "dev", "values": [
            {"key": "a", "value": "1", "type": "default", "enabled": true},
            {"key": "s", "value": "x", "type": "secret"}
        ]}))
        .unwrap();
        assert_eq!(f.name.as_deref(), Some("dev"));
        assert_eq!(f.wrapper, None);
        assert_eq!(f.values.len(), 2);
        assert!(f.values[1].is_secret());
        assert_eq!(f.doc["id"], "1");
    }

    #[test]
    fn variable_file_wrapped_form() {
        let f =
            parse(json!({"environment": {"name": "api", "values": [{"key": "k", "value": "v"}]}}))
                .unwrap();
        assert_eq!(f.wrapper.as_deref(), Some("environment"));
        assert_eq!(f.name.as_deref(), Some("api"));
        assert_eq!(f.values[0].value_text(), "v");
        assert_eq!(f.doc["name"], "api");
        let g = parse_variable_file(
            json!({"globals": {"values": []}}),
            Path::new("g.json"),
            "globals",
        )
        .unwrap();
        assert_eq!(g.wrapper.as_deref(), Some("globals"));
    }

    #[test]
    fn variable_file_enabled_false_is_ignored_as_newman_does() {
        let doc: Value =
            serde_json::from_str(include_str!("testdata/enabled-false.environment.json")).unwrap();
        let f = parse(doc).unwrap();
        assert_eq!(f.values.len(), 1);
        assert_eq!(f.values[0].key, "dummyVar");
        assert!(!f.values[0].disabled);
    }

    #[test]
    fn variable_file_missing_values_is_empty() {
        let f = parse(json!({"name": "nothing"})).unwrap();
        assert!(f.values.is_empty());
    }

    #[test]
    fn variable_file_bare_array_of_values() {
        let f = parse(json!([{"key": "a", "value": "1", "enabled": true}])).unwrap();
        assert_eq!(f.values[0].key, "a");
        assert!(f.doc.is_array());
    }

    #[test]
    fn variable_file_not_an_object() {
        for doc in [json!(5), json!("x"), json!(null)] {
            let d = parse(doc).unwrap_err();
            assert!(
                d.message
                    .starts_with("this is not a Postman environment file"),
                "{}",
                d.message
            );
        }
        // Newman runs such a file as no variables.
        let f = parse(json!({"values": 5})).unwrap();
        assert!(f.values.is_empty());
        assert_eq!(
            f.warnings,
            ["env.json: values: expected an array, found a number; ignored, as Newman ignores it"]
        );
    }

    #[test]
    fn variable_file_empty_list_and_odd_keys_are_noted() {
        let f = parse(json!([])).unwrap();
        assert!(f.values.is_empty());
        assert!(f.warnings[0].contains("a list, not an environment object"));
        let f =
            parse(json!({"values": [{"key": 7, "value": "a"}, {"key": null, "value": "b"}, 3]}))
                .unwrap();
        let keys: Vec<_> = f.values.iter().map(|v| v.key.as_str()).collect();
        assert_eq!(keys, ["7"], "a null key is no variable");
        assert_eq!(f.warnings.len(), 3, "{:?}", f.warnings);
        let has = |needle: &str| f.warnings.iter().any(|w| w.contains(needle));
        assert!(has("values[0].key: expected a string, found a number"));
        assert!(has("values[1].key: null"));
        assert!(has("values[2]: expected an object, found a number"));
    }

    #[test]
    fn variable_file_collection_passed_as_environment() {
        let d = parse(json!({"info": {"name": "c"}, "item": []})).unwrap_err();
        assert_eq!(
            d.message,
            "this is a Postman collection, not an environment file"
        );
    }

    #[test]
    fn variable_file_utf16le_fixture() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut f, include_bytes!("testdata/utf16le.environment.json"))
            .unwrap();
        let v = load_variable_file(f.path(), "environment").unwrap();
        assert!(!v.values.is_empty());
    }
}
