//! `oauth1` (RFC 5849): HMAC-SHA1/256/512, PLAINTEXT and RSA-SHA1/256/512 signatures (RSASSA-PKCS1-v1_5
//! with the PEM key in `privateKey`; an unreadable key is a warning and the request goes out
//! without auth). The signature base string covers the method, the base URI, the URL's query
//! parameters, `application/x-www-form-urlencoded` body parameters and the `oauth_*` parameters.
//! The parameters go into an `Authorization: OAuth ...` header, or with `addParamsToHeader` off
//! into the form body (for form bodies) or the query string.

use super::keys::{self, Algorithm};
use super::util::{Hash, UrlParts, b64, form_pairs, percent_encode, random_alnum, unix_now};
use super::{AuthEffect, AuthResult, Params, SignInput};

/// The parameter names OAuth 1.0a owns: ones the URL already has are dropped before signing.
const OAUTH_PARAMS: [&str; 10] = [
    "oauth_consumer_key",
    "oauth_token",
    "oauth_signature_method",
    "oauth_timestamp",
    "oauth_nonce",
    "oauth_version",
    "oauth_signature",
    "oauth_callback",
    "oauth_verifier",
    "oauth_body_hash",
];

/// How the base string is signed.
#[derive(Debug, Clone, Copy)]
enum Method {
    Hmac(Hash),
    Rsa(Hash),
    Plaintext,
}

/// Sign per the auth block's settings.
pub(super) fn sign(p: &Params<'_>, input: &SignInput<'_>) -> AuthResult {
    let method = p.or("signatureMethod", "HMAC-SHA1").to_ascii_uppercase();
    let rsa = method.starts_with("RSA");
    let key = if rsa { "privateKey" } else { "consumerSecret" };
    if p.get("consumerKey").is_empty() || p.get(key).is_empty() {
        // Nothing to sign with: Newman sends the request as it is.
        return AuthResult::default();
    }
    let Some(kind) = parse_method(&method) else {
        return AuthResult::warn(format!(
            "oauth1 signature method \"{method}\" is not supported by postie; the request was sent without auth"
        ));
    };
    let url = match UrlParts::parse(input.url) {
        Ok(url) => url,
        Err(e) => return AuthResult::warn(format!("oauth1 auth: {e}")),
    };
    let form_body = input.is_form_body();
    let mut oauth = oauth_params(p, &method);
    if p.flag("includeBodyHash") && !form_body {
        oauth.push(("oauth_body_hash".into(), body_hash(kind, input)));
    }
    let (request_params, mut effects) = request_params(&url, input, form_body);
    let base = base_string(input.method, &url, &request_params, &oauth);
    let signature = match signature(p, kind, &base) {
        Ok(signature) => signature,
        Err(e) => {
            return AuthResult::warn(format!(
                "oauth1 auth ({method}): {e}; the request was sent without auth"
            ));
        }
    };
    oauth.push(("oauth_signature".into(), signature));
    // Newman moves the parameters into a form body only on PUT and POST (a substring test).
    let upper = input.method.to_ascii_uppercase();
    let into_body = form_body && (upper.contains("PUT") || upper.contains("POST"));
    place_params(p, oauth, into_body, &mut effects);
    AuthResult {
        effects,
        warning: None,
    }
}

/// The signing method a `signatureMethod` (upper-cased) names, or `None` when postie lacks it.
fn parse_method(method: &str) -> Option<Method> {
    Some(match method {
        "HMAC-SHA1" => Method::Hmac(Hash::Sha1),
        "HMAC-SHA256" => Method::Hmac(Hash::Sha256),
        "HMAC-SHA512" => Method::Hmac(Hash::Sha512),
        "RSA-SHA1" => Method::Rsa(Hash::Sha1),
        "RSA-SHA256" => Method::Rsa(Hash::Sha256),
        "RSA-SHA512" => Method::Rsa(Hash::Sha512),
        "PLAINTEXT" => Method::Plaintext,
        _ => return None,
    })
}

