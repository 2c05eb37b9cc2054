//! One item's life: pre-request scripts → resolve and send the request → test scripts, emitting
//! an event at every step. Failures are events, never errors.
//!
//! Scripts run with a `RunHost` (`runner/host.rs`) that serves their I/O; what they see of the
//! request and response is built in `runner/views.rs`, where a pre-request script's changes to
//! `pm.request` are applied to the request that is sent.

use super::digest_memory::DigestMemory;
use super::event::{Cursor, Event, ItemRef, Listener};
use super::host::RunHost;
use super::ids::MadeUpIds;
use super::plan::{PlannedItem, PlannedScript};
use super::resolve::prepare_request;
use super::views::{apply_changes, list_sent_cookie, response_view, sent_view, template_view};
use crate::collection::{Auth, Collection, Item, RequestSpec};
use crate::http::auth::has_handler;
use crate::http::challenge::auth_layers;
use crate::http::files::FileAccess;
use crate::http::layer::{ClientSender, Exchange, Layer, Next};
use crate::http::{HttpClient, HttpError, HttpResponse, PrepareOptions, Prepared};
use crate::script::{
    ConsoleLevel, LazySandbox, NextRequest, RequestChanges, RequestView, ResponseView, ScopeMeta,
    ScriptContext, ScriptError, ScriptInfo, ScriptKind, ScriptOutcome,
};
use crate::vars::Scopes;
use std::borrow::Cow;
use std::cell::RefCell;
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
    /// `--bail`: a script error, failed assertion or request error stopped the item; the run
    /// stops after it.
    pub bailed: bool,
    /// The first script or request error of the item (for `--bail folder`).
    pub error: Option<String>,
}

/// Shared machinery for running items.
pub struct ItemRunner<'r> {
    /// The run's HTTP client.
    pub client: &'r HttpClient,
    /// The run's sandbox.
    pub sandbox: &'r mut LazySandbox,
    /// `--ignore-redirects` turns following off by default.
    pub follow_redirects: bool,
    /// Base for relative file paths.
    pub working_dir: &'r Path,
    /// False with `--no-insecure-file-read`.
    pub insecure_file_read: bool,
    /// The collection (for `pm.execution.location`).
    pub collection: &'r Collection,
    /// `pm.info.requestId` for items without an id.
    pub made_up_ids: MadeUpIds,
    /// `--bail` (Newman's `stopOnFailure`): the first script error, failed assertion or request
    /// error ends the item there (no later script, no request after a failed pre-request script).
    pub bail: bool,
    /// `--bail folder`: a script or request error ends the item there (and aborts the run).
    pub abort_on_error: bool,
    /// `pm.environment.name`/`.id`.
    pub environment_meta: ScopeMeta,
    /// `pm.globals.name`/`.id`.
    pub globals_meta: ScopeMeta,
    /// What digest auth learned so far in the run.
    pub digest: &'r RefCell<DigestMemory>,
}

