//! The JUnit reporter (`-r junit`) in Newman's layout, valid against the JUnit schema Jenkins and
//! GitLab read. It only collects; the export step writes the text [`JunitReporter::document`]
//! returns.
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <testsuites name="Partner API" tests="3" time="0.042">
//!   <testsuite name="Auth / Login" id="…" timestamp="2026-01-01T00:00:00.000Z" tests="2"
//!              failures="1" errors="0" time="0.021">
//!     <testcase name="status is 200" time="0.021" classname="AuthLogin"/>
//!     <testcase name="has token" time="0.021" classname="AuthLogin">
//!       <failure type="AssertionFailure" message="expected …"><![CDATA[Failed 1 time. …]]></failure>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! One `<testsuite>` per request item, aggregated over iterations (keyed by item id, else by its
//! `Folder / Request` name); one `<testcase>` per distinct assertion name. `tests` and `failures`
//! of a suite count its test cases; `errors` counts request and script errors over all
//! iterations. Unlike Newman, each kind of error also gets a `<testcase>` with an `<error>`
//! (named `request`, `prerequest-script` or `test-script`), so CI tools that only read test cases
//! still see a request that failed without assertions. `<system-err>` lists every error with its
//! iteration.

use super::mask::Masker;
use super::summary::RunSummary;
use super::test_mode::Clock;
use super::xml::{attr, cdata};
use crate::runner::{Event, ItemRef, Listener};
use crate::script::ScriptKind;
use std::fmt::Write;
use std::time::Duration;

/// One assertion name within a suite, over all iterations.
#[derive(Debug, Default)]
struct Case {
    name: String,
    runs: usize,
    skipped: usize,
    /// (iteration, error name, message) of every failure.
    failures: Vec<(usize, String, String)>,
}

/// One error of a suite: where (`request`, `test-script`, …), iteration, name and message.
#[derive(Debug)]
struct SuiteError {
    at: &'static str,
    iteration: usize,
    name: String,
    message: String,
}

/// One request item, over all iterations.
#[derive(Debug, Default)]
struct Suite {
    key: String,
    name: String,
    id: String,
    response_total: Duration,
    responses: usize,
    cases: Vec<Case>,
    errors: Vec<SuiteError>,
}

impl Suite {
    fn mean_seconds(&self) -> f64 {
        if self.responses == 0 {
            return 0.0;
        }
        self.response_total.as_secs_f64() / self.responses as f64
    }

    fn case(&mut self, name: &str) -> &mut Case {
        let index = match self.cases.iter().position(|c| c.name == name) {
            Some(i) => i,
            None => {
                self.cases.push(Case {
                    name: name.to_string(),
                    ..Case::default()
                });
                self.cases.len() - 1
            }
        };
        &mut self.cases[index]
    }
}

/// Collects a run into a JUnit XML document.
pub struct JunitReporter {
    masker: Masker,
    clock: Clock,
    collection: String,
    started: u128,
    suites: Vec<Suite>,
}

/// `Folder / Get user` → `FolderGetUser`, like lodash's `upperFirst(camelCase(name))`.
pub fn upper_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            word_start = true;
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower {
            word_start = true;
        }
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase() || c.is_numeric();
        word_start = false;
    }
    out
}

fn script_at(kind: ScriptKind) -> &'static str {
    match kind {
        ScriptKind::PreRequest => "prerequest-script",
        ScriptKind::Test => "test-script",
    }
}

impl JunitReporter {
    /// A reporter masking secrets with `masker` and taking times from `clock`.
    pub fn new(masker: Masker, clock: Clock) -> Self {
        JunitReporter {
            masker,
            clock,
            collection: String::new(),
            started: clock.now_millis(),
            suites: Vec::new(),
        }
    }

    fn suite(&mut self, item: &ItemRef<'_>) -> &mut Suite {
        let name = item.full_name();
        let key = item.id.map_or_else(|| name.clone(), str::to_string);
        let index = match self.suites.iter().position(|s| s.key == key) {
            Some(i) => i,
            None => {
                self.suites.push(Suite {
                    id: item.id.map_or_else(|| name.clone(), str::to_string),
                    key,
                    name,
                    ..Suite::default()
                });
                self.suites.len() - 1
            }
        };
        &mut self.suites[index]
    }

