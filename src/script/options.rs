//! The limits a [`super::Sandbox`] is created with, and why one could not be created.

use std::time::{Duration, Instant};

/// Limits for a [`super::Sandbox`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxOptions {
    /// Wall-clock budget for one script (its synchronous part, promise jobs and timers); `None`
    /// means no limit.
    pub script_timeout: Option<Duration>,
    /// Memory cap for the JavaScript heap of the whole run, in bytes; 0 means no cap.
    pub memory_limit_bytes: usize,
    /// Report an error thrown by a timer or `pm.sendRequest` callback as the script's error.
    /// Newman does so only with `--bail folder`; otherwise such errors are dropped silently.
    pub async_errors: bool,
    /// `pm.sendRequest(request)` without a callback returns a promise of the response (newer
    /// Postman apps); Newman 6.2 returns `pm`.
    pub send_request_promise: bool,
    /// When the whole run must end (`--timeout`): no script runs past it, whatever its own
    /// budget, so a busy script cannot keep a timed-out run alive.
    pub run_deadline: Option<Instant>,
    /// Whether the environment and the globals files have a name: Newman's scopes have a
    /// `name` field only then (`Object.keys(pm.environment)` lists it).
    pub named_scopes: NamedScopes,
}

/// Which of the run's file scopes have a name (see [`SandboxOptions::named_scopes`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NamedScopes {
    /// The environment file has a name.
    pub environment: bool,
    /// The globals file has a name.
    pub globals: bool,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            script_timeout: None,
            memory_limit_bytes: 512 * 1024 * 1024,
            async_errors: false,
            send_request_promise: false,
            run_deadline: None,
            named_scopes: NamedScopes::default(),
        }
    }
}

/// Why a [`super::Sandbox`] could not be created.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// QuickJS could not create its runtime or context (usually out of memory).
    #[error("could not start the JavaScript engine: {0}")]
    Engine(String),
    /// The built-in prelude failed to evaluate (a bug in postie).
    #[error("the script prelude {file} failed to load: {message}")]
    Prelude {
        /// The prelude file.
        file: &'static str,
        /// The JavaScript error.
        message: String,
    },
}
