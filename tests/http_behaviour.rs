//! What goes on the wire: small v2.1 collections run by the real binary against the recording
//! echo server, asserting on what the server received and on the terminal report. No scripts.

use crate::echo::{Echo, GZIP_JSON, Recorded};
use crate::util::{
    Output, closed_port, collection_doc, env_value, postie, read_json, tempdir, write,
};
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};

/// A collection named `http` holding `items`.
fn collection(items: Value) -> Value {
    collection_doc("http", items)
}

/// A request item.
fn item(name: &str, method: &str, url: &str) -> Value {
    json!({"name": name, "request": {"method": method, "url": url}})
}

/// An item whose request is `request` as given.
fn item_with(name: &str, request: Value) -> Value {
    json!({"name": name, "request": request})
}

/// A v2.1 auth block of `kind` with `params`.
fn auth(kind: &str, params: &[(&str, &str)]) -> Value {
    let list: Vec<Value> = params
        .iter()
        .map(|(k, v)| json!({"key": k, "value": v, "type": "string"}))
        .collect();
    json!({"type": kind, kind: list})
}

/// A variable list (`values` of an environment, `variable` of a collection).
fn vars(pairs: &[(&str, &str)]) -> Value {
    Value::Array(
        pairs
            .iter()
            .map(|(k, v)| json!({"key": k, "value": v, "type": "default", "enabled": true}))
            .collect(),
    )
}

/// Write an environment (or globals) file with `pairs` into `dir`.
fn variable_file(dir: &Path, file: &str, scope: &str, pairs: &[(&str, &str)]) -> String {
    let doc = json!({
        "id": "0b7d1c1e-0000-4000-8000-000000000001",
        "name": file,
        "values": vars(pairs),
        "_postman_variable_scope": scope,
    });
    write(dir, file, &doc.to_string())
}

/// Write `collection` to `dir` and run it with `args` after the collection path.
fn run_in(dir: &Path, collection: &Value, args: &[&str]) -> Output {
    let path = write(dir, "c.postman_collection.json", &collection.to_string());
    let mut all = vec!["run", path.as_str()];
    all.extend_from_slice(args);
    postie(&all)
}

/// Run `collection` with `args` from a fresh temporary folder.
fn run(collection: &Value, args: &[&str]) -> Output {
    let dir = tempdir();
    run_in(dir.path(), collection, args)
}

/// The single request the server received.
fn only(echo: &Echo) -> Recorded {
    let requests = echo.requests();
    assert_eq!(requests.len(), 1, "expected one request: {requests:#?}");
    requests
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!())
}

/// The paths (with query) the server received, in order.
fn paths(echo: &Echo) -> Vec<String> {
    echo.requests().into_iter().map(|r| r.path).collect()
}

/// The cookies a request carried (a single `Cookie` header), sorted.
fn cookies(r: &Recorded) -> Vec<String> {
    let mut list: Vec<String> = r
        .header("cookie")
        .unwrap_or_default()
        .split("; ")
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    list.sort();
    list
}

fn is_uuid(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok() && text.len() == 36
}

