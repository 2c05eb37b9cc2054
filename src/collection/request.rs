//! Turning an item's `request` (a URL string or a request object) into a [`RequestSpec`]: method,
//! URL parts, headers, body and request-level auth.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::model::{KeyValue, RequestSpec, UrlParts, UrlSpec};
use super::parts::{self, Ctx, Notes, field, is_switched_off, object, text};
use super::request_body::body;
use super::url::parse_query_string;
use crate::diagnostic::Diagnostic;

/// Parse `request` at JSON path `at`. Absent or `null` gives an empty `GET` request.
pub(crate) fn request(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<RequestSpec, Diagnostic> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(get(UrlSpec::default())),
        Some(Value::String(s)) => return Ok(get(url_from_string(s))),
        Some(Value::Object(obj)) => obj,
        Some(other) => return Err(ctx.wrong(at, "a URL string or a request object", other)),
    };
    let sent_body = body(obj.get("body"), ctx, &field(at, "body"))?.map(Box::new);
    let script_body = match (&sent_body, obj.get("body")) {
        (None, Some(b @ Value::Object(_))) => Some(Box::new(b.clone())),
        _ => None,
    };
    Ok(RequestSpec {
        method: method(obj.get("method"), ctx, &field(at, "method"))?,
        url: url(obj.get("url"), ctx, &field(at, "url"))?,
        headers: headers(obj.get("header"), ctx, &field(at, "header"))?,
        body: sent_body,
        script_body,
        auth: parts::auth(obj.get("auth"), ctx, &field(at, "auth"))?.map(Box::new),
        description: description(obj.get("description")).map(Box::new),
    })
}

/// `method` upper-cased; absent, `null` or empty is `GET`. A number or a boolean is sent as its
/// text (`7`, `TRUE`) with a note, as Newman sends it; an array or an object is an error (Newman
/// sends `[OBJECT OBJECT]`, which no server accepts).
fn method(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Cow<'static, str>, Diagnostic> {
    let name = match v {
        None | Some(Value::Null) => return Ok(Cow::Borrowed("GET")),
        Some(Value::String(s)) => s.clone(),
        Some(other @ (Value::Number(_) | Value::Bool(_))) => {
            let name = text(Some(other)).unwrap_or_default();
            ctx.note(
                at,
                format!(
                    "expected a string, found {}; sent as {:?}, as Newman does",
                    parts::kind_of(other),
                    name.to_uppercase()
                ),
            )?;
            name
        }
        Some(other) => return Err(ctx.wrong(at, "a method name (a string)", other)),
    };
    Ok(if name.is_empty() {
        Cow::Borrowed("GET")
    } else {
        method_name(&name)
    })
}

/// A `description` as Postman's SDK holds it: `{content, type}`; a string is `text/plain`.
fn description(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::String(s) => Some(serde_json::json!({"content": s, "type": "text/plain"})),
        Value::Object(obj) => {
            let mut out = serde_json::Map::new();
            out.insert(
                "content".into(),
                obj.get("content").cloned().unwrap_or(Value::Null),
            );
            if let Some(kind) = obj.get("type") {
                out.insert("type".into(), kind.clone());
            }
            Some(Value::Object(out))
        }
        _ => None,
    }
}

/// Methods named without an allocation (the usual ones).
const KNOWN_METHODS: [&str; 15] = [
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "COPY", "LINK", "UNLINK", "PURGE",
    "LOCK", "UNLOCK", "PROPFIND", "VIEW",
];

/// `method` upper-cased, as a request spec holds it (the usual methods without an allocation).
pub fn method_name(method: &str) -> Cow<'static, str> {
    match KNOWN_METHODS
        .iter()
        .find(|known| known.eq_ignore_ascii_case(method))
    {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(method.to_uppercase()),
    }
}

/// Parse a request definition a script built (`pm.sendRequest`, changes to `pm.request`): a URL
/// string or a v2.1 request object.
pub fn parse_request_definition(v: &Value) -> Result<RequestSpec, Diagnostic> {
    let ctx = Ctx::new(std::path::Path::new("<script>"), "script", Notes::Drop);
    request(Some(v), ctx, "request")
}

