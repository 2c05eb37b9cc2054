//! `protocolProfileBehavior.disableUrlEncoding`: the request line as the server received it, byte
//! for byte (Newman's `whatwg-url` expectations), redirects, inheritance, TLS, proxies, cookies
//! shared with the normal path, and the normal encoding unchanged without the flag.

use crate::raw_server::{RawServer, Received, ok};
use crate::util::{Output, collection_doc, postie_with_env, tempdir, write};
use serde_json::{Value, json};

/// Every printable ASCII character but `#`, `?` and `\` as a path segment (Newman's test).
const NEWMAN_PATH: &str = "/!/\"/$/%/&/'/(/)/*/+/,/-/.///0/1/2/3/4/5/6/7/8/9/:/;/</=/>/@/A/B/C/\
    D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z/[/]/^/_/`/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/\
    r/s/t/u/v/w/x/y/z/{/|/}/~";

/// The query of Newman's test.
const NEWMAN_QUERY: &str = "?q=\"'<=>!$%()*+,-./0123456789:;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`\
    abcdefghijklmnopqrstuvwxyz{|}~";

const RAW: &str = "disableUrlEncoding";

/// A collection named `raw` holding `items`.
fn collection(items: Value) -> Value {
    collection_doc("raw", items)
}

/// A GET item for `url` with `behavior` as its `protocolProfileBehavior` and `test` as its test
/// script.
fn item(name: &str, url: &str, behavior: Value, test: &str) -> Value {
    json!({
        "name": name,
        "protocolProfileBehavior": behavior,
        "event": [{"listen": "test", "script": {"exec": test.lines().collect::<Vec<_>>()}}],
        "request": {"method": "GET", "url": url}
    })
}

/// A GET item sent with `disableUrlEncoding`.
fn raw_item(name: &str, url: &str) -> Value {
    item(name, url, json!({ RAW: true }), "")
}

/// Run `collection` with `args` and extra environment variables.
fn run(collection: &Value, args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "c.postman_collection.json",
        &collection.to_string(),
    );
    let mut all = vec!["run", path.as_str()];
    all.extend_from_slice(args);
    // A proxy set in the test's own environment must not reroute the 127.0.0.1 servers.
    let mut vars = vec![("NO_PROXY", "127.0.0.1,localhost")];
    vars.extend_from_slice(env);
    postie_with_env(&all, &vars)
}

/// `GET target HTTP/1.1`.
fn get(target: &str) -> String {
    format!("GET {target} HTTP/1.1")
}

