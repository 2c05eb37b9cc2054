//! The raw sender, which sends every request but an NTLM handshake's: HTTP/1.1 exchanges whose
//! request-target is the URL's path and query as the user wrote them, header names and values
//! as listed, and whose response head is kept as received (names in their case and order, as
//! Node gives them to Newman's scripts).
//!
//! A general HTTP stack cannot do this: `http::Uri` (under hyper and reqwest) refuses `"`, `<`,
//! `>`, `` ` `` and others, `url::Url` percent-encodes them, and hyper lower-cases and groups
//! response header names. Host, port and user info still come from `url::Url`; headers are sent
//! as listed (see [`request`]); the run's cookie jar is read and written as the normal path
//! does; TLS ([`tls`]) and proxies ([`proxy`]) behave as there. A connection whose response
//! ended by its framing and which the server keeps open is kept for the next request to the
//! same place ([`pool`]), as Node's keep-alive agent does.

pub(crate) mod error;
pub(crate) mod pool;
pub(crate) mod proxy;
pub(crate) mod request;
pub mod response;
pub mod target;

use super::cookies::CookieJar;
use super::decode::decode_response_body;
use super::message::{HttpError, HttpRequest, HttpResponse};
use super::timings::HopMarks;
use super::tls;
use crate::http::HttpErrorKind;
use hyper_util::client::proxy::matcher::Matcher;
use request::Additions;
use response::{RawResponse, ResponseReader};
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::ClientConfig;

/// Sends requests as written; cheap to create.
#[derive(Default)]
pub struct RawSender {
    /// The proxy settings from the environment, read on first use.
    proxies: OnceLock<Matcher>,
    /// `--max-response-size`, received and decoded.
    limit: Option<u64>,
    /// Idle keep-alive connections.
    pool: pool::Pool,
}

impl RawSender {
    /// A sender refusing bodies larger than `limit` bytes (`None`: any size).
    pub fn with_limit(limit: Option<u64>) -> Self {
        RawSender {
            limit,
            ..RawSender::default()
        }
    }

    /// Send `request` (no redirects) with its target as written and read the whole response;
    /// HTTPS with the configuration `tls`. Cookies come from and go to `jar` unless it is `None`
    /// (`disableCookies`). Each step (lookup, connect, TLS, head, body) is marked in `hop`.
    pub async fn send(
        &self,
        request: &HttpRequest,
        tls: Arc<ClientConfig>,
        jar: Option<&CookieJar>,
        hop: &mut HopMarks,
    ) -> Result<HttpResponse, HttpError> {
        let started = Instant::now();
        let (url, target, https) = parse_url(request)?;
        let (Some(host), Some(authority)) = (url.host(), super::default_host(&url)) else {
            return Err(HttpError::new(
                HttpErrorKind::Invalid,
                format!("Invalid URI \"{}\"", request.url),
            ));
        };
        let host_text = url.host_str().unwrap_or_default();
        let port = url
            .port_or_known_default()
            .unwrap_or(if https { 443 } else { 80 });
        let route = proxy::route(self.proxies.get_or_init(Matcher::from_system), &url)?;

        let plain_proxy = route.as_ref().filter(|_| !https);
        let message = wire_message(request, &url, target, authority, plain_proxy, jar)?;

        let key = pool::Key {
            https,
            host: host_text.to_string(),
            port,
            proxy: route.as_ref().map(|r| (r.host.clone(), r.port)),
            tls: if https { Arc::as_ptr(&tls) as usize } else { 0 },
        };
        let keep = !request
            .header("connection")
            .is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")));
        let peer = match &route {
            Some(route) if !https => (route.host.as_str(), route.port),
            _ => (host_text, port),
        };
        // A kept connection that is still open first (the pool drops those the server closed
        // while they were idle), else a new one. A request is sent once: a connection closed
        // without an answer is the request's error, as with Node's agent.
        let conn = match self.pool.take(&key) {
            Some(conn) => conn,
            None => {
                let tls = https.then_some(tls);
                open(route.as_ref(), (&host, host_text), port, tls, hop).await?
            }
        };
        let (raw, conn) = exchange(conn, &message, &request.method, peer, self.limit, hop).await?;
        if let Some(conn) = conn.filter(|_| keep) {
            self.pool.put(key, conn);
        }
        into_response(raw, &url, jar, started, self.limit)
    }
}

/// The request's URL, its request-target as written, and whether it is HTTPS; an error for an
/// unparsable URL or a scheme other than `http` and `https`.
fn parse_url(request: &HttpRequest) -> Result<(url::Url, String, bool), HttpError> {
    let url = url::Url::parse(&request.url).map_err(|e| {
        HttpError::new(
            HttpErrorKind::Invalid,
            format!("Invalid URI \"{}\": {e}", request.url),
        )
    })?;
    let target = target::raw_target(&request.url).ok_or_else(|| {
        HttpError::new(
            HttpErrorKind::Invalid,
            format!("Invalid URI \"{}\"", request.url),
        )
    })?;
    let https = match url.scheme() {
        "http" => false,
        "https" => true,
        other => {
            return Err(HttpError::new(
                HttpErrorKind::Invalid,
                format!("Invalid protocol: {other}:"),
            ));
        }
    };
    Ok((url, target, https))
}

