//! Reporters: the run summary (built only from events) and one file per output format (`cli`,
//! `json`, `junit`, `html`, `progress`), plus their helpers: secret masking, the HTML report's
//! capped per-request capture and chart, XML escaping, terminal glyphs and the test-mode clock.
//! Reporters never write files; `cli::execute` hands their documents to `crate::export`.

pub mod capture;
pub mod changes;
pub mod chart;
pub mod cli;
#[cfg(test)]
mod fixture;
pub mod format;
pub mod html;
pub mod json;
pub mod junit;
pub mod mask;
pub mod progress;
pub mod style;
pub mod summary;
pub mod symbols;
pub mod test_mode;
mod xml;

pub use changes::{ChangeKind, VariableChange, changed_variables, looks_secret};
pub use cli::{CliOptions, CliReporter};
pub use html::{HtmlOptions, HtmlReporter};
pub use json::{JsonOptions, JsonReporter};
pub use junit::JunitReporter;
pub use mask::Masker;
pub use progress::ProgressReporter;
pub use style::Style;
pub use summary::{Failure, RunSummary, SummaryBuilder};
pub use test_mode::Clock;
