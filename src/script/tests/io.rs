//! Unit tests for script I/O through a host: `pm.sendRequest`, cookies and the jar, changes to
//! `pm.request` in pre-request scripts, `pm.execution.location`, legacy coercions.

use super::*;

/// A host that answers `pm.sendRequest` with a canned response (or error) and keeps a tiny jar.
#[derive(Default)]
struct FakeHost {
    sent: Vec<Value>,
    fail_with: Option<String>,
    jar: Vec<(String, String)>,
    jar_calls: Vec<JarCall>,
}

impl ScriptHost for FakeHost {
    type InFlight = std::future::Ready<Result<ResponseView, String>>;
    type Landed = Result<ResponseView, String>;

    fn start_request(&mut self, definition: Value) -> Result<Self::InFlight, String> {
        self.sent.push(definition.clone());
        if let Some(message) = &self.fail_with {
            return Ok(std::future::ready(Err(message.clone())));
        }
        let mut r = response(200, &json!({"echo": definition}).to_string());
        r.headers.push(("X-Fake".to_string(), "yes".to_string()));
        Ok(std::future::ready(Ok(r)))
    }

    fn finish_request(
        &mut self,
        landed: Self::Landed,
        _at: Progress,
    ) -> Result<ResponseView, String> {
        landed
    }

    fn cookie_jar(&mut self, call: JarCall) -> Result<Value, String> {
        self.jar_calls.push(call.clone());
        match call {
            JarCall::Get { name, .. } => Ok(self
                .jar
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(Value::Null, |(_, v)| json!(v))),
            // A URL the host cannot use fails every call (the run's host: it cannot parse it).
            JarCall::GetAll { url } | JarCall::Clear { url } if url.contains("bad") => {
                Err("no such host".to_string())
            }
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
) -> Ran {
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
            ..ScriptInfo::default()
        },
        vars: &Scopes::default(),
        cookies,
    };
    // With `--send-request-promise` (the callback form behaves the same either way).
    let mut sb = Sandbox::new(SandboxOptions {
        script_timeout: Some(Duration::from_millis(200)),
        send_request_promise: true,
        ..SandboxOptions::default()
    })
    .expect("sandbox starts");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("runtime");
    let out = runtime.block_on(sb.run_with_host(&ctx, host));
    Ran::new(Scopes::default(), out)
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
           pm.test('cb', () => { pm.expect(err.code).to.equal('ECONNREFUSED'); pm.expect(res.code).to.be.undefined; });\n\
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
    // A callback that throws is not reported (Newman drops errors of async callbacks).
    assert_eq!(out.error, None);
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
        max_age: None,
    };
    // pm.cookies lists the jar's cookies for the URL (in a run the jar has stored the
    // response's Set-Cookie before the test script runs).
    let mut host = FakeHost::default();
    let out = run_hosted(
        &mut host,
        "pm.test('get', () => pm.expect(pm.cookies.get('foo')).to.equal('bar'));\n\
         pm.test('has', () => { pm.expect(pm.cookies.has('foo')).to.be.true; pm.expect(pm.cookies.has('nope')).to.be.false; });\n\
         pm.test('count', () => pm.expect(pm.cookies.count()).to.equal(2));\n\
         pm.test('object', () => pm.expect(pm.cookies.toObject()).to.eql({ foo: 'bar', n: '1' }));\n\
         pm.test('legacy', () => pm.expect(postman.getResponseCookie('foo').value).to.equal('bar'));\n\
         pm.test('legacy list', () => pm.expect(responseCookies.map(c => c.name)).to.eql(['foo', 'n']));\n\
         pm.test('one', () => pm.expect(pm.cookies.one('foo').domain).to.equal('api.example.com'));\n\
         const names = []; pm.cookies.each(c => names.push(c.name));\n\
         pm.test('each', () => pm.expect(names).to.eql(['foo', 'n']));",
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
             jar.unset('http://h/', 'a', () => jar.get('http://h/', 'a', (err, v) => pm.environment.set('gone', v === null)));\n\
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
    let changes = out.request_changes.clone().expect("changes");
    assert_eq!(changes.method.as_deref(), Some("POST"));
    assert_eq!(changes.url.as_deref(), Some("https://other.example.com/x"));
    assert_eq!(
        changes.headers,
        Some(vec![
            ("Accept".to_string(), "text/plain".to_string(), false),
            ("X-Added".to_string(), "{{v}}".to_string(), false)
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
        vars: &Scopes::default(),
        cookies: Vec::new(),
    };
    let out = Ran::new(Scopes::default(), sandbox().run(&ctx));
    assert_eq!(out.error, None);
    let env = &out.vars.environment;
    assert_eq!(env.get("mode"), Some(&json!("urlencoded")));
    assert_eq!(env.get("text"), Some(&json!("a=1&a=2")));
    assert_eq!(env.get("data"), Some(&json!("{\"a\":[\"1\",\"2\"]}")));
    assert!(out.request_changes.is_none());
}
