//! From a request as written to the request as sent: variables resolved in URL, headers, body and
//! auth; the body built; auth applied; Postman's default headers added where the user set none.

use super::auth::{AuthEffect, SignInput, apply_auth, digest_replay, ntlm_replay};
use super::body::build_body;
use super::files::FileAccess;
use super::message::{HttpRequest, HttpResponse, find_header};
use crate::collection::{Auth, Body, RequestSpec};
use crate::vars::Scopes;

/// Methods whose body Postman drops unless `disableBodyPruning` is set.
const PRUNED_METHODS: [&str; 5] = ["GET", "COPY", "HEAD", "PURGE", "UNLOCK"];

/// Settings that shape one request beyond its spec.
#[derive(Debug, Clone, Copy)]
pub struct PrepareOptions<'a> {
    /// `protocolProfileBehavior.disableBodyPruning`.
    pub disable_body_pruning: bool,
    /// Where body files may be read from.
    pub files: FileAccess<'a>,
    /// `protocolProfileBehavior.disabledSystemHeaders`: lower-case names of default headers not
    /// to add.
    pub disabled_headers: &'a [String],
}

/// A request ready to send, with anything the user should be told.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// The request as it will go on the wire.
    pub request: HttpRequest,
    /// Warnings (unsupported auth type, unreadable form file, ...).
    pub warnings: Vec<String>,
    /// Credential values from the auth block (password, token, key value, secrets), resolved,
    /// for reporters to mask.
    pub credentials: Vec<String>,
}

/// Resolve and assemble `spec` with the effective `auth` (already inherited).
pub fn prepare_request(
    spec: &RequestSpec,
    auth: Option<&Auth>,
    scopes: &Scopes,
    options: PrepareOptions<'_>,
) -> Prepared {
    let resolve = |text: &str| scopes.resolve(text);
    let mut warnings = Vec::new();

    let mut url = normalize_url(resolve(&spec.url.to_template()).trim());

    let mut headers: Vec<(String, String)> = spec
        .headers
        .iter()
        .filter(|h| !h.disabled && !h.key.trim().is_empty())
        .map(|h| (resolve(&h.key), resolve(&h.value)))
        .collect();

    let method = if spec.method.is_empty() {
        "GET".to_string()
    } else {
        spec.method.to_string()
    };
    let mut body = None;
    let mut body_type = None;
    let mut form_type = None;
    let pruned = PRUNED_METHODS.contains(&method.as_str()) && !options.disable_body_pruning;
    if let Some(spec_body) = spec.body.as_deref().filter(|_| !pruned) {
        let json_type = find_header(&headers, "content-type").is_some_and(|c| c.contains("json"));
        let built = build_body(spec_body, &resolve, json_type, &options.files);
        warnings.extend(built.warnings);
        if let Some(bytes) = built.bytes {
            // A raw body with a language and a GraphQL body get their Content-Type when the
            // request is prepared, before auth (which then sees and may sign it); other bodies
            // (plain raw, file) get it after auth, and urlencoded or form-data bodies after the
            // client's own headers, as in Newman.
            let early = matches!(
                spec_body,
                Body::Raw {
                    language: Some(_),
                    ..
                } | Body::GraphQl { .. }
            );
            let form = matches!(spec_body, Body::UrlEncoded(_) | Body::FormData(_));
            match built.content_type {
                Some(ctype) if form => form_type = Some(ctype),
                Some(ctype) if early => {
                    add_default(
                        &mut headers,
                        options.disabled_headers,
                        "Content-Type",
                        &ctype,
                    );
                }
                other => body_type = other,
            }
            body = Some(bytes);
        }
    }

    let mut credentials = Vec::new();
    if let Some(auth) = auth {
        credentials = auth_credentials(auth, &resolve);
        let input = SignInput {
            method: &method,
            url: &url,
            headers: &headers,
            body: body.as_deref(),
            body_type: body_type.as_deref().or(form_type.as_deref()),
        };
        let result = apply_auth(auth, &resolve, &input);
        warnings.extend(result.warning);
        apply_effects(result.effects, &mut url, &mut headers, &mut body);
    }
    // The Content-Type of the other bodies comes after auth, as in Newman: signers do not see
    // (or sign) it, and it follows the auth headers.
    if let Some(ctype) = body_type {
        add_default(
            &mut headers,
            options.disabled_headers,
            "Content-Type",
            &ctype,
        );
    }

    add_default(
        &mut headers,
        options.disabled_headers,
        "User-Agent",
        concat!("postie/", env!("CARGO_PKG_VERSION")),
    );
    add_default(&mut headers, options.disabled_headers, "Accept", "*/*");
    add_default(
        &mut headers,
        options.disabled_headers,
        "Cache-Control",
        "no-cache",
    );
    add_default(
        &mut headers,
        options.disabled_headers,
        "Postman-Token",
        &uuid::Uuid::new_v4().to_string(),
    );
    add_default(
        &mut headers,
        options.disabled_headers,
        "Accept-Encoding",
        "gzip, deflate, br",
    );
    add_default(
        &mut headers,
        options.disabled_headers,
        "Connection",
        "keep-alive",
    );
    // A urlencoded or multipart body's Content-Type is the last header Newman's client adds.
    if let Some(ctype) = form_type {
        add_default(
            &mut headers,
            options.disabled_headers,
            "Content-Type",
            &ctype,
        );
    }

    // Node's HTTP client announces an empty body on methods that usually carry one.
    const BODYLESS: [&str; 6] = ["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"];
    if body.is_none() && !BODYLESS.contains(&method.to_ascii_uppercase().as_str()) {
        add_default(
            &mut headers,
            options.disabled_headers,
            "Content-Length",
            "0",
        );
        body = Some(Vec::new());
    }

    Prepared {
        request: HttpRequest {
            method,
            url,
            headers,
            body,
        },
        warnings,
        credentials,
    }
}

