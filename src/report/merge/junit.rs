//! JUnit files of a sharded run merged into one, written as the JUnit reporter writes them
//! ([`crate::report::junit`]). The shards are taken in the order given (name them so that a
//! sorted list is shard order: `junit-1.xml` … `junit-4.xml`).
//!
//! The rules: `testsuites/@tests` and `@time` are summed; a suite (an item) found in several
//! shards (a run split by iteration) becomes one: found by `id`, else by name; its `failures`
//! and `errors` are summed, `tests` and each test case's `time` are the last shard's (the last
//! execution's, as the reporter counts them), `time` is the mean of the shards' means (exact when
//! the shards ran the item equally often), the `<system-err>` texts are joined; a test case that
//! failed in several shards counts all the failures (`Failed N times.`), and one that passed in
//! a later shard forgets earlier failures, as the reporter does within a run. Suites only one
//! shard has (a run split by folder) are copied as they are, in shard order.

use crate::diagnostic::Diagnostic;
use crate::report::xml::{attr, cdata};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::fmt::Write;
use std::path::Path;

/// An element's attributes, in order.
type Attrs = Vec<(String, String)>;

/// A `<failure>`: its attributes and its CDATA lines.
#[derive(Debug, Clone, Default)]
struct Failure {
    attrs: Attrs,
    lines: Vec<String>,
}

/// A `<testcase>`.
#[derive(Debug, Clone, Default)]
struct Case {
    attrs: Attrs,
    failure: Option<Failure>,
}

/// A `<testsuite>`, with how many shards' suites it is the merge of, and their times' sum.
#[derive(Debug, Clone, Default)]
struct Suite {
    attrs: Attrs,
    system_err: Option<String>,
    cases: Vec<Case>,
    merged: usize,
    time_sum: f64,
}

/// One JUnit file: the root's attributes and its suites.
#[derive(Debug, Default)]
pub struct JunitShard {
    attrs: Attrs,
    suites: Vec<Suite>,
}

fn get<'a>(attrs: &'a Attrs, key: &str) -> &'a str {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

fn set(attrs: &mut Attrs, key: &str, value: String) {
    match attrs.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => attrs.push((key.to_string(), value)),
    }
}

fn number(attrs: &Attrs, key: &str) -> f64 {
    get(attrs, key).parse().unwrap_or(0.0)
}

