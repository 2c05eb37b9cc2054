//! Script I/O against the recording echo server, run by the real binary: `pm.sendRequest`
//! (callback and promise forms, failures), `pm.cookies` and the cookie jar, changes a pre-request
//! script makes to `pm.request`, and what scripts see of the request (`Host`, location, data).

use crate::echo::Echo;
use crate::util::{Output, SCHEMA, closed_port, env_value, postie, read_json, tempdir, write};
use serde_json::{Value, json};
use std::path::Path;

/// A script event of `listen` with `source`.
fn event(listen: &str, source: &str) -> Value {
    json!({"listen": listen, "script": {"type": "text/javascript", "exec": source.lines().collect::<Vec<_>>()}})
}

/// A `GET url` item with the given events.
fn item(name: &str, url: &str, events: Vec<Value>) -> Value {
    json!({"name": name, "event": events, "request": {"method": "GET", "url": url}})
}

/// Run `items` as a collection named `io` from `dir`, exporting the environment and the JSON
/// report there; `extra` goes after the collection path.
fn run_in(dir: &Path, items: Value, extra: &[&str]) -> (Output, Value, Value) {
    let collection = json!({"info": {"name": "io", "schema": SCHEMA}, "item": items});
    let path = write(dir, "c.postman_collection.json", &collection.to_string());
    let env = write(
        dir,
        "e.json",
        &json!({"name": "e", "values": [{"key": "v", "value": "42", "enabled": true}]}).to_string(),
    );
    let exported = dir.join("env-out.json").to_string_lossy().into_owned();
    let report = dir.join("report.json").to_string_lossy().into_owned();
    let mut args = vec![
        "run",
        path.as_str(),
        "-e",
        env.as_str(),
        "--export-environment",
        exported.as_str(),
        "-r",
        "cli,json",
        "--reporter-json-export",
        report.as_str(),
    ];
    args.extend_from_slice(extra);
    let out = postie(&args);
    let env_doc = read_json(Path::new(&exported));
    let report_doc = read_json(Path::new(&report));
    (out, env_doc, report_doc)
}

fn run(items: Value) -> (Output, Value, Value) {
    let dir = tempdir();
    run_in(dir.path(), items, &[])
}

