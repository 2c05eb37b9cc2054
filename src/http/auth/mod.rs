//! Request signers for Postman's auth types: `noauth`, `basic`, `bearer`, `apikey`, `digest`,
//! `oauth1` (HMAC, PLAINTEXT and RSA), `oauth2` (an existing token only), `hawk`, `awsv4`, `jwt`
//! (HMAC, RSA, RSA-PSS and ECDSA), `edgegrid` and `ntlm`. PEM private keys are read by `keys`.
//!
//! Parameters arrive resolved (the runner resolves them against the variable scopes). Signers see the request as it will
//! be sent (method, final URL, headers, body) through [`SignInput`] and answer with
//! [`AuthEffect`]s. A type or option postie cannot sign (unknown types, an unreadable private
//! key) is reported as a warning and the request goes out without it, as Newman does for signing
//! errors. Digest auth is two-step: see [`digest_replay`]; NTLM is a handshake: see
//! [`ntlm_replay`].

mod apikey;
mod asap;
mod awsv4;
mod basic;
mod bearer;
mod digest;
mod edgegrid;
mod hawk;
mod jwt;
mod keys;
mod ntlm;
mod oauth1;
mod oauth2;
mod util;

use crate::collection::Auth;
use serde_json::Value;

/// Where a signer wants to add something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthEffect {
    /// Set this header (replacing any header of the same name).
    Header(String, String),
    /// Append this query parameter; name and value are appended verbatim (signers encode them).
    Query(String, String),
    /// Remove every query parameter of this name, then append it as [`AuthEffect::Query`] does
    /// (the API key, JWT and OAuth 2 token parameters replace one the URL already has).
    SetQuery(String, String),
    /// Remove every header of this name (any case).
    RemoveHeader(String),
    /// Remove every query parameter of this name (as written in the URL).
    RemoveQuery(String),
    /// Append this `application/x-www-form-urlencoded` body parameter, verbatim (already encoded).
    BodyParam(String, String),
    /// Remove every `application/x-www-form-urlencoded` body parameter of this name (as written).
    RemoveBodyParam(String),
}

/// What applying an auth block produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthResult {
    /// Headers and query/body parameters to add.
    pub effects: Vec<AuthEffect>,
    /// A warning for the user, e.g. an unsupported type.
    pub warning: Option<String>,
}

impl AuthResult {
    /// A result that sets one header.
    fn header(name: &str, value: String) -> Self {
        AuthResult {
            effects: vec![AuthEffect::Header(name.to_string(), value)],
            warning: None,
        }
    }

    /// A result that sets one query parameter, replacing any of that name (`name` and `value`
    /// already encoded).
    fn query(name: String, value: String) -> Self {
        AuthResult {
            effects: vec![AuthEffect::SetQuery(name, value)],
            warning: None,
        }
    }

    /// `Authorization: <headerPrefix> <token>`, the prefix `Bearer` unless the auth sets one; an
    /// explicitly empty prefix sends the bare token (oauth2 and jwt).
    fn prefixed_token(p: &Params<'_>, token: String) -> Self {
        let prefix = match p.auth.params.get("headerPrefix") {
            Some(_) => p.get("headerPrefix"),
            None => "Bearer".to_string(),
        };
        let value = match prefix.trim() {
            "" => token,
            prefix => format!("{prefix} {token}"),
        };
        AuthResult::header("Authorization", value)
    }

    /// A result that only warns; the request goes out unsigned.
    fn warn(text: impl Into<String>) -> Self {
        AuthResult {
            effects: Vec::new(),
            warning: Some(text.into()),
        }
    }
}

/// The warning Newman's runtime prints when a signer fails:
/// `runtime~<type>.auth: could not sign the request: <reason>`.
fn sign_error(kind: &str, reason: &str) -> String {
    format!("runtime~{kind}.auth: could not sign the request: {reason}")
}

/// The request a signer signs: everything is final (variables resolved, body built).
#[derive(Debug, Clone, Copy)]
pub struct SignInput<'a> {
    /// Upper-case method.
    pub method: &'a str,
    /// The absolute URL as it will be sent.
    pub url: &'a str,
    /// The user's headers in order (the body's own `Content-Type` is not among them: Newman
    /// adds it after auth, so signers do not sign it).
    pub headers: &'a [(String, String)],
    /// The body bytes, if any.
    pub body: Option<&'a [u8]>,
    /// The `Content-Type` the body will get when the user sets none (e.g. urlencoded).
    pub body_type: Option<&'a str>,
}

