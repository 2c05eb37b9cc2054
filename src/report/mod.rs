//! Reporters: the run summary (built only from events) and one file per output format (`cli`,
//! `json`, `junit`, `html`/`htmlextra`, `progress`), plus their helpers: secret masking, the
//! HTML report's capped per-request capture, page, chart and user templates (with Newman's
//! context and helpers), XML escaping, terminal glyphs and the test-mode clock.
//! Every reporter is a [`Reporter`]: a listener that finishes with the files it wants written
//! ([`Artifact`]s); the [`registry`] builds them by name from their options. Reporters never
//! write files: the command line's export step does.

pub mod capture;
pub mod changes;
pub mod chart;
pub mod cli;
#[cfg(test)]
mod fixture;
pub mod format;
pub mod html;
mod html_page;
pub mod html_text;
pub mod json;
mod json_parts;
pub mod junit;
pub mod mask;
pub mod newman_context;
pub mod progress;
pub mod registry;
pub mod reporter;
pub mod sdk;
pub mod style;
pub mod summary;
pub mod symbols;
pub mod template;
pub mod template_helpers;
pub mod test_mode;
mod xml;

pub use changes::{ChangeKind, VariableChange, changed_variables, looks_secret};
pub use cli::{CliOptions, CliReporter};
pub use html::{HtmlOptions, HtmlReporter};
pub use json::{JsonOptions, JsonReporter};
pub use junit::JunitReporter;
pub use mask::Masker;
pub use newman_context::{CollectionInfo, Flavour, RunVariables};
pub use progress::ProgressReporter;
pub use registry::{RawReporterOptions, Reporters};
pub use reporter::{Artifact, Finished, ReportTarget, Reporter, Spool};
pub use style::Style;
pub use summary::{Failure, RunSummary, SummaryBuilder};
pub use template::UserTemplate;
pub use test_mode::Clock;
