//! Values crossing between Rust and the script sandbox: variable values and data rows handed
//! to scripts (any JSON: deep, wide, odd numbers, any Unicode), and values scripts make
//! (strings with lone surrogates, `NaN`, `-0`, `Infinity`, BigInt, cycles, deep and large
//! objects, functions, symbols, throwing `toJSON`s and getters) sent back through every
//! channel: variables of each scope, the console, test names, assertion messages,
//! `setNextRequest`, `pm.request` changes, thrown errors. Properties: no panic; the script's
//! results are always read (no "could not read the script's results"); a value Rust hands a
//! script and the script sets again comes back equal; a value a script sets comes back as
//! `JSON.stringify` writes it (a lone surrogate as U+FFFD; nested deeper than 128 levels, as
//! that JSON text).

use std::cell::RefCell;
use std::time::Duration;

use postie::collection::Variable;
use postie::script::{
    RequestView, ResponseView, Sandbox, SandboxOptions, ScriptContext, ScriptInfo, ScriptKind,
    ScriptOutcome,
};
use postie::vars::{Change, ScopeName, Scopes, VariableScope};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::config::check;
use super::strategies::{json, text};

fn fail(message: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(message.into())
}

fn sandbox() -> Sandbox {
    Sandbox::new(SandboxOptions {
        script_timeout: Some(Duration::from_secs(10)),
        memory_limit_bytes: 256 << 20,
        ..SandboxOptions::default()
    })
    .unwrap_or_else(|e| panic!("sandbox: {e}"))
}

