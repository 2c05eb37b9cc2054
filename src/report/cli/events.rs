//! The terminal reporter's reaction to each event of the run.

use super::CliReporter;
use crate::http::{HttpError, HttpRequest, HttpResponse};
use crate::report::format::{
    CONSOLE_WIDTH, console_lines, duration, inspect_string, locale_timestamp, size,
};
use crate::runner::{Event, ItemRef, Listener};
use crate::script::{AssertionResult, ConsoleLevel, ScriptError, ScriptKind};
use std::io::Write;

impl<W: Write> Listener for CliReporter<W> {
    fn on_event(&mut self, event: &Event<'_>) {
        let s = self.style;
        match event {
            Event::Start { collection, .. } => {
                if !self.options.no_banner {
                    self.line("postie");
                    self.line("");
                }
                self.line(&s.bold(collection));
            }
            Event::BeforeIteration { cursor } => {
                if cursor.iterations > 1 {
                    self.line("");
                    self.line(&format!(
                        "Iteration {}/{}",
                        cursor.iteration + 1,
                        cursor.iterations
                    ));
                }
            }
            Event::BeforeItem { item, .. } => self.item_start(item),
            Event::Request {
                request,
                display_url,
                response,
                credentials,
                body_mode,
                shown_headers,
                warnings,
                ..
            } => self.request(
                request,
                display_url,
                response,
                credentials,
                (*body_mode, shown_headers),
                warnings,
            ),
            Event::Assertion { assertion, .. } => self.assertion(assertion),
            Event::Script {
                kind,
                error,
                next_request,
                ..
            } => self.script(*kind, *error, *next_request),
            Event::Console {
                level,
                text,
                runtime,
                ..
            } => self.console(*level, text, *runtime),
            Event::RunError { message } => {
                self.line("");
                self.line(&s.red(&format!("error: {message}")));
            }
            // The blank line before the summary table (Newman prints none without it).
            Event::Done if !self.options.no_summary => self.line(""),
            Event::Done => self.close_console(),
            Event::Item { .. } => {
                // After the item's test scripts: where a test script sent the run next.
                if let Some(next) = self.next_request.take() {
                    self.line("");
                    self.line(&s.dim(&format!("Attempting to set next request to {next}")));
                }
            }
            Event::Iteration { .. } => {}
        }
    }
}

impl<W: Write> CliReporter<W> {
    /// `→ item`, after the folder line when the run enters another folder.
    fn item_start(&mut self, item: &ItemRef<'_>) {
        let y = self.symbols;
        self.line("");
        // The folder line is printed when the run enters another folder, as Newman's
        // reporter does (also across iterations).
        if item.folders != self.current_group.as_slice() {
            if !item.folders.is_empty() {
                self.line(&format!("{} {}", y.folder, item.folders.join(" / ")));
            }
            self.current_group = item.folders.to_vec();
        }
        let symbol = if item.folders.is_empty() {
            y.root
        } else {
            y.sub
        };
        self.line(&format!("{symbol} {}", item.name));
    }

    /// The request line `METHOD url [200 OK, 1.2kB, 45ms]` (and with `--verbose` the exchange);
    /// the URL as Newman shows it, written and resolved but not encoded. Runtime warnings that
    /// came while the request was out break the line as in Newman: `METHOD url`, their console
    /// box, then the detail on a line of its own.
    fn request(
        &mut self,
        request: &HttpRequest,
        display_url: &str,
        response: &Result<&HttpResponse, &HttpError>,
        credentials: &[String],
        shown: (Option<&str>, &[(String, String)]),
        warnings: &[String],
    ) {
        let s = self.style;
        self.masker.learn_request(request, credentials);
        let mut head = format!("  {} {display_url}", request.method);
        if self.options.show_timestamps {
            // Newman: `[` + `new Date().toLocaleString()` + `]`, two spaces, the request.
            let stamp = locale_timestamp(self.clock.now_millis(), self.clock.frozen);
            head = format!("  [{stamp}] {}", &head[1..]);
        }
        if !warnings.is_empty() && !self.options.no_console {
            self.close_console();
            self.write_start(&format!("{head} "));
            for warning in warnings {
                self.console(ConsoleLevel::Warn, warning, true);
            }
            self.close_console();
            head.clear();
        }
        match response {
            Ok(r) if self.options.verbose => {
                // Newman's request line under `--verbose`: the spinner's space, no detail.
                if !head.is_empty() {
                    self.line(&format!("{head}  "));
                }
                self.verbose_exchange(request, r, shown);
            }
            Ok(r) => {
                let detail = format!(
                    "[{} {}, {}, {}]",
                    r.status,
                    r.reason,
                    size(r.size_on_wire()),
                    duration(self.clock.duration(r.elapsed))
                );
                self.line(&joined(&head, &s.dim(&detail)));
            }
            Err(e) => {
                self.line(&joined(&head, &s.red("[errored]")));
                self.line(&format!("     {}", s.red(&e.message)));
                // A request error is one of the run's failures: the next numbered line
                // counts it, as Newman's numbers are the failures so far.
                self.failure_count += 1;
            }
        }
    }

