//! Large responses (issue 12 §2): bodies over 16 MiB (`POSTIE_SPILL_AT`) wait in a temporary file and reach scripts
//! and reporters from there; `--max-response-size` turns a larger body, as received or decoded,
//! into that request's error while the run goes on.

use crate::util::{collection_doc, postie, postie_with_env, read_json, tempdir, write};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

/// The secret the large body carries near its end (declared in the environment).
const SECRET: &str = "big-body-s3cret";

/// A server on 127.0.0.1 answering each connection once, then closing it:
/// - `/big?n=N`: N bytes of `a` with [`SECRET`] in the last 100, as text;
/// - `/bomb?n=N`: N zero bytes, gzip-encoded (`Content-Encoding: gzip`);
/// - anything else: `{"ok":true}`.
struct BodyServer {
    port: u16,
}

impl BodyServer {
    fn start() -> BodyServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || {
                    let _ = serve(stream);
                });
            }
        });
        BodyServer { port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let target = line.split(' ').nth(1).unwrap_or("/").to_string();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let n: usize = target
        .split("n=")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut out = std::io::BufWriter::new(stream);
    if target.starts_with("/big") {
        write!(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {n}\r\nConnection: close\r\n\r\n"
        )?;
        let tail = format!("{SECRET}{}", "z".repeat(100 - SECRET.len()));
        let piece = vec![b'a'; 64 * 1024];
        let mut left = n - tail.len();
        while left > 0 {
            let take = left.min(piece.len());
            out.write_all(&piece[..take])?;
            left -= take;
        }
        out.write_all(tail.as_bytes())?;
    } else if target.starts_with("/bomb") {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![0u8; n])?;
        let body = gz.finish()?;
        write!(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )?;
        out.write_all(&body)?;
    } else {
        out.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}",
        )?;
    }
    out.flush()
}

fn item(name: &str, url: &str, test: &str) -> Value {
    json!({
        "name": name,
        "event": [{"listen": "test", "script": {"exec": [test]}}],
        "request": {"method": "GET", "url": url}
    })
}

fn collection(items: Value) -> String {
    collection_doc("large", items).to_string()
}

