//! `asap` (Atlassian service-to-service auth): a JWT signed with the `privateKey` (RS/PS/ES
//! algorithms, RS256 by default), header `{alg, kid}`, claims from `claims` (a JSON object) with
//! `iat`, `iss`, `sub` (the issuer when not given), `jti` (a fresh UUID), `aud` and `exp` (now
//! plus `exp` seconds, 3600 by default) added as Newman's runtime does, sent as
//! `Authorization: Bearer <token>`. Missing claims or an unusable key are Newman's warnings and
//! the request goes out without the header.

use super::keys::{self, Algorithm};
use super::util::{Hash, b64url};
use super::{AuthResult, Params, sign_error};
use serde_json::{Map, Value, json};

/// Sign with `alg`, `kid`, `iss`, `sub`, `aud`, `exp`, `claims` and `privateKey`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    match token(p, now_seconds(), &uuid::Uuid::new_v4().to_string()) {
        Ok(token) => AuthResult::header("Authorization", format!("Bearer {token}")),
        Err(reason) => AuthResult::warn(sign_error("asap", reason)),
    }
}

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The signed token at time `now`, or Newman's reason for not signing.
fn token(p: &Params<'_>, now: i64, fresh_jti: &str) -> Result<String, &'static str> {
    let mut claims = parse_claims(p)?;
    let text = |claim: &str, param: &str| -> Option<Value> {
        claims
            .get(claim)
            .filter(|v| truthy(v))
            .cloned()
            .or_else(|| Some(Value::String(p.get(param))).filter(truthy))
    };
    let issuer = text("iss", "iss");
    let subject = text("sub", "sub").or_else(|| issuer.clone());
    let audience = text("aud", "aud");
    let kid = text("kid", "kid");
    let jti = claims
        .get("jti")
        .filter(|v| truthy(v))
        .cloned()
        .unwrap_or_else(|| json!(fresh_jti));
    let issued_at = claims
        .get("iat")
        .filter(|v| truthy(v))
        .cloned()
        .unwrap_or_else(|| json!(now));
    let expires = expires(p, &claims, now);
    let private_key = p.get("privateKey");
    let (Some(issuer), Some(subject), Some(audience), Some(kid)) = (issuer, subject, audience, kid)
    else {
        return Err("One or more of required claims missing");
    };
    if private_key.is_empty() {
        return Err("One or more of required claims missing");
    }
    let alg = Some(p.get("alg"))
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "RS256".into());
    let algorithm = parse_algorithm(&alg).ok_or("invalid algorithm")?;
    // The claims object as written, then the claims the runtime sets, in its order.
    for (name, value) in [
        ("iat", issued_at),
        ("iss", issuer),
        ("sub", subject),
        ("jti", jti),
        ("aud", audience),
        ("exp", json!(expires)),
    ] {
        claims.insert(name.into(), value);
    }
    let header = json!({"alg": alg, "kid": kid});
    let signing_input = format!(
        "{}.{}",
        b64url(header.to_string().as_bytes()),
        b64url(Value::Object(claims).to_string().as_bytes())
    );
    let signature = keys::sign(
        algorithm,
        private_key.trim_matches('"'),
        signing_input.as_bytes(),
    )
    .map_err(|_| "Failed to sign request with key.")?;
    Ok(format!("{signing_input}.{}", b64url(&signature)))
}

/// The `claims` parameter as an object (an object, or a string holding one; anything else is
/// no claims), or Newman's reason when the string is not JSON.
fn parse_claims(p: &Params<'_>) -> Result<Map<String, Value>, &'static str> {
    Ok(match p.auth.params.get("claims") {
        Some(Value::Object(map)) => map.clone(),
        Some(Value::String(text)) if !text.trim().is_empty() => {
            match serde_json::from_str::<Value>(&p.get("claims")) {
                Ok(Value::Object(map)) => map,
                Ok(_) => Map::new(),
                Err(_) => return Err("Failed to parse claims"),
            }
        }
        _ => Map::new(),
    })
}

/// The `exp` claim: the claims' own (non-zero) `exp`, else `now` plus the `exp` parameter's
/// seconds (3600 when absent or zero).
fn expires(p: &Params<'_>, claims: &Map<String, Value>, now: i64) -> i64 {
    let expiry = p
        .get("exp")
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|e| *e != 0)
        .unwrap_or(3600);
    claims
        .get("exp")
        .and_then(|v| v.as_i64().or_else(|| v.as_str()?.trim().parse().ok()))
        .filter(|e| *e != 0)
        .unwrap_or(now + expiry)
}

/// The signing algorithm a JWT `alg` names, or `None` when it is not one ASAP allows.
fn parse_algorithm(alg: &str) -> Option<Algorithm> {
    Some(match alg {
        "RS256" => Algorithm::RsaPkcs1(Hash::Sha256),
        "RS384" => Algorithm::RsaPkcs1(Hash::Sha384),
        "RS512" => Algorithm::RsaPkcs1(Hash::Sha512),
        "PS256" => Algorithm::RsaPss(Hash::Sha256),
        "PS384" => Algorithm::RsaPss(Hash::Sha384),
        "PS512" => Algorithm::RsaPss(Hash::Sha512),
        "ES256" => Algorithm::EcP256,
        "ES384" => Algorithm::EcP384,
        "ES512" => Algorithm::EcP521,
        _ => return None,
    })
}

/// JavaScript truthiness of a claim value (empty strings, `0`, `false`, `null` are missing).
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{apply, auth, get, header_of};
    use base64::Engine as _;
    use serde_json::Value;

    #[test]
    fn asap_missing_claims_warn_as_newman() {
        let r = apply(&auth("asap", &[("iss", "me")]), &get("http://h/"));
        assert!(r.effects.is_empty());
        assert_eq!(
            r.warning.as_deref(),
            Some(
                "runtime~asap.auth: could not sign the request: One or more of required claims missing"
            )
        );
        let r = apply(&auth("asap", &[("claims", "{oops")]), &get("http://h/"));
        assert!(
            r.warning
                .is_some_and(|w| w.ends_with("Failed to parse claims"))
        );
    }

    #[test]
    fn asap_signs_an_rs256_token_with_the_claims() {
        use super::super::keys::tests::RSA_KEY;
        let a = auth(
            "asap",
            &[
                ("iss", "svc"),
                ("aud", "api"),
                ("kid", "svc/key1"),
                ("privateKey", RSA_KEY),
                ("claims", "{\"scope\": \"read\"}"),
            ],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(r.warning.is_none(), "{:?}", r.warning);
        let value = header_of(&r, "authorization").unwrap_or_default();
        let token = value.strip_prefix("Bearer ").unwrap_or_default();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |s: &str| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .unwrap_or_default()
        };
        let header: Value = serde_json::from_slice(&decode(parts[0])).unwrap_or_default();
        assert_eq!(
            header,
            serde_json::json!({"alg": "RS256", "kid": "svc/key1"})
        );
        let claims: Value = serde_json::from_slice(&decode(parts[1])).unwrap_or_default();
        assert_eq!(claims["scope"], "read");
        assert_eq!(claims["sub"], "svc");
        assert_eq!(claims["aud"], "api");
        assert_eq!(
            claims["exp"].as_i64().unwrap_or(0) - claims["iat"].as_i64().unwrap_or(0),
            3600
        );
    }
}
