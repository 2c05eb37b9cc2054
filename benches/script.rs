//! Criterion micro-benchmarks for one sandboxed script run with `postie::script::Sandbox::run`:
//! the benchmark collection's pre-request script (`pm.variables.set`) and test script
//! (`pm.test` + `pm.response.json()` + `pm.expect`), each with its compiled form cached (the same
//! source every time, as in a second iteration) and with a fresh source every time (as in the
//! first pass over a big collection, where every item's script differs).
//! `cargo bench --bench script`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use postie::script::{
    RequestView, ResponseView, Sandbox, SandboxOptions, Scopes, ScriptContext, ScriptInfo,
    ScriptKind,
};
use serde_json::json;

const PRE_REQUEST: &str = "pm.variables.set(\"i\", \"7\");";
const TEST: &str = "pm.test(\"status 200 and i echoed\", function () {\n    \
                    pm.response.to.have.status(200);\n    \
                    const body = pm.response.json();\n    \
                    pm.expect(body.i).to.eql(7);\n});";

fn vars() -> Scopes {
    let mut vars = Scopes::default();
    vars.environment
        .set("base_url", json!("http://127.0.0.1:18732"));
    vars.local.set("i", json!("6"));
    vars
}

fn request() -> RequestView {
    RequestView {
        name: "GET 7".into(),
        method: "GET".into(),
        url: "http://127.0.0.1:18732/json?i=7".into(),
        headers: vec![
            ("User-Agent".into(), "PostmanRuntime/7.39.1".into()),
            ("Accept".into(), "*/*".into()),
            ("Host".into(), "127.0.0.1:18732".into()),
        ],
        ..RequestView::default()
    }
}

fn response() -> ResponseView {
    ResponseView {
        code: 200,
        status: "OK".into(),
        headers: vec![
            ("content-type".into(), "application/json".into()),
            ("content-length".into(), "17".into()),
        ],
        body: "{\"i\":7,\"ok\":true}".into(),
        response_time_ms: 1,
        response_size: 17,
        received_size: None,
        raw: None,
        lazy_body: None,
    }
}

fn context<'a>(
    kind: ScriptKind,
    source: &'a str,
    request: &'a RequestView,
    response: Option<&'a ResponseView>,
    vars: &'a Scopes,
) -> ScriptContext<'a> {
    ScriptContext {
        kind,
        source,
        request,
        response,
        info: ScriptInfo {
            request_name: "GET 7".into(),
            iteration_count: 1,
            location: vec!["bench".into(), "GET 7".into()],
            location_current: "bench".into(),
            ..ScriptInfo::default()
        },
        vars,
        cookies: Vec::new(),
    }
}

fn bench_scripts(c: &mut Criterion) {
    let Ok(mut sandbox) = Sandbox::new(SandboxOptions::default()) else {
        eprintln!("the sandbox could not start; nothing to measure");
        return;
    };
    let request = request();
    let response = response();
    let vars = vars();
    let cases = [
        ("pre-request", ScriptKind::PreRequest, PRE_REQUEST, None),
        ("test", ScriptKind::Test, TEST, Some(&response)),
    ];
    let mut group = c.benchmark_group("script");
    for (name, kind, source, response) in cases {
        group.bench_function(format!("{name}/cached"), |b| {
            b.iter(|| {
                let outcome = sandbox.run(&context(kind, source, &request, response, &vars));
                black_box(outcome)
            })
        });
        let mut n = 0u64;
        group.bench_function(format!("{name}/fresh-source"), |b| {
            b.iter(|| {
                n += 1;
                let source = format!("{source}\n// {n}");
                let outcome = sandbox.run(&context(kind, &source, &request, response, &vars));
                black_box(outcome)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scripts);
criterion_main!(benches);
