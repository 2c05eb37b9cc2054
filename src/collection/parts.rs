//! Pieces shared by the collection and variable-file loaders: reading loosely typed JSON values,
//! lists, key/value pairs, variables, scripts (`event`) and auth blocks, with errors that name the
//! JSON path of the offending value.
//!
//! The rule for wrong types follows Newman 6.2.2 (probed value by value, see the `input-types`
//! corpus family): `null` counts as absent; a scalar where text is expected is rendered as text;
//! a value Newman runs as if it were absent (`auth: "basic"`, `header: 7`, `event: true`) is
//! ignored with a note (a warning naming the file and the JSON path, see [`Notes`]); a value
//! Newman fails on or turns into something useless (`item: 5`, a request that is a number) is a
//! [`Diagnostic`].

use std::cell::RefCell;
use std::path::Path;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::behavior::ProfileBehavior;
use super::js_value::{cast_for_type, js_string};
use super::model::{Auth, KeyValue, Listen, Script, Variable};
use crate::diagnostic::Diagnostic;

/// The file being loaded, for error messages.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    /// The input file.
    pub file: &'a Path,
    /// `collection`, `environment` or `globals`.
    pub what: &'a str,
    /// Where notes about values read loosely go.
    pub notes: Notes<'a>,
}

/// What becomes of a note about a value that was read loosely (ignored, or turned into text).
#[derive(Clone, Copy)]
pub(crate) enum Notes<'a> {
    /// Kept as warnings (`FILE: PATH: message`), for the caller to show.
    Keep(&'a RefCell<Vec<String>>),
    /// The caller cannot say where the value is (the streaming path): a note fails the load, so
    /// that the tree path reads the document again and keeps the notes with their JSON paths.
    Refuse,
    /// Not wanted: request definitions built by scripts, items read again during a run.
    Drop,
}

impl<'a> Ctx<'a> {
    /// A context for loading `file`, its notes going to `notes`.
    pub fn new(file: &'a Path, what: &'a str, notes: Notes<'a>) -> Self {
        Ctx { file, what, notes }
    }

    /// Note that the value at JSON path `at` was read loosely, as Newman reads it.
    pub fn note(&self, at: &str, message: impl Into<String>) -> Result<(), Diagnostic> {
        let message = message.into();
        match self.notes {
            Notes::Keep(notes) => {
                notes
                    .borrow_mut()
                    .push(format!("{}: {at}: {message}", self.file.display()));
                Ok(())
            }
            Notes::Refuse => Err(Diagnostic::in_file(self.file, message)),
            Notes::Drop => Ok(()),
        }
    }

    /// Note that the value at `at` is not `expected` and was ignored, as Newman ignores it.
    pub fn ignored(&self, at: &str, expected: &str, found: &Value) -> Result<(), Diagnostic> {
        self.note(
            at,
            format!(
                "expected {expected}, found {}; ignored, as Newman ignores it",
                kind_of(found)
            ),
        )
    }

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
/// Postman's SDK does, with a note); anything else that is not an array → error. `null` entries
/// are dropped.
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
        Some(one @ Value::Object(_)) => {
            ctx.note(at, SINGLE_OBJECT)?;
            Ok(vec![(index(at, 0), one)])
        }
        Some(other) => Err(ctx.wrong(at, "an array", other)),
    }
}

/// The note for a list written as one object.
pub(crate) const SINGLE_OBJECT: &str =
    "an object, not a list; read as a list of one, as Newman does";

/// An object entry of a list, with its JSON path.
pub(crate) type Entry<'v> = (String, &'v Map<String, Value>);

/// The object entries of a list Newman runs as empty when it is a scalar (`event: 7`,
/// `header: true`): like [`list`], but a scalar list and entries that are not objects are
/// ignored with a note.
pub(crate) fn loose_objects<'v>(
    v: Option<&'v Value>,
    ctx: Ctx,
    at: &str,
) -> Result<Vec<Entry<'v>>, Diagnostic> {
    let entries = match v {
        Some(scalar @ (Value::Bool(_) | Value::Number(_) | Value::String(_))) => {
            ctx.ignored(at, "an array", scalar)?;
            return Ok(Vec::new());
        }
        other => list(other, ctx, at)?,
    };
    let mut out = Vec::with_capacity(entries.len());
    for (at, x) in entries {
        match x {
            Value::Object(obj) => out.push((at, obj)),
            other => ctx.ignored(&at, "an object", other)?,
        }
    }
    Ok(out)
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