impl ItemRunner<'_> {
    /// Run `planned` at `cursor`, updating `scopes` and telling `listener` everything: the
    /// pre-request phase, then (unless a script skipped it or `--bail` stopped the item) the
    /// send phase, then the test phase. `next_prerequest` are the pre-request scripts of the item
    /// expected next, compiled while this item's request is out (a guess: `setNextRequest` may
    /// go elsewhere).
    pub async fn run(
        &mut self,
        planned: &PlannedItem<'_>,
        next_prerequest: &[std::borrow::Cow<'_, str>],
        cursor: Cursor,
        scopes: &mut Scopes,
        listener: &mut dyn Listener,
    ) -> ItemOutcome {
        let item = ItemRef {
            id: planned.item.id.as_deref(),
            name: &planned.item.name,
            folders: &planned.folders,
            node: planned.node,
        };
        let mut outcome = ItemOutcome::default();
        listener.on_event(&Event::BeforeItem { cursor, item });
        let at = self.scripts_at(planned, cursor, item);
        let written = self
            .prerequest_phase(planned, &at, scopes, listener, &mut outcome)
            .await;
        let mut tested = false;
        if !outcome.skip_request && !outcome.bailed {
            let sent = self
                .send_phase(planned, &written, next_prerequest, &at, scopes, listener)
                .await;
            if let Err(error) = &sent.result {
                outcome.failed = true;
                outcome.error.get_or_insert_with(|| error.message.clone());
                outcome.bailed = self.bail || self.abort_on_error;
            }
            tested = !outcome.bailed;
            if !outcome.bailed && !planned.test().is_empty() {
                self.test_phase(
                    planned,
                    &written,
                    &sent,
                    &at,
                    scopes,
                    listener,
                    &mut outcome,
                )
                .await;
            }
        }
        listener.on_event(&Event::Item {
            cursor,
            item,
            tested,
        });
        outcome
    }

    /// Where the scripts of `planned` run.
    fn scripts_at<'a>(
        &mut self,
        planned: &'a PlannedItem<'_>,
        cursor: Cursor,
        item: ItemRef<'a>,
    ) -> ScriptsAt<'a> {
        let request_id = self.request_id(planned.item, planned.key());
        let mut location = vec![self.collection.name.clone()];
        location.extend(planned.folders.iter().cloned());
        location.push(planned.item.name.clone());
        ScriptsAt {
            cursor,
            item,
            request_id,
            location,
        }
    }

    /// The pre-request scripts, in order: each sees the request as written, with the changes of
    /// the scripts before.
    async fn prerequest_phase<'p>(
        &mut self,
        planned: &'p PlannedItem<'_>,
        at: &ScriptsAt<'_>,
        scopes: &mut Scopes,
        listener: &mut dyn Listener,
        outcome: &mut ItemOutcome,
    ) -> Written<'p> {
        let mut spec = Cow::Borrowed(&planned.item.request);
        let mut auth_changed = false;
        for script in planned.prerequest() {
            let view = template_view(planned.item, &at.request_id, &spec);
            let changes = self
                .run_script(
                    script,
                    ScriptKind::PreRequest,
                    &view,
                    None,
                    Vec::new(),
                    at,
                    scopes,
                    listener,
                    outcome,
                )
                .await;
            if let Some(changes) = changes {
                auth_changed |= changes.auth.is_some();
                apply_changes(spec.to_mut(), &changes);
            }
            if outcome.skip_request || outcome.bailed {
                break;
            }
        }
        Written { spec, auth_changed }
    }

    /// Resolve the request, send it through the auth layers while the test scripts compile,
    /// and report it.
    async fn send_phase(
        &mut self,
        planned: &PlannedItem<'_>,
        written: &Written<'_>,
        next_prerequest: &[std::borrow::Cow<'_, str>],
        at: &ScriptsAt<'_>,
        scopes: &Scopes,
        listener: &mut dyn Listener,
    ) -> Sent {
        let (cursor, item) = (at.cursor, at.item);
        // Newman's `prepare` phase starts here: variables, body and auth are resolved below.
        let preparing = std::time::Instant::now();
        let mut prepared = self.prepare(planned, written, scopes);
        let send_options = planned.send_options(self.follow_redirects);
        warn_runtime(listener, cursor, item, &prepared.warnings);
        let compile_tests = precompile_ahead(&mut *self.sandbox, planned, next_prerequest);
        let client = self.client;
        let prepared_in = preparing.elapsed();
        let prepared_auth = prepared.authorization();
        let request = std::mem::take(&mut prepared.request);
        let error = prepared.error.take();
        let auth = prepared.auth.take();
        let send = async {
            if let Some(error) = error {
                return Exchange {
                    request,
                    result: Err(error),
                    hop: None,
                };
            }
            let sender = ClientSender {
                client,
                options: &send_options,
            };
            let layer = auth_layers(auth.as_ref(), client, &send_options);
            let layers: Vec<&dyn Layer> = layer.iter().map(|l| &**l).collect();
            Next::new(&layers, &sender).run(request).await
        };
        let (exchange, ()) = tokio::join!(send, compile_tests);
        if let Some(block) = signing_auth(planned, written).filter(|_| !written.auth_changed) {
            let response = exchange.result.as_ref().ok();
            self.digest
                .borrow_mut()
                .learn(block, &exchange.request, response);
        }
        prepared.learn_sent(exchange.request, prepared_auth);
        let mut result = exchange.result;
        if let Ok(response) = &mut result
            && let Some(timings) = &mut response.timings
        {
            timings.begin_earlier(prepared_in);
        }
        // A failed request names its item as resolved (Newman's failure source is the item
        // with its variables replaced, name included).
        let resolved_name = result.is_err().then(|| scopes.resolve(item.name));
        let item = match &resolved_name {
            Some(name) => ItemRef { name, ..item },
            None => item,
        };
        listener.on_event(&Event::Request {
            cursor,
            item,
            request: &prepared.request,
            display_url: &prepared.display_url,
            response: result.as_ref(),
            credentials: &prepared.credentials,
            from_script: false,
            body_mode: prepared.body_mode,
            shown_headers: &prepared.script_headers,
            auth: auth.as_ref(),
            warnings: if result.is_ok() {
                &prepared.response_warnings
            } else {
                &[]
            },
        });
        Sent { prepared, result }
    }

    /// The request of `planned` as it will be sent: resolved and assembled with the item's
    /// protocol behaviour. A script that changed `pm.request.auth` decides the auth; else the
    /// inherited one.
    fn prepare(
        &self,
        planned: &PlannedItem<'_>,
        written: &Written<'_>,
        scopes: &Scopes,
    ) -> Prepared {
        let disabled_headers = planned.disabled_system_headers();
        let options = PrepareOptions {
            disable_body_pruning: planned.behavior_flag("disableBodyPruning", false),
            files: FileAccess {
                working_dir: self.working_dir,
                allow_outside: self.insecure_file_read,
            },
            disabled_headers: &disabled_headers,
            disable_url_encoding: planned.behavior_flag("disableUrlEncoding", false),
        };
        let auth = signing_auth(planned, written);
        let filled = auth
            .filter(|_| !written.auth_changed)
            .and_then(|block| self.digest.borrow().fill(block));
        prepare_request(&written.spec, filled.as_ref().or(auth), scopes, options)
    }

    /// The test scripts, in order, with the request as sent and its response.
    #[allow(clippy::too_many_arguments)]
    async fn test_phase(
        &mut self,
        planned: &PlannedItem<'_>,
        written: &Written<'_>,
        sent: &Sent,
        at: &ScriptsAt<'_>,
        scopes: &mut Scopes,
        listener: &mut dyn Listener,
        outcome: &mut ItemOutcome,
    ) {
        let prepared = &sent.prepared;
        // Once a response arrived, Newman's request holds the auth it was signed with.
        let signed_auth =
            signing_auth(planned, written).filter(|a| sent.result.is_ok() && has_handler(&a.kind));
        let mut sent_view = sent_view(
            planned.item,
            &at.request_id,
            &written.spec,
            prepared,
            signed_auth,
            scopes,
        );
        if let Ok(response) = &sent.result {
            list_sent_cookie(&mut sent_view, response);
        }
        let response_view = sent.result.as_ref().ok().map(response_view);
        let cookies = reqwest::Url::parse(&prepared.request.url)
            .map(|url| self.client.cookie_jar().cookies_for(&url))
            .unwrap_or_default();
        for script in planned.test() {
            if outcome.bailed {
                break;
            }
            self.run_script(
                script,
                ScriptKind::Test,
                &sent_view,
                response_view.as_ref(),
                cookies.clone(),
                at,
                scopes,
                listener,
                outcome,
            )
            .await;
        }
    }

    /// The item's id, or the one made up for it.
    fn request_id(&mut self, item: &Item, key: u64) -> String {
        match &item.id {
            Some(id) => id.clone(),
            None => self.made_up_ids.id_for_key(key),
        }
    }

    /// The error a script ended with; with `--bail`, failed assertions fail the script itself
    /// (Newman's `AssertionFailure`, naming them).
    fn script_error(&self, result: &ScriptOutcome) -> Option<ScriptError> {
        if result.error.is_some() || !self.bail {
            return result.error.clone();
        }
        let failed: Vec<&str> = result
            .assertions
            .iter()
            .filter(|a| a.error.is_some())
            .map(|a| a.name.as_str())
            .collect();
        (!failed.is_empty()).then(|| ScriptError {
            name: "AssertionFailure".to_string(),
            message: failed.join(", "),
            position: None,
            reported_at: None,
        })
    }

    /// Run one script and apply what it did; returns the changes a pre-request script made to
    /// `pm.request`.
    #[allow(clippy::too_many_arguments)]
    async fn run_script(
        &mut self,
        script: &PlannedScript<'_>,
        kind: ScriptKind,
        request: &RequestView,
        response: Option<&ResponseView>,
        cookies: Vec<crate::script::CookieInfo>,
        at: &ScriptsAt<'_>,
        scopes: &mut Scopes,
        listener: &mut dyn Listener,
        outcome: &mut ItemOutcome,
    ) -> Option<RequestChanges> {
        let (cursor, item) = (at.cursor, at.item);
        let context = ScriptContext {
            kind,
            source: &script.source,
            request,
            response,
            info: ScriptInfo {
                request_name: item.name.to_string(),
                request_id: Some(at.request_id.clone()),
                iteration: cursor.iteration,
                iteration_count: cursor.iterations,
                location: at.location.clone(),
                location_current: script.owner.to_string(),
                environment: self.environment_meta.clone(),
                globals: self.globals_meta.clone(),
            },
            vars: scopes,
            cookies,
        };
        let mut host = RunHost {
            client: self.client,
            listener: &mut *listener,
            cursor,
            item,
            follow_redirects: self.follow_redirects,
            working_dir: self.working_dir,
            failed: false,
            landed: Vec::new(),
        };
        let result = self.sandbox.run_with_host(&context, &mut host).await;
        outcome.failed |= host.failed;
        scopes.apply(&result.changes);
        report_output(&result, kind, &mut host, outcome);
        if let Some(error) = &result.error {
            outcome.failed = true;
            outcome
                .error
                .get_or_insert_with(|| format!("{}: {}", error.name, error.message));
        }
        let error = self.script_error(&result);
        // `--bail folder,failure`: a failed assertion aborts the run like a script error.
        if let Some(e) = error.as_ref().filter(|_| self.abort_on_error) {
            outcome
                .error
                .get_or_insert_with(|| format!("{}: {}", e.name, e.message));
        }
        outcome.bailed |= self.bail && error.is_some();
        outcome.bailed |= self.abort_on_error && error.is_some();
        let next_request = match &result.next_request {
            Some(NextRequest::Item(name)) => Some(name.as_str()),
            _ => None,
        };
        listener.on_event(&Event::Script {
            cursor,
            item,
            kind,
            error: error.as_ref(),
            next_request,
        });
        outcome.skip_request |= result.skip_request;
        if result.next_request.is_some() {
            outcome.next_request = result.next_request;
        }
        result.request_changes
    }
}

