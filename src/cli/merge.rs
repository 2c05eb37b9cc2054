//! `postie merge REPORT… --out FILE`: the reports of a sharded run's shards merged into the one
//! the unsharded run writes (rules in [`crate::report::merge`]). The kind is told by content:
//! a JSON report (`-r json`) starts with `{`, a JUnit file (`-r junit`) with `<`; all the files
//! must be of one kind.
//!
//! Exit codes: 0 merged and no shard's report has a failure; 1 merged and some shard's report
//! has a failure (a failed assertion or script, a request error, a run error), as the
//! unsharded run would have exited; 2 a file is missing, unreadable or not a report.

use crate::diagnostic::Diagnostic;
use crate::report::merge::junit::{JunitShard, merge_junit};
use crate::report::merge::{JsonShard, Merged, merge_json};
use clap::Args;
use std::path::{Path, PathBuf};

/// `postie merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shards' reports: all JSON (`-r json`) or all JUnit (`-r junit`) files; JUnit files
    /// in shard order.
    #[arg(value_name = "REPORT", required = true)]
    pub reports: Vec<PathBuf>,
    /// Where to write the merged report.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: PathBuf,
    /// Exit 0 even when a shard's report has failures.
    #[arg(short = 'x', long = "suppress-exit-code")]
    pub suppress_exit_code: bool,
}

/// The kinds of report `postie merge` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Json,
    Junit,
}

/// Merge the reports `args` names; returns the exit code.
pub fn run_merge(args: MergeArgs) -> Result<u8, Diagnostic> {
    let mut texts = Vec::with_capacity(args.reports.len());
    for path in &args.reports {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Diagnostic::in_file(path, format!("cannot read: {e}")))?;
        texts.push((path.as_path(), kind(path, &text)?, text));
    }
    let first = texts[0].1;
    if let Some((path, ..)) = texts.iter().find(|(_, kind, _)| *kind != first) {
        return Err(Diagnostic::in_file(
            path,
            format!("not a {} report like {}", name(first), texts[0].0.display()),
        )
        .with_hint("merge the JSON reports and the JUnit files in two runs of postie merge"));
    }
    let (merged, failed) = match first {
        Kind::Json => json(&texts)?,
        Kind::Junit => junit(&texts)?,
    };
    std::fs::write(&args.out, merged)
        .map_err(|e| Diagnostic::in_file(&args.out, format!("cannot write: {e}")))?;
    Ok(u8::from(failed && !args.suppress_exit_code))
}

fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Json => "JSON",
        Kind::Junit => "JUnit",
    }
}

/// A report's kind by its first character.
fn kind(path: &Path, text: &str) -> Result<Kind, Diagnostic> {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        Some('{') => Ok(Kind::Json),
        Some('<') => Ok(Kind::Junit),
        _ => Err(
            Diagnostic::in_file(path, "not a JSON report nor a JUnit file").with_hint(
                "postie merge reads the files `postie run -r json` or `-r junit` writes",
            ),
        ),
    }
}

/// The merged JSON report's text, and whether a shard failed.
fn json(texts: &[(&Path, Kind, String)]) -> Result<(String, bool), Diagnostic> {
    let mut shards = Vec::with_capacity(texts.len());
    for (path, _, text) in texts {
        shards.push((path.to_path_buf(), JsonShard::parse(path, text)?));
    }
    let failed = shards.iter().any(|(_, shard)| shard.failed());
    let merged = merge_json(shards)?;
    let text = report_text(merged)
        .map_err(|e| Diagnostic::new(format!("cannot write the merged report: {e}")))?;
    Ok((text, failed))
}

/// The report laid out as `-r json` writes it: indented by two spaces, but each execution on a
/// line of its own (its response bodies make a long run's report large).
fn report_text(merged: Merged) -> serde_json::Result<String> {
    const MARK: &str = "\u{0}postie merge: the executions\u{0}";
    let Merged {
        mut doc,
        executions,
    } = merged;
    doc["run"]["executions"] = MARK.into();
    let mut list = String::from("[");
    if !executions.is_empty() {
        let lines: Vec<&str> = executions.iter().map(|e| e.get()).collect();
        list.push('\n');
        list.push_str(&lines.join(",\n"));
        list.push('\n');
    }
    list.push(']');
    let text = serde_json::to_string_pretty(&doc)?;
    Ok(text.replacen(&serde_json::to_string(MARK)?, &list, 1) + "\n")
}

/// The merged JUnit document, and whether a shard failed.
fn junit(texts: &[(&Path, Kind, String)]) -> Result<(String, bool), Diagnostic> {
    let shards = texts
        .iter()
        .map(|(path, _, text)| JunitShard::parse(path, text))
        .collect::<Result<Vec<_>, _>>()?;
    let first = shards[0].collection();
    for ((path, ..), shard) in texts.iter().zip(&shards) {
        if shard.collection() != first {
            return Err(Diagnostic::in_file(
                path,
                format!(
                    "the JUnit file of collection \"{}\" cannot merge with {}'s, of \"{first}\"",
                    shard.collection(),
                    texts[0].0.display()
                ),
            ));
        }
    }
    let failed = shards.iter().any(JunitShard::failed);
    Ok((merge_junit(shards), failed))
}
