//! `-r cli`: Newman's terminal reporter on stdout, with its `--reporter-cli-*` options
//! (`silent`, `no-summary`, `no-failures`, `no-assertions`, `no-success-assertions`,
//! `no-console`, `no-banner`, `show-timestamps`).

use super::{Context, flag};
use crate::report::cli::{CliOptions, CliReporter};
use crate::report::reporter::{Artifact, Finished, Reporter};
use crate::report::style::Style;
use std::io::{LineWriter, StdoutLock, Write};

/// The options the `cli` reporter reads.
pub(super) const OPTIONS: &[&str] = &[
    "no-summary",
    "no-failures",
    "no-assertions",
    "no-success-assertions",
    "no-console",
    "no-banner",
    "show-timestamps",
    "silent",
];

/// Whether the `cli` reporter prints: named, and neither `--silent` nor
/// `--reporter-cli-silent`.
pub(super) fn prints(context: &Context<'_>) -> bool {
    !context.silent && !flag(&context.options_for("cli"), "silent") && context.selected("cli")
}

/// The terminal reporter, when it prints.
pub(super) fn build(
    name: &str,
    context: &mut Context<'_>,
) -> Result<Option<Box<dyn Reporter>>, crate::diagnostic::Diagnostic> {
    if !prints(context) {
        return Ok(None);
    }
    let given = context.options_for(name);
    let options = CliOptions {
        style: Some(Style {
            color: context.color,
        }),
        verbose: context.verbose,
        no_summary: flag(&given, "no-summary"),
        no_failures: flag(&given, "no-failures"),
        no_assertions: flag(&given, "no-assertions"),
        no_success_assertions: flag(&given, "no-success-assertions"),
        no_console: flag(&given, "no-console"),
        no_banner: flag(&given, "no-banner"),
        show_timestamps: flag(&given, "show-timestamps"),
        disable_unicode: context.disable_unicode,
    };
    let out: LineWriter<StdoutLock<'static>> = LineWriter::new(std::io::stdout().lock());
    Ok(Some(Box::new(CliReporter::new(
        out,
        &options,
        context.masker.clone(),
    ))))
}

impl<W: Write> Reporter for CliReporter<W> {
    /// Prints the summary table and the failure list; writes no file.
    fn finish<'a>(mut self: Box<Self>, run: &Finished<'a>) -> Vec<Artifact<'a>> {
        self.print_summary(run.summary);
        Vec::new()
    }
}
