//! Response body decoding by `Content-Encoding`, done here rather than by the HTTP stack so the
//! response headers stay exactly as received, as in Newman.
//!
//! Newman's HTTP library decodes one encoding, named alone (`gzip`, `deflate` or `br`, trimmed
//! and lower-cased); anything else reaches scripts as it came. Decoding is lenient the way
//! zlib's sync flush is: a truncated gzip or deflate body gives what could be decoded; a body
//! that is not in the format it claims (a bad header, trailing garbage after a gzip member) is a
//! request error in zlib's words (`incorrect header check`). Brotli has no such leniency.

use super::response_body::{BodySink, ResponseBody, TooLarge};
use std::io::{BufRead, BufReader};

/// Why a compressed body could not be decoded, in zlib's words (Newman's request error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl DecodeError {
    /// The request error Newman reports: zlib's failures carry Node's `Z_DATA_ERROR` code.
    pub fn into_http_error(self) -> super::message::HttpError {
        match self.0.as_str() {
            "incorrect header check" | "incorrect data check" | "invalid block type" => {
                super::message::HttpError::coded("Error", "Z_DATA_ERROR", self.0)
            }
            _ => super::message::HttpError::new(self.0),
        }
    }
}

/// Decode `body` according to `content_encoding`, as Newman's HTTP library does, piece by piece
/// into a new body (spilled to a temporary file when large); more than `limit` decoded bytes is
/// a [`TooLarge`] error. Statuses that carry no body (1xx, 204, 304) are never decoded.
pub fn decode_response_body(
    body: ResponseBody,
    content_encoding: Option<&str>,
    status: u16,
    limit: Option<u64>,
) -> Result<ResponseBody, DecodeError> {
    if (100..200).contains(&status) || status == 204 || status == 304 {
        return Ok(body);
    }
    let encoding = content_encoding.map(|e| e.trim().to_ascii_lowercase());
    let decode: fn(&mut dyn BufRead, &mut BodySink) -> Result<(), DecodeError> =
        match encoding.as_deref() {
            Some("gzip") => gunzip,
            Some("deflate") => inflate,
            Some("br") => brotli,
            _ => return Ok(body),
        };
    let mut sink = BodySink::new(limit);
    let mut input = BufReader::with_capacity(64 * 1024, body.reader());
    decode(&mut input, &mut sink)?;
    sink.finish().map_err(|e| DecodeError(e.to_string()))
}

fn incorrect_header() -> DecodeError {
    DecodeError("incorrect header check".to_string())
}

/// Every gzip member in turn; trailing zero bytes are padding, anything else must be another
/// member. A member cut short ends the body with what it held.
fn gunzip(body: &mut dyn BufRead, out: &mut BodySink) -> Result<(), DecodeError> {
    let mut first = true;
    loop {
        let rest = body.fill_buf().map_err(|e| io_error(&e))?;
        if rest.is_empty() {
            break;
        }
        if !first && rest[0] == 0 {
            break;
        }
        if rest[0] != 0x1f || rest.get(1).is_some_and(|&b| b != 0x8b) {
            return Err(incorrect_header());
        }
        first = false;
        let mut decoder = flate2::bufread::GzDecoder::new(&mut *body);
        match std::io::copy(&mut decoder, out) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(zlib_error(&e)),
        }
    }
    Ok(())
}

/// A zlib stream when the first byte says so (its low nibble is 8), else raw deflate data, as
/// Newman's HTTP library guesses.
fn inflate(body: &mut dyn BufRead, out: &mut BodySink) -> Result<(), DecodeError> {
    let head = body.fill_buf().map_err(|e| io_error(&e))?;
    let Some(&first) = head.first() else {
        return Ok(());
    };
    let result = if first & 0x0f == 0x08 {
        if head.len() >= 2 && (u16::from(head[0]) * 256 + u16::from(head[1])) % 31 != 0 {
            return Err(incorrect_header());
        }
        std::io::copy(&mut flate2::bufread::ZlibDecoder::new(body), out)
    } else {
        std::io::copy(&mut flate2::bufread::DeflateDecoder::new(body), out)
    };
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(()),
        Err(e) => Err(zlib_error(&e)),
    }
}

/// Brotli: a failure or a stream cut short is an error, as Node's decoder reports it.
fn brotli(body: &mut dyn BufRead, out: &mut BodySink) -> Result<(), DecodeError> {
    if body.fill_buf().map_err(|e| io_error(&e))?.is_empty() {
        return Err(DecodeError("unexpected end of file".to_string()));
    }
    match std::io::copy(&mut brotli_decompressor::Decompressor::new(body, 4096), out) {
        Ok(_) => Ok(()),
        Err(e) if TooLarge::from_io(&e).is_some() => Err(io_error(&e)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(DecodeError("unexpected end of file".to_string()))
        }
        Err(_) => Err(DecodeError("Decompression failed".to_string())),
    }
}

/// An I/O failure while decoding: the size limit, or the temporary file failing.
fn io_error(e: &std::io::Error) -> DecodeError {
    match TooLarge::from_io(e) {
        Some(too_large) => DecodeError(too_large.to_string()),
        None => DecodeError(e.to_string()),
    }
}

/// zlib's message for a failed stream: a checksum mismatch, else corrupt data (the size limit
/// keeps its own words).
fn zlib_error(e: &std::io::Error) -> DecodeError {
    let text = e.to_string();
    if TooLarge::from_io(e).is_some() {
        return io_error(e);
    }
    if text.contains("checksum") || text.contains("crc") {
        DecodeError("incorrect data check".to_string())
    } else {
        DecodeError("invalid block type".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// [`decode_response_body`] of bytes in memory, without a limit.
    fn decode_body(
        body: Vec<u8>,
        content_encoding: Option<&str>,
        status: u16,
    ) -> Result<Vec<u8>, DecodeError> {
        let decoded =
            decode_response_body(ResponseBody::from_vec(body), content_encoding, status, None)?;
        decoded
            .bytes()
            .map(|b| b.into_owned())
            .map_err(|e| DecodeError(e.to_string()))
    }

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
