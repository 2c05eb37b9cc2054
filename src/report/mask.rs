//! Secret masking: every value of a secret variable, and every credential the run sends, is
//! replaced by `********` in anything a reporter prints or writes.
//!
//! One [`Masker`] is shared by every reporter of a run (clones share what they learn), so the
//! terminal, the JSON, JUnit and HTML reports mask the same set. Each secret is also masked in the
//! forms it travels in: Base64 (standard, unpadded and URL-safe) and percent-encoded (as in a
//! query or a form body). Matching is one multi-pattern pass (Aho-Corasick, longest match first),
//! not one replace per secret.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::borrow::Cow;
use std::sync::{Arc, PoisonError, RwLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use base64::Engine;

/// The mask shown instead of a secret.
pub const MASK: &str = "********";

/// Declared secrets shorter than this are not masked (masking `a` would garble every line).
const MIN_SECRET_LEN: usize = 3;

/// Values learned from the run's credentials (auth fields, `Authorization`) shorter than this are
/// not masked.
const MIN_LEARNED_LEN: usize = 4;

/// Texts a credential may hold that are never secrets: what an unset or mistyped variable
/// becomes (`Bearer null`, `undefined`), JavaScript's other literal words. Masking them would
/// hide every `null` or `true` in later output.
const NEVER_SECRET: [&str; 6] = ["null", "undefined", "true", "false", "NaN", "Infinity"];

/// True when `value` is worth masking: at least `min` characters, not a literal word, not an
/// unresolved `{{variable}}` reference.
fn is_secret_text(value: &str, min: usize) -> bool {
    let t = value.trim();
    if t.chars().count() < min || NEVER_SECRET.contains(&t) {
        return false;
    }
    let unresolved =
        t.starts_with("{{") && t.ends_with("}}") && !t[2..t.len() - 2].contains(['{', '}']);
    !unresolved
}

/// True for names whose values are never printed: a name that says it is secret (`password`,
/// `secret`, `token`, `apikey`, `api_key`, in any case, anywhere in the name).
pub fn looks_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["password", "secret", "token", "apikey", "api_key"]
        .iter()
        .any(|word| key.contains(word))
}

/// The string values of the secret-looking fields ([`looks_secret`]) of a JSON document, at any
/// depth: what `--verbose` must not show of a body such as `{"login": …, "password": …}`. Text
/// that is not JSON has none.
pub fn secret_json_values(text: &str) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        serde_json::Value::String(s) if looks_secret(key) => out.push(s.clone()),
                        other => walk(other, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) {
        walk(&doc, &mut out);
    }
    out
}

/// What percent-encoding keeps: RFC 3986 unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// What a URL's query encoding escapes (a `%` already in the text is kept as typed).
const QUERY_AS_SENT: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'&')
    .add(b'\'')
    .add(b'<')
    .add(b'>');

/// The forms a secret travels in besides itself: Base64 (standard, without padding, URL-safe),
/// percent-encoded (every byte but unreserved ones; spaces also as `+`) and as a query value
/// carries it (`a%20b c` goes out as `a%20b%20c`).
fn encoded_forms(secret: &str) -> Vec<String> {
    let engines = [
        base64::engine::general_purpose::STANDARD.encode(secret),
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(secret),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret),
    ];
    let mut out: Vec<String> = engines.into_iter().collect();
    let percent = utf8_percent_encode(secret, UNRESERVED).to_string();
    out.push(percent.replace("%20", "+"));
    out.push(percent);
    out.push(utf8_percent_encode(secret, QUERY_AS_SENT).to_string());
    // An encoded form is only worth masking when it is as distinctive as the secret.
    out.retain(|form| form != secret && form.len() >= MIN_LEARNED_LEN);
    out
}

/// The secrets known so far and the matcher built from them.
#[derive(Debug, Default)]
struct MaskSet {
    /// Every text to mask: the secrets and their encoded forms.
    patterns: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl MaskSet {
    /// Add `secret` and its encoded forms; true when anything was new.
    fn insert(&mut self, secret: &str) -> bool {
        let mut changed = false;
        let secret = secret.to_string();
        for form in std::iter::once(secret.clone()).chain(encoded_forms(&secret)) {
            if !self.patterns.contains(&form) {
                self.patterns.push(form);
                changed = true;
            }
        }
        changed
    }

    /// Rebuild the matcher after [`MaskSet::insert`]s.
    fn rebuild(&mut self) {
        self.matcher = if self.patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.patterns)
                .ok()
        };
    }
}

