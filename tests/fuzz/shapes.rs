//! Postman-shaped documents: v2.x and v1 collections, environment and globals files. Every
//! field is usually of the right shape, now and then of any shape ([`or_junk`]), so the
//! loaders' deep paths run as well as their type checks.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

use super::strategies::{flag, json, object, one_of, or_junk, scalar, string};

const METHODS: &[&str] = &[
    "GET", "post", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PROPFIND", "get",
];
const MODES: &[&str] = &[
    "raw",
    "urlencoded",
    "formdata",
    "file",
    "graphql",
    "RAW",
    "none",
    "binary",
];
const AUTH_TYPES: &[&str] = &[
    "noauth", "basic", "bearer", "apikey", "digest", "oauth1", "oauth2", "hawk", "awsv4", "ntlm",
    "edgegrid", "jwt", "asap", "akamai", "unknown",
];
const AUTH_KEYS: &[&str] = &[
    "username",
    "password",
    "token",
    "key",
    "value",
    "in",
    "realm",
    "nonce",
    "algorithm",
    "consumerKey",
    "consumerSecret",
    "accessToken",
    "addTokenTo",
    "authId",
    "authKey",
    "accessKey",
    "secretKey",
    "region",
    "service",
    "secret",
    "payload",
    "header",
];
/// Values auth signers read as settings (algorithms, places, switches, keys).
const AUTH_VALUES: &[&str] = &[
    "HMAC-SHA1",
    "HMAC-SHA256",
    "HMAC-SHA512",
    "RSA-SHA1",
    "RSA-SHA256",
    "PLAINTEXT",
    "HS256",
    "HS512",
    "RS256",
    "ES256",
    "PS384",
    "MD5",
    "MD5-sess",
    "SHA-256",
    "SHA-512-256",
    "auth",
    "auth-int",
    "header",
    "query",
    "queryParams",
    "true",
    "false",
    "1",
    "",
    "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
    "-----BEGIN EC PRIVATE KEY-----\n\n-----END EC PRIVATE KEY-----",
    "{\"a\": 1}",
    "https://x.test/token",
    "{{token}}",
];
const VAR_TYPES: &[&str] = &[
    "default", "secret", "string", "number", "boolean", "any", "String", "weird",
];
const LANGUAGES: &[&str] = &["json", "text", "xml", "html", "javascript"];
const IDS: &[&str] = &["a", "b", "c", "d", "e", "f1", "f2"];
const URL_BITS: &[&str] = &[
    "http://",
    "https://",
    "HTTP://",
    "{{host}}",
    "{{base}}/",
    "x.test",
    "echo.test",
    "127.0.0.1",
    ":3000",
    ":",
    "/",
    "/a",
    "/:id",
    "/{{p}}",
    "?",
    "a=1",
    "&",
    "b",
    "=",
    "#",
    "frag",
    "@",
    "user:pw",
    "%20",
    " ",
    "\\",
    "..",
    ".",
    "[::1]",
    "é",
    "{{a.b}}",
    "<<x>>",
];

fn url_string() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => vec(select(URL_BITS), 0..10).prop_map(|p| Value::from(p.concat())),
        1 => string(),
    ]
    .boxed()
}

fn key_value() -> BoxedStrategy<Value> {
    or_junk(object(vec![
        ("key", or_junk(string())),
        ("value", or_junk(prop_oneof![4 => string(), 1 => scalar()])),
        ("disabled", flag()),
        ("type", one_of(&["text", "default"])),
        ("description", string()),
    ]))
}

fn key_values() -> BoxedStrategy<Value> {
    prop_oneof![
        6 => vec(key_value(), 0..4).prop_map(Value::Array),
        1 => string(),
    ]
    .boxed()
}

fn url_object() -> BoxedStrategy<Value> {
    let segments = prop_oneof![
        3 => vec(
            prop_oneof![4 => string(), 1 => object(vec![("type", string()), ("value", string())]), 1 => scalar()],
            0..4
        )
        .prop_map(Value::Array),
        1 => string(),
    ]
    .boxed();
    object(vec![
        ("raw", url_string()),
        ("protocol", one_of(&["http", "https", "file", "ftp"])),
        ("host", segments.clone()),
        ("port", or_junk(one_of(&["80", "8080", "{{port}}", ""]))),
        ("path", segments),
        ("query", key_values()),
        ("hash", or_junk(string())),
        (
            "variable",
            vec(key_value(), 0..3).prop_map(Value::Array).boxed(),
        ),
        (
            "auth",
            object(vec![
                ("user", or_junk(string())),
                ("password", or_junk(string())),
            ]),
        ),
    ])
}

fn url() -> BoxedStrategy<Value> {
    or_junk(prop_oneof![url_string(), url_object()])
}

fn formdata() -> BoxedStrategy<Value> {
    vec(
        or_junk(object(vec![
            ("key", string()),
            ("value", or_junk(string())),
            ("type", one_of(&["text", "file"])),
            (
                "src",
                or_junk(prop_oneof![
                    string(),
                    vec(string(), 0..3).prop_map(Value::Array)
                ]),
            ),
            ("contentType", string()),
            ("disabled", flag()),
        ])),
        0..3,
    )
    .prop_map(Value::Array)
    .boxed()
}

