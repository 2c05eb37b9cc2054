//! What the runner hands a script and what it gets back: plain data, no JS types.
//!
//! The runner builds a [`ScriptContext`] (variables of every scope, the request, the response for
//! test scripts) and receives a [`ScriptOutcome`] (the ordered list of changes the script made to
//! the variables, assertions, console output, the error if the script failed). Scripts never
//! touch the runner's state directly.
//!
//! The only I/O a script can start (`pm.sendRequest`, `pm.cookies.jar()`) goes through a
//! [`ScriptHost`] the runner provides: the script queues the call, and the engine hands it to the
//! host whenever the script's promise jobs are drained, then delivers the result to the script's
//! callback or promise.

use std::borrow::Cow;
use std::future::Future;
use std::sync::Arc;

use serde_json::Value;

pub use crate::http::{CookieInfo, NewCookie};
pub use crate::vars::{Scopes, VarChanges, VarMap};

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
    /// For each of `headers`, whether the runtime added it (`system: true` in Postman's SDK);
    /// empty when none is.
    pub system_headers: Vec<bool>,
    /// Disabled headers scripts still see (`pm.request.headers` lists them; they are not sent):
    /// each with the index it takes in the full list.
    pub disabled_headers: Vec<(usize, String, String)>,
    /// Disabled query parameters scripts still see (`pm.request.url.query` lists them; they are
    /// not sent): each with the index it takes in the full list, its key and its value (`None`
    /// for a key without a value).
    pub disabled_query: Vec<(usize, String, Option<String>)>,
    /// The body as text, if any (shown as a `raw` body).
    pub body: Option<String>,
    /// The body as a Postman body definition (`{"mode": "urlencoded", "urlencoded": [...]}`),
    /// used instead of [`RequestView::body`] when set.
    pub body_definition: Option<Value>,
    /// The URL's path variables (`pm.request.url.variables`): name and value.
    pub url_variables: Vec<(String, String)>,
    /// The request's own auth as Postman's JSON (`{"type": "bearer", "bearer": [...]}`).
    pub auth: Option<Value>,
    /// The request's description (`{"content": ..., "type": ...}`).
    pub description: Option<Value>,
    /// A structured URL's host elements and port as written, which a pre-request script sees
    /// as they are (an element may hold dots or a port: `["127.0.0.1:3000"]`); `None` to
    /// take both from [`RequestView::url`].
    pub written_host: Option<(Vec<String>, Option<String>)>,
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
    /// The body as text, decoded with its charset (UTF-8 by default, lossy).
    pub body: String,
    /// The body's bytes as a string of U+0000..U+00FF code points, when `body` is not exactly
    /// those bytes in UTF-8 (binary or other-charset bodies), for `pm.response.stream`.
    pub raw: Option<String>,
    /// Milliseconds from sending to the full body.
    pub response_time_ms: u64,
    /// Body size in bytes (decoded).
    pub response_size: u64,
    /// Body bytes as they arrived (before `Content-Encoding` decoding; `size().body`), when they
    /// differ from [`ResponseView::response_size`].
    pub received_size: Option<u64>,
    /// A large body's text, made only if a script reads it; `body` and `raw` are empty then.
    pub lazy_body: Option<LazyBody>,
}

impl ResponseView {
    /// The body's text and raw form, made now if it is lazy.
    pub fn text_parts(&self) -> Result<(Cow<'_, str>, Option<Cow<'_, str>>), String> {
        match &self.lazy_body {
            None => Ok((
                Cow::Borrowed(&self.body),
                self.raw.as_deref().map(Cow::Borrowed),
            )),
            Some(lazy) => lazy
                .get()
                .map(|t| (Cow::Owned(t.text), t.raw.map(Cow::Owned))),
        }
    }
}

