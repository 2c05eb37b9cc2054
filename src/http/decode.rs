//! Response body decoding by `Content-Encoding`, done here rather than by the HTTP stack so the
//! response headers stay exactly as received, as in Newman.
//!
//! Newman's HTTP library decodes one encoding, named alone (`gzip`, `deflate` or `br`, trimmed
//! and lower-cased); anything else reaches scripts as it came. Decoding is lenient the way
//! zlib's sync flush is: a truncated gzip or deflate body gives what could be decoded; a body
//! that is not in the format it claims (a bad header, trailing garbage after a gzip member) is a
//! request error in zlib's words (`incorrect header check`). Brotli has no such leniency.

use flate2::{Decompress, FlushDecompress, Status};

/// Why a compressed body could not be decoded, in zlib's words (Newman's request error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl DecodeError {
    /// The request error Newman reports: zlib's failures carry Node's `Z_DATA_ERROR` code.
    pub fn into_http_error(self) -> super::message::HttpError {
        match self.0.as_str() {
            "unexpected end of file" => {
                super::message::HttpError::coded("Error", "Z_BUF_ERROR", self.0)
            }
            "Decompression failed" => {
                super::message::HttpError::coded("Error", "ERR__ERROR_FORMAT_PADDING_1", self.0)
            }
            // zlib's own messages (`incorrect header check`, `invalid code lengths set`, …).
            _ => super::message::HttpError::coded("Error", "Z_DATA_ERROR", self.0),
        }
    }
}

/// Decode `body` according to `content_encoding`, as Newman's HTTP library does. Statuses that
/// carry no body (1xx, 204, 304) are never decoded.
pub fn decode_body(
    body: Vec<u8>,
    content_encoding: Option<&str>,
    status: u16,
) -> Result<Vec<u8>, DecodeError> {
    if (100..200).contains(&status) || status == 204 || status == 304 {
        return Ok(body);
    }
    match content_encoding
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("gzip") => gunzip(&body),
        Some("deflate") => inflate(&body),
        Some("br") => brotli(&body),
        _ => Ok(body),
    }
}

fn incorrect_header() -> DecodeError {
    DecodeError("incorrect header check".to_string())
}

/// Every gzip member in turn; trailing zero bytes are padding, anything else must be another
/// member. A member cut short ends the body with what it held.
fn gunzip(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut first = true;
    while !rest.is_empty() {
        if !first && rest[0] == 0 {
            break;
        }
        if rest[0] != 0x1f || rest.get(1).is_some_and(|&b| b != 0x8b) {
            return Err(incorrect_header());
        }
        first = false;
        match zlib_stream(Decompress::new_gzip(15), rest, &mut out)? {
            Some(used) => rest = &rest[used..],
            None => break,
        }
    }
    Ok(out)
}

/// A zlib stream when the first byte says so (its low nibble is 8), else raw deflate data, as
/// Newman's HTTP library guesses. A stream cut short gives what it held.
fn inflate(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let Some(&first) = body.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    zlib_stream(Decompress::new(first & 0x0f == 0x08), body, &mut out)?;
    Ok(out)
}

/// Decode one stream from the start of `input` into `out`, as zlib with sync flushes does:
/// `Some(bytes used)` when the stream ended, `None` when the input ended first; corrupt data is
/// an error in zlib's words (`invalid code lengths set`, `incorrect data check`, …).
fn zlib_stream(
    mut decompress: Decompress,
    input: &[u8],
    out: &mut Vec<u8>,
) -> Result<Option<usize>, DecodeError> {
    loop {
        let used = usize::try_from(decompress.total_in()).unwrap_or(usize::MAX);
        let rest = input.get(used..).unwrap_or_default();
        let made = decompress.total_out();
        out.reserve(64 * 1024);
        match decompress.decompress_vec(rest, out, FlushDecompress::Sync) {
            Ok(Status::StreamEnd) => {
                return Ok(Some(
                    usize::try_from(decompress.total_in()).unwrap_or(input.len()),
                ));
            }
            Ok(_) if decompress.total_in() as usize == used && decompress.total_out() == made => {
                // No progress with room to write: the input ended inside the stream.
                return Ok(None);
            }
            Ok(_) => {}
            Err(e) => {
                return Err(DecodeError(
                    e.message().unwrap_or("invalid block type").to_string(),
                ));
            }
        }
    }
}

