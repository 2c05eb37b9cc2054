//! [`Options`]: what to run and how, built in Rust or read from Newman-style arguments.

use crate::cli::args::{FlagsOnly, RunFlags};
use crate::cli::reporter_options::{RawReporterOptions, extract};
use crate::diagnostic::Diagnostic;
use crate::runner::Listener;
use clap::Parser;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A collection, environment, globals or iteration data: a file, or the document itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A file (JSON; iteration data may also be CSV).
    Path(PathBuf),
    /// The parsed JSON document (errors name it `<collection>`, `<environment>`, …).
    Json(Value),
}

impl From<&str> for Input {
    fn from(path: &str) -> Self {
        Input::Path(PathBuf::from(path))
    }
}

impl From<String> for Input {
    fn from(path: String) -> Self {
        Input::Path(PathBuf::from(path))
    }
}

impl From<&Path> for Input {
    fn from(path: &Path) -> Self {
        Input::Path(path.to_path_buf())
    }
}

impl From<PathBuf> for Input {
    fn from(path: PathBuf) -> Self {
        Input::Path(path)
    }
}

impl From<Value> for Input {
    fn from(doc: Value) -> Self {
        Input::Json(doc)
    }
}

/// What to run and how: the inputs, `postie run`'s options, and an optional [`Listener`].
///
/// Defaults are the command line's, except that no reporter runs unless named (a library
/// prints nothing by itself). Every option of `postie run` is reachable: through the methods
/// below, [`Options::args`] (Newman's spelling, `--reporter-*` options included) or
/// [`Options::flags`].
pub struct Options<'l> {
    pub(super) collection: Input,
    pub(super) environment: Option<Input>,
    pub(super) globals: Option<Input>,
    pub(super) data: Option<Input>,
    pub(super) flags: RunFlags,
    pub(super) reporter_options: RawReporterOptions,
    pub(super) listener: Option<&'l mut dyn Listener>,
}

impl<'l> Options<'l> {
    /// Run `collection` (a path, or a JSON document) with default options.
    pub fn new(collection: impl Into<Input>) -> Self {
        Options {
            collection: collection.into(),
            environment: None,
            globals: None,
            data: None,
            flags: RunFlags::default(),
            reporter_options: RawReporterOptions::default(),
            listener: None,
        }
    }

    /// Replace the options with `args`, as `postie run` reads them (without the collection):
    /// `["-n", "3", "--bail", "-r", "cli,junit", "--reporter-junit-export", "out.xml"]`. Call it
    /// before the other methods, which change the options it set. A bad option is an error
    /// naming it.
    pub fn args<I, S>(mut self, args: I) -> Result<Self, Diagnostic>
    where
        I: IntoIterator<Item = S>,
        S: Into<std::ffi::OsString>,
    {
        let (args, reporter_options) = extract(args.into_iter().map(Into::into).collect());
        let only = FlagsOnly::try_parse_from(args).map_err(|e| {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or_default();
            Diagnostic::new(first.trim_start_matches("error: ").to_string())
        })?;
        self.flags = only.flags;
        self.reporter_options = reporter_options;
        Ok(self)
    }

    /// Every option, by its command-line field (for those without a method here).
    pub fn flags(&mut self) -> &mut RunFlags {
        &mut self.flags
    }

    /// `-e`: the environment.
    pub fn environment(mut self, environment: impl Into<Input>) -> Self {
        self.environment = Some(environment.into());
        self
    }

    /// `-g`: the globals.
    pub fn globals(mut self, globals: impl Into<Input>) -> Self {
        self.globals = Some(globals.into());
        self
    }

    /// `-d`: iteration data (a JSON array of objects, or a CSV file).
    pub fn iteration_data(mut self, data: impl Into<Input>) -> Self {
        self.data = Some(data.into());
        self
    }

    /// `--env-var key=value`: set an environment variable over the environment's.
    pub fn env_var(mut self, key: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        let (key, value) = (key.as_ref(), value.as_ref());
        self.flags.env_var.push(format!("{key}={value}"));
        self
    }

    /// `--global-var key=value`: set a global variable over the globals'.
    pub fn global_var(mut self, key: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        let (key, value) = (key.as_ref(), value.as_ref());
        self.flags.global_var.push(format!("{key}={value}"));
        self
    }

    /// `-n`: the number of iterations (at least 1; by default one per data row, or 1).
    pub fn iterations(mut self, count: u64) -> Self {
        self.flags.iteration_count = Some(count.max(1));
        self
    }