/// True when a request part's `disabled` is truthy (the only flag Postman's SDK reads there;
/// `"yes"` or `1` switches it off too, as in JavaScript).
pub(crate) fn is_switched_off(obj: &Map<String, Value>) -> bool {
    obj.get("disabled").is_some_and(truthy)
}

pub(crate) use super::js_value::truthy;

/// A variable entry (`key`; `value`; `type`; `disabled`), read as Newman's SDK reads it: the name
/// is `key` only (an entry named by `id` or `name` alone matches no `{{name}}`; a key that is not
/// a string is its JavaScript text, `7`, `true`, `[object Object]`; a `null` key is none), only
/// `disabled: true` switches an entry off (`enabled: false` is ignored), and a `string`,
/// `number` or `boolean` type casts the value. Entries with no key are dropped. A missing value
/// is `""`.
pub(crate) fn variable(obj: &Map<String, Value>) -> Option<Variable> {
    let key = match obj.get("key")? {
        Value::String(key) => key.clone(),
        // Newman lists it as "null" but never resolves it: no variable.
        Value::Null => return None,
        // Named as JavaScript's `String()` names it, as Newman does.
        other => js_string(other),
    };
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

/// A `variable` / `values` list: a list that is not one, and entries that are not objects, are
/// ignored with a note, as Newman runs them as no variables.
pub(crate) fn variables(
    v: Option<&Value>,
    ctx: Ctx,
    at: &str,
) -> Result<Vec<Variable>, Diagnostic> {
    let mut out = Vec::new();
    for (at, obj) in loose_objects(v, ctx, at)? {
        match obj.get("key") {
            None | Some(Value::String(_)) => {}
            Some(Value::Null) => ctx.note(
                &field(&at, "key"),
                "null: the variable can never be referenced, as in Newman; ignored",
            )?,
            Some(key) => ctx.note(
                &field(&at, "key"),
                format!(
                    "expected a string, found {}; the variable is named {:?}, as Newman names it",
                    kind_of(key),
                    js_string(key)
                ),
            )?,
        }
        out.extend(variable(obj));
    }
    Ok(out)
}

/// The `event` list: `prerequest` and `test` scripts; other listeners are ignored. A list that
/// is not one, an entry that is not an object and a script of the wrong type are ignored with a
/// note (Newman runs them as no script).
pub(crate) fn events(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<Script>, Diagnostic> {
    let mut out = Vec::new();
    for (at, obj) in loose_objects(v, ctx, at)? {
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
            disabled: obj.get("disabled").is_some_and(truthy),
        });
    }
    // Kept for the whole run, once per item: no spare capacity.
    out.shrink_to_fit();
    Ok(out)
}

/// `exec` as a string, or an array of lines joined with `\n` (`null` lines are empty, as
/// JavaScript's `join` renders them); anything else is no script, with a note.
fn exec_source(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<String, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Array(lines)) => Ok(lines
            .iter()
            .map(|l| match l {
                Value::Null => String::new(),
                other => js_string(other),
            })
            .collect::<Vec<_>>()
            .join("\n")),
        Some(other) => {
            ctx.ignored(at, "a string or an array of lines", other)?;
            Ok(String::new())
        }
    }
}

/// An `auth` block. `null`, or one without a `type`, is `None` (inherit); v2.1 parameter arrays
/// `[{key, value, type}]` and v2.0 parameter objects `{key: value}` give the same [`Auth`]. An
/// auth that is not an object, a `type` that is not a string, parameters that are neither a list
/// nor an object and parameter entries that are not objects are ignored with a note, as Newman
/// ignores them.
pub(crate) fn auth(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Option<Auth>, Diagnostic> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(obj)) => obj,
        Some(other) => {
            ctx.ignored(at, "an auth object", other)?;
            return Ok(None);
        }
    };
    // Without a `type` the auth is inherited; an empty `type` is the request's own auth that
    // signs nothing (so nothing is inherited), as in Newman.
    let kind = match obj.get("type") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(kind)) => kind.clone(),
        Some(other) => {
            ctx.ignored(&field(at, "type"), "a string", other)?;
            return Ok(None);
        }
    };
    let mut params = IndexMap::new();
    let mut types = IndexMap::new();
    let params_at = field(at, &kind);
    match obj.get(&kind) {
        None | Some(Value::Null) => {}
        Some(Value::Array(entries)) => {
            for (i, entry) in entries.iter().enumerate() {
                if entry.is_null() {
                    continue;
                }
                let Value::Object(entry) = entry else {
                    ctx.ignored(&index(&params_at, i), "an object", entry)?;
                    continue;
                };
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
                    if let Some(kind) = kind {
                        types.insert(key.clone(), kind);
                    }
                    params.insert(key, value);
                }
            }
        }
        Some(Value::Object(map)) => {
            params.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        Some(other) => ctx.ignored(&params_at, "an array or an object", other)?,
    }
    Ok(Some(Auth {
        kind,
        params,
        types,
    }))
}

