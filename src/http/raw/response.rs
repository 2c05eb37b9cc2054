//! Reading one HTTP/1.1 response from a byte stream: the head parsed with `httparse`
//! (informational `1xx` heads skipped), then the body framed by `Transfer-Encoding: chunked`,
//! `Content-Length` or the end of the connection (RFC 9112 section 6.3). Bad input is an error,
//! never a panic.

use super::error::{
    aborted, chunk_data_too_long, chunk_size_overflow, duplicate_content_length, header_overflow,
    invalid_chunk_size, invalid_content_length, invalid_header_token, invalid_status,
    node_parse_error, not_http, parse_error, socket_hang_up, te_with_content_length,
};
use crate::http::HttpError;
use crate::http::response_body::{BodySink, ResponseBody, body_error};
use tokio::io::{AsyncRead, AsyncReadExt};

/// A response head is refused beyond this size (the HTTP stack's limit, 8 KiB + 100 × 4 KiB).
const MAX_HEAD: usize = 8192 + 4096 * 100;
/// A head up to this size is parsed at every read (so a malformed one fails at once); a larger
/// one only when its end has arrived.
const SMALL_HEAD: usize = 16 * 1024;
/// At most this many header fields in one head.
const MAX_HEADERS: usize = 4096;
/// A chunk-size or trailer line is refused beyond this size.
const MAX_LINE: usize = 64 * 1024;

/// A status line and its header fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// Status code.
    pub status: u16,
    /// Reason phrase as the server sent it (may be empty).
    pub reason: String,
    /// Header fields in received order, names as received, values as raw bytes.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The HTTP/1 minor version (`1` for HTTP/1.1).
    pub minor_version: u8,
}

impl Head {
    /// Every value of header `name` (case-insensitive), in order.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// True when the connection may carry another request after this response: HTTP/1.1
    /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    pub fn keeps_alive(&self) -> bool {
        let token = |wanted: &str| {
            self.values("connection").any(|v| {
                String::from_utf8_lossy(v)
                    .split(',')
                    .any(|t| t.trim().eq_ignore_ascii_case(wanted))
            })
        };
        if self.minor_version >= 1 {
            !token("close")
        } else {
            token("keep-alive")
        }
    }
}

/// A whole response: head and body bytes (still content-encoded).
#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    /// The final (non-informational) head.
    pub head: Head,
    /// The body with the transfer coding removed.
    pub body: ResponseBody,
}

/// How the body of a response ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Empty,
    Length(u64),
    Chunked,
    UntilClose,
}

/// A buffered reader of responses over `R`.
pub struct ResponseReader<R> {
    reader: R,
    buf: Vec<u8>,
    start: usize,
    /// `--max-response-size` for bodies (bytes as received).
    limit: Option<u64>,
    /// When [`Self::read_response`] had the final head.
    head_at: Option<std::time::Instant>,
    /// The last response ended by its framing on a connection kept open.
    reusable: bool,
}

impl<R: AsyncRead + Unpin> ResponseReader<R> {
    /// Read from `reader`.
    pub fn new(reader: R) -> Self {
        ResponseReader {
            reader,
            buf: Vec::new(),
            start: 0,
            limit: None,
            head_at: None,
            reusable: false,
        }
    }

    /// True when the stream may carry another request: the last response ended by its framing,
    /// the server keeps the connection open, and nothing more was sent after it.
    pub fn reusable(&self) -> bool {
        self.reusable && self.buffered().is_empty()
    }

    /// Refuse bodies of more than `limit` bytes (`None`: any size).
    pub fn with_limit(mut self, limit: Option<u64>) -> Self {
        self.limit = limit;
        self
    }

    /// When the last [`Self::read_response`] had parsed the final head (the first byte of the
    /// response, as Node's `response` event counts it).
    pub fn head_at(&self) -> Option<std::time::Instant> {
        self.head_at
    }

