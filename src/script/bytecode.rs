//! Compiled scripts kept as QuickJS bytecode, for scripts that run more than once (the same item
//! in every iteration).
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
    let source = CString::new(source).ok()?;
    let filename = CString::new(filename).ok()?;
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
        ctx.catch();
        return None;
    }
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

/// Read back what [`compile`] wrote and run it: the function the script evaluates to.
pub(super) fn load<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> rquickjs::Result<Function<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `bytes` came from JS_WriteObject of the same QuickJS build; JS_ReadObject copies
    // what it needs, and JS_EvalFunction takes ownership of the bytecode value it is given.
    let value = unsafe {
        let bytecode = qjs::JS_ReadObject(
            raw,
            bytes.as_ptr(),
            bytes.len() as qjs::size_t,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        if qjs::JS_IsException(bytecode) {
            return Err(Error::Exception);
        }
        Value::from_raw(ctx.clone(), qjs::JS_EvalFunction(raw, bytecode))
    };
    if value.is_exception() {
        return Err(Error::Exception);
    }
    value
        .into_function()
        .ok_or_else(|| Error::new_from_js("value", "function"))
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
