//! One run from loaded inputs to its outcome: the [`RunConfig`] built from the flags, the
//! reporters the [registry] builds by name, the runner, then the one
//! export step ([`super::outputs`]) and the exit code. [`run_loaded`] is shared by `postie run`,
//! `postie demo` ([`execute`], which also tells what the run left in the environment) and the
//! library API ([`crate::api::run`]).

use super::args::RunFlags;
use super::config::{RunConfig, Warnings};
use super::outputs::{Written, open_spool, run_variables, write_all};
use super::reporter_options::RawReporterOptions;
use crate::collection::{DataRow, LoadedCollection, VariableFile};
use crate::diagnostic::Diagnostic;
use crate::report::registry::{self, Context};
use crate::report::{
    Clock, Finished, Masker, Reporter, Reporters, RunSummary, SummaryBuilder, VariableChange,
    changed_variables,
};
use crate::runner::{self, Fanout, Listener};
use crate::vars::VariableScope;

/// The loaded files of a run.
#[derive(Debug)]
pub struct Inputs {
    /// The collection.
    pub collection: LoadedCollection,
    /// The environment file, if any.
    pub environment: Option<VariableFile>,
    /// The globals file, if any.
    pub globals: Option<VariableFile>,
    /// Iteration data rows (`-d`).
    pub data: Vec<DataRow>,
    /// What loading them prepared for the run.
    pub prepared: Prepared,
}

/// What loading the inputs prepared for the run: the TLS settings, when fetching an input by
/// URL read them already, and secrets to mask (API keys).
#[derive(Debug, Default)]
pub struct Prepared {
    /// The client's TLS settings and the passphrases to mask ([`super::tls::tls_options`]).
    pub tls: Option<(crate::http::tls::TlsOptions, Vec<String>)>,
    /// Values never printed.
    pub secrets: Vec<String>,
}

/// Who runs: the command line, or a program using postie as a library.
pub struct Host<'a> {
    /// The reporters used when `flags.reporters` names none: `cli` on the command line, none for
    /// the library.
    pub default_reporters: &'a [&'a str],
    /// Also gets every event, after the reporters.
    pub listener: Option<&'a mut dyn Listener>,
    /// Print warnings to stderr as they come (the command line); otherwise they are kept in
    /// [`RunResult::warnings`].
    pub print_warnings: bool,
    /// After the run, print on stderr which environment and globals variables it changed and
    /// where they were saved (the command line, when the `cli` reporter prints).
    pub tell_changes: bool,
}

impl Host<'_> {
    /// The command line's host: `cli` by default, warnings and changes printed.
    pub fn command_line() -> Self {
        Host {
            default_reporters: &["cli"],
            listener: None,
            print_warnings: true,
            tell_changes: true,
        }
    }
}

/// What a run produced, as data.
#[derive(Debug)]
pub struct RunResult {
    /// The process exit code: 0 passed (or `-x`), 1 the run had failures.
    pub exit_code: u8,
    /// Counts, failures and timing statistics.
    pub summary: RunSummary,
    /// The environment as the run left it.
    pub environment: VariableScope,
    /// The globals as the run left them.
    pub globals: VariableScope,
    /// The environment and globals variables the run created, changed or removed.
    pub changes: Vec<VariableChange>,
    /// Warnings about the input (when not printed).
    pub warnings: Vec<String>,
    /// The run's masker: it masks every secret value the run knew of.
    pub masker: Masker,
}

/// Run and report from the command line; returns the process exit code (0 passed, 1 failures).
pub fn execute(
    inputs: Inputs,
    flags: &RunFlags,
    reporter_options: &RawReporterOptions,
) -> Result<u8, Diagnostic> {
    run_loaded(inputs, flags, reporter_options, Host::command_line()).map(|o| o.exit_code)
}

