//! Pieces shared by the collection and variable-file loaders: reading loosely typed JSON values,
//! lists, key/value pairs, variables, scripts (`event`) and auth blocks, with errors that name the
//! JSON path of the offending value.
//!
//! The rule for wrong types: `null` counts as absent; a scalar where text is expected is rendered
//! as text; a container of the wrong kind (e.g. `item: 5`) is a [`Diagnostic`].

use std::path::Path;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::js_value::cast_for_type;
use super::model::{Auth, KeyValue, Listen, Script, Variable};
use crate::diagnostic::Diagnostic;

/// The file being loaded, for error messages.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    /// The input file.
    pub file: &'a Path,
    /// `collection`, `environment` or `globals`.
    pub what: &'a str,
}

impl Ctx<'_> {
    /// A value at JSON path `at` has the wrong type.
    pub fn wrong(&self, at: &str, expected: &str, found: &Value) -> Diagnostic {
        Diagnostic::in_file(
            self.file,
            format!("{at}: expected {expected}, found {}", kind_of(found)),
        )
        .with_hint(format!(
            "fix that value in the {} file, or re-export it from Postman",
            self.what
        ))
    }
}

/// How a JSON value is described in messages.
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON path one level down: `item[2]`.
pub(crate) fn index(at: &str, i: usize) -> String {
    format!("{at}[{i}]")
}

/// A JSON path one level down: `item[2].request`.
pub(crate) fn field(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// A scalar as text: strings as they are, numbers and booleans rendered; `None` for null,
/// missing, arrays and objects.
pub(crate) fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The entries of a list field: absent or `null` → none; a single object → a list of one (as
/// Postman's SDK does); anything else that is not an array → error. `null` entries are dropped.
pub(crate) fn list<'v>(
    v: Option<&'v Value>,
    ctx: Ctx,
    at: &str,
) -> Result<Vec<(String, &'v Value)>, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items
            .iter()
            .enumerate()
            .filter(|(_, x)| !x.is_null())
            .map(|(i, x)| (index(at, i), x))
            .collect()),
        Some(one @ Value::Object(_)) => Ok(vec![(index(at, 0), one)]),
        Some(other) => Err(ctx.wrong(at, "an array", other)),
    }
}

/// An entry that must be an object.
pub(crate) fn object<'v>(
    v: &'v Value,
    ctx: Ctx,
    at: &str,
) -> Result<&'v Map<String, Value>, Diagnostic> {
    v.as_object().ok_or_else(|| ctx.wrong(at, "an object", v))
}

/// A `{key, value, disabled}` entry of a request (header, query or body parameter, path
/// variable). A `null` or missing value becomes `""` with `no_value` set; a `null` key becomes
/// `""`. Only `disabled: true` switches it off: Postman's SDK ignores `enabled` here.
pub(crate) fn key_value(obj: &Map<String, Value>) -> KeyValue {
    let value = text(obj.get("value"));
    KeyValue {
        key: text(obj.get("key")).unwrap_or_default(),
        no_value: value.is_none(),
        value: value.unwrap_or_default(),
        disabled: is_switched_off(obj),
    }
}

/// True when a request part says `disabled: true` (the only flag Postman's SDK reads there).
pub(crate) fn is_switched_off(obj: &Map<String, Value>) -> bool {
    obj.get("disabled").and_then(Value::as_bool) == Some(true)
}

/// A list of `{key, value, disabled}` entries.
pub(crate) fn key_values(
    v: Option<&Value>,
    ctx: Ctx,
    at: &str,
) -> Result<Vec<KeyValue>, Diagnostic> {
    list(v, ctx, at)?
        .into_iter()
        .map(|(at, x)| object(x, ctx, &at).map(key_value))
        .collect()
}

