//! Unit tests for the sandbox: the `pm` API, the assertion library's messages, errors, timeouts.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::*;

fn request() -> RequestView {
    RequestView {
        id: Some("req-1".to_string()),
        name: "Get user".to_string(),
        method: "GET".to_string(),
        url: "https://api.example.com/users/7?expand=true".to_string(),
        headers: vec![("Accept".to_string(), "application/json".to_string())],
        body: None,
        body_definition: None,
    }
}

fn response(code: u16, body: &str) -> ResponseView {
    ResponseView {
        code,
        status: if code == 200 { "OK" } else { "Unauthorized" }.to_string(),
        headers: vec![
            (
                "Content-Type".to_string(),
                "application/json; charset=utf-8".to_string(),
            ),
            (
                "Set-Cookie".to_string(),
                "sid=abc123; Path=/; HttpOnly".to_string(),
            ),
        ],
        body: body.to_string(),
        response_time_ms: 42,
        response_size: body.len() as u64,
    }
}

fn sandbox() -> Sandbox {
    Sandbox::new(SandboxOptions {
        script_timeout: Some(Duration::from_millis(200)),
        ..SandboxOptions::default()
    })
    .expect("sandbox starts")
}

fn run_with(
    sb: &mut Sandbox,
    source: &str,
    vars: ScopeSnapshot,
    resp: Option<&ResponseView>,
) -> ScriptOutcome {
    let req = request();
    let ctx = ScriptContext {
        kind: if resp.is_some() {
            ScriptKind::Test
        } else {
            ScriptKind::PreRequest
        },
        source,
        request: &req,
        response: resp,
        info: ScriptInfo {
            request_name: "Get user".to_string(),
            request_id: Some("req-1".to_string()),
            iteration: 1,
            iteration_count: 3,
            location: vec![
                "Coll".to_string(),
                "Users".to_string(),
                "Get user".to_string(),
            ],
            location_current: "Users".to_string(),
        },
        vars,
        cookies: Vec::new(),
    };
    sb.run(&ctx)
}

fn run_test(source: &str) -> ScriptOutcome {
    let resp = response(
        200,
        r#"{"id":7,"name":"Ada","tags":["a","b"],"nested":{"deep":{"x":1}}}"#,
    );
    run_with(
        &mut sandbox(),
        source,
        ScopeSnapshot::default(),
        Some(&resp),
    )
}

/// The failure message of the single assertion the script made (None when it passed).
fn message_of(source: &str) -> Option<String> {
    let out = run_test(&format!("pm.test('t', function () {{ {source} }});"));
    assert_eq!(out.error, None, "script error for {source}");
    assert_eq!(out.assertions.len(), 1, "one assertion for {source}");
    out.assertions[0].error.as_ref().map(|e| e.message.clone())
}