#[test]
fn http_default_headers() {
    let echo = Echo::start();
    let out = run(
        &collection(json!([item("get", "GET", &format!("{}/echo", echo.url()))])),
        &[],
    );
    out.check(out.code == 0, "a plain GET passes");
    let r = only(&echo);
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/echo");
    assert_eq!(r.header("user-agent"), Some("PostmanRuntime/7.39.1"));
    assert_eq!(r.header("accept"), Some("*/*"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert_eq!(r.header("accept-encoding"), Some("gzip, deflate, br"));
    assert_eq!(r.header("connection"), Some("keep-alive"));
    let token = r.header("postman-token").unwrap_or_default();
    assert!(is_uuid(token), "Postman-Token is a uuid: {token:?}");
    assert_eq!(r.header("content-type"), None, "no body, no content type");
    assert_eq!(r.header("content-length"), None, "a GET without body");
    out.check(
        out.stdout
            .contains(&format!("  GET {}/echo [200 OK, ", echo.url())),
        "request line in the report",
    );
}

#[test]
fn http_user_header_replaces_default() {
    let echo = Echo::start();
    let request = json!({
        "method": "GET",
        "url": format!("{}/echo", echo.url()),
        "header": [
            {"key": "user-agent", "value": "my-agent/1.0"},
            {"key": "ACCEPT", "value": "application/json"},
            {"key": "Cache-Control", "value": "max-age=0"},
            {"key": "Postman-Token", "value": "fixed"},
            {"key": "Connection", "value": "close"}
        ]
    });
    let out = run(&collection(json!([item_with("custom", request)])), &[]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.header("user-agent"), Some("my-agent/1.0"));
    assert_eq!(r.header("accept"), Some("application/json"));
    assert_eq!(r.header("cache-control"), Some("max-age=0"));
    assert_eq!(r.header("postman-token"), Some("fixed"));
    assert_eq!(r.header("connection"), Some("close"));
    // Defaults the user did not set are still there.
    assert_eq!(r.header("accept-encoding"), Some("gzip, deflate, br"));
}

#[test]
fn http_disabled_headers_and_query_params_not_sent() {
    let echo = Echo::start();
    let request = json!({
        "method": "GET",
        "header": [
            {"key": "X-On", "value": "yes"},
            {"key": "X-Off", "value": "no", "disabled": true}
        ],
        "url": {
            "raw": format!("{}/echo?a=1&b=2&c=3", echo.url()),
            "protocol": "http",
            "host": ["127", "0", "0", "1"],
            "port": echo.port().to_string(),
            "path": ["echo"],
            "query": [
                {"key": "a", "value": "1"},
                {"key": "b", "value": "2", "disabled": true},
                {"key": "c", "value": "3"}
            ]
        }
    });
    let out = run(&collection(json!([item_with("disabled", request)])), &[]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.path, "/echo?a=1&c=3");
    assert_eq!(r.header("x-on"), Some("yes"));
    assert_eq!(r.header("x-off"), None);
}

#[test]
fn http_variables_substituted_in_url_headers_body_and_auth() {
    let echo = Echo::start();
    let dir = tempdir();
    let env = variable_file(
        dir.path(),
        "env.json",
        "environment",
        &[
            ("base", &echo.url()),
            ("route", "echo"),
            ("q", "query-value"),
            ("h", "header-value"),
            ("b", "body-value"),
            ("user", "alice"),
            ("pass", "wonderland"),
        ],
    );
    let request = json!({
        "method": "POST",
        "url": "{{base}}/{{route}}?q={{q}}",
        "header": [{"key": "X-{{h}}", "value": "v={{h}}"}],
        "body": {"mode": "raw", "raw": "text {{b}}"},
        "auth": auth("basic", &[("username", "{{user}}"), ("password", "{{pass}}")])
    });
    let out = run_in(
        dir.path(),
        &collection(json!([item_with("vars", request)])),
        &["-e", &env],
    );
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.path, "/echo?q=query-value");
    assert_eq!(r.header("x-header-value"), Some("v=header-value"));
    assert_eq!(r.text(), "text body-value");
    assert_eq!(r.header("content-type"), Some("text/plain"));
    // base64("alice:wonderland")
    assert_eq!(
        r.header("authorization"),
        Some("Basic YWxpY2U6d29uZGVybGFuZA==")
    );
}

#[test]
fn http_variable_precedence_environment_collection_globals_and_cli() {
    let echo = Echo::start();
    let dir = tempdir();
    let env = variable_file(
        dir.path(),
        "env.json",
        "environment",
        &[("p", "from-env"), ("o", "env-file")],
    );
    let globals = variable_file(
        dir.path(),
        "globals.json",
        "globals",
        &[
            ("p", "from-globals"),
            ("c", "from-globals"),
            ("g", "from-globals"),
            ("gg", "globals-file"),
        ],
    );
    let mut c = collection(json!([item_with(
        "precedence",
        json!({
            "method": "GET",
            "url": format!("{}/echo", echo.url()),
            "header": [
                {"key": "X-P", "value": "{{p}}"},
                {"key": "X-C", "value": "{{c}}"},
                {"key": "X-G", "value": "{{g}}"},
                {"key": "X-O", "value": "{{o}}"},
                {"key": "X-GG", "value": "{{gg}}"}
            ]
        })
    )]));
    c["variable"] = vars(&[("p", "from-collection"), ("c", "from-collection")]);

    let out = run_in(dir.path(), &c, &["-e", &env, "-g", &globals]);
    out.check(out.code == 0, "run passes");
    let first = only(&echo);
    assert_eq!(first.header("x-p"), Some("from-env"));
    assert_eq!(first.header("x-c"), Some("from-collection"));
    assert_eq!(first.header("x-g"), Some("from-globals"));
    assert_eq!(first.header("x-o"), Some("env-file"));
    assert_eq!(first.header("x-gg"), Some("globals-file"));

    let out = run_in(
        dir.path(),
        &c,
        &[
            "-e",
            &env,
            "-g",
            &globals,
            "--env-var",
            "o=env-cli",
            "--global-var",
            "gg=globals-cli",
        ],
    );
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    let second = requests.get(1).unwrap_or_else(|| panic!("{requests:#?}"));
    assert_eq!(second.header("x-o"), Some("env-cli"));
    assert_eq!(second.header("x-gg"), Some("globals-cli"));
    assert_eq!(second.header("x-p"), Some("from-env"));
}

#[test]
fn http_nested_unresolved_and_angle_placeholders() {
    let echo = Echo::start();
    let request = json!({
        "method": "GET",
        "url": format!("{}/echo?u={{{{nope}}}}&a=<<id>>", echo.url()),
        "header": [
            {"key": "X-Nested", "value": "{{a{{b}}}}"},
            {"key": "X-Half", "value": "{{x{{b}}}}"},
            {"key": "X-Unresolved", "value": "{{nope}}"},
            {"key": "X-Angle", "value": "<<id>>/<<missing>>"}
        ]
    });
    let out = run(
        &collection(json!([item_with("templates", request)])),
        &[
            "--env-var",
            "b=2",
            "--env-var",
            "a2=nested-ok",
            "--env-var",
            "id=42",
        ],
    );
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.header("x-nested"), Some("nested-ok"));
    assert_eq!(r.header("x-half"), Some("{{x2}}"));
    assert_eq!(r.header("x-unresolved"), Some("{{nope}}"));
    assert_eq!(r.header("x-angle"), Some("42/<<missing>>"));
    assert_eq!(r.path, "/echo?u={{nope}}&a=42");
}

