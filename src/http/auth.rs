//! Request signers for the auth types postie supports: `noauth`, `basic`, `bearer`, `apikey`.
//! Parameters are resolved against the variable scopes first. An unsupported type is reported as a
//! warning and the request goes out without it, as Newman does for signing errors.

use crate::collection::Auth;
use base64::Engine as _;

/// Where a signer wants to add something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthEffect {
    /// Set this header (replacing any header of the same name).
    Header(String, String),
    /// Append this query parameter.
    Query(String, String),
}

/// What applying an auth block produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthResult {
    /// Headers and query parameters to add.
    pub effects: Vec<AuthEffect>,
    /// A warning for the user, e.g. an unsupported type.
    pub warning: Option<String>,
}

/// Compute the effects of `auth`, resolving each parameter with `resolve`.
pub fn apply_auth(auth: &Auth, resolve: &dyn Fn(&str) -> String) -> AuthResult {
    let param = |key: &str| resolve(&auth.param(key));
    let mut result = AuthResult::default();
    match auth.kind.as_str() {
        "noauth" | "" => {}
        "basic" => {
            let credentials = format!("{}:{}", param("username"), param("password"));
            let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
            result.effects.push(AuthEffect::Header(
                "Authorization".into(),
                format!("Basic {encoded}"),
            ));
        }
        "bearer" => {
            result.effects.push(AuthEffect::Header(
                "Authorization".into(),
                format!("Bearer {}", param("token")),
            ));
        }
        "apikey" => {
            let key = param("key");
            let value = param("value");
            if key.is_empty() {
                result.warning =
                    Some("apikey auth has no key name; request sent without it".into());
            } else if param("in") == "query" {
                result.effects.push(AuthEffect::Query(key, value));
            } else {
                result.effects.push(AuthEffect::Header(key, value));
            }
        }
        other => {
            result.warning = Some(format!(
                "auth type \"{other}\" is not supported by postie yet; the request was sent without it"
            ));
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use indexmap::IndexMap;
    use serde_json::json;

    fn auth(kind: &str, params: &[(&str, &str)]) -> Auth {
        let mut map = IndexMap::new();
        for (k, v) in params {
            map.insert((*k).to_string(), json!(v));
        }
        Auth {
            kind: kind.into(),
            params: map,
        }
    }

    #[test]
    fn auth_basic_encodes_credentials() {
        let r = apply_auth(
            &auth("basic", &[("username", "{{u}}"), ("password", "p")]),
            &|s: &str| s.replace("{{u}}", "user"),
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
        let id = |s: &str| s.to_string();
        assert_eq!(
            apply_auth(&auth("bearer", &[("token", "t")]), &id).effects,
            [AuthEffect::Header(
                "Authorization".into(),
                "Bearer t".into()
            )]
        );
        assert_eq!(
            apply_auth(
                &auth("apikey", &[("key", "k"), ("value", "v"), ("in", "query")]),
                &id
            )
            .effects,
            [AuthEffect::Query("k".into(), "v".into())]
        );
        assert_eq!(
            apply_auth(&auth("apikey", &[("key", "X-Key"), ("value", "v")]), &id).effects,
            [AuthEffect::Header("X-Key".into(), "v".into())]
        );
    }

    #[test]
    fn auth_unsupported_type_warns() {
        let r = apply_auth(&auth("hawk", &[]), &|s: &str| s.to_string());
        assert!(r.effects.is_empty());
        assert!(r.warning.is_some_and(|w| w.contains("hawk")));
    }
}
