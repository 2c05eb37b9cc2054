//! postie's own HTML page: four tabs (summary with the response-time chart, requests with
//! status and iteration filters, failures, skipped tests), a light and a dark theme, and the
//! htmlextra options that leave things out (headers, bodies, folders, requests, console) or
//! add them (variables, Markdown links, syntax colours). Everything shown was masked when it
//! was captured; text becomes HTML here only through [`super::html_text`] or handlebars'
//! escaping.

use super::capture::{Body, Capture, Execution, Header};
use super::chart::response_time_svg;
use super::format::{duration, size};
use super::html::HtmlOptions;
use super::html_text::{body_html, markdown_links};
use super::newman_context::{CollectionInfo, RunVariables};
use super::summary::{Counter, RunSummary};
use super::test_mode::Clock;
use crate::diagnostic::Diagnostic;
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::Value;

const TEMPLATE: &str = include_str!("templates/report.hbs");
const CSS: &str = include_str!("templates/report.css");
const SCRIPT: &str = include_str!("templates/report.js");

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
    title_html: String,
    message_html: String,
    at: String,
    source: String,
    iteration: usize,
    show_iteration: bool,
    anchor: Option<String>,
}

#[derive(Serialize)]
struct SkippedView {
    test_html: String,
    source: String,
    iteration: usize,
    anchor: Option<String>,
}

#[derive(Serialize)]
struct AssertionView {
    class: &'static str,
    mark: &'static str,
    name_html: String,
    error_html: Option<String>,
}

#[derive(Serialize)]
struct BodyView {
    html: String,
    size: usize,
    empty: bool,
    omitted: bool,
    truncated: bool,
    note: String,
}

/// A folder around a request, with its description (`showFolderDescription`).
#[derive(Serialize)]
struct FolderNote {
    path: String,
    html: String,
}

/// Tests shown per page with `testPaging`.
const TESTS_PER_PAGE: usize = 10;

#[derive(Serialize)]
struct ExecutionView<'a> {
    #[serde(flatten)]
    execution: &'a Execution,
    status: &'static str,
    code_class: String,
    assertion_views: Vec<AssertionView>,
    request_header_list: Option<Vec<&'a Header>>,
    response_header_list: Option<Vec<&'a Header>>,
    request_body_view: Option<BodyView>,
    response_body_view: Option<BodyView>,
    console_shown: bool,
    console_count: usize,
    folder_notes: Vec<FolderNote>,
    /// Tests per page when the tests are paged (`testPaging` and more than a page of them).
    test_page: Option<usize>,
}

#[derive(Serialize)]
struct VariableRow {
    key: String,
    value: String,
}

#[derive(Serialize)]
struct VariableSection {
    title: String,
    rows: Vec<VariableRow>,
}

#[derive(Serialize)]
struct Page<'a> {
    browser_title: String,
    title: String,
    title_size: u8,
    theme: &'static str,
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
    skipped: Vec<SkippedView>,
    skipped_count: usize,
    chart: String,
    executions: Vec<ExecutionView<'a>>,
    execution_count: usize,
    omitted: usize,
    left_out: usize,
    only_fails: bool,
    failed_count: usize,
    passed_count: usize,
    iterations: Vec<usize>,
    variables: Vec<VariableSection>,
    css: &'static str,
    script: &'static str,
}

/// True when `name` is one of `list`, compared without regard to case.
fn listed(list: &[String], name: &str) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(name))
}

/// True when the execution is listed on the page under the options.
fn shown(e: &Execution, options: &HtmlOptions) -> bool {
    !(options.show_only_fails && !e.failed
        || options.skip_requests.contains(&e.item_name)
        || e.folders.iter().any(|f| options.skip_folders.contains(f)))
}

fn body_view(body: &Body, highlight: bool) -> BodyView {
    BodyView {
        html: body_html(&body.text, highlight),
        size: body.size,
        empty: body.size == 0,
        omitted: body.omitted,
        truncated: body.truncated,
        note: body.note.clone(),
    }
}

fn headers<'a>(list: &'a [Header], options: &HtmlOptions) -> Option<Vec<&'a Header>> {
    (!options.omit_headers).then(|| {
        list.iter()
            .filter(|h| !listed(&options.skip_headers, &h.name))
            .collect()
    })
}

/// The folders around `e` that have a description, outermost first, each under its path.
fn folder_notes(
    e: &Execution,
    collection: &CollectionInfo,
    capture: &Capture,
    links: bool,
) -> Vec<FolderNote> {
    let mut path = String::new();
    let mut notes = Vec::new();
    for folder in &e.folders {
        if !path.is_empty() {
            path.push_str(" / ");
        }
        path.push_str(folder);
        if let Some(text) = collection
            .folder_description(&path)
            .filter(|t| !t.trim().is_empty())
        {
            notes.push(FolderNote {
                path: path.clone(),
                html: markdown_links(&capture.masker().mask(text), links),
            });
        }
    }
    notes
}

