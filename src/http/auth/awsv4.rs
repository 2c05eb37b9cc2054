//! `awsv4`: AWS Signature Version 4 (`AWS4-HMAC-SHA256`), in the `Authorization` header or, with
//! `addAuthDataToQuery`, as `X-Amz-*` query parameters (pre-signed URL).
//!
//! Signed headers: the request's own headers (except hop-by-hop and `User-Agent`-like ones postie
//! adds later), `host`, `x-amz-date`, `x-amz-security-token` with a `sessionToken`, and
//! `x-amz-content-sha256` for S3.

use super::util::{Hash, UrlParts, Utc, form_pairs, hex, percent_decode, percent_encode, unix_now};
use super::{AuthEffect, AuthResult, Params, SignInput};

/// Headers never signed (they may change on the way or are added by the HTTP stack).
const UNSIGNED: [&str; 7] = [
    "authorization",
    "connection",
    "x-amzn-trace-id",
    "user-agent",
    "expect",
    "presigned-expires",
    "range",
];

/// Sign with `accessKey`, `secretKey`, `region`, `service`, `sessionToken`, `addAuthDataToQuery`.
pub(super) fn sign(p: &Params<'_>, input: &SignInput<'_>) -> AuthResult {
    sign_at(p, input, unix_now())
}

/// Sign as of `now` (seconds since the epoch).
fn sign_at(p: &Params<'_>, input: &SignInput<'_>, now: u64) -> AuthResult {
    let url = match UrlParts::parse(input.url) {
        Ok(url) => url,
        Err(e) => return AuthResult::warn(format!("awsv4 auth: {e}")),
    };
    let t = Utc::from_unix(now);
    let date = format!("{:04}{:02}{:02}", t.year, t.month, t.day);
    let region = p.or("region", "us-east-1");
    let service = p.or("service", &default_service(&url.host));
    let c = Context {
        amz_date: format!("{date}T{:02}{:02}{:02}Z", t.hour, t.minute, t.second),
        s3: service == "s3",
        // An absent access key reads `undefined` in the credential, as Newman's signer writes it.
        access_key: if p.auth.params.contains_key("accessKey") {
            p.get("accessKey")
        } else {
            "undefined".to_string()
        },
        token: p.get("sessionToken"),
        scope: format!("{date}/{region}/{service}/aws4_request"),
        user_host: input
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("host")),
        authority: url.authority(),
    };
    let to_query = p.flag("addAuthDataToQuery");

    let mut headers: Vec<(String, String)> = vec![("host".into(), url.authority())];
    let mut query = url.query.as_deref().map(form_pairs).unwrap_or_default();
    let mut effects = Vec::new();
    let payload_hash = if to_query {
        sign_into_query(&c, input, &mut headers, &mut query, &mut effects)
    } else {
        sign_into_headers(&c, input, &mut headers, &mut effects)
    };

    let (canonical_headers, signed_headers) = canonical_headers(&headers);
    let canonical = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{payload_hash}",
        input.method.to_ascii_uppercase(),
        canonical_path(&url.path, c.s3),
        canonical_query(&query),
    );
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{}\n{}",
        c.amz_date,
        c.scope,
        hex(&Hash::Sha256.digest(canonical.as_bytes()))
    );
    let key = signing_key(&p.get("secretKey"), [&date, &region, &service]);
    let signature = hex(&Hash::Sha256.hmac(&key, string_to_sign.as_bytes()));
    if to_query {
        effects.push(AuthEffect::Query("X-Amz-Signature".into(), signature));
    } else {
        effects.push(AuthEffect::Header(
            "Authorization".into(),
            format!(
                "AWS4-HMAC-SHA256 Credential={}/{}, SignedHeaders={signed_headers}, Signature={signature}",
                c.access_key, c.scope
            ),
        ));
    }
    AuthResult {
        effects,
        warning: None,
    }
}

/// What both signing modes need besides the request.
struct Context {
    /// `X-Amz-Date`: `YYYYMMDDTHHMMSSZ`.
    amz_date: String,
    /// Whether the service is `s3` (different payload hash and path rules).
    s3: bool,
    /// The access key (`undefined` when absent).
    access_key: String,
    /// The session token (may be empty).
    token: String,
    /// The credential scope: `date/region/service/aws4_request`.
    scope: String,
    /// Whether the request has its own `Host` header.
    user_host: bool,
    /// The URL's host and port, the value of `host`.
    authority: String,
}

