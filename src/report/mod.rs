//! Reporters: the run summary (built only from events) and one file per output format (`cli`,
//! `json`, `junit`, `html`/`htmlextra`, `progress`), plus their helpers: secret masking, the
//! HTML report's capped per-request capture, page, chart and user templates (with Newman's
//! context and helpers), XML escaping, terminal glyphs and the test-mode clock.
//! Every reporter is a [`Reporter`]: a listener that finishes with the files it wants written
//! ([`Artifact`]s); the [`registry`] builds them by name from their options. Reporters never
//! write files: the command line's export step does.

pub(crate) mod capture;
pub(crate) mod changes;
pub(crate) mod chart;
pub(crate) mod cli;
mod deburr;
#[cfg(test)]
mod fixture;
pub(crate) mod format;
pub(crate) mod html;
mod html_page;
pub(crate) mod html_text;
pub(crate) mod json;
mod json_parts;
pub(crate) mod junit;
pub(crate) mod mask;
pub(crate) mod merge;
pub(crate) mod newman_context;
pub(crate) mod progress;
pub(crate) mod registry;
pub(crate) mod reporter;
pub(crate) mod sdk;
pub(crate) mod style;
pub(crate) mod summary;
pub(crate) mod symbols;
pub(crate) mod template;
pub(crate) mod template_helpers;
pub(crate) mod test_mode;
mod xml;

pub use changes::{ChangeKind, VariableChange, changed_variables, looks_secret};
pub use mask::Masker;
pub use newman_context::RunVariables;
pub use registry::Reporters;
pub use reporter::{Artifact, Finished, ReportTarget, Reporter, Spool};
pub use summary::{Failure, RunSummary, SummaryBuilder};
pub use test_mode::Clock;
