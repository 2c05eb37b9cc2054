//! Secret masking: every value of a secret variable is replaced by `********` in anything a
//! reporter prints.

use std::borrow::Cow;

/// The mask shown instead of a secret.
pub const MASK: &str = "********";

/// Secrets shorter than this are not masked (masking `a` would garble every line).
const MIN_SECRET_LEN: usize = 3;

/// Replaces known secret values in text.
#[derive(Debug, Clone, Default)]
pub struct Masker {
    secrets: Vec<String>,
}

impl Masker {
    /// A masker for `secrets` (longest first, so overlapping secrets mask fully).
    pub fn new(secrets: impl IntoIterator<Item = String>) -> Self {
        let mut secrets: Vec<String> = secrets
            .into_iter()
            .filter(|s| s.chars().count() >= MIN_SECRET_LEN)
            .collect();
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        Masker { secrets }
    }

    /// A masker that masks nothing (`--show-secrets`).
    pub fn disabled() -> Self {
        Masker::default()
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
}