/// A body's text as scripts read it (`pm.response.text()`, `stream`, `responseBody`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyText {
    /// The body decoded with its charset (UTF-8 by default, lossy).
    pub text: String,
    /// The bytes as U+0000..U+00FF code points, when `text` is not exactly them in UTF-8.
    pub raw: Option<String>,
}

type MakeText = dyn Fn() -> Result<BodyText, String> + Send + Sync;

/// A large body's [`BodyText`], made each time a script asks for it (read back from its
/// temporary file) and not kept, so it costs memory only while a script holds it; cheap to
/// clone.
#[derive(Clone)]
pub struct LazyBody {
    make: Arc<MakeText>,
}

impl LazyBody {
    /// A body whose text `make` produces (an `Err` is the script's error on reading it).
    pub fn new(make: impl Fn() -> Result<BodyText, String> + Send + Sync + 'static) -> Self {
        LazyBody {
            make: Arc::new(make),
        }
    }

    /// The text, made now.
    pub fn get(&self) -> Result<BodyText, String> {
        (self.make)()
    }
}

impl std::fmt::Debug for LazyBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyBody")
    }
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
    /// `pm.execution.location`: the collection name, the folder names and the item name.
    pub location: Vec<String>,
    /// `pm.execution.location.current`: the name of the collection, folder or item that owns
    /// the running script.
    pub location_current: String,
    /// `pm.environment.name` and `.id`.
    pub environment: ScopeMeta,
    /// `pm.globals.name` and `.id`.
    pub globals: ScopeMeta,
}

/// The `name` and `id` of a variable scope as scripts see them (`pm.environment.name`): from
/// its file; Newman makes up an id when the file has none.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ScopeMeta {
    /// `name`, if the file has one.
    pub name: Option<String>,
    /// `id`.
    pub id: Option<String>,
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
    pub vars: &'a Scopes,
    /// `pm.cookies`: the cookies of the response and of the jar for the request's URL.
    pub cookies: Vec<CookieInfo>,
}

/// The failure carried by a failed assertion.
#[derive(Debug, Clone, PartialEq)]
pub struct AssertionError {
    /// Error name, usually `AssertionError`.
    pub name: String,
    /// Chai-style message, e.g. `expected 401 to equal 200`.
    pub message: String,
    /// The test threw (or passed `done`) a primitive, not an error: Newman's error for it was
    /// made without a message, which its stack line shows.
    pub thrown_primitive: bool,
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
    /// The sandbox's assertion index: the order the tests started in (a run failure's
    /// `assertion:N`), which differs from the order results are listed in when tests nest or
    /// complete asynchronously.
    pub index: usize,
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

/// How far a script had got when something outside it happened (a `pm.sendRequest` landed):
/// the assertions completed and the console lines written by then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Progress {
    /// Assertions completed.
    pub assertions: usize,
    /// Console lines written.
    pub console: usize,
}

/// One console call, its arguments formatted and joined with spaces.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleMessage {
    /// The level.
    pub level: ConsoleLevel,
    /// The text.
    pub text: String,
    /// How many of the script's assertions had completed when it was written (reports show
    /// console output and assertions in the order they happened).
    pub after_assertions: usize,
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
    /// Where Newman reports the error (`test-script:LINE:COL`): only an error whose JSON
    /// carries its stack there, chai's `AssertionError` thrown outside `pm.test`, has one; the
    /// line and column of the failing call as Newman's sandbox numbers them.
    pub reported_at: Option<(u32, u32)>,
}

/// Message of the placeholder for a script that threw `null` or `undefined`.
const NOTHING_THROWN: &str = "\u{0}";

impl ScriptError {
    /// The placeholder for a thrown `null` or `undefined`, which is no error at all.
    pub(crate) fn nothing() -> Self {
        ScriptError {
            name: String::new(),
            message: NOTHING_THROWN.to_string(),
            position: None,
            reported_at: None,
        }
    }

