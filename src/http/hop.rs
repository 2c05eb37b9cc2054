//! One hop on the wire, the end of the client's chain (see [`super::layer`]): the jar's cookies
//! added, the request sent through the raw sender ([`super::raw`]: written as listed, the head
//! read as received, keep-alive connections reused) or, for an NTLM handshake, through the
//! HTTP stack's single-connection client (reqwest), the body read in full and decoded
//! ([`super::decode`]), `Set-Cookie` stored.

use super::cookies::CookieJar;
use super::decode::decode_response_body;
use super::layer::{Exchange, Sender};
use super::message::{HttpError, HttpRequest, HttpResponse};
use super::raw::RawSender;
use super::raw::request::latin1;
use super::raw::target::needs_raw;
use super::redirect::SendOptions;
use super::response_body::{BodySink, body_error};
use super::timings::{HopMarks, on_pooled_path};
use super::tls::{Tls, TlsKey};
use super::transport_error::describe;
use crate::http::HttpErrorKind;
use futures_util::future::LocalBoxFuture;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use std::cell::RefCell;
use std::time::Instant;

/// Sends one hop of a request: what stays the same over its redirects.
pub(super) struct Hop<'a> {
    /// The pooled client for the request's TLS configuration.
    pub client: &'a reqwest::Client,
    /// The run's cookie jar.
    pub jar: &'a CookieJar,
    /// The run's TLS configurations (the raw sender takes one).
    pub tls: &'a Tls,
    /// The configuration the first URL picked, kept over redirects.
    pub tls_key: TlsKey,
    /// Sends requests whose URL must go out as written.
    pub raw: &'a RawSender,
    /// How to send.
    pub options: &'a SendOptions,
    /// The client keeps one connection (the NTLM handshake).
    pub single_connection: bool,
    /// `--max-response-size`.
    pub max_response_size: Option<u64>,
    /// The user's own `Cookie` header: the jar's cookies are appended to it.
    pub own_cookie: Option<String>,
    /// The URL of the hop before (cookies are carried over on the same host only).
    pub previous_url: RefCell<Option<reqwest::Url>>,
}

impl Sender for Hop<'_> {
    fn send<'a>(&'a self, request: HttpRequest) -> LocalBoxFuture<'a, Exchange> {
        Box::pin(async move {
            let mut request = request;
            let url = reqwest::Url::parse(&request.url);
            let mut hop = HopMarks::start(request.url.starts_with("https:"));
            let result = self.send_hop(&mut request, &url, &mut hop).await;
            self.previous_url.replace(url.ok());
            Exchange {
                request,
                result,
                hop: Some(hop),
            }
        })
    }
}

impl Hop<'_> {
    /// Send `request` (whose URL parses to `url`) once, cookies added and stored.
    async fn send_hop(
        &self,
        request: &mut HttpRequest,
        url: &Result<reqwest::Url, url::ParseError>,
        hop: &mut HopMarks,
    ) -> Result<HttpResponse, HttpError> {
        let cookies = !self.options.disable_cookies;
        list_content_length(request);
        if cookies && let Ok(target) = url {
            let same_host = self
                .previous_url
                .borrow()
                .as_ref()
                .is_none_or(|p| same_origin_host(p, target));
            add_cookies(
                request,
                self.jar,
                target,
                self.own_cookie.as_deref(),
                same_host,
            );
        }
        // Every request goes out through the raw sender (names and values as listed, the
        // response head kept as received, keep-alive connections reused), but for an NTLM
        // handshake, whose connection is its own (the HTTP stack's single-connection client).
        let raw = !self.single_connection
            || (self.options.disable_url_encoding && needs_raw(&request.url));
        let response = if raw {
            // Cookies were added above and are stored below, as for the HTTP stack.
            let config = self.tls.config(self.tls_key)?;
            self.raw.send(request, config, None, hop).await?
        } else {
            let url = url.as_ref().map_err(|e| {
                HttpError::new(
                    HttpErrorKind::Invalid,
                    format!("Invalid URI \"{}\": {e}", request.url),
                )
            })?;
            let limit = self.max_response_size;
            send_once(self.client, request, url.clone(), limit, hop).await?
        };
        if cookies && let Ok(target) = url {
            let set = response
                .headers
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                .map(|(_, v)| v.as_str());
            self.jar.store_set_cookie(set, target);
        }
        Ok(response)
    }
}

/// Set the `Cookie` header of one hop as Newman's HTTP client does: the user's own header with
/// the jar's cookies for `url` appended, or the jar's cookies alone (listed after the request's
/// other headers). When the jar has nothing for `url`,
/// the previous hop's header stays as it was -- on the same host only: postie does not carry
/// cookies over to another host, where Newman would.
fn add_cookies(
    request: &mut HttpRequest,
    jar: &CookieJar,
    url: &reqwest::Url,
    own: Option<&str>,
    same_host: bool,
) {
    let value = match (jar.header_for(url), own) {
        (Some(cookies), Some(own)) => format!("{own}; {cookies}"),
        (Some(cookies), None) => cookies,
        (None, _) if same_host => return,
        (None, Some(own)) => own.to_string(),
        (None, None) => {
            request
                .headers
                .retain(|(k, _)| !k.eq_ignore_ascii_case("cookie"));
            return;
        }
    };
    if let Some(slot) = request
        .headers
        .iter_mut()
        .find(|(k, _)| k.eq_ignore_ascii_case("cookie"))
    {
        slot.1 = value;
        return;
    }
    // A new header goes last (after a redirect's `Referer`); an existing one keeps its place.
    request.headers.push(("Cookie".to_string(), value));
}

