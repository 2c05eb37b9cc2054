//! A fault server for the request-failure tests, on 127.0.0.1 with an ephemeral port: every
//! connection it accepts gets the same [`Fault`] — a reset at a chosen byte of a good reply, a
//! reply that never comes or stops after its head, a reply dripped byte by byte, bytes that are
//! not valid HTTP, heads or bodies that are huge or never end, and TLS that goes wrong (plain
//! HTTP or garbage where a handshake should be, a handshake cut short, certificates a client
//! must refuse).
//!
//! Each connection is served on a thread of its own, which ends when the client goes away, when
//! the server is dropped, or after [`CONNECTION_LIMIT`] at the latest, so nothing here runs on
//! after a test. What each connection received and sent is recorded for the tests to check.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio_rustls::rustls;

/// No connection is served for longer than this.
pub const CONNECTION_LIMIT: Duration = Duration::from_secs(20);

/// The reply a well-behaved server would send: a 20-byte text body with its length.
pub const GOOD: &[u8] =
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\n0123456789abcdefghij";

/// The length of [`GOOD`]'s head (status line and header fields, up to the empty line).
pub const GOOD_HEAD: usize = GOOD.len() - 20;

/// A certificate for the TLS server of [`Fault::Tls`]; none is trusted by the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cert {
    /// The self-signed certificate in `tests/tls/` (for `localhost`, `127.0.0.1`).
    SelfSigned,
    /// Self-signed for `127.0.0.1`, valid from 2001 to 2002.
    Expired,
    /// Self-signed for `other.invalid` only.
    WrongHost,
}

/// What the server does with each connection.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Read the request, send the first `at` bytes of [`GOOD`], then reset the connection (TCP
    /// RST, not an orderly close).
    ResetAt(usize),
    /// Read the request and never answer.
    Silent,
    /// Read the request, send [`GOOD`]'s head, then nothing more.
    StallAfterHead,
    /// Read the request, then send [`GOOD`] one byte per `every`.
    Drip(Duration),
    /// Read the request, send these bytes, close.
    Bytes(Vec<u8>),
    /// Read the request, send a status line, then header lines for as long as the client reads.
    EndlessHead,
    /// Read the request, send a head announcing `Content-Length: length`, then the body at about
    /// 12 MB/s (64 KiB every 5 ms), for as long as the client reads.
    HugeBody(u64),
    /// Read the request, send a chunked head, then 64 KiB chunks every 5 ms for as long as the
    /// client reads; the last chunk never comes.
    EndlessBody,
    /// Answer the TLS ClientHello with a plain HTTP reply ([`GOOD`]), then close.
    PlainOnTls,
    /// Answer the TLS ClientHello with bytes that are not TLS, then close.
    GarbageOnTls,
    /// Read the TLS ClientHello, then close the connection.
    CloseInHandshake,
    /// A TLS server with this certificate, answering [`GOOD`].
    Tls(Cert),
}

/// What one connection saw.
#[derive(Debug, Clone, Default)]
pub struct Connection {
    /// The bytes received (the request head, or the TLS ClientHello).
    pub received: Vec<u8>,
    /// How many bytes were sent (before TLS for [`Fault::Tls`]).
    pub sent: u64,
    /// How long the connection was served.
    pub lasted: Duration,
    /// True when the client closed (or reset) the connection while it was being served.
    pub client_left: bool,
}

type Log = Arc<Mutex<Vec<Connection>>>;

/// A running fault server; dropping it stops it and every connection it serves.
pub struct FaultServer {
    port: u16,
    /// The certificate of a [`Fault::Tls`] server (DER).
    certificate: Option<Vec<u8>>,
    log: Log,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FaultServer {
    /// Serve `fault` to every connection.
    pub fn start(fault: Fault) -> FaultServer {
        let listener =
            TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("fault server: bind: {e}"));
        let port = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("fault server: addr: {e}"))
            .port();
        let log = Log::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (tls, certificate) = match &fault {
            Fault::Tls(cert) => {
                let (config, der) = tls_config(*cert);
                (Some(Arc::new(config)), Some(der))
            }
            _ => (None, None),
        };
        let thread = {
            let (log, stop) = (log.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (fault, tls, log, stop) =
                        (fault.clone(), tls.clone(), log.clone(), stop.clone());
                    std::thread::spawn(move || {
                        let connection = serve(&fault, stream, tls.as_ref(), &stop);
                        log.lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push(connection);
                    });
                }
            })
        };
        FaultServer {
            port,
            certificate,
            log,
            stop,
            thread: Some(thread),
        }
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT/fault`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fault", self.port)
    }

    /// `https://HOST:PORT/fault`.
    pub fn https_url(&self, host: &str) -> String {
        format!("https://{host}:{}/fault", self.port)
    }

    /// The certificate of a [`Fault::Tls`] server as PEM, for a client to trust.
    pub fn certificate_pem(&self) -> Option<String> {
        use base64::Engine as _;
        let der = self.certificate.as_ref()?;
        let text = base64::engine::general_purpose::STANDARD.encode(der);
        let lines: Vec<&str> = text
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        Some(format!(
            "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
            lines.join("\n")
        ))
    }

    /// Every connection served to its end so far, in the order they ended.
    pub fn connections(&self) -> Vec<Connection> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Wait up to `limit` for `count` connections to end, then return them all.
    pub fn wait_for(&self, count: usize, limit: Duration) -> Vec<Connection> {
        let until = Instant::now() + limit;
        while self.connections().len() < count && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.connections()
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// One connection, served until the fault is done, the client leaves or the server stops.
fn serve(
    fault: &Fault,
    stream: TcpStream,
    tls: Option<&Arc<rustls::ServerConfig>>,
    stop: &AtomicBool,
) -> Connection {
    let started = Instant::now();
    let mut served = Served {
        stream,
        stop,
        until: started + CONNECTION_LIMIT,
        record: Connection::default(),
    };
    let _ = served
        .stream
        .set_read_timeout(Some(Duration::from_millis(50)));
    let _ = served.stream.set_nodelay(true);
    act(fault, &mut served, tls);
    served.record.lasted = started.elapsed();
    served.record
}

/// A connection being served, with what it saw so far.
struct Served<'a> {
    stream: TcpStream,
    stop: &'a AtomicBool,
    until: Instant,
    record: Connection,
}