#[test]
fn http_guid_differs_per_occurrence() {
    let echo = Echo::start();
    let request = json!({
        "method": "POST",
        "url": format!("{}/echo?id={{{{$guid}}}}", echo.url()),
        "header": [
            {"key": "X-One", "value": "{{$guid}}"},
            {"key": "X-Two", "value": "{{$guid}}"}
        ],
        "body": {"mode": "raw", "raw": "{{$guid}}"}
    });
    let out = run(&collection(json!([item_with("guids", request)])), &[]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    let query = r
        .path
        .strip_prefix("/echo?id=")
        .unwrap_or_default()
        .to_string();
    let values = [
        r.header("x-one").unwrap_or_default().to_string(),
        r.header("x-two").unwrap_or_default().to_string(),
        r.text(),
        query,
    ];
    for v in &values {
        assert!(is_uuid(v), "not a uuid: {v:?}");
    }
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            assert_ne!(a, b, "each {{{{$guid}}}} is fresh");
        }
    }
}

#[test]
fn http_raw_json_body_strips_comments_and_sets_content_type() {
    let echo = Echo::start();
    let raw = "{\n  // a comment\n  \"url\": \"http://x//y\", /* block */ \"n\": {{n}}\n}";
    let request = json!({
        "method": "POST",
        "url": format!("{}/echo", echo.url()),
        "body": {"mode": "raw", "raw": raw, "options": {"raw": {"language": "json"}}}
    });
    let out = run(
        &collection(json!([item_with("json", request)])),
        &["--env-var", "n=7"],
    );
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.text(), "{\n  \n  \"url\": \"http://x//y\",  \"n\": 7\n}");
    let parsed: Value = serde_json::from_slice(&r.body).unwrap_or_default();
    assert_eq!(parsed, json!({"url": "http://x//y", "n": 7}));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(
        r.header("content-length"),
        Some(r.body.len().to_string().as_str())
    );
}

#[test]
fn http_urlencoded_body() {
    let echo = Echo::start();
    let request = json!({
        "method": "POST",
        "url": format!("{}/echo", echo.url()),
        "body": {"mode": "urlencoded", "urlencoded": [
            {"key": "a b", "value": "1&2=3"},
            {"key": "v", "value": "{{v}}"},
            {"key": "off", "value": "x", "disabled": true},
            {"key": "utf", "value": "é"}
        ]}
    });
    let out = run(
        &collection(json!([item_with("form", request)])),
        &["--env-var", "v=val"],
    );
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.text(), "a%20b=1%262%3D3&v=val&utf=%C3%A9");
    assert_eq!(
        r.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
}

#[test]
fn http_formdata_text_fields_are_multipart() {
    let echo = Echo::start();
    let request = json!({
        "method": "POST",
        "url": format!("{}/echo", echo.url()),
        "body": {"mode": "formdata", "formdata": [
            {"key": "first", "value": "one", "type": "text"},
            {"key": "second", "value": "{{v}}", "type": "text"},
            {"key": "off", "value": "x", "type": "text", "disabled": true}
        ]}
    });
    let out = run(
        &collection(json!([item_with("multipart", request)])),
        &["--env-var", "v=two"],
    );
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    let ctype = r.header("content-type").unwrap_or_default();
    let boundary = ctype
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("content type {ctype:?}"));
    assert!(!boundary.is_empty());
    assert_eq!(
        r.text(),
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"first\"\r\n\r\none\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"second\"\r\n\r\ntwo\r\n\
             --{boundary}--\r\n"
        )
    );
}

#[test]
fn http_graphql_body() {
    let echo = Echo::start();
    let request = json!({
        "method": "POST",
        "url": format!("{}/echo", echo.url()),
        "body": {"mode": "graphql", "graphql": {
            "query": "query { user(id: \"{{id}}\") { name } }",
            "variables": "{\"limit\": {{limit}}}"
        }}
    });
    let out = run(
        &collection(json!([item_with("graphql", request)])),
        &["--env-var", "id=u1", "--env-var", "limit=5"],
    );
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    let body: Value = serde_json::from_slice(&r.body)
        .unwrap_or_else(|e| panic!("graphql body is JSON: {e}: {}", r.text()));
    assert_eq!(
        body,
        json!({"query": "query { user(id: \"u1\") { name } }", "variables": {"limit": 5}})
    );
    assert_eq!(r.header("content-type"), Some("application/json"));
}

#[test]
fn http_get_body_pruned_unless_disable_body_pruning() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let body = json!({"mode": "raw", "raw": "payload"});
    let mut kept = item_with(
        "kept",
        json!({"method": "GET", "url": format!("{url}?kept"), "body": body}),
    );
    kept["protocolProfileBehavior"] = json!({"disableBodyPruning": true});
    let c = collection(json!([
        item_with(
            "pruned",
            json!({"method": "GET", "url": format!("{url}?pruned"), "body": body})
        ),
        kept,
        item_with(
            "post",
            json!({"method": "POST", "url": format!("{url}?post"), "body": body})
        )
    ]));
    let out = run(&c, &[]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 3, "{requests:#?}");
    assert_eq!(requests[0].path, "/echo?pruned");
    assert_eq!(requests[0].text(), "");
    assert_eq!(requests[0].header("content-type"), None);
    assert_eq!(requests[1].path, "/echo?kept");
    assert_eq!(requests[1].text(), "payload");
    assert_eq!(requests[1].header("content-type"), Some("text/plain"));
    assert_eq!(requests[2].text(), "payload");
}

