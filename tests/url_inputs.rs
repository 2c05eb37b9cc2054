//! Inputs named by URL (`postie run URL`, `-e/-g/-d URL`, the Postman API's UID form) against
//! servers on 127.0.0.1: what is sent, what is loaded, and the errors (exit 2, naming the URL,
//! keys masked).

use crate::raw_server::{RawServer, Received, ok};
use crate::util::{postie, postie_with_env, read_json, tempdir};
use serde_json::json;

const UID: &str = "1234-5c2d8a1f-0e3b-4c5d-9a7b-0123456789ab";
const ENV_UID: &str = "1234-00000000-1111-2222-3333-444444444444";
const KEY: &str = "PMAK-secret-4242";

/// A `200 OK` with a JSON body.
fn json_answer(body: &serde_json::Value) -> Vec<u8> {
    answer("200 OK", "application/json", &body.to_string())
}

fn answer(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// The path of a request (`/c.json?x=1`).
fn target(request: &Received) -> String {
    request
        .line()
        .split(' ')
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

/// A collection of one request to `url` whose test script is `test`.
fn collection(name: &str, url: &str, test: &str) -> serde_json::Value {
    json!({
        "info": {"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "one",
            "event": [{"listen": "test", "script": {"exec": [test]}}],
            "request": {"method": "GET", "url": url}
        }]
    })
}

#[test]
fn url_inputs_collection_environment_globals_and_data_over_http() {
    let server = RawServer::start(|request| match target(request).as_str() {
        "/c.json" => json_answer(&collection(
            "remote",
            "http://{{host}}/echo/{{e}}/{{g}}/{{d}}",
            "pm.environment.set('seen', 'yes');",
        )),
        "/e.json" => json_answer(&json!({"name": "env", "values": [{"key": "e", "value": "E1"}]})),
        "/g.json" => json_answer(&json!({"values": [{"key": "g", "value": "G1"}]})),
        "/d.csv" => answer("200 OK", "text/csv", "d\nD1\nD2\n"),
        _ => ok("fine"),
    });
    let base = format!("http://127.0.0.1:{}", server.port());
    let dir = tempdir();
    let exported_env = dir.path().join("env.json");
    let exported_collection = dir.path().join("collection.json");
    let out = postie(&[
        "run",
        &format!("{base}/c.json"),
        "-e",
        &format!("{base}/e.json"),
        "-g",
        &format!("{base}/g.json"),
        "-d",
        &format!("{base}/d.csv"),
        "--env-var",
        &format!("host=127.0.0.1:{}", server.port()),
        "--export-environment",
        &exported_env.to_string_lossy(),
        "--export-collection",
        &exported_collection.to_string_lossy(),
    ]);
    out.check(out.code == 0, "the run passes");
    let targets: Vec<String> = server.requests().iter().map(target).collect();
    assert_eq!(
        targets,
        [
            "/c.json",
            "/e.json",
            "/g.json",
            "/d.csv",
            "/echo/E1/G1/D1",
            "/echo/E1/G1/D2"
        ],
        "each input fetched once, before the run"
    );
    let fetch = &server.requests()[0];
    assert_eq!(fetch.header("accept"), ["application/json"]);
    assert!(fetch.header("user-agent")[0].starts_with("postie/"));
    assert!(
        fetch.header("x-api-key").is_empty(),
        "no key to a plain URL"
    );
    // Exports go to the files named.
    let env = read_json(&exported_env);
    assert_eq!(env["name"], "env");
    assert!(env["values"].to_string().contains("\"seen\""));
    assert_eq!(read_json(&exported_collection)["info"]["name"], "remote");
}

#[test]
fn url_inputs_postman_api_uids_send_the_key_as_a_header_and_mask_it() {
    let server = RawServer::start(|request| match target(request).as_str() {
        t if t == format!("/collections/{UID}") => json_answer(&json!({"collection": collection(
            "api",
            "http://127.0.0.1:1/never",
            "",
        )})),
        t if t == format!("/environments/{ENV_UID}") => json_answer(&json!({"environment": {
            "name": "api-env", "values": [{"key": "where", "value": "{{$guid}}"}]
        }})),
        _ => answer("404 Not Found", "text/plain", "no"),
    });
    let api = format!("http://127.0.0.1:{}", server.port());
    let dir = tempdir();
    let exported = dir.path().join("e.json");
    let out = postie_with_env(
        &[
            "run",
            UID,
            "-e",
            ENV_UID,
            "--postman-api-key",
            KEY,
            "--export-environment",
            &exported.to_string_lossy(),
            "--timeout-request",
            "2000",
        ],
        &[("POSTIE_POSTMAN_API_URL", &api)],
    );
    let requests = server.requests();
    assert_eq!(
        requests.iter().map(target).collect::<Vec<_>>(),
        [
            format!("/collections/{UID}"),
            format!("/environments/{ENV_UID}")
        ]
    );
    for request in &requests {
        assert_eq!(request.header("x-api-key"), [KEY]);
    }
    out.check(out.code == 1, "the request to port 1 fails");
    out.check(
        out.stdout.contains("api"),
        "the unwrapped collection's name",
    );
    assert_eq!(read_json(&exported)["name"], "api-env");
    out.check(
        !out.stdout.contains(KEY) && !out.stderr.contains(KEY),
        "the key never shows",
    );
}

#[test]
fn url_inputs_api_key_in_the_query_moves_to_the_header_and_is_masked() {
    let server = RawServer::start(|request| {
        let logged = collection(
            "query-key",
            "http://127.0.0.1:1/never",
            &format!("console.log('key {KEY}');"),
        );
        match target(request).as_str() {
            t if t == format!("/collections/{UID}?x=1") => {
                json_answer(&json!({"collection": logged}))
            }
            _ => answer(
                "404 Not Found",
                "application/json",
                r#"{"error":{"name":"instanceNotFoundError","message":"We could not find the collection you are looking for"}}"#,
            ),
        }
    });
    let api = format!("http://127.0.0.1:{}", server.port());
    let env = [("POSTIE_POSTMAN_API_URL", api.as_str())];
    let out = postie_with_env(
        &[
            "run",
            &format!("{api}/collections/{UID}?apikey={KEY}&x=1"),
            "--timeout-request",
            "2000",
        ],
        &env,
    );
    assert_eq!(server.requests()[0].header("x-api-key"), [KEY]);
    out.check(
        out.stdout.contains("key ********") && !out.stdout.contains(KEY),
        "the key is masked in script output",
    );
    // The API's own error message, the URL without its key.
    let out = postie_with_env(
        &["run", &format!("{api}/collections/{ENV_UID}?apikey={KEY}")],
        &env,
    );
    out.check(out.code == 2, "a 404 is unusable input");
    out.check(
        out.stderr.contains(&format!(
            "{api}/collections/{ENV_UID}: cannot fetch the collection: the server answered 404 \
             Not Found: We could not find the collection you are looking for"
        )),
        "names the URL, the status and the API's message",
    );
    out.check(!out.stderr.contains(KEY), "the key never shows");
}

#[test]
fn url_inputs_errors_name_the_url_and_exit_2() {
    let server = RawServer::start(|request| match target(request).as_str() {
        "/page" => answer("200 OK", "text/html", "<html>hello</html>"),
        _ => answer("500 Internal Server Error", "text/plain", "down"),
    });
    let base = format!("http://127.0.0.1:{}", server.port());

    let out = postie(&["run", &format!("{base}/page")]);
    out.check(out.code == 2, "not JSON");
    out.check(
        out.stderr
            .contains(&format!("{base}/page:1:1: invalid JSON"))
            && out
                .stderr
                .contains("did not answer with JSON (Content-Type: text/html)"),
        "names the URL, the position and what came back",
    );

    // A key in the query of a host that is not the Postman API is sent, but never shown.
    let out = postie(&[
        "run",
        &format!("{base}/c?apikey={KEY}"),
        "-e",
        "missing.json",
    ]);
    out.check(out.code == 2, "a 500 is unusable input");
    out.check(
        out.stderr.contains(&format!(
            "{base}/c?apikey=********: cannot fetch the collection: the server answered 500 \
             Internal Server Error"
        )) && !out.stderr.contains(KEY),
        "names the URL with its key masked",
    );
    assert_eq!(
        target(&server.requests()[1]),
        format!("/c?apikey={KEY}"),
        "sent as written"
    );

    // Nothing listens on the port of a dropped listener.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"));
    let out = postie(&[
        "run",
        "collections/partner-api.postman_collection.json",
        "-d",
        &format!("http://127.0.0.1:{port}/d.csv"),
    ]);
    out.check(out.code == 2, "connection refused");
    out.check(
        out.stderr.contains(&format!(
            "http://127.0.0.1:{port}/d.csv: cannot fetch the iteration data: connect \
             ECONNREFUSED 127.0.0.1:{port}"
        )),
        "names the URL and the failure",
    );

    // An export flag without a path is refused before anything is fetched: exports go to a
    // file, never back to the URL.
    let before = server.requests().len();
    for args in [&["--export-collection", ""][..], &["--export-environment"]] {
        let url = format!("{base}/page");
        let out = postie(&[&["run", url.as_str()][..], args].concat());
        out.check(
            out.code == 2
                && out
                    .stderr
                    .contains(&format!("a value is required for '{} <FILE>'", args[0])),
            "an export flag without a path",
        );
    }
    assert_eq!(server.requests().len(), before, "nothing fetched");
}

#[test]
fn url_inputs_https_uses_the_runs_tls_settings() {
    let server =
        RawServer::start_tls(|_| json_answer(&json!({"info": {"name": "tls"}, "item": []})));
    let url = format!("https://127.0.0.1:{}/c.json", server.port());
    let out = postie(&["run", &url]);
    out.check(out.code == 2, "a self-signed certificate is refused");
    out.check(
        out.stderr
            .contains(&format!("{url}: cannot fetch the collection: ")),
        "names the URL",
    );
    let out = postie(&["run", &url, "-k"]);
    out.check(out.code == 0 && out.stdout.contains("tls"), "-k accepts it");
}

#[test]
fn url_inputs_go_through_the_proxy_variables() {
    let proxy =
        RawServer::start_proxy(|_| json_answer(&json!({"info": {"name": "proxied"}, "item": []})));
    let proxy_url = format!("http://127.0.0.1:{}", proxy.port());
    let out = postie_with_env(
        &["run", "http://collections.example.invalid/c.json"],
        &[
            ("HTTP_PROXY", proxy_url.as_str()),
            ("http_proxy", proxy_url.as_str()),
            ("NO_PROXY", ""),
            ("no_proxy", ""),
        ],
    );
    out.check(out.code == 0 && out.stdout.contains("proxied"), "loaded");
    assert_eq!(
        proxy.lines(),
        ["GET http://collections.example.invalid/c.json HTTP/1.1"]
    );
}