fn body() -> BoxedStrategy<Value> {
    or_junk(object(vec![
        ("mode", one_of(MODES)),
        ("raw", or_junk(string())),
        ("urlencoded", key_values()),
        ("formdata", formdata()),
        (
            "file",
            object(vec![("src", or_junk(string())), ("content", string())]),
        ),
        (
            "graphql",
            object(vec![
                ("query", or_junk(string())),
                ("variables", or_junk(prop_oneof![string(), json(2)])),
                ("operationName", or_junk(string())),
            ]),
        ),
        (
            "options",
            object(vec![("raw", object(vec![("language", one_of(LANGUAGES))]))]),
        ),
        ("disabled", flag()),
    ]))
}

fn auth() -> BoxedStrategy<Value> {
    let params_array = vec(
        or_junk(object(vec![
            ("key", one_of(AUTH_KEYS)),
            ("value", or_junk(prop_oneof![string(), one_of(AUTH_VALUES)])),
            ("type", one_of(&["string", "any", "boolean"])),
        ])),
        0..4,
    )
    .prop_map(Value::Array);
    let params_object = vec((select(AUTH_KEYS), or_junk(one_of(AUTH_VALUES))), 0..4)
        .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let params = prop_oneof![3 => params_array, 1 => params_object];
    or_junk(
        (
            select(AUTH_TYPES),
            params,
            proptest::option::of(select(AUTH_TYPES)),
        )
            .prop_map(|(kind, params, other)| {
                let mut auth = json!({"type": kind});
                auth[other.unwrap_or(kind)] = params;
                auth
            }),
    )
}

fn events() -> BoxedStrategy<Value> {
    let exec = or_junk(prop_oneof![
        string(),
        vec(string(), 0..4).prop_map(Value::Array)
    ]);
    let event = or_junk(object(vec![
        ("listen", one_of(&["prerequest", "test", "beforeQuery"])),
        (
            "script",
            or_junk(object(vec![
                ("exec", exec),
                ("type", one_of(&["text/javascript"])),
                ("id", string()),
            ])),
        ),
        ("disabled", flag()),
    ]));
    or_junk(prop_oneof![4 => vec(event.clone(), 0..3).prop_map(Value::Array), 1 => event])
}

/// A `variable` / `values` list.
pub fn variables() -> BoxedStrategy<Value> {
    let entry = or_junk(object(vec![
        (
            "key",
            or_junk(prop_oneof![select(IDS).prop_map(Value::from), string()]),
        ),
        (
            "value",
            or_junk(prop_oneof![3 => string(), 2 => scalar(), 1 => json(2)]),
        ),
        ("type", one_of(VAR_TYPES)),
        ("disabled", flag()),
        ("enabled", flag()),
        ("id", string()),
        ("name", string()),
    ]));
    or_junk(prop_oneof![5 => vec(entry.clone(), 0..5).prop_map(Value::Array), 1 => entry])
}

fn profile() -> BoxedStrategy<Value> {
    or_junk(object(vec![
        ("strictSSL", flag()),
        ("followRedirects", flag()),
        ("disableUrlEncoding", flag()),
        ("disableBodyPruning", flag()),
        ("maxRedirects", scalar()),
    ]))
}

/// A request: a URL string or a request object.
pub fn request() -> BoxedStrategy<Value> {
    or_junk(prop_oneof![
        1 => url_string(),
        4 => object(vec![
            ("method", or_junk(one_of(METHODS))),
            ("url", url()),
            ("header", or_junk(key_values())),
            ("body", body()),
            ("auth", auth()),
            ("description", or_junk(prop_oneof![string(), object(vec![("content", string()), ("type", string())])])),
        ]),
    ])
}

fn request_item() -> BoxedStrategy<Value> {
    object(vec![
        ("name", or_junk(string())),
        ("id", or_junk(string())),
        ("request", request()),
        ("event", events()),
        (
            "response",
            vec(json(2), 0..2).prop_map(Value::Array).boxed(),
        ),
        ("protocolProfileBehavior", profile()),
    ])
}

fn items() -> BoxedStrategy<Value> {
    let item = request_item().prop_recursive(3, 24, 4, |inner| {
        object(vec![
            ("name", or_junk(string())),
            ("_postman_id", string()),
            (
                "item",
                or_junk(
                    prop_oneof![4 => vec(inner.clone(), 0..4).prop_map(Value::Array), 1 => inner],
                ),
            ),
            ("event", events()),
            ("auth", auth()),
            ("description", string()),
            ("protocolProfileBehavior", profile()),
        ])
    });
    or_junk(vec(or_junk(item), 0..5).prop_map(Value::Array))
}