    /// `[1:23:45 AM]` (Node's `toLocaleTimeString()`) with `--reporter-cli-show-timestamps`.
    fn time_stamp(&self) -> Option<String> {
        self.options.show_timestamps.then(|| {
            let stamp = locale_timestamp(self.clock.now_millis(), self.clock.frozen);
            let time = stamp.split_once(", ").map_or(stamp.as_str(), |(_, t)| t);
            format!("[{time}]")
        })
    }

    /// A passed, skipped or failed (numbered) assertion.
    fn assertion(&mut self, assertion: &AssertionResult) {
        let (s, y) = (self.style, self.symbols);
        let quiet = self.options.no_assertions
            || (self.options.no_success_assertions && assertion.error.is_none());
        if assertion.error.is_some() {
            self.failure_count += 1;
        }
        if quiet {
            return;
        }
        if assertion.skipped {
            // Newman prints `"  - "` and the name with a space between.
            self.line(&format!(
                "{} {}",
                s.cyan("  - "),
                s.cyan(&format!("[skipped] {}", assertion.name))
            ));
        } else if let Some(stamp) = self.time_stamp() {
            // `--reporter-cli-show-timestamps`: the time first, the failure number in two columns.
            let text = match assertion.error {
                Some(_) => s.red(&format!("{:>2}. {}", self.failure_count, assertion.name)),
                None => format!("  {}  {}", s.green(y.ok), s.dim(&assertion.name)),
            };
            self.line(&format!("  {}{text}", s.dim(&stamp)));
        } else if assertion.error.is_some() {
            // Newman pads the running failure number to three columns.
            let text = format!("{:>3}. {}", self.failure_count, assertion.name);
            self.line(&s.red(&text));
        } else {
            self.line(&format!("  {}  {}", s.green(y.ok), s.dim(&assertion.name)));
        }
    }

    /// A script's error (numbered), and where a test script sends the run next.
    fn script(
        &mut self,
        kind: ScriptKind,
        error: Option<&ScriptError>,
        next_request: Option<&str>,
    ) {
        let (s, y) = (self.style, self.symbols);
        if let (ScriptKind::Test, Some(next)) = (kind, next_request) {
            self.next_request = Some(next.to_string());
        }
        if let Some(error) = error {
            self.failure_count += 1;
            let text = format!(
                "{:>3}{} {} in {}-script",
                self.failure_count,
                y.dot,
                error.name,
                kind.event_name()
            );
            self.line(&s.red(&text));
        }
    }

    /// What a script printed, in a box shared by consecutive output.
    fn console(&mut self, level: ConsoleLevel, text: &str, runtime: bool) {
        let (s, y) = (self.style, self.symbols);
        if self.options.no_console {
            return;
        }
        let quoted;
        let text = if runtime {
            quoted = inspect_string(text);
            quoted.as_str()
        } else {
            text
        };
        // Masked before it is cut at the console width: a secret split over two lines would
        // not be recognised line by line.
        let text = self.masker.mask(text);
        let body: Vec<String> = console_lines(&text, CONSOLE_WIDTH)
            .into_iter()
            .map(|l| match level {
                ConsoleLevel::Warn => s.yellow(&l),
                ConsoleLevel::Error => s.red(&l),
                _ => l,
            })
            .collect();
        if let Some(stamp) = self.time_stamp() {
            // The time on a line of its own, after a blank one, closes any open box.
            self.line("");
            self.line(&format!("  {}", s.dim(&stamp)));
        }
        // Consecutive console output shares one box (Newman's buffered print).
        if !self.console_open {
            self.close_console();
            self.write_line(&s.dim(&format!("  {}", y.top)));
            self.console_open = true;
        }
        for l in body {
            self.write_line(&format!("  {} {l}", s.dim(y.middle)));
        }
    }
}

/// The request line's head and its detail, or the detail alone when the head was printed
/// already (a runtime warning broke the line).
fn joined(head: &str, detail: &str) -> String {
    if head.is_empty() {
        detail.to_string()
    } else {
        format!("{head} {detail}")
    }
}
