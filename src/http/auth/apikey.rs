//! `apikey`: a `key`/`value` pair sent as a header or (`in: query`) a query parameter (replacing
//! a parameter of that name the URL already has).

use super::util::query_param_encode;
use super::{AuthEffect, AuthResult, Params};

/// Sign with `key`, `value` and `in`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let key = p.get("key");
    let value = p.get("value");
    let in_query = p.get("in") == "query";
    // Newman sends no header without a name, and no query parameter without a name and a value
    // (a value without a name goes out as `=value`); it says nothing either way.
    if key.is_empty() && (!in_query || value.is_empty()) {
        return AuthResult::default();
    }
    let effect = if in_query {
        AuthEffect::SetQuery(
            query_param_encode(&key, true),
            query_param_encode(&value, false),
        )
    } else {
        AuthEffect::Header(key, value)
    };
    AuthResult {
        effects: vec![effect],
        warning: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apikey_empty_name_is_sent_only_as_a_query_value() {
        use super::super::tests::{apply, auth, get};
        let input = get("http://h/");
        let q = |k: &str, v: &str, place: &str| {
            apply(
                &auth("apikey", &[("key", k), ("value", v), ("in", place)]),
                &input,
            )
            .effects
        };
        assert_eq!(
            q("", "v", "query"),
            [AuthEffect::SetQuery("".into(), "v".into())]
        );
        assert!(q("", "", "query").is_empty());
        assert!(q("", "v", "header").is_empty());
        assert_eq!(
            q("k=1 x", "a%20b c&d=e#f", "query"),
            [AuthEffect::SetQuery(
                "k%3D1%20x".into(),
                "a%20b%20c%26d=e%23f".into()
            )]
        );
    }
}