/// `protocolProfileBehavior` when it is an object, read into its settings; anything else but
/// `null` is ignored with a note, as Newman ignores it.
pub(crate) fn profile_behavior(
    v: Option<&Value>,
    ctx: Ctx,
    at: &str,
) -> Result<Option<ProfileBehavior>, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => Ok(Some(ProfileBehavior::from_json(map))),
        Some(other) => {
            ctx.ignored(at, "an object", other)?;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx() -> Ctx<'static> {
        Ctx::new(Path::new("c.json"), "collection", Notes::Drop)
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
        assert_eq!((&a.kind, &a.params), (&b.kind, &b.params));
        // Only the v2.1 form gives the parameters a type (scripts list the others as `any`).
        assert_eq!(a.types.get("username").map(String::as_str), Some("string"));
        assert!(b.types.is_empty());
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

    /// `f` run with notes kept; its result and the notes.
    fn noting<T>(f: impl FnOnce(Ctx) -> T) -> (T, Vec<String>) {
        let notes = RefCell::new(Vec::new());
        let out = f(Ctx::new(
            Path::new("c.json"),
            "collection",
            Notes::Keep(&notes),
        ));
        (out, notes.take())
    }

    #[test]
    fn auth_wrong_types_are_ignored_with_a_note_naming_the_path() {
        let (a, notes) = noting(|ctx| auth(Some(&json!("basic")), ctx, "item[0].request.auth"));
        assert_eq!(a.unwrap(), None);
        assert_eq!(
            notes,
            [
                "c.json: item[0].request.auth: expected an auth object, found a string; ignored, as Newman ignores it"
            ]
        );
        let (a, notes) = noting(|ctx| {
            let v = json!({"type": "bearer", "bearer": [7, {"key": "token", "value": "t"}]});
            auth(Some(&v), ctx, "auth")
        });
        assert_eq!(a.unwrap().unwrap().param("token"), "t");
        assert_eq!(notes.len(), 1);
        assert!(notes[0].starts_with("c.json: auth.bearer[0]: expected an object"));
        let (a, notes) = noting(|ctx| auth(Some(&json!({"type": 7})), ctx, "auth"));
        assert_eq!(a.unwrap(), None);
        assert!(notes[0].starts_with("c.json: auth.type: expected a string, found a number"));
        // In the streaming path a note is an error, so that the tree path redoes it.
        let refused = Ctx::new(Path::new("c.json"), "collection", Notes::Refuse);
        assert!(auth(Some(&json!(7)), refused, "auth").is_err());
    }

    #[test]
    fn auth_params_render_as_javascript_strings() {
        let v = json!({"type": "basic", "basic": [{"key": "username", "value": [1, "x"]},
            {"key": "password", "value": {"a": 1}}]});
        let a = auth(Some(&v), ctx(), "auth").unwrap().unwrap();
        assert_eq!(a.param("username"), "1,x");
        assert_eq!(a.param("password"), "[object Object]");
    }

    #[test]
    fn events_and_variables_of_the_wrong_type_are_ignored_with_notes() {
        let (e, notes) = noting(|ctx| events(Some(&json!(7)), ctx, "item[0].event"));
        assert!(e.unwrap().is_empty());
        assert!(notes[0].contains("item[0].event: expected an array, found a number"));
        let v = json!([{"listen": "test", "script": {"exec": true}}, "x"]);
        let (e, notes) = noting(|ctx| events(Some(&v), ctx, "event"));
        assert_eq!(e.unwrap()[0].source, "");
        assert_eq!(notes.len(), 2);
        assert!(
            notes
                .iter()
                .any(|n| n.contains("event[0].script.exec: expected a string or"))
        );
        assert!(
            notes
                .iter()
                .any(|n| n.contains("event[1]: expected an object, found a string"))
        );
        let (vars, notes) = noting(|ctx| variables(Some(&json!("text")), ctx, "variable"));
        assert!(vars.unwrap().is_empty());
        assert!(notes[0].contains("variable: expected an array, found a string"));
        let (vars, notes) =
            noting(|ctx| variables(Some(&json!({"key": "a", "value": 1})), ctx, "variable"));
        assert_eq!(vars.unwrap()[0].key, "a");
        assert!(notes[0].contains("variable: an object, not a list"));
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
}
