//! From a request as written to the request as sent: variables resolved in URL, headers, body and
//! auth; the body built; auth applied; Postman's default headers added where the user set none.

use super::auth::{AuthEffect, SignInput, apply_auth};
use super::body::{BodyHints, BuiltBody, ContentTypeSource, build_body};
use super::files::FileAccess;
use super::headers::{HeaderObject, USER_AGENT};
use super::message::HttpError;
use super::message::{HttpRequest, find_header};
use crate::collection::{Auth, Body, KeyValue};

mod url_checks;

use url_checks::{
    add_query_param, header_error, method_error, percent_decode, remove_query_param, shown_url,
    url_basic_auth, wire_url,
};

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
    /// `protocolProfileBehavior.disableUrlEncoding`: send path, query and fragment as written.
    pub disable_url_encoding: bool,
}

/// A request ready to send, with anything the user should be told.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// The request as it will go on the wire.
    pub request: HttpRequest,
    /// Warnings (unsupported auth type, unreadable form file, ...).
    pub warnings: Vec<String>,
    /// Warnings to repeat once a response arrived: Newman's runtime runs its auth lookup again
    /// after the response (the `post` hook), so an auth type it has no handler for warns twice.
    pub response_warnings: Vec<String>,
    /// Credential values from the auth block (password, token, key value, secrets), resolved,
    /// for reporters to mask.
    pub credentials: Vec<String>,
    /// Why the request cannot be sent at all (empty URL, bad port, invalid header), as Newman
    /// reports it: the runner reports this instead of sending.
    pub error: Option<HttpError>,
    /// The headers as Postman's request object holds them after sending (what a test script's
    /// `pm.request.headers` lists): the list the runtime built (repeated names kept), with the
    /// `Content-Length` and `Cookie` that were sent.
    pub script_headers: Vec<(String, String)>,
    /// For each of `script_headers`: added by the runtime rather than written by the user
    /// (Postman marks those `system: true`).
    pub system_headers: Vec<bool>,
    /// The effective auth, resolved: digest and NTLM answer the server's challenges with it.
    pub auth: Option<Auth>,
    /// The URL as Newman's CLI shows it (`url.toString()`): as written and resolved, not
    /// encoded, with the query parameters auth added.
    pub display_url: String,
    /// The body's `mode` when a body is sent (`raw`, `urlencoded`, ...): `--verbose` shows it.
    pub body_mode: Option<&'static str>,
}

impl Prepared {
    /// The `Authorization` header of the request as prepared (before any challenge).
    pub fn authorization(&self) -> Option<(String, String)> {
        authorization(&self.request.headers)
    }

    /// Take the request that finally went out (`sent`, after the auth layers). When a challenge
    /// was answered (digest, NTLM) its `Authorization` header differs from `prepared_auth`, the
    /// one prepared, and Postman's request object holds the new one, added last as a runtime
    /// header.
    pub fn learn_sent(&mut self, sent: HttpRequest, prepared_auth: Option<(String, String)>) {
        let replayed = authorization(&sent.headers);
        self.request = sent;
        let Some(replayed) = replayed.filter(|r| prepared_auth.as_ref() != Some(r)) else {
            return;
        };
        self.system_headers.resize(self.script_headers.len(), false);
        let mut i = 0;
        while i < self.script_headers.len() {
            if self.script_headers[i]
                .0
                .eq_ignore_ascii_case("authorization")
            {
                self.script_headers.remove(i);
                self.system_headers.remove(i);
            } else {
                i += 1;
            }
        }
        self.script_headers.push(replayed);
        self.system_headers.push(true);
    }
}

/// The first `Authorization` header of `headers`.
fn authorization(headers: &[(String, String)]) -> Option<(String, String)> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .cloned()
}