/// Run `inputs` with `flags` and the reporters they name (or `host`'s default), write the
/// reports and exports, and return the outcome. `Err` only for unusable input.
pub fn run_loaded(
    inputs: Inputs,
    flags: &RunFlags,
    reporter_options: &RawReporterOptions,
    host: Host<'_>,
) -> Result<RunResult, Diagnostic> {
    let mut warnings = Warnings::new(host.print_warnings);
    let defaults = host.default_reporters;
    let mut config = RunConfig::build(inputs, flags, reporter_options, defaults, &mut warnings)?;
    let reporters = build_reporters(&config, &mut warnings)?;
    let before = [&config.scopes.environment, &config.scopes.globals].map(VariableScope::clone);
    let mut list = reporters.list;
    let (summary, aborted) = run(&mut config, &mut list, host.listener)?;
    let variables = run_variables(&config.exports, &config.scopes);
    let finished = Finished {
        summary: &summary,
        variables: &variables,
    };
    if let Some(aborted) = aborted {
        // As Newman's reporters see a run that ended on an error: the `cli` summary is
        // printed, no report file is written and nothing is exported.
        list.into_iter().for_each(|r| drop(r.finish(&finished)));
        return Err(aborted);
    }
    let reports = list.into_iter().flat_map(|r| r.finish(&finished)).collect();
    let written = write_all(&config.exports, &config.collection, &variables, reports);
    let [environment, globals] = [&config.scopes.environment, &config.scopes.globals];
    let mut changes = changed_variables("environment", &before[0], environment);
    changes.extend(changed_variables("globals", &before[1], globals));
    if host.tell_changes && reporters.terminal {
        tell(&changes, &config, &written);
    }
    if let Some(error) = written.error {
        return Err(error);
    }
    let passed = summary.passed() || config.suppress_exit_code;
    Ok(RunResult {
        exit_code: if passed { 0 } else { 1 },
        summary,
        environment: config.scopes.environment,
        globals: config.scopes.globals,
        changes,
        warnings: warnings.kept,
        masker: config.masker,
    })
}

/// Run, every event going to the summary, the reporters and `listener`, in that order. A run
/// that started and was then aborted (`--bail folder`) gives its summary and the error; one
/// that could not start is the error alone.
fn run(
    config: &mut RunConfig,
    reporters: &mut [Box<dyn Reporter>],
    listener: Option<&mut dyn Listener>,
) -> Result<(RunSummary, Option<Diagnostic>), Diagnostic> {
    let mut summary = SummaryBuilder::default();
    let mut listeners: Vec<&mut dyn Listener> = vec![&mut summary];
    listeners.extend(reporters.iter_mut().map(|r| &mut **r as &mut dyn Listener));
    if let Some(listener) = listener {
        listeners.push(listener);
    }
    let mut fanout = Fanout::new(listeners);
    let outcome = runner::run(
        &config.collection,
        &mut config.scopes,
        &config.options,
        &mut fanout,
    );
    drop(fanout);
    match outcome {
        Ok(()) => Ok((summary.into_summary(), None)),
        Err(error) if error.aborted && summary.started() => {
            Ok((summary.into_summary(), Some(error)))
        }
        Err(error) => Err(error),
    }
}

/// The reporters `config` names, each built from its own options; the JSON report's spool is
/// opened by the export step.
fn build_reporters(config: &RunConfig, warnings: &mut Warnings) -> Result<Reporters, Diagnostic> {
    let reporters = &config.reporters;
    registry::build(&mut Context {
        names: &reporters.names,
        options: &reporters.options,
        masker: &config.masker,
        clock: Clock::from_env(),
        color: reporters.color,
        verbose: reporters.verbose,
        silent: reporters.silent,
        disable_unicode: reporters.disable_unicode,
        show_secrets: reporters.show_secrets,
        collection: &config.collection,
        open_spool: &mut open_spool,
        warn: &mut |text| warnings.warn(text),
    })
}

/// Tell which variables the run changed and where they were saved.
fn tell(changes: &[VariableChange], config: &RunConfig, written: &Written) {
    let saved = [
        (
            written.environment.as_deref(),
            config.exports.environment.is_some(),
        ),
        (written.globals.as_deref(), config.exports.globals.is_some()),
    ];
    super::changes::tell_changes(changes, &config.masker, saved);
}
