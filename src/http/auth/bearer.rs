//! `bearer`: `Authorization: Bearer <token>`; nothing at all when the token is empty.

use super::{AuthResult, Params};

/// Sign with `token`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let token = p.get("token");
    if token.is_empty() {
        return AuthResult::default();
    }
    AuthResult::header("Authorization", format!("Bearer {token}"))
}
