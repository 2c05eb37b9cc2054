//! An item's request `body` in every mode Postman writes (`raw`, `urlencoded`, `formdata`,
//! `file`, `graphql`), read as Newman reads it: a mode it does not know is raw, fields of the
//! wrong type are notes or errors naming the JSON path.

use serde_json::{Map, Value};

use super::model::{Body, FormParam, KeyValue};
use super::parts::{self, Ctx, field, is_switched_off, object, text, truthy};
use super::url::parse_query_string;
use crate::diagnostic::Diagnostic;

/// The body modes postie reads (case-insensitively); any other is read as `raw`.
pub const BODY_MODES: [&str; 5] = ["raw", "urlencoded", "formdata", "graphql", "file"];

/// `body`: `None` when absent, `disabled` (any truthy value, as in JavaScript), without a mode or
/// without data for a file body. The mode is read case-insensitively and an unknown one (a
/// string or not) counts as `raw` (as Postman's SDK does). A string body is a raw body; a
/// number, a boolean or an array is no body, with a note (Newman sends none).
pub(super) fn body(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Option<Body>, Diagnostic> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(obj)) => obj,
        Some(Value::String(s)) => {
            ctx.note(
                at,
                "expected a body object, found a string; sent as a raw body, as Newman does",
            )?;
            return Ok(Some(Body::Raw {
                raw: s.clone(),
                language: None,
            }));
        }
        Some(other) => {
            ctx.ignored(at, "a body object", other)?;
            return Ok(None);
        }
    };
    if obj.get("disabled").is_some_and(truthy) {
        return Ok(None);
    }
    let mode = match obj.get("mode") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(mode)) => mode.to_ascii_lowercase(),
        Some(other) => {
            ctx.note(
                &field(at, "mode"),
                format!(
                    "expected a string, found {}; read as `raw`, as Newman does",
                    parts::kind_of(other)
                ),
            )?;
            "raw".to_string()
        }
    };
    let mode = match mode.as_str() {
        known if BODY_MODES.contains(&known) => known,
        _ => "raw",
    };
    let at = field(at, mode);
    Ok(Some(match mode {
        "urlencoded" => Body::UrlEncoded(match obj.get("urlencoded") {
            Some(Value::String(s)) => parse_query_string(s),
            other => url_encoded(other, ctx, &at)?,
        }),
        "formdata" => Body::FormData(form_data(obj.get("formdata"), ctx, &at)?),
        "graphql" => {
            match obj.get("graphql") {
                None | Some(Value::Null | Value::Object(_)) => {}
                // Newman sends `{}` for it.
                Some(other) => ctx.ignored(&at, "an object", other)?,
            }
            graphql(obj.get("graphql"))
        }
        "file" => match file_body(obj.get("file"), ctx, &at)? {
            Some(body) => body,
            None => return Ok(None),
        },
        _ => Body::Raw {
            raw: raw_text(obj.get("raw"), ctx, &at)?,
            language: obj
                .get("options")
                .and_then(|o| o.get("raw"))
                .and_then(|r| r.get("language"))
                .and_then(|l| text(Some(l))),
        },
    }))
}

/// A file body: `None` without one; a path as a string or in `src`. Anything else is a body
/// Newman reports as an invalid file source and does not send.
fn file_body(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Option<Body>, Diagnostic> {
    Ok(Some(match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => Body::File {
            src: Some(s.clone()),
        },
        Some(Value::Object(file)) => Body::File {
            src: match file.get("src") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => {
                    ctx.ignored(&field(at, "src"), "a file path", other)?;
                    None
                }
            },
        },
        Some(other) => {
            ctx.ignored(at, "a file object", other)?;
            Body::File { src: None }
        }
    }))
}

/// A raw body's text, as Newman sends it: a string as is, `null`/absent as `""`, an object as
/// its JSON text (with a note); a number or a boolean is no body (with a note); an array is an
/// error (it crashes Newman).
fn raw_text(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<String, Diagnostic> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(obj @ Value::Object(_)) => {
            ctx.note(
                at,
                "expected a string, found an object; sent as its JSON text, as Newman does",
            )?;
            Ok(obj.to_string())
        }
        Some(array @ Value::Array(_)) => Err(ctx.wrong(at, "a string", array)),
        Some(other) => {
            ctx.ignored(at, "a string", other)?;
            Ok(String::new())
        }
    }
}

/// `urlencoded` fields: a value that is a list is one field per element, as Newman sends it
/// (with a note).
fn url_encoded(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<KeyValue>, Diagnostic> {
    let mut out = Vec::new();
    for (at, x) in parts::list(v, ctx, at)? {
        let obj = object(x, ctx, &at)?;
        let field_kv = parts::key_value(obj);
        match obj.get("value") {
            Some(Value::Array(values)) => {
                ctx.note(
                    &field(&at, "value"),
                    "expected a string, found an array; sent as one field per element, as \
                     Newman does",
                )?;
                out.extend(values.iter().map(|value| KeyValue {
                    value: crate::collection::js_value::js_string(value),
                    no_value: false,
                    ..field_kv.clone()
                }));
            }
            _ => out.push(field_kv),
        }
    }
    Ok(out)
}

fn form_data(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<FormParam>, Diagnostic> {
    parts::list(v, ctx, at)?
        .into_iter()
        .map(|(at, x)| form_param(object(x, ctx, &at)?, ctx, &at))
        .collect()
}

/// One form field. A file source that is not a string (Newman: "invalid or missing file
/// source", the part is not sent) is kept as an empty path, with a note.
fn form_param(obj: &Map<String, Value>, ctx: Ctx, at: &str) -> Result<FormParam, Diagnostic> {
    let at = field(at, "src");
    let src = match obj.get("src") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) if s.is_empty() => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => out.push(s.clone()),
                    other => {
                        ctx.ignored(&parts::index(&at, i), "a file path", other)?;
                        out.push(String::new());
                    }
                }
            }
            out
        }
        Some(other) => {
            ctx.ignored(&at, "a file path", other)?;
            vec![String::new()]
        }
    };
    Ok(FormParam {
        key: text(obj.get("key")).unwrap_or_default(),
        value: form_value(obj.get("value")),
        is_file: obj.get("type").and_then(Value::as_str) == Some("file"),
        src,
        content_type: text(obj.get("contentType")).filter(|c| !c.is_empty()),
        disabled: is_switched_off(obj),
    })
}

/// A form field's value as Postman sends it: a falsy value (`false`, `0`, `null`, `""`) is empty,
/// other non-strings are their JSON text.
fn form_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null | Value::Bool(false)) => String::new(),
        Some(Value::Number(n)) if n.as_f64() == Some(0.0) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// `graphql: {query, operationName, variables}`, each kept as written.
fn graphql(v: Option<&Value>) -> Body {
    let get = |name: &str| v.and_then(|g| g.get(name)).cloned();
    Body::GraphQl {
        query: get("query"),
        operation_name: get("operationName"),
        variables: get("variables"),
    }
}
