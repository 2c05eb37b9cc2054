//! The command line: clap definitions ([`args`]), turning them into a run ([`execute`](mod@execute)) and the
//! `demo`/`mock` commands ([`demo`]). [`main`] is the whole program behind `src/main.rs`.
//!
//! Exit codes, in one place: 0 all passed; 1 the run had failures (assertion, script error,
//! request error), unless `-x`; 2 the input or the command line is unusable.

pub mod args;
pub mod demo;
pub mod execute;
pub mod reporter_options;
pub mod tls;

use crate::collection::{LoadOptions, load_collection_with, load_data_file, load_variable_file};
use crate::diagnostic::Diagnostic;
use args::{Cli, Command};
use clap::Parser;
use execute::{Inputs, execute};
use std::ffi::OsString;

/// Exit code for unusable input or command line.
pub const EXIT_USAGE: u8 = 2;

/// The environment variable that sets how large (in bytes) a collection file must be for its
/// items to be read from the file as the run goes rather than kept in memory; 0 for every file.
pub const DISK_ITEMS_VAR: &str = "POSTIE_DISK_ITEMS_FROM";

/// How to load the collection: [`LoadOptions`]' defaults, [`DISK_ITEMS_VAR`] over them.
fn load_options() -> Result<LoadOptions, Diagnostic> {
    let mut options = LoadOptions::default();
    if let Some(value) = std::env::var_os(DISK_ITEMS_VAR) {
        let text = value.to_string_lossy();
        options.disk_items_from = text.trim().parse().map_err(|_| {
            Diagnostic::new(format!(
                "{DISK_ITEMS_VAR}=\"{text}\": expected a number of bytes"
            ))
            .with_hint(format!(
                "for example {DISK_ITEMS_VAR}=0 reads every collection's items from its file"
            ))
        })?;
    }
    Ok(options)
}

/// Parse `args` and do what they say; returns the process exit code.
pub fn main(args: impl IntoIterator<Item = OsString>) -> u8 {
    let (args, reporter_options) = reporter_options::extract(args.into_iter().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    EXIT_USAGE
                } else {
                    0
                };
            }
            let rendered = e.render().to_string();
            let message = rendered.split("\n\nUsage:").next().unwrap_or("");
            let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
            let message = message.trim_start_matches("error: ");
            eprintln!("postie: error: {message}");
            eprintln!("  hint: see `postie --help` or `postie run --help`");
            return EXIT_USAGE;
        }
    };
    let result = match cli.command {
        Command::Run(run) => {
            load_inputs(&run).and_then(|inputs| execute(inputs, &run.flags, &reporter_options))
        }
        Command::Demo(demo) => demo::run_demo(demo, &reporter_options),
        Command::Mock(mock) => demo::run_mock(mock),
    };
    match result {
        Ok(code) => code,
        Err(diagnostic) => {
            eprintln!("postie: error: {diagnostic}");
            if diagnostic.aborted { 1 } else { EXIT_USAGE }
        }
    }
}

fn load_inputs(run: &args::RunArgs) -> Result<Inputs, Diagnostic> {
    Ok(Inputs {
        collection: load_collection_with(&run.collection, load_options()?)?,
        environment: run
            .environment
            .as_deref()
            .map(|p| load_variable_file(p, "environment"))
            .transpose()?,
        globals: run
            .globals
            .as_deref()
            .map(|p| load_variable_file(p, "globals"))
            .transpose()?,
        data: match &run.iteration_data {
            Some(path) => load_data_file(path)?,
            None => Vec::new(),
        },
    })
}
