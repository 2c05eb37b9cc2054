//! What digest auth learns during a run. Newman's digest handler writes the challenge's realm,
//! nonce, qop and opaque (and a client nonce and nonce count) into the auth block it signed with,
//! and counts the nonce up after each answered request; later requests signed with the same
//! block (an inherited collection or folder auth, or the same item in a later iteration) then
//! sign at once, without a new challenge. Like Newman, only parameters the user left empty are
//! filled.

use crate::collection::Auth;
use crate::http::{HttpRequest, HttpResponse};
use serde_json::Value;
use std::collections::HashMap;

/// The parameters learned per auth block (keyed by the block's address in the run's plan).
#[derive(Debug, Default)]
pub struct DigestMemory {
    learned: HashMap<usize, Vec<(&'static str, String)>>,
}

/// The digest header fields learned, with the auth parameter each one fills.
const FIELDS: [(&str, &str); 6] = [
    ("realm", "realm"),
    ("nonce", "nonce"),
    ("qop", "qop"),
    ("opaque", "opaque"),
    ("cnonce", "clientNonce"),
    ("nc", "nonceCount"),
];

impl DigestMemory {
    /// `auth` with what was learned for it filled into its empty parameters; `None` when there
    /// is nothing to fill.
    pub fn fill(&self, auth: &Auth) -> Option<Auth> {
        let learned = self.learned.get(&key(auth))?;
        let mut filled = auth.clone();
        for (name, value) in learned {
            if auth.param(name).is_empty() {
                filled
                    .params
                    .insert((*name).to_string(), Value::String(value.clone()));
            }
        }
        Some(filled)
    }

    /// Learn from one exchange signed with `auth`: `sent` is the last request on the wire (the
    /// replay, when a challenge was answered), `response` what it got.
    pub fn learn(&mut self, auth: &Auth, sent: &HttpRequest, response: Option<&HttpResponse>) {
        if auth.kind != "digest" || truthy(auth.params.get("disableRetryRequest")) {
            return;
        }
        let Some(response) = response else {
            return;
        };
        let sent_fields = sent
            .header("authorization")
            .and_then(|v| v.strip_prefix("Digest "))
            .map(header_fields)
            .unwrap_or_default();
        let challenged = matches!(response.status, 401 | 403)
            && response.headers.iter().any(|(k, v)| {
                k.eq_ignore_ascii_case("www-authenticate") && v.starts_with("Digest")
            });
        let mut learned: Vec<(&'static str, String)> = Vec::new();
        for (field, param) in FIELDS {
            if let Some((_, value)) = sent_fields.iter().find(|(k, _)| k == field) {
                learned.push((param, value.clone()));
            }
        }
        if !challenged {
            // An answered request counts the nonce up.
            let current = learned
                .iter()
                .find(|(k, _)| *k == "nonceCount")
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| auth.param("nonceCount"));
            learned.retain(|(k, _)| *k != "nonceCount");
            learned.push(("nonceCount", next_count(&current)));
        }
        if !learned.is_empty() {
            self.learned.insert(key(auth), learned);
        }
    }
}

/// JavaScript truthiness of a parameter.
fn truthy(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::Array(_) | Value::Object(_)) => true,
        _ => false,
    }
}

/// The identity of an auth block of the plan.
fn key(auth: &Auth) -> usize {
    std::ptr::from_ref(auth) as usize
}

/// The nonce count after `current` (8 hex-free digits as Newman pads them; `00000001` when
/// `current` is not a number).
fn next_count(current: &str) -> String {
    let digits: String = current
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match digits.parse::<u64>() {
        Ok(n) => format!("{:08}", n + 1),
        Err(_) => "00000001".to_string(),
    }
}

/// The `name=value` / `name="value"` fields of a digest header.
fn header_fields(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().trim_start_matches(',').trim().to_string();
        let after = &rest[eq + 1..];
        let (value, next) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        out.push((name, value.trim().to_string()));
        rest = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_read_quoted_and_bare_values() {
        let f = header_fields(r#"username="u", realm="a, b", qop=auth, nc=00000001, cnonce="c""#);
        assert_eq!(f[1], ("realm".to_string(), "a, b".to_string()));
        assert_eq!(f[2], ("qop".to_string(), "auth".to_string()));
        assert_eq!(f[4], ("cnonce".to_string(), "c".to_string()));
    }

    #[test]
    fn nonce_count_counts_up_like_newman() {
        assert_eq!(next_count("00000001"), "00000002");
        assert_eq!(next_count(""), "00000001");
        assert_eq!(next_count("0000000a"), "00000001");
    }
}