#[test]
fn http_custom_method() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let out = run(&collection(json!([item("purge", "PURGEX", &url)])), &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(only(&echo).method, "PURGEX");
    out.check(
        out.stdout.contains(&format!("  PURGEX {url} [200 OK, ")),
        "custom method in the report",
    );
}

#[test]
fn http_auth_basic_bearer_apikey() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let with_auth = |name: &str, a: Value| {
        item_with(
            name,
            json!({"method": "GET", "url": format!("{url}?{name}"), "auth": a}),
        )
    };
    let c = collection(json!([
        with_auth(
            "basic",
            auth("basic", &[("username", "user"), ("password", "p@ss:word")])
        ),
        with_auth("bearer", auth("bearer", &[("token", "{{tok}}")])),
        with_auth(
            "apikey-header",
            auth(
                "apikey",
                &[("key", "X-Api-Key"), ("value", "{{tok}}"), ("in", "header")]
            )
        ),
        with_auth(
            "apikey-query",
            auth(
                "apikey",
                &[("key", "api_key"), ("value", "k-1"), ("in", "query")]
            )
        )
    ]));
    let out = run(&c, &["--env-var", "tok=tok-123"]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 4, "{requests:#?}");
    // base64("user:p@ss:word")
    assert_eq!(
        requests[0].header("authorization"),
        Some("Basic dXNlcjpwQHNzOndvcmQ=")
    );
    assert_eq!(requests[1].header("authorization"), Some("Bearer tok-123"));
    assert_eq!(requests[2].header("x-api-key"), Some("tok-123"));
    assert_eq!(requests[2].header("authorization"), None);
    assert_eq!(requests[3].path, "/echo?apikey-query&api_key=k-1");
    assert_eq!(requests[3].header("authorization"), None);
}

#[test]
fn http_auth_inherited_from_folder_and_collection_noauth_stops_it() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let get = |name: &str| item("x", "GET", &format!("{url}?{name}"));
    let mut noauth = get("noauth");
    noauth["request"]["auth"] = json!({"type": "noauth"});
    let mut own = get("own");
    own["request"]["auth"] = auth("bearer", &[("token", "own-token")]);
    let mut c = collection(json!([
        get("top"),
        {"name": "basic folder", "auth": auth("basic", &[("username", "f"), ("password", "p")]),
         "item": [get("in-folder"), noauth, own]},
        {"name": "plain folder", "item": [get("in-plain-folder")]},
        {"name": "noauth folder", "auth": {"type": "noauth"}, "item": [get("in-noauth-folder")]}
    ]));
    c["auth"] = auth("bearer", &[("token", "{{ctok}}")]);
    let out = run(&c, &["--env-var", "ctok=collection-token"]);
    out.check(out.code == 0, "run passes");
    let seen: Vec<(String, Option<String>)> = echo
        .requests()
        .iter()
        .map(|r| {
            (
                r.path.clone(),
                r.header("authorization").map(str::to_string),
            )
        })
        .collect();
    let bearer = Some("Bearer collection-token".to_string());
    assert_eq!(
        seen,
        [
            ("/echo?top".to_string(), bearer.clone()),
            // base64("f:p")
            (
                "/echo?in-folder".to_string(),
                Some("Basic Zjpw".to_string())
            ),
            ("/echo?noauth".to_string(), None),
            (
                "/echo?own".to_string(),
                Some("Bearer own-token".to_string())
            ),
            ("/echo?in-plain-folder".to_string(), bearer),
            ("/echo?in-noauth-folder".to_string(), None),
        ]
    );
}

#[test]
fn http_redirect_chain_followed() {
    let echo = Echo::start();
    let url = format!("{}/redirect/3", echo.url());
    let out = run(&collection(json!([item("chain", "GET", &url)])), &[]);
    out.check(out.code == 0, "run passes");
    out.check(
        out.stdout.contains(&format!("  GET {url} [200 OK, ")),
        "final status is 200",
    );
    assert_eq!(
        paths(&echo),
        ["/redirect/3", "/redirect/2", "/redirect/1", "/echo"]
    );
}

#[test]
fn http_ignore_redirects_flag_reports_302() {
    let echo = Echo::start();
    let url = format!("{}/redirect/3", echo.url());
    let out = run(
        &collection(json!([item("chain", "GET", &url)])),
        &["--ignore-redirects"],
    );
    out.check(out.code == 0, "a 302 is not a failure");
    out.check(
        out.stdout.contains(&format!("  GET {url} [302 Found, ")),
        "302 reported",
    );
    assert_eq!(paths(&echo), ["/redirect/3"]);
}

