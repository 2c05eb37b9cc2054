//! Response body decoding by `Content-Encoding`, done here rather than by the HTTP stack so the
//! response headers stay exactly as received, as in Newman.
//!
//! Newman's HTTP library decodes one encoding, named alone (`gzip`, `deflate` or `br`, trimmed
//! and lower-cased); anything else reaches scripts as it came. Decoding is lenient the way
//! zlib's sync flush is: a truncated gzip or deflate body gives what could be decoded; a body
//! that is not in the format it claims (a bad header, trailing garbage after a gzip member) is a
//! request error in zlib's words (`incorrect header check`). Brotli has no such leniency.

use super::response_body::{BodySink, ResponseBody, TooLarge};
use crate::http::HttpErrorKind;
use flate2::{Decompress, FlushDecompress, Status};
use std::io::{BufRead, BufReader};

/// Why a compressed body could not be decoded, in zlib's words (Newman's request error), and for
/// a brotli body the decoder's error code as Node names it (`ERR__ERROR_FORMAT_PADDING_1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String, pub Option<&'static str>);

impl DecodeError {
    /// The request error Newman reports: zlib's failures carry Node's `Z_DATA_ERROR` code.
    pub fn into_http_error(self) -> super::message::HttpError {
        match self.0.as_str() {
            "unexpected end of file" => super::message::HttpError::coded(
                HttpErrorKind::Decode,
                "Error",
                "Z_BUF_ERROR",
                self.0,
            ),
            "Decompression failed" => super::message::HttpError::coded(
                HttpErrorKind::Decode,
                "Error",
                self.1.unwrap_or("ERR__ERROR_FORMAT_PADDING_1"),
                self.0,
            ),
            // The size limit, or the temporary file failing: not zlib's words.
            m if m.starts_with(super::response_body::TOO_LARGE) => {
                super::message::HttpError::new(HttpErrorKind::TooLarge, self.0)
            }
            m if m.starts_with(super::response_body::CANNOT_KEEP) => {
                super::message::HttpError::new(HttpErrorKind::Other, self.0)
            }
            // zlib's own messages (`incorrect header check`, `invalid code lengths set`, …).
            _ => super::message::HttpError::coded(
                HttpErrorKind::Decode,
                "Error",
                "Z_DATA_ERROR",
                self.0,
            ),
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
    sink.finish().map_err(|e| io_error(&e))
}

fn incorrect_header() -> DecodeError {
    DecodeError("incorrect header check".to_string(), None)
}

/// Every gzip member in turn; trailing zero bytes are padding, anything else must be another
/// member. A member cut short ends the body with what it held.
fn gunzip(body: &mut dyn BufRead, out: &mut BodySink) -> Result<(), DecodeError> {
    let mut first = true;
    loop {
        let rest = body.fill_buf().map_err(|e| io_error(&e))?;
        if rest.is_empty() || (!first && rest[0] == 0) {
            return Ok(());
        }
        if rest[0] != 0x1f || rest.get(1).is_some_and(|&b| b != 0x8b) {
            return Err(incorrect_header());
        }
        first = false;
        if !zlib_stream(Decompress::new_gzip(15), body, out)? {
            return Ok(());
        }
    }
}

/// A zlib stream when the first byte says so (its low nibble is 8), else raw deflate data, as
/// Newman's HTTP library guesses. A stream cut short gives what it held.
fn inflate(body: &mut dyn BufRead, out: &mut BodySink) -> Result<(), DecodeError> {
    let Some(&first) = body.fill_buf().map_err(|e| io_error(&e))?.first() else {
        return Ok(());
    };
    zlib_stream(Decompress::new(first & 0x0f == 0x08), body, out)?;
    Ok(())
}

/// Decode one stream from `input` into `out`, as zlib with sync flushes does, consuming only
/// the stream's bytes: `true` when the stream ended, `false` when the input ended first;
/// corrupt data is an error in zlib's words (`invalid code lengths set`, `incorrect data
/// check`, …).
fn zlib_stream(
    mut decompress: Decompress,
    input: &mut dyn BufRead,
    out: &mut BodySink,
) -> Result<bool, DecodeError> {
    let mut piece = vec![0u8; 64 * 1024];
    loop {
        let rest = input.fill_buf().map_err(|e| io_error(&e))?;
        let (read, made) = (decompress.total_in(), decompress.total_out());
        let status = decompress
            .decompress(rest, &mut piece, FlushDecompress::Sync)
            .map_err(|e| {
                DecodeError(
                    e.message().unwrap_or("invalid block type").to_string(),
                    None,
                )
            })?;
        let used = usize::try_from(decompress.total_in() - read).unwrap_or(usize::MAX);
        let made = usize::try_from(decompress.total_out() - made).unwrap_or(usize::MAX);
        input.consume(used);
        out.push(&piece[..made]).map_err(|e| io_error(&e))?;
        match status {
            Status::StreamEnd => return Ok(true),
            // No progress with room to write: the input ended inside the stream.
            _ if used == 0 && made == 0 => return Ok(false),
            _ => {}
        }
    }
}

/// Brotli: a failure or a stream cut short is an error, in the words of Node's decoder
/// (`Decompression failed`, `unexpected end of file`).
fn brotli(body: &mut dyn BufRead, out: &mut BodySink) -> Result<(), DecodeError> {
    use brotli_decompressor::{BrotliDecompressStream, BrotliResult, BrotliState, StandardAlloc};
    let mut state = BrotliState::new(
        StandardAlloc::default(),
        StandardAlloc::default(),
        StandardAlloc::default(),
    );
    let mut piece = vec![0u8; 64 * 1024];
    loop {
        let input = body.fill_buf().map_err(|e| io_error(&e))?;
        let given = input.len();
        let (mut available_in, mut input_offset) = (given, 0);
        let (mut available_out, mut output_offset, mut total_out) = (piece.len(), 0, 0);
        let result = BrotliDecompressStream(
            &mut available_in,
            &mut input_offset,
            input,
            &mut available_out,
            &mut output_offset,
            &mut piece,
            &mut total_out,
            &mut state,
        );
        body.consume(input_offset);
        out.push(&piece[..output_offset])
            .map_err(|e| io_error(&e))?;
        match result {
            BrotliResult::NeedsMoreOutput => {}
            BrotliResult::ResultSuccess => return Ok(()),
            BrotliResult::NeedsMoreInput if given > 0 => {}
            BrotliResult::NeedsMoreInput => {
                return Err(DecodeError("unexpected end of file".to_string(), None));
            }
            BrotliResult::ResultFailure => {
                return Err(DecodeError(
                    "Decompression failed".to_string(),
                    Some(brotli_code(state.error_code)),
                ));
            }
        }
    }
}

/// Node's code for a brotli decoder error: `ERR_` and the error's name less `BROTLI_DECODER`
/// (`BROTLI_DECODER_ERROR_FORMAT_PADDING_2` is `ERR__ERROR_FORMAT_PADDING_2`).
fn brotli_code(code: brotli_decompressor::BrotliDecoderErrorCode) -> &'static str {
    use brotli_decompressor::BrotliDecoderErrorCode as E;
    match code {
        E::BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE => "ERR__ERROR_FORMAT_EXUBERANT_NIBBLE",
        E::BROTLI_DECODER_ERROR_FORMAT_RESERVED => "ERR__ERROR_FORMAT_RESERVED",
        E::BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE => {
            "ERR__ERROR_FORMAT_EXUBERANT_META_NIBBLE"
        }
        E::BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET => {
            "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET"
        }
        E::BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME => {
            "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_SAME"
        }
        E::BROTLI_DECODER_ERROR_FORMAT_CL_SPACE => "ERR__ERROR_FORMAT_CL_SPACE",
        E::BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE => "ERR__ERROR_FORMAT_HUFFMAN_SPACE",
        E::BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT => "ERR__ERROR_FORMAT_CONTEXT_MAP_REPEAT",
        E::BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1 => "ERR__ERROR_FORMAT_BLOCK_LENGTH_1",
        E::BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2 => "ERR__ERROR_FORMAT_BLOCK_LENGTH_2",
        E::BROTLI_DECODER_ERROR_FORMAT_TRANSFORM => "ERR__ERROR_FORMAT_TRANSFORM",
        E::BROTLI_DECODER_ERROR_FORMAT_DICTIONARY => "ERR__ERROR_FORMAT_DICTIONARY",
        E::BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS => "ERR__ERROR_FORMAT_WINDOW_BITS",
        E::BROTLI_DECODER_ERROR_FORMAT_PADDING_1 => "ERR__ERROR_FORMAT_PADDING_1",
        E::BROTLI_DECODER_ERROR_FORMAT_PADDING_2 => "ERR__ERROR_FORMAT_PADDING_2",
        E::BROTLI_DECODER_ERROR_FORMAT_DISTANCE => "ERR__ERROR_FORMAT_DISTANCE",
        E::BROTLI_DECODER_ERROR_FORMAT_BLOCK_SWITCH => "ERR__ERROR_FORMAT_BLOCK_SWITCH",
        E::BROTLI_DECODER_ERROR_COMPOUND_DICTIONARY => "ERR__ERROR_COMPOUND_DICTIONARY",
        E::BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET => "ERR__ERROR_DICTIONARY_NOT_SET",
        E::BROTLI_DECODER_ERROR_INVALID_ARGUMENTS => "ERR__ERROR_INVALID_ARGUMENTS",
        E::BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES => "ERR__ERROR_ALLOC_CONTEXT_MODES",
        E::BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS => "ERR__ERROR_ALLOC_TREE_GROUPS",
        E::BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP => "ERR__ERROR_ALLOC_CONTEXT_MAP",
        E::BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1 => "ERR__ERROR_ALLOC_RING_BUFFER_1",
        E::BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2 => "ERR__ERROR_ALLOC_RING_BUFFER_2",
        E::BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES => "ERR__ERROR_ALLOC_BLOCK_TYPE_TREES",
        E::BROTLI_DECODER_ERROR_UNREACHABLE => "ERR__ERROR_UNREACHABLE",
        // Not an error state: the decoder failed without naming why.
        _ => "ERR__ERROR_UNREACHABLE",
    }
}

/// An I/O failure while decoding: the size limit, or the temporary file failing.
fn io_error(e: &std::io::Error) -> DecodeError {
    match TooLarge::from_io(e) {
        Some(too_large) => DecodeError(too_large.to_string(), None),
        None => DecodeError(format!("{}: {e}", super::response_body::CANNOT_KEEP), None),
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
            .map_err(|e| DecodeError(e.to_string(), None))
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
            Err(DecodeError("unexpected end of file".to_string(), None))
        );
        assert!(decode_body(b"nope".to_vec(), Some("br"), 200).is_err());
        // The decoder's own error code, as Node reports it, depends on where the bytes fail.
        let code = |body: &[u8]| {
            decode_body(body.to_vec(), Some("br"), 200)
                .err()
                .and_then(|e| e.1)
        };
        assert_eq!(
            code(b"this is not compressed at all"),
            Some("ERR__ERROR_FORMAT_PADDING_1")
        );
        assert_eq!(
            code(br#"{"hello": "world"}"#),
            Some("ERR__ERROR_FORMAT_PADDING_2")
        );
    }
}
