//! The request as actually sent and the response as received: plain data shared by the runner,
//! the sandbox adapter and the reporters.

use super::response_body::ResponseBody;
use super::timings::Timings;
use std::time::Duration;

/// A fully resolved request, exactly as it goes on the wire (headers in order, defaults included).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HttpRequest {
    /// Method, as given (custom methods allowed).
    pub method: String,
    /// Absolute URL.
    pub url: String,
    /// Headers in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes, if any.
    pub body: Option<Vec<u8>>,
    /// No `Content-Length` goes with the body (`disabledSystemHeaders` turned it off and the
    /// user gave none): Newman then writes the body unframed, and so does postie.
    pub unframed: bool,
    /// The body is text Node writes in one piece with the request head, which then goes out as
    /// UTF-8 (else each character of the head is one Latin-1 byte).
    pub utf8_head: bool,
}

impl HttpRequest {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// A received response with its body fully read and decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Reason phrase.
    pub reason: String,
    /// Headers in order, names as received (the HTTP stack's, which it lower-cases, in title
    /// case).
    pub headers: Vec<(String, String)>,
    /// The decoded body (in memory, or in a temporary file when large).
    pub body: ResponseBody,
    /// How many body bytes arrived (before `Content-Encoding` decoding).
    pub received: u64,
    /// Time from sending the request to the end of the body.
    pub elapsed: Duration,
    /// When each phase of the exchange happened (`None` for a response not received by the
    /// client, e.g. in tests).
    pub timings: Option<Timings>,
    /// The `Cookie` header the last hop went out with (the user's own, the jar's cookies added),
    /// which Postman's request object then lists.
    pub sent_cookie: Option<String>,
    /// The `Cookie` header the first hop went out with (what Newman's report lists for the
    /// request, redirected or not).
    pub first_cookie: Option<String>,
}

impl HttpResponse {
    /// A response as received `started` ago: no timings or cookie notes yet (the layers above
    /// add them).
    pub fn received(
        (status, reason): (u16, String),
        headers: Vec<(String, String)>,
        body: ResponseBody,
        received: u64,
        started: std::time::Instant,
    ) -> Self {
        HttpResponse {
            status,
            reason,
            headers,
            body,
            received,
            elapsed: started.elapsed(),
            timings: None,
            sent_cookie: None,
            first_cookie: None,
        }
    }

    /// The response's size as Newman's CLI shows it (`size().total`): the status line and
    /// headers as `HTTP/X.X CODE REASON`, `Name: value` lines with CRLFs, plus the body bytes
    /// as they arrived.
    pub fn size_on_wire(&self) -> u64 {
        let status = format!("HTTP/X.X {} {}\r\n\r\n", self.status, self.reason).len();
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.len() + v.len() + 4)
            .sum();
        (status + headers) as u64 + self.received
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// Case-insensitive header lookup in an ordered list.
pub fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// What kind of failure an [`HttpError`] is, for code that must tell them apart without reading
/// the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpErrorKind {
    /// Not sent: empty URL, bad port, a method, header or URL the client refuses.
    Invalid,
    /// The connection was refused.
    Refused,
    /// The connection was reset or closed before the reply was complete.
    Reset,
    /// `--timeout-request` or a socket timeout.
    Timeout,
    /// The host name did not resolve.
    Dns,
    /// TLS failed: handshake, certificate, alert, settings.
    Tls,
    /// The body exceeded `--max-response-size`.
    TooLarge,
    /// The reply is not valid HTTP.
    Parse,
    /// The body could not be decoded (`Content-Encoding`).
    Decode,
    /// More redirects than `maxRedirects`.
    Redirects,
    /// Anything else (a proxy, local I/O, the client failing to start).
    Other,
}

/// Why a request got no response: the run reports it as a request failure and goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct HttpError {
    /// What kind of failure this is.
    pub kind: HttpErrorKind,
    /// Newman-style text, e.g. `connect ECONNREFUSED 127.0.0.1:9` or `ESOCKETTIMEDOUT`.
    pub message: String,
    /// The JavaScript error class Newman reports (`Error`, `TypeError`, `RangeError`).
    pub name: &'static str,
    /// Node's error code when it is not the one the message starts with (`ERR_INVALID_CHAR`).
    pub code: Option<&'static str>,
}

impl HttpError {
    /// An `Error` of `kind` with this message.
    pub fn new(kind: HttpErrorKind, message: impl Into<String>) -> Self {
        HttpError {
            kind,
            message: message.into(),
            name: "Error",
            code: None,
        }
    }

    /// An error of `kind` and JavaScript class `name` with Node's `code`.
    pub fn coded(
        kind: HttpErrorKind,
        name: &'static str,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        HttpError {
            kind,
            message: message.into(),
            name,
            code: Some(code),
        }
    }
}
