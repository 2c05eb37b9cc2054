//! The JUnit reporter (`-r junit`), writing the file Newman 6.2's reporter writes, line for line
//! (xmlbuilder's pretty printing included). It only collects; the export step writes the text
//! [`JunitReporter::document`] returns.
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <testsuites name="Partner API" tests="2" time="0.042">
//!   <testsuite name="Auth / Login" id="…" timestamp="2026-01-01T00:00:00.000Z" tests="2" failures="1" errors="0" time="0.021">
//!     <testcase name="status is 200" time="0.021" classname="AuthLogin"/>
//!     <testcase name="has token" time="0.021" classname="AuthLogin">
//!       <failure type="AssertionFailure" message="expected …">
//!         <![CDATA[Failed 1 times.]]>
//!         …
//!       </failure>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! Newman's rules, kept as they are because CI dashboards were built on them:
//! - `testsuites/@tests` is the run's `stats.tests.total` (items whose test phase ran), not the
//!   number of assertions;
//! - one `<testsuite>` per item (by id), over all its executions: `tests` is the number of
//!   assertions of its **last** execution, `failures` and `errors` count over all of them,
//!   `time` is the mean response time in seconds, and every test case carries the last
//!   execution's response time;
//! - one `<testcase>` per assertion name, in the order names first appeared (names that are
//!   array indices first, as JavaScript orders object keys); a later pass of the same name
//!   forgets the earlier failures;
//! - request and script errors go to one `<system-err>` (before the test cases) with each
//!   execution's `Iteration: N` (0-based), no test case of their own;
//! - an assertion's stack is the sandbox's synthetic
//!   `Name: message\n   at Object.eval sandbox-script.js:INDEX:POSITION)`.

use super::format::assertion_stack;
use super::json_parts::stack_message;
use super::mask::Masker;
use super::summary::{BAIL_FAILURE, RunSummary};
use super::test_mode::Clock;
use super::xml::{attr, cdata};
use crate::http::HttpError;
use crate::runner::{Cursor, Event, ItemRef, Listener};
use crate::script::ScriptKind;
use std::fmt::Write;
use std::time::Duration;

/// One assertion of an execution.
#[derive(Debug)]
struct Assertion {
    name: String,
    /// Message and stack, when it failed.
    failure: Option<(String, String)>,
}

/// One execution of an item: what Newman's `run.executions[]` entry holds.
#[derive(Debug, Default)]
struct Execution {
    iteration: usize,
    /// Requests sent in it (a script's `pm.sendRequest` too): Newman lists the record once per
    /// request, and not at all when the request was skipped.
    requests: usize,
    /// The response time, when a response came.
    response: Option<Duration>,
    /// The request error's stack text.
    request_error: Option<String>,
    /// Its last request was a script's `pm.sendRequest` (Newman's record then has that
    /// request's id, not the item's).
    last_from_script: bool,
    /// Messages of failed test scripts, then of failed pre-request scripts.
    test_errors: Vec<String>,
    prerequest_errors: Vec<String>,
    assertions: Vec<Assertion>,
}

/// One item, over all its executions.
#[derive(Debug)]
struct Suite {
    id: String,
    name: String,
    executions: Vec<Execution>,
}

impl Suite {
    /// The item's records as Newman's report lists them (each execution once per request it
    /// sent, none for an execution whose request was skipped), grouped as Newman's JUnit
    /// reporter groups them: it files a record under the item's id but starts the list again
    /// at a record whose own id is not the item's, one whose last request was a script's.
    fn records(&self) -> Vec<&Execution> {
        let mut records = Vec::new();
        for e in &self.executions {
            for _ in 0..e.requests {
                if e.last_from_script {
                    records.clear();
                }
                records.push(e);
            }
        }
        records
    }
}

/// Collects a run into a JUnit XML document.
pub struct JunitReporter {
    masker: Masker,
    clock: Clock,
    collection: String,
    collection_id: String,
    started: u128,
    suites: Vec<Suite>,
    /// Where each item's suite is in `suites`, by item id, else by the item's position in the
    /// plan (a long run has many items).
    by_key: std::collections::HashMap<String, usize>,
}

