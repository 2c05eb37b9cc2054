//! `postie mock COLLECTION`: a collection run against a mock of its own examples gets every
//! example back; the headers choose among examples; no match is a 404 saying what was tried.

use crate::util::{postie, tempdir, write};
use postie::mock::examples::{ExampleSet, spawn};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

/// One saved example.
fn example(name: &str, method: &str, url: &str, code: u16, body: &str) -> Value {
    json!({
        "name": name,
        "originalRequest": {"method": method, "url": url, "header": []},
        "code": code,
        "status": "",
        "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "X-Example", "value": name}],
        "body": body,
    })
}

/// A request item whose test checks it got example `name` with `code`; `headers` choose it.
fn item(name: &str, request: Value, code: u16, examples: Vec<Value>, expect: &str) -> Value {
    json!({
        "name": name,
        "request": request,
        "response": examples,
        "event": [{"listen": "test", "script": {"exec": [
            format!("pm.test('{name}', () => {{"),
            format!("  pm.response.to.have.status({code});"),
            format!("  pm.expect(pm.response.headers.get('X-Example')).to.eql('{expect}');"),
            "});",
        ]}}],
    })
}

fn collection() -> Value {
    let users = vec![example(
        "all users",
        "GET",
        "{{baseUrl}}/users",
        200,
        r#"[{"id":7}]"#,
    )];
    let paged = vec![example(
        "page 2",
        "GET",
        "{{baseUrl}}/users?page=2",
        200,
        "[]",
    )];
    let one = vec![
        example(
            "user 7",
            "GET",
            "{{baseUrl}}/users/:id",
            200,
            r#"{"id":7,"trace":"{{$guid}}"}"#,
        ),
        example(
            "no user",
            "GET",
            "{{baseUrl}}/users/:id",
            404,
            r#"{"error":"not found"}"#,
        ),
    ];
    let mut created = example("created", "POST", "{{baseUrl}}/users", 201, r#"{"id":8}"#);
    created["originalRequest"]["body"] = json!({"mode": "raw", "raw": "{\"name\": \"x\"}"});
    let mut bad = example(
        "rejected",
        "POST",
        "{{baseUrl}}/users",
        422,
        r#"{"error":"name"}"#,
    );
    bad["originalRequest"]["body"] = json!({"mode": "raw", "raw": "{\"name\": \"\"}"});
    let status = vec![example(
        "status",
        "GET",
        "{{baseUrl}}/{{tenant}}/status",
        200,
        r#"{"ok":true}"#,
    )];
    let get = |url: &str| json!({"method": "GET", "url": url});
    let post = |body: &str| {
        json!({"method": "POST", "url": "{{baseUrl}}/users",
               "body": {"mode": "raw", "raw": body}, "header": [{"key": "Content-Type", "value": "application/json"}]})
    };
    let mut by_code = get("{{baseUrl}}/users/9");
    by_code["header"] = json!([{"key": "x-mock-response-code", "value": "404"}]);
    let mut by_name = get("{{baseUrl}}/users/9");
    by_name["header"] = json!([{"key": "x-mock-response-name", "value": "no user"}]);
    json!({
        "info": {"name": "mocked", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [{"key": "tenant", "value": "acme"}],
        "item": [
            item("list", get("{{baseUrl}}/users"), 200, users, "all users"),
            item("paged", get("{{baseUrl}}/users?page=2"), 200, paged, "page 2"),
            {"name": "folder", "item": [
                item("one", get("{{baseUrl}}/users/7"), 200, one, "user 7"),
                item("missing by code", by_code, 404, vec![], "no user"),
                item("missing by name", by_name, 404, vec![], "no user"),
            ]},
            item("create", post("{\"name\":\"x\"}"), 201, vec![created, bad], "created"),
            item("reject", post("{\"name\": \"\"}"), 422, vec![], "rejected"),
            item("status", get("{{baseUrl}}/acme/status"), 200, status, "status"),
        ]
    })
}

#[test]
fn mock_examples_answer_the_collection_they_come_from() {
    let dir = tempdir();
    let file = write(dir.path(), "mocked.json", &collection().to_string());
    let set = ExampleSet::load(std::path::Path::new(&file)).unwrap();
    assert_eq!(set.examples.len(), 7);
    let server = spawn(set, 0).unwrap();
    let base = format!("baseUrl={}", server.url());
    let out = postie(&["run", &file, "--env-var", &base, "-r", "cli"]);
    out.check(out.code == 0, "every request gets its example");
    out.check(
        !out.stdout.contains("AssertionError"),
        "no failed assertion",
    );
    assert_eq!(server.requests().len(), 8);
}

#[test]
fn mock_examples_of_a_v3_folder_answer_it_too() {
    let dir = tempdir();
    let file = write(dir.path(), "mocked.json", &collection().to_string());
    let folder = dir.path().join("mocked-v3");
    let folder_arg = folder.to_string_lossy().into_owned();
    let converted = postie(&["convert", &file, &folder_arg]);
    converted.check(
        converted.code == 0,
        "the collection converts to a v3 folder",
    );
    let set = ExampleSet::load(&folder).unwrap();
    assert_eq!(set.examples.len(), 7);
    let server = spawn(set, 0).unwrap();
    let base = format!("baseUrl={}", server.url());
    let out = postie(&["run", &folder_arg, "--env-var", &base, "-r", "cli"]);
    out.check(
        out.code == 0,
        "every request of the v3 folder gets its example",
    );
    assert_eq!(server.requests().len(), 8);
}

/// A raw HTTP/1.1 exchange: status code and body.
fn exchange(addr: std::net::SocketAddr, request: &str) -> (u16, String) {
    let fail = |e: std::io::Error| -> ! { panic!("exchange with {addr}: {e}") };
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| fail(e));
    stream
        .write_all(request.as_bytes())
        .unwrap_or_else(|e| fail(e));
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap_or_else(|e| fail(e));
    let code = text
        .get(9..12)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (code, body)
}

#[test]
fn mock_examples_no_match_is_a_404_saying_what_was_tried() {
    let dir = tempdir();
    let file = write(dir.path(), "mocked.json", &collection().to_string());
    let server = spawn(ExampleSet::load(std::path::Path::new(&file)).unwrap(), 0).unwrap();
    let (code, body) = exchange(
        server.addr(),
        "DELETE /users/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 404);
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["error"]["name"], "mockRequestNotFoundError");
    assert_eq!(doc["request"]["method"], "DELETE");
    assert_eq!(doc["tried"].as_array().unwrap().len(), 7, "{doc:#}");
    assert_eq!(doc["tried"][2]["reason"], "method DELETE is not GET");
    // The dynamic variable in the example's body is resolved.
    let (code, body) = exchange(
        server.addr(),
        "GET /users/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 200);
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["trace"].as_str().unwrap().len(), 36, "{doc:#}");
}

#[test]
fn mock_examples_from_the_command_line_and_partner_api_still_served() {
    let dir = tempdir();
    let file = write(dir.path(), "mocked.json", &collection().to_string());
    let mut child = Command::new(env!("CARGO_BIN_EXE_postie"))
        .args(["mock", &file, "--port", "0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let _ = BufReader::new(child.stderr.take().unwrap()).read_line(&mut first);
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .map(str::to_string);
    let addr = url
        .as_deref()
        .and_then(|u| u.strip_prefix("http://"))
        .and_then(|a| a.parse().ok());
    let result = addr.map(|addr| {
        exchange(
            addr,
            "GET /users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("serving 7 examples"), "{first}");
    assert_eq!(result.map(|r| r.0), Some(200), "{first}");
    // No examples at all: a clear error, exit 2.
    let empty = write(
        dir.path(),
        "empty.json",
        r#"{"info": {"name": "e"}, "item": []}"#,
    );
    let out = postie(&["mock", &empty]);
    out.check(
        out.code == 2 && out.stderr.contains("no saved examples"),
        "no examples",
    );
}

/// Start `postie mock ARGS…` and return the child and its address.
fn start_mock(args: &[&str]) -> (std::process::Child, Option<std::net::SocketAddr>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postie"))
        .arg("mock")
        .args(args)
        .args(["--port", "0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("postie mock: {e}"));
    let mut first = String::new();
    if let Some(stderr) = child.stderr.take() {
        let _ = BufReader::new(stderr).read_line(&mut first);
    }
    let addr = first
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .and_then(|a| a.parse().ok());
    (child, addr)
}

#[test]
fn mock_examples_resolve_variables_in_headers_and_bodies() {
    let dir = tempdir();
    let mut doc = collection();
    let ex = &mut doc["item"][0]["response"][0];
    ex["header"] = json!([
        {"key": "X-Example", "value": "all users"},
        {"key": "X-Tenant", "value": "{{tenant}}/{{region}}"},
        {"key": "X-Trace", "value": "{{$guid}}"},
        {"key": "X-Seg", "value": "{{$pathSegments '0'}}"}
    ]);
    ex["body"] = json!(
        r#"{"t":"{{tenant}}","r":"{{region}}","u":"{{unknown}}","p":"{{$queryParams 'page' '1'}}","h":"{{$headers 'Host'}}"}"#
    );
    doc["variable"] = json!([
        {"key": "tenant", "value": "acme"},
        {"key": "region", "value": "us"},
        {"key": "off", "value": "x", "disabled": true}
    ]);
    let file = write(dir.path(), "vars.json", &doc.to_string());
    let env = write(
        dir.path(),
        "env.json",
        r#"{"name": "e", "values": [{"key": "region", "value": "eu", "enabled": true}]}"#,
    );
    let request = "GET /users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    let raw = |addr: std::net::SocketAddr| {
        let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
        stream
            .write_all(request.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        let mut text = String::new();
        stream
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{e}"));
        text.to_ascii_lowercase()
    };
    // Collection variables alone; then the environment wins over them.
    for (args, region) in [
        (vec![file.as_str()], "us"),
        (vec![file.as_str(), "-e", &env], "eu"),
    ] {
        let (mut child, addr) = start_mock(&args);
        let text = addr.map(raw);
        let _ = child.kill();
        let _ = child.wait();
        let text = text.unwrap_or_else(|| panic!("no address from postie mock {args:?}"));
        assert!(
            text.contains(&format!("x-tenant: acme/{region}\r\n")),
            "{text}"
        );
        assert!(!text.contains("x-trace: {{"), "{text}");
        assert!(text.contains("x-seg: users\r\n"), "{text}");
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let body: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(
            body,
            json!({"t": "acme", "r": region, "u": "{{unknown}}", "p": "1", "h": "x"})
        );
    }
    let out = postie(&["mock", "partner-api", "-e", &env]);
    out.check(out.code == 2, "-e is for a collection only");
}
