//! Reason phrases by status code as Newman falls back to them when a server sends none, and
//! as scripts see them as `details().standardName`. The names are the ones Newman's
//! dependency `http-reasons` 0.1.0 holds (facts about Newman's output; the longer `detail`
//! descriptions are not reproduced, see DIVERGENCES.md).

/// The name Newman gives status `code` (`None` when it knows none).
pub fn standard_reason(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing (WebDAV) (RFC 2518)",
        103 => "Checkpoint",
        122 => "Request-URI too long",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information (since HTTP/1.1)",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status (WebDAV) (RFC 4918)",
        208 => "Already Reported (WebDAV) (RFC 5842)",
        226 => "IM Used (RFC 3229)",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy (since HTTP/1.1)",
        306 => "Switch Proxy",
        307 => "Temporary Redirect (since HTTP/1.1)",
        308 => "Resume Incomplete",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Requested Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot (RFC 2324)",
        422 => "Unprocessable Entity (WebDAV) (RFC 4918)",
        423 => "Locked (WebDAV) (RFC 4918)",
        424 => "Failed Dependency (WebDAV) (RFC 4918)",
        425 => "Unordered Collection (RFC 3648)",
        426 => "Upgrade Required (RFC 2817)",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        444 => "No Response",
        449 => "Retry With",
        450 => "Blocked by Windows Parental Controls",
        499 => "Client Closed Request",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates (RFC 2295)",
        507 => "Insufficient Storage (WebDAV) (RFC 4918)",
        508 => "Loop Detected (WebDAV) (RFC 5842)",
        509 => "Bandwidth Limit Exceeded (Apache bw/limited extension)",
        510 => "Not Extended (RFC 2774)",
        511 => "Network Authentication Required",
        598 => "Network read timeout error",
        599 => "Network connect timeout error[23]",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_as_newman_has_them() {
        assert_eq!(super::standard_reason(404), Some("Not Found"));
        assert_eq!(
            super::standard_reason(599),
            Some("Network connect timeout error[23]")
        );
        assert_eq!(super::standard_reason(299), None);
    }
}
