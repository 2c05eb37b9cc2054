//! One variable scope (environment, collection variables or globals) as an ordered list of entries,
//! with Postman's rules: disabled entries are skipped and the last enabled duplicate wins.
//!
//! The entries keep their file order, type and `disabled` flag so an export can write them back.

use crate::collection::js_value::cast_for_type;
use crate::collection::{Variable, value_to_text};
use crate::script::VarMap;
use serde_json::Value;

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

    fn last_enabled(&self, key: &str) -> Option<usize> {
        self.entries
            .iter()
            .rposition(|v| !v.disabled && v.key == key)
    }

    /// The value of the last enabled entry named `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.last_enabled(key).map(|i| &self.entries[i].value)
    }

    /// The value as template text (see [`value_to_text`]).
    pub fn get_text(&self, key: &str) -> Option<String> {
        self.get(key).map(value_to_text)
    }

    /// True when `key` names an enabled secret variable (`type: secret`).
    pub fn is_secret(&self, key: &str) -> bool {
        self.last_enabled(key)
            .is_some_and(|i| self.entries[i].is_secret())
    }

    /// Set `key`: updates the last enabled entry (casting the value for its `type`, as Postman's
    /// SDK does); else re-enables the last disabled entry of that name (so an export keeps one
    /// entry); else appends a new enabled one.
    pub fn set(&mut self, key: &str, value: Value) {
        let disabled = || self.entries.iter().rposition(|v| v.key == key);
        match self.last_enabled(key).or_else(disabled) {
            Some(i) => {
                self.entries[i].value = cast_for_type(self.entries[i].kind.as_deref(), value);
                self.entries[i].disabled = false;
            }
            None => self.entries.push(Variable {
                key: key.to_string(),
                value,
                kind: None,
                disabled: false,
            }),
        }
    }

    /// Remove every enabled entry named `key`.
    pub fn unset(&mut self, key: &str) {
        self.entries.retain(|v| v.disabled || v.key != key);
    }

    /// The enabled variables as a map (last duplicate wins), for scripts.
    pub fn snapshot(&self) -> VarMap {
        let mut map = VarMap::new();
        for v in self.entries.iter().filter(|v| !v.disabled) {
            map.insert(v.key.clone(), v.value.clone());
        }
        map
    }

    /// Make the enabled variables equal `map` (as a script left them): changed values are updated in
    /// place, new keys appended, keys missing from `map` removed. Disabled entries are untouched.
    pub fn apply(&mut self, map: &VarMap) {
        if *map == self.snapshot() {
            return;
        }
        self.entries
            .retain(|v| v.disabled || map.contains_key(&v.key));
        for (key, value) in map {
            if self.get(key) != Some(value) {
                self.set(key, value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn var(key: &str, value: &str, disabled: bool) -> Variable {
        Variable {
            key: key.into(),
            value: json!(value),
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
    }

    #[test]
    fn scope_set_reenables_a_disabled_entry() {
        let mut scope = VariableScope::from_variables(&[var("a", "1", true)]);
        scope.set("a", json!("2"));
        assert_eq!(scope.entries().len(), 1);
        assert_eq!(scope.get("a"), Some(&json!("2")));
    }

    #[test]
    fn scope_apply_updates_appends_and_removes() {
        let mut scope =
            VariableScope::from_variables(&[var("a", "1", false), var("b", "2", false)]);
        let mut map = VarMap::new();
        map.insert("b".into(), json!(5));
        map.insert("c".into(), json!("new"));
        scope.apply(&map);
        let keys: Vec<_> = scope.entries().iter().map(|v| v.key.as_str()).collect();
        assert_eq!(keys, ["b", "c"]);
        assert_eq!(scope.get("b"), Some(&json!(5)));
    }
}
