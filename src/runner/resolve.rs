//! Variables resolved: a request as written ([`RequestSpec`]) and its effective auth, with every
//! `{{name}}` replaced from the run's scopes, become the [`ResolvedRequest`] that `http` assembles
//! and sends. This is the only place a request meets the variable scopes.

use crate::collection::{Auth, Body, FormParam, KeyValue, RequestSpec, value_to_text};
use crate::http::{PrepareOptions, Prepared, ResolvedRequest, assemble};
use crate::vars::Scopes;
use serde_json::Value;

/// Resolve `spec` with the effective `auth` (already inherited) against `scopes` and assemble
/// the request as it will be sent.
pub fn prepare_request(
    spec: &RequestSpec,
    auth: Option<&Auth>,
    scopes: &Scopes,
    options: PrepareOptions<'_>,
) -> Prepared {
    assemble(resolve_request(spec, auth, scopes), options)
}

/// `spec` and `auth` with every template resolved against `scopes`: the URL (as its template
/// text), every header (disabled ones too: the body's hints read them), the body's fields and the
/// auth block's parameters.
pub fn resolve_request(
    spec: &RequestSpec,
    auth: Option<&Auth>,
    scopes: &Scopes,
) -> ResolvedRequest {
    let resolve = |text: &str| scopes.resolve(text);
    ResolvedRequest {
        method: spec.method.to_string(),
        url: resolve(&spec.url.to_template()),
        headers: spec
            .headers
            .iter()
            .map(|h| KeyValue {
                key: resolve(&h.key),
                value: resolve(&h.value),
                ..h.clone()
            })
            .collect(),
        body: spec.body.as_deref().map(|b| resolve_body(b, &resolve)),
        auth: auth.map(|a| resolve_auth(a, &resolve)),
    }
}

/// `body` with its templates resolved (the text of a raw body, form keys, values and file paths,
/// every string of a GraphQL body, a file body's path).
fn resolve_body(body: &Body, resolve: &dyn Fn(&str) -> String) -> Body {
    let pair = |p: &KeyValue| KeyValue {
        key: resolve(&p.key),
        value: resolve(&p.value),
        ..p.clone()
    };
    match body {
        Body::Raw { raw, language } => Body::Raw {
            raw: resolve(raw),
            language: language.clone(),
        },
        Body::UrlEncoded(params) => Body::UrlEncoded(params.iter().map(pair).collect()),
        Body::FormData(params) => Body::FormData(
            params
                .iter()
                .map(|p| FormParam {
                    key: resolve(&p.key),
                    value: resolve(&p.value),
                    src: p.src.iter().map(|s| resolve(s)).collect(),
                    ..p.clone()
                })
                .collect(),
        ),
        Body::GraphQl {
            query,
            operation_name,
            variables,
        } => {
            let json = |v: &Option<Value>| v.as_ref().map(|v| resolve_json(v, resolve));
            Body::GraphQl {
                query: json(query),
                operation_name: json(operation_name),
                variables: json(variables),
            }
        }
        Body::File { src } => Body::File {
            src: src.as_deref().map(resolve),
        },
    }
}

/// `auth` with its parameters resolved. A text parameter is resolved; an array or object one
/// that holds a template becomes the resolved text of its JavaScript `String()` form (what a
/// signer reads of it); other values stay as they are.
fn resolve_auth(auth: &Auth, resolve: &dyn Fn(&str) -> String) -> Auth {
    let params = auth
        .params
        .iter()
        .map(|(key, value)| {
            let value = match value {
                Value::String(s) => Value::String(resolve(s)),
                Value::Array(_) | Value::Object(_) => {
                    let text = value_to_text(value);
                    if text.contains("{{") {
                        Value::String(resolve(&text))
                    } else {
                        value.clone()
                    }
                }
                other => other.clone(),
            };
            (key.clone(), value)
        })
        .collect();
    Auth {
        kind: auth.kind.clone(),
        params,
        types: auth.types.clone(),
    }
}

/// `value` with every string in it resolved.
pub fn resolve_json(value: &Value, resolve: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(resolve(s)),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| resolve_json(v, resolve)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), resolve_json(v, resolve)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{UrlSpec, Variable};
    use crate::http::files::FileAccess;
    use crate::http::headers::USER_AGENT;
    use crate::vars::VariableScope;
    use serde_json::json;
    use std::path::Path;

    fn scopes() -> Scopes {
        let vars = [("base", "http://h"), ("token", "T")].map(|(k, v)| Variable {
            key: k.into(),
            value: Some(json!(v)),
            kind: None,
            disabled: false,
        });
        Scopes {
            environment: VariableScope::from_variables(&vars),
            ..Scopes::default()
        }
    }

    fn spec(method: &str) -> RequestSpec {
        RequestSpec {
            method: method.to_string().into(),
            url: UrlSpec {
                raw: "{{base}}/x".into(),
                ..UrlSpec::default()
            },
            headers: vec![
                KeyValue {
                    key: "Authorization".into(),
                    value: "Bearer {{token}}".into(),
                    disabled: false,
                    ..KeyValue::default()
                },
                KeyValue {
                    key: "X-Off".into(),
                    value: "1".into(),
                    disabled: true,
                    ..KeyValue::default()
                },
            ],
            body: Some(Box::new(Body::Raw {
                raw: "{\"a\":1}".into(),
                language: Some("json".into()),
            })),
            script_body: None,
            auth: None,
            description: None,
        }
    }

    fn options() -> PrepareOptions<'static> {
        PrepareOptions {
            disable_body_pruning: false,
            files: FileAccess {
                working_dir: Path::new("."),
                allow_outside: true,
            },
            disabled_headers: &[],
            disable_url_encoding: false,
        }
    }

    #[test]
    fn prepare_resolves_and_adds_defaults() {
        let p = prepare_request(&spec("POST"), None, &scopes(), options());
        let r = p.request;
        assert_eq!(r.url, "http://h/x");
        assert_eq!(r.header("authorization"), Some("Bearer T"));
        assert_eq!(r.header("x-off"), None);
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.header("accept"), Some("*/*"));
        assert_eq!(r.header("user-agent"), Some(USER_AGENT));
        assert_eq!(r.header("host"), Some("h"));
        assert_eq!(r.body, Some(b"{\"a\":1}".to_vec()));
    }

    #[test]
    fn prepare_skips_disabled_system_headers() {
        let disabled = ["user-agent".to_string(), "Postman-Token".to_string()];
        let options = PrepareOptions {
            disabled_headers: &disabled,
            ..options()
        };
        let r = prepare_request(&spec("POST"), None, &scopes(), options).request;
        assert_eq!(r.header("user-agent"), None);
        assert_eq!(r.header("postman-token"), None);
        assert_eq!(r.header("accept"), Some("*/*"));
    }

    #[test]
    fn prepare_prunes_get_body_unless_disabled() {
        let p = prepare_request(&spec("GET"), None, &scopes(), options());
        assert_eq!(p.request.body, None);
        let keep = PrepareOptions {
            disable_body_pruning: true,
            ..options()
        };
        assert!(
            prepare_request(&spec("GET"), None, &scopes(), keep)
                .request
                .body
                .is_some()
        );
    }
}
