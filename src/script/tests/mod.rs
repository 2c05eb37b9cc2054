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
        disabled_headers: Vec::new(),
        ..RequestView::default()
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
        received_size: None,
        lazy_body: None,
        raw: None,
    }
}

fn sandbox() -> Sandbox {
    Sandbox::new(SandboxOptions {
        script_timeout: Some(Duration::from_millis(200)),
        ..SandboxOptions::default()
    })
    .expect("sandbox starts")
}

/// A script's outcome with the variables as the runner stores them afterwards.
pub(super) struct Ran {
    out: ScriptOutcome,
    /// Every scope after the script's changes were applied.
    pub vars: Scopes,
}

impl Ran {
    /// `out` applied to `before`.
    pub(super) fn new(mut before: Scopes, out: ScriptOutcome) -> Ran {
        before.apply(&out.changes);
        Ran { out, vars: before }
    }
}

impl std::ops::Deref for Ran {
    type Target = ScriptOutcome;
    fn deref(&self) -> &ScriptOutcome {
        &self.out
    }
}

fn run_with(sb: &mut Sandbox, source: &str, vars: Scopes, resp: Option<&ResponseView>) -> Ran {
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
            ..ScriptInfo::default()
        },
        vars: &vars,
        cookies: Vec::new(),
    };
    let out = sb.run(&ctx);
    Ran::new(vars, out)
}

fn run_test(source: &str) -> Ran {
    let resp = response(
        200,
        r#"{"id":7,"name":"Ada","tags":["a","b"],"nested":{"deep":{"x":1}}}"#,
    );
    run_with(&mut sandbox(), source, Scopes::default(), Some(&resp))
}

/// Each assertion's name and failure message (None when it passed), in order.
fn results(out: &ScriptOutcome) -> Vec<(&str, Option<&str>)> {
    out.assertions
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.error.as_ref().map(|e| e.message.as_str()),
            )
        })
        .collect()
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
        ("pm.expect(0).to.be.ok", "expected +0 to be truthy"),
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
            "expected { alpha: 1, beta: 2, gamma: 3, …(2) } to be empty",
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
    // As postman-sandbox: a test function that takes no `done` passes when it does not throw
    // synchronously; the promise it returns is not awaited.
    assert_eq!(get("rejected"), Some(None));
    assert_eq!(get("resolved"), Some(None));
    assert_eq!(get("done later"), Some(None));
    assert_eq!(get("done with error"), Some(Some("bad".to_string())));
}

#[test]
fn environment_set_round_trips_with_types() {
    let mut vars = Scopes::default();
    vars.environment.set("keep", json!("old"));
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
    let env: Vec<(&str, Option<&Value>)> = out
        .vars
        .environment
        .entries()
        .iter()
        .map(|v| (v.key.as_str(), v.value.as_ref()))
        .collect();
    assert_eq!(
        env,
        vec![
            ("keep", Some(&json!("old"))),
            ("token", Some(&json!("abc"))),
            ("n", Some(&json!(42))),
            ("obj", Some(&json!({"a": [1, true]}))),
            ("u", Some(&Value::Null)),
        ],
        "undefined reaches the environment as null, as in Newman"
    );
    assert_eq!(out.vars.globals.get("g"), Some(&json!(1.5)));
    assert_eq!(out.vars.collection.get("c"), Some(&json!(false)));
}

/// Found by the fuzz tests (issue 12): a value JSON cannot write (nested past the stack, a name
/// whose `toJSON` throws) made the fallback for such values throw too, and the script's results
/// (assertions, every other change) were lost: "postie could not read the script's results".
#[test]
fn values_json_cannot_write_leave_the_other_results_issue_12() {
    let out = run_with(
        &mut sandbox(),
        "let deep = []; for (let i = 0; i < 5000; i++) deep = [deep];\n\
         pm.environment.set('deep', deep);\n\
         pm.environment.set({ a: { toJSON() { throw new Error('no'); } } }, 1);\n\
         pm.globals.set('bare', Object.create(null));\n\
         pm.request.body = deep;\n\
         pm.environment.set('after', 2);\n\
         pm.test('still here', function () {});",
        Scopes::default(),
        None,
    );
    assert_eq!(out.error, None);
    assert_eq!(results(&out), [("still here", None)]);
    let env = &out.vars.environment;
    assert_eq!(env.get("deep"), Some(&json!("[object Array]")));
    assert_eq!(env.get("[object Object]"), Some(&json!(1)));
    assert_eq!(env.get("after"), Some(&json!(2)));
    assert_eq!(out.vars.globals.get("bare"), Some(&json!({})));
}

