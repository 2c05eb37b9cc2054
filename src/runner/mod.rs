//! The runner: executes a collection's plan for each iteration, item by item, honouring
//! `setNextRequest`, `--bail` and `--delay-request`, and reports everything as [`Event`]s.

mod digest_memory;
pub(crate) mod event;
pub(crate) mod file_plan;
mod host;
pub(crate) mod ids;
pub(crate) mod item;
pub(crate) mod plan;
pub(crate) mod record;
pub mod resolve;
pub mod shard;
pub(crate) mod source;
mod views;

pub use event::{Cursor, Event, Fanout, ItemRef, Listener};
pub use plan::{PlannedItem, plan};
pub use source::{ItemReader, ItemSource, item_source};

use crate::collection::{Collection, LoadedCollection};
use crate::diagnostic::Diagnostic;
use crate::http::{ClientOptions, HttpClient};
use crate::script::{LazySandbox, NamedScopes, NextRequest, SandboxOptions, ScopeMeta, VarMap};
use crate::vars::Scopes;
use item::ItemRunner;
use record::Recorder;
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
    /// `--bail folder` (Newman's `abortOnError`): a script error (a timer's or callback's
    /// included) or a request error aborts the run: no report, exit code 1.
    pub abort_on_error: bool,
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
    /// `--parallel`: run this many iterations at once (1 = sequential, as Newman).
    pub parallel: usize,
    /// `--working-dir` (base for relative file paths).
    pub working_dir: PathBuf,
    /// False with `--no-insecure-file-read`: body files must be inside `working_dir`.
    pub insecure_file_read: bool,
    /// `--send-request-promise`: `pm.sendRequest` without a callback returns a promise.
    pub send_request_promise: bool,
    /// The environment's `name` and `id` (`pm.environment.name`).
    pub environment_meta: ScopeMeta,
    /// The globals' `name` and `id`.
    pub globals_meta: ScopeMeta,
    /// `--shard`: run only this shard's part ([`shard`]).
    pub shard: Option<shard::ShardSpec>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            iterations: 1,
            data: Vec::new(),
            folders: Vec::new(),
            bail: false,
            abort_on_error: false,
            delay: Duration::ZERO,
            script_timeout: None,
            run_timeout: None,
            client: ClientOptions::default(),
            follow_redirects: true,
            parallel: 1,
            working_dir: PathBuf::from("."),
            insecure_file_read: true,
            send_request_promise: false,
            environment_meta: ScopeMeta::default(),
            globals_meta: ScopeMeta::default(),
            shard: None,
        }
    }
}

/// Run `collection` with `scopes` (updated in place: the final state is what gets exported).
///
/// Returns `Err` only for unusable input (an unknown `--folder`) or when the HTTP client or the
/// async runtime cannot start; every failure during the run is an event (a sandbox that cannot
/// start fails the script that needed it).
pub fn run(
    collection: &LoadedCollection,
    scopes: &mut Scopes,
    options: &RunOptions,
    listener: &mut dyn Listener,
) -> Result<(), Diagnostic> {
    let items = item_source(collection, &options.folders)?;
    let client = HttpClient::new(&options.client).map_err(|e| Diagnostic::new(e.message))?;
    let iterations = options.iterations.max(1);
    let folders = &options.folders;
    let work = shard::work(collection, folders, &*items, iterations, options.shard)?;
    let slots = options.parallel.clamp(1, work.iterations.len().max(1));
    // `--timeout` also stops a script that never yields (a busy loop, a storm of timers).
    let run_deadline = options
        .run_timeout
        .map(|limit| std::time::Instant::now() + limit);
    // Each slot's sandbox starts when its first script needs it.
    let mut sandboxes = (0..slots)
        .map(|_| {
            LazySandbox::new(SandboxOptions {
                script_timeout: options.script_timeout,
                async_errors: options.abort_on_error,
                send_request_promise: options.send_request_promise,
                run_deadline,
                named_scopes: NamedScopes {
                    environment: named(&options.environment_meta),
                    globals: named(&options.globals_meta),
                },
                ..SandboxOptions::default()
            })
        })
        .collect::<Vec<_>>();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::new(format!("cannot start the async runtime: {e}")))?;
    let context = RunContext {
        collection: &collection.model,
        items: &*items,
        options,
        client: &client,
        iterations,
        work,
        aborted: std::cell::RefCell::new(None),
        deadline: run_deadline,
        timed_out: std::cell::Cell::new(false),
        digest: std::cell::RefCell::default(),
    };
    runtime.block_on(async {
        listener.on_event(&Event::Start {
            collection: &collection.name,
            collection_id: collection.id.as_deref(),
            iterations: context.work.iterations.len(),
        });
        let all = async {
            if slots == 1 {
                run_sequential(&context, &mut sandboxes[0], scopes, listener).await;
            } else {
                run_parallel(&context, std::mem::take(&mut sandboxes), scopes, listener).await;
            }
        };
        let timed_out = match options.run_timeout {
            Some(limit) => tokio::time::timeout(limit, all).await.is_err(),
            None => {
                all.await;
                false
            }
        } || context.timed_out.get();
        if timed_out {
            listener.on_event(&Event::RunError {
                message: "callback timed out",
            });
        }
        listener.on_event(&Event::Done);
    });
    match context.aborted.into_inner() {
        Some(message) => Err(Diagnostic::run_aborted(message)),
        None => Ok(()),
    }
}

