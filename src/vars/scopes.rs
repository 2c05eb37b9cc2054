//! All variable scopes of a run and Postman's precedence between them:
//! local (`pm.variables`) > iteration data > environment > collection > globals, then dynamic
//! `{{$…}}` variables last.

use super::dynamic::dynamic_value;
use super::scope::{Change, VarMap, VariableScope};
use super::template;
use crate::collection::{Variable, value_to_text};

/// What one script did to the variables, for the runner to store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VarChanges {
    /// The local scope (`pm.variables`) as the script left it, when the script wrote to it.
    pub local: Option<Vec<Variable>>,
    /// Changes to the environment, in order.
    pub environment: Vec<Change>,
    /// Changes to the collection variables, in order.
    pub collection: Vec<Change>,
    /// Changes to the globals, in order.
    pub globals: Vec<Change>,
}

/// The variable state of a run.
#[derive(Debug, Clone, Default)]
pub struct Scopes {
    /// `pm.variables`: set by scripts, persists for the rest of the run.
    pub local: VariableScope,
    /// The current iteration's data row.
    pub data: VarMap,
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
        if let Some(v) = self.data.get(name) {
            // A null in a data row leaves the reference unresolved: lower scopes are not asked.
            return (!v.is_null()).then(|| value_to_text(v));
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

    /// Store what a script did. What a script does to `pm.iterationData` lasts only for that
    /// script, as in Newman.
    pub fn apply(&mut self, changes: VarChanges) {
        if let Some(local) = changes.local {
            self.local.replace(local);
        }
        self.environment.apply(&changes.environment);
        self.collection.apply(&changes.collection);
        self.globals.apply(&changes.globals);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Variable;
    use serde_json::json;

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
        s.data.insert("x".into(), json!("data"));
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
        s.data.insert("d".into(), serde_json::Value::Null);
        assert_eq!(s.resolve("{{d}}"), "{{d}}");
    }
}