/// The `oauth_*` parameters before the body hash and the signature, in the order they are sent.
fn oauth_params(p: &Params<'_>, method: &str) -> Vec<(String, String)> {
    let add_empty = p.flag("addEmptyParamsToSign");
    let mut oauth: Vec<(String, String)> = Vec::new();
    let mut push = |key: &str, value: String, always: bool| {
        // Without addEmptyParamsToSign, blank (whitespace-only) values are left out too.
        if always || add_empty || !value.trim().is_empty() {
            oauth.push((key.to_string(), value));
        }
    };
    push("oauth_consumer_key", p.get("consumerKey"), true);
    push("oauth_token", p.get("token"), false);
    push("oauth_signature_method", method.to_string(), true);
    let timestamp = p.any(&["timestamp", "timeStamp"]);
    let timestamp = if timestamp.is_empty() {
        unix_now().to_string()
    } else {
        timestamp
    };
    push("oauth_timestamp", timestamp, true);
    let nonce = p.get("nonce");
    push(
        "oauth_nonce",
        if nonce.is_empty() {
            random_alnum(11)
        } else {
            nonce
        },
        true,
    );
    push("oauth_version", p.get("version"), false);
    // The callback and verifier extensions are only ever sent when they have a value, whatever
    // addEmptyParamsToSign says (servers without the extensions reject them).
    for (key, name) in [
        ("oauth_callback", "callback"),
        ("oauth_verifier", "verifier"),
    ] {
        let value = p.get(name);
        if !value.is_empty() {
            oauth.push((key.to_string(), value));
        }
    }
    oauth
}

/// The `oauth_body_hash` value: the body's digest with the signature's hash (SHA-1 for PLAINTEXT).
fn body_hash(kind: Method, input: &SignInput<'_>) -> String {
    let hash = match kind {
        Method::Hmac(hash) | Method::Rsa(hash) => hash,
        Method::Plaintext => Hash::Sha1,
    };
    b64(&hash.digest(input.body.unwrap_or_default()))
}

/// The request's own parameters to sign (query, then a form body's), without stale `oauth_*`
/// ones, and the effects that remove those stale parameters from the request.
fn request_params(
    url: &UrlParts,
    input: &SignInput<'_>,
    form_body: bool,
) -> (Vec<(String, String)>, Vec<AuthEffect>) {
    let mut request_params = url.query.as_deref().map(form_pairs).unwrap_or_default();
    // Stale OAuth parameters in the URL (and a form body) are removed first, and not signed.
    let mut effects: Vec<AuthEffect> = OAUTH_PARAMS
        .iter()
        .filter(|name| request_params.iter().any(|(k, _)| k == *name))
        .map(|name| AuthEffect::RemoveQuery((*name).to_string()))
        .collect();
    request_params.retain(|(k, _)| !OAUTH_PARAMS.contains(&k.as_str()));
    if form_body {
        let body = String::from_utf8_lossy(input.body.unwrap_or_default());
        let mut body_params = form_pairs(&body);
        effects.extend(
            OAUTH_PARAMS
                .iter()
                .filter(|name| body_params.iter().any(|(k, _)| k == *name))
                .map(|name| AuthEffect::RemoveBodyParam((*name).to_string())),
        );
        body_params.retain(|(k, _)| !OAUTH_PARAMS.contains(&k.as_str()));
        request_params.extend(body_params);
    }
    (request_params, effects)
}

/// The `oauth_signature` of the base string; an error when the RSA key cannot be used.
fn signature(p: &Params<'_>, kind: Method, base: &str) -> Result<String, String> {
    let secret = || {
        format!(
            "{}&{}",
            percent_encode(&p.get("consumerSecret")),
            percent_encode(&p.get("tokenSecret"))
        )
    };
    Ok(match kind {
        Method::Hmac(hash) => b64(&hash.hmac(secret().as_bytes(), base.as_bytes())),
        Method::Rsa(hash) => {
            let signature = keys::sign(
                Algorithm::RsaPkcs1(hash),
                &p.get("privateKey"),
                base.as_bytes(),
            )?;
            b64(&signature)
        }
        Method::Plaintext => secret(),
    })
}

