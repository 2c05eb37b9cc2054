//! One item's life: pre-request scripts → resolve and send the request → test scripts, emitting
//! an event at every step. Failures are events, never errors.
//!
//! Scripts run with a `RunHost` (`runner/host.rs`) that serves their I/O; what they see of the
//! request and response is built in `runner/views.rs`, where a pre-request script's changes to
//! `pm.request` are applied to the request that is sent.

use super::event::{Cursor, Event, ItemRef, Listener};
use super::host::RunHost;
use super::ids::MadeUpIds;
use super::plan::PlannedItem;
use super::resolve::prepare_request;
use super::views::{apply_changes, response_view, sent_view, template_view};
use crate::collection::{Collection, Item, Node, Script};
use crate::http::files::FileAccess;
use crate::http::prepare::{digest_challenge_replay, ntlm_challenge_replay};
use crate::http::{HttpClient, HttpError, HttpResponse, PrepareOptions};
use crate::script::{
    ConsoleLevel, NextRequest, RequestChanges, RequestView, ResponseView, Sandbox, ScopeMeta,
    ScriptContext, ScriptError, ScriptInfo, ScriptKind,
};
use crate::vars::Scopes;
use std::borrow::Cow;
use std::collections::HashMap;
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
    pub sandbox: &'r mut Sandbox,
    /// `--ignore-redirects` turns following off by default.
    pub follow_redirects: bool,
    /// Base for relative file paths.
    pub working_dir: &'r Path,
    /// False with `--no-insecure-file-read`.
    pub insecure_file_read: bool,
    /// The collection (for `pm.execution.location`).
    pub collection: &'r Collection,
    /// Name of the collection or folder owning each of their scripts, keyed by the script's
    /// address; built on first use. (An item's own scripts are found without it.)
    pub script_owners: HashMap<usize, &'r str>,
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
}

