//! What scripts see of a request and a response (`pm.request`, `pm.response`), and how a
//! pre-request script's changes to `pm.request` go back into the request spec.

use super::resolve::resolve_json;
use crate::collection::{
    Auth, Body, Item, KeyValue, RequestSpec, method_name, parse_request_definition,
};
use crate::http::charset;
use crate::http::{HttpResponse, Prepared};
use crate::script::{BodyText, LazyBody, RequestChanges, RequestView, ResponseView};
use crate::vars::Scopes;
use serde_json::{Value, json};
use std::borrow::Cow;

/// `pm.response` for a received response. A body kept in a temporary file is read back only
/// if a script asks for its text.
pub(super) fn response_view(r: &HttpResponse) -> ResponseView {
    let content_type = r
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str().to_string());
    let size = r.body.len();
    let mut view = ResponseView {
        code: r.status,
        status: r.reason.clone(),
        headers: r.headers.clone(),
        raw: None,
        body: String::new(),
        response_time_ms: u64::try_from(r.elapsed.as_millis()).unwrap_or(u64::MAX),
        response_size: size,
        received_size: (r.received != size).then_some(r.received),
        lazy_body: None,
    };
    match r.body.in_memory() {
        Some(bytes) => {
            let text = body_text(bytes, content_type.as_deref());
            view.raw = text.raw;
            view.body = text.text;
        }
        None => {
            let body = r.body.clone();
            view.lazy_body = Some(LazyBody::new(move || {
                let bytes = body
                    .bytes()
                    .map_err(|e| format!("cannot read the response body back: {e}"))?
                    .into_owned();
                Ok(owned_body_text(bytes, content_type.as_deref()))
            }));
        }
    }
    view
}

/// [`body_text`] of bytes it may keep: UTF-8 text becomes the string without a copy.
fn owned_body_text(bytes: Vec<u8>, content_type: Option<&str>) -> BodyText {
    let as_is = matches!(charset::body_text(&bytes, content_type), Cow::Borrowed(_));
    match String::from_utf8(bytes) {
        Ok(text) if as_is => BodyText { text, raw: None },
        Ok(text) => body_text(text.as_bytes(), content_type),
        Err(e) => body_text(e.as_bytes(), content_type),
    }
}

/// `bytes` as scripts read them: decoded with the charset of `content_type`.
fn body_text(bytes: &[u8], content_type: Option<&str>) -> BodyText {
    let text = charset::body_text(bytes, content_type).into_owned();
    BodyText {
        raw: charset::bytes_as_latin1(bytes, &text),
        text,
    }
}

/// `pm.request` for test scripts: the request as Postman's request object holds it after sending.
/// `id` is the item's id, made up when the collection gives none (the legacy `request.id`).
/// `signed_auth` is the auth the request was signed with (inherited or its own) when a response
/// arrived: Newman leaves it on the request then; else scripts see the request's own auth.
pub(super) fn sent_view(
    item: &Item,
    id: &str,
    spec: &RequestSpec,
    prepared: &Prepared,
    signed_auth: Option<&Auth>,
    scopes: &Scopes,
) -> RequestView {
    let (headers, system_headers) = with_nameless_headers(spec, prepared, scopes);
    RequestView {
        id: Some(id.to_string()),
        name: item.name.clone(),
        method: prepared.request.method.clone(),
        url: prepared.request.url.clone(),
        headers,
        system_headers,
        body: prepared
            .request
            .body
            .as_ref()
            .map(|b| String::from_utf8_lossy(b).into_owned()),
        // A form, GraphQL or file body is seen as its (resolved) fields, as Newman's request
        // keeps it; a raw body as the text sent (comments stripped), with its language options.
        body_definition: spec
            .body
            .as_deref()
            .and_then(|b| match b {
                Body::Raw {
                    language: Some(language),
                    ..
                } => Some(json!({
                    "mode": "raw",
                    "raw": prepared
                        .request
                        .body
                        .as_ref()
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                        .unwrap_or_default(),
                    "options": {"raw": {"language": language}},
                })),
                Body::Raw { .. } => None,
                _ => Some(resolve_json(&body_definition(b), &|t: &str| {
                    scopes.resolve(t)
                })),
            })
            .or_else(|| spec.script_body.as_deref().cloned()),
        disabled_headers: disabled_header_slots(spec),
        // The URL as sent lists only the parameters sent (Newman drops the disabled ones).
        disabled_query: Vec::new(),
        // The URL as sent has its path variables filled in; Newman's list is empty then.
        url_variables: Vec::new(),
        auth: match signed_auth {
            Some(auth) => Some(resolve_json(&auth_json(auth), &|t: &str| scopes.resolve(t))),
            None => spec.auth.as_deref().map(auth_json),
        },
        description: spec.description.as_deref().cloned(),
        written_host: None,
    }
}

