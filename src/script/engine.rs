//! The Rust side of the sandbox: one QuickJS runtime and context per run, the prelude evaluated
//! once, and per script: hand the inputs over as JSON, evaluate the wrapped source under a
//! wall-clock deadline, drain promise jobs and timers, read the outcome back as JSON.
//!
//! Script I/O (`pm.sendRequest`, `pm.cookies.jar()`) is queued by the script in an outbox. Whenever
//! the promise-job queue is empty, the engine takes the outbox, awaits each call on the
//! [`ScriptHost`] and delivers the result to the waiting callback or promise, then drains jobs
//! again; timers fire only once no call is waiting. The run is therefore an `async fn` that is
//! suspended only while the host works (the runner's tokio runtime keeps serving connections),
//! and the sandbox itself never blocks on I/O.

use std::collections::HashMap;
use std::sync::Arc;

use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use futures_util::stream::FuturesUnordered;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rquickjs::context::EvalOptions;
use rquickjs::function::{Flat, This};
use rquickjs::{Context, Ctx, Function, Object, Persistent, Runtime, Value};

use super::api::{NoHost, ResponseView, ScriptContext, ScriptError, ScriptHost, ScriptOutcome};
use super::body_arg::BodyArg;
use super::bytecode;
use super::convert::{self, HostCall};
use crate::vars::ScopeName;

/// File name given to user scripts so their stack frames can be told apart from the prelude's.
pub(crate) const SCRIPT_FILE: &str = "postie-script";

/// Put before the user's source on the same line, so line numbers stay as written.
pub(super) const WRAP_HEAD: &str = "(function(){";
/// Put after the user's source, on a line of its own so a trailing `//` comment cannot eat it.
const WRAP_TAIL: &str = "\n})";

/// Compiled scripts kept per sandbox, as bytecode (see [`super::bytecode`]), keyed by a hash of
/// their source; the cache is emptied when it is full. Large enough that a collection of several
/// thousand items with two scripts each compiles each script once per run, not once per
/// iteration (the bench profile showed 13% of CPU recompiling with a limit of 1,024); a small
/// script's bytecode is about half a KiB. A script is only kept the second time it runs, so a
/// single pass over a huge collection caches nothing.
const MAX_COMPILED: usize = 16 * 1024;

/// Scripts compiled ahead of their run ([`Sandbox::precompile`]) kept waiting for it: the test
/// scripts of one item (collection, folders, item).
const MAX_AHEAD: usize = 8;

/// The prelude files, evaluated once in this order when a [`Sandbox`] is created.
/// Each is `(file under src/script, name its stack frames show, source)`; the build script
/// compiles them to bytecode (see [`bytecode::eval_builtin`]).
const PRELUDE: [(&str, &str, &str); 10] = [
    (
        "inspect.js",
        "postie-inspect.js",
        include_str!("inspect.js"),
    ),
    (
        "console.js",
        "postie-console.js",
        include_str!("console.js"),
    ),
    (
        "locale-data.js",
        "postie-locale-data.js",
        include_str!("locale-data.js"),
    ),
    ("locale.js", "postie-locale.js", include_str!("locale.js")),
    ("expect.js", "postie-expect.js", include_str!("expect.js")),
    ("http.js", "postie-http.js", include_str!("http.js")),
    ("scopes.js", "postie-scopes.js", include_str!("scopes.js")),
    ("timers.js", "postie-timers.js", include_str!("timers.js")),
    (
        "prelude.js",
        "postie-prelude.js",
        include_str!("prelude.js"),
    ),
    ("errors.js", "postie-errors.js", include_str!("errors.js")),
];

/// Whether a script gets Newman's legacy globals: not when it starts with the marker
/// `"use sandbox2";` (either quote).
fn legacy_enabled(source: &str) -> bool {
    !(source.starts_with("\"use sandbox2\";") || source.starts_with("'use sandbox2';"))
}

