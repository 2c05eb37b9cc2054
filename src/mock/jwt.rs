//! HS256 JSON Web Tokens as the Mobsted API issues them: header `{"typ":"JWT","alg":"HS256"}`,
//! claims `iss, nbf, exp, uid, sub, objuuid, useruuid` plus `typ` (`"access"` or `"refresh"`),
//! base64url without padding, HMAC-SHA256 signature checked in constant time.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The encoded header every token carries: `{"typ":"JWT","alg":"HS256"}`.
const HEADER_JSON: &str = r#"{"typ":"JWT","alg":"HS256"}"#;

/// Which of the pair a token is; an access token cannot refresh and a refresh token cannot call
/// the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Sent as `Authorization: Bearer` to call the API.
    Access,
    /// Exchanged at `/api/v8/refresh` for a new pair.
    Refresh,
}

/// The token payload, in the order Mobsted's sample tokens use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer: the account host, e.g. `partner-admin.mobsted.test`.
    pub iss: String,
    /// Not before (epoch seconds).
    pub nbf: i64,
    /// Expiry (epoch seconds); the token is expired once `exp <= now`.
    pub exp: i64,
    /// Account id.
    pub uid: String,
    /// Token audience kind; `"api"` for API tokens.
    pub sub: String,
    /// Object id; empty for API tokens.
    pub objuuid: String,
    /// User id.
    pub useruuid: String,
    /// Access or refresh.
    pub typ: TokenKind,
}

/// Why a token was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    /// Not three base64url segments, or a header that is not JSON.
    #[error("token is not a well-formed JWT")]
    Malformed,
    /// The header names an algorithm other than HS256.
    #[error("token algorithm is not HS256")]
    UnsupportedAlgorithm,
    /// The signature does not match the header and payload.
    #[error("token signature is invalid")]
    InvalidSignature,
    /// Signed correctly but the payload lacks the expected claims.
    #[error("token claims are invalid")]
    InvalidClaims,
    /// `exp` is at or before now.
    #[error("token expired at {0}")]
    Expired(i64),
    /// `nbf` is after now.
    #[error("token not valid before {0}")]
    NotYetValid(i64),
    /// The signing key was rejected (HMAC accepts any length, so this is not expected).
    #[error("invalid signing key")]
    InvalidKey,
}

/// Signs `claims` with `secret`, returning `header.payload.signature`.
pub fn sign(claims: &Claims, secret: &[u8]) -> Result<String, JwtError> {
    let payload = serde_json::to_vec(claims).map_err(|_| JwtError::InvalidClaims)?;
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER_JSON),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let mut mac = new_mac(secret)?;
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    Ok(format!("{signing_input}.{signature}"))
}

/// Checks the signature (constant time), then the claims and their time window against `now`
/// (epoch seconds). The token kind is left to the caller.
pub fn verify(token: &str, secret: &[u8], now: i64) -> Result<Claims, JwtError> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed);
    };

    let header_json = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|_| JwtError::Malformed)?;
    let header_value: serde_json::Value =
        serde_json::from_slice(&header_json).map_err(|_| JwtError::Malformed)?;
    if header_value.get("alg").and_then(|alg| alg.as_str()) != Some("HS256") {
        return Err(JwtError::UnsupportedAlgorithm);
    }

    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| JwtError::Malformed)?;
    let mut mac = new_mac(secret)?;
    mac.update(header.as_bytes());
    mac.update(b".");
    mac.update(payload.as_bytes());
    mac.verify_slice(&signature)
        .map_err(|_| JwtError::InvalidSignature)?;

    let payload = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| JwtError::InvalidClaims)?;
    let claims: Claims = serde_json::from_slice(&payload).map_err(|_| JwtError::InvalidClaims)?;
    if claims.exp <= now {
        return Err(JwtError::Expired(claims.exp));
    }
    if claims.nbf > now {
        return Err(JwtError::NotYetValid(claims.nbf));
    }
    Ok(claims)
}

