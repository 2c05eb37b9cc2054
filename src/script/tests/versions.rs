//! Scopes are handed to a script only when they changed since the sandbox last got them (their
//! versions), and a script's changes come back as one ordered list.

use super::*;
use crate::vars::{Change, ScopeChange, ScopeName, VarChanges};

const READ: &str = "pm.test(pm.environment.get('a') + '|' + pm.globals.get('g'), function () {});";

#[test]
fn versions_a_changed_scope_is_handed_over_again_and_another_copy_is_not_mixed_up() {
    let mut sb = sandbox();
    let mut vars = Scopes::default();
    vars.environment.set("a", json!("1"));
    vars.globals.set("g", json!("G"));
    assert_eq!(
        run_with(&mut sb, READ, vars.clone(), None).assertions[0].name,
        "1|G"
    );
    // The globals are not handed over again; the environment a script changed is.
    let wrote = run_with(&mut sb, "pm.environment.set('a', '2');", vars.clone(), None);
    let after = wrote.vars.clone();
    assert_eq!(
        run_with(&mut sb, READ, after.clone(), None).assertions[0].name,
        "2|G"
    );
    // Another copy of the variables (another `--parallel` iteration in the same sandbox).
    let mut other = Scopes::default();
    other.globals.set("g", json!("other"));
    let seen = run_with(&mut sb, READ, other, None);
    assert_eq!(seen.assertions[0].name, "undefined|other");
    // And back: a clone keeps its versions, so it is handed over again only as needed.
    assert_eq!(
        run_with(&mut sb, READ, after, None).assertions[0].name,
        "2|G"
    );
}

#[test]
fn versions_a_value_changed_in_place_does_not_reach_the_next_script() {
    let mut sb = sandbox();
    let mut vars = Scopes::default();
    vars.environment.set("o", json!({"x": 1}));
    let out = run_with(
        &mut sb,
        "pm.environment.get('o').x = 5;",
        vars.clone(),
        None,
    );
    assert!(out.changes.is_empty());
    let read = "pm.test(String(pm.environment.get('o').x), function () {});";
    assert_eq!(run_with(&mut sb, read, vars, None).assertions[0].name, "1");
}

#[test]
fn versions_changes_come_back_in_order_across_scopes() {
    let mut sb = sandbox();
    let mut vars = Scopes::default();
    vars.collection.set("c", json!("1"));
    let out = run_with(
        &mut sb,
        "pm.environment.set('a', 1); pm.globals.set('b', 2); pm.environment.unset('a');
         pm.variables.set('l', 3, 'string'); pm.collectionVariables.clear();
         pm.iterationData.set('d', 1); pm.variables.unset(7);",
        vars,
        None,
    );
    let change = |scope, change| ScopeChange { scope, change };
    assert_eq!(
        out.changes,
        VarChanges(vec![
            change(ScopeName::Environment, Change::Set("a".into(), json!(1))),
            change(ScopeName::Globals, Change::Set("b".into(), json!(2))),
            change(ScopeName::Environment, Change::Unset("a".into())),
            change(
                ScopeName::Local,
                Change::Store {
                    key: "l".into(),
                    value: Some(json!("3")),
                    kind: Some("string".into()),
                },
            ),
            change(ScopeName::Collection, Change::Clear),
            change(ScopeName::Local, Change::Unset("7".into())),
        ])
    );
    assert!(out.vars.collection.entries().is_empty());
    assert_eq!(out.vars.local.get("l"), Some(&json!("3")));
}
