//! The data a user's Handlebars template is rendered with, in the shape Newman's HTML reporters
//! pass theirs (newman-reporter-html and newman-reporter-htmlextra), so existing templates
//! work: `browserTitle`, `title`, `timestamp`, the htmlextra options, `aggregations` (requests
//! grouped under their folder, each with its request, response, assertions, mean time and
//! size, test counts and console output) and `summary` (`stats`, `timings`, `transfers`,
//! `collection`, `environment`, `globals`, `failures`, `skippedTests`, …).
//! `docs/html-templates.md` documents every field. Everything in it is masked.

use super::capture::{Capture, Execution, Header};
use super::format::duration;
use super::html::HtmlOptions;
use super::json::{mask_strings, stats_json};
use super::mask::{MASK, looks_secret};
use super::summary::RunSummary;
use super::template_helpers::js_number;
use super::test_mode::Clock;
use crate::collection::{LoadedCollection, Node};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::time::Duration;

/// Which reporter's context a template gets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Flavour {
    /// newman-reporter-html: one `executions` entry per request item, summed over iterations.
    #[default]
    Html,
    /// newman-reporter-htmlextra: one entry per request run (item and iteration).
    HtmlExtra,
}

/// The environment and globals as the run left them, in Newman's export shape
/// (`{"id", "name", "values": [{"key", "value", "type", "enabled"}]}`).
#[derive(Debug, Clone, Default)]
pub struct RunVariables {
    /// The environment.
    pub environment: Value,
    /// The globals.
    pub globals: Value,
    /// Whether the environment came from a file (`-e`); else postie made its document up.
    pub environment_from_file: bool,
    /// Whether the globals came from a file (`-g`).
    pub globals_from_file: bool,
}

/// What a template may show about the collection that events do not carry.
#[derive(Debug, Clone, Default)]
pub struct CollectionInfo {
    /// `info._postman_id`.
    pub id: Option<String>,
    /// `info.name`.
    pub name: String,
    /// `info.description` as text.
    pub description: Option<String>,
    /// Folder ids and descriptions by folder path (`A / B`).
    folders: HashMap<String, (Option<String>, Option<String>)>,
    /// Request descriptions (`{content, type}`) by item id.
    requests: HashMap<String, Value>,
}

/// A `description` field as text: a string, or the `content` of `{content, type}`.
fn description_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("content").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

impl CollectionInfo {
    /// Ids and descriptions of `collection`, its folders and its requests in memory.
    pub fn from_collection(collection: &LoadedCollection) -> Self {
        let mut info = CollectionInfo {
            id: collection.id.clone(),
            name: collection.name.clone(),
            description: collection
                .doc
                .field("info")
                .ok()
                .flatten()
                .and_then(|i| description_text(i.get("description"))),
            ..CollectionInfo::default()
        };
        let folder_docs = collection.doc.field("item").ok().flatten();
        info.walk(&collection.items, folder_docs.as_ref(), "");
        info
    }

    /// The description of the folder at `path` (names joined by ` / `, outermost first).
    pub fn folder_description(&self, path: &str) -> Option<&str> {
        self.folders.get(path)?.1.as_deref()
    }

    fn walk(&mut self, nodes: &[Node], docs: Option<&Value>, path: &str) {
        for (index, node) in nodes.iter().enumerate() {
            let doc = docs.and_then(|d| d.get(index));
            match node {
                Node::Group(group) => {
                    let here = if path.is_empty() {
                        group.name.clone()
                    } else {
                        format!("{path} / {}", group.name)
                    };
                    let description = description_text(doc.and_then(|d| d.get("description")));
                    self.folders
                        .insert(here.clone(), (group.id.clone(), description));
                    self.walk(&group.items, doc.and_then(|d| d.get("item")), &here);
                }
                Node::Item(item) => {
                    if let (Some(id), Some(d)) = (&item.id, &item.request.description) {
                        self.requests.insert(id.clone(), (**d).clone());
                    }
                }
            }
        }
    }
}

/// Bytes as newman-reporter-html shows sizes (filesize, base 2, no space): `305B`, `1.21KB`.
fn filesize(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = if bytes.is_finite() { bytes } else { 0.0 };
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{}", UNITS[unit])
}

