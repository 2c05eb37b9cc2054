//! `edgegrid`: Akamai `EG1-HMAC-SHA256`. The signing key is HMAC-SHA256(clientSecret, timestamp);
//! the signature is HMAC-SHA256 over the tab-joined method, scheme, host, path+query, the
//! canonical `headersToSign`, the body hash (POST only, first 128 KiB) and the unsigned header.

use super::util::{Hash, UrlParts, Utc, b64, unix_now};
use super::{AuthResult, Params, SignInput};

/// Largest body prefix that is hashed.
const MAX_BODY: usize = 131_072;

/// Sign with `accessToken`, `clientToken`, `clientSecret`, `nonce`, `timestamp`, `baseURL` (its
/// host is signed instead of the request's) and `headersToSign` (comma-separated names).
pub(super) fn sign(p: &Params<'_>, input: &SignInput<'_>) -> AuthResult {
    if ["accessToken", "clientToken", "clientSecret"]
        .iter()
        .any(|k| p.get(k).is_empty())
    {
        // Nothing to sign with: Newman sends the request as it is.
        return AuthResult::default();
    }
    let url = match UrlParts::parse(input.url) {
        Ok(url) => url,
        Err(e) => return AuthResult::warn(format!("edgegrid auth: {e}")),
    };
    let base = p.get("baseURL");
    let base = base.trim();
    let host = if base.is_empty() {
        url.authority()
    } else if base.contains("://") {
        UrlParts::parse(base).map_or_else(|_| url.authority(), |b| b.authority())
    } else {
        base.split('/').next().unwrap_or(base).to_ascii_lowercase()
    };
    let timestamp = p.get("timestamp");
    let timestamp = if timestamp.is_empty() {
        let t = Utc::from_unix(unix_now());
        format!(
            "{:04}{:02}{:02}T{:02}:{:02}:{:02}+0000",
            t.year, t.month, t.day, t.hour, t.minute, t.second
        )
    } else {
        timestamp
    };
    let nonce = p.or("nonce", &uuid::Uuid::new_v4().to_string());
    let auth_header = format!(
        "EG1-HMAC-SHA256 client_token={};access_token={};timestamp={timestamp};nonce={nonce};",
        p.get("clientToken"),
        p.get("accessToken")
    );
    let headers = p
        .get("headersToSign")
        .split([',', ' ', '\n'])
        .filter(|n| !n.is_empty())
        .filter_map(|name| {
            input.header(name).map(|value| {
                format!(
                    "{}:{}",
                    name.to_ascii_lowercase(),
                    value.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            })
        })
        .collect::<Vec<_>>()
        .join("\t");
    let body_hash = match input.body {
        Some(body) if input.method.eq_ignore_ascii_case("POST") && !body.is_empty() => {
            b64(&Hash::Sha256.digest(&body[..body.len().min(MAX_BODY)]))
        }
        _ => String::new(),
    };
    let data = [
        input.method.to_ascii_uppercase(),
        url.scheme.clone(),
        host,
        url.resource(),
        headers,
        body_hash,
        auth_header.clone(),
    ]
    .join("\t");
    let signing_key =
        b64(&Hash::Sha256.hmac(p.get("clientSecret").as_bytes(), timestamp.as_bytes()));
    let signature = b64(&Hash::Sha256.hmac(signing_key.as_bytes(), data.as_bytes()));
    AuthResult::header(
        "Authorization",
        format!("{auth_header}signature={signature}"),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{apply, auth, header_of};
    use super::*;

    #[test]
    fn edgegrid_signs_fixed_request() {
        let a = auth(
            "edgegrid",
            &[
                ("accessToken", "akab-access-token-xxx-xxxxxxxxxxxxxxxx"),
                ("clientToken", "akab-client-token-xxx-xxxxxxxxxxxxxxxx"),
                ("clientSecret", "SOMESECRET"),
                ("nonce", "nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"),
                ("timestamp", "20140321T19:34:21+0000"),
                ("headersToSign", "X-Test1"),
            ],
        );
        let headers = [("X-Test1".to_string(), "  a   b ".to_string())];
        let input = SignInput {
            method: "POST",
            url: "https://akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net/testapi/v1/t1?p=1",
            headers: &headers,
            body: Some(b"datadatadatadatadatadatadatadata"),
            body_type: None,
        };
        let h = header_of(&apply(&a, &input), "authorization").unwrap();
        assert_eq!(
            h,
            "EG1-HMAC-SHA256 client_token=akab-client-token-xxx-xxxxxxxxxxxxxxxx;access_token=akab-access-token-xxx-xxxxxxxxxxxxxxxx;timestamp=20140321T19:34:21+0000;nonce=nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx;signature=TvD6ngicuLawL5B4nxj/LXyyBsI7sxy4+mPVXozoddk="
        );
    }
}