/// The headers of the request as sent, with the user's enabled headers that have no name put
/// back at their places: they are never sent, but Newman's request object keeps them.
fn with_nameless_headers(
    spec: &RequestSpec,
    prepared: &Prepared,
    scopes: &Scopes,
) -> (Vec<(String, String)>, Vec<bool>) {
    let mut headers = prepared.script_headers.clone();
    let mut system = prepared.system_headers.clone();
    for (at, h) in spec.headers.iter().filter(|h| !h.disabled).enumerate() {
        if h.key.is_empty() {
            let at = at.min(headers.len());
            headers.insert(at, (String::new(), scopes.resolve(&h.value)));
            if at <= system.len() {
                system.insert(at, false);
            }
        }
    }
    (headers, system)
}

/// List the `Cookie` header the request went out with in `view`, as Postman's request object
/// has it after sending: the user's own header takes the value sent, else the header is added
/// last, as one the runtime added.
pub(super) fn list_sent_cookie(view: &mut RequestView, response: &HttpResponse) {
    let Some(cookie) = &response.sent_cookie else {
        return;
    };
    if let Some(slot) = view
        .headers
        .iter_mut()
        .find(|(k, _)| k.eq_ignore_ascii_case("cookie"))
    {
        slot.1.clone_from(cookie);
        return;
    }
    view.system_headers.resize(view.headers.len(), false);
    view.system_headers.push(true);
    view.headers.push(("Cookie".to_string(), cookie.clone()));
}

/// `pm.request` for pre-request scripts: the request as written (variables unresolved). `id` as
/// for [`sent_view`].
pub(super) fn template_view(item: &Item, id: &str, spec: &RequestSpec) -> RequestView {
    RequestView {
        id: Some(id.to_string()),
        name: item.name.clone(),
        method: spec.method.to_string(),
        url: spec.url.to_template_with_path_variables(),
        headers: spec
            .headers
            .iter()
            .filter(|h| !h.disabled)
            .map(|h| (h.key.clone(), h.value.clone()))
            .collect(),
        body: None,
        system_headers: Vec::new(),
        body_definition: spec
            .body
            .as_deref()
            .map(body_definition)
            .or_else(|| spec.script_body.as_deref().cloned()),
        disabled_headers: disabled_header_slots(spec),
        disabled_query: disabled_query_slots(spec, &|t: &str| t.to_string()),
        url_variables: url_variables(spec),
        auth: spec.auth.as_deref().map(auth_json),
        description: spec.description.as_deref().cloned(),
        written_host: spec
            .url
            .parts()
            .host
            .clone()
            .map(|host| (host, spec.url.parts().port.clone())),
    }
}

/// The URL's path variables as written.
fn url_variables(spec: &RequestSpec) -> Vec<(String, String)> {
    spec.url
        .parts()
        .variables
        .iter()
        .map(|v| (v.key.clone(), v.value.clone()))
        .collect()
}

/// An auth block as Postman's JSON: `{"type": kind, kind: [{type, value, key}, ...]}`.
fn auth_json(auth: &Auth) -> Value {
    let params: Vec<Value> = auth
        .params
        .iter()
        .map(|(k, v)| {
            let kind = auth.types.get(k).map_or("any", String::as_str);
            json!({"type": kind, "value": v, "key": k})
        })
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("type".into(), json!(auth.kind));
    if auth.kind != "noauth" {
        out.insert(auth.kind.clone(), Value::Array(params));
    }
    Value::Object(out)
}

/// The disabled headers of `spec` with their index in its header list (scripts list them).
fn disabled_header_slots(spec: &RequestSpec) -> Vec<(usize, String, String)> {
    spec.headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.disabled)
        .map(|(i, h)| (i, h.key.clone(), h.value.clone()))
        .collect()
}

/// The disabled query parameters of `spec` with their index in its parameter list (scripts list
/// them), key and value passed through `resolve`.
fn disabled_query_slots(
    spec: &RequestSpec,
    resolve: &dyn Fn(&str) -> String,
) -> Vec<(usize, String, Option<String>)> {
    spec.url
        .parts()
        .query
        .iter()
        .enumerate()
        .filter(|(_, p)| p.disabled)
        .map(|(i, p)| {
            let value = (!p.no_value).then(|| resolve(&p.value));
            (i, resolve(&p.key), value)
        })
        .collect()
}

