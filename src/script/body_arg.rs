//! The response body as the prelude's `begin` receives it: its text, or for a large body a
//! native function that makes it only when a script reads it.

use super::api::LazyBody;
use rquickjs::{Ctx, Function, Value};

/// V8's longest string (Node's `Cannot create a string longer than 0x1fffffe8 characters`).
const MAX_STRING_LENGTH: usize = 0x1fff_ffe8;

/// The response body as the prelude receives it: its text, or for a large body a native
/// function making the text (`false`) or the raw bytes as code points (`true`, `null` when the
/// text is them) on demand.
pub(super) enum BodyArg<'a> {
    /// Text given whole.
    Text(&'a str),
    /// A large body, made on demand.
    Lazy(LazyBody),
}

impl<'js> rquickjs::IntoJs<'js> for BodyArg<'_> {
    fn into_js(self, ctx: &Ctx<'js>) -> rquickjs::Result<Value<'js>> {
        let lazy = match self {
            BodyArg::Text(text) => return text.into_js(ctx),
            BodyArg::Lazy(lazy) => lazy,
        };
        let make = move |ctx: Ctx<'js>, raw: bool| -> rquickjs::Result<Value<'js>> {
            let text = lazy
                .get()
                .map_err(|e| rquickjs::Exception::throw_message(&ctx, &e))?;
            let chosen = if raw {
                text.raw.as_deref()
            } else {
                Some(text.text.as_str())
            };
            let Some(chosen) = chosen else {
                return Ok(Value::new_null(ctx));
            };
            if chosen.len() > MAX_STRING_LENGTH && chosen.encode_utf16().count() > MAX_STRING_LENGTH
            {
                return Err(rquickjs::Exception::throw_message(
                    &ctx,
                    "Cannot create a string longer than 0x1fffffe8 characters",
                ));
            }
            rquickjs::String::from_str(ctx, chosen).map(|s| s.into_value())
        };
        Function::new(ctx.clone(), make).map(|f| f.into_value())
    }
}
