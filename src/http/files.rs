//! Reading files that request bodies refer to (`formdata` file fields, `file` bodies): paths are
//! relative to `--working-dir`, and with `--no-insecure-file-read` nothing outside it is read.

use std::io;
use std::path::{Path, PathBuf};

/// Where body files may come from.
#[derive(Debug, Clone, Copy)]
pub struct FileAccess<'a> {
    /// Base for relative paths.
    pub working_dir: &'a Path,
    /// False with `--no-insecure-file-read`: refuse paths outside `working_dir`.
    pub allow_outside: bool,
}

impl FileAccess<'_> {
    /// The full path of `src`.
    pub fn path(&self, src: &str) -> PathBuf {
        self.working_dir.join(src)
    }

    /// Read `src`, honouring the working-directory rule.
    pub fn read(&self, src: &str) -> io::Result<Vec<u8>> {
        let path = self.path(src);
        if !self.allow_outside {
            let base = self.working_dir.canonicalize()?;
            let full = path.canonicalize()?;
            if !full.starts_with(&base) {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "PPERM: insecure file access outside working directory",
                ));
            }
        }
        std::fs::read(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_outside_working_dir_refused_when_asked() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let inner = dir.path().join("inner");
        std::fs::create_dir_all(&inner).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(inner.join("a.txt"), "a").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("b.txt"), "b").unwrap_or_else(|e| panic!("{e}"));
        let strict = FileAccess {
            working_dir: &inner,
            allow_outside: false,
        };
        assert_eq!(strict.read("a.txt").unwrap_or_default(), b"a");
        let err = strict.read("../b.txt").err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("PPERM")));
        let open = FileAccess {
            allow_outside: true,
            ..strict
        };
        assert_eq!(open.read("../b.txt").unwrap_or_default(), b"b");
    }
}
