//! Request bodies: turning a [`Body`] spec into bytes plus the `Content-Type` it implies, as
//! Postman's runtime and HTTP library build them. Raw JSON bodies get `//` and `/* */` comments
//! stripped; form files are read through [`FileAccess`] with Postman's warnings when they cannot
//! be.

use super::files::FileAccess;
use super::mime;
use crate::collection::{Body, FormParam, KeyValue};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

/// Who adds a body's `Content-Type`, which decides where it goes among the headers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ContentTypeSource {
    /// Postman's runtime (raw and GraphQL bodies) as it builds the body to send: after the
    /// user's headers and the auth headers, only when the user set none.
    #[default]
    Runtime,
    /// A raw JSON body: Postman's runtime builds it once before auth is applied (to strip
    /// comments), so its type comes right after the user's headers, before the auth headers.
    RuntimeBeforeAuth,
    /// The HTTP library (urlencoded and form-data bodies): it replaces a user value of another
    /// type where it stands, or comes after the default headers.
    Library,
    /// A file body: after `Content-Length`, only when the user set none.
    File,
}

/// A built body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuiltBody {
    /// The bytes to send (`None` for no body).
    pub bytes: Option<Vec<u8>>,
    /// The content type this mode implies.
    pub content_type: Option<String>,
    /// Where that content type comes from.
    pub source: ContentTypeSource,
    /// Problems worth telling the user (e.g. a form file that could not be read).
    pub warnings: Vec<String>,
    /// A `file` body's media type, from the file's extension: sent after `Content-Length`
    /// when the user set no `Content-Type`, as Newman's HTTP client does.
    pub file_type: Option<String>,
}

/// What the request's headers say about building its body.
#[derive(Debug, Clone, Default)]
pub struct BodyHints {
    /// The user's `Content-Type` is JSON: a raw body without a language gets its comments
    /// stripped.
    pub json_content_type: bool,
    /// The boundary of the user's `multipart/form-data; boundary=...` type, used for a form.
    pub boundary: Option<String>,
}

/// Build `body` (its templates already resolved). Relative file paths are read through `files`.
pub fn build_body(body: &Body, hints: &BodyHints, files: &FileAccess<'_>) -> BuiltBody {
    let mut built = BuiltBody::default();
    match body {
        Body::Raw { raw, language } => {
            let mut text = raw.clone();
            let strip = match language.as_deref() {
                Some(lang) => lang == "json",
                None => hints.json_content_type,
            };
            if strip && (text.contains("//") || text.contains("/*")) {
                text = strip_json_comments(&text);
            }
            if text.is_empty() {
                return built;
            }
            built.content_type = Some(raw_content_type(language.as_deref()).to_string());
            if language.as_deref() == Some("json") {
                built.source = ContentTypeSource::RuntimeBeforeAuth;
            }
            built.bytes = Some(text.into_bytes());
        }
        Body::UrlEncoded(params) => {
            let Some(encoded) = urlencoded(params) else {
                return built;
            };
            built.bytes = Some(encoded.into_bytes());
            built.content_type = Some("application/x-www-form-urlencoded".into());
            built.source = ContentTypeSource::Library;
        }
        Body::FormData(params) => {
            let enabled: Vec<&FormParam> = params.iter().filter(|p| !p.disabled).collect();
            if enabled.is_empty() {
                return built;
            }
            let boundary = hints.boundary.clone().unwrap_or_else(new_boundary);
            let mut out = Vec::new();
            for param in enabled {
                form_part(param, files, &boundary, &mut out, &mut built.warnings);
            }
            if out.is_empty() {
                // Every field was a file that could not be read: Postman drops them all.
                return built;
            }
            out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
            built.bytes = Some(out);
            built.content_type = Some(format!("multipart/form-data; boundary={boundary}"));
            built.source = ContentTypeSource::Library;
        }
        Body::GraphQl {
            query,
            operation_name,
            variables,
        } => {
            let text = graphql(query.clone(), operation_name.clone(), variables.clone());
            built.bytes = Some(text.into_bytes());
            built.content_type = Some("application/json".into());
        }
        Body::File { src } => {
            let src = src.clone().unwrap_or_default();
            match read_file(files, &src) {
                Ok(content) => {
                    built.content_type = Some(
                        mime::lookup(&files.path(&src).to_string_lossy())
                            .unwrap_or("application/octet-stream")
                            .to_string(),
                    );
                    built.source = ContentTypeSource::File;
                    // An empty file sends no body.
                    built.bytes = (!content.is_empty()).then_some(content);
                }
                Err(message) => built
                    .warnings
                    .push(format!("Binary file load error: {message}")),
            }
        }
    }
    built
}

