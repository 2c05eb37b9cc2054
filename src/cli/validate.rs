//! `postie validate`: its command-line arguments and the glue that runs [`crate::validate`] and
//! prints its report (text, or JSON with `--format json`) on standard output.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diagnostic::Diagnostic;
use crate::validate::{Options, output, validate};

/// `postie validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Collections, environments or globals files, or folders of them (their `*.json` files).
    #[arg(value_name = "FILE|DIR", required = true)]
    pub inputs: Vec<PathBuf>,
    /// An environment file: checked, and its variables count as defined.
    #[arg(short = 'e', long, value_name = "FILE")]
    pub environment: Option<PathBuf>,
    /// A globals file: checked, and its variables count as defined.
    #[arg(short = 'g', long, value_name = "FILE")]
    pub globals: Option<PathBuf>,
    /// An iteration data file (JSON or CSV): its columns count as defined variables.
    #[arg(short = 'd', long = "iteration-data", value_name = "FILE")]
    pub iteration_data: Option<PathBuf>,
    /// A variable that counts as defined (repeatable): KEY=VALUE.
    #[arg(long = "env-var", value_name = "KEY=VALUE")]
    pub env_var: Vec<String>,
    /// A global variable that counts as defined (repeatable): KEY=VALUE.
    #[arg(long = "global-var", value_name = "KEY=VALUE")]
    pub global_var: Vec<String>,
    /// A folder or request name (or id) the run would be limited to: an error when no input has
    /// it (repeatable).
    #[arg(long, value_name = "NAME")]
    pub folder: Vec<String>,
    /// Exit 1 when there are warnings (errors always exit 2).
    #[arg(long)]
    pub strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One block per finding, with the line and a caret, and a summary line.
    Text,
    /// One JSON document (see the README's `postie validate` section).
    Json,
}

/// Run `postie validate`: 0 clean, 1 warnings with `--strict`, 2 errors.
pub fn run(args: ValidateArgs) -> Result<u8, Diagnostic> {
    let names = args.env_var.iter().chain(&args.global_var);
    let extra_names = names
        .map(|pair| {
            pair.split_once('=')
                .map_or(pair.as_str(), |(k, _)| k)
                .to_string()
        })
        .collect();
    let options = Options {
        inputs: args.inputs,
        environment: args.environment,
        globals: args.globals,
        data: args.iteration_data,
        extra_names,
        folders: args.folder,
    };
    let report = validate(&options);
    match args.format {
        Format::Text => print!("{}", output::text(&report)),
        Format::Json => println!("{:#}", output::json(&report)),
    }
    Ok(report.exit_code(args.strict))
}