/// `Folder / Get user` → `FolderGetUser`, like Newman's `upperFirst(camelCase(name))` without
/// non-word characters: accented Latin letters lose their accents (lodash's `deburr`), other
/// letters outside ASCII shape the words but are dropped (Newman's `replace(/\W/g, '')`).
pub fn upper_camel(name: &str) -> String {
    let name = super::deburr::deburr(name);
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
        if c.is_ascii() {
            out.push(match word_start {
                true => c.to_ascii_uppercase(),
                false => c.to_ascii_lowercase(),
            });
        }
        previous_lower = c.is_lowercase() || c.is_numeric();
        word_start = false;
    }
    // `upperFirst` comes last, after the dropped letters.
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// True for a name JavaScript orders first among an object's keys: a canonical array index.
fn array_index(name: &str) -> Option<u32> {
    let n: u32 = name.parse().ok()?;
    (n != u32::MAX && n.to_string() == name).then_some(n)
}

/// The first line of the stack Node gives a request error: `Error: connect ECONNREFUSED …`, or
/// for Node's own coded errors `TypeError [ERR_UNESCAPED_CHARACTERS]: …`. (Node's frames that
/// follow it in Newman's report have no counterpart in postie.)
fn node_stack_head(error: &HttpError) -> String {
    // Node's own errors (`ERR_*`) carry the code in their name; zlib's (`ERR__*`) do not.
    match error
        .code
        .filter(|c| c.starts_with("ERR_") && !c.starts_with("ERR__"))
    {
        Some(code) => format!("{} [{code}]: {}", error.name, error.message),
        None => format!("{}: {}", error.name, error.message),
    }
}

/// The number of request and script errors of `executions`, and Newman's `<system-err>` text
/// for them: per execution with an error, `Iteration: N` (0-based), the request error, `---`,
/// then each failed test script's and pre-request script's message, each followed by `---`.
fn system_err(executions: &[&Execution]) -> (usize, String) {
    let mut errors = 0;
    let mut all = String::new();
    for e in executions {
        let mut text = format!("Iteration: {}\n", e.iteration);
        if let Some(stack) = &e.request_error {
            errors += 1;
            let _ = writeln!(text, "RequestError: {stack}");
        }
        text.push_str("\n---\n");
        for (prop, messages) in [
            ("testScript", &e.test_errors),
            ("prerequestScript", &e.prerequest_errors),
        ] {
            for message in messages {
                errors += 1;
                let _ = write!(text, "{prop}Error: {message}\n---\n");
            }
        }
        if e.request_error.is_some() || !e.test_errors.is_empty() || !e.prerequest_errors.is_empty()
        {
            all.push_str(&text);
        }
    }
    (errors, all)
}

/// Test case names with their failures (message, stack), in JavaScript's key order.
fn test_cases<'a>(executions: &[&'a Execution]) -> Vec<(&'a str, Vec<&'a (String, String)>)> {
    let mut cases: Vec<(&str, Vec<&(String, String)>)> = Vec::new();
    for assertion in executions.iter().flat_map(|e| &e.assertions) {
        let index = match cases.iter().position(|(n, _)| *n == assertion.name) {
            Some(i) => i,
            None => {
                cases.push((&assertion.name, Vec::new()));
                cases.len() - 1
            }
        };
        match &assertion.failure {
            Some(failure) => cases[index].1.push(failure),
            None => cases[index].1.clear(),
        }
    }
    let (mut indices, named): (Vec<_>, Vec<_>) = cases
        .into_iter()
        .partition(|(n, _)| array_index(n).is_some());
    indices.sort_by_key(|(n, _)| array_index(n));
    indices.extend(named);
    indices
}

impl JunitReporter {
    /// A reporter masking secrets with `masker` and taking times from `clock`.
    pub fn new(masker: Masker, clock: Clock) -> Self {
        JunitReporter {
            masker,
            clock,
            collection: String::new(),
            collection_id: String::new(),
            started: clock.now_millis(),
            suites: Vec::new(),
            by_key: std::collections::HashMap::new(),
        }
    }

