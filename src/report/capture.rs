//! Per-request records for the HTML report, taken from events. Bodies are capped when they are
//! collected (and all kept bodies share one budget), so a 100,000-request run does not keep every
//! response in memory. Everything is masked here, before it is stored.

use super::mask::{MASK, Masker};
use super::test_mode::Clock;
use crate::http::{HttpRequest, HttpResponse};
use crate::runner::{Cursor, Event, ItemRef, Listener};
use crate::script::ConsoleLevel;
use serde::Serialize;

/// Bytes of one body kept for the report.
pub const BODY_CAP: usize = 10 * 1024;

/// Bytes of bodies kept over the whole run; later bodies are left out.
pub const BODY_BUDGET: usize = 32 * 1024 * 1024;

/// Extra bytes read past the cap before masking, so a secret cut by the cap is still masked.
const MASK_SLACK: usize = 1024;

/// A request or response body as shown in the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Body {
    /// The text kept (at most [`BODY_CAP`] bytes), masked.
    pub text: String,
    /// The full size in bytes.
    pub size: usize,
    /// True when `text` is only the start of the body.
    pub truncated: bool,
    /// True when the body is not shown: binary, or the run's body budget is spent.
    pub omitted: bool,
    /// Why it was left out, when `omitted`.
    pub note: String,
}

/// One header.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// Name as sent or received.
    pub name: String,
    /// Value, masked.
    pub value: String,
}

/// The response of one execution.
#[derive(Debug, Clone, Serialize)]
pub struct ResponseRecord {
    /// Status code.
    pub code: u16,
    /// Reason phrase.
    pub reason: String,
    /// Headers in order.
    pub headers: Vec<Header>,
    /// Body (capped).
    pub body: Body,
    /// Response time in milliseconds (0 in test mode).
    pub time_ms: u64,
}

/// One assertion of one execution.
#[derive(Debug, Clone, Serialize)]
pub struct AssertionRecord {
    /// Test name.
    pub name: String,
    /// True for `pm.test.skip`.
    pub skipped: bool,
    /// `AssertionError: message` when it failed.
    pub error: Option<String>,
}

/// One console line.
#[derive(Debug, Clone, Serialize)]
pub struct ConsoleRecord {
    /// `log`, `info`, `warn` or `error`.
    pub level: &'static str,
    /// Text, masked.
    pub text: String,
}

/// One run of one item in one iteration.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Execution {
    /// 1-based number in run order.
    pub number: usize,
    /// 1-based iteration.
    pub iteration: usize,
    /// `Folder / Request`.
    pub name: String,
    /// Item id, else its name: groups executions of the same item.
    pub key: String,
    /// The item's own id, if it has one.
    pub item_id: Option<String>,
    /// The item's own name (masked), without its folders.
    pub item_name: String,
    /// Names of the folders around the item (masked), outermost first.
    pub folders: Vec<String>,
    /// 0-based position of the item in the run's plan.
    pub position: usize,
    /// Method as sent.
    pub method: String,
    /// Resolved URL, masked.
    pub url: String,
    /// Request headers as sent (Authorization masked unless secrets are shown).
    pub request_headers: Vec<Header>,
    /// Request body, if any.
    pub request_body: Option<Body>,
    /// The response, if one arrived.
    pub response: Option<ResponseRecord>,
    /// Why no response arrived.
    pub request_error: Option<String>,
    /// True when no request was sent (`pm.execution.skipRequest()`).
    pub request_skipped: bool,
    /// Assertions in order.
    pub assertions: Vec<AssertionRecord>,
    /// Script errors, e.g. `TypeError in test-script: x is undefined`.
    pub script_errors: Vec<String>,
    /// Console output in order.
    pub console: Vec<ConsoleRecord>,
    /// True when anything of it failed.
    pub failed: bool,
}

/// At most this many passed and this many failed executions are kept in detail; beyond that
/// they are only counted, so a 100,000-request run keeps memory (and the page) bounded.
pub const MAX_DETAILED: usize = 1_000;