/// The `Content-Type` a raw body's language implies (`text/plain` for none or an unknown one).
fn raw_content_type(language: Option<&str>) -> &'static str {
    match language {
        Some("json") => "application/json",
        Some("javascript") => "application/javascript",
        Some("xml") => "application/xml",
        Some("html") => "text/html",
        _ => "text/plain",
    }
}

/// The enabled parameters form-encoded, grouped by key in the order each key first appears (as
/// Postman collects them into an object); `None` when none is enabled.
fn urlencoded(params: &[KeyValue]) -> Option<String> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for param in params.iter().filter(|p| !p.disabled) {
        let key = param.key.clone();
        let value = param.value.clone();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(value),
            None => groups.push((key, vec![value])),
        }
    }
    if groups.is_empty() {
        return None;
    }
    let pairs: Vec<String> = groups
        .iter()
        .flat_map(|(key, values)| {
            values
                .iter()
                .map(move |value| format!("{}={}", form_encode(key), form_encode(value)))
        })
        .collect();
    Some(pairs.join("&"))
}

/// A boundary as the form-data library makes them: 26 dashes and 24 random digits.
fn new_boundary() -> String {
    use rand::Rng as _;
    let mut rng = rand::rng();
    let digits: String = (0..24)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect();
    format!("--------------------------{digits}")
}

/// Append the part(s) of one enabled form field to `out`.
fn form_part(
    param: &FormParam,
    files: &FileAccess<'_>,
    boundary: &str,
    out: &mut Vec<u8>,
    warnings: &mut Vec<String>,
) {
    let key = &param.key;
    let mut push = |file_name: Option<&str>, content_type: Option<&str>, content: &[u8]| {
        let mut head = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"");
        if let Some(name) = file_name {
            head.push_str(&format!("; filename=\"{name}\""));
        }
        if let Some(ctype) = content_type {
            head.push_str(&format!("\r\nContent-Type: {ctype}"));
        }
        head.push_str("\r\n\r\n");
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n");
    };
    let own_type = param.content_type.as_deref();
    if !param.is_file {
        push(None, own_type, param.value.as_bytes());
        return;
    }
    let sources = &param.src;
    if sources.is_empty() {
        let value = &param.value;
        if !value.is_empty() {
            // File content given inline, base64-encoded (decoded as leniently as Node does).
            let content = lenient_base64(value);
            push(
                None,
                Some(own_type.unwrap_or("application/octet-stream")),
                &content,
            );
        } else {
            warnings.push(format!(
                "Form param `{key}`, file load error: missing file source"
            ));
            push(Some(""), own_type, b"");
        }
        return;
    }
    for src in sources {
        match read_file(files, src) {
            Ok(content) => {
                let path = files.path(src);
                let file_name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let ctype = own_type
                    .or_else(|| mime::lookup(&file_name))
                    .unwrap_or("application/octet-stream");
                push(Some(&file_name), Some(ctype), &content);
            }
            Err(message) => {
                warnings.push(format!("Form param `{key}`, file load error: {message}"))
            }
        }
    }
}

/// Base64 decoded the way Node's `Buffer.from(text, "base64")` does: the URL-safe alphabet is
/// accepted too, other characters are skipped, decoding stops at the first `=`, and missing
/// padding is fine.
fn lenient_base64(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    out
}

/// Read a body file, with Postman's wording for what goes wrong.
fn read_file(files: &FileAccess<'_>, src: &str) -> Result<Vec<u8>, String> {
    if src.is_empty() {
        return Err("invalid or missing file source".into());
    }
    let path = files.path(src);
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("\"{src}\", no such file"));
        }
        Ok(meta) if !meta.is_file() => return Err(format!("\"{src}\", is not a file")),
        _ => {}
    }
    files.read(src).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("\"{src}\", no such file"),
        _ => e.to_string(),
    })
}

