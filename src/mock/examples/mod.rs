//! `postie mock COLLECTION`: a collection's saved examples served on 127.0.0.1, chosen as
//! Postman's mock servers choose them ([`matching`]). Every request goes to one handler: the
//! example that matches answers with its status code, headers and body (`{{name}}` in header
//! values and the body resolved as Postman's mocks do: a template helper reading the request
//! ([`helpers`]), an environment variable (`-e`), else a collection variable, else a dynamic
//! variable such as `{{$guid}}`; other names stay as written); no example → 404 with a JSON body naming the request and why each example was
//! ruled out.

pub mod gather;
pub mod helpers;
pub mod matching;

use std::io;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::server::{MockHandle, serve_router_until_ctrl_c, spawn_router};
use crate::collection::{read_json, v1, v3};
use crate::diagnostic::Diagnostic;
use gather::Example;
use matching::{Incoming, choose};

/// Largest request body read for matching.
const BODY_LIMIT: usize = 1024 * 1024;
/// Response headers not copied from an example: the server sets its own framing, and the
/// example's body is stored decoded.
const SKIPPED_HEADERS: [&str; 4] = [
    "content-length",
    "transfer-encoding",
    "content-encoding",
    "connection",
];

/// A collection's examples and its variables.
#[derive(Debug, Clone)]
pub struct ExampleSet {
    /// The examples, in collection order.
    pub examples: Vec<Example>,
    /// Collection variables (resolved in response headers and bodies).
    pub variables: Vec<(String, String)>,
    /// Environment variables (`-e`), which win over collection variables.
    pub environment: Vec<(String, String)>,
}

impl ExampleSet {
    /// Load the examples of the collection file at `path` (v1 collections are converted first).
    pub fn load(path: &Path) -> Result<ExampleSet, Diagnostic> {
        // A v3 folder is read as the v2.1 document it stands for (its warnings are `run`'s and
        // `convert`'s business).
        let mut doc = if v3::is_v3_dir(path) {
            v3::read_dir(path)?.0
        } else {
            read_json(path, "collection")?
        };
        if let Some(inner) = doc
            .get("collection")
            .filter(|_| doc.as_object().is_some_and(|o| o.len() == 1))
        {
            doc = inner.clone();
        }
        if v1::is_v1(&doc) {
            doc = v1::convert_v1(&doc).map_err(|why| Diagnostic::in_file(path, why))?;
        }
        let Some(root) = doc.as_object() else {
            return Err(Diagnostic::in_file(
                path,
                "this is not a Postman collection",
            ));
        };
        let variables = match root.get("variable") {
            Some(Value::Array(vars)) => vars
                .iter()
                .filter(|v| v.get("disabled") != Some(&Value::Bool(true)))
                .filter_map(|v| {
                    Some((
                        v.get("key")?.as_str()?.to_string(),
                        value_text(v.get("value")),
                    ))
                })
                .collect(),
            _ => Vec::new(),
        };
        let examples = gather::gather(root);
        if examples.is_empty() {
            return Err(Diagnostic::in_file(path, "the collection has no saved examples to serve")
                .with_hint("save a response as an example in Postman (it lands in the request's `response` list)"));
        }
        Ok(ExampleSet {
            examples,
            variables,
            environment: Vec::new(),
        })
    }

    /// The router answering every request from the examples.
    pub fn router(self) -> Router {
        Router::new().fallback(answer).with_state(Arc::new(self))
    }
}

fn value_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Serve `set` on 127.0.0.1:port (0 = ephemeral) on a thread of its own.
pub fn spawn(set: ExampleSet, port: u16) -> io::Result<MockHandle> {
    spawn_router(set.router(), port)
}

/// Serve `set` in the foreground until Ctrl-C.
pub fn serve_until_ctrl_c(set: ExampleSet, port: u16, from: &Path) -> io::Result<()> {
    let banner = format!(
        "serving {} example{} on http://{{addr}} (from {})",
        set.examples.len(),
        if set.examples.len() == 1 { "" } else { "s" },
        from.display()
    );
    serve_router_until_ctrl_c(set.router(), port, &banner)
}

/// The handler: match, then answer.
async fn answer(State(set): State<Arc<ExampleSet>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let incoming = Incoming {
        method: parts.method.as_str().to_ascii_uppercase(),
        path: parts
            .uri
            .path()
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect(),
        query: parts
            .uri
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    match choose(&set.examples, &incoming) {
        Ok(example) => respond(example, &set, &incoming),
        Err(tried) => not_found(&incoming, parts.uri.path(), &tried),
    }
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// `text` with its `{{name}}` references resolved: template helpers reading the request
/// (`{{$body 'a.b'}}`), environment, collection and dynamic variables.
fn resolve(text: &str, set: &ExampleSet, incoming: &Incoming) -> String {
    crate::vars::template::resolve(text, &mut |name| {
        if let Some(value) = helpers::helper(name, incoming) {
            return Some(value);
        }
        let find = |list: &[(String, String)]| {
            list.iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        find(&set.environment)
            .or_else(|| find(&set.variables))
            .or_else(|| crate::vars::dynamic::dynamic_value(name))
    })
}

/// The example's response.
fn respond(example: &Example, set: &ExampleSet, incoming: &Incoming) -> Response {
    let body = resolve(&example.response_body, set, incoming);
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(example.code).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    for (key, value) in &example.response_headers {
        if SKIPPED_HEADERS.contains(&key.to_ascii_lowercase().as_str()) {
            continue;
        }
        if let (Ok(k), Ok(v)) = (
            HeaderName::try_from(key.as_str()),
            HeaderValue::try_from(resolve(value, set, incoming)),
        ) {
            headers.append(k, v);
        }
    }
    response
}

/// 404: the request and why each example was ruled out.
fn not_found(incoming: &Incoming, path: &str, tried: &[matching::Tried]) -> Response {
    let tried: Vec<Value> = tried
        .iter()
        .map(|t| json!({"example": t.example, "request": t.item, "url": t.request, "reason": t.reason}))
        .collect();
    let body = json!({
        "error": {
            "name": "mockRequestNotFoundError",
            "message": "No example matches this request: check the method, the path and the x-mock-response-* headers.",
            "header": "No matching requests",
        },
        "request": {"method": incoming.method, "path": path, "query": incoming.query.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>()},
        "tried": tried,
    });
    let mut response = Response::new(Body::from(format!("{body:#}")));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