    /// Bytes read from the stream but not consumed yet.
    pub fn buffered(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    /// Give the stream back (bytes in [`Self::buffered`] are lost).
    pub fn into_inner(self) -> R {
        self.reader
    }

    /// Read the response to a `method` request: the final head and the whole body.
    pub async fn read_response(&mut self, method: &str) -> Result<RawResponse, HttpError> {
        let head = self.read_final_head().await?;
        self.head_at = Some(std::time::Instant::now());
        let mut body = BodySink::new(self.limit);
        let framing = framing(method, &head)?;
        self.reusable = framing != Framing::UntilClose && head.keeps_alive() && head.status != 101;
        match framing {
            Framing::Empty => {}
            Framing::Length(length) => self.append_exact(length, &mut body).await?,
            Framing::Chunked => self.read_chunked(&mut body).await?,
            Framing::UntilClose => self.read_to_close(&mut body).await?,
        }
        let body = body.finish().map_err(|e| body_error(&e))?;
        Ok(RawResponse { head, body })
    }

    /// Read heads until one is not informational (`1xx` other than `101`).
    pub async fn read_final_head(&mut self) -> Result<Head, HttpError> {
        loop {
            let head = self.read_head().await?;
            if !(100..200).contains(&head.status) || head.status == 101 {
                return Ok(head);
            }
        }
    }

    /// Read and parse one head. A large head is parsed once its end has arrived, not at
    /// every read, so reading it takes time in proportion to its size.
    async fn read_head(&mut self) -> Result<Head, HttpError> {
        let mut capacity = 64;
        // How far the buffered bytes were searched for the end of the head, and whether it
        // was found.
        let (mut searched, mut ended) = (0usize, false);
        loop {
            let available = self.buffered();
            if !ended {
                let from = searched.saturating_sub(3);
                ended = available[from..]
                    .windows(3)
                    .any(|w| w == b"\n\r\n" || w.starts_with(b"\n\n"))
                    || available[from..].ends_with(b"\n\n");
                searched = available.len();
            }
            if available.len() > MAX_HEAD && !ended {
                return Err(header_overflow());
            }
            let parsed = if ended || available.len() <= SMALL_HEAD {
                parse_head(available, &mut capacity)
            } else {
                None
            };
            match parsed {
                Some(Ok((length, _))) if length > MAX_HEAD => return Err(header_overflow()),
                Some(Ok((length, head))) => {
                    self.start += length;
                    return Ok(head);
                }
                Some(Err(error)) => return Err(error),
                None => {
                    if !self.fill().await? {
                        return Err(socket_hang_up());
                    }
                }
            }
        }
    }

    /// Read more bytes into the buffer; false at the end of the stream.
    async fn fill(&mut self) -> Result<bool, HttpError> {
        if self.start > 0 && self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
        } else if self.start > 64 * 1024 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        let mut chunk = [0u8; 16 * 1024];
        let read = match self.reader.read(&mut chunk).await {
            Ok(read) => read,
            // A TLS peer that closes without `close_notify`: an end like any other here; what
            // was missing is judged by the caller.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => 0,
            Err(e) => return Err(read_error(e)),
        };
        self.buf.extend_from_slice(&chunk[..read]);
        Ok(read > 0)
    }

    /// Exactly `length` more bytes into `out`; the stream ending first is an error.
    async fn append_exact(&mut self, length: u64, out: &mut BodySink) -> Result<(), HttpError> {
        let mut remaining = length;
        while remaining > 0 {
            if self.buffered().is_empty() && !self.fill().await? {
                return Err(aborted());
            }
            let available = self.buffered();
            let take = available
                .len()
                .min(usize::try_from(remaining).unwrap_or(usize::MAX));
            out.push(&available[..take]).map_err(|e| body_error(&e))?;
            self.start += take;
            remaining -= take as u64;
        }
        Ok(())
    }

    /// One line without its line ending (CRLF or a bare LF).
    async fn read_line(&mut self) -> Result<Vec<u8>, HttpError> {
        let mut searched = 0;
        loop {
            let available = self.buffered();
            if let Some(end) = available[searched..].iter().position(|&b| b == b'\n') {
                let end = searched + end;
                let mut line = available[..end].to_vec();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                self.start += end + 1;
                return Ok(line);
            }
            searched = available.len();
            if searched > MAX_LINE {
                return Err(parse_error("chunk line too long"));
            }
            if !self.fill().await? {
                return Err(aborted());
            }
        }
    }

