//! The JSON reporter in Newman's shape (`-r json`): top-level `collection`, `environment`,
//! `globals` and `run` with `stats`, `timings`, `executions`, `transfers`, `failures` and `error`.
//! Executions are streamed to a [`Spool`] as each item finishes, so a long run does not
//! hold them in memory; the export step writes the file. In test mode (`POSTIE_TEST_MODE=1`)
//! times, durations, response ids and `Date` headers are frozen.

use super::format::assertion_stack;
use super::json_parts::{
    CursorIds, assertion_failure_json, assertion_frames, assertion_json, cursor_json,
    request_error_json, request_failure_json, script_error_json, serialised,
};
use super::mask::Masker;
use super::newman_context::RunVariables;
use super::reporter::{Artifact, Finished, Spool};
use super::sdk::SdkCollection;
use super::sdk::scope::scope_json;
use super::summary::{Counter, RunSummary};
use super::test_mode::Clock;
use crate::http::HttpResponse;
use crate::http::response_body::ResponseBody;
use crate::runner::{Cursor, Event, Listener};
use crate::script::ScriptKind;
use serde_json::{Map, Value, json};
use std::borrow::Cow;
use std::io::Write;
use std::time::Duration;

mod listen;
mod output;
mod request;

use output::{Indented, write_body};
pub(super) use output::{mask_strings, stats_json};

/// A duration in milliseconds with microsecond precision, as Postman's timings are.
fn millis(d: Duration) -> Value {
    json!((d.as_secs_f64() * 1_000_000.0).round() / 1000.0)
}

/// Options of the JSON reporter.
#[derive(Debug, Clone, Default)]
pub struct JsonOptions {
    /// Leave response bodies out of the report (`--reporter-json-omit-responses`).
    pub omit_responses: bool,
    /// Response bodies as text (`"body": "..."`) instead of Newman's byte arrays
    /// (`--reporter-json-body-as-text`), for reports a person or `jq` can read.
    pub body_as_text: bool,
    /// `--verbose`: each response carries its `timings` (start, offsets and phases), and
    /// `run.timings` the DNS and first-byte statistics, as Newman has them only then.
    pub timings: bool,
}

/// Collects the run into Newman's JSON report.
pub struct JsonReporter {
    options: JsonOptions,
    masker: Masker,
    executions: Box<dyn Spool>,
    current: Option<Map<String, Value>>,
    /// Requests of the current item (its own and its scripts' `pm.sendRequest`s).
    requests: usize,
    /// The body of the current item's last response, written when its record is.
    body: Option<ResponseBody>,
    started: u128,
    clock: Clock,
    /// The collection as the SDK serialises it (the report's `collection`, each record's `item`).
    sdk: SdkCollection,
    /// The current item: its node ordinal, cursor and cursor ids, and whether its own request
    /// went out (Newman counts the item's test phase then).
    node: usize,
    cursor: Cursor,
    ids: CursorIds,
    sent: bool,
    /// The record's `id` when its last request was a script's: the item Newman makes up for
    /// it, not the item's.
    script_request_id: Option<String>,
    /// How many pre-request and test scripts of the current item have run (the collection's
    /// and folders' first): the next assertion or script event is the next one's.
    scripts_done: [usize; 2],
    /// What Newman's failures carry beyond the summary's, one per summary failure, in order.
    failures: Vec<FailureContext>,
}

/// A failure's place: its item (by node ordinal), whether Newman names the item's folder as its
/// `parent`, its cursor, and its error when the record already holds it.
struct FailureContext {
    node: Option<usize>,
    /// The item as Newman names it, when it is not the collection's (a failed request's).
    source: Option<Value>,
    parent: bool,
    cursor: Value,
    error: Option<Value>,
}

fn headers_json(headers: &[(String, String)], masker: &Masker, clock: Clock) -> Value {
    Value::Array(
        headers
            .iter()
            .map(|(k, v)| json!({"key": k, "value": masker.header_value(k, clock.header_value(k, v))}))
            .collect(),
    )
}

impl JsonReporter {
    /// A reporter masking secrets with `masker`, streaming executions into `executions`.
    /// `collection` is the collection's document, as loaded.
    pub fn new(
        options: JsonOptions,
        masker: Masker,
        executions: Box<dyn Spool>,
        collection: &Value,
    ) -> Self {
        let clock = Clock::from_env();
        JsonReporter {
            options,
            masker,
            executions,
            current: None,
            requests: 0,
            body: None,
            started: clock.now_millis(),
            clock,
            sdk: SdkCollection::new(collection, &mut || clock.id()),
            node: 0,
            cursor: Cursor::default(),
            ids: CursorIds::default(),
            sent: false,
            script_request_id: None,
            scripts_done: [0; 2],
            failures: Vec::new(),
        }
    }

    fn now(&self) -> u64 {
        self.clock.now_millis() as u64
    }

    /// The current item's cursor, with the ids of `script` when an event comes from one.
    fn cursor_json(&self, cursor: &Cursor, script: Option<(Value, Option<Value>)>) -> Value {
        let ids = CursorIds {
            script,
            ..self.ids.clone()
        };
        cursor_json(cursor, &ids)
    }