/// Milliseconds as newman-reporter-html shows times: `45ms`, `2.5s`, `1m 3.4s`.
fn prettyms(ms: f64) -> String {
    let ms = if ms.is_finite() && ms > 0.0 { ms } else { 0.0 };
    duration(Duration::from_secs_f64(ms / 1000.0))
}

/// A stable reference for one run of an item (Newman's `cursor.ref`).
fn cursor_ref(e: &Execution) -> String {
    format!("00000000-0000-4000-8000-{:012}", e.number)
}

/// The item's id, or a stable made-up one for items without (Newman makes up a random one).
fn item_id(e: &Execution) -> String {
    e.item_id
        .clone()
        .unwrap_or_else(|| format!("00000000-0000-4000-9000-{:012}", e.position))
}

fn header_list(headers: &[Header]) -> Vec<Value> {
    headers
        .iter()
        .map(|h| json!({"key": h.name, "value": h.value}))
        .collect()
}

fn request_json(e: &Execution, info: &CollectionInfo) -> Value {
    let headers = header_list(&e.request_headers);
    let mut map = Map::new();
    map.insert("url".into(), json!(e.url));
    map.insert("method".into(), json!(e.method));
    map.insert("header".into(), json!(headers));
    map.insert("headers".into(), json!({ "members": headers }));
    if let Some(body) = &e.request_body {
        map.insert("body".into(), json!({"mode": "raw", "raw": body.text}));
    }
    if let Some(d) = e.item_id.as_ref().and_then(|id| info.requests.get(id)) {
        map.insert("description".into(), d.clone());
    }
    Value::Object(map)
}

fn response_json(e: &Execution) -> Value {
    match &e.response {
        Some(r) => json!({
            "status": r.reason,
            "code": r.code,
            "header": header_list(&r.headers),
            "body": r.body.text,
            "cookie": [],
            "responseTime": r.time_ms,
            "responseSize": r.body.size,
        }),
        None => Value::Null,
    }
}

fn cursor_json(e: &Execution, capture: &Capture) -> Value {
    json!({
        "ref": cursor_ref(e),
        "iteration": e.iteration.saturating_sub(1),
        "position": e.position,
        "cycles": capture.iterations,
        "httpRequestId": cursor_ref(e),
    })
}

/// Per-test counts of a group of executions: `{name, passed, failed, skipped, testFailure}`.
fn assertion_counts(executions: &[&Execution]) -> (Vec<Value>, Value) {
    let mut order: Vec<String> = Vec::new();
    let mut counts: HashMap<String, (u64, u64, u64, Option<String>)> = HashMap::new();
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for e in executions {
        for a in &e.assertions {
            let entry = counts.entry(a.name.clone()).or_insert_with(|| {
                order.push(a.name.clone());
                (0, 0, 0, None)
            });
            if a.skipped {
                entry.2 += 1;
                skipped += 1;
            } else if let Some(error) = &a.error {
                entry.1 += 1;
                failed += 1;
                entry.3.get_or_insert_with(|| error.clone());
            } else {
                entry.0 += 1;
                passed += 1;
            }
        }
    }
    let list = order
        .iter()
        .map(|name| {
            let (p, f, s, error) = counts.get(name).cloned().unwrap_or_default();
            let message = error.map(|e| e.split_once(": ").map_or(e.clone(), |(_, m)| m.into()));
            json!({
                "name": name,
                "passed": p,
                "failed": f,
                "skipped": s,
                "testFailure": {"test": message.as_ref().map(|_| name), "message": message},
            })
        })
        .collect();
    (
        list,
        json!({"passed": passed, "failed": failed, "skipped": skipped}),
    )
}

fn console_json(executions: &[&Execution]) -> Vec<Value> {
    executions
        .iter()
        .flat_map(|e| {
            e.console.iter().map(move |c| {
                json!({"level": c.level, "messages": [c.text], "cursor": {"ref": cursor_ref(e)}})
            })
        })
        .collect()
}