/// The request as sent: head (with `Host`, credentials, the jar's cookies unless the request
/// sets `Cookie`, and a plain-HTTP proxy's absolute target and authorization) and body.
fn wire_message(
    request: &HttpRequest,
    url: &url::Url,
    target: String,
    authority: String,
    plain_proxy: Option<&proxy::Route>,
    jar: Option<&CookieJar>,
) -> Result<Vec<u8>, HttpError> {
    let cookie = match jar {
        Some(jar) if request.header("cookie").is_none() => jar.header_for(url),
        _ => None,
    };
    let line_target = match plain_proxy {
        Some(_) => format!("http://{authority}{target}"),
        None => target,
    };
    let additions = Additions {
        host: authority,
        credentials: credentials(url),
        cookie,
        proxy_authorization: plain_proxy.and_then(|r| r.authorization.clone()),
    };
    // An unframed body gets no Content-Length (`wire_headers` frames only the body it sees).
    let framed_body = request.body.as_deref().filter(|_| !request.unframed);
    let headers = request::wire_headers(&request.method, &request.headers, framed_body, &additions);
    let (line_target, headers) = if request.utf8_head {
        (utf8_as_bytes(&line_target), utf8_headers(headers))
    } else {
        (line_target, headers)
    };
    let mut message = request::request_head(&request.method, &line_target, &headers)?;
    message.extend_from_slice(request.body.as_deref().unwrap_or_default());
    Ok(message)
}

/// A new connection to `host:port` (`host` also as the URL writes it) (or to the proxy in `route`); with `tls` (HTTPS) tunnelled
/// through the proxy and TLS-wrapped. Socket, connect and secure-connect times go in `hop`.
async fn open(
    route: Option<&proxy::Route>,
    (host, host_text): (&url::Host<&str>, &str),
    port: u16,
    tls: Option<Arc<ClientConfig>>,
    hop: &mut HopMarks,
) -> Result<pool::Conn, HttpError> {
    hop.socket = Some(Instant::now());
    let stream = match route {
        Some(route) => connect(&route.host, route.port, hop).await?,
        None => connect(host_text, port, hop).await?,
    };
    let Some(tls) = tls else {
        hop.connect = Some(Instant::now());
        let probe = socket2::SockRef::from(&stream).try_clone().ok();
        return Ok(pool::Conn::with_probe(Box::new(stream), probe));
    };
    let probe = socket2::SockRef::from(&stream).try_clone().ok();
    let stream = match route {
        Some(route) => proxy::tunnel(stream, &format!("{host_text}:{port}"), route).await?,
        None => stream,
    };
    // Through a proxy, TCP is "connected" once the tunnel is.
    hop.connect = Some(Instant::now());
    let connector = TlsConnector::from(tls);
    let stream = connector
        .connect(tls::server_name(host)?, stream)
        .await
        .map_err(|e| error::from_io(&e, host_text, port))?;
    hop.secure_connect = Some(Instant::now());
    Ok(pool::Conn::with_probe(Box::new(stream), probe))
}

/// A TCP connection to `host:port`, trying each address it resolves to in turn; the end of the
/// lookup of a host name (not of an IP address) is marked in `hop`.
async fn connect(host: &str, port: u16, hop: &mut HopMarks) -> Result<TcpStream, HttpError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addresses: Vec<std::net::SocketAddr> = match tokio::net::lookup_host((bare, port)).await {
        Ok(found) => found.collect(),
        Err(_) => Vec::new(),
    };
    if bare.parse::<std::net::IpAddr>().is_err() {
        hop.lookup = Some(Instant::now());
    }
    if addresses.is_empty() {
        return Err(HttpError::new(
            HttpErrorKind::Dns,
            format!("getaddrinfo ENOTFOUND {host}"),
        ));
    }
    let mut last = None;
    for address in addresses {
        match TcpStream::connect(address).await {
            Ok(stream) => {
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    let last = last.unwrap_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound));
    Err(error::from_io(&last, host, port))
}

/// Write `message`, read the response to `method`; I/O errors name `peer`. When the head and
/// the body's end arrived is marked in `hop`. The stream comes back when it may carry another
/// request.
async fn exchange(
    conn: pool::Conn,
    message: &[u8],
    method: &str,
    peer: (&str, u16),
    limit: Option<u64>,
    hop: &mut HopMarks,
) -> Result<(RawResponse, Option<pool::Conn>), HttpError> {
    let (mut stream, probe) = conn.into_parts();
    let io = |e: std::io::Error| error::from_io(&e, peer.0, peer.1);
    stream.write_all(message).await.map_err(io)?;
    stream.flush().await.map_err(io)?;
    let mut reader = ResponseReader::new(stream).with_limit(limit);
    let response = reader.read_response(method).await?;
    hop.response = reader.head_at();
    hop.end = Some(Instant::now());
    let reusable = reader.reusable();
    let conn = reusable.then(|| pool::Conn::with_probe(reader.into_inner(), probe));
    Ok((response, conn))
}