    fn response_json(&self, response: &HttpResponse) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.clock.id()));
        // An unknown code has no reason phrase, and Newman no status.
        if !response.reason.is_empty() {
            map.insert("status".into(), json!(response.reason));
        }
        map.insert("code".into(), json!(response.status));
        map.insert(
            "header".into(),
            headers_json(&response.headers, &self.masker, self.clock),
        );
        if !self.options.omit_responses {
            // The body is written straight into the report when the record is (see
            // `write_body`); secrets echoed back by the server are masked in it too.
            let placeholder = self.executions.value_placeholder();
            if self.options.body_as_text {
                map.insert("body".into(), placeholder);
            } else {
                map.insert(
                    "stream".into(),
                    json!({"type": "Buffer", "data": placeholder}),
                );
            }
        }
        map.insert(
            "responseTime".into(),
            json!(self.clock.duration(response.elapsed).as_millis() as u64),
        );
        map.insert("responseSize".into(), json!(response.body.len()));
        map.insert("cookie".into(), json!([]));
        if self.options.timings
            && let Some(timings) = &response.timings
        {
            map.insert("timings".into(), self.timings_json(timings));
        }
        Value::Object(map)
    }

    /// A response's `timings`: Postman's `{start, offset}` (milliseconds, fractional) plus the
    /// `phases` computed from them.
    fn timings_json(&self, timings: &crate::http::Timings) -> Value {
        let ms = |d: std::time::Duration| millis(self.clock.duration(d));
        let o = &timings.offset;
        let mut offset = Map::new();
        for (name, at) in [
            ("request", o.request),
            ("socket", o.socket),
            ("lookup", o.lookup),
            ("connect", o.connect),
        ] {
            offset.insert(name.into(), ms(at));
        }
        if let Some(secure) = o.secure_connect {
            offset.insert("secureConnect".into(), ms(secure));
        }
        for (name, at) in [("response", o.response), ("end", o.end), ("done", o.done)] {
            offset.insert(name.into(), ms(at));
        }
        let phases: Map<String, Value> = timings
            .phases()
            .named()
            .into_iter()
            .map(|(name, took)| (name.to_string(), ms(took)))
            .collect();
        let start = if self.clock.frozen {
            self.clock.now_millis() as u64
        } else {
            timings.start_ms
        };
        json!({"start": start, "offset": offset, "phases": phases})
    }

    /// The report to write: the whole document, given the summary and the final environment
    /// and globals, around the executions streamed so far; the collection (as the SDK
    /// serialises it) is written into it last.
    pub fn artifact<'a>(mut self, run: &Finished<'a>) -> Artifact<'a> {
        let doc = self.document(run.summary, run.variables);
        let mut collection = std::mem::take(&mut self.sdk).into_json();
        mask_strings(&mut collection, &self.masker);
        Artifact::Spooled {
            spool: self.executions,
            doc,
            value: Box::new(move |out| {
                // The collection is one level down in the report.
                let mut out = Indented { inner: out };
                let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
                let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
                serde::Serialize::serialize(&collection, &mut ser).map_err(std::io::Error::other)
            }),
        }
    }

    fn document(&self, summary: &RunSummary, variables: &RunVariables) -> Value {
        let stats = |stats: Option<(Duration, Duration, Duration, Duration)>| {
            stats
                .map(|(a, b, c, d)| {
                    let ms = |d: Duration| self.clock.duration(d).as_secs_f64() * 1000.0;
                    (ms(a), ms(b), ms(c), ms(d))
                })
                .unwrap_or_default()
        };
        let (mean, min, max, sd) = stats(summary.response_time_stats());
        // Newman has the phase statistics only when it timed the phases (`--verbose`).
        let timed = |s: &super::summary::OnlineStats| {
            stats(self.options.timings.then(|| s.stats()).flatten())
        };
        let (dns_mean, dns_min, dns_max, dns_sd) = timed(&summary.dns_times);
        let (fb_mean, fb_min, fb_max, fb_sd) = timed(&summary.first_byte_times);
        let failures: Vec<Value> = summary
            .failures
            .iter()
            .enumerate()
            .map(|(i, f)| self.failure_json(f, self.failures.get(i)))
            .collect();
        let completed = self.started + self.clock.duration(summary.duration).as_millis();
        let new_id = &mut || self.clock.id();
        let environment = scope_json(
            &variables.environment,
            variables.environment_from_file,
            new_id,
        );
        let mut globals = scope_json(&variables.globals, variables.globals_from_file, new_id);
        let mut environment = environment;
        if self.clock.frozen {
            // Scopes made up for the run get a random id; freeze it for snapshots.
            for doc in [&mut environment, &mut globals] {
                if let Some(id) = doc.get_mut("id") {
                    *id = json!(self.clock.id());
                }
            }
        }
        let mut doc = json!({
            "collection": self.executions.value_placeholder(),
            "environment": environment,
            "globals": globals,
            "run": {
                "stats": stats_json(summary),
                "timings": {
                    "responseAverage": mean,
                    "responseMin": min,
                    "responseMax": max,
                    "responseSd": sd,
                    "dnsAverage": dns_mean,
                    "dnsMin": dns_min,
                    "dnsMax": dns_max,
                    "dnsSd": dns_sd,
                    "firstByteAverage": fb_mean,
                    "firstByteMin": fb_min,
                    "firstByteMax": fb_max,
                    "firstByteSd": fb_sd,
                    "started": self.started as u64,
                    "completed": completed as u64,
                },
                "executions": self.executions.list_placeholder(),
                "transfers": {"responseTotal": summary.bytes_received},
                "failures": failures,
                "error": summary.run_error.as_ref().map_or(Value::Null, |m| json!({"message": m, "name": "Error"})),
            }
        });
        // Failure lines quote test names and messages: everything is masked once more.
        mask_strings(&mut doc, &self.masker);
        doc
    }

    /// One of `run.failures`: the error (serialised, as Newman's summary keeps it), where it
    /// happened, the item and the folder (or collection) around it, and the cursor.
    fn failure_json(&self, f: &super::summary::Failure, context: Option<&FailureContext>) -> Value {
        let error = match (context.and_then(|c| c.error.clone()), f.assertion) {
            (Some(error), _) => error,
            (None, Some((index, position))) => {
                let stack = assertion_stack(&f.error_name, &f.message, index, position);
                let mut error = Map::new();
                error.insert("name".into(), json!(f.error_name));
                error.insert("index".into(), json!(index));
                error.insert("test".into(), json!(f.test));
                error.insert("message".into(), json!(f.message));
                error.insert("stack".into(), json!(stack));
                serialised(
                    &mut error,
                    self.clock.id(),
                    self.now(),
                    assertion_frames(&stack),
                );
                Value::Object(error)
            }
            (None, None) => {
                let mut error = Map::new();
                error.insert("name".into(), json!(f.error_name));
                error.insert("message".into(), json!(f.message));
                error.insert(
                    "stack".into(),
                    json!(format!("{}: {}", f.error_name, f.message)),
                );
                serialised(&mut error, self.clock.id(), self.now(), json!([]));
                Value::Object(error)
            }
        };
        let mut map = Map::new();
        map.insert("error".into(), error);
        map.insert("at".into(), json!(f.at));
        let node = context.and_then(|c| c.node);
        match context
            .and_then(|c| c.source.as_ref())
            .or_else(|| node.and_then(|n| self.sdk.node(n)))
        {
            Some(item) => {
                map.insert("source".into(), item.clone());
            }
            None => {
                map.insert("source".into(), json!({"name": f.source}));
            }
        }
        if let Some(parent) = context
            .filter(|c| c.parent)
            .and(node)
            .and_then(|n| self.sdk.parent(n))
        {
            map.insert("parent".into(), parent.clone());
        }
        map.insert(
            "cursor".into(),
            context.map_or_else(|| json!({"iteration": f.iteration}), |c| c.cursor.clone()),
        );
        Value::Object(map)
    }

    /// The item finished: write its execution record.
    fn write_record(&mut self) {
        // Newman pushes the item's one execution record once per request (a script's
        // `pm.sendRequest` too), each request overwriting the record's request and
        // response: the report lists the final record that many times. An item whose
        // request was skipped (`pm.execution.skipRequest()`) leaves no execution.
        if let Some(map) = self.current.take().filter(|m| m.contains_key("request")) {
            // Newman's order: cursor, item, request, response, id, then what events added.
            let item = self.sdk.node(self.node).cloned().unwrap_or(Value::Null);
            let id = match self.script_request_id.take() {
                Some(id) => json!(id),
                None => item.get("id").cloned().unwrap_or(json!("")),
            };
            let mut record = Map::new();
            let mut rest = map;
            for key in ["cursor"] {
                if let Some(v) = rest.remove(key) {
                    record.insert(key.into(), v);
                }
            }
            record.insert("item".into(), item);
            for key in ["request", "response"] {
                if let Some(v) = rest.remove(key) {
                    record.insert(key.into(), v);
                }
            }
            record.insert("id".into(), id);
            record.extend(rest);
            // Test names, assertion and script error messages quote values too: the
            // record's strings go through the masker as it is written (the request and
            // response were masked field by field when they were recorded).
            for (key, value) in record.iter_mut() {
                if key != "request" && key != "response" {
                    mask_strings(value, &self.masker);
                }
            }
            let record = Value::Object(record);
            let body = self.body.take();
            let (masker, as_text) = (&self.masker, self.options.body_as_text);
            for _ in 0..self.requests.max(1) {
                self.executions.push_with(&record, &mut |out| match &body {
                    Some(body) => write_body(body, masker, as_text, out),
                    None => out.write_all(b"null"),
                });
            }
        }
    }
}

/// The `listen` of a script kind.
/// `kind`'s slot in [`JsonReporter::scripts_done`].
fn slot(kind: ScriptKind) -> usize {
    match kind {
        ScriptKind::PreRequest => 0,
        ScriptKind::Test => 1,
    }
}

fn listen(kind: ScriptKind) -> &'static str {
    match kind {
        ScriptKind::PreRequest => "prerequest",
        ScriptKind::Test => "test",
    }
}
