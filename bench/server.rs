//! The benchmark's HTTP server: std only, one thread per connection, HTTP/1.1 keep-alive.
//! Built by `bench/run.sh` with plain `rustc -O` (no Cargo target, no dependencies).
//!
//! Routes (GET or any other method; a request body is read and ignored):
//! - `/json?i=N`  → `{"ok":true,"i":N}` (N echoed as a number, 0 when absent)
//! - `/big`       → a JSON document of about 1 MiB (`{"items":[{"id":0,"name":"item-0",...},...]}`)
//! - `/bytes?n=N` → N bytes of JSON-string text (`"aaa…"`), written in 64 KiB pieces so the server
//!   itself stays small (large-body memory measurements)
//! - any path with `delay=MS` in the query sleeps MS milliseconds before answering (latency server
//!   for `--parallel` measurements)
//! - anything else → 404 with a small JSON body
//!
//! Usage: `server [PORT]` (0 or absent picks a free port). Prints `listening on PORT` once bound,
//! then serves until killed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

fn big_body() -> Vec<u8> {
    let mut s = String::from("{\"items\":[");
    let mut i = 0u64;
    while s.len() < 1024 * 1024 - 128 {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            "{{\"id\":{i},\"name\":\"item-{i}\",\"active\":{},\"score\":{}.5}}",
            i % 2 == 0,
            i % 1000
        ));
        i += 1;
    }
    s.push_str(&format!("],\"count\":{i}}}"));
    s.into_bytes()
}

fn query_param<'a>(target: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = target.split_once('?')?;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then_some(v)
    })
}

fn respond(out: &mut impl Write, status: &str, body: &[u8], close: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{}\r\n",
        body.len(),
        if close { "Connection: close\r\n" } else { "" }
    );
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}

/// A JSON string of `n` bytes in total (`"` + `a`… + `"`), written piece by piece.
fn respond_streamed(out: &mut impl Write, n: u64, close: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {n}\r\n{}\r\n",
        if close { "Connection: close\r\n" } else { "" }
    );
    out.write_all(head.as_bytes())?;
    out.write_all(b"\"")?;
    let piece = vec![b'a'; 64 * 1024];
    let mut left = n - 2;
    while left > 0 {
        let take = left.min(piece.len() as u64) as usize;
        out.write_all(&piece[..take])?;
        left -= take as u64;
    }
    out.write_all(b"\"")?;
    out.flush()
}

fn serve(stream: TcpStream, big: Arc<Vec<u8>>) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut reader = BufReader::with_capacity(16 * 1024, stream.try_clone()?);
    let mut writer = std::io::BufWriter::with_capacity(16 * 1024, stream);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let request_line = line.trim_end().to_owned();
        if request_line.is_empty() {
            continue;
        }
        let mut parts = request_line.split_whitespace();
        let _method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/").to_owned();
        let version = parts.next().unwrap_or("HTTP/1.1").to_owned();
        let mut content_length = 0usize;
        let mut close = version == "HTTP/1.0";
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    content_length = value.parse().unwrap_or(0);
                } else if name.eq_ignore_ascii_case("connection") {
                    if value.eq_ignore_ascii_case("close") {
                        close = true;
                    } else if value.eq_ignore_ascii_case("keep-alive") {
                        close = false;
                    }
                }
            }
        }
        if content_length > 0 {
            std::io::copy(
                &mut (&mut reader).take(content_length as u64),
                &mut std::io::sink(),
            )?;
        }
        if let Some(ms) = query_param(&target, "delay").and_then(|v| v.parse::<u64>().ok()) {
            std::thread::sleep(Duration::from_millis(ms));
        }
        let path = target.split('?').next().unwrap_or("/");
        match path {
            "/json" => {
                let i: i64 = query_param(&target, "i")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let body = format!("{{\"ok\":true,\"i\":{i}}}");
                respond(&mut writer, "200 OK", body.as_bytes(), close)?;
            }
            "/big" => respond(&mut writer, "200 OK", &big, close)?,
            "/bytes" => {
                let n: u64 = query_param(&target, "n")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
                    .max(2);
                respond_streamed(&mut writer, n, close)?;
            }
            _ => respond(&mut writer, "404 Not Found", b"{\"ok\":false}", close)?,
        }
        if close {
            return Ok(());
        }
    }
}

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .map(|p| p.parse().expect("PORT must be a number"))
        .unwrap_or(0);
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("local address").port();
    println!("listening on {port}");
    let big = Arc::new(big_body());
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let big = Arc::clone(&big);
        std::thread::spawn(move || {
            let _ = serve(stream, big);
        });
    }
}
