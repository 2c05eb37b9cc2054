//! postie: a fast, Newman-compatible runner for Postman collections.
//!
//! The pieces, in the order data flows through them: [`collection`] (the Postman data model and
//! its loaders) → [`vars`] (scopes and `{{name}}` templates) → [`runner`] (executes items and emits
//! events) → [`http`] (the one HTTP client) and [`script`] (the JavaScript sandbox) → [`report`]
//! (reporters built only from events) → [`export`] (the only code that writes files).
//! [`mock`] is the partner-API simulator used by `postie demo` and the tests.
//!
//! To run collections from Rust (as `newman.run` from Node), use [`api::run`] (also [`run`]) with
//! [`api::Options`]. That is the public surface; the other modules are public only as far as the
//! integration and property tests reach into them, and their submodules are crate-private.
//! Module docs are written for contributors and link to those internals (`cargo doc
//! --document-private-items` shows them).

#![allow(rustdoc::private_intra_doc_links)]

pub mod api;
pub mod cli;
pub mod collection;
pub mod diagnostic;
pub mod export;
pub mod http;
pub mod mock;
pub(crate) mod report;
pub mod runner;
pub mod script;
pub mod validate;
pub mod vars;

pub use api::{Options, RunResult, run};
/// The case count and runner the property tests share with the `fuzz` integration tests
/// (`POSTIE_FUZZ_CASES`).
#[cfg(test)]
#[path = "../tests/fuzz/config.rs"]
pub(crate) mod fuzz_config;
