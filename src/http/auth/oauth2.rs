//! `oauth2`: applies an existing `accessToken` (postie, like Newman, fetches no tokens), as an
//! `Authorization: <headerPrefix> <token>` header or (`addTokenTo: queryParams`) an
//! `access_token` query parameter.

use super::util::percent_encode;
use super::{AuthResult, Params};

/// Sign with `accessToken`, `addTokenTo` and `headerPrefix` (default `Bearer`).
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let token = p.get("accessToken");
    if token.is_empty() {
        return AuthResult::default();
    }
    if p.get("addTokenTo") == "queryParams" {
        return AuthResult::query("access_token".into(), percent_encode(&token));
    }
    AuthResult::prefixed_token(p, token)
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
                &[("accessToken", "a b"), ("addTokenTo", "queryParams")],
            ),
            &input,
        );
        assert_eq!(
            r.effects,
            [AuthEffect::SetQuery("access_token".into(), "a%20b".into())]
        );
        assert!(apply(&auth("oauth2", &[]), &input).effects.is_empty());
    }
}