fn get(url: UrlSpec) -> RequestSpec {
    RequestSpec {
        method: Cow::Borrowed("GET"),
        url,
        ..RequestSpec::default()
    }
}

fn url_from_string(s: &str) -> UrlSpec {
    UrlSpec {
        raw: s.to_string(),
        ..UrlSpec::default()
    }
}

/// A `url`: a string, or an object with `raw` and/or structured parts.
pub(crate) fn url(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<UrlSpec, Diagnostic> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(UrlSpec::default()),
        Some(Value::String(s)) => return Ok(url_from_string(s)),
        Some(Value::Object(obj)) => obj,
        Some(other) => return Err(ctx.wrong(at, "a URL string or a URL object", other)),
    };
    let auth = obj.get("auth").and_then(Value::as_object).map(|a| {
        let string = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
        (string("user"), string("password"))
    });
    // Newman sends a protocol or port that is a list or an object as its JavaScript text, which
    // fails the request: an error here.
    for name in ["protocol", "port"] {
        if let Some(other @ (Value::Array(_) | Value::Object(_))) = obj.get(name) {
            return Err(ctx.wrong(&field(at, name), "a string", other));
        }
    }
    let parts = UrlParts {
        protocol: text(obj.get("protocol")),
        auth,
        host: host(obj.get("host"), ctx, &field(at, "host"))?,
        port: text(obj.get("port")),
        path: path(obj.get("path"), ctx, &field(at, "path"))?,
        query: query(obj.get("query"), ctx, &field(at, "query"))?,
        hash: obj.get("hash").and_then(Value::as_str).map(str::to_string),
        variables: path_variables(obj.get("variable"), ctx, &field(at, "variable"))?,
    };
    Ok(UrlSpec {
        raw: text(obj.get("raw")).unwrap_or_default(),
        parts: Some(Box::new(parts)),
    })
}

/// `host` as a string (split on the dots outside `{{...}}`) or an array of segments.
fn host(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Option<Vec<String>>, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(split_host(s))),
        Some(Value::Array(items)) => Ok(Some(segments(items))),
        Some(other) => Err(ctx.wrong(at, "a string or an array", other)),
    }
}

/// Split a host on `.`, except for dots inside a `{{variable}}` (Postman's rule).
fn split_host(host: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in host.char_indices() {
        if c == '.' && !inside_braces(&host[i + 1..]) {
            out.push(host[start..i].to_string());
            start = i + 1;
        }
    }
    out.push(host[start..].to_string());
    out
}

/// True when `}}` follows before any `{`: the dot before `rest` sits inside `{{...}}`.
fn inside_braces(rest: &str) -> bool {
    let until_open = rest.find('{').map_or(rest, |i| &rest[..i]);
    until_open.contains("}}")
}

/// `path` as a string (`/a/b`; `/` is one empty segment; `""` is no path) or an array whose
/// entries are strings or `{type, value}` objects.
fn path(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Option<Vec<String>>, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let trimmed = if s.len() > 1 {
                s.strip_prefix('/').unwrap_or(s)
            } else {
                s
            };
            Ok(match trimmed {
                "" => None,
                "/" => Some(vec![String::new()]),
                p => Some(p.split('/').map(str::to_string).collect()),
            })
        }
        // A `null` segment is an empty one in a path, as Newman writes it (`a/`).
        Some(Value::Array(items)) => Ok(Some(
            items
                .iter()
                .map(|s| match s {
                    Value::Null => String::new(),
                    other => segments(std::slice::from_ref(other)).concat(),
                })
                .collect(),
        )),
        Some(other) => Err(ctx.wrong(at, "a string or an array", other)),
    }
}

/// Segments of a host or path array: strings, rendered scalars, the `value` of an object; other
/// values as JavaScript's `String()` renders them (`[1, "x"]` is `1,x`), as Newman does. `null`
/// entries are dropped.
fn segments(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .filter_map(|s| match s {
            Value::Object(o) if o.contains_key("value") => {
                Some(text(o.get("value")).unwrap_or_default())
            }
            Value::Null => None,
            other => Some(crate::collection::js_value::js_string(other)),
        })
        .collect()
}