/// A v2.0 / v2.1 collection, sometimes in the Postman API's `{"collection": ...}` form.
pub fn collection_v2() -> BoxedStrategy<Value> {
    let info = or_junk(object(vec![
        ("name", or_junk(string())),
        ("_postman_id", or_junk(string())),
        (
            "schema",
            one_of(&[
                "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
                "https://schema.getpostman.com/json/collection/v2.0.0/collection.json",
            ]),
        ),
        ("description", string()),
    ]));
    let doc = object(vec![
        ("info", info),
        ("item", items()),
        ("event", events()),
        ("variable", variables()),
        ("auth", auth()),
        ("protocolProfileBehavior", profile()),
    ]);
    (doc, proptest::bool::weighted(0.1))
        .prop_map(|(doc, wrapped)| {
            if wrapped {
                json!({ "collection": doc })
            } else {
                doc
            }
        })
        .boxed()
}

fn id() -> BoxedStrategy<Value> {
    or_junk(select(IDS).prop_map(Value::from))
}

fn v1_request() -> BoxedStrategy<Value> {
    let data_entry = or_junk(object(vec![
        ("key", string()),
        ("value", or_junk(string())),
        ("type", one_of(&["text", "file"])),
        ("enabled", flag()),
        ("description", string()),
    ]));
    object(vec![
        ("id", id()),
        ("name", or_junk(string())),
        ("url", or_junk(url_string())),
        ("method", or_junk(one_of(METHODS))),
        ("headers", or_junk(string())),
        (
            "headerData",
            or_junk(vec(data_entry.clone(), 0..3).prop_map(Value::Array)),
        ),
        (
            "data",
            or_junk(prop_oneof![
                vec(data_entry.clone(), 0..3).prop_map(Value::Array),
                string()
            ]),
        ),
        (
            "dataMode",
            one_of(&["params", "urlencoded", "raw", "binary", "graphql"]),
        ),
        ("rawModeData", or_junk(string())),
        (
            "graphqlModeData",
            object(vec![("query", string()), ("variables", string())]),
        ),
        ("preRequestScript", or_junk(string())),
        ("tests", or_junk(string())),
        ("events", events()),
        (
            "pathVariables",
            or_junk(vec((select(IDS), string()), 0..3).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            })),
        ),
        (
            "pathVariableData",
            or_junk(vec(data_entry.clone(), 0..2).prop_map(Value::Array)),
        ),
        (
            "queryParams",
            or_junk(vec(data_entry, 0..2).prop_map(Value::Array)),
        ),
        ("auth", auth()),
        (
            "currentHelper",
            one_of(&[
                "basicAuth",
                "bearerAuth",
                "digestAuth",
                "oAuth1",
                "hawkAuth",
                "awsSigV4",
                "normal",
            ]),
        ),
        (
            "helperAttributes",
            or_junk(vec((select(AUTH_KEYS), string()), 0..3).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            })),
        ),
        (
            "responses",
            or_junk(vec(json(2), 0..2).prop_map(Value::Array)),
        ),
        ("folder", id()),
        ("collectionId", string()),
        ("descriptionFormat", string()),
    ])
}

/// A v1 collection (`requests`, `order`, `folders`), as Postman wrote them before v2.
pub fn collection_v1() -> BoxedStrategy<Value> {
    let ids = || or_junk(vec(id(), 0..4).prop_map(Value::Array));
    let folder = or_junk(object(vec![
        ("id", id()),
        ("name", or_junk(string())),
        ("order", ids()),
        ("folders_order", ids()),
        ("auth", auth()),
        ("events", events()),
        ("description", string()),
    ]));
    let doc = object(vec![
        ("id", id()),
        ("name", or_junk(string())),
        ("order", ids()),
        ("folders_order", ids()),
        ("folders", or_junk(vec(folder, 0..4).prop_map(Value::Array))),
        (
            "requests",
            or_junk(vec(or_junk(v1_request()), 0..5).prop_map(Value::Array)),
        ),
        ("events", events()),
        ("variables", variables()),
        ("auth", auth()),
    ]);
    // `requests` is what marks a v1 collection: keep it there most of the time.
    (doc, vec(v1_request(), 1..3))
        .prop_map(|(mut doc, fallback)| {
            if let Value::Object(map) = &mut doc
                && !map.contains_key("requests")
            {
                map.insert("requests".into(), Value::Array(fallback));
            }
            doc
        })
        .boxed()
}

/// An environment or globals file: the exported form, the API's wrapped form, a bare list.
pub fn variable_file() -> BoxedStrategy<Value> {
    let exported = object(vec![
        ("id", or_junk(string())),
        ("name", or_junk(string())),
        ("values", variables()),
        (
            "_postman_variable_scope",
            one_of(&["environment", "globals"]),
        ),
        ("_postman_exported_at", string()),
        ("_postman_exported_using", string()),
    ]);
    prop_oneof![
        6 => exported.clone(),
        1 => (exported.clone(), select(&["environment", "globals"][..]))
            .prop_map(|(doc, key)| json!({ key: doc })),
        1 => variables(),
        1 => json(3),
    ]
    .boxed()
}

/// Any document a user might pass as a collection.
pub fn any_collection() -> BoxedStrategy<Value> {
    prop_oneof![6 => collection_v2(), 3 => collection_v1(), 1 => json(4), 1 => variable_file()]
        .boxed()
}
