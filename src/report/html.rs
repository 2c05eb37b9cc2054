//! The HTML reporter (`-r html`): one self-contained page (inline CSS, JavaScript and SVG, no
//! external assets) rendered with handlebars from the captured executions and the run summary.
//! The run summary and failures come first, then a response-time chart, then every request.
//! It only renders; the export step writes the text [`HtmlReporter::document`] returns.

use super::capture::{Capture, CaptureOptions, Execution};
use super::chart::response_time_svg;
use super::format::{duration, size};
use super::mask::Masker;
use super::summary::RunSummary;
use super::test_mode::Clock;
use crate::diagnostic::Diagnostic;
use crate::runner::{Event, Listener};
use handlebars::Handlebars;
use serde::Serialize;

const TEMPLATE: &str = include_str!("templates/report.hbs");
const CSS: &str = include_str!("templates/report.css");
const SCRIPT: &str = include_str!("templates/report.js");

/// Options of the HTML reporter.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlOptions {
    /// `--show-secrets`: show `Authorization` header values.
    pub show_secrets: bool,
}

/// Collects the run and renders the HTML report.
pub struct HtmlReporter {
    capture: Capture,
    masker: Masker,
    clock: Clock,
}

#[derive(Serialize)]
struct StatRow {
    name: &'static str,
    executed: usize,
    failed: usize,
}

#[derive(Serialize)]
struct FailureView {
    number: usize,
    error_name: String,
    title: String,
    message: String,
    at: String,
    source: String,
    iteration: usize,
    show_iteration: bool,
    anchor: Option<String>,
}

#[derive(Serialize)]
struct ExecutionView<'a> {
    #[serde(flatten)]
    execution: &'a Execution,
    status: &'static str,
    code_class: String,
    request_header_count: usize,
    response_header_count: usize,
    console_count: usize,
}

#[derive(Serialize)]
struct Page<'a> {
    collection: &'a str,
    started: String,
    passed: bool,
    failure_count: usize,
    one_failure: bool,
    duration: String,
    received: String,
    average: String,
    run_error: Option<String>,
    stats: Vec<StatRow>,
    failures: Vec<FailureView>,
    chart: String,
    executions: Vec<ExecutionView<'a>>,
    execution_count: usize,
    omitted: usize,
    failed_count: usize,
    passed_count: usize,
    css: &'static str,
    script: &'static str,
}

impl HtmlReporter {
    /// A reporter masking secrets with `masker` and taking times from `clock`.
    pub fn new(options: HtmlOptions, masker: Masker, clock: Clock) -> Self {
        HtmlReporter {
            capture: Capture::new(
                masker.clone(),
                CaptureOptions {
                    mask_authorization: !options.show_secrets,
                    clock,
                },
            ),
            masker,
            clock,
        }
    }

