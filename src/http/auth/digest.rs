//! `digest` (RFC 2617 / RFC 7616): MD5, SHA-256 and SHA-512-256, each also `-sess`; qop `auth`
//! and `auth-int`.
//!
//! As in Postman, a request whose auth has no `realm` and `nonce` goes out unsigned; a 401/403
//! answer with a `WWW-Authenticate: Digest` challenge supplies them (and `opaque`, `qop`,
//! `algorithm` when the user left those empty) and the request is replayed once, signed.

use super::util::{UrlParts, hex, random_alnum};
use super::{AuthResult, Params, SignInput};
use md5::Md5;
use sha2::{Digest as _, Sha256, Sha512_256};

/// Everything that goes into one `Authorization: Digest` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Challenge {
    username: String,
    password: String,
    realm: String,
    nonce: String,
    algorithm: String,
    qop: String,
    nc: String,
    cnonce: String,
    opaque: String,
}

impl Challenge {
    /// The user's parameters.
    fn from_params(p: &Params<'_>) -> Self {
        Challenge {
            username: p.get("username"),
            password: p.get("password"),
            realm: p.get("realm"),
            nonce: p.get("nonce"),
            algorithm: p.get("algorithm"),
            qop: p.get("qop"),
            nc: p.get("nonceCount"),
            cnonce: p.get("clientNonce"),
            opaque: p.get("opaque"),
        }
    }
}

/// Sign directly when the user gave both realm and nonce; otherwise wait for the challenge.
pub(super) fn sign(p: &Params<'_>, input: &SignInput<'_>) -> AuthResult {
    let values = Challenge::from_params(p);
    if values.realm.is_empty() || values.nonce.is_empty() {
        return AuthResult::default();
    }
    let counter = Counter::AsGiven {
        cnonce_absent: !p.has("clientNonce"),
    };
    finish(authorization(&values, input, counter))
}

/// Where the client nonce and the nonce count of a signature come from.
#[derive(Clone, Copy)]
enum Counter {
    /// Signed with the user's realm and nonce: both exactly as the user gave them, as Newman
    /// signs (no `nc` without a count, `cnonce="undefined"` without a client nonce, both empty
    /// in the digest then).
    AsGiven { cnonce_absent: bool },
    /// Replayed after a challenge: a fresh client nonce and count `00000001` unless given.
    Fresh,
}

impl Counter {
    /// `(cnonce hashed, cnonce shown, nc)` for `values`.
    fn pick(self, values: &Challenge) -> (String, String, String) {
        match self {
            Counter::AsGiven { cnonce_absent } => {
                let shown = if cnonce_absent {
                    "undefined".to_string()
                } else {
                    values.cnonce.clone()
                };
                (values.cnonce.clone(), shown, values.nc.clone())
            }
            Counter::Fresh => {
                let cnonce = if values.cnonce.is_empty() {
                    random_alnum(8)
                } else {
                    values.cnonce.clone()
                };
                let nc = match values.nc.trim() {
                    "" => "00000001".to_string(),
                    n if n.len() < 8 && n.chars().all(|c| c.is_ascii_hexdigit()) => {
                        format!("{n:0>8}")
                    }
                    n => n.to_string(),
                };
                (cnonce.clone(), cnonce, nc)
            }
        }
    }
}

/// The replay after a challenge in `response_headers`, if there is one worth making.
pub(super) fn replay(
    p: &Params<'_>,
    input: &SignInput<'_>,
    response_headers: &[(String, String)],
) -> Option<AuthResult> {
    let challenge = response_headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("www-authenticate"))
        .find_map(|(_, v)| {
            let v = v.trim_start();
            v.get(..7)
                .filter(|s| s.eq_ignore_ascii_case("digest "))
                .map(|_| parse_params(&v[7..]))
        })?;
    let get = |key: &str| {
        challenge
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut values = Challenge::from_params(p);
    let already_signed = !values.realm.is_empty() && !values.nonce.is_empty();
    if already_signed {
        // The server rejected the user's realm/nonce: a replay helps only with a fresh nonce.
        if get("nonce").is_empty() || get("nonce") == values.nonce {
            return None;
        }
        values.realm = get("realm");
        values.nonce = get("nonce");
        values.opaque = get("opaque");
    }
    let fill = |field: &mut String, value: String| {
        if field.is_empty() {
            *field = value;
        }
    };
    fill(&mut values.realm, get("realm"));
    fill(&mut values.nonce, get("nonce"));
    fill(&mut values.opaque, get("opaque"));
    fill(&mut values.algorithm, get("algorithm"));
    if values.qop.is_empty() {
        let offered: Vec<String> = get("qop")
            .split(',')
            .map(|q| q.trim().to_ascii_lowercase())
            .filter(|q| !q.is_empty())
            .collect();
        values.qop = ["auth", "auth-int"]
            .into_iter()
            .find(|q| offered.iter().any(|o| o == q))
            .map(str::to_string)
            .or_else(|| offered.first().cloned())
            .unwrap_or_default();
    }
    if values.nonce.is_empty() {
        return None;
    }
    Some(finish(authorization(&values, input, Counter::Fresh)))
}

