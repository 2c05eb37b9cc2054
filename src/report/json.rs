//! The JSON reporter in Newman's shape (`-r json`): top-level `collection`, `environment`,
//! `globals` and `run` with `stats`, `timings`, `executions`, `transfers`, `failures` and `error`.
//! Executions are streamed to a [`Spool`] as each item finishes, so a long run does not
//! hold them in memory; the export step writes the file. In test mode (`POSTIE_TEST_MODE=1`)
//! times, durations, response ids and `Date` headers are frozen.

use super::format::assertion_stack;
use super::json_parts::{assertion_json, cursor_json, item_json, request_error_json, script_json};
use super::mask::Masker;
use super::reporter::{Artifact, Finished, Spool};
use super::summary::{Counter, RunSummary};
use super::test_mode::Clock;
use crate::collection::PrettyOptions;
use crate::http::response_body::ResponseBody;
use crate::http::{HttpRequest, HttpResponse};
use crate::runner::{Event, Listener};
use crate::script::ScriptKind;
use serde_json::{Map, Value, json};
use std::borrow::Cow;
use std::io::Write;
use std::time::Duration;

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
}

/// A response body as the report holds it, masked: Newman's byte array (`[123,34,…]`), or a
/// JSON string with `--reporter-json-body-as-text`. A body in memory is masked when it is
/// UTF-8 text; a large one is masked piece by piece as it is read back, whatever its bytes.
fn write_body(
    body: &ResponseBody,
    masker: &Masker,
    as_text: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let masked_text;
    let in_memory = match body.in_memory() {
        Some(bytes) => {
            masked_text = std::str::from_utf8(bytes).ok().map(|t| masker.mask(t));
            Some(match &masked_text {
                Some(Cow::Owned(text)) => text.as_bytes(),
                _ => bytes,
            })
        }
        None => None,
    };
    if as_text {
        let text = match in_memory {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None => {
                let mut masked = Vec::new();
                masker.mask_stream(&mut body.reader(), &mut masked)?;
                String::from_utf8_lossy(&masked).into_owned()
            }
        };
        return serde_json::to_writer(out, &text).map_err(std::io::Error::other);
    }
    let mut array = ByteArray { out, first: true };
    array.out.write_all(b"[")?;
    match in_memory {
        Some(bytes) => array.write_all(bytes)?,
        None => masker.mask_stream(&mut body.reader(), &mut array)?,
    }
    array.out.write_all(b"]")
}

/// Writes bytes as the numbers of a JSON array (`1,2,3`; the brackets are the caller's).
struct ByteArray<'a> {
    out: &'a mut dyn Write,
    first: bool,
}