/// Puts the signed parameters in an `Authorization: OAuth` header, or with `addParamsToHeader`
/// off into the form body (for form bodies) or the query string.
fn place_params(
    p: &Params<'_>,
    oauth: Vec<(String, String)>,
    form_body: bool,
    effects: &mut Vec<AuthEffect>,
) {
    if p.flag("addParamsToHeader") {
        effects.push(AuthEffect::Header(
            "Authorization".into(),
            header_value(p, &oauth),
        ));
    } else {
        for (k, v) in oauth {
            let (k, v) = (percent_encode(&k), percent_encode(&v));
            effects.push(if form_body {
                AuthEffect::BodyParam(k, v)
            } else {
                AuthEffect::Query(k, v)
            });
        }
    }
}

/// The `OAuth ...` header value: a non-blank realm first, then each parameter that has a value
/// (trimmed; empty ones are left out even when they were signed), percent-encoded unless
/// `disableHeaderEncoding` is on.
fn header_value(p: &Params<'_>, oauth: &[(String, String)]) -> String {
    let encode = !p.flag("disableHeaderEncoding");
    let enc = |s: &str| {
        if encode {
            percent_encode(s)
        } else {
            s.to_string()
        }
    };
    let realm = p.get("realm");
    let mut parts = Vec::new();
    if !realm.trim().is_empty() {
        parts.push(format!("realm=\"{}\"", enc(&realm)));
    }
    parts.extend(
        oauth
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{}=\"{}\"", enc(k), enc(v.trim()))),
    );
    format!("OAuth {}", parts.join(","))
}