/// One `executions` entry for a group of runs of one item (one run for htmlextra).
fn execution_json(
    group: &[&Execution],
    capture: &Capture,
    info: &CollectionInfo,
    console: bool,
) -> Value {
    let first = group[0];
    let (assertions, tests) = assertion_counts(group);
    let times: Vec<f64> = group
        .iter()
        .map(|e| e.response.as_ref().map_or(0.0, |r| r.time_ms as f64))
        .collect();
    let sizes: Vec<f64> = group
        .iter()
        .map(|e| e.response.as_ref().map_or(0.0, |r| r.body.size as f64))
        .collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let mut map = Map::new();
    map.insert("cursor".into(), cursor_json(first, capture));
    map.insert(
        "item".into(),
        json!({"id": item_id(first), "name": first.item_name}),
    );
    map.insert("request".into(), request_json(first, info));
    map.insert("response".into(), response_json(first));
    if let Some(message) = &first.request_error {
        let code = message.split_whitespace().find(|w| {
            w.len() > 1 && w.starts_with('E') && w.chars().all(|c| c.is_ascii_uppercase())
        });
        map.insert(
            "requestError".into(),
            json!({"message": message, "code": code}),
        );
    }
    map.insert("assertions".into(), json!(assertions));
    map.insert(
        "mean".into(),
        json!({"time": prettyms(mean(&times)), "size": filesize(mean(&sizes))}),
    );
    map.insert("cumulativeTests".into(), tests);
    if console {
        map.insert("consoleLogs".into(), json!(console_json(group)));
    }
    Value::Object(map)
}

/// `aggregations`: executions grouped under their folder, consecutive runs of the same folder
/// (and, for htmlextra, the same iteration) in one group.
fn aggregations(
    capture: &Capture,
    info: &CollectionInfo,
    flavour: Flavour,
    console: bool,
) -> Vec<Value> {
    // Runs of each item (htmlextra: each run on its own), in the order items first ran.
    let mut groups: Vec<Vec<&Execution>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for e in &capture.executions {
        match (flavour, index.get(e.key.as_str())) {
            (Flavour::Html, Some(&i)) => groups[i].push(e),
            _ => {
                index.insert(&e.key, groups.len());
                groups.push(vec![e]);
            }
        }
    }
    let mut out: Vec<(String, usize, Value, Vec<Value>)> = Vec::new();
    for group in &groups {
        let first = group[0];
        let path = first.folders.join(" / ");
        let (folder_id, description) = info.folders.get(&path).cloned().unwrap_or_default();
        let parent_id = match (path.is_empty(), folder_id) {
            (true, _) => info.id.clone().unwrap_or_default(),
            (false, Some(id)) => id,
            (false, None) => path.clone(),
        };
        let iteration = first.iteration.saturating_sub(1);
        let entry = execution_json(group, capture, info, console);
        let same = out.last().is_some_and(|(id, it, _, _)| {
            *id == parent_id && (flavour == Flavour::Html || *it == iteration)
        });
        if same {
            if let Some(last) = out.last_mut() {
                last.3.push(entry);
            }
            continue;
        }
        let mut parent = json!({"id": parent_id, "name": path});
        if flavour == Flavour::HtmlExtra {
            parent["iteration"] = json!(iteration);
            parent["description"] = json!({ "content": description });
        }
        out.push((parent_id, iteration, parent, vec![entry]));
    }
    out.into_iter()
        .map(|(_, _, parent, executions)| json!({"parent": parent, "executions": executions}))
        .collect()
}

/// A variable scope as a template sees it: `{id, name, values: {members: [...]}}`, with the
/// values of `secret` variables and of secret-looking names masked.
fn scope_json(doc: &Value, masking: bool) -> Value {
    if !doc.is_object() {
        return Value::Null;
    }
    let members: Vec<Value> = doc
        .get("values")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|v| {
            let mut v = v.clone();
            let key = v
                .get("key")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let secret = v.get("type").and_then(Value::as_str) == Some("secret");
            if masking && (secret || looks_secret(&key)) {
                v["value"] = json!(MASK);
            }
            v
        })
        .collect();
    json!({
        "id": doc.get("id"),
        "name": doc.get("name"),
        "values": {"members": members},
    })
}

fn failures_json(capture: &Capture, summary: &RunSummary) -> Vec<Value> {
    summary
        .failures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let run = capture
                .executions
                .iter()
                .find(|e| e.name == f.path && e.iteration == f.iteration + 1);
            let id = run.map(item_id).unwrap_or_default();
            json!({
                "error": {
                    "id": format!("failure-{}", i + 1),
                    "name": f.error_name,
                    "index": i,
                    "test": if f.test.is_empty() { Value::Null } else { json!(f.test) },
                    "message": f.message,
                    "stack": format!("{}: {}", f.error_name, f.message),
                },
                "at": f.at,
                "source": {"id": id, "name": f.source},
                "parent": {"id": id, "name": f.path},
                "cursor": {
                    "iteration": f.iteration,
                    "cycles": summary.iterations,
                    "ref": run.map(cursor_ref),
                },
            })
        })
        .collect()
}