/// What every iteration of a run shares.
struct RunContext<'a> {
    collection: &'a Collection,
    items: &'a dyn ItemSource,
    options: &'a RunOptions,
    client: &'a HttpClient,
    iterations: usize,
    /// The iterations and plan positions this run does (all of them, unless `--shard`).
    work: shard::Work,
    /// Set when `--bail folder` aborted the run, with the error that did it.
    aborted: std::cell::RefCell<Option<String>>,
    /// When the run must end (`--timeout`).
    deadline: Option<std::time::Instant>,
    /// Set when the run stopped at [`RunContext::deadline`] between items.
    timed_out: std::cell::Cell<bool>,
    /// What digest auth learned so far (see [`digest_memory`]).
    digest: std::cell::RefCell<digest_memory::DigestMemory>,
}

impl<'a> RunContext<'a> {
    fn item_runner<'r>(&'r self, sandbox: &'r mut LazySandbox) -> ItemRunner<'r> {
        ItemRunner {
            client: self.client,
            sandbox,
            follow_redirects: self.options.follow_redirects,
            working_dir: &self.options.working_dir,
            insecure_file_read: self.options.insecure_file_read,
            collection: self.collection,
            made_up_ids: ids::MadeUpIds::default(),
            bail: self.options.bail,
            abort_on_error: self.options.abort_on_error,
            environment_meta: self.options.environment_meta.clone(),
            globals_meta: self.options.globals_meta.clone(),
            digest: &self.digest,
        }
    }

    /// The data row of `iteration` as a scope: past the end of the data, the last row is
    /// reused.
    fn data_row(&self, iteration: usize) -> crate::vars::VariableScope {
        let data = &self.options.data;
        data.get(iteration.min(data.len().saturating_sub(1)))
            .map(crate::vars::VariableScope::from_row)
            .unwrap_or_default()
    }
}

/// Iterations one after another, each seeing the variables the previous one left (Newman).
async fn run_sequential(
    context: &RunContext<'_>,
    sandbox: &mut LazySandbox,
    scopes: &mut Scopes,
    listener: &mut dyn Listener,
) {
    let mut runner = context.item_runner(sandbox);
    for iteration in context.work.iterations.clone() {
        scopes.data = context.data_row(iteration);
        if run_iteration(context, &mut runner, iteration, scopes, listener).await {
            break;
        }
    }
}

