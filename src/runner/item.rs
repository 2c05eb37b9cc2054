//! One item's life: pre-request scripts → resolve and send the request → test scripts, emitting
//! an event at every step. Failures are events, never errors.

use super::event::{Cursor, Event, ItemRef, Listener};
use super::plan::PlannedItem;
use crate::collection::Script;
use crate::http::files::FileAccess;
use crate::http::prepare::digest_challenge_replay;
use crate::http::{HttpClient, HttpError, HttpResponse, PrepareOptions, prepare_request};
use crate::script::{
    ConsoleLevel, NextRequest, RequestView, ResponseView, Sandbox, ScriptContext, ScriptInfo,
    ScriptKind,
};
use crate::vars::Scopes;
use std::path::Path;

/// What the runner needs to know after an item.
#[derive(Debug, Default)]
pub struct ItemOutcome {
    /// The last `setNextRequest` call of the item's scripts.
    pub next_request: Option<NextRequest>,
    /// True if anything failed (assertion, script error, request error).
    pub failed: bool,
    /// A pre-request script called `pm.execution.skipRequest()`.
    pub skip_request: bool,
}

/// Shared machinery for running items.
pub struct ItemRunner<'r> {
    /// The run's HTTP client.
    pub client: &'r HttpClient,
    /// The run's sandbox.
    pub sandbox: &'r mut Sandbox,
    /// `--ignore-redirects` turns following off by default.
    pub follow_redirects: bool,
    /// Base for relative file paths.
    pub working_dir: &'r Path,
    /// False with `--no-insecure-file-read`.
    pub insecure_file_read: bool,
}

impl ItemRunner<'_> {
    /// Run `planned` at `cursor`, updating `scopes` and telling `listener` everything.
    pub async fn run(
        &mut self,
        planned: &PlannedItem<'_>,
        cursor: Cursor,
        scopes: &mut Scopes,
        listener: &mut dyn Listener,
    ) -> ItemOutcome {
        let item = ItemRef {
            id: planned.item.id.as_deref(),
            name: &planned.item.name,
            folders: &planned.folders,
        };
        let mut outcome = ItemOutcome::default();
        listener.on_event(&Event::BeforeItem { cursor, item });

        let spec = &planned.item.request;
        let template_view = RequestView {
            id: planned.item.id.clone(),
            name: planned.item.name.clone(),
            method: spec.method.clone(),
            url: spec.url.to_template(),
            headers: spec
                .headers
                .iter()
                .filter(|h| !h.disabled)
                .map(|h| (h.key.clone(), h.value.clone()))
                .collect(),
            body: None,
        };
        self.run_scripts(
            &planned.prerequest,
            ScriptKind::PreRequest,
            &template_view,
            None,
            (cursor, item),
            scopes,
            listener,
            &mut outcome,
        );

        if outcome.skip_request {
            listener.on_event(&Event::Item { cursor, item });
            return outcome;
        }

        let disabled_headers = planned.disabled_system_headers();
        let options = PrepareOptions {
            disable_body_pruning: planned.behavior_flag("disableBodyPruning", false),
            files: FileAccess {
                working_dir: self.working_dir,
                allow_outside: self.insecure_file_read,
            },
            disabled_headers: &disabled_headers,
        };
        let mut prepared = prepare_request(spec, planned.auth, scopes, options);
        for warning in &prepared.warnings {
            listener.on_event(&Event::Console {
                cursor,
                item,
                level: ConsoleLevel::Warn,
                text: warning,
            });
        }
        let send_options = planned.send_options(self.follow_redirects);
        let mut result: Result<HttpResponse, HttpError> =
            self.client.send(&prepared.request, &send_options).await;
        // Digest auth: answer the server's challenge once, as Postman does.
        if let Ok(response) = &result
            && let Some(replay) =
                digest_challenge_replay(planned.auth, scopes, &prepared.request, response)
        {
            prepared.request = replay;
            result = self.client.send(&prepared.request, &send_options).await;
        }
        listener.on_event(&Event::Request {
            cursor,
            item,
            request: &prepared.request,
            response: result.as_ref(),
            credentials: &prepared.credentials,
        });
        if result.is_err() {
            outcome.failed = true;
        }

        let sent_view = RequestView {
            id: planned.item.id.clone(),
            name: planned.item.name.clone(),
            method: prepared.request.method.clone(),
            url: prepared.request.url.clone(),
            headers: prepared.request.headers.clone(),
            body: prepared
                .request
                .body
                .as_ref()
                .map(|b| String::from_utf8_lossy(b).into_owned()),
        };
        let response_view = result.as_ref().ok().map(|r| ResponseView {
            code: r.status,
            status: r.reason.clone(),
            headers: r.headers.clone(),
            body: String::from_utf8_lossy(&r.body).into_owned(),
            response_time_ms: r.elapsed.as_millis() as u64,
            response_size: r.body.len() as u64,
        });
        self.run_scripts(
            &planned.test,
            ScriptKind::Test,
            &sent_view,
            response_view.as_ref(),
            (cursor, item),
            scopes,
            listener,
            &mut outcome,
        );

        listener.on_event(&Event::Item { cursor, item });
        outcome
    }

    #[allow(clippy::too_many_arguments)]
    fn run_scripts(
        &mut self,
        scripts: &[&Script],
        kind: ScriptKind,
        request: &RequestView,
        response: Option<&ResponseView>,
        (cursor, item): (Cursor, ItemRef<'_>),
        scopes: &mut Scopes,
        listener: &mut dyn Listener,
        outcome: &mut ItemOutcome,
    ) {
        for script in scripts {
            let context = ScriptContext {
                kind,
                source: &script.source,
                request,
                response,
                info: ScriptInfo {
                    request_name: item.name.to_string(),
                    request_id: item.id.map(str::to_string),
                    iteration: cursor.iteration,
                    iteration_count: cursor.iterations,
                },
                vars: scopes.snapshot(),
            };
            let result = self.sandbox.run(&context);
            scopes.apply(&result.vars);
            for message in &result.console {
                listener.on_event(&Event::Console {
                    cursor,
                    item,
                    level: message.level,
                    text: &message.text,
                });
            }
            for (index, assertion) in result.assertions.iter().enumerate() {
                if assertion.error.is_some() {
                    outcome.failed = true;
                }
                listener.on_event(&Event::Assertion {
                    cursor,
                    item,
                    kind,
                    index,
                    assertion,
                });
            }
            if result.error.is_some() {
                outcome.failed = true;
            }
            listener.on_event(&Event::Script {
                cursor,
                item,
                kind,
                error: result.error.as_ref(),
            });
            outcome.skip_request |= result.skip_request;
            if result.next_request.is_some() {
                outcome.next_request = result.next_request;
            }
        }
    }
}
