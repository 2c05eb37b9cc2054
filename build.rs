//! Build script: compiles the sandbox's own JavaScript (the prelude files in `src/script/*.js` and
//! the libraries in `src/script/lib/`) to QuickJS bytecode, so that starting a sandbox reads
//! bytecode instead of parsing ≈ 250 KB of source in every run (parsing the prelude was about
//! two thirds of a one-request run's instructions).
//!
//! It writes `$OUT_DIR/js_bytecode.rs`: `fn bytecode(file: &str) -> Option<&'static [u8]>`, keyed
//! by the file name under `src/script/`. The bytecode comes from the same QuickJS the program
//! links (the `rquickjs-sys` version in Cargo.lock), compiled with the flags the sandbox evaluates
//! these files with (global code, strict mode); the source text is kept in it, so functions print
//! as written. When cross-compiling nothing is compiled and `bytecode` always answers `None`: the
//! sandbox then evaluates the source, as it also does if a file's bytecode cannot be read.

use std::ffi::{CStr, CString};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use rquickjs_sys as qjs;

fn main() {
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let script_dir = Path::new("src/script");
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = js_files(script_dir);
    files.extend(js_files(&script_dir.join("lib")));
    let cross = env::var("TARGET").ok() != env::var("HOST").ok();

    let mut table = String::new();
    if !cross {
        let compiler = Compiler::new();
        for path in &files {
            println!("cargo:rerun-if-changed={}", path.display());
            let source = fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let key = path
                .strip_prefix(script_dir)
                .expect("listed under src/script")
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = compiler
                .compile(&source, &key)
                .unwrap_or_else(|message| panic!("{}: {message}", path.display()));
            let name = key.replace(['/', '.', '-'], "_");
            let file = out_dir.join(format!("{name}.qjsbc"));
            fs::write(&file, bytes).expect("cannot write to OUT_DIR");
            writeln!(
                table,
                "        {key:?} => Some(include_bytes!({:?})),",
                file.display().to_string()
            )
            .expect("writing to a String");
        }
    }
    let code = format!(
        "/// The bytecode the build script compiled `file` (a path under `src/script/`) to.\n\
         pub(crate) fn bytecode(file: &str) -> Option<&'static [u8]> {{\n    \
         match file {{\n{table}        _ => None,\n    }}\n}}\n"
    );
    fs::write(out_dir.join("js_bytecode.rs"), code).expect("cannot write to OUT_DIR");
}

/// The `.js` files directly in `dir`, sorted.
fn js_files(dir: &Path) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    files.sort();
    files
}

/// A QuickJS runtime and context used only to compile.
struct Compiler {
    runtime: *mut qjs::JSRuntime,
    context: *mut qjs::JSContext,
}

impl Compiler {
    fn new() -> Self {
        // SAFETY: plain constructor calls; both pointers are checked and freed in `drop`.
        unsafe {
            let runtime = qjs::JS_NewRuntime();
            assert!(!runtime.is_null(), "QuickJS could not create a runtime");
            let context = qjs::JS_NewContext(runtime);
            assert!(!context.is_null(), "QuickJS could not create a context");
            Compiler { runtime, context }
        }
    }

    /// `source` compiled as strict global code named `file`, serialised with its source text.
    fn compile(&self, source: &str, file: &str) -> Result<Vec<u8>, String> {
        let text = CString::new(source).map_err(|_| "the file holds a NUL byte".to_string())?;
        let name = CString::new(format!("postie-{}", file.replace("lib/", "lib-")))
            .map_err(|_| "bad file name".to_string())?;
        let flags =
            qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_STRICT | qjs::JS_EVAL_FLAG_COMPILE_ONLY;
        // SAFETY: the context is live; `text` and `name` are NUL-terminated and outlive the
        // calls; the compiled value and QuickJS's buffer are freed before returning.
        unsafe {
            let compiled = qjs::JS_Eval(
                self.context,
                text.as_ptr(),
                source.len() as _,
                name.as_ptr(),
                flags as i32,
            );
            if qjs::JS_IsException(compiled) {
                return Err(self.exception());
            }
            let mut size = 0;
            let buffer = qjs::JS_WriteObject(
                self.context,
                &mut size,
                compiled,
                qjs::JS_WRITE_OBJ_BYTECODE as i32,
            );
            qjs::JS_FreeValue(self.context, compiled);
            if buffer.is_null() {
                return Err(self.exception());
            }
            let bytes = std::slice::from_raw_parts(buffer, size as usize).to_vec();
            qjs::js_free(self.context, buffer.cast());
            Ok(bytes)
        }
    }

    /// The pending exception as text.
    fn exception(&self) -> String {
        // SAFETY: the context is live; the C string is copied, then freed.
        unsafe {
            let error = qjs::JS_GetException(self.context);
            let text = qjs::JS_ToCString(self.context, error);
            let message = if text.is_null() {
                "unknown error".to_string()
            } else {
                let message = CStr::from_ptr(text).to_string_lossy().into_owned();
                qjs::JS_FreeCString(self.context, text);
                message
            };
            qjs::JS_FreeValue(self.context, error);
            message
        }
    }
}

impl Drop for Compiler {
    fn drop(&mut self) {
        // SAFETY: both were created in `new` and are freed once, context first.
        unsafe {
            qjs::JS_FreeContext(self.context);
            qjs::JS_FreeRuntime(self.runtime);
        }
    }
}