#[test]
fn http_follow_redirects_false_behaviour() {
    let echo = Echo::start();
    let target = format!("{}/echo?landed", echo.url());
    let url = format!(
        "{}/redirect-to?url={}",
        echo.url(),
        target.replace('?', "%3F")
    );
    let mut stay = item("stay", "GET", &format!("{url}&stay"));
    stay["protocolProfileBehavior"] = json!({"followRedirects": false});
    let c = collection(json!([
        stay,
        item("follow", "GET", &format!("{url}&follow"))
    ]));
    let out = run(&c, &[]);
    out.check(out.code == 0, "run passes");
    out.check(out.stdout.contains("[302 Found, "), "first not followed");
    out.check(out.stdout.contains("[200 OK, "), "second followed");
    let got = paths(&echo);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].ends_with("&stay"), "{got:?}");
    assert!(got[1].ends_with("&follow"), "{got:?}");
    assert_eq!(got[2], "/echo?landed");
}

#[test]
fn http_cookies_set_then_sent_on_next_request_one_jar_per_run() {
    let echo = Echo::start();
    let base = echo.url();
    let c = collection(json!([
        item(
            "set",
            "GET",
            &format!("{base}/cookies/set?session=abc&theme=dark")
        ),
        item("read", "GET", &format!("{base}/cookies?again"))
    ]));
    let out = run(&c, &["--verbose"]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 3, "{requests:#?}");
    assert_eq!(requests[0].header("cookie"), None);
    // The redirect after Set-Cookie already carries them.
    // (The order of the two cookies varies from run to run, so it is not asserted.)
    assert_eq!(requests[1].path, "/cookies");
    assert_eq!(cookies(&requests[1]), ["session=abc", "theme=dark"]);
    assert_eq!(requests[2].path, "/cookies?again");
    assert_eq!(cookies(&requests[2]), ["session=abc", "theme=dark"]);
    out.check(
        out.stdout.contains(r#""session":"abc""#) && out.stdout.contains(r#""theme":"dark""#),
        "the verbose report shows the cookies the server saw",
    );

    // A new run starts with an empty jar.
    let out = run(
        &collection(json!([item("fresh", "GET", &format!("{base}/cookies"))])),
        &[],
    );
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 4);
    assert_eq!(requests[3].header("cookie"), None);
}

#[test]
fn http_gzip_response_is_decoded() {
    let echo = Echo::start();
    let url = format!("{}/gzip", echo.url());
    let out = run(
        &collection(json!([item("gzip", "GET", &url)])),
        &["--verbose"],
    );
    out.check(out.code == 0, "run passes");
    // As Newman's CLI: the status line and headers (`HTTP/X.X 200 OK`, `Name: value` lines)
    // plus the body as it arrived, compressed (78 bytes here), received (`↓`).
    out.check(
        out.stdout.contains(&format!("  GET {url}  \n  200 OK ★ "))
            && out.stdout.contains(" 210B↓ "),
        "the reported size is the size on the wire",
    );
    // Bodies are wrapped at the console width.
    out.check(
        out.stdout.replace("\n  │ ", "").contains(GZIP_JSON),
        "decoded body shown",
    );
}

#[test]
fn http_gzip_response_keeps_its_content_encoding_header() {
    let echo = Echo::start();
    let url = format!("{}/gzip", echo.url());
    let mut gzip = item("gzip", "GET", &url);
    gzip["event"] = json!([{"listen": "test", "script": {"exec": [
        "console.log('encoding ' + pm.response.headers.get('Content-Encoding'));"
    ]}}]);
    let out = run(&collection(json!([gzip])), &[]);
    out.check(out.code == 0, "run passes");
    out.check(
        out.stdout.contains("'encoding gzip'"),
        "the response headers as received include Content-Encoding: gzip",
    );
}

#[test]
fn http_timeout_request_errors_and_run_continues() {
    let echo = Echo::start();
    let base = echo.url();
    let c = collection(json!([
        item("slow", "GET", &format!("{base}/delay/2000")),
        item("next", "GET", &format!("{base}/echo?next"))
    ]));
    let started = Instant::now();
    let out = run(&c, &["--timeout-request", "100"]);
    let elapsed = started.elapsed();
    out.check(out.code == 1, "a timed-out request fails the run");
    out.check(
        out.stdout.contains(&format!(
            "  GET {base}/delay/2000 [errored]\n     ESOCKETTIMEDOUT\n"
        )),
        "errored + ESOCKETTIMEDOUT",
    );
    out.check(
        out.stdout
            .contains(&format!("  GET {base}/echo?next [200 OK, ")),
        "the next item ran",
    );
    assert_eq!(paths(&echo), ["/delay/2000", "/echo?next"]);
    assert!(elapsed < Duration::from_millis(1500), "took {elapsed:?}");
}

#[test]
fn http_folder_selection_runs_only_its_items_with_collection_auth() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let get = |name: &str| item(name, "GET", &format!("{url}?{name}"));
    let mut c = collection(json!([
        get("top"),
        {"name": "A", "item": [get("a1"), {"name": "A-sub", "item": [get("a2")]}]},
        {"name": "B", "item": [get("b1")]}
    ]));
    c["auth"] = auth("bearer", &[("token", "coll")]);
    let out = run(&c, &["--folder", "A"]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    let got: Vec<&str> = requests.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(got, ["/echo?a1", "/echo?a2"]);
    for r in &requests {
        assert_eq!(r.header("authorization"), Some("Bearer coll"), "{}", r.path);
    }
}

