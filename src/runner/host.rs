//! The host serving a script's I/O during a run: `pm.sendRequest` goes through the run's client
//! (same cookie jar, body pruning off, no variable resolution, as in Postman) and is reported as
//! a request of the item; `pm.cookies.jar()` works on the run's jar.

use super::event::{Cursor, Event, ItemRef, Listener};
use super::resolve::prepare_request;
use super::views::{response_view, strip_files};
use crate::collection::parse_request_definition;
use crate::http::files::FileAccess;
use crate::http::redirect::SendOptions;
use crate::http::{HttpClient, HttpError, HttpResponse, PrepareOptions, Prepared};
use crate::script::{ConsoleLevel, JarCall, Progress, ResponseView, ScriptHost};
use crate::vars::Scopes;
use serde_json::Value;
use std::path::Path;

/// The host serving one script's I/O.
pub(super) struct RunHost<'a, 'l> {
    pub(super) client: &'a HttpClient,
    pub(super) listener: &'l mut dyn Listener,
    pub(super) cursor: Cursor,
    pub(super) item: ItemRef<'a>,
    pub(super) follow_redirects: bool,
    pub(super) working_dir: &'a Path,
    /// A `pm.sendRequest` failed: a run failure even if the script handles the error (Newman).
    pub(super) failed: bool,
    /// The `pm.sendRequest` requests that landed, each with how far the script had got: the
    /// runner reports them among the script's assertions and console lines (as Newman, which
    /// reports everything as it happens).
    pub(super) landed: Vec<(Progress, LandedRequest)>,
}

impl RunHost<'_, '_> {
    /// Report one landed `pm.sendRequest` request.
    pub(super) fn report(&mut self, landed: &LandedRequest) {
        self.listener.on_event(&Event::Request {
            cursor: self.cursor,
            item: self.item,
            request: &landed.prepared.request,
            display_url: &landed.prepared.display_url,
            response: landed.result.as_ref(),
            credentials: &landed.prepared.credentials,
            from_script: true,
            body_mode: landed.prepared.body_mode,
            shown_headers: &landed.prepared.script_headers,
            auth: landed.prepared.auth.as_ref(),
            warnings: &[],
        });
    }

    pub(super) fn warn(&mut self, text: &str) {
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
pub(super) struct LandedRequest {
    prepared: Prepared,
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

    fn finish_request(
        &mut self,
        landed: LandedRequest,
        at: Progress,
    ) -> Result<ResponseView, String> {
        let answer = match &landed.result {
            Ok(response) => Ok(response_view(response)),
            Err(error) => {
                self.failed = true;
                Err(error.message.clone())
            }
        };
        self.landed.push((at, landed));
        answer
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
            JarCall::Set { url, cookie } => match parse(&url) {
                Ok(target) => jar.set(&target, &cookie),
                // tough-cookie takes any text for a URL: its whole as the host.
                Err(_) => Ok(crate::http::cookies::unplaced(&url, &cookie)),
            }
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
