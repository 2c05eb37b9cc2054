//! Compiling user scripts: the wrapper that gives each its own function scope, the key its
//! compiled form is cached under, and loading it from that cache (bytecode), from a
//! [`super::Sandbox::precompile`], or compiling it now.

use std::collections::HashMap;

use rquickjs::context::EvalOptions;
use rquickjs::{Ctx, Function, Persistent};

use super::bytecode;

/// File name given to user scripts so their stack frames can be told apart from the prelude's.
pub(crate) const SCRIPT_FILE: &str = "postie-script";

/// Put before the user's source on the same line, so line numbers stay as written.
pub(crate) const WRAP_HEAD: &str = "(function(){";
/// Put after the user's source, on a line of its own so a trailing `//` comment cannot eat it.
pub(super) const WRAP_TAIL: &str = "\n})";

/// Whether a script gets Newman's legacy globals: not when it starts with the marker
/// `"use sandbox2";` (either quote).
pub(super) fn legacy_enabled(source: &str) -> bool {
    !(source.starts_with("\"use sandbox2\";") || source.starts_with("'use sandbox2';"))
}

/// The script's function: from its kept bytecode (made now when `keep`), from
/// [`Sandbox::precompile`], or compiled now.
pub(super) fn load_compiled<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    key: (u64, u64),
    keep: bool,
    compiled: &mut HashMap<(u64, u64), Box<[u8]>>,
    ahead: &mut Vec<((u64, u64), Persistent<Function<'static>>)>,
) -> rquickjs::Result<Function<'js>> {
    if keep && !compiled.contains_key(&key) {
        let wrapped = format!("{WRAP_HEAD}{source}{WRAP_TAIL}");
        if let Some(bytes) = bytecode::compile(ctx, &wrapped, SCRIPT_FILE) {
            compiled.insert(key, bytes);
        }
    }
    match compiled.get(&key) {
        Some(bytes) => bytecode::load(ctx, bytes),
        None => match ahead.iter().position(|(k, _)| *k == key) {
            Some(i) => ahead.swap_remove(i).1.restore(ctx),
            None => compile(ctx, source),
        },
    }
}

/// Compile a user script into a function (its own scope for `const`/`let`), named so its stack
/// frames point into the user's source.
pub(super) fn compile<'js>(ctx: &Ctx<'js>, source: &str) -> rquickjs::Result<Function<'js>> {
    let mut opts = EvalOptions::default();
    opts.strict = false;
    opts.filename = Some(SCRIPT_FILE.to_string());
    ctx.eval_with_options(format!("{WRAP_HEAD}{source}{WRAP_TAIL}"), opts)
}

/// Two independent 64-bit hashes of a script's source: the compiled-script cache's key (128
/// bits, so two different scripts never share an entry in practice) and, its first half, what
/// remembers which scripts ran before.
pub(super) fn cache_key(source: &str) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    let hash = |salt: u8| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut hasher);
        source.hash(&mut hasher);
        hasher.finish()
    };
    (hash(0), hash(1))
}
