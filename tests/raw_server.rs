//! A bare HTTP/1.1 server for the `disableUrlEncoding` tests, on 127.0.0.1 with an ephemeral
//! port: it records every request head byte for byte (request line included, which the echo
//! server's HTTP stack would refuse or normalise) and answers with bytes the test chooses, then
//! closes the connection.
//!
//! Three kinds: plain, TLS (the self-signed certificate in `tests/tls/` for `localhost`,
//! `127.0.0.1` and `example.invalid`, made with openssl for these tests, valid until 2126) and an
//! HTTP proxy (plain requests answered directly; `CONNECT` answered with 200, then TLS inside the
//! tunnel).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio_rustls::rustls;

/// One request as received.
#[derive(Debug, Clone)]
pub struct Received {
    /// The head: request line and header fields, up to the empty line, exactly as received.
    pub head: Vec<u8>,
    /// The body (by `Content-Length`).
    pub body: Vec<u8>,
}

impl Received {
    /// The request line without its CRLF (lossy UTF-8).
    pub fn line(&self) -> String {
        let text = String::from_utf8_lossy(&self.head);
        text.split("\r\n").next().unwrap_or_default().to_string()
    }

    /// Every value of header `name` (case-insensitive), in order.
    pub fn header(&self, name: &str) -> Vec<String> {
        String::from_utf8_lossy(&self.head)
            .split("\r\n")
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }
}

/// What the server sends back for a request.
type Answer = dyn Fn(&Received) -> Vec<u8> + Send + Sync;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    Tls,
    Proxy,
}

/// A running server; dropping it stops it.
pub struct RawServer {
    port: u16,
    log: Arc<Mutex<Vec<Received>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl RawServer {
    /// A plain HTTP server answering with `answer`.
    pub fn start(answer: impl Fn(&Received) -> Vec<u8> + Send + Sync + 'static) -> RawServer {
        Self::spawn(Kind::Plain, Arc::new(answer))
    }

    /// An HTTPS server (self-signed certificate) answering with `answer`.
    pub fn start_tls(answer: impl Fn(&Received) -> Vec<u8> + Send + Sync + 'static) -> RawServer {
        Self::spawn(Kind::Tls, Arc::new(answer))
    }

    /// An HTTP proxy: records the `CONNECT` or absolute-form request, then the request inside a
    /// tunnel, and answers every non-`CONNECT` request with `answer`.
    pub fn start_proxy(answer: impl Fn(&Received) -> Vec<u8> + Send + Sync + 'static) -> RawServer {
        Self::spawn(Kind::Proxy, Arc::new(answer))
    }

    fn spawn(kind: Kind, answer: Arc<Answer>) -> RawServer {
        let listener =
            TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("raw server: bind: {e}"));
        let port = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("raw server: addr: {e}"))
            .port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let tls = Arc::new(tls_config());
        let thread = {
            let (log, stop) = (log.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                    let _ = serve(kind, stream, &tls, &log, answer.as_ref());
                }
            })
        };
        RawServer {
            port,
            log,
            stop,
            thread: Some(thread),
        }
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every request received so far, in order (a `CONNECT` and the request inside its tunnel
    /// are two entries).
    pub fn requests(&self) -> Vec<Received> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The request lines received so far.
    pub fn lines(&self) -> Vec<String> {
        self.requests().iter().map(Received::line).collect()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// One connection: one request (two through a tunnel), one answer, close.
fn serve(
    kind: Kind,
    mut stream: TcpStream,
    tls: &Arc<rustls::ServerConfig>,
    log: &Mutex<Vec<Received>>,
    answer: &Answer,
) -> std::io::Result<()> {
    let record = |r: &Received| {
        log.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(r.clone())
    };
    match kind {
        Kind::Plain => exchange(&mut stream, &record, answer),
        Kind::Tls => exchange(&mut over_tls(stream, tls)?, &record, answer),
        Kind::Proxy => {
            let first = read_request(&mut stream)?;
            record(&first);
            if !first.line().starts_with("CONNECT ") {
                stream.write_all(&answer(&first))?;
                return stream.flush();
            }
            stream.write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")?;
            stream.flush()?;
            exchange(&mut over_tls(stream, tls)?, &record, answer)
        }
    }
}

fn exchange(
    stream: &mut (impl Read + Write),
    record: &dyn Fn(&Received),
    answer: &Answer,
) -> std::io::Result<()> {
    let request = read_request(stream)?;
    record(&request);
    stream.write_all(&answer(&request))?;
    stream.flush()
}

fn over_tls(
    stream: TcpStream,
    config: &Arc<rustls::ServerConfig>,
) -> std::io::Result<rustls::StreamOwned<rustls::ServerConnection, TcpStream>> {
    let connection =
        rustls::ServerConnection::new(config.clone()).map_err(std::io::Error::other)?;
    Ok(rustls::StreamOwned::new(connection, stream))
}

/// Read a head up to the empty line, then `Content-Length` body bytes.
fn read_request(stream: &mut impl Read) -> std::io::Result<Received> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
    }
    head.truncate(head.len() - 4);
    let mut received = Received {
        head,
        body: Vec::new(),
    };
    let length: usize = received
        .header("content-length")
        .first()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    received.body = vec![0; length];
    stream.read_exact(&mut received.body)?;
    Ok(received)
}

fn tls_config() -> rustls::ServerConfig {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| {
        std::fs::read(format!("{root}/tests/tls/{name}"))
            .unwrap_or_else(|e| panic!("tests/tls/{name}: {e}"))
    };
    let cert = rustls::pki_types::CertificateDer::from(read("cert.der"));
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(read("key.der").into());
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_no_client_auth().with_single_cert(vec![cert], key))
        .unwrap_or_else(|e| panic!("raw server: TLS config: {e}"))
}

/// A `200 OK` with `body` as text, closing the connection.
pub fn ok(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}