/// A variable entry (`key`; `value`; `type`; `disabled`), read as Newman's SDK reads it: the name
/// is `key` only (an entry named by `id` or `name` alone matches no `{{name}}`), only
/// `disabled: true` switches an entry off (`enabled: false` is ignored), and a `string`,
/// `number` or `boolean` type casts the value. Entries with no key are dropped. A missing value
/// is `""`.
pub(crate) fn variable(obj: &Map<String, Value>) -> Option<Variable> {
    let key = text(obj.get("key"))?;
    let kind = text(obj.get("type"));
    let value = obj
        .get("value")
        .cloned()
        .map(|value| cast_for_type(kind.as_deref(), value));
    Some(Variable {
        key,
        value,
        kind,
        disabled: obj.get("disabled").and_then(Value::as_bool) == Some(true),
    })
}

/// A `variable` / `values` list.
pub(crate) fn variables(
    v: Option<&Value>,
    ctx: Ctx,
    at: &str,
) -> Result<Vec<Variable>, Diagnostic> {
    let mut out = Vec::new();
    for (at, x) in list(v, ctx, at)? {
        out.extend(variable(object(x, ctx, &at)?));
    }
    Ok(out)
}

/// The `event` list: `prerequest` and `test` scripts; other listeners are ignored.
pub(crate) fn events(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<Script>, Diagnostic> {
    let mut out = Vec::new();
    for (at, x) in list(v, ctx, at)? {
        let obj = object(x, ctx, &at)?;
        let listen = match obj.get("listen").and_then(Value::as_str) {
            Some("prerequest") => Listen::PreRequest,
            Some("test") => Listen::Test,
            _ => continue,
        };
        let source = match obj.get("script") {
            Some(Value::Object(script)) => {
                exec_source(script.get("exec"), ctx, &field(&at, "script.exec"))?
            }
            other => exec_source(other, ctx, &field(&at, "script"))?,
        };
        out.push(Script {
            listen,
            source,
            disabled: obj.get("disabled").and_then(Value::as_bool) == Some(true),
        });
    }
    // Kept for the whole run, once per item: no spare capacity.
    out.shrink_to_fit();
    Ok(out)
}

/// `exec` as a string, or an array of lines joined with `\n` (`null` lines are empty, as
/// JavaScript's `join` renders them).
fn exec_source(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<String, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(lines)) => Ok(lines
            .iter()
            .map(|l| match l {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")),
        Some(other) => Err(ctx.wrong(at, "a string or an array of lines", other)),
    }
}

/// An `auth` block. `null`, or one without a `type`, is `None` (inherit); v2.1 parameter arrays
/// `[{key, value, type}]` and v2.0 parameter objects `{key: value}` give the same [`Auth`].
pub(crate) fn auth(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Option<Auth>, Diagnostic> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(obj)) => obj,
        Some(other) => return Err(ctx.wrong(at, "an auth object", other)),
    };
    // Without a `type` the auth is inherited; an empty `type` is the request's own auth that
    // signs nothing (so nothing is inherited), as in Newman.
    let Some(kind) = text(obj.get("type")) else {
        return Ok(None);
    };
    let mut params = IndexMap::new();
    let params_at = field(at, &kind);
    match obj.get(&kind) {
        None | Some(Value::Null) => {}
        Some(Value::Array(entries)) => {
            for (i, entry) in entries.iter().enumerate() {
                if entry.is_null() {
                    continue;
                }
                let entry = object(entry, ctx, &index(&params_at, i))?;
                if let Some(key) = text(entry.get("key")) {
                    // Each parameter is a variable: its `type` casts the value (`"string"` makes
                    // `false` the text "false", which a signer then reads as true).
                    let value = entry.get("value").cloned().unwrap_or(Value::Null);
                    let kind = text(entry.get("type"));
                    let value = if value.is_null() {
                        value
                    } else {
                        cast_for_type(kind.as_deref(), value)
                    };
                    params.insert(key, value);
                }
            }
        }
        Some(Value::Object(map)) => {
            params.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        Some(other) => return Err(ctx.wrong(&params_at, "an array or an object", other)),
    }
    Ok(Some(Auth { kind, params }))
}

/// `protocolProfileBehavior` when it is an object.
pub(crate) fn profile_behavior(v: Option<&Value>) -> Option<Map<String, Value>> {
    v.and_then(Value::as_object).cloned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx() -> Ctx<'static> {
        Ctx {
            file: Path::new("c.json"),
            what: "collection",
        }
    }

    #[test]
    fn auth_v21_and_v20_forms_are_equal() {
        let v21 = json!({"type": "basic", "basic": [
            {"key": "username", "value": "u", "type": "string"},
            {"key": "password", "value": "p", "type": "string"}
        ]});
        let v20 = json!({"type": "basic", "basic": {"username": "u", "password": "p"}});
        let a = auth(Some(&v21), ctx(), "auth").unwrap().unwrap();
        let b = auth(Some(&v20), ctx(), "auth").unwrap().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.kind, "basic");
        assert_eq!(a.param("username"), "u");
        assert_eq!(a.param("password"), "p");
    }

    #[test]
    fn auth_null_inherits_and_noauth_is_kept() {
        assert_eq!(auth(Some(&Value::Null), ctx(), "auth").unwrap(), None);
        assert_eq!(auth(None, ctx(), "auth").unwrap(), None);
        let a = auth(Some(&json!({"type": "noauth"})), ctx(), "auth")
            .unwrap()
            .unwrap();
        assert_eq!(a.kind, "noauth");
        assert!(a.params.is_empty());
    }

    #[test]
    fn auth_only_reads_the_block_of_its_type() {
        let v = json!({"type": "bearer", "bearer": [{"key": "token", "value": "t"}],
                       "basic": [{"key": "username", "value": "u"}]});
        let a = auth(Some(&v), ctx(), "auth").unwrap().unwrap();
        assert_eq!(a.params.len(), 1);
        assert_eq!(a.param("token"), "t");
    }

    #[test]
    fn auth_wrong_type_names_the_path() {
        let d = auth(Some(&json!("basic")), ctx(), "item[0].request.auth").unwrap_err();
        assert_eq!(
            d.message,
            "item[0].request.auth: expected an auth object, found a string"
        );
    }

    #[test]
    fn events_exec_string_and_array_agree() {
        let v = json!([
            {"listen": "test", "script": {"exec": ["a();", "b();"]}},
            {"listen": "prerequest", "script": {"exec": "a();\nb();"}, "disabled": true},
            {"listen": "somethingElse", "script": {"exec": "x"}}
        ]);
        let e = events(Some(&v), ctx(), "event").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].listen, Listen::Test);
        assert_eq!(e[0].source, e[1].source);
        assert_eq!(e[1].listen, Listen::PreRequest);
        assert!(e[1].disabled && !e[0].disabled);
    }

    #[test]
    fn events_single_object_is_a_list_of_one() {
        let v = json!({"listen": "test", "script": {"exec": ["x"]}});
        assert_eq!(events(Some(&v), ctx(), "event").unwrap().len(), 1);
    }

    #[test]
    fn variables_enabled_false_ignored_id_unnamed_and_types_cast() {
        let v = json!([
            {"key": "a", "value": "1", "enabled": false},
            {"key": "b"},
            {"key": "c", "value": 3, "type": "number", "disabled": true},
            {"id": "d", "value": "4"},
            {"value": "nameless"},
            {"key": "e", "value": "42", "type": "number"}
        ]);
        let vars = variables(Some(&v), ctx(), "variable").unwrap();
        let keys: Vec<_> = vars.iter().map(|v| v.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c", "e"]);
        assert!(!vars[0].disabled);
        assert_eq!(vars[3].value, Some(json!(42)));
        assert_eq!(
            vars[1].value, None,
            "no value is undefined, not an empty text"
        );
        assert!(!vars[1].disabled);
        assert_eq!(vars[2].value, Some(json!(3)));
        assert_eq!(vars[2].kind.as_deref(), Some("number"));
        assert!(vars[2].disabled);
    }

    #[test]
    fn key_values_null_value_and_wrong_entry() {
        let kv = key_values(
            Some(&json!([{"key": "a", "value": null}, null])),
            ctx(),
            "q",
        )
        .unwrap();
        assert_eq!(kv.len(), 1);
        assert!(kv[0].no_value);
        assert_eq!(kv[0].value, "");
        let d = key_values(Some(&json!([{"key": "a"}, 7])), ctx(), "q").unwrap_err();
        assert_eq!(d.message, "q[1]: expected an object, found a number");
    }
}