/// Options of the capture.
#[derive(Debug, Clone, Copy)]
pub struct CaptureOptions {
    /// Mask `Authorization` and `Proxy-Authorization` header values (off with `--show-secrets`).
    pub mask_authorization: bool,
    /// Times and ids.
    pub clock: Clock,
}

/// A listener recording every execution for the HTML report.
pub struct Capture {
    masker: Masker,
    options: CaptureOptions,
    budget_left: usize,
    current: Option<Execution>,
    /// Executions in run order (at most [`MAX_DETAILED`] passed and as many failed).
    pub executions: Vec<Execution>,
    /// Executions not kept because of [`MAX_DETAILED`].
    pub omitted: usize,
    kept_passed: usize,
    kept_failed: usize,
    seen: usize,
    /// Collection name.
    pub collection: String,
    /// Iterations planned.
    pub iterations: usize,
    /// When the run started (milliseconds since the epoch, frozen in test mode).
    pub started: u128,
}

fn console_level(level: ConsoleLevel) -> &'static str {
    match level {
        ConsoleLevel::Log => "log",
        ConsoleLevel::Info => "info",
        ConsoleLevel::Warn => "warn",
        ConsoleLevel::Error => "error",
    }
}

impl Capture {
    /// A capture masking with `masker`.
    pub fn new(masker: Masker, options: CaptureOptions) -> Self {
        Capture {
            masker,
            options,
            budget_left: BODY_BUDGET,
            current: None,
            executions: Vec::new(),
            omitted: 0,
            kept_passed: 0,
            kept_failed: 0,
            seen: 0,
            collection: String::new(),
            iterations: 0,
            started: options.clock.now_millis(),
        }
    }

    /// The masker everything captured went through (it has learned each request's credentials).
    pub fn masker(&self) -> &Masker {
        &self.masker
    }

    fn mask(&self, text: &str) -> String {
        self.masker.mask(text).into_owned()
    }

    /// `bytes` as a capped, masked body.
    fn body(&mut self, bytes: &[u8]) -> Body {
        self.body_of(bytes, bytes.len())
    }

    /// A response body as a capped, masked body: only its first bytes are read.
    fn response_body(&mut self, body: &crate::http::response_body::ResponseBody) -> Body {
        let size = usize::try_from(body.len()).unwrap_or(usize::MAX);
        self.body_of(&body.prefix(BODY_CAP + MASK_SLACK), size)
    }

