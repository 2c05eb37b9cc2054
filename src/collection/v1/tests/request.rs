//! Tests of one request's conversion: headers, bodies, scripts, URL query and path variables,
//! saved responses.

use serde_json::{Value, json};

use super::request_doc;
use crate::collection::v1::header::parse_header_string;

#[test]
fn v1_header_string_parsing() {
    let h = parse_header_string(
        "Content-Type: application/json\n//X-Off:  1 \r\n// Spaced: two words \n\
         Host: a:8080\nX:a:b\nbad line\n  Indented: no\n: nokey\nEmpty:\nFold: a\r\n b",
    );
    let got: Vec<Value> = h.into_iter().map(Value::Object).collect();
    assert_eq!(
        got,
        [
            json!({"key": "Content-Type", "value": "application/json"}),
            json!({"key": "X-Off", "value": "1", "disabled": true}),
            json!({"key": "Spaced", "value": "two words", "disabled": true}),
            json!({"key": "Host", "value": "a:8080"}),
            json!({"key": "X:a", "value": "b"}),
            json!({"key": "Empty", "value": ""}),
            json!({"key": "Fold", "value": "a b"}),
        ]
    );
}

#[test]
fn v1_header_data_wins_over_the_string() {
    let i = request_doc(json!({
        "headers": "A: from string\nB: b",
        "headerData": [
            {"key": "A", "value": "from data", "description": ""},
            {"key": "//C", "value": "c"},
            {"key": "D", "value": "d", "enabled": false, "description": "kept"}
        ]
    }));
    assert_eq!(
        i["request"]["header"],
        json!([
            {"key": "A", "value": "from data"},
            {"key": "C", "value": "c", "disabled": true},
            {"key": "D", "value": "d", "disabled": true, "description": "kept"},
            {"key": "B", "value": "b"}
        ])
    );
    // An array of header objects is taken as it is.
    let i = request_doc(json!({"headers": [{"key": "K", "value": "v"}]}));
    assert_eq!(i["request"]["header"], json!([{"key": "K", "value": "v"}]));
}

#[test]
fn v1_data_modes() {
    let body = |r: Value| request_doc(r)["request"].get("body").cloned();
    assert_eq!(
        body(json!({"dataMode": "raw", "rawModeData": "{\"a\":1}", "data": []})),
        Some(json!({"mode": "raw", "raw": "{\"a\":1}"}))
    );
    assert_eq!(
        body(json!({"dataMode": "raw", "data": "text body"})),
        Some(json!({"mode": "raw", "raw": "text body"}))
    );
    assert_eq!(
        body(json!({"dataMode": "params", "data": [
            {"key": "f", "value": "v", "type": "text", "enabled": true, "description": ""},
            {"key": "up", "value": "a.txt", "type": "file"},
            {"key": "off", "value": "x", "type": "text", "enabled": false},
            {"value": "no key"}
        ]})),
        Some(json!({"mode": "formdata", "formdata": [
            {"key": "f", "value": "v", "type": "text"},
            {"key": "up", "type": "file", "src": "a.txt"},
            {"key": "off", "value": "x", "type": "text", "disabled": true}
        ]}))
    );
    assert_eq!(
        body(json!({"dataMode": "urlencoded", "data": [{"key": "a", "value": "1"}]})),
        Some(json!({"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}]}))
    );
    assert_eq!(
        body(json!({"dataMode": "binary", "rawModeData": "/tmp/f.bin"})),
        Some(json!({"mode": "file", "file": {"src": "/tmp/f.bin"}}))
    );
    assert_eq!(
        body(json!({"dataMode": "graphql",
            "graphqlModeData": {"query": "{ a }", "variables": "{}"}})),
        Some(json!({"mode": "graphql", "graphql": {"query": "{ a }", "variables": "{}"}}))
    );
    // No mode and no data: no body; a null mode: no body even with data.
    assert_eq!(body(json!({"data": [], "rawModeData": ""})), None);
    assert_eq!(body(json!({"dataMode": null, "rawModeData": "x"})), None);
    // Inferred modes: a data array is formdata, a raw string is raw.
    assert_eq!(
        body(json!({"data": [{"key": "k", "value": "v"}]})),
        Some(json!({"mode": "formdata", "formdata": [{"key": "k", "value": "v"}]}))
    );
    assert_eq!(
        body(json!({"rawModeData": ["only"]})),
        Some(json!({"mode": "raw", "raw": "only"}))
    );
    // Options are renamed to v2 modes; dataDisabled disables the body.
    assert_eq!(
        body(
            json!({"dataMode": "raw", "rawModeData": "x", "dataDisabled": true,
            "dataOptions": {"raw": {"language": "json"}, "params": {}}})
        ),
        Some(
            json!({"mode": "raw", "raw": "x", "options": {"raw": {"language": "json"}},
            "disabled": true})
        )
    );
}

#[test]
fn v1_scripts_become_events() {
    let i = request_doc(json!({"preRequestScript": "a\nb", "tests": "t"}));
    assert_eq!(
        i["event"],
        json!([
            {"listen": "test", "script": {"type": "text/javascript", "exec": ["t"]}},
            {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["a", "b"]}}
        ])
    );
    let i = request_doc(json!({"tests": "", "events": [
        {"script": {"exec": "x\ny"}},
        {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["p"]}}
    ]}));
    assert_eq!(
        i["event"],
        json!([
            {"listen": "test", "script": {"exec": ["x", "y"], "type": "text/javascript"}},
            {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["p"]}}
        ])
    );
    assert!(request_doc(json!({"tests": null})).get("event").is_none());
}

