//! A small recording HTTP server for the HTTP behaviour tests, on 127.0.0.1 with an ephemeral port.
//!
//! Every request is recorded (method, path with query, headers in received order, body bytes,
//! arrival time) before it is answered. Routes:
//!
//! - `/echo` (any method): 200 with a JSON description of the request;
//! - `/status/{code}`: that status;
//! - `/redirect/{n}`: 302 to `/redirect/{n-1}`, and `/redirect/1` to `/echo`;
//! - `/redirect-to?url=U`: 302 to `U`;
//! - `/cookies/set?k=v&…`: one `Set-Cookie` per pair, then 302 to `/cookies`;
//! - `/cookies`: JSON object of the cookies the request carried;
//! - `/gzip`: a gzip-encoded JSON body ([`GZIP_JSON`]) with `Content-Encoding: gzip`;
//! - `/delay/{ms}`: waits, then answers like `/echo`.

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// The decoded body `/gzip` sends.
pub const GZIP_JSON: &str = r#"{"gzipped":true,"message":"hello from the echo server"}"#;

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Method as received, e.g. `PURGEX`.
    pub method: String,
    /// Path with the query, e.g. `/echo?a=1`.
    pub path: String,
    /// Headers in received order (names lower-case).
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// When the request was received.
    pub at: Instant,
    /// The client's address (one per TCP connection).
    pub peer: Option<SocketAddr>,
}

impl Recorded {
    /// The only value of header `name` (case-insensitive); panics if it was sent twice.
    pub fn header(&self, name: &str) -> Option<&str> {
        let all = self.all(name);
        assert!(
            all.len() <= 1,
            "header {name} sent {} times: {:?}",
            all.len(),
            self.headers
        );
        all.first().copied()
    }

    /// Every value of header `name` (case-insensitive), in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The path without the query.
    pub fn route(&self) -> &str {
        self.path.split('?').next().unwrap_or("")
    }

    /// The body as UTF-8 text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

type Log = Arc<Mutex<Vec<Recorded>>>;

/// A running echo server; dropping it stops the server (in-flight requests are abandoned).
pub struct Echo {
    addr: SocketAddr,
    log: Log,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Echo {
    /// Bind 127.0.0.1:0 and serve on a background thread; returns once the socket is listening.
    pub fn start() -> Echo {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap_or_else(|e| panic!("echo: bind: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("echo: local_addr: {e}"));
        listener
            .set_nonblocking(true)
            .unwrap_or_else(|e| panic!("echo: set_nonblocking: {e}"));
        let log = Log::default();
        let app = Router::new().fallback(handle).with_state(log.clone());
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("echo-{}", addr.port()))
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap_or_else(|e| panic!("echo: runtime: {e}"));
                runtime.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .unwrap_or_else(|e| panic!("echo: listener: {e}"));
                    tokio::select! {
                        served = axum::serve(
                            listener,
                            app.into_make_service_with_connect_info::<SocketAddr>(),
                        ) => {
                            if let Err(e) = served {
                                eprintln!("echo: serve: {e}");
                            }
                        }
                        _ = stop_rx => {}
                    }
                });
                // Dropping the runtime here cancels in-flight handlers such as `/delay`.
            })
            .unwrap_or_else(|e| panic!("echo: thread: {e}"));
        Echo {
            addr,
            log,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Echo {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn handle(State(log): State<Log>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 4 * 1024 * 1024)
        .await
        .map(|b| b.to_vec())
        .unwrap_or_default();
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| parts.uri.path().to_string());
    let recorded = Recorded {
        method: parts.method.as_str().to_string(),
        path,
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        at: Instant::now(),
        peer: parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0),
    };
    log.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(recorded.clone());
    route(&recorded).await
}