#[test]
fn http_iteration_count_repeats_the_collection() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let out = run(
        &collection(json!([item("again", "GET", &url)])),
        &["-n", "3"],
    );
    out.check(out.code == 0, "run passes");
    assert_eq!(paths(&echo), ["/echo", "/echo", "/echo"]);
    out.check(out.stdout.contains("Iteration 3/3"), "iterations shown");
    let tokens: std::collections::HashSet<String> = echo
        .requests()
        .iter()
        .filter_map(|r| r.header("postman-token").map(str::to_string))
        .collect();
    assert_eq!(tokens.len(), 3, "a fresh Postman-Token per request");
}

#[test]
fn http_bail_stops_after_first_failing_item() {
    let echo = Echo::start();
    let port = closed_port();
    let c = collection(json!([
        item("refused", "GET", &format!("http://127.0.0.1:{port}/x")),
        item("never", "GET", &format!("{}/echo", echo.url()))
    ]));
    let out = run(&c, &["--bail", "-n", "2"]);
    out.check(out.code == 1, "a bailed run fails");
    out.check(
        out.stdout
            .contains(&format!("connect ECONNREFUSED 127.0.0.1:{port}")),
        "the failure is reported",
    );
    out.check(
        !out.stdout.contains("never"),
        "the second item never starts",
    );
    assert!(echo.requests().is_empty(), "{:#?}", echo.requests());
}

#[test]
fn http_bail_folder_abort_prints_the_summary_and_writes_no_report() {
    let port = closed_port();
    let c = collection(json!([item(
        "refused",
        "GET",
        &format!("http://127.0.0.1:{port}/x")
    )]));
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("report.json");
    let report_arg = report.to_string_lossy().into_owned();
    let out = run(
        &c,
        &[
            "--bail",
            "folder",
            "-r",
            "cli,json",
            "--reporter-json-export",
            &report_arg,
        ],
    );
    out.check(out.code == 1, "an aborted run fails, as Newman's");
    out.check(
        out.stdout.contains("iterations") && out.stdout.contains("total run duration"),
        "the cli summary is printed, as Newman's reporter does on a run error",
    );
    out.check(!report.exists(), "no JSON report is written");
}

#[test]
fn http_delay_request_waits_between_requests() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let c = collection(json!([
        item("one", "GET", &format!("{url}?1")),
        item("two", "GET", &format!("{url}?2"))
    ]));
    let out = run(&c, &["--delay-request", "300"]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 2);
    let gap = requests[1].at.duration_since(requests[0].at);
    assert!(gap >= Duration::from_millis(300), "gap {gap:?}");
    assert!(gap < Duration::from_millis(1000), "gap {gap:?}");
}

#[test]
fn http_https_to_plain_port_or_closed_port_is_a_request_error() {
    let echo = Echo::start();
    let closed = closed_port();
    let tls_to_plain = format!("https://127.0.0.1:{}/echo?tls", echo.port());
    let c = collection(json!([
        item("tls to plain", "GET", &tls_to_plain),
        item(
            "tls to closed",
            "GET",
            &format!("https://127.0.0.1:{closed}/x")
        ),
        item("after", "GET", &format!("{}/echo?after", echo.url()))
    ]));
    let out = run(&c, &["--timeout-request", "1000"]);
    out.check(out.code == 1, "request errors fail the run");
    let errored: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.ends_with("[errored]"))
        .collect();
    assert_eq!(
        errored,
        [
            format!("  GET {tls_to_plain} [errored]").as_str(),
            format!("  GET https://127.0.0.1:{closed}/x [errored]").as_str()
        ],
        "{}",
        out.stdout
    );
    out.check(
        out.stdout
            .contains(&format!("     connect ECONNREFUSED 127.0.0.1:{closed}\n")),
        "closed port named",
    );
    out.check(
        !out.stdout.contains("ESOCKETTIMEDOUT"),
        "the TLS failure is immediate, not a timeout",
    );
    out.check(
        out.stdout
            .contains(&format!("  GET {}/echo?after [200 OK, ", echo.url())),
        "the run went on",
    );
    // The plain server saw the TLS handshake as garbage (no request), then the last request.
    assert_eq!(paths(&echo), ["/echo?after"]);
}

#[test]
fn http_export_globals_includes_global_var() {
    let echo = Echo::start();
    let dir = tempdir();
    let globals = variable_file(dir.path(), "globals.json", "globals", &[("kept", "file")]);
    let export = dir.path().join("out/globals.json");
    let export_arg = export.to_string_lossy().into_owned();
    let c = collection(json!([item(
        "g",
        "GET",
        &format!("{}/echo?{{{{cli}}}}", echo.url())
    )]));
    let out = run_in(
        dir.path(),
        &c,
        &[
            "-g",
            &globals,
            "--global-var",
            "cli=from-cli",
            "--export-globals",
            &export_arg,
        ],
    );
    out.check(out.code == 0, "run passes");
    assert_eq!(only(&echo).path, "/echo?from-cli");
    let doc = read_json(&export);
    assert_eq!(env_value(&doc, "kept"), Some(json!("file")));
    assert_eq!(env_value(&doc, "cli"), Some(json!("from-cli")));
    assert_eq!(doc["_postman_variable_scope"], "globals");
}

