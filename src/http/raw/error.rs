//! Transport errors of the raw sender in Newman's wording, as `describe` in
//! [`crate::http::client`] words them for the normal path.

use crate::http::HttpError;
use crate::http::HttpErrorKind;
use std::io::ErrorKind;

/// An I/O error while talking to `host:port`.
pub fn from_io(error: &std::io::Error, host: &str, port: u16) -> HttpError {
    if let Some(alert) = crate::http::tls::alert::describe(error) {
        return alert;
    }
    if let Some(tls) = crate::http::tls_error::from_io(error) {
        return tls;
    }
    match error.kind() {
        ErrorKind::ConnectionRefused => HttpError::new(
            HttpErrorKind::Refused,
            format!(
                "connect ECONNREFUSED {}:{port}",
                connect_address(host, port)
            ),
        ),
        ErrorKind::ConnectionReset => HttpError::new(HttpErrorKind::Reset, "read ECONNRESET"),
        ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe | ErrorKind::UnexpectedEof => {
            socket_hang_up()
        }
        ErrorKind::TimedOut => HttpError::new(HttpErrorKind::Timeout, "ETIMEDOUT"),
        _ => HttpError::new(HttpErrorKind::Other, error.to_string()),
    }
}

/// The address Node names in a connect error for `host`: an IP as written, `127.0.0.1` for
/// `localhost` and `*.localhost` (Postman's lookup tries `::1`, then IPv4), else the first
/// address the name resolves to (the name itself when it resolves to none).
pub fn connect_address(host: &str, port: u16) -> String {
    use std::net::ToSocketAddrs as _;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.parse::<std::net::IpAddr>().is_ok() {
        return bare.to_string();
    }
    let lower = bare.to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return "127.0.0.1".to_string();
    }
    (bare, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut found| found.next())
        .map_or_else(|| bare.to_string(), |a| a.ip().to_string())
}

/// The connection closed before a response head arrived (Node's wording).
pub fn socket_hang_up() -> HttpError {
    HttpError::new(HttpErrorKind::Reset, "socket hang up")
}

/// The connection closed in the middle of a response body (Node's wording).
pub fn aborted() -> HttpError {
    HttpError::coded(HttpErrorKind::Reset, "Error", "ECONNRESET", "aborted")
}

/// The server's bytes are not HTTP/1.1 (Node's `Parse Error: …` wording) in a way Node has no
/// words of its own for.
pub fn parse_error(what: impl std::fmt::Display) -> HttpError {
    HttpError::new(HttpErrorKind::Parse, format!("Parse Error: {what}"))
}

/// The server's bytes are not HTTP/1.1, in the words of Node's parser (llhttp): `Parse Error: `
/// and its reason, with its `HPE_` code.
pub fn node_parse_error(code: &'static str, reason: &str) -> HttpError {
    HttpError::coded(
        HttpErrorKind::Parse,
        "Error",
        code,
        format!("Parse Error: {reason}"),
    )
}

/// A status line that does not start with `HTTP/`.
pub fn not_http() -> HttpError {
    node_parse_error("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/")
}

/// A status code that is not three digits.
pub fn invalid_status() -> HttpError {
    node_parse_error("HPE_INVALID_STATUS", "Invalid status code")
}

/// A header line that is not `name: value`.
pub fn invalid_header_token() -> HttpError {
    node_parse_error("HPE_INVALID_HEADER_TOKEN", "Invalid header token")
}

/// A head larger than Node takes.
pub fn header_overflow() -> HttpError {
    node_parse_error("HPE_HEADER_OVERFLOW", "Header overflow")
}

/// Two `Content-Length` fields that disagree.
pub fn duplicate_content_length() -> HttpError {
    node_parse_error("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length")
}

/// A `Content-Length` that is not a number.
pub fn invalid_content_length() -> HttpError {
    node_parse_error(
        "HPE_INVALID_CONTENT_LENGTH",
        "Invalid character in Content-Length",
    )
}

/// Both `Transfer-Encoding` and `Content-Length` (a request-smuggling pattern Node refuses).
pub fn te_with_content_length() -> HttpError {
    node_parse_error(
        "HPE_INVALID_TRANSFER_ENCODING",
        "Transfer-Encoding can't be present with Content-Length",
    )
}

/// A chunk size that is not hexadecimal.
pub fn invalid_chunk_size() -> HttpError {
    node_parse_error("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size")
}

/// A chunk size too large for 64 bits.
pub fn chunk_size_overflow() -> HttpError {
    node_parse_error("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow")
}

/// Chunk data not followed by its line ending (longer than its size).
pub fn chunk_data_too_long() -> HttpError {
    node_parse_error("HPE_STRICT", "Expected LF after chunk data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_use_newman_wording() {
        let refused = std::io::Error::from(ErrorKind::ConnectionRefused);
        assert_eq!(
            from_io(&refused, "127.0.0.1", 9).message,
            "connect ECONNREFUSED 127.0.0.1:9"
        );
        let reset = std::io::Error::from(ErrorKind::ConnectionReset);
        assert_eq!(from_io(&reset, "h", 1).message, "read ECONNRESET");
        let other = std::io::Error::other("tls: bad certificate");
        assert_eq!(from_io(&other, "h", 1).message, "tls: bad certificate");
    }
}
