//! NTLM auth against a small keep-alive server that plays the Windows side of the handshake and
//! checks the NTLMv2 answer on its own (MD4/HMAC-MD5 recomputed here, not with postie's code).

use crate::util::{postie, tempdir, write};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use md4::{Digest as _, Md4};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

const PASSWORD: &str = "S3cret!";

/// What the server saw, one line per request.
type Log = Arc<Mutex<Vec<String>>>;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn from_utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

fn hmac_md5(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<md5::Md5> as Mac>::new_from_slice(key).expect("key");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// The payload of the field descriptor at `at`.
fn field(message: &[u8], at: usize) -> &[u8] {
    let len = usize::from(u16::from_le_bytes([message[at], message[at + 1]]));
    let offset = u32::from_le_bytes(message[at + 4..at + 8].try_into().expect("4 bytes"));
    let offset = offset as usize;
    &message[offset..offset + len]
}

/// A CHALLENGE_MESSAGE: Unicode, NTLM, extended session security, target info (domain and
/// computer names, a timestamp).
fn challenge_message(server_challenge: &[u8; 8]) -> Vec<u8> {
    let mut info = Vec::new();
    for (id, value) in [(2u16, utf16("CORP")), (1, utf16("WEB01"))] {
        info.extend_from_slice(&id.to_le_bytes());
        info.extend_from_slice(&(value.len() as u16).to_le_bytes());
        info.extend_from_slice(&value);
    }
    info.extend_from_slice(&7u16.to_le_bytes());
    info.extend_from_slice(&8u16.to_le_bytes());
    info.extend_from_slice(&133_000_000_000_000_000u64.to_le_bytes());
    info.extend_from_slice(&[0; 4]);
    let target = utf16("CORP");
    let flags: u32 = 0x0000_0001 | 0x0000_0004 | 0x0000_0200 | 0x0008_0000 | 0x0080_0000;
    let mut m = b"NTLMSSP\0".to_vec();
    m.extend_from_slice(&2u32.to_le_bytes());
    let target_at = 48u32;
    let info_at = target_at + target.len() as u32;
    m.extend_from_slice(&(target.len() as u16).to_le_bytes());
    m.extend_from_slice(&(target.len() as u16).to_le_bytes());
    m.extend_from_slice(&target_at.to_le_bytes());
    m.extend_from_slice(&flags.to_le_bytes());
    m.extend_from_slice(server_challenge);
    m.extend_from_slice(&[0; 8]);
    m.extend_from_slice(&(info.len() as u16).to_le_bytes());
    m.extend_from_slice(&(info.len() as u16).to_le_bytes());
    m.extend_from_slice(&info_at.to_le_bytes());
    m.extend_from_slice(&target);
    m.extend_from_slice(&info);
    m
}

/// Check an AUTHENTICATE_MESSAGE against `server_challenge` and the known password.
fn verify(message: &[u8], server_challenge: &[u8; 8]) -> Result<String, String> {
    if message.get(..12) != Some(b"NTLMSSP\0\x03\0\0\0") {
        return Err("not a type 3 message".into());
    }
    let nt = field(message, 20);
    let domain = from_utf16(field(message, 28));
    let user = from_utf16(field(message, 36));
    if nt.len() < 48 {
        return Err("NTLMv2 response expected".into());
    }
    let (proof, blob) = nt.split_at(16);
    let nt_hash = Md4::digest(utf16(PASSWORD));
    let key = hmac_md5(
        &nt_hash,
        &utf16(&format!("{}{domain}", user.to_uppercase())),
    );
    let mut data = server_challenge.to_vec();
    data.extend_from_slice(blob);
    if hmac_md5(&key, &data) != proof {
        return Err(format!("bad NTProofStr for {domain}\\{user}"));
    }
    // The blob carries the server's target info and its timestamp.
    if !blob
        .windows(8)
        .any(|w| w == 133_000_000_000_000_000u64.to_le_bytes())
    {
        return Err("timestamp missing from the blob".into());
    }
    // LMv2 checks out too.
    let lm = field(message, 12);
    let mut data = server_challenge.to_vec();
    data.extend_from_slice(&lm[16..]);
    if lm.len() != 24 || hmac_md5(&key, &data) != lm[..16] {
        return Err("bad LMv2 response".into());
    }
    Ok(format!("{domain}\\{user}"))
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &str) {
    let mut text = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    let _ = stream.write_all(text.as_bytes());
}

/// Serve one keep-alive connection. NTLM state is the connection's: a type 3 message is only
/// accepted on the connection that received the type 1 message.
fn serve_connection(stream: TcpStream, peer: SocketAddr, log: Log) {
    let mut writer = stream.try_clone().expect("clone");
    let mut reader = BufReader::new(stream);
    let mut challenge: Option<[u8; 8]> = None;
    let mut counter = 0u8;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or("/")
            .to_string();
        let mut authorization = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':')
                && k.eq_ignore_ascii_case("authorization")
            {
                authorization = Some(v.trim().to_string());
            }
        }
        let message = authorization
            .as_deref()
            .and_then(|a| a.strip_prefix("NTLM "))
            .and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok());
        let kind = message.as_ref().and_then(|m| m.get(8)).copied();
        let push = |entry: String| log.lock().expect("log").push(entry);
        if path == "/open" {
            push(format!("open {peer} auth={}", authorization.is_some()));
            respond(&mut writer, "200 OK", &[], "open");
            continue;
        }
        match kind {
            None => {
                push(format!("plain {peer}"));
                respond(
                    &mut writer,
                    "401 Unauthorized",
                    &[
                        ("WWW-Authenticate", "Negotiate".into()),
                        ("WWW-Authenticate", "NTLM".into()),
                    ],
                    "",
                );
            }
            Some(1) => {
                counter = counter.wrapping_add(1);
                let c = [
                    0x5a,
                    0x01,
                    0x02,
                    0x03,
                    0x04,
                    0x05,
                    peer.port() as u8,
                    counter,
                ];
                challenge = Some(c);
                push(format!("type1 {peer}"));
                respond(
                    &mut writer,
                    "401 Unauthorized",
                    &[(
                        "WWW-Authenticate",
                        format!("NTLM {}", b64(&challenge_message(&c))),
                    )],
                    "",
                );
            }
            Some(3) => {
                let outcome = match challenge.take() {
                    None => Err("type 3 on a connection that got no challenge".to_string()),
                    Some(c) => verify(message.as_deref().unwrap_or_default(), &c),
                };
                match outcome {
                    Ok(who) => {
                        push(format!("type3 {peer} ok"));
                        respond(&mut writer, "200 OK", &[], &format!("welcome {who}"));
                    }
                    Err(why) => {
                        push(format!("type3 {peer} rejected: {why}"));
                        respond(&mut writer, "401 Unauthorized", &[], &why);
                    }
                }
            }
            Some(other) => {
                push(format!("type{other} {peer}"));
                respond(&mut writer, "400 Bad Request", &[], "");
            }
        }
    }
}

