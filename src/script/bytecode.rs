//! QuickJS bytecode: compiled scripts kept for scripts that run more than once (the same item in
//! every iteration), and postie's own JavaScript compiled at build time (see `build.rs`).
//!
//! A kept compiled function costs ≈ 1 KiB of QuickJS objects (its source text included, once per
//! nested function); serialised without the source it is about half that, and reading it back
//! is several times cheaper than compiling again. Error positions are unchanged (the line table
//! is kept); `Function.prototype.toString` of a function from such a script no longer shows its
//! source. rquickjs has no safe API for script bytecode, hence the raw calls here; every value
//! they make is handed to rquickjs, which frees it.

use std::ffi::CString;

use rquickjs::{Ctx, Error, Function, Value, qjs};

/// Compile `source` (a global script whose value is a function) without running it, and
/// serialise it without its source text. `None` when it does not compile (the caller compiles
/// it the usual way, which reports the error).
pub(super) fn compile(ctx: &Ctx<'_>, source: &str, filename: &str) -> Option<Box<[u8]>> {
    let Ok(compiled) = compile_only(ctx, source, filename) else {
        ctx.catch();
        return None;
    };
    let raw = ctx.as_raw().as_ptr();
    let mut size = 0;
    let flags = qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE;
    // SAFETY: `compiled` is a live bytecode value of this context; the buffer QuickJS returns is
    // `size` bytes long, copied here, then released with the context's allocator.
    unsafe {
        let buffer = qjs::JS_WriteObject(raw, &mut size, compiled.as_raw(), flags as i32);
        if buffer.is_null() {
            ctx.catch();
            return None;
        }
        let bytes: Option<Box<[u8]>> = usize::try_from(size)
            .ok()
            .map(|size| std::slice::from_raw_parts(buffer, size).into());
        qjs::js_free(raw, buffer.cast());
        bytes
    }
}

/// Compile `source` (global code) without running it: its bytecode value, or `Err` with the
/// exception (a `SyntaxError`) pending in `ctx`. A source holding a NUL byte is an `Err` with
/// nothing pending.
pub(super) fn compile_only<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    filename: &str,
) -> rquickjs::Result<Value<'js>> {
    let source = CString::new(source)?;
    let filename = CString::new(filename)?;
    let flags = qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY;
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `raw` is the live context of `ctx`; `source` is NUL-terminated as JS_Eval requires
    // and outlives the call; the returned value is owned by the `Value` made from it.
    let compiled = unsafe {
        let value = qjs::JS_Eval(
            raw,
            source.as_ptr(),
            source.as_bytes().len() as qjs::size_t,
            filename.as_ptr(),
            flags as i32,
        );
        Value::from_raw(ctx.clone(), value)
    };
    if compiled.is_exception() {
        return Err(Error::Exception);
    }
    Ok(compiled)
}

/// Read back what [`compile`] wrote and run it: the function the script evaluates to.
pub(super) fn load<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> rquickjs::Result<Function<'js>> {
    run(ctx, bytes)?
        .into_function()
        .ok_or_else(|| Error::new_from_js("value", "function"))
}

/// Read back serialised bytecode of a global script and run it: the script's value.
pub(super) fn run<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> rquickjs::Result<Value<'js>> {
    evaluate(ctx, read(ctx, bytes)?)
}

/// Run `bytecode` (a value [`read`] returned): the script's value.
fn evaluate<'js>(ctx: &Ctx<'js>, bytecode: Value<'js>) -> rquickjs::Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `bytecode` is a live bytecode value of this context; JS_EvalFunction takes over
    // the extra reference made here (`bytecode` frees its own when dropped), and the value it
    // returns is owned by the `Value` made from it.
    let value = unsafe {
        let reference = qjs::JS_DupValue(raw, bytecode.as_raw());
        Value::from_raw(ctx.clone(), qjs::JS_EvalFunction(raw, reference))
    };
    if value.is_exception() {
        return Err(Error::Exception);
    }
    Ok(value)
}

/// The bytecode value read back from `bytes`; `Err` (the exception pending) when QuickJS cannot
/// read it.
fn read<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> rquickjs::Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: JS_ReadObject copies what it needs from `bytes`, which outlives the call; the value
    // it returns is owned by the `Value` made from it.
    let bytecode = unsafe {
        Value::from_raw(
            ctx.clone(),
            qjs::JS_ReadObject(
                raw,
                bytes.as_ptr(),
                bytes.len() as qjs::size_t,
                qjs::JS_READ_OBJ_BYTECODE as i32,
            ),
        )
    };
    if bytecode.is_exception() {
        return Err(Error::Exception);
    }
    Ok(bytecode)
}