/// Replaces known secret values in text. Clones share one set of secrets.
#[derive(Debug, Clone, Default)]
pub struct Masker {
    set: Arc<RwLock<MaskSet>>,
    disabled: bool,
}

impl Masker {
    /// A masker for `secrets` (declared secrets: at least three characters).
    pub fn new(secrets: impl IntoIterator<Item = String>) -> Self {
        let mut set = MaskSet::default();
        for secret in secrets {
            if is_secret_text(&secret, MIN_SECRET_LEN) {
                set.insert(&secret);
            }
        }
        set.rebuild();
        Masker {
            set: Arc::new(RwLock::new(set)),
            disabled: false,
        }
    }

    /// A masker that masks nothing (`--show-secrets`).
    pub fn disabled() -> Self {
        Masker {
            set: Arc::default(),
            disabled: true,
        }
    }

    /// True unless built by [`Masker::disabled`].
    pub fn is_enabled(&self) -> bool {
        !self.disabled
    }

    /// Also mask `secrets` from now on (credentials found during the run), in every clone.
    pub fn add<'a>(&mut self, secrets: impl IntoIterator<Item = &'a String>) {
        if self.disabled {
            return;
        }
        let fresh: Vec<&String> = {
            let set = self.set.read().unwrap_or_else(PoisonError::into_inner);
            secrets
                .into_iter()
                .filter(|s| is_secret_text(s, MIN_LEARNED_LEN) && !set.patterns.contains(*s))
                .collect()
        };
        if fresh.is_empty() {
            return;
        }
        let mut set = self.set.write().unwrap_or_else(PoisonError::into_inner);
        let mut changed = false;
        for secret in fresh {
            changed |= set.insert(secret);
        }
        if changed {
            set.rebuild();
        }
    }

    /// Learn the secrets of a request about to be reported: its auth credentials and its
    /// `Authorization` value (whole, and the part after the scheme), which servers may echo.
    pub fn learn_request(&mut self, request: &crate::http::HttpRequest, credentials: &[String]) {
        self.add(credentials.iter());
        if let Some(value) = request.header("authorization") {
            let mut found = vec![value.to_string()];
            if let Some((_, rest)) = value.split_once(' ') {
                found.push(rest.trim().to_string());
            }
            self.add(found.iter());
        }
    }

    /// The value to show for header `name`: `Authorization` values are always masked.
    pub fn header_value<'a>(&self, name: &str, value: &'a str) -> Cow<'a, str> {
        if !self.disabled && name.eq_ignore_ascii_case("authorization") {
            Cow::Borrowed(MASK)
        } else {
            self.mask(value)
        }
    }

    /// `text` with every secret (and encoded form of one) replaced by [`MASK`].
    pub fn mask<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.disabled {
            return Cow::Borrowed(text);
        }
        let set = self.set.read().unwrap_or_else(PoisonError::into_inner);
        match &set.matcher {
            Some(matcher) if matcher.is_match(text) => {
                let mut out = String::with_capacity(text.len());
                matcher.replace_all_with(text, &mut out, |_, _, dst| {
                    dst.push_str(MASK);
                    true
                });
                Cow::Owned(out)
            }
            _ => Cow::Borrowed(text),
        }
    }
}