#[test]
fn variables_follow_precedence_and_set_writes_local() {
    let mut vars = Scopes::default();
    vars.globals.set("a", json!("global"));
    vars.globals.set("b", json!("global"));
    vars.collection.set("b", json!("collection"));
    vars.collection.set("c", json!("collection"));
    vars.environment.set("c", json!("env"));
    vars.environment.set("d", json!("env"));
    vars.data = crate::vars::VariableScope::from_row(
        &[("d", "data"), ("e", "data")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect(),
    );
    vars.local.set("e", json!("local"));
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
    let mut vars = Scopes::default();
    vars.environment.set("host", json!("example.com"));
    vars.environment.set("port", json!(8080));
    vars.globals.set("env", json!("prod"));
    vars.globals.set("host.prod", json!("prod.example.com"));
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
        Scopes::default(),
        None,
    );
    let err = out.error.clone().expect("an error");
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
        Scopes::default(),
        None,
    );
    let err = out.error.clone().expect("an error");
    assert_eq!(err.name, "ReferenceError");
    assert_eq!(err.position, Some((1, 1)));
}

#[test]
fn run_reports_syntax_error_with_position() {
    let out = run_with(
        &mut sandbox(),
        "let a = 1;\nlet b = ;\n",
        Scopes::default(),
        None,
    );
    let err = out.error.clone().expect("an error");
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
        Scopes::default(),
        None,
    );
    assert!(started.elapsed() < Duration::from_secs(1));
    let err = out.error.clone().expect("a timeout");
    assert_eq!(err.name, "Error");
    assert_eq!(err.message, "sandbox: synchronous script execution timeout");
    assert!(out.vars.environment.contains_key("before"));
    let next = run_with(
        &mut sb,
        "pm.environment.set('after', 2);",
        Scopes::default(),
        None,
    );
    assert_eq!(next.error, None);
    assert_eq!(next.vars.environment.get("after"), Some(&json!(2)));
}

#[test]
fn run_scripts_do_not_share_declarations() {
    let mut sb = sandbox();
    let first = run_with(&mut sb, "const x = 1; let y = 2;", Scopes::default(), None);
    let second = run_with(
        &mut sb,
        "const x = 3; let y = 4; pm.variables.set('x', x);",
        Scopes::default(),
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
         pm.test('cookies', () => pm.expect(pm.response.cookies.count()).to.equal(0));\n\
         pm.test('reason', () => pm.response.to.have.status('Not Found'));",
    );
    let messages = results(&out);
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
        Scopes::default(),
        Some(&resp),
    );
    let err = out.error.clone().expect("an error");
    assert_eq!(err.name, "JSONError");
    // (liquid-json blames a keyword that does not match on its first character)
    assert_eq!(err.message, "Unexpected token 'n' at 1:1\nnot json\n^");
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
        Scopes::default(),
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
            // Newman's CLI: every argument util.inspect-ed, joined with ', ', no format strings;
            // an Error crosses the sandbox bridge as its toJSON.
            (ConsoleLevel::Log, "'hello', { a: 1, b: 'x' }, [ 1, 2 ]"),
            (ConsoleLevel::Warn, "'careful %s=%d', 'n', 5"),
            (
                ConsoleLevel::Error,
                "{\n  type: 'Error',\n  name: 'Error',\n  message: 'bad'\n}"
            ),
            (ConsoleLevel::Info, "null, undefined, true"),
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
    let mut vars = Scopes::default();
    vars.environment.set("base", json!("x"));
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
    let got = results(&out);
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
            .any(|c| c.text == "'Using \"tests\" is deprecated. Use \"pm.test()\" instead.'")
    );
}

#[test]
fn unsupported_features_fail_clearly() {
    let out = run_test("require('http');");
    let err = out.error.clone().expect("an error");
    assert_eq!(err.message, "Cannot find module 'http'");
    // Without a host, the callback gets an error; as with any error that has no Node fields,
    // Newman's sandbox bridge leaves it with no message.
    let out = run_test(
        "pm.sendRequest('http://x', (err, res) => pm.test(JSON.stringify(err), () => pm.expect(res.code).to.be.undefined));",
    );
    assert_eq!(out.error, None);
    assert_eq!(out.assertions[0].name, "{}");
    assert_eq!(out.assertions[0].error, None);
}

#[test]
fn skip_request_only_in_prerequest() {
    let out = run_with(
        &mut sandbox(),
        "pm.execution.skipRequest();",
        Scopes::default(),
        None,
    );
    assert_eq!(out.error, None);
    assert!(out.skip_request);
    let out = run_test("pm.execution.skipRequest();");
    assert_eq!(
        out.error.clone().map(|e| e.name),
        Some("TypeError".to_string())
    );
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
            "expected response code to not be 2XX",
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

mod cache;
mod caught;
mod io;
mod sdk_shapes;
mod versions;