/// A request with every variable resolved (see `runner::resolve`): what [`assemble`] builds the
/// request on the wire from.
#[derive(Debug, Clone, Default)]
pub struct ResolvedRequest {
    /// The method as written (`""` means `GET`).
    pub method: String,
    /// The URL text, resolved but not yet encoded.
    pub url: String,
    /// Every header as written, disabled ones included, key and value resolved.
    pub headers: Vec<KeyValue>,
    /// The body with its templates resolved.
    pub body: Option<Body>,
    /// The effective auth (already inherited) with its parameters resolved.
    pub auth: Option<Auth>,
}

/// Assemble the request on the wire from the resolved `spec`.
///
/// The headers come out as Newman sends them: the user's enabled headers, a raw or GraphQL body's
/// `Content-Type`, auth headers, Postman's defaults (`User-Agent` ... `Connection`, each only when
/// the user set none and `disabledSystemHeaders` does not turn it off), then what the HTTP library
/// adds (a form's `Content-Type`, `Content-Length`); see [`HeaderObject`] for how repeated names
/// collapse.
pub fn assemble(spec: ResolvedRequest, options: PrepareOptions<'_>) -> Prepared {
    let mut warnings = Vec::new();
    let disabled = |name: &str| {
        options
            .disabled_headers
            .iter()
            .any(|h| h.eq_ignore_ascii_case(name))
    };

    let (mut url, mut error) = wire_url(&spec.url, options.disable_url_encoding);
    let mut display_url = shown_url(&spec.url);

    let mut headers = enabled_headers(&spec);

    let method = wire_method(&spec.method);
    let built = wire_body(&spec, &headers, &method, &options, &mut warnings);
    let user_headers = headers.clone();
    let mut body = built.as_ref().and_then(|b| b.bytes.clone());
    let runtime_type = |headers: &mut Vec<(String, String)>, source: ContentTypeSource| {
        add_runtime_type(headers, built.as_ref(), source, &disabled);
    };
    runtime_type(&mut headers, ContentTypeSource::RuntimeBeforeAuth);

    let credentials = spec.auth.as_ref().map_or_else(Vec::new, auth_credentials);
    let mut response_warnings = Vec::new();
    if let Some(auth) = &spec.auth {
        // Signers see the body's own type when the user set none.
        let body_type = built.as_ref().and_then(|b| b.content_type.as_deref());
        let mut request = (&mut url, &mut headers, &mut body);
        let warning = sign(auth, &method, &mut request, body_type, &mut display_url);
        if !auth.kind.is_empty() && !super::auth::has_handler(&auth.kind) {
            response_warnings.extend(warning.clone());
        }
        warnings.extend(warning);
    }
    runtime_type(&mut headers, ContentTypeSource::Runtime);
    add_defaults(&mut headers, &url, &disabled);

    let mut script_headers = headers.clone();
    let mut object = HeaderObject::from_list(headers);
    let additions = LibraryAdditions {
        built: built.as_ref(),
        body: body.as_deref(),
        method: &method,
        basic: url_basic_auth(&url),
    };
    library_headers(&mut object, &additions, &disabled);
    if body.is_none() && !BODYLESS.contains(&method.as_str()) {
        body = Some(Vec::new());
    }
    let headers = object.into_wire();
    let utf8_head = text_body(&spec, body.as_deref());
    let unframed = disabled("content-length") && find_header(&headers, "content-length").is_none();
    learn_sent_headers(&mut script_headers, &headers);
    if error.is_none() {
        error = method_error(&method).or_else(|| header_error(&headers));
    }

    Prepared {
        request: HttpRequest {
            method,
            url,
            headers,
            utf8_head,
            body,
            unframed,
        },
        warnings,
        response_warnings,
        credentials,
        error,
        system_headers: system_flags(&user_headers, &script_headers, built.is_some()),
        script_headers,
        body_mode: built.as_ref().and(spec.body.as_ref()).map(|b| b.mode()),
        auth: spec.auth,
        display_url,
    }
}

