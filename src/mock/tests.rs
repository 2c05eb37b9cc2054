//! End-to-end tests of the simulator over real HTTP on 127.0.0.1, using a tiny blocking
//! HTTP/1.1 client so the tests exercise the server exactly as a runner would.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::jwt::{self, TokenKind};
use super::{MockHandle, PartnerApiConfig, spawn};

const SECRET: &[u8] = b"tests-secret";

/// A parsed response.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Asserts the JSON:API error shape and returns the detail.
    fn error_detail(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        let body = self.json();
        let error = &body["errors"][0];
        assert_eq!(error["status"], status.to_string());
        assert!(error["title"].is_string());
        error["detail"].as_str().expect("detail").to_owned()
    }
}

/// Sends one request with `Connection: close` and reads the whole reply.
fn send(
    server: &MockHandle,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let mut stream = TcpStream::connect(server.addr()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut request = format!(
        "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
        server.addr(),
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8(raw).expect("utf8 reply");
    let (head, body) = raw.split_once("\r\n\r\n").expect("head/body split");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}

fn get(server: &MockHandle, target: &str) -> Reply {
    send(server, "GET", target, &[], "")
}

fn post_partners(server: &MockHandle, authorization: Option<&str>, body: &str) -> Reply {
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(value) = authorization {
        headers.push(("Authorization", value));
    }
    send(server, "POST", "/api/v8/partners", &headers, body)
}

fn config() -> PartnerApiConfig {
    PartnerApiConfig {
        secret: SECRET.to_vec(),
        ..PartnerApiConfig::default()
    }
}

fn start(config: PartnerApiConfig) -> MockHandle {
    spawn(config, 0).expect("spawn simulator")
}

fn login(server: &MockHandle, login: &str, password: &str) -> Value {
    let reply = get(
        server,
        &format!("/api/v8/auth?login={login}&password={password}"),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn master_tokens(server: &MockHandle) -> Value {
    login(server, "partner@example.com", "partner-secret")
}

fn bearer(tokens: &Value, key: &str) -> String {
    format!("Bearer {}", tokens[key].as_str().expect("token"))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
}

#[test]
fn auth_ok_returns_valid_jwts() {
    let server = start(config());
    let reply = get(
        &server,
        "/api/v8/auth?login=partner%40example.com&password=partner-secret",
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    let keys: Vec<&str> = body
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["access_token", "refresh_token", "expires_in"]);

    let at = now();
    let access =
        jwt::verify(body["access_token"].as_str().expect("at"), SECRET, at).expect("access");
    let refresh =
        jwt::verify(body["refresh_token"].as_str().expect("rt"), SECRET, at).expect("refresh");
    assert_eq!(body["expires_in"].as_i64(), Some(access.exp));
    assert_eq!(access.typ, TokenKind::Access);
    assert_eq!(refresh.typ, TokenKind::Refresh);
    assert_eq!(access.exp - access.nbf, 7 * 24 * 3600);
    assert_eq!(refresh.exp - refresh.nbf, 28 * 24 * 3600);
    assert!((access.nbf - at).abs() <= 5);
    assert_eq!(access.sub, "api");
    assert_eq!(access.objuuid, "");
    assert_eq!(access.iss, "partner-admin.mobsted.test");
    assert_eq!(access.uid, refresh.uid);
    assert_eq!(access.useruuid, refresh.useruuid);

    let header = body["access_token"]
        .as_str()
        .expect("at")
        .split('.')
        .next()
        .expect("h");
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).expect("b64")).expect("json");
    assert_eq!(header, json!({"typ": "JWT", "alg": "HS256"}));
}

#[test]
fn auth_wrong_password_is_401() {
    let server = start(config());
    let reply = get(
        &server,
        "/api/v8/auth?login=partner@example.com&password=nope",
    );
    reply.error_detail(401);
    let reply = get(
        &server,
        "/api/v8/auth?login=nobody@example.com&password=partner-secret",
    );
    reply.error_detail(401);
}

#[test]
fn auth_missing_params_is_400() {
    let server = start(config());
    for target in [
        "/api/v8/auth",
        "/api/v8/auth?login=partner@example.com",
        "/api/v8/auth?password=partner-secret",
        "/api/v8/auth?login=&password=",
    ] {
        let detail = get(&server, target).error_detail(400);
        assert!(detail.contains("login"), "{detail}");
    }
}

#[test]
fn partners_ok_is_201_with_credentials() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let reply = post_partners(
        &server,
        Some(&bearer(&tokens, "access_token")),
        r#"{"email": "Client.One+test@Example.com"}"#,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    assert_eq!(body["url"], "https://client-one-test-admin.mobsted.test");
    assert_eq!(body["email"], "Client.One+test@Example.com");
    assert_eq!(body["login"], "Client.One+test@Example.com");
    let password = body["password"].as_str().expect("password");
    assert!(password.len() >= 12);

    // The new account can log in (URL-encode the '+').
    let sub = login(&server, "client.one%2Btest@example.com", password);
    let claims =
        jwt::verify(sub["access_token"].as_str().expect("at"), SECRET, now()).expect("sub token");
    assert_eq!(claims.iss, "client-one-test-admin.mobsted.test");
}

#[test]
fn partners_lowercase_bearer_is_accepted() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let auth = format!("bearer {}", tokens["access_token"].as_str().expect("at"));
    let reply = post_partners(&server, Some(&auth), r#"{"email":"x@y.io"}"#);
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[test]
fn partners_without_token_is_401() {
    let server = start(config());
    let detail = post_partners(&server, None, r#"{"email":"a@b.io"}"#).error_detail(401);
    assert!(detail.contains("Authorization"), "{detail}");
}

#[test]
fn partners_malformed_token_is_401() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let access = tokens["access_token"].as_str().expect("at");
    for value in [
        "Bearer".to_owned(),
        "Bearer ".to_owned(),
        "Basic dXNlcjpwdw==".to_owned(),
        "Bearer not-a-jwt".to_owned(),
        "Bearer a.b.c".to_owned(),
        format!("Token {access}"),
        format!("Bearer {access}x"),
        format!("Bearer {access} extra"),
    ] {
        post_partners(&server, Some(&value), r#"{"email":"a@b.io"}"#).error_detail(401);
    }
}

#[test]
fn partners_token_from_other_secret_is_401() {
    let other = start(PartnerApiConfig::default());
    let server = start(config());
    let tokens = master_tokens(&other);
    let detail = post_partners(
        &server,
        Some(&bearer(&tokens, "access_token")),
        r#"{"email":"a@b.io"}"#,
    )
    .error_detail(401);
    assert!(detail.contains("signature"), "{detail}");
}

#[test]
fn partners_expired_token_is_401() {
    let server = start(PartnerApiConfig {
        access_ttl_secs: 0,
        ..config()
    });
    let tokens = master_tokens(&server);
    assert!(tokens["expires_in"].as_i64().expect("exp") <= now());
    let detail = post_partners(
        &server,
        Some(&bearer(&tokens, "access_token")),
        r#"{"email":"a@b.io"}"#,
    )
    .error_detail(401);
    assert!(detail.contains("expired"), "{detail}");
}

#[test]
fn partners_refresh_token_as_access_is_401() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let detail = post_partners(
        &server,
        Some(&bearer(&tokens, "refresh_token")),
        r#"{"email":"a@b.io"}"#,
    )
    .error_detail(401);
    assert!(detail.contains("access token"), "{detail}");
}

#[test]
fn partners_non_json_body_is_400() {
    let server = start(config());
    let auth = bearer(&master_tokens(&server), "access_token");
    for body in ["", "email=a@b.io", "{\"email\":", "\u{0}\u{1}"] {
        post_partners(&server, Some(&auth), body).error_detail(400);
    }
}

#[test]
fn partners_bad_email_is_422() {
    let server = start(config());
    let auth = bearer(&master_tokens(&server), "access_token");
    for body in [
        r#"{}"#,
        r#"[]"#,
        r#""a@b.io""#,
        r#"{"email": 42}"#,
        r#"{"email": null}"#,
        r#"{"email": ""}"#,
        r#"{"email": "not-an-email"}"#,
        r#"{"mail": "a@b.io"}"#,
    ] {
        post_partners(&server, Some(&auth), body).error_detail(422);
    }
}

#[test]
fn partners_duplicate_email_is_409() {
    let server = start(config());
    let auth = bearer(&master_tokens(&server), "access_token");
    let first = post_partners(&server, Some(&auth), r#"{"email":"dup@example.com"}"#);
    assert_eq!(first.status, 201, "{}", first.body);
    let detail =
        post_partners(&server, Some(&auth), r#"{"email":"DUP@Example.COM"}"#).error_detail(409);
    assert!(detail.contains("already exists"), "{detail}");
    let body = post_partners(&server, Some(&auth), r#"{"email":"dup@example.com"}"#).json();
    assert_eq!(body["errors"][0]["title"], "Conflict");
    // The master's own email is taken too.
    post_partners(&server, Some(&auth), r#"{"email":"partner@example.com"}"#).error_detail(409);
}

#[test]
fn partners_sub_account_token_is_403() {
    let server = start(config());
    let auth = bearer(&master_tokens(&server), "access_token");
    let created = post_partners(&server, Some(&auth), r#"{"email":"sub@example.com"}"#).json();
    let password = created["password"].as_str().expect("password");
    let sub_tokens = login(&server, "sub@example.com", password);
    post_partners(
        &server,
        Some(&bearer(&sub_tokens, "access_token")),
        r#"{"email":"subsub@example.com"}"#,
    )
    .error_detail(403);
}

#[test]
fn partners_delay_is_applied() {
    let server = start(PartnerApiConfig {
        partners_delay_ms: 300,
        ..config()
    });
    let auth = bearer(&master_tokens(&server), "access_token");
    let started = std::time::Instant::now();
    let reply = post_partners(&server, Some(&auth), r#"{"email":"slow@example.com"}"#);
    assert_eq!(reply.status, 201);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn refresh_ok_returns_new_pair() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let refresh = tokens["refresh_token"].as_str().expect("rt");
    let reply = get(&server, &format!("/api/v8/refresh?refresh_token={refresh}"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let renewed = reply.json();
    let access =
        jwt::verify(renewed["access_token"].as_str().expect("at"), SECRET, now()).expect("access");
    assert_eq!(renewed["expires_in"].as_i64(), Some(access.exp));
    assert_eq!(access.typ, TokenKind::Access);
    let created = post_partners(
        &server,
        Some(&bearer(&renewed, "access_token")),
        r#"{"email":"after-refresh@example.com"}"#,
    );
    assert_eq!(created.status, 201, "{}", created.body);
}

#[test]
fn refresh_rejects_bad_tokens_with_401() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let access = tokens["access_token"].as_str().expect("at");
    for target in [
        "/api/v8/refresh".to_owned(),
        "/api/v8/refresh?refresh_token=".to_owned(),
        "/api/v8/refresh?refresh_token=garbage".to_owned(),
        format!("/api/v8/refresh?refresh_token={access}"),
    ] {
        get(&server, &target).error_detail(401);
    }
}

#[test]
fn refresh_expired_token_is_401() {
    let server = start(PartnerApiConfig {
        refresh_ttl_secs: 0,
        ..config()
    });
    let tokens = master_tokens(&server);
    let refresh = tokens["refresh_token"].as_str().expect("rt");
    get(&server, &format!("/api/v8/refresh?refresh_token={refresh}")).error_detail(401);
}

#[test]
fn routing_unknown_path_is_404_json() {
    let server = start(config());
    let reply = get(&server, "/api/v8/nothing");
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let detail = reply.error_detail(404);
    assert!(detail.contains("/api/v8/nothing"), "{detail}");
    send(&server, "DELETE", "/", &[], "").error_detail(404);
}

#[test]
fn routing_wrong_method_is_405_json() {
    let server = start(config());
    let reply = send(&server, "POST", "/api/v8/auth", &[], "");
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.header("allow"), Some("GET,HEAD"));
    reply.error_detail(405);
    get(&server, "/api/v8/partners").error_detail(405);
    send(&server, "PUT", "/api/v8/refresh", &[], "").error_detail(405);
}

#[test]
fn server_requests_records_authorization_header() {
    let server = start(config());
    let tokens = master_tokens(&server);
    let auth = bearer(&tokens, "access_token");
    post_partners(&server, Some(&auth), r#"{"email":"rec@example.com"}"#);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path, "/api/v8/auth");
    assert_eq!(
        requests[0].query.as_deref(),
        Some("login=partner@example.com&password=partner-secret")
    );
    assert_eq!(requests[1].method, "POST");
    assert_eq!(requests[1].path, "/api/v8/partners");
    assert_eq!(requests[1].query, None);
    assert_eq!(requests[1].header("Authorization"), Some(auth.as_str()));
    assert_eq!(requests[1].body, r#"{"email":"rec@example.com"}"#);
}

#[test]
fn server_url_and_stop() {
    let server = start(config());
    let addr = server.addr();
    assert_eq!(server.url(), format!("http://127.0.0.1:{}", addr.port()));
    // An idle keep-alive connection must not block the stop.
    let _idle = TcpStream::connect(addr).expect("connect");
    server.stop();
    assert!(TcpStream::connect(addr).is_err());
}

#[test]
fn server_survives_garbage() {
    let server = start(config());
    let mut stream = TcpStream::connect(server.addr()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream
        .write_all(b"\x00\xffNOT HTTP AT ALL\r\n\r\n")
        .expect("write");
    let mut sink = Vec::new();
    let _ = stream.read_to_end(&mut sink);
    assert!(master_tokens(&server)["expires_in"].is_i64());
}

#[test]
fn server_oversized_body_is_413() {
    let server = start(config());
    let auth = bearer(&master_tokens(&server), "access_token");
    // Announce 2 MiB but send just over the 1 MiB limit, so the server reads everything sent and
    // closes cleanly instead of resetting the connection.
    let mut stream = TcpStream::connect(server.addr()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let head = format!(
        "POST /api/v8/partners HTTP/1.1\r\nHost: x\r\nAuthorization: {auth}\r\nContent-Length: {}\r\n\r\n",
        2 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).expect("head");
    stream
        .write_all(&vec![b'x'; 1024 * 1024 + 1])
        .expect("body");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.starts_with("HTTP/1.1 413"), "{raw}");
    assert!(raw.contains(r#""status":"413""#), "{raw}");
    assert_eq!(server.requests().last().map(|r| r.body.as_str()), Some(""));
}