/// A body as Postman's JSON body definition.
fn body_definition(body: &Body) -> Value {
    let pairs = |list: &[KeyValue]| -> Vec<Value> {
        list.iter()
            .map(|p| {
                let mut v = json!({"key": p.key, "value": p.value});
                if p.disabled {
                    v["disabled"] = json!(true);
                }
                v
            })
            .collect()
    };
    match body {
        Body::Raw { raw, language } => {
            let mut v = json!({"mode": "raw", "raw": raw});
            if let Some(language) = language {
                v["options"] = json!({"raw": {"language": language}});
            }
            v
        }
        Body::UrlEncoded(list) => json!({"mode": "urlencoded", "urlencoded": pairs(list)}),
        Body::FormData(params) => {
            let fields: Vec<Value> = params
                .iter()
                .map(|p| {
                    // A file row keeps its value too (empty unless written), as the SDK's
                    // form parameter has one.
                    let mut v = json!({"key": p.key, "value": p.value});
                    if p.is_file {
                        v["type"] = json!("file");
                        v["src"] = match p.src.as_slice() {
                            [one] => json!(one),
                            many => json!(many),
                        };
                    } else {
                        v["type"] = json!("text");
                    }
                    if let Some(ctype) = &p.content_type {
                        v["contentType"] = json!(ctype);
                    }
                    if p.disabled {
                        v["disabled"] = json!(true);
                    }
                    v
                })
                .collect();
            json!({"mode": "formdata", "formdata": fields})
        }
        Body::GraphQl {
            query,
            operation_name,
            variables,
        } => {
            let mut graphql = serde_json::Map::new();
            for (name, value) in [
                ("query", query),
                ("operationName", operation_name),
                ("variables", variables),
            ] {
                if let Some(value) = value {
                    graphql.insert(name.into(), value.clone());
                }
            }
            json!({"mode": "graphql", "graphql": graphql})
        }
        Body::File { src } => json!({"mode": "file", "file": {"src": src}}),
    }
}

/// Apply a pre-request script's changes to the request spec (only what it changed).
pub(super) fn apply_changes(spec: &mut RequestSpec, changes: &RequestChanges) {
    let mut definition = serde_json::Map::new();
    if let Some(url) = &changes.url {
        definition.insert("url".into(), json!(url));
    }
    if let Some(headers) = &changes.headers {
        let list: Vec<Value> = headers
            .iter()
            .map(|(k, v, disabled)| json!({"key": k, "value": v, "disabled": disabled}))
            .collect();
        definition.insert("header".into(), Value::Array(list));
    }
    if let Some(body) = &changes.body {
        definition.insert("body".into(), body.clone());
    }
    if let Some(auth) = &changes.auth {
        definition.insert("auth".into(), auth.clone());
    }
    // Each part parses on its own; a part that does not parse is left as it was.
    let Ok(parsed) = parse_request_definition(&Value::Object(definition)) else {
        return;
    };
    if let Some(method) = &changes.method {
        spec.method = method_name(method);
    }
    if changes.url.is_some() {
        spec.url = parsed.url;
    }
    if changes.headers.is_some() {
        spec.headers = parsed.headers;
    }
    if changes.body.is_some() {
        spec.body = parsed.body;
    }
    if changes.auth.is_some() {
        spec.auth = parsed.auth;
    }
}

/// Drop file parts from a script's request (Postman refuses uploads from scripts); true if any.
pub(super) fn strip_files(spec: &mut RequestSpec) -> bool {
    match spec.body.as_deref_mut() {
        Some(Body::File { .. }) => {
            spec.body = None;
            true
        }
        Some(Body::FormData(params)) => {
            let before = params.len();
            params.retain(|p| !p.is_file);
            params.len() != before
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_changes_apply_only_what_changed() {
        let mut spec = parse_request_definition(&json!({
            "method": "POST",
            "url": "http://h/{{p}}?a=1",
            "header": [{"key": "A", "value": "1"}],
            "body": {"mode": "raw", "raw": "x"}
        }))
        .unwrap_or_default();
        apply_changes(
            &mut spec,
            &RequestChanges {
                headers: Some(vec![
                    ("A".into(), "1".into(), false),
                    ("B".into(), "{{v}}".into(), false),
                    ("C".into(), "off".into(), true),
                ]),
                ..RequestChanges::default()
            },
        );
        assert_eq!(spec.headers.len(), 3);
        assert_eq!(spec.headers[1].value, "{{v}}");
        assert!(spec.headers[2].disabled);
        assert_eq!(spec.url.to_template(), "http://h/{{p}}?a=1");
        assert_eq!(spec.method, "POST");
        apply_changes(
            &mut spec,
            &RequestChanges {
                method: Some("put".into()),
                body: Some(Value::Null),
                ..RequestChanges::default()
            },
        );
        assert_eq!(spec.method, "PUT");
        assert!(spec.body.is_none());
    }
}