/// Start the server; answers its base URL and log.
fn start() -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let log: Log = Arc::default();
    let shared = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let Ok(peer) = stream.peer_addr() else {
                continue;
            };
            let log = shared.clone();
            log.lock().expect("log").push(format!("accept {peer}"));
            std::thread::spawn(move || serve_connection(stream, peer, log));
        }
    });
    (url, log)
}

fn collection(url: &str, params: serde_json::Value) -> String {
    serde_json::json!({
        "info": {"name": "ntlm", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "auth": {"type": "ntlm", "ntlm": params},
        "item": [
            {
                "name": "secure",
                "event": [{"listen": "test", "script": {"exec": [
                    "pm.test('authenticated', () => pm.response.to.have.status(200));",
                    "pm.test('welcomed', () => pm.expect(pm.response.text()).to.equal('welcome CORP\\\\alice'));"
                ]}}],
                "request": {"method": "GET", "url": format!("{url}/secure")}
            },
            {
                "name": "open",
                "event": [{"listen": "test", "script": {"exec": [
                    "pm.test('open', () => pm.response.to.have.status(200));"
                ]}}],
                "request": {"method": "GET", "url": format!("{url}/open")}
            }
        ]
    })
    .to_string()
}

fn credentials(password: &str) -> serde_json::Value {
    serde_json::json!([
        {"key": "username", "value": "alice", "type": "string"},
        {"key": "password", "value": password, "type": "string"},
        {"key": "domain", "value": "CORP", "type": "string"},
        {"key": "workstation", "value": "LAPTOP", "type": "string"}
    ])
}

/// The peer in a log line.
fn peer_of(line: &str) -> &str {
    line.split_whitespace().nth(1).unwrap_or_default()
}

#[test]
fn ntlm_handshake_authenticates_on_one_connection() {
    let (url, log) = start();
    let dir = tempdir();
    let path = write(
        dir.path(),
        "c.json",
        &collection(&url, credentials(PASSWORD)),
    );
    let out = postie(&["run", &path, "-n", "10"]);
    let log = log.lock().expect("log").clone();
    out.check(out.code == 0, &format!("the handshake succeeds: {log:#?}"));
    out.check(out.stdout.contains("✓  authenticated"), "assertion passed");
    // Every iteration: plain request, type 1, type 3 — the last two on one connection.
    let secure: Vec<&String> = log
        .iter()
        .filter(|l| !l.starts_with("open") && !l.starts_with("accept"))
        .collect();
    assert_eq!(secure.len(), 30, "{log:#?}");
    for round in secure.chunks(3) {
        assert!(round[0].starts_with("plain "), "{log:#?}");
        assert!(round[1].starts_with("type1 "), "{log:#?}");
        assert!(
            round[2].starts_with("type3 ") && round[2].ends_with(" ok"),
            "{log:#?}"
        );
        assert_eq!(
            peer_of(round[1]),
            peer_of(round[2]),
            "same connection: {log:#?}"
        );
    }
    // A server that does not ask for NTLM gets no handshake: the first response stands.
    let open: Vec<&String> = log.iter().filter(|l| l.starts_with("open")).collect();
    assert_eq!(open.len(), 10);
    assert!(open.iter().all(|l| l.ends_with("auth=false")), "{log:#?}");
    // One connection per handshake plus the run's keep-alive one for the plain requests: the
    // handshake opens no stray connections either.
    let accepted = log.iter().filter(|l| l.starts_with("accept")).count();
    assert_eq!(accepted, 11, "{log:#?}");
}

#[test]
fn ntlm_wrong_password_gets_401() {
    let (url, log) = start();
    let dir = tempdir();
    let path = write(dir.path(), "c.json", &collection(&url, credentials("nope")));
    let out = postie(&["run", &path]);
    let log = log.lock().expect("log").clone();
    out.check(out.code == 1, "the run fails");
    out.check(out.stdout.contains("401 Unauthorized"), "the 401 stands");
    out.check(
        out.stdout.contains("authenticated") && out.stdout.contains("AssertionError"),
        "the status assertion failed",
    );
    assert!(
        log.iter()
            .any(|l| l.contains("rejected: bad NTProofStr for CORP\\alice")),
        "{log:#?}"
    );
    // One handshake only: no retry loop after the rejected type 3 message.
    assert_eq!(log.iter().filter(|l| l.starts_with("type1")).count(), 1);
}

#[test]
fn ntlm_disable_retry_request_keeps_the_first_401() {
    let (url, log) = start();
    let dir = tempdir();
    let mut params = credentials(PASSWORD);
    if let Some(list) = params.as_array_mut() {
        list.push(
            serde_json::json!({"key": "disableRetryRequest", "value": true, "type": "boolean"}),
        );
    }
    let path = write(dir.path(), "c.json", &collection(&url, params));
    let out = postie(&["run", &path]);
    out.check(out.code == 1, "the run fails");
    let log = log.lock().expect("log").clone();
    assert!(!log.iter().any(|l| l.starts_with("type")), "{log:#?}");
}
