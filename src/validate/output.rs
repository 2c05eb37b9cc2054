//! A [`Report`] for people (one block per finding, rustc-like, then a summary line) or for
//! machines (`--format json`, shape version 1):
//!
//! ```json
//! {"version": 1,
//!  "files": [{"file": "api.json", "kind": "collection v2.1"}],
//!  "findings": [{"severity": "error", "code": "script-syntax", "file": "api.json",
//!                "line": 12, "column": 9, "path": "item[0].event[0].script.exec",
//!                "message": "…", "hint": null}],
//!  "summary": {"errors": 1, "warnings": 0, "files": 1}}
//! ```
//!
//! `line`, `column`, `path` and `hint` are `null` when unknown; new keys may be added, none
//! removed or renamed within a version.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Finding, Report, Severity};

/// The text form.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let _ = writeln!(out, "{}", block(finding));
    }
    let (errors, warnings) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    let files = report.files.len();
    let _ = writeln!(
        out,
        "postie validate: {errors} error{}, {warnings} warning{} in {files} file{}",
        plural(errors),
        plural(warnings),
        plural(files)
    );
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One finding: `SEVERITY[CODE]: FILE:LINE:COL: message`, the line with a caret, the hint.
fn block(f: &Finding) -> String {
    let mut out = format!("{}[{}]: {}", f.severity.name(), f.code, f.file.display());
    if let Some((line, column)) = f.position {
        let _ = write!(out, ":{line}:{column}");
    }
    let _ = write!(out, ": {}", f.message);
    if let (Some((line, column)), Some(text)) = (f.position, &f.line_text) {
        let mut diagnostic = crate::diagnostic::Diagnostic::new("").at(line, column);
        diagnostic.source_line = Some(text.clone());
        // The snippet is the part after the (empty) message.
        out.push_str(&diagnostic.to_string());
    }
    if let Some(hint) = &f.hint {
        let _ = write!(out, "\n  hint: {hint}");
    }
    out
}

/// The JSON form.
pub fn json(report: &Report) -> Value {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "severity": f.severity.name(),
                "code": f.code,
                "file": f.file.display().to_string(),
                "line": f.position.map(|p| p.0),
                "column": f.position.map(|p| p.1),
                "path": f.path,
                "message": f.message,
                "hint": f.hint,
            })
        })
        .collect();
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|(file, kind)| json!({"file": file.display().to_string(), "kind": kind}))
        .collect();
    json!({
        "version": 1,
        "files": files,
        "findings": findings,
        "summary": {
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "files": report.files.len(),
        },
    })
}
