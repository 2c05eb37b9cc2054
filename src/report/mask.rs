//! Secret masking: every value of a secret variable is replaced by `********` in anything a
//! reporter prints.

use std::borrow::Cow;

/// The mask shown instead of a secret.
pub const MASK: &str = "********";

/// Secrets shorter than this are not masked (masking `a` would garble every line).
const MIN_SECRET_LEN: usize = 3;

/// Texts a credential may hold that are never secrets: what an unset or mistyped variable
/// becomes (`Bearer null`, `undefined`), JavaScript's other literal words. Masking them would
/// hide every `null` or `true` in later output.
const NEVER_SECRET: [&str; 6] = ["null", "undefined", "true", "false", "NaN", "Infinity"];

/// True when `value` is worth masking: long enough, not a literal word, not an unresolved
/// `{{variable}}` reference.
fn is_secret_text(value: &str) -> bool {
    let t = value.trim();
    if t.chars().count() < MIN_SECRET_LEN || NEVER_SECRET.contains(&t) {
        return false;
    }
    let unresolved =
        t.starts_with("{{") && t.ends_with("}}") && !t[2..t.len() - 2].contains(['{', '}']);
    !unresolved
}

/// Replaces known secret values in text.
#[derive(Debug, Clone, Default)]
pub struct Masker {
    secrets: Vec<String>,
    disabled: bool,
}

impl Masker {
    /// A masker for `secrets` (longest first, so overlapping secrets mask fully).
    pub fn new(secrets: impl IntoIterator<Item = String>) -> Self {
        let mut secrets: Vec<String> = secrets.into_iter().filter(|s| is_secret_text(s)).collect();
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        Masker {
            secrets,
            disabled: false,
        }
    }

    /// A masker that masks nothing (`--show-secrets`).
    pub fn disabled() -> Self {
        Masker {
            secrets: Vec::new(),
            disabled: true,
        }
    }

    /// True unless built by [`Masker::disabled`].
    pub fn is_enabled(&self) -> bool {
        !self.disabled
    }

    /// Also mask `secrets` from now on (credentials found during the run).
    pub fn add<'a>(&mut self, secrets: impl IntoIterator<Item = &'a String>) {
        if self.disabled {
            return;
        }
        let mut changed = false;
        for secret in secrets {
            if is_secret_text(secret) && !self.secrets.contains(secret) {
                self.secrets.push(secret.clone());
                changed = true;
            }
        }
        if changed {
            self.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
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

    /// `text` with every secret replaced by [`MASK`].
    pub fn mask<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for secret in &self.secrets {
            if out.contains(secret.as_str()) {
                out = Cow::Owned(out.replace(secret.as_str(), MASK));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_replaces_secrets_but_not_tiny_ones() {
        let m = Masker::new(["hunter2".to_string(), "x".to_string()]);
        assert_eq!(m.mask("?password=hunter2&x=1"), "?password=********&x=1");
        assert_eq!(Masker::disabled().mask("hunter2"), "hunter2");
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
