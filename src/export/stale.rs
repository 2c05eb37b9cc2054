//! Leftovers of killed runs: an export is written through `.NAME.PID.tmp` (and a JSON report
//! through `.NAME.PID.spool`) beside its target, renamed or removed when the run ends. A run
//! killed with `kill -9` leaves them behind; the next export to the same folder removes those of
//! processes that no longer run, so they cannot pile up.

use std::path::Path;

/// Remove `.NAME.PID.tmp` / `.NAME.PID.spool` files in `dir` whose process is gone. Errors
/// (an unreadable folder, a file removed meanwhile) are ignored: this is housekeeping.
pub(crate) fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        let Some(pid) = leftover_pid(file, &prefix) else {
            continue;
        };
        if pid != std::process::id() && !process_runs(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in `.NAME.PID.tmp` / `.NAME.PID.spool`, when `file` is named so.
fn leftover_pid(file: &str, prefix: &str) -> Option<u32> {
    let rest = file.strip_prefix(prefix)?;
    let digits = rest
        .strip_suffix(".tmp")
        .or_else(|| rest.strip_suffix(".spool"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether process `pid` still runs. Where that cannot be known, it is taken as running (its
/// files are kept).
fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_names_are_recognised() {
        assert_eq!(leftover_pid(".env.json.123.tmp", ".env.json."), Some(123));
        assert_eq!(leftover_pid(".env.json.9.spool", ".env.json."), Some(9));
        assert_eq!(leftover_pid(".env.json.x1.tmp", ".env.json."), None);
        assert_eq!(leftover_pid(".other.json.1.tmp", ".env.json."), None);
        assert_eq!(leftover_pid(".env.json..tmp", ".env.json."), None);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn stale_files_of_dead_processes_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        // Process ids above the kernel's maximum (4,194,304) never run.
        let dead = dir.path().join(".out.json.4999999.tmp");
        let dead_spool = dir.path().join(".out.json.4999998.spool");
        let live = dir
            .path()
            .join(format!(".out.json.{}.tmp", std::process::id()));
        let other = dir.path().join(".else.json.4999999.tmp");
        for f in [&dead, &dead_spool, &live, &other] {
            std::fs::write(f, "x").unwrap_or_else(|e| panic!("write: {e}"));
        }
        remove_stale(dir.path(), "out.json");
        assert!(!dead.exists() && !dead_spool.exists());
        assert!(live.exists(), "this process's own file stays");
        assert!(other.exists(), "another export's files stay");
    }
}