    /// The XML document (`summary` gives the assertion total).
    pub fn document(&self, summary: &RunSummary) -> String {
        let m = |t: &str| attr(&self.masker.mask(t));
        let total: Duration = self.suites.iter().map(|s| s.response_total).sum();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"{}\" tests=\"{}\" time=\"{:.3}\">",
            m(&self.collection),
            summary.stats.assertions.executed,
            total.as_secs_f64()
        );
        let timestamp = self.clock.iso(self.started);
        for suite in &self.suites {
            self.write_suite(&mut out, suite, &timestamp);
        }
        out.push_str("</testsuites>\n");
        out
    }

    fn write_suite(&self, out: &mut String, suite: &Suite, timestamp: &str) {
        let m = |t: &str| attr(&self.masker.mask(t));
        let time = format!("{:.3}", suite.mean_seconds());
        let classname = m(&upper_camel(&suite.name));
        let mut error_kinds: Vec<&'static str> = Vec::new();
        for e in &suite.errors {
            if !error_kinds.contains(&e.at) {
                error_kinds.push(e.at);
            }
        }
        let failed = suite
            .cases
            .iter()
            .filter(|c| !c.failures.is_empty())
            .count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" id=\"{}\" timestamp=\"{timestamp}\" tests=\"{}\" failures=\"{failed}\" errors=\"{}\" time=\"{time}\">",
            m(&suite.name),
            m(&suite.id),
            suite.cases.len() + error_kinds.len(),
            suite.errors.len(),
        );
        for case in &suite.cases {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" time=\"{time}\" classname=\"{classname}\"",
                m(&case.name)
            );
            if let Some((_, _, first)) = case.failures.first() {
                let _ = writeln!(out, ">");
                let _ = writeln!(
                    out,
                    "      <failure type=\"AssertionFailure\" message=\"{}\">{}</failure>",
                    m(first),
                    cdata(&self.masker.mask(&self.failure_detail(suite, case)))
                );
                let _ = writeln!(out, "    </testcase>");
            } else if case.runs > 0 && case.skipped == case.runs {
                let _ = writeln!(out, ">\n      <skipped/>\n    </testcase>");
            } else {
                let _ = writeln!(out, "/>");
            }
        }
        for at in &error_kinds {
            let errors: Vec<&SuiteError> = suite.errors.iter().filter(|e| e.at == *at).collect();
            let Some(first) = errors.first() else {
                continue;
            };
            let _ = writeln!(
                out,
                "    <testcase name=\"{at}\" time=\"{time}\" classname=\"{classname}\">"
            );
            let _ = writeln!(
                out,
                "      <error type=\"{}\" message=\"{}\">{}</error>",
                m(&first.name),
                m(&first.message),
                cdata(&self.masker.mask(&error_lines(&errors)))
            );
            let _ = writeln!(out, "    </testcase>");
        }
        if !suite.errors.is_empty() {
            let all: Vec<&SuiteError> = suite.errors.iter().collect();
            let _ = writeln!(
                out,
                "    <system-err>{}</system-err>",
                cdata(&self.masker.mask(&error_lines(&all)))
            );
        }
        let _ = writeln!(out, "  </testsuite>");
    }

    fn failure_detail(&self, suite: &Suite, case: &Case) -> String {
        let n = case.failures.len();
        let times = if n == 1 { "time" } else { "times" };
        let mut text = format!(
            "Failed {n} {times}.\nCollection name: {}.\nRequest name: {}.\nTest description: {}.",
            self.collection, suite.name, case.name
        );
        for (iteration, name, message) in &case.failures {
            let _ = write!(
                text,
                "\nIteration: {}. Error message: {name}: {message}.",
                iteration + 1
            );
        }
        text
    }
}