fn new_mac(secret: &[u8]) -> Result<HmacSha256, JwtError> {
    HmacSha256::new_from_slice(secret).map_err(|_| JwtError::InvalidKey)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"test-secret";
    const NOW: i64 = 1_598_444_403;

    fn claims() -> Claims {
        Claims {
            iss: "ppp-admin.mbst.xyz".to_owned(),
            nbf: NOW,
            exp: NOW + 604_800,
            uid: "u-1".to_owned(),
            sub: "api".to_owned(),
            objuuid: String::new(),
            useruuid: "user-1".to_owned(),
            typ: TokenKind::Access,
        }
    }

    fn signed() -> String {
        sign(&claims(), SECRET).expect("sign")
    }

    #[test]
    fn jwt_round_trips() {
        assert_eq!(verify(&signed(), SECRET, NOW), Ok(claims()));
    }

    #[test]
    fn jwt_header_is_mobsted_shape() {
        let token = signed();
        let header = token.split('.').next().expect("header");
        let decoded = URL_SAFE_NO_PAD.decode(header).expect("base64");
        assert_eq!(decoded, br#"{"typ":"JWT","alg":"HS256"}"#);
        assert!(!token.contains('='));
    }

    #[test]
    fn jwt_payload_keeps_claim_order() {
        let token = signed();
        let payload = token.split('.').nth(1).expect("payload");
        let text = String::from_utf8(URL_SAFE_NO_PAD.decode(payload).expect("b64")).expect("utf8");
        assert!(text.starts_with(r#"{"iss":"ppp-admin.mbst.xyz","nbf":1598444403,"exp":"#));
        assert!(text.ends_with(r#""sub":"api","objuuid":"","useruuid":"user-1","typ":"access"}"#));
    }

    #[test]
    fn jwt_tampered_payload_is_invalid_signature() {
        let token = signed();
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let mut forged = claims();
        forged.uid = "someone-else".to_owned();
        parts[1] = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).expect("json"));
        let tampered = parts.join(".");
        assert_eq!(
            verify(&tampered, SECRET, NOW),
            Err(JwtError::InvalidSignature)
        );
    }

    #[test]
    fn jwt_tampered_signature_is_invalid_signature() {
        let mut token = signed();
        let last = token.pop().expect("non-empty");
        token.push(if last == 'A' { 'B' } else { 'A' });
        assert_eq!(verify(&token, SECRET, NOW), Err(JwtError::InvalidSignature));
    }

    #[test]
    fn jwt_wrong_secret_is_invalid_signature() {
        assert_eq!(
            verify(&signed(), b"other", NOW),
            Err(JwtError::InvalidSignature)
        );
    }

    #[test]
    fn jwt_expired_at_exp() {
        let exp = claims().exp;
        assert_eq!(verify(&signed(), SECRET, exp), Err(JwtError::Expired(exp)));
        assert!(verify(&signed(), SECRET, exp - 1).is_ok());
    }

    #[test]
    fn jwt_not_yet_valid_before_nbf() {
        assert_eq!(
            verify(&signed(), SECRET, NOW - 1),
            Err(JwtError::NotYetValid(NOW))
        );
    }

    #[test]
    fn jwt_malformed_inputs_are_rejected() {
        for token in ["", "abc", "a.b", "a.b.c.d", "!!.??.**", "e30.e30.e30"] {
            let result = verify(token, SECRET, NOW);
            assert!(
                matches!(
                    result,
                    Err(JwtError::Malformed | JwtError::UnsupportedAlgorithm)
                ),
                "{token}: {result:?}"
            );
        }
    }

    #[test]
    fn jwt_alg_none_is_unsupported() {
        let header = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"none"}"#);
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims()).expect("json"));
        let token = format!("{header}.{payload}.");
        assert_eq!(
            verify(&token, SECRET, NOW),
            Err(JwtError::UnsupportedAlgorithm)
        );
    }
}