/// A version no scope has: the prelude holds no copy of that scope.
const NOT_SENT: u64 = u64::MAX;

/// Name of the global that holds the prelude's entry points (non-enumerable, read-only).
const HOOKS: &str = "__postie_hooks";

/// Most timer callbacks (`setTimeout`, `setInterval`) one script may run.
const MAX_TIMER_CALLBACKS: u32 = 100_000;

/// Extra time the outcome read-back gets, whatever the script timeout.
const FINISH_GRACE: Duration = Duration::from_secs(1);

/// Limits for a [`Sandbox`].
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
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            script_timeout: None,
            memory_limit_bytes: 512 * 1024 * 1024,
            async_errors: false,
            send_request_promise: false,
            run_deadline: None,
        }
    }
}

/// Why a [`Sandbox`] could not be created.
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

/// Shared deadline: nanoseconds since `base`, 0 when disarmed; never later than `cap_nanos`
/// (the run's deadline, 0 when there is none).
#[derive(Clone)]
struct Deadline {
    base: Instant,
    at_nanos: Arc<AtomicU64>,
    cap_nanos: u64,
}

impl Deadline {
    fn new(cap: Option<Instant>) -> Self {
        let base = Instant::now();
        let cap_nanos = cap.map_or(0, |at| {
            u64::try_from(at.saturating_duration_since(base).as_nanos())
                .unwrap_or(u64::MAX)
                .max(1)
        });
        Deadline {
            base,
            at_nanos: Arc::new(AtomicU64::new(0)),
            cap_nanos,
        }
    }

    fn arm(&self, budget: Option<Duration>) {
        let nanos = match budget {
            Some(budget) => {
                let at = self.base.elapsed().saturating_add(budget).as_nanos();
                u64::try_from(at).unwrap_or(u64::MAX).max(1)
            }
            None => 0,
        };
        let nanos = match (nanos, self.cap_nanos) {
            (0, cap) => cap,
            (at, 0) => at,
            (at, cap) => at.min(cap),
        };
        self.at_nanos.store(nanos, Ordering::Relaxed);
    }

    fn expired(&self) -> bool {
        let at = self.at_nanos.load(Ordering::Relaxed);
        at != 0 && u64::try_from(self.base.elapsed().as_nanos()).unwrap_or(u64::MAX) >= at
    }
}