/// Brotli: a failure or a stream cut short is an error, in the words of Node's decoder
/// (`Decompression failed`, `unexpected end of file`).
fn brotli(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    use brotli_decompressor::{BrotliDecompressStream, BrotliResult, BrotliState, StandardAlloc};
    let mut state = BrotliState::new(
        StandardAlloc::default(),
        StandardAlloc::default(),
        StandardAlloc::default(),
    );
    let (mut available_in, mut input_offset) = (body.len(), 0);
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let (mut available_out, mut output_offset, mut total_out) = (buf.len(), 0, 0);
        let result = BrotliDecompressStream(
            &mut available_in,
            &mut input_offset,
            body,
            &mut available_out,
            &mut output_offset,
            &mut buf,
            &mut total_out,
            &mut state,
        );
        out.extend_from_slice(&buf[..output_offset]);
        match result {
            BrotliResult::NeedsMoreOutput => {}
            BrotliResult::ResultSuccess => return Ok(out),
            BrotliResult::NeedsMoreInput => {
                return Err(DecodeError("unexpected end of file".to_string()));
            }
            BrotliResult::ResultFailure => {
                return Err(DecodeError("Decompression failed".to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(data).unwrap_or_default();
        gz.finish().unwrap_or_default()
    }

    #[test]
    fn decode_gzip_deflate_and_passthrough() {
        assert_eq!(
            decode_body(gzip(b"hello"), Some("gzip"), 200),
            Ok(b"hello".to_vec())
        );
        assert_eq!(
            decode_body(gzip(b"hi"), Some(" GZIP "), 200),
            Ok(b"hi".to_vec())
        );
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"zz").unwrap_or_default();
        let z = z.finish().unwrap_or_default();
        assert_eq!(decode_body(z, Some("deflate"), 200), Ok(b"zz".to_vec()));
        assert_eq!(
            decode_body(b"plain".to_vec(), None, 200),
            Ok(b"plain".to_vec())
        );
        let raw = gzip(b"x");
        assert_eq!(
            decode_body(raw.clone(), Some("x-gzip"), 200),
            Ok(raw.clone()),
            "only the three names Newman knows are decoded"
        );
        assert_eq!(
            decode_body(raw.clone(), Some("gzip, br"), 200),
            Ok(raw.clone())
        );
        assert_eq!(decode_body(raw.clone(), Some("gzip"), 204), Ok(raw));
    }

    #[test]
    fn decode_gzip_faults_as_zlib_reports_them() {
        assert_eq!(
            decode_body(b"not gzip".to_vec(), Some("gzip"), 200),
            Err(incorrect_header())
        );
        let full = gzip(b"hello world, hello world");
        let mut garbage = full.clone();
        garbage.extend_from_slice(b"garbage");
        assert_eq!(
            decode_body(garbage, Some("gzip"), 200),
            Err(incorrect_header())
        );
        let mut padded = full.clone();
        padded.extend_from_slice(&[0, 0, 0]);
        assert_eq!(
            decode_body(padded, Some("gzip"), 200),
            Ok(b"hello world, hello world".to_vec())
        );
        let mut two = full.clone();
        two.extend_from_slice(&full);
        assert_eq!(decode_body(two, Some("gzip"), 200).map(|b| b.len()), Ok(48));
        let cut = decode_body(full[..full.len() / 2].to_vec(), Some("gzip"), 200);
        assert!(cut.is_ok_and(|b| b"hello world, hello world".starts_with(&b)));
        assert_eq!(decode_body(Vec::new(), Some("gzip"), 200), Ok(Vec::new()));
    }

    #[test]
    fn decode_brotli_faults_are_errors() {
        assert_eq!(
            decode_body(Vec::new(), Some("br"), 200),
            Err(DecodeError("unexpected end of file".to_string()))
        );
        assert!(decode_body(b"nope".to_vec(), Some("br"), 200).is_err());
    }
}
