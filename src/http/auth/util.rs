//! Helpers shared by the signers: RFC 3986 encoding, hashing/HMAC, URL parts, clock and nonces.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use rand::Rng as _;
use sha1::Sha1;
use sha2::{Digest as _, Sha256, Sha384, Sha512};

/// What RFC 3986 leaves unencoded: `A-Z a-z 0-9 - . _ ~`.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encode everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub(super) fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// Encode a query parameter's key or value the way Newman adds one to a URL: the characters that
/// would split it (`&`, `#`, space, and `=` in a key) are escaped, and so are the ones Newman's
/// query encoding escapes (`"`, `'`, `<`, `>`, control and non-ASCII characters as UTF-8), since
/// the parameter joins a URL that is already encoded; `%` is left as typed, so an
/// already-encoded `%20` stays one.
pub(super) fn query_param_encode(text: &str, key: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("%26"),
            '#' => out.push_str("%23"),
            ' ' => out.push_str("%20"),
            '=' if key => out.push_str("%3D"),
            '"' | '\'' | '<' | '>' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_ascii_control() || !c.is_ascii() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Decode `%XX` escapes (and `+` as space when `plus_is_space`); bad escapes are kept as is.
pub(super) fn percent_decode(text: &str, plus_is_space: bool) -> String {
    if plus_is_space && text.contains('+') {
        percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    } else {
        percent_decode_str(text).decode_utf8_lossy().into_owned()
    }
}

/// `a=1&b&c=` as decoded pairs (form rules: `+` is a space); empty segments are skipped.
pub(super) fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// Lower-case hex.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard base64 with padding.
pub(super) fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// URL-safe base64 without padding.
pub(super) fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The hash functions the HMAC-based signers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// The digest of `data`.
    pub(super) fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => Sha1::digest(data).to_vec(),
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    /// HMAC of `data` under `key` (any key length is valid for HMAC).
    pub(super) fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        fn run<M: Mac + hmac::digest::KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
            let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(key)
                .unwrap_or_else(|_| <M as hmac::digest::KeyInit>::new(&Default::default()));
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        match self {
            Hash::Sha1 => run::<Hmac<Sha1>>(key, data),
            Hash::Sha256 => run::<Hmac<Sha256>>(key, data),
            Hash::Sha384 => run::<Hmac<Sha384>>(key, data),
            Hash::Sha512 => run::<Hmac<Sha512>>(key, data),
        }
    }
}

/// A random string of `len` ASCII letters and digits.
pub(super) fn random_alnum(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..len)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}

/// Seconds since the Unix epoch.
pub(super) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A UTC calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Utc {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u64,
    pub minute: u64,
    pub second: u64,
}

impl Utc {
    /// The calendar time of `secs` after the Unix epoch (proleptic Gregorian calendar).
    pub(super) fn from_unix(secs: u64) -> Self {
        let days = (secs / 86_400) as i64;
        let rem = secs % 86_400;
        // Civil-from-days (Howard Hinnant's public-domain algorithm description).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Utc {
            year,
            month,
            day,
            hour: rem / 3_600,
            minute: rem % 3_600 / 60,
            second: rem % 60,
        }
    }
}

/// The parts of an absolute URL the signers need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct UrlParts {
    /// Lower-case scheme.
    pub scheme: String,
    /// Lower-case host (IPv6 in brackets).
    pub host: String,
    /// The port, explicit or the scheme's default.
    pub port: u16,
    /// True when `port` is the scheme's default.
    pub default_port: bool,
    /// The path as sent (percent-encoded), `/` at least.
    pub path: String,
    /// The raw query without `?`, if any.
    pub query: Option<String>,
}

impl UrlParts {
    /// Parse `url` as the HTTP client will.
    pub(super) fn parse(url: &str) -> Result<Self, String> {
        let parsed = reqwest::Url::parse(url).map_err(|e| format!("invalid URL \"{url}\": {e}"))?;
        let host = parsed.host_str().unwrap_or("").to_ascii_lowercase();
        let port = parsed.port_or_known_default().unwrap_or(0);
        let path = if parsed.path().is_empty() {
            "/".to_string()
        } else {
            parsed.path().to_string()
        };
        Ok(UrlParts {
            scheme: parsed.scheme().to_ascii_lowercase(),
            host,
            port,
            default_port: parsed.port().is_none(),
            path,
            query: parsed.query().map(str::to_string),
        })
    }

    /// `host` or `host:port` when the port is not the default, as in a `Host` header.
    pub(super) fn authority(&self) -> String {
        if self.default_port {
            self.host.clone()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// Path plus `?query` when there is one.
    pub(super) fn resource(&self) -> String {
        match &self.query {
            Some(q) => format!("{}?{q}", self.path),
            None => self.path.clone(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn util_encoding_round_trips() {
        assert_eq!(percent_encode("a b+~/é"), "a%20b%2B~%2F%C3%A9");
        assert_eq!(percent_decode("a%20b+%zz%", true), "a b %zz%");
        assert_eq!(
            form_pairs("c2&a3=2+q&b5=%3D%253D"),
            [
                ("c2".to_string(), String::new()),
                ("a3".into(), "2 q".into()),
                ("b5".into(), "=%3D".into())
            ]
        );
    }

    #[test]
    fn util_utc_calendar() {
        let t = Utc::from_unix(1_440_938_160);
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute, t.second),
            (2015, 8, 30, 12, 36, 0)
        );
        let t = Utc::from_unix(951_782_400);
        assert_eq!((t.year, t.month, t.day), (2000, 2, 29));
    }

    #[test]
    fn util_url_parts() {
        let u = UrlParts::parse("HTTP://Example.COM:8000/resource/1?b=1&a=2").unwrap();
        assert_eq!(u.authority(), "example.com:8000");
        assert_eq!(u.resource(), "/resource/1?b=1&a=2");
        assert!(UrlParts::parse("https://h").unwrap().default_port);
    }
}