/// Tell the listener a script's console output, assertions and `pm.sendRequest` requests in
/// the order they happened; a failed assertion fails the item.
fn report_output(
    result: &ScriptOutcome,
    kind: ScriptKind,
    host: &mut RunHost<'_, '_>,
    outcome: &mut ItemOutcome,
) {
    let (cursor, item) = (host.cursor, host.item);
    let landed = std::mem::take(&mut host.landed);
    let mut requests = landed.iter().peekable();
    let mut console = result.console.iter().enumerate().peekable();
    for (done, assertion) in result
        .assertions
        .iter()
        .map(Some)
        .chain(std::iter::once(None))
        .enumerate()
    {
        let due = |after: usize| assertion.is_none() || after <= done;
        loop {
            let next_console = console.peek().filter(|(_, m)| due(m.after_assertions));
            let next_request = requests.peek().filter(|(at, _)| due(at.assertions));
            // A console line written before the request landed comes first.
            let console_first = match (next_console, next_request) {
                (Some(&(i, _)), Some((at, _))) => i < at.console,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if console_first {
                if let Some((_, m)) = console.next() {
                    host.listener.on_event(&Event::Console {
                        cursor,
                        item,
                        level: m.level,
                        text: &m.text,
                        runtime: false,
                    });
                }
            } else if let Some((_, request)) = requests.next() {
                host.report(request);
            }
        }
        let Some(assertion) = assertion else {
            break;
        };
        let index = assertion.index;
        if assertion.error.is_some() {
            outcome.failed = true;
        }
        host.listener.on_event(&Event::Assertion {
            cursor,
            item,
            kind,
            index,
            assertion,
        });
    }
}

/// Where the scripts of one item run.
struct ScriptsAt<'a> {
    cursor: Cursor,
    item: ItemRef<'a>,
    request_id: String,
    location: Vec<String>,
}

