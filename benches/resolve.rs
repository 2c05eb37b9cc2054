//! Criterion micro-benchmarks for variable resolution with `postie::vars::Scopes::resolve`:
//! plain text, flat templates, values that are templates themselves, and Postman's nested names
//! (`{{host.{{env}}}}`), over environment, collection, globals and local scopes.
//! `cargo bench --bench resolve`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use postie::collection::Variable;
use postie::vars::{Scopes, VariableScope};
use serde_json::json;

fn scope(pairs: &[(&str, &str)]) -> VariableScope {
    let vars: Vec<Variable> = pairs
        .iter()
        .map(|(k, v)| Variable {
            key: (*k).to_owned(),
            value: Some(json!(v)),
            kind: None,
            disabled: false,
        })
        .collect();
    VariableScope::from_variables(&vars)
}

fn scopes() -> Scopes {
    // A realistically sized environment: lookups scan past the 40 filler entries.
    let filler: Vec<(String, String)> = (0..40)
        .map(|i| (format!("var_{i}"), format!("value {i}")))
        .collect();
    let mut env: Vec<(&str, &str)> = vec![
        ("env", "staging"),
        ("login", "partner@example.com"),
        ("password", "secret"),
        ("user_id", "12345"),
        ("query", "name={{login}}"),
    ];
    env.extend(filler.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let mut s = Scopes {
        globals: scope(&[("scheme", "https"), ("version", "v8"), ("unused_g", "x")]),
        collection: scope(&[
            ("base_url", "{{scheme}}://{{host.{{env}}}}:{{port}}"),
            ("host.staging", "staging.example.com"),
            ("host.prod", "api.example.com"),
            ("port", "8443"),
        ]),
        environment: scope(&env),
        ..Scopes::default()
    };
    s.local.set("i", json!("42"));
    s
}

fn bench_resolve(c: &mut Criterion) {
    let s = scopes();
    let cases = [
        (
            "no-template",
            "https://api.example.com/api/v8/auth?login=partner",
        ),
        ("flat", "/api/{{version}}/users/{{user_id}}?i={{i}}"),
        (
            "nested-values",
            "{{base_url}}/api/{{version}}/auth?{{query}}&password={{password}}",
        ),
        ("nested-name", "{{host.{{env}}}}"),
        ("unresolved", "{{base_url}}/x/{{missing}}/{{also_missing}}"),
    ];
    assert_eq!(
        s.resolve(cases[2].1),
        "https://staging.example.com:8443/api/v8/auth?name=partner@example.com&password=secret"
    );
    let mut group = c.benchmark_group("Scopes::resolve");
    for (name, text) in cases {
        group.bench_function(name, |b| b.iter(|| s.resolve(black_box(text))));
    }
    group.finish();
}

criterion_group!(benches, bench_resolve);
criterion_main!(benches);
