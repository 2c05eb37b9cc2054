//! `ntlm`: the NTLM handshake over HTTP (MS-NLMP), answered with NTLMv2.
//!
//! As in Postman, the request first goes out without credentials. When the server answers
//! 401/403 and offers `WWW-Authenticate: NTLM` (or `Negotiate`), the request is sent again with
//! `Authorization: NTLM <NEGOTIATE_MESSAGE>`; the server's 401 carries the
//! `CHALLENGE_MESSAGE`, and the request is sent a last time with the `AUTHENTICATE_MESSAGE`
//! (NTLMv2 and LMv2 responses). `disableRetryRequest` turns the handshake off. The step is read
//! from the `Authorization` header of the request that was just answered, so each step is a
//! pure function of that request and its response.
//!
//! NTLM authenticates the connection, not the request: the runner sends the last two messages
//! over one connection of their own (see [`crate::http::HttpClient::single_connection`]).
//!
//! Everything below [`replay`] is the message encoding and the crypto, free of I/O.

use super::util::{b64, unix_now};
use super::{AuthResult, Params};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use md4::{Digest as _, Md4};
use md5::Md5;

/// `NTLMSSP_NEGOTIATE_UNICODE`.
const NEGOTIATE_UNICODE: u32 = 0x0000_0001;
/// `NTLM_NEGOTIATE_OEM`.
const NEGOTIATE_OEM: u32 = 0x0000_0002;
/// `NTLMSSP_REQUEST_TARGET`.
const REQUEST_TARGET: u32 = 0x0000_0004;
/// `NTLMSSP_NEGOTIATE_NTLM`.
const NEGOTIATE_NTLM: u32 = 0x0000_0200;
/// `NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED`.
const OEM_DOMAIN_SUPPLIED: u32 = 0x0000_1000;
/// `NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED`.
const OEM_WORKSTATION_SUPPLIED: u32 = 0x0000_2000;
/// `NTLMSSP_NEGOTIATE_ALWAYS_SIGN`.
const NEGOTIATE_ALWAYS_SIGN: u32 = 0x0000_8000;
/// `NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY`.
const EXTENDED_SESSIONSECURITY: u32 = 0x0008_0000;
/// `NTLMSSP_NEGOTIATE_VERSION`.
const NEGOTIATE_VERSION: u32 = 0x0200_0000;
/// `NTLMSSP_NEGOTIATE_128`.
const NEGOTIATE_128: u32 = 0x2000_0000;
/// `NTLMSSP_NEGOTIATE_KEY_EXCH`.
const NEGOTIATE_KEY_EXCH: u32 = 0x4000_0000;
/// `NTLMSSP_NEGOTIATE_56`.
const NEGOTIATE_56: u32 = 0x8000_0000;

/// Every message starts with this.
const SIGNATURE: &[u8; 8] = b"NTLMSSP\0";
/// `MsvAvTimestamp` in the target information.
const AV_TIMESTAMP: u16 = 7;
/// `MsvAvEOL`.
const AV_EOL: u16 = 0;
/// Seconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
const FILETIME_UNIX_OFFSET: u64 = 11_644_473_600;

/// The request to send after a 401/403 `response_headers` to a request that carried
/// `request_headers`: the negotiate message after the server's first NTLM challenge, the
/// authenticate message after its `CHALLENGE_MESSAGE`; `None` once the handshake is over or
/// when the server does not ask for NTLM.
pub(super) fn replay(
    p: &Params<'_>,
    request_headers: &[(String, String)],
    response_headers: &[(String, String)],
) -> Option<AuthResult> {
    if p.flag("disableRetryRequest") {
        return None;
    }
    let (username, domain) = split_username(&p.get("username"), &p.get("domain"));
    let workstation = p.get("workstation");
    let sent = crate::http::message::find_header(request_headers, "authorization")
        .and_then(ntlm_token)
        .and_then(decode_token)
        .and_then(|message| message_type(&message));
    let challenges = response_headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("www-authenticate"))
        .map(|(_, v)| v.as_str());
    let message = match sent {
        None => {
            let offered = challenges.clone().flat_map(|v| v.split(',')).any(|c| {
                let scheme = c.split_whitespace().next().unwrap_or_default();
                scheme.eq_ignore_ascii_case("ntlm") || scheme.eq_ignore_ascii_case("negotiate")
            });
            if !offered {
                return None;
            }
            negotiate_message(&domain, &workstation)
        }
        Some(1) => {
            let challenge = challenges
                .filter_map(ntlm_token)
                .filter_map(decode_token)
                .find_map(|bytes| Challenge::parse(&bytes));
            // Without a challenge there is nothing to answer: the 401 stands.
            let challenge = challenge?;
            let credentials = Credentials {
                username: &username,
                password: &p.get("password"),
                domain: &domain,
                workstation: &workstation,
            };
            let client_challenge: [u8; 8] = rand::random();
            let time = challenge
                .timestamp()
                .unwrap_or_else(|| (unix_now() + FILETIME_UNIX_OFFSET) * 10_000_000);
            authenticate_message(&challenge, &credentials, client_challenge, time)
        }
        Some(_) => return None,
    };
    Some(AuthResult::header(
        "Authorization",
        format!("NTLM {}", b64(&message)),
    ))
}

