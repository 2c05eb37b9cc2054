//! The script sandbox: runs Postman pre-request and test scripts in an embedded JavaScript engine
//! (QuickJS via rquickjs) with the `pm.*` API. Scripts get plain data in ([`ScriptContext`]) and give
//! plain data back ([`ScriptOutcome`]); they have no access to files, the process environment or
//! sockets.

pub mod api;

pub use api::*;
pub mod stub;
pub use stub::{Sandbox, SandboxError, SandboxOptions};