    fn suite(&mut self, item: &ItemRef<'_>, cursor: &Cursor) -> &mut Suite {
        let key = item
            .id
            .map_or_else(|| format!("#{}", cursor.position), str::to_string);
        let index = match self.by_key.get(&key) {
            Some(i) => *i,
            None => {
                self.by_key.insert(key, self.suites.len());
                self.suites.push(Suite {
                    id: item.id.map_or_else(|| self.clock.id(), str::to_string),
                    name: item.full_name(),
                    executions: Vec::new(),
                });
                self.suites.len() - 1
            }
        };
        &mut self.suites[index]
    }

    /// The current execution of `item` (one is opened by its `BeforeItem`).
    fn execution(&mut self, item: &ItemRef<'_>, cursor: &Cursor) -> &mut Execution {
        let suite = self.suite(item, cursor);
        if suite.executions.is_empty() {
            suite.executions.push(Execution {
                iteration: cursor.iteration,
                ..Execution::default()
            });
        }
        let last = suite.executions.len() - 1;
        &mut suite.executions[last]
    }

    /// The XML document (`summary` gives `stats.tests.total`).
    pub fn document(&self, summary: &RunSummary) -> String {
        let m = |t: &str| attr(&self.masker.mask(t));
        let seconds = |e: &Execution| e.response.map_or(0.0, |d| d.as_secs_f64());
        let total: f64 = self
            .suites
            .iter()
            .flat_map(Suite::records)
            .map(seconds)
            .fold(0.0, |sum, s| sum + s);
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = write!(
            out,
            "<testsuites name=\"{}\" tests=\"{}\" time=\"{total:.3}\"",
            m(&self.collection),
            summary.stats.tests.executed,
        );
        let suites: Vec<&Suite> = self
            .suites
            .iter()
            .filter(|s| !s.records().is_empty())
            .collect();
        if suites.is_empty() {
            out.push_str("/>");
            return out;
        }
        out.push_str(">\n");
        let timestamp = self.clock.iso(self.started);
        for suite in suites {
            self.write_suite(&mut out, suite, &timestamp);
        }
        out.push_str("</testsuites>");
        out
    }

