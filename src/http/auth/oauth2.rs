//! `oauth2`: applies an existing `accessToken` (postie, like Newman, fetches no tokens), as an
//! `Authorization: <headerPrefix> <token>` header or (`addTokenTo: queryParams`) an
//! `access_token` query parameter. As in Newman, a token first clears both places: an
//! `Authorization` header and `access_token` parameters the request already has are removed.

use super::util::query_param_encode;
use super::{AuthEffect, AuthResult, Params};

/// Sign with `accessToken`, `addTokenTo`, `headerPrefix` (default `Bearer`) and `tokenType`
/// (a `mac` token is not applied, as in Newman).
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let token = p.get("accessToken");
    if token.is_empty() || p.get("tokenType").eq_ignore_ascii_case("mac") {
        return AuthResult::default();
    }
    let mut effects = vec![
        AuthEffect::RemoveHeader("Authorization".into()),
        AuthEffect::RemoveQuery("access_token".into()),
    ];
    let placed = match p.get("addTokenTo").as_str() {
        "queryParams" => {
            AuthResult::query("access_token".into(), query_param_encode(&token, false))
        }
        "header" | "" => AuthResult::prefixed_token(p, token),
        // Another place: both are cleared and the token goes nowhere.
        _ => AuthResult::default(),
    };
    effects.extend(placed.effects);
    AuthResult {
        effects,
        warning: None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::AuthEffect;
    use super::super::tests::{apply, auth, get, header_of};

    #[test]
    fn oauth2_header_prefix_and_query() {
        let input = get("http://h/");
        let r = apply(&auth("oauth2", &[("accessToken", "abc")]), &input);
        assert_eq!(
            header_of(&r, "authorization").as_deref(),
            Some("Bearer abc")
        );
        let r = apply(
            &auth(
                "oauth2",
                &[("accessToken", "abc"), ("headerPrefix", "Token")],
            ),
            &input,
        );
        assert_eq!(header_of(&r, "authorization").as_deref(), Some("Token abc"));
        // An explicitly empty prefix sends the bare token.
        let r = apply(
            &auth("oauth2", &[("accessToken", "abc"), ("headerPrefix", " ")]),
            &input,
        );
        assert_eq!(header_of(&r, "authorization").as_deref(), Some("abc"));
        let r = apply(
            &auth(
                "oauth2",
                &[("accessToken", "a b%20c"), ("addTokenTo", "queryParams")],
            ),
            &input,
        );
        assert_eq!(
            r.effects,
            [
                AuthEffect::RemoveHeader("Authorization".into()),
                AuthEffect::RemoveQuery("access_token".into()),
                AuthEffect::SetQuery("access_token".into(), "a%20b%20c".into())
            ]
        );
        let r = apply(
            &auth("oauth2", &[("accessToken", "abc"), ("addTokenTo", "x")]),
            &input,
        );
        assert_eq!(r.effects.len(), 2);
        assert!(apply(&auth("oauth2", &[]), &input).effects.is_empty());
    }
}
