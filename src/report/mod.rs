//! Reporters: the run summary (built only from events) and one file per output format.

pub mod cli;
pub mod format;
pub mod json;
pub mod mask;
pub mod style;
pub mod summary;

pub use cli::{CliOptions, CliReporter};
pub use json::{JsonOptions, JsonReporter};
pub use mask::Masker;
pub use style::Style;
pub use summary::{Failure, RunSummary, SummaryBuilder};
