//! Transport errors of the raw sender in Newman's wording, as `describe` in
//! [`crate::http::client`] words them for the normal path.

use crate::http::HttpError;
use std::io::ErrorKind;

/// An I/O error while talking to `host:port`.
pub fn from_io(error: &std::io::Error, host: &str, port: u16) -> HttpError {
    if let Some(alert) = crate::http::tls::alert::describe(error) {
        return alert;
    }
    match error.kind() {
        ErrorKind::ConnectionRefused => HttpError::new(format!(
            "connect ECONNREFUSED {}:{port}",
            connect_address(host, port)
        )),
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe
        | ErrorKind::UnexpectedEof => socket_hang_up(),
        ErrorKind::TimedOut => HttpError::new("ETIMEDOUT"),
        _ => HttpError::new(error.to_string()),
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
    HttpError::new("socket hang up")
}

/// The connection closed in the middle of a response body (Node's wording).
pub fn aborted() -> HttpError {
    HttpError::new("aborted")
}

/// The server's bytes are not HTTP/1.1 (Node's `Parse Error: …` wording).
pub fn parse_error(what: impl std::fmt::Display) -> HttpError {
    HttpError::new(format!("Parse Error: {what}"))
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
        assert_eq!(from_io(&reset, "h", 1).message, "socket hang up");
        let other = std::io::Error::other("tls: bad certificate");
        assert_eq!(from_io(&other, "h", 1).message, "tls: bad certificate");
    }
}
