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
    let request = HttpRequest {
        method: "POST".into(),
        url: format!("http://127.0.0.1:1/auth?key={SECRET}"),
        headers: vec![
            ("Authorization".into(), "Bearer abc".into()),
            ("Content-Type".into(), "application/json".into()),
        ],
        body: Some(format!("{{\"password\":\"{SECRET}\"}}").into_bytes()),
    };
    let response = HttpResponse {
        status: 200,
        reason: "OK".into(),
        headers: vec![("content-type".into(), "application/json".into())],
        body: b"{\"token\":\"<b>t</b>\"}".to_vec().into(),
        received: 20,
        elapsed: Duration::from_millis(120),
        timings: None,
        sent_cookie: None,
        first_cookie: None,
    };
    let refused = HttpError::new(HttpErrorKind::Refused, "connect ECONNREFUSED 127.0.0.1:1");
    let pass = AssertionResult {
        name: "status is 200".into(),
        skipped: false,
        error: None,
        index: 0,
    };
    let fail = AssertionResult {
        name: "has \"token\"".into(),
        skipped: false,
        error: Some(AssertionError {
            name: "AssertionError".into(),
            message: "expected <b> to equal 'x' ]]>".into(),
            thrown_primitive: false,
        }),
        index: 1,
    };
    let thrown = ScriptError {
        name: "TypeError".into(),
        message: "x is undefined".into(),
        position: Some((3, 5)),
        reported_at: None,
    };
    send(Event::Start {
        collection: "Fixture & co",
        collection_id: Some("id-collection"),
        iterations: 2,
    });
    for iteration in 0..2 {
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
            request: &request,
            display_url: &request.url,
            response: Ok(&response),
            credentials: &[],
            from_script: false,
            auth: None,
        });
        for (index, assertion) in [&pass, &fail].into_iter().enumerate() {
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
        });
        send(Event::BeforeItem {
            cursor: cursor(1),
            item: list,
        });
        send(Event::Request {
            cursor: cursor(1),
            item: list,
            request: &request,
            display_url: &request.url,
            response: Err(&refused),
            credentials: &[],
            from_script: false,
            auth: None,
        });
        send(Event::Script {
            cursor: cursor(1),
            item: list,
            kind: ScriptKind::Test,
            error: Some(&thrown),
            next_request: None,
        });
        send(Event::Item {
            cursor: cursor(1),
            item: list,
        });
        send(Event::Iteration { cursor: cursor(1) });
    }
    send(Event::Done);
    summary.into_summary()
}
