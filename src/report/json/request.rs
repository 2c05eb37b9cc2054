//! The request of an execution in the JSON report: the item's request in the SDK's shape with
//! the URL, method, headers and body as they were sent, and which headers Newman's runtime added.

use super::super::json_parts::{sent_form, sent_headers};
use super::JsonReporter;
use super::output::mask_strings;
use crate::collection::Auth;
use crate::http::HttpRequest;
use serde_json::{Map, Value, json};

/// Headers Newman's runtime adds to a request (`system: true` in the report); a script's
/// additions are the request's own.
const RUNTIME_HEADERS: &[&str] = &[
    "User-Agent",
    "Accept",
    "Cache-Control",
    "Postman-Token",
    "Host",
    "Accept-Encoding",
    "Connection",
    "Content-Length",
    "Content-Type",
    "Cookie",
    "Authorization",
    "X-Amz-Date",
    "X-Amz-Security-Token",
    "X-Amz-Content-Sha256",
];

/// The auth as the SDK writes it, with the values it was sent with (`resolved`, its variables
/// replaced): a parameter the runtime added (a digest's `nonceCount`) is `system: true`.
fn with_values(auth: &Value, resolved: Option<&Auth>) -> Value {
    let mut auth = auth.clone();
    let Some(resolved) = resolved.filter(|r| auth.get("type") == Some(&json!(r.kind))) else {
        return auth;
    };
    let Some(Value::Array(params)) = auth.get_mut(&resolved.kind) else {
        return auth;
    };
    for (key, value) in &resolved.params {
        match params
            .iter_mut()
            .find(|p| p.get("key") == Some(&json!(key)))
        {
            Some(param) => param["value"] = value.clone(),
            None => params.push(json!({"type": "any", "value": value, "key": key, "system": true})),
        }
    }
    auth
}

/// Whether `url` carries user info (`http://user:pass@host/`).
fn url_has_userinfo(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.contains('@')
}

/// The header an `apikey` auth puts its key in, when it goes in a header.
fn apikey_header(auth: &Value) -> Option<&str> {
    if auth.get("type").and_then(Value::as_str) != Some("apikey") {
        return None;
    }
    let params = auth.get("apikey")?.as_array()?;
    let param = |name: &str| {
        params
            .iter()
            .find(|p| p.get("key").and_then(Value::as_str) == Some(name))
            .and_then(|p| p.get("value"))
            .and_then(Value::as_str)
    };
    (param("in").unwrap_or("header") == "header")
        .then(|| param("key"))
        .flatten()
}

impl JsonReporter {
    /// The request as sent, in the SDK's shape: the item's request (its description, auth, …)
    /// with the URL, method, headers and a raw body as they went out.
    /// `sent_cookie` is the `Cookie` header the HTTP layer sent (the jar's cookies joined to
    /// the request's own), which Newman lists as the runtime's.
    pub(super) fn request_json(
        &self,
        request: &HttpRequest,
        own: bool,
        sent_cookie: Option<&str>,
        resolved_auth: Option<&Auth>,
    ) -> Value {
        let item = own
            .then(|| self.sdk.node(self.node).and_then(|n| n.get("request")))
            .flatten();
        let mut map = match item {
            Some(Value::Object(item)) => item.clone(),
            _ => Map::new(),
        };
        map.insert(
            "url".into(),
            crate::http::url_encode::report_object(&self.masker.mask(&request.url)),
        );
        let auth = own.then(|| self.sdk.auth_for(self.node)).flatten();
        if let Some(auth) = auth {
            map.insert("auth".into(), with_values(auth, resolved_auth));
        }
        let headers = self.request_headers(item, auth, request, sent_cookie);
        // An empty header list is left out, as the SDK leaves it out.
        if headers.as_array().is_some_and(|h| !h.is_empty()) {
            map.insert("header".into(), headers);
        } else {
            map.remove("header");
        }
        map.insert("method".into(), json!(request.method));
        self.insert_sent_body(&mut map, request);
        // What came from the item (auth, descriptions, form fields) is masked too.
        let mut request = Value::Object(map);
        mask_strings(&mut request, &self.masker);
        request
    }

