//! The script sandbox: runs Postman pre-request and test scripts in an embedded JavaScript engine
//! (QuickJS via rquickjs) with the `pm.*` API. Scripts get plain data in ([`ScriptContext`]) and give
//! plain data back ([`ScriptOutcome`]); they have no access to files, the process environment or
//! sockets.
//!
//! [`engine`] is the Rust↔JS plumbing, `convert` the JSON that crosses it; the JavaScript side
//! lives in `inspect.js` (value formatting), `expect.js` (the chai-compatible assertion library),
//! `http.js` (`pm.request`, `pm.response`, headers, cookies and their assertions), `scopes.js`
//! (variable scopes), `prelude.js` (`pm`, `console`, legacy globals, timers, the entry points) and
//! `errors.js` (engine errors reworded the V8 way as they are created: `v8_created`, `v8_errors`,
//! `v8_callee`).
//! The libraries scripts `require()` (lodash, crypto-js, moment, ajv, cheerio, …) are one file each
//! in `lib/`, evaluated on first use; `native` holds the Rust host functions behind them.

pub(crate) mod api;
mod body_arg;
mod bytecode;
mod compile;
mod convert;
mod deadline;
pub(crate) mod engine;
mod error_position;
mod hooks;
mod jar_rounds;
mod lazy;
mod native;
mod options;
pub(crate) mod profile;
mod redeclare;
mod seen;
mod surrogates;
mod syntax;
mod v8_callee;
mod v8_created;
mod v8_errors;
mod v8_natives;
mod v8_regexp;
mod v8_syntax;
mod vars_wire;

#[cfg(test)]
mod engine_tests;
#[cfg(test)]
mod lib_tests;
#[cfg(test)]
mod tests;

pub use api::*;
pub use engine::{NamedScopes, Sandbox, SandboxError, SandboxOptions};
pub use lazy::LazySandbox;
pub use syntax::{SyntaxChecker, SyntaxIssue};
