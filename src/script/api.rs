//! What the runner hands a script and what it gets back: plain data, no JS types.
//!
//! The runner builds a [`ScriptContext`] (variables of every scope, the request, the response for
//! test scripts) and receives a [`ScriptOutcome`] (updated variables, assertions, console output,
//! the error if the script failed). Scripts never touch the runner's state directly.

use indexmap::IndexMap;
use serde_json::Value;

/// Variables of one scope, enabled entries only, in order.
pub type VarMap = IndexMap<String, Value>;

/// The five variable scopes a script can see, highest precedence first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScopeSnapshot {
    /// `pm.variables` (local, persists for the run).
    pub local: VarMap,
    /// `pm.iterationData` (read-only for scripts, except `unset`/`set` which stay local to the iteration).
    pub data: VarMap,
    /// `pm.environment`.
    pub environment: VarMap,
    /// `pm.collectionVariables`.
    pub collection: VarMap,
    /// `pm.globals`.
    pub globals: VarMap,
}

/// Which event a script belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptKind {
    /// A pre-request script.
    PreRequest,
    /// A test script.
    Test,
}

impl ScriptKind {
    /// Postman's event name: `prerequest` or `test`.
    pub fn event_name(self) -> &'static str {
        match self {
            ScriptKind::PreRequest => "prerequest",
            ScriptKind::Test => "test",
        }
    }
}

/// The request as the script sees it (`pm.request`).
#[derive(Debug, Clone, Default)]
pub struct RequestView {
    /// Item id, if any.
    pub id: Option<String>,
    /// Item name.
    pub name: String,
    /// HTTP method.
    pub method: String,
    /// The URL (resolved for test scripts; as written for pre-request scripts).
    pub url: String,
    /// Headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body as text, if any.
    pub body: Option<String>,
}

/// The response as the script sees it (`pm.response`).
#[derive(Debug, Clone, Default)]
pub struct ResponseView {
    /// Status code.
    pub code: u16,
    /// Reason phrase (`OK`, `Not Found`, ...).
    pub status: String,
    /// Headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body, decoded as UTF-8 (lossy).
    pub body: String,
    /// Milliseconds from sending to the full body.
    pub response_time_ms: u64,
    /// Body size in bytes.
    pub response_size: u64,
}

/// `pm.info`.
#[derive(Debug, Clone, Default)]
pub struct ScriptInfo {
    /// Item name.
    pub request_name: String,
    /// Item id, if any.
    pub request_id: Option<String>,
    /// 0-based iteration.
    pub iteration: usize,
    /// Total iterations.
    pub iteration_count: usize,
}

/// Everything one script run needs.
#[derive(Debug, Clone)]
pub struct ScriptContext<'a> {
    /// Pre-request or test.
    pub kind: ScriptKind,
    /// The JavaScript source.
    pub source: &'a str,
    /// `pm.request`.
    pub request: &'a RequestView,
    /// `pm.response` (test scripts only).
    pub response: Option<&'a ResponseView>,
    /// `pm.info`.
    pub info: ScriptInfo,
    /// The variables before the script ran.
    pub vars: ScopeSnapshot,
}

/// The failure carried by a failed assertion.
#[derive(Debug, Clone, PartialEq)]
pub struct AssertionError {
    /// Error name, usually `AssertionError`.
    pub name: String,
    /// Chai-style message, e.g. `expected 401 to equal 200`.
    pub message: String,
}

/// One `pm.test` (or legacy `tests[...]`) result.
#[derive(Debug, Clone, PartialEq)]
pub struct AssertionResult {
    /// The test name.
    pub name: String,
    /// True for `pm.test.skip`.
    pub skipped: bool,
    /// The failure, `None` when it passed or was skipped.
    pub error: Option<AssertionError>,
}

/// Console levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleLevel {
    /// `console.log`.
    Log,
    /// `console.info`.
    Info,
    /// `console.warn`.
    Warn,
    /// `console.error`.
    Error,
}

/// One console call, its arguments formatted and joined with spaces.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleMessage {
    /// The level.
    pub level: ConsoleLevel,
    /// The text.
    pub text: String,
}

/// A script that threw, failed to compile or timed out.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptError {
    /// `TypeError`, `SyntaxError`, `ReferenceError`, `Error`, ...
    pub name: String,
    /// The message.
    pub message: String,
    /// 1-based line and column in the script source, when known.
    pub position: Option<(u32, u32)>,
}

/// What `setNextRequest` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextRequest {
    /// Jump to the item with this id or name.
    Item(String),
    /// `setNextRequest(null)`: end the iteration.
    Stop,
}

/// The result of one script run.
#[derive(Debug, Clone, Default)]
pub struct ScriptOutcome {
    /// Variables after the script (all scopes; the runner stores them back).
    pub vars: ScopeSnapshot,
    /// Assertions in the order they completed.
    pub assertions: Vec<AssertionResult>,
    /// Console output in order.
    pub console: Vec<ConsoleMessage>,
    /// Set when the script failed; statements before the failure still took effect.
    pub error: Option<ScriptError>,
    /// Set when the script called `setNextRequest`.
    pub next_request: Option<NextRequest>,
    /// Set when a pre-request script called `pm.execution.skipRequest()`: do not send the request
    /// and do not run its test scripts.
    pub skip_request: bool,
}
