//! The one export step: after the run, every file is written here — the `--export-*` files
//! (environment, globals, collection, cookie jar) and the reporters' [`Artifact`]s, the JSON
//! report streamed to its spool included. It is where reporters meet the export module (which
//! knows nothing of them): report targets become paths, the export module's spool serves as
//! the JSON report's [`Spool`].

use super::config::{Assignment, Exports, values_understood};
use crate::collection::{LoadedCollection, VariableFile};
use crate::diagnostic::Diagnostic;
use crate::export::{
    SpooledJson, target, variable_file_document, write_atomically, write_collection, write_json,
    write_private_json,
};
use crate::http::cookie_file::cookie_file_document;
use crate::report::reporter::WriteValue;
use crate::report::{Artifact, ReportTarget, RunVariables, Spool};
use crate::vars::{Scopes, VariableScope};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What the export step wrote.
pub struct Written {
    /// The environment's file, when it was written.
    pub environment: Option<PathBuf>,
    /// The globals' file, when they were written.
    pub globals: Option<PathBuf>,
    /// The first file that could not be written (every file is attempted).
    pub error: Option<Diagnostic>,
}

/// The environment and globals as the run left them, in the shape they are exported in (a
/// secret given on the command line kept out), for the exports and the reports.
pub fn run_variables(exports: &Exports, scopes: &Scopes) -> RunVariables {
    let document = |file: Option<&VariableFile>, scope, given: &[Assignment], what| {
        variable_file_document(
            file,
            &keep_secrets_out(scope, file, given),
            what,
            exports.style,
        )
    };
    RunVariables {
        environment: document(
            exports.environment_file.as_ref(),
            &scopes.environment,
            &exports.env_vars,
            "environment",
        ),
        globals: document(
            exports.globals_file.as_ref(),
            &scopes.globals,
            &exports.global_vars,
            "globals",
        ),
        environment_from_file: exports.environment_file.is_some(),
        globals_from_file: exports.globals_file.is_some(),
    }
}

/// Write every file, in a fixed order: the environment, the globals, the collection, the
/// reports (in the reporters' order), the cookie jar. Every file is attempted even if an
/// earlier one fails. Environments and globals carry credentials: their files are the owner's
/// only.
pub fn write_all(
    exports: &Exports,
    collection: &LoadedCollection,
    variables: &RunVariables,
    reports: Vec<Artifact<'_>>,
) -> Written {
    let mut errors = Vec::new();
    let mut saved = |result: Result<(), Diagnostic>| match result {
        Ok(()) => true,
        Err(e) => {
            errors.push(e);
            false
        }
    };
    let mut private = |path: &Option<PathBuf>, file: Option<&VariableFile>, what, doc| {
        let path = export_path(path.as_deref()?, what);
        let written = values_understood(file, &path).and_then(|()| write_private_json(&path, doc));
        saved(written).then_some(path)
    };
    let environment = private(
        &exports.environment,
        exports.environment_file.as_ref(),
        "environment",
        &variables.environment,
    );
    let globals = private(
        &exports.globals,
        exports.globals_file.as_ref(),
        "globals",
        &variables.globals,
    );
    if let Some(path) = &exports.collection {
        // Newman exports the collection's variables as loaded: what scripts set with
        // `pm.collectionVariables` is not written back (nor is it in Postman's own export).
        let loaded = VariableScope::from_variables(&collection.variables);
        let path = export_path(path, "collection");
        saved(write_collection(&path, collection, &loaded, exports.style));
    }
    for report in reports {
        saved(write_report(report));
    }
    if let Some(path) = &exports.cookie_jar {
        let doc = cookie_file_document(exports.jar_settings.as_ref(), &exports.jar.stored());
        saved(write_json(&export_path(path, "cookie-jar"), &doc));
    }
    Written {
        environment,
        globals,
        error: errors.into_iter().next(),
    }
}

/// Write one report.
fn write_report(report: Artifact<'_>) -> Result<(), Diagnostic> {
    match report {
        Artifact::Report { target, text } => {
            let path = report_path(&target);
            write_atomically(&path, text?.as_bytes())
        }
        Artifact::Spooled {
            spool,
            doc,
            mut value,
        } => spool.finish_with(&doc, &mut *value),
    }
}

/// Open the spool the JSON report going to `target` streams its executions to.
pub fn open_spool(target: &ReportTarget) -> Result<Box<dyn Spool>, Diagnostic> {
    Ok(Box::new(SpooledJson::create(&report_path(target))?))
}

impl Spool for SpooledJson {
    fn push_with(&mut self, entry: &Value, write_value: &mut WriteValue<'_>) {
        SpooledJson::push_with(self, entry, write_value);
    }

    fn list_placeholder(&self) -> Value {
        SpooledJson::placeholder()
    }

    fn value_placeholder(&self) -> Value {
        SpooledJson::value_placeholder()
    }

    fn finish_with(
        self: Box<Self>,
        doc: &Value,
        write_value: &mut WriteValue<'_>,
    ) -> Result<(), Diagnostic> {
        SpooledJson::finish_with(*self, doc, write_value)
    }
}

/// A report's path: its `export` option (a folder gets the auto-named file
/// `<base>-<timestamp>-0.<ext>` in it, as Newman names it), else its default file in Newman's
/// default location.
fn report_path(report: &ReportTarget) -> PathBuf {
    let now = target::now_millis();
    match &report.export {
        Some(path) => target::into_folder(Path::new(path), &report.default_file, now),
        None => target::default_location(&report.default_file, now),
    }
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
    given: &[Assignment],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_keep_command_line_secrets_out_of_exports() {
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
    fn outputs_name_reports_as_newman_does() {
        let given = ReportTarget {
            export: Some("out/r.xml".into()),
            default_file: "newman-run-report.xml".into(),
        };
        assert_eq!(report_path(&given), PathBuf::from("out/r.xml"));
        let default = ReportTarget {
            export: None,
            default_file: "newman-run-report.json".into(),
        };
        let path = report_path(&default);
        assert!(path.starts_with("newman"), "{}", path.display());
        assert!(path.to_string_lossy().ends_with(".json"));
    }
}