/// One JavaScript runtime and context for a whole run, with the `pm` API loaded.
///
/// Scripts share the context (as in Postman's sandbox) but each runs in its own function scope.
/// Not `Send`: create it on the thread that runs the scripts.
pub struct Sandbox {
    /// The prelude's entry points called for every script, kept so a call does not look them
    /// up by name; dropped before the runtime (fields drop in order).
    hooks: Vec<Persistent<Function<'static>>>,
    /// Scripts compiled by [`Sandbox::precompile`] and not run yet, by [`cache_key`]; dropped
    /// before the runtime (fields drop in order).
    ahead: Vec<((u64, u64), Persistent<Function<'static>>)>,
    /// Bytecode of scripts that ran more than once, by [`cache_key`] of their source.
    compiled: HashMap<(u64, u64), Box<[u8]>>,
    /// Hashes of scripts run once: a script is cached when it comes back.
    seen_once: super::seen::SeenOnce,
    /// The result of [`super::redeclare::redeclared_global`] per script, by [`cache_key`]: the
    /// statement that throws Newman's SyntaxError instead of the script, if it redeclares a global.
    redeclared: HashMap<(u64, u64), Option<Box<str>>>,
    /// The versions of the scopes the prelude holds (see `Scopes::versions`): a script is
    /// handed only the scopes whose version differs. [`NOT_SENT`] when it holds none.
    sent: [u64; 5],
    context: Context,
    runtime: Runtime,
    deadline: Deadline,
    options: SandboxOptions,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        super::profile::report();
    }
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Start the engine and evaluate the prelude.
    pub fn new(options: SandboxOptions) -> Result<Sandbox, SandboxError> {
        let runtime = Runtime::new().map_err(|e| SandboxError::Engine(e.to_string()))?;
        if options.memory_limit_bytes > 0 {
            runtime.set_memory_limit(options.memory_limit_bytes);
        }
        let deadline = Deadline::new(options.run_deadline);
        let handler_deadline = deadline.clone();
        runtime.set_interrupt_handler(Some(Box::new(move || handler_deadline.expired())));
        // Promise rejections nobody handles are noted by the prelude; the script fails with
        // the first one when it has settled (Newman's process dies on them).
        runtime.set_host_promise_rejection_tracker(Some(Box::new(
            |ctx: Ctx<'_>, promise: Value<'_>, reason: Value<'_>, handled: bool| {
                if call_hook::<()>(&ctx, "rejection", (promise, reason, handled)).is_err() {
                    ctx.catch();
                }
            },
        )));
        let context = Context::full(&runtime).map_err(|e| SandboxError::Engine(e.to_string()))?;
        context.with(|ctx| load_prelude(&ctx, &options))?;
        let hooks = context.with(|ctx| {
            Hook::ALL
                .iter()
                .map(|hook| {
                    let hooks: Object<'_> = ctx.globals().get(HOOKS)?;
                    let function: Function<'_> = hooks.get(hook.name())?;
                    Ok(Persistent::save(&ctx, function))
                })
                .collect::<rquickjs::Result<Vec<_>>>()
                .map_err(|e| SandboxError::Engine(e.to_string()))
        })?;
        Ok(Sandbox {
            hooks,
            ahead: Vec::new(),
            compiled: HashMap::new(),
            seen_once: super::seen::SeenOnce::default(),
            redeclared: HashMap::new(),
            sent: [NOT_SENT; 5],
            context,
            runtime,
            deadline,
            options,
        })
    }

    /// Compile `source` now, as its coming [`Sandbox::run`] would (the runner calls this while it
    /// waits for a response, so the test scripts' compile overlaps the server's work). Compiling
    /// has no effect a script can see; what fails to compile is left for the run to report.
    pub fn precompile(&mut self, source: &str) {
        let key = cache_key(source);
        if self.compiled.contains_key(&key) || self.ahead.iter().any(|(k, _)| *k == key) {
            return;
        }
        // A script seen once is kept as bytecode when it runs again: make that bytecode now.
        let keep = self.seen_once.contains(key.0) && self.compiled.len() < MAX_COMPILED;
        let (ahead, compiled) = (&mut self.ahead, &mut self.compiled);
        self.context.with(|ctx| {
            if keep {
                let wrapped = format!("{WRAP_HEAD}{source}{WRAP_TAIL}");
                if let Some(bytes) = bytecode::compile(&ctx, &wrapped, SCRIPT_FILE) {
                    compiled.insert(key, bytes);
                }
                return;
            }
            match compile(&ctx, source) {
                Ok(func) => {
                    if ahead.len() >= MAX_AHEAD {
                        ahead.remove(0);
                    }
                    ahead.push((key, Persistent::save(&ctx, func)));
                }
                Err(_) => {
                    ctx.catch();
                }
            }
        });
    }

    /// How many precompiled scripts wait for their run (for tests).
    #[cfg(test)]
    pub(crate) fn waiting(&self) -> usize {
        self.ahead.len()
    }

    /// Run one script without a host (`pm.sendRequest` and the cookie jar answer with an error)
    /// and report what it did. Never panics; script failures are in [`ScriptOutcome::error`].
    pub fn run(&mut self, script: &ScriptContext) -> ScriptOutcome {
        let mut host = NoHost;
        let future = self.run_with_host(script, &mut host);
        let mut future = std::pin::pin!(future);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(outcome) => outcome,
            // `NoHost` never waits, so the future completes on its first poll.
            std::task::Poll::Pending => ScriptOutcome {
                error: Some(ScriptError {
                    name: "Error".to_string(),
                    message: "postie sandbox failure: a script host without I/O waited".to_string(),
                    position: None,
                }),
                ..ScriptOutcome::default()
            },
        }
    }

    /// Run one script with `host` serving its `pm.sendRequest` and cookie-jar calls, and report
    /// what it did. Never panics; script failures are in [`ScriptOutcome::error`].
    pub async fn run_with_host<H: ScriptHost>(
        &mut self,
        script: &ScriptContext<'_>,
        host: &mut H,
    ) -> ScriptOutcome {
        let mut clock = super::profile::Clock::start();
        let legacy = legacy_enabled(script.source);
        let script_key = cache_key(script.source);
        // A top-level redeclaration of a sandbox global is a SyntaxError under Newman. The scan is
        // remembered per script, as its bytecode is.
        if self.redeclared.len() >= MAX_COMPILED {
            self.redeclared.clear();
        }
        let thrower = self
            .redeclared
            .entry(script_key)
            .or_insert_with(|| {
                super::redeclare::redeclared_global(script.source, legacy).map(|name| {
                    format!(
                        "throw new SyntaxError(\"Identifier '{name}' has already been declared\");"
                    )
                    .into_boxed_str()
                })
            })
            .clone();
        let source = thrower.as_deref().unwrap_or(script.source);
        clock.lap("redeclare");
        let meta = convert::meta_parts(script);
        clock.lap("meta_parts");
        // Only the scopes that changed since the prelude last got them; it keeps the others.
        let versions = script.vars.versions();
        let [local, data, environment, collection, globals] = std::array::from_fn(|i| {
            (versions[i] != self.sent[i])
                .then(|| convert::scope_json(script.vars.scope(ScopeName::ALL[i])))
        });
        let args = (
            Flat((
                script.kind.event_name(),
                meta.info,
                meta.request,
                meta.response,
                meta.cookies,
            )),
            Flat((local, data, environment, collection, globals)),
            match script.response {
                Some(ResponseView {
                    lazy_body: Some(lazy),
                    ..
                }) => BodyArg::Lazy(lazy.clone()),
                Some(r) => BodyArg::Text(&r.body),
                None => BodyArg::Text(""),
            },
            legacy,
            source,
        );
        clock.lap("scope_json");
        let timeout = self.options.script_timeout;
        if self.compiled.len() >= MAX_COMPILED {
            self.compiled.clear();
        }
        let key = match thrower {
            Some(_) => cache_key(source),
            None => script_key,
        };
        let worth_keeping = self.seen_once.seen(key.0);
        self.deadline.arm(timeout);

        let deadline = &self.deadline;
        let failure = |ctx: &Ctx<'_>, err| script_error(ctx, err, source, deadline, false);
        let ahead = &mut self.ahead;
        let sent = &mut self.sent;
        let hooks = &self.hooks;
        let mut error = self.context.with(|ctx| {
            if let Err(err) = call::<()>(hooks, &ctx, Hook::Begin, args) {
                *sent = [NOT_SENT; 5];
                return Some(internal_error(&ctx, err));
            }
            *sent = versions;
            clock.lap("begin");
            let saved = match self.compiled.get(&key) {
                Some(bytes) => Some(bytes),
                None if worth_keeping => {
                    let wrapped = format!("{WRAP_HEAD}{source}{WRAP_TAIL}");
                    bytecode::compile(&ctx, &wrapped, SCRIPT_FILE)
                        .map(|bytes| &*self.compiled.entry(key).or_insert(bytes))
                }
                None => None,
            };
            let compiled = match saved {
                Some(bytes) => bytecode::load(&ctx, bytes),
                None => match ahead.iter().position(|(k, _)| *k == key) {
                    Some(i) => ahead.swap_remove(i).1.restore(&ctx),
                    None => compile(&ctx, source),
                },
            };
            clock.lap("load/compile");
            // `this` at the top of a script is a fresh object, so nothing set on it reaches the
            // next script (as under Newman).
            let result = compiled.and_then(|func| {
                let this = Object::new(ctx.clone())?;
                func.call::<_, ()>((This(this),))
            });
            clock.lap("call");
            // `throw null` / `throw undefined` end the script without an error (Newman).
            let error = result
                .err()
                .map(|err| failure(&ctx, err))
                .filter(|e| !e.is_nothing());
            // The synchronous part is over: the legacy `tests` are recorded now, as Newman does.
            if call::<()>(hooks, &ctx, Hook::Synced, ()).is_err() {
                ctx.catch();
            }
            clock.lap("synced");
            error
        });

        if error.as_ref().is_none_or(|e| !self.is_timeout(e))
            && let Err(timed_out) = self.settle(source, host).await
        {
            error.get_or_insert(timed_out);
        }
        clock.lap("settle");
        if error.is_none() {
            error = self.context.with(|ctx| {
                let reason = match call::<Value<'_>>(hooks, &ctx, Hook::UnhandledRejection, ()) {
                    Ok(reason) => reason,
                    Err(err) => return Some(internal_error(&ctx, err)),
                };
                if reason.is_undefined() {
                    return None;
                }
                let described =
                    call_hook::<String>(&ctx, "describe", (reason,)).unwrap_or_else(|_| {
                        ctx.catch();
                        String::new()
                    });
                Some(convert::error_from_json(&described, source)).filter(|e| !e.is_nothing())
            });
        }

        clock.lap("unhandled");
        self.deadline
            .arm(Some(timeout.unwrap_or(FINISH_GRACE).max(FINISH_GRACE)));
        let raw = self.context.with(|ctx| {
            call::<String>(hooks, &ctx, Hook::Finish, ())
                .map_err(|err| internal_error(&ctx, err).message)
        });
        self.deadline.arm(None);
        clock.lap("finish");

        let keep_async = self.options.async_errors;
        let mut outcome = match raw {
            Ok(json) => convert::outcome_from_json(&json, source),
            Err(message) => Err(message),
        }
        .map(|mut outcome| {
            if !keep_async || outcome.error.as_ref().is_some_and(ScriptError::is_nothing) {
                outcome.error = None;
            }
            outcome
        })
        .unwrap_or_else(|message| ScriptOutcome {
            error: Some(ScriptError {
                name: "Error".to_string(),
                message: format!("postie could not read the script's results: {message}"),
                position: None,
            }),
            ..ScriptOutcome::default()
        });
        if let Some(err) = error {
            outcome.error = Some(err);
        }
        clock.lap("outcome_json");
        outcome
    }

    /// Drain promise jobs, start queued host calls, fire due timers and deliver requests as they
    /// complete (several `pm.sendRequest`s are out at once, as in Newman), until nothing is
    /// left. `Err` carries the timeout error.
    async fn settle<H: ScriptHost>(&self, source: &str, host: &mut H) -> Result<(), ScriptError> {
        let mut in_flight = FuturesUnordered::new();
        let mut callbacks = 0u32;
        loop {
            while self.runtime.is_job_pending() {
                if let Err(job) = self.runtime.execute_pending_job() {
                    job.0.with(|ctx| {
                        ctx.catch();
                    });
                    if self.deadline.expired() {
                        return Err(timeout_error(true));
                    }
                }
            }
            if self.deadline.expired() {
                return Err(timeout_error(true));
            }
            if self.start_calls(source, host, &mut in_flight)? {
                continue;
            }
            if callbacks >= MAX_TIMER_CALLBACKS {
                return Err(ScriptError {
                    name: "Error".to_string(),
                    message: format!(
                        "more than {MAX_TIMER_CALLBACKS} timer callbacks; stopped (an endless setInterval?)"
                    ),
                    position: None,
                });
            }
            let wait =
                self.context
                    .with(|ctx| match call::<f64>(&self.hooks, &ctx, Hook::Tick, ()) {
                        Ok(fired) => Ok(fired),
                        Err(err) => Err(script_error(&ctx, err, source, &self.deadline, true)),
                    })?;
            if wait == 0.0 {
                callbacks += 1;
                continue;
            }
            if wait < 0.0 && in_flight.is_empty() {
                return Ok(());
            }
            // Wait for the next timer or request, in short steps so the script timeout applies.
            let step = if wait < 0.0 {
                50.0
            } else {
                wait.clamp(1.0, 50.0)
            };
            let step = Duration::from_millis(step as u64);
            if in_flight.is_empty() {
                // Outside an async runtime (`Sandbox::run`, no host) the thread sleeps.
                if tokio::runtime::Handle::try_current().is_ok() {
                    tokio::time::sleep(step).await;
                } else {
                    std::thread::sleep(step);
                }
                continue;
            }
            let nap = tokio::time::sleep(step);
            tokio::select! {
                landed = in_flight.next() => {
                    if let Some((id, landed)) = landed {
                        let result = host
                            .finish_request(landed)
                            .map(|r| convert::response_value(&r));
                        self.deliver(source, id, result)?;
                    }
                }
                () = nap => {}
            }
        }
    }

    /// Take the script's outbox: start its requests (into `in_flight`), answer its jar calls;
    /// `Ok(false)` when it was empty.
    fn start_calls<'f, H: ScriptHost>(
        &self,
        source: &str,
        host: &mut H,
        in_flight: &mut FuturesUnordered<LocalBoxFuture<'f, (u64, H::Landed)>>,
    ) -> Result<bool, ScriptError>
    where
        H::InFlight: 'f,
    {
        let outbox = self.context.with(|ctx| {
            call::<String>(&self.hooks, &ctx, Hook::TakeOutbox, ())
                .map_err(|err| internal_error(&ctx, err))
        })?;
        if outbox.is_empty() {
            return Ok(false);
        }
        let calls = convert::calls_from_json(&outbox).map_err(|message| ScriptError {
            name: "Error".to_string(),
            message: format!("postie sandbox failure: unreadable script call: {message}"),
            position: None,
        })?;
        for (id, call) in calls {
            let result = match call {
                Ok(HostCall::Send(definition)) => match host.start_request(definition) {
                    Ok(request) => {
                        in_flight.push(Box::pin(async move { (id, request.await) }));
                        continue;
                    }
                    Err(message) => Err(message),
                },
                Ok(HostCall::Jar(jar)) => host.cookie_jar(jar),
                Err(message) => Err(message),
            };
            self.deliver(source, id, result)?;
        }
        Ok(true)
    }

    /// Hand the script the answer to its call `id`.
    fn deliver(
        &self,
        source: &str,
        id: u64,
        result: Result<serde_json::Value, String>,
    ) -> Result<(), ScriptError> {
        let json = convert::result_json(result);
        self.context.with(|ctx| {
            call_hook::<()>(&ctx, "deliver", (id, json))
                .map_err(|err| script_error(&ctx, err, source, &self.deadline, true))
        })
    }

    fn is_timeout(&self, err: &ScriptError) -> bool {
        err.position.is_none()
            && err.message.starts_with("sandbox: ")
            && err.message.ends_with(" script execution timeout")
    }
}

