//! postie as a library: run a Postman collection from Rust, as `newman.run` does from Node.
//!
//! [`run`] takes [`Options`] (the collection, environment, globals and iteration data as files or
//! as JSON values, and any of `postie run`'s options) and returns a [`RunResult`]: the exit code
//! the command line would give, the summary (counts, failures, response times), the environment
//! and globals as the run left them, and which of their variables it created or changed. Events
//! go, as they happen, to the reporters you name (none by default: nothing is printed) and to a
//! [`Listener`] of your own. Reports and exports are written as on the command line.
//!
//! It is a thin layer over what `postie run` does ([`crate::cli::execute::run_loaded`]): the same
//! variables, runner, reporters and exports, so a run behaves the same from Rust and from a shell.
//! One run uses one thread (it drives its own single-threaded async runtime); call [`run`] from
//! a blocking context (not from inside another async runtime's task), or run it in
//! `tokio::task::spawn_blocking`.
//!
//! ```
//! use postie::api::{Event, Listener, Options, run};
//! use serde_json::json;
//!
//! // A server to talk to: postie's partner-API simulator on 127.0.0.1.
//! let server = postie::mock::spawn(postie::mock::PartnerApiConfig::default(), 0)?;
//! let collection = json!({
//!     "info": {"name": "smoke", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
//!     "item": [{
//!         "name": "wrong password",
//!         "request": {"method": "GET", "url": "{{base}}/api/v8/auth?login=nobody&password=x"},
//!         "event": [{"listen": "test", "script": {"exec": [
//!             "pm.test('refused', () => pm.response.to.have.status(401));"
//!         ]}}]
//!     }]
//! });
//!
//! /// Counts the requests as they are sent.
//! #[derive(Default)]
//! struct Requests(usize);
//! impl Listener for Requests {
//!     fn on_event(&mut self, event: &Event<'_>) {
//!         if let Event::Request { .. } = event {
//!             self.0 += 1;
//!         }
//!     }
//! }
//!
//! let mut requests = Requests::default();
//! let result = run(
//!     Options::new(collection)
//!         .env_var("base", server.url())
//!         .iterations(2)
//!         .listener(&mut requests),
//! )?;
//! assert_eq!(result.exit_code, 0);
//! assert_eq!(result.summary.stats.assertions.executed, 2);
//! assert!(result.failures().is_empty());
//! assert_eq!(requests.0, 2);
//! server.stop();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod options;

pub use crate::cli::execute::RunResult;
pub use crate::diagnostic::Diagnostic;
pub use crate::report::{ChangeKind, Failure, RunSummary, VariableChange};
pub use crate::runner::{Cursor, Event, ItemRef, Listener};
pub use options::{Input, Options};

use crate::cli::execute::{Host, Inputs, run_loaded};
use crate::collection::{data_rows, load_data_file, parse_collection, parse_variable_file};
use std::path::Path;

/// Run a collection: load the inputs, run every iteration, report and export as `options` say,
/// and return what happened.
///
/// `Err` only for unusable input (a file that cannot be read or is not a collection, an unknown
/// `--folder`, an unwritable report path) or a run aborted by `--bail folder`; the command line
/// exits 2 on unusable input and 1 on an aborted run (0 with `-x`, as Newman). Failed assertions, script errors and request errors are
/// results: they are in [`RunResult::summary`] and give exit code 1.
///
/// ```
/// let server = postie::mock::spawn(postie::mock::PartnerApiConfig::default(), 0)?;
/// let result = postie::api::run(
///     postie::api::Options::new("collections/partner-api.postman_collection.json")
///         .environment("environments/partner-api.postman_environment.json")
///         .env_var("partner_url", server.url())
///         .env_var("login", "partner@example.com")
///         .env_var("password", "partner-secret"),
/// )?;
/// assert!(result.passed(), "{:?}", result.failures());
/// // The sub-account the collection created, as its test script stored it.
/// let url = result.environment.get_text("sub_account_url").unwrap_or_default();
/// assert!(url.starts_with("https://"));
/// assert!(result.changes.iter().any(|c| c.key == "sub_account_password" && c.secret));
/// server.stop();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run(options: Options<'_>) -> Result<RunResult, Diagnostic> {
    let Options {
        collection,
        environment,
        globals,
        data,
        flags,
        reporter_options,
        listener,
    } = options;
    let inputs = Inputs {
        collection: match collection {
            Input::Path(path) => {
                crate::cli::convert::load_collection(&path, crate::cli::load_options()?)?
            }
            Input::Json(doc) => parse_collection(doc, Path::new("<collection>"))?,
        },
        environment: environment
            .map(|input| variable_file(input, "environment"))
            .transpose()?,
        globals: globals
            .map(|input| variable_file(input, "globals"))
            .transpose()?,
        data: match data {
            Some(Input::Path(path)) => load_data_file(&path)?,
            Some(Input::Json(doc)) => data_rows(doc, "<iteration data>").rows,
            None => Vec::new(),
        },
        prepared: Default::default(),
    };
    let host = Host {
        default_reporters: &[],
        listener,
        print_warnings: false,
        tell_changes: false,
    };
    run_loaded(inputs, &flags, &reporter_options, host)
}

fn variable_file(
    input: Input,
    what: &'static str,
) -> Result<crate::collection::VariableFile, Diagnostic> {
    match input {
        Input::Path(path) => crate::cli::convert::load_variables(&path, what),
        Input::Json(doc) => parse_variable_file(doc, Path::new(&format!("<{what}>")), what),
    }
}

impl RunResult {
    /// True when every request, script and assertion passed.
    pub fn passed(&self) -> bool {
        self.summary.passed()
    }

    /// The run's failures, in the order they happened (assertions, script and request errors).
    pub fn failures(&self) -> &[Failure] {
        &self.summary.failures
    }
}