impl Write for ByteArray<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let buf = &buf[..buf.len().min(64 * 1024)];
        let mut text = Vec::with_capacity(buf.len() * 4);
        for &b in buf {
            if !std::mem::take(&mut self.first) {
                text.push(b',');
            }
            if b >= 100 {
                text.push(b'0' + b / 100);
            }
            if b >= 10 {
                text.push(b'0' + b / 10 % 10);
            }
            text.push(b'0' + b % 10);
        }
        self.out.write_all(&text)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
    pub fn new(options: JsonOptions, masker: Masker, executions: Box<dyn Spool>) -> Self {
        JsonReporter {
            options,
            masker,
            executions,
            current: None,
            requests: 0,
            body: None,
            started: Clock::from_env().now_millis(),
            clock: Clock::from_env(),
        }
    }

    fn request_json(&self, request: &HttpRequest) -> Value {
        let mut map = Map::new();
        map.insert(
            "url".into(),
            crate::http::url_encode::report_object(&self.masker.mask(&request.url)),
        );
        map.insert("method".into(), json!(request.method));
        map.insert(
            "header".into(),
            headers_json(&request.headers, &self.masker, self.clock),
        );
        if let Some(body) = &request.body {
            map.insert(
                "body".into(),
                json!({"mode": "raw", "raw": self.masker.mask(&String::from_utf8_lossy(body))}),
            );
        }
        Value::Object(map)
    }

    fn response_json(&self, response: &HttpResponse) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.clock.id()));
        map.insert("status".into(), json!(response.reason));
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

    /// The report to write: the whole document, given the summary, the collection's document
    /// (written from its kept text, not as a tree) and the final environment and globals,
    /// around the executions streamed so far.
    pub fn artifact<'a>(self, run: &Finished<'a>) -> Artifact<'a> {
        let doc = self.document(
            run.summary,
            run.variables.environment.clone(),
            run.variables.globals.clone(),
        );
        let JsonReporter {
            executions, masker, ..
        } = self;
        let collection = run.collection;
        Artifact::Spooled {
            spool: executions,
            doc,
            value: Box::new(move |out| {
                let mask = |text: &str| match masker.mask(text) {
                    Cow::Owned(masked) => Some(masked),
                    Cow::Borrowed(_) => None,
                };
                let options = PrettyOptions {
                    indent: b"  ",
                    replace: None,
                    mask: Some(&mask),
                };
                // The collection is one level down in the report.
                collection.write_pretty(&mut Indented { inner: out }, &options)
            }),
        }
    }

    fn document(&self, summary: &RunSummary, environment: Value, globals: Value) -> Value {
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
            .map(|f| {
                let error = match f.assertion {
                    Some((index, position)) => json!({
                        "name": f.error_name,
                        "index": index,
                        "test": f.test,
                        "message": f.message,
                        "stack": assertion_stack(&f.error_name, &f.message, index, position),
                    }),
                    None => json!({
                        "name": f.error_name,
                        "message": f.message,
                        "stack": format!("{}: {}", f.error_name, f.message),
                    }),
                };
                json!({
                    "error": error,
                    "at": f.at,
                    "source": {"name": f.source},
                    "parent": {},
                    "cursor": {"iteration": f.iteration},
                })
            })
            .collect();
        let completed = self.started + self.clock.duration(summary.duration).as_millis();
        let mut environment = environment;
        let mut globals = globals;
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

    /// The item finished: write its execution record.
    fn write_record(&mut self) {
        // Newman pushes the item's one execution record once per request (a script's
        // `pm.sendRequest` too), each request overwriting the record's request and
        // response: the report lists the final record that many times. An item whose
        // request was skipped (`pm.execution.skipRequest()`) leaves no execution.
        if let Some(map) = self.current.take().filter(|m| m.contains_key("request")) {
            let mut map = map;
            // Test names, assertion and script error messages quote values too: the
            // record's strings go through the masker as it is written (the request and
            // response were masked field by field when they were recorded).
            for (key, value) in map.iter_mut() {
                if key != "request" && key != "response" {
                    mask_strings(value, &self.masker);
                }
            }
            let record = Value::Object(map);
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

/// `run.stats` in Newman's shape: `{total, pending, failed}` per category.
pub(super) fn stats_json(summary: &RunSummary) -> Value {
    let counter = |c: Counter| json!({"total": c.executed, "pending": 0, "failed": c.failed});
    let st = &summary.stats;
    json!({
        "iterations": counter(st.iterations),
        "items": counter(st.items),
        "scripts": counter(Counter {
            executed: st.test_scripts.executed + st.prerequest_scripts.executed,
            failed: st.test_scripts.failed + st.prerequest_scripts.failed,
        }),
        "prerequests": counter(Counter { executed: st.items.executed, failed: 0 }),
        "requests": counter(st.requests),
        "tests": counter(Counter { executed: st.items.executed, failed: 0 }),
        "assertions": counter(st.assertions),
        "testScripts": counter(st.test_scripts),
        "prerequestScripts": counter(st.prerequest_scripts),
    })
}

/// Writes through to `inner` with one level of the report's indentation after every line break:
/// a value written at the top level lands one level down.
struct Indented<'w> {
    inner: &'w mut dyn Write,
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.inner.write_all(first)?;
        }
        for line in lines {
            self.inner.write_all(b"\n  ")?;
            self.inner.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Mask every string inside `value`.
pub(super) fn mask_strings(value: &mut Value, masker: &Masker) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(masked) = masker.mask(text) {
                *text = masked;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| mask_strings(v, masker)),
        Value::Object(map) => map.values_mut().for_each(|v| mask_strings(v, masker)),
        _ => {}
    }
}

impl Listener for JsonReporter {
    fn on_event(&mut self, event: &Event<'_>) {
        match event {
            Event::BeforeItem { cursor, item } => {
                let mut map = Map::new();
                map.insert("cursor".into(), cursor_json(cursor));
                map.insert("item".into(), item_json(item));
                map.insert("id".into(), json!(item.id.unwrap_or("")));
                map.insert("assertions".into(), json!([]));
                self.current = Some(map);
                self.requests = 0;
            }
            Event::Request {
                request,
                response,
                credentials,
                ..
            } => {
                self.masker.learn_request(request, credentials);
                let request_json = self.request_json(request);
                let response_json = response.as_ref().ok().map(|r| self.response_json(r));
                self.body = response.as_ref().ok().map(|r| r.body.clone());
                if let Some(map) = self.current.as_mut() {
                    self.requests += 1;
                    map.insert("request".into(), request_json);
                    match (response, response_json) {
                        (Ok(_), Some(r)) => {
                            map.insert("response".into(), r);
                        }
                        (Err(e), _) => {
                            map.remove("response");
                            map.insert("requestError".into(), request_error_json(e));
                        }
                        _ => {}
                    }
                }
            }
            Event::Assertion {
                assertion, cursor, ..
            } => {
                if let Some(Value::Array(list)) =
                    self.current.as_mut().and_then(|m| m.get_mut("assertions"))
                {
                    list.push(assertion_json(assertion, cursor.position));
                }
            }
            Event::Script { kind, error, .. } => {
                let key = match kind {
                    ScriptKind::PreRequest => "prerequestScript",
                    ScriptKind::Test => "testScript",
                };
                if let Some(map) = self.current.as_mut() {
                    let entry = map.entry(key).or_insert_with(|| json!([]));
                    if let Value::Array(list) = entry {
                        list.push(script_json(*error));
                    }
                }
            }
            Event::Item { .. } => self.write_record(),
            Event::Start { .. } => self.started = self.clock.now_millis(),
            Event::BeforeIteration { .. }
            | Event::Console { .. }
            | Event::Iteration { .. }
            | Event::RunError { .. }
            | Event::Done => {}
        }
    }
}
