//! `postie validate`: checks collections, environments and globals without sending anything.
//!
//! Each file is read and parsed once; its JSON text is mapped ([`locate`]) so every finding
//! names `FILE:LINE:COL` and shows the line with a caret. A collection goes through postie's own
//! loader (its refusals and notes become findings: the same rules `postie run` applies), then
//! [`sites`] gathers what the other checks look at — scripts, texts with `{{name}}` references,
//! auth types, body modes, folder and request names — with their JSON paths:
//! [`schema`] (structure the loader lets pass but Postman's schema does not), [`scripts`]
//! (syntax compiled by the sandbox's QuickJS, `setNextRequest` targets, `pm.*` members the
//! sandbox lacks, variables scripts set), [`variables`] (`{{name}}` no scope defines) and
//! `--folder` names. Only the gathering is specific to the v2 JSON form: a v3 folder is checked
//! as the v2.1 document it stands for, its findings placed back in its YAML files
//! (`v3_places`).
//!
//! Findings are errors (the run would fail or do something else than written) or warnings (it
//! may work, e.g. a variable set in a way no literal shows); [`output`] renders them as text or
//! as JSON (shape in the README's `postie validate` section).

pub mod locate;
pub mod output;
pub mod schema;
pub mod scripts;
pub mod sites;
pub mod variables;

mod files;
mod members;
mod sink;
mod v1_paths;
mod v3_places;

use std::path::PathBuf;

pub use files::validate;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Might work, likely a mistake: exit 1 with `--strict`.
    Warning,
    /// The run would fail or do something other than written: exit 2.
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case name of the check (`script-syntax`, `undefined-variable`, …).
    pub code: &'static str,
    /// The file.
    pub file: PathBuf,
    /// JSON path inside the file, when the finding is about a value.
    pub path: Option<String>,
    /// 1-based line and column (characters), when known.
    pub position: Option<(usize, usize)>,
    /// The line `position` is on.
    pub line_text: Option<Box<str>>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

/// What `postie validate` was given besides the files.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files and folders to check.
    pub inputs: Vec<PathBuf>,
    /// `-e`: an environment file (also checked).
    pub environment: Option<PathBuf>,
    /// `-g`: a globals file (also checked).
    pub globals: Option<PathBuf>,
    /// `-d`: a data file (its columns are variables).
    pub data: Option<PathBuf>,
    /// `--env-var` and `--global-var` names.
    pub extra_names: Vec<String>,
    /// `--folder` names.
    pub folders: Vec<String>,
}

/// The outcome: every finding, and the files looked at with what they were taken for.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Files checked and their kind (`collection v2.1`, `environment`, …).
    pub files: Vec<(PathBuf, String)>,
    /// Findings, in file order, then by position.
    pub findings: Vec<Finding>,
}

impl Report {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The exit code: 2 with errors, 1 with warnings when `strict`, else 0.
    pub fn exit_code(&self, strict: bool) -> u8 {
        if self.count(Severity::Error) > 0 {
            2
        } else if strict && self.count(Severity::Warning) > 0 {
            1
        } else {
            0
        }
    }
}
