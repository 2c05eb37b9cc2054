//! One run from loaded inputs to its outcome: variable scopes with command-line overrides,
//! reporters, the runner, then exports. [`run_loaded`] is shared by `postie run`, `postie demo`
//! ([`execute`], which also tells what the run left in the environment) and the library API
//! ([`crate::api::run`]).

use super::args::{ColorChoice, RunFlags};
use super::reporter_options::RawReporterOptions;
use crate::collection::{DataRow, LoadedCollection, VariableFile};
use crate::diagnostic::Diagnostic;
use crate::export::{
    ExportStyle, SpooledJson, target, variable_file_document, write_atomically, write_collection,
    write_json, write_private_json,
};
use crate::http::cookie_file::{CookieFile, cookie_file_document, read_cookie_file};
use crate::http::response_body::DEFAULT_MAX_RESPONSE_SIZE;
use crate::http::{ClientOptions, CookieJar};
use crate::report::changes::change_lines;
use crate::report::{
    CliOptions, CliReporter, Clock, CollectionInfo, HtmlReporter, JsonOptions, JsonReporter,
    JunitReporter, Masker, ProgressReporter, RunSummary, RunVariables, Style, SummaryBuilder,
    VariableChange, changed_variables, looks_secret,
};
use crate::runner::{self, Fanout, Listener, RunOptions};
use crate::script::ScopeMeta;
use crate::vars::{Scopes, VariableScope};
use serde_json::Value;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Reporters postie has so far.
const REPORTERS: [&str; 6] = ["cli", "json", "junit", "html", "htmlextra", "progress"];

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

/// Parse a repeatable `KEY=VALUE` flag, split at the first `=`. A bare `KEY` sets the variable
/// with no value (Newman sets it to `undefined`, which substitutes as an empty text).
fn parse_assignments(
    flag: &str,
    values: &[String],
) -> Result<Vec<(String, Option<String>)>, Diagnostic> {
    values
        .iter()
        .map(|v| match v.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), Some(v.to_string()))),
            None if !v.is_empty() => Ok((v.to_string(), None)),
            _ => Err(
                Diagnostic::new(format!("{flag} \"{v}\": expected KEY=VALUE"))
                    .with_hint(format!("for example {flag} password=$PARTNER_PASSWORD")),
            ),
        })
        .collect()
}

/// Values never printed: every variable of type `secret`, and values given with `--env-var` /
/// `--global-var` under a secret-looking name.
fn secret_values(scopes: &Scopes, command_line: &[(String, String)]) -> Vec<String> {
    let typed = [&scopes.environment, &scopes.collection, &scopes.globals]
        .into_iter()
        .flat_map(|s| s.entries())
        .filter(|v| v.is_secret())
        .map(|v| v.value_text());
    let given = command_line
        .iter()
        .filter(|(k, _)| looks_secret(k))
        .map(|(_, v)| v.clone());
    typed.chain(given).filter(|v| !v.is_empty()).collect()
}