#[test]
fn expect_failure_messages_match_chai() {
    let cases = [
        ("pm.expect(401).to.equal(200)", "expected 401 to equal 200"),
        (
            "pm.expect(200).to.not.equal(200)",
            "expected 200 to not equal 200",
        ),
        (
            "pm.expect({a: 1}).to.have.property('b')",
            "expected { a: 1 } to have property 'b'",
        ),
        (
            "pm.expect({a: 1}).to.have.property('a', 2)",
            "expected { a: 1 } to have property 'a' of 2, but got 1",
        ),
        (
            "pm.expect('abc').to.include('z')",
            "expected 'abc' to include 'z'",
        ),
        (
            "pm.expect([1, 2]).to.include(3)",
            "expected [ 1, 2 ] to include 3",
        ),
        (
            "pm.expect({a: 1, b: 'x'}).to.eql({a: 1})",
            "expected { a: 1, b: 'x' } to deeply equal { a: 1 }",
        ),
        (
            "pm.expect({a: [1, 2]}).to.deep.equal({a: [1, 3]})",
            "expected { a: [ 1, 2 ] } to deeply equal { a: [ 1, 3 ] }",
        ),
        (
            "pm.expect([1, 2, 3]).to.have.lengthOf(2)",
            "expected [ 1, 2, 3 ] to have a length of 2 but got 3",
        ),
        (
            "pm.expect('abc').to.be.a('number')",
            "expected 'abc' to be a number",
        ),
        (
            "pm.expect(5).to.be.an('array')",
            "expected 5 to be an array",
        ),
        (
            "pm.expect(5).to.not.be.a('number')",
            "expected 5 not to be a number",
        ),
        ("pm.expect(0).to.be.ok", "expected 0 to be truthy"),
        ("pm.expect(false).to.be.true", "expected false to be true"),
        ("pm.expect(1).to.be.null", "expected 1 to be null"),
        ("pm.expect(null).to.exist", "expected null to exist"),
        ("pm.expect([1]).to.be.empty", "expected [ 1 ] to be empty"),
        ("pm.expect(3).to.be.above(5)", "expected 3 to be above 5"),
        ("pm.expect(3).to.be.below(1)", "expected 3 to be below 1"),
        (
            "pm.expect(3).to.be.at.least(4)",
            "expected 3 to be at least 4",
        ),
        (
            "pm.expect(3).to.be.within(5, 9)",
            "expected 3 to be within 5..9",
        ),
        (
            "pm.expect('abc').to.match(/^z/)",
            "expected 'abc' to match /^z/",
        ),
        (
            "pm.expect(4).to.be.oneOf([1, 2, 3])",
            "expected 4 to be one of [ 1, 2, 3 ]",
        ),
        (
            "pm.expect({a: 1, b: 2}).to.have.keys('a')",
            "expected { a: 1, b: 2 } to have key 'a'",
        ),
        (
            "pm.expect({a: 1}).to.have.all.keys('a', 'b')",
            "expected { a: 1 } to have keys 'a', and 'b'",
        ),
        (
            "pm.expect([1, 2]).to.have.members([2, 3])",
            "expected [ 1, 2 ] to have the same members as [ 2, 3 ]",
        ),
        (
            "pm.expect({a: {b: 1}}).to.have.nested.property('a.c')",
            "expected { a: { b: 1 } } to have nested property 'a.c'",
        ),
        (
            "pm.expect([]).to.be.instanceOf(Map)",
            "expected [] to be an instance of Map",
        ),
        (
            "pm.expect('hello').to.have.string('z')",
            "expected 'hello' to contain 'z'",
        ),
        (
            "pm.expect(1, 'custom').to.equal(2)",
            "custom: expected 1 to equal 2",
        ),
        (
            "pm.expect([1, 2, 3]).to.have.length.above(5)",
            "expected [ 1, 2, 3 ] to have a length above 5 but got 3",
        ),
        (
            "pm.expect({a: 1, b: 2}).to.include({a: 3})",
            "expected { a: 1, b: 2 } to have property 'a' of 3, but got 1",
        ),
        (
            "pm.expect('a string that is definitely longer than forty characters').to.equal('x')",
            "expected 'a string that is definitely longer th…' to equal 'x'",
        ),
        (
            "pm.expect({alpha: 1, beta: 2, gamma: 3, delta: 4, epsilon: 5}).to.be.empty",
            "expected { Object (alpha, beta, ...) } to be empty",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(
            message_of(source).as_deref(),
            Some(expected),
            "for {source}"
        );
    }
}

#[test]
fn expect_passing_chains_pass() {
    let passing = [
        "pm.expect(200).to.equal(200).and.to.be.a('number')",
        "pm.expect({a: {b: [1, 2]}}).to.have.nested.property('a.b[1]', 2)",
        "pm.expect({a: 1, b: 2}).to.include({a: 1})",
        "pm.expect([{a: 1}]).to.deep.include({a: 1})",
        "pm.expect({a: 1}).to.have.own.property('a')",
        "pm.expect([1, 2, 3]).to.have.lengthOf(3)",
        "pm.expect('abc').to.have.length(3)",
        "pm.expect(null).to.not.exist",
        "pm.expect(NaN).to.be.NaN",
        "pm.expect([3, 1]).to.have.members([1, 3])",
        "pm.expect([1, 2, 3]).to.include.members([1, 2])",
        "pm.expect({a: 1, b: 2}).to.have.any.keys('a', 'z')",
        "pm.expect({a: 1, b: 2}).to.contain.keys('a')",
        "pm.expect(5).to.be.within(1, 10).and.above(4)",
        "pm.expect('x').to.be.oneOf(['x', 'y'])",
        "pm.expect(function () { throw new TypeError('boom'); }).to.throw(TypeError, 'boom')",
        "pm.expect({}).to.be.an('object').that.is.empty",
        "pm.expect(undefined).to.be.undefined",
        "pm.expect(new Date()).to.be.a('date')",
        "pm.expect(1.5).to.be.closeTo(1, 0.6)",
    ];
    for source in passing {
        assert_eq!(message_of(source), None, "for {source}");
    }
}

#[test]
fn test_records_pass_fail_skip_and_names() {
    let out = run_test(
        "pm.test('passes', () => {});\n\
         pm.test('fails', () => { pm.expect(1).to.equal(2); });\n\
         pm.test.skip('skipped', () => {});\n\
         pm.test('type error', () => { null.x; });",
    );
    let summary: Vec<_> = out
        .assertions
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.skipped,
                a.error.as_ref().map(|e| e.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("passes", false, None),
            ("fails", false, Some("AssertionError")),
            ("skipped", true, None),
            ("type error", false, Some("TypeError")),
        ]
    );
    assert_eq!(out.error, None);
}

