//! Transport errors in Newman's words: what the HTTP stack reports (refused, reset, timed out,
//! TLS, a reply that is not HTTP) as the error Node would have raised.

use super::message::HttpError;
use crate::http::HttpErrorKind;
use std::error::Error as _;

/// Turn a transport error into Newman's wording where one exists.
pub(super) fn describe(error: &reqwest::Error, url: &reqwest::Url) -> HttpError {
    let host = url.host_str().unwrap_or("");
    let port = url.port_or_known_default().unwrap_or(0);
    if error.is_timeout() {
        return HttpError::new(HttpErrorKind::Timeout, "ESOCKETTIMEDOUT");
    }
    // A host the HTTP stack refuses to build a request for (`{{baseUrl}}` left unresolved, other
    // characters no DNS name has): Node looks the name up and finds nothing.
    if error.is_builder() && !host.is_empty() && !is_dns_name(host) {
        return HttpError::new(HttpErrorKind::Dns, format!("getaddrinfo ENOTFOUND {host}"));
    }
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(tls) = super::tls_error::from_error(cause) {
            return tls;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    return HttpError::new(
                        HttpErrorKind::Refused,
                        format!(
                            "connect ECONNREFUSED {}:{port}",
                            super::raw::error::connect_address(host, port)
                        ),
                    );
                }
                // Node reports a reset as the failed read, wherever the reply was.
                std::io::ErrorKind::ConnectionReset => {
                    return HttpError::new(HttpErrorKind::Reset, "read ECONNRESET");
                }
                std::io::ErrorKind::TimedOut => {
                    return HttpError::new(HttpErrorKind::Timeout, "ETIMEDOUT");
                }
                _ => {}
            }
        }
        let text = cause.to_string();
        if text.contains("dns error") || text.contains("failed to lookup address") {
            return HttpError::new(HttpErrorKind::Dns, format!("getaddrinfo ENOTFOUND {host}"));
        }
        if let Some(node) = node_parse_error(&text) {
            return node;
        }
        source = cause.source();
    }
    if let Some(alert) = super::tls::alert::describe(error) {
        return alert;
    }
    // Fall back to the full cause chain, which names TLS and protocol problems precisely.
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    HttpError::new(HttpErrorKind::Other, message)
}

/// Whether `host` is made only of what a DNS name or an IP address can hold.
fn is_dns_name(host: &str) -> bool {
    host.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ':' | '[' | ']'))
}

/// The error Node's HTTP client reports for what the HTTP stack says went wrong with a reply:
/// a connection closed before or during it, a body cut short, a reply that is not HTTP.
fn node_parse_error(text: &str) -> Option<HttpError> {
    let error = if text.contains("connection closed before message completed") {
        HttpError::coded(
            HttpErrorKind::Reset,
            "Error",
            "ECONNRESET",
            "socket hang up",
        )
    } else if text.contains("end of file before message length reached") {
        HttpError::coded(HttpErrorKind::Reset, "Error", "ECONNRESET", "aborted")
    } else if text.contains("invalid chunk size: overflow") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_INVALID_CHUNK_SIZE",
            "Parse Error: Chunk size overflow",
        )
    } else if text.contains("Invalid chunk body") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_STRICT",
            "Parse Error: Expected LF after chunk data",
        )
    } else if text.contains("message head is too large") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_HEADER_OVERFLOW",
            "Parse Error: Header overflow",
        )
    } else if text.contains("Invalid chunk size") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_INVALID_CHUNK_SIZE",
            "Parse Error: Invalid character in chunk size",
        )
    } else if text.contains("invalid HTTP version parsed") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_INVALID_CONSTANT",
            "Parse Error: Expected HTTP/, RTSP/ or ICE/",
        )
    } else if text.contains("invalid HTTP status-code parsed") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_INVALID_STATUS",
            "Parse Error: Invalid status code",
        )
    } else if text.contains("invalid HTTP header parsed") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_INVALID_HEADER_TOKEN",
            "Parse Error: Invalid header token",
        )
    } else if text.contains("invalid content-length parsed") {
        HttpError::coded(
            HttpErrorKind::Parse,
            "Error",
            "HPE_UNEXPECTED_CONTENT_LENGTH",
            "Parse Error: Duplicate Content-Length",
        )
    } else {
        return None;
    };
    Some(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_reply_faults_named_as_node_names_them() {
        let named = |text: &str| node_parse_error(text).map(|e| (e.message, e.code));
        assert_eq!(
            named("client error (SendRequest): connection closed before message completed"),
            Some(("socket hang up".into(), Some("ECONNRESET")))
        );
        assert_eq!(
            named(
                "error reading a body from connection: end of file before message length reached"
            ),
            Some(("aborted".into(), Some("ECONNRESET")))
        );
        assert_eq!(
            named("invalid HTTP version parsed").map(|e| e.1),
            Some(Some("HPE_INVALID_CONSTANT"))
        );
        assert_eq!(named("something else"), None);
    }

    #[test]
    fn unresolved_variable_host_is_not_found() {
        let url = reqwest::Url::parse("http://{{baseurl}}/users").expect("url crate takes braces");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let error = runtime
            .block_on(reqwest::Client::new().get(url.clone()).send())
            .expect_err("http::Uri refuses braces");
        let described = describe(&error, &url);
        assert_eq!(described.message, "getaddrinfo ENOTFOUND {{baseurl}}");
        assert!(is_dns_name("echo.test") && is_dns_name("[::1]") && !is_dns_name("{{x}}"));
    }
}