async fn route(r: &Recorded) -> Response {
    let route = r.route();
    let query = r.path.split_once('?').map_or("", |(_, q)| q);
    let segments: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["echo"] => json(StatusCode::OK, &describe(r)),
        ["status", code] => {
            let status = code
                .parse::<u16>()
                .ok()
                .and_then(|c| StatusCode::from_u16(c).ok())
                .unwrap_or(StatusCode::BAD_REQUEST);
            json(status, &serde_json::json!({ "status": status.as_u16() }))
        }
        ["redirect", n] => match n.parse::<u32>() {
            Ok(n) if n > 1 => redirect(&format!("/redirect/{}", n - 1)),
            Ok(_) => redirect("/echo"),
            Err(_) => json(StatusCode::BAD_REQUEST, &serde_json::json!({})),
        },
        ["redirect-to"] => match pairs(query).into_iter().find(|(k, _)| k == "url") {
            Some((_, url)) => redirect(&url),
            None => json(StatusCode::BAD_REQUEST, &serde_json::json!({})),
        },
        ["cookies", "set"] => {
            let mut response = redirect("/cookies");
            for (k, v) in pairs(query) {
                if let Ok(value) = HeaderValue::from_str(&format!("{k}={v}; Path=/")) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
            response
        }
        ["cookies"] => {
            let mut cookies = serde_json::Map::new();
            for line in r.all("cookie") {
                for pair in line.split(';') {
                    if let Some((k, v)) = pair.trim().split_once('=') {
                        cookies.insert(k.to_string(), v.into());
                    }
                }
            }
            json(StatusCode::OK, &serde_json::Value::Object(cookies))
        }
        ["gzip"] => {
            let mut response = Response::new(Body::from(gzip_stored(GZIP_JSON.as_bytes())));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            response
        }
        ["delay", ms] => {
            let ms = ms.parse::<u64>().unwrap_or(0);
            tokio::time::sleep(Duration::from_millis(ms)).await;
            json(StatusCode::OK, &describe(r))
        }
        _ => json(
            StatusCode::NOT_FOUND,
            &serde_json::json!({ "error": "no such route" }),
        ),
    }
}

/// The JSON `/echo` answers with.
fn describe(r: &Recorded) -> serde_json::Value {
    serde_json::json!({
        "method": r.method,
        "path": r.path,
        "headers": r.headers.iter().map(|(k, v)| [k, v]).collect::<Vec<_>>(),
        "body": r.text(),
    })
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut response = Response::new(Body::from(value.to_string()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn redirect(location: &str) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::FOUND;
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// `a=1&b=x%20y` as decoded pairs (`+` is a space).
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A gzip member holding `data` in stored (uncompressed) deflate blocks (RFC 1951 §3.2.4,
/// RFC 1952).
pub fn gzip_stored(data: &[u8]) -> Vec<u8> {
    // Magic, CM=deflate, no flags, no mtime, no extra flags, OS unknown.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let mut chunks = data.chunks(u16::MAX as usize).peekable();
    if chunks.peek().is_none() {
        // One final empty stored block.
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        out.push(u8::from(last));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[test]
fn echo_crc32_matches_known_value() {
    // The standard check value for CRC-32/ISO-HDLC.
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn echo_percent_decode_handles_escapes() {
    assert_eq!(percent_decode("a%20b+c%2Fd%zz%4"), "a b c/d%zz%4");
}

#[test]
fn echo_gzip_is_valid_for_a_gzip_reader() {
    // Guards the server itself: the same bytes reqwest decodes must be a proper gzip member.
    let data = gzip_stored(GZIP_JSON.as_bytes());
    assert_eq!(&data[..3], &[0x1f, 0x8b, 8]);
    assert_eq!(data.len(), 10 + 5 + GZIP_JSON.len() + 8);
    let len = u32::from_le_bytes([
        data[data.len() - 4],
        data[data.len() - 3],
        data[data.len() - 2],
        data[data.len() - 1],
    ]);
    assert_eq!(len as usize, GZIP_JSON.len());
}