    /// The headers as sent, each marked `system` when Newman's runtime added it; the item's own
    /// keep their place.
    fn request_headers(
        &self,
        item: Option<&Value>,
        auth: Option<&Value>,
        request: &HttpRequest,
        sent_cookie: Option<&str>,
    ) -> Value {
        let item_headers = item.and_then(|r| r.get("header")).and_then(Value::as_array);
        let apikey_header = auth.and_then(apikey_header);
        // The runtime adds a `Content-Type` for the item's body; a script adds one otherwise.
        let has_body = item.and_then(|r| r.get("body")).is_some();
        // …and an `Authorization` for its auth.
        let authorized = auth.is_some_and(|a| a.get("type") != Some(&json!("noauth")));
        let runtime = |name: &str| {
            (RUNTIME_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
                && (has_body || !name.eq_ignore_ascii_case("content-type"))
                && (authorized || !name.eq_ignore_ascii_case("authorization")))
                || apikey_header.is_some_and(|h| h.eq_ignore_ascii_case(name))
        };
        let mode = item
            .and_then(|r| r.get("body"))
            .and_then(|b| b.get("mode"))
            .and_then(Value::as_str);
        let form = matches!(mode, Some("urlencoded" | "formdata"));
        // A request that could not even be made (no URL) has only the item's headers; the
        // `Authorization` of a URL's user info is the HTTP layer's, which Newman does not list.
        let userinfo = !authorized && url_has_userinfo(&request.url);
        let sent_list: Vec<(String, String)> = if request.url.is_empty() {
            Vec::new()
        } else {
            request
                .headers
                .iter()
                .filter(|(k, _)| !(userinfo && k.eq_ignore_ascii_case("authorization")))
                .cloned()
                .collect()
        };
        // With an auth, the runtime replaces the item's own `Authorization`.
        let own_headers: Option<Vec<Value>> = item_headers.map(|list| {
            list.iter()
                .filter(|h| !(authorized && is_header(h, "authorization")))
                .cloned()
                .collect()
        });
        let mut headers = sent_headers(
            own_headers.as_ref(),
            &sent_list,
            &|k, v| {
                self.masker
                    .header_value(k, self.clock.header_value(k, v))
                    .into_owned()
            },
            &runtime,
            form,
        );
        if let (Some(cookie), Value::Array(list)) = (sent_cookie, &mut headers) {
            let cookie = self.masker.mask(cookie).into_owned();
            match list.iter_mut().find(|h| is_header(h, "cookie")) {
                Some(h) if h.get("value") != Some(&json!(cookie)) => {
                    h["value"] = json!(cookie);
                    h["system"] = json!(true);
                }
                Some(_) => {}
                None => list.push(json!({"key": "Cookie", "value": cookie, "system": true})),
            }
        }
        headers
    }

    /// The body as sent in place of the item's: raw text, the urlencoded fields as sent, or a
    /// raw body a script added to a request that had none.
    fn insert_sent_body(&self, map: &mut Map<String, Value>, request: &HttpRequest) {
        let sent = request.body.as_ref().filter(|b| !b.is_empty());
        match (map.get_mut("body"), sent) {
            (Some(body), Some(sent)) if body.get("mode") == Some(&json!("raw")) => {
                body["raw"] = json!(self.masker.mask(&String::from_utf8_lossy(sent)));
            }
            (Some(body), Some(sent)) if body.get("mode") == Some(&json!("urlencoded")) => {
                let fields = body.get("urlencoded").and_then(Value::as_array);
                let sent = sent_form(fields, sent, &|v| self.masker.mask(v).into_owned());
                body["urlencoded"] = sent;
            }
            (None, Some(sent)) => {
                let raw = self
                    .masker
                    .mask(&String::from_utf8_lossy(sent))
                    .into_owned();
                map.insert("body".into(), json!({"mode": "raw", "raw": raw}));
            }
            _ => {}
        }
    }
}

/// Whether the SDK header `h` is named `name` (any case).
fn is_header(h: &Value, name: &str) -> bool {
    h.get("key")
        .and_then(Value::as_str)
        .is_some_and(|k| k.eq_ignore_ascii_case(name))
}