/// An export must not drop what postie did not understand: a loaded file whose `values` is not
/// a list (Newman runs it as no variables and exports a list over it) is not exported.
fn values_understood(file: Option<&VariableFile>, export: &Path) -> Result<(), Diagnostic> {
    let odd = file
        .and_then(|f| f.doc.get("values"))
        .filter(|v| !v.is_array() && !v.is_null());
    match odd {
        Some(values) => Err(Diagnostic::in_file(
            export,
            format!(
                "not exported: the loaded file's `values` is {}, not a list of variables, and \
                 writing the run's list over it would lose it",
                crate::collection::kind_of(values)
            ),
        )
        .with_hint("make `values` a list of {\"key\": …, \"value\": …} entries")),
        None => Ok(()),
    }
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
    let reporters: Vec<String> = if flags.reporters.is_empty() {
        host.default_reporters
            .iter()
            .map(|r| r.to_string())
            .collect()
    } else {
        flags.reporters.clone()
    };
    let mut warnings = Vec::new();
    let mut warn = |text: String| {
        if host.print_warnings {
            eprintln!("postie: warning: {text}");
        } else {
            warnings.push(text);
        }
    };
    for reporter in &reporters {
        if !REPORTERS.contains(&reporter.as_str()) {
            return Err(Diagnostic::new(format!(
                "reporter \"{reporter}\" is not available in postie yet"
            ))
            .with_hint(format!("available reporters: {}", REPORTERS.join(", "))));
        }
    }
    let file_warnings = [inputs.environment.as_ref(), inputs.globals.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|f| &f.warnings);
    for warning in inputs.collection.warnings.iter().chain(file_warnings) {
        warn(warning.clone());
    }
    // Refused before any request is sent, rather than after the run.
    if let Some(path) = &flags.export_environment {
        values_understood(inputs.environment.as_ref(), path)?;
    }
    if let Some(path) = &flags.export_globals {
        values_understood(inputs.globals.as_ref(), path)?;
    }
    for option in reporter_options.unknown() {
        warn(format!(
            "{option}: no such reporter option; ignored, as Newman ignores it"
        ));
    }
    let (jar, jar_settings) = match &flags.cookie_jar {
        Some(path) => {
            let (jar, file) = read_cookie_file(path)?.into_jar();
            for warning in &file.warnings {
                warn(format!("{}: {warning}", path.display()));
            }
            let CookieFile { settings, .. } = file;
            (Arc::new(jar), Some(settings))
        }
        None => (Arc::new(CookieJar::new()), None),
    };
    let env_vars = parse_assignments("--env-var", &flags.env_var)?;
    let global_vars = parse_assignments("--global-var", &flags.global_var)?;

    let Inputs {
        collection,
        environment,
        globals,
        data,
        prepared,
    } = inputs;
    let mut scopes = Scopes {
        environment: VariableScope::from_variables(
            environment.as_ref().map_or(&[][..], |f| &f.values),
        ),
        collection: VariableScope::from_variables(&collection.variables),
        globals: VariableScope::from_variables(globals.as_ref().map_or(&[][..], |f| &f.values)),
        ..Scopes::default()
    };
    for (k, v) in &env_vars {
        scopes
            .environment
            .set_value(k, v.clone().map(Value::String));
    }
    for (k, v) in &global_vars {
        scopes.globals.set_value(k, v.clone().map(Value::String));
    }
    // What the run starts from, to tell afterwards what it changed.
    let (environment_before, globals_before) = (scopes.environment.clone(), scopes.globals.clone());
    let command_line: Vec<(String, String)> = env_vars
        .iter()
        .chain(global_vars.iter())
        .filter_map(|(k, v)| Some((k.clone(), v.clone()?)))
        .collect();

    let working_dir = working_dir(flags);
    let files = crate::http::files::FileAccess {
        working_dir: &working_dir,
        allow_outside: !flags.no_insecure_file_read,
    };
    let (tls, tls_secrets) = match prepared.tls {
        Some(prepared) => prepared,
        None => super::tls::tls_options(flags, files)?,
    };
    let options = RunOptions {
        iterations: flags
            .iteration_count
            .map_or(data.len().max(1), |n| n as usize),
        data,
        folders: flags.folder.clone(),
        bail: flags
            .bail
            .as_ref()
            .is_some_and(|m| m.iter().any(|m| m == "failure")),
        abort_on_error: flags
            .bail
            .as_ref()
            .is_some_and(|m| m.iter().any(|m| m == "folder")),
        delay: Duration::from_millis(flags.delay_request),
        script_timeout: flags.timeout_script.map(Duration::from_millis),
        run_timeout: flags.timeout.map(Duration::from_millis),
        client: ClientOptions {
            insecure: flags.insecure,
            request_timeout: flags.timeout_request.map(Duration::from_millis),
            max_response_size: max_response_size(flags),
            cookie_jar: Some(jar.clone()),
            tls,
        },
        follow_redirects: !flags.ignore_redirects,
        parallel: flags.parallel as usize,
        working_dir,
        insecure_file_read: !flags.no_insecure_file_read,
        send_request_promise: flags.send_request_promise,
        environment_meta: scope_meta(environment.as_ref()),
        globals_meta: scope_meta(globals.as_ref()),
    };

    let masker = if flags.show_secrets {
        Masker::disabled()
    } else {
        Masker::new(
            secret_values(&scopes, &command_line)
                .into_iter()
                .chain(tls_secrets)
                .chain(prepared.secrets),
        )
    };
    let color = match flags.color {
        ColorChoice::On => true,
        ColorChoice::Off => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let cli_opts = reporter_options.for_reporter("cli", &reporters);
    let flag = |opts: &std::collections::BTreeMap<String, String>, name: &str| {
        opts.get(name).is_some_and(|v| v != "false")
    };
    let cli_enabled =
        !flags.silent && !flag(&cli_opts, "silent") && reporters.iter().any(|r| r == "cli");
    let json_opts = reporter_options.for_reporter("json", &reporters);
    let json_enabled = reporters.iter().any(|r| r == "json");
    let mut summary = SummaryBuilder::default();
    let mut cli = CliReporter::new(
        std::io::LineWriter::new(std::io::stdout().lock()),
        &CliOptions {
            style: Some(Style { color }),
            verbose: flags.verbose,
            no_summary: flag(&cli_opts, "no-summary"),
            no_failures: flag(&cli_opts, "no-failures"),
            no_assertions: flag(&cli_opts, "no-assertions"),
            no_success_assertions: flag(&cli_opts, "no-success-assertions"),
            no_console: flag(&cli_opts, "no-console"),
            no_banner: flag(&cli_opts, "no-banner"),
            show_timestamps: flag(&cli_opts, "show-timestamps"),
            disable_unicode: flags.disable_unicode,
        },
        masker.clone(),
    );
    // The JSON report streams its executions to a file next to the target from the start.
    let mut json = match json_enabled {
        true => Some(JsonReporter::new(
            JsonOptions {
                omit_responses: flag(&json_opts, "omit-responses"),
                body_as_text: flag(&json_opts, "body-as-text"),
                timings: flags.verbose,
            },
            masker.clone(),
            SpooledJson::create(&report_path(reporter_options, &reporters, "json", "json"))?,
        )),
        false => None,
    };
    let enabled = |name: &str| reporters.iter().any(|r| r == name);
    let clock = Clock::from_env();
    let mut junit = enabled("junit").then(|| JunitReporter::new(masker.clone(), clock));
    // `-r html` and `-r htmlextra`: options (and templates) checked before anything is sent.
    let mut html_reporters = Vec::new();
    for name in ["html", "htmlextra"].into_iter().filter(|n| enabled(n)) {
        for warning in super::html_reporters::unknown_options(reporter_options, name, &reporters) {
            eprintln!("postie: warning: {warning}");
        }
        let options = super::html_reporters::html_options(
            reporter_options,
            name,
            &reporters,
            flags.show_secrets,
        )?;
        let templated = options.template.is_some();
        let mut reporter = HtmlReporter::new(options, masker.clone(), clock);
        if templated {
            reporter.set_collection(CollectionInfo::from_collection(&collection));
        }
        html_reporters.push((name, reporter));
    }
    let progress_bar =
        enabled("progress") || super::html_reporters::progress_bar(reporter_options, &reporters);
    let mut progress = progress_bar.then(ProgressReporter::for_stdout);
    {
        let mut listeners: Vec<&mut dyn Listener> = vec![&mut summary];
        if cli_enabled {
            listeners.push(&mut cli);
        }
        listeners.extend(json.as_mut().map(|r| r as &mut dyn Listener));
        listeners.extend(junit.as_mut().map(|r| r as &mut dyn Listener));
        listeners.extend(
            html_reporters
                .iter_mut()
                .map(|(_, r)| r as &mut dyn Listener),
        );
        listeners.extend(progress.as_mut().map(|r| r as &mut dyn Listener));
        if let Some(listener) = host.listener {
            listeners.push(&mut *listener);
        }
        let mut fanout = Fanout::new(listeners);
        runner::run(&collection, &mut scopes, &options, &mut fanout)?;
    }
    let summary = summary.into_summary();
    if cli_enabled {
        cli.finish(&summary);
    }
    let export_style = if flags.export_as_loaded {
        ExportStyle::AsLoaded
    } else {
        ExportStyle::Newman
    };
    let environment_doc = variable_file_document(
        environment.as_ref(),
        &keep_secrets_out(&scopes.environment, environment.as_ref(), &env_vars),
        "environment",
        export_style,
    );
    let globals_doc = variable_file_document(
        globals.as_ref(),
        &keep_secrets_out(&scopes.globals, globals.as_ref(), &global_vars),
        "globals",
        export_style,
    );
    let run_variables = (!html_reporters.is_empty()).then(|| RunVariables {
        environment: environment_doc.clone(),
        globals: globals_doc.clone(),
    });
    // Every file is attempted even if an earlier one fails; the first error is reported.
    // Environments and globals carry credentials: their files are the owner's only.
    let mut written: Vec<Result<(), Diagnostic>> = Vec::new();
    let mut saved = |result: Result<(), Diagnostic>| {
        let ok = result.is_ok();
        written.push(result);
        ok
    };
    let environment_path = flags
        .export_environment
        .as_deref()
        .map(|path| export_path(path, "environment"));
    let environment_saved = environment_path.as_deref().filter(|path| {
        saved(
            values_understood(environment.as_ref(), path)
                .and_then(|()| write_private_json(path, &environment_doc)),
        )
    });
    let globals_path = flags
        .export_globals
        .as_deref()
        .map(|path| export_path(path, "globals"));
    let globals_saved = globals_path.as_deref().filter(|path| {
        saved(
            values_understood(globals.as_ref(), path)
                .and_then(|()| write_private_json(path, &globals_doc)),
        )
    });
    if let Some(path) = &flags.export_collection {
        let path = export_path(path, "collection");
        let path = &path;
        // Newman exports the collection's variables as loaded: what scripts set with
        // `pm.collectionVariables` is not written back (nor is it in Postman's own export).
        let loaded = VariableScope::from_variables(&collection.variables);
        written.push(write_collection(path, &collection, &loaded, export_style));
    }
    if let Some(json) = json {
        written.push(json.finish(&summary, &collection.doc, environment_doc, globals_doc));
    }
    if let Some(junit) = &junit {
        let path = report_path(reporter_options, &reporters, "junit", "xml");
        written.push(write_atomically(&path, junit.document(&summary).as_bytes()));
    }
    for (name, html) in &html_reporters {
        let base = match *name {
            "htmlextra" => super::html_reporters::htmlextra_file_base(&collection.name),
            _ => "newman-run-report".to_string(),
        };
        let path = report_path_named(reporter_options, &reporters, name, &base, "html");
        let variables = run_variables.clone().unwrap_or_default();
        written.push(
            html.document(&summary, &variables)
                .and_then(|page| write_atomically(&path, page.as_bytes())),
        );
    }
    if let Some(path) = &flags.export_cookie_jar {
        written.push(write_json(
            &export_path(path, "cookie-jar"),
            &cookie_file_document(jar_settings.as_ref(), &jar.stored()),
        ));
    }
    let mut changes = changed_variables("environment", &environment_before, &scopes.environment);
    changes.extend(changed_variables(
        "globals",
        &globals_before,
        &scopes.globals,
    ));
    if host.tell_changes && cli_enabled {
        let saved = [
            (environment_saved, flags.export_environment.is_some()),
            (globals_saved, flags.export_globals.is_some()),
        ];
        tell_changes(&changes, &masker, saved);
    }
    written
        .into_iter()
        .collect::<Result<Vec<()>, Diagnostic>>()?;
    let exit_code = if summary.passed() || flags.suppress_exit_code {
        0
    } else {
        1
    };
    Ok(RunResult {
        exit_code,
        summary,
        environment: scopes.environment,
        globals: scopes.globals,
        changes,
        warnings,
        masker,
    })
}

/// Print on stderr (stdout stays Newman's) which environment and globals variables the run
/// changed, secret values masked, and where each scope was saved, or that it was not. `saved`:
/// for the environment and the globals, the file written and whether an export was asked for.
fn tell_changes(changes: &[VariableChange], masker: &Masker, saved: [(Option<&Path>, bool); 2]) {
    let [environment, globals] = saved;
    for (scope, (saved, asked), flag) in [
        ("environment", environment, "--export-environment"),
        ("globals", globals, "--export-globals"),
    ] {
        let changed: Vec<VariableChange> = changes
            .iter()
            .filter(|c| c.scope == scope)
            .cloned()
            .collect();
        if changed.is_empty() {
            continue;
        }
        let mut lines = change_lines(&changed, masker);
        let masked = masker.is_enabled() && changed.iter().any(|c| c.secret);
        lines.push(match saved {
            Some(path) => format!(
                "postie: saved to {} (readable by you only){}",
                path.display(),
                if masked {
                    "; --show-secrets prints the masked values"
                } else {
                    ""
                }
            ),
            None if asked => "postie: not saved: the export failed (see the error below)".into(),
            None => format!(
                "postie: not saved: they are gone when postie exits; add {flag} FILE to keep them"
            ),
        });
        eprintln!("{}", lines.join("\n"));
    }
}

/// `--working-dir`, else the current folder.
pub(super) fn working_dir(flags: &RunFlags) -> PathBuf {
    match &flags.working_dir {
        Some(dir) => dir.clone(),
        None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    }
}

/// `--max-response-size` (0: none), else the default.
pub(super) fn max_response_size(flags: &RunFlags) -> Option<u64> {
    match flags.max_response_size {
        Some(0) => None,
        Some(limit) => Some(limit),
        None => Some(DEFAULT_MAX_RESPONSE_SIZE),
    }
}

/// `--reporter-<name>-export` (a folder gets Newman's auto-named file in it), else Newman's
/// default location.
fn report_path(
    options: &RawReporterOptions,
    reporters: &[String],
    name: &str,
    ext: &str,
) -> PathBuf {
    report_path_named(options, reporters, name, "newman-run-report", ext)
}

/// `--reporter-<name>-export` (a folder gets the auto-named file `<base>-<timestamp>-0.<ext>`
/// in it, as Newman names it), else that file in Newman's default location.
fn report_path_named(
    options: &RawReporterOptions,
    reporters: &[String],
    name: &str,
    base: &str,
    ext: &str,
) -> PathBuf {
    let default = format!("{base}.{ext}");
    let now = target::now_millis();
    options
        .for_reporter(name, reporters)
        .get("export")
        .filter(|path| *path != "true")
        .map(|path| target::into_folder(Path::new(path), &default, now))
        .unwrap_or_else(|| target::default_location(&default, now))
}

/// An `--export-*` target: the file named, or Newman's auto-named file in the folder named
/// (`newman-environment-<timestamp>0.json`).
fn export_path(path: &Path, what: &str) -> PathBuf {
    target::into_folder(path, &format!("newman-{what}.json"), target::now_millis())
}

/// The scope to export: a secret variable whose value still is the one given on the command line
/// (no script changed it) gets the value the input file had back, so secrets passed with
/// `--env-var` never land in exported files. Everything else is exported as the run left it.
fn keep_secrets_out(
    scope: &VariableScope,
    file: Option<&VariableFile>,
    given: &[(String, Option<String>)],
) -> VariableScope {
    let mut out = scope.clone();
    for (key, value) in given {
        let Some(value) = value else { continue };
        let secret = scope
            .entries()
            .iter()
            .any(|v| v.key == *key && v.is_secret());
        if secret && scope.get(key) == Some(&Value::String(value.clone())) {
            let original = file
                .and_then(|f| f.values.iter().rev().find(|v| v.key == *key))
                .map(|v| v.value.clone());
            match original {
                Some(original) => out.set_value(key, original),
                None => out.unset(key),
            }
        }
    }
    out
}

/// `name` and `id` of a loaded variable file as scripts see them; Newman makes up an id for a
/// scope whose file has none (or when there is no file).
fn scope_meta(file: Option<&VariableFile>) -> ScopeMeta {
    let id = file
        .and_then(|f| f.doc.get("id"))
        .and_then(|id| id.as_str())
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string);
    ScopeMeta {
        name: file.and_then(|f| f.name.clone()),
        id: Some(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn execute_parses_assignments_at_first_equals() {
        let parsed = parse_assignments("--env-var", &["a=b=c".into()]).unwrap_or_default();
        assert_eq!(parsed, [("a".to_string(), Some("b=c".to_string()))]);
        let bare = parse_assignments("--env-var", &["novalue".into()]).unwrap_or_default();
        assert_eq!(bare, vec![("novalue".to_string(), None)]);
        assert!(parse_assignments("--env-var", &["=x".into()]).is_err());
    }

    #[test]
    fn execute_keeps_command_line_secrets_out_of_exports() {
        let file = crate::collection::VariableFile {
            doc: Value::Null,
            wrapper: None,
            name: None,
            warnings: Vec::new(),
            values: vec![
                crate::collection::Variable {
                    key: "password".into(),
                    value: Some(Value::String(String::new())),
                    kind: Some("secret".into()),
                    disabled: false,
                },
                crate::collection::Variable {
                    key: "login".into(),
                    value: Some(Value::String("a".into())),
                    kind: None,
                    disabled: false,
                },
            ],
        };
        let mut scope = VariableScope::from_variables(&file.values);
        let given = [
            ("password".to_string(), Some("s3cret".to_string())),
            ("login".to_string(), Some("b".to_string())),
        ];
        for (k, v) in &given {
            scope.set_value(k, v.clone().map(Value::String));
        }
        let out = keep_secrets_out(&scope, Some(&file), &given);
        assert_eq!(out.get("password"), Some(&Value::String(String::new())));
        assert_eq!(out.get("login"), Some(&Value::String("b".into())));
        // A script that set the secret wins: its value is exported.
        scope.set("password", Value::String("from-script".into()));
        let out = keep_secrets_out(&scope, Some(&file), &given);
        assert_eq!(
            out.get("password"),
            Some(&Value::String("from-script".into()))
        );
    }

    #[test]
    fn execute_masks_secret_types_and_secret_named_command_line_values() {
        let environment = VariableScope::from_variables(&[
            crate::collection::Variable {
                key: "key".into(),
                value: Some(Value::String("typed-secret".into())),
                kind: Some("secret".into()),
                disabled: false,
            },
            crate::collection::Variable {
                key: "password".into(),
                value: Some(Value::String("file-value".into())),
                kind: None,
                disabled: false,
            },
        ]);
        let scopes = Scopes {
            environment,
            ..Scopes::default()
        };
        let given = [
            ("PARTNER_PASSWORD".to_string(), "cli-secret".to_string()),
            ("login".to_string(), "me".to_string()),
        ];
        let secrets = secret_values(&scopes, &given);
        assert_eq!(secrets, ["typed-secret", "cli-secret"]);
    }
}
