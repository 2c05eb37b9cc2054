//! The command line: clap definitions ([`args`]), turning them into a run ([`config`], then
//! [`execute`](mod@execute), reports and exports written by [`outputs`]) and the
//! `demo`/`mock` commands ([`demo`]; [`mock_examples`] for `mock COLLECTION`), and `validate`
//! ([`validate`](mod@validate)). [`main`] is the whole program behind `src/main.rs`.
//!
//! Exit codes, in one place: 0 all passed; 1 the run had failures (assertion, script error,
//! request error), unless `-x`; 2 the input or the command line is unusable.

pub(crate) mod args;
pub(crate) mod changes;
pub(crate) mod config;
pub(crate) mod convert;
pub(crate) mod demo;
pub(crate) mod docs;
pub(crate) mod execute;
pub(crate) mod fetch;
pub(crate) mod merge;
pub(crate) mod mock_examples;
pub(crate) mod outputs;
pub(crate) mod reporter_options;
pub(crate) mod shard;
pub(crate) mod tls;
pub(crate) mod validate;

use crate::collection::{
    LoadOptions, load_data, parse_collection_text, parse_data, parse_variable_text,
};
use crate::diagnostic::Diagnostic;
use args::{Cli, Command};
use clap::Parser;
use execute::{Inputs, Prepared, execute};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Exit code for unusable input or command line.
pub const EXIT_USAGE: u8 = 2;

/// The environment variable that sets how large (in bytes) a collection file must be for its
/// items to be read from the file as the run goes rather than kept in memory; 0 for every file.
pub const DISK_ITEMS_VAR: &str = "POSTIE_DISK_ITEMS_FROM";

/// How to load the collection: [`LoadOptions`]' defaults, [`DISK_ITEMS_VAR`] over them.
pub(crate) fn load_options() -> Result<LoadOptions, Diagnostic> {
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
    // Newman's `-x` also keeps 0 for a run that stopped on an error (an unknown `--folder`,
    // `--bail folder` on a request error); unusable input still exits 2.
    let suppress = matches!(&cli.command, Command::Run(run) if run.flags.suppress_exit_code);
    let result = match cli.command {
        Command::Run(run) => {
            load_inputs(&run).and_then(|inputs| execute(inputs, &run.flags, &reporter_options))
        }
        Command::Demo(demo) => demo::run_demo(demo, &reporter_options),
        Command::Mock(mock) => demo::run_mock(mock),
        Command::Validate(args) => validate::run(args),
        Command::Completions(args) => docs::completions(args.shell),
        Command::Man(args) => docs::man(args.command.as_deref()),
        Command::Merge(args) => merge::run_merge(args),
        Command::Convert(args) => convert::run_convert(&args),
    };
    match result {
        Ok(code) => code,
        Err(diagnostic) => {
            eprintln!("postie: error: {diagnostic}");
            match (diagnostic.aborted, suppress) {
                (true, true) => 0,
                (true, false) => 1,
                (false, _) => EXIT_USAGE,
            }
        }
    }
}

/// Load the run's inputs, from files or URLs (see [`fetch`]); the TLS settings read to fetch
/// and the API keys to mask are handed on to the run.
fn load_inputs(run: &args::RunArgs) -> Result<Inputs, Diagnostic> {
    let mut sources = Sources {
        flags: &run.flags,
        api_key: run.postman_api_key.as_deref(),
        api_base: fetch::postman_api_base(),
        fetcher: None,
        prepared: Prepared::default(),
    };
    if let Some(key) = &run.postman_api_key {
        sources.prepared.secrets.push(key.clone());
    }
    let collection = match sources.fetch(&run.collection, fetch::Kind::Collection)? {
        Some((body, name)) => parse_collection_text(&text(body), &name)?,
        None => convert::load_collection(&run.collection, load_options()?)?,
    };
    let mut variables = |location: Option<&Path>, kind: fetch::Kind| {
        location
            .map(|path| match sources.fetch(path, kind)? {
                Some((body, name)) => parse_variable_text(&text(body), &name, kind.what()),
                None => convert::load_variables(path, kind.what()),
            })
            .transpose()
    };
    let environment = variables(run.environment.as_deref(), fetch::Kind::Environment)?;
    let globals = variables(run.globals.as_deref(), fetch::Kind::Globals)?;
    let data = match &run.iteration_data {
        Some(path) => match sources.fetch(path, fetch::Kind::Data)? {
            Some((body, name)) => print_data_warnings(parse_data(&body, &name)?),
            None => print_data_warnings(load_data(path)?),
        },
        None => Vec::new(),
    };
    Ok(Inputs {
        collection,
        environment,
        globals,
        data,
        prepared: sources.prepared,
    })
}

/// The rows of a data file, its warnings printed.
fn print_data_warnings(file: crate::collection::DataFile) -> Vec<crate::collection::DataRow> {
    for warning in &file.warnings {
        eprintln!("postie: warning: {warning}");
    }
    file.rows
}

/// Where inputs named by URL are fetched from, with what the fetching prepared.
struct Sources<'a> {
    flags: &'a args::RunFlags,
    api_key: Option<&'a str>,
    api_base: String,
    fetcher: Option<fetch::Fetcher>,
    prepared: Prepared,
}

impl Sources<'_> {
    /// The body at `location` and the name to give it in messages, when it is a URL or a
    /// Postman UID; `None` for a file. The first fetch reads the TLS settings.
    fn fetch(
        &mut self,
        location: &Path,
        kind: fetch::Kind,
    ) -> Result<Option<(Vec<u8>, PathBuf)>, Diagnostic> {
        let Some(remote) = fetch::remote(location, kind, self.api_key, &self.api_base) else {
            return Ok(None);
        };
        self.prepared.secrets.extend(remote.secrets.iter().cloned());
        let fetcher = match &mut self.fetcher {
            Some(fetcher) => fetcher,
            empty => {
                let working_dir = config::working_dir(self.flags);
                let files = crate::http::files::FileAccess {
                    working_dir: &working_dir,
                    allow_outside: !self.flags.no_insecure_file_read,
                };
                let (tls, tls_secrets) = tls::tls_options(self.flags, files)?;
                let options = crate::http::ClientOptions {
                    insecure: self.flags.insecure,
                    request_timeout: self.flags.timeout_request.map(Duration::from_millis),
                    max_response_size: config::max_response_size(self.flags),
                    cookie_jar: None,
                    tls: tls.clone(),
                };
                self.prepared.tls = Some((tls, tls_secrets));
                empty.insert(fetch::Fetcher::new(&options)?)
            }
        };
        let body = fetcher.get(&remote, kind)?;
        Ok(Some((body, PathBuf::from(remote.shown))))
    }
}

/// The text of a fetched JSON input ([`fetch::Fetcher::get`] decoded it to UTF-8 already).
fn text(body: Vec<u8>) -> String {
    String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
