//! The events a run emits, in Postman's trigger order, and the [`Listener`] trait: the only link
//! between the runner and the reporters.

use crate::http::{HttpError, HttpRequest, HttpResponse};
use crate::script::{AssertionResult, ConsoleLevel, ScriptError, ScriptKind};

/// Where in the run an event happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// 0-based iteration.
    pub iteration: usize,
    /// Number of iterations.
    pub iterations: usize,
    /// 0-based position of the item in the run's plan.
    pub position: usize,
    /// Number of items in the plan.
    pub length: usize,
}

/// The item an event belongs to.
#[derive(Debug, Clone, Copy)]
pub struct ItemRef<'a> {
    /// Item id, if any.
    pub id: Option<&'a str>,
    /// Item name.
    pub name: &'a str,
    /// Names of the folders around it, outermost first.
    pub folders: &'a [String],
    /// Its ordinal among the collection's nodes (folders and requests, in document order), by
    /// which reporters find it in the collection's document.
    pub node: usize,
}

impl ItemRef<'_> {
    /// `Folder / Sub / Item`, as Newman names items in reports.
    pub fn full_name(&self) -> String {
        let mut parts: Vec<&str> = self.folders.iter().map(String::as_str).collect();
        parts.push(self.name);
        parts.join(" / ")
    }
}

/// What happened.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// The run starts.
    Start {
        /// Collection name.
        collection: &'a str,
        /// The collection's `info._postman_id`, if it has one.
        collection_id: Option<&'a str>,
        /// Number of iterations.
        iterations: usize,
    },
    /// An iteration starts.
    BeforeIteration {
        /// Position.
        cursor: Cursor,
    },
    /// An item starts.
    BeforeItem {
        /// Position.
        cursor: Cursor,
        /// The item.
        item: ItemRef<'a>,
    },
    /// A script ran (successfully or not).
    Script {
        /// Position.
        cursor: Cursor,
        /// The item.
        item: ItemRef<'a>,
        /// Pre-request or test.
        kind: ScriptKind,
        /// Set when the script failed.
        error: Option<&'a ScriptError>,
        /// The item the script asked to run next (`setNextRequest("name")`), if it named one.
        next_request: Option<&'a str>,
    },
    /// A script wrote to the console, or postie has a warning about the item.
    Console {
        /// Position.
        cursor: Cursor,
        /// The item.
        item: ItemRef<'a>,
        /// Level.
        level: ConsoleLevel,
        /// Text.
        text: &'a str,
        /// A warning from the runtime (auth, bodies, files), not a script's console call:
        /// Newman's CLI prints these as quoted strings.
        runtime: bool,
    },
    /// A request was sent; `response` is the response or why there is none.
    Request {
        /// Position.
        cursor: Cursor,
        /// The item.
        item: ItemRef<'a>,
        /// The request as sent.
        request: &'a HttpRequest,
        /// Its URL as Newman shows it: as written and resolved, not encoded.
        display_url: &'a str,
        /// The outcome.
        response: Result<&'a HttpResponse, &'a HttpError>,
        /// Credential values the auth block put into the request, for reporters to mask.
        credentials: &'a [String],
        /// Sent by a script's `pm.sendRequest`, not as the item's own request.
        from_script: bool,
        /// The body's `mode` when a body was sent (`raw`, `urlencoded`, ...).
        body_mode: Option<&'static str>,
        /// The request's headers as Postman's request object holds them once sent (what
        /// `pm.request.headers` lists; `--verbose` counts them).
        shown_headers: &'a [(String, String)],
        /// The auth it was sent with (inherited if not its own), its parameters resolved.
        auth: Option<&'a crate::collection::model::Auth>,
        /// The runtime's warnings that came while the request was out (an auth type without
        /// a handler): Newman's CLI prints them inside the request line.
        warnings: &'a [String],
    },
    /// A test assertion completed.
    Assertion {
        /// Position.
        cursor: Cursor,
        /// The item.
        item: ItemRef<'a>,
        /// Pre-request or test script.
        kind: ScriptKind,
        /// 0-based index within the script.
        index: usize,
        /// The result.
        assertion: &'a AssertionResult,
    },
    /// An item finished.
    Item {
        /// Position.
        cursor: Cursor,
        /// The item.
        item: ItemRef<'a>,
        /// Its request went out and its test phase ran (Newman's `stats.tests` counts these):
        /// not when a script skipped the request or `--bail` stopped the item before it.
        tested: bool,
    },
    /// An iteration finished.
    Iteration {
        /// Position.
        cursor: Cursor,
    },
    /// The run was aborted (e.g. `--timeout` elapsed); the message says why.
    RunError {
        /// Newman's wording, e.g. `callback timed out`.
        message: &'a str,
    },
    /// The run finished (or was stopped by `--bail`).
    Done,
}

/// Receives every event of a run, in order.
pub trait Listener {
    /// Handle one event.
    fn on_event(&mut self, event: &Event<'_>);
}

/// Sends each event to several listeners, in order.
#[derive(Default)]
pub struct Fanout<'a> {
    listeners: Vec<&'a mut dyn Listener>,
}

impl<'a> Fanout<'a> {
    /// A fan-out over `listeners`.
    pub fn new(listeners: Vec<&'a mut dyn Listener>) -> Self {
        Fanout { listeners }
    }
}

impl Listener for Fanout<'_> {
    fn on_event(&mut self, event: &Event<'_>) {
        for listener in &mut self.listeners {
            listener.on_event(event);
        }
    }
}