/// Evaluate one of postie's own JavaScript files (`file` is its path under `src/script/`, `name`
/// the file name its stack frames show) as strict global code: from the bytecode the build
/// script compiled it to when there is one (see `build.rs`), else from `source`. Bytecode QuickJS
/// cannot read (it never should: it is the same QuickJS) falls back to the source too.
pub(super) fn eval_builtin<'js>(
    ctx: &Ctx<'js>,
    file: &str,
    name: &str,
    source: &str,
) -> rquickjs::Result<Value<'js>> {
    eval_either(ctx, built::bytecode(file), name, source)
}

/// `bytes` when QuickJS can read them, else `source` named `name`.
fn eval_either<'js>(
    ctx: &Ctx<'js>,
    bytes: Option<&[u8]>,
    name: &str,
    source: &str,
) -> rquickjs::Result<Value<'js>> {
    if let Some(bytes) = bytes {
        match read(ctx, bytes) {
            Ok(bytecode) => return evaluate(ctx, bytecode),
            Err(_) => {
                ctx.catch();
            }
        }
    }
    let mut opts = rquickjs::context::EvalOptions::default();
    opts.filename = Some(name.to_string());
    ctx.eval_with_options(source, opts)
}

/// What `build.rs` generated: `bytecode(file)`.
mod built {
    include!(concat!(env!("OUT_DIR"), "/js_bytecode.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    fn with_ctx(f: impl FnOnce(&Ctx<'_>)) {
        let runtime = Runtime::new().expect("a runtime");
        let context = Context::full(&runtime).expect("a context");
        context.with(|ctx| f(&ctx));
    }

    #[test]
    fn bytecode_round_trips_without_the_source_text() {
        with_ctx(|ctx| {
            let source = "(function(){ /* MARKER-IN-A-COMMENT */ return 6 * 7;\n})";
            let bytes = compile(ctx, source, "t.js").expect("it compiles");
            let marker = b"MARKER-IN-A-COMMENT";
            assert!(!bytes.windows(marker.len()).any(|w| w == marker));
            let func = load(ctx, &bytes).expect("it loads");
            assert_eq!(func.call::<_, i32>(()).expect("it runs"), 42);
            // Loaded twice, two separate functions.
            let again = load(ctx, &bytes).expect("it loads again");
            assert_eq!(again.call::<_, i32>(()).expect("it runs"), 42);
        });
    }

    #[test]
    fn postie_s_own_javascript_is_compiled_at_build_time() {
        for file in [
            "inspect.js",
            "expect.js",
            "http.js",
            "scopes.js",
            "prelude.js",
        ] {
            assert!(built::bytecode(file).is_some(), "{file}");
        }
        for id in ["lodash", "moment", "sugar", "crypto-js", "xml2json"] {
            assert!(built::bytecode(&format!("lib/{id}.js")).is_some(), "{id}");
        }
        assert!(built::bytecode("no-such.js").is_none());
        // Readable by the QuickJS postie links (the build dependency is the same version).
        with_ctx(|ctx| {
            for file in ["prelude.js", "lib/lodash.js"] {
                let bytes = built::bytecode(file).unwrap_or_default();
                assert!(read(ctx, bytes).is_ok(), "{file}");
            }
        });
    }

    #[test]
    fn builtin_code_runs_from_bytecode_or_else_from_its_source() {
        with_ctx(|ctx| {
            let bytes = compile(ctx, "(function(){ return 'from bytecode'; })", "t.js")
                .expect("it compiles");
            let source = "(function(){ return 'from source'; })";
            let value = |bytes: Option<&[u8]>| -> String {
                let func = eval_either(ctx, bytes, "t.js", source)
                    .expect("it evaluates")
                    .into_function()
                    .expect("a function");
                func.call(()).expect("it runs")
            };
            assert_eq!(value(Some(&bytes)), "from bytecode");
            assert_eq!(value(Some(b"not bytecode")), "from source");
            assert_eq!(value(None), "from source");
            // An exception the code throws is the caller's, not a reason to use the source.
            let throws = compile(ctx, "(function(){ throw 1; })()", "t.js").expect("it compiles");
            assert!(eval_either(ctx, Some(&throws), "t.js", source).is_err());
            ctx.catch();
        });
    }

    #[test]
    fn bytecode_of_broken_input_is_none_not_a_panic() {
        with_ctx(|ctx| {
            assert!(compile(ctx, "(function(){ let = ; })", "t.js").is_none());
            assert!(compile(ctx, "a\0b", "t.js").is_none());
            assert!(load(ctx, b"not bytecode").is_err());
            ctx.catch();
            assert!(load(ctx, &[]).is_err());
            ctx.catch();
        });
    }
}