impl JunitShard {
    /// Parse `text`, read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Diagnostic> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(true);
        reader.config_mut().check_end_names = true;
        let mut shard = JunitShard::default();
        let mut stack: Vec<String> = Vec::new();
        loop {
            let at = reader.buffer_position();
            let event = reader.read_event().map_err(|e| {
                Diagnostic::in_file(path, format!("not well-formed XML at byte {at}: {e}"))
            })?;
            match event {
                Event::Start(e) => {
                    shard.open(&e, path)?;
                    stack.push(name(&e));
                }
                Event::Empty(e) => shard.open(&e, path)?,
                Event::End(_) => {
                    stack.pop();
                }
                Event::CData(data) => {
                    let text = String::from_utf8_lossy(&data).into_owned();
                    shard.text(stack.last().map_or("", String::as_str), text);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if shard.attrs.is_empty() && shard.suites.is_empty() {
            return Err(Diagnostic::in_file(
                path,
                "not a JUnit report: no <testsuites>",
            ));
        }
        Ok(shard)
    }

    /// An element starts.
    fn open(&mut self, e: &BytesStart<'_>, path: &Path) -> Result<(), Diagnostic> {
        let mut attrs = Attrs::new();
        for a in e.attributes() {
            let bad = |e: &dyn std::fmt::Display| Diagnostic::in_file(path, format!("{e}"));
            let a = a.map_err(|e| bad(&e))?;
            let value = a.unescape_value().map_err(|e| bad(&e))?.into_owned();
            attrs.push((String::from_utf8_lossy(a.key.as_ref()).into_owned(), value));
        }
        match name(e).as_str() {
            "testsuites" => self.attrs = attrs,
            "testsuite" => {
                let time_sum = number(&attrs, "time");
                self.suites.push(Suite {
                    attrs,
                    merged: 1,
                    time_sum,
                    ..Suite::default()
                });
            }
            "testcase" => {
                if let Some(suite) = self.suites.last_mut() {
                    suite.cases.push(Case {
                        attrs,
                        failure: None,
                    });
                }
            }
            "failure" => {
                let case = self.suites.last_mut().and_then(|s| s.cases.last_mut());
                if let Some(case) = case {
                    case.failure = Some(Failure {
                        attrs,
                        lines: Vec::new(),
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// CDATA inside the element `within`.
    fn text(&mut self, within: &str, text: String) {
        let Some(suite) = self.suites.last_mut() else {
            return;
        };
        match within {
            "system-err" => suite.system_err.get_or_insert_default().push_str(&text),
            "failure" => {
                if let Some(failure) = suite.cases.last_mut().and_then(|c| c.failure.as_mut()) {
                    failure.lines.push(text);
                }
            }
            _ => {}
        }
    }

    /// The collection's name (`testsuites/@name`).
    pub fn collection(&self) -> &str {
        get(&self.attrs, "name")
    }

    /// True when a suite has a failure or an error.
    pub fn failed(&self) -> bool {
        self.suites
            .iter()
            .any(|s| number(&s.attrs, "failures") > 0.0 || number(&s.attrs, "errors") > 0.0)
    }
}

fn name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.name().as_ref()).into_owned()
}

/// The shards' JUnit files merged (in the order given) into one document.
pub fn merge_junit(shards: Vec<JunitShard>) -> String {
    let mut all = JunitShard::default();
    let (mut tests, mut time) = (0.0, 0.0);
    for (n, shard) in shards.into_iter().enumerate() {
        tests += number(&shard.attrs, "tests");
        time += number(&shard.attrs, "time");
        if n == 0 {
            all.attrs = shard.attrs.clone();
        }
        let mut used = vec![false; all.suites.len()];
        for suite in shard.suites {
            let id = get(&suite.attrs, "id");
            let found = all
                .suites
                .iter()
                .position(|s| !id.is_empty() && get(&s.attrs, "id") == id)
                .or_else(|| {
                    let name = get(&suite.attrs, "name");
                    (0..used.len()).find(|&i| !used[i] && get(&all.suites[i].attrs, "name") == name)
                });
            match found {
                Some(i) if i < used.len() && !used[i] => {
                    used[i] = true;
                    absorb(&mut all.suites[i], suite);
                }
                _ => all.suites.push(suite),
            }
        }
    }
    set(&mut all.attrs, "tests", format!("{tests}"));
    set(&mut all.attrs, "time", format!("{time:.3}"));
    write(&all)
}

/// `later`, the same item's suite from a later shard, merged into `suite`.
fn absorb(suite: &mut Suite, later: Suite) {
    for key in ["failures", "errors"] {
        let sum = number(&suite.attrs, key) + number(&later.attrs, key);
        set(&mut suite.attrs, key, format!("{sum}"));
    }
    set(
        &mut suite.attrs,
        "tests",
        get(&later.attrs, "tests").to_string(),
    );
    suite.merged += 1;
    suite.time_sum += later.time_sum;
    let mean = suite.time_sum / suite.merged as f64;
    set(&mut suite.attrs, "time", format!("{mean:.3}"));
    if let Some(text) = later.system_err {
        suite.system_err.get_or_insert_default().push_str(&text);
    }
    for case in later.cases {
        let name = get(&case.attrs, "name");
        let Some(known) = suite
            .cases
            .iter_mut()
            .find(|c| get(&c.attrs, "name") == name)
        else {
            suite.cases.push(case);
            continue;
        };
        known.attrs = case.attrs;
        known.failure = match (known.failure.take(), case.failure) {
            (Some(mut earlier), Some(now)) => {
                let count = |f: &Failure| failed_times(f).unwrap_or(1);
                let total = count(&earlier) + count(&now);
                if let Some(line) = earlier.lines.first_mut() {
                    *line = format!("Failed {total} times.");
                }
                Some(earlier)
            }
            (_, now) => now,
        };
    }
}

/// `N` of a failure's `Failed N times.` line.
fn failed_times(failure: &Failure) -> Option<u64> {
    let line = failure.lines.first()?;
    line.strip_prefix("Failed ")?
        .strip_suffix(" times.")?
        .parse()
        .ok()
}

/// The document, indented as the JUnit reporter writes it.
fn write(all: &JunitShard) -> String {
    let attrs = |attrs: &Attrs| -> String {
        attrs
            .iter()
            .map(|(k, v)| format!(" {k}=\"{}\"", attr(v)))
            .collect()
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(out, "<testsuites{}", attrs(&all.attrs));
    if all.suites.is_empty() {
        out.push_str("/>");
        return out;
    }
    out.push_str(">\n");
    for suite in &all.suites {
        let _ = write!(out, "  <testsuite{}", attrs(&suite.attrs));
        if suite.system_err.is_none() && suite.cases.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        if let Some(text) = &suite.system_err {
            let _ = writeln!(out, "    <system-err>{}</system-err>", cdata(text));
        }
        for case in &suite.cases {
            let _ = write!(out, "    <testcase{}", attrs(&case.attrs));
            let Some(failure) = &case.failure else {
                out.push_str("/>\n");
                continue;
            };
            let _ = writeln!(out, ">\n      <failure{}>", attrs(&failure.attrs));
            for line in &failure.lines {
                let _ = writeln!(out, "        {}", cdata(line));
            }
            out.push_str("      </failure>\n    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="c" tests="2" time="0.010">
  <testsuite name="A / a" id="i1" timestamp="t" tests="1" failures="1" errors="0" time="0.004">
    <testcase name="ok" time="0.003" classname="AA">
      <failure type="AssertionFailure" message="no &amp; &lt;">
        <![CDATA[Failed 1 times.]]>
        <![CDATA[Test description: ok.]]>
      </failure>
    </testcase>
  </testsuite>
  <testsuite name="b" id="i2" timestamp="t" tests="0" failures="0" errors="0" time="0.006"/>
</testsuites>"#;

    #[test]
    fn merge_junit_one_file_is_written_back_as_read() {
        let shard = JunitShard::parse(Path::new("j.xml"), ONE).unwrap();
        assert!(shard.failed());
        assert_eq!(merge_junit(vec![shard]), ONE);
    }

    #[test]
    fn merge_junit_same_item_in_two_shards_sums_failures() {
        let parse = || JunitShard::parse(Path::new("j.xml"), ONE).unwrap();
        let merged = merge_junit(vec![parse(), parse()]);
        assert!(merged.contains(r#"<testsuites name="c" tests="4" time="0.020">"#));
        assert!(merged.contains(r#"tests="1" failures="2" errors="0" time="0.004""#));
        assert!(merged.contains("Failed 2 times."), "{merged}");
        assert_eq!(merged.matches("<testsuite ").count(), 2);
    }

    #[test]
    fn merge_junit_refuses_broken_xml() {
        let e = JunitShard::parse(Path::new("bad.xml"), "<testsuites><x></y>").unwrap_err();
        assert!(e.to_string().contains("bad.xml"), "{e}");
    }
}
