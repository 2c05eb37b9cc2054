//! The single real HTTP client of a run: keep-alive connections, one cookie jar, redirects,
//! TLS verification, timeouts; bodies decoded by [`super::decode`]. Requests that must go out
//! with their URL as written (`disableUrlEncoding`) take [`super::raw`] instead of reqwest.

use super::cookies::CookieJar;
use super::decode::decode_response_body;
use super::message::{HttpError, HttpRequest, HttpResponse};
use super::raw::RawSender;
use super::raw::request::latin1;
use super::raw::target::needs_raw;
use super::redirect::{SendOptions, is_redirect, next_hop};
use super::response_body::{BodySink, body_error};
use super::timings::{HopMarks, Stopwatch, TimedConnectLayer, TimedResolver, on_pooled_path};
use super::tls::{Tls, TlsKey, TlsOptions, TlsProfile};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::redirect::Policy;
use std::collections::HashMap;
use std::error::Error as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How the client behaves for the whole run.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// `-k/--insecure`: accept any TLS certificate.
    pub insecure: bool,
    /// `--timeout-request`: per-request limit.
    pub request_timeout: Option<Duration>,
    /// The jar to use (`--cookie-jar`, or one the caller exports afterwards); a fresh one if
    /// `None`.
    pub cookie_jar: Option<Arc<CookieJar>>,
    /// `--max-response-size`: a body larger than this, as received or decoded, is the
    /// request's error (`None`: no limit).
    pub max_response_size: Option<u64>,
    /// Client certificates and extra CA certificates.
    pub tls: TlsOptions,
}

/// One client per run; cheap to share by reference. Underneath is a reqwest client per TLS
/// configuration (verified or not, which client certificate) × cookies or not, built on first
/// use, sharing one cookie jar; redirects are followed here, hop by hop (see
/// [`super::redirect`]). TLS configurations come from the run's [`Tls`], which reads the
/// system's certificates only when a certificate has to be checked. A request presents the
/// client certificate its first URL picks, on every hop.
pub struct HttpClient {
    jar: Arc<CookieJar>,
    clients: Mutex<HashMap<(TlsKey, bool), reqwest::Client>>,
    tls: Arc<Tls>,
    insecure: bool,
    request_timeout: Option<Duration>,
    /// Keep at most one idle connection per host (see [`HttpClient::single_connection`]).
    single_connection: bool,
    /// `--max-response-size`.
    max_response_size: Option<u64>,
    /// Sends requests whose URL must go out as written.
    raw: Arc<RawSender>,
}

impl HttpClient {
    /// Build the client. Fails only if the TLS backend cannot be initialised.
    pub fn new(options: &ClientOptions) -> Result<Self, HttpError> {
        let client = HttpClient {
            jar: options.cookie_jar.clone().unwrap_or_default(),
            clients: Mutex::default(),
            tls: Arc::new(Tls::new(&options.tls)),
            insecure: options.insecure,
            request_timeout: options.request_timeout,
            single_connection: false,
            max_response_size: options.max_response_size,
            raw: Arc::new(RawSender::with_limit(options.max_response_size)),
        };
        let plain = TlsKey {
            verify: !options.insecure,
            certificate: None,
            profile: TlsProfile::default(),
        };
        client.inner(plain, true)?;
        Ok(client)
    }

    /// A client of its own for a connection-bound exchange (the NTLM handshake): same cookie
    /// jar, TLS and timeout settings, but its own connection pool holding at most one idle
    /// connection per host, which nothing else can borrow. Requests sent one after the other
    /// through it go over one connection as long as the server keeps it open: [`Self::send`]
    /// reads each response to its end and then lets the connection return to the pool before
    /// sending the next request.
    pub fn single_connection(&self) -> HttpClient {
        HttpClient {
            jar: self.jar.clone(),
            clients: Mutex::default(),
            tls: self.tls.clone(),
            insecure: self.insecure,
            request_timeout: self.request_timeout,
            single_connection: true,
            max_response_size: self.max_response_size,
            raw: self.raw.clone(),
        }
    }

    /// The run's cookie jar (shared with the sandbox).
    pub fn cookie_jar(&self) -> &Arc<CookieJar> {
        &self.jar
    }