fn finish(header: Result<String, String>) -> AuthResult {
    match header {
        Ok(value) => AuthResult::header("Authorization", value),
        Err(warning) => AuthResult::warn(warning),
    }
}

/// `k=v, k2="v 2"` parameters of a challenge, in order.
fn parse_params(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([',', ' ', '\t']);
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq].trim().to_string();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut v = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => v.extend(chars.next().map(|(_, c)| c)),
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => v.push(c),
                }
            }
            value = v;
            rest = &quoted[end.min(quoted.len())..];
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_string();
            rest = &rest[end..];
        }
        out.push((key, value));
    }
    out
}

/// A hash function giving lower-case hex.
type HexHash = fn(&[u8]) -> String;

/// The hash an algorithm name stands for, and whether it is a `-sess` variant.
fn algorithm(name: &str) -> Option<(HexHash, bool)> {
    let upper = name.trim().to_ascii_uppercase();
    let (base, sess) = match upper.strip_suffix("-SESS") {
        Some(base) => (base, true),
        None => (upper.as_str(), false),
    };
    let hash: HexHash = match base {
        "" | "MD5" => |d| hex(&Md5::digest(d)),
        "SHA-256" => |d| hex(&Sha256::digest(d)),
        "SHA-512-256" => |d| hex(&Sha512_256::digest(d)),
        _ => return None,
    };
    Some((hash, sess))
}

