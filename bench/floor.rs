//! The benchmark's floor: the least work a client can do to issue the same requests as a
//! collection, with no scripts: one keep-alive HTTP/1.1 connection per worker, a minimal request
//! head, the status line, headers and `Content-Length` body read in full, status 200 checked.
//! std only, built by `bench/run.sh` with plain `rustc -O`.
//!
//! Usage: `floor HOST:PORT PATHS_FILE [CONNECTIONS] [REPEAT]`
//! PATHS_FILE has one request target (`/json?i=1`) per line. With CONNECTIONS > 1 the paths are
//! split between that many threads, each with its own connection (used to measure the server's own
//! throughput). REPEAT runs the whole list that many times. Prints one line:
//! `requests=N seconds=S req_per_s=R ms_per_request=M`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Instant;

fn run(addr: &str, paths: &[String], repeat: usize) -> std::io::Result<usize> {
    let stream = TcpStream::connect(addr)?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::with_capacity(64 * 1024, stream.try_clone()?);
    let mut writer = stream;
    let host = addr.to_owned();
    let mut line = String::new();
    let mut body = Vec::new();
    let mut done = 0;
    for _ in 0..repeat {
        for path in paths {
            let head = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n");
            writer.write_all(head.as_bytes())?;
            line.clear();
            reader.read_line(&mut line)?;
            if !line.starts_with("HTTP/1.1 200") {
                return Err(std::io::Error::other(format!(
                    "{path}: {}",
                    line.trim_end()
                )));
            }
            let mut length = 0usize;
            loop {
                line.clear();
                if reader.read_line(&mut line)? == 0 {
                    return Err(std::io::Error::other("connection closed in headers"));
                }
                let header = line.trim_end();
                if header.is_empty() {
                    break;
                }
                if let Some((name, value)) = header.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            body.resize(length, 0);
            reader.read_exact(&mut body)?;
            done += 1;
        }
    }
    Ok(done)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: floor HOST:PORT PATHS_FILE [CONNECTIONS] [REPEAT]");
        std::process::exit(2);
    }
    let addr = args[1].clone();
    let text = std::fs::read_to_string(&args[2]).expect("read PATHS_FILE");
    let paths: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let conns: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let repeat: usize = args.get(4).and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let started = Instant::now();
    let total: usize = if conns == 1 {
        run(&addr, &paths, repeat).expect("floor client")
    } else {
        let chunk = paths.len().div_ceil(conns);
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                let part = part.to_vec();
                let addr = addr.clone();
                std::thread::spawn(move || run(&addr, &part, repeat).expect("floor client"))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("worker")).sum()
    };
    let secs = started.elapsed().as_secs_f64();
    println!(
        "requests={total} seconds={secs:.6} req_per_s={:.0} ms_per_request={:.4}",
        total as f64 / secs,
        secs * 1000.0 / total as f64
    );
}
