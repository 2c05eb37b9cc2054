//! What every reporter is: a [`Listener`] that, when the run is over, hands back the files it
//! wants written ([`Artifact`]s). Reporters never write files themselves: the command line's
//! export step does, resolving each [`ReportTarget`] to a path as it writes.

use super::newman_context::RunVariables;
use super::summary::RunSummary;
use crate::diagnostic::Diagnostic;
use crate::runner::Listener;
use serde_json::Value;
use std::io::Write;

/// Writes a value straight into a file being written (the JSON report's response bodies and
/// its collection document, too large to copy into a tree first).
pub type WriteValue<'a> = dyn FnMut(&mut dyn Write) -> std::io::Result<()> + 'a;

/// One reporter of a run: it sees every event, then finishes with the files it wants written.
pub trait Reporter: Listener {
    /// The run is over: print what is left (the `cli` summary) and return the files to write.
    fn finish<'a>(self: Box<Self>, run: &Finished<'a>) -> Vec<Artifact<'a>>;
}

/// What a reporter gets when the run is over.
pub struct Finished<'a> {
    /// Counts, failures and timing statistics.
    pub summary: &'a RunSummary,
    /// The environment and globals as the run left them, in Newman's export shape.
    pub variables: &'a RunVariables,
}

/// Where a report goes: the file or folder its `--reporter-<name>-export` option names, else
/// Newman's default file name in the default location. The export step turns it into a path
/// (a folder gets Newman's auto-named `<base>-<timestamp>-0.<ext>` in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTarget {
    /// The `export` option's value, when one was given.
    pub export: Option<String>,
    /// The default file name (`newman-run-report.json`).
    pub default_file: String,
}

/// A file a reporter wants written.
pub enum Artifact<'a> {
    /// A report written whole: where, and its text (or why it could not be rendered).
    Report {
        /// Where it goes.
        target: ReportTarget,
        /// The text, or the error rendering it.
        text: Result<String, Diagnostic>,
    },
    /// A report whose long list was streamed to a [`Spool`] as the run went: the document to
    /// write around it, and the large value it holds (at [`Spool::value_placeholder`]).
    Spooled {
        /// The spooled list.
        spool: Box<dyn Spool>,
        /// The rest of the document, with [`Spool::list_placeholder`] where the list goes.
        doc: Value,
        /// Writes the value that goes at the document's value placeholder.
        value: Box<WriteValue<'a>>,
    },
}

/// A JSON document's long list written to a file as the run goes, so memory stays flat
/// however long the run: entries are appended as they come; [`Spool::finish_with`] writes the
/// rest of the document around them. The export step provides it.
pub trait Spool {
    /// Append one entry (compact JSON); `write_value` writes a large value where `entry` holds
    /// [`Spool::value_placeholder`].
    fn push_with(&mut self, entry: &Value, write_value: &mut WriteValue<'_>);
    /// The value to put where the list belongs in the document given to [`Spool::finish_with`].
    fn list_placeholder(&self) -> Value;
    /// The value to put where a value written by a caller's `write_value` belongs.
    fn value_placeholder(&self) -> Value;
    /// Write `doc` with the spooled entries spliced in at the list placeholder and
    /// `write_value`'s output at the value placeholder, atomically.
    fn finish_with(
        self: Box<Self>,
        doc: &Value,
        write_value: &mut WriteValue<'_>,
    ) -> Result<(), Diagnostic>;
}