fn error_lines(errors: &[&SuiteError]) -> String {
    errors
        .iter()
        .map(|e| {
            format!(
                "Iteration: {}\n{} in {}: {}",
                e.iteration + 1,
                e.name,
                e.at,
                e.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Listener for JunitReporter {
    fn on_event(&mut self, event: &Event<'_>) {
        let clock = self.clock;
        match event {
            Event::Start { collection, .. } => {
                self.collection = (*collection).to_string();
                self.started = clock.now_millis();
            }
            Event::BeforeItem { item, .. } => {
                self.suite(item);
            }
            Event::Request {
                cursor,
                item,
                request,
                response,
                credentials,
                ..
            } => {
                self.masker.learn_request(request, credentials);
                let suite = self.suite(item);
                match response {
                    Ok(r) => {
                        suite.response_total += clock.duration(r.elapsed);
                        suite.responses += 1;
                    }
                    Err(e) => suite.errors.push(SuiteError {
                        at: "request",
                        iteration: cursor.iteration,
                        name: "RequestError".into(),
                        message: e.message.clone(),
                    }),
                }
            }
            Event::Script {
                cursor,
                item,
                kind,
                error: Some(error),
                ..
            } => self.suite(item).errors.push(SuiteError {
                at: script_at(*kind),
                iteration: cursor.iteration,
                name: error.name.clone(),
                message: error.message.clone(),
            }),
            Event::Assertion {
                cursor,
                item,
                assertion,
                ..
            } => {
                let case = self.suite(item).case(&assertion.name);
                case.runs += 1;
                if assertion.skipped {
                    case.skipped += 1;
                }
                if let Some(error) = &assertion.error {
                    case.failures.push((
                        cursor.iteration,
                        error.name.clone(),
                        error.message.clone(),
                    ));
                }
            }
            Event::Script { .. }
            | Event::BeforeIteration { .. }
            | Event::Console { .. }
            | Event::Item { .. }
            | Event::Iteration { .. }
            | Event::RunError { .. }
            | Event::Done => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junit_classname_is_upper_camel_case() {
        assert_eq!(upper_camel("Folder / Get user"), "FolderGetUser");
        assert_eq!(upper_camel("auth - login (v8)"), "AuthLoginV8");
        assert_eq!(upper_camel("getUserById"), "GetUserById");
        assert_eq!(upper_camel(""), "");
    }
}

#[cfg(test)]
mod document_tests {
    use super::*;
    use crate::report::fixture::{SECRET, replay};
    use quick_xml::events::Event as Xml;

    /// An element: depth, name and attributes.
    type Element = (usize, String, Vec<(String, String)>);

    /// Every element, checking the document is well-formed.
    fn elements(text: &str) -> Vec<Element> {
        let mut reader = quick_xml::Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        let mut depth = 0;
        let mut out = Vec::new();
        loop {
            let event = reader
                .read_event()
                .unwrap_or_else(|e| panic!("{e}\n{text}"));
            let (start, empty) = match &event {
                Xml::Start(e) => (Some(e.clone()), false),
                Xml::Empty(e) => (Some(e.clone()), true),
                Xml::End(_) => {
                    depth -= 1;
                    (None, false)
                }
                Xml::Eof => break,
                _ => (None, false),
            };
            if let Some(e) = start {
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap_or_else(|e| panic!("{e}"));
                        let value = a
                            .unescape_value()
                            .unwrap_or_else(|e| panic!("{e}"))
                            .into_owned();
                        (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
                    })
                    .collect();
                out.push((
                    depth,
                    String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                    attrs,
                ));
                if !empty {
                    depth += 1;
                }
            }
        }
        assert_eq!(depth, 0, "unbalanced:\n{text}");
        out
    }

    fn get<'a>(attrs: &'a [(String, String)], key: &str) -> &'a str {
        attrs
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    #[test]
    fn junit_document_is_well_formed_aggregated_and_masked() {
        let mut junit =
            JunitReporter::new(Masker::new([SECRET.to_string()]), Clock { frozen: true });
        let summary = replay(&mut junit);
        let text = junit.document(&summary);
        assert!(!text.contains(SECRET), "{text}");
        let els = elements(&text);
        let (_, root, attrs) = &els[0];
        assert_eq!(root, "testsuites");
        assert_eq!(get(attrs, "name"), "Fixture & co");
        assert_eq!(get(attrs, "tests"), "4");
        let suites: Vec<_> = els.iter().filter(|(_, n, _)| n == "testsuite").collect();
        assert_eq!(suites.len(), 2, "aggregated over iterations:\n{text}");
        let login = &suites[0].2;
        assert_eq!(get(login, "name"), "Auth <&> / Log in");
        assert_eq!(get(login, "id"), "id-login");
        assert_eq!(get(login, "timestamp"), "2026-01-01T00:00:00.000Z");
        assert_eq!(get(login, "tests"), "2");
        assert_eq!(get(login, "failures"), "1");
        assert_eq!(get(login, "errors"), "0");
        assert_eq!(get(login, "time"), "0.000");
        let list = &suites[1].2;
        assert_eq!(get(list, "name"), "List ]]> partners");
        assert_eq!(get(list, "errors"), "4");
        let cases: Vec<_> = els.iter().filter(|(_, n, _)| n == "testcase").collect();
        let names: Vec<&str> = cases.iter().map(|c| get(&c.2, "name")).collect();
        assert_eq!(
            names,
            ["status is 200", "has \"token\"", "request", "test-script"]
        );
        assert_eq!(get(&cases[0].2, "classname"), "AuthLogIn");
        let failure = els
            .iter()
            .find(|(_, n, _)| n == "failure")
            .map(|f| f.2.clone())
            .unwrap_or_default();
        assert_eq!(get(&failure, "type"), "AssertionFailure");
        assert_eq!(get(&failure, "message"), "expected <b> to equal 'x' ]]>");
        assert!(text.contains("Failed 2 times."), "{text}");
        // Children of a suite in schema order: test cases, then system-err.
        let order: Vec<&str> = els
            .iter()
            .filter(|(d, _, _)| *d == 2)
            .map(|(_, n, _)| n.as_str())
            .collect();
        assert_eq!(
            order,
            ["testcase", "testcase", "testcase", "testcase", "system-err"]
        );
    }

    #[test]
    fn junit_times_are_means_in_seconds_when_live() {
        let mut junit = JunitReporter::new(Masker::disabled(), Clock { frozen: false });
        let summary = replay(&mut junit);
        let text = junit.document(&summary);
        assert!(
            text.contains("<testsuites name=\"Fixture &amp; co\" tests=\"4\" time=\"0.240\">"),
            "{text}"
        );
        assert!(text.contains("errors=\"0\" time=\"0.120\""), "{text}");
    }
}