impl Masker {
    /// Copy `input` to `output` with every secret replaced by [`MASK`], reading `input` piece by
    /// piece (for bodies too large to hold): bytes are masked whether or not they are UTF-8.
    /// Each piece keeps the last bytes a secret could still need back for the next one, so a
    /// secret split between pieces is masked as in one pass.
    pub fn mask_stream(
        &self,
        input: &mut dyn std::io::Read,
        output: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let set = self.set.read().unwrap_or_else(PoisonError::into_inner);
        let matcher = match &set.matcher {
            Some(matcher) if !self.disabled => matcher,
            _ => {
                std::io::copy(input, output)?;
                return Ok(());
            }
        };
        let keep = set.patterns.iter().map(String::len).max().unwrap_or(1) - 1;
        let mut buffer: Vec<u8> = Vec::new();
        let mut piece = vec![0u8; 1 << 20];
        loop {
            let read = input.read(&mut piece)?;
            buffer.extend_from_slice(&piece[..read]);
            let last = read == 0;
            // Matches starting before `safe` are decided by bytes already here.
            let safe = if last {
                buffer.len()
            } else {
                buffer.len().saturating_sub(keep)
            };
            let mut done = 0;
            for m in matcher.find_iter(&buffer[..]) {
                if m.start() >= safe {
                    break;
                }
                output.write_all(&buffer[done..m.start()])?;
                output.write_all(MASK.as_bytes())?;
                done = m.end();
            }
            let flushed = done.max(safe);
            output.write_all(&buffer[done..flushed])?;
            buffer.drain(..flushed);
            if last {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_finds_secret_fields_of_json_bodies() {
        let body = r#"{"url":"https://a","login":"me","password":"p4ss","nested":[{"access_token":"t0k"}],"n":{"secret":1}}"#;
        assert_eq!(secret_json_values(body), ["p4ss", "t0k"]);
        assert!(secret_json_values("password=x").is_empty());
        assert!(looks_secret("sub_account_PASSWORD") && !looks_secret("login"));
    }

    #[test]
    fn mask_replaces_secrets_but_not_tiny_ones() {
        let m = Masker::new(["hunter2".to_string(), "x".to_string()]);
        assert_eq!(m.mask("?password=hunter2&x=1"), "?password=********&x=1");
        assert_eq!(Masker::disabled().mask("hunter2"), "hunter2");
    }

    #[test]
    fn mask_stream_masks_as_one_pass_across_pieces() {
        let m = Masker::new(["s3cr3t-value".to_string(), "hunter22".to_string()]);
        let mut text = Vec::new();
        for i in 0..300_000 {
            text.extend_from_slice(format!("{i} s3cr3t-value, hunter22;").as_bytes());
        }
        text.extend_from_slice(&[0xff, 0xfe]);
        text.extend_from_slice(b"s3cr3t-valu");
        let mut out = Vec::new();
        // A reader handing out odd-sized pieces puts secrets across piece boundaries.
        struct Odd<'a>(&'a [u8], usize);
        impl std::io::Read for Odd<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.1 = self.1 % 7 + 1;
                let n = buf.len().min(self.0.len()).min(self.1 * 1000 + 3);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let result = m.mask_stream(&mut Odd(&text, 0), &mut out);
        assert!(result.is_ok());
        let lossy = String::from_utf8_lossy(&text);
        let expected = m.mask(&lossy).into_owned();
        assert_eq!(String::from_utf8_lossy(&out), expected);
        assert!(!String::from_utf8_lossy(&out).contains("hunter22"));
        let mut plain = Vec::new();
        let shown = Masker::disabled().mask_stream(&mut &b"hunter22"[..], &mut plain);
        assert!(shown.is_ok() && plain == b"hunter22");
    }

    #[test]
    fn mask_never_learns_null_empty_or_unresolved_values() {
        let mut m = Masker::new(["null".to_string(), "  ".to_string()]);
        m.add(&[
            "undefined".to_string(),
            "true".to_string(),
            "{{token}}".to_string(),
            String::new(),
        ]);
        let text = "null undefined true {{token}} x";
        assert_eq!(m.mask(text), text);
        m.add(&["{{a}}-real".to_string()]);
        assert_eq!(m.mask("k={{a}}-real"), "k=********");
    }

    #[test]
    fn mask_covers_encoded_forms_and_is_shared_by_clones() {
        let m = Masker::new(["s3cr3t pass".to_string()]);
        assert_eq!(m.mask("a czNjcjN0IHBhc3M= b"), "a ******** b");
        assert_eq!(
            m.mask("q=s3cr3t%20pass&r=s3cr3t+pass"),
            "q=********&r=********"
        );
        // A `%XX` already in the secret stays as typed in a query value.
        let q = Masker::new(["tok%20 x y".to_string()]);
        assert_eq!(
            q.mask("?access_token=tok%20%20x%20y&a=1"),
            "?access_token=********&a=1"
        );
        let mut learner = m.clone();
        let reporter = m.clone();
        learner.add(&["tok-9876".to_string(), "abc".to_string()]);
        assert_eq!(
            reporter.mask("tok-9876 abc"),
            "******** abc",
            "short learned values stay"
        );
        assert_eq!(reporter.mask("dG9rLTk4NzY="), MASK);
    }

    #[test]
    fn mask_overlapping_secrets_mask_fully() {
        let m = Masker::new(["abcdef".to_string(), "abcdefgh".to_string()]);
        assert_eq!(m.mask("xabcdefghx"), "x********x");
    }

    #[test]
    fn mask_learns_credentials_and_hides_authorization() {
        let mut m = Masker::new(Vec::new());
        m.add(&["tok-123".to_string()]);
        assert_eq!(m.mask("key=tok-123"), "key=********");
        assert_eq!(m.header_value("Authorization", "Basic xyz"), MASK);
        let mut off = Masker::disabled();
        off.add(&["tok-123".to_string()]);
        assert_eq!(off.mask("tok-123"), "tok-123");
        assert_eq!(off.header_value("authorization", "Basic xyz"), "Basic xyz");
    }
}
