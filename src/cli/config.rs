//! [`RunConfig`]: everything one run needs, typed and checked, built once from the parsed flags
//! and the loaded inputs (the low-level arguments become high-level settings, as ripgrep's
//! `HiArgs` come from its `LowArgs`). Every error about the command line or a file it names
//! (exit 2) comes from building it, before anything is sent; warnings go to [`Warnings`] as
//! they come.

use super::args::{ColorChoice, RunFlags};
use super::execute::Inputs;
use super::reporter_options::RawReporterOptions;
use crate::collection::{Collection, LoadedCollection, VariableFile};
use crate::diagnostic::Diagnostic;
use crate::export::ExportStyle;
use crate::http::cookie_file::{CookieFile, read_cookie_file};
use crate::http::response_body::DEFAULT_MAX_RESPONSE_SIZE;
use crate::http::{ClientOptions, CookieJar};
use crate::report::registry::check_names;
use crate::report::{Masker, looks_secret, registry};
use crate::runner::RunOptions;
use crate::script::ScopeMeta;
use crate::vars::{Scopes, VariableScope};
use serde_json::{Map, Value};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A `--env-var`/`--global-var` assignment: the name, and the value (none for a bare `KEY`).
pub type Assignment = (String, Option<String>);

/// The run's cookie jar, and the fields of the `--cookie-jar` file other than its cookies.
type Jar = (Arc<CookieJar>, Option<Map<String, Value>>);

/// Everything one run needs.
pub struct RunConfig {
    /// The collection.
    pub collection: LoadedCollection,
    /// The scopes the run starts with: the files', then `--env-var`/`--global-var` over them.
    pub scopes: Scopes,
    /// How to run (iterations, data, folders, bail, timeouts, the client's settings…).
    pub options: RunOptions,
    /// Masks every secret the run knows of (disabled with `--show-secrets`).
    pub masker: Masker,
    /// Which reporters run, and how they print.
    pub reporters: ReporterConfig,
    /// What is written after the run besides the reports.
    pub exports: Exports,
    /// `-x`: exit code 0 even when the run had failures.
    pub suppress_exit_code: bool,
}

/// Which reporters run, and the flags they read.
pub struct ReporterConfig {
    /// The reporters named (`-r`), or the host's default; all known.
    pub names: Vec<String>,
    /// Every `--reporter-*` option given.
    pub options: RawReporterOptions,
    /// `--color`, decided for stdout.
    pub color: bool,
    /// `--verbose`.
    pub verbose: bool,
    /// `--silent`.
    pub silent: bool,
    /// `--disable-unicode`.
    pub disable_unicode: bool,
    /// `--show-secrets`.
    pub show_secrets: bool,
}

/// The `--export-*` files and what writing them needs.
pub struct Exports {
    /// `--export-environment`.
    pub environment: Option<PathBuf>,
    /// `--export-globals`.
    pub globals: Option<PathBuf>,
    /// `--export-collection`.
    pub collection: Option<PathBuf>,
    /// `--export-cookie-jar`.
    pub cookie_jar: Option<PathBuf>,
    /// `--export-as-loaded`, or Newman's way.
    pub style: ExportStyle,
    /// The environment file as loaded (exports patch it).
    pub environment_file: Option<VariableFile>,
    /// The globals file as loaded.
    pub globals_file: Option<VariableFile>,
    /// `--env-var` assignments (their secrets are kept out of exports).
    pub env_vars: Vec<Assignment>,
    /// `--global-var` assignments.
    pub global_vars: Vec<Assignment>,
    /// The run's cookie jar.
    pub jar: Arc<CookieJar>,
    /// The `--cookie-jar` file's fields other than its cookies, kept for the export.
    pub jar_settings: Option<Map<String, Value>>,
}

/// Where warnings go: printed to stderr as they come (the command line), or kept (the library).
pub struct Warnings {
    print: bool,
    /// The warnings kept (when not printed).
    pub kept: Vec<String>,
}

impl Warnings {
    /// Warnings printed (`print`) or kept.
    pub fn new(print: bool) -> Self {
        Warnings {
            print,
            kept: Vec::new(),
        }
    }

    /// Tell the user about something odd that does not stop the run.
    pub fn warn(&mut self, text: String) {
        if self.print {
            eprintln!("postie: warning: {text}");
        } else {
            self.kept.push(text);
        }
    }
}