/// Where a header goes to be listed before the `Referer` a redirect added (at the end without).
fn before_referer(request: &HttpRequest) -> usize {
    request
        .headers
        .iter()
        .position(|(k, _)| k.eq_ignore_ascii_case("referer"))
        .unwrap_or(request.headers.len())
}

/// List the body's `Content-Length` among the headers (after the others, before a redirect's
/// `Referer`), where Newman's HTTP client sends it; the HTTP stack would put it last.
fn list_content_length(request: &mut HttpRequest) {
    let framed = request.headers.iter().any(|(k, _)| {
        k.eq_ignore_ascii_case("content-length") || k.eq_ignore_ascii_case("transfer-encoding")
    });
    if let Some(body) = &request.body
        && !framed
        && !request.unframed
    {
        let at = before_referer(request);
        request
            .headers
            .insert(at, ("Content-Length".to_string(), body.len().to_string()));
    }
}

/// Same host and port.
fn same_origin_host(a: &reqwest::Url, b: &reqwest::Url) -> bool {
    a.host_str() == b.host_str() && a.port_or_known_default() == b.port_or_known_default()
}

/// One HTTP exchange, no redirects; `url` is `request.url` parsed. The body is read piece by
/// piece (spilled to a temporary file when large), refused beyond `limit` bytes. The moments of
/// the exchange go into `hop`.
async fn send_once(
    client: &reqwest::Client,
    request: &HttpRequest,
    url: reqwest::Url,
    limit: Option<u64>,
    hop: &mut HopMarks,
) -> Result<HttpResponse, HttpError> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|_| {
        HttpError::new(
            HttpErrorKind::Invalid,
            format!("invalid method \"{}\"", request.method),
        )
    })?;
    let headers = header_map(request)?;
    // User info became an `Authorization` header when the request was prepared.
    let mut target = url.clone();
    let _ = target.set_username("");
    let _ = target.set_password(None);
    let mut builder = client.request(method, target).headers(headers);
    if let Some(body) = &request.body {
        builder = builder.body(body.clone());
    }
    let started = Instant::now();
    let mut response = on_pooled_path(hop, builder.send())
        .await
        .map_err(|e| describe(&e, &url))?;
    let status = response.status();
    if response
        .headers()
        .contains_key(reqwest::header::TRANSFER_ENCODING)
        && response
            .headers()
            .contains_key(reqwest::header::CONTENT_LENGTH)
    {
        // Node's parser refuses such a reply (a request-smuggling pattern); hyper takes it.
        return Err(super::raw::error::te_with_content_length());
    }
    let content_encoding = response
        .headers()
        .get(reqwest::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let reason = reason_phrase(&response);
    let headers = response_headers(response.headers());
    let mut sink = BodySink::new(limit);
    while let Some(chunk) = response.chunk().await.map_err(|e| describe(&e, &url))? {
        sink.push(&chunk).map_err(|e| body_error(&e))?;
    }
    hop.end = Some(Instant::now());
    let received = sink.len();
    let body = sink.finish().map_err(|e| body_error(&e))?;
    let body = decode_response_body(body, content_encoding.as_deref(), status.as_u16(), limit)
        .map_err(super::decode::DecodeError::into_http_error)?;
    Ok(HttpResponse::received(
        (status.as_u16(), reason),
        headers,
        body,
        received,
        started,
    ))
}

/// The request's headers for the HTTP stack (values as latin1 bytes); an error naming a bad
/// header name or value, or too many headers.
fn header_map(request: &HttpRequest) -> Result<HeaderMap, HttpError> {
    let mut headers = HeaderMap::new();
    for (name, value) in &request.headers {
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            HttpError::new(
                HttpErrorKind::Invalid,
                format!("invalid header name \"{name}\""),
            )
        })?;
        let value = HeaderValue::from_bytes(&latin1(value)).map_err(|_| {
            HttpError::new(
                HttpErrorKind::Invalid,
                format!("invalid value for header \"{name}\""),
            )
        })?;
        // The HTTP library holds about 24,000 headers per request: more is this request's error,
        // not a crash.
        headers.try_append(name, value).map_err(|_| {
            HttpError::new(
                HttpErrorKind::Invalid,
                format!(
                    "too many headers ({}) for one request",
                    request.headers.len()
                ),
            )
        })?;
    }
    Ok(headers)
}

/// The server's own reason phrase (hyper keeps it when it is not the standard one); an empty
/// phrase falls back to Newman's name for the code.
fn reason_phrase(response: &reqwest::Response) -> String {
    let status = response.status();
    match response.extensions().get::<hyper::ext::ReasonPhrase>() {
        Some(phrase) if !phrase.as_bytes().is_empty() => {
            String::from_utf8_lossy(phrase.as_bytes()).into_owned()
        }
        Some(_) => super::reasons::standard_reason(status.as_u16())
            .unwrap_or_default()
            .to_string(),
        None => status.canonical_reason().unwrap_or_default().to_string(),
    }
}

/// The response headers with names title-cased and values read byte by byte (latin1), as Node
/// reads them.
fn response_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                title_case(k.as_str()),
                v.as_bytes().iter().map(|&b| char::from(b)).collect(),
            )
        })
        .collect()
}

/// A response header name as servers usually write it (`content-type` -> `Content-Type`): the
/// HTTP stack hands names over lower-cased, Newman shows them as received.
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        out.push(if upper { c.to_ascii_uppercase() } else { c });
        upper = c == '-';
    }
    out
}