/// The request as the pre-request scripts left it.
struct Written<'p> {
    /// The request, changed by scripts or as written.
    spec: Cow<'p, RequestSpec>,
    /// A script changed `pm.request.auth`.
    auth_changed: bool,
}

/// The auth the request of `planned` is signed with: the one a script set on `pm.request.auth`,
/// else the inherited one.
fn signing_auth<'p>(planned: &PlannedItem<'p>, written: &'p Written<'_>) -> Option<&'p Auth> {
    if written.auth_changed {
        written.spec.auth.as_deref()
    } else {
        planned.auth
    }
}

/// The request as sent and what came of it.
struct Sent {
    prepared: Prepared,
    result: Result<HttpResponse, HttpError>,
}

/// The runtime's own warnings (`warnings`) as console lines of `item`, as Newman prints them.
fn warn_runtime(
    listener: &mut dyn Listener,
    cursor: Cursor,
    item: ItemRef<'_>,
    warnings: &[String],
) {
    for warning in warnings {
        listener.on_event(&Event::Console {
            cursor,
            item,
            level: ConsoleLevel::Warn,
            text: warning,
            runtime: true,
        });
    }
}

/// While the request is out, compile the test scripts that will read its response, then the
/// next item's pre-request scripts.
async fn precompile_ahead(
    sandbox: &mut LazySandbox,
    planned: &PlannedItem<'_>,
    next_prerequest: &[std::borrow::Cow<'_, str>],
) {
    if planned.test().is_empty() && next_prerequest.is_empty() {
        return;
    }
    // Let the connection task write the request first.
    tokio::task::yield_now().await;
    for script in planned.test() {
        sandbox.precompile(&script.source);
    }
    for source in next_prerequest {
        sandbox.precompile(source);
    }
}