/// A JavaScript string literal for `text`.
fn js(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn raw_url_newman_path_and_query_arrive_byte_for_byte() {
    let server = RawServer::start(|_| ok("fine"));
    let base = format!("http://127.0.0.1:{}", server.port());
    let query_url = format!("{base}{NEWMAN_QUERY}");
    let reported = format!("{base}/{NEWMAN_QUERY}");
    let check = format!(
        "pm.test('reported as sent', () => pm.expect(pm.request.url.toString()).to.equal({}));",
        js(&reported)
    );
    let c = collection(json!([
        raw_item("path", &format!("{base}{NEWMAN_PATH}")),
        item("query", &query_url, json!({ RAW: true }), &check),
    ]));
    let out = run(&c, &[], &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(
        server.lines(),
        [get(NEWMAN_PATH), get(&format!("/{NEWMAN_QUERY}"))]
    );
    for request in server.requests() {
        assert_eq!(
            request.header("host"),
            [format!("127.0.0.1:{}", server.port())],
            "Host sent exactly once"
        );
        assert!(
            request.header("connection") == ["keep-alive"],
            "{request:?}"
        );
        assert!(!request.header("user-agent").is_empty());
    }
    out.check(
        out.stdout.contains(&format!("GET {query_url} [200 OK")),
        "the CLI shows the URL as written, as Newman's url.toString() does",
    );
    out.check(out.stdout.contains("reported as sent"), "script ran");
    out.check(!out.stdout.contains("not supported"), "no warning any more");
}

#[test]
fn raw_url_redirects_are_followed_as_written() {
    let server = RawServer::start(|r: &Received| {
        let line = r.line();
        let target = line
            .strip_prefix("GET ")
            .and_then(|l| l.strip_suffix(" HTTP/1.1"))
            .unwrap_or_default()
            .to_string();
        let location = if let Some(url) = target.strip_prefix("/redirect-to?url=") {
            url.to_string()
        } else if target == "/relative" {
            "/final?<x>|{y}".to_string()
        } else {
            return ok(&target);
        };
        format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes()
    });
    let base = format!("http://127.0.0.1:{}", server.port());
    let follow = json!({"followRedirects": true, RAW: true});
    let final_is = |target: &str| {
        format!(
            "pm.test('final', () => pm.expect(pm.response.text()).to.equal({}));",
            js(target)
        )
    };
    let c = collection(json!([
        item(
            "absolute",
            &format!("{base}/redirect-to?url={base}/get?q={{\"abc\"}}"),
            follow.clone(),
            &final_is("/get?q={\"abc\"}"),
        ),
        item(
            "relative",
            &format!("{base}/relative"),
            follow,
            &final_is("/final?<x>|{y}")
        ),
    ]));
    let out = run(&c, &[], &[]);
    out.check(
        out.code == 0,
        "run passes (the final responses are the raw targets)",
    );
    assert_eq!(
        server.lines(),
        [
            get(&format!("/redirect-to?url={base}/get?q={{\"abc\"}}")),
            get("/get?q={\"abc\"}"),
            get("/relative"),
            get("/final?<x>|{y}"),
        ]
    );
}

#[test]
fn raw_url_flag_is_inherited_from_the_collection_and_overridden_by_a_folder() {
    let server = RawServer::start(|_| ok(""));
    let url = format!("http://127.0.0.1:{}/a<b>?q=\"<>\"", server.port());
    let mut c = collection(json!([
        {"name": "inherits", "item": [{"name": "i", "request": {"method": "GET", "url": url}}]},
        {
            "name": "overrides",
            "protocolProfileBehavior": { RAW: false },
            "item": [{"name": "o", "request": {"method": "GET", "url": url}}]
        },
    ]));
    c["protocolProfileBehavior"] = json!({ RAW: true });
    let out = run(&c, &[], &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(
        server.lines(),
        [get("/a<b>?q=\"<>\""), get("/a%3Cb%3E?q=%22%3C%3E%22")]
    );
}

#[test]
fn raw_url_without_the_flag_keeps_the_normal_encoding() {
    let server = RawServer::start(|_| ok(""));
    let base = format!("http://127.0.0.1:{}", server.port());
    let c = collection(json!([
        {"name": "plain", "request": {"method": "GET", "url": format!("{base}/a<b>/./c?q=\"<>\"#f")}},
        {"name": "query", "request": {"method": "GET", "url": format!("{base}{NEWMAN_QUERY}")}},
    ]));
    let out = run(&c, &[], &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(
        server.lines(),
        [
            // Newman's encoding: dot segments are kept as written.
            get("/a%3Cb%3E/./c?q=%22%3C%3E%22"),
            get(
                "/?q=%22%27%3C=%3E!$%()*+,-./0123456789:;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
            ),
        ]
    );
}

#[test]
fn raw_url_chunked_and_gzip_responses_reach_the_test_script() {
    let server = RawServer::start(|r: &Received| {
        if r.line().contains("/gzip") {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            std::io::Write::write_all(&mut gz, b"unzipped").unwrap_or_else(|e| panic!("{e}"));
            let body = gz.finish().unwrap_or_else(|e| panic!("{e}"));
            let mut answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            answer.extend_from_slice(&body);
            return answer;
        }
        b"HTTP/1.1 201 Made It\r\nX-Raw: yes\r\nTransfer-Encoding: chunked\r\n\r\n\
          7;ext=1\r\nhello, \r\n7\r\nchunked\r\n0\r\nX-Trailer: t\r\n\r\n"
            .to_vec()
    });
    let base = format!("http://127.0.0.1:{}", server.port());
    let chunked = "pm.test('chunked body', () => {\n\
        pm.expect(pm.response.text()).to.equal('hello, chunked');\n\
        pm.expect(pm.response.code).to.equal(201);\n\
        pm.expect(pm.response.status).to.equal('Made It');\n\
        pm.expect(pm.response.headers.get('X-Raw')).to.equal('yes');\n\
    });";
    let gzip = "pm.test('gzip body', () => pm.expect(pm.response.text()).to.equal('unzipped'));";
    let c = collection(json!([
        item(
            "chunked",
            &format!("{base}/chunked<"),
            json!({ RAW: true }),
            chunked
        ),
        item("gzip", &format!("{base}/gzip<"), json!({ RAW: true }), gzip),
    ]));
    let out = run(&c, &[], &[]);
    out.check(out.code == 0, "the assertions pass");
    out.check(
        out.stdout.contains("chunked body") && out.stdout.contains("gzip body"),
        "the scripts ran",
    );
    assert_eq!(server.lines(), [get("/chunked<"), get("/gzip<")]);
}

#[test]
fn raw_url_cookies_are_shared_with_the_normal_path() {
    let server = RawServer::start(|r: &Received| {
        if r.line().contains("/set<") {
            return b"HTTP/1.1 200 OK\r\nSet-Cookie: raw=1; Path=/\r\nContent-Length: 0\r\n\r\n"
                .to_vec();
        }
        ok("")
    });
    let base = format!("http://127.0.0.1:{}", server.port());
    let c = collection(json!([
        raw_item("set", &format!("{base}/set<")),
        {"name": "normal", "request": {"method": "GET", "url": format!("{base}/normal")}},
        raw_item("again", &format!("{base}/again<")),
        item("no cookies", &format!("{base}/off<"), json!({ RAW: true, "disableCookies": true }), ""),
    ]));
    let out = run(&c, &[], &[]);
    out.check(out.code == 0, "run passes");
    let cookies: Vec<(String, Vec<String>)> = server
        .requests()
        .iter()
        .map(|r| (r.line(), r.header("cookie")))
        .collect();
    assert_eq!(
        cookies,
        [
            (get("/set<"), vec![]),
            (get("/normal"), vec!["raw=1".to_string()]),
            (get("/again<"), vec!["raw=1".to_string()]),
            (get("/off<"), vec![]),
        ]
    );
}

#[test]
fn raw_url_over_https_verifies_unless_told_not_to() {
    let server = RawServer::start_tls(|_| ok("secure"));
    let url = format!("https://127.0.0.1:{}/tls<a>?q=\"b\"", server.port());
    let c = collection(json!([raw_item("tls", &url)]));
    let out = run(&c, &["-k"], &[]);
    out.check(out.code == 0, "-k accepts the self-signed certificate");
    let strict_off = collection(json!([item(
        "tls",
        &url,
        json!({ RAW: true, "strictSSL": false }),
        ""
    )]));
    let out = run(&strict_off, &[], &[]);
    out.check(out.code == 0, "strictSSL: false accepts it too");
    let out = run(&c, &[], &[]);
    out.check(out.code == 1, "verified by default: a request error");
    out.check(
        out.stdout.contains("certificate"),
        "the error names the certificate",
    );
    let lines = server.lines();
    assert_eq!(lines, [get("/tls<a>?q=\"b\""), get("/tls<a>?q=\"b\"")]);
}

#[test]
fn https_on_the_normal_path_verifies_unless_told_not_to() {
    // Not a raw URL: reqwest with postie's TLS settings (the platform verifier created on
    // first use).
    let server = RawServer::start_tls(|_| ok("secure"));
    let url = format!("https://127.0.0.1:{}/plain", server.port());
    let c = collection(json!([item("tls", &url, json!({}), "")]));
    let out = run(&c, &[], &[]);
    out.check(out.code == 1, "verified by default: a request error");
    out.check(
        out.stdout.contains("certificate"),
        "the error names the certificate",
    );
    let out = run(&c, &["-k"], &[]);
    out.check(out.code == 0, "-k accepts the self-signed certificate");
    let strict_off = collection(json!([item(
        "tls",
        &url,
        json!({ "strictSSL": false }),
        ""
    )]));
    let out = run(&strict_off, &[], &[]);
    out.check(out.code == 0, "strictSSL: false accepts it too");
    assert_eq!(server.lines(), [get("/plain"), get("/plain")]);
}

#[test]
fn raw_url_goes_through_an_http_proxy() {
    let proxy = RawServer::start_proxy(|_| ok("proxied"));
    let proxy_url = format!("http://user:pw@127.0.0.1:{}", proxy.port());
    let c = collection(json!([
        raw_item("plain", "http://example.invalid/p<x>"),
        raw_item("tunnel", "https://example.invalid/s<y>"),
    ]));
    let env = [
        ("HTTP_PROXY", proxy_url.as_str()),
        ("HTTPS_PROXY", proxy_url.as_str()),
        ("NO_PROXY", ""),
    ];
    let out = run(&c, &["-k"], &env);
    out.check(out.code == 0, "run passes through the proxy");
    let requests = proxy.requests();
    assert_eq!(
        proxy.lines(),
        [
            get("http://example.invalid/p<x>"),
            "CONNECT example.invalid:443 HTTP/1.1".to_string(),
            get("/s<y>"),
        ]
    );
    let auth = vec!["Basic dXNlcjpwdw==".to_string()];
    assert_eq!(requests[0].header("proxy-authorization"), auth);
    assert_eq!(requests[0].header("host"), ["example.invalid"]);
    assert_eq!(requests[1].header("proxy-authorization"), auth);
    assert!(
        requests[2].header("proxy-authorization").is_empty(),
        "no proxy credentials inside the tunnel"
    );

    // NO_PROXY sends a matching host directly.
    let direct = RawServer::start(|_| ok(""));
    let closed = RawServer::start(|_| ok("")).port();
    let dead_proxy = format!("http://127.0.0.1:{closed}");
    let c = collection(json!([raw_item(
        "direct",
        &format!("http://127.0.0.1:{}/d<", direct.port())
    )]));
    let env = [
        ("HTTP_PROXY", dead_proxy.as_str()),
        ("NO_PROXY", "127.0.0.1"),
    ];
    let out = run(&c, &[], &env);
    out.check(out.code == 0, "NO_PROXY is honoured");
    assert_eq!(direct.lines(), [get("/d<")]);
}
