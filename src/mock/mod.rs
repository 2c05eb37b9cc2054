//! The partner-API simulator: a real HTTP server on 127.0.0.1 implementing Mobsted's `AUTH` and
//! `partners` calls, for `postie demo`, `postie mock partner-api` and the integration tests.
//!
//! Routes (facts and assumptions in `reference/partner-api.md`, section "(c) Local simulator"):
//!
//! | Method | Path | Success |
//! |---|---|---|
//! | `GET` | `/api/v8/auth?login=&password=` | 200 `{access_token, refresh_token, expires_in}` |
//! | `GET` | `/api/v8/refresh?refresh_token=` | 200, same shape as `auth` |
//! | `POST` | `/api/v8/partners` (`Authorization: Bearer`, JSON `{"email"}`) | 201 `{url, email, login, password}` |
//!
//! Failures are JSON:API-style error documents built in one place (`errors.rs`). Tokens are HS256
//! JWTs ([`jwt`]); `expires_in` is the access token's absolute `exp` (epoch seconds), as in the
//! Mobsted documentation samples.
//!
//! [`examples`] is the other server `postie mock` runs: a collection's saved examples, matched
//! as Postman's mock servers match them, on the same serving code ([`spawn_router`]).
//!
//! Pieces: [`PartnerApiConfig`] (accounts, TTLs, secret), `accounts` (the in-memory master and
//! sub-accounts), `partner_api` (router and handlers), `server` ([`spawn`] / [`MockHandle`] /
//! [`serve_until_ctrl_c`] and request recording).

mod accounts;
mod config;
mod errors;
pub mod examples;
pub(crate) mod jwt;
mod partner_api;
mod server;

#[cfg(test)]
mod tests;

pub use config::PartnerApiConfig;
pub use server::{
    MockHandle, RecordedRequest, serve_router_until_ctrl_c, serve_until_ctrl_c, spawn, spawn_router,
};
