//! The bytes of one HTTP/1.1 request for the raw sender: the request line with the target as
//! given, then the header fields exactly as listed (names as written, order kept), completed with
//! what the normal path's HTTP stack adds itself: `Host`, `Authorization` from URL credentials,
//! the jar's `Cookie` and `Content-Length`.

use crate::http::HttpError;
use crate::http::HttpErrorKind;
use crate::http::message::find_header;
use base64::Engine as _;
use reqwest::header::{HeaderName, HeaderValue};

/// What the raw sender adds to the listed header fields.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Additions {
    /// The `Host` value for the URL (the proxy form of the request line uses it).
    pub host: String,
    /// Credentials from the URL's user info, percent-decoded (sent as `Basic` when the request
    /// lists no `Authorization`).
    pub credentials: Option<(String, Option<String>)>,
    /// The jar's `Cookie` value (sent when the request lists no `Cookie`).
    pub cookie: Option<String>,
    /// `Proxy-Authorization` for a proxy in the path.
    pub proxy_authorization: Option<String>,
}

/// The header fields to send: `listed` (`Host` included when due), then `Authorization`,
/// `Cookie`, `Proxy-Authorization` and `Content-Length` where due.
pub fn wire_headers(
    method: &str,
    listed: &[(String, String)],
    body: Option<&[u8]>,
    additions: &Additions,
) -> Vec<(String, String)> {
    // `Host` is listed by the runner (and for a redirect's next hop); a request without one is
    // sent without one, as Newman does when `disabledSystemHeaders` turns it off.
    let mut headers = listed.to_vec();
    if let Some((user, password)) = &additions.credentials
        && find_header(&headers, "authorization").is_none()
    {
        let pair = format!("{user}:{}", password.as_deref().unwrap_or(""));
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        headers.push(("Authorization".to_string(), format!("Basic {encoded}")));
    }
    if let Some(cookie) = &additions.cookie
        && find_header(&headers, "cookie").is_none()
    {
        headers.push(("Cookie".to_string(), cookie.clone()));
    }
    if let Some(value) = &additions.proxy_authorization {
        headers.push(("Proxy-Authorization".to_string(), value.clone()));
    }
    let framed = find_header(&headers, "content-length").is_some()
        || find_header(&headers, "transfer-encoding").is_some();
    if let Some(body) = body
        && !framed
        && (!body.is_empty() || !matches!(method, "GET" | "HEAD" | "CONNECT"))
    {
        headers.push(("Content-Length".to_string(), body.len().to_string()));
    }
    headers
}

/// The request head: `METHOD target HTTP/1.1`, the fields, the empty line. The method and
/// header fields are checked as the normal path checks them (a field with a line break would
/// smuggle a second request); the target is written as given.
pub fn request_head(
    method: &str,
    target: &str,
    headers: &[(String, String)],
) -> Result<Vec<u8>, HttpError> {
    if reqwest::Method::from_bytes(method.as_bytes()).is_err() {
        return Err(HttpError::new(
            HttpErrorKind::Invalid,
            format!("invalid method \"{method}\""),
        ));
    }
    if target
        .chars()
        .any(|c| c <= ' ' || c == '\u{7f}' || c > '\u{ff}')
    {
        return Err(HttpError::new(
            HttpErrorKind::Invalid,
            format!("invalid request target \"{target}\""),
        ));
    }
    let mut head = format!("{method} ").into_bytes();
    head.extend(latin1(target));
    head.extend_from_slice(b" HTTP/1.1\r\n");
    for (name, value) in headers {
        if HeaderName::from_bytes(name.as_bytes()).is_err() {
            return Err(HttpError::new(
                HttpErrorKind::Invalid,
                format!("invalid header name \"{name}\""),
            ));
        }
        let value = latin1(value);
        if HeaderValue::from_bytes(&value).is_err() {
            return Err(HttpError::new(
                HttpErrorKind::Invalid,
                format!("invalid value for header \"{name}\""),
            ));
        }
        head.extend_from_slice(name.as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(&value);
        head.extend_from_slice(b"\r\n");
    }
    head.extend_from_slice(b"\r\n");
    Ok(head)
}

/// `text` as Node writes header values and paths: one byte per character (characters beyond
/// Latin-1 keep their low byte).
pub fn latin1(text: &str) -> Vec<u8> {
    text.chars().map(|c| (u32::from(c) & 0xff) as u8).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn additions() -> Additions {
        Additions {
            host: "h:8".into(),
            ..Additions::default()
        }
    }

    #[test]
    fn request_host_is_sent_as_listed_or_not_at_all() {
        let listed = pairs(&[("User-Agent", "u"), ("Host", "h:8")]);
        assert_eq!(wire_headers("GET", &listed, None, &additions()), listed);
        assert!(wire_headers("GET", &[], None, &additions()).is_empty());
    }

    #[test]
    fn request_cookie_credentials_and_length_fill_gaps_only() {
        let with = Additions {
            credentials: Some(("user".into(), Some("pa ss".into()))),
            cookie: Some("a=1".into()),
            ..additions()
        };
        let headers = wire_headers("POST", &[], Some(b"body"), &with);
        assert_eq!(
            headers,
            pairs(&[
                ("Authorization", "Basic dXNlcjpwYSBzcw=="),
                ("Cookie", "a=1"),
                ("Content-Length", "4"),
            ])
        );
        let listed = pairs(&[
            ("Authorization", "Bearer x"),
            ("cookie", "b=2"),
            ("Content-Length", "4"),
        ]);
        let headers = wire_headers("POST", &listed, Some(b"body"), &with);
        assert_eq!(headers, listed);
        let headers = wire_headers("GET", &[], Some(b""), &additions());
        assert!(
            headers.is_empty(),
            "no Content-Length for an empty GET body"
        );
    }

    #[test]
    fn request_head_is_written_as_given() {
        let head = request_head("GET", "/a<b>?q=\"%\"", &pairs(&[("x-Mixed", "v")]));
        assert_eq!(
            head.ok().as_deref(),
            Some(&b"GET /a<b>?q=\"%\" HTTP/1.1\r\nx-Mixed: v\r\n\r\n"[..])
        );
    }

    #[test]
    fn request_head_refuses_what_would_break_the_message() {
        let smuggle = request_head("GET", "/", &pairs(&[("X", "a\r\nEvil: 1")]));
        assert_eq!(
            smuggle.map_err(|e| e.message),
            Err("invalid value for header \"X\"".to_string())
        );
        assert!(request_head("GET", "/", &pairs(&[("Bad Name", "v")])).is_err());
        assert!(request_head("GE T", "/", &[]).is_err());
        assert!(request_head("GET", "/a b", &[]).is_err());
        assert_eq!(
            request_head("GET", "/é", &pairs(&[("X", "café")]))
                .ok()
                .as_deref(),
            Some(&b"GET /\xe9 HTTP/1.1\r\nX: caf\xe9\r\n\r\n"[..]),
            "Latin-1 as single bytes"
        );
    }
}
