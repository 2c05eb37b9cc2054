//! User-facing errors for unusable input: they name the file (and line:col when known), say what
//! is wrong and, where possible, what to do. Rendered as one line `FILE:LINE:COL: message`, plus an
//! optional hint line. Every `Diagnostic` maps to exit code 2, but a run aborted by
//! `--bail folder` (see [`Diagnostic::run_aborted`]), which exits 1 as Newman does.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error in the user's input or command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in, if it is about a file.
    pub file: Option<PathBuf>,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Not unusable input: the run itself was aborted (`--bail folder` on an error).
    pub aborted: bool,
}

impl Diagnostic {
    /// A problem not tied to a file (e.g. a command-line value).
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            file: None,
            position: None,
            message: message.into(),
            hint: None,
            aborted: false,
        }
    }

    /// A run aborted on `message` (Newman's `--bail folder`): no report is written and the exit
    /// code is 1, not 2.
    pub fn run_aborted(message: impl Into<String>) -> Self {
        Diagnostic {
            aborted: true,
            ..Diagnostic::new(message)
        }
    }

    /// A problem in `file`.
    pub fn in_file(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            file: Some(file.to_path_buf()),
            position: None,
            message: message.into(),
            hint: None,
            aborted: false,
        }
    }

    /// Attach a 1-based line and column.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.position = Some((line, col));
        self
    }

    /// Attach a hint saying what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some((line, col)) = self.position {
                write!(f, ":{line}:{col}")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// The closest candidate to `wanted` (edit distance at most a third of its length), for "did you mean".
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&wanted.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_renders_file_position_and_hint() {
        let d = Diagnostic::in_file(Path::new("env.json"), "expected `,`")
            .at(12, 5)
            .with_hint("fix the JSON");
        assert_eq!(
            d.to_string(),
            "env.json:12:5: expected `,`\n  hint: fix the JSON"
        );
    }

    #[test]
    fn did_you_mean_finds_close_names() {
        assert_eq!(
            did_you_mean("partner", ["partners", "AUTH"]),
            Some("partners")
        );
        assert_eq!(did_you_mean("zzz", ["partners", "AUTH"]), None);
    }
}