/// The RFC 5849 §3.4.1 signature base string.
fn base_string(
    method: &str,
    url: &UrlParts,
    request_params: &[(String, String)],
    oauth: &[(String, String)],
) -> String {
    let base_uri = format!("{}://{}{}", url.scheme, url.authority(), url.path);
    let mut pairs: Vec<(String, String)> = request_params
        .iter()
        .chain(oauth)
        .filter(|(k, _)| k != "oauth_signature" && k != "realm")
        .map(|(k, v)| (percent_encode(k), percent_encode(v)))
        .collect();
    pairs.sort();
    let normalized = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        percent_encode(&base_uri),
        percent_encode(&normalized)
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{apply, auth, get, header_of};
    use super::*;

    #[test]
    fn oauth1_rfc5849_base_string() {
        let url =
            UrlParts::parse("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b").unwrap();
        let mut params = form_pairs(url.query.as_deref().unwrap());
        params.extend(form_pairs("c2&a3=2+q"));
        let oauth: Vec<(String, String)> = [
            ("oauth_consumer_key", "9djdj82h48djs9d2"),
            ("oauth_token", "kkk9d7dh3k39sjv7"),
            ("oauth_signature_method", "HMAC-SHA1"),
            ("oauth_timestamp", "137131201"),
            ("oauth_nonce", "7d8f3e4a"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            base_string("POST", &url, &params, &oauth),
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
        );
    }

    fn photos(extra: &[(&str, &str)]) -> crate::collection::Auth {
        let mut params = vec![
            ("consumerKey", "dpf43f3p2l4k3l03"),
            ("consumerSecret", "kd94hf93k423kf44"),
            ("token", "nnch734d00sl2jdk"),
            ("tokenSecret", "pfkkdhi9sl3r4s00"),
            ("signatureMethod", "HMAC-SHA1"),
            ("timestamp", "137131202"),
            ("nonce", "chapoH"),
            ("realm", "Photos"),
        ];
        params.extend_from_slice(extra);
        auth("oauth1", &params)
    }

    #[test]
    fn oauth1_rfc5849_hmac_sha1_example() {
        let a = photos(&[("addParamsToHeader", "true")]);
        let r = apply(
            &a,
            &get("http://photos.example.net/photos?file=vacation.jpg&size=original"),
        );
        let h = header_of(&r, "authorization").unwrap();
        assert!(h.starts_with("OAuth realm=\"Photos\",oauth_consumer_key=\"dpf43f3p2l4k3l03\""));
        assert!(h.ends_with("oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\""));
    }

    #[test]
    fn oauth1_header_leaves_out_empty_values_and_can_skip_encoding() {
        let empty_token = photos(&[
            ("addParamsToHeader", "true"),
            ("addEmptyParamsToSign", "true"),
            ("token", ""),
        ]);
        let r = apply(&empty_token, &get("http://photos.example.net/photos"));
        assert!(
            !header_of(&r, "authorization")
                .unwrap()
                .contains("oauth_token")
        );
        let raw = photos(&[
            ("addParamsToHeader", "true"),
            ("disableHeaderEncoding", "true"),
            ("callback", "http://cb/a b"),
        ]);
        let r = apply(&raw, &get("http://photos.example.net/photos"));
        assert!(
            header_of(&r, "authorization")
                .unwrap()
                .contains("oauth_callback=\"http://cb/a b\"")
        );
    }

    #[test]
    fn oauth1_drops_stale_url_params_and_empty_extensions() {
        // A URL that carries an oauth_ parameter signs as the same URL without it (Newman
        // removes it first), and empty callback/verifier are never sent, even with
        // addEmptyParamsToSign.
        let with_stale = photos(&[
            ("addParamsToHeader", "true"),
            ("addEmptyParamsToSign", "true"),
        ]);
        let r = apply(
            &with_stale,
            &get(
                "http://photos.example.net/photos?file=vacation.jpg&oauth_nonce=old&size=original",
            ),
        );
        assert!(
            r.effects
                .contains(&AuthEffect::RemoveQuery("oauth_nonce".into()))
        );
        let h = header_of(&r, "authorization").unwrap();
        assert!(!h.contains("oauth_callback") && !h.contains("oauth_verifier"));
        let r = apply(
            &with_stale,
            &get("http://photos.example.net/photos?file=vacation.jpg&size=original"),
        );
        assert_eq!(header_of(&r, "authorization").unwrap(), h);
    }

    #[test]
    fn oauth1_query_body_and_plaintext() {
        let a = photos(&[("signatureMethod", "PLAINTEXT")]);
        let r = apply(&a, &get("http://photos.example.net/photos"));
        assert!(r.effects.contains(&AuthEffect::Query(
            "oauth_signature".into(),
            "kd94hf93k423kf44%26pfkkdhi9sl3r4s00".into()
        )));
        let headers = [(
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded".to_string(),
        )];
        let input = SignInput {
            method: "POST",
            url: "http://photos.example.net/photos",
            headers: &headers,
            body: Some(b"a=1"),
            body_type: None,
        };
        let r = apply(&photos(&[]), &input);
        assert!(
            r.effects
                .iter()
                .all(|e| matches!(e, AuthEffect::BodyParam(..)))
        );
        // RSA without a private key: Newman signs nothing and says nothing.
        let rsa = apply(&photos(&[("signatureMethod", "RSA-SHA1")]), &input);
        assert!(rsa.effects.is_empty() && rsa.warning.is_none());
        // The auto urlencoded Content-Type (not a user header) still means body parameters.
        let auto = SignInput {
            headers: &[],
            body_type: Some("application/x-www-form-urlencoded"),
            ..input
        };
        let r = apply(&photos(&[]), &auto);
        assert!(
            !r.effects.is_empty()
                && r.effects
                    .iter()
                    .all(|e| matches!(e, AuthEffect::BodyParam(..)))
        );
    }

    /// The RFC 5849 photos request signed with `method` and the PEM key `key`.
    fn photos_rsa(method: &str, key: &str) -> AuthResult {
        let a = photos(&[
            ("signatureMethod", method),
            ("privateKey", key),
            ("addParamsToHeader", "true"),
        ]);
        apply(
            &a,
            &get("http://photos.example.net/photos?file=vacation.jpg&size=original"),
        )
    }

    /// The base string of [`photos_rsa`] for `RSA-SHA1`, written out from RFC 5849 §1.2.
    const PHOTOS_RSA_SHA1_BASE: &str = "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal";

    #[test]
    fn oauth1_rsa_signatures_match_openssl() {
        use super::super::keys::tests::{RSA_KEY, RSA_KEY_PKCS1};
        let url =
            UrlParts::parse("http://photos.example.net/photos?file=vacation.jpg&size=original")
                .unwrap();
        let oauth: Vec<(String, String)> = [
            ("oauth_consumer_key", "dpf43f3p2l4k3l03"),
            ("oauth_token", "nnch734d00sl2jdk"),
            ("oauth_signature_method", "RSA-SHA1"),
            ("oauth_timestamp", "137131202"),
            ("oauth_nonce", "chapoH"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let query = form_pairs(url.query.as_deref().unwrap());
        assert_eq!(
            base_string("GET", &url, &query, &oauth),
            PHOTOS_RSA_SHA1_BASE
        );

        // `printf %s "$BASE" | openssl dgst -sha1 -sign rsa-test-key.pem | base64`
        let sha1 = "ZidCqK8p4cEVvrY1P/LCjBTvLRVaU7PKi4QdWMMLlT5xI92IroIj2TMp2F/5zeviCNGFjLILMtdTTmvedHCkrU8BGDHxGQ18RIEaijSX6jU6WeAYqSIRA+tYanwxg07I4EA8o1jXPOQ2d6rSQbBzfsf+lbfmDqyr9tMCmRcNXcC/ZqCq7NbMnRAK2fXbnO58sPqG93/PFnw6Xa1ROUAKQSXK5SY6MDaVSe7104y+IqneOvpYOWP8oDMqzK43Qnkw7pdciqkXe5bb4269ZMenxWbexeuepzyyJMQ27wT/zKS03LE3dt/8TMyZy1vsHNyjuGTVZKJJfyegeliN+UueYg==";
        let h = header_of(&photos_rsa("RSA-SHA1", RSA_KEY), "authorization").unwrap();
        assert!(h.contains("oauth_signature_method=\"RSA-SHA1\""));
        assert!(h.ends_with(&format!("oauth_signature=\"{}\"", percent_encode(sha1))));

        // The same base string with RSA-SHA512, PKCS#1 key, `openssl dgst -sha512 -sign`.
        let sha512 = "sr1KMzVA0BNVMafx1mozouD1NeEEjMbG/oSs9RjGV6iqw0K1mQbOI0A1yeMdhhEGLYHXsRyLBZVcKTgaIyMWtO4MYQCkJPSJ4BuBAm+WTwRHZI5QGmWhBasFPYyLNokf23iFg5qKm7zaHpQLb0TqlCnQ/+4eEZG4rbbvdm36pHCWTu1XDW7p6mpZMBIfGeFBDpf6X7JIDaaDRm2y+/Ixe1Am+LXzOr5gv8WsQx8ylivq4Nr1D8UaeHoD2yUKlo6n7fWkSTyLxC53kKxsC5K6JOcFbbvovceQie2k5fi24n6E3bohDnjKjnwfQ5kYUrtXcuIKUwXPEWehhmUzigMoHQ==";
        let h = header_of(&photos_rsa("RSA-SHA512", RSA_KEY_PKCS1), "authorization").unwrap();
        assert!(h.ends_with(&format!("oauth_signature=\"{}\"", percent_encode(sha512))));

        // RSA-SHA256 verifies with the public key.
        let r = photos_rsa("rsa-sha256", RSA_KEY);
        assert!(r.warning.is_none());
        let h = header_of(&r, "authorization").unwrap();
        let sig = h
            .rsplit("oauth_signature=\"")
            .next()
            .unwrap()
            .trim_end_matches('"');
        let sig = base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            super::super::util::percent_decode(sig, false),
        )
        .unwrap();
        let base = PHOTOS_RSA_SHA1_BASE.replace("RSA-SHA1", "RSA-SHA256");
        assert!(super::super::keys::tests::rsa_verifies(
            Algorithm::RsaPkcs1(Hash::Sha256),
            base.as_bytes(),
            &sig
        ));
    }

    #[test]
    fn oauth1_rsa_bad_key_warns_and_sends_without_auth() {
        let r = photos_rsa(
            "RSA-SHA256",
            "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----",
        );
        assert!(r.effects.is_empty());
        let w = r.warning.unwrap();
        assert!(
            w.contains("RSA-SHA256") && w.contains("not an RSA private key"),
            "{w}"
        );
        let r = photos_rsa("RSA-SHA1", super::super::keys::tests::EC256_KEY);
        assert!(r.effects.is_empty() && r.warning.is_some());
    }
}