/// Turn a failed evaluation into a [`ScriptError`] positioned in the user's source.
fn script_error(
    ctx: &Ctx<'_>,
    err: rquickjs::Error,
    source: &str,
    deadline: &Deadline,
    asynchronous: bool,
) -> ScriptError {
    if deadline.expired() {
        // The interrupt raised an uncatchable error; clear it so the context stays usable.
        ctx.catch();
        return timeout_error(asynchronous);
    }
    if !matches!(err, rquickjs::Error::Exception) {
        return ScriptError {
            name: "Error".to_string(),
            message: err.to_string(),
            position: None,
        };
    }
    let thrown = ctx.catch();
    let described = call_hook::<String>(ctx, "describe", (thrown,)).unwrap_or_else(|_| {
        ctx.catch();
        String::new()
    });
    convert::error_from_json(&described, source)
}

/// Newman's wording for a script that ran out of time: in its synchronous part, or while
/// waiting for timers, promises or `pm.sendRequest` callbacks.
fn timeout_error(asynchronous: bool) -> ScriptError {
    let phase = if asynchronous {
        "asynchronous"
    } else {
        "synchronous"
    };
    ScriptError {
        name: "Error".to_string(),
        message: format!("sandbox: {phase} script execution timeout"),
        position: None,
    }
}

