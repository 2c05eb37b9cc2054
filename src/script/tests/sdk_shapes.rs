//! Unit tests for shapes of the `pm` API that real collections lean on: disabled query
//! parameters in `pm.request.url.query`, `VariableList#substitute`/`#replace` on a scope's
//! `values`, a file body in `pm.request.body`, and legacy globals a script assigns.

use super::*;

/// Runs `source` as a pre-request script of `req` with an environment of `env` pairs.
fn prerequest(req: &RequestView, env: &[(&str, &str)], source: &str) -> Ran {
    let mut vars = Scopes::default();
    for (k, v) in env {
        vars.environment.set(k, json!(v));
    }
    let ctx = ScriptContext {
        kind: ScriptKind::PreRequest,
        source,
        request: req,
        response: None,
        info: ScriptInfo::default(),
        vars: &vars,
        cookies: Vec::new(),
    };
    let out = sandbox().run(&ctx);
    Ran::new(vars, out)
}

/// What the script printed, each message a single string (shown in quotes, as the CLI does).
fn logged(out: &ScriptOutcome) -> Vec<String> {
    out.console
        .iter()
        .map(|m| {
            m.text
                .strip_prefix('\'')
                .and_then(|t| t.strip_suffix('\''))
                .unwrap_or(&m.text)
                .to_string()
        })
        .collect()
}

#[test]
fn request_url_query_lists_disabled_params_in_place() {
    let mut req = request();
    req.url = "https://api.example.com/items?size=10&query=java".to_string();
    req.disabled_query = vec![(1, "sort".to_string(), Some("name.desc".to_string()))];
    let out = prerequest(
        &req,
        &[],
        "const q = pm.request.url.query;\n\
         console.log([q.count(), q.indexOf('sort'), q.indexOf('query'), JSON.stringify(q.toObject())].join(' '));\n\
         console.log([JSON.stringify(q.toObject(true)), pm.request.url.getQueryString()].join(' '));\n\
         q.idx(q.indexOf('sort')).value = 'name.asc';",
    );
    assert_eq!(out.error, None);
    assert_eq!(
        logged(&out),
        [
            "3 1 2 {\"size\":\"10\",\"sort\":\"name.desc\",\"query\":\"java\"}",
            "{\"size\":\"10\",\"query\":\"java\"} size=10&query=java",
        ]
    );
    // Changing a disabled parameter sends nothing new.
    assert!(out.request_changes.is_none());
}

#[test]
fn scope_values_substitute_and_replace_as_the_sdk() {
    let mut req = request();
    req.url = "{{base}}/v1/{{tenant}}/create?dry={{dry}}".to_string();
    let out = prerequest(
        &req,
        &[("base", "http://h.test"), ("tenant", "t-9"), ("dry", "yes")],
        "const v = pm.environment.values;\n\
         console.log([v.substitute('{{tenant}}'), v.replace('/x/{{tenant}}'), v.substitute(7)].join(' '));\n\
         const copy = v.substitute({ a: '{{tenant}}', n: { b: '{{dry}}' }, list: ['{{base}}'] });\n\
         console.log(JSON.stringify(copy));\n\
         const url = v.substitute(pm.request.url, null, false);\n\
         console.log([url.toString(), '|', pm.request.url.toString()].join(' '));\n\
         console.log([url === pm.request.url, Object.keys(url).includes('host')].join(' '));",
    );
    assert_eq!(out.error, None);
    assert_eq!(
        logged(&out),
        [
            "{{tenant}} /x/t-9 7",
            "{\"a\":\"t-9\",\"n\":{\"b\":\"yes\"},\"list\":[\"http://h.test\"]}",
            // The copy resolves its own texts; the request's URL has its lists resolved in place.
            "http://h.test/v1/t-9/create?dry=yes | http://h.test/v1/t-9/create?dry=yes",
            "false true",
        ]
    );
}

#[test]
fn file_body_shows_its_mode_and_src() {
    let mut req = request();
    req.body_definition = Some(json!({"mode": "file", "file": {"src": "logo.svg"}}));
    let out = prerequest(
        &req,
        &[],
        "console.log([pm.request.body.mode, JSON.stringify(pm.request.body.file), pm.request.body.toString() === ''].join(' '));",
    );
    assert_eq!(out.error, None);
    assert_eq!(logged(&out), ["file {\"src\":\"logo.svg\"} true"]);
}

#[test]
fn legacy_global_assigned_by_a_script_holds_its_value_without_warning() {
    let mut req = request();
    req.body_definition = Some(json!({"mode": "raw", "raw": "{\"amount\": 102.05}"}));
    let source = "request = JSON.parse(pm.request.body.raw);\n\
                  console.log([typeof request, request.amount, request.method].join(' '));";
    let out = prerequest(&req, &[], source);
    assert_eq!(out.error, None);
    assert_eq!(logged(&out), ["object 102.05 "]);
    // The next script has the legacy object back, with its deprecation warning.
    let next = prerequest(&req, &[], "console.log(request.method);");
    assert_eq!(
        logged(&next),
        [
            "Using \"request\" is deprecated. Use \"pm.request\" instead.",
            "GET"
        ]
    );
}

#[test]
fn written_host_elements_stay_as_written_before_resolution() {
    let mut req = request();
    req.url = "http://127.0.0.1:3000/p?x=1".to_string();
    req.written_host = Some((vec!["127.0.0.1:3000".to_string()], None));
    let source = "const u = pm.request.url;\n\
                  console.log([JSON.stringify(u.host), u.getHost(), String(u.port), u.toString()].join(' '));";
    let out = prerequest(&req, &[], source);
    assert_eq!(out.error, None);
    assert_eq!(
        logged(&out),
        ["[\"127.0.0.1:3000\"] 127.0.0.1:3000 undefined http://127.0.0.1:3000/p?x=1"]
    );
    assert!(out.request_changes.is_none());
}