fn execution_view<'a>(
    e: &'a Execution,
    options: &HtmlOptions,
    folder_notes: Vec<FolderNote>,
) -> ExecutionView<'a> {
    let links = options.markdown_links;
    let assertion_views = e
        .assertions
        .iter()
        .map(|a| {
            let (class, mark) = match (&a.error, a.skipped) {
                (Some(_), _) => ("fail", "✗"),
                (None, true) => ("skip", "–"),
                (None, false) => ("pass", "✓"),
            };
            AssertionView {
                class,
                mark,
                name_html: markdown_links(&a.name, links),
                error_html: a.error.as_ref().map(|m| markdown_links(m, links)),
            }
        })
        .collect();
    let hide_request =
        options.omit_request_bodies || listed(&options.hide_request_body, &e.item_name);
    let hide_response =
        options.omit_response_bodies || listed(&options.hide_response_body, &e.item_name);
    let highlight = options.syntax_highlighting;
    ExecutionView {
        execution: e,
        status: if e.failed { "failed" } else { "passed" },
        code_class: e
            .response
            .as_ref()
            .map_or_else(String::new, |r| format!("c{}", r.code / 100)),
        assertion_views,
        request_header_list: headers(&e.request_headers, options),
        response_header_list: e
            .response
            .as_ref()
            .and_then(|r| headers(&r.headers, options)),
        request_body_view: e
            .request_body
            .as_ref()
            .filter(|_| !hide_request)
            .map(|b| body_view(b, highlight)),
        response_body_view: e
            .response
            .as_ref()
            .filter(|_| !hide_response)
            .map(|r| body_view(&r.body, highlight)),
        console_shown: options.console && !e.console.is_empty(),
        console_count: e.console.len(),
        folder_notes,
        test_page: (options.test_paging && e.assertions.len() > TESTS_PER_PAGE)
            .then_some(TESTS_PER_PAGE),
    }
}

/// The card a failure or skipped test links to: the shown execution of `path` in `iteration`.
fn anchor(executions: &[ExecutionView<'_>], path: &str, iteration: usize) -> Option<String> {
    executions
        .iter()
        .find(|e| e.execution.name == path && e.execution.iteration == iteration)
        .map(|e| format!("exec-{}", e.execution.number))
}

fn failures(
    capture: &Capture,
    summary: &RunSummary,
    executions: &[ExecutionView<'_>],
    links: bool,
) -> Vec<FailureView> {
    let masker = capture.masker();
    summary
        .failures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let source = masker.mask(&f.path).into_owned();
            let message = masker.mask(&f.message).into_owned();
            let (title, message) = if f.test.is_empty() {
                (message, String::new())
            } else {
                (masker.mask(&f.test).into_owned(), message)
            };
            FailureView {
                number: i + 1,
                error_name: f.error_name.clone(),
                title_html: markdown_links(&title, links),
                message_html: markdown_links(&message, links),
                at: f.at.clone(),
                anchor: anchor(executions, &source, f.iteration + 1),
                source,
                iteration: f.iteration + 1,
                show_iteration: summary.iterations > 1,
            }
        })
        .collect()
}

fn skipped(capture: &Capture, executions: &[ExecutionView<'_>], links: bool) -> Vec<SkippedView> {
    capture
        .executions
        .iter()
        .flat_map(|e| {
            e.assertions
                .iter()
                .filter(|a| a.skipped)
                .map(move |a| (e, a))
        })
        .map(|(e, a)| SkippedView {
            test_html: markdown_links(&a.name, links),
            source: e.name.clone(),
            iteration: e.iteration,
            anchor: anchor(executions, &e.name, e.iteration),
        })
        .collect()
}

/// A variable list (`values` of Newman's export shape), masked, without `skip`ped keys.
/// Values of `secret` variables and of secret-looking names are never shown.
fn variable_section(
    title: &str,
    doc: &Value,
    skip: &[String],
    capture: &Capture,
) -> VariableSection {
    let rows = doc
        .get("values")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|v| {
            let key = v.get("key")?.as_str()?.to_string();
            if skip.contains(&key) {
                return None;
            }
            let secret = v.get("type").and_then(Value::as_str) == Some("secret")
                || super::mask::looks_secret(&key);
            let value = match v.get("value") {
                _ if secret && capture.masker().is_enabled() => super::mask::MASK.to_string(),
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            };
            Some(VariableRow {
                key: capture.masker().mask(&key).into_owned(),
                value: capture.masker().mask(&value).into_owned(),
            })
        })
        .collect();
    VariableSection {
        title: title.to_string(),
        rows,
    }
}

