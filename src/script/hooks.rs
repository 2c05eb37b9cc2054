//! The prelude and its entry points: the JavaScript files evaluated once per [`super::Sandbox`]
//! with the host functions they use, and the calls into them (`begin`, `synced`, `takeOutbox`,
//! `tick`, `unhandledRejection`, `finish`, kept as functions; the rarer ones by name).

use rquickjs::{Ctx, Function, Object, Persistent, Value};

use super::api::ScriptError;
use super::bytecode;
use super::options::{SandboxError, SandboxOptions};

/// The prelude files, evaluated once in this order when a [`Sandbox`] is created.
/// Each is `(file under src/script, name its stack frames show, source)`; the build script
/// compiles them to bytecode (see [`bytecode::eval_builtin`]).
pub(super) const PRELUDE: [(&str, &str, &str); 11] = [
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
    (
        "sdk-members.js",
        "postie-sdk-members.js",
        include_str!("sdk-members.js"),
    ),
    ("timers.js", "postie-timers.js", include_str!("timers.js")),
    (
        "prelude.js",
        "postie-prelude.js",
        include_str!("prelude.js"),
    ),
    ("errors.js", "postie-errors.js", include_str!("errors.js")),
];

/// Name of the global that holds the prelude's entry points (non-enumerable, read-only).
pub(super) const HOOKS: &str = "__postie_hooks";

/// Evaluate the prelude files and hide the hooks object behind a read-only global.
pub(super) fn load_prelude(ctx: &Ctx<'_>, options: &SandboxOptions) -> Result<(), SandboxError> {
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
    // Every dynamic variable (`$guid`, `$randomAlphaNumeric`, ...) for the scripts' replaceIn.
    let dynamic = Function::new(ctx.clone(), |name: String| {
        crate::vars::dynamic::dynamic_value(&name)
    })
    .map_err(|e| fail("dynamic", ctx, e))?;
    hooks
        .set("dynamic", dynamic)
        .map_err(|e| fail("dynamic", ctx, e))?;
    let reword = Function::new(ctx.clone(), super::v8_created::reword_hook)
        .map_err(|e| fail("v8Reword", ctx, e))?;
    hooks
        .set("v8Reword", reword)
        .map_err(|e| fail("v8Reword", ctx, e))?;
    super::native::install(ctx, &hooks).map_err(|e| fail("native", ctx, e))?;
    hooks
        .set("sendRequestPromise", options.send_request_promise)
        .map_err(|e| fail("options", ctx, e))?;
    let named = Object::new(ctx.clone()).map_err(|e| fail("options", ctx, e))?;
    named
        .set("environment", options.named_scopes.environment)
        .map_err(|e| fail("options", ctx, e))?;
    named
        .set("globals", options.named_scopes.globals)
        .map_err(|e| fail("options", ctx, e))?;
    hooks
        .set("namedScopes", named)
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
pub(super) enum Hook {
    Begin,
    Synced,
    TakeOutbox,
    Tick,
    UnhandledRejection,
    Finish,
}

impl Hook {
    /// Every hook, in the order the sandbox keeps them.
    pub(super) const ALL: [Hook; 6] = [
        Hook::Begin,
        Hook::Synced,
        Hook::TakeOutbox,
        Hook::Tick,
        Hook::UnhandledRejection,
        Hook::Finish,
    ];

    /// Its name in the hooks object.
    pub(super) fn name(self) -> &'static str {
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
pub(super) fn call<'js, R: rquickjs::FromJs<'js>>(
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
pub(super) fn call_hook<'js, R: rquickjs::FromJs<'js>>(
    ctx: &Ctx<'js>,
    name: &str,
    args: impl rquickjs::function::IntoArgs<'js>,
) -> rquickjs::Result<R> {
    let hooks: Object<'js> = ctx.globals().get(HOOKS)?;
    let hook: Function<'js> = hooks.get(name)?;
    hook.call(args)
}

/// An error in postie's own plumbing (not the user's script), as a [`ScriptError`].
pub(super) fn internal_error(ctx: &Ctx<'_>, err: rquickjs::Error) -> ScriptError {
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
        reported_at: None,
    }
}
