//! Variables across the Rust/JavaScript boundary (see [`super::convert`] for the formats): a
//! scope as the list of entries `begin` hands the prelude, and a script's change list read back.

use serde_json::Value;
use serde_json::value::RawValue;

use super::convert::{entry_tree, tree};
use crate::collection::Variable;
use crate::collection::js_value::js_string;
use crate::vars::{Change, ScopeChange, ScopeName, VariableScope};

/// A [`VariableScope`] as the JSON list of entries the prelude parses on first use.
pub(crate) fn scope_json(scope: &VariableScope) -> String {
    let mut out = String::with_capacity(2 + scope.entries().len() * 24);
    out.push('[');
    for (i, var) in scope.entries().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&entry_json(var).to_string());
    }
    out.push(']');
    out
}

/// One entry: `[name, value]` when it is plain, else the object form.
fn entry_json(var: &Variable) -> Value {
    match (&var.value, &var.kind, var.disabled) {
        (Some(value), None, false) => {
            Value::Array(vec![Value::from(var.key.as_str()), value.clone()])
        }
        (value, kind, disabled) => {
            let mut map = serde_json::Map::new();
            map.insert("k".into(), Value::from(var.key.as_str()));
            if let Some(value) = value {
                map.insert("v".into(), value.clone());
            }
            if let Some(kind) = kind {
                map.insert("t".into(), Value::from(kind.as_str()));
            }
            if disabled {
                map.insert("d".into(), Value::Bool(true));
            }
            Value::Object(map)
        }
    }
}

/// An entry of the list [`scope_json`] writes, back from the script; `None` when it is not one.
fn entry_from_json(entry: Value) -> Option<Variable> {
    match entry {
        Value::Array(mut parts) if parts.len() == 2 => {
            let value = parts.pop();
            Some(Variable {
                key: key_text(parts.pop()?)?,
                value,
                kind: None,
                disabled: false,
            })
        }
        Value::Object(mut map) => Some(Variable {
            key: key_text(map.remove("k")?)?,
            value: map.remove("v"),
            kind: map.remove("t").and_then(|t| t.as_str().map(str::to_string)),
            disabled: map.remove("d") == Some(Value::Bool(true)),
        }),
        _ => None,
    }
}

/// A variable name as the script gave it: a string, or a number or boolean as JavaScript writes
/// it. `null` (a `set()` without a name) names nothing.
fn key_text(key: Value) -> Option<String> {
    match key {
        Value::String(text) => Some(text),
        Value::Null => None,
        other => Some(js_string(&other)),
    }
}

/// One change of the list `finish` returns (see the module doc); `None` when it is not one or
/// names nothing.
pub(super) fn change_from_json(raw: &RawValue) -> Option<ScopeChange> {
    let parts: Vec<Box<RawValue>> = serde_json::from_str(raw.get()).ok()?;
    let text = |i: usize| -> Option<String> { serde_json::from_str(parts.get(i)?.get()).ok() };
    let scope = ScopeName::from_key(&text(1)?)?;
    let change = match (text(0)?.as_str(), parts.len()) {
        ("s", 4) => Change::Set(key_text(tree(&parts[2]))?, tree(&parts[3])),
        ("u", 3) => Change::Unset(key_text(tree(&parts[2]))?),
        ("c", 2) => Change::Clear,
        ("p", 3) => {
            let entry = entry_from_json(entry_tree(&parts[2]))?;
            Change::Store {
                key: entry.key,
                value: entry.value,
                kind: entry.kind,
            }
        }
        _ => return None,
    };
    Some(ScopeChange { scope, change })
}
