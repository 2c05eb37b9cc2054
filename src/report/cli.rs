//! The terminal reporter, mirroring Newman's `cli` reporter: the collection name, `→ item` lines,
//! the request line `METHOD url [200 OK, 1.2kB, 45ms]`, `✓` passes and numbered failures as they
//! happen, console output, then the summary table and the failure list. Secrets are masked.

use super::format::{CONSOLE_WIDTH, console_lines, duration, inspect_string, size};
use super::mask::Masker;
use super::style::Style;
use super::summary::RunSummary;
use super::symbols::Symbols;
use super::test_mode::Clock;
use crate::runner::{Event, Listener};
use crate::script::ConsoleLevel;
use std::io::Write;

/// Options of the terminal reporter.
#[derive(Debug, Clone, Default)]
pub struct CliOptions {
    /// Colour output.
    pub style: Option<Style>,
    /// `--verbose`: request and response headers and bodies.
    pub verbose: bool,
    /// `--reporter-cli-no-summary`: no summary table.
    pub no_summary: bool,
    /// `--reporter-cli-no-failures`: no failure list.
    pub no_failures: bool,
    /// `--reporter-cli-no-assertions`: no assertion lines.
    pub no_assertions: bool,
    /// `--reporter-cli-no-success-assertions`: only failed assertions.
    pub no_success_assertions: bool,
    /// `--reporter-cli-no-console`: no console output.
    pub no_console: bool,
    /// `--reporter-cli-no-banner`: no `postie` banner.
    pub no_banner: bool,
    /// `--reporter-cli-show-timestamps`: prefix request lines with the UTC time.
    pub show_timestamps: bool,
    /// `--disable-unicode`: plain words and ASCII instead of Unicode glyphs.
    pub disable_unicode: bool,
}

/// Writes the run as it happens to `out`.
pub struct CliReporter<W: Write> {
    out: W,
    style: Style,
    masker: Masker,
    options: CliOptions,
    symbols: Symbols,
    clock: Clock,
    failure_count: usize,
    broken: bool,
}

impl<W: Write> CliReporter<W> {
    /// A reporter writing to `out`, masking with `masker`.
    pub fn new(out: W, options: &CliOptions, masker: Masker) -> Self {
        CliReporter {
            out,
            style: options.style.unwrap_or(Style { color: false }),
            masker,
            options: options.clone(),
            symbols: Symbols::pick(options.disable_unicode),
            clock: Clock::from_env(),
            failure_count: 0,
            broken: false,
        }
    }

    fn line(&mut self, text: &str) {
        if self.broken {
            return;
        }
        let masked = self.masker.mask(text);
        if writeln!(self.out, "{masked}").is_err() {
            // A closed pipe (e.g. `| head`) is not an error of the run.
            self.broken = true;
        }
    }

    /// Print the summary table and the failure list.
    pub fn finish(&mut self, summary: &RunSummary) {
        if !self.options.no_summary {
            self.summary_table(summary);
        }
        if !self.options.no_failures {
            self.failure_list(summary);
        }
        if !self.broken {
            let _ = self.out.flush();
        }
    }

