//! A response body as text, decoded with the charset its `Content-Type` names, as Postman's SDK
//! does (`Response#text()`): UTF-8 by default (invalid bytes become U+FFFD), `iso-8859-1`/
//! `latin1`/`binary` byte by byte, other labels through `encoding_rs`; an unknown label falls
//! back to UTF-8.

use std::borrow::Cow;

/// The charset parameter of `content_type`, lower-cased, without quotes.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
    })
}

/// `body` decoded as text for the given `Content-Type` header value.
pub fn body_text<'a>(body: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    let charset = content_type.and_then(charset_of);
    match charset.as_deref() {
        None | Some("utf8" | "utf-8") => String::from_utf8_lossy(body),
        Some("iso-8859-1" | "latin1" | "l1" | "binary" | "iso8859-1") => {
            Cow::Owned(body.iter().map(|&b| char::from(b)).collect())
        }
        Some(label) => match encoding_rs::Encoding::for_label(label.as_bytes()) {
            Some(encoding) => encoding.decode_without_bom_handling(body).0,
            None => String::from_utf8_lossy(body),
        },
    }
}

/// The bytes as a string of code points U+0000..U+00FF (one per byte), for scripts to rebuild
/// the exact body (`pm.response.stream`); `None` when the body is valid UTF-8 and its text is
/// those same bytes.
pub fn bytes_as_latin1(body: &[u8], text: &str) -> Option<String> {
    if text.as_bytes() == body {
        return None;
    }
    Some(body.iter().map(|&b| char::from(b)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_with_the_declared_charset() {
        assert_eq!(
            body_text(b"caf\xe9", Some("text/plain; charset=ISO-8859-1")),
            "café"
        );
        assert_eq!(body_text("café".as_bytes(), Some("text/plain")), "café");
        assert_eq!(body_text(b"a\xffb", None), "a\u{FFFD}b");
        assert_eq!(
            body_text(b"caf\xe9", Some("text/plain; charset=\"windows-1252\"")),
            "café"
        );
        assert_eq!(body_text(b"x", Some("text/plain; charset=nonsense")), "x");
    }

    #[test]
    fn raw_bytes_only_when_the_text_differs() {
        assert_eq!(bytes_as_latin1(b"abc", "abc"), None);
        assert_eq!(
            bytes_as_latin1(b"\xff", "\u{FFFD}").as_deref(),
            Some("\u{FF}")
        );
    }
}