/// The `Authorization` header value for `values` on `input`.
fn authorization(
    values: &Challenge,
    input: &SignInput<'_>,
    counter: Counter,
) -> Result<String, String> {
    let (h, sess) = algorithm(&values.algorithm).ok_or_else(|| {
        format!(
            "digest auth: unsupported algorithm \"{}\"; the request was sent without it",
            values.algorithm
        )
    })?;
    let uri = UrlParts::parse(input.url)?.resource();
    let qop = values.qop.trim().to_ascii_lowercase();
    let (cnonce, cnonce_shown, nc) = counter.pick(values);
    let mut ha1 = h(format!("{}:{}:{}", values.username, values.realm, values.password).as_bytes());
    if sess {
        ha1 = h(format!("{ha1}:{}:{cnonce_shown}", values.nonce).as_bytes());
    }
    let ha2 = if qop == "auth-int" {
        let body_hash = h(input.body.unwrap_or_default());
        h(format!("{}:{uri}:{body_hash}", input.method).as_bytes())
    } else {
        h(format!("{}:{uri}", input.method).as_bytes())
    };
    let response = if qop.is_empty() {
        h(format!("{ha1}:{}:{ha2}", values.nonce).as_bytes())
    } else {
        h(format!("{ha1}:{}:{nc}:{cnonce}:{qop}:{ha2}", values.nonce).as_bytes())
    };
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let algorithm_name = if values.algorithm.is_empty() {
        "MD5"
    } else {
        values.algorithm.as_str()
    };
    let mut header = format!(
        "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm=\"{algorithm_name}\"",
        quote(&values.username),
        quote(&values.realm),
        quote(&values.nonce),
        quote(&uri),
    );
    if !qop.is_empty() {
        header.push_str(&format!(", qop={qop}"));
        if !nc.is_empty() {
            header.push_str(&format!(", nc={nc}"));
        }
        header.push_str(&format!(", cnonce=\"{}\"", quote(&cnonce_shown)));
    }
    header.push_str(&format!(", response=\"{response}\""));
    if !values.opaque.is_empty() {
        header.push_str(&format!(", opaque=\"{}\"", quote(&values.opaque)));
    }
    Ok(header)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::digest_replay;
    use super::super::tests::{apply, auth, get, header_of};
    use super::*;

    fn response_of(header: &str) -> String {
        let params = parse_params(header.trim_start_matches("Digest "));
        params
            .into_iter()
            .find(|(k, _)| k == "response")
            .map(|(_, v)| v)
            .unwrap_or_default()
    }

    #[test]
    fn digest_rfc2617_example() {
        let a = auth(
            "digest",
            &[
                ("username", "Mufasa"),
                ("password", "Circle Of Life"),
                ("realm", "testrealm@host.com"),
                ("nonce", "dcd98b7102dd2f0e8b11d0f600bfb0c093"),
                ("qop", "auth"),
                ("nonceCount", "00000001"),
                ("clientNonce", "0a4f113b"),
                ("opaque", "5ccc069c403ebaf9f0171e9517f40e41"),
            ],
        );
        let r = apply(&a, &get("http://www.nowhere.org/dir/index.html"));
        let h = header_of(&r, "authorization").unwrap();
        assert_eq!(response_of(&h), "6629fae49393a05397450978507c4ef1");
        assert!(h.contains("uri=\"/dir/index.html\""));
        assert!(h.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
    }

    #[test]
    fn digest_user_nonce_signs_count_and_client_nonce_as_given() {
        let a = auth(
            "digest",
            &[
                ("username", "postman"),
                ("password", "password"),
                ("realm", "echo"),
                ("nonce", "n0nce"),
                ("qop", "auth"),
            ],
        );
        let h = header_of(
            &apply(&a, &get("http://echo.test/digest-auth")),
            "authorization",
        )
        .unwrap();
        assert!(
            h.contains("qop=auth, cnonce=\"undefined\", response="),
            "{h}"
        );
        assert!(!h.contains("nc="), "{h}");
    }

    fn rfc7616(algorithm: &str) -> String {
        let a = auth(
            "digest",
            &[
                ("username", "Mufasa"),
                ("password", "Circle of Life"),
                ("realm", "http-auth@example.org"),
                ("nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"),
                ("algorithm", algorithm),
                ("qop", "auth"),
                ("nonceCount", "00000001"),
                (
                    "clientNonce",
                    "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
                ),
                ("opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"),
            ],
        );
        let r = apply(&a, &get("http://www.example.org/dir/index.html"));
        response_of(&header_of(&r, "authorization").unwrap())
    }

    #[test]
    fn digest_rfc7616_examples() {
        assert_eq!(rfc7616("MD5"), "8ca523f5e9506fed4657c9700eebdbec");
        assert_eq!(
            rfc7616("SHA-256"),
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
        );
    }

    #[test]
    fn digest_sess_int_and_sha512_256() {
        // Cross-checked with Python's hashlib on the same inputs.
        assert_eq!(rfc7616("MD5-sess"), "e783283f46242139c486a698fec7211d");
        assert_eq!(
            rfc7616("SHA-512-256"),
            "430d05014cecc49cab6fbe03176d41a1da86cbfe24a16580e22aaad928d960d0"
        );
    }

    #[test]
    fn digest_unsigned_then_replayed_from_challenge() {
        let a = auth(
            "digest",
            &[("username", "postman"), ("password", "password")],
        );
        let input = get("http://h:1/digest-auth");
        assert_eq!(apply(&a, &input), AuthResult::default());
        let challenge = [(
            "www-authenticate".to_string(),
            "Digest realm=\"Users\", nonce=\"abc\", qop=\"auth,auth-int\", opaque=\"o\""
                .to_string(),
        )];
        assert!(digest_replay(&a, &input, 200, &challenge).is_none());
        let r = digest_replay(&a, &input, 401, &challenge).unwrap();
        let h = header_of(&r, "authorization").unwrap();
        assert!(h.starts_with("Digest username=\"postman\", realm=\"Users\", nonce=\"abc\""));
        assert!(h.contains("qop=auth, nc=00000001") && h.contains("opaque=\"o\""));
        // No digest challenge, or the same nonce the signed request already used: no replay.
        assert!(digest_replay(&a, &input, 401, &[]).is_none());
        let signed = auth("digest", &[("realm", "Users"), ("nonce", "abc")]);
        assert!(digest_replay(&signed, &input, 401, &challenge).is_none());
    }

    #[test]
    fn digest_unknown_algorithm_warns() {
        let a = auth(
            "digest",
            &[("realm", "r"), ("nonce", "n"), ("algorithm", "SHA-1")],
        );
        let r = apply(&a, &get("http://h/"));
        assert!(r.effects.is_empty() && r.warning.is_some());
    }

    /// Without `nonceCount` Newman hashes an empty count and sends no `nc`.
    #[test]
    fn digest_auth_int_hashes_the_body() {
        let a = auth(
            "digest",
            &[
                ("username", "u"),
                ("password", "p"),
                ("realm", "r"),
                ("nonce", "n"),
                ("qop", "auth-int"),
                ("clientNonce", "c"),
            ],
        );
        let input = SignInput {
            method: "POST",
            url: "http://h/x?a=1",
            headers: &[],
            body: Some(b"hello"),
            body_type: None,
        };
        let h = header_of(&apply(&a, &input), "authorization").unwrap();
        assert_eq!(response_of(&h), "4fccee2a8eb081c4e73a679f58f21888");
    }
}
