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

use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use futures_util::stream::FuturesUnordered;
use std::time::Duration;

use rquickjs::function::{Flat, This};
use rquickjs::{Context, Ctx, Function, Object, Persistent, Runtime, Value};

use super::api::{
    NoHost, Progress, ResponseView, ScriptContext, ScriptError, ScriptHost, ScriptOutcome,
};
use super::body_arg::BodyArg;
use super::bytecode;
use super::compile::{SCRIPT_FILE, WRAP_HEAD, WRAP_TAIL};
use super::compile::{cache_key, compile, legacy_enabled, load_compiled};
use super::convert::{self, HostCall};
use super::deadline::{Deadline, timeout_error};
use super::hooks::{HOOKS, Hook, call, call_hook, internal_error, load_prelude};
use super::jar_rounds::run_jar_calls;
pub use super::options::{NamedScopes, SandboxError, SandboxOptions};
use super::profile::Clock;
use crate::vars::ScopeName;

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

/// A version no scope has: the prelude holds no copy of that scope.
const NOT_SENT: u64 = u64::MAX;

/// Most timer callbacks (`setTimeout`, `setInterval`) one script may run.
const MAX_TIMER_CALLBACKS: u32 = 100_000;

/// Extra time the outcome read-back gets, whatever the script timeout.
const FINISH_GRACE: Duration = Duration::from_secs(1);

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
                    reported_at: None,
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
        let mut clock = Clock::start();
        let legacy = legacy_enabled(script.source);
        let script_key = cache_key(script.source);
        let thrower = self.thrower(script.source, script_key, legacy);
        let source = thrower.as_deref().unwrap_or(script.source);
        let key = match thrower {
            Some(_) => cache_key(source),
            None => script_key,
        };
        clock.lap("redeclare");
        let timeout = self.options.script_timeout;
        self.deadline.arm(timeout);
        let mut error = self.begin(script, legacy, source, &mut clock);
        if error.is_none() {
            error = self.run_compiled(source, key, &mut clock);
        }
        if error.as_ref().is_none_or(|e| !is_timeout(e))
            && let Err(timed_out) = self.settle(source, host).await
        {
            error.get_or_insert(timed_out);
        }
        clock.lap("settle");
        if error.is_none() {
            error = self.unhandled_rejection(source);
        }
        clock.lap("unhandled");
        let outcome = self.read_outcome(source, error, timeout);
        clock.lap("finish");
        outcome
    }

    /// The statement that throws Newman's SyntaxError instead of the script, when it redeclares
    /// a sandbox global at its top level (remembered per script, as its bytecode is).
    fn thrower(&mut self, source: &str, key: (u64, u64), legacy: bool) -> Option<Box<str>> {
        if self.redeclared.len() >= MAX_COMPILED {
            self.redeclared.clear();
        }
        self.redeclared
            .entry(key)
            .or_insert_with(|| {
                super::redeclare::redeclared_global(source, legacy).map(|name| {
                    format!(
                        "throw new SyntaxError(\"Identifier '{name}' has already been declared\");"
                    )
                    .into_boxed_str()
                })
            })
            .clone()
    }

    /// Hand the prelude the script's inputs: only the scopes that changed since it last got
    /// them (it keeps the others). `Some` when the prelude failed.
    fn begin(
        &mut self,
        script: &ScriptContext<'_>,
        legacy: bool,
        source: &str,
        clock: &mut Clock,
    ) -> Option<ScriptError> {
        let meta = convert::meta_parts(script);
        let versions = script.vars.versions();
        let [local, data, environment, collection, globals] = std::array::from_fn(|i| {
            (versions[i] != self.sent[i])
                .then(|| convert::scope_json(script.vars.scope(ScopeName::ALL[i])))
        });
        let body = match script.response {
            Some(ResponseView {
                lazy_body: Some(lazy),
                ..
            }) => BodyArg::Lazy(lazy.clone()),
            Some(r) => BodyArg::Text(&r.body),
            None => BodyArg::Text(""),
        };
        let event = script.kind.event_name();
        let args = (
            Flat((event, meta.info, meta.request, meta.response, meta.cookies)),
            Flat((local, data, environment, collection, globals)),
            body,
            legacy,
            source,
        );
        clock.lap("inputs");
        let (hooks, sent) = (&self.hooks, &mut self.sent);
        let error = self
            .context
            .with(|ctx| match call::<()>(hooks, &ctx, Hook::Begin, args) {
                Ok(()) => {
                    *sent = versions;
                    None
                }
                Err(err) => {
                    *sent = [NOT_SENT; 5];
                    Some(internal_error(&ctx, err))
                }
            });
        clock.lap("begin");
        error
    }

    /// Load (or compile) the script and run its synchronous part; `Some` when it failed.
    fn run_compiled(
        &mut self,
        source: &str,
        key: (u64, u64),
        clock: &mut Clock,
    ) -> Option<ScriptError> {
        if self.compiled.len() >= MAX_COMPILED {
            self.compiled.clear();
        }
        let keep = self.seen_once.seen(key.0);
        let keep_async = self.options.async_errors;
        let (deadline, hooks) = (&self.deadline, &self.hooks);
        let (compiled, ahead) = (&mut self.compiled, &mut self.ahead);
        self.context.with(|ctx| {
            let function = load_compiled(&ctx, source, key, keep, compiled, ahead);
            clock.lap("load/compile");
            // `this` at the top of a script is a fresh object, so nothing set on it reaches the
            // next script (as under Newman).
            let result = function.and_then(|func| {
                let this = Object::new(ctx.clone())?;
                func.call::<_, ()>((This(this),))
            });
            clock.lap("call");
            // `throw null` / `throw undefined` end the script without an error (Newman).
            let error = result
                .err()
                .map(|err| script_error(&ctx, err, source, deadline, false))
                .filter(|e| !e.is_nothing());
            // The synchronous part is over: the legacy `tests` are recorded now, as Newman does.
            let went_async = call::<bool>(hooks, &ctx, Hook::Synced, ()).unwrap_or_else(|_| {
                ctx.catch();
                false
            });
            // A script that throws while its timers or requests are pending has gone
            // asynchronous: Newman hands the error to the async handler, which reports it only
            // when asynchronous errors are kept (as one thrown inside a timer).
            error.filter(|e| keep_async || !went_async || is_timeout(e))
        })
    }

    /// The first promise rejection nobody handled, as the script's error.
    fn unhandled_rejection(&self, source: &str) -> Option<ScriptError> {
        self.context.with(|ctx| {
            let reason = match call::<Value<'_>>(&self.hooks, &ctx, Hook::UnhandledRejection, ()) {
                Ok(reason) => reason,
                Err(err) => return Some(internal_error(&ctx, err)),
            };
            if reason.is_undefined() {
                return None;
            }
            let described = call_hook::<String>(&ctx, "describe", (reason,)).unwrap_or_else(|_| {
                ctx.catch();
                String::new()
            });
            Some(super::error_position::error_from_json(&described, source))
                .filter(|e| !e.is_nothing())
        })
    }

    /// Read the script's results back from the prelude; `error` (the script's own) wins over
    /// an asynchronous one, unless the script skipped its request.
    fn read_outcome(
        &mut self,
        source: &str,
        error: Option<ScriptError>,
        timeout: Option<Duration>,
    ) -> ScriptOutcome {
        self.deadline
            .arm(Some(timeout.unwrap_or(FINISH_GRACE).max(FINISH_GRACE)));
        let raw = self.context.with(|ctx| {
            call::<String>(&self.hooks, &ctx, Hook::Finish, ())
                .map_err(|err| internal_error(&ctx, err).message)
        });
        self.deadline.arm(None);
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
                reported_at: None,
            }),
            ..ScriptOutcome::default()
        });
        // After `pm.execution.skipRequest()` the sandbox has already ended the script: what it
        // throws later is not reported.
        if let Some(err) = error.filter(|_| !outcome.skip_request) {
            outcome.error = Some(err);
        }
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
                    reported_at: None,
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
                            .finish_request(landed, self.progress())
                            .map(|r| convert::response_value(&r));
                        self.deliver(source, id, result)?;
                    }
                }
                () = nap => {}
            }
        }
    }

    /// How far the script has got (see [`Progress`]).
    fn progress(&self) -> Progress {
        self.context.with(|ctx| {
            let counts: Vec<u32> = call_hook(&ctx, "progress", ()).unwrap_or_default();
            let at = |i: usize| counts.get(i).map_or(0, |&n| n as usize);
            Progress {
                assertions: at(0),
                console: at(1),
            }
        })
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
            reported_at: None,
        })?;
        let mut jar_calls = Vec::new();
        for (id, call) in calls {
            let result = match call {
                Ok(HostCall::Send(definition)) => match host.start_request(definition) {
                    Ok(request) => {
                        in_flight.push(Box::pin(async move { (id, request.await) }));
                        continue;
                    }
                    Err(message) => Err(message),
                },
                Ok(HostCall::Jar(jar)) => {
                    jar_calls.push((id, jar));
                    continue;
                }
                Err(message) => Err(message),
            };
            self.deliver(source, id, result)?;
        }
        for (id, result) in run_jar_calls(host, jar_calls) {
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
}

/// Whether `err` is the sandbox's script timeout.
fn is_timeout(err: &ScriptError) -> bool {
    err.position.is_none()
        && err.message.starts_with("sandbox: ")
        && err.message.ends_with(" script execution timeout")
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
            reported_at: None,
        };
    }
    let thrown = ctx.catch();
    let described = call_hook::<String>(ctx, "describe", (thrown,)).unwrap_or_else(|_| {
        ctx.catch();
        String::new()
    });
    super::error_position::error_from_json(&described, source)
}
