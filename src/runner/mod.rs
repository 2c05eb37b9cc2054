//! The runner: executes a collection's plan for each iteration, item by item, honouring
//! `setNextRequest`, `--bail` and `--delay-request`, and reports everything as [`Event`]s.

pub mod event;
pub mod item;
pub mod plan;

pub use event::{Cursor, Event, Fanout, ItemRef, Listener};
pub use plan::{PlannedItem, plan};

use crate::collection::Collection;
use crate::diagnostic::Diagnostic;
use crate::http::{ClientOptions, HttpClient};
use crate::script::{NextRequest, Sandbox, SandboxOptions, VarMap};
use crate::vars::Scopes;
use item::ItemRunner;
use std::path::PathBuf;
use std::time::Duration;

/// How to run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Number of iterations (at least 1).
    pub iterations: usize,
    /// Iteration data rows; iteration `i` uses row `min(i, len-1)`.
    pub data: Vec<VarMap>,
    /// `--folder` selections.
    pub folders: Vec<String>,
    /// `--bail`: stop after the first item with a failure.
    pub bail: bool,
    /// `--delay-request`.
    pub delay: Duration,
    /// `--timeout-script`.
    pub script_timeout: Option<Duration>,
    /// `--timeout`: the whole run's limit.
    pub run_timeout: Option<Duration>,
    /// HTTP client settings.
    pub client: ClientOptions,
    /// `--ignore-redirects` clears this.
    pub follow_redirects: bool,
    /// `--working-dir` (base for relative file paths).
    pub working_dir: PathBuf,
    /// False with `--no-insecure-file-read`: body files must be inside `working_dir`.
    pub insecure_file_read: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            iterations: 1,
            data: Vec::new(),
            folders: Vec::new(),
            bail: false,
            delay: Duration::ZERO,
            script_timeout: None,
            run_timeout: None,
            client: ClientOptions::default(),
            follow_redirects: true,
            working_dir: PathBuf::from("."),
            insecure_file_read: true,
        }
    }
}

/// Run `collection` with `scopes` (updated in place: the final state is what gets exported).
///
/// Returns `Err` only for unusable input (an unknown `--folder`) or when the HTTP client or the
/// sandbox cannot start; every failure during the run is an event.
pub fn run(
    collection: &Collection,
    scopes: &mut Scopes,
    options: &RunOptions,
    listener: &mut dyn Listener,
) -> Result<(), Diagnostic> {
    let items = plan(collection, &options.folders)?;
    let client = HttpClient::new(&options.client).map_err(|e| Diagnostic::new(e.message))?;
    let mut sandbox = Sandbox::new(SandboxOptions {
        script_timeout: options.script_timeout,
        ..SandboxOptions::default()
    })
    .map_err(|e| Diagnostic::new(format!("cannot start the script sandbox: {e}")))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::new(format!("cannot start the async runtime: {e}")))?;
    let iterations = options.iterations.max(1);
    let mut runner = ItemRunner {
        client: &client,
        sandbox: &mut sandbox,
        follow_redirects: options.follow_redirects,
        working_dir: &options.working_dir,
        insecure_file_read: options.insecure_file_read,
        collection,
        script_owners: std::collections::HashMap::new(),
        made_up_ids: std::collections::HashMap::new(),
    };
    runtime.block_on(async {
        listener.on_event(&Event::Start {
            collection: &collection.name,
            iterations,
        });
        let iterations_done = async {
            'iterations: for iteration in 0..iterations {
                scopes.data = options
                    .data
                    .get(iteration.min(options.data.len().saturating_sub(1)))
                    .cloned()
                    .unwrap_or_default();
                let mut cursor = Cursor {
                    iteration,
                    iterations,
                    position: 0,
                    length: items.len(),
                };
                listener.on_event(&Event::BeforeIteration { cursor });
                let mut position = 0;
                while let Some(planned) = items.get(position) {
                    cursor.position = position;
                    if !options.delay.is_zero() {
                        tokio::time::sleep(options.delay).await;
                    }
                    let outcome = runner.run(planned, cursor, scopes, listener).await;
                    if options.bail && outcome.failed {
                        listener.on_event(&Event::Iteration { cursor });
                        break 'iterations;
                    }
                    position = match outcome.next_request {
                        None => position + 1,
                        Some(NextRequest::Stop) => items.len(),
                        Some(NextRequest::Item(target)) => find_target(&items, &target),
                    };
                }
                listener.on_event(&Event::Iteration { cursor });
            }
        };
        let timed_out = match options.run_timeout {
            Some(limit) => tokio::time::timeout(limit, iterations_done).await.is_err(),
            None => {
                iterations_done.await;
                false
            }
        };
        if timed_out {
            listener.on_event(&Event::RunError {
                message: "callback timed out",
            });
        }
        listener.on_event(&Event::Done);
    });
    Ok(())
}

/// `setNextRequest` target: by id first, then the last item with that name; unknown ends the iteration.
fn find_target(items: &[PlannedItem<'_>], target: &str) -> usize {
    items
        .iter()
        .position(|p| p.item.id.as_deref() == Some(target))
        .or_else(|| items.iter().rposition(|p| p.item.name == target))
        .unwrap_or(items.len())
}
