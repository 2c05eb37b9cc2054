//! Reading a JSON input file (collection, environment, globals) into a `serde_json::Value`.
//!
//! Owns the text decoding Newman tolerates — UTF-8 with or without a byte-order mark, UTF-16
//! (LE/BE with a BOM, LE without one), and a file that is not UTF-8 in the legacy encoding its
//! bytes suggest (Latin-1 and Windows-1252 CSVs saved by spreadsheets, mostly) — and turns every
//! failure into a [`Diagnostic`] that names the file and, for syntax errors, the line and column.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use serde_json::Value;

use crate::diagnostic::Diagnostic;

/// Read and parse the JSON file at `path`; `what` names the file in messages
/// (`collection`, `environment`, `globals`).
pub fn read_json(path: &Path, what: &str) -> Result<Value, Diagnostic> {
    parse_text(&read_text(path, what)?, path, what)
}

/// Read the file at `path` and decode it to text (see [`decode`]); `what` names the file in
/// messages. UTF-8 files become the text without a copy of their bytes.
pub(crate) fn read_text(path: &Path, what: &str) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| read_error(path, what, &e))?;
    decode_owned(bytes).map_err(|d| d.into_diagnostic(path, what))
}

/// The file at `path` as a stream of UTF-8 bytes after its byte-order mark, when it is a regular
/// file that [`decode`] reads as UTF-8 (the usual case); `None` otherwise (UTF-16, not a regular
/// file, unreadable): then read it whole with [`read_text`]. The bytes are not checked here: a
/// JSON parser reading them rejects invalid UTF-8.
pub(crate) fn open_utf8(path: &Path) -> Option<impl Read + use<>> {
    // Checked before opening: a pipe opened here and closed again would lose what it carried.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let mut head = Vec::with_capacity(6);
    (&mut file).take(6).read_to_end(&mut head).ok()?;
    // As `decode`: a UTF-8 byte-order mark, and one more right after it, are dropped.
    let skip = match head.as_slice() {
        [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] => 6,
        [0xEF, 0xBB, 0xBF, ..] => 3,
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => return None,
        [a, 0, ..] if *a != 0 => return None,
        [0, b, ..] if *b != 0 => return None,
        _ => 0,
    };
    head.drain(..skip);
    Some(io::Cursor::new(head).chain(file))
}

/// Decode file bytes to text, naming the file (`what`) in the error.
pub(crate) fn decode_text(bytes: &[u8], path: &Path, what: &str) -> Result<String, Diagnostic> {
    decode(bytes).map_err(|d| d.into_diagnostic(path, what))
}

/// Parse already decoded text as JSON, mapping syntax errors to a positioned [`Diagnostic`].
pub(crate) fn parse_text(text: &str, path: &Path, what: &str) -> Result<Value, Diagnostic> {
    if text.trim().is_empty() {
        return Err(
            Diagnostic::in_file(path, format!("the {what} file is empty"))
                .with_hint(format!("pass the {what} file exported from Postman")),
        );
    }
    serde_json::from_str(text).map_err(|e| syntax_error(text, path, what, &e))
}

fn read_error(path: &Path, what: &str, e: &io::Error) -> Diagnostic {
    let reason = e.to_string();
    let reason = match reason.rfind(" (os error") {
        Some(i) => reason[..i].to_string(),
        None => reason,
    };
    let hint = match e.kind() {
        io::ErrorKind::NotFound => {
            "check the path; relative paths start from the current directory"
        }
        io::ErrorKind::PermissionDenied => "check the file's permissions",
        _ if path.is_dir() => "pass a file, not a directory",
        _ => "check that the path names a readable file",
    };
    Diagnostic::in_file(path, format!("cannot read {what} file: {reason}")).with_hint(hint)
}

fn syntax_error(text: &str, path: &Path, what: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let line = e.line().max(1);
    let col = char_column(text, line, e.column()).max(1);
    Diagnostic::in_file(path, format!("invalid JSON: {message}"))
        .at(line, col)
        .with_source(text)
        .with_hint(format!(
            "fix the {what} file's JSON syntax at that position"
        ))
}

/// serde_json counts columns in bytes; report them in characters instead.
fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_col;
    };
    let mut end = byte_col.min(line_text.len());
    while end > 0 && !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let chars = line_text[..end].chars().count();
    // A column inside a multi-byte character still points at that character.
    if end < byte_col.min(line_text.len()) {
        chars + 1
    } else {
        chars
    }
}

