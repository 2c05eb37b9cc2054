//! Where an export or a report goes, as Newman decides: a path naming an existing folder gets
//! an auto-named file inside it, and a report without `--reporter-<name>-export` goes to
//! `newman/`. The names are Newman's, `<default name>-<timestamp>0.<ext>` with the timestamp
//! the ISO time's digits joined by `-` (`newman-run-report-2026-01-02-03-04-05-678-0.json`).

use std::path::{Path, PathBuf};

/// The current time in milliseconds since the Unix epoch.
pub fn now_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// Newman's file-name timestamp: the ISO time with every run of non-digits turned into `-`
/// (`2026-01-02T03:04:05.678Z` → `2026-01-02-03-04-05-678-`).
pub fn file_timestamp(millis: u128) -> String {
    let iso = crate::vars::dynamic::iso_timestamp(millis);
    let mut out = String::with_capacity(iso.len());
    for c in iso.chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// `default_file` (`newman-run-report.json`) with Newman's timestamp before its extension.
pub fn auto_name(default_file: &str, millis: u128) -> String {
    let (stem, ext) = match default_file.rfind('.') {
        Some(dot) if dot > 0 => default_file.split_at(dot),
        _ => (default_file, ""),
    };
    format!("{stem}-{}0{ext}", file_timestamp(millis))
}

/// `path`, or an auto-named file in it when it names an existing folder.
pub fn into_folder(path: &Path, default_file: &str, millis: u128) -> PathBuf {
    if path.is_dir() {
        path.join(auto_name(default_file, millis))
    } else {
        path.to_path_buf()
    }
}

/// Where a report goes without an export path: `newman/<auto name>`.
pub fn default_location(default_file: &str, millis: u128) -> PathBuf {
    Path::new("newman").join(auto_name(default_file, millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-01-02T03:04:05.678Z.
    const MILLIS: u128 = 1_767_323_045_678;

    #[test]
    fn target_names_files_as_newman() {
        assert_eq!(file_timestamp(MILLIS), "2026-01-02-03-04-05-678-");
        assert_eq!(
            auto_name("newman-run-report.json", MILLIS),
            "newman-run-report-2026-01-02-03-04-05-678-0.json"
        );
        assert_eq!(
            auto_name("newman-cookie-jar.json", MILLIS),
            "newman-cookie-jar-2026-01-02-03-04-05-678-0.json"
        );
        assert_eq!(
            default_location("newman-run-report.xml", MILLIS),
            Path::new("newman/newman-run-report-2026-01-02-03-04-05-678-0.xml")
        );
    }

    #[test]
    fn target_folder_gets_an_auto_named_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            into_folder(dir.path(), "newman-run-report.html", MILLIS),
            dir.path()
                .join("newman-run-report-2026-01-02-03-04-05-678-0.html")
        );
        let file = dir.path().join("r.html");
        assert_eq!(into_folder(&file, "newman-run-report.html", MILLIS), file);
    }
}
