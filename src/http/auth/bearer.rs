//! `bearer`: `Authorization: Bearer <token>`.

use super::{AuthResult, Params};

/// Sign with `token`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    AuthResult::header("Authorization", format!("Bearer {}", p.get("token")))
}