fn skipped_json(capture: &Capture) -> Value {
    let list: Vec<Value> = capture
        .executions
        .iter()
        .flat_map(|e| {
            e.assertions
                .iter()
                .filter(|a| a.skipped)
                .map(move |a| (e, a))
        })
        .map(|(e, a)| {
            json!({
                "cursor": {"ref": cursor_ref(e), "iteration": e.iteration.saturating_sub(1)},
                "assertion": a.name,
                "skipped": true,
                "item": {"id": item_id(e), "name": e.item_name},
            })
        })
        .collect();
    if list.is_empty() {
        Value::Null
    } else {
        json!(list)
    }
}

/// The run's start time as the template's `timestamp`: JavaScript's `Date()` text for
/// `html`, htmlextra's `dddd, DD MMMM YYYY HH:mm:ss` for `htmlextra`; in the `timezone`
/// option's zone, else the machine's (UTC in test mode).
fn timestamp(millis: u128, options: &HtmlOptions, clock: Clock) -> String {
    let zone = match &options.time_zone {
        Some(zone) => zone.clone(),
        None if clock.frozen => jiff::tz::TimeZone::UTC,
        None => jiff::tz::TimeZone::system(),
    };
    let stamp = i64::try_from(millis)
        .ok()
        .and_then(|m| jiff::Timestamp::from_millisecond(m).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let local = stamp.to_zoned_datetime(zone);
    let format = match options.flavour {
        Flavour::Html => "%a %b %d %Y %H:%M:%S GMT%z (%Z)",
        Flavour::HtmlExtra => "%A, %d %B %Y %H:%M:%S",
    };
    local.strftime(format).to_string()
}

/// htmlextra's options with its defaults, under their own names. (htmlextra's empty lists are
/// empty texts here: Handlebars for Rust prints `[]` for them.)
fn option_defaults() -> Value {
    json!({
        "skipHeaders": "", "skipEnvironmentVars": "", "skipGlobalVars": "",
        "omitRequestBodies": false, "omitResponseBodies": false,
        "hideRequestBody": "", "hideResponseBody": "",
        "showEnvironmentData": false, "showGlobalData": false, "skipSensitiveData": false,
        "omitHeaders": false, "showMarkdownLinks": false, "noSyntaxHighlighting": false,
        "showFolderDescription": false, "displayProgressBar": false,
        "skipFolders": "", "skipRequests": "", "logs": false, "darkTheme": false,
        "showOnlyFails": false, "testPaging": false,
        "browserTitle": "Newman Summary Report", "title": "Newman Run Dashboard", "titleSize": 2,
    })
}

/// The context's `summary`: statistics, timings, transfers, collection, variables, failures,
/// skipped tests and the run error.
fn summary_json(
    capture: &Capture,
    summary: &RunSummary,
    variables: &RunVariables,
    info: &CollectionInfo,
    clock: Clock,
) -> Value {
    let masking = capture.masker().is_enabled();
    let (mean, min, max, sd) = summary
        .response_time_stats()
        .map(|(a, b, c, d)| {
            let ms = |d: Duration| clock.duration(d).as_secs_f64() * 1000.0;
            (ms(a), ms(b), ms(c), ms(d))
        })
        .unwrap_or_default();
    let started = capture.started;
    let completed = started + clock.duration(summary.duration).as_millis();
    json!({
        "stats": stats_json(summary),
        "timings": {
            "responseAverage": js_number(mean),
            "responseMin": js_number(min),
            "responseMax": js_number(max),
            "responseSd": js_number(sd),
            "started": started as u64,
            "completed": completed as u64,
        },
        "transfers": {"responseTotal": summary.bytes_received},
        "collection": {
            "id": info.id,
            "name": if info.name.is_empty() { &capture.collection } else { &info.name },
            "description": info.description,
        },
        "environment": scope_json(&variables.environment, masking),
        "globals": scope_json(&variables.globals, masking),
        "failures": failures_json(capture, summary),
        "responseTotal": filesize(summary.bytes_received as f64),
        "responseAverage": prettyms(mean),
        "duration": prettyms((completed - started) as f64),
        "skippedTests": skipped_json(capture),
        "error": summary.run_error.as_ref().map(|m| json!({"message": m, "name": "Error"})),
    })
}

/// The whole context.
pub fn build(
    capture: &Capture,
    summary: &RunSummary,
    variables: &RunVariables,
    info: &CollectionInfo,
    options: &HtmlOptions,
    clock: Clock,
) -> Value {
    let mut context = Map::new();
    // htmlextra's options with its defaults, then the ones given.
    if let Value::Object(defaults) = option_defaults() {
        context.extend(defaults);
    }
    context.extend(options.raw.iter().cloned());
    context.insert(
        "timestamp".into(),
        json!(timestamp(capture.started, options, clock)),
    );
    context.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    context.insert("folders".into(), Value::Null);
    context.insert(
        "aggregations".into(),
        json!(aggregations(
            capture,
            info,
            options.flavour,
            options.console
        )),
    );
    context.insert(
        "summary".into(),
        summary_json(capture, summary, variables, info, clock),
    );
    let mut context = Value::Object(context);
    mask_strings(&mut context, capture.masker());
    context
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::capture::CaptureOptions;
    use crate::report::fixture::{SECRET, replay};
    use crate::report::mask::Masker;

    fn context(flavour: Flavour) -> Value {
        let mut capture = Capture::new(
            Masker::new([SECRET.to_string()]),
            CaptureOptions {
                mask_authorization: true,
                clock: Clock { frozen: true },
            },
        );
        let summary = replay(&mut capture);
        let options = HtmlOptions {
            flavour,
            ..HtmlOptions::default()
        };
        let variables = RunVariables {
            environment: json!({"name": "env", "values": [
                {"key": "password", "value": "p4ss-word", "type": "any"},
                {"key": "host", "value": "h", "type": "default"},
            ]}),
            globals: Value::Null,
            ..RunVariables::default()
        };
        build(
            &capture,
            &summary,
            &variables,
            &CollectionInfo::default(),
            &options,
            Clock { frozen: true },
        )
    }

    #[test]
    fn newman_context_html_sums_iterations_per_item() {
        let c = context(Flavour::Html);
        let groups = c["aggregations"].as_array().cloned().unwrap_or_default();
        // "Auth <&>" folder, then the root item.
        assert_eq!(groups.len(), 2, "{c:#}");
        assert_eq!(groups[0]["parent"]["name"], "Auth <&>");
        let login = &groups[0]["executions"][0];
        assert_eq!(login["item"]["id"], "id-login");
        assert_eq!(login["cumulativeTests"]["failed"], 2);
        assert_eq!(login["assertions"][0]["passed"], 2);
        assert_eq!(login["request"]["headers"]["members"][0]["value"], MASK);
        assert_eq!(c["summary"]["stats"]["requests"]["total"], 4);
        assert_eq!(c["summary"]["failures"].as_array().map(Vec::len), Some(6));
        assert_eq!(c["timestamp"], "Thu Jan 01 2026 00:00:00 GMT+0000 (UTC)");
        let env = &c["summary"]["environment"]["values"]["members"];
        assert_eq!(env[0]["value"], MASK);
        assert_eq!(env[1]["value"], "h");
        assert!(!c.to_string().contains(SECRET));
    }

    #[test]
    fn newman_context_htmlextra_keeps_each_run() {
        let c = context(Flavour::HtmlExtra);
        let groups = c["aggregations"].as_array().cloned().unwrap_or_default();
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[2]["parent"]["iteration"], 1);
        assert_eq!(c["timestamp"], "Thursday, 01 January 2026 00:00:00");
        assert_eq!(c["browserTitle"], "Newman Summary Report");
    }

    #[test]
    fn newman_context_sizes_and_times_as_newman_prints_them() {
        assert_eq!(filesize(305.0), "305B");
        assert_eq!(filesize(1239.0), "1.21KB");
        assert_eq!(prettyms(1480.0), "1480ms");
        assert_eq!(prettyms(2500.0), "2.5s");
    }
}