/// Compile a user script into a function (its own scope for `const`/`let`), named so its stack
/// frames point into the user's source.
fn compile<'js>(ctx: &Ctx<'js>, source: &str) -> rquickjs::Result<Function<'js>> {
    let mut opts = EvalOptions::default();
    opts.strict = false;
    opts.filename = Some(SCRIPT_FILE.to_string());
    ctx.eval_with_options(format!("{WRAP_HEAD}{source}{WRAP_TAIL}"), opts)
}

/// Evaluate the prelude files and hide the hooks object behind a read-only global.
fn load_prelude(ctx: &Ctx<'_>, options: &SandboxOptions) -> Result<(), SandboxError> {
    let fail = |file: &'static str, ctx: &Ctx<'_>, err: rquickjs::Error| {
        let message = match err {
            rquickjs::Error::Exception => {
                let thrown = ctx.catch();
                match thrown.as_exception() {
                    Some(e) => format!(
                        "{} {}",
                        e.message().unwrap_or_default(),
                        e.stack().unwrap_or_default()
                    ),
                    None => format!("{thrown:?}"),
                }
            }
            other => other.to_string(),
        };
        SandboxError::Prelude { file, message }
    };
    let hooks = Object::new(ctx.clone()).map_err(|e| fail("hooks", ctx, e))?;
    let resolve =
        Function::new(ctx.clone(), resolve_template).map_err(|e| fail("resolve", ctx, e))?;
    hooks
        .set("resolve", resolve)
        .map_err(|e| fail("resolve", ctx, e))?;
    let reword = Function::new(ctx.clone(), super::v8_created::reword_hook)
        .map_err(|e| fail("v8Reword", ctx, e))?;
    hooks
        .set("v8Reword", reword)
        .map_err(|e| fail("v8Reword", ctx, e))?;
    super::native::install(ctx, &hooks).map_err(|e| fail("native", ctx, e))?;
    hooks
        .set("sendRequestPromise", options.send_request_promise)
        .map_err(|e| fail("options", ctx, e))?;
    // Newman's reason names by status code, for responses scripts build themselves.
    let reasons = Object::new(ctx.clone()).map_err(|e| fail("reasons", ctx, e))?;
    for code in 100..600u16 {
        if let Some(name) = crate::http::reasons::standard_reason(code) {
            reasons
                .set(code.to_string(), name)
                .map_err(|e| fail("reasons", ctx, e))?;
        }
    }
    hooks
        .set("reasons", reasons)
        .map_err(|e| fail("reasons", ctx, e))?;
    ctx.globals()
        .set("__postie_internal", hooks.clone())
        .map_err(|e| fail("hooks", ctx, e))?;
    for (file, name, source) in PRELUDE {
        bytecode::eval_builtin(ctx, file, name, source).map_err(|e| fail(name, ctx, e))?;
    }
    // Newman's sandbox has no `globalThis` (scripts that use it fail there with a ReferenceError).
    let define = format!(
        "Object.defineProperty(globalThis, '{HOOKS}', {{ value: Object.freeze(globalThis.__postie_internal), \
         enumerable: false, writable: false, configurable: false }}); delete globalThis.__postie_internal; \
         delete globalThis.globalThis;"
    );
    ctx.eval::<(), _>(define)
        .map_err(|e| fail("postie-hooks.js", ctx, e))?;
    Ok(())
}

