//! User-facing errors for unusable input: they name the file (and line:col when known), say what
//! is wrong and, where possible, what to do. Rendered as one line `FILE:LINE:COL: message`, then,
//! when the source text is at hand, that line with a caret under the column (hurl's and rustc's
//! snippet shape; long lines are cut to a window around the column), plus an optional hint line. Every `Diagnostic` maps to exit code 2, but a run aborted by
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
    /// The source line `position` points into, shown with a caret under the column.
    pub source_line: Option<Box<str>>,
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
            source_line: None,
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
            source_line: None,
            aborted: false,
        }
    }

    /// Attach a 1-based line and column.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.position = Some((line, col));
        self
    }

    /// Keep the line of `source` that the position points into, so the message shows it with a
    /// caret. Call after [`Diagnostic::at`]; without a position this does nothing.
    pub fn with_source(mut self, source: &str) -> Self {
        if let Some((line, _)) = self.position {
            self.source_line = source
                .split('\n')
                .nth(line.saturating_sub(1))
                .map(|l| l.trim_end_matches('\r').into());
        }
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
        if let (Some((line, col)), Some(text)) = (self.position, &self.source_line) {
            write_snippet(f, line, col, text)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Characters of a long source line shown on each side of the column.
const WINDOW: usize = 60;

/// The source line under a gutter with its number, and a caret under the 1-based `col` (in
/// characters). Tabs and other control characters show as one space each so the caret lines up; a
/// line longer than the window (minified JSON is one line) is cut around the column, with `…`.
fn write_snippet(f: &mut fmt::Formatter<'_>, line: usize, col: usize, text: &str) -> fmt::Result {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let at = col.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(WINDOW);
    let end = (at + WINDOW).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut caret_at = at - start;
    if start > 0 {
        shown.insert(0, '…');
        caret_at += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    write!(
        f,
        "\n {gutter} |\n {number} | {}\n {gutter} | {}^",
        shown.trim_end(),
        " ".repeat(caret_at)
    )
}

/// The closest candidate to `wanted` (edit distance at most a third of its length), for "did you mean".
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::levenshtein(&wanted.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
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
    fn diagnostic_shows_the_source_line_with_a_caret() {
        let source = "{\n  \"name\": \"x\"\n  \"item\": []\n}";
        let d = Diagnostic::in_file(Path::new("c.json"), "invalid JSON: expected `,` or `}`")
            .at(3, 3)
            .with_source(source)
            .with_hint("fix it");
        assert_eq!(
            d.to_string(),
            "c.json:3:3: invalid JSON: expected `,` or `}`\n   |\n 3 |   \"item\": []\n   |   ^\n  hint: fix it"
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let source = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::new("bad").at(1, 501).with_source(&source);
        let text = d.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        let shown = lines[2].trim_start_matches(" 1 | ");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let caret = lines[3].find('^').unwrap();
        let x = lines[2].find('X').unwrap();
        assert_eq!(
            lines[2][..x].chars().count(),
            lines[3][..caret].chars().count()
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