impl RunConfig {
    /// Check and type `flags` and `reporter_options` for a run of `inputs`; `default_reporters`
    /// run when `-r` names none.
    pub fn build(
        inputs: Inputs,
        flags: &RunFlags,
        reporter_options: &RawReporterOptions,
        default_reporters: &[&str],
        warnings: &mut Warnings,
    ) -> Result<RunConfig, Diagnostic> {
        let names: Vec<String> = match flags.reporters.is_empty() {
            true => default_reporters.iter().map(|r| r.to_string()).collect(),
            false => flags.reporters.clone(),
        };
        check_names(&names)?;
        check_inputs(&inputs, flags, reporter_options, warnings)?;
        let jar = cookie_jar(flags, warnings)?;
        let env_vars = parse_assignments("--env-var", &flags.env_var)?;
        let global_vars = parse_assignments("--global-var", &flags.global_var)?;
        let Inputs {
            collection,
            environment,
            globals,
            data,
            prepared,
        } = inputs;
        let scopes = starting_scopes(
            &collection,
            [&environment, &globals],
            [&env_vars, &global_vars],
        );
        let working_dir = working_dir(flags);
        let files = crate::http::files::FileAccess {
            working_dir: &working_dir,
            allow_outside: !flags.no_insecure_file_read,
        };
        let (tls, tls_secrets) = match prepared.tls {
            Some(prepared) => prepared,
            None => super::tls::tls_options(flags, files)?,
        };
        let client = ClientOptions {
            insecure: flags.insecure,
            request_timeout: flags.timeout_request.map(Duration::from_millis),
            max_response_size: max_response_size(flags),
            cookie_jar: Some(jar.0.clone()),
            tls,
        };
        let mut options = run_options(flags, client, working_dir);
        options.iterations = flags
            .iteration_count
            .map_or(data.len().max(1), |n| n as usize);
        options.data = data;
        options.shard = super::shard::resolve(&flags.shard, &|name| std::env::var(name).ok())?;
        super::shard::check_work(&collection, &options, &mut |text| warnings.warn(text))?;
        options.environment_meta = scope_meta(environment.as_ref());
        options.globals_meta = scope_meta(globals.as_ref());
        let masker = match flags.show_secrets {
            true => Masker::disabled(),
            false => Masker::new(
                secret_values(&scopes, &[&env_vars, &global_vars])
                    .into_iter()
                    .chain(tls_secrets)
                    .chain(prepared.secrets),
            ),
        };
        Ok(RunConfig {
            collection,
            scopes,
            options,
            masker,
            reporters: reporter_config(names, reporter_options, flags),
            exports: Exports::new(flags, [environment, globals], [env_vars, global_vars], jar),
            suppress_exit_code: flags.suppress_exit_code,
        })
    }
}

/// Warn about what the inputs and the reporter options hold that the run ignores, and refuse
/// an export that would lose part of its loaded file, before any request is sent.
fn check_inputs(
    inputs: &Inputs,
    flags: &RunFlags,
    reporter_options: &RawReporterOptions,
    warnings: &mut Warnings,
) -> Result<(), Diagnostic> {
    let file_warnings = [inputs.environment.as_ref(), inputs.globals.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|f| &f.warnings);
    for warning in inputs.collection.warnings.iter().chain(file_warnings) {
        warnings.warn(warning.clone());
    }
    if let Some(path) = &flags.export_environment {
        values_understood(inputs.environment.as_ref(), path)?;
    }
    if let Some(path) = &flags.export_globals {
        values_understood(inputs.globals.as_ref(), path)?;
    }
    for warning in registry::unknown_options(reporter_options) {
        warnings.warn(warning);
    }
    Ok(())
}

impl Exports {
    /// The `--export-*` flags, with the loaded variable files (environment, globals), the
    /// command line's assignments to them and the run's cookie jar.
    fn new(
        flags: &RunFlags,
        files: [Option<VariableFile>; 2],
        given: [Vec<Assignment>; 2],
        (jar, jar_settings): Jar,
    ) -> Self {
        let [environment_file, globals_file] = files;
        let [env_vars, global_vars] = given;
        Exports {
            environment: flags.export_environment.clone(),
            globals: flags.export_globals.clone(),
            collection: flags.export_collection.clone(),
            cookie_jar: flags.export_cookie_jar.clone(),
            style: match flags.export_as_loaded {
                true => ExportStyle::AsLoaded,
                false => ExportStyle::Newman,
            },
            environment_file,
            globals_file,
            env_vars,
            global_vars,
            jar,
            jar_settings,
        }
    }
}

