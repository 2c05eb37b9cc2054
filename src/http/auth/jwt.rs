//! `jwt`: builds and signs a JSON Web Token (HS256/HS384/HS512) from the `header` and `payload`
//! JSON texts and sends it as `Authorization: <headerPrefix> <token>` or as a query parameter.
//! RSA/ECDSA/PSS algorithms are reported as unsupported.

use super::util::{Hash, b64url, percent_encode};
use super::{AuthEffect, AuthResult, Params};
use base64::Engine as _;
use serde_json::{Map, Value};

/// Sign with `algorithm`, `secret` (`isSecretBase64Encoded`), `payload`, `header`, `addTokenTo`,
/// `headerPrefix` and `queryParamKey`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    match token(p) {
        Ok(token) if p.get("addTokenTo").starts_with("query") => AuthResult {
            effects: vec![AuthEffect::Query(
                percent_encode(&p.or("queryParamKey", "token")),
                token,
            )],
            warning: None,
        },
        Ok(token) => {
            let prefix = match p.auth.params.get("headerPrefix") {
                Some(_) => p.get("headerPrefix"),
                None => "Bearer".to_string(),
            };
            let value = if prefix.trim().is_empty() {
                token
            } else {
                format!("{} {token}", prefix.trim())
            };
            AuthResult::header("Authorization", value)
        }
        Err(warning) => AuthResult::warn(warning),
    }
}

/// The signed token, or a warning.
fn token(p: &Params<'_>) -> Result<String, String> {
    let algorithm = p.or("algorithm", "HS256").to_ascii_uppercase();
    let hash = match algorithm.as_str() {
        "HS256" => Hash::Sha256,
        "HS384" => Hash::Sha384,
        "HS512" => Hash::Sha512,
        other => {
            return Err(format!(
                "jwt auth: algorithm {other} is not supported by postie (only HS256/HS384/HS512); the request was sent without it"
            ));
        }
    };
    let object = |key: &str| -> Result<Map<String, Value>, String> {
        let text = p.get(key);
        if text.trim().is_empty() {
            return Ok(Map::new());
        }
        match serde_json::from_str(&text) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(format!(
                "jwt auth: the {key} is not a JSON object; the request was sent without it"
            )),
        }
    };
    let mut header = Map::new();
    header.insert("alg".into(), Value::String(algorithm));
    header.insert("typ".into(), Value::String("JWT".into()));
    for (k, v) in object("header")? {
        if k != "alg" {
            header.insert(k, v);
        }
    }
    let payload = object("payload")?;
    let secret = p.get("secret");
    let key = if p.flag("isSecretBase64Encoded") {
        base64::engine::general_purpose::STANDARD
            .decode(secret.trim())
            .map_err(|_| {
                "jwt auth: the secret is not valid base64; the request was sent without it"
                    .to_string()
            })?
    } else {
        secret.into_bytes()
    };
    let signing_input = format!(
        "{}.{}",
        b64url(Value::Object(header).to_string().as_bytes()),
        b64url(Value::Object(payload).to_string().as_bytes())
    );
    let signature = b64url(&hash.hmac(&key, signing_input.as_bytes()));
    Ok(format!("{signing_input}.{signature}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{apply, auth, get, header_of};
    use super::*;

    #[test]
    fn jwt_hs256_known_token() {
        let a = auth(
            "jwt",
            &[
                ("algorithm", "HS256"),
                ("secret", "your-256-bit-secret"),
                (
                    "payload",
                    "{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}",
                ),
            ],
        );
        let h = header_of(&apply(&a, &get("http://h/")), "authorization").unwrap();
        assert_eq!(
            h,
            "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        );
    }

    #[test]
    fn jwt_query_and_unsupported() {
        let a = auth(
            "jwt",
            &[
                ("secret", "s"),
                ("addTokenTo", "queryParam"),
                ("queryParamKey", "jwt"),
            ],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(
            matches!(&r.effects[..], [AuthEffect::Query(k, v)] if k == "jwt" && v.split('.').count() == 3)
        );
        let r = apply(&auth("jwt", &[("algorithm", "RS256")]), &get("http://h/"));
        assert!(r.effects.is_empty() && r.warning.is_some_and(|w| w.contains("RS256")));
        let r = apply(&auth("jwt", &[("payload", "[1]")]), &get("http://h/"));
        assert!(r.warning.is_some());
    }
}
