//! `-r json`: Newman's JSON report, with its `--reporter-json-*` options (`export`,
//! `omit-responses`, `body-as-text`). Its spool is opened when it is built, so an unwritable
//! target stops the run before anything is sent.

use super::{Context, flag};
use crate::diagnostic::Diagnostic;
use crate::report::json::{JsonOptions, JsonReporter};
use crate::report::reporter::{Artifact, Finished, Reporter};

/// The options the `json` reporter reads.
pub(super) const OPTIONS: &[&str] = &["export", "omit-responses", "body-as-text"];

/// The JSON reporter, streaming to the spool of its target, when named.
pub(super) fn build(
    name: &str,
    context: &mut Context<'_>,
) -> Result<Option<Box<dyn Reporter>>, Diagnostic> {
    if !context.selected(name) {
        return Ok(None);
    }
    let given = context.options_for(name);
    let options = JsonOptions {
        omit_responses: flag(&given, "omit-responses"),
        body_as_text: flag(&given, "body-as-text"),
        timings: context.verbose,
    };
    let target = context.target(name, "newman-run-report.json".to_string());
    let spool = (context.open_spool)(&target)?;
    // A document that cannot be read again (it was read once already) gives an empty tree.
    let document = context.collection.doc.to_value().unwrap_or_default();
    Ok(Some(Box::new(JsonReporter::new(
        options,
        context.masker.clone(),
        spool,
        &document,
    ))))
}

impl Reporter for JsonReporter {
    /// The report, around the executions spooled as the run went.
    fn finish<'a>(self: Box<Self>, run: &Finished<'a>) -> Vec<Artifact<'a>> {
        vec![self.artifact(run)]
    }
}
