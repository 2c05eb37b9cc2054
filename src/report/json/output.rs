//! Bytes out for the JSON reporter: a response body as Newman's `{type: "Buffer", data: [...]}`
//! written as it streams, the report's indentation, masking of every string, and the `stats`
//! block.

use super::*;

/// A response body as the report holds it, masked: Newman's byte array (`[123,34,…]`), or a
/// JSON string with `--reporter-json-body-as-text`. A body in memory is masked when it is
/// UTF-8 text; a large one is masked piece by piece as it is read back, whatever its bytes.
pub(super) fn write_body(
    body: &ResponseBody,
    masker: &Masker,
    as_text: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let masked_text;
    let in_memory = match body.in_memory() {
        Some(bytes) => {
            masked_text = std::str::from_utf8(bytes).ok().map(|t| masker.mask(t));
            Some(match &masked_text {
                Some(Cow::Owned(text)) => text.as_bytes(),
                _ => bytes,
            })
        }
        None => None,
    };
    if as_text {
        let text = match in_memory {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None => {
                let mut masked = Vec::new();
                masker.mask_stream(&mut body.reader(), &mut masked)?;
                String::from_utf8_lossy(&masked).into_owned()
            }
        };
        return serde_json::to_writer(out, &text).map_err(std::io::Error::other);
    }
    let mut array = ByteArray { out, first: true };
    array.out.write_all(b"[")?;
    match in_memory {
        Some(bytes) => array.write_all(bytes)?,
        None => masker.mask_stream(&mut body.reader(), &mut array)?,
    }
    array.out.write_all(b"]")
}

/// Writes bytes as the numbers of a JSON array (`1,2,3`; the brackets are the caller's).
pub(super) struct ByteArray<'a> {
    out: &'a mut dyn Write,
    first: bool,
}

impl Write for ByteArray<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let buf = &buf[..buf.len().min(64 * 1024)];
        let mut text = Vec::with_capacity(buf.len() * 4);
        for &b in buf {
            if !std::mem::take(&mut self.first) {
                text.push(b',');
            }
            if b >= 100 {
                text.push(b'0' + b / 100);
            }
            if b >= 10 {
                text.push(b'0' + b / 10 % 10);
            }
            text.push(b'0' + b % 10);
        }
        self.out.write_all(&text)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// `run.stats` in Newman's shape: `{total, pending, failed}` per category.
pub(in crate::report) fn stats_json(summary: &RunSummary) -> Value {
    let counter = |c: Counter| json!({"total": c.executed, "pending": 0, "failed": c.failed});
    let st = &summary.stats;
    json!({
        "iterations": counter(st.iterations),
        "items": counter(st.items),
        "scripts": counter(Counter {
            executed: st.test_scripts.executed + st.prerequest_scripts.executed,
            failed: st.test_scripts.failed + st.prerequest_scripts.failed,
        }),
        "prerequests": counter(Counter { executed: st.items.executed, failed: 0 }),
        "requests": counter(st.requests),
        "tests": counter(Counter { executed: st.tests.executed, failed: 0 }),
        "assertions": counter(st.assertions),
        "testScripts": counter(st.test_scripts),
        "prerequestScripts": counter(st.prerequest_scripts),
    })
}

/// Writes through to `inner` with one level of the report's indentation after every line break:
/// a value written at the top level lands one level down.
pub(super) struct Indented<'w> {
    pub(super) inner: &'w mut dyn Write,
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.inner.write_all(first)?;
        }
        for line in lines {
            self.inner.write_all(b"\n  ")?;
            self.inner.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Mask every string inside `value`.
pub(in crate::report) fn mask_strings(value: &mut Value, masker: &Masker) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(masked) = masker.mask(text) {
                *text = masked;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| mask_strings(v, masker)),
        Value::Object(map) => map.values_mut().for_each(|v| mask_strings(v, masker)),
        _ => {}
    }
}