    fn inner(&self, tls: TlsKey, cookies: bool) -> Result<reqwest::Client, HttpError> {
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(client) = clients.get(&(tls, cookies)) {
            return Ok(client.clone());
        }
        // reqwest's own TLS settings, but the platform verifier is created on first use.
        let mut builder = reqwest::Client::builder()
            .redirect(Policy::none())
            .http1_title_case_headers()
            // Node takes up to 2,000 header fields (hyper's default is 100).
            .http1_max_headers(2000)
            .pool_idle_timeout(Duration::from_secs(30))
            // Both time new connections for `--verbose` (see `super::timings`).
            .dns_resolver(TimedResolver)
            .connector_layer(TimedConnectLayer)
            .tls_backend_preconfigured(self.tls.config(tls)?.as_ref().clone());
        if self.single_connection {
            builder = builder.pool_max_idle_per_host(1);
        }
        // Cookies are added and stored hop by hop in `follow`, as Newman's HTTP client does;
        // `cookies` only keeps the two kinds of client apart.
        let _ = cookies;
        let client = builder
            .build()
            .map_err(|e| HttpError::new(format!("cannot start the HTTP client: {e}")))?;
        clients.insert((tls, cookies), client.clone());
        Ok(client)
    }

    /// Send `request`, following redirects as `options` say, and read the whole final response.
    /// `--timeout-request` covers the whole exchange, redirects included.
    pub async fn send(
        &self,
        request: &HttpRequest,
        options: &SendOptions,
    ) -> Result<HttpResponse, HttpError> {
        let exchange = self.follow(request, options);
        match self.request_timeout {
            Some(limit) => tokio::time::timeout(limit, exchange)
                .await
                .unwrap_or_else(|_| Err(HttpError::new("ESOCKETTIMEDOUT"))),
            None => exchange.await,
        }
    }