    /// `bytes`, the start of a body of `size` bytes, as a capped, masked body.
    fn body_of(&mut self, bytes: &[u8], size: usize) -> Body {
        let mut body = Body {
            size,
            ..Body::default()
        };
        if bytes.is_empty() {
            return body;
        }
        if self.budget_left == 0 {
            body.omitted = true;
            body.note = "left out: the report's body budget is spent".into();
            return body;
        }
        let window = &bytes[..bytes.len().min(BODY_CAP + MASK_SLACK)];
        let text = match std::str::from_utf8(window) {
            Ok(t) => t,
            // Cut in the middle of a character: keep the whole characters before it.
            Err(e) if e.error_len().is_none() => {
                std::str::from_utf8(&window[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(_) => {
                body.omitted = true;
                body.note = "binary body".into();
                return body;
            }
        };
        let masked = self.masker.mask(text);
        let mut cut = masked.len().min(BODY_CAP);
        while !masked.is_char_boundary(cut) {
            cut -= 1;
        }
        body.text = masked[..cut].to_string();
        body.truncated = cut < masked.len() || window.len() < size;
        if body.truncated {
            body.note = format!(
                "Showing the first {} KiB of {} bytes.",
                BODY_CAP / 1024,
                size
            );
        }
        self.budget_left = self.budget_left.saturating_sub(body.text.len());
        body
    }

    fn headers(&self, headers: &[(String, String)], request: bool) -> Vec<Header> {
        let clock = self.options.clock;
        headers
            .iter()
            .map(|(name, value)| {
                let secret = request
                    && self.options.mask_authorization
                    && (name.eq_ignore_ascii_case("authorization")
                        || name.eq_ignore_ascii_case("proxy-authorization"));
                Header {
                    name: name.clone(),
                    value: if secret {
                        MASK.to_string()
                    } else {
                        self.mask(clock.header_value(name, value))
                    },
                }
            })
            .collect()
    }

    /// A console line of the current item, masked.
    fn on_console(&mut self, level: ConsoleLevel, text: &str) {
        let text = self.mask(text);
        if let Some(e) = self.current.as_mut() {
            e.console.push(ConsoleRecord {
                level: console_level(level),
                text,
            });
        }
    }

    fn on_request(&mut self, request: &HttpRequest, response: Result<&HttpResponse, &str>) {
        let url = self.mask(&request.url);
        let request_headers = self.headers(&request.headers, true);
        let request_body = request.body.as_deref().map(|b| self.body(b));
        let response = match response {
            Ok(r) => Ok(ResponseRecord {
                code: r.status,
                reason: r.reason.clone(),
                headers: self.headers(&r.headers, false),
                body: self.response_body(&r.body),
                time_ms: self.options.clock.duration(r.elapsed).as_millis() as u64,
            }),
            Err(message) => Err(self.mask(message)),
        };
        if let Some(e) = self.current.as_mut() {
            e.method = request.method.clone();
            e.url = url;
            e.request_headers = request_headers;
            e.request_body = request_body;
            e.request_skipped = false;
            match response {
                Ok(r) => e.response = Some(r),
                Err(message) => {
                    e.request_error = Some(message);
                    e.failed = true;
                }
            }
        }
    }

    fn begin(&mut self, cursor: &Cursor, item: &ItemRef<'_>) {
        let name = self.mask(&item.full_name());
        self.current = Some(Execution {
            number: self.seen + 1,
            iteration: cursor.iteration + 1,
            key: item.id.map_or_else(|| name.clone(), str::to_string),
            item_id: item.id.map(str::to_string),
            item_name: self.mask(item.name),
            folders: item.folders.iter().map(|f| self.mask(f)).collect(),
            position: cursor.position,
            name,
            request_skipped: true,
            ..Execution::default()
        });
    }
}

impl Capture {
    /// An assertion of the current execution (masked; a failure fails the execution).
    fn on_assertion(&mut self, event: &Event<'_>) {
        let Event::Assertion { assertion, .. } = event else {
            return;
        };
        let record = AssertionRecord {
            name: self.mask(&assertion.name),
            skipped: assertion.skipped,
            error: assertion
                .error
                .as_ref()
                .map(|e| self.mask(&format!("{}: {}", e.name, e.message))),
        };
        if let Some(e) = self.current.as_mut() {
            e.failed |= record.error.is_some();
            e.assertions.push(record);
        }
    }

    /// A script that threw: its error (masked) fails the current execution.
    fn on_script(&mut self, event: &Event<'_>) {
        let Event::Script {
            kind,
            error: Some(error),
            ..
        } = event
        else {
            return;
        };
        let text = self.mask(&format!(
            "{} in {}-script: {}",
            error.name,
            kind.event_name(),
            error.message
        ));
        if let Some(e) = self.current.as_mut() {
            e.script_errors.push(text);
            e.failed = true;
        }
    }

    /// The end of an item: its execution is kept in detail while fewer than `MAX_DETAILED`
    /// of its kind (failed or passed) are, otherwise only counted as omitted.
    fn end(&mut self) {
        if let Some(e) = self.current.take() {
            self.seen += 1;
            let kept = if e.failed {
                &mut self.kept_failed
            } else {
                &mut self.kept_passed
            };
            if *kept < MAX_DETAILED {
                *kept += 1;
                self.executions.push(e);
            } else {
                self.omitted += 1;
            }
        }
    }
}

impl Listener for Capture {
    fn on_event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start {
                collection,
                iterations,
                ..
            } => {
                self.collection = self.mask(collection);
                self.iterations = *iterations;
                self.started = self.options.clock.now_millis();
            }
            Event::BeforeItem { cursor, item } => self.begin(cursor, item),
            Event::Request {
                request,
                response,
                credentials,
                warnings,
                ..
            } => {
                for warning in *warnings {
                    self.on_console(ConsoleLevel::Warn, warning);
                }
                // Learned before anything of this request is stored masked.
                self.masker.learn_request(request, credentials);
                let response = response.map_err(|e| e.message.as_str());
                self.on_request(request, response);
            }
            Event::Console { level, text, .. } => self.on_console(*level, text),
            Event::Assertion { .. } => self.on_assertion(event),
            Event::Script { .. } => self.on_script(event),
            Event::Item { .. } => self.end(),
            Event::BeforeIteration { .. }
            | Event::Iteration { .. }
            | Event::RunError { .. }
            | Event::Done => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{SECRET, replay};

    /// A capture of the fixture run; `mask_authorization: false` is `--show-secrets`, which
    /// comes with a masker that masks nothing.
    fn capture(mask_authorization: bool) -> Capture {
        let masker = if mask_authorization {
            Masker::new([SECRET.to_string()])
        } else {
            Masker::disabled()
        };
        let mut capture = Capture::new(
            masker,
            CaptureOptions {
                mask_authorization,
                clock: Clock { frozen: true },
            },
        );
        replay(&mut capture);
        capture
    }

    #[test]
    fn capture_keeps_at_most_max_detailed_passed_executions() {
        let mut c = Capture::new(
            Masker::new(Vec::new()),
            CaptureOptions {
                mask_authorization: true,
                clock: Clock { frozen: true },
            },
        );
        let folders: Vec<String> = Vec::new();
        let item = ItemRef {
            id: None,
            name: "r",
            folders: &folders,
            node: 0,
        };
        let cursor = Cursor::default();
        for _ in 0..MAX_DETAILED + 5 {
            c.on_event(&Event::BeforeItem { cursor, item });
            c.on_event(&Event::Item {
                cursor,
                item,
                tested: true,
            });
        }
        assert_eq!(c.executions.len(), MAX_DETAILED);
        assert_eq!(c.omitted, 5);
    }

    #[test]
    fn capture_records_each_execution_masked() {
        let c = capture(true);
        assert_eq!(c.executions.len(), 4);
        let login = &c.executions[0];
        assert_eq!(login.name, "Auth <&> / Log in");
        assert_eq!(login.url, "http://127.0.0.1:1/auth?key=********");
        assert_eq!(login.request_headers[0].value, MASK);
        let body = login.request_body.as_ref().map(|b| b.text.as_str());
        assert_eq!(body, Some("{\"password\":\"********\"}"));
        assert_eq!(login.console[0].text, "logging in <now>");
        assert!(login.failed && login.assertions.len() == 2);
        assert_eq!(login.response.as_ref().map(|r| r.time_ms), Some(0));
        let list = &c.executions[1];
        assert!(list.request_error.is_some() && list.script_errors.len() == 1);
        assert_eq!(list.iteration, 1);
        assert_eq!(c.executions[3].iteration, 2);
        let shown = capture(false);
        assert_eq!(shown.executions[0].request_headers[0].value, "Bearer abc");
    }

    #[test]
    fn capture_caps_bodies_and_spots_binary() {
        let mut c = capture(true);
        let big = "é".repeat(BODY_CAP);
        let body = c.body(big.as_bytes());
        assert!(body.truncated && body.text.len() <= BODY_CAP && body.size == big.len());
        let binary = c.body(&[0xff, 0xfe, 0x00, 0x41]);
        assert!(binary.omitted && binary.text.is_empty());
        c.budget_left = 0;
        assert!(c.body(b"hello").omitted);
    }
}