#[test]
fn io_send_request_callback_and_promise_forms() {
    let echo = Echo::start();
    let base = echo.url();
    let test = format!(
        "pm.sendRequest('{base}/echo?cb={{{{v}}}}', function (err, res) {{\n\
           pm.environment.set('cb', res.json().path);\n\
           pm.test('callback response', () => pm.expect(res.code).to.equal(200));\n\
         }});\n\
         (async () => {{\n\
           const res = await pm.sendRequest({{ url: '{base}/echo?promise', method: 'POST',\n\
             header: [{{ key: 'Content-Type', value: 'text/plain' }}], body: {{ mode: 'raw', raw: 'hi there' }} }});\n\
           pm.environment.set('promise', res.json().body);\n\
         }})();"
    );
    let dir = tempdir();
    let (out, env, report) = run_in(
        dir.path(),
        json!([item(
            "main",
            &format!("{base}/echo?main"),
            vec![event("test", &test)]
        )]),
        &["--send-request-promise"],
    );
    out.check(out.code == 0, "the run passes");
    let mut paths: Vec<String> = echo.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    // The two script requests are out at once: either may reach the server first.
    paths[1..].sort();
    assert_eq!(paths[0], "/echo?main");
    // `{{v}}` is not resolved in a pm.sendRequest URL (Postman does not resolve it either).
    assert!(
        paths[1].starts_with("/echo?cb=") && !paths[1].contains("42"),
        "{paths:?}"
    );
    assert_eq!(paths[2], "/echo?promise");
    let promised = echo
        .requests()
        .into_iter()
        .find(|r| r.path == "/echo?promise");
    assert_eq!(promised.map(|r| r.text()).as_deref(), Some("hi there"));
    assert_eq!(env_value(&env, "cb"), Some(json!(paths[1])));
    assert_eq!(env_value(&env, "promise"), Some(json!("hi there")));
    out.check(
        out.stdout.contains(&format!("POST {base}/echo?promise")),
        "the sendRequest is printed as a request",
    );
    // Newman records one execution per request of the item, all showing the last one.
    let executions = report["run"]["executions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(executions.len(), 3, "{executions:#?}");
    assert_eq!(report["run"]["stats"]["requests"]["total"], json!(3));
    let last = &executions[2]["request"]["url"]["query"];
    assert!(
        executions
            .iter()
            .all(|e| &e["request"]["url"]["query"] == last)
    );
}

#[test]
fn io_send_request_to_a_closed_port_fails_the_run() {
    let echo = Echo::start();
    let port = closed_port();
    let test = format!(
        "pm.sendRequest('http://127.0.0.1:{port}/x', (err, res) => {{\n\
           pm.environment.set('err', err ? err.message : 'none');\n\
         }});"
    );
    let (out, env, report) = run(json!([item(
        "main",
        &format!("{}/echo", echo.url()),
        vec![event("test", &test)]
    )]));
    out.check(
        out.code == 1,
        "a failed sendRequest fails the run even when handled",
    );
    // Newman hands the callback Node's error fields only (no message).
    assert_eq!(env_value(&env, "err"), Some(json!(null)), "port {port}");
    assert_eq!(report["run"]["stats"]["requests"]["failed"], json!(1));
    out.check(out.stdout.contains("ECONNREFUSED"), "the error is printed");
}

#[test]
fn io_send_request_failures_are_listed_where_they_happened() {
    let echo = Echo::start();
    let port = closed_port();
    // A failing assertion in the first callback comes before the later request's failure, and
    // the assertion made after that failure comes after it (Newman reports as things happen).
    let test = format!(
        "pm.sendRequest('{}/echo', () => {{\n\
           pm.test('first', () => pm.expect(1).to.equal(2));\n\
           pm.sendRequest('http://127.0.0.1:{port}/x', () => {{\n\
             pm.test('second', () => pm.expect(3).to.equal(4));\n\
           }});\n\
         }});",
        echo.url()
    );
    let (out, _, report) = run(json!([item(
        "main",
        &format!("{}/echo", echo.url()),
        vec![event("test", &test)]
    )]));
    out.check(out.code == 1, "the run fails");
    let failures: Vec<String> = report["run"]["failures"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|f| f["error"]["message"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(failures.len(), 3, "{failures:?}");
    assert!(
        failures[0].contains("expected 1 to equal 2"),
        "{failures:?}"
    );
    assert!(failures[1].contains("ECONNREFUSED"), "{failures:?}");
    assert!(
        failures[2].contains("expected 3 to equal 4"),
        "{failures:?}"
    );
}

#[test]
fn io_pm_cookies_after_cookies_set() {
    let echo = Echo::start();
    let base = echo.url();
    let test = "pm.test('foo from pm.cookies', () => pm.expect(pm.cookies.get('foo')).to.equal('bar'));\n\
                pm.test('legacy getResponseCookie', () => pm.expect(postman.getResponseCookie('foo').value).to.equal('bar'));\n\
                pm.test('toObject', () => pm.expect(pm.cookies.toObject()).to.eql({ foo: 'bar', n: '1' }));";
    let (out, _, _) = run(json!([item(
        "set",
        &format!("{base}/cookies/set?foo=bar&n=1"),
        vec![event("test", test)]
    )]));
    out.check(out.code == 0, "pm.cookies sees the jar's cookies");
    out.check(
        out.stdout.contains("✓  foo from pm.cookies"),
        "assertion passed",
    );
}

#[test]
fn io_jar_set_is_sent_and_cookies_go_in_creation_order() {
    let echo = Echo::start();
    let base = echo.url();
    let pre = format!(
        "pm.cookies.jar().set('{base}/', 'jarred', 'yes', function (err, cookie) {{\n\
           if (err) throw err;\n\
           pm.environment.set('set', cookie.name + '=' + cookie.value);\n\
         }});"
    );
    let (out, env, _) = run(json!([
        item(
            "order",
            &format!("{base}/cookies/set?zeta=1&alpha=2&mid=3&beta=4"),
            vec![]
        ),
        item(
            "read",
            &format!("{base}/cookies"),
            vec![event("prerequest", &pre)]
        ),
    ]));
    out.check(out.code == 0, "the run passes");
    assert_eq!(env_value(&env, "set"), Some(json!("jarred=yes")));
    let requests = echo.requests();
    let last = requests
        .last()
        .map(|r| r.header("cookie").unwrap_or("").to_string());
    assert_eq!(
        last.as_deref(),
        Some("zeta=1; alpha=2; mid=3; beta=4; jarred=yes"),
        "older cookies first; the script's cookie is sent"
    );
}

#[test]
fn io_prerequest_changes_reach_the_server_and_host_is_listed() {
    let echo = Echo::start();
    let base = echo.url();
    let pre = "pm.request.headers.add({ key: 'X-From-Script', value: '{{v}}' });\n\
               pm.request.headers.remove('X-Drop');\n\
               pm.request.url.addQueryParams('added=1');\n\
               pm.request.method = 'POST';\n\
               pm.request.body = { mode: 'raw', raw: 'from script' };";
    let test = "pm.test('host listed', () => pm.request.to.have.header('host'));\n\
                pm.test('header seen', () => pm.expect(pm.request.headers.get('X-From-Script')).to.equal('42'));";
    let (out, _, report) = run(json!([{
        "name": "changed",
        "event": [event("prerequest", pre), event("test", test)],
        "request": {"method": "GET", "url": format!("{base}/echo?a=1"),
                    "header": [{"key": "X-Drop", "value": "x"}]}
    }]));
    out.check(out.code == 0, "the run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/echo?a=1&added=1");
    assert_eq!(r.header("x-from-script"), Some("42"));
    assert_eq!(r.header("x-drop"), None);
    assert_eq!(r.text(), "from script");
    assert_eq!(
        r.header("host").map(str::to_string),
        Some(format!("127.0.0.1:{}", echo.port()))
    );
    let headers = report["run"]["executions"][0]["request"]["header"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        headers.iter().any(|h| h["key"] == "Host"),
        "the report lists Host: {headers:?}"
    );
}

#[test]
fn io_location_request_id_and_iteration_data() {
    let echo = Echo::start();
    let dir = tempdir();
    let data = write(
        dir.path(),
        "data.json",
        &json!([{"who": "ada"}, {"who": "bob"}]).to_string(),
    );
    let test = "pm.environment.set('loc' + pm.info.iteration, pm.execution.location.join('>') + '|' + pm.execution.location.current);\n\
                pm.environment.set('who' + pm.info.iteration, pm.iterationData.get('who'));\n\
                pm.environment.set('rid', typeof pm.info.requestId === 'string' && pm.info.requestId.length > 0);";
    let items = json!([{
        "name": "folder",
        "event": [event("test", test)],
        "item": [item("leaf", &format!("{}/echo", echo.url()), vec![])]
    }]);
    let (out, env, _) = run_in(dir.path(), items, &["-d", data.as_str()]);
    out.check(out.code == 0, "the run passes");
    assert_eq!(
        env_value(&env, "loc0"),
        Some(json!("io>folder>leaf|folder"))
    );
    assert_eq!(env_value(&env, "who0"), Some(json!("ada")));
    assert_eq!(env_value(&env, "who1"), Some(json!("bob")));
    assert_eq!(env_value(&env, "rid"), Some(json!(true)));
}

#[test]
fn io_listed_host_is_right_after_a_cross_host_redirect() {
    let first = Echo::start();
    let second = Echo::start();
    let target = format!("{}/echo", second.url());
    let test = "pm.test('host listed', () => pm.request.to.have.header('host'));";
    let (out, _, _) = run(json!([item(
        "hop",
        &format!("{}/redirect-to?url={target}", first.url()),
        vec![event("test", test)]
    )]));
    out.check(out.code == 0, "the run passes");
    let arrived = second.requests();
    assert_eq!(arrived.len(), 1);
    assert_eq!(
        arrived[0].header("host").map(str::to_string),
        Some(format!("127.0.0.1:{}", second.port())),
        "the Host listed for the first hop is not sent to the second host"
    );
}