#[test]
fn test_async_promise_and_done_callback() {
    let out = run_test(
        "pm.test('rejected', async () => { await null; pm.expect(1).to.equal(3); });\n\
         pm.test('resolved', () => Promise.resolve(1));\n\
         pm.test('done later', (done) => { setTimeout(() => { done(); }, 10); });\n\
         pm.test('done with error', (done) => { Promise.resolve().then(() => done(new Error('bad'))); });",
    );
    let get = |name: &str| {
        out.assertions
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.error.as_ref().map(|e| e.message.clone()))
    };
    assert_eq!(
        get("rejected"),
        Some(Some("expected 1 to equal 3".to_string()))
    );
    assert_eq!(get("resolved"), Some(None));
    assert_eq!(get("done later"), Some(None));
    assert_eq!(get("done with error"), Some(Some("bad".to_string())));
}

#[test]
fn environment_set_round_trips_with_types() {
    let mut vars = ScopeSnapshot::default();
    vars.environment.insert("keep".to_string(), json!("old"));
    let out = run_with(
        &mut sandbox(),
        "pm.environment.set('token', 'abc');\n\
         pm.environment.set('n', 42);\n\
         pm.environment.set('obj', {a: [1, true]});\n\
         pm.environment.set('u', undefined);\n\
         pm.globals.set('g', 1.5);\n\
         pm.collectionVariables.set('c', false);\n\
         pm.environment.unset('missing');",
        vars,
        None,
    );
    assert_eq!(out.error, None);
    let env: Vec<(&str, &Value)> = out
        .vars
        .environment
        .iter()
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    assert_eq!(
        env,
        vec![
            ("keep", &json!("old")),
            ("token", &json!("abc")),
            ("n", &json!(42)),
            ("obj", &json!({"a": [1, true]})),
            ("u", &Value::Null),
        ]
    );
    assert_eq!(out.vars.globals.get("g"), Some(&json!(1.5)));
    assert_eq!(out.vars.collection.get("c"), Some(&json!(false)));
}

#[test]
fn variables_follow_precedence_and_set_writes_local() {
    let mut vars = ScopeSnapshot::default();
    vars.globals.insert("a".into(), json!("global"));
    vars.globals.insert("b".into(), json!("global"));
    vars.collection.insert("b".into(), json!("collection"));
    vars.collection.insert("c".into(), json!("collection"));
    vars.environment.insert("c".into(), json!("env"));
    vars.environment.insert("d".into(), json!("env"));
    vars.data.insert("d".into(), json!("data"));
    vars.data.insert("e".into(), json!("data"));
    vars.local.insert("e".into(), json!("local"));
    let out = run_with(
        &mut sandbox(),
        "const got = ['a','b','c','d','e','zz'].map(k => pm.variables.get(k));\n\
         pm.variables.set('got', got.join(','));\n\
         pm.variables.set('has', pm.variables.has('a') && !pm.variables.has('zz'));",
        vars,
        None,
    );
    assert_eq!(out.error, None);
    assert_eq!(
        out.vars.local.get("got"),
        Some(&json!("global,collection,env,data,local,"))
    );
    assert_eq!(out.vars.local.get("has"), Some(&json!(true)));
    assert!(!out.vars.environment.contains_key("got"));
}

#[test]
fn replace_in_resolves_from_scopes() {
    let mut vars = ScopeSnapshot::default();
    vars.environment.insert("host".into(), json!("example.com"));
    vars.environment.insert("port".into(), json!(8080));
    vars.globals.insert("env".into(), json!("prod"));
    vars.globals
        .insert("host.prod".into(), json!("prod.example.com"));
    let out = run_with(
        &mut sandbox(),
        "pm.variables.set('r1', pm.variables.replaceIn('http://{{host}}:{{port}}/{{missing}}'));\n\
         pm.variables.set('r2', pm.variables.replaceIn('{{host.{{env}}}}'));\n\
         pm.variables.set('r3', pm.environment.replaceIn('{{env}}'));",
        vars,
        None,
    );
    assert_eq!(out.error, None);
    assert_eq!(
        out.vars.local.get("r1"),
        Some(&json!("http://example.com:8080/{{missing}}"))
    );
    assert_eq!(out.vars.local.get("r2"), Some(&json!("prod.example.com")));
    assert_eq!(out.vars.local.get("r3"), Some(&json!("{{env}}")));
}

#[test]
fn run_reports_thrown_error_with_user_position() {
    let out = run_with(
        &mut sandbox(),
        "pm.environment.set('before', 1);\nconst x = 1;\n  throw new TypeError('nope');\npm.environment.set('after', 1);",
        ScopeSnapshot::default(),
        None,
    );
    let err = out.error.expect("an error");
    assert_eq!(err.name, "TypeError");
    assert_eq!(err.message, "nope");
    assert_eq!(err.position.map(|p| p.0), Some(3));
    assert!(out.vars.environment.contains_key("before"));
    assert!(!out.vars.environment.contains_key("after"));
}