    fn summary_table(&mut self, summary: &RunSummary) {
        let s = self.style;
        let rows = [
            ("iterations", summary.stats.iterations),
            ("requests", summary.stats.requests),
            ("test-scripts", summary.stats.test_scripts),
            ("prerequest-scripts", summary.stats.prerequest_scripts),
            ("assertions", summary.stats.assertions),
        ];
        let mut footer = vec![
            format!(
                "total run duration: {}",
                duration(self.clock.duration(summary.duration))
            ),
            format!(
                "total data received: {} (approx)",
                size(summary.bytes_received)
            ),
        ];
        if let Some((mean, min, max, sd)) = summary.response_time_stats() {
            footer.push(format!(
                "average response time: {} [min: {}, max: {}, s.d.: {}]",
                duration(self.clock.duration(mean)),
                duration(self.clock.duration(min)),
                duration(self.clock.duration(max)),
                duration(self.clock.duration(sd))
            ));
        }
        // The first column widens so the footer lines fit, as cli-table3 does for Newman.
        let widest = footer.iter().map(|f| f.chars().count()).max().unwrap_or(0);
        let first = widest.saturating_sub(22).max(23);
        let inner = first + 22;
        let y = self.symbols;
        let [
            top_left,
            top_mid,
            top_right,
            left_mid,
            mid_mid,
            right_mid,
            bottom_mid,
            bottom_left,
            bottom_right,
        ] = y.joints;
        let (h, v) = (y.h, y.v);
        let rule = |left: &str, mid: &str, right: &str| {
            format!(
                "{left}{}{mid}{}{mid}{}{right}",
                h.repeat(first + 2),
                h.repeat(10),
                h.repeat(10)
            )
        };
        self.line(&rule(top_left, top_mid, top_right));
        self.line(&format!("{v} {:first$} {v} executed {v}   failed {v}", ""));
        self.line(&rule(left_mid, mid_mid, right_mid));
        for (i, (name, c)) in rows.iter().enumerate() {
            let failed = format!("{:>8}", c.failed);
            let failed = if c.failed > 0 { s.red(&failed) } else { failed };
            self.line(&format!(
                "{v} {name:>first$} {v} {:>8} {v} {failed} {v}",
                c.executed
            ));
            if i + 1 < rows.len() {
                self.line(&rule(left_mid, mid_mid, right_mid));
            }
        }
        self.line(&rule(left_mid, bottom_mid, right_mid));
        for (i, text) in footer.iter().enumerate() {
            let pad = inner - text.chars().count();
            self.line(&format!("{v} {text}{} {v}", " ".repeat(pad)));
            let line = h.repeat(inner + 2);
            if i + 1 < footer.len() {
                self.line(&format!("{left_mid}{line}{right_mid}"));
            } else {
                self.line(&format!("{bottom_left}{line}{bottom_right}"));
            }
        }
    }

    fn failure_list(&mut self, summary: &RunSummary) {
        let s = self.style;
        if !summary.failures.is_empty() {
            self.line("");
            self.line(&format!("  #  {:<20}detail", "failure"));
            self.line("");
            for (i, f) in summary.failures.iter().enumerate() {
                let number = format!("{:>2}.", i + 1);
                let title = if f.test.is_empty() {
                    f.message.clone()
                } else {
                    f.test.clone()
                };
                self.line(&format!(
                    " {}  {:<20}{}",
                    s.red(&number),
                    s.red(&f.error_name),
                    title
                ));
                let pad = " ".repeat(25);
                if !f.test.is_empty() {
                    self.line(&format!("{pad}{}", f.message));
                }
                self.line(&format!("{pad}{}", s.dim(&format!("at {}", f.at))));
                let mut inside = format!("inside \"{}\"", f.path);
                if summary.iterations > 1 {
                    inside.push_str(&format!(", iteration: {}", f.iteration + 1));
                }
                self.line(&format!("{pad}{}", s.dim(&inside)));
                self.line("");
            }
        }
    }
}

