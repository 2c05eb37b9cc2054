//! One variable scope (environment, collection variables, globals, the local `pm.variables`, or
//! an iteration's data row) as an ordered list of entries, with the rules of Postman's SDK:
//! disabled entries are skipped, the last enabled duplicate wins, a value may be missing
//! (`undefined`).
//!
//! The entries keep their file order, type and `disabled` flag so scripts see them as Newman's
//! sandbox does and an export can write them back. Scripts change a scope through [`Change`]s,
//! applied in order as Newman's runtime applies a script's mutations. Every scope carries a
//! version: a number drawn from one counter for the whole process each time the scope changes,
//! so two scopes with the same version hold the same entries (a clone keeps its version) and
//! the sandbox can skip handing a script a scope it already has.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::collection::js_value::cast_for_type;
use crate::collection::{Variable, value_to_text};
use indexmap::IndexMap;
use serde_json::Value;

/// Variables as plain name → value pairs, in order (an iteration's data row as loaded; the run
/// turns it into a [`VariableScope`] with [`VariableScope::from_row`]).
pub type VarMap = IndexMap<String, Value>;

/// One change a script made to a scope, in the order it made them.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// `set(key, value)` as Newman's runtime applies it: the last enabled entry takes the value
    /// (cast for its `type`), or a new entry is added. JavaScript's `undefined` arrives as
    /// `null`, as it does in Newman.
    Set(String, Value),
    /// `unset(key)`: every enabled entry named `key` is removed.
    Unset(String),
    /// `clear()`: every enabled entry is removed (disabled ones stay).
    Clear,
    /// The local scope (`pm.variables`), kept by the sandbox as Postman's SDK keeps it: the
    /// last enabled entry named `key` takes exactly this value (`None`: `undefined`) and type,
    /// or a new entry is added.
    Store {
        /// The name.
        key: String,
        /// The value as the sandbox stored it.
        value: Option<Value>,
        /// The type the entry has now (`None` for `any`).
        kind: Option<String>,
    },
}

/// The source of scope versions; 0 is never drawn (it marks an empty default scope).
static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

fn fresh_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

/// An ordered variable scope.
#[derive(Debug, Clone, Default)]
pub struct VariableScope {
    entries: Vec<Variable>,
    version: u64,
}

/// Scopes are equal when their entries are; the version does not count.
impl PartialEq for VariableScope {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl VariableScope {
    /// A scope holding `vars` as loaded (disabled entries included).
    pub fn from_variables(vars: &[Variable]) -> Self {
        VariableScope {
            entries: vars.to_vec(),
            version: fresh_version(),
        }
    }

    /// A data row as a scope: one plain enabled entry per name, in order.
    pub fn from_row(row: &VarMap) -> Self {
        if row.is_empty() {
            return VariableScope::default();
        }
        VariableScope {
            entries: row
                .iter()
                .map(|(key, value)| Variable {
                    key: key.clone(),
                    value: Some(value.clone()),
                    kind: None,
                    disabled: false,
                })
                .collect(),
            version: fresh_version(),
        }
    }

    /// This scope's version: it changes whenever an entry does (see the module doc).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// All entries in order, disabled ones included.
    pub fn entries(&self) -> &[Variable] {
        &self.entries
    }

    /// True when the scope has no entry at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn last_enabled(&self, key: &str) -> Option<usize> {
        self.entries
            .iter()
            .rposition(|v| !v.disabled && v.key == key)
    }

    /// The last enabled entry named `key`.
    pub fn entry(&self, key: &str) -> Option<&Variable> {
        self.last_enabled(key).map(|i| &self.entries[i])
    }

    /// True when an enabled entry is named `key` (with a value or without).
    pub fn contains_key(&self, key: &str) -> bool {
        self.last_enabled(key).is_some()
    }

    /// The value of the last enabled entry named `key`; `None` when there is none or it has no
    /// value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entry(key).and_then(|v| v.value.as_ref())
    }

    /// The value as template text (see [`value_to_text`]); an entry without a value is empty.
    pub fn get_text(&self, key: &str) -> Option<String> {
        self.entry(key).map(|v| {
            v.value
                .as_ref()
                .map(|value| typed_text(v.kind.as_deref(), value))
                .unwrap_or_default()
        })
    }

    /// True when `key` names an enabled secret variable (`type: secret`).
    pub fn is_secret(&self, key: &str) -> bool {
        self.entry(key).is_some_and(Variable::is_secret)
    }

    /// Set `key` as Newman's SDK does: the last enabled entry is updated (the value cast for its
    /// `type`); when there is none, a new enabled entry is appended (a disabled entry of that
    /// name stays as it is). `None` sets the value to `undefined`.
    pub fn set_value(&mut self, key: &str, value: Option<Value>) {
        self.version = fresh_version();
        match self.last_enabled(key) {
            Some(i) => {
                let entry = &mut self.entries[i];
                entry.value = value.map(|v| cast_for_type(entry.kind.as_deref(), v));
            }
            None => self.entries.push(Variable {
                key: key.to_string(),
                value,
                kind: None,
                disabled: false,
            }),
        }
    }

    /// Set `key` to `value` (see [`VariableScope::set_value`]).
    pub fn set(&mut self, key: &str, value: Value) {
        self.set_value(key, Some(value));
    }

    /// Remove every enabled entry named `key`; disabled ones stay.
    pub fn unset(&mut self, key: &str) {
        self.version = fresh_version();
        self.entries.retain(|v| v.disabled || v.key != key);
    }

    /// Apply a script's changes in order.
    pub fn apply(&mut self, changes: &[Change]) {
        for change in changes {
            self.apply_one(change);
        }
    }

    /// Apply one change.
    pub fn apply_one(&mut self, change: &Change) {
        match change {
            Change::Set(key, value) => self.set(key, value.clone()),
            Change::Unset(key) => self.unset(key),
            Change::Clear => {
                self.version = fresh_version();
                self.entries.retain(|v| v.disabled);
            }
            Change::Store { key, value, kind } => {
                self.version = fresh_version();
                match self.last_enabled(key) {
                    Some(i) => {
                        let entry = &mut self.entries[i];
                        entry.value = value.clone();
                        entry.kind = kind.clone();
                    }
                    None => self.entries.push(Variable {
                        key: key.clone(),
                        value: value.clone(),
                        kind: kind.clone(),
                        disabled: false,
                    }),
                }
            }
        }
    }
}

