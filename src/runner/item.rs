//! One item's life: pre-request scripts → resolve and send the request → test scripts, emitting
//! an event at every step. Failures are events, never errors.
//!
//! Scripts run with a `RunHost` that serves their I/O: `pm.sendRequest` goes through the run's
//! client (same cookie jar, body pruning off, no variable resolution, as in Postman) and is
//! reported as a request of the item; `pm.cookies.jar()` works on the run's jar. Changes a
//! pre-request script makes to `pm.request` are applied to the request that is sent.

use super::event::{Cursor, Event, ItemRef, Listener};
use super::ids::MadeUpIds;
use super::plan::PlannedItem;
use crate::collection::{
    Auth, Body, Collection, Item, KeyValue, Node, RequestSpec, Script, method_name,
    parse_request_definition,
};
use crate::http::body::resolve_json;
use crate::http::charset;
use crate::http::files::FileAccess;
use crate::http::prepare::{digest_challenge_replay, ntlm_challenge_replay};
use crate::http::redirect::SendOptions;
use crate::http::{HttpClient, HttpError, HttpResponse, PrepareOptions, prepare_request};
use crate::script::{
    ConsoleLevel, JarCall, NextRequest, RequestChanges, RequestView, ResponseView, Sandbox,
    ScopeMeta, ScriptContext, ScriptError, ScriptHost, ScriptInfo, ScriptKind,
};
use crate::vars::Scopes;
use serde_json::{Value, json};
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
            let view = template_view(planned.item, &spec);
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
        // Digest auth: answer the server's challenge once, as Postman does.
        if let Ok(response) = &result
            && let Some(replay) = digest_challenge_replay(auth, scopes, &prepared.request, response)
        {
            prepared.request = replay;
            result = self.client.send(&prepared.request, &send_options).await;
        }
        // NTLM auth: negotiate, then authenticate, both on one connection of their own.
        let mut ntlm_client = None;
        while let Ok(response) = &result
            && let Some(replay) = ntlm_challenge_replay(auth, scopes, &prepared.request, response)
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

        let sent_view = RequestView {
            id: planned.item.id.clone(),
            name: planned.item.name.clone(),
            method: prepared.request.method.clone(),
            url: prepared.request.url.clone(),
            headers: prepared.script_headers.clone(),
            system_headers: prepared.system_headers.clone(),
            body: prepared
                .request
                .body
                .as_ref()
                .map(|b| String::from_utf8_lossy(b).into_owned()),
            // A form or GraphQL body is seen as its (resolved) fields, as Newman's request keeps
            // it; a raw body as the text sent (comments stripped).
            body_definition: spec
                .body
                .as_deref()
                .filter(|b| {
                    matches!(
                        b,
                        Body::UrlEncoded(_) | Body::FormData(_) | Body::GraphQl { .. }
                    )
                })
                .map(|b| resolve_json(&body_definition(b), &|t: &str| scopes.resolve(t))),
            disabled_headers: disabled_header_slots(&spec),
            // The URL as sent has its path variables filled in; Newman's list is empty then.
            url_variables: Vec::new(),
            auth: spec.auth.as_deref().map(auth_json),
            description: spec.description.as_deref().cloned(),
        };
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
            vars: scopes.snapshot(),
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
        let result = self.sandbox.run_with_host(&context, &mut host).await;
        outcome.failed |= host.failed;
        scopes.apply(&result.vars);
        for message in &result.console {
            listener.on_event(&Event::Console {
                cursor,
                item,
                level: message.level,
                text: &message.text,
                runtime: false,
            });
        }
        for assertion in &result.assertions {
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
        listener.on_event(&Event::Script {
            cursor,
            item,
            kind,
            error: error.as_ref(),
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

/// The host serving one script's I/O.
struct RunHost<'a, 'l> {
    client: &'a HttpClient,
    listener: &'l mut dyn Listener,
    cursor: Cursor,
    item: ItemRef<'a>,
    follow_redirects: bool,
    working_dir: &'a Path,
    /// A `pm.sendRequest` failed: a run failure even if the script handles the error (Newman).
    failed: bool,
}

impl RunHost<'_, '_> {
    fn warn(&mut self, text: &str) {
        self.listener.on_event(&Event::Console {
            cursor: self.cursor,
            item: self.item,
            level: ConsoleLevel::Warn,
            text,
            runtime: true,
        });
    }
}

/// A `pm.sendRequest` request that completed: what was sent and what came back.
struct LandedRequest {
    prepared: crate::http::Prepared,
    result: Result<HttpResponse, HttpError>,
}

impl<'a> ScriptHost for RunHost<'a, '_> {
    type InFlight = futures_util::future::LocalBoxFuture<'a, LandedRequest>;
    type Landed = LandedRequest;

    fn start_request(&mut self, definition: Value) -> Result<Self::InFlight, String> {
        let mut spec = parse_request_definition(&definition).map_err(|d| d.to_string())?;
        if strip_files(&mut spec) {
            self.warn("uploading files from scripts is not allowed");
        }
        let options = PrepareOptions {
            disable_body_pruning: true,
            files: FileAccess {
                working_dir: self.working_dir,
                allow_outside: false,
            },
            disabled_headers: &[],
            disable_url_encoding: false,
        };
        // Postman resolves no variables in a `pm.sendRequest` request: empty scopes.
        let prepared = prepare_request(&spec, spec.auth.as_deref(), &Scopes::default(), options);
        for warning in &prepared.warnings {
            self.warn(warning);
        }
        let client = self.client;
        let options = SendOptions {
            follow_redirects: self.follow_redirects,
            ..SendOptions::default()
        };
        Ok(Box::pin(async move {
            let result = match &prepared.error {
                Some(error) => Err(error.clone()),
                None => client.send(&prepared.request, &options).await,
            };
            LandedRequest { prepared, result }
        }))
    }

    fn finish_request(&mut self, landed: LandedRequest) -> Result<ResponseView, String> {
        let LandedRequest { prepared, result } = landed;
        self.listener.on_event(&Event::Request {
            cursor: self.cursor,
            item: self.item,
            request: &prepared.request,
            response: result.as_ref(),
            credentials: &prepared.credentials,
            from_script: true,
        });
        match result {
            Ok(response) => Ok(response_view(&response)),
            Err(error) => {
                self.failed = true;
                Err(error.message)
            }
        }
    }

    fn cookie_jar(&mut self, call: JarCall) -> Result<Value, String> {
        let jar = self.client.cookie_jar();
        let parse = |url: &str| {
            reqwest::Url::parse(url).map_err(|e| format!("CookieJar: invalid URL \"{url}\": {e}"))
        };
        match call {
            JarCall::Get { url, name } => Ok(jar
                .cookies_for(&parse(&url)?)
                .into_iter()
                .find(|c| c.name == name)
                .map_or(Value::Null, |c| Value::String(c.value))),
            JarCall::GetAll { url } => {
                serde_json::to_value(jar.cookies_for(&parse(&url)?)).map_err(|e| e.to_string())
            }
            JarCall::Set { url, cookie } => jar
                .set(&parse(&url)?, &cookie)
                .and_then(|c| serde_json::to_value(c).map_err(|e| e.to_string())),
            JarCall::Unset { url, name } => {
                jar.remove(&parse(&url)?, &name);
                Ok(Value::Null)
            }
            JarCall::Clear { url } => {
                jar.clear(&parse(&url)?);
                Ok(Value::Null)
            }
        }
    }
}

/// `pm.response` for a received response.
fn response_view(r: &HttpResponse) -> ResponseView {
    let content_type = r
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str());
    let body = charset::body_text(&r.body, content_type).into_owned();
    ResponseView {
        code: r.status,
        status: r.reason.clone(),
        headers: r.headers.clone(),
        raw: charset::bytes_as_latin1(&r.body, &body),
        body,
        response_time_ms: u64::try_from(r.elapsed.as_millis()).unwrap_or(u64::MAX),
        response_size: r.body.len() as u64,
    }
}

/// `pm.request` for pre-request scripts: the request as written (variables unresolved).
fn template_view(item: &Item, spec: &RequestSpec) -> RequestView {
    RequestView {
        id: item.id.clone(),
        name: item.name.clone(),
        method: spec.method.to_string(),
        url: spec.url.to_template_with_path_variables(),
        headers: spec
            .headers
            .iter()
            .filter(|h| !h.disabled)
            .map(|h| (h.key.clone(), h.value.clone()))
            .collect(),
        body: None,
        system_headers: Vec::new(),
        body_definition: spec.body.as_deref().map(body_definition),
        disabled_headers: disabled_header_slots(spec),
        url_variables: url_variables(spec),
        auth: spec.auth.as_deref().map(auth_json),
        description: spec.description.as_deref().cloned(),
    }
}

/// The URL's path variables as written.
fn url_variables(spec: &RequestSpec) -> Vec<(String, String)> {
    spec.url
        .parts()
        .variables
        .iter()
        .map(|v| (v.key.clone(), v.value.clone()))
        .collect()
}

/// An auth block as Postman's JSON: `{"type": kind, kind: [{type, value, key}, ...]}`.
fn auth_json(auth: &Auth) -> Value {
    let params: Vec<Value> = auth
        .params
        .iter()
        .map(|(k, v)| json!({"type": "string", "value": v, "key": k}))
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("type".into(), json!(auth.kind));
    if auth.kind != "noauth" {
        out.insert(auth.kind.clone(), Value::Array(params));
    }
    Value::Object(out)
}

/// The disabled headers of `spec` with their index in its header list (scripts list them).
fn disabled_header_slots(spec: &RequestSpec) -> Vec<(usize, String, String)> {
    spec.headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.disabled)
        .map(|(i, h)| (i, h.key.clone(), h.value.clone()))
        .collect()
}