/// The resolved values of an auth block's secret parameters.
fn auth_credentials(auth: &Auth, resolve: &dyn Fn(&str) -> String) -> Vec<String> {
    const SECRET_PARAMS: [&str; 12] = [
        "password",
        "token",
        "value",
        "accessToken",
        "consumerSecret",
        "tokenSecret",
        "authKey",
        "secretKey",
        "sessionToken",
        "secret",
        "clientSecret",
        "privateKey",
    ];
    let key_is_value = auth.kind == "apikey";
    SECRET_PARAMS
        .iter()
        .filter(|p| **p != "value" || key_is_value)
        .map(|p| resolve(&auth.param(p)))
        .filter(|v| !v.is_empty())
        .collect()
}

/// Append `name=value` (already encoded by the signer) to the query of `url`, before any
/// `#fragment`.
fn add_query_param(url: &mut String, name: &str, value: &str) {
    let hash = url.find('#').unwrap_or(url.len());
    let separator = match url[..hash].find('?') {
        Some(q) if q + 1 == hash || url[..hash].ends_with('&') => "",
        Some(_) => "&",
        None => "?",
    };
    url.insert_str(hash, &format!("{separator}{name}={value}"));
}

/// Digest auth's second step: when `response` to `request` is a digest challenge, the request to
/// replay (same request, `Authorization` signed with the challenge's realm and nonce).
pub fn digest_challenge_replay(
    auth: Option<&Auth>,
    scopes: &Scopes,
    request: &HttpRequest,
    response: &HttpResponse,
) -> Option<HttpRequest> {
    let resolve = |text: &str| scopes.resolve(text);
    let input = SignInput {
        method: &request.method,
        url: &request.url,
        headers: &request.headers,
        body: request.body.as_deref(),
        body_type: None,
    };
    let result = digest_replay(auth?, &resolve, &input, response.status, &response.headers)?;
    Some(with_effects(request, result.effects))
}