#[test]
fn run_reports_first_line_column_without_wrapper_offset() {
    let out = run_with(
        &mut sandbox(),
        "undefinedThing.call();",
        ScopeSnapshot::default(),
        None,
    );
    let err = out.error.expect("an error");
    assert_eq!(err.name, "ReferenceError");
    assert_eq!(err.position, Some((1, 1)));
}

#[test]
fn run_reports_syntax_error_with_position() {
    let out = run_with(
        &mut sandbox(),
        "let a = 1;\nlet b = ;\n",
        ScopeSnapshot::default(),
        None,
    );
    let err = out.error.expect("an error");
    assert_eq!(err.name, "SyntaxError");
    assert_eq!(err.position.map(|p| p.0), Some(2));
}

#[test]
fn run_times_out_and_sandbox_stays_usable() {
    let mut sb = sandbox();
    let started = Instant::now();
    let out = run_with(
        &mut sb,
        "pm.environment.set('before', true); try { while (true) {} } catch (e) {}",
        ScopeSnapshot::default(),
        None,
    );
    assert!(started.elapsed() < Duration::from_secs(1));
    let err = out.error.expect("a timeout");
    assert_eq!(err.name, "Error");
    assert_eq!(err.message, "Script execution timed out after 200ms");
    assert!(out.vars.environment.contains_key("before"));
    let next = run_with(
        &mut sb,
        "pm.environment.set('after', 2);",
        ScopeSnapshot::default(),
        None,
    );
    assert_eq!(next.error, None);
    assert_eq!(next.vars.environment.get("after"), Some(&json!(2)));
}

#[test]
fn run_scripts_do_not_share_declarations() {
    let mut sb = sandbox();
    let first = run_with(
        &mut sb,
        "const x = 1; let y = 2;",
        ScopeSnapshot::default(),
        None,
    );
    let second = run_with(
        &mut sb,
        "const x = 3; let y = 4; pm.variables.set('x', x);",
        ScopeSnapshot::default(),
        None,
    );
    assert_eq!(first.error, None);
    assert_eq!(second.error, None);
    assert_eq!(second.vars.local.get("x"), Some(&json!(3)));
}

#[test]
fn response_json_status_and_header_assertions() {
    let out = run_test(
        "pm.test('status', () => pm.response.to.have.status(200));\n\
         pm.test('status via expect', () => pm.expect(pm.response).to.have.status(201));\n\
         pm.test('json', () => pm.expect(pm.response.json().name).to.eql('Ada'));\n\
         pm.test('header', () => pm.response.to.have.header('content-type'));\n\
         pm.test('header value', () => pm.response.to.have.header('X-Missing', 'v'));\n\
         pm.test('ok', () => { pm.response.to.be.ok; pm.response.to.not.be.error; pm.response.to.be.json; });\n\
         pm.test('jsonBody', () => pm.response.to.have.jsonBody('nested.deep.x', 1));\n\
         pm.test('headers get', () => pm.expect(pm.response.headers.get('CONTENT-TYPE')).to.include('json'));\n\
         pm.test('cookies', () => pm.expect(pm.cookies.get('sid')).to.equal('abc123'));\n\
         pm.test('reason', () => pm.response.to.have.status('Not Found'));",
    );
    let messages: Vec<_> = out
        .assertions
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.error.as_ref().map(|e| e.message.as_str()),
            )
        })
        .collect();
    assert_eq!(
        messages,
        vec![
            ("status", None),
            (
                "status via expect",
                Some("expected response to have status code 201 but got 200")
            ),
            ("json", None),
            ("header", None),
            (
                "header value",
                Some("expected response to have header with key 'X-Missing'")
            ),
            ("ok", None),
            ("jsonBody", None),
            ("headers get", None),
            ("cookies", None),
            (
                "reason",
                Some("expected response to have status reason 'Not Found' but got 'OK'")
            ),
        ]
    );
}

#[test]
fn response_json_throws_json_error_on_invalid_body() {
    let resp = response(401, "not json");
    let out = run_with(
        &mut sandbox(),
        "pm.response.json();",
        ScopeSnapshot::default(),
        Some(&resp),
    );
    let err = out.error.expect("an error");
    assert_eq!(err.name, "JSONError");
    assert_eq!(err.message, "Unexpected token 'o' at 1:2");
    // QuickJS points at the `.` before `json` (V8 would say column 13).
    assert_eq!(err.position, Some((1, 12)));
}

