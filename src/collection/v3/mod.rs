//! Postman's v3 collection format (collections schema 3.0.0): a folder of YAML files, one per
//! request (`*.request.yaml`), with each folder's and the collection's own fields in
//! `.resources/definition.yaml` and saved examples under `.resources/<request>.resources/examples/`.
//! Environments are single YAML files. `docs/v3-format.md` describes every field and its v2.1
//! counterpart.
//!
//! postie runs a v3 folder by reading it into the v2.1 document it stands for ([`read_dir`]), so
//! a run, its reports and its exports are those of the same collection in v2.1; [`write_dir`]
//! goes the other way for `postie convert`. What one format cannot say is a [`Warnings`] entry
//! naming it, never a silent loss.
//!
//! From the bottom up: `yaml` (text ↔ value, errors with line and column), `naming` (file names),
//! `warn`, `url`, `body`, `fields` (auth, scripts), `request` (a request both ways),
//! `example`, `script_files` (scripts kept as `.js` files), then `write` (v2.1 → files),
//! `read` (files → v2.1) and `environment`.

mod body;
mod environment;
mod example;
mod fields;
pub mod locate;
mod naming;
mod read;
mod request;
mod script_files;
mod source_map;
mod url;
mod warn;
mod write;
mod yaml;

pub use environment::{environment_to_v3, environment_to_v21, is_yaml_file, read_environment};
pub use read::{is_v3_dir, read_dir, read_dir_mapped};
pub use script_files::split_scripts;
pub use source_map::{Source, SourceKind, SourceMap};
pub use warn::Warnings;
pub use write::{FileSet, collection_to_v3, write_dir};
pub use yaml::{parse_yaml, to_yaml};

/// The `schema` a v2.1 collection names in its `info`.
pub const V21_SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