/// Why serving a connection ended early.
enum End {
    /// The client closed or reset the connection.
    ClientLeft,
    /// The server stopped or the connection's time ran out.
    Stopped,
    /// Anything else (a TLS failure, which is the point of some faults).
    Other,
}

impl From<std::io::Error> for End {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            ErrorKind::BrokenPipe | ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                End::ClientLeft
            }
            _ => End::Other,
        }
    }
}

impl Served<'_> {
    fn live(&self) -> Result<(), End> {
        if self.stop.load(Ordering::SeqCst) || Instant::now() > self.until {
            return Err(End::Stopped);
        }
        Ok(())
    }

    /// Read whatever arrives next (up to 64 KiB) and record it.
    fn read_some(&mut self) -> Result<usize, End> {
        let mut buf = [0u8; 64 * 1024];
        loop {
            self.live()?;
            match self.stream.read(&mut buf) {
                Ok(0) => return Err(End::ClientLeft),
                Ok(n) => {
                    self.record.received.extend_from_slice(&buf[..n]);
                    return Ok(n);
                }
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Read up to the end of a request head (bodies are not expected).
    fn read_head(&mut self) -> Result<(), End> {
        while !self.record.received.windows(4).any(|w| w == b"\r\n\r\n") {
            self.read_some()?;
        }
        Ok(())
    }

    fn send(&mut self, bytes: &[u8]) -> Result<(), End> {
        self.live()?;
        self.stream.write_all(bytes)?;
        self.stream.flush()?;
        self.record.sent += bytes.len() as u64;
        Ok(())
    }

    /// Wait `pause`, or less if the client leaves or the server stops.
    fn pause(&mut self, pause: Duration) -> Result<(), End> {
        let until = Instant::now() + pause;
        while Instant::now() < until {
            self.live()?;
            // A read that returns 0 (or fails) means the client has gone.
            let mut byte = [0u8; 1];
            let _ = self
                .stream
                .set_read_timeout(Some(pause.min(Duration::from_millis(50))));
            match self.stream.read(&mut byte) {
                Ok(0) => return Err(End::ClientLeft),
                Ok(_) => self.record.received.push(byte[0]),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// Wait until the client leaves or the server stops.
    fn hold(&mut self) -> Result<(), End> {
        loop {
            self.pause(Duration::from_millis(50))?;
        }
    }

    /// Close with a TCP reset: linger on, with a time of zero.
    fn reset(&mut self) {
        let _ = socket2::SockRef::from(&self.stream).set_linger(Some(Duration::ZERO));
    }
}

fn act(fault: &Fault, served: &mut Served<'_>, tls: Option<&Arc<rustls::ServerConfig>>) {
    if let Err(End::ClientLeft) = play(fault, served, tls) {
        served.record.client_left = true;
    }
}

/// Play `fault` on the connection.
fn play(
    fault: &Fault,
    served: &mut Served<'_>,
    tls: Option<&Arc<rustls::ServerConfig>>,
) -> Result<(), End> {
    match fault {
        Fault::ResetAt(at) => {
            served.read_head()?;
            served.send(&GOOD[..(*at).min(GOOD.len())])?;
            // Let the bytes leave before the reset discards what is still queued.
            std::thread::sleep(Duration::from_millis(50));
            served.reset();
            Ok(())
        }
        Fault::Silent => {
            served.read_head()?;
            served.hold()
        }
        Fault::StallAfterHead => {
            served.read_head()?;
            served.send(&GOOD[..GOOD_HEAD])?;
            served.hold()
        }
        Fault::Drip(every) => {
            served.read_head()?;
            for byte in GOOD {
                served.send(&[*byte])?;
                served.pause(*every)?;
            }
            Ok(())
        }
        Fault::Bytes(bytes) => {
            served.read_head()?;
            served.send(bytes)?;
            // Wait for the client to read it all before closing.
            served.pause(Duration::from_millis(100))
        }
        Fault::EndlessHead => {
            served.read_head()?;
            served.send(b"HTTP/1.1 200 OK\r\n")?;
            let line = format!("X-Endless: {}\r\n", "x".repeat(1000));
            let block = line.repeat(64);
            loop {
                served.send(block.as_bytes())?;
                served.pause(Duration::from_millis(5))?;
            }
        }
        Fault::HugeBody(length) => {
            served.read_head()?;
            served.send(
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\n"
                )
                .as_bytes(),
            )?;
            let block = vec![b'x'; 64 * 1024];
            let mut left = *length;
            while left > 0 {
                let take = left.min(block.len() as u64);
                served.send(&block[..take as usize])?;
                left -= take;
                served.pause(Duration::from_millis(5))?;
            }
            Ok(())
        }
        Fault::EndlessBody => {
            served.read_head()?;
            served.send(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
            )?;
            let mut chunk = format!("{:x}\r\n", 64 * 1024).into_bytes();
            chunk.extend(std::iter::repeat_n(b'x', 64 * 1024));
            chunk.extend_from_slice(b"\r\n");
            loop {
                served.send(&chunk)?;
                served.pause(Duration::from_millis(5))?;
            }
        }
        Fault::PlainOnTls => {
            served.read_some()?;
            served.send(GOOD)?;
            served.pause(Duration::from_millis(100))
        }
        Fault::GarbageOnTls => {
            served.read_some()?;
            served.send(b"\x00\x01\x02 this is not TLS at all \xff\xfe\r\n\r\n")?;
            served.pause(Duration::from_millis(100))
        }
        Fault::CloseInHandshake => {
            served.read_some()?;
            Ok(())
        }
        Fault::Tls(_) => match tls {
            Some(config) => serve_tls(served, config),
            None => Err(End::Other),
        },
    }
}

/// A TLS server answering [`GOOD`] to one request; a client that refuses the certificate ends
/// the connection during the handshake.
fn serve_tls(served: &mut Served<'_>, config: &Arc<rustls::ServerConfig>) -> Result<(), End> {
    let _ = served.stream.set_read_timeout(Some(Duration::from_secs(5)));
    let connection = rustls::ServerConnection::new(config.clone()).map_err(|_| End::Other)?;
    let stream = served.stream.try_clone()?;
    let mut tls = rustls::StreamOwned::new(connection, stream);
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        served.live()?;
        let n = tls.read(&mut buf)?;
        if n == 0 {
            return Err(End::ClientLeft);
        }
        head.extend_from_slice(&buf[..n]);
    }
    served.record.received = head;
    tls.write_all(GOOD)?;
    tls.flush()?;
    served.record.sent += GOOD.len() as u64;
    tls.conn.send_close_notify();
    let _ = tls.flush();
    let _ = served.stream.shutdown(Shutdown::Write);
    Ok(())
}

/// The server configuration for `cert`, and the certificate (DER).
fn tls_config(cert: Cert) -> (rustls::ServerConfig, Vec<u8>) {
    let (cert, key) = match cert {
        Cert::SelfSigned => {
            let root = env!("CARGO_MANIFEST_DIR");
            let read = |name: &str| {
                std::fs::read(format!("{root}/tests/tls/{name}"))
                    .unwrap_or_else(|e| panic!("tests/tls/{name}: {e}"))
            };
            (read("cert.der"), read("key.der"))
        }
        Cert::Expired => generated(&["127.0.0.1", "localhost"], Some((2001, 2002))),
        Cert::WrongHost => generated(&["other.invalid"], None),
    };
    let der = cert.clone();
    let cert = rustls::pki_types::CertificateDer::from(cert);
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(key.into());
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_no_client_auth().with_single_cert(vec![cert], key))
        .unwrap_or_else(|e| panic!("fault server: TLS config: {e}"));
    (config, der)
}

/// A self-signed certificate (DER) and its PKCS#8 key for `names`, valid in the `years` given
/// (from 1 January of the first to 1 January of the second), else rcgen's default span.
fn generated(names: &[&str], years: Option<(i32, i32)>) -> (Vec<u8>, Vec<u8>) {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let mut params = rcgen::CertificateParams::new(names)
        .unwrap_or_else(|e| panic!("fault server: certificate names: {e}"));
    // A name of its own: clients look trusted certificates up by name.
    static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    params.distinguished_name.push(
        rcgen::DnType::CommonName,
        format!(
            "postie fault server {} #{}",
            std::process::id(),
            MADE.fetch_add(1, Ordering::SeqCst)
        ),
    );
    if let Some((from, to)) = years {
        params.not_before = rcgen::date_time_ymd(from, 1, 1);
        params.not_after = rcgen::date_time_ymd(to, 1, 1);
    }
    let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("fault server: key: {e}"));
    let cert = params
        .self_signed(&key)
        .unwrap_or_else(|e| panic!("fault server: certificate: {e}"));
    (cert.der().to_vec(), key.serialize_der())
}