/// A body as Postman's JSON body definition.
fn body_definition(body: &Body) -> Value {
    let pairs = |list: &[KeyValue]| -> Vec<Value> {
        list.iter()
            .map(|p| {
                let mut v = json!({"key": p.key, "value": p.value});
                if p.disabled {
                    v["disabled"] = json!(true);
                }
                v
            })
            .collect()
    };
    match body {
        Body::Raw { raw, language } => {
            let mut v = json!({"mode": "raw", "raw": raw});
            if let Some(language) = language {
                v["options"] = json!({"raw": {"language": language}});
            }
            v
        }
        Body::UrlEncoded(list) => json!({"mode": "urlencoded", "urlencoded": pairs(list)}),
        Body::FormData(params) => {
            let fields: Vec<Value> = params
                .iter()
                .map(|p| {
                    let mut v = json!({"key": p.key});
                    if p.is_file {
                        v["type"] = json!("file");
                        v["src"] = match p.src.as_slice() {
                            [one] => json!(one),
                            many => json!(many),
                        };
                    } else {
                        v["type"] = json!("text");
                        v["value"] = json!(p.value);
                    }
                    if let Some(ctype) = &p.content_type {
                        v["contentType"] = json!(ctype);
                    }
                    if p.disabled {
                        v["disabled"] = json!(true);
                    }
                    v
                })
                .collect();
            json!({"mode": "formdata", "formdata": fields})
        }
        Body::GraphQl {
            query,
            operation_name,
            variables,
        } => {
            let mut graphql = serde_json::Map::new();
            for (name, value) in [
                ("query", query),
                ("operationName", operation_name),
                ("variables", variables),
            ] {
                if let Some(value) = value {
                    graphql.insert(name.into(), value.clone());
                }
            }
            json!({"mode": "graphql", "graphql": graphql})
        }
        Body::File { src } => json!({"mode": "file", "file": {"src": src}}),
    }
}

