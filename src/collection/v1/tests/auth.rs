//! Tests of auth helper conversion.

use serde_json::{Value, json};

use super::{convert, request_doc};

#[test]
fn v1_auth_helpers() {
    let auth = |r: Value| request_doc(r)["request"].get("auth").cloned();
    assert_eq!(
        auth(json!({"currentHelper": "basicAuth", "helperAttributes":
            {"id": "basic", "username": "u", "password": "p", "saveToRequest": true}})),
        Some(json!({"type": "basic", "basic": [
            {"key": "username", "value": "u", "type": "string"},
            {"key": "password", "value": "p", "type": "string"},
            {"key": "saveHelperData", "value": true, "type": "boolean"},
            {"key": "showPassword", "value": false, "type": "boolean"}
        ]}))
    );
    assert_eq!(
        auth(json!({"currentHelper": "bearerAuth",
            "helperAttributes": "{\"token\": \"{{t}}\"}"})),
        Some(json!({"type": "bearer", "bearer": [
            {"key": "token", "value": "{{t}}", "type": "string"}
        ]}))
    );
    let digest = auth(json!({"currentHelper": "digestAuth",
        "helperAttributes": {"username": "u", "realm": "r", "nonceCount": 1}}))
    .expect("test fixture");
    assert_eq!(digest["type"], "digest");
    assert_eq!(
        digest["digest"][2],
        json!({"key": "nonceCount", "value": 1, "type": "number"})
    );
    let oauth1 = auth(json!({"currentHelper": "oAuth1",
        "helperAttributes": {"consumerKey": "ck", "header": true, "auto": false}}))
    .expect("test fixture");
    assert_eq!(oauth1["type"], "oauth1");
    let keys: Vec<&str> = oauth1["oauth1"]
        .as_array()
        .expect("test fixture")
        .iter()
        .map(|p| p["key"].as_str().expect("test fixture"))
        .collect();
    assert_eq!(keys, ["consumerKey", "addParamsToHeader", "autoAddParam"]);
    let hawk = auth(json!({"currentHelper": "hawkAuth",
        "helperAttributes": {"hawk_id": "id", "hawk_key": "k", "algorithm": "sha256", "ext": "e"}}))
    .expect("test fixture");
    assert_eq!(
        hawk["hawk"],
        json!([
            {"key": "authId", "value": "id", "type": "string"},
            {"key": "authKey", "value": "k", "type": "string"},
            {"key": "algorithm", "value": "sha256", "type": "string"},
            {"key": "extraData", "value": "e", "type": "string"}
        ])
    );
    let aws = auth(json!({"currentHelper": "awsSigV4",
        "helperAttributes": {"accessKey": "a", "secretKey": "s", "region": "eu", "service": "s3"}}))
    .expect("test fixture");
    assert_eq!(aws["type"], "awsv4");
    assert_eq!(
        aws["awsv4"][2],
        json!({"key": "region", "value": "eu", "type": "string"})
    );
    // No auth: normal, null, absent, or unreadable attributes.
    assert_eq!(
        auth(json!({"currentHelper": "normal", "helperAttributes": {}})),
        None
    );
    assert_eq!(auth(json!({"currentHelper": null})), None);
    assert_eq!(auth(json!({})), None);
    assert_eq!(
        auth(json!({"currentHelper": "basicAuth", "helperAttributes": "{not json"})),
        None
    );
    // A v2-style auth without a helper is kept.
    assert_eq!(
        auth(json!({"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "x"}]}})),
        Some(json!({"type": "bearer", "bearer": [
            {"key": "token", "value": "x", "type": "string"}
        ]}))
    );
}

#[test]
fn v1_collection_noauth_is_inherit_and_folder_auth_kept() {
    let c = convert(json!({"name": "c", "order": [], "requests": [],
        "auth": {"type": "noauth"},
        "folders": [{"id": "f", "name": "F", "currentHelper": "bearerAuth",
                     "helperAttributes": {"token": "t"}}]}));
    assert_eq!(c["auth"], Value::Null);
    assert_eq!(c["item"][0]["auth"]["type"], "bearer");
}