/// `replaceIn` support: `{{name}}` resolution in Rust, names looked up through a JS callback
/// that returns a string or `undefined`.
fn resolve_template<'js>(text: String, lookup: Function<'js>) -> rquickjs::Result<String> {
    let mut failure = None;
    let out = crate::vars::template::resolve(&text, &mut |name: &str| {
        if failure.is_some() {
            return None;
        }
        match lookup.call::<_, Option<String>>((name,)) {
            Ok(value) => value,
            Err(err) => {
                failure = Some(err);
                None
            }
        }
    });
    match failure {
        Some(err) => Err(err),
        None => Ok(out),
    }
}

/// The prelude's entry points called for every script (kept by the [`Sandbox`]).
#[derive(Clone, Copy)]
enum Hook {
    Begin,
    Synced,
    TakeOutbox,
    Tick,
    UnhandledRejection,
    Finish,
}

impl Hook {
    /// Every hook, in the order the sandbox keeps them.
    const ALL: [Hook; 6] = [
        Hook::Begin,
        Hook::Synced,
        Hook::TakeOutbox,
        Hook::Tick,
        Hook::UnhandledRejection,
        Hook::Finish,
    ];

    /// Its name in the hooks object.
    fn name(self) -> &'static str {
        match self {
            Hook::Begin => "begin",
            Hook::Synced => "synced",
            Hook::TakeOutbox => "takeOutbox",
            Hook::Tick => "tick",
            Hook::UnhandledRejection => "unhandledRejection",
            Hook::Finish => "finish",
        }
    }
}

