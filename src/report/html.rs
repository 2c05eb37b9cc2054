//! The HTML reporters (`-r html` and `-r htmlextra`): one self-contained page (inline CSS,
//! JavaScript and SVG, no external assets) rendered with handlebars from the captured
//! executions and the run summary, or the user's own Handlebars template
//! (`--reporter-html-template`, `--reporter-htmlextra-template`) rendered with Newman's context
//! (see [`super::newman_context`]). The page's tabs, filters and options are in
//! `html_page`. It only renders; the export step writes the text
//! [`HtmlReporter::document`] returns.

use super::capture::{Capture, CaptureOptions};
use super::mask::Masker;
use super::newman_context::{CollectionInfo, Flavour, RunVariables};
use super::summary::RunSummary;
use super::template::UserTemplate;
use super::test_mode::Clock;
use crate::diagnostic::Diagnostic;
use crate::runner::{Event, Listener};

/// Options of the HTML reporters: `html` has only the template; `htmlextra` has them all, under
/// htmlextra's names (`--reporter-htmlextra-<name>`, noted on each field).
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// `--show-secrets`: show `Authorization` header values.
    pub show_secrets: bool,
    /// Which reporter this is: the shape of a user template's context follows it.
    pub flavour: Flavour,
    /// `title`: the page's heading (default: the collection's name).
    pub title: Option<String>,
    /// `browserTitle`: the browser tab's title.
    pub browser_title: Option<String>,
    /// `titleSize`: the heading's level, 1 (largest) to 6.
    pub title_size: u8,
    /// `logs`: show what scripts printed (on for `html`, off for `htmlextra` unless asked).
    pub console: bool,
    /// `darkTheme`: open the page in its dark theme.
    pub dark: bool,
    /// `omitHeaders` (or `skipSensitiveData`): no request or response headers.
    pub omit_headers: bool,
    /// `skipHeaders`: header names left out (any case).
    pub skip_headers: Vec<String>,
    /// `omitRequestBodies` (or `skipSensitiveData`): no request bodies.
    pub omit_request_bodies: bool,
    /// `omitResponseBodies` (or `skipSensitiveData`): no response bodies.
    pub omit_response_bodies: bool,
    /// `hideRequestBody`: requests (by name, any case) whose request body is left out.
    pub hide_request_body: Vec<String>,
    /// `hideResponseBody`: requests (by name, any case) whose response body is left out.
    pub hide_response_body: Vec<String>,
    /// `showOnlyFails`: list only the requests that failed.
    pub show_only_fails: bool,
    /// `skipFolders`: requests inside these folders (at any depth) are not listed.
    pub skip_folders: Vec<String>,
    /// `skipRequests`: requests with these names are not listed.
    pub skip_requests: Vec<String>,
    /// `timezone`: the zone the page's time is shown in (default: UTC for `html`, the
    /// machine's zone for a template's `timestamp`).
    pub time_zone: Option<jiff::tz::TimeZone>,
    /// `showEnvironmentData`: list the environment's variables as the run left them.
    pub show_environment: bool,
    /// `skipEnvironmentVars`: environment variables not listed.
    pub skip_environment_vars: Vec<String>,
    /// `showGlobalData`: list the globals as the run left them.
    pub show_globals: bool,
    /// `skipGlobalVars`: globals not listed.
    pub skip_global_vars: Vec<String>,
    /// `showMarkdownLinks`: `[text](https://…)` in test names and messages become links.
    pub markdown_links: bool,
    /// Colour JSON bodies (off with `noSyntaxHighlighting`).
    pub syntax_highlighting: bool,
    /// `testPaging`: a request's tests are shown a page at a time (ten per page).
    pub test_paging: bool,
    /// `showFolderDescription`: each request shows the descriptions of the folders around it.
    pub folder_descriptions: bool,
    /// The options exactly as given (htmlextra's names), for a user template's context.
    pub raw: Vec<(String, serde_json::Value)>,
    /// `template`: the user's Handlebars template, rendered instead of the built-in page.
    pub template: Option<UserTemplate>,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            show_secrets: false,
            flavour: Flavour::Html,
            title: None,
            browser_title: None,
            title_size: 1,
            console: true,
            dark: false,
            omit_headers: false,
            skip_headers: Vec::new(),
            omit_request_bodies: false,
            omit_response_bodies: false,
            hide_request_body: Vec::new(),
            hide_response_body: Vec::new(),
            show_only_fails: false,
            skip_folders: Vec::new(),
            skip_requests: Vec::new(),
            time_zone: None,
            show_environment: false,
            skip_environment_vars: Vec::new(),
            show_globals: false,
            skip_global_vars: Vec::new(),
            markdown_links: false,
            syntax_highlighting: true,
            test_paging: false,
            folder_descriptions: false,
            raw: Vec::new(),
            template: None,
        }
    }
}

/// Collects the run and renders the HTML report.
pub struct HtmlReporter {
    capture: Capture,
    options: HtmlOptions,
    clock: Clock,
    collection: CollectionInfo,
}

impl HtmlReporter {
    /// A reporter masking secrets with `masker` and taking times from `clock`.
    pub fn new(options: HtmlOptions, masker: Masker, clock: Clock) -> Self {
        HtmlReporter {
            capture: Capture::new(
                masker,
                CaptureOptions {
                    mask_authorization: !options.show_secrets,
                    clock,
                },
            ),
            options,
            clock,
            collection: CollectionInfo::default(),
        }
    }

    /// What the page or a user template's context says about the collection (ids,
    /// descriptions).
    pub fn set_collection(&mut self, collection: CollectionInfo) {
        self.collection = collection;
    }

    /// The page for `summary`; `variables` are the environment and globals as the run left
    /// them (Newman's export shape), for the variable lists and a template's context.
    pub fn document(
        &self,
        summary: &RunSummary,
        variables: &RunVariables,
    ) -> Result<String, Diagnostic> {
        match &self.options.template {
            Some(template) => {
                let context = super::newman_context::build(
                    &self.capture,
                    summary,
                    variables,
                    &self.collection,
                    &self.options,
                    self.clock,
                );
                template.render(&context)
            }
            None => super::html_page::render(
                &self.capture,
                summary,
                variables,
                &self.collection,
                &self.options,
                self.clock,
            ),
        }
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
        html.document(&summary, &RunVariables::default())
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
        // Tabs in order: summary (with the chart), requests (failed first), failures, skipped.
        let at = |text: &str| page.find(text).unwrap_or(usize::MAX);
        assert!(at("data-panel=\"summary\"") < at("<h2>Mean response"));
        assert!(at("<h2>Mean response") < at("data-panel=\"requests\""));
        assert!(at("data-panel=\"requests\"") < at("data-panel=\"failed\""));
        assert!(at("data-panel=\"failed\"") < at("data-panel=\"skipped\""));
        let first_card = at("<article class=\"exec");
        assert_eq!(first_card, at("<article class=\"exec failed"));
        assert!(page.contains("href=\"#exec-1\""));
        assert!(page.contains("<select data-iteration-filter>"));
        assert!(page.contains("data-theme=\"light\""));
    }

    #[test]
    fn html_report_shows_authorization_with_show_secrets() {
        let page = render(HtmlOptions {
            show_secrets: true,
            ..HtmlOptions::default()
        });
        assert!(page.contains("Bearer abc"));
    }
}
