//! Response body decoding by `Content-Encoding` (gzip, deflate, br), done here rather than by the
//! HTTP stack so the response headers stay exactly as received, as in Newman.

use std::io::Read;

/// Decode `body` according to `content_encoding` (a comma-separated list, applied in order).
/// Unknown encodings and undecodable bodies are returned as they came.
pub fn decode_body(body: Vec<u8>, content_encoding: Option<&str>) -> Vec<u8> {
    let Some(encodings) = content_encoding else {
        return body;
    };
    let mut current = body;
    for encoding in encodings.rsplit(',').map(|e| e.trim().to_ascii_lowercase()) {
        let decoded = match encoding.as_str() {
            "gzip" | "x-gzip" => read_all(flate2::read::MultiGzDecoder::new(&current[..])),
            "deflate" => read_all(flate2::read::ZlibDecoder::new(&current[..]))
                .or_else(|| read_all(flate2::read::DeflateDecoder::new(&current[..]))),
            "br" => read_all(brotli_decompressor::Decompressor::new(&current[..], 4096)),
            _ => None,
        };
        match decoded {
            Some(bytes) => current = bytes,
            None => return current,
        }
    }
    current
}

fn read_all(mut reader: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    reader.read_to_end(&mut out).ok().map(|_| out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn decode_gzip_and_deflate_and_passthrough() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"hello").unwrap_or_default();
        let gz = gz.finish().unwrap_or_default();
        assert_eq!(decode_body(gz, Some("gzip")), b"hello");
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"zz").unwrap_or_default();
        assert_eq!(
            decode_body(z.finish().unwrap_or_default(), Some("deflate")),
            b"zz"
        );
        assert_eq!(decode_body(b"plain".to_vec(), None), b"plain");
        assert_eq!(decode_body(b"not gzip".to_vec(), Some("gzip")), b"not gzip");
    }
}