#[test]
fn request_and_info_are_visible() {
    let out = run_with(
        &mut sandbox(),
        "pm.variables.set('url', pm.request.url.toString());\n\
         pm.variables.set('host', pm.request.url.getHost());\n\
         pm.variables.set('q', pm.request.url.query.get('expand'));\n\
         pm.variables.set('method', pm.request.method);\n\
         pm.variables.set('accept', pm.request.headers.get('accept'));\n\
         pm.request.headers.add({key: 'X-New', value: '1'});\n\
         pm.request.headers.upsert({key: 'Accept', value: 'text/plain'});\n\
         pm.request.headers.remove('X-New');\n\
         pm.variables.set('info', [pm.info.eventName, pm.info.requestName, pm.info.requestId, pm.info.iteration, pm.info.iterationCount].join('|'));",
        ScopeSnapshot::default(),
        None,
    );
    assert_eq!(out.error, None);
    let local = &out.vars.local;
    assert_eq!(
        local.get("url"),
        Some(&json!("https://api.example.com/users/7?expand=true"))
    );
    assert_eq!(local.get("host"), Some(&json!("api.example.com")));
    assert_eq!(local.get("q"), Some(&json!("true")));
    assert_eq!(local.get("method"), Some(&json!("GET")));
    assert_eq!(local.get("accept"), Some(&json!("application/json")));
    assert_eq!(
        local.get("info"),
        Some(&json!("prerequest|Get user|req-1|1|3"))
    );
}

#[test]
fn console_is_captured_with_levels_and_formatting() {
    let out = run_test(
        "console.log('hello', {a: 1, b: 'x'}, [1, 2]);\n\
         console.warn('careful %s=%d', 'n', 5);\n\
         console.error(new Error('bad'));\n\
         console.info(null, undefined, true);",
    );
    let got: Vec<_> = out
        .console
        .iter()
        .map(|c| (c.level, c.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ConsoleLevel::Log, "hello { a: 1, b: 'x' } [ 1, 2 ]"),
            (ConsoleLevel::Warn, "careful n=5"),
            (ConsoleLevel::Error, "Error: bad"),
            (ConsoleLevel::Info, "null undefined true"),
        ]
    );
}

#[test]
fn set_next_request_last_call_wins_and_null_stops() {
    let out = run_test("pm.execution.setNextRequest('Login');");
    assert_eq!(
        out.next_request,
        Some(NextRequest::Item("Login".to_string()))
    );
    let out = run_test("pm.execution.setNextRequest('Login'); postman.setNextRequest(null);");
    assert_eq!(out.next_request, Some(NextRequest::Stop));
    let out = run_test("1;");
    assert_eq!(out.next_request, None);
}

#[test]
fn legacy_tests_and_globals_work() {
    let mut vars = ScopeSnapshot::default();
    vars.environment.insert("base".into(), json!("x"));
    let out = run_with(
        &mut sandbox(),
        "tests['status is 200'] = responseCode.code === 200;\n\
         tests['body has Ada'] = responseBody.indexOf('Bob') !== -1;\n\
         postman.setEnvironmentVariable('copied', environment.base + iteration);\n\
         postman.setGlobalVariable('t', responseTime);",
        vars,
        Some(&response(200, "{\"name\":\"Ada\"}")),
    );
    assert_eq!(out.error, None);
    let got: Vec<_> = out
        .assertions
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.error.as_ref().map(|e| e.message.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("status is 200", None),
            ("body has Ada", Some("expected false to be truthy"))
        ]
    );
    assert_eq!(out.vars.environment.get("copied"), Some(&json!("x1")));
    // The legacy setters store strings, as Postman's legacy interface does.
    assert_eq!(out.vars.globals.get("t"), Some(&json!("42")));
    assert!(
        out.console
            .iter()
            .any(|c| c.text == "Using \"tests\" is deprecated. Use \"pm.test()\" instead.")
    );
}

#[test]
fn unsupported_features_fail_clearly() {
    let out = run_test("require('fs');");
    let err = out.error.expect("an error");
    assert_eq!(
        err.message,
        "require('fs'): module \"fs\" is not available in postie"
    );
    // Without a host, the callback gets the error.
    let out = run_test(
        "pm.sendRequest('http://x', (err, res) => pm.test(err.message, () => pm.expect(res).to.be.undefined));",
    );
    assert_eq!(out.error, None);
    assert_eq!(
        out.assertions[0].name,
        "pm.sendRequest is not available outside a collection run"
    );
}

#[test]
fn skip_request_only_in_prerequest() {
    let out = run_with(
        &mut sandbox(),
        "pm.execution.skipRequest();",
        ScopeSnapshot::default(),
        None,
    );
    assert_eq!(out.error, None);
    assert!(out.skip_request);
    let out = run_test("pm.execution.skipRequest();");
    assert_eq!(out.error.map(|e| e.name), Some("TypeError".to_string()));
}

#[test]
fn run_has_no_file_or_process_access() {
    let out = run_test(
        "pm.variables.set('kinds', [typeof std, typeof os, typeof process, typeof fetch, typeof XMLHttpRequest].join(','));",
    );
    assert_eq!(
        out.vars.local.get("kinds"),
        Some(&json!("undefined,undefined,undefined,undefined,undefined"))
    );
}

