//! A collection's saved examples (`response[]` of each request, at any depth), each with the
//! request it answers (`originalRequest`, else the item's own request) reduced to what matching
//! looks at: method, path segments, query parameters, body and headers.

use serde_json::{Map, Value};

/// One segment of an example's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text that must be there (compared case-insensitively, exact preferred).
    Literal(String),
    /// `:name` or `{{name}}`: any one segment.
    Any,
}

/// A saved example, ready to match and to answer.
#[derive(Debug, Clone)]
pub struct Example {
    /// The example's name.
    pub name: String,
    /// Its `id` (or `_postman_id`), if any.
    pub id: Option<String>,
    /// The request item it belongs to, by name.
    pub item: String,
    /// Method of the request it answers, upper-case.
    pub method: String,
    /// The request's URL as written (for messages).
    pub url: String,
    /// Path segments (host and scheme left out).
    pub path: Vec<Segment>,
    /// Enabled query parameters, as written.
    pub query: Vec<(String, String)>,
    /// Raw body of the request, if any.
    pub body: Option<String>,
    /// Enabled request headers.
    pub headers: Vec<(String, String)>,
    /// Status code to answer with.
    pub code: u16,
    /// Response headers.
    pub response_headers: Vec<(String, String)>,
    /// Response body.
    pub response_body: String,
}

/// Every example under an `item` list, in document order.
pub fn gather(root: &Map<String, Value>) -> Vec<Example> {
    let mut out = Vec::new();
    walk(root.get("item"), &mut out);
    out
}

fn walk(items: Option<&Value>, out: &mut Vec<Example>) {
    let Some(Value::Array(items)) = items else {
        return;
    };
    for item in items.iter().filter_map(Value::as_object) {
        if item.get("item").is_some_and(Value::is_array) {
            walk(item.get("item"), out);
            continue;
        }
        let name = text(item.get("name"));
        let Some(Value::Array(responses)) = item.get("response") else {
            continue;
        };
        for response in responses.iter().filter_map(Value::as_object) {
            let request = response
                .get("originalRequest")
                .filter(|r| !r.is_null())
                .or_else(|| item.get("request"));
            out.push(example(&name, request, response));
        }
    }
}

fn example(item: &str, request: Option<&Value>, response: &Map<String, Value>) -> Example {
    let empty = Map::new();
    let (request, url) = match request {
        Some(Value::String(url)) => (&empty, Some(Value::String(url.clone()))),
        Some(Value::Object(obj)) => (obj, obj.get("url").cloned()),
        _ => (&empty, None),
    };
    let (raw, path, query) = url_parts(url.as_ref());
    Example {
        name: text(response.get("name")),
        id: response
            .get("id")
            .or_else(|| response.get("_postman_id"))
            .and_then(Value::as_str)
            .map(str::to_string),
        item: item.to_string(),
        method: request
            .get("method")
            .and_then(Value::as_str)
            .unwrap_or("GET")
            .to_ascii_uppercase(),
        url: raw,
        path,
        query,
        body: request
            .get("body")
            .and_then(|b| b.get("raw"))
            .and_then(Value::as_str)
            .map(str::to_string),
        headers: pairs(request.get("header")),
        code: response
            .get("code")
            .and_then(Value::as_u64)
            .and_then(|c| u16::try_from(c).ok())
            .filter(|c| (100..=999).contains(c))
            .unwrap_or(200),
        response_headers: pairs(response.get("header")),
        response_body: text(response.get("body")),
    }
}

/// The raw URL, its path segments and its query from a URL string or object.
fn url_parts(url: Option<&Value>) -> (String, Vec<Segment>, Vec<(String, String)>) {
    match url {
        Some(Value::String(raw)) => {
            let (path, query) = split_raw(raw);
            (raw.clone(), path, query)
        }
        Some(Value::Object(obj)) => {
            let raw = text(obj.get("raw"));
            let (raw_path, raw_query) = split_raw(&raw);
            let path = match obj.get("path") {
                Some(Value::Array(parts)) => parts
                    .iter()
                    .map(|p| segment(&text(Some(p))))
                    .filter(|s| *s != Segment::Literal(String::new()))
                    .collect(),
                Some(Value::String(p)) => split_path(p),
                _ => raw_path,
            };
            let query = match obj.get("query") {
                Some(Value::Array(_)) => pairs(obj.get("query")),
                _ => raw_query,
            };
            (raw, path, query)
        }
        _ => (String::new(), Vec::new(), Vec::new()),
    }
}

/// Path segments and query of a raw URL: scheme and host (or a leading `{{baseUrl}}`) dropped.
fn split_raw(raw: &str) -> (Vec<Segment>, Vec<(String, String)>) {
    let raw = raw.split('#').next().unwrap_or("");
    let (before, query) = raw.split_once('?').unwrap_or((raw, ""));
    let rest = match before.split_once("://") {
        Some((_, rest)) => rest,
        None => before,
    };
    // What comes before the first `/` is the host (or a variable holding the base URL).
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    let query = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    (split_path(path), query)
}

fn split_path(path: &str) -> Vec<Segment> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(segment)
        .collect()
}

fn segment(text: &str) -> Segment {
    if text.starts_with(':') || text.contains("{{") {
        Segment::Any
    } else {
        Segment::Literal(text.to_string())
    }
}

/// Enabled `key`/`value` pairs of a list (headers, query parameters).
fn pairs(list: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Array(list)) = list else {
        return Vec::new();
    };
    list.iter()
        .filter_map(Value::as_object)
        .filter(|p| p.get("disabled") != Some(&Value::Bool(true)))
        .map(|p| (text(p.get("key")), text(p.get("value"))))
        .collect()
}

/// A string value, or a scalar rendered; empty for anything else.
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_urls_lose_their_host_and_keep_variables_as_wildcards() {
        let (path, query) = split_raw("{{baseUrl}}/users/:id/{{kind}}/x?a=1&b");
        assert_eq!(
            path,
            vec![
                Segment::Literal("users".into()),
                Segment::Any,
                Segment::Any,
                Segment::Literal("x".into())
            ]
        );
        assert_eq!(
            query,
            vec![("a".into(), "1".into()), ("b".into(), "".into())]
        );
        let (path, _) = split_raw("https://h.example:8080/a/b/");
        assert_eq!(path.len(), 2);
        assert!(split_raw("http://h").0.is_empty());
    }
}