/// Call one of the kept entry points (see [`Hook`]).
fn call<'js, R: rquickjs::FromJs<'js>>(
    hooks: &[Persistent<Function<'static>>],
    ctx: &Ctx<'js>,
    hook: Hook,
    args: impl rquickjs::function::IntoArgs<'js>,
) -> rquickjs::Result<R> {
    let function = hooks
        .get(hook as usize)
        .ok_or_else(|| rquickjs::Error::new_from_js("hook", "function"))?
        .clone()
        .restore(ctx)?;
    function.call(args)
}

/// Call one of the prelude's entry points by name.
fn call_hook<'js, R: rquickjs::FromJs<'js>>(
    ctx: &Ctx<'js>,
    name: &str,
    args: impl rquickjs::function::IntoArgs<'js>,
) -> rquickjs::Result<R> {
    let hooks: Object<'js> = ctx.globals().get(HOOKS)?;
    let hook: Function<'js> = hooks.get(name)?;
    hook.call(args)
}

/// An error in postie's own plumbing (not the user's script), as a [`ScriptError`].
fn internal_error(ctx: &Ctx<'_>, err: rquickjs::Error) -> ScriptError {
    let message = match err {
        rquickjs::Error::Exception => {
            let thrown: Value<'_> = ctx.catch();
            match thrown.as_exception() {
                Some(e) => e.message().unwrap_or_default(),
                None => format!("{thrown:?}"),
            }
        }
        other => other.to_string(),
    };
    ScriptError {
        name: "Error".to_string(),
        message: format!("postie sandbox failure: {message}"),
        position: None,
    }
}

/// Two independent 64-bit hashes of a script's source: the compiled-script cache's key (128
/// bits, so two different scripts never share an entry in practice) and, its first half, what
/// remembers which scripts ran before.
fn cache_key(source: &str) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    let hash = |salt: u8| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut hasher);
        source.hash(&mut hasher);
        hasher.finish()
    };
    (hash(0), hash(1))
}