/// Why bytes could not be decoded as text.
#[derive(Debug)]
pub(crate) enum DecodeError {
    /// Malformed UTF-16 (odd length or an unpaired surrogate).
    Utf16,
}

impl DecodeError {
    fn into_diagnostic(self, path: &Path, what: &str) -> Diagnostic {
        match self {
            DecodeError::Utf16 => {
                Diagnostic::in_file(path, format!("the {what} file is not valid UTF-16 text"))
                    .with_hint("save the file as UTF-8 (Postman exports UTF-8)")
            }
        }
    }
}

/// Decode file bytes to text: UTF-8 (BOM optional), UTF-16LE/BE with BOM, UTF-16 without BOM
/// when the NUL-byte pattern of ASCII text shows it; bytes that are not UTF-8 in the legacy
/// encoding they look like (see [`legacy`]).
pub(crate) fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], taking the bytes: UTF-8 input (the usual case) is turned into the text in place,
/// so a large file is not held twice.
pub(crate) fn decode_owned(mut bytes: Vec<u8>) -> Result<String, DecodeError> {
    let mut text = match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, ..] => {
            bytes.drain(..3);
            utf8(bytes)?
        }
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        [a, 0, ..] if *a != 0 => utf16(&bytes, u16::from_le_bytes)?,
        [0, b, ..] if *b != 0 => utf16(&bytes, u16::from_be_bytes)?,
        _ => utf8(bytes)?,
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

fn utf8(bytes: Vec<u8>) -> Result<String, DecodeError> {
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| legacy(e.as_bytes())))
}