/// `--parallel N`: up to N iterations in flight over the one HTTP client (a new one starts as
/// soon as one finishes), each with its own sandbox and its own copy of the variables as they
/// were when the run started. Events are recorded and replayed in iteration order as soon as all
/// earlier iterations are done; the variables the last iteration left are the run's result.
async fn run_parallel(
    context: &RunContext<'_>,
    sandboxes: Vec<LazySandbox>,
    scopes: &mut Scopes,
    listener: &mut dyn Listener,
) {
    use futures_util::StreamExt;
    use futures_util::stream::FuturesUnordered;
    use std::collections::BTreeMap;

    let initial = scopes.clone();
    let start = |iteration: usize, mut sandbox: LazySandbox| {
        let mut scopes = initial.clone();
        scopes.data = context.data_row(iteration);
        async move {
            let mut recorder = Recorder::default();
            let bailed = {
                let mut runner = context.item_runner(&mut sandbox);
                run_iteration(context, &mut runner, iteration, &mut scopes, &mut recorder).await
            };
            (iteration, recorder, scopes, bailed, sandbox)
        }
    };
    let mut in_flight = FuturesUnordered::new();
    let end = context.work.iterations.end;
    let mut next = context.work.iterations.start;
    for sandbox in sandboxes {
        if next < end {
            in_flight.push(start(next, sandbox));
            next += 1;
        }
    }
    // Finished iterations wait here until every earlier one has been replayed.
    let mut done: BTreeMap<usize, (Recorder, Scopes, bool)> = BTreeMap::new();
    let mut replayed = context.work.iterations.start;
    let mut bailed = false;
    while let Some((iteration, recorder, finished, stop, sandbox)) = in_flight.next().await {
        done.insert(iteration, (recorder, finished, stop));
        while let Some((recorder, finished, stop)) = done.remove(&replayed) {
            recorder.replay(listener);
            *scopes = finished;
            bailed |= stop;
            replayed += 1;
        }
        if bailed {
            // `--bail`: let the iterations already running finish, start no more.
            continue;
        }
        if next < end {
            in_flight.push(start(next, sandbox));
            next += 1;
        }
    }
    // After a bail, iterations that finished out of order are still reported, in order.
    for (_, (recorder, finished, _)) in done {
        recorder.replay(listener);
        *scopes = finished;
    }
}

/// One iteration over the plan, honouring `setNextRequest` and `--delay-request`. Returns true
/// when the run stops: `--bail`, or a disk-backed collection's file that cannot be read again
/// (a run error).
async fn run_iteration(
    context: &RunContext<'_>,
    runner: &mut ItemRunner<'_>,
    iteration: usize,
    scopes: &mut Scopes,
    listener: &mut dyn Listener,
) -> bool {
    let items = context.items;
    if items.is_empty() {
        // Nothing to run (an empty collection or folder): as postman-runtime, no iteration
        // starts at all, so none is counted.
        return false;
    }
    let mut cursor = Cursor {
        iteration,
        iterations: context.iterations,
        position: 0,
        length: items.len(),
    };
    listener.on_event(&Event::BeforeIteration { cursor });
    let mut reader = items.reader();
    let positions = context.work.positions.clone();
    let mut position = positions.start;
    while positions.contains(&position) {
        // A script busy past `--timeout` was stopped by the sandbox; nothing more starts.
        if context
            .deadline
            .is_some_and(|at| std::time::Instant::now() >= at)
        {
            context.timed_out.set(true);
            return true;
        }
        let next = match positions.contains(&(position + 1)) {
            true => reader.prerequest_sources(position + 1),
            false => Vec::new(),
        };
        let planned = match reader.get(position).await {
            Ok(Some(planned)) => planned,
            Ok(None) => break,
            Err(error) => return stop_with(&error, cursor, listener),
        };
        cursor.position = position;
        if !context.options.delay.is_zero() {
            tokio::time::sleep(context.options.delay).await;
        }
        let outcome = runner.run(&planned, &next, cursor, scopes, listener).await;
        if context.options.abort_on_error
            && let Some(error) = outcome.error
        {
            context.aborted.borrow_mut().get_or_insert(error);
            return true;
        }
        if outcome.bailed {
            listener.on_event(&Event::Iteration { cursor });
            return true;
        }
        position = match outcome.next_request {
            None => position + 1,
            Some(NextRequest::Stop) => items.len(),
            Some(NextRequest::Item(target)) => match items.find_target(&target) {
                Ok(found) => found,
                Err(error) => return stop_with(&error, cursor, listener),
            },
        };
    }
    listener.on_event(&Event::Iteration { cursor });
    false
}

/// End the iteration and the run on `error`, which the user is told as a run error.
fn stop_with(error: &Diagnostic, cursor: Cursor, listener: &mut dyn Listener) -> bool {
    listener.on_event(&Event::RunError {
        message: &error.to_string(),
    });
    listener.on_event(&Event::Iteration { cursor });
    true
}

/// Whether a scope file has a name (Newman's scope then has a `name` field).
fn named(meta: &ScopeMeta) -> bool {
    meta.name.as_deref().is_some_and(|name| !name.is_empty())
}