#[test]
fn large_bodies_spill_and_reach_scripts_and_every_reporter() {
    // Spilled beyond 1 MiB here (POSTIE_SPILL_AT), so the test stays quick in a debug build.
    const N: usize = 3 * 1024 * 1024;
    let server = BodyServer::start();
    let test = format!(
        "const t = pm.response.text();\n\
         pm.test('length ' + t.length, () => pm.expect(t.length).to.eql({N}));\n\
         pm.test('tail', () => pm.expect(t.slice(-100, -85)).to.eql(pm.environment.get('secret')));\n\
         pm.test('stream', () => pm.expect(pm.response.stream.length).to.eql({N}));\n\
         pm.test('legacy', () => pm.expect(responseBody.length).to.eql({N}));\n\
         pm.test('size', () => pm.expect(pm.response.size().body).to.eql({N}));"
    );
    let items = json!([
        item("big", &server.url(&format!("/big?n={N}")), &test),
        item(
            "after",
            &server.url("/ok"),
            "pm.test('after', () => pm.response.to.have.status(200));"
        ),
    ]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let env = json!({"name": "e", "values": [{"key": "secret", "value": SECRET, "type": "secret", "enabled": true}]});
    let env = write(dir.path(), "e.json", &env.to_string());
    let report = dir.path().join("r.json");
    let html = dir.path().join("r.html");
    let junit = dir.path().join("r.xml");
    let out = postie_with_env(
        &[
            "run",
            &file,
            "-e",
            &env,
            "-r",
            "cli,json,html,junit",
            "--reporter-json-export",
            &report.to_string_lossy(),
            "--reporter-html-export",
            &html.to_string_lossy(),
            "--reporter-junit-export",
            &junit.to_string_lossy(),
        ],
        &[("POSTIE_SPILL_AT", "1MiB")],
    );
    out.check(out.code == 0, "the large body passes every test");
    out.check(
        out.stdout.contains(&format!("length {N}")),
        "the script read it all",
    );
    out.check(out.stdout.contains("after"), "the next request ran");
    let doc = read_json(&report);
    let executions = doc["run"]["executions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(executions.len(), 2);
    let data = executions[0]["response"]["stream"]["data"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // Every byte, the secret replaced by the eight-character mask.
    let masked_len = N - SECRET.len() + 8;
    assert_eq!(
        data.len(),
        masked_len,
        "Newman's byte array holds every byte"
    );
    assert_eq!(data[0], json!(97));
    assert_eq!(executions[0]["response"]["responseSize"], json!(N));
    let tail: Vec<u8> = data[masked_len - 93..]
        .iter()
        .filter_map(|v| v.as_u64().and_then(|b| u8::try_from(b).ok()))
        .collect();
    let tail = String::from_utf8_lossy(&tail).into_owned();
    assert!(
        tail.starts_with("********") && !tail.contains(SECRET),
        "the secret is masked in the report's bytes too: {tail}"
    );
    let html = std::fs::read_to_string(&html).unwrap_or_default();
    assert!(html.contains("large") && !html.contains(SECRET));
    let junit = std::fs::read_to_string(&junit).unwrap_or_default();
    assert!(junit.contains("testsuite") && !junit.contains(SECRET));
}

#[test]
fn large_bodies_over_the_limit_fail_that_request_received_or_decoded() {
    let server = BodyServer::start();
    let pass = "pm.test('ok', () => pm.response.to.have.status(200));";
    let items = json!([
        item("received", &server.url("/big?n=5000"), pass),
        item("decoded", &server.url("/bomb?n=100000"), pass),
        item("small", &server.url("/big?n=4096"), pass),
        item("after", &server.url("/ok"), pass),
    ]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let report = dir.path().join("r.json");
    let out = postie(&[
        "run",
        &file,
        "--max-response-size",
        "4KiB",
        "-r",
        "cli,json",
        "--reporter-json-export",
        &report.to_string_lossy(),
    ]);
    out.check(out.code == 1, "the run fails");
    let message = "Maximum response size reached: the body is larger than 4 KiB";
    out.check(
        out.stdout.matches(message).count() >= 2,
        "both large bodies are request errors",
    );
    let doc = read_json(&report);
    let executions = doc["run"]["executions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let failures = doc["run"]["failures"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let errors: Vec<&str> = failures
        .iter()
        .filter_map(|f| f["error"]["message"].as_str())
        .filter(|m| m.starts_with(message))
        .collect();
    assert_eq!(errors.len(), 2, "{failures:?}");
    assert!(executions[0].get("requestError").is_some());
    assert!(executions[1].get("requestError").is_some());
    assert_eq!(
        executions[2]["response"]["code"],
        json!(200),
        "4096 bytes fit"
    );
    assert_eq!(
        executions[3]["response"]["code"],
        json!(200),
        "the run went on"
    );
    assert_eq!(doc["run"]["stats"]["assertions"]["failed"], json!(2));

    let unlimited = postie(&["run", &file, "--max-response-size", "0"]);
    unlimited.check(unlimited.code == 0, "0 is no limit");
    let sent = postie(&["run", &file, "--max-response-size", "four"]);
    sent.check(
        sent.code == 2 && sent.stderr.contains("not a size"),
        "a bad size is a usage error",
    );
}

#[test]
fn large_bodies_limit_pm_send_request_too() {
    let server = BodyServer::start();
    let script = format!(
        "pm.sendRequest('{}', (err, res) => {{\n\
           pm.test('refused: ' + JSON.stringify(err), () => pm.expect(err).to.be.ok);\n\
         }});",
        server.url("/big?n=9000")
    );
    let items = json!([item("send", &server.url("/ok"), &script)]);
    let dir = tempdir();
    let file = write(dir.path(), "c.json", &collection(items));
    let out = postie(&["run", &file, "--max-response-size", "8K"]);
    out.check(out.code == 1, "a request error fails the run");
    // The callback's error has no message (as any error without Node fields that crosses
    // Newman's sandbox bridge); the run's failure names the limit.
    out.check(
        out.stdout.contains("refused: {}"),
        "sendRequest gets an error",
    );
    out.check(
        out.stdout.contains("Maximum response size reached"),
        "the failure names the limit",
    );
}
