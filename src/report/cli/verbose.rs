//! `--verbose`: what Newman's CLI reporter prints after each request line — a one-line summary
//! (`200 OK ★ 12ms time ★ 270B↑ 793B↓ size ★ 7↑ 4↓ headers ★ 0 cookies`), the request body in a
//! frame headed `↑ <mode> ★ <size>`, the response body in a frame headed by what its
//! `Content-Type` says (`↓ application/json ★ text ★ json ★ utf8 ★ <size>`), each cut at 2 kB
//! and wrapped like console output, then the timing table. Secret-looking fields of a JSON
//! response body are masked (unless `--show-secrets`).

use super::CliReporter;
use crate::http::{HttpRequest, HttpResponse};
use crate::report::format::{CONSOLE_WIDTH, console_lines, duration, fine_duration, size};
use crate::report::mask::Masker;
use std::io::Write;

/// Newman's `BODY_CLIP_SIZE`: bodies longer than this are cut.
const CLIP: usize = 2048;

/// What a response's `Content-Type` says, as Postman's `Response#contentInfo` reads it:
/// `[contentType, mimeType, mimeFormat, charset]`.
pub(super) fn content_info(headers: &[(String, String)]) -> [String; 4] {
    let header = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
        .unwrap_or("text/plain");
    let content_type = header.split(';').next().unwrap_or("").trim().to_lowercase();
    let charset = header
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_lowercase())
        .unwrap_or_else(|| "utf8".into());
    let charset = if charset == "utf-8" {
        "utf8".into()
    } else {
        charset
    };
    let t = content_type.as_str();
    let (mime_type, mime_format) = if t.contains("json") {
        ("text", "json")
    } else if t.contains("xml") {
        ("text", "xml")
    } else if t == "text/html" {
        ("text", "html")
    } else if t.contains("javascript") {
        ("text", "script")
    } else if t.starts_with("text/") {
        ("text", "plain")
    } else if let Some(kind @ ("image" | "audio" | "video")) = t.split('/').next() {
        (kind, kind)
    } else {
        ("unknown", "raw")
    };
    [
        content_type.clone(),
        mime_type.into(),
        mime_format.into(),
        charset,
    ]
}

/// Postman's `Request#size().total`: the request line and `headers` (its request object's) as
/// text, and the body.
fn request_size(request: &HttpRequest, headers: &[(String, String)]) -> u64 {
    let target = request
        .url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("/");
    let target = target.split('#').next().unwrap_or(target);
    let line = format!("{} {target} HTTP/X.X\r\n\r\n", request.method).len();
    let text: usize = headers.iter().map(|(k, v)| k.len() + v.len() + 4).sum();
    (line + text) as u64 + body_size(headers, request.body.as_ref().map_or(0, Vec::len))
}

/// A body's size as Postman counts it: the `Content-Length` header when it is a number, else
/// the bytes.
fn body_size(headers: &[(String, String)], bytes: usize) -> u64 {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(bytes as u64)
}

