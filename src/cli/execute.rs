//! One run from loaded inputs to exit code: variable scopes with command-line overrides,
//! reporters, the runner, then exports. Shared by `postie run` and `postie demo`.

use super::args::{ColorChoice, RunFlags};
use super::reporter_options::RawReporterOptions;
use crate::collection::{Collection, DataRow, VariableFile};
use crate::diagnostic::Diagnostic;
use crate::export::{
    ExportStyle, SpooledJson, variable_file_document, write_atomically, write_collection,
    write_json,
};
use crate::http::cookie_file::{CookieFile, cookie_file_document, read_cookie_file};
use crate::http::response_body::DEFAULT_MAX_RESPONSE_SIZE;
use crate::http::{ClientOptions, CookieJar};
use crate::report::{
    CliOptions, CliReporter, Clock, HtmlOptions, HtmlReporter, JsonOptions, JsonReporter,
    JunitReporter, Masker, ProgressReporter, Style, SummaryBuilder,
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
const REPORTERS: [&str; 5] = ["cli", "json", "junit", "html", "progress"];

/// The loaded files of a run.
#[derive(Debug)]
pub struct Inputs {
    /// The collection.
    pub collection: Collection,
    /// The environment file, if any.
    pub environment: Option<VariableFile>,
    /// The globals file, if any.
    pub globals: Option<VariableFile>,
    /// Iteration data rows (`-d`).
    pub data: Vec<DataRow>,
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

/// True for command-line variables whose values are never printed: a name that says it is secret.
fn looks_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["password", "secret", "token", "apikey", "api_key"]
        .iter()
        .any(|word| key.contains(word))
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

/// Run and report; returns the process exit code (0 passed, 1 failures).
pub fn execute(
    inputs: Inputs,
    flags: &RunFlags,
    reporter_options: &RawReporterOptions,
) -> Result<u8, Diagnostic> {
    let reporters: Vec<String> = if flags.reporters.is_empty() {
        vec!["cli".to_string()]
    } else {
        flags.reporters.clone()
    };
    for reporter in &reporters {
        if !REPORTERS.contains(&reporter.as_str()) {
            return Err(Diagnostic::new(format!(
                "reporter \"{reporter}\" is not available in postie yet"
            ))
            .with_hint(format!("available reporters: {}", REPORTERS.join(", "))));
        }
    }
    for warning in &inputs.collection.warnings {
        eprintln!("postie: warning: {warning}");
    }
    let (jar, jar_settings) = match &flags.cookie_jar {
        Some(path) => {
            let (jar, file) = read_cookie_file(path)?.into_jar();
            for warning in &file.warnings {
                eprintln!("postie: warning: {}: {warning}", path.display());
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
    let command_line: Vec<(String, String)> = env_vars
        .iter()
        .chain(global_vars.iter())
        .filter_map(|(k, v)| Some((k.clone(), v.clone()?)))
        .collect();

    let working_dir = match &flags.working_dir {
        Some(dir) => dir.clone(),
        None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    let files = crate::http::files::FileAccess {
        working_dir: &working_dir,
        allow_outside: !flags.no_insecure_file_read,
    };
    let (tls, tls_secrets) = super::tls::tls_options(flags, files)?;
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
            max_response_size: match flags.max_response_size {
                Some(0) => None,
                Some(limit) => Some(limit),
                None => Some(DEFAULT_MAX_RESPONSE_SIZE),
            },
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
                .chain(tls_secrets),
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
            },
            masker.clone(),
            SpooledJson::create(&report_path(reporter_options, &reporters, "json", "json"))?,
        )),
        false => None,
    };
    let enabled = |name: &str| reporters.iter().any(|r| r == name);
    let clock = Clock::from_env();
    let mut junit = enabled("junit").then(|| JunitReporter::new(masker.clone(), clock));
    let html_options = HtmlOptions {
        show_secrets: flags.show_secrets,
    };
    let mut html = enabled("html").then(|| HtmlReporter::new(html_options, masker, clock));
    let mut progress = enabled("progress").then(ProgressReporter::for_stdout);
    {
        let mut listeners: Vec<&mut dyn Listener> = vec![&mut summary];
        if cli_enabled {
            listeners.push(&mut cli);
        }
        listeners.extend(json.as_mut().map(|r| r as &mut dyn Listener));
        listeners.extend(junit.as_mut().map(|r| r as &mut dyn Listener));
        listeners.extend(html.as_mut().map(|r| r as &mut dyn Listener));
        listeners.extend(progress.as_mut().map(|r| r as &mut dyn Listener));
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
    // Every file is attempted even if an earlier one fails; the first error is reported.
    let mut written: Vec<Result<(), Diagnostic>> = Vec::new();
    if let Some(path) = &flags.export_environment {
        written.push(
            values_understood(environment.as_ref(), path)
                .and_then(|()| write_json(path, &environment_doc)),
        );
    }
    if let Some(path) = &flags.export_globals {
        written.push(
            values_understood(globals.as_ref(), path).and_then(|()| write_json(path, &globals_doc)),
        );
    }
    if let Some(path) = &flags.export_collection {
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
    if let Some(html) = &html {
        let path = report_path(reporter_options, &reporters, "html", "html");
        written.push(
            html.document(&summary)
                .and_then(|page| write_atomically(&path, page.as_bytes())),
        );
    }
    if let Some(path) = &flags.export_cookie_jar {
        written.push(write_json(
            path,
            &cookie_file_document(jar_settings.as_ref(), &jar.stored()),
        ));
    }
    written
        .into_iter()
        .collect::<Result<Vec<()>, Diagnostic>>()?;
    Ok(if summary.passed() || flags.suppress_exit_code {
        0
    } else {
        1
    })
}

/// `--reporter-<name>-export`, else the default location.
fn report_path(
    options: &RawReporterOptions,
    reporters: &[String],
    name: &str,
    ext: &str,
) -> PathBuf {
    options
        .for_reporter(name, reporters)
        .get("export")
        .map(PathBuf::from)
        .unwrap_or_else(|| default_report_path(ext))
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

/// Newman's default report location: `newman/newman-run-report-<timestamp>-0.<ext>`.
fn default_report_path(ext: &str) -> PathBuf {
    let stamp = crate::vars::dynamic::iso_timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0),
    )
    .replace([':', '.'], "-");
    PathBuf::from(format!("newman/newman-run-report-{stamp}-0.{ext}"))
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
