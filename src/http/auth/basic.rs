//! `basic`: `Authorization: Basic base64(username:password)`.

use super::{AuthResult, Params};
use base64::Engine as _;

/// Sign with `username` and `password`.
pub(super) fn sign(p: &Params<'_>) -> AuthResult {
    let credentials = format!("{}:{}", p.get("username"), p.get("password"));
    let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
    AuthResult::header("Authorization", format!("Basic {encoded}"))
}
