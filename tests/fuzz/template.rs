//! `{{name}}` and `<<name>>` substitution (`vars::template`, `vars::Scopes`): templates made of
//! braces, angle brackets, names and text, against variables whose values may hold more
//! references (nested, self-referencing, doubling). Properties: no panic; no hang (the output
//! stays bounded); text without a reference is unchanged; names no variable has stay
//! literally; with every name defined by plain values nothing resolvable remains.

use std::collections::HashMap;

use postie::collection::Variable;
use postie::vars::template::{MAX_RESCAN_LEN, references, resolve, resolve_within};
use postie::vars::{Scopes, VariableScope};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

use super::config::check;
use super::strategies::text;

const NAMES: &[&str] = &[
    "a",
    "b",
    "ab",
    "a.b",
    "",
    " ",
    "$guid",
    "$randomInt",
    "$timestamp",
    "$isoTimestamp",
    "$nope",
    "é",
];

/// Template text: braces, angle brackets, names, other text.
fn template() -> BoxedStrategy<String> {
    const BITS: &[&str] = &[
        "{{",
        "}}",
        "{",
        "}",
        "<<",
        ">>",
        "<",
        ">",
        "a",
        "b",
        "ab",
        ".",
        "$guid",
        "$randomInt",
        " ",
        "\n",
        "é",
        "😀",
        "{{a}}",
        "{{b}}",
        "<<a>>",
        "{{a{{b}}}}",
        "x",
    ];
    prop_oneof![
        5 => vec(select(BITS), 0..16).prop_map(|b| b.concat()),
        1 => text(),
    ]
    .boxed()
}

/// Values: plain text or more template.
fn value() -> BoxedStrategy<String> {
    prop_oneof![2 => "[a-z0-9 ]{0,6}", 2 => template()].boxed()
}

/// The re-scan limit the substitution target runs with (the default one, 16 MiB, is reached
/// too slowly in a debug build for thousands of cases; the scopes target runs with it).
const LIMIT: usize = 64 << 10;

#[test]
fn fuzz_template_substitution() {
    let vars = vec((select(NAMES), value()), 0..6);
    check(
        "template substitution",
        (template(), vars),
        |(text, vars)| {
            let map: HashMap<&str, &str> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let mut lookup = |name: &str| map.get(name).map(|v| v.to_string());
            let out = resolve_within(&text, &mut lookup, LIMIT);
            // Bounded: no longer than the first pass (limit 0: no re-scan replaces anything) or
            // the limit.
            let first = resolve_within(&text, &mut lookup, 0);
            prop_assert!(
                out.len() <= LIMIT.max(first.len()),
                "{} bytes out",
                out.len()
            );
            prop_assert!(
                first.len()
                    <= text.len() * (1 + vars.iter().map(|(_, v)| v.len()).max().unwrap_or(0))
            );
            // Without variables nothing changes.
            prop_assert_eq!(resolve(&text, &mut |_| None), text.clone());
            if !text.contains("{{") && !text.contains("<<") {
                prop_assert_eq!(&out, &text);
            }
            // Plain values (no braces, no angle brackets) for every name: nothing left to resolve.
            let plain = |name: &str| Some(format!("<{}>", name.len()).replace(['<', '>'], "_"));
            let done = resolve(&text, &mut |name| plain(name));
            prop_assert!(references(&done).is_empty(), "{:?} -> {:?}", text, done);
            Ok(())
        },
    );
}

/// The same through the run's scopes (every scope, data rows, dynamic variables).
#[test]
fn fuzz_template_scopes() {
    // Values mostly plain: a runaway one takes this target to the default limit, 16 MiB.
    let scoped = || prop_oneof![8 => "[a-z0-9 ]{0,6}", 1 => template()];
    let entries = move || vec((select(NAMES), scoped(), any::<bool>()), 0..4);
    check(
        "template through scopes",
        (template(), entries(), entries(), entries(), entries()),
        |(text, local, data, environment, globals)| {
            let scope = |entries: &[(&str, String, bool)]| {
                VariableScope::from_variables(
                    &entries
                        .iter()
                        .map(|(k, v, disabled)| Variable {
                            key: k.to_string(),
                            value: Some(Value::String(v.clone())),
                            kind: None,
                            disabled: *disabled,
                        })
                        .collect::<Vec<_>>(),
                )
            };
            let scopes = Scopes {
                local: scope(&local),
                data: VariableScope::from_row(
                    &data
                        .iter()
                        .map(|(k, v, _)| (k.to_string(), Value::String(v.clone())))
                        .collect(),
                ),
                environment: scope(&environment),
                collection: VariableScope::default(),
                globals: scope(&globals),
            };
            let out = scopes.resolve(&text);
            // The first pass: every token replaced by the longest value (or dynamic value).
            let longest = [&local, &data, &environment, &globals]
                .iter()
                .flat_map(|e| e.iter().map(|(_, v, _)| v.len()))
                .max()
                .unwrap_or(0)
                .max(256);
            let first = text.len() * (1 + longest);
            prop_assert!(
                out.len() <= MAX_RESCAN_LEN.max(first),
                "{} bytes out",
                out.len()
            );
            Ok(())
        },
    );
}
