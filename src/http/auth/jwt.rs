//! `jwt`: builds and signs a JSON Web Token from the `header` and `payload` JSON texts and sends
//! it as `Authorization: <headerPrefix> <token>` or as a query parameter. HS256/384/512 use the
//! `secret`; RS256/384/512, PS256/384/512 and ES256/384/512 use the PEM key in `privateKey`
//! (ECDSA signatures in the JWS `r || s` form). An unreadable key is a warning and the request
//! goes out without the token.

use super::keys::{self, Algorithm};
use super::util::{Hash, b64url, query_param_encode};
use super::{AuthResult, Params, sign_error};
use base64::Engine as _;
use serde_json::{Map, Value};

/// Sign with `algorithm`, `secret` (`isSecretBase64Encoded`) or `privateKey`, `payload`,
/// `header`, `addTokenTo`, `headerPrefix` and `queryParamKey`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    match token(p) {
        Ok(token) if p.get("addTokenTo").starts_with("query") => AuthResult::query(
            query_param_encode(&p.or("queryParamKey", "token"), true),
            token,
        ),
        Ok(token) => AuthResult::prefixed_token(p, token),
        Err(warning) => AuthResult::warn(warning),
    }
}

/// The signed token, or a warning.
fn token(p: &Params<'_>) -> Result<String, String> {
    let algorithm = p.get("algorithm").to_ascii_uppercase();
    let signer = match algorithm.as_str() {
        "HS256" => Signer::Hmac(Hash::Sha256),
        "HS384" => Signer::Hmac(Hash::Sha384),
        "HS512" => Signer::Hmac(Hash::Sha512),
        "RS256" => Signer::Key(Algorithm::RsaPkcs1(Hash::Sha256)),
        "RS384" => Signer::Key(Algorithm::RsaPkcs1(Hash::Sha384)),
        "RS512" => Signer::Key(Algorithm::RsaPkcs1(Hash::Sha512)),
        "PS256" => Signer::Key(Algorithm::RsaPss(Hash::Sha256)),
        "PS384" => Signer::Key(Algorithm::RsaPss(Hash::Sha384)),
        "PS512" => Signer::Key(Algorithm::RsaPss(Hash::Sha512)),
        "ES256" => Signer::Key(Algorithm::EcP256),
        "ES384" => Signer::Key(Algorithm::EcP384),
        "ES512" => Signer::Key(Algorithm::EcP521),
        // Newman's words for a missing or unknown algorithm.
        _ => return Err(sign_error("jwt", "invalid algorithm")),
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
    let algorithm_name = algorithm.clone();
    // The user's header as written, with `alg` set from the algorithm (last unless the header
    // names it), as Newman builds it: no `typ` is added.
    let mut header = object("header")?;
    header.insert("alg".into(), Value::String(algorithm));
    let payload = object("payload")?;
    let signing_input = format!(
        "{}.{}",
        b64url(Value::Object(header).to_string().as_bytes()),
        b64url(Value::Object(payload).to_string().as_bytes())
    );
    let signature = match signer {
        Signer::Hmac(hash) => hash.hmac(&secret(p)?, signing_input.as_bytes()),
        Signer::Key(algorithm) => {
            keys::sign(algorithm, &p.get("privateKey"), signing_input.as_bytes()).map_err(|e| {
                format!("jwt auth ({algorithm_name}): {e}; the request was sent without it")
            })?
        }
    };
    Ok(format!("{signing_input}.{}", b64url(&signature)))
}

/// What signs the token.
#[derive(Debug, Clone, Copy)]
enum Signer {
    /// HMAC with the `secret`.
    Hmac(Hash),
    /// A private-key algorithm with the `privateKey`.
    Key(Algorithm),
}

/// The HMAC key: the `secret`, base64-decoded with `isSecretBase64Encoded`.
fn secret(p: &Params<'_>) -> Result<Vec<u8>, String> {
    let secret = p.get("secret");
    if p.flag("isSecretBase64Encoded") {
        base64::engine::general_purpose::STANDARD
            .decode(secret.trim())
            .map_err(|_| {
                "jwt auth: the secret is not valid base64; the request was sent without it"
                    .to_string()
            })
    } else {
        Ok(secret.into_bytes())
    }
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
                ("header", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"),
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
                ("algorithm", "HS256"),
                ("secret", "s"),
                ("addTokenTo", "queryParam"),
                ("queryParamKey", "jwt"),
            ],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(
            matches!(&r.effects[..], [super::super::AuthEffect::SetQuery(k, v)] if k == "jwt" && v.split('.').count() == 3)
        );
        // The parameter name is encoded as Newman adds a query parameter: `%` kept as typed.
        let a = auth(
            "jwt",
            &[
                ("algorithm", "HS256"),
                ("secret", "s"),
                ("addTokenTo", "queryParam"),
                ("queryParamKey", "my tok%20=&k"),
            ],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(
            matches!(&r.effects[..], [super::super::AuthEffect::SetQuery(k, _)] if k == "my%20tok%20%3D%26k")
        );
        let a = auth(
            "jwt",
            &[
                ("algorithm", "HS256"),
                ("secret", "s"),
                ("headerPrefix", "JWT"),
            ],
        );
        let h = header_of(&apply(&a, &get("http://h/")), "authorization").unwrap_or_default();
        assert!(h.starts_with("JWT ey") && h.split('.').count() == 3, "{h}");
        let r = apply(&auth("jwt", &[("algorithm", "RS256")]), &get("http://h/"));
        assert!(r.effects.is_empty() && r.warning.is_some_and(|w| w.contains("RS256")));
        let r = apply(&auth("jwt", &[("algorithm", "EdDSA")]), &get("http://h/"));
        assert!(r.effects.is_empty() && r.warning.is_some_and(|w| w.contains("invalid algorithm")));
        // No algorithm: Newman does not sign.
        let r = apply(&auth("jwt", &[("secret", "s")]), &get("http://h/"));
        assert!(r.effects.is_empty() && r.warning.is_some());
        let r = apply(&auth("jwt", &[("payload", "[1]")]), &get("http://h/"));
        assert!(r.warning.is_some());
    }

    const PAYLOAD: &str = "{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}";

    /// The token `algorithm` and `key` produce for [`PAYLOAD`], split into its three parts.
    fn key_token(algorithm: &str, key: &str) -> (String, String, Vec<u8>) {
        let header = format!("{{\"alg\":\"{algorithm}\",\"typ\":\"JWT\"}}");
        let a = auth(
            "jwt",
            &[
                ("algorithm", algorithm),
                ("header", &header),
                ("privateKey", key),
                ("payload", PAYLOAD),
            ],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(r.warning.is_none(), "{:?}", r.warning);
        let token = header_of(&r, "authorization").unwrap();
        let token = token.strip_prefix("Bearer ").unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |s: &str| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .unwrap()
        };
        let header: Value = serde_json::from_slice(&decode(parts[0])).unwrap();
        assert_eq!(header["alg"], algorithm);
        assert_eq!(header["typ"], "JWT");
        let payload: Value = serde_json::from_slice(&decode(parts[1])).unwrap();
        assert_eq!(payload["name"], "John Doe");
        (
            format!("{}.{}", parts[0], parts[1]),
            token.to_string(),
            decode(parts[2]),
        )
    }

    #[test]
    fn jwt_rs256_matches_openssl_and_verifies() {
        use super::super::keys::tests::{RSA_KEY, RSA_KEY_PKCS1, rsa_verifies};
        // `printf %s "$INPUT" | openssl dgst -sha256 -sign rsa-test-key.pem | base64url`
        let expected = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.z5BHe6xSsEMWlCdjXhnO9tawm77zR9VQDI418ofLv1P2bUcXARgTnK6ovvfZfBCZ3YILmmIZ2VWYhkNf2bTW2Tb8AhHvxqCRf1Ljssqmc2h6sCFRSCm2HCxN1t6WQZsskQtAcW72qojZO9t8sLSBhXeji2JjD5h7z6NNEZvRrvBW6OUErL2WKt7KhJvro7-JXTuo3qZikWFGUfKXylFxkPPZPDVsV8SAU45ZPD14SfsJCCt5soQjUjUQLoXWehfofnXJWTXhh042h9AYTjBtFUiq-upYEoNVjz61DFKSpGGAGQ7GxtT0stA4LkNDD-LTHfYWkW-5cTZRJB7EAWaw1g";
        for key in [RSA_KEY, RSA_KEY_PKCS1] {
            let (input, token, signature) = key_token("RS256", key);
            assert_eq!(token, expected);
            assert!(rsa_verifies(
                Algorithm::RsaPkcs1(Hash::Sha256),
                input.as_bytes(),
                &signature
            ));
        }
        for alg in ["RS384", "RS512"] {
            assert_eq!(key_token(alg, RSA_KEY).2.len(), 256);
        }
    }

    #[test]
    fn jwt_ps_and_es_tokens_verify() {
        use super::super::keys::tests::{
            EC256_KEY, EC384_KEY, EC521_KEY, RSA_KEY, ec_verifies, rsa_verifies,
        };
        for (alg, hash) in [
            ("PS256", Hash::Sha256),
            ("PS384", Hash::Sha384),
            ("PS512", Hash::Sha512),
        ] {
            let (input, _, signature) = key_token(alg, RSA_KEY);
            assert!(
                rsa_verifies(Algorithm::RsaPss(hash), input.as_bytes(), &signature),
                "{alg}"
            );
        }
        for (alg, algorithm, key, width) in [
            ("ES256", Algorithm::EcP256, EC256_KEY, 64),
            ("ES384", Algorithm::EcP384, EC384_KEY, 96),
            ("ES512", Algorithm::EcP521, EC521_KEY, 132),
        ] {
            let (input, _, signature) = key_token(alg, key);
            assert_eq!(signature.len(), width, "{alg} signature is r||s");
            assert!(
                ec_verifies(algorithm, input.as_bytes(), &signature),
                "{alg}"
            );
        }
    }

    #[test]
    fn jwt_bad_key_warns() {
        let a = auth(
            "jwt",
            &[("algorithm", "ES256"), ("privateKey", "{{missing}}")],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(r.effects.is_empty());
        let w = r.warning.unwrap();
        assert!(w.contains("ES256") && w.contains("not PEM text"), "{w}");
        let a = auth(
            "jwt",
            &[
                ("algorithm", "RS256"),
                ("privateKey", super::super::keys::tests::EC256_KEY),
            ],
        );
        let w = apply(&a, &get("http://h/")).warning.unwrap();
        assert!(w.contains("not an RSA private key"), "{w}");
    }
}
