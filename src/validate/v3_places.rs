//! A v3 folder's findings placed in its YAML files: the checks run on the v2.1 document the
//! folder stands for, so a finding's JSON path is turned back into the file it came from and
//! the v3 field in it ([`SourceMap`]), then into a line and column of that file
//! ([`v3::locate::place`]). The reader's own warnings (`FILE: field: why`) are placed the same
//! way.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::sink::{Relocate, Relocated};
use super::{Finding, Severity};
use crate::collection::v3::{self, SourceMap};

/// The relocator of a v3 folder's findings, reading each YAML file once.
pub(super) fn relocator(map: SourceMap) -> Relocate<'static> {
    let texts: RefCell<HashMap<PathBuf, Option<String>>> = RefCell::default();
    Box::new(move |path, in_text| {
        let (file, field) = map.find(path)?;
        let mut texts = texts.borrow_mut();
        let text = texts
            .entry(file.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(file).ok());
        Some(match text {
            Some(text) => placed(file, text, &field, in_text),
            None => Relocated {
                file: folder_of(file),
                path: field,
                position: None,
                line_text: None,
            },
        })
    })
}

/// The relocator of a YAML file holding the same shape as the JSON document read from it (an
/// environment or globals file): a JSON path is its YAML path.
pub(super) fn same_shape(file: &Path) -> Relocate<'static> {
    let file = file.to_path_buf();
    let text = std::fs::read_to_string(&file).ok();
    Box::new(move |path, in_text| {
        let text = text.as_deref()?;
        Some(placed(&file, text, path, in_text))
    })
}

/// `file` (text `text`) with the place of `field` in it.
fn placed(file: &Path, text: &str, field: &str, in_text: Option<(usize, usize)>) -> Relocated {
    // A script kept as a file: a place in the script is a place in the file.
    let script = file.extension().is_some_and(|e| e == "js");
    let position = if script {
        Some(in_text.unwrap_or((1, 1)))
    } else {
        v3::locate::place(text, field, in_text)
    };
    let line = position.and_then(|(l, _)| text.lines().nth(l.saturating_sub(1)));
    Relocated {
        file: file.to_path_buf(),
        path: field.to_string(),
        position,
        line_text: line.map(Into::into),
    }
}

/// The folder a missing definition file would describe (a folder without one).
fn folder_of(file: &Path) -> PathBuf {
    if file.is_dir() {
        return file.to_path_buf();
    }
    file.parent()
        .and_then(Path::parent)
        .unwrap_or(file)
        .to_path_buf()
}

/// A v3 reader warning (`FILE: field: why`, or `FILE: why`) as a finding placed in FILE; one
/// that names no file of its own goes to `dir`.
pub(super) fn warning(dir: &Path, text: &str, code: &'static str) -> Finding {
    let mut finding = Finding {
        severity: Severity::Warning,
        code,
        file: dir.to_path_buf(),
        path: None,
        position: None,
        line_text: None,
        message: text.to_string(),
        hint: None,
    };
    let Some((file, rest)) = split_file(text) else {
        return finding;
    };
    finding.file = file.to_path_buf();
    finding.message = rest.to_string();
    let Some((field, _)) = rest.split_once(": ").filter(|(f, _)| is_field(f)) else {
        return finding;
    };
    let Ok(source) = std::fs::read_to_string(file) else {
        return finding;
    };
    let to = placed(file, &source, field, None);
    finding.path = Some(to.path);
    finding.position = to.position;
    finding.line_text = to.line_text;
    finding
}

/// The file a warning starts with (`FILE: …`) and the rest.
fn split_file(text: &str) -> Option<(&Path, &str)> {
    text.match_indices(": ").find_map(|(i, _)| {
        let file = Path::new(&text[..i]);
        file.is_file().then(|| (file, &text[i + 2..]))
    })
}

/// Whether `text` reads as a v3 field path (`scripts[0].type`, `$kind`).
fn is_field(text: &str) -> bool {
    !text.is_empty() && !text.contains(' ')
}