/// `DOMAIN\user` or `user@domain` in the username supply the domain when none is given, as in
/// Postman.
fn split_username(username: &str, domain: &str) -> (String, String) {
    if domain.is_empty() {
        if let Some((d, u)) = username.split_once('\\') {
            return (u.to_string(), d.to_string());
        }
        if let Some((u, d)) = username.rsplit_once('@') {
            return (u.to_string(), d.to_string());
        }
    }
    (username.to_string(), domain.to_string())
}

/// The base64 token of an `NTLM <token>` header value.
fn ntlm_token(value: &str) -> Option<&str> {
    let value = value.trim();
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("ntlm").then_some(token.trim())
}

/// Base64-decode a token.
fn decode_token(token: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(token).ok()
}

/// The `MessageType` of an NTLM message (1, 2 or 3).
fn message_type(message: &[u8]) -> Option<u32> {
    if message.get(..8)? != SIGNATURE {
        return None;
    }
    read_u32(message, 8)
}

fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The payload a `(Len, MaxLen, Offset)` field descriptor at `at` points to.
fn read_field(message: &[u8], at: usize) -> Option<&[u8]> {
    let len = usize::from(read_u16(message, at)?);
    let offset = usize::try_from(read_u32(message, at + 4)?).ok()?;
    message.get(offset..offset.checked_add(len)?)
}

/// UTF-16LE.
fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A string as the flags say: UTF-16LE with `NEGOTIATE_UNICODE`, else OEM (8-bit) bytes.
fn encode_string(text: &str, flags: u32) -> Vec<u8> {
    if flags & NEGOTIATE_UNICODE != 0 {
        utf16le(text)
    } else {
        text.as_bytes().to_vec()
    }
}

/// Builds a message: fixed header, then payloads whose field descriptors are patched in.
struct MessageWriter {
    bytes: Vec<u8>,
    payloads: Vec<(usize, Vec<u8>)>,
}

impl MessageWriter {
    fn new(message_type: u32) -> Self {
        let mut bytes = SIGNATURE.to_vec();
        bytes.extend_from_slice(&message_type.to_le_bytes());
        MessageWriter {
            bytes,
            payloads: Vec::new(),
        }
    }

    /// Reserve a field descriptor for `payload`.
    fn field(&mut self, payload: Vec<u8>) {
        self.payloads.push((self.bytes.len(), payload));
        self.bytes.extend_from_slice(&[0; 8]);
    }

    fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// Append the payloads after the header and fill in their descriptors. Fields longer than
    /// 65,535 bytes are truncated (no real credential is that long).
    fn finish(mut self) -> Vec<u8> {
        for (at, mut payload) in std::mem::take(&mut self.payloads) {
            payload.truncate(usize::from(u16::MAX));
            let len = u16::try_from(payload.len())
                .unwrap_or(u16::MAX)
                .to_le_bytes();
            let offset = u32::try_from(self.bytes.len())
                .unwrap_or(u32::MAX)
                .to_le_bytes();
            self.bytes[at..at + 2].copy_from_slice(&len);
            self.bytes[at + 2..at + 4].copy_from_slice(&len);
            self.bytes[at + 4..at + 8].copy_from_slice(&offset);
            self.bytes.extend_from_slice(&payload);
        }
        self.bytes
    }
}

