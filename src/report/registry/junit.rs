//! `-r junit`: Newman's JUnit XML report, with its one option, `--reporter-junit-export`.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::report::junit::JunitReporter;
use crate::report::reporter::{Artifact, Finished, ReportTarget, Reporter};
use crate::runner::{Event, Listener};

/// The options the `junit` reporter reads.
pub(super) const OPTIONS: &[&str] = &["export"];

/// The JUnit reporter and where its report goes.
struct Junit {
    reporter: JunitReporter,
    target: ReportTarget,
}

/// The JUnit reporter, when named.
pub(super) fn build(
    name: &str,
    context: &mut Context<'_>,
) -> Result<Option<Box<dyn Reporter>>, Diagnostic> {
    if !context.selected(name) {
        return Ok(None);
    }
    Ok(Some(Box::new(Junit {
        reporter: JunitReporter::new(context.masker.clone(), context.clock),
        target: context.target(name, "newman-run-report.xml".to_string()),
    })))
}

impl Listener for Junit {
    fn on_event(&mut self, event: &Event<'_>) {
        self.reporter.on_event(event);
    }
}

impl Reporter for Junit {
    /// The XML document.
    fn finish<'a>(self: Box<Self>, run: &Finished<'a>) -> Vec<Artifact<'a>> {
        vec![Artifact::Report {
            target: self.target,
            text: Ok(self.reporter.document(run.summary)),
        }]
    }
}
