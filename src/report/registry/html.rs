//! The options of `-r html` and `-r htmlextra` (`--reporter-html-<option>`,
//! `--reporter-htmlextra-<option>`, and the generic `--reporter-<option>`), checked before the
//! run: names are read as Newman reads them (camelCase, so `showOnlyFails` and
//! `show-only-fails` are the same option); a bad value (a title size outside 1–6, an unknown
//! time zone, a template that does not compile) stops the run with exit 2; an option the
//! reporter does not have is warned about by name.

use super::{Context, RawReporterOptions};
use crate::diagnostic::Diagnostic;
use crate::report::html::{HtmlOptions, HtmlReporter};
use crate::report::newman_context::{CollectionInfo, Flavour};
use crate::report::reporter::{Artifact, Finished, ReportTarget, Reporter};
use crate::report::template::UserTemplate;
use crate::runner::{Event, Listener};
use heck::ToLowerCamelCase;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Options of `-r html` (newman-reporter-html's).
pub const HTML_OPTIONS: &[&str] = &["export", "template"];

/// Options of `-r htmlextra` (newman-reporter-htmlextra's, with `darkTheme` from its older
/// versions).
pub const HTMLEXTRA_OPTIONS: &[&str] = &[
    "export",
    "template",
    "title",
    "browserTitle",
    "titleSize",
    "logs",
    "darkTheme",
    "omitHeaders",
    "skipHeaders",
    "omitRequestBodies",
    "omitResponseBodies",
    "hideRequestBody",
    "hideResponseBody",
    "showOnlyFails",
    "skipSensitiveData",
    "skipFolders",
    "skipRequests",
    "timezone",
    "displayProgressBar",
    "showEnvironmentData",
    "skipEnvironmentVars",
    "showGlobalData",
    "skipGlobalVars",
    "showMarkdownLinks",
    "noSyntaxHighlighting",
    "testPaging",
    "showFolderDescription",
];

/// Options that take a value (a bare flag is a mistake).
const VALUE_OPTIONS: &[&str] = &[
    "template",
    "titleSize",
    "timezone",
    "skipHeaders",
    "hideRequestBody",
    "hideResponseBody",
    "skipFolders",
    "skipRequests",
    "skipEnvironmentVars",
    "skipGlobalVars",
];

/// Options that are on/off.
const FLAG_OPTIONS: &[&str] = &[
    "logs",
    "darkTheme",
    "omitHeaders",
    "omitRequestBodies",
    "omitResponseBodies",
    "showOnlyFails",
    "skipSensitiveData",
    "displayProgressBar",
    "showEnvironmentData",
    "showGlobalData",
    "showMarkdownLinks",
    "noSyntaxHighlighting",
    "testPaging",
    "showFolderDescription",
];

/// The reporter's options by Newman's (camelCase) name, with the flags they came from.
struct Given {
    reporter: String,
    values: BTreeMap<String, String>,
}

impl Given {
    fn flag(&self, name: &str) -> bool {
        self.values.get(name).is_some_and(|v| v != "false")
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    fn list(&self, name: &str) -> Vec<String> {
        self.text(name)
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn flag_name(&self, name: &str) -> String {
        format!("--reporter-{}-{name}", self.reporter)
    }
}

/// An HTML reporter and where its page goes.
struct Html {
    reporter: HtmlReporter,
    target: ReportTarget,
}

/// The `html` or `htmlextra` reporter (`name`), when named: its unknown options warned about,
/// its options (and template) checked.
pub(super) fn build(
    name: &str,
    context: &mut Context<'_>,
) -> Result<Option<Box<dyn Reporter>>, Diagnostic> {
    if !context.selected(name) {
        return Ok(None);
    }
    for warning in unknown_options(context.options, name, context.names) {
        (context.warn)(warning);
    }
    let options = html_options(context.options, name, context.names, context.show_secrets)?;
    let needs_collection = options.template.is_some() || options.folder_descriptions;
    let mut reporter = HtmlReporter::new(options, context.masker.clone(), context.clock);
    if needs_collection {
        reporter.set_collection(CollectionInfo::from_collection(context.collection));
    }
    let base = match name {
        "htmlextra" => htmlextra_file_base(&context.collection.name),
        _ => "newman-run-report".to_string(),
    };
    let target = context.target(name, format!("{base}.html"));
    Ok(Some(Box::new(Html { reporter, target })))
}

impl Listener for Html {
    fn on_event(&mut self, event: &Event<'_>) {
        self.reporter.on_event(event);
    }
}

impl Reporter for Html {
    /// The page.
    fn finish<'a>(self: Box<Self>, run: &Finished<'a>) -> Vec<Artifact<'a>> {
        vec![Artifact::Report {
            target: self.target,
            text: self.reporter.document(run.summary, run.variables),
        }]
    }
}

/// Warnings for the `--reporter-<reporter>-<option>` flags that `reporter` does not have.
fn unknown_options(raw: &RawReporterOptions, reporter: &str, reporters: &[String]) -> Vec<String> {
    let known = if reporter == "htmlextra" {
        HTMLEXTRA_OPTIONS
    } else {
        HTML_OPTIONS
    };
    raw.specific(reporter, reporters)
        .into_iter()
        .filter(|(name, _)| !known.contains(&name.to_lower_camel_case().as_str()))
        .map(|(name, _)| {
            let camel = name.to_lower_camel_case();
            match crate::diagnostic::did_you_mean(&camel, known.iter().copied()) {
                Some(guess) => format!(
                    "--reporter-{reporter}-{name}: the {reporter} reporter has no such option; \
                     it is ignored (did you mean --reporter-{reporter}-{guess}?)"
                ),
                None => format!(
                    "--reporter-{reporter}-{name}: the {reporter} reporter has no such option; \
                     it is ignored (options: {})",
                    known.join(", ")
                ),
            }
        })
        .collect()
}

/// The options of `reporter` (`html` or `htmlextra`), checked.
fn html_options(
    raw: &RawReporterOptions,
    reporter: &str,
    reporters: &[String],
    show_secrets: bool,
) -> Result<HtmlOptions, Diagnostic> {
    let extra = reporter == "htmlextra";
    let known = if extra {
        HTMLEXTRA_OPTIONS
    } else {
        HTML_OPTIONS
    };
    let given = Given {
        reporter: reporter.to_string(),
        values: raw
            .for_reporter(reporter, reporters)
            .into_iter()
            .map(|(k, v)| (k.to_lower_camel_case(), v))
            .filter(|(k, _)| known.contains(&k.as_str()))
            .collect(),
    };
    for name in VALUE_OPTIONS {
        if given.text(name) == Some("true") {
            return Err(
                Diagnostic::new(format!("{} needs a value", given.flag_name(name))).with_hint(
                    match *name {
                        "template" => "give the path of a Handlebars file",
                        "titleSize" => "a number from 1 (largest) to 6",
                        "timezone" => "an IANA time zone name, such as Europe/Berlin",
                        _ => "a comma-separated list of names",
                    },
                ),
            );
        }
    }
    let mut options = HtmlOptions {
        show_secrets,
        flavour: if extra {
            Flavour::HtmlExtra
        } else {
            Flavour::Html
        },
        ..HtmlOptions::default()
    };
    if extra {
        extra_options(&given, &mut options)?;
    }
    options.raw = given
        .values
        .iter()
        .map(|(k, v)| {
            let value = if FLAG_OPTIONS.contains(&k.as_str()) {
                json!(v != "false")
            } else if k == "titleSize" {
                json!(options.title_size)
            } else {
                Value::String(v.clone())
            };
            (k.clone(), value)
        })
        .collect();
    if let Some(path) = given.text("template") {
        options.template = Some(UserTemplate::load(
            Path::new(path),
            given.flag("testPaging"),
            given.flag("logs"),
        )?);
    }
    Ok(options)
}

/// htmlextra's own options (all but `export` and `template`), checked.
fn extra_options(given: &Given, options: &mut HtmlOptions) -> Result<(), Diagnostic> {
    let sensitive = given.flag("skipSensitiveData");
    options.title = given.text("title").map(str::to_string);
    options.browser_title = given.text("browserTitle").map(str::to_string);
    if let Some(size) = given.text("titleSize") {
        options.title_size = size
            .trim()
            .parse()
            .ok()
            .filter(|n| (1..=6).contains(n))
            .ok_or_else(|| {
                Diagnostic::new(format!(
                    "{} \"{size}\": expected a number from 1 (largest) to 6",
                    given.flag_name("titleSize")
                ))
            })?;
    }
    options.console = given.flag("logs");
    options.dark = given.flag("darkTheme");
    options.omit_headers = given.flag("omitHeaders") || sensitive;
    options.skip_headers = given.list("skipHeaders");
    options.omit_request_bodies = given.flag("omitRequestBodies") || sensitive;
    options.omit_response_bodies = given.flag("omitResponseBodies") || sensitive;
    options.hide_request_body = given.list("hideRequestBody");
    options.hide_response_body = given.list("hideResponseBody");
    options.show_only_fails = given.flag("showOnlyFails");
    options.skip_folders = given.list("skipFolders");
    options.skip_requests = given.list("skipRequests");
    options.show_environment = given.flag("showEnvironmentData");
    options.skip_environment_vars = given.list("skipEnvironmentVars");
    options.show_globals = given.flag("showGlobalData");
    options.skip_global_vars = given.list("skipGlobalVars");
    options.markdown_links = given.flag("showMarkdownLinks");
    options.syntax_highlighting = !given.flag("noSyntaxHighlighting");
    options.test_paging = given.flag("testPaging");
    options.folder_descriptions = given.flag("showFolderDescription");
    if let Some(name) = given.text("timezone") {
        options.time_zone = Some(jiff::tz::TimeZone::get(name.trim()).map_err(|_| {
            Diagnostic::new(format!(
                "{} \"{name}\": not a time zone postie knows",
                given.flag_name("timezone")
            ))
            .with_hint("an IANA time zone name, such as Europe/Berlin or America/New_York")
        })?);
    }
    Ok(())
}

/// htmlextra's `displayProgressBar`: a progress bar while the run goes, unless the `cli`,
/// `json` or `progress` reporter runs too (as htmlextra decides).
pub fn progress_bar(raw: &RawReporterOptions, reporters: &[String]) -> bool {
    reporters.iter().any(|r| r == "htmlextra")
        && !reporters
            .iter()
            .any(|r| matches!(r.as_str(), "cli" | "json" | "progress"))
        && raw
            .for_reporter("htmlextra", reporters)
            .iter()
            .any(|(k, v)| k.to_lower_camel_case() == "displayProgressBar" && v != "false")
}

/// htmlextra's default file name: the collection's name when it is a safe file name, else
/// `newman_htmlextra`.
pub fn htmlextra_file_base(collection: &str) -> String {
    let unsafe_name = collection.is_empty()
        || collection.contains(['\\', '/', ':', '*', '?', '"', '|', '<', '>'])
        || collection.starts_with(['.', ' '])
        || collection.ends_with(['.', ' ']);
    if unsafe_name {
        "newman_htmlextra".to_string()
    } else {
        collection.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The options as `extract` reads them: a value follows its option unless it starts with
    /// `-`.
    fn raw(args: &[&str]) -> RawReporterOptions {
        let mut options = Vec::new();
        let mut args = args.iter().peekable();
        while let Some(arg) = args.next() {
            let name = arg.trim_start_matches("--reporter-").to_string();
            let value = args.next_if(|v| !v.starts_with('-'));
            options.push((name, value.map_or("true", |v| v).to_string()));
        }
        RawReporterOptions(options)
    }

    fn extra() -> Vec<String> {
        vec!["htmlextra".to_string()]
    }

    #[test]
    fn html_reporters_read_htmlextra_options_by_newman_names() {
        let options = html_options(
            &raw(&[
                "--reporter-htmlextra-show-only-fails",
                "--reporter-htmlextra-skipHeaders",
                "Authorization, X-Key",
                "--reporter-htmlextra-titleSize",
                "4",
                "--reporter-htmlextra-timezone",
                "Australia/Sydney",
                "--reporter-htmlextra-skipSensitiveData",
                "--reporter-title",
                "Nightly",
            ]),
            "htmlextra",
            &extra(),
            false,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(options.show_only_fails && options.omit_headers);
        assert!(options.omit_request_bodies && options.omit_response_bodies);
        assert_eq!(options.skip_headers, ["Authorization", "X-Key"]);
        assert_eq!(options.title_size, 4);
        assert_eq!(options.title.as_deref(), Some("Nightly"));
        assert!(options.time_zone.is_some());
        assert!(!options.console);
    }

    #[test]
    fn html_reporters_refuse_bad_values() {
        let check = |args: &[&str], words: &str| {
            let e = html_options(&raw(args), "htmlextra", &extra(), false)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(e.contains(words), "{args:?}: {e}");
        };
        check(&["--reporter-htmlextra-titleSize", "9"], "1 (largest) to 6");
        check(&["--reporter-htmlextra-timezone", "Mars/Base"], "time zone");
        check(&["--reporter-htmlextra-skipHeaders"], "needs a value");
        check(
            &["--reporter-htmlextra-template", "/no/such.hbs"],
            "/no/such.hbs",
        );
    }

    #[test]
    fn html_reporters_warn_about_unknown_options() {
        let given = raw(&[
            "--reporter-htmlextra-showOnlyFail",
            "--reporter-htmlextra-logs",
            "--reporter-htmlextra-testPaging",
            "--reporter-htmlextra-colours",
            "--reporter-html-title",
            "x",
        ]);
        let reporters = vec!["html".to_string(), "htmlextra".to_string()];
        let extra = unknown_options(&given, "htmlextra", &reporters);
        assert_eq!(extra.len(), 2, "{extra:?}");
        assert!(extra[0].starts_with("--reporter-htmlextra-showOnlyFail: the htmlextra"));
        assert!(extra[0].contains("did you mean --reporter-htmlextra-showOnlyFails?"));
        assert!(extra[1].starts_with("--reporter-htmlextra-colours: the htmlextra"));
        assert!(extra[1].contains("(options: export, template,"));
        let html = unknown_options(&given, "html", &reporters);
        assert!(html.len() == 1 && html[0].starts_with("--reporter-html-title:"));
    }

    #[test]
    fn html_reporters_progress_bar_only_without_other_terminal_reporters() {
        let given = raw(&["--reporter-htmlextra-displayProgressBar"]);
        assert!(progress_bar(&given, &extra()));
        let with_cli = vec!["cli".to_string(), "htmlextra".to_string()];
        assert!(!progress_bar(&given, &with_cli));
        assert!(!progress_bar(&raw(&[]), &extra()));
        assert_eq!(htmlextra_file_base("My API"), "My API");
        assert_eq!(htmlextra_file_base("a/b"), "newman_htmlextra");
    }
}