/// The time the run started as the page shows it: ISO 8601 in UTC, or in `zone` with its
/// offset and name.
fn started(millis: u128, zone: Option<&jiff::tz::TimeZone>, clock: Clock) -> String {
    let Some(zone) = zone else {
        return clock.iso(millis);
    };
    let stamp = i64::try_from(millis)
        .ok()
        .and_then(|m| jiff::Timestamp::from_millisecond(m).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let local = stamp.to_zoned_datetime(zone.clone());
    let name = zone.iana_name().unwrap_or("");
    format!("{} ({name})", local.strftime("%Y-%m-%d %H:%M:%S%:z"))
}

/// The statistics table's rows: executed and failed iterations, requests, scripts, assertions.
fn stat_rows(summary: &RunSummary) -> Vec<StatRow> {
    let s = &summary.stats;
    let row = |name, c: Counter| StatRow {
        name,
        executed: c.executed,
        failed: c.failed,
    };
    vec![
        row("iterations", s.iterations),
        row("requests", s.requests),
        row("test-scripts", s.test_scripts),
        row("prerequest-scripts", s.prerequest_scripts),
        row("assertions", s.assertions),
    ]
}

/// The average response time line with minimum, maximum and standard deviation (empty without
/// responses).
fn average(summary: &RunSummary, clock: Clock) -> String {
    summary
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
        .unwrap_or_default()
}

/// The shown executions' views (with folder notes when asked for), failed requests first, each
/// group in run order.
fn executions<'a>(
    capture: &'a Capture,
    collection: &CollectionInfo,
    options: &'a HtmlOptions,
) -> Vec<ExecutionView<'a>> {
    let mut executions: Vec<ExecutionView<'_>> = capture
        .executions
        .iter()
        .filter(|e| shown(e, options))
        .map(|e| {
            let notes = if options.folder_descriptions {
                folder_notes(e, collection, capture, options.markdown_links)
            } else {
                Vec::new()
            };
            execution_view(e, options, notes)
        })
        .collect();
    executions.sort_by_key(|e| !e.execution.failed);
    executions
}

/// The environment and globals sections, as the options ask for them.
fn variable_sections(
    capture: &Capture,
    variables: &RunVariables,
    options: &HtmlOptions,
) -> Vec<VariableSection> {
    let mut sections = Vec::new();
    if options.show_environment {
        let doc = &variables.environment;
        let name = doc.get("name").and_then(Value::as_str).unwrap_or("");
        let title = if name.is_empty() {
            "Environment".to_string()
        } else {
            format!("Environment: {}", capture.masker().mask(name))
        };
        sections.push(variable_section(
            &title,
            doc,
            &options.skip_environment_vars,
            capture,
        ));
    }
    if options.show_globals {
        sections.push(variable_section(
            "Globals",
            &variables.globals,
            &options.skip_global_vars,
            capture,
        ));
    }
    sections
}

/// Render the page.
pub fn render(
    capture: &Capture,
    summary: &RunSummary,
    variables: &RunVariables,
    collection: &CollectionInfo,
    options: &HtmlOptions,
    clock: Clock,
) -> Result<String, Diagnostic> {
    let executions = executions(capture, collection, options);
    let failed_count = executions.iter().filter(|e| e.execution.failed).count();
    let left_out = capture.executions.len() - executions.len();
    let links = options.markdown_links;
    let sections = variable_sections(capture, variables, options);
    let skipped = skipped(capture, &executions, links);
    let page = Page {
        browser_title: options
            .browser_title
            .clone()
            .unwrap_or_else(|| format!("{} · postie run report", capture.collection)),
        title: options
            .title
            .clone()
            .unwrap_or_else(|| capture.collection.clone()),
        title_size: options.title_size.clamp(1, 6),
        theme: if options.dark { "dark" } else { "light" },
        collection: &capture.collection,
        started: started(capture.started, options.time_zone.as_ref(), clock),
        passed: summary.passed(),
        failure_count: summary.failures.len(),
        one_failure: summary.failures.len() == 1,
        duration: duration(clock.duration(summary.duration)),
        received: size(summary.bytes_received),
        average: average(summary, clock),
        run_error: summary.run_error.clone(),
        stats: stat_rows(summary),
        failures: failures(capture, summary, &executions, links),
        skipped_count: skipped.len(),
        skipped,
        chart: response_time_svg(capture.executions.iter().filter(|e| shown(e, options))),
        passed_count: executions.len() - failed_count,
        failed_count,
        execution_count: executions.len(),
        omitted: capture.omitted,
        left_out,
        only_fails: options.show_only_fails,
        iterations: if capture.iterations > 1 {
            (1..=capture.iterations).collect()
        } else {
            Vec::new()
        },
        executions,
        variables: sections,
        css: CSS,
        script: SCRIPT,
    };
    let mut engine = Handlebars::new();
    engine.set_strict_mode(true);
    engine
        .render_template(TEMPLATE, &page)
        .map_err(|e| Diagnostic::new(format!("cannot render the HTML report: {e}")))
}