/// `query`: an array of `{key, value, disabled}`, or a query string. As Postman writes them, a key
/// that is not a string is empty and a value that is not a string is left out (`no_value`).
fn query(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<KeyValue>, Diagnostic> {
    if let Some(Value::String(s)) = v {
        return Ok(parse_query_string(s));
    }
    let mut out = Vec::new();
    for (at, x) in parts::list(v, ctx, at)? {
        match x {
            // A string entry is one parameter, `key=value` (the value may hold `&`), as Newman
            // reads it.
            Value::String(s) => out.push(match s.split_once('=') {
                Some((key, value)) => KeyValue {
                    key: key.to_string(),
                    value: value.to_string(),
                    ..KeyValue::default()
                },
                None => KeyValue {
                    key: s.clone(),
                    no_value: true,
                    ..KeyValue::default()
                },
            }),
            other => out.push(strings_only(object(other, ctx, &at)?)),
        }
    }
    Ok(out)
}

/// A `{key, value, disabled}` entry where only string keys and values count.
fn strings_only(obj: &Map<String, Value>) -> KeyValue {
    let string = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    let value = string("value");
    KeyValue {
        key: string("key").unwrap_or_default(),
        no_value: value.is_none(),
        value: value.unwrap_or_default(),
        disabled: is_switched_off(obj),
    }
}

/// Path variables (`variable[]`): `key` (or the older `id`) and `value` (only a string value is
/// ever substituted). A list that is not one and entries that are not objects are ignored with a
/// note, as Newman ignores them.
fn path_variables(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<KeyValue>, Diagnostic> {
    let mut out = Vec::new();
    for (_, obj) in parts::loose_objects(v, ctx, at)? {
        let mut kv = strings_only(obj);
        kv.key = text(obj.get("key")).unwrap_or_default();
        if kv.key.is_empty() {
            kv.key = text(obj.get("id")).unwrap_or_default();
        }
        out.push(kv);
    }
    Ok(out)
}

/// `header`: an array of `{key, value, disabled}` (or `"Key: value"` strings), or one string of
/// `Key: value` lines. A number or a boolean and entries that are neither objects nor strings
/// are ignored with a note, as Newman sends none of them. An object is a `{"Name": "value"}` map,
/// as Newman reads it (its entries whose value is not a string are dropped); a single
/// `{"key", "value"}` header written without its list is an error, since Newman sends it as
/// the headers `key` and `value`.
fn headers(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<KeyValue>, Diagnostic> {
    match v {
        Some(Value::String(s)) => return Ok(parse_header_lines(s)),
        Some(scalar @ (Value::Number(_) | Value::Bool(_))) => {
            ctx.ignored(at, "an array of headers", scalar)?;
            return Ok(Vec::new());
        }
        Some(Value::Object(map)) if map.contains_key("key") => {
            return Err(Diagnostic::in_file(
                ctx.file,
                format!(
                    "{at}: expected an array of headers, found one header object (Newman sends \
                     it as headers named `key` and `value`)"
                ),
            )
            .with_hint(format!(
                "write it as a list: \"header\": [{{\"key\": …, \"value\": …}}] in the {} file",
                ctx.what
            )));
        }
        Some(Value::Object(map)) => {
            ctx.note(
                at,
                "expected an array of headers, found an object; read as {\"Name\": \"value\"} \
                 pairs, as Newman does",
            )?;
            let mut out = Vec::new();
            for (name, value) in map {
                match value {
                    Value::String(value) => out.push(KeyValue {
                        key: name.clone(),
                        value: value.clone(),
                        ..KeyValue::default()
                    }),
                    other => ctx.ignored(&field(at, name), "a string", other)?,
                }
            }
            return Ok(out);
        }
        _ => {}
    }
    let mut out = Vec::new();
    for (at, x) in parts::list(v, ctx, at)? {
        match x {
            // A line without a `:` is a header with an empty value, as Newman reads an entry.
            Value::String(s) if !s.contains(':') && !s.trim().is_empty() => out.push(KeyValue {
                key: s.trim().to_string(),
                ..KeyValue::default()
            }),
            Value::String(s) => out.extend(parse_header_lines(s)),
            Value::Object(obj) => header_entry(obj, ctx, &at, &mut out)?,
            other => ctx.ignored(&at, "a header object", other)?,
        }
    }
    Ok(out)
}

/// One `{key, value, disabled}` header. A key that is a list or an object is an error, and so is a
/// value that is an object (Newman sends them as `[object Object]`, which fails the request or
/// means nothing); a list value is one header per element, as Node sends it (with a note).
fn header_entry(
    obj: &Map<String, Value>,
    ctx: Ctx,
    at: &str,
    out: &mut Vec<KeyValue>,
) -> Result<(), Diagnostic> {
    if let Some(key @ (Value::Array(_) | Value::Object(_))) = obj.get("key") {
        return Err(ctx.wrong(&field(at, "key"), "a header name (a string)", key));
    }
    let mut header = parts::key_value(obj);
    match obj.get("value") {
        // Postman sends a `null` value as the text `null`.
        Some(Value::Null) => header.value = "null".into(),
        Some(value @ Value::Object(_)) => {
            return Err(ctx.wrong(&field(at, "value"), "a string", value));
        }
        Some(Value::Array(values)) => {
            ctx.note(
                &field(at, "value"),
                "expected a string, found an array; sent as one header per element, as Newman \
                 does",
            )?;
            for value in values {
                out.push(KeyValue {
                    value: crate::collection::js_value::js_string(value),
                    no_value: false,
                    ..header.clone()
                });
            }
            return Ok(());
        }
        _ => {}
    }
    out.push(header);
    Ok(())
}

/// `Key: value` lines; lines without a `:` or with an empty key are skipped, and a line starting
/// with `//` is a disabled header (Postman's v1 convention).
pub(crate) fn parse_header_lines(s: &str) -> Vec<KeyValue> {
    s.lines()
        .filter_map(|line| {
            let (disabled, line) = match line.trim_start().strip_prefix("//") {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let (key, value) = line.split_once(':')?;
            let key = key.trim();
            if key.is_empty() {
                return None;
            }
            Some(KeyValue {
                key: key.to_string(),
                value: value.trim().to_string(),
                disabled,
                no_value: false,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::model::Body;
    use super::*;
    use serde_json::json;
    use std::path::Path;

    fn ctx() -> Ctx<'static> {
        Ctx::new(Path::new("c.json"), "collection", Notes::Drop)
    }

    fn req(v: Value) -> RequestSpec {
        request(Some(&v), ctx(), "item[0].request").unwrap()
    }

    #[test]
    fn request_string_is_a_get() {
        let r = req(json!("https://example.com/a?b=1"));
        assert_eq!(r.method, "GET");
        assert_eq!(r.url.raw, "https://example.com/a?b=1");
        assert!(r.url.parts.is_none() && r.headers.is_empty() && r.body.is_none());
        let raw_only = req(json!({"url": {"raw": "https://example.com/a"}}));
        assert_eq!(
            raw_only.url.to_template(),
            "",
            "Postman ignores an object's raw"
        );
    }

    #[test]
    fn request_method_defaults_and_upper_cases() {
        assert_eq!(req(json!({"url": "x"})).method, "GET");
        assert_eq!(req(json!({"url": "x", "method": "post"})).method, "POST");
        assert_eq!(req(json!({"url": "x", "method": ""})).method, "GET");
        assert_eq!(req(json!({"url": "x", "method": "mkcol"})).method, "MKCOL");
        assert!(matches!(
            req(json!({"url": "x", "method": "Delete"})).method,
            Cow::Borrowed("DELETE")
        ));
        assert!(matches!(
            req(json!({"url": "x", "method": "stuff"})).method,
            Cow::Owned(_)
        ));
    }

    #[test]
    fn request_url_object_parts() {
        let r = req(json!({"url": {
            "raw": "https://{{host}}.example.com:8080/a/:id?x=1&y#frag",
            "protocol": "https",
            "host": "{{host}}.example.com",
            "port": 8080,
            "path": ["a", ":id", {"type": "string", "value": "b"}],
            "query": [{"key": "x", "value": "1"}, {"key": "y", "value": null},
                      {"key": "z", "value": "3", "disabled": true}, {"key": null, "value": null}],
            "hash": "frag",
            "variable": [{"key": "id", "value": "42"}, {"id": "old", "value": "o"}]
        }}));
        let u = r.url.parts();
        assert_eq!(u.protocol.as_deref(), Some("https"));
        assert_eq!(
            u.host,
            Some(vec!["{{host}}".into(), "example".into(), "com".into()])
        );
        assert_eq!(u.port.as_deref(), Some("8080"));
        assert_eq!(u.path, Some(vec!["a".into(), ":id".into(), "b".into()]));
        assert_eq!(u.query.len(), 4);
        assert!(u.query[1].no_value && !u.query[0].no_value);
        assert!(u.query[2].disabled);
        assert!(u.query[3].no_value && u.query[3].key.is_empty());
        assert_eq!(u.hash.as_deref(), Some("frag"));
        assert_eq!(u.variables[1].key, "old");
    }

    #[test]
    fn request_url_string_and_object_agree() {
        let s = req(json!({"url": "https://{{host}}/a/b?x=1&y=#h"}));
        let o = req(json!({"url": {
            "raw": "https://{{host}}/a/b?x=1&y=#h", "protocol": "https", "host": ["{{host}}"],
            "path": "/a/b", "query": [{"key": "x", "value": "1"}, {"key": "y", "value": ""}], "hash": "h"
        }}));
        assert!(s.url.parts().host.is_none() && o.url.parts().host.is_some());
        assert_eq!(s.url.to_template(), o.url.to_template());
    }

    #[test]
    fn request_host_keeps_dots_inside_variables() {
        assert_eq!(split_host("{{a.b}}.com"), ["{{a.b}}", "com"]);
        assert_eq!(split_host("a.b"), ["a", "b"]);
        assert_eq!(split_host("localhost"), ["localhost"]);
    }

    #[test]
    fn request_path_string_forms() {
        let p = |s: &str| path(Some(&json!(s)), ctx(), "p").unwrap();
        assert_eq!(p("/a/b"), Some(vec!["a".to_string(), "b".to_string()]));
        assert_eq!(p("/"), Some(vec![String::new()]));
        assert_eq!(p(""), None);
    }

    #[test]
    fn request_header_string_form() {
        let r = req(
            json!({"url": "x", "header": "Content-Type: application/json\r\nX-A:  b:c \n//X-Off: 1\nnonsense\n"}),
        );
        assert_eq!(r.headers.len(), 3);
        assert_eq!(r.headers[0].key, "Content-Type");
        assert_eq!(r.headers[0].value, "application/json");
        assert_eq!(r.headers[1].value, "b:c");
        assert_eq!(r.headers[2].key, "X-Off");
        assert!(r.headers[2].disabled && !r.headers[0].disabled);
    }

    #[test]
    fn request_header_array_with_disabled() {
        let r = req(json!({"url": "x", "header": [
            {"key": "A", "value": "1", "disabled": true}, {"key": "B", "value": "2"}, "C: 3"]}));
        let keys: Vec<_> = r
            .headers
            .iter()
            .map(|h| (h.key.as_str(), h.disabled))
            .collect();
        assert_eq!(keys, [("A", true), ("B", false), ("C", false)]);
    }

    #[test]
    fn a_body_that_sends_nothing_is_kept_for_scripts() {
        let script_body = |b: Value| req(json!({"url": "x", "body": b})).script_body.map(|b| *b);
        assert_eq!(script_body(json!({})), Some(json!({})));
        let disabled = json!({"mode": "raw", "raw": "x", "disabled": true});
        assert_eq!(script_body(disabled.clone()), Some(disabled));
        assert_eq!(script_body(json!({"mode": "raw", "raw": "x"})), None);
        assert_eq!(req(json!({"url": "x"})).script_body, None);
    }

    #[test]
    fn request_body_modes() {
        let body = |b: Value| req(json!({"url": "x", "body": b})).body.map(|b| *b);
        assert_eq!(
            body(json!({"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}})),
            Some(Body::Raw {
                raw: "{}".into(),
                language: Some("json".into())
            })
        );
        assert_eq!(
            body(json!({"mode": "raw", "raw": "x", "disabled": true})),
            None
        );
        assert_eq!(
            body(json!({"mode": "nonsense", "raw": "r"})),
            Some(Body::Raw {
                raw: "r".into(),
                language: None
            }),
            "an unknown mode is raw"
        );
        assert_eq!(body(json!({"raw": "no mode"})), None);
        assert_eq!(
            body(json!({"mode": "file"})),
            None,
            "a file body without data"
        );
        assert_eq!(
            body(json!({"mode": "graphql", "graphql": {"query": "{a}", "variables": {"v": 1}}})),
            Some(Body::GraphQl {
                query: Some(json!("{a}")),
                operation_name: None,
                variables: Some(json!({"v": 1}))
            })
        );
        assert_eq!(
            body(json!({"mode": "file", "file": {"src": "a.bin"}})),
            Some(Body::File {
                src: Some("a.bin".into())
            })
        );
        let Some(Body::UrlEncoded(fields)) = body(
            json!({"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1", "enabled": false}]}),
        ) else {
            panic!("urlencoded expected");
        };
        assert!(
            !fields[0].disabled,
            "Postman ignores `enabled` on request parts"
        );
    }

    #[test]
    fn request_formdata_fields() {
        let b = req(
            json!({"url": "x", "body": {"mode": "formdata", "formdata": [
                {"key": "t", "value": "v", "type": "text", "contentType": "text/plain"},
                {"key": "f", "type": "file", "src": "a.txt"},
                {"key": "g", "type": "file", "src": ["a", "b"], "disabled": true},
                {"key": "h", "type": "file", "src": null}
            ]}}),
        )
        .body;
        let Some(Body::FormData(p)) = b.as_deref() else {
            panic!("formdata expected")
        };
        assert_eq!(p[0].content_type.as_deref(), Some("text/plain"));
        assert!(!p[0].is_file && p[1].is_file);
        assert_eq!(p[1].src, ["a.txt"]);
        assert_eq!(p[2].src, ["a", "b"]);
        assert!(p[2].disabled);
        assert!(p[3].src.is_empty());
    }

    #[test]
    fn request_list_values_are_one_field_or_header_each_and_null_path_segments_stay() {
        let r = req(json!({"url": {"host": "h", "path": ["a", null]},
            "header": [{"key": "H", "value": ["1", 2]}],
            "body": {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": [1, "x"]}]}}));
        assert_eq!(
            r.url.parts().path,
            Some(vec!["a".to_string(), String::new()])
        );
        let headers: Vec<_> = r.headers.iter().map(|h| h.value.as_str()).collect();
        assert_eq!(headers, ["1", "2"]);
        let Some(Body::UrlEncoded(fields)) = r.body.as_deref() else {
            panic!("urlencoded expected")
        };
        let values: Vec<_> = fields.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(values, ["1", "x"]);
    }

    #[test]
    fn request_wrong_types_name_the_path() {
        let d = request(Some(&json!(7)), ctx(), "item[0].request").unwrap_err();
        assert_eq!(
            d.message,
            "item[0].request: expected a URL string or a request object, found a number"
        );
        let d = request(Some(&json!({"url": [1]})), ctx(), "item[2].request").unwrap_err();
        assert!(
            d.message.starts_with("item[2].request.url: "),
            "{}",
            d.message
        );
    }

    /// A query string splits on `&` and the first `=` of each pair, and joins back as written;
    /// header lines never panic and keep only named headers.
    #[test]
    fn query_string_and_header_lines_fuzz() {
        use proptest::prelude::*;
        let text = proptest::collection::vec(
            proptest::sample::select(
                &[
                    "a", "=", "&", "==", "é", " ", ":", "//", "\n", "\r\n", "%", "{{x}}", "",
                ][..],
            ),
            0..16,
        )
        .prop_map(|bits| bits.concat());
        crate::fuzz_config::check("query string and header lines", text, |text| {
            let joined: Vec<String> = parse_query_string(&text)
                .iter()
                .map(|kv| {
                    if kv.no_value {
                        kv.key.clone()
                    } else {
                        format!("{}={}", kv.key, kv.value)
                    }
                })
                .collect();
            prop_assert_eq!(joined.join("&"), text.clone());
            for header in parse_header_lines(&text) {
                prop_assert!(!header.key.is_empty() && !header.key.contains('\n'));
            }
            Ok(())
        });
    }
}