    /// True for [`ScriptError::nothing`].
    pub(crate) fn is_nothing(&self) -> bool {
        self.name.is_empty() && self.message == NOTHING_THROWN
    }
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
    /// What the script did to the variables (the runner stores it with [`Scopes::apply`]).
    pub changes: VarChanges,
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
    /// What a pre-request script changed in `pm.request` (to apply to the request sent).
    pub request_changes: Option<RequestChanges>,
}

/// Changes a pre-request script made to `pm.request`; `None` fields were left alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestChanges {
    /// The new method.
    pub method: Option<String>,
    /// The new URL (a template; variables are resolved when the request is prepared).
    pub url: Option<String>,
    /// The new header list (replaces every header): name, value, disabled.
    pub headers: Option<Vec<(String, String, bool)>>,
    /// The new body definition (`Value::Null`: no body).
    pub body: Option<Value>,
    /// The new auth definition (`Value::Null`: none).
    pub auth: Option<Value>,
}

impl RequestChanges {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.method.is_none()
            && self.url.is_none()
            && self.headers.is_none()
            && self.body.is_none()
            && self.auth.is_none()
    }
}

/// A `pm.cookies.jar()` call.
#[derive(Debug, Clone, PartialEq)]
pub enum JarCall {
    /// `get(url, name)`: the value of one cookie.
    Get {
        /// The URL whose cookies are looked at.
        url: String,
        /// The cookie name.
        name: String,
    },
    /// `getAll(url)`: every cookie for the URL.
    GetAll {
        /// The URL.
        url: String,
    },
    /// `set(url, name, value)` or `set(url, cookie)`.
    Set {
        /// The URL the cookie is set for.
        url: String,
        /// The cookie.
        cookie: NewCookie,
    },
    /// `unset(url, name)`.
    Unset {
        /// The URL.
        url: String,
        /// The cookie name.
        name: String,
    },
    /// `clear(url)`: every cookie of the URL's host.
    Clear {
        /// The URL.
        url: String,
    },
}

/// What a script may ask of the runner while it runs. The engine calls these between drains of
/// the script's promise jobs, so they may take their time (the script is suspended meanwhile).
pub trait ScriptHost {
    /// A `pm.sendRequest` request on its way: it does not borrow the host, so several can be
    /// out at once (as in Newman, they complete in any order).
    type InFlight: Future<Output = Self::Landed>;
    /// A request that completed (or failed), for [`ScriptHost::finish_request`].
    type Landed;

    /// Start a `pm.sendRequest` request, given as a Postman request definition (`{url,
    /// method, header: [{key, value}], body: {mode, ...}, auth}`). `Err` when it cannot be
    /// sent at all.
    fn start_request(&mut self, definition: Value) -> Result<Self::InFlight, String>;

    /// Take a completed request: the response, or the transport error message (e.g.
    /// `connect ECONNREFUSED 127.0.0.1:9`). `at` is how far the script had got when it landed
    /// (reports place the request between the script's assertions and console lines).
    fn finish_request(
        &mut self,
        landed: Self::Landed,
        at: Progress,
    ) -> Result<ResponseView, String>;

    /// Perform a `pm.cookies.jar()` call; the result is what the script's callback receives
    /// (a value, a cookie, a list of cookies, or `null`).
    fn cookie_jar(&mut self, call: JarCall) -> Result<Value, String>;
}

/// A host that refuses all I/O (for scripts run outside a collection run, and tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHost;

impl ScriptHost for NoHost {
    type InFlight = std::future::Ready<()>;
    type Landed = ();

    fn start_request(&mut self, _definition: Value) -> Result<Self::InFlight, String> {
        Err("pm.sendRequest is not available outside a collection run".to_string())
    }

    fn finish_request(&mut self, _landed: (), _at: Progress) -> Result<ResponseView, String> {
        Err("pm.sendRequest is not available outside a collection run".to_string())
    }

    fn cookie_jar(&mut self, _call: JarCall) -> Result<Value, String> {
        Err("the cookie jar is not available outside a collection run".to_string())
    }
}