impl ItemRunner<'_> {
    /// Run `planned` at `cursor`, updating `scopes` and telling `listener` everything.
    /// `next_prerequest` are the pre-request scripts of the item expected next, compiled while
    /// this item's request is out (a guess: `setNextRequest` may go elsewhere).
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
        };
        let mut outcome = ItemOutcome::default();
        listener.on_event(&Event::BeforeItem { cursor, item });

        let request_id = self.request_id(planned.item, planned.key());
        let mut location = vec![self.collection.name.clone()];
        location.extend(planned.folders.iter().cloned());
        location.push(planned.item.name.clone());
        let scripts = ScriptsAt {
            cursor,
            item,
            owner: planned.item,
            request_id,
            location,
        };

        // Pre-request scripts see the request as written, with the changes of the scripts before.
        let mut spec = Cow::Borrowed(&planned.item.request);
        let mut auth_changed = false;
        for script in planned.prerequest() {
            let view = template_view(planned.item, &scripts.request_id, &spec);
            let changes = self
                .run_script(
                    script,
                    ScriptKind::PreRequest,
                    &view,
                    None,
                    Vec::new(),
                    &scripts,
                    scopes,
                    listener,
                    &mut outcome,
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

        if outcome.skip_request || outcome.bailed {
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
            disable_url_encoding: planned.behavior_flag("disableUrlEncoding", false),
        };
        // A script that changed `pm.request.auth` decides the auth; else the inherited one.
        let auth = if auth_changed {
            spec.auth.as_deref()
        } else {
            planned.auth
        };
        // Newman's `prepare` phase starts here: variables, body and auth are resolved below.
        let preparing = std::time::Instant::now();
        let mut prepared = prepare_request(&spec, auth, scopes, options);
        let send_options = planned.send_options(self.follow_redirects);
        for warning in &prepared.warnings {
            listener.on_event(&Event::Console {
                cursor,
                item,
                level: ConsoleLevel::Warn,
                text: warning,
                runtime: true,
            });
        }
        // While the request is out, compile the test scripts that will read its response, then
        // the next item's pre-request scripts.
        let sandbox = &mut *self.sandbox;
        let compile_tests = async {
            // Let the connection task write the request first.
            tokio::task::yield_now().await;
            for script in planned.test() {
                sandbox.precompile(&script.source);
            }
            for source in next_prerequest {
                sandbox.precompile(source);
            }
        };
        // An item whose URL resolves to nothing is not sent: a request error (Newman's wording).
        let url_empty = scopes.resolve(&spec.url.to_template()).trim().is_empty();
        let client = self.client;
        let prepared_in = preparing.elapsed();
        let send = async {
            match &prepared.error {
                _ if url_empty => Err(HttpError::new(
                    "runtime:extensions~request: request url is empty",
                )),
                Some(error) => Err(error.clone()),
                None => client.send(&prepared.request, &send_options).await,
            }
        };
        let (mut result, ()): (Result<HttpResponse, HttpError>, ()) =
            tokio::join!(send, compile_tests);
        if url_empty {
            prepared.request.url = String::new();
        }
        if let Ok(response) = &mut result
            && let Some(timings) = &mut response.timings
        {
            timings.begin_earlier(prepared_in);
        }
        // Digest auth: answer the server's challenge once, as Postman does.
        if let Ok(response) = &result
            && let Some(replay) =
                digest_challenge_replay(prepared.auth.as_ref(), &prepared.request, response)
        {
            prepared.request = replay;
            result = self.client.send(&prepared.request, &send_options).await;
        }
        // NTLM auth: negotiate, then authenticate, both on one connection of their own.
        let mut ntlm_client = None;
        while let Ok(response) = &result
            && let Some(replay) =
                ntlm_challenge_replay(prepared.auth.as_ref(), &prepared.request, response)
        {
            let client = ntlm_client.get_or_insert_with(|| self.client.single_connection());
            prepared.request = replay;
            result = client.send(&prepared.request, &send_options).await;
        }
        listener.on_event(&Event::Request {
            cursor,
            item,
            request: &prepared.request,
            response: result.as_ref(),
            credentials: &prepared.credentials,
            from_script: false,
        });
        if let Err(error) = &result {
            outcome.failed = true;
            outcome.error.get_or_insert_with(|| error.message.clone());
            if self.bail || self.abort_on_error {
                outcome.bailed = true;
                listener.on_event(&Event::Item { cursor, item });
                return outcome;
            }
        }

        let sent_view = sent_view(planned.item, &scripts.request_id, &spec, &prepared, scopes);
        let response_view = result.as_ref().ok().map(response_view);
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
                &scripts,
                scopes,
                listener,
                &mut outcome,
            )
            .await;
        }

        listener.on_event(&Event::Item { cursor, item });
        outcome
    }

    /// The item's id, or the one made up for it.
    fn request_id(&mut self, item: &Item, key: u64) -> String {
        match &item.id {
            Some(id) => id.clone(),
            None => self.made_up_ids.id_for_key(key),
        }
    }

    /// The name of the collection, folder or item whose events hold `script`, which runs for
    /// `item`.
    fn script_owner(&mut self, script: &Script, item: &'_ Item) -> Option<String> {
        if item
            .events
            .as_ptr_range()
            .contains(&std::ptr::from_ref(script))
        {
            return Some(item.name.clone());
        }
        if self.script_owners.is_empty() {
            collect_owners(self.collection, &mut self.script_owners);
        }
        self.script_owners
            .get(&(std::ptr::from_ref(script) as usize))
            .map(|name| name.to_string())
    }

    /// Run one script and apply what it did; returns the changes a pre-request script made to
    /// `pm.request`.
    #[allow(clippy::too_many_arguments)]
    async fn run_script(
        &mut self,
        script: &Script,
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
                location_current: self
                    .script_owner(script, at.owner)
                    .unwrap_or_else(|| item.name.to_string()),
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
        };
        let mut result = self.sandbox.run_with_host(&context, &mut host).await;
        outcome.failed |= host.failed;
        scopes.apply(std::mem::take(&mut result.changes));
        // Console output and assertions in the order the script produced them.
        let mut console = result.console.iter().peekable();
        for (done, assertion) in result
            .assertions
            .iter()
            .map(Some)
            .chain(std::iter::once(None))
            .enumerate()
        {
            while let Some(message) =
                console.next_if(|m| assertion.is_none() || m.after_assertions <= done)
            {
                listener.on_event(&Event::Console {
                    cursor,
                    item,
                    level: message.level,
                    text: &message.text,
                    runtime: false,
                });
            }
            let Some(assertion) = assertion else {
                break;
            };
            let index = assertion.index;
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
        if let Some(error) = &result.error {
            outcome.failed = true;
            outcome
                .error
                .get_or_insert_with(|| format!("{}: {}", error.name, error.message));
        }
        // With `--bail`, failed assertions fail the script itself (Newman's `AssertionFailure`,
        // naming them).
        let mut error = result.error.clone();
        if self.bail {
            let failed: Vec<&str> = result
                .assertions
                .iter()
                .filter(|a| a.error.is_some())
                .map(|a| a.name.as_str())
                .collect();
            if error.is_none() && !failed.is_empty() {
                error = Some(ScriptError {
                    name: "AssertionFailure".to_string(),
                    message: failed.join(", "),
                    position: None,
                });
            }
            outcome.bailed |= error.is_some();
        }
        outcome.bailed |= self.abort_on_error && result.error.is_some();
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

/// Where the scripts of one item run.
struct ScriptsAt<'a> {
    cursor: Cursor,
    item: ItemRef<'a>,
    /// The item itself.
    owner: &'a Item,
    request_id: String,
    location: Vec<String>,
}

/// Map every collection and folder script of `collection` (by address) to the name of its owner.
fn collect_owners<'c>(collection: &'c Collection, owners: &mut HashMap<usize, &'c str>) {
    fn add<'c>(events: &[Script], name: &'c str, owners: &mut HashMap<usize, &'c str>) {
        for script in events {
            owners.insert(std::ptr::from_ref(script) as usize, name);
        }
    }
    fn walk<'c>(nodes: &'c [Node], owners: &mut HashMap<usize, &'c str>) {
        for node in nodes {
            match node {
                Node::Item(_) => {}
                Node::Group(group) => {
                    add(&group.events, &group.name, owners);
                    walk(&group.items, owners);
                }
            }
        }
    }
    add(&collection.events, &collection.name, owners);
    walk(&collection.items, owners);
}