/// The user info of `url`, percent-decoded, as the normal path turns it into `Basic` auth.
fn credentials(url: &url::Url) -> Option<(String, Option<String>)> {
    let user = percent_decode(url.username())?;
    let password = url.password().and_then(percent_decode);
    (!user.is_empty() || password.is_some()).then_some((user, password))
}

/// `%XX` sequences decoded (invalid ones kept); `None` when the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    String::from_utf8(crate::http::url_encode::percent_decode_bytes(text)).ok()
}

/// The response as the rest of postie sees it: names lower-cased, cookies stored, body decoded
/// (a body that is not in its `Content-Encoding` is the request's error).
fn into_response(
    raw: RawResponse,
    url: &url::Url,
    jar: Option<&CookieJar>,
    started: Instant,
    limit: Option<u64>,
) -> Result<HttpResponse, HttpError> {
    let head = raw.head;
    if let Some(jar) = jar {
        // As the normal path: only values that are visible ASCII are cookies.
        let values: Vec<&str> = head
            .values("set-cookie")
            .filter(|v| v.iter().all(|&b| b == b'\t' || (b' '..0x7f).contains(&b)))
            .filter_map(|v| std::str::from_utf8(v).ok())
            .collect();
        jar.store_set_cookie(values, url);
    }
    let content_encoding = head
        .values("content-encoding")
        .next()
        .map(|v| String::from_utf8_lossy(v).into_owned());
    let reason = if head.reason.is_empty() {
        super::reasons::standard_reason(head.status)
            .unwrap_or_default()
            .to_string()
    } else {
        head.reason.clone()
    };
    // Names as received, as Newman shows them; values read byte by byte (latin1), as Node does.
    let headers = head
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().map(|&b| char::from(b)).collect()))
        .collect();
    let received = raw.body.len();
    let body = decode_response_body(raw.body, content_encoding.as_deref(), head.status, limit)
        .map_err(super::decode::DecodeError::into_http_error)?;
    Ok(HttpResponse::received(
        (head.status, reason),
        headers,
        body,
        received,
        started,
    ))
}

/// `text` with each UTF-8 byte as one character, so that writing it one byte per character
/// (as [`request::request_head`] does) sends its UTF-8 encoding.
fn utf8_as_bytes(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// Header values as [`utf8_as_bytes`] turns them (a head Node writes as UTF-8).
fn utf8_headers(headers: Vec<(String, String)>) -> Vec<(String, String)> {
    headers
        .into_iter()
        .map(|(k, v)| (k, utf8_as_bytes(&v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_credentials_are_percent_decoded() {
        let url = url::Url::parse("http://us%20er:p%3Aw@h/").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            credentials(&url),
            Some(("us er".to_string(), Some("p:w".to_string())))
        );
        let none = url::Url::parse("http://h/").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(credentials(&none), None);
        assert_eq!(percent_decode("100%").as_deref(), Some("100%"));
        assert_eq!(percent_decode("%zz%4").as_deref(), Some("%zz%4"));
    }

    #[test]
    fn raw_response_keeps_server_reason_or_uses_the_canonical_one() {
        let raw = |reason: &str| RawResponse {
            head: response::Head {
                status: 404,
                reason: reason.into(),
                headers: vec![("X-Mixed".into(), b"v".to_vec())],
                minor_version: 1,
            },
            body: Default::default(),
        };
        let url = url::Url::parse("http://h/").unwrap_or_else(|e| panic!("{e}"));
        let r = into_response(raw("Gone Fishing"), &url, None, Instant::now(), None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.reason, "Gone Fishing");
        assert_eq!(r.headers, [("X-Mixed".to_string(), "v".to_string())]);
        let r = into_response(raw(""), &url, None, Instant::now(), None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.reason, "Not Found");
    }

    #[tokio::test]
    async fn raw_connect_errors_use_newman_wording() {
        let refused = {
            let listener =
                std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
            listener
                .local_addr()
                .unwrap_or_else(|e| panic!("addr: {e}"))
                .port()
        };
        let mut hop = HopMarks::start(false);
        let error = connect("127.0.0.1", refused, &mut hop)
            .await
            .err()
            .map(|e| e.message);
        assert_eq!(
            error,
            Some(format!("connect ECONNREFUSED 127.0.0.1:{refused}"))
        );
        let error = connect("no-such-host.invalid", 80, &mut hop)
            .await
            .err()
            .map(|e| e.message);
        assert_eq!(
            error.as_deref(),
            Some("getaddrinfo ENOTFOUND no-such-host.invalid")
        );
    }
}
