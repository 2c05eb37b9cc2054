//! Unit-test helper: a small run (two iterations of two items, one failing assertion, one request
//! error, one script error, console output and a secret) replayed into any listener.

use super::summary::SummaryBuilder;
use crate::http::HttpErrorKind;
use crate::http::{HttpError, HttpRequest, HttpResponse};
use crate::runner::{Cursor, Event, ItemRef, Listener};
use crate::script::{AssertionError, AssertionResult, ConsoleLevel, ScriptError, ScriptKind};
use std::time::Duration;

/// The secret the fixture's requests carry.
pub const SECRET: &str = "s3cr3t-token";

/// Replay the run into `listener` (and a summary builder, whose summary is returned).
pub fn replay(listener: &mut dyn Listener) -> super::RunSummary {
    let mut summary = SummaryBuilder::default();
    let mut send = |e: Event<'_>| {
        summary.on_event(&e);
        listener.on_event(&e);
    };
    let folders = vec!["Auth <&>".to_string()];
    let login = ItemRef {
        id: Some("id-login"),
        name: "Log in",
        folders: &folders,
        node: 0,
    };
    let list = ItemRef {
        id: None,
        name: "List ]]> partners",
        folders: &[],
        node: 0,
    };
    let data = Data::new();
    send(Event::Start {
        collection: "Fixture & co",
        collection_id: Some("id-collection"),
        iterations: 2,
    });
    for iteration in 0..2 {
        replay_iteration(&mut send, iteration, [login, list], &data);
    }
    send(Event::Done);
    summary.into_summary()
}

/// The request, response, error, assertions and script error the fixture's events carry.
struct Data {
    /// The request both items send.
    request: HttpRequest,
    /// The first item's response.
    response: HttpResponse,
    /// The second item's request error.
    refused: HttpError,
    /// The first item's passing assertion.
    pass: AssertionResult,
    /// The first item's failing assertion.
    fail: AssertionResult,
    /// The second item's test-script error.
    thrown: ScriptError,
}

impl Data {
    /// The fixture's data (the request and body carry [`SECRET`]).
    fn new() -> Self {
        Data {
            request: HttpRequest {
                method: "POST".into(),
                url: format!("http://127.0.0.1:1/auth?key={SECRET}"),
                headers: vec![
                    ("Authorization".into(), "Bearer abc".into()),
                    ("Content-Type".into(), "application/json".into()),
                ],
                body: Some(format!("{{\"password\":\"{SECRET}\"}}").into_bytes()),
                unframed: false,
                utf8_head: true,
            },
            response: HttpResponse {
                status: 200,
                reason: "OK".into(),
                headers: vec![("content-type".into(), "application/json".into())],
                body: b"{\"token\":\"<b>t</b>\"}".to_vec().into(),
                received: 20,
                elapsed: Duration::from_millis(120),
                timings: None,
                sent_cookie: None,
                first_cookie: None,
            },
            refused: HttpError::new(HttpErrorKind::Refused, "connect ECONNREFUSED 127.0.0.1:1"),
            pass: AssertionResult {
                name: "status is 200".into(),
                skipped: false,
                error: None,
                index: 0,
            },
            fail: AssertionResult {
                name: "has \"token\"".into(),
                skipped: false,
                error: Some(AssertionError {
                    name: "AssertionError".into(),
                    message: "expected <b> to equal 'x' ]]>".into(),
                    thrown_primitive: false,
                }),
                index: 1,
            },
            thrown: ScriptError {
                name: "TypeError".into(),
                message: "x is undefined".into(),
                position: Some((3, 5)),
                reported_at: None,
            },
        }
    }
}

/// One iteration: the first item logs, gets a response and runs two assertions (one failing),
/// then the second item ([`replay_refused`]).
fn replay_iteration(
    send: &mut dyn FnMut(Event<'_>),
    iteration: usize,
    [login, list]: [ItemRef<'_>; 2],
    data: &Data,
) {
    let cursor = |position| Cursor {
        iteration,
        iterations: 2,
        position,
        length: 2,
    };
    send(Event::BeforeIteration { cursor: cursor(0) });
    send(Event::BeforeItem {
        cursor: cursor(0),
        item: login,
    });
    send(Event::Console {
        cursor: cursor(0),
        item: login,
        level: ConsoleLevel::Log,
        text: "logging in <now>",
        runtime: false,
    });
    send(Event::Request {
        cursor: cursor(0),
        item: login,
        request: &data.request,
        display_url: &data.request.url,
        response: Ok(&data.response),
        credentials: &[],
        from_script: false,
        body_mode: None,
        shown_headers: &[],
        auth: None,
        warnings: &[],
    });
    for (index, assertion) in [&data.pass, &data.fail].into_iter().enumerate() {
        send(Event::Assertion {
            cursor: cursor(0),
            item: login,
            kind: ScriptKind::Test,
            index,
            assertion,
        });
    }
    send(Event::Script {
        cursor: cursor(0),
        item: login,
        kind: ScriptKind::Test,
        error: None,
        next_request: None,
    });
    send(Event::Item {
        cursor: cursor(0),
        item: login,
        tested: true,
    });
    replay_refused(send, cursor(1), list, data);
    send(Event::Iteration { cursor: cursor(1) });
}

/// The second item: its request is refused and its test script throws.
fn replay_refused(send: &mut dyn FnMut(Event<'_>), cursor: Cursor, list: ItemRef<'_>, data: &Data) {
    send(Event::BeforeItem { cursor, item: list });
    send(Event::Request {
        cursor,
        item: list,
        request: &data.request,
        display_url: &data.request.url,
        response: Err(&data.refused),
        credentials: &[],
        from_script: false,
        body_mode: None,
        shown_headers: &[],
        auth: None,
        warnings: &[],
    });
    send(Event::Script {
        cursor,
        item: list,
        kind: ScriptKind::Test,
        error: Some(&data.thrown),
        next_request: None,
    });
    send(Event::Item {
        cursor,
        item: list,
        tested: true,
    });
}
