//! `postie convert IN OUT`: a v2.1 JSON collection to a v3 folder and back, and environments
//! between JSON and YAML; and the v3 inputs of `postie run` (a collection folder, YAML
//! environment and globals files). What the target format cannot hold is a warning on stderr.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::Value;

use crate::collection::v3::{self, Warnings};
use crate::collection::{
    LoadOptions, LoadedCollection, VariableFile, load_collection_with, load_variable_file,
    parse_collection, parse_variable_file, read_json, v1,
};
use crate::diagnostic::Diagnostic;

/// `postie convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// What to convert: a v2.1 (or v2.0/v1) collection JSON file, a v3 collection folder, or an
    /// environment/globals file (`.json` or `.yaml`).
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Where to write: a new (or empty) folder for a v3 collection, a `.json` file for a v2.1
    /// collection, a `.yaml` or `.json` file for an environment.
    #[arg(value_name = "OUT")]
    pub output: PathBuf,
    /// Writing a v3 folder: keep each script's code in a `.js` file of its own (under
    /// `.resources/`), named by `src` in the YAML, instead of inline.
    #[arg(long)]
    pub script_files: bool,
}

/// Run `postie convert`; returns the exit code (0, also with warnings).
pub fn run_convert(args: &ConvertArgs) -> Result<u8, Diagnostic> {
    let (input, output) = (&args.input, &args.output);
    let warnings = if input.is_dir() {
        let (doc, warn) = v3::read_dir(input)?;
        write_json(&doc, output)?;
        warn
    } else if v3::is_yaml_file(input) {
        let (doc, warn) = v3::read_environment(input, "environment")?;
        write_json(&doc, output)?;
        warn
    } else {
        from_json(input, output, args.script_files)?
    };
    for warning in &warnings.0 {
        // Warnings about a folder's files name the file already.
        if input.is_dir() {
            eprintln!("postie: warning: {warning}");
        } else {
            eprintln!("postie: warning: {}: {warning}", input.display());
        }
    }
    Ok(0)
}

/// Convert JSON file `input`: a collection to a v3 folder, an environment to YAML.
fn from_json(input: &Path, output: &Path, script_files: bool) -> Result<Warnings, Diagnostic> {
    let mut doc = read_json(input, "collection")?;
    if let Some(inner) = doc.get("collection").filter(|_| doc.get("info").is_none()) {
        doc = inner.clone();
    }
    if v1::is_v1(&doc) {
        doc = v1::convert_v1_with_notes(&doc)
            .map_err(|why| {
                Diagnostic::in_file(input, format!("cannot convert this v1 collection: {why}"))
            })?
            .0;
    }
    if doc.get("info").is_none() && doc.get("item").is_none() {
        if v3::is_yaml_file(output) {
            let (yaml, warn) = v3::environment_to_v3(&doc);
            std::fs::write(output, v3::to_yaml(&yaml)).map_err(|e| cannot_write(output, e))?;
            return Ok(warn);
        }
        let (json, warn) = v3::environment_to_v21(&doc, "");
        write_json(&json, output)?;
        return Ok(warn);
    }
    if output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return Err(
            Diagnostic::in_file(output, "a v3 collection is a folder, not a JSON file")
                .with_hint("name a new folder to write the v3 collection into"),
        );
    }
    let (mut files, warn) =
        v3::collection_to_v3(&doc).map_err(|why| Diagnostic::in_file(input, why))?;
    if script_files {
        v3::split_scripts(&mut files);
    }
    v3::write_dir(&files, output)?;
    Ok(warn)
}

/// Write `doc` as pretty JSON to `path`.
fn write_json(doc: &Value, path: &Path) -> Result<(), Diagnostic> {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    std::fs::write(path, text).map_err(|e| cannot_write(path, e))
}

/// The error for a file that cannot be written.
fn cannot_write(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::in_file(path, format!("cannot write this file: {e}"))
}

/// `postie run`'s collection: a v3 folder read as the v2.1 document it stands for, or a file.
pub(crate) fn load_collection(
    path: &Path,
    options: LoadOptions,
) -> Result<LoadedCollection, Diagnostic> {
    if !v3::is_v3_dir(path) {
        return load_collection_with(path, options);
    }
    let (doc, warn) = v3::read_dir(path)?;
    let mut collection = parse_collection(doc, path)?;
    collection.model.warnings.extend(warn.0);
    Ok(collection)
}

/// `postie run`'s environment or globals file: a v3 YAML file, or JSON.
pub(crate) fn load_variables(path: &Path, what: &str) -> Result<VariableFile, Diagnostic> {
    if !v3::is_yaml_file(path) {
        return load_variable_file(path, what);
    }
    let (doc, warn) = v3::read_environment(path, what)?;
    let mut file = parse_variable_file(doc, path, what)?;
    file.warnings.extend(warn.0);
    Ok(file)
}