/// `addAuthDataToQuery` mode: collects the signed headers, adds the `X-Amz-*` query parameters
/// (to `query`, which is signed, and as effects) and returns the payload hash.
fn sign_into_query(
    c: &Context,
    input: &SignInput<'_>,
    headers: &mut Vec<(String, String)>,
    query: &mut Vec<(String, String)>,
    effects: &mut Vec<AuthEffect>,
) -> String {
    // Newman's signer gets no body in this mode: the payload is that of an empty body.
    let payload_hash = if c.s3 {
        "UNSIGNED-PAYLOAD".to_string()
    } else {
        hex(&Hash::Sha256.digest(b""))
    };
    // Every header of the request is signed, as in header mode.
    for (name, value) in input.headers {
        let lower = name.to_ascii_lowercase();
        if !UNSIGNED.contains(&lower.as_str()) && lower != "host" {
            headers.push((lower, value.clone()));
        }
    }
    let (_, signed_headers) = canonical_headers(headers);
    // Newman's order; `X-Amz-Expires` only for S3 and only when the URL has none.
    let mut added = Vec::new();
    if !c.token.is_empty() {
        added.push(("X-Amz-Security-Token", c.token.clone()));
    }
    if c.s3 && !query.iter().any(|(k, _)| k == "X-Amz-Expires") {
        added.push(("X-Amz-Expires", "86400".to_string()));
    }
    added.push(("X-Amz-Date", c.amz_date.clone()));
    added.push(("X-Amz-Algorithm", "AWS4-HMAC-SHA256".to_string()));
    added.push(("X-Amz-Credential", format!("{}/{}", c.access_key, c.scope)));
    added.push(("X-Amz-SignedHeaders", signed_headers));
    for (k, v) in added {
        query.push((k.to_string(), v.clone()));
        effects.push(AuthEffect::Query(k.to_string(), percent_encode(&v)));
    }
    // The signing library adds `Host` when the user set none.
    if !c.user_host {
        effects.push(AuthEffect::Header("Host".into(), c.authority.clone()));
    }
    payload_hash
}

/// Header mode: collects the signed headers, adds the `X-Amz-*` headers (signed, and as
/// effects) and returns the payload hash.
fn sign_into_headers(
    c: &Context,
    input: &SignInput<'_>,
    headers: &mut Vec<(String, String)>,
    effects: &mut Vec<AuthEffect>,
) -> String {
    let payload_hash = hex(&Hash::Sha256.digest(input.body.unwrap_or_default()));
    for (name, value) in input.headers {
        let lower = name.to_ascii_lowercase();
        if !UNSIGNED.contains(&lower.as_str()) && !lower.starts_with("x-amz-") && lower != "host" {
            headers.push((lower, value.clone()));
        }
    }
    // Newman's order: the body hash when there is a body (the runtime sets it before signing),
    // `Host` (the signing library adds it when the user set none), the session token, the
    // body hash for s3 without a body (the signing library's own), the date.
    let mut added = Vec::new();
    let has_body = input.body.is_some_and(|b| !b.is_empty());
    if has_body {
        added.push(("X-Amz-Content-Sha256", payload_hash.clone()));
    }
    if !c.user_host {
        added.push(("Host", c.authority.clone()));
    }
    if !c.token.is_empty() {
        added.push(("X-Amz-Security-Token", c.token.clone()));
    }
    if c.s3 && !has_body {
        added.push(("X-Amz-Content-Sha256", payload_hash.clone()));
    }
    added.push(("X-Amz-Date", c.amz_date.clone()));
    for (k, v) in added {
        // `host` is signed already (first of the signed headers).
        if k != "Host" {
            headers.push((k.to_ascii_lowercase(), v.clone()));
        }
        effects.push(AuthEffect::Header(k.to_string(), v));
    }
    payload_hash
}

/// The signing key: `AWS4` + secret, HMAC-chained through date, region, service and `aws4_request`.
fn signing_key(secret: &str, [date, region, service]: [&str; 3]) -> Vec<u8> {
    let mut key = format!("AWS4{secret}").into_bytes();
    for part in [date, region, service, "aws4_request"] {
        key = Hash::Sha256.hmac(&key, part.as_bytes());
    }
    key
}

/// `service` from `service.region.amazonaws.com`-style hosts, else `execute-api`.
fn default_service(host: &str) -> String {
    match host
        .strip_suffix(".amazonaws.com")
        .or(host.strip_suffix(".amazonaws.com.cn"))
    {
        Some(prefix) => prefix
            .split('.')
            .next()
            .unwrap_or("execute-api")
            .to_string(),
        None => "execute-api".to_string(),
    }
}