    async fn follow(
        &self,
        request: &HttpRequest,
        options: &SendOptions,
    ) -> Result<HttpResponse, HttpError> {
        let mut url = reqwest::Url::parse(&request.url);
        // The client certificate is chosen by the request's own URL and kept over redirects,
        // as Newman does.
        let tls = self.tls.key(
            options.strict_ssl.unwrap_or(!self.insecure),
            url.as_ref().ok(),
            &options.tls,
        )?;
        let client = self.inner(tls, !options.disable_cookies)?;
        if self.single_connection {
            // hyper returns a finished HTTP/1 connection to the pool from a task of its own,
            // woken when the response ends; let it run so this request checks that connection
            // out instead of racing it with a new one.
            tokio::task::yield_now().await;
        }
        let started = Instant::now();
        let watch = Stopwatch::start();
        let mut current = request.clone();
        let mut hops = 0;
        // The user's own `Cookie` header: the jar's cookies are appended to it.
        let own_cookie = request.header("cookie").map(str::to_string);
        let mut previous_url: Option<reqwest::Url> = None;
        loop {
            list_content_length(&mut current);
            if !options.disable_cookies
                && let Ok(target) = &url
            {
                let same_host = previous_url
                    .as_ref()
                    .is_none_or(|p| same_origin_host(p, target));
                add_cookies(
                    &mut current,
                    &self.jar,
                    target,
                    own_cookie.as_deref(),
                    same_host,
                );
            }
            let raw = if self.single_connection {
                options.disable_url_encoding && needs_raw(&current.url)
            } else {
                // The HTTP stack adds `Accept: */*` and `Host` to a request without them.
                needs_raw(&current.url)
                    || names_need_raw(&current.headers)
                    || current.header("accept").is_none()
                    || current.header("host").is_none()
            };
            let mut hop = HopMarks::start(current.url.starts_with("https:"));
            let mut response = if raw {
                // Cookies were added above and are stored below, as for the HTTP stack.
                let config = self.tls.config(tls)?;
                self.raw.send(&current, config, None, &mut hop).await?
            } else {
                let url = url
                    .as_ref()
                    .map_err(|e| HttpError::new(format!("Invalid URI \"{}\": {e}", current.url)))?;
                let limit = self.max_response_size;
                send_once(&client, &current, url.clone(), limit, &mut hop).await?
            };
            if !options.disable_cookies
                && let Ok(target) = &url
            {
                let set = response
                    .headers
                    .iter()
                    .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                    .map(|(_, v)| v.as_str());
                self.jar.store_set_cookie(set, target);
            }
            let location = response.header("location").map(str::to_string);
            match location {
                Some(location) if options.follow_redirects && is_redirect(response.status) => {
                    if hops >= options.max_redirects {
                        return Err(HttpError::new(format!(
                            "Exceeded maxRedirects. Probably stuck in a redirect loop {}",
                            current.url
                        )));
                    }
                    match next_hop(&current, response.status, &location, options) {
                        Some(next) => {
                            previous_url = url.ok();
                            url = reqwest::Url::parse(&next.url);
                            current = next;
                            retarget_host(&mut current, previous_url.as_ref(), url.as_ref().ok());
                            hops += 1;
                        }
                        None => {
                            response.elapsed = started.elapsed();
                            response.timings = Some(watch.finish(&hop));
                            response.sent_cookie = current.header("cookie").map(str::to_string);
                            return Ok(response);
                        }
                    }
                }
                _ => {
                    response.elapsed = started.elapsed();
                    response.timings = Some(watch.finish(&hop));
                    response.sent_cookie = current.header("cookie").map(str::to_string);
                    return Ok(response);
                }
            }
        }
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
    let method = reqwest::Method::from_bytes(request.method.as_bytes())
        .map_err(|_| HttpError::new(format!("invalid method \"{}\"", request.method)))?;
    let mut headers = HeaderMap::new();
    for (name, value) in &request.headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| HttpError::new(format!("invalid header name \"{name}\"")))?;
        let value = HeaderValue::from_bytes(&latin1(value))
            .map_err(|_| HttpError::new(format!("invalid value for header \"{name}\"")))?;
        // The HTTP library holds about 24,000 headers per request: more is this request's error,
        // not a crash.
        headers.try_append(name, value).map_err(|_| {
            HttpError::new(format!(
                "too many headers ({}) for one request",
                request.headers.len()
            ))
        })?;
    }
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
    // The server's own reason phrase (hyper keeps it when it is not the standard one).
    // An empty phrase falls back to Newman's name for the code.
    let reason = match response.extensions().get::<hyper::ext::ReasonPhrase>() {
        Some(phrase) if !phrase.as_bytes().is_empty() => {
            String::from_utf8_lossy(phrase.as_bytes()).into_owned()
        }
        Some(_) => super::reasons::standard_reason(status.as_u16())
            .unwrap_or_default()
            .to_string(),
        None => status.canonical_reason().unwrap_or_default().to_string(),
    };
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| {
            // Node reads header values byte by byte (latin1).
            (
                title_case(k.as_str()),
                v.as_bytes().iter().map(|&b| char::from(b)).collect(),
            )
        })
        .collect();
    let mut sink = BodySink::new(limit);
    while let Some(chunk) = response.chunk().await.map_err(|e| describe(&e, &url))? {
        sink.push(&chunk).map_err(|e| body_error(&e))?;
    }
    hop.end = Some(Instant::now());
    let received = sink.len();
    let body = sink.finish().map_err(|e| body_error(&e))?;
    let body = decode_response_body(body, content_encoding.as_deref(), status.as_u16(), limit)
        .map_err(super::decode::DecodeError::into_http_error)?;
    Ok(HttpResponse {
        status: status.as_u16(),
        reason,
        headers,
        body,
        received,
        elapsed: started.elapsed(),
        timings: None,
        sent_cookie: None,
    })
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

/// After a redirect: the `Host` the runner listed for the first URL (where Newman's header order
/// puts it) now names the redirect's target, in the same place; a different, user-set `Host` is
/// kept as written.
fn retarget_host(
    request: &mut HttpRequest,
    first: Option<&reqwest::Url>,
    next: Option<&reqwest::Url>,
) {
    let listed = first.and_then(default_host);
    let Some(at) = request
        .headers
        .iter()
        .position(|(k, v)| k.eq_ignore_ascii_case("host") && Some(v) == listed.as_ref())
    else {
        return;
    };
    match next.and_then(default_host) {
        Some(host) => request.headers[at].1 = host,
        None => {
            request.headers.remove(at);
        }
    }
}