#[test]
fn expect_negated_failure_messages() {
    let cases = [
        (
            "pm.expect('abc').to.not.include('b')",
            "expected 'abc' to not include 'b'",
        ),
        (
            "pm.expect({a: 1}).to.not.have.property('a')",
            "expected { a: 1 } to not have property 'a'",
        ),
        ("pm.expect(1).to.not.be.ok", "expected 1 to be falsy"),
        (
            "pm.expect(true).to.not.be.true",
            "expected true to be false",
        ),
        (
            "pm.expect(5).to.not.be.above(1)",
            "expected 5 to be at most 1",
        ),
        (
            "pm.expect([]).to.not.be.empty",
            "expected [] not to be empty",
        ),
        (
            "pm.response.to.not.be.success",
            "expected response code to not be 2XX but found 200",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(
            message_of(source).as_deref(),
            Some(expected),
            "for {source}"
        );
    }
}

// ---- script I/O, cookies, request changes, location --------------------------------------------

/// A host that answers `pm.sendRequest` with a canned response (or error) and keeps a tiny jar.
#[derive(Default)]
struct FakeHost {
    sent: Vec<Value>,
    fail_with: Option<String>,
    jar: Vec<(String, String)>,
    jar_calls: Vec<JarCall>,
}

impl ScriptHost for FakeHost {
    async fn send_request(&mut self, definition: Value) -> Result<ResponseView, String> {
        self.sent.push(definition.clone());
        if let Some(message) = &self.fail_with {
            return Err(message.clone());
        }
        let mut r = response(200, &json!({"echo": definition}).to_string());
        r.headers.push(("X-Fake".to_string(), "yes".to_string()));
        Ok(r)
    }

    fn cookie_jar(&mut self, call: JarCall) -> Result<Value, String> {
        self.jar_calls.push(call.clone());
        match call {
            JarCall::Get { name, .. } => Ok(self
                .jar
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(Value::Null, |(_, v)| json!(v))),
            JarCall::GetAll { .. } => Ok(Value::Array(
                self.jar
                    .iter()
                    .map(|(n, v)| json!({"name": n, "value": v, "domain": "h", "path": "/"}))
                    .collect(),
            )),
            JarCall::Set { cookie, .. } => {
                self.jar.push((cookie.name.clone(), cookie.value.clone()));
                Ok(json!({"name": cookie.name, "value": cookie.value}))
            }
            JarCall::Unset { name, .. } => {
                self.jar.retain(|(n, _)| *n != name);
                Ok(Value::Null)
            }
            JarCall::Clear { url } if url.contains("bad") => Err("no such host".to_string()),
            JarCall::Clear { .. } => {
                self.jar.clear();
                Ok(Value::Null)
            }
        }
    }
}

fn run_hosted(
    host: &mut FakeHost,
    source: &str,
    kind: ScriptKind,
    cookies: Vec<CookieInfo>,
) -> ScriptOutcome {
    let req = request();
    let resp = response(200, "{}");
    let ctx = ScriptContext {
        kind,
        source,
        request: &req,
        response: (kind == ScriptKind::Test).then_some(&resp),
        info: ScriptInfo {
            request_name: "Get user".to_string(),
            request_id: Some("req-1".to_string()),
            iteration: 0,
            iteration_count: 1,
            location: vec!["Coll".into(), "Users".into(), "Get user".into()],
            location_current: "Users".into(),
        },
        vars: ScopeSnapshot::default(),
        cookies,
    };
    let mut sb = sandbox();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    runtime.block_on(sb.run_with_host(&ctx, host))
}

fn passed(out: &ScriptOutcome) -> Vec<(String, Option<String>)> {
    out.assertions
        .iter()
        .map(|a| (a.name.clone(), a.error.as_ref().map(|e| e.message.clone())))
        .collect()
}

#[test]
fn send_request_callback_and_promise_forms() {
    let mut host = FakeHost::default();
    let out = run_hosted(
        &mut host,
        "pm.sendRequest('http://h/{{not_resolved}}', function (err, res) {\n\
           pm.environment.set('cb', res.json().echo.url);\n\
           pm.test('cb res', () => { pm.expect(err).to.equal(null); pm.expect(res.code).to.equal(200);\n\
             pm.expect(res.headers.get('x-fake')).to.equal('yes'); pm.expect(res.text()).to.include('echo'); });\n\
         });\n\
         (async () => {\n\
           const res = await pm.sendRequest({ url: 'http://h/p', method: 'post', header: { 'X-A': '1' },\n\
             body: { mode: 'urlencoded', urlencoded: [{ key: 'k', value: 'v' }] } });\n\
           pm.environment.set('promise', res.json().echo.method);\n\
         })();",
        ScriptKind::Test,
        Vec::new(),
    );
    assert_eq!(out.error, None);
    assert_eq!(passed(&out), vec![("cb res".to_string(), None)]);
    assert_eq!(
        out.vars.environment.get("cb"),
        Some(&json!("http://h/{{not_resolved}}"))
    );
    assert_eq!(out.vars.environment.get("promise"), Some(&json!("POST")));
    assert_eq!(host.sent.len(), 2);
    assert_eq!(
        host.sent[1]["header"],
        json!([{"key": "X-A", "value": "1"}])
    );
    assert_eq!(
        host.sent[1]["body"],
        json!({"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "v"}]})
    );
}

#[test]
fn send_request_errors_reach_callback_and_rejection() {
    let mut host = FakeHost {
        fail_with: Some("connect ECONNREFUSED 127.0.0.1:9".to_string()),
        ..FakeHost::default()
    };
    let out = run_hosted(
        &mut host,
        "pm.sendRequest('http://127.0.0.1:9', (err, res) => {\n\
           pm.test('cb', () => { pm.expect(err.code).to.equal('ECONNREFUSED'); pm.expect(res).to.be.undefined; });\n\
         });\n\
         pm.sendRequest('http://127.0.0.1:9').catch(e => pm.environment.set('rejected', e.message));\n\
         pm.sendRequest('http://127.0.0.1:9', () => { throw new Error('late'); });",
        ScriptKind::Test,
        Vec::new(),
    );
    assert_eq!(passed(&out), vec![("cb".to_string(), None)]);
    assert_eq!(
        out.vars.environment.get("rejected"),
        Some(&json!("connect ECONNREFUSED 127.0.0.1:9"))
    );
    // A callback that throws is a script error, as an async error in Postman.
    assert_eq!(out.error.map(|e| e.message), Some("late".to_string()));
}

#[test]
fn cookies_list_and_legacy_cookie_api() {
    let cookie = |name: &str, value: &str| CookieInfo {
        name: name.into(),
        value: value.into(),
        domain: "api.example.com".into(),
        path: "/".into(),
        expires: None,
        host_only: true,
        http_only: false,
        secure: false,
        session: true,
    };
    // The jar's cookies come first; a Set-Cookie of the response (`sid`) the jar did not hold
    // is added after them.
    let mut host = FakeHost::default();
    let out = run_hosted(
        &mut host,
        "pm.test('get', () => pm.expect(pm.cookies.get('foo')).to.equal('bar'));\n\
         pm.test('has', () => { pm.expect(pm.cookies.has('foo')).to.be.true; pm.expect(pm.cookies.has('nope')).to.be.false; });\n\
         pm.test('count', () => pm.expect(pm.cookies.count()).to.equal(3));\n\
         pm.test('object', () => pm.expect(pm.cookies.toObject()).to.eql({ foo: 'bar', n: '1', sid: 'abc123' }));\n\
         pm.test('legacy', () => pm.expect(postman.getResponseCookie('foo').value).to.equal('bar'));\n\
         pm.test('legacy list', () => pm.expect(responseCookies.map(c => c.name)).to.eql(['foo', 'n', 'sid']));\n\
         pm.test('one', () => pm.expect(pm.cookies.one('foo').domain).to.equal('api.example.com'));\n\
         const names = []; pm.cookies.each(c => names.push(c.name));\n\
         pm.test('each', () => pm.expect(names).to.eql(['foo', 'n', 'sid']));",
        ScriptKind::Test,
        vec![cookie("foo", "bar"), cookie("n", "1")],
    );
    assert_eq!(out.error, None);
    assert!(
        passed(&out).iter().all(|(_, e)| e.is_none()),
        "{:?}",
        passed(&out)
    );
    assert_eq!(out.assertions.len(), 8);
}

#[test]
fn cookie_jar_calls_go_to_the_host() {
    let mut host = FakeHost::default();
    let out = run_hosted(
        &mut host,
        "const jar = pm.cookies.jar();\n\
         jar.set('http://h/', 'a', 'one', (err, c) => {\n\
           pm.test('set', () => { pm.expect(err).to.equal(null); pm.expect(c.value).to.equal('one'); });\n\
           jar.get('http://h/', 'a', (err, v) => pm.environment.set('got', v));\n\
           jar.set('http://h/', { name: 'b', value: 2, httpOnly: true }, () => {\n\
             jar.getAll('http://h/', (err, all) => pm.environment.set('all', all.map(c => c.name).join(',')));\n\
             jar.unset('http://h/', 'a', () => jar.get('http://h/', 'a', (err, v) => pm.environment.set('gone', v === undefined)));\n\
           });\n\
         });\n\
         jar.clear('http://bad/', err => pm.environment.set('clearErr', err.message));\n\
         pm.test('needs a callback function', () => pm.expect(() => jar.get('http://h/', 'a', 5)).to.throw(TypeError));",
        ScriptKind::Test,
        Vec::new(),
    );
    assert_eq!(out.error, None);
    assert!(
        passed(&out).iter().all(|(_, e)| e.is_none()),
        "{:?}",
        passed(&out)
    );
    let env = &out.vars.environment;
    assert_eq!(env.get("got"), Some(&json!("one")));
    assert_eq!(env.get("all"), Some(&json!("a,b")));
    assert_eq!(env.get("gone"), Some(&json!(true)));
    assert_eq!(env.get("clearErr"), Some(&json!("no such host")));
    assert!(host.jar_calls.iter().any(|c| matches!(c,
        JarCall::Set { cookie, .. } if cookie.name == "b" && cookie.value == "2" && cookie.http_only)));
}

#[test]
fn prerequest_request_changes_are_reported() {
    let mut host = FakeHost::default();
    let out = run_hosted(
        &mut host,
        "pm.request.headers.add({ key: 'X-Added', value: '{{v}}' });\n\
         pm.request.headers.upsert({ key: 'Accept', value: 'text/plain' });\n\
         pm.request.url = 'https://other.example.com/x';\n\
         pm.request.method = 'post';\n\
         pm.request.body = { mode: 'raw', raw: 'hello' };",
        ScriptKind::PreRequest,
        Vec::new(),
    );
    assert_eq!(out.error, None);
    let changes = out.request_changes.expect("changes");
    assert_eq!(changes.method.as_deref(), Some("POST"));
    assert_eq!(changes.url.as_deref(), Some("https://other.example.com/x"));
    assert_eq!(
        changes.headers,
        Some(vec![
            ("Accept".to_string(), "text/plain".to_string()),
            ("X-Added".to_string(), "{{v}}".to_string())
        ])
    );
    assert_eq!(changes.body, Some(json!({"mode": "raw", "raw": "hello"})));

    // Reading the request changes nothing; a test script's changes are not reported.
    let out = run_hosted(
        &mut host,
        "pm.request.headers.get('Accept'); pm.request.url.toString(); String(pm.request.body);",
        ScriptKind::PreRequest,
        Vec::new(),
    );
    assert!(out.request_changes.is_none());
    let out = run_hosted(
        &mut host,
        "pm.request.headers.add({ key: 'X', value: '1' });",
        ScriptKind::Test,
        Vec::new(),
    );
    assert!(out.request_changes.is_none());
}

#[test]
fn location_request_id_and_legacy_coercions() {
    let mut host = FakeHost::default();
    let out = run_hosted(
        &mut host,
        "pm.environment.set('loc', pm.execution.location.join('/'));\n\
         pm.environment.set('current', pm.execution.location.current);\n\
         pm.environment.set('rid', pm.info.requestId);\n\
         postman.setEnvironmentVariable('num', 1);\n\
         postman.setEnvironmentVariable('zero', 0);\n\
         postman.setEnvironmentVariable('no', false);\n\
         pm.environment.set('typed', 1);\n\
         environment;\n\
         postman.setEnvironmentVariable('seen', 'x');\n\
         pm.environment.set('legacyObject', environment.seen);",
        ScriptKind::PreRequest,
        Vec::new(),
    );
    assert_eq!(out.error, None);
    let env = &out.vars.environment;
    assert_eq!(env.get("loc"), Some(&json!("Coll/Users/Get user")));
    assert_eq!(env.get("current"), Some(&json!("Users")));
    assert_eq!(env.get("rid"), Some(&json!("req-1")));
    assert_eq!(env.get("num"), Some(&json!("1")));
    assert_eq!(env.get("zero"), Some(&json!(0)));
    // `value && value.toString` is `false` for `false`: it stays a boolean.
    assert_eq!(env.get("no"), Some(&json!(false)));
    assert_eq!(env.get("typed"), Some(&json!(1)));
    assert_eq!(env.get("legacyObject"), Some(&json!("x")));
}

#[test]
fn prerequest_body_definition_and_legacy_request_data() {
    let mut req = request();
    req.body_definition = Some(json!({"mode": "urlencoded", "urlencoded": [
        {"key": "a", "value": "1"}, {"key": "a", "value": "2"}, {"key": "off", "value": "x", "disabled": true}
    ]}));
    let ctx = ScriptContext {
        kind: ScriptKind::PreRequest,
        source: "pm.environment.set('mode', pm.request.body.mode);\n\
                 pm.environment.set('text', pm.request.body.toString());\n\
                 pm.environment.set('data', JSON.stringify(request.data));",
        request: &req,
        response: None,
        info: ScriptInfo::default(),
        vars: ScopeSnapshot::default(),
        cookies: Vec::new(),
    };
    let out = sandbox().run(&ctx);
    assert_eq!(out.error, None);
    let env = &out.vars.environment;
    assert_eq!(env.get("mode"), Some(&json!("urlencoded")));
    assert_eq!(env.get("text"), Some(&json!("a=1&a=2")));
    assert_eq!(env.get("data"), Some(&json!("{\"a\":[\"1\",\"2\"]}")));
    assert!(out.request_changes.is_none());
}
