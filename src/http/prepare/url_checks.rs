//! Checks and small edits of a request's URL and headers as Node would send them: the wire
//! URL and why Node would refuse it, header names and values Node refuses, a URL's user info as
//! `Basic` credentials, the URL as Newman's CLI shows it, and query parameters a signer adds or
//! removes.

use super::super::message::HttpError;
use super::super::url_encode::{href, parse as parse_url, port_error};
use crate::http::HttpErrorKind;

/// The URL as it goes on the wire for the resolved URL text `url` (empty when `url` is blank),
/// and why Newman would not send it.
pub(super) fn wire_url(url: &str, disable_url_encoding: bool) -> (String, Option<HttpError>) {
    if url.trim_start().is_empty() {
        return (String::new(), url_error(url, disable_url_encoding));
    }
    let sent = href(url, disable_url_encoding);
    let error = url_refused(url, &sent);
    (sent, error)
}

/// Why Newman would not send a request to the resolved URL text `url`: it is empty, its port is
/// not a port, or (with `disableUrlEncoding`) its path holds characters Node refuses.
pub(super) fn url_error(url: &str, disable_url_encoding: bool) -> Option<HttpError> {
    if url.trim_start().is_empty() {
        return Some(HttpError::new(
            HttpErrorKind::Invalid,
            "runtime:extensions~request: request url is empty",
        ));
    }
    url_refused(url, &href(url, disable_url_encoding))
}

/// [`url_error`] for a URL that is not blank, `sent` being its wire form.
pub(super) fn url_refused(url: &str, sent: &str) -> Option<HttpError> {
    if let Some(message) = port_error(url) {
        return Some(HttpError::coded(
            HttpErrorKind::Invalid,
            "RangeError",
            "ERR_SOCKET_BAD_PORT",
            message,
        ));
    }
    let target = sent
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("/");
    let target = target.split('#').next().unwrap_or(target);
    if target.chars().any(|c| !('\u{21}'..='\u{ff}').contains(&c)) {
        return Some(HttpError::coded(
            HttpErrorKind::Invalid,
            "TypeError",
            "ERR_UNESCAPED_CHARACTERS",
            "Request path contains unescaped characters",
        ));
    }
    None
}

/// Node's refusal of a method that is not an HTTP token (`{{METHOD}}`, a name with a space),
/// checked before the headers as Node's `ClientRequest` does.
pub(super) fn method_error(method: &str) -> Option<HttpError> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if method.chars().all(token) {
        return None;
    }
    Some(HttpError::coded(
        HttpErrorKind::Invalid,
        "TypeError",
        "ERR_INVALID_HTTP_TOKEN",
        format!("Method must be a valid HTTP token [\"{method}\"]"),
    ))
}

/// The first header Node refuses to send: a name that is not an HTTP token, or a value with a
/// character outside tab, printable ASCII and Latin-1.
pub(super) fn header_error(headers: &[(String, String)]) -> Option<HttpError> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    let value_char =
        |c: char| c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c);
    for (name, value) in headers {
        if name.is_empty() || !name.chars().all(token) {
            return Some(HttpError::coded(
                HttpErrorKind::Invalid,
                "TypeError",
                "ERR_INVALID_HTTP_TOKEN",
                format!("Header name must be a valid HTTP token [\"{name}\"]"),
            ));
        }
        if !value.chars().all(value_char) {
            return Some(HttpError::coded(
                HttpErrorKind::Invalid,
                "TypeError",
                "ERR_INVALID_CHAR",
                format!("Invalid character in header content [\"{name}\"]"),
            ));
        }
    }
    None
}

/// `Basic` credentials from the user info of the sent URL `url` (percent-decoded, as Node's
/// `querystring.unescape`), when it has any.
pub(super) fn url_basic_auth(url: &str) -> Option<String> {
    use base64::Engine as _;
    let (user, password) = parse_url(url).auth?;
    let decode = |s: &str| percent_decode(s);
    let pair = format!(
        "{}:{}",
        decode(&user),
        decode(password.as_deref().unwrap_or_default())
    );
    Some(format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair.as_bytes())
    ))
}

/// The resolved URL text as Newman's CLI shows it (postman-collection's `Url` parsed and printed
/// again): without surrounding blanks, extra slashes after `scheme:` dropped, backslashes before
/// the query read as `/`.
pub(super) fn shown_url(url: &str) -> String {
    let url = url.trim();
    let (head, rest) = match url.find("://") {
        Some(i) => (&url[..i + 3], url[i + 3..].trim_start_matches('/')),
        None => ("", url),
    };
    let split = rest.find(['?', '#']).unwrap_or(rest.len());
    format!(
        "{head}{}{}",
        rest[..split].replace('\\', "/"),
        &rest[split..]
    )
}

/// `%XX` sequences decoded (invalid ones kept); the bytes read as UTF-8, lossily.
pub(super) fn percent_decode(text: &str) -> String {
    String::from_utf8_lossy(&super::super::url_encode::percent_decode_bytes(text)).into_owned()
}

/// Append `name=value` (already encoded by the signer) to the query of `url`, before any
/// `#fragment`.
pub(super) fn add_query_param(url: &mut String, name: &str, value: &str) {
    let hash = url.find('#').unwrap_or(url.len());
    let separator = match url[..hash].find('?') {
        Some(q) if q + 1 == hash || url[..hash].ends_with('&') => "",
        Some(_) => "&",
        None => "?",
    };
    url.insert_str(hash, &format!("{separator}{name}={value}"));
}

/// Remove every query parameter named `name` (compared as written in the URL) from `url`.
pub(super) fn remove_query_param(url: &mut String, name: &str) {
    let hash = url.find('#').unwrap_or(url.len());
    let Some(q) = url[..hash].find('?') else {
        return;
    };
    let query = &url[q + 1..hash];
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| pair.split('=').next() != Some(name))
        .collect();
    if kept.len() == query.split('&').count() {
        return;
    }
    let rebuilt = kept.join("&");
    url.replace_range(q + 1..hash, &rebuilt);
}
