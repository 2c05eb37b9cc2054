//! All variable scopes of a run and Postman's precedence between them:
//! local (`pm.variables`) > iteration data > environment > collection > globals, then dynamic
//! `{{$…}}` variables last.

use super::dynamic::dynamic_value;
use super::scope::{Change, VariableScope};
use super::template;
use crate::collection::value_to_text;

/// The five variable scopes, in Postman's precedence order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeName {
    /// `pm.variables`.
    Local,
    /// The iteration's data row (`pm.iterationData`).
    Data,
    /// `pm.environment`.
    Environment,
    /// `pm.collectionVariables`.
    Collection,
    /// `pm.globals`.
    Globals,
}

impl ScopeName {
    /// Every scope, in precedence order.
    pub const ALL: [ScopeName; 5] = [
        ScopeName::Local,
        ScopeName::Data,
        ScopeName::Environment,
        ScopeName::Collection,
        ScopeName::Globals,
    ];

    /// The name the sandbox uses: `local`, `data`, `environment`, `collection`, `globals`.
    pub fn key(self) -> &'static str {
        match self {
            ScopeName::Local => "local",
            ScopeName::Data => "data",
            ScopeName::Environment => "environment",
            ScopeName::Collection => "collection",
            ScopeName::Globals => "globals",
        }
    }

    /// The scope named `key` (see [`ScopeName::key`]).
    pub fn from_key(key: &str) -> Option<ScopeName> {
        ScopeName::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One change a script made, and to which scope.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeChange {
    /// The scope.
    pub scope: ScopeName,
    /// The change.
    pub change: Change,
}

/// What one script did to the variables, in the order it did it, for the runner to store with
/// [`Scopes::apply`]. What a script does to `pm.iterationData` lasts only for that script, as in
/// Newman, so it is not listed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VarChanges(pub Vec<ScopeChange>);

impl VarChanges {
    /// The changes made to `scope`, in order.
    pub fn of(&self, scope: ScopeName) -> Vec<Change> {
        self.0
            .iter()
            .filter(|c| c.scope == scope)
            .map(|c| c.change.clone())
            .collect()
    }

    /// True when the script changed no variable.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The variable state of a run.
#[derive(Debug, Clone, Default)]
pub struct Scopes {
    /// `pm.variables`: set by scripts, persists for the rest of the run.
    pub local: VariableScope,
    /// The current iteration's data row.
    pub data: VariableScope,
    /// The environment.
    pub environment: VariableScope,
    /// Collection variables.
    pub collection: VariableScope,
    /// Globals.
    pub globals: VariableScope,
}

impl Scopes {
    /// The value of `name` as template text, by precedence; dynamic variables last.
    pub fn lookup(&self, name: &str) -> Option<String> {
        if let Some(text) = self.local.get_text(name) {
            return Some(text);
        }
        if let Some(entry) = self.data.entry(name) {
            // A null in a data row leaves the reference unresolved: lower scopes are not asked.
            return entry
                .value
                .as_ref()
                .filter(|v| !v.is_null())
                .map(value_to_text);
        }
        self.environment
            .get_text(name)
            .or_else(|| self.collection.get_text(name))
            .or_else(|| self.globals.get_text(name))
            .or_else(|| name.starts_with('$').then(|| dynamic_value(name)).flatten())
    }

    /// Resolve every `{{name}}` / `<<name>>` in `text`.
    pub fn resolve(&self, text: &str) -> String {
        template::resolve(text, &mut |name| self.lookup(name))
    }

    /// True when `name` resolves to a secret variable (`type: secret`) in the scope that provides it.
    pub fn is_secret(&self, name: &str) -> bool {
        if self.local.contains_key(name) || self.data.contains_key(name) {
            return false;
        }
        for scope in [&self.environment, &self.collection, &self.globals] {
            if scope.contains_key(name) {
                return scope.is_secret(name);
            }
        }
        false
    }

    /// The scope named `name`.
    pub fn scope(&self, name: ScopeName) -> &VariableScope {
        match name {
            ScopeName::Local => &self.local,
            ScopeName::Data => &self.data,
            ScopeName::Environment => &self.environment,
            ScopeName::Collection => &self.collection,
            ScopeName::Globals => &self.globals,
        }
    }

    fn scope_mut(&mut self, name: ScopeName) -> &mut VariableScope {
        match name {
            ScopeName::Local => &mut self.local,
            ScopeName::Data => &mut self.data,
            ScopeName::Environment => &mut self.environment,
            ScopeName::Collection => &mut self.collection,
            ScopeName::Globals => &mut self.globals,
        }
    }

    /// The versions of the five scopes, in [`ScopeName::ALL`] order.
    pub fn versions(&self) -> [u64; 5] {
        ScopeName::ALL.map(|name| self.scope(name).version())
    }

    /// Store what a script did, change by change in order. Changes to the data row are ignored:
    /// what a script does to `pm.iterationData` lasts only for that script, as in Newman.
    pub fn apply(&mut self, changes: &VarChanges) {
        for change in &changes.0 {
            if change.scope != ScopeName::Data {
                self.scope_mut(change.scope).apply_one(&change.change);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Variable;
    use serde_json::json;

    #[test]
    fn scopes_apply_changes_in_order_and_skip_the_data_row() {
        let mut s = Scopes {
            environment: scope(&[("a", "1")]),
            data: scope(&[("d", "row")]),
            ..Scopes::default()
        };
        let change = |scope, change| ScopeChange { scope, change };
        s.apply(&VarChanges(vec![
            change(ScopeName::Environment, Change::Set("b".into(), json!(2))),
            change(ScopeName::Data, Change::Clear),
            change(ScopeName::Environment, Change::Unset("a".into())),
            change(
                ScopeName::Local,
                Change::Store {
                    key: "l".into(),
                    value: Some(json!(true)),
                    kind: Some("boolean".into()),
                },
            ),
        ]));
        assert_eq!(s.resolve("{{a}}|{{b}}|{{d}}|{{l}}"), "{{a}}|2|row|true");
        assert_eq!(
            s.local.entry("l").and_then(|v| v.kind.as_deref()),
            Some("boolean")
        );
    }

    fn scope(pairs: &[(&str, &str)]) -> VariableScope {
        let vars: Vec<Variable> = pairs
            .iter()
            .map(|(k, v)| Variable {
                key: (*k).into(),
                value: Some(json!(v)),
                kind: None,
                disabled: false,
            })
            .collect();
        VariableScope::from_variables(&vars)
    }

    #[test]
    fn scopes_follow_postman_precedence() {
        let mut s = Scopes {
            globals: scope(&[("x", "global"), ("g", "g")]),
            collection: scope(&[("x", "collection"), ("c", "c")]),
            environment: scope(&[("x", "env"), ("e", "e")]),
            ..Scopes::default()
        };
        assert_eq!(s.resolve("{{x}}{{g}}{{c}}{{e}}"), "envgce");
        s.data = VariableScope::from_row(&[("x".to_string(), json!("data"))].into_iter().collect());
        assert_eq!(s.resolve("{{x}}"), "data");
        s.local.set("x", json!("local"));
        assert_eq!(s.resolve("{{x}}"), "local");
    }

    #[test]
    fn scopes_user_variable_beats_dynamic() {
        let s = Scopes {
            environment: scope(&[("$guid", "mine")]),
            ..Scopes::default()
        };
        assert_eq!(s.resolve("{{$guid}}"), "mine");
        assert_eq!(s.resolve("{{$nope}}"), "{{$nope}}");
    }

    #[test]
    fn scopes_nested_values_resolve() {
        let s = Scopes {
            environment: scope(&[("base", "http://{{host}}"), ("host", "h"), ("b", "2")]),
            ..Scopes::default()
        };
        assert_eq!(s.resolve("{{base}}/x"), "http://h/x");
        assert_eq!(s.resolve("{{a{{b}}}}"), "{{a2}}");
    }

    #[test]
    fn scopes_null_data_value_is_unresolved() {
        let mut s = Scopes {
            environment: scope(&[("d", "env")]),
            ..Scopes::default()
        };
        s.data = VariableScope::from_row(
            &[("d".to_string(), serde_json::Value::Null)]
                .into_iter()
                .collect(),
        );
        assert_eq!(s.resolve("{{d}}"), "{{d}}");
    }
}