/// NTLM auth's handshake: when `response` to `request` is an NTLM challenge, the request to send
/// next (same request, `Authorization: NTLM` with the negotiate or authenticate message). The
/// step follows from the `Authorization` header of `request`, so calling this until it answers
/// `None` runs the whole handshake. The caller must send the replays over one connection.
pub fn ntlm_challenge_replay(
    auth: Option<&Auth>,
    scopes: &Scopes,
    request: &HttpRequest,
    response: &HttpResponse,
) -> Option<HttpRequest> {
    let resolve = |text: &str| scopes.resolve(text);
    let result = ntlm_replay(
        auth?,
        &resolve,
        &request.headers,
        response.status,
        &response.headers,
    )?;
    Some(with_effects(request, result.effects))
}

/// `request` again, with a signer's effects applied (the replay of a challenge).
fn with_effects(request: &HttpRequest, effects: Vec<AuthEffect>) -> HttpRequest {
    let mut replay = request.clone();
    apply_effects(
        effects,
        &mut replay.url,
        &mut replay.headers,
        &mut replay.body,
    );
    replay
}

/// Apply a signer's effects to the request being assembled.
fn apply_effects(
    effects: Vec<AuthEffect>,
    url: &mut String,
    headers: &mut Vec<(String, String)>,
    body: &mut Option<Vec<u8>>,
) {
    for effect in effects {
        match effect {
            AuthEffect::Header(name, value) => {
                headers.retain(|(k, _)| !k.eq_ignore_ascii_case(&name));
                headers.push((name, value));
            }
            AuthEffect::Query(name, value) => add_query_param(url, &name, &value),
            AuthEffect::BodyParam(name, value) => {
                let bytes = body.get_or_insert_with(Vec::new);
                if !bytes.is_empty() {
                    bytes.push(b'&');
                }
                bytes.extend_from_slice(format!("{name}={value}").as_bytes());
            }
        }
    }
}

/// Add `http://` when no scheme is given and `/` when the path is empty, as Postman does.
fn normalize_url(url: &str) -> String {
    let url = if url.contains("://") {
        url.to_string()
    } else {
        format!("http://{url}")
    };
    let authority_start = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[authority_start..];
    match rest.find(['/', '?', '#']) {
        Some(i) if rest.as_bytes()[i] == b'/' => url,
        Some(i) => format!("{}/{}", &url[..authority_start + i], &rest[i..]),
        None => format!("{url}/"),
    }
}

fn add_default(headers: &mut Vec<(String, String)>, disabled: &[String], name: &str, value: &str) {
    let off = disabled.iter().any(|h| h.eq_ignore_ascii_case(name));
    if !off && find_header(headers, name).is_none() {
        headers.push((name.to_string(), value.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Body, KeyValue, UrlSpec, Variable};
    use crate::vars::VariableScope;
    use serde_json::json;
    use std::path::Path;

    fn scopes() -> Scopes {
        let vars = [("base", "http://h"), ("token", "T")].map(|(k, v)| Variable {
            key: k.into(),
            value: json!(v),
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
            auth: None,
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
        assert!(
            r.header("user-agent")
                .is_some_and(|u| u.starts_with("postie/"))
        );
        assert_eq!(r.body, Some(b"{\"a\":1}".to_vec()));
    }

    #[test]
    fn prepare_adds_query_params_before_the_fragment() {
        let mut url = "http://h/p?a=1#frag".to_string();
        add_query_param(&mut url, "k", "v%26w");
        assert_eq!(url, "http://h/p?a=1&k=v%26w#frag");
        let mut url = "http://h/p".to_string();
        add_query_param(&mut url, "k", "v");
        assert_eq!(url, "http://h/p?k=v");
    }

    #[test]
    fn prepare_normalizes_scheme_and_empty_path() {
        assert_eq!(normalize_url("h:1"), "http://h:1/");
        assert_eq!(normalize_url("https://h?a=1"), "https://h/?a=1");
        assert_eq!(normalize_url("http://h/p?a=/"), "http://h/p?a=/");
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