#[test]
fn v1_query_params_and_path_variables() {
    let i = request_doc(json!({
        "url": "http://x/:id/:other?ignored=1",
        "queryParams": [
            {"key": "a", "value": "1", "equals": true, "description": "", "enabled": true},
            {"key": "b", "value": "", "equals": false},
            {"key": "c", "value": null, "equals": true},
            {"key": "d", "value": "4", "enabled": false}
        ],
        "pathVariableData": [{"key": "id", "value": "7", "id": "pv1"}],
        "pathVariables": {"id": "ignored", "other": "o"}
    }));
    assert_eq!(
        i["request"]["url"],
        json!({
            "protocol": "http",
            "host": "x",
            "path": [":id", ":other"],
            "raw": "http://x/:id/:other?ignored=1",
            "query": [
                {"key": "a", "value": "1"},
                {"key": "b", "value": null},
                {"key": "c", "value": ""},
                {"key": "d", "value": "4", "disabled": true}
            ],
            "variable": [{"key": "id", "value": "7"}, {"value": "o", "key": "other"}]
        })
    );
    let i = request_doc(json!({"url": "http://plain/?q=1", "queryParams": []}));
    assert_eq!(i["request"]["url"], "http://plain/?q=1");
    // A URL object is sent from its parts, so the string is split into them (its own query and
    // hash too when there is no queryParams list).
    let i = request_doc(json!({
        "url": "https://u:p@h.test:8080/a/:id?x=1&y#frag",
        "pathVariables": {"id": "9"}
    }));
    assert_eq!(
        i["request"]["url"],
        json!({
            "protocol": "https",
            "auth": {"user": "u", "password": "p"},
            "host": "h.test",
            "port": "8080",
            "path": ["a", ":id"],
            "query": [{"key": "x", "value": "1"}, {"key": "y", "value": null}],
            "hash": "frag",
            "raw": "https://u:p@h.test:8080/a/:id?x=1&y#frag",
            "variable": [{"value": "9", "key": "id"}]
        })
    );
}

#[test]
fn v1_responses_kept() {
    let i = request_doc(json!({
        "responses_order": ["b", "a"],
        "responses": [
            {"id": "a", "name": "first", "responseCode": {"code": 200, "name": "OK"},
             "text": "hi", "headers": [{"key": "X", "value": "1"}], "time": 12,
             "request": "r"},
            {"id": "b", "responseCode": {"code": "404"}, "cookies": [{"name": "c", "value": "v"}]}
        ]
    }));
    let r = i["response"].as_array().expect("test fixture");
    assert_eq!(r.len(), 2);
    assert_eq!(r[0]["name"], "response");
    // An integer, as Postman writes it (`404`, not `404.0`).
    assert_eq!(r[0]["code"].to_string(), "404");
    assert_eq!(r[0]["cookie"][0]["key"], "c");
    assert_eq!(r[1]["name"], "first");
    assert_eq!(
        (r[1]["status"].as_str(), r[1]["body"].as_str()),
        (Some("OK"), Some("hi"))
    );
    // `request: "r"` names the request the response was saved from.
    assert!(r[1]["originalRequest"]["header"].is_array());
}