/// The `NEGOTIATE_MESSAGE` (type 1), naming the domain and workstation when given (OEM
/// encoded, as the spec requires in this message).
fn negotiate_message(domain: &str, workstation: &str) -> Vec<u8> {
    let mut flags = NEGOTIATE_UNICODE
        | NEGOTIATE_OEM
        | REQUEST_TARGET
        | NEGOTIATE_NTLM
        | NEGOTIATE_ALWAYS_SIGN
        | EXTENDED_SESSIONSECURITY
        | NEGOTIATE_128
        | NEGOTIATE_56;
    if !domain.is_empty() {
        flags |= OEM_DOMAIN_SUPPLIED;
    }
    if !workstation.is_empty() {
        flags |= OEM_WORKSTATION_SUPPLIED;
    }
    let mut w = MessageWriter::new(1);
    w.u32(flags);
    w.field(domain.to_ascii_uppercase().into_bytes());
    w.field(workstation.to_ascii_uppercase().into_bytes());
    w.finish()
}

/// What a `CHALLENGE_MESSAGE` (type 2) carries that the answer needs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Challenge {
    flags: u32,
    server_challenge: [u8; 8],
    target_info: Vec<u8>,
}

impl Challenge {
    /// Parse a type 2 message.
    fn parse(message: &[u8]) -> Option<Self> {
        if message_type(message)? != 2 {
            return None;
        }
        let flags = read_u32(message, 20)?;
        let server_challenge = message.get(24..32)?.try_into().ok()?;
        // Old servers stop after the reserved bytes: no target information.
        let target_info = if message.len() >= 48 {
            read_field(message, 40)?.to_vec()
        } else {
            Vec::new()
        };
        Some(Challenge {
            flags,
            server_challenge,
            target_info,
        })
    }

    /// The server's `MsvAvTimestamp` (FILETIME), used instead of the local clock when present.
    fn timestamp(&self) -> Option<u64> {
        let info = &self.target_info;
        let mut at = 0;
        while let (Some(id), Some(len)) = (read_u16(info, at), read_u16(info, at + 2)) {
            let value = info.get(at + 4..at + 4 + usize::from(len))?;
            match id {
                AV_EOL => return None,
                AV_TIMESTAMP => return Some(u64::from_le_bytes(value.try_into().ok()?)),
                _ => at += 4 + usize::from(len),
            }
        }
        None
    }
}

/// Who authenticates.
struct Credentials<'a> {
    username: &'a str,
    password: &'a str,
    domain: &'a str,
    workstation: &'a str,
}

/// HMAC-MD5.
fn hmac_md5(key: &[u8], parts: &[&[u8]]) -> [u8; 16] {
    let mut mac = <Hmac<Md5> as hmac::digest::KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| <Hmac<Md5> as hmac::digest::KeyInit>::new(&Default::default()));
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// The NT hash: MD4 of the UTF-16LE password.
fn nt_hash(password: &str) -> [u8; 16] {
    Md4::digest(utf16le(password)).into()
}

/// `NTOWFv2` (equal to `LMOWFv2`): HMAC-MD5 keyed with the NT hash over
/// UTF-16LE(uppercase(user) + domain).
fn ntowf_v2(password: &str, username: &str, domain: &str) -> [u8; 16] {
    let identity = utf16le(&format!("{}{domain}", username.to_uppercase()));
    hmac_md5(&nt_hash(password), &[&identity])
}

/// The NTLMv2 and LMv2 responses.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Responses {
    /// `NTProofStr` followed by the blob.
    nt: Vec<u8>,
    /// HMAC-MD5(key, server challenge + client challenge) followed by the client challenge.
    lm: Vec<u8>,
}

/// NTLMv2 (MS-NLMP 3.3.2) with `key` = `NTOWFv2`, `time` as FILETIME.
fn ntlmv2_responses(
    key: &[u8; 16],
    server_challenge: &[u8; 8],
    client_challenge: &[u8; 8],
    time: u64,
    target_info: &[u8],
) -> Responses {
    let mut blob = vec![1, 1, 0, 0, 0, 0, 0, 0];
    blob.extend_from_slice(&time.to_le_bytes());
    blob.extend_from_slice(client_challenge);
    blob.extend_from_slice(&[0; 4]);
    blob.extend_from_slice(target_info);
    blob.extend_from_slice(&[0; 4]);
    let proof = hmac_md5(key, &[server_challenge, &blob]);
    let mut nt = proof.to_vec();
    nt.extend_from_slice(&blob);
    let mut lm = hmac_md5(key, &[server_challenge, client_challenge]).to_vec();
    lm.extend_from_slice(client_challenge);
    Responses { nt, lm }
}