impl SignInput<'_> {
    /// The first header named `name` (case-insensitive).
    fn header(&self, name: &str) -> Option<&str> {
        super::message::find_header(self.headers, name)
    }

    /// True when the body is `application/x-www-form-urlencoded`.
    fn is_form_body(&self) -> bool {
        self.body.is_some()
            && self
                .header("content-type")
                .or(self.body_type)
                .is_some_and(|c| c.to_ascii_lowercase().contains("x-www-form-urlencoded"))
    }
}

/// An auth block's parameters (variables already resolved), read as the signers read them.
struct Params<'a> {
    auth: &'a Auth,
}

impl Params<'_> {
    /// The resolved parameter (`""` when absent).
    fn get(&self, key: &str) -> String {
        self.auth.param(key)
    }

    /// Whether the block names the parameter at all (any value).
    fn has(&self, key: &str) -> bool {
        self.auth.params.contains_key(key)
    }

    /// The first non-empty of several spellings of a parameter.
    fn any(&self, keys: &[&str]) -> String {
        keys.iter()
            .map(|k| self.get(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }

    /// The parameter, or `default` when empty.
    fn or(&self, key: &str, default: &str) -> String {
        let value = self.get(key);
        if value.is_empty() {
            default.to_string()
        } else {
            value
        }
    }

    /// A boolean parameter, truthy as JavaScript sees it (as Newman's signers test it): `true`,
    /// a non-zero number, a non-empty text (even `"false"`).
    fn flag(&self, key: &str) -> bool {
        match self.auth.params.get(key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
            Some(Value::Array(_) | Value::Object(_)) => true,
            _ => false,
        }
    }
}

/// Whether Newman's runtime has a handler for auth type `kind`: it signs requests with it and,
/// once a response arrived, leaves it (variables resolved) on the request test scripts see.
pub fn has_handler(kind: &str) -> bool {
    matches!(
        kind,
        "noauth"
            | "basic"
            | "bearer"
            | "apikey"
            | "digest"
            | "oauth1"
            | "oauth2"
            | "hawk"
            | "awsv4"
            | "jwt"
            | "edgegrid"
            | "ntlm"
            | "asap"
    )
}

/// Compute the effects of `auth` (its parameters resolved) on the request described by `input`.
/// Digest auth without a realm and nonce yields nothing: the server's challenge
/// is answered by [`digest_replay`].
pub fn apply_auth(auth: &Auth, input: &SignInput<'_>) -> AuthResult {
    let params = Params { auth };
    match auth.kind.as_str() {
        "noauth" | "" => AuthResult::default(),
        "basic" => basic::sign(&params),
        "bearer" => bearer::sign(&params),
        "apikey" => apikey::sign(&params),
        "digest" => digest::sign(&params, input),
        "oauth1" => oauth1::sign(&params, input),
        "oauth2" => oauth2::sign(&params),
        "hawk" => hawk::sign(&params, input),
        "awsv4" => awsv4::sign(&params, input),
        "jwt" => jwt::sign(&params),
        "edgegrid" => edgegrid::sign(&params, input),
        // The first request goes out as is; the server's challenge starts the handshake.
        "ntlm" => AuthResult::default(),
        "asap" => asap::sign(&params),
        // Newman's words for a type it has no handler for.
        other => AuthResult::warn(format!(
            "runtime: could not find a handler for auth: {other}"
        )),
    }
}

/// For digest auth: when the response to `input` is a 401/403 with a `WWW-Authenticate: Digest`
/// challenge, the auth to replay the request with (realm, nonce, opaque, qop and algorithm taken
/// from the challenge unless the user gave them). `None` for other types and responses, or when
/// a replay could not succeed (the challenge names the nonce already used), or with `disableRetryRequest`.
pub fn digest_replay(
    auth: &Auth,
    input: &SignInput<'_>,
    status: u16,
    response_headers: &[(String, String)],
) -> Option<AuthResult> {
    if auth.kind != "digest" || !matches!(status, 401 | 403) {
        return None;
    }
    let params = Params { auth };
    // `disableRetryRequest`: the challenge is left unanswered, as Newman leaves it.
    if params.flag("disableRetryRequest") {
        return None;
    }
    digest::replay(&params, input, response_headers)
}

/// For NTLM auth: the next message of the handshake after a 401/403 `response_headers` to a
/// request sent with `request_headers` (negotiate after the server offers NTLM, authenticate
/// after its challenge). `None` for other types and responses, and once the handshake is over.
pub fn ntlm_replay(
    auth: &Auth,
    request_headers: &[(String, String)],
    status: u16,
    response_headers: &[(String, String)],
) -> Option<AuthResult> {
    if auth.kind != "ntlm" || !matches!(status, 401 | 403) {
        return None;
    }
    let params = Params { auth };
    ntlm::replay(&params, request_headers, response_headers)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;
    use indexmap::IndexMap;
    use serde_json::json;

    /// An auth block of `kind` with string parameters.
    pub(crate) fn auth(kind: &str, params: &[(&str, &str)]) -> Auth {
        let mut map = IndexMap::new();
        for (k, v) in params {
            map.insert((*k).to_string(), json!(v));
        }
        Auth {
            kind: kind.into(),
            params: map,
            types: IndexMap::new(),
        }
    }

    /// A GET of `url` without headers or body.
    pub(crate) fn get(url: &str) -> SignInput<'_> {
        SignInput {
            method: "GET",
            url,
            headers: &[],
            body: None,
            body_type: None,
        }
    }

    /// Apply with identity resolution.
    pub(crate) fn apply(auth: &Auth, input: &SignInput<'_>) -> AuthResult {
        apply_auth(auth, input)
    }

    /// The value of the single header effect named `name`.
    pub(crate) fn header_of(result: &AuthResult, name: &str) -> Option<String> {
        result.effects.iter().find_map(|e| match e {
            AuthEffect::Header(k, v) if k.eq_ignore_ascii_case(name) => Some(v.clone()),
            _ => None,
        })
    }

    #[test]
    fn auth_basic_encodes_credentials() {
        let r = apply_auth(
            &auth("basic", &[("username", "user"), ("password", "p")]),
            &get("http://h/"),
        );
        assert_eq!(
            r.effects,
            [AuthEffect::Header(
                "Authorization".into(),
                "Basic dXNlcjpw".into()
            )]
        );
    }

    #[test]
    fn auth_bearer_and_apikey() {
        let input = get("http://h/");
        assert_eq!(
            apply(&auth("bearer", &[("token", "t")]), &input).effects,
            [AuthEffect::Header(
                "Authorization".into(),
                "Bearer t".into()
            )]
        );
        assert_eq!(
            apply(
                &auth("apikey", &[("key", "k"), ("value", "v"), ("in", "query")]),
                &input
            )
            .effects,
            [AuthEffect::SetQuery("k".into(), "v".into())]
        );
        assert_eq!(
            apply(&auth("apikey", &[("key", "X-Key"), ("value", "v")]), &input).effects,
            [AuthEffect::Header("X-Key".into(), "v".into())]
        );
    }

    #[test]
    fn auth_unsupported_types_warn() {
        let r = apply(&auth("weird", &[]), &get("http://h/"));
        assert!(r.effects.is_empty());
        assert!(r.warning.is_some_and(|w| w.contains("weird")));
    }

    #[test]
    fn auth_ntlm_starts_unsigned_and_answers_challenges() {
        let a = auth("ntlm", &[("username", "u"), ("password", "p")]);
        assert_eq!(apply(&a, &get("http://h/")), AuthResult::default());
        let offer = [("www-authenticate".to_string(), "NTLM".to_string())];
        let r = ntlm_replay(&a, &[], 401, &offer).unwrap();
        assert!(header_of(&r, "authorization").is_some_and(|v| v.starts_with("NTLM TlRMTVNTUAAB")));
        assert!(ntlm_replay(&a, &[], 200, &offer).is_none());
        assert!(ntlm_replay(&auth("basic", &[]), &[], 401, &offer).is_none());
    }

    #[test]
    fn auth_flags_accept_bools_and_strings() {
        let mut a = auth("x", &[("s", "true")]);
        a.params.insert("b".into(), json!(true));
        let p = Params { auth: &a };
        assert!(p.flag("s") && p.flag("b") && !p.flag("missing"));
    }
}
