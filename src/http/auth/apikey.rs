//! `apikey`: a `key`/`value` pair sent as a header or (`in: query`) a query parameter (replacing
//! a parameter of that name the URL already has).

use super::{AuthEffect, AuthResult, Params};

/// Sign with `key`, `value` and `in`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let key = p.get("key");
    let value = p.get("value");
    if key.is_empty() {
        // Newman sends nothing for a value without a name, and says nothing either.
        return AuthResult::default();
    }
    let effect = if p.get("in") == "query" {
        AuthEffect::SetQuery(encode_query_part(&key), encode_query_part(&value))
    } else {
        AuthEffect::Header(key, value)
    };
    AuthResult {
        effects: vec![effect],
        warning: None,
    }
}

/// Encode the characters that would split a query parameter (`&`, `#`, `=`, `%`, space), leaving
/// the rest as typed, like Postman's query encoding.
fn encode_query_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '&' => out.push_str("%26"),
            '#' => out.push_str("%23"),
            '=' => out.push_str("%3D"),
            ' ' => out.push_str("%20"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apikey_query_parts_are_encoded() {
        assert_eq!(encode_query_part("a b&c=d#e%"), "a%20b%26c%3Dd%23e%25");
        assert_eq!(encode_query_part("plain-key_1"), "plain-key_1");
    }
}