/// True when a header name would not go out as written through the HTTP stack, which writes
/// names in title case (`x-api-key` → `X-Api-Key`); such requests take the raw sender, which
/// writes them as listed, as Node does.
fn names_need_raw(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(name, _)| {
        let mut upper = true;
        name.chars().any(|c| {
            let expected = if upper {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            upper = c == '-';
            c != expected
        })
    })
}

/// The `Host` header value the HTTP stack sends for `url`: the host, with the port unless it is
/// the scheme's default.
pub fn default_host(url: &reqwest::Url) -> Option<String> {
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

/// Turn a transport error into Newman's wording where one exists.
fn describe(error: &reqwest::Error, url: &reqwest::Url) -> HttpError {
    let host = url.host_str().unwrap_or("");
    let port = url.port_or_known_default().unwrap_or(0);
    if error.is_timeout() {
        return HttpError::new("ESOCKETTIMEDOUT");
    }
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(tls) = super::tls_error::from_error(cause) {
            return tls;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    return HttpError::new(format!(
                        "connect ECONNREFUSED {}:{port}",
                        super::raw::error::connect_address(host, port)
                    ));
                }
                // Node reports a reset as the failed read, wherever the reply was.
                std::io::ErrorKind::ConnectionReset => return HttpError::new("read ECONNRESET"),
                std::io::ErrorKind::TimedOut => return HttpError::new("ETIMEDOUT"),
                _ => {}
            }
        }
        let text = cause.to_string();
        if text.contains("dns error") || text.contains("failed to lookup address") {
            return HttpError::new(format!("getaddrinfo ENOTFOUND {host}"));
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
    HttpError::new(message)
}

/// The error Node's HTTP client reports for what the HTTP stack says went wrong with a reply:
/// a connection closed before or during it, a body cut short, a reply that is not HTTP.
fn node_parse_error(text: &str) -> Option<HttpError> {
    let error = if text.contains("connection closed before message completed") {
        HttpError::coded("Error", "ECONNRESET", "socket hang up")
    } else if text.contains("end of file before message length reached") {
        HttpError::coded("Error", "ECONNRESET", "aborted")
    } else if text.contains("invalid chunk size: overflow") {
        HttpError::coded(
            "Error",
            "HPE_INVALID_CHUNK_SIZE",
            "Parse Error: Chunk size overflow",
        )
    } else if text.contains("Invalid chunk body") {
        HttpError::coded(
            "Error",
            "HPE_STRICT",
            "Parse Error: Expected LF after chunk data",
        )
    } else if text.contains("message head is too large") {
        HttpError::coded(
            "Error",
            "HPE_HEADER_OVERFLOW",
            "Parse Error: Header overflow",
        )
    } else if text.contains("Invalid chunk size") {
        HttpError::coded(
            "Error",
            "HPE_INVALID_CHUNK_SIZE",
            "Parse Error: Invalid character in chunk size",
        )
    } else if text.contains("invalid HTTP version parsed") {
        HttpError::coded(
            "Error",
            "HPE_INVALID_CONSTANT",
            "Parse Error: Expected HTTP/, RTSP/ or ICE/",
        )
    } else if text.contains("invalid HTTP status-code parsed") {
        HttpError::coded(
            "Error",
            "HPE_INVALID_STATUS",
            "Parse Error: Invalid status code",
        )
    } else if text.contains("invalid HTTP header parsed") {
        HttpError::coded(
            "Error",
            "HPE_INVALID_HEADER_TOKEN",
            "Parse Error: Invalid header token",
        )
    } else if text.contains("invalid content-length parsed") {
        HttpError::coded(
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
    fn client_title_case_names_need_no_raw_sender() {
        let h = |n: &str| vec![(n.to_string(), String::new())];
        assert!(!names_need_raw(&h("Content-Type")));
        assert!(!names_need_raw(&h("X-Api-Key")));
        assert!(names_need_raw(&h("x-api-key")));
        assert!(names_need_raw(&h("X-API-Key")));
        assert!(names_need_raw(&h("content-md5")));
    }
}