/// Text that is not UTF-8, in the legacy encoding its bytes look like (chardetng's guess, the
/// detector Firefox uses), decoded with encoding_rs; bytes that encoding cannot map become
/// U+FFFD. Newman guesses too (with the chardet package) but only uses a guess of ISO-8859-1,
/// reading anything else as UTF-8; a Latin-1 file reads the same in both, and a Windows-1252
/// one (curly quotes, `€`) reads right in postie.
fn legacy(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Utf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::Utf16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_with(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in text.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    }

    #[test]
    fn read_json_plain_utf8() {
        let f = temp_with(b"{\"a\": \"\\u00e9t\\u00e9\", \"b\": \"caf\xc3\xa9\"}");
        let v = read_json(f.path(), "collection").unwrap();
        assert_eq!(v["a"], "été");
        assert_eq!(v["b"], "café");
    }

    #[test]
    fn read_json_utf8_bom() {
        let f = temp_with(b"\xEF\xBB\xBF{\"a\": 1}");
        assert_eq!(read_json(f.path(), "collection").unwrap()["a"], 1);
    }

    #[test]
    fn read_json_utf16le_with_and_without_bom() {
        for bom in [true, false] {
            let f = temp_with(&utf16le("{\"name\": \"ünï\"}", bom));
            let v = read_json(f.path(), "environment").unwrap();
            assert_eq!(v["name"], "ünï", "bom = {bom}");
        }
    }

    #[test]
    fn read_json_utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "{\"a\": true}".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let f = temp_with(&bytes);
        assert_eq!(read_json(f.path(), "globals").unwrap()["a"], true);
    }

    #[test]
    fn read_json_utf16le_fixture() {
        let bytes = include_bytes!("testdata/utf16le.environment.json");
        assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
        let f = temp_with(bytes);
        let v = read_json(f.path(), "environment").unwrap();
        assert!(v["values"].is_array());
    }

    #[test]
    fn read_json_malformed_gives_line_and_column() {
        let f = temp_with(b"{\n  \"a\": 1\n  \"b\": 2\n}\n");
        let d = read_json(f.path(), "environment").unwrap_err();
        assert_eq!(d.position, Some((3, 3)));
        assert_eq!(d.message, "invalid JSON: expected `,` or `}`");
        assert!(d.hint.is_some());
        assert_eq!(d.file.as_deref(), Some(f.path()));
    }

    #[test]
    fn read_json_column_counts_characters() {
        let f = temp_with("{\"é\": 1 x}".as_bytes());
        let d = read_json(f.path(), "collection").unwrap_err();
        assert_eq!(d.position, Some((1, 9)));
    }

    #[test]
    fn read_json_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.json");
        let d = read_json(&path, "collection").unwrap_err();
        assert_eq!(
            d.message,
            "cannot read collection file: No such file or directory"
        );
        assert_eq!(d.file.as_deref(), Some(path.as_path()));
        assert!(d.hint.is_some());
    }

    #[test]
    fn read_json_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let d = read_json(dir.path(), "globals").unwrap_err();
        assert!(
            d.message.starts_with("cannot read globals file: "),
            "{}",
            d.message
        );
    }

    #[test]
    fn read_json_empty_file() {
        for bytes in [&b""[..], b"  \n", b"\xEF\xBB\xBF"] {
            let f = temp_with(bytes);
            let d = read_json(f.path(), "environment").unwrap_err();
            assert_eq!(d.message, "the environment file is empty");
        }
    }

    #[test]
    fn read_json_not_utf8_in_the_encoding_it_looks_like() {
        // Latin-1 / Windows-1252, as spreadsheets save CSVs in Western Europe.
        let f = temp_with(b"{\n  \"city\": \"M\xfcnchen\", \"quote\": \"\x93hi\x94 \x80\"\n}");
        let v = read_json(f.path(), "collection").unwrap();
        assert_eq!(v["city"], "M\u{fc}nchen");
        assert_eq!(v["quote"], "\u{201c}hi\u{201d} \u{20ac}");
        // A file that is UTF-8 but for one stray byte still reads its UTF-8 text.
        assert_eq!(
            decode(b"\xc3\xa9t\xc3\xa9 caf\xc3\xa9").unwrap(),
            "\u{e9}t\u{e9} caf\u{e9}"
        );
    }

    #[test]
    fn open_utf8_streams_utf8_files_after_their_marks() {
        let read = |bytes: &[u8]| {
            let f = temp_with(bytes);
            open_utf8(f.path()).map(|mut r| {
                let mut out = Vec::new();
                r.read_to_end(&mut out).unwrap();
                out
            })
        };
        assert_eq!(read(b"{\"a\": 1}").unwrap(), b"{\"a\": 1}");
        assert_eq!(read(b"\xEF\xBB\xBF{}").unwrap(), b"{}");
        assert_eq!(read(b"\xEF\xBB\xBF\xEF\xBB\xBF[]").unwrap(), b"[]");
        assert_eq!(read(b"").unwrap(), b"");
        assert_eq!(read(b"x").unwrap(), b"x");
        // UTF-16, with or without a mark, is decoded whole instead.
        assert!(read(&utf16le("{}", true)).is_none());
        assert!(read(&utf16le("{}", false)).is_none());
        assert!(read(&[0xFE, 0xFF, 0, b'{']).is_none());
        let dir = tempfile::tempdir().unwrap();
        assert!(open_utf8(dir.path()).is_none());
        assert!(open_utf8(&dir.path().join("missing.json")).is_none());
    }

    #[test]
    fn read_json_broken_utf16() {
        let f = temp_with(&[0xFF, 0xFE, b'{', 0, b'}']);
        let d = read_json(f.path(), "collection").unwrap_err();
        assert_eq!(d.message, "the collection file is not valid UTF-16 text");
    }

    /// Text written as UTF-8 (with or without its mark) or UTF-16 with a mark decodes to itself;
    /// any bytes decode or fail without a panic.
    #[test]
    fn decode_fuzz_encodings_and_any_bytes() {
        use proptest::prelude::*;
        let input = (
            any::<String>(),
            proptest::collection::vec(any::<u8>(), 0..64),
        );
        crate::fuzz_config::check("json::decode", input, |(text, bytes)| {
            let text = text.trim_start_matches('\u{feff}').to_string();
            let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| {
                let mut out = bom.to_vec();
                out.extend(text.encode_utf16().flat_map(unit));
                out
            };
            let encoded = [
                text.as_bytes().to_vec(),
                [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
                utf16([0xFF, 0xFE], u16::to_le_bytes),
                utf16([0xFE, 0xFF], u16::to_be_bytes),
            ];
            for (i, bytes) in encoded.iter().enumerate() {
                // Plain UTF-8 starting with a NUL byte pattern reads as UTF-16 without a mark.
                if i == 0 && matches!(bytes.as_slice(), [0, _, ..] | [_, 0, ..]) {
                    continue;
                }
                prop_assert_eq!(decode(bytes).ok(), Some(text.clone()), "encoding {}", i);
            }
            // Any bytes: text or a UTF-16 error, never a panic; UTF-8 stays UTF-8.
            if let Ok(decoded) = decode(&bytes)
                && let Ok(plain) = std::str::from_utf8(&bytes)
                && !matches!(
                    bytes.as_slice(),
                    [0, _, ..] | [_, 0, ..] | [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]
                )
            {
                prop_assert_eq!(decoded, plain.trim_start_matches('\u{feff}'));
            }
            Ok(())
        });
    }
}
