//! Saved examples: v1 `responses` (ordered by `responses_order`) as v2.1 `response` entries,
//! each with its original request and cookies.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::order::Requests;
use super::request::request;
use super::util::{array, id_key, path, put, truthy, wrong};

/// `responses` (ordered by `responses_order` when given) → v2.1 example responses.
pub(super) fn responses(
    r: &Map<String, Value>,
    at: &str,
    requests: &Requests,
) -> Result<Vec<Value>, String> {
    let list_at = path(at, "responses");
    let list = array(r.get("responses"), &list_at)?;
    let mut by_id: HashMap<String, &Map<String, Value>> = HashMap::new();
    let mut ids = Vec::new();
    for (i, resp) in list.iter().enumerate() {
        let resp = match resp {
            Value::Null => continue,
            Value::Object(resp) => resp,
            other => {
                return Err(wrong(
                    &format!("{list_at}[{i}]"),
                    "a response object",
                    other,
                ));
            }
        };
        let key = id_key(resp.get("id"), &format!("{list_at}[{i}].id"))?;
        ids.push(key.clone());
        by_id.insert(key, resp);
    }
    let order_at = path(at, "responses_order");
    let order = array(r.get("responses_order"), &order_at)?;
    if !order.is_empty() {
        ids = order
            .iter()
            .enumerate()
            .map(|(i, id)| id_key(Some(id), &format!("{order_at}[{i}]")))
            .collect::<Result<_, _>>()?;
    }
    Ok(ids
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|resp| response(resp, requests))
        .collect())
}

/// The request a saved response was made with: `requestObject` or `request`, each an object, a
/// JSON string, or a request id.
fn saved_request<'r>(
    resp: &'r Map<String, Value>,
    requests: &'r Requests,
) -> Option<std::borrow::Cow<'r, Map<String, Value>>> {
    use std::borrow::Cow;
    let mut request_id = None;
    for field in ["requestObject", "request"] {
        match resp.get(field) {
            Some(Value::Object(o)) => return Some(Cow::Borrowed(o)),
            Some(Value::String(s)) if !s.is_empty() => match serde_json::from_str::<Value>(s) {
                Ok(Value::Object(o)) => return Some(Cow::Owned(o)),
                Ok(_) => return None,
                Err(_) => request_id = Some(s.clone()),
            },
            _ => {}
        }
    }
    let (_, r) = requests.get(request_id.as_deref()?)?;
    Some(Cow::Borrowed(*r))
}

/// One saved response. Best effort: a saved request that cannot be converted is left out.
fn response(resp: &Map<String, Value>, requests: &Requests) -> Value {
    let mut out = Map::new();
    let name = match resp.get("name") {
        Some(n) if truthy(Some(n)) => n.clone(),
        _ => Value::String("response".into()),
    };
    out.insert("name".into(), name);
    if let Some(saved) = saved_request(resp, requests) {
        put(
            &mut out,
            "originalRequest",
            request(&saved, "").ok().map(Value::Object),
        );
    }
    let code = resp.get("responseCode").and_then(Value::as_object);
    put(
        &mut out,
        "status",
        code.and_then(|c| c.get("name"))
            .filter(|n| truthy(Some(n)))
            .cloned(),
    );
    let number = code.and_then(|c| c.get("code")).and_then(|c| match c {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    });
    put(
        &mut out,
        "code",
        number.filter(|n| *n != 0.0 && n.is_finite()).and_then(|n| {
            // Status codes are integers: `200`, not `200.0`.
            if n.fract() == 0.0 && n.abs() < 1e15 {
                Some(Value::from(n as i64))
            } else {
                serde_json::Number::from_f64(n).map(Value::Number)
            }
        }),
    );
    put(
        &mut out,
        "_postman_previewlanguage",
        resp.get("language").cloned(),
    );
    put(
        &mut out,
        "_postman_previewtype",
        resp.get("previewType").cloned(),
    );
    put(&mut out, "header", resp.get("headers").cloned());
    let cookies = match resp.get("cookies") {
        Some(Value::Array(c)) => c.iter().filter_map(Value::as_object).map(cookie).collect(),
        _ => Vec::new(),
    };
    out.insert("cookie".into(), Value::Array(cookies));
    put(&mut out, "responseTime", resp.get("time").cloned());
    put(&mut out, "body", resp.get("text").cloned());
    Value::Object(out)
}

/// A v1 cookie (`name`, `expirationDate` in seconds, ...) → a v2.1 cookie (`key`, ...).
fn cookie(c: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for field in ["hostOnly", "httpOnly", "secure", "session", "value"] {
        put(&mut out, field, c.get(field).cloned());
    }
    for field in ["domain", "path"] {
        let v = c
            .get(field)
            .filter(|v| truthy(Some(v)))
            .cloned()
            .unwrap_or_else(|| Value::String(String::new()));
        out.insert(field.into(), v);
    }
    put(&mut out, "key", c.get("name").cloned());
    Value::Object(out)
}
