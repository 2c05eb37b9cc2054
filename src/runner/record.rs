//! Recording events to replay them later: `--parallel` runs several iterations at once, records
//! each iteration's events, and replays them in iteration order so reports read exactly as in a
//! sequential run.

use super::event::{Cursor, Event, ItemRef, Listener};
use crate::http::{HttpError, HttpRequest, HttpResponse};
use crate::script::{AssertionResult, ConsoleLevel, ScriptError, ScriptKind};

/// An item reference that owns its strings.
#[derive(Debug, Clone)]
struct OwnedItem {
    id: Option<String>,
    name: String,
    folders: Vec<String>,
    node: usize,
}

impl OwnedItem {
    fn from(item: &ItemRef<'_>) -> Self {
        OwnedItem {
            id: item.id.map(str::to_string),
            name: item.name.to_string(),
            folders: item.folders.to_vec(),
            node: item.node,
        }
    }

    fn as_ref(&self) -> ItemRef<'_> {
        ItemRef {
            id: self.id.as_deref(),
            name: &self.name,
            folders: &self.folders,
            node: self.node,
        }
    }
}

/// An [`Event`] that owns its data.
#[derive(Debug, Clone)]
enum OwnedEvent {
    Start(String, Option<String>, usize),
    BeforeIteration(Cursor),
    BeforeItem(Cursor, OwnedItem),
    Script(
        Cursor,
        OwnedItem,
        ScriptKind,
        Option<ScriptError>,
        Option<String>,
    ),
    Console(Cursor, OwnedItem, ConsoleLevel, String, bool),
    Request {
        cursor: Cursor,
        item: OwnedItem,
        request: HttpRequest,
        display_url: String,
        response: Result<Box<HttpResponse>, HttpError>,
        credentials: Vec<String>,
        from_script: bool,
        body_mode: Option<&'static str>,
        shown_headers: Vec<(String, String)>,
        auth: Option<Box<crate::collection::model::Auth>>,
        /// The runtime warnings that came while it was out.
        warnings: Vec<String>,
    },
    Assertion(Cursor, OwnedItem, ScriptKind, usize, AssertionResult),
    Item(Cursor, OwnedItem, bool),
    Iteration(Cursor),
    RunError(String),
    Done,
}

/// A listener that keeps every event for [`Recorder::replay`].
#[derive(Debug, Default)]
pub struct Recorder {
    events: Vec<OwnedEvent>,
}

impl Listener for Recorder {
    fn on_event(&mut self, event: &Event<'_>) {
        let owned = match *event {
            Event::Start {
                collection,
                collection_id,
                iterations,
            } => OwnedEvent::Start(
                collection.to_string(),
                collection_id.map(str::to_string),
                iterations,
            ),
            Event::BeforeIteration { cursor } => OwnedEvent::BeforeIteration(cursor),
            Event::BeforeItem { cursor, item } => {
                OwnedEvent::BeforeItem(cursor, OwnedItem::from(&item))
            }
            Event::Script {
                cursor,
                item,
                kind,
                error,
                next_request,
            } => OwnedEvent::Script(
                cursor,
                OwnedItem::from(&item),
                kind,
                error.cloned(),
                next_request.map(str::to_string),
            ),
            Event::Console {
                cursor,
                item,
                level,
                text,
                runtime,
            } => OwnedEvent::Console(
                cursor,
                OwnedItem::from(&item),
                level,
                text.to_string(),
                runtime,
            ),
            Event::Request { .. } => owned_request(event),
            Event::Assertion {
                cursor,
                item,
                kind,
                index,
                assertion,
            } => OwnedEvent::Assertion(
                cursor,
                OwnedItem::from(&item),
                kind,
                index,
                assertion.clone(),
            ),
            Event::Item {
                cursor,
                item,
                tested,
            } => OwnedEvent::Item(cursor, OwnedItem::from(&item), tested),
            Event::Iteration { cursor } => OwnedEvent::Iteration(cursor),
            Event::RunError { message } => OwnedEvent::RunError(message.to_string()),
            Event::Done => OwnedEvent::Done,
        };
        self.events.push(owned);
    }
}

/// A request event, owned (`event` is an [`Event::Request`]; anything else is `Done`).
fn owned_request(event: &Event<'_>) -> OwnedEvent {
    let Event::Request {
        cursor,
        item,
        request,
        display_url,
        response,
        credentials,
        from_script,
        body_mode,
        shown_headers,
        auth,
        warnings,
    } = *event
    else {
        return OwnedEvent::Done;
    };
    OwnedEvent::Request {
        cursor,
        item: OwnedItem::from(&item),
        request: request.clone(),
        display_url: display_url.to_string(),
        response: response.cloned().map(Box::new).map_err(Clone::clone),
        credentials: credentials.to_vec(),
        from_script,
        body_mode,
        shown_headers: shown_headers.to_vec(),
        auth: auth.cloned().map(Box::new),
        warnings: warnings.to_vec(),
    }
}

impl Recorder {
    /// Send every recorded event to `listener`, in order, and forget them.
    pub fn replay(self, listener: &mut dyn Listener) {
        for event in &self.events {
            let event = match event {
                OwnedEvent::Start(collection, collection_id, iterations) => Event::Start {
                    collection,
                    collection_id: collection_id.as_deref(),
                    iterations: *iterations,
                },
                OwnedEvent::BeforeIteration(cursor) => Event::BeforeIteration { cursor: *cursor },
                OwnedEvent::BeforeItem(cursor, item) => Event::BeforeItem {
                    cursor: *cursor,
                    item: item.as_ref(),
                },
                OwnedEvent::Script(cursor, item, kind, error, next) => Event::Script {
                    cursor: *cursor,
                    item: item.as_ref(),
                    kind: *kind,
                    error: error.as_ref(),
                    next_request: next.as_deref(),
                },
                OwnedEvent::Console(cursor, item, level, text, runtime) => Event::Console {
                    cursor: *cursor,
                    item: item.as_ref(),
                    level: *level,
                    text,
                    runtime: *runtime,
                },
                OwnedEvent::Request {
                    cursor,
                    item,
                    request,
                    display_url,
                    response,
                    credentials,
                    from_script,
                    body_mode,
                    shown_headers,
                    auth,
                    warnings,
                } => Event::Request {
                    cursor: *cursor,
                    item: item.as_ref(),
                    request,
                    display_url,
                    response: response.as_deref(),
                    credentials,
                    from_script: *from_script,
                    body_mode: *body_mode,
                    shown_headers,
                    auth: auth.as_deref(),
                    warnings,
                },
                OwnedEvent::Assertion(cursor, item, kind, index, assertion) => Event::Assertion {
                    cursor: *cursor,
                    item: item.as_ref(),
                    kind: *kind,
                    index: *index,
                    assertion,
                },
                OwnedEvent::Item(cursor, item, tested) => Event::Item {
                    cursor: *cursor,
                    item: item.as_ref(),
                    tested: *tested,
                },
                OwnedEvent::Iteration(cursor) => Event::Iteration { cursor: *cursor },
                OwnedEvent::RunError(message) => Event::RunError { message },
                OwnedEvent::Done => Event::Done,
            };
            listener.on_event(&event);
        }
    }
}