/// The method as sent: an empty one goes out as `GET`.
fn wire_method(method: &str) -> String {
    if method.is_empty() {
        "GET".to_string()
    } else {
        method.to_string()
    }
}

/// True when Newman's HTTP client writes the body as a string (raw, urlencoded, form-data and
/// GraphQL bodies that are not empty), which Node sends in one piece with the request head.
fn text_body(spec: &ResolvedRequest, body: Option<&[u8]>) -> bool {
    body.is_some_and(|b| !b.is_empty())
        && matches!(
            spec.body.as_ref(),
            Some(Body::Raw { .. } | Body::UrlEncoded(_) | Body::FormData(_) | Body::GraphQl { .. })
        )
}

/// The user's enabled headers (disabled ones and ones without a name left out).
fn enabled_headers(spec: &ResolvedRequest) -> Vec<(String, String)> {
    spec.headers
        .iter()
        .filter(|h| !h.disabled && !h.key.is_empty())
        .map(|h| (h.key.clone(), h.value.clone()))
        .collect()
}

/// The built body (its warnings go to `warnings`); `None` without body bytes, or when the
/// method's body is pruned.
fn wire_body(
    spec: &ResolvedRequest,
    headers: &[(String, String)],
    method: &str,
    options: &PrepareOptions<'_>,
    warnings: &mut Vec<String>,
) -> Option<BuiltBody> {
    let body = spec.body.as_ref()?;
    let built = build_body(body, &body_hints(&spec.headers, headers), &options.files);
    warnings.extend(built.warnings.iter().cloned());
    let pruned = PRUNED_METHODS.contains(&method) && !options.disable_body_pruning;
    Some(built).filter(|b| b.bytes.is_some() && !pruned)
}

/// The request being assembled: URL, headers, body.
type Parts<'a> = (
    &'a mut String,
    &'a mut Vec<(String, String)>,
    &'a mut Option<Vec<u8>>,
);

/// Apply `auth` to the request being assembled (its query parameters, decoded, to `display`
/// too); the signer's warning, if any.
fn sign(
    auth: &Auth,
    method: &str,
    (url, headers, body): &mut Parts<'_>,
    body_type: Option<&str>,
    display: &mut String,
) -> Option<String> {
    let input = SignInput {
        method,
        url,
        headers,
        body: body.as_deref(),
        body_type,
    };
    let result = apply_auth(auth, &input);
    let decoded = percent_decode;
    for effect in &result.effects {
        match effect {
            AuthEffect::Query(name, value) => {
                add_query_param(display, &decoded(name), &decoded(value))
            }
            AuthEffect::SetQuery(name, value) => {
                remove_query_param(display, &decoded(name));
                add_query_param(display, &decoded(name), &decoded(value));
            }
            AuthEffect::RemoveQuery(name) => remove_query_param(display, &decoded(name)),
            _ => {}
        }
    }
    apply_effects(result.effects, url, headers, body);
    result.warning
}

/// The body's own `Content-Type` when it comes from `source`, where the user set none and
/// `disabledSystemHeaders` does not turn it off.
fn add_runtime_type(
    headers: &mut Vec<(String, String)>,
    built: Option<&BuiltBody>,
    source: ContentTypeSource,
    disabled: &dyn Fn(&str) -> bool,
) {
    if let Some(ctype) = built
        .filter(|b| b.source == source)
        .and_then(|b| b.content_type.as_deref())
        && find_header(headers, "content-type").is_none()
        && !disabled("content-type")
    {
        headers.push(("Content-Type".to_string(), ctype.to_string()));
    }
}

/// For each of `script_headers`: not one the user wrote (Postman's `system: true`).
fn system_flags(
    user: &[(String, String)],
    script_headers: &[(String, String)],
    has_body: bool,
) -> Vec<bool> {
    let user: std::collections::HashSet<&(String, String)> = user.iter().collect();
    script_headers
        .iter()
        .map(|h| {
            // The runtime upserts a body's Content-Length as its own, the user's too.
            !user.contains(h) || (has_body && h.0.eq_ignore_ascii_case("content-length"))
        })
        .collect()
}