/// Run `source` as a test (with a response whose body is `body`) or pre-request script.
fn run(sb: &mut Sandbox, source: &str, vars: &Scopes, body: Option<&str>) -> ScriptOutcome {
    let request = RequestView {
        name: "fuzz".into(),
        method: "POST".into(),
        url: "http://x.test/a?b=1".into(),
        headers: vec![("Accept".into(), "*/*".into())],
        body: Some("{}".into()),
        ..RequestView::default()
    };
    let response = body.map(|body| ResponseView {
        code: 200,
        status: "OK".into(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.to_string(),
        response_size: body.len() as u64,
        ..ResponseView::default()
    });
    let ctx = ScriptContext {
        kind: if response.is_some() {
            ScriptKind::Test
        } else {
            ScriptKind::PreRequest
        },
        source,
        request: &request,
        response: response.as_ref(),
        info: ScriptInfo {
            request_name: "fuzz".into(),
            iteration_count: 1,
            ..ScriptInfo::default()
        },
        vars,
        cookies: Vec::new(),
    };
    sb.run(&ctx)
}

/// JSON values are equal, numbers by their value (`1.0` is `1`, `-0` is `0`), and a number
/// JavaScript cannot hold (`1e400`) is `null` as `JSON.stringify` writes it.
fn same_value(a: &Value, b: &Value) -> bool {
    let number = |v: &Value| v.as_f64().filter(|f| f.is_finite());
    match (a, b) {
        (Value::Number(_), _) | (_, Value::Number(_)) => match (number(a), number(b)) {
            (Some(x), Some(y)) => x == y || (x - y).abs() <= f64::EPSILON * x.abs().max(y.abs()),
            (None, None) => true,
            (None, Some(_)) => b.is_null() || a.is_null(),
            (Some(_), None) => a.is_null() || b.is_null(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

/// A number that is not finite as a double is `null` once it has been through JavaScript.
fn through_js(v: &Value) -> Value {
    match v {
        Value::Number(n) if !n.as_f64().is_some_and(f64::is_finite) => Value::Null,
        Value::Array(items) => Value::Array(items.iter().map(through_js).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), through_js(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `v` as it comes back from a script that set it again: as JSON holds it (see [`through_js`]);
/// nested too deep for a tree (128 levels), as its JSON text.
fn back_from_js(v: &Value) -> Value {
    let text = v.to_string();
    match serde_json::from_str::<Value>(&text) {
        Ok(_) => through_js(v),
        Err(_) => Value::String(text),
    }
}

/// `depth` arrays nested in one another.
fn nested(depth: usize) -> Value {
    let mut v = Value::Array(Vec::new());
    for _ in 0..depth {
        v = Value::Array(vec![v]);
    }
    v
}

/// A value handed to a script: random JSON, or nested deep, or wide.
fn value_in() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => json(4),
        1 => select(&[10usize, 100, 126, 127, 128, 200, 1000][..]).prop_map(nested),
        1 => (0usize..2000).prop_map(|n| Value::Array((0..n).map(Value::from).collect())),
    ]
    .boxed()
}

fn scope(entries: &[(String, Value)]) -> VariableScope {
    VariableScope::from_variables(
        &entries
            .iter()
            .map(|(k, v)| Variable {
                key: k.clone(),
                value: Some(v.clone()),
                kind: None,
                disabled: false,
            })
            .collect::<Vec<_>>(),
    )
}

/// The script's results were read: no error saying they could not be.
fn results_read(out: &ScriptOutcome) -> Result<(), TestCaseError> {
    if let Some(e) = &out.error {
        prop_assert!(!e.message.contains("could not read"), "{:?}", e);
    }
    Ok(())
}

/// What Rust hands a script comes back equal when the script sets it again.
#[test]
fn fuzz_script_values_into_the_sandbox() {
    let sb = RefCell::new(sandbox());
    let name = || prop_oneof![3 => select(&["a", "b", "0", "1", "__proto__", "constructor", "toString", ""][..]).prop_map(str::to_string), 1 => text()];
    let entries = move || vec((name(), value_in()), 0..4);
    let source = r#"
        for (const scope of ['environment', 'collectionVariables', 'globals']) {
            const all = pm[scope].toObject();
            for (const key of Object.keys(all)) pm[scope].set(key, pm[scope].get(key));
        }
        pm.variables.set('__data', pm.iterationData.toObject());
        console.log(pm.environment.toObject(), pm.iterationData.toJSON());
        pm.test('marker', () => {});
        pm.environment.set('__done', true);
    "#;
    check(
        "script values into the sandbox",
        (entries(), entries(), entries(), entries()),
        |(environment, collection, globals, data)| {
            let scopes = Scopes {
                local: VariableScope::default(),
                data: VariableScope::from_row(&data.iter().cloned().collect()),
                environment: scope(&environment),
                collection: scope(&collection),
                globals: scope(&globals),
            };
            let out = run(&mut sb.borrow_mut(), source, &scopes, Some("{}"));
            results_read(&out)?;
            prop_assert_eq!(&out.error, &None);
            prop_assert_eq!(out.assertions.len(), 1);
            prop_assert!(out.assertions[0].error.is_none(), "{:?}", out.assertions[0]);
            let environment = out.changes.of(ScopeName::Environment);
            let last = environment.last();
            prop_assert!(
                matches!(last, Some(Change::Set(k, Value::Bool(true))) if k == "__done"),
                "{:?}",
                last
            );
            for (changes, before) in [
                (environment.clone(), &scopes.environment),
                (out.changes.of(ScopeName::Collection), &scopes.collection),
                (out.changes.of(ScopeName::Globals), &scopes.globals),
            ] {
                for change in &changes {
                    let Change::Set(key, value) = change else {
                        return Err(fail(format!("unexpected {change:?}")));
                    };
                    if key == "__done" {
                        continue;
                    }
                    let expected = before.get(key).map(back_from_js).unwrap_or(Value::Null);
                    prop_assert!(
                        same_value(value, &expected),
                        "{:?}: {} != {}",
                        key,
                        value,
                        expected
                    );
                }
            }
            Ok(())
        },
    );
}

/// JavaScript expressions making every kind of value.
fn expression() -> BoxedStrategy<String> {
    const LEAVES: &[&str] = &[
        "NaN",
        "-0",
        "0",
        "Infinity",
        "-Infinity",
        "1e308 * 10",
        "5e-324",
        "2 ** 53 + 1",
        "0.1 + 0.2",
        "1e21",
        "-1e-7",
        "123456789012345678901234567890",
        "'\\uD800'",
        "'a\\uDC00b'",
        "'\\uD83D\\uDE00'",
        "'😀'.slice(0, 1)",
        "'\\uDE00\\uD83D'",
        "String.fromCharCode(0xDBFF)",
        "'\\u0000'",
        "'\\u2028\\u2029'",
        "''",
        "'x'.repeat(100000)",
        "undefined",
        "null",
        "true",
        "false",
        "function () {}",
        "Symbol('s')",
        "10n",
        "new Date(0)",
        "new Date(NaN)",
        "/re/g",
        "new Map([[1, 2]])",
        "new Set([1])",
        "new Uint8Array(3)",
        "new ArrayBuffer(2)",
        "new Error('e')",
        "Promise.resolve(1)",
        "({ toJSON() { return 5; } })",
        "({ toJSON() { throw new Error('no'); } })",
        "({ get x() { throw 1; } })",
        "(() => { const o = {}; o.o = o; return o; })()",
        "Object.create(null)",
        "new Proxy({}, {})",
        "[, 1]",
        "Array(3)",
        "({ __proto__: null, a: 1 })",
        "({ ['__proto__']: 1 })",
        "deep(10)",
        "deep(127)",
        "deep(128)",
        "deep(129)",
        "deep(300)",
        "deep(5000)",
        "wide(1000)",
        "wide(20000)",
        "pm",
        "pm.environment",
        "globalThis.process",
        "JSON.parse('{\"__proto__\": 1}')",
        "Object.assign(Object.create({ inherited: 1 }), { own: 2 })",
    ];
    let units = vec(any::<u16>(), 0..8).prop_map(|u| {
        format!(
            "String.fromCharCode({})",
            u.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    let literal = json(3).prop_map(|v| v.to_string());
    let string = text().prop_map(|s| Value::String(s).to_string());
    let leaf = prop_oneof![5 => select(LEAVES).prop_map(str::to_string), 2 => units, 1 => literal, 2 => string];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let key = prop_oneof![
            select(&["a", "__proto__", "constructor", "toJSON", "0", "-1", "1e3"][..])
                .prop_map(str::to_string),
            text(),
        ]
        .prop_map(|k| Value::String(k).to_string());
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
            vec((key, inner), 0..4).prop_map(|fields| {
                let fields: Vec<String> = fields
                    .into_iter()
                    .map(|(k, v)| format!("[{k}]: {v}"))
                    .collect();
                format!("({{ {} }})", fields.join(", "))
            }),
        ]
    })
    .boxed()
}

/// Where a script sends a value.
const CHANNELS: &[&str] = &[
    "pm.environment.set('v' + i, EXPR)",
    "pm.collectionVariables.set('v' + i, EXPR)",
    "pm.globals.set('v' + i, EXPR)",
    "pm.variables.set('v' + i, EXPR)",
    "pm.environment.set(EXPR, i)",
    "console.log(EXPR)",
    "console.warn('x', EXPR, [EXPR])",
    "pm.test(EXPR, function () {})",
    "pm.test('t' + i, function () { pm.expect(EXPR).to.eql(1); })",
    "pm.test('t' + i, function () { pm.expect(EXPR).to.be.a('string'); })",
    "pm.test('t' + i, function () { throw EXPR; })",
    "pm.execution.setNextRequest(EXPR)",
    "postman.setNextRequest(EXPR)",
    "pm.request.headers.add({ key: 'h' + i, value: EXPR })",
    "pm.request.url = EXPR",
    "pm.request.body = EXPR",
    "pm.request.method = EXPR",
    "pm.request.auth = EXPR",
    "pm.iterationData.set('d' + i, EXPR)",
    "pm.variables.replaceIn(EXPR)",
    "pm.response.json(EXPR)",
    "JSON.stringify(EXPR)",
    "String(EXPR)",
    "setTimeout(function () { pm.environment.set('late' + i, EXPR); }, 0)",
    "Promise.reject(EXPR).catch(function () {})",
    "require('url').parse(String(EXPR), true)",
    "new URL(String(EXPR), 'http://x.test/a/')",
    "require('querystring').parse(String(EXPR))",
    "pm.response.json()",
    "pm.response.text()",
];

/// Values scripts make, through every channel.
#[test]
fn fuzz_script_values_out_of_the_sandbox() {
    let sb = RefCell::new(sandbox());
    let statement = (expression(), select(CHANNELS));
    let bodies = prop_oneof![
        select(
            &[
                "{}",
                "[1, 2]",
                "{\"a\": \"\\ud800\"}",
                "not json",
                "",
                "\u{fffd}",
                "1e400"
            ][..]
        )
        .prop_map(str::to_string),
        json(3).prop_map(|v| v.to_string()),
        text(),
    ];
    check(
        "script values out of the sandbox",
        (
            vec(statement, 1..5),
            any::<bool>(),
            bodies,
            proptest::option::of(expression()),
        ),
        |(statements, test, body, thrown)| {
            let mut source = String::from(
                "function deep(n) { let v = []; for (let k = 0; k < n; k++) v = [v]; return v; }\n\
                 function wide(n) { const o = {}; for (let k = 0; k < n; k++) o['k' + k] = k; return o; }\n",
            );
            for (i, (expression, channel)) in statements.iter().enumerate() {
                let statement = channel.replace("EXPR", &format!("({expression})"));
                // Every value goes to the environment too, with what JSON.stringify makes of it.
                source.push_str(&format!(
                    "try {{ const i = {i}; {statement}; }} catch (e) {{ console.log('threw', e); }}\n\
                     try {{ const v = ({expression}); pm.environment.set('e{i}', v); \
                     const s = JSON.stringify(pm.environment.get('e{i}')); \
                     if (typeof s === 'string') pm.environment.set('s{i}', s); }} catch (e) {{}}\n"
                ));
            }
            source.push_str("pm.test('marker', function () {});\n");
            if let Some(thrown) = &thrown {
                source.push_str(&format!("throw ({thrown});\n"));
            }
            let out = run(
                &mut sb.borrow_mut(),
                &source,
                &Scopes::default(),
                test.then_some(body.as_str()),
            );
            results_read(&out)?;
            if thrown.is_none() {
                prop_assert!(out.error.is_none(), "{:?}\n{}", out.error, source);
            }
            prop_assert!(
                out.assertions.iter().any(|a| a.name == "marker"),
                "{:?}",
                out.assertions
            );
            // `e{i}` comes back as `JSON.stringify` wrote it (`s{i}`), lone surrogates replaced.
            let environment = out.changes.of(ScopeName::Environment);
            let set: std::collections::HashMap<&str, &Value> = environment
                .iter()
                .filter_map(|c| match c {
                    Change::Set(k, v) => Some((k.as_str(), v)),
                    _ => None,
                })
                .collect();
            for i in 0..statements.len() {
                let (Some(value), Some(Value::String(written))) = (
                    set.get(format!("e{i}").as_str()),
                    set.get(format!("s{i}").as_str()),
                ) else {
                    continue;
                };
                // Nested too deep for a tree (128 levels), a value comes back as its JSON text.
                let written = without_lone_surrogates(written);
                let expected: Value =
                    serde_json::from_str(&written).unwrap_or(Value::String(written));
                prop_assert!(
                    same_value(value, &expected),
                    "e{}: {} != {}",
                    i,
                    value,
                    expected
                );
            }
            Ok(())
        },
    );
}

/// JSON text with every escaped lone surrogate (`\ud800`) written as `\ufffd` (the test's own
/// reading of what a lone surrogate becomes).
fn without_lone_surrogates(json: &str) -> String {
    let mut units: Vec<(usize, u32)> = Vec::new();
    let bytes = json.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            if bytes.get(i + 1) == Some(&b'u')
                && let Some(unit) = json
                    .get(i + 2..i + 6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            {
                units.push((i, unit));
                i += 6;
                continue;
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    let mut lone = Vec::new();
    let mut k = 0;
    while k < units.len() {
        let (at, unit) = units[k];
        let next = units
            .get(k + 1)
            .filter(|(n, _)| *n == at + 6)
            .map(|(_, u)| *u);
        if (0xD800..0xDC00).contains(&unit) && next.is_some_and(|n| (0xDC00..0xE000).contains(&n)) {
            k += 2;
            continue;
        }
        if (0xD800..0xE000).contains(&unit) {
            lone.push(at);
        }
        k += 1;
    }
    let mut out = json.to_string();
    for at in lone.into_iter().rev() {
        out.replace_range(at..at + 6, "\\ufffd");
    }
    out
}
