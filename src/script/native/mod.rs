//! Host functions behind the sandbox's library modules (`require('crypto-js')`, `cheerio`,
//! `xml2js`, `url`, `punycode`…) and the loader that evaluates the JavaScript side of each
//! library on first use.
//!
//! Everything is installed on the prelude's hooks object as `native`; user scripts never see it
//! directly. Byte strings cross the boundary as "binary strings": one JavaScript character per
//! byte (code points 0–255), which QuickJS stores compactly and which need no unsafe access to
//! typed-array memory.

mod crypto;
mod html;
mod tz;
mod url;
mod xml;

use rquickjs::{Ctx, Function, Object, Value};

/// The JavaScript library modules, by the id `require()` maps module names to.
const LIBS: &[(&str, &str)] = &[
    ("ajv", include_str!("../lib/ajv.js")),
    ("assert", include_str!("../lib/assert.js")),
    ("backbone", include_str!("../lib/backbone.js")),
    ("buffer", include_str!("../lib/buffer.js")),
    ("chai", include_str!("../lib/chai.js")),
    ("chai-assert", include_str!("../lib/chai-assert.js")),
    ("chai-plugins", include_str!("../lib/chai-plugins.js")),
    ("cheerio", include_str!("../lib/cheerio.js")),
    ("crypto-js", include_str!("../lib/crypto-js.js")),
    ("csv-parse", include_str!("../lib/csv-parse.js")),
    ("events", include_str!("../lib/events.js")),
    ("lodash", include_str!("../lib/lodash.js")),
    ("lodash-ext", include_str!("../lib/lodash-ext.js")),
    ("lodash3", include_str!("../lib/lodash3.js")),
    ("moment", include_str!("../lib/moment.js")),
    ("path", include_str!("../lib/path.js")),
    ("process", include_str!("../lib/process.js")),
    ("punycode", include_str!("../lib/punycode.js")),
    ("querystring", include_str!("../lib/querystring.js")),
    ("schema", include_str!("../lib/schema.js")),
    ("stream", include_str!("../lib/stream.js")),
    ("stream-readable", include_str!("../lib/stream-readable.js")),
    ("stream-writable", include_str!("../lib/stream-writable.js")),
    (
        "postman-collection",
        include_str!("../lib/postman-collection.js"),
    ),
    ("string_decoder", include_str!("../lib/string_decoder.js")),
    ("sugar", include_str!("../lib/sugar.js")),
    ("timers", include_str!("../lib/timers.js")),
    ("tv4", include_str!("../lib/tv4.js")),
    ("url", include_str!("../lib/url.js")),
    ("util", include_str!("../lib/util.js")),
    ("uuid", include_str!("../lib/uuid.js")),
    ("xml2js", include_str!("../lib/xml2js.js")),
    ("xml2json", include_str!("../lib/xml2json.js")),
    ("v8-json-error", include_str!("../lib/v8-json-error.js")),
];

/// Install `native` (the host functions and `loadLib`) on the prelude's hooks object.
pub(super) fn install<'js>(ctx: &Ctx<'js>, hooks: &Object<'js>) -> rquickjs::Result<()> {
    let native = Object::new(ctx.clone())?;
    native.set("loadLib", Function::new(ctx.clone(), load_lib)?)?;
    crypto::install(ctx, &native)?;
    xml::install(ctx, &native)?;
    html::install(ctx, &native)?;
    url::install(ctx, &native)?;
    tz::install(ctx, &native)?;
    hooks.set("native", native)?;
    Ok(())
}

/// Evaluate one library's source; it is a function expression that the prelude calls with the
/// hooks object and its module loader. `undefined` for an unknown id.
fn load_lib<'js>(ctx: Ctx<'js>, id: String) -> rquickjs::Result<Value<'js>> {
    let Some((_, source)) = LIBS.iter().find(|(name, _)| *name == id) else {
        return Ok(Value::new_undefined(ctx));
    };
    let file = format!("lib/{id}.js");
    super::bytecode::eval_builtin(&ctx, &file, &format!("postie-lib-{id}.js"), source)
}

/// Bytes of a binary string (characters above U+00FF keep their low byte, as in `Buffer`'s
/// `latin1` encoding).
pub(crate) fn bytes_of(text: &str) -> Vec<u8> {
    text.chars().map(|c| (u32::from(c) & 0xff) as u8).collect()
}

/// The binary string holding `bytes`.
pub(crate) fn binary_string(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A JavaScript `Error` with `message`, for host functions that reject their input.
pub(crate) fn throw(ctx: &Ctx<'_>, message: &str) -> rquickjs::Error {
    rquickjs::Exception::throw_message(ctx, message)
}