/// Postman's default headers (`User-Agent` ... `Connection`), each where the user set none and
/// `disabledSystemHeaders` does not turn it off; `Host` only for a URL with a host.
fn add_defaults(headers: &mut Vec<(String, String)>, url: &str, disabled: &dyn Fn(&str) -> bool) {
    let host = reqwest::Url::parse(url)
        .ok()
        .and_then(|u| super::client::default_host(&u));
    let token = uuid::Uuid::new_v4().to_string();
    let defaults = [
        ("User-Agent", USER_AGENT),
        ("Accept", "*/*"),
        ("Cache-Control", "no-cache"),
        ("Postman-Token", token.as_str()),
        ("Host", host.as_deref().unwrap_or_default()),
        ("Accept-Encoding", "gzip, deflate, br"),
        ("Connection", "keep-alive"),
    ];
    for (name, value) in defaults {
        if !disabled(name)
            && find_header(headers, name).is_none()
            && !(name == "Host" && host.is_none())
        {
            headers.push((name.to_string(), value.to_string()));
        }
    }
}

/// Newman's request object learns the sent `Content-Length` and `Cookie` (upserted: a single
/// one keeps its place, repeated ones are replaced by one at the end).
fn learn_sent_headers(script_headers: &mut Vec<(String, String)>, sent: &[(String, String)]) {
    for (name, value) in sent {
        if !name.eq_ignore_ascii_case("content-length") && !name.eq_ignore_ascii_case("cookie") {
            continue;
        }
        let same: Vec<usize> = (0..script_headers.len())
            .filter(|&i| script_headers[i].0.eq_ignore_ascii_case(name))
            .collect();
        if let [only] = same[..] {
            script_headers[only].1 = value.clone();
        } else {
            script_headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
            script_headers.push((name.clone(), value.clone()));
        }
    }
}

/// Methods for which no `Content-Length: 0` is announced without a body (as Node does).
const BODYLESS: [&str; 6] = ["GET", "HEAD", "TRACE", "DELETE", "CONNECT", "OPTIONS"];

/// What the user's headers tell the body builder: whether a raw body without a language is JSON
/// (the `Content-Type` headers as written, disabled ones too: with several, the first enabled one
/// decides, a single one decides even when disabled, as in Postman's runtime) and the boundary
/// of a user `multipart/form-data; boundary=...` type.
fn body_hints(written: &[KeyValue], enabled: &[(String, String)]) -> BodyHints {
    let types: Vec<_> = written
        .iter()
        .filter(|h| h.key.eq_ignore_ascii_case("content-type"))
        .collect();
    let deciding = match types.as_slice() {
        [one] => Some(*one),
        many => many.iter().find(|h| !h.disabled).copied(),
    };
    let json_content_type = deciding.is_some_and(|h| is_json_type(&h.value));
    let first = enabled
        .iter()
        .position(|(k, _)| k.eq_ignore_ascii_case("content-type"));
    let repeated =
        first.is_some_and(|i| enabled.iter().filter(|(k, _)| *k == enabled[i].0).count() > 1);
    let boundary = first
        .filter(|_| !repeated)
        .and_then(|i| multipart_boundary(&enabled[i].1));
    BodyHints {
        json_content_type,
        boundary,
    }
}

/// `application/json`, `application/<x>+json` (and anything they start).
fn is_json_type(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("application/") else {
        return false;
    };
    if rest.starts_with("json") {
        return true;
    }
    // `<x>+json` where `<x>` has no whitespace.
    rest.char_indices()
        .take_while(|(_, c)| !c.is_whitespace())
        .any(|(i, c)| c == '+' && i > 0 && rest[i + 1..].starts_with("json"))
}

