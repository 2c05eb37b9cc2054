//! `apikey`: a `key`/`value` pair sent as a header or (`in: query`) a query parameter.

use super::{AuthEffect, AuthResult, Params};

/// Sign with `key`, `value` and `in`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let key = p.get("key");
    let value = p.get("value");
    if key.is_empty() {
        return AuthResult::warn("apikey auth has no key name; request sent without it");
    }
    let effect = if p.get("in") == "query" {
        AuthEffect::Query(key, value)
    } else {
        AuthEffect::Header(key, value)
    };
    AuthResult {
        effects: vec![effect],
        warning: None,
    }
}