/// Apply a pre-request script's changes to the request spec (only what it changed).
fn apply_changes(spec: &mut RequestSpec, changes: &RequestChanges) {
    let mut definition = serde_json::Map::new();
    if let Some(url) = &changes.url {
        definition.insert("url".into(), json!(url));
    }
    if let Some(headers) = &changes.headers {
        let list: Vec<Value> = headers
            .iter()
            .map(|(k, v, disabled)| json!({"key": k, "value": v, "disabled": disabled}))
            .collect();
        definition.insert("header".into(), Value::Array(list));
    }
    if let Some(body) = &changes.body {
        definition.insert("body".into(), body.clone());
    }
    if let Some(auth) = &changes.auth {
        definition.insert("auth".into(), auth.clone());
    }
    // Each part parses on its own; a part that does not parse is left as it was.
    let Ok(parsed) = parse_request_definition(&Value::Object(definition)) else {
        return;
    };
    if let Some(method) = &changes.method {
        spec.method = method_name(method);
    }
    if changes.url.is_some() {
        spec.url = parsed.url;
    }
    if changes.headers.is_some() {
        spec.headers = parsed.headers;
    }
    if changes.body.is_some() {
        spec.body = parsed.body;
    }
    if changes.auth.is_some() {
        spec.auth = parsed.auth;
    }
}

/// Drop file parts from a script's request (Postman refuses uploads from scripts); true if any.
fn strip_files(spec: &mut RequestSpec) -> bool {
    match spec.body.as_deref_mut() {
        Some(Body::File { .. }) => {
            spec.body = None;
            true
        }
        Some(Body::FormData(params)) => {
            let before = params.len();
            params.retain(|p| !p.is_file);
            params.len() != before
        }
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_changes_apply_only_what_changed() {
        let mut spec = parse_request_definition(&json!({
            "method": "POST",
            "url": "http://h/{{p}}?a=1",
            "header": [{"key": "A", "value": "1"}],
            "body": {"mode": "raw", "raw": "x"}
        }))
        .unwrap_or_default();
        apply_changes(
            &mut spec,
            &RequestChanges {
                headers: Some(vec![
                    ("A".into(), "1".into(), false),
                    ("B".into(), "{{v}}".into(), false),
                    ("C".into(), "off".into(), true),
                ]),
                ..RequestChanges::default()
            },
        );
        assert_eq!(spec.headers.len(), 3);
        assert_eq!(spec.headers[1].value, "{{v}}");
        assert!(spec.headers[2].disabled);
        assert_eq!(spec.url.to_template(), "http://h/{{p}}?a=1");
        assert_eq!(spec.method, "POST");
        apply_changes(
            &mut spec,
            &RequestChanges {
                method: Some("put".into()),
                body: Some(Value::Null),
                ..RequestChanges::default()
            },
        );
        assert_eq!(spec.method, "PUT");
        assert!(spec.body.is_none());
    }
}
