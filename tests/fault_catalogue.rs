//! The faults of the request-fault tests ([`crate::faults`]), by name: where each is served
//! ([`crate::fault_server`] or a closed port) and the request error Newman 6.2.2 reports for it,
//! as recorded against these very servers.

use crate::fault_server::{Cert, Fault, FaultServer, GOOD_HEAD};
use crate::util::{closed_port, write};
use serde_json::json;
use std::path::Path;
use std::time::Duration;

/// Where a fault is served.
pub enum Target {
    /// Nothing listens on the port.
    Refused,
    /// `http://127.0.0.1:PORT/fault`.
    Plain(Fault),
    /// `https://HOST:PORT/fault`.
    Https(&'static str, Fault),
    /// `https://HOST:PORT/fault`, a TLS server whose certificate the client trusts
    /// (`SSL_CERT_FILE` for postie, `NODE_EXTRA_CA_CERTS` for Newman).
    Trusted(&'static str, Cert),
}

/// One fault and how Newman reports it.
pub struct Spec {
    pub name: &'static str,
    pub target: Target,
    /// The request error's message; `{port}` stands for the server's port.
    pub message: &'static str,
    /// Node's error code, as the JSON report's `requestError.code` holds it.
    pub code: Option<&'static str>,
    /// Newman's message where postie deliberately says something else.
    pub newman: Option<&'static str>,
}

fn spec(name: &'static str, target: Target, message: &'static str, code: &'static str) -> Spec {
    Spec {
        name,
        target,
        message,
        code: Some(code),
        newman: None,
    }
}

/// A reply with this head and body bytes, then the connection closes.
pub fn reply(head: &str, body: &[u8]) -> Fault {
    let mut bytes = head.replace('\n', "\r\n").into_bytes();
    bytes.extend_from_slice(b"\r\n");
    bytes.extend_from_slice(body);
    Fault::Bytes(bytes)
}

/// `data` gzip-compressed.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// `data` as a zlib stream.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// `{"hello":"world","text":"brotli brotli …"}` (40 times), compressed by Node's zlib.
const BROTLI: [u8; 56] = [
    27, 50, 1, 104, 156, 9, 188, 137, 150, 187, 53, 212, 8, 188, 152, 38, 70, 168, 244, 22, 147,
    219, 235, 211, 34, 105, 108, 111, 139, 69, 167, 64, 232, 96, 3, 14, 152, 3, 45, 219, 68, 47,
    129, 39, 31, 153, 97, 57, 237, 170, 67, 225, 151, 248, 11, 13,
];

/// A JSON text of 229 bytes to compress.
pub fn plain_json() -> Vec<u8> {
    json!({"hello": "world", "pad": "x".repeat(200)})
        .to_string()
        .into_bytes()
}

/// A 200 reply whose body `body` claims `Content-Encoding: encoding`.
pub fn encoded(encoding: &str, body: &[u8]) -> Fault {
    reply(
        &format!(
            "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: {encoding}\nContent-Length: {}\n",
            body.len()
        ),
        body,
    )
}

/// The first half of `data`.
pub fn cut(data: &[u8]) -> Vec<u8> {
    data[..data.len() / 2].to_vec()
}

/// `data` with bytes after it.
fn with_garbage(data: &[u8]) -> Vec<u8> {
    let mut data = data.to_vec();
    data.extend_from_slice(b"garbage");
    data
}

/// Every fault, by name (built once).
pub fn catalogue() -> &'static [Spec] {
    static CATALOGUE: std::sync::OnceLock<Vec<Spec>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(build_catalogue)
}

fn build_catalogue() -> Vec<Spec> {
    use Target::{Https, Plain, Refused, Trusted};
    let huge_header = format!(
        "HTTP/1.1 200 OK\nX-Huge: {}\nContent-Length: 2\n",
        "h".repeat(1 << 20)
    );
    let many_headers = format!(
        "HTTP/1.1 200 OK\n{}Content-Length: 2\n",
        (0..100_000)
            .map(|i| format!("X-H{i}: v\n"))
            .collect::<String>()
    );
    let reset = "read ECONNRESET";
    let timeout = "ESOCKETTIMEDOUT";
    let header_overflow = "Parse Error: Header overflow";
    let not_tls = "write EPROTO 00000000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n";
    vec![
        spec(
            "refused",
            Refused,
            "connect ECONNREFUSED 127.0.0.1:{port}",
            "ECONNREFUSED",
        ),
        spec("reset-at-0", Plain(Fault::ResetAt(0)), reset, "ECONNRESET"),
        spec(
            "reset-in-status-line",
            Plain(Fault::ResetAt(5)),
            reset,
            "ECONNRESET",
        ),
        spec(
            "reset-in-head",
            Plain(Fault::ResetAt(30)),
            reset,
            "ECONNRESET",
        ),
        spec(
            "reset-after-head",
            Plain(Fault::ResetAt(GOOD_HEAD)),
            reset,
            "ECONNRESET",
        ),
        spec(
            "reset-in-body",
            Plain(Fault::ResetAt(GOOD_HEAD + 10)),
            reset,
            "ECONNRESET",
        ),
        spec("silent", Plain(Fault::Silent), timeout, timeout),
        spec(
            "stall-after-head",
            Plain(Fault::StallAfterHead),
            timeout,
            timeout,
        ),
        // Newman's request timeout is an idle timeout once connected: a reply that keeps
        // coming, however slowly, is waited for. postie's bounds the whole exchange.
        spec(
            "drip",
            Plain(Fault::Drip(Duration::from_millis(20))),
            timeout,
            timeout,
        )
        .newman(""),
        spec(
            "bad-status-line",
            Plain(reply("HTTQ/9.9 abc\n", b"")),
            "Parse Error: Expected HTTP/, RTSP/ or ICE/",
            "HPE_INVALID_CONSTANT",
        ),
        spec(
            "bad-header-line",
            Plain(reply(
                "HTTP/1.1 200 OK\nNo colon here\nContent-Length: 2\n",
                b"ok",
            )),
            "Parse Error: Invalid header token",
            "HPE_INVALID_HEADER_TOKEN",
        ),
        spec(
            "length-over-body",
            Plain(reply(
                "HTTP/1.1 200 OK\nContent-Length: 100\n",
                b"0123456789",
            )),
            "aborted",
            "ECONNRESET",
        ),
        spec(
            "length-not-a-number",
            Plain(reply("HTTP/1.1 200 OK\nContent-Length: abc\n", b"ok")),
            "Parse Error: Invalid character in Content-Length",
            "HPE_INVALID_CONTENT_LENGTH",
        ),
        spec(
            "two-lengths",
            Plain(reply(
                "HTTP/1.1 200 OK\nContent-Length: 2\nContent-Length: 3\n",
                b"ok!",
            )),
            "Parse Error: Duplicate Content-Length",
            "HPE_UNEXPECTED_CONTENT_LENGTH",
        ),
        spec(
            "length-and-chunked",
            Plain(reply(
                "HTTP/1.1 200 OK\nContent-Length: 5\nTransfer-Encoding: chunked\n",
                b"2\r\nok\r\n0\r\n\r\n",
            )),
            "Parse Error: Transfer-Encoding can't be present with Content-Length",
            "HPE_INVALID_TRANSFER_ENCODING",
        ),
        spec(
            "chunk-size-not-hex",
            Plain(reply(
                "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n",
                b"zz\r\nhello\r\n0\r\n\r\n",
            )),
            "Parse Error: Invalid character in chunk size",
            "HPE_INVALID_CHUNK_SIZE",
        ),
        spec(
            "chunk-size-overflow",
            Plain(reply(
                "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n",
                b"fffffffffffffffffff\r\nhello\r\n0\r\n\r\n",
            )),
            "Parse Error: Chunk size overflow",
            "HPE_INVALID_CHUNK_SIZE",
        ),
        spec(
            "chunk-longer-than-size",
            Plain(reply(
                "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n",
                b"2\r\nhello\r\n0\r\n\r\n",
            )),
            "Parse Error: Expected LF after chunk data",
            "HPE_STRICT",
        ),
        spec(
            "chunked-truncated",
            Plain(reply(
                "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n",
                b"5\r\nhello\r\n5\r\nwor",
            )),
            "aborted",
            "ECONNRESET",
        ),
        spec(
            "gzip-garbage",
            Plain(encoded("gzip", b"this is not compressed at all")),
            "incorrect header check",
            "Z_DATA_ERROR",
        ),
        spec(
            "gzip-trailing-garbage",
            Plain(encoded("gzip", &with_garbage(&gzip(&plain_json())))),
            "incorrect header check",
            "Z_DATA_ERROR",
        ),
        spec(
            "deflate-garbage",
            Plain(encoded("deflate", b"this is not compressed at all")),
            "invalid code lengths set",
            "Z_DATA_ERROR",
        ),
        spec(
            "brotli-truncated",
            Plain(encoded("br", &cut(&BROTLI))),
            "unexpected end of file",
            "Z_BUF_ERROR",
        ),
        spec(
            "brotli-garbage",
            Plain(encoded("br", b"this is not compressed at all")),
            "Decompression failed",
            "ERR__ERROR_FORMAT_PADDING_1",
        ),
        spec(
            "huge-header",
            Plain(reply(&huge_header, b"ok")),
            header_overflow,
            "HPE_HEADER_OVERFLOW",
        ),
        spec(
            "many-headers",
            Plain(reply(&many_headers, b"ok")),
            header_overflow,
            "HPE_HEADER_OVERFLOW",
        ),
        spec(
            "endless-head",
            Plain(Fault::EndlessHead),
            header_overflow,
            "HPE_HEADER_OVERFLOW",
        ),
        // Newman waits for a body as long as bytes keep coming (here until the server gives up
        // after 20 s and closes: `aborted`); postie stops at the request timeout.
        spec(
            "huge-body",
            Plain(Fault::HugeBody(1 << 30)),
            timeout,
            timeout,
        )
        .newman("aborted"),
        spec("endless-body", Plain(Fault::EndlessBody), timeout, timeout).newman("aborted"),
        spec(
            "plain-http-on-https",
            Https("127.0.0.1", Fault::PlainOnTls),
            not_tls,
            "EPROTO",
        ),
        spec(
            "garbage-in-handshake",
            Https("127.0.0.1", Fault::GarbageOnTls),
            not_tls,
            "EPROTO",
        ),
        spec(
            "close-in-handshake",
            Https("127.0.0.1", Fault::CloseInHandshake),
            "Client network socket disconnected before secure TLS connection was established",
            "ECONNRESET",
        ),
        spec(
            "self-signed",
            Https("localhost", Fault::Tls(Cert::SelfSigned)),
            "self-signed certificate",
            "DEPTH_ZERO_SELF_SIGNED_CERT",
        ),
        spec(
            "expired",
            Https("127.0.0.1", Fault::Tls(Cert::Expired)),
            "certificate has expired",
            "CERT_HAS_EXPIRED",
        ),
        spec(
            "wrong-host",
            Https("127.0.0.1", Fault::Tls(Cert::WrongHost)),
            "self-signed certificate",
            "DEPTH_ZERO_SELF_SIGNED_CERT",
        ),
        // A self-signed certificate fails as such before its names are looked at; trusted, its
        // names and dates are checked.
        spec(
            "trusted-wrong-host",
            Trusted("localhost", Cert::WrongHost),
            "Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:other.invalid",
            "ERR_TLS_CERT_ALTNAME_INVALID",
        ),
        spec(
            "trusted-wrong-ip",
            Trusted("127.0.0.1", Cert::WrongHost),
            "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
            "ERR_TLS_CERT_ALTNAME_INVALID",
        ),
        spec(
            "trusted-expired",
            Trusted("127.0.0.1", Cert::Expired),
            "certificate has expired",
            "CERT_HAS_EXPIRED",
        ),
    ]
}

impl Spec {
    /// Newman says `message` instead (postie differs on purpose; `""`: no error).
    fn newman(mut self, message: &'static str) -> Spec {
        self.newman = Some(message);
        self
    }
}

/// The fault's server (none for [`Target::Refused`]) and its URL.
pub fn serve(target: &Target) -> (Option<FaultServer>, String, u16) {
    match target {
        Target::Refused => {
            let port = closed_port();
            (None, format!("http://127.0.0.1:{port}/fault"), port)
        }
        Target::Plain(fault) => {
            let server = FaultServer::start(fault.clone());
            let (url, port) = (server.url(), server.port());
            (Some(server), url, port)
        }
        Target::Https(host, fault) => {
            let server = FaultServer::start(fault.clone());
            let (url, port) = (server.https_url(host), server.port());
            (Some(server), url, port)
        }
        Target::Trusted(host, cert) => {
            let server = FaultServer::start(Fault::Tls(*cert));
            let (url, port) = (server.https_url(host), server.port());
            (Some(server), url, port)
        }
    }
}

/// The certificates of the servers in `served` whose certificate the client trusts, as one PEM
/// file in `dir`.
pub fn trust_file(dir: &Path, targets: &[&Target], served: &[&Option<FaultServer>]) -> String {
    let pem: String = targets
        .iter()
        .zip(served)
        .filter(|(target, _)| matches!(target, Target::Trusted(..)))
        .filter_map(|(_, server)| server.as_ref().and_then(FaultServer::certificate_pem))
        .collect();
    write(dir, "trusted.pem", &pem)
}
/// The fault named `name`.
pub fn find(name: &str) -> &'static Spec {
    catalogue()
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no fault named {name}"))
}