/// Each path segment normalized to RFC 3986 encoding; encoded once more except for S3.
fn canonical_path(path: &str, s3: bool) -> String {
    path.split('/')
        .map(|segment| {
            let once = percent_encode(&percent_decode(segment, false));
            if s3 { once } else { percent_encode(&once) }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Encoded `k=v` pairs sorted by key, then value.
fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (percent_encode(k), percent_encode(v)))
        .collect();
    encoded.sort();
    encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The canonical header block (with its trailing newline) and the signed header list.
fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    let mut merged: Vec<(String, String)> = Vec::new();
    for (name, value) in headers {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        match merged.iter_mut().find(|(n, _)| n == name) {
            Some((_, existing)) => {
                existing.push(',');
                existing.push_str(&value);
            }
            None => merged.push((name.clone(), value)),
        }
    }
    merged.sort();
    let block = merged.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
    let names = merged
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    (block, names)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{auth, header_of};
    use super::*;

    /// 2015-08-30T12:36:00Z, the time of AWS's documented examples.
    const EXAMPLE_TIME: u64 = 1_440_938_160;
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    fn run(params: &[(&str, &str)], input: &SignInput<'_>) -> AuthResult {
        let mut all = vec![("accessKey", "AKIDEXAMPLE"), ("secretKey", SECRET)];
        all.extend_from_slice(params);
        let a = auth("awsv4", &all);
        let p = Params { auth: &a };
        sign_at(&p, input, EXAMPLE_TIME)
    }

    #[test]
    fn awsv4_vanilla_query_order_example() {
        let input = SignInput {
            method: "GET",
            url: "https://example.amazonaws.com/?Param2=value2&Param1=value1",
            headers: &[],
            body: None,
            body_type: None,
        };
        let r = run(&[("region", "us-east-1"), ("service", "service")], &input);
        assert_eq!(
            header_of(&r, "authorization").as_deref(),
            Some(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
            )
        );
        assert_eq!(
            header_of(&r, "x-amz-date").as_deref(),
            Some("20150830T123600Z")
        );
    }

    #[test]
    fn awsv4_iam_list_users_example() {
        let headers = [(
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded; charset=utf-8".to_string(),
        )];
        let input = SignInput {
            method: "GET",
            url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
            headers: &headers,
            body: None,
            body_type: None,
        };
        let r = run(&[], &input);
        assert_eq!(
            header_of(&r, "authorization").as_deref(),
            Some(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
            )
        );
    }

    #[test]
    fn awsv4_query_mode_and_session_token() {
        let r = run(
            &[("addAuthDataToQuery", "true"), ("sessionToken", "t/k")],
            &SignInput {
                method: "GET",
                url: "https://s3.amazonaws.com/b/k",
                headers: &[],
                body: None,
                body_type: None,
            },
        );
        let names: Vec<&str> = r
            .effects
            .iter()
            .filter_map(|e| match e {
                AuthEffect::Query(k, _) => Some(k.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(names.len(), 7);
        assert!(names.contains(&"X-Amz-Security-Token") && names.contains(&"X-Amz-Signature"));
        assert!(r.effects.contains(&AuthEffect::Query(
            "X-Amz-Credential".into(),
            "AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request".into()
        )));
    }

    #[test]
    fn awsv4_query_mode_signs_headers_and_an_empty_payload() {
        // Expected values from Newman's signing library for the same request and time: the body
        // is not signed in query mode, the user's headers are, no X-Amz-Expires outside S3.
        let headers = [("X-Custom".to_string(), "v".to_string())];
        let r = run(
            &[("addAuthDataToQuery", "true"), ("service", "service")],
            &SignInput {
                method: "POST",
                url: "https://example.amazonaws.com/p?b=1",
                headers: &headers,
                body: Some(b"ignored"),
                body_type: None,
            },
        );
        let query: Vec<String> = r
            .effects
            .iter()
            .filter_map(|e| match e {
                AuthEffect::Query(k, v) => Some(format!("{k}={v}")),
                _ => None,
            })
            .collect();
        assert_eq!(
            query.join("&"),
            "X-Amz-Date=20150830T123600Z&X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request\
             &X-Amz-SignedHeaders=host%3Bx-custom\
             &X-Amz-Signature=06a2c209ff58a9780f53fcf1fff5d578114ca91b43628001f16ac98386174855"
        );
        assert!(r.effects.contains(&AuthEffect::Header(
            "Host".into(),
            "example.amazonaws.com".into()
        )));
    }

    #[test]
    fn awsv4_paths_are_double_encoded_except_s3() {
        assert_eq!(canonical_path("/a%20b/c", false), "/a%2520b/c");
        assert_eq!(canonical_path("/a%20b/c", true), "/a%20b/c");
    }
}