/// The `AUTHENTICATE_MESSAGE` (type 3) answering `challenge`. Flags are the server's, without
/// key exchange (no session key is sent: HTTP does not sign or seal) and without the version
/// field; strings are UTF-16LE when the server negotiated Unicode.
fn authenticate_message(
    challenge: &Challenge,
    credentials: &Credentials<'_>,
    client_challenge: [u8; 8],
    time: u64,
) -> Vec<u8> {
    let key = ntowf_v2(
        credentials.password,
        credentials.username,
        credentials.domain,
    );
    let responses = ntlmv2_responses(
        &key,
        &challenge.server_challenge,
        &client_challenge,
        time,
        &challenge.target_info,
    );
    let mut flags = challenge.flags & !(NEGOTIATE_KEY_EXCH | NEGOTIATE_VERSION);
    if flags & NEGOTIATE_UNICODE != 0 {
        flags &= !NEGOTIATE_OEM;
    }
    let mut w = MessageWriter::new(3);
    w.field(responses.lm);
    w.field(responses.nt);
    w.field(encode_string(credentials.domain, flags));
    w.field(encode_string(credentials.username, flags));
    w.field(encode_string(credentials.workstation, flags));
    w.field(Vec::new());
    w.u32(flags);
    w.finish()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{auth, header_of};
    use super::*;

    fn unhex(text: &str) -> Vec<u8> {
        let text: String = text.split_whitespace().collect();
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    // MS-NLMP 4.2.4 (NTLMv2 authentication): user "User", domain "Domain", password
    // "Password", server challenge 0123456789abcdef, client challenge aa..aa, time 0.
    const SERVER_CHALLENGE: [u8; 8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];
    const CLIENT_CHALLENGE: [u8; 8] = [0xaa; 8];

    /// The spec's CHALLENGE_MESSAGE (4.2.4.3): target name "Server", target information
    /// NbDomainName "Domain", NbComputerName "Server".
    fn spec_challenge() -> Vec<u8> {
        unhex(
            "4e544c4d53535000 02000000 0c000c00 38000000 33828ae2 0123456789abcdef
             0000000000000000 24002400 44000000 060070170000000f
             530065007200760065007200
             02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000",
        )
    }

    #[test]
    fn ntlm_spec_keys() {
        assert_eq!(
            nt_hash("Password").to_vec(),
            unhex("a4f49c406510bdcab6824ee7c30fd852")
        );
        assert_eq!(
            ntowf_v2("Password", "User", "Domain").to_vec(),
            unhex("0c868a403bfd7a93a3001ef22ef02e3f")
        );
    }

    #[test]
    fn ntlm_spec_challenge_parses() {
        let c = Challenge::parse(&spec_challenge()).unwrap();
        assert_eq!(c.flags, 0xe28a_8233);
        assert_eq!(c.server_challenge, SERVER_CHALLENGE);
        assert_eq!(
            c.target_info,
            unhex("02000c0044006f006d00610069006e0001000c00530065007200760065007200 00000000")
        );
        assert_eq!(c.timestamp(), None);
    }

    #[test]
    fn ntlm_spec_ntlmv2_and_lmv2_responses() {
        let c = Challenge::parse(&spec_challenge()).unwrap();
        let key = ntowf_v2("Password", "User", "Domain");
        let r = ntlmv2_responses(
            &key,
            &SERVER_CHALLENGE,
            &CLIENT_CHALLENGE,
            0,
            &c.target_info,
        );
        // NTProofStr (4.2.4.2.2) and the session base key (4.2.4.1.2) derived from it.
        assert_eq!(r.nt[..16], unhex("68cd0ab851e51c96aabc927bebef6a1c"));
        assert_eq!(
            hmac_md5(&key, &[&r.nt[..16]]).to_vec(),
            unhex("8de40ccadbc14a82f15cb0ad0de95ca3")
        );
        // LMv2 (4.2.4.2.1).
        assert_eq!(
            r.lm,
            unhex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")
        );
        assert_eq!(
            r.nt[16..28],
            unhex("0101000000000000 0000000000000000")[..12]
        );
    }

    #[test]
    fn ntlm_authenticate_message_layout() {
        let c = Challenge::parse(&spec_challenge()).unwrap();
        let creds = Credentials {
            username: "User",
            password: "Password",
            domain: "Domain",
            workstation: "COMPUTER",
        };
        let m = authenticate_message(&c, &creds, CLIENT_CHALLENGE, 0);
        assert_eq!(message_type(&m), Some(3));
        assert_eq!(
            read_field(&m, 12).unwrap(),
            unhex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")
        );
        assert_eq!(
            read_field(&m, 20).unwrap()[..16],
            unhex("68cd0ab851e51c96aabc927bebef6a1c")
        );
        assert_eq!(read_field(&m, 28).unwrap(), utf16le("Domain"));
        assert_eq!(read_field(&m, 36).unwrap(), utf16le("User"));
        assert_eq!(read_field(&m, 44).unwrap(), utf16le("COMPUTER"));
        assert!(read_field(&m, 52).unwrap().is_empty());
        let flags = read_u32(&m, 60).unwrap();
        assert_eq!(flags & NEGOTIATE_KEY_EXCH, 0);
        assert_eq!(flags & NEGOTIATE_UNICODE, NEGOTIATE_UNICODE);
        assert_eq!(read_u32(&m, 20 + 4).unwrap(), 64 + 24);
    }

    #[test]
    fn ntlm_negotiate_message() {
        let m = negotiate_message("dom", "");
        assert_eq!(message_type(&m), Some(1));
        let flags = read_u32(&m, 12).unwrap();
        assert_ne!(flags & OEM_DOMAIN_SUPPLIED, 0);
        assert_eq!(flags & OEM_WORKSTATION_SUPPLIED, 0);
        assert_eq!(read_field(&m, 16).unwrap(), b"DOM");
        assert_eq!(read_field(&m, 24).unwrap(), b"");
    }

    #[test]
    fn ntlm_timestamp_from_target_info() {
        let mut info = unhex("01000400 53005600 07000800");
        info.extend_from_slice(&42u64.to_le_bytes());
        info.extend_from_slice(&[0; 4]);
        let c = Challenge {
            flags: 0,
            server_challenge: [0; 8],
            target_info: info,
        };
        assert_eq!(c.timestamp(), Some(42));
    }

    #[test]
    fn ntlm_usernames_carry_domains() {
        assert_eq!(split_username("D\\u", ""), ("u".into(), "D".into()));
        assert_eq!(split_username("u@d.x", ""), ("u".into(), "d.x".into()));
        assert_eq!(split_username("D\\u", "E"), ("D\\u".into(), "E".into()));
    }

    fn step(
        a: &crate::collection::Auth,
        sent: Option<&str>,
        challenge: &str,
    ) -> Option<AuthResult> {
        let p = Params { auth: a };
        let request: Vec<(String, String)> = sent
            .map(|v| ("Authorization".to_string(), v.to_string()))
            .into_iter()
            .collect();
        replay(
            &p,
            &request,
            &[("www-authenticate".into(), challenge.into())],
        )
    }

    #[test]
    fn ntlm_handshake_steps() {
        let a = auth("ntlm", &[("username", "User"), ("password", "Password")]);
        // Not asked for NTLM: nothing to do.
        assert!(step(&a, None, "Basic realm=x").is_none());
        // Asked: the negotiate message.
        let t1 = header_of(&step(&a, None, "Negotiate, NTLM").unwrap(), "authorization").unwrap();
        let m1 = decode_token(ntlm_token(&t1).unwrap()).unwrap();
        assert_eq!(message_type(&m1), Some(1));
        // The challenge: the authenticate message.
        let t2 = format!("NTLM {}", b64(&spec_challenge()));
        let t3 = header_of(&step(&a, Some(&t1), &t2).unwrap(), "authorization").unwrap();
        let m3 = decode_token(ntlm_token(&t3).unwrap()).unwrap();
        assert_eq!(message_type(&m3), Some(3));
        // After the authenticate message, a 401 stands.
        assert!(step(&a, Some(&t3), &t2).is_none());
        // A negotiate answered without a challenge: the 401 stands.
        assert!(step(&a, Some(&t1), "NTLM").is_none());
        // disableRetryRequest: no handshake at all.
        let mut off = a.clone();
        off.params
            .insert("disableRetryRequest".into(), serde_json::json!(true));
        assert!(step(&off, None, "NTLM").is_none());
    }
}
