//! One variable scope (environment, collection variables, globals, or the local `pm.variables`)
//! as an ordered list of entries, with the rules of Postman's SDK: disabled entries are skipped,
//! the last enabled duplicate wins, a value may be missing (`undefined`).
//!
//! The entries keep their file order, type and `disabled` flag so scripts see them as Newman's
//! sandbox does and an export can write them back. Scripts change a scope through [`Change`]s,
//! applied in order as Newman's runtime applies a script's mutations.

use crate::collection::js_value::cast_for_type;
use crate::collection::{Variable, value_to_text};
use indexmap::IndexMap;
use serde_json::Value;

/// Variables as plain name → value pairs, in order (an iteration's data row).
pub type VarMap = IndexMap<String, Value>;

/// One change a script made to a scope, in the order it made them.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// `set(key, value)`: JavaScript's `undefined` arrives as `null`, as it does in Newman.
    Set(String, Value),
    /// `unset(key)` (and each variable of a `clear()`).
    Unset(String),
}

/// An ordered variable scope.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariableScope {
    entries: Vec<Variable>,
}

impl VariableScope {
    /// A scope holding `vars` as loaded (disabled entries included).
    pub fn from_variables(vars: &[Variable]) -> Self {
        VariableScope {
            entries: vars.to_vec(),
        }
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
        self.entry(key)
            .map(|v| v.value.as_ref().map(value_to_text).unwrap_or_default())
    }

    /// True when `key` names an enabled secret variable (`type: secret`).
    pub fn is_secret(&self, key: &str) -> bool {
        self.entry(key).is_some_and(Variable::is_secret)
    }

    /// Set `key` as Newman's SDK does: the last enabled entry is updated (the value cast for its
    /// `type`); when there is none, a new enabled entry is appended (a disabled entry of that
    /// name stays as it is). `None` sets the value to `undefined`.
    pub fn set_value(&mut self, key: &str, value: Option<Value>) {
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
        self.entries.retain(|v| v.disabled || v.key != key);
    }

    /// Apply a script's changes in order.
    pub fn apply(&mut self, changes: &[Change]) {
        for change in changes {
            match change {
                Change::Set(key, value) => self.set(key, value.clone()),
                Change::Unset(key) => self.unset(key),
            }
        }
    }

    /// Replace every entry (the local scope as a script left it).
    pub fn replace(&mut self, entries: Vec<Variable>) {
        self.entries = entries;
    }
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
}