/// The reporters' part of the configuration; `--color auto` decided for stdout.
fn reporter_config(
    names: Vec<String>,
    options: &RawReporterOptions,
    flags: &RunFlags,
) -> ReporterConfig {
    let color = match flags.color {
        ColorChoice::On => true,
        ColorChoice::Off => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    ReporterConfig {
        names,
        options: options.clone(),
        color,
        verbose: flags.verbose,
        silent: flags.silent,
        disable_unicode: flags.disable_unicode,
        show_secrets: flags.show_secrets,
    }
}

/// The run's cookie jar: `--cookie-jar`'s cookies (skipped ones warned about) and the file's
/// other fields, or an empty jar.
fn cookie_jar(flags: &RunFlags, warnings: &mut Warnings) -> Result<Jar, Diagnostic> {
    let Some(path) = &flags.cookie_jar else {
        return Ok((Arc::new(CookieJar::new()), None));
    };
    let (jar, file) = read_cookie_file(path)?.into_jar();
    for warning in &file.warnings {
        warnings.warn(format!("{}: {warning}", path.display()));
    }
    let CookieFile { settings, .. } = file;
    Ok((Arc::new(jar), Some(settings)))
}

/// The scopes a run starts with: the collection's variables, the environment's and the
/// globals' (`files`), then the command line's assignments (`given`: environment, globals).
fn starting_scopes(
    collection: &Collection,
    files: [&Option<VariableFile>; 2],
    given: [&[Assignment]; 2],
) -> Scopes {
    let values = |file: &Option<VariableFile>| {
        VariableScope::from_variables(file.as_ref().map_or(&[][..], |f| &f.values))
    };
    let mut scopes = Scopes {
        environment: values(files[0]),
        collection: VariableScope::from_variables(&collection.variables),
        globals: values(files[1]),
        ..Scopes::default()
    };
    for (scope, given) in [&mut scopes.environment, &mut scopes.globals]
        .into_iter()
        .zip(given)
    {
        for (k, v) in given {
            scope.set_value(k, v.clone().map(Value::String));
        }
    }
    scopes
}

/// How to run, from the flags (iterations, data and the scopes' names are the caller's).
fn run_options(flags: &RunFlags, client: ClientOptions, working_dir: PathBuf) -> RunOptions {
    let bail = |mode: &str| {
        flags
            .bail
            .as_ref()
            .is_some_and(|m| m.iter().any(|m| m == mode))
    };
    RunOptions {
        folders: flags.folder.clone(),
        bail: bail("failure"),
        abort_on_error: bail("folder"),
        delay: Duration::from_millis(flags.delay_request),
        script_timeout: flags.timeout_script.map(Duration::from_millis),
        run_timeout: flags.timeout.map(Duration::from_millis),
        client,
        follow_redirects: !flags.ignore_redirects,
        parallel: flags.parallel as usize,
        working_dir,
        insecure_file_read: !flags.no_insecure_file_read,
        send_request_promise: flags.send_request_promise,
        ..RunOptions::default()
    }
}

/// Parse a repeatable `KEY=VALUE` flag, split at the first `=`. A bare `KEY` sets the variable
/// with no value (Newman sets it to `undefined`, which substitutes as an empty text).
fn parse_assignments(flag: &str, values: &[String]) -> Result<Vec<Assignment>, Diagnostic> {
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
fn secret_values(scopes: &Scopes, given: &[&[Assignment]]) -> Vec<String> {
    let typed = [&scopes.environment, &scopes.collection, &scopes.globals]
        .into_iter()
        .flat_map(|s| s.entries())
        .filter(|v| v.is_secret())
        .map(|v| v.value_text());
    let given = given
        .iter()
        .flat_map(|g| g.iter())
        .filter(|(k, _)| looks_secret(k))
        .filter_map(|(_, v)| v.clone());
    typed.chain(given).filter(|v| !v.is_empty()).collect()
}

/// An export must not drop what postie did not understand: a loaded file whose `values` is not
/// a list (Newman runs it as no variables and exports a list over it) is not exported.
pub(super) fn values_understood(
    file: Option<&VariableFile>,
    export: &Path,
) -> Result<(), Diagnostic> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_parses_assignments_at_first_equals() {
        let parsed = parse_assignments("--env-var", &["a=b=c".into()]).unwrap_or_default();
        assert_eq!(parsed, [("a".to_string(), Some("b=c".to_string()))]);
        let bare = parse_assignments("--env-var", &["novalue".into()]).unwrap_or_default();
        assert_eq!(bare, vec![("novalue".to_string(), None)]);
        assert!(parse_assignments("--env-var", &["=x".into()]).is_err());
    }

    #[test]
    fn config_masks_secret_types_and_secret_named_command_line_values() {
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
            (
                "PARTNER_PASSWORD".to_string(),
                Some("cli-secret".to_string()),
            ),
            ("login".to_string(), Some("me".to_string())),
            ("token".to_string(), None),
        ];
        let secrets = secret_values(&scopes, &[&given]);
        assert_eq!(secrets, ["typed-secret", "cli-secret"]);
    }
}