/// The boundary of `multipart/form-data;...boundary=B` (`B` quoted or up to `;`).
fn multipart_boundary(value: &str) -> Option<String> {
    let rest = value.strip_prefix("multipart/form-data;")?;
    let at = rest.rfind("boundary=")? + "boundary=".len();
    let b = &rest[at..];
    let b = match b.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"')?],
        None => b.split(';').next().unwrap_or(""),
    };
    (!b.is_empty()).then(|| b.to_string())
}

/// What the HTTP library works from when it adds its headers.
struct LibraryAdditions<'a> {
    built: Option<&'a BuiltBody>,
    body: Option<&'a [u8]>,
    method: &'a str,
    /// `Authorization` from the URL's user info.
    basic: Option<String>,
}

/// The headers Newman's HTTP library adds: a form's `Content-Type` (replacing a user type that
/// does not fit, where it stands, unless `disabledSystemHeaders` turns `content-type` off, in
/// which case a user type stays and none is added), `Authorization` from the URL's user info,
/// `Content-Length`, and a file body's `Content-Type` after it.
fn library_headers(
    object: &mut HeaderObject,
    additions: &LibraryAdditions<'_>,
    disabled: &dyn Fn(&str) -> bool,
) {
    let (built, body, method) = (additions.built, additions.body, additions.method);
    let source = built.map(|b| b.source);
    let ctype = built.and_then(|b| b.content_type.clone());
    let user_type = object
        .get("content-type")
        .and_then(|v| v.first().cloned().filter(|_| v.len() == 1));
    if let (Some(ContentTypeSource::Library), Some(ctype)) = (source, &ctype) {
        let fits = user_type.as_deref().is_some_and(|t| {
            if ctype.starts_with("multipart/") {
                multipart_boundary(t).is_some()
            } else {
                t.starts_with("application/x-www-form-urlencoded")
                    && !t["application/x-www-form-urlencoded".len()..]
                        .starts_with(|c: char| c.is_alphanumeric() || c == '_')
            }
        });
        let keep_user = object.has("content-type") && disabled("content-type");
        if !fits && !keep_user {
            object.set("Content-Type", ctype.clone());
        }
        if disabled("content-type") && user_type.is_none() {
            object.remove("content-type");
        }
    }
    if let Some(basic) = &additions.basic
        && !object.has("authorization")
    {
        object.set("Authorization", basic.clone());
    }
    let length_off = disabled("content-length");
    match body {
        Some(bytes) if !object.has("content-length") && !length_off => {
            object.set("Content-Length", bytes.len().to_string());
        }
        None if !BODYLESS.contains(&method) && !object.has("content-length") && !length_off => {
            object.set("Content-Length", "0".to_string());
        }
        _ => {}
    }
    if let (Some(ContentTypeSource::File), Some(ctype)) = (source, ctype)
        && body.is_some()
        && !object.has("content-type")
        && !disabled("content-type")
    {
        object.set("Content-Type", ctype);
    }
}

/// The resolved values of an auth block's secret parameters.
fn auth_credentials(auth: &Auth) -> Vec<String> {
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
        .map(|p| auth.param(p))
        .filter(|v| !v.is_empty())
        .collect()
}