/// A GraphQL body as Postman writes it: with `variables` as a string, the fields are spliced as
/// written (`variables` left out when empty, non-string `query`/`operationName` dropped);
/// otherwise the three fields are serialised as one JSON object, absent ones left out.
fn graphql(
    query: Option<Value>,
    operation_name: Option<Value>,
    variables: Option<Value>,
) -> String {
    if let Some(Value::String(variables)) = &variables {
        let mut fields = Vec::new();
        if let Some(Value::String(q)) = &query {
            fields.push(format!("\"query\":{}", Value::String(q.clone())));
        }
        if let Some(Value::String(name)) = &operation_name {
            fields.push(format!("\"operationName\":{}", Value::String(name.clone())));
        }
        if !variables.is_empty() {
            fields.push(format!("\"variables\":{variables}"));
        }
        return format!("{{{}}}", fields.join(","));
    }
    let mut doc = serde_json::Map::new();
    for (name, value) in [
        ("query", query),
        ("operationName", operation_name),
        ("variables", variables),
    ] {
        if let Some(value) = value {
            doc.insert(name.into(), value);
        }
    }
    Value::Object(doc).to_string()
}

/// What a form body leaves unencoded (as Postman does, a space is `%20`, not `+`).
const FORM_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `application/x-www-form-urlencoded` encoding of one key or value.
fn form_encode(text: &str) -> String {
    utf8_percent_encode(text, FORM_KEEP).to_string()
}

/// Remove `//` line comments and `/* */` block comments outside JSON strings.
pub fn strip_json_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut prev = ' ';
                for next in chars.by_ref() {
                    if prev == '*' && next == '/' {
                        break;
                    }
                    prev = next;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn files() -> FileAccess<'static> {
        FileAccess {
            working_dir: Path::new("."),
            allow_outside: true,
        }
    }

    #[test]
    fn lenient_base64_skips_junk_and_needs_no_padding() {
        assert_eq!(
            lenient_base64("inline value"),
            lenient_base64("inlinevalue=")
        );
        assert_eq!(lenient_base64("aGVsbG8"), b"hello");
        assert_eq!(lenient_base64("aGVs bG8=trailing"), b"hello");
        assert_eq!(lenient_base64("_-8"), lenient_base64("/+8="));
    }

    #[test]
    fn body_strips_json_comments_outside_strings() {
        let text = "{\n // c\n \"a\": \"x//y\", /* b */ \"b\": 1\n}";
        assert_eq!(
            strip_json_comments(text),
            "{\n \n \"a\": \"x//y\",  \"b\": 1\n}"
        );
    }

    #[test]
    fn body_raw_json_gets_content_type() {
        let body = Body::Raw {
            raw: "{\"email\": \"a@b.c\"}".into(),
            language: Some("json".into()),
        };
        let built = build_body(&body, &BodyHints::default(), &files());
        assert_eq!(built.content_type.as_deref(), Some("application/json"));
        assert_eq!(built.bytes, Some(b"{\"email\": \"a@b.c\"}".to_vec()));
    }

    #[test]
    fn body_urlencoded_skips_disabled_and_encodes() {
        let body = Body::UrlEncoded(vec![
            KeyValue {
                key: "a b".into(),
                value: "1&2".into(),
                disabled: false,
                ..KeyValue::default()
            },
            KeyValue {
                key: "x".into(),
                value: "y".into(),
                disabled: true,
                ..KeyValue::default()
            },
        ]);
        let built = build_body(&body, &BodyHints::default(), &files());
        assert_eq!(built.bytes, Some(b"a%20b=1%262".to_vec()));
    }

    #[test]
    fn body_formdata_text_fields() {
        let body = Body::FormData(vec![FormParam {
            key: "k".into(),
            value: "v".into(),
            is_file: false,
            src: vec![],
            content_type: None,
            disabled: false,
        }]);
        let built = build_body(&body, &BodyHints::default(), &files());
        let text = String::from_utf8(built.bytes.unwrap_or_default()).unwrap_or_default();
        assert!(text.contains("name=\"k\"\r\n\r\nv\r\n"));
        assert!(
            built
                .content_type
                .is_some_and(|c| c.starts_with("multipart/form-data; boundary="))
        );
    }

    #[test]
    fn body_graphql_builds_json() {
        let body = Body::GraphQl {
            query: Some("{ a }".into()),
            operation_name: None,
            variables: Some("{\"x\":1}".into()),
        };
        let built = build_body(&body, &BodyHints::default(), &files());
        assert_eq!(
            built.bytes,
            Some(b"{\"query\":\"{ a }\",\"variables\":{\"x\":1}}".to_vec())
        );
    }
}