impl<W: Write> Listener for CliReporter<W> {
    fn on_event(&mut self, event: &Event<'_>) {
        let s = self.style;
        let y = self.symbols;
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
            Event::BeforeItem { item, .. } => {
                self.line("");
                if item.folders.is_empty() {
                    self.line(&format!("{} {}", y.root, item.name));
                } else {
                    self.line(&format!("{} {}", y.folder, item.folders.join(" / ")));
                    self.line(&format!("{} {}", y.sub, item.name));
                }
            }
            Event::Request {
                request,
                response,
                credentials,
                ..
            } => {
                self.masker.learn_request(request, credentials);
                let mut head = format!("  {} {}", request.method, request.url);
                if self.options.show_timestamps {
                    let iso = self.clock.iso(self.clock.now_millis());
                    let time = iso.get(11..23).unwrap_or(&iso);
                    head = format!("  [{time}]{}", &head[1..]);
                }
                match response {
                    Ok(r) => {
                        let detail = format!(
                            "[{} {}, {}, {}]",
                            r.status,
                            r.reason,
                            size(r.size_on_wire()),
                            duration(self.clock.duration(r.elapsed))
                        );
                        self.line(&format!("{head} {}", s.dim(&detail)));
                        if self.options.verbose {
                            self.verbose_exchange(request, r);
                        }
                    }
                    Err(e) => {
                        self.line(&format!("{head} {}", s.red("[errored]")));
                        self.line(&format!("     {}", s.red(&e.message)));
                    }
                }
            }
            Event::Assertion { assertion, .. } => {
                let quiet = self.options.no_assertions
                    || (self.options.no_success_assertions && assertion.error.is_none());
                if assertion.error.is_some() {
                    self.failure_count += 1;
                }
                if quiet {
                    return;
                }
                if assertion.skipped {
                    self.line(&format!(
                        "  {}",
                        s.cyan(&format!("- [skipped] {}", assertion.name))
                    ));
                } else if assertion.error.is_some() {
                    let text = format!("{:>2}. {}", self.failure_count, assertion.name);
                    self.line(&format!("  {}", s.red(&text)));
                } else {
                    self.line(&format!("  {}  {}", s.green(y.ok), s.dim(&assertion.name)));
                }
            }
            Event::Script { kind, error, .. } => {
                if let Some(error) = error {
                    self.failure_count += 1;
                    let text = format!(
                        "{:>2}{} {} in {}-script",
                        self.failure_count,
                        y.dot,
                        error.name,
                        kind.event_name()
                    );
                    self.line(&format!("  {}", s.red(&text)));
                }
            }
            Event::Console {
                level,
                text,
                runtime,
                ..
            } => {
                if self.options.no_console {
                    return;
                }
                let quoted;
                let text = if *runtime {
                    quoted = inspect_string(text);
                    quoted.as_str()
                } else {
                    text
                };
                let body: Vec<String> = console_lines(text, CONSOLE_WIDTH)
                    .into_iter()
                    .map(|l| match level {
                        ConsoleLevel::Warn => s.yellow(&l),
                        ConsoleLevel::Error => s.red(&l),
                        _ => l,
                    })
                    .collect();
                self.line(&s.dim(&format!("  {}", y.top)));
                for l in body {
                    self.line(&format!("  {} {l}", s.dim(y.middle)));
                }
                self.line(&s.dim(&format!("  {}", y.bottom)));
            }
            Event::RunError { message } => {
                self.line("");
                self.line(&s.red(&format!("error: {message}")));
            }
            Event::Done => self.line(""),
            Event::Item { .. } | Event::Iteration { .. } => {}
        }
    }
}

impl<W: Write> CliReporter<W> {
    fn verbose_exchange(
        &mut self,
        request: &crate::http::HttpRequest,
        r: &crate::http::HttpResponse,
    ) {
        const CLIP: usize = 2048;
        let s = self.style;
        let (bar, split, bottom) = (self.symbols.middle, self.symbols.split, self.symbols.bottom);
        for (k, v) in &request.headers {
            let v = self.masker.header_value(k, v).into_owned();
            self.line(&s.dim(&format!("  {bar} {k}: {v}")));
        }
        if let Some(body) = &request.body {
            let text = String::from_utf8_lossy(&body[..body.len().min(CLIP)]).into_owned();
            for l in text.lines() {
                self.line(&s.dim(&format!("  {bar} {l}")));
            }
        }
        self.line(&s.dim(&format!("  {split}")));
        for (k, v) in &r.headers {
            self.line(&s.dim(&format!("  {bar} {k}: {v}")));
        }
        let text = String::from_utf8_lossy(&r.body.prefix(CLIP)).into_owned();
        for l in text.lines() {
            self.line(&s.dim(&format!("  {bar} {l}")));
        }
        self.line(&s.dim(&format!("  {bottom}")));
    }
}