    fn write_suite(&self, out: &mut String, suite: &Suite, timestamp: &str) {
        let m = |t: &str| attr(&self.masker.mask(t));
        let seconds = |e: &Execution| e.response.map_or(0.0, |d| d.as_secs_f64());
        let executions = suite.records();
        let executions = executions.as_slice();
        let mean =
            executions.iter().copied().map(seconds).sum::<f64>() / executions.len().max(1) as f64;
        let last_time = executions.last().map_or(0.0, |e| seconds(e));
        let (errors, system_err) = system_err(executions);
        let failures: usize = executions
            .iter()
            .flat_map(|e| &e.assertions)
            .filter(|a| a.failure.is_some())
            .count();
        let tests = executions.last().map_or(0, |e| e.assertions.len());
        let _ = write!(
            out,
            "  <testsuite name=\"{}\" id=\"{}\" timestamp=\"{timestamp}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{mean:.3}\"",
            m(&suite.name),
            m(&suite.id),
        );
        let cases = test_cases(executions);
        if system_err.is_empty() && cases.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        if !system_err.is_empty() {
            let _ = writeln!(
                out,
                "    <system-err>{}</system-err>",
                cdata(&self.masker.mask(&system_err))
            );
        }
        let classname = upper_camel(&suite.name);
        let classname = if classname.is_empty() {
            upper_camel(&self.collection)
        } else {
            classname
        };
        for (name, failures) in cases {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" time=\"{last_time:.3}\" classname=\"{}\"",
                m(name),
                m(&classname)
            );
            let Some((message, stack)) = failures.first() else {
                out.push_str("/>\n");
                continue;
            };
            let _ = writeln!(
                out,
                ">\n      <failure type=\"AssertionFailure\" message=\"{}\">",
                m(message)
            );
            let lines = [
                format!("Failed {} times.", failures.len()),
                format!("Collection JSON ID: {}.", self.collection_id),
                format!("Collection name: {}.", self.collection),
                format!("Request name: {}.", suite.name),
                format!("Test description: {name}."),
                format!("Error message: {message}."),
                format!("Stacktrace: {stack}."),
            ];
            for line in lines {
                let _ = writeln!(out, "        {}", cdata(&self.masker.mask(&line)));
            }
            out.push_str("      </failure>\n    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
}

impl JunitReporter {
    /// A request of an execution: counts it and keeps its response time or error.
    fn on_request(&mut self, event: &Event<'_>) {
        let Event::Request {
            cursor,
            item,
            request,
            response,
            credentials,
            from_script,
            ..
        } = event
        else {
            return;
        };
        let clock = self.clock;
        self.masker.learn_request(request, credentials);
        let execution = self.execution(item, cursor);
        execution.requests += 1;
        execution.last_from_script = *from_script;
        // As Newman's one record per execution: the last request's response, and a
        // request error once any request failed.
        match response {
            Ok(r) => execution.response = Some(clock.duration(r.elapsed)),
            Err(e) => {
                execution.response = None;
                execution.request_error = Some(node_stack_head(e));
            }
        }
    }

    /// A script that threw: its message goes with the execution's test or pre-request errors.
    fn on_script(&mut self, event: &Event<'_>) {
        let Event::Script {
            cursor,
            item,
            kind,
            error: Some(error),
            ..
        } = event
        else {
            return;
        };
        let execution = self.execution(item, cursor);
        // Newman writes the error's stack, else its message; of the script errors only
        // `--bail`'s `AssertionFailure` has a stack (its first line).
        let message = if error.name == BAIL_FAILURE {
            format!("{}: {}", error.name, error.message)
        } else {
            error.message.clone()
        };
        match kind {
            ScriptKind::Test => execution.test_errors.push(message),
            ScriptKind::PreRequest => execution.prerequest_errors.push(message),
        }
    }

    /// An assertion: its name and, when it failed, its message and stack.
    fn on_assertion(&mut self, event: &Event<'_>) {
        let Event::Assertion {
            cursor,
            item,
            assertion,
            ..
        } = event
        else {
            return;
        };
        let failure = assertion.error.as_ref().map(|e| {
            (
                e.message.clone(),
                assertion_stack(&e.name, stack_message(e), assertion.index, cursor.position),
            )
        });
        let name = assertion.name.clone();
        self.execution(item, cursor)
            .assertions
            .push(Assertion { name, failure });
    }
}

impl Listener for JunitReporter {
    fn on_event(&mut self, event: &Event<'_>) {
        let clock = self.clock;
        match event {
            Event::Start {
                collection,
                collection_id,
                ..
            } => {
                self.collection = (*collection).to_string();
                self.collection_id = collection_id.map_or_else(|| clock.id(), str::to_string);
                self.started = clock.now_millis();
            }
            Event::BeforeItem { item, cursor } => {
                let iteration = cursor.iteration;
                self.suite(item, cursor).executions.push(Execution {
                    iteration,
                    ..Execution::default()
                });
            }
            Event::Request { .. } => self.on_request(event),
            Event::Script { .. } => self.on_script(event),
            Event::Assertion { .. } => self.on_assertion(event),
            Event::BeforeIteration { .. }
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
        assert_eq!(upper_camel("Ünïcødé ✓ request"), "UnicodeRequest");
        assert_eq!(upper_camel("数据a 東京 list"), "AList");
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
        assert_eq!(
            get(attrs, "tests"),
            "4",
            "Newman's stats.tests.total: items run"
        );
        let suites: Vec<_> = els.iter().filter(|(_, n, _)| n == "testsuite").collect();
        assert_eq!(suites.len(), 2, "aggregated over iterations:\n{text}");
        let login = &suites[0].2;
        assert_eq!(get(login, "name"), "Auth <&> / Log in");
        assert_eq!(get(login, "id"), "id-login");
        assert_eq!(get(login, "timestamp"), "2026-01-01T00:00:00.000Z");
        assert_eq!(get(login, "tests"), "2", "the last execution's assertions");
        assert_eq!(get(login, "failures"), "2", "failures over both iterations");
        assert_eq!(get(login, "errors"), "0");
        assert_eq!(get(login, "time"), "0.000");
        let list = &suites[1].2;
        assert_eq!(get(list, "name"), "List ]]> partners");
        assert_eq!(get(list, "tests"), "0");
        assert_eq!(
            get(list, "errors"),
            "4",
            "two request and two script errors"
        );
        let cases: Vec<_> = els.iter().filter(|(_, n, _)| n == "testcase").collect();
        let names: Vec<&str> = cases.iter().map(|c| get(&c.2, "name")).collect();
        assert_eq!(names, ["status is 200", "has \"token\""]);
        assert_eq!(get(&cases[0].2, "classname"), "AuthLogIn");
        let failure = els
            .iter()
            .find(|(_, n, _)| n == "failure")
            .map(|f| f.2.clone())
            .unwrap_or_default();
        assert_eq!(get(&failure, "type"), "AssertionFailure");
        assert_eq!(get(&failure, "message"), "expected <b> to equal 'x' ]]>");
        for line in [
            "        <![CDATA[Failed 2 times.]]>",
            "        <![CDATA[Collection JSON ID: id-collection.]]>",
            "        <![CDATA[Request name: Auth <&> / Log in.]]>",
            "   at Object.eval sandbox-script.js:2:1).]]>",
        ] {
            assert!(text.contains(line), "{line}\n{text}");
        }
        assert!(
            text.contains("<system-err><![CDATA[Iteration: 0\nRequestError: Error: "),
            "{text}"
        );
        // Newman's order: system-err before the test cases; no test case for errors.
        let order: Vec<&str> = els
            .iter()
            .filter(|(d, _, _)| *d == 2)
            .map(|(_, n, _)| n.as_str())
            .collect();
        assert_eq!(order, ["testcase", "testcase", "system-err"]);
        assert!(
            text.ends_with("</testsuites>"),
            "no newline at the end, as Newman"
        );
    }

    #[test]
    fn junit_test_cases_follow_javascript_key_order_and_a_pass_clears_failures() {
        let exec = |names: &[(&str, bool)]| Execution {
            assertions: names
                .iter()
                .map(|(n, ok)| Assertion {
                    name: (*n).to_string(),
                    failure: (!ok).then(|| ("m".to_string(), "s".to_string())),
                })
                .collect(),
            ..Execution::default()
        };
        let executions = [
            exec(&[("b", false), ("10", true), ("2", false)]),
            exec(&[("b", true), ("a", false)]),
        ];
        let cases: Vec<(&str, usize)> = test_cases(&[&executions[0], &executions[1]])
            .into_iter()
            .map(|(n, f)| (n, f.len()))
            .collect();
        assert_eq!(cases, [("2", 1), ("10", 0), ("b", 0), ("a", 1)]);
    }

    #[test]
    fn junit_records_start_again_after_an_execution_ending_on_a_script_request() {
        let exec = |iteration, requests, last_from_script| Execution {
            iteration,
            requests,
            last_from_script,
            ..Execution::default()
        };
        let suite = |executions| Suite {
            id: "i".into(),
            name: "n".into(),
            executions,
        };
        let iterations =
            |s: &Suite| -> Vec<usize> { s.records().iter().map(|e| e.iteration).collect() };
        // Its own request last: every record of every iteration, each once per request.
        assert_eq!(
            iterations(&suite(vec![exec(0, 2, false), exec(1, 1, false)])),
            [0, 0, 1]
        );
        // A `pm.sendRequest` last: only the last record stays (Newman's reporter files it
        // under its own id), and later executions are added to it again.
        assert_eq!(
            iterations(&suite(vec![
                exec(0, 1, false),
                exec(1, 3, true),
                exec(2, 1, false)
            ])),
            [1, 2]
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
