//! What a run left behind in the environment and the globals: the variables it created, changed
//! or removed, compared with the scopes as the run started (after `--env-var`/`--global-var`).
//!
//! The command line prints them after the run, with where they were saved, so a value a script
//! stored (the URL and login of a sub-account it created, a token) is not lost unnoticed; values
//! of secret-looking variables ([`looks_secret`], or `type: secret`) are masked unless
//! `--show-secrets`. A run that changes neither scope prints nothing. The library API hands
//! the same list over as data.

use super::mask::Masker;
pub use super::mask::looks_secret;
use crate::collection::value_to_text;
use crate::vars::VariableScope;
use serde_json::Value;

/// Longest value shown; longer ones are cut with `…`.
const VALUE_WIDTH: usize = 72;

/// How a variable changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Not in the scope when the run started.
    Created,
    /// In the scope, with another value.
    Changed,
    /// Gone from the scope.
    Removed,
}

/// One variable the run created, changed or removed.
#[derive(Debug, Clone, PartialEq)]
pub struct VariableChange {
    /// `environment` or `globals`.
    pub scope: &'static str,
    /// The variable's name.
    pub key: String,
    /// How it changed.
    pub kind: ChangeKind,
    /// Its value after the run (`None` when removed or `undefined`).
    pub value: Option<Value>,
    /// Its value is a secret: `type: secret`, or a [secret-looking](looks_secret) name.
    pub secret: bool,
}

/// The variables of `after` that differ from `before` (in `after`'s order), then those removed.
pub fn changed_variables(
    scope: &'static str,
    before: &VariableScope,
    after: &VariableScope,
) -> Vec<VariableChange> {
    let secret = |key: &str| before.is_secret(key) || after.is_secret(key) || looks_secret(key);
    let mut seen = std::collections::HashSet::new();
    let mut changes = Vec::new();
    for entry in after.entries().iter().rev() {
        // The last enabled entry of a name is the variable.
        if entry.disabled || !seen.insert(entry.key.as_str()) {
            continue;
        }
        let kind = if !before.contains_key(&entry.key) {
            ChangeKind::Created
        } else if before.get(&entry.key) != entry.value.as_ref() {
            ChangeKind::Changed
        } else {
            continue;
        };
        changes.push(VariableChange {
            scope,
            key: entry.key.clone(),
            kind,
            value: entry.value.clone(),
            secret: secret(&entry.key),
        });
    }
    changes.reverse();
    let mut removed_seen = std::collections::HashSet::new();
    for entry in before.entries() {
        if !entry.disabled
            && !after.contains_key(&entry.key)
            && removed_seen.insert(entry.key.as_str())
        {
            changes.push(VariableChange {
                scope,
                key: entry.key.clone(),
                kind: ChangeKind::Removed,
                value: None,
                secret: secret(&entry.key),
            });
        }
    }
    changes
}

/// The lines telling what `changes` (of one scope) are: a heading, then one `name  value` line
/// each. Secret values are `********` unless `masker` is disabled (`--show-secrets`); other
/// values still go through `masker` (a known secret inside them is masked) and are cut to one
/// line of at most 72 characters.
pub fn change_lines(changes: &[VariableChange], masker: &Masker) -> Vec<String> {
    let Some(first) = changes.first() else {
        return Vec::new();
    };
    let noun = if changes.len() == 1 {
        "variable"
    } else {
        "variables"
    };
    let mut lines = vec![format!(
        "postie: this run changed {} {} {noun}:",
        changes.len(),
        first.scope.trim_end_matches('s'),
    )];
    let width = changes
        .iter()
        .map(|c| c.key.chars().count())
        .max()
        .unwrap_or(0);
    for change in changes {
        let value = match (&change.kind, &change.value) {
            (ChangeKind::Removed, _) => "(removed)".to_string(),
            (_, None) => "(undefined)".to_string(),
            (_, Some(_)) if change.secret && masker.is_enabled() => "********".to_string(),
            (_, Some(value)) => shown(&masker.mask(&value_to_text(value))),
        };
        let pad = width - change.key.chars().count();
        lines.push(format!("  {}{}  {value}", change.key, " ".repeat(pad)));
    }
    lines
}

/// `text` on one line, cut to [`VALUE_WIDTH`] characters.
fn shown(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= VALUE_WIDTH {
        return one_line;
    }
    let cut: String = one_line.chars().take(VALUE_WIDTH - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Variable;
    use serde_json::json;

    fn var(key: &str, value: &str, kind: Option<&str>) -> Variable {
        Variable {
            key: key.into(),
            value: Some(json!(value)),
            kind: kind.map(str::to_string),
            disabled: false,
        }
    }

    #[test]
    fn changes_list_created_changed_and_removed_in_order() {
        let before = VariableScope::from_variables(&[
            var("url", "", None),
            var("same", "x", None),
            var("gone", "1", None),
            var("pass", "", Some("secret")),
        ]);
        let mut after = before.clone();
        after.set("url", json!("https://a.test"));
        after.set("pass", json!("hunter22"));
        after.set("new_one", json!(5));
        after.unset("gone");
        let changes = changed_variables("environment", &before, &after);
        let keys: Vec<(&str, ChangeKind, bool)> = changes
            .iter()
            .map(|c| (c.key.as_str(), c.kind, c.secret))
            .collect();
        assert_eq!(
            keys,
            [
                ("url", ChangeKind::Changed, false),
                ("pass", ChangeKind::Changed, true),
                ("new_one", ChangeKind::Created, false),
                ("gone", ChangeKind::Removed, false),
            ]
        );
        assert!(changed_variables("environment", &before, &before).is_empty());
    }

    #[test]
    fn changes_mask_secret_looking_values_unless_shown() {
        let before = VariableScope::default();
        let mut after = VariableScope::default();
        after.set("sub_account_login", json!("client@example.com"));
        after.set("sub_account_password", json!("Xy7-secret"));
        after.set("blob", json!("a\nb".repeat(40)));
        let changes = changed_variables("environment", &before, &after);
        let lines = change_lines(&changes, &Masker::new(Vec::new()));
        assert_eq!(
            lines[0],
            "postie: this run changed 3 environment variables:"
        );
        assert_eq!(lines[1], "  sub_account_login     client@example.com");
        assert_eq!(lines[2], "  sub_account_password  ********");
        assert!(lines[3].ends_with('…') && !lines[3].contains('\n'));
        let shown = change_lines(&changes, &Masker::disabled());
        assert_eq!(shown[2], "  sub_account_password  Xy7-secret");
        // Globals get their own heading; nothing changed, nothing said.
        let one = changed_variables("globals", &before, &after);
        assert!(change_lines(&one[..1], &Masker::disabled())[0].ends_with("1 global variable:"));
        assert!(change_lines(&[], &Masker::disabled()).is_empty());
    }
}