    /// A `chunked` body: chunks until the last (size 0) one, extensions ignored, then the
    /// trailer fields, which are read and dropped.
    async fn read_chunked(&mut self, out: &mut BodySink) -> Result<(), HttpError> {
        loop {
            let line = self.read_line().await?;
            let size = chunk_size(&line)?;
            if size == 0 {
                break;
            }
            self.append_exact(size, out).await?;
            if !self.read_line().await?.is_empty() {
                return Err(chunk_data_too_long());
            }
        }
        // Trailer fields up to the empty line; a connection closed here lost nothing.
        loop {
            match self.read_line().await {
                Ok(line) if line.is_empty() => break,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        Ok(())
    }

    async fn read_to_close(&mut self, out: &mut BodySink) -> Result<(), HttpError> {
        loop {
            out.push(self.buffered()).map_err(|e| body_error(&e))?;
            self.start = self.buf.len();
            if !self.fill().await? {
                return Ok(());
            }
        }
    }
}

/// Parse a head from `bytes`: `None` while it is incomplete. `capacity` (header fields) grows
/// as needed up to [`MAX_HEADERS`].
fn parse_head(bytes: &[u8], capacity: &mut usize) -> Option<Result<(usize, Head), HttpError>> {
    loop {
        let mut fields = vec![httparse::EMPTY_HEADER; *capacity];
        let mut response = httparse::Response::new(&mut fields);
        return match response.parse(bytes) {
            Ok(httparse::Status::Complete(length)) => Some(Ok((
                length,
                Head {
                    status: response.code.unwrap_or_default(),
                    reason: response.reason.unwrap_or_default().to_string(),
                    headers: response
                        .headers
                        .iter()
                        .map(|h| (h.name.to_string(), h.value.to_vec()))
                        .collect(),
                    minor_version: response.version.unwrap_or(1),
                },
            ))),
            Ok(httparse::Status::Partial) => None,
            Err(httparse::Error::TooManyHeaders) if *capacity < MAX_HEADERS => {
                *capacity *= 4;
                continue;
            }
            Err(error) => Some(Err(head_error(error))),
        };
    }
}

/// Reading errors: a reset connection is Node's `read ECONNRESET`; anything else (TLS alerts
/// included) in its own words.
fn read_error(error: std::io::Error) -> HttpError {
    super::error::from_io(&error, "", 0)
}

/// How the body of the response to `method` with `head` ends.
fn framing(method: &str, head: &Head) -> Result<Framing, HttpError> {
    if method.eq_ignore_ascii_case("HEAD")
        || (100..200).contains(&head.status)
        || head.status == 204
        || head.status == 304
    {
        return Ok(Framing::Empty);
    }
    let codings: Vec<String> = head
        .values("transfer-encoding")
        .flat_map(|v| {
            String::from_utf8_lossy(v)
                .split(',')
                .map(|c| c.trim().to_ascii_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty())
        .collect();
    if !codings.is_empty() && head.values("content-length").next().is_some() {
        return Err(te_with_content_length());
    }
    if let Some(last) = codings.last() {
        return Ok(if last == "chunked" {
            Framing::Chunked
        } else {
            Framing::UntilClose
        });
    }
    let mut length = None;
    for value in head.values("content-length") {
        for item in String::from_utf8_lossy(value).split(',') {
            let item = item.trim();
            let parsed = (!item.is_empty() && item.bytes().all(|b| b.is_ascii_digit()))
                .then(|| item.parse::<u64>().ok())
                .flatten()
                .ok_or_else(invalid_content_length)?;
            if length.is_some_and(|l| l != parsed) {
                return Err(duplicate_content_length());
            }
            length = Some(parsed);
        }
    }
    Ok(length.map_or(Framing::UntilClose, Framing::Length))
}

/// The size of a chunk from its size line (`1a;name=value`).
fn chunk_size(line: &[u8]) -> Result<u64, HttpError> {
    let digits = line.split(|&b| b == b';').next().unwrap_or_default();
    let digits = String::from_utf8_lossy(digits);
    let digits = digits.trim_matches([' ', '\t']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid_chunk_size());
    }
    u64::from_str_radix(digits, 16).map_err(|_| chunk_size_overflow())
}

/// A head `httparse` refused, in the words of Node's parser.
fn head_error(error: httparse::Error) -> HttpError {
    match error {
        httparse::Error::HeaderName | httparse::Error::HeaderValue => invalid_header_token(),
        httparse::Error::Status => invalid_status(),
        httparse::Error::TooManyHeaders => header_overflow(),
        httparse::Error::NewLine => node_parse_error("HPE_LF_EXPECTED", "Missing expected LF"),
        httparse::Error::Version | httparse::Error::Token => not_http(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::Pin;
    use std::task::{Context, Poll};
    use tokio::io::ReadBuf;

    /// A stream that hands out one byte per read, to exercise every partial-read path.
    struct Trickle<'a>(&'a [u8]);

    impl AsyncRead for Trickle<'_> {
        fn poll_read(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
            buf: &mut ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            if let Some((first, rest)) = self.0.split_first() {
                buf.put_slice(&[*first]);
                self.0 = rest;
            }
            Poll::Ready(Ok(()))
        }
    }

    async fn read(bytes: &[u8], method: &str) -> Result<RawResponse, HttpError> {
        let whole = ResponseReader::new(bytes).read_response(method).await;
        let trickled = ResponseReader::new(Trickle(bytes))
            .read_response(method)
            .await;
        assert_eq!(whole, trickled, "one read or byte by byte, same result");
        whole
    }

    async fn body(bytes: &[u8], method: &str) -> Vec<u8> {
        read(bytes, method)
            .await
            .map(|r| r.body.bytes().map(|b| b.into_owned()).unwrap_or_default())
            .unwrap_or_else(|e| panic!("response should parse: {e}"))
    }

    async fn error(bytes: &[u8]) -> String {
        match read(bytes, "GET").await {
            Ok(r) => panic!("expected an error, got {r:?}"),
            Err(e) => e.message,
        }
    }

    #[tokio::test]
    async fn response_content_length_body_and_head() {
        let r = read(
            b"HTTP/1.1 201 Made It\r\nX-One: 1\r\nContent-Length: 5\r\nx-one: 2\r\n\r\nhelloEXTRA",
            "GET",
        )
        .await
        .unwrap_or_else(|e| panic!("parses: {e}"));
        assert_eq!(r.head.status, 201);
        assert_eq!(r.head.reason, "Made It");
        assert_eq!(r.head.values("x-one").collect::<Vec<_>>(), [b"1", b"2"]);
        assert_eq!(r.body, b"hello"[..].into(), "only Content-Length bytes");
    }

    #[tokio::test]
    async fn response_chunked_with_extensions_and_trailers() {
        let bytes = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n\
            5;name=value\r\nhello\r\n1A \r\n, chunked world of bytes!!\r\n0\r\nX-Trailer: t\r\n\r\n";
        assert_eq!(body(bytes, "GET").await, b"hello, chunked world of bytes!!");
        let bare_lf = b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n";
        assert_eq!(body(bare_lf, "GET").await, b"abc");
        let closed_after_last =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n";
        assert_eq!(body(closed_after_last, "GET").await, b"ok");
    }

    #[tokio::test]
    async fn response_without_length_is_read_to_close() {
        let bytes = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end";
        assert_eq!(body(bytes, "GET").await, b"until the end");
        let other_coding = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw";
        assert_eq!(body(other_coding, "GET").await, b"raw");
    }

    #[tokio::test]
    async fn response_head_204_304_have_no_body() {
        let length = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n";
        assert_eq!(body(length, "HEAD").await, b"");
        assert_eq!(body(b"HTTP/1.1 204 No Content\r\n\r\n", "GET").await, b"");
        let not_modified = b"HTTP/1.1 304 Not Modified\r\nContent-Length: 7\r\n\r\n";
        assert_eq!(body(not_modified, "GET").await, b"");
    }

    #[tokio::test]
    async fn response_informational_heads_are_skipped() {
        let bytes = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\n\
            HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        let r = read(bytes, "POST")
            .await
            .unwrap_or_else(|e| panic!("parses: {e}"));
        assert_eq!((r.head.status, r.body.in_memory()), (200, Some(&b"ok"[..])));
    }

    #[tokio::test]
    async fn response_malformed_or_cut_is_a_clear_error() {
        assert!(
            error(b"NOT HTTP AT ALL\r\n\r\n")
                .await
                .starts_with("Parse Error: ")
        );
        assert!(
            error(b"HTTP/1.1 200 OK\r\nBad Header\r\n\r\n")
                .await
                .starts_with("Parse Error: ")
        );
        assert_eq!(error(b"").await, "socket hang up");
        assert_eq!(
            error(b"HTTP/1.1 200 OK\r\nContent-").await,
            "socket hang up"
        );
        assert_eq!(
            error(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort").await,
            "aborted"
        );
        let cut_chunk = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nshort";
        assert_eq!(error(cut_chunk).await, "aborted");
        let bad_size = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
        assert_eq!(
            error(bad_size).await,
            "Parse Error: Invalid character in chunk size"
        );
        let huge = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n";
        assert_eq!(error(huge).await, "Parse Error: Chunk size overflow");
        let long_chunk =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n0\r\n\r\n";
        assert_eq!(
            error(long_chunk).await,
            "Parse Error: Expected LF after chunk data"
        );
        let conflicting = b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab";
        assert_eq!(
            error(conflicting).await,
            "Parse Error: Duplicate Content-Length"
        );
        let negative = b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n";
        assert_eq!(
            error(negative).await,
            "Parse Error: Invalid character in Content-Length"
        );
        let both = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(
            error(both).await,
            "Parse Error: Transfer-Encoding can't be present with Content-Length"
        );
        let same_twice = b"HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok";
        assert_eq!(body(same_twice, "GET").await, b"ok");
    }

    #[tokio::test]
    async fn response_with_many_headers_parses() {
        let mut bytes = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..300 {
            bytes.extend_from_slice(format!("X-H{i}: {i}\r\n").as_bytes());
        }
        bytes.extend_from_slice(b"Content-Length: 0\r\n\r\n");
        let r = ResponseReader::new(&bytes[..]).read_response("GET").await;
        assert_eq!(r.map(|r| r.head.headers.len()).ok(), Some(301));
    }
}