#[test]
fn http_export_environment_over_its_input_file() {
    let echo = Echo::start();
    let dir = tempdir();
    let env = variable_file(
        dir.path(),
        "env.json",
        "environment",
        &[("base", &echo.url()), ("keep", "me")],
    );
    let c = collection(json!([item("e", "GET", "{{base}}/echo?{{added}}")]));
    let out = run_in(
        dir.path(),
        &c,
        &[
            "-e",
            &env,
            "--env-var",
            "added=new-value",
            "--export-environment",
            &env,
        ],
    );
    out.check(out.code == 0, "run passes");
    assert_eq!(only(&echo).path, "/echo?new-value");
    let doc = read_json(Path::new(&env));
    assert_eq!(env_value(&doc, "base"), Some(json!(echo.url())));
    assert_eq!(env_value(&doc, "keep"), Some(json!("me")));
    assert_eq!(env_value(&doc, "added"), Some(json!("new-value")));
    assert_eq!(doc["_postman_variable_scope"], "environment");
    assert_eq!(doc["id"], "0b7d1c1e-0000-4000-8000-000000000001");
    // Written in place: no temporary file left next to it.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("read_dir: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["c.postman_collection.json", "env.json"]);
}

#[test]
fn http_url_without_protocol_defaults_to_http() {
    let echo = Echo::start();
    let url = format!("127.0.0.1:{}/echo?bare", echo.port());
    let out = run(&collection(json!([item("bare", "GET", &url)])), &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(only(&echo).path, "/echo?bare");
    out.check(
        out.stdout.contains(&format!("  GET {url} [200 OK, ")),
        "shown as written (Newman's url.toString()); sent over http",
    );
}

#[test]
fn http_query_without_value_empty_value_and_path_variables() {
    let echo = Echo::start();
    let request = json!({
        "method": "GET",
        "url": {
            "raw": "{{base}}/:first/:second?flag&empty=&v={{v}}",
            "host": ["{{base}}"],
            "path": [":first", ":second"],
            "query": [
                {"key": "flag", "value": null},
                {"key": "empty", "value": ""},
                {"key": "v", "value": "{{v}}"}
            ],
            "variable": [
                {"key": "first", "value": "echo"},
                {"key": "second", "value": "{{v}}"}
            ]
        }
    });
    let out = run(
        &collection(json!([item_with("params", request)])),
        &[
            "--env-var",
            &format!("base={}", echo.url()),
            "--env-var",
            "v=7",
        ],
    );
    out.check(out.code == 0, "run passes");
    // `/echo/7` is not a route: the server answers 404, which is not a failure without tests.
    assert_eq!(only(&echo).path, "/echo/7?flag&empty=&v=7");
}

#[test]
fn http_duplicate_user_headers_are_all_sent() {
    let echo = Echo::start();
    let request = json!({
        "method": "GET",
        "url": format!("{}/echo", echo.url()),
        "header": [
            {"key": "X-Dup", "value": "1"},
            {"key": "X-Dup", "value": "2"},
            {"key": "Accept", "value": "text/html", "disabled": true}
        ]
    });
    let out = run(&collection(json!([item_with("dup", request)])), &[]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.all("x-dup"), ["1", "2"]);
    // A disabled header does not suppress the default.
    assert_eq!(r.header("accept"), Some("*/*"));
}

#[test]
fn http_user_json_content_type_is_kept_and_comments_stripped() {
    let echo = Echo::start();
    let request = json!({
        "method": "PUT",
        "url": format!("{}/echo", echo.url()),
        "header": [{"key": "content-type", "value": "application/vnd.api+json"}],
        "body": {"mode": "raw", "raw": "{\"a\": 1 // one\n}"}
    });
    let out = run(&collection(json!([item_with("ctype", request)])), &[]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    assert_eq!(r.method, "PUT");
    assert_eq!(r.all("content-type"), ["application/vnd.api+json"]);
    assert_eq!(r.text(), "{\"a\": 1 \n}");
}

#[test]
fn http_disabled_variables_are_skipped_and_typed_values_rendered() {
    let echo = Echo::start();
    let dir = tempdir();
    let env = json!({
        "name": "typed",
        "values": [
            {"key": "d", "value": "disabled-env", "enabled": false},
            {"key": "n", "value": 7, "type": "default"},
            {"key": "t", "value": true, "type": "default"}
        ]
    });
    let env = write(dir.path(), "env.json", &env.to_string());
    let mut c = collection(json!([item_with(
        "typed",
        json!({
            "method": "GET",
            "url": format!("{}/echo", echo.url()),
            "header": [
                {"key": "X-D", "value": "{{d}}"},
                {"key": "X-N", "value": "{{n}}"},
                {"key": "X-T", "value": "{{t}}"}
            ]
        })
    )]));
    c["variable"] = vars(&[("d", "from-collection")]);
    let out = run_in(dir.path(), &c, &["-e", &env]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    // Newman ignores `enabled: false` in environment files (only `disabled: true` counts).
    assert_eq!(r.header("x-d"), Some("disabled-env"));
    assert_eq!(r.header("x-n"), Some("7"));
    assert_eq!(r.header("x-t"), Some("true"));
}

#[test]
fn http_request_auth_null_inherits_collection_auth() {
    let echo = Echo::start();
    let mut c = collection(json!([item_with(
        "null auth",
        json!({"method": "GET", "url": format!("{}/echo", echo.url()), "auth": null})
    )]));
    c["auth"] = auth("bearer", &[("token", "inherited")]);
    let out = run(&c, &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(
        only(&echo).header("authorization"),
        Some("Bearer inherited")
    );
}

#[test]
fn http_redirect_limit_is_ten() {
    let echo = Echo::start();
    let base = echo.url();
    let c = collection(json!([
        item("ten", "GET", &format!("{base}/redirect/10")),
        item("eleven", "GET", &format!("{base}/redirect/11"))
    ]));
    let out = run(&c, &[]);
    out.check(out.code == 1, "too many redirects is a request error");
    out.check(
        out.stdout
            .contains(&format!("  GET {base}/redirect/10 [200 OK, ")),
        "ten redirects are followed",
    );
    out.check(
        out.stdout.contains(&format!(
            "  GET {base}/redirect/11 [errored]\n     Exceeded maxRedirects. Probably stuck in a redirect loop "
        )),
        "the eleventh is refused with Newman's wording",
    );
    let paths = paths(&echo);
    // 10 redirects + /echo, then the original + 10 redirects for the second item.
    assert_eq!(paths.len(), 11 + 11, "{paths:?}");
    assert_eq!(paths[10], "/echo");
    assert_eq!(paths[21], "/redirect/1");
}

#[test]
fn http_post_redirected_by_302_becomes_get_without_body() {
    let echo = Echo::start();
    let request = json!({
        "method": "POST",
        "url": format!("{}/redirect-to?url=%2Fecho%3Fafter", echo.url()),
        "body": {"mode": "raw", "raw": "payload"}
    });
    let out = run(&collection(json!([item_with("post", request)])), &[]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].text(), "payload");
    assert_eq!(requests[1].method, "GET");
    assert_eq!(requests[1].path, "/echo?after");
    assert_eq!(requests[1].text(), "");
    assert_eq!(requests[1].header("content-type"), None);
}

#[test]
fn http_keep_alive_reuses_one_connection() {
    let echo = Echo::start();
    let url = format!("{}/echo", echo.url());
    let c = collection(json!([item("a", "GET", &url), item("b", "POST", &url)]));
    let out = run(&c, &["-n", "2"]);
    out.check(out.code == 0, "run passes");
    let peers: Vec<_> = echo.requests().iter().map(|r| r.peer).collect();
    assert_eq!(peers.len(), 4);
    assert!(peers[0].is_some());
    assert!(
        peers.iter().all(|p| *p == peers[0]),
        "one connection for the run: {peers:?}"
    );
}

#[test]
fn http_apikey_query_with_fragment_in_url() {
    let echo = Echo::start();
    let request = json!({
        "method": "GET",
        "url": format!("{}/echo?a=1#section", echo.url()),
        "auth": auth("apikey", &[("key", "api_key"), ("value", "k-1"), ("in", "query")])
    });
    let out = run(&collection(json!([item_with("fragment", request)])), &[]);
    out.check(out.code == 0, "run passes");
    assert_eq!(only(&echo).path, "/echo?a=1&api_key=k-1");
}

#[test]
fn http_cookies_from_an_unfollowed_redirect_are_kept() {
    let echo = Echo::start();
    let base = echo.url();
    let mut set = item("set", "GET", &format!("{base}/cookies/set?only=here"));
    set["protocolProfileBehavior"] = json!({"followRedirects": false});
    let c = collection(json!([
        set,
        item("read", "GET", &format!("{base}/cookies"))
    ]));
    let out = run(&c, &[]);
    out.check(out.code == 0, "run passes");
    let requests = echo.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    assert_eq!(requests[1].path, "/cookies");
    assert_eq!(requests[1].header("cookie"), Some("only=here"));
}

#[test]
fn http_run_timeout_stops_the_run_with_an_error() {
    let echo = Echo::start();
    let base = echo.url();
    let c = collection(json!([
        item("slow", "GET", &format!("{base}/delay/3000")),
        item("never", "GET", &format!("{base}/echo?never"))
    ]));
    let started = Instant::now();
    let out = run(&c, &["--timeout", "300"]);
    out.check(out.code == 1, "a run timeout fails the run");
    out.check(
        out.stdout.contains("error: callback timed out"),
        "Newman's wording",
    );
    assert!(started.elapsed() < Duration::from_millis(2500));
    assert_eq!(paths(&echo), ["/delay/3000"]);
}

#[test]
fn http_bodyless_post_sends_content_length_zero() {
    let echo = Echo::start();
    let c = collection(json!([item(
        "p",
        "POSTMAN",
        &format!("{}/echo", echo.url())
    )]));
    let out = run(&c, &[]);
    out.check(out.code == 0, "run passes");
    let r = only(&echo);
    let length = r
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"));
    assert_eq!(length.map(|(_, v)| v.as_str()), Some("0"));
}