    /// `--folder`: run only this folder or request (repeatable).
    pub fn folder(mut self, name: impl Into<String>) -> Self {
        self.flags.folder.push(name.into());
        self
    }

    /// `--bail`: stop after the first item with a failure.
    pub fn bail(mut self, bail: bool) -> Self {
        self.flags.bail = bail.then(|| vec!["failure".to_string()]);
        self
    }

    /// `-k`: do not verify TLS certificates.
    pub fn insecure(mut self, insecure: bool) -> Self {
        self.flags.insecure = insecure;
        self
    }

    /// `--timeout`: a limit for the whole run.
    pub fn timeout(mut self, limit: Duration) -> Self {
        self.flags.timeout = Some(millis(limit));
        self
    }

    /// `--timeout-request`: a limit per request.
    pub fn timeout_request(mut self, limit: Duration) -> Self {
        self.flags.timeout_request = Some(millis(limit));
        self
    }

    /// `--timeout-script`: a limit per script.
    pub fn timeout_script(mut self, limit: Duration) -> Self {
        self.flags.timeout_script = Some(millis(limit));
        self
    }

    /// `--delay-request`: wait this long before each request.
    pub fn delay_request(mut self, delay: Duration) -> Self {
        self.flags.delay_request = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self
    }

    /// `--working-dir`: the folder relative file paths in requests are read from.
    pub fn working_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.flags.working_dir = Some(dir.into());
        self
    }

    /// `-r`: reporters (`cli`, `json`, `junit`, `html`, `progress`); none by default.
    pub fn reporters<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.flags.reporters = names.into_iter().map(Into::into).collect();
        self
    }

    /// `--reporter-<reporter>-<option> value`, e.g. `("junit", "export", "out/report.xml")`.
    pub fn reporter_option(
        mut self,
        reporter: &str,
        option: &str,
        value: impl Into<String>,
    ) -> Self {
        self.reporter_options
            .0
            .push((format!("{reporter}-{option}"), value.into()));
        self
    }

    /// `--verbose`: the `cli` reporter shows headers, bodies and timing phases, and the `json`
    /// report each response's `timings`.
    pub fn verbose(mut self, verbose: bool) -> Self {
        self.flags.verbose = verbose;
        self
    }

    /// `--export-environment`: write the environment the run left to `path` (mode 0600).
    pub fn export_environment(mut self, path: impl Into<PathBuf>) -> Self {
        self.flags.export_environment = Some(path.into());
        self
    }

    /// `--export-globals`: write the globals the run left to `path` (mode 0600).
    pub fn export_globals(mut self, path: impl Into<PathBuf>) -> Self {
        self.flags.export_globals = Some(path.into());
        self
    }

    /// `-x`: exit code 0 even when the run had failures.
    pub fn suppress_exit_code(mut self, suppress: bool) -> Self {
        self.flags.suppress_exit_code = suppress;
        self
    }

    /// Also send every event, as it happens, to `listener` (after the reporters).
    pub fn listener(mut self, listener: &'l mut dyn Listener) -> Self {
        self.listener = Some(listener);
        self
    }
}

fn millis(limit: Duration) -> u64 {
    u64::try_from(limit.as_millis()).unwrap_or(u64::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_read_newman_arguments_and_reporter_options() {
        let options = Options::new("c.json").args([
            "-n",
            "3",
            "--bail",
            "-r",
            "cli,junit",
            "--reporter-junit-export",
            "x.xml",
        ]);
        let Ok(options) = options else {
            panic!("parses");
        };
        assert_eq!(options.flags.iteration_count, Some(3));
        assert_eq!(options.flags.reporters, ["cli", "junit"]);
        assert!(options.flags.bail.is_some());
        assert_eq!(
            options.reporter_options.0,
            [("junit-export".to_string(), "x.xml".to_string())]
        );
        let bad = Options::new("c.json").args(["--no-such-flag"]).err();
        assert!(bad.is_some_and(|e| e.message.contains("--no-such-flag")));
    }

    #[test]
    fn options_builders_set_the_command_line_fields() {
        let options = Options::new(serde_json::json!({}))
            .env_var("a", "b=c")
            .iterations(0)
            .timeout_request(Duration::from_millis(1500))
            .reporter_option("json", "export", "r.json");
        assert_eq!(options.flags.env_var, ["a=b=c"]);
        assert_eq!(options.flags.iteration_count, Some(1));
        assert_eq!(options.flags.timeout_request, Some(1500));
        assert!(matches!(options.collection, Input::Json(_)));
        assert!(options.flags.reporters.is_empty());
    }
}