    fn failures(&self, summary: &RunSummary) -> Vec<FailureView> {
        let executions = &self.capture.executions;
        summary
            .failures
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let source = self.masker.mask(&f.path).into_owned();
                let anchor = executions
                    .iter()
                    .find(|e| e.name == source && e.iteration == f.iteration + 1)
                    .map(|e| format!("exec-{}", e.number));
                let message = self.masker.mask(&f.message).into_owned();
                let (title, message) = if f.test.is_empty() {
                    (message, String::new())
                } else {
                    (self.masker.mask(&f.test).into_owned(), message)
                };
                FailureView {
                    number: i + 1,
                    error_name: f.error_name.clone(),
                    title,
                    message,
                    at: f.at.clone(),
                    source,
                    iteration: f.iteration + 1,
                    show_iteration: summary.iterations > 1,
                    anchor,
                }
            })
            .collect()
    }

    /// The page for `summary`.
    pub fn document(&self, summary: &RunSummary) -> Result<String, Diagnostic> {
        let clock = self.clock;
        let s = &summary.stats;
        let row = |name, c: super::summary::Counter| StatRow {
            name,
            executed: c.executed,
            failed: c.failed,
        };
        let average = summary
            .response_time_stats()
            .map(|(mean, min, max, sd)| {
                let d = |x| duration(clock.duration(x));
                format!(
                    "{} [min: {}, max: {}, s.d.: {}]",
                    d(mean),
                    d(min),
                    d(max),
                    d(sd)
                )
            })
            .unwrap_or_default();
        // Failed requests first, each group in run order.
        let mut executions: Vec<ExecutionView<'_>> = self
            .capture
            .executions
            .iter()
            .map(|e| ExecutionView {
                execution: e,
                status: if e.failed { "failed" } else { "passed" },
                code_class: e
                    .response
                    .as_ref()
                    .map_or_else(String::new, |r| format!("c{}", r.code / 100)),
                request_header_count: e.request_headers.len(),
                response_header_count: e.response.as_ref().map_or(0, |r| r.headers.len()),
                console_count: e.console.len(),
            })
            .collect();
        executions.sort_by_key(|e| !e.execution.failed);
        let failed_count = executions.iter().filter(|e| e.execution.failed).count();
        let page = Page {
            collection: &self.capture.collection,
            started: clock.iso(self.capture.started),
            passed: summary.passed(),
            failure_count: summary.failures.len(),
            one_failure: summary.failures.len() == 1,
            duration: duration(clock.duration(summary.duration)),
            received: size(summary.bytes_received),
            average,
            run_error: summary.run_error.clone(),
            stats: vec![
                row("iterations", s.iterations),
                row("requests", s.requests),
                row("test-scripts", s.test_scripts),
                row("prerequest-scripts", s.prerequest_scripts),
                row("assertions", s.assertions),
            ],
            failures: self.failures(summary),
            chart: response_time_svg(&self.capture.executions),
            passed_count: executions.len() - failed_count,
            failed_count,
            execution_count: executions.len(),
            omitted: self.capture.omitted,
            executions,
            css: CSS,
            script: SCRIPT,
        };
        let mut engine = Handlebars::new();
        engine.set_strict_mode(true);
        engine
            .render_template(TEMPLATE, &page)
            .map_err(|e| Diagnostic::new(format!("cannot render the HTML report: {e}")))
    }
}

impl Listener for HtmlReporter {
    fn on_event(&mut self, event: &Event<'_>) {
        self.capture.on_event(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{SECRET, replay};

    fn render(options: HtmlOptions) -> String {
        let masker = if options.show_secrets {
            Masker::disabled()
        } else {
            Masker::new([SECRET.to_string()])
        };
        let mut html = HtmlReporter::new(options, masker, Clock { frozen: true });
        let summary = replay(&mut html);
        html.document(&summary)
            .unwrap_or_else(|e| panic!("render: {e}"))
    }

    #[test]
    fn html_report_is_self_contained_escaped_and_masked() {
        let page = render(HtmlOptions::default());
        assert!(page.starts_with("<!DOCTYPE html>"));
        for external in ["src=\"http", "href=\"http", "<link", "@import", "url("] {
            assert!(!page.contains(external), "external asset {external}");
        }
        assert!(!page.contains(SECRET) && !page.contains("Bearer abc"));
        assert!(page.contains("Auth &lt;&amp;&gt; / Log in"));
        assert!(!page.contains("<b>t</b>"), "bodies are escaped");
        assert!(page.contains("logging in &lt;now&gt;"));
        assert!(page.contains("<svg class=\"chart\""));
        assert!(page.contains("Run started 2026-01-01T00:00:00.000Z"));
        assert!(page.contains("connect ECONNREFUSED 127.0.0.1:1"));
        // Failures first: the failure table, then failed requests before passed ones.
        let failures = page.find("<h2>Failures</h2>").unwrap_or(usize::MAX);
        let chart = page.find("<h2>Mean response").unwrap_or(0);
        assert!(failures < chart);
        assert!(page.contains("href=\"#exec-1\""));
    }

    #[test]
    fn html_report_shows_authorization_with_show_secrets() {
        let page = render(HtmlOptions { show_secrets: true });
        assert!(page.contains("Bearer abc"));
    }
}
