//! Where one file's findings go: each is placed (line, column, line text) from its JSON path by
//! the file's [`JsonMap`], built the first time a finding needs it.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::locate::{JsonMap, Place};
use super::{Finding, Severity};
use crate::diagnostic::Diagnostic;

/// Where a finding goes instead of the sink's own file.
pub struct Relocated {
    /// The file.
    pub file: PathBuf,
    /// The path of the value in that file (a v3 field path).
    pub path: String,
    /// 1-based line and column, when found.
    pub position: Option<(usize, usize)>,
    /// The line `position` is on.
    pub line_text: Option<Box<str>>,
}

/// Places a finding's JSON path (and line and column inside a text value) in another file: a
/// v3 folder's findings go to its YAML files.
pub type Relocate<'t> = Box<dyn Fn(&str, Option<(usize, usize)>) -> Option<Relocated> + 't>;

/// One file's text and the findings about it.
pub struct Sink<'t> {
    file: &'t Path,
    text: &'t str,
    map: OnceCell<JsonMap<'t>>,
    /// Put before every path when placing it (`collection.` for the Postman API's wrapper).
    pub prefix: &'static str,
    /// For a v1 collection (checked as converted): converted paths → paths in the v1 file.
    pub v1_paths: HashMap<String, String>,
    /// For a v3 folder (no text of its own): where its findings go.
    pub relocate: Option<Relocate<'t>>,
    /// The findings so far.
    pub findings: Vec<Finding>,
}

impl<'t> Sink<'t> {
    /// Findings about `file`, whose text is `text` (valid JSON, or empty when it is not).
    pub fn new(file: &'t Path, text: &'t str) -> Self {
        Sink {
            file,
            text,
            map: OnceCell::new(),
            prefix: "",
            v1_paths: HashMap::new(),
            relocate: None,
            findings: Vec::new(),
        }
    }

    fn map(&self) -> &JsonMap<'t> {
        self.map.get_or_init(|| JsonMap::new(self.text))
    }

    /// A finding about the value at JSON `path`.
    pub fn add(&mut self, severity: Severity, code: &'static str, path: &str, message: String) {
        let full = self.full(path);
        if let Some(to) = self.relocate.as_ref().and_then(|r| r(&full, None)) {
            return self.push_to(severity, code, to, message);
        }
        let place = self.map().place(&full);
        self.push(severity, code, path, Some(place), message);
    }

    /// A finding at `line`:`column` (1-based) of the string (or list of lines) at `path`.
    pub fn add_in_text(
        &mut self,
        severity: Severity,
        code: &'static str,
        (path, line, column): (&str, usize, usize),
        message: String,
    ) {
        let full = self.full(path);
        if let Some(to) = self
            .relocate
            .as_ref()
            .and_then(|r| r(&full, Some((line, column))))
        {
            return self.push_to(severity, code, to, message);
        }
        let place = self.map().place_in_text(&full, line, column);
        self.push(severity, code, path, Some(place), message);
    }

    /// A finding placed in another file.
    fn push_to(&mut self, severity: Severity, code: &'static str, to: Relocated, message: String) {
        self.findings.push(Finding {
            severity,
            code,
            file: to.file,
            path: Some(to.path),
            position: to.position,
            line_text: to.line_text,
            message,
            hint: None,
        });
    }

    /// Where `path` is in the file: behind the API wrapper's prefix, or, for a v1 collection,
    /// the v1 place of it or of its nearest ancestor that has one.
    fn full(&self, path: &str) -> String {
        if self.v1_paths.is_empty() {
            return format!("{}{path}", self.prefix);
        }
        let mut at = path;
        loop {
            if let Some(mapped) = self.v1_paths.get(at) {
                return mapped.clone();
            }
            match at.rfind(['.', '[']) {
                Some(i) => at = &at[..i],
                None => return String::new(),
            }
        }
    }

    /// Attach a hint to the last finding.
    pub fn hint(&mut self, hint: impl Into<String>) {
        if let Some(last) = self.findings.last_mut() {
            last.hint = Some(hint.into());
        }
    }

    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: &str,
        place: Option<Place>,
        message: String,
    ) {
        self.findings.push(Finding {
            severity,
            code,
            file: self.file.to_path_buf(),
            path: Some(path.to_string()),
            position: place.as_ref().map(|p| (p.line, p.column)),
            line_text: place.map(|p| p.line_text),
            message,
            hint: None,
        });
    }

    /// A loader's message (`PATH: message`, or a note `FILE: PATH: message`) as a finding.
    pub fn loader_message(&mut self, severity: Severity, code: &'static str, text: &str) {
        let prefix = format!("{}: ", self.file.display());
        let text = text.strip_prefix(&prefix).unwrap_or(text);
        match text.split_once(": ") {
            Some((path, message)) if looks_like_path(path) => {
                self.add(severity, code, path, message.to_string())
            }
            _ => self.add(severity, code, "", text.to_string()),
        }
    }

    /// A [`Diagnostic`] (a file that cannot be read or parsed, a loader refusal) as an error.
    pub fn diagnostic(&mut self, code: &'static str, diagnostic: Diagnostic) {
        if diagnostic.position.is_none() {
            self.loader_message(Severity::Error, code, &diagnostic.message);
            if let Some(hint) = diagnostic.hint {
                self.hint(hint);
            }
            return;
        }
        self.findings.push(Finding {
            severity: Severity::Error,
            code,
            file: self.file.to_path_buf(),
            path: None,
            position: diagnostic.position,
            line_text: diagnostic.source_line,
            message: diagnostic.message,
            hint: diagnostic.hint,
        });
    }
}

/// Whether `text` reads as a JSON path the loader writes (`item[0].request.url`).
fn looks_like_path(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && !text.contains(' ')
}
