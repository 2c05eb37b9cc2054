//! File and folder names from item names: the characters a file name cannot hold become `-`,
//! and names are unique per folder, ignoring case.

use std::collections::HashSet;

/// The longest stem written, in characters (file systems allow 255 bytes per name, and the
/// longest suffix, `.resources`, must still fit).
const MAX_STEM: usize = 120;

/// The file-name stem for an item called `name`: `/ \ : * ? " < > |` and control characters
/// become `-`; a leading `.` (a hidden file, or `.resources`) and a trailing `.` or space
/// become `-`; an empty name is `untitled`; long names are cut.
pub(super) fn stem(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .take(MAX_STEM)
        .collect();
    if out.starts_with('.') {
        out.replace_range(0..1, "-");
    }
    if out.ends_with('.') || out.ends_with(' ') {
        out.pop();
        out.push('-');
    }
    if out.is_empty() {
        out.push_str("untitled");
    }
    out
}

/// The names taken in one folder (case-insensitively).
#[derive(Default)]
pub(super) struct Taken(HashSet<String>);

impl Taken {
    /// `stem`, or `stem (2)`, `stem (3)`… when another entry of the folder has it already.
    pub(super) fn claim(&mut self, stem: String) -> String {
        let mut candidate = stem.clone();
        let mut n = 2;
        while !self.0.insert(candidate.to_lowercase()) {
            candidate = format!("{stem} ({n})");
            n += 1;
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_replace_what_files_cannot_hold() {
        assert_eq!(stem("Health/check: v2?"), "Health-check- v2-");
        assert_eq!(stem(".resources"), "-resources");
        assert_eq!(stem("end."), "end-");
        assert_eq!(stem(""), "untitled");
        assert_eq!(stem("a\nb"), "a-b");
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let mut taken = Taken::default();
        assert_eq!(taken.claim("Get".into()), "Get");
        assert_eq!(taken.claim("get".into()), "get (2)");
        assert_eq!(taken.claim("GET".into()), "GET (3)");
    }
}
