//! `-r progress` (and htmlextra's `displayProgressBar`): a progress bar on the terminal.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::report::progress::ProgressReporter;
use crate::report::reporter::{Artifact, Finished, Reporter};

/// The progress bar, when named, or asked for by htmlextra's `displayProgressBar`.
pub(super) fn build(
    name: &str,
    context: &mut Context<'_>,
) -> Result<Option<Box<dyn Reporter>>, Diagnostic> {
    let wanted = context.selected(name) || super::progress_bar(context.options, context.names);
    Ok(wanted.then(|| Box::new(ProgressReporter::for_stdout()) as Box<dyn Reporter>))
}

impl Reporter for ProgressReporter {
    /// Nothing left to do: the bar finished with the run.
    fn finish<'a>(self: Box<Self>, _run: &Finished<'a>) -> Vec<Artifact<'a>> {
        Vec::new()
    }
}
