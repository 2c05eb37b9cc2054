//! Reporters: the run summary (built only from events) and one file per output format (`cli`,
//! `json`, `junit`, `html`/`htmlextra`, `progress`), plus their helpers: secret masking, the
//! HTML report's capped per-request capture, page, chart and user templates (with Newman's
//! context and helpers), XML escaping, terminal glyphs and the test-mode clock.
//! Reporters never write files; `cli::execute` hands their documents to `crate::export`.

pub mod capture;
pub mod changes;
pub mod chart;
pub mod cli;
mod cli_tables;
#[cfg(test)]
mod fixture;
pub mod format;
pub mod html;
mod html_page;
pub mod html_text;
pub mod json;
pub mod junit;
pub mod mask;
pub mod newman_context;
pub mod progress;
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
pub use style::Style;
pub use summary::{Failure, RunSummary, SummaryBuilder};
pub use template::UserTemplate;
pub use test_mode::Clock;
