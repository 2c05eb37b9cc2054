//! Request bodies: turning a [`Body`] spec into bytes plus the `Content-Type` it implies.
//! Raw JSON bodies get `//` and `/* */` comments stripped, as Postman does.

use super::files::FileAccess;
use crate::collection::{Body, FormParam, KeyValue};

/// A built body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuiltBody {
    /// The bytes to send (`None` for no body).
    pub bytes: Option<Vec<u8>>,
    /// The content type this mode implies, added when the user set none.
    pub content_type: Option<String>,
    /// Problems worth telling the user (e.g. a form file that could not be read).
    pub warnings: Vec<String>,
    /// A `file` body's media type, from the file's extension: sent after `Content-Length`
    /// when the user set no `Content-Type`, as Newman's HTTP client does.
    pub file_type: Option<String>,
}

/// Build `body`, resolving templates with `resolve`. `json_content_type` tells whether the user's
/// own `Content-Type` header is JSON (which also triggers comment stripping). Relative file paths
/// are read through `files`.
pub fn build_body(
    body: &Body,
    resolve: &dyn Fn(&str) -> String,
    json_content_type: bool,
    files: &FileAccess<'_>,
) -> BuiltBody {
    let mut built = BuiltBody::default();
    match body {
        Body::Raw { raw, language } => {
            if raw.is_empty() {
                return built;
            }
            let text = resolve(raw);
            let lang = language.as_deref().unwrap_or("text");
            let text = if lang == "json" || json_content_type {
                strip_json_comments(&text)
            } else {
                text
            };
            built.content_type = Some(
                match lang {
                    "json" => "application/json",
                    "javascript" => "application/javascript",
                    "xml" => "application/xml",
                    "html" => "text/html",
                    _ => "text/plain",
                }
                .to_string(),
            );
            built.bytes = Some(text.into_bytes());
        }
        Body::UrlEncoded(params) => {
            let enabled: Vec<&KeyValue> = params.iter().filter(|p| !p.disabled).collect();
            if enabled.is_empty() {
                return built;
            }
            let encoded: Vec<String> = enabled
                .iter()
                .map(|p| {
                    format!(
                        "{}={}",
                        form_encode(&resolve(&p.key)),
                        form_encode(&resolve(&p.value))
                    )
                })
                .collect();
            built.bytes = Some(encoded.join("&").into_bytes());
            built.content_type = Some("application/x-www-form-urlencoded".into());
        }
        Body::FormData(params) => {
            let enabled: Vec<&FormParam> = params.iter().filter(|p| !p.disabled).collect();
            if enabled.is_empty() {
                return built;
            }
            let boundary = format!(
                "--------------------------{}",
                uuid::Uuid::new_v4()
                    .simple()
                    .to_string()
                    .get(..24)
                    .unwrap_or("0")
            );
            let mut out = Vec::new();
            for param in enabled {
                let key = resolve(&param.key);
                if param.is_file {
                    for src in &param.src {
                        let src = resolve(src);
                        let path = files.path(&src);
                        match files.read(&src) {
                            Ok(content) => {
                                let file_name = path
                                    .file_name()
                                    .map(|n| n.to_string_lossy().into_owned())
                                    .unwrap_or_default();
                                let ctype = param.content_type.clone().unwrap_or_else(|| {
                                    mime_for(&path).unwrap_or("application/octet-stream").into()
                                });
                                out.extend_from_slice(
                                    format!(
                                        "--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"; filename=\"{file_name}\"\r\nContent-Type: {ctype}\r\n\r\n"
                                    )
                                    .as_bytes(),
                                );
                                out.extend_from_slice(&content);
                                out.extend_from_slice(b"\r\n");
                            }
                            Err(e) => built.warnings.push(format!(
                                "Form param `{key}`, file load error: {}",
                                load_error(&src, &path, &e)
                            )),
                        }
                    }
                } else {
                    let mut head =
                        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"");
                    if let Some(ctype) = &param.content_type {
                        head.push_str(&format!("\r\nContent-Type: {ctype}"));
                    }
                    head.push_str("\r\n\r\n");
                    out.extend_from_slice(head.as_bytes());
                    out.extend_from_slice(resolve(&param.value).as_bytes());
                    out.extend_from_slice(b"\r\n");
                }
            }
            out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
            built.bytes = Some(out);
            built.content_type = Some(format!("multipart/form-data; boundary={boundary}"));
        }
        Body::GraphQl { query, variables } => {
            let mut doc = serde_json::Map::new();
            doc.insert("query".into(), resolve(query).into());
            let vars = resolve(variables);
            if !vars.trim().is_empty() {
                let value = serde_json::from_str(&vars).unwrap_or(serde_json::Value::String(vars));
                doc.insert("variables".into(), value);
            }
            built.bytes = Some(serde_json::Value::Object(doc).to_string().into_bytes());
            built.content_type = Some("application/json".into());
        }
        Body::File { src } => {
            if let Some(src) = src {
                let src = resolve(src);
                let path = files.path(&src);
                match files.read(&src) {
                    Ok(content) => {
                        built.bytes = Some(content);
                        built.file_type = mime_for(&path).map(str::to_string);
                    }
                    Err(e) => built.warnings.push(format!(
                        "Binary file load error: {}",
                        load_error(&src, &path, &e)
                    )),
                }
            }
        }
    }
    built
}

/// Why a body file could not be read, worded as Newman does for a missing file.
fn load_error(src: &str, path: &std::path::Path, error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => format!("\"{src}\", no such file"),
        _ => format!("{}: {error}", path.display()),
    }
}

/// The media type of a file from its extension (the common ones), as Postman's runtime looks
/// it up for file bodies and form file fields.
fn mime_for(path: &std::path::Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" | "log" => "text/plain",
        "json" => "application/json",
        "html" | "htm" => "text/html",
        "xml" => "application/xml",
        "csv" => "text/csv",
        "js" | "mjs" => "application/javascript",
        "css" => "text/css",
        "md" => "text/markdown",
        "yaml" | "yml" => "text/yaml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        _ => return None,
    })
}

/// `application/x-www-form-urlencoded` encoding of one key or value.
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            b' ' => out.push_str("%20"),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
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

    fn id(s: &str) -> String {
        s.to_string()
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
            raw: "{\"email\": \"{{e}}\"}".into(),
            language: Some("json".into()),
        };
        let built = build_body(
            &body,
            &|s: &str| s.replace("{{e}}", "a@b.c"),
            false,
            &files(),
        );
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
        let built = build_body(&body, &id, false, &files());
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
        let built = build_body(&body, &id, false, &files());
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
            query: "{ a }".into(),
            variables: "{\"x\":1}".into(),
        };
        let built = build_body(&body, &id, false, &files());
        assert_eq!(
            built.bytes,
            Some(b"{\"query\":\"{ a }\",\"variables\":{\"x\":1}}".to_vec())
        );
    }
}