/// The text Postman's request body gives (`body.toString()`): a raw or GraphQL body as sent,
/// an urlencoded one decoded (`a=1&b=two words`), nothing for form-data and files.
fn body_text(mode: Option<&str>, sent: &[u8]) -> String {
    match mode {
        Some("formdata" | "file") => String::new(),
        Some("urlencoded") => String::from_utf8_lossy(sent)
            .split('&')
            .map(|pair| {
                percent_encoding::percent_decode_str(pair)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .collect::<Vec<_>>()
            .join("&"),
        _ => String::from_utf8_lossy(sent).into_owned(),
    }
}

impl<W: Write> CliReporter<W> {
    /// Everything `--verbose` prints after the request line.
    pub(super) fn verbose_exchange(
        &mut self,
        request: &HttpRequest,
        r: &HttpResponse,
        (body_mode, shown): (Option<&str>, &[(String, String)]),
    ) {
        let (s, y) = (self.style, self.symbols);
        let star = s.dim(y.star);
        let took = duration(self.clock.duration(r.elapsed));
        self.line(&format!(
            "  {} {} {star} {took} {} {star} {}{} {}{} {} {star} {}{} {}{} {} {star} {} {}",
            r.status,
            r.reason,
            s.dim("time"),
            size(request_size(request, shown)),
            s.dim(y.up),
            size(r.size_on_wire()),
            s.dim(y.down),
            s.dim("size"),
            shown.len(),
            s.dim(y.up),
            r.headers.len(),
            s.dim(y.down),
            s.dim("headers"),
            // Newman's runtime builds its response object without cookies: always 0.
            0,
            s.dim("cookies"),
        ));
        let sent = request.body.as_deref().unwrap_or_default();
        let text = body_text(body_mode, sent);
        // Postman's request size: its `Content-Length` header, else the text's bytes.
        let sent_len = body_size(shown, text.len());
        if sent_len > 0 {
            let head = format!(
                "{} {} {star} {}",
                y.up,
                body_mode.unwrap_or(""),
                size(sent_len)
            );
            self.verbose_frame(&head, &text, sent_len, &Masker::new(Vec::new()));
            self.line(&format!("  {} ", y.bottom));
        }
        self.verbose_response(r);
    }

    /// The response body's frame (or its one-line description without a body), then the
    /// timing table.
    fn verbose_response(&mut self, r: &HttpResponse) {
        let (s, y) = (self.style, self.symbols);
        let star = format!(" {} ", s.dim(y.star));
        let summary = content_info(&r.headers).join(&star);
        let length = body_size(
            &r.headers,
            usize::try_from(r.body.len()).unwrap_or(usize::MAX),
        );
        let length = if length == 0 { r.body.len() } else { length };
        if length > 0 {
            // Secret-looking fields of a JSON body (a created account's `password`, a token)
            // are masked, unless `--show-secrets`; the run's masker does not know them yet.
            let fields = match r.body.in_memory() {
                Some(bytes) if self.masker.is_enabled() => std::str::from_utf8(bytes)
                    .map(crate::report::mask::secret_json_values)
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let text = String::from_utf8_lossy(&r.body.prefix(CLIP)).into_owned();
            let head = format!("{} {summary}{star}{}", y.down, size(length));
            self.verbose_frame(&head, &text, length, &Masker::new(fields));
            self.line(&format!("  {}", y.bottom));
        } else {
            self.line(&format!("  {} {summary}", y.down));
            if r.timings.is_some() {
                // The table starts on a new line, which after this one is a blank one.
                self.line("");
            }
        }
        if let Some(timings) = &r.timings {
            self.timing_table(&timings.phases());
            self.line("");
        }
    }

    /// A frame's first line and its text, cut at [`CLIP`] and wrapped as console output.
    fn verbose_frame(&mut self, head: &str, text: &str, length: u64, fields: &Masker) {
        let (s, y) = (self.style, self.symbols);
        self.line(&format!("  {} {head}", y.top));
        // Masked whole, before it is cut into lines: a secret split by the wrapping would not
        // be recognised line by line.
        let mut text = self.masker.mask(&fields.mask(text)).into_owned();
        if length > CLIP as u64 {
            // Cut as JavaScript's `substr` does, in UTF-16 units.
            let units: Vec<u16> = text.encode_utf16().take(CLIP).collect();
            text = format!(
                "{}\n(showing {}/{})",
                String::from_utf16_lossy(&units),
                size(CLIP as u64),
                size(length)
            );
        }
        for l in console_lines(&text, CONSOLE_WIDTH) {
            self.line(&s.dim(&format!("  {} {l}", y.middle)));
        }
    }

    /// Newman's `--verbose` timing table: a row of phase names and a row of their durations,
    /// left-aligned columns, `(cache)` for a phase that took no time (a reused connection).
    pub(super) fn timing_table(&mut self, phases: &crate::http::Phases) {
        let s = self.style;
        let (mut names, mut values) = (String::new(), String::new());
        for (key, took) in phases.named() {
            let heading = match key {
                "dns" => "dns-lookup",
                "tcp" => "tcp-handshake",
                "secureHandshake" => "ssl-handshake",
                "firstByte" => "transfer-start",
                other => other,
            };
            let took = self.clock.duration(took);
            let value = if took.is_zero() {
                "(cache)".to_string()
            } else {
                fine_duration(took)
            };
            let width = heading.chars().count().max(value.chars().count());
            let pad = |text: &str| " ".repeat(width - text.chars().count() + 1);
            names.push_str(&format!("  {}{}", s.white(heading), pad(heading)));
            values.push_str(&format!("  {}{}", s.dim(&value), pad(&value)));
        }
        self.line(&names);
        self.line(&values);
    }
}

#[cfg(test)]
mod tests {
    use super::content_info;

    fn info(ct: &str) -> String {
        content_info(&[("Content-Type".into(), ct.into())]).join(" ")
    }

    #[test]
    fn content_info_reads_type_format_and_charset() {
        assert_eq!(
            info("application/json; charset=utf-8"),
            "application/json text json utf8"
        );
        assert_eq!(info("text/plain"), "text/plain text plain utf8");
        assert_eq!(info("image/png"), "image/png image image utf8");
        assert_eq!(
            info("application/octet-stream; charset=\"ISO-8859-1\""),
            "application/octet-stream unknown raw iso-8859-1"
        );
        assert_eq!(content_info(&[])[0], "text/plain");
    }
}