/// A value as template text, read the way its type reads it: an `object` or `array` variable
/// holds JSON text that the SDK parses back (`{{obj}}` is then `[object Object]`).
fn typed_text(kind: Option<&str>, value: &Value) -> String {
    if let (Some(kind @ ("object" | "array")), Value::String(text)) = (kind, value)
        && let Ok(parsed) = serde_json::from_str::<Value>(text)
        && (kind == "array") == parsed.is_array()
        && (parsed.is_object() || parsed.is_array())
    {
        return value_to_text(&parsed);
    }
    value_to_text(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn var(key: &str, value: &str, disabled: bool) -> Variable {
        Variable {
            key: key.into(),
            value: Some(json!(value)),
            kind: None,
            disabled,
        }
    }

    #[test]
    fn scope_skips_disabled_and_last_duplicate_wins() {
        let scope = VariableScope::from_variables(&[
            var("a", "1", false),
            var("a", "2", false),
            var("a", "3", true),
            var("b", "x", true),
        ]);
        assert_eq!(scope.get_text("a").as_deref(), Some("2"));
        assert_eq!(scope.get("b"), None);
        assert!(!scope.contains_key("b"));
    }

    #[test]
    fn scope_set_leaves_a_disabled_entry_and_appends() {
        let mut scope = VariableScope::from_variables(&[var("a", "1", true)]);
        scope.set("a", json!("2"));
        assert_eq!(scope.entries().len(), 2, "Newman adds a new entry");
        assert!(scope.entries()[0].disabled);
        assert_eq!(scope.get("a"), Some(&json!("2")));
    }

    #[test]
    fn scope_set_casts_for_the_entry_type() {
        let mut typed = var("n", "1", false);
        typed.kind = Some("number".into());
        let mut scope = VariableScope::from_variables(&[typed]);
        scope.set("n", json!("7"));
        assert_eq!(scope.get("n"), Some(&json!(7)));
    }

    #[test]
    fn scope_without_value_is_present_and_substitutes_empty() {
        let mut scope = VariableScope::default();
        scope.set_value("u", None);
        assert!(scope.contains_key("u"));
        assert_eq!(scope.get("u"), None);
        assert_eq!(scope.get_text("u").as_deref(), Some(""));
        let mut obj = var("o", "{\"a\":1}", false);
        obj.kind = Some("object".into());
        let mut arr = var("l", "[1,\"x\"]", false);
        arr.kind = Some("array".into());
        let typed = VariableScope::from_variables(&[obj, arr]);
        assert_eq!(typed.get_text("o").as_deref(), Some("[object Object]"));
        assert_eq!(typed.get_text("l").as_deref(), Some("1,x"));
    }

    #[test]
    fn scope_apply_runs_changes_in_order() {
        let mut scope = VariableScope::from_variables(&[var("a", "1", false), var("b", "2", true)]);
        scope.apply(&[
            Change::Set("b".into(), json!(5)),
            Change::Unset("a".into()),
            Change::Set("c".into(), json!("new")),
            Change::Unset("b".into()),
        ]);
        let keys: Vec<_> = scope.entries().iter().map(|v| v.key.as_str()).collect();
        assert_eq!(
            keys,
            ["b", "c"],
            "the disabled b stays, the set one is gone"
        );
        assert!(scope.entries()[0].disabled);
    }

    #[test]
    fn scope_clear_keeps_disabled_entries_and_store_sets_exactly() {
        let mut scope = VariableScope::from_variables(&[var("a", "1", false), var("b", "2", true)]);
        scope.apply(&[
            Change::Clear,
            Change::Store {
                key: "n".into(),
                value: Some(json!("7")),
                kind: Some("string".into()),
            },
            Change::Store {
                key: "u".into(),
                value: None,
                kind: None,
            },
        ]);
        let keys: Vec<_> = scope.entries().iter().map(|v| v.key.as_str()).collect();
        assert_eq!(keys, ["b", "n", "u"]);
        assert_eq!(
            scope.entry("n").and_then(|v| v.kind.as_deref()),
            Some("string")
        );
        assert!(scope.contains_key("u") && scope.get("u").is_none());
    }

    #[test]
    fn scope_version_changes_with_entries_and_survives_a_clone() {
        let mut scope = VariableScope::from_variables(&[var("a", "1", false)]);
        let copy = scope.clone();
        assert_eq!(copy.version(), scope.version());
        scope.set("a", json!("2"));
        assert_ne!(copy.version(), scope.version());
        let before = scope.version();
        scope.apply(&[Change::Unset("zz".into())]);
        assert_ne!(scope.version(), before, "every change draws a new version");
        assert_eq!(VariableScope::default().version(), 0);
        assert_eq!(VariableScope::from_row(&VarMap::new()).version(), 0);
    }
}