/// Apply a signer's effects to the request being assembled (or replayed).
pub(super) fn apply_effects(
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
            AuthEffect::RemoveHeader(name) => {
                headers.retain(|(k, _)| !k.eq_ignore_ascii_case(&name))
            }
            AuthEffect::RemoveQuery(name) => remove_query_param(url, &name),
            AuthEffect::SetQuery(name, value) => {
                remove_query_param(url, &name);
                add_query_param(url, &name, &value);
            }
            AuthEffect::BodyParam(name, value) => {
                let bytes = body.get_or_insert_with(Vec::new);
                if !bytes.is_empty() {
                    bytes.push(b'&');
                }
                bytes.extend_from_slice(format!("{name}={value}").as_bytes());
            }
            AuthEffect::RemoveBodyParam(name) => {
                if let Some(bytes) = body.as_mut() {
                    let kept: Vec<&[u8]> = bytes
                        .split(|b| *b == b'&')
                        .filter(|pair| {
                            let key = pair.split(|b| *b == b'=').next().unwrap_or_default();
                            key != name.as_bytes()
                        })
                        .collect();
                    *bytes = kept.join(&b'&');
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::url_checks::url_error;
    use super::*;
    #[test]
    fn remove_body_param_drops_every_pair_of_that_name() {
        let mut body = Some(b"oauth_token=a&z=1&oauth_token&oauth_tokenx=2".to_vec());
        let (mut url, mut headers) = (String::from("http://h/"), Vec::new());
        let effects = vec![AuthEffect::RemoveBodyParam("oauth_token".into())];
        apply_effects(effects, &mut url, &mut headers, &mut body);
        assert_eq!(body.as_deref(), Some(&b"z=1&oauth_tokenx=2"[..]));
    }

    #[test]
    fn shown_url_is_newmans_to_string() {
        assert_eq!(shown_url("  http://h/a\\b?x=\\ y"), "http://h/a/b?x=\\ y");
        assert_eq!(shown_url("http:///h/get"), "http://h/get");
        assert_eq!(shown_url("h:9/x?q=a b"), "h:9/x?q=a b");
    }

    #[test]
    fn set_query_replaces_parameters_of_that_name() {
        let mut url = "http://h/x?a=1&k=old&b=2&k=older#f".to_string();
        apply_effects(
            vec![AuthEffect::SetQuery("k".into(), "new".into())],
            &mut url,
            &mut Vec::new(),
            &mut None,
        );
        assert_eq!(url, "http://h/x?a=1&b=2&k=new#f");
        let mut url = "http://h/x?k=old".to_string();
        apply_effects(
            vec![AuthEffect::SetQuery("k".into(), "new".into())],
            &mut url,
            &mut Vec::new(),
            &mut None,
        );
        assert_eq!(url, "http://h/x?k=new");
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
    fn prepare_refuses_what_newman_refuses() {
        assert!(url_error("  ", false).is_some_and(|e| e.message.contains("url is empty")));
        assert!(url_error("http://:x/", false).is_some_and(|e| e.name == "RangeError"));
        assert!(
            url_error("http://h/a b", true)
                .is_some_and(|e| e.code == Some("ERR_UNESCAPED_CHARACTERS"))
        );
        assert!(
            url_error("http://h/é?q=ü", true).is_none(),
            "Latin-1 goes as is"
        );
        assert!(url_error("http://h/a b", false).is_none());
        let bad =
            |k: &str, v: &str| header_error(&[(k.to_string(), v.to_string())]).and_then(|e| e.code);
        assert_eq!(bad(" X", "v"), Some("ERR_INVALID_HTTP_TOKEN"));
        assert_eq!(bad("X", "a\nb"), Some("ERR_INVALID_CHAR"));
        assert_eq!(bad("X", "café\tx"), None);
        assert_eq!(bad("X", "😀"), Some("ERR_INVALID_CHAR"));
        assert!(method_error("PROPFIND").is_none());
        assert!(
            method_error("{{METHOD}}").is_some_and(|e| e.name == "TypeError"
                && e.code == Some("ERR_INVALID_HTTP_TOKEN")
                && e.message == "Method must be a valid HTTP token [\"{{METHOD}}\"]")
        );
    }

    #[test]
    fn prepare_url_user_info_becomes_basic_auth() {
        assert_eq!(
            url_basic_auth("http://user:pa%20ss@h/").as_deref(),
            Some("Basic dXNlcjpwYSBzcw==")
        );
        assert_eq!(
            url_basic_auth("http://user@h/").as_deref(),
            Some("Basic dXNlcjo=")
        );
        assert_eq!(url_basic_auth("http://h/"), None);
    }
}
