//! `postie merge`: the reports of a sharded run's shards (`postie run --shard I/N`) put back
//! together into the report the unsharded run writes. JSON reports (Newman's shape, as `-r json`
//! writes them) here; JUnit files in [`junit`]; [`stats`] combines the timing statistics.
//!
//! The JSON rules: the shards are put in run order by their first execution (a shard keeps
//! the run's own iteration and position numbering); executions and failures are listed
//! iteration by iteration, each iteration's in shard order; every `run.stats` counter is summed,
//! except `iterations`, which is summed when the shards split the iterations and taken once when
//! each shard ran every iteration (split by folder or request); the response timings are
//! combined from each shard's count, mean and deviation, `started` is the earliest and
//! `completed` the latest; `transfers` are summed; `run.error` is the first shard's that has
//! one; `collection` is the shards' (with what each added to the items it ran), `environment`
//! and `globals` those of the last shard that ran a request (what the run left at its end).
//! Executions are copied as their text, never parsed whole.

pub(crate) mod junit;
pub(crate) mod stats;

use crate::diagnostic::Diagnostic;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One shard's JSON report, checked: the document without its executions, and the executions
/// as their text (a long run's response bodies are most of a report: they are copied, not
/// parsed).
#[derive(Debug)]
pub struct JsonShard {
    /// The report, `run.executions` left empty.
    pub doc: Value,
    /// `run.executions`.
    pub executions: Vec<Execution>,
}

/// One of `run.executions`: its text as read, and what the merge reads of it.
#[derive(Debug, Clone)]
pub struct Execution {
    /// The execution's JSON text.
    pub raw: Box<RawValue>,
    cursor: Cursor,
    /// True when it has a response time (it counts in the timing statistics).
    responded: bool,
}

/// What the merge reads of an execution's cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
struct Cursor {
    iteration: Option<u64>,
    position: Option<u64>,
    cycles: Option<u64>,
    length: Option<u64>,
}

/// An execution, read only for its cursor and whether it has a response time.
#[derive(Deserialize)]
struct Peek {
    #[serde(default)]
    cursor: Cursor,
    #[serde(default)]
    response: Option<PeekResponse>,
}

#[derive(Deserialize)]
struct PeekResponse {
    #[serde(rename = "responseTime")]
    response_time: Option<serde::de::IgnoredAny>,
}

/// Top-level keys (or `run`'s), with their values as text.
type RawMap = indexmap::IndexMap<String, Box<RawValue>>;

impl JsonShard {
    /// The report `text`, read from `path`, checked to be a report in Newman's shape.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Diagnostic> {
        let bad = |what: &str| {
            Diagnostic::in_file(path, format!("not a JSON run report: {what}"))
                .with_hint("postie merge reads the reports `postie run -r json` writes")
        };
        let invalid = |e: serde_json::Error| {
            Diagnostic::in_file(path, format!("not valid JSON: {e}")).at(e.line(), e.column())
        };
        let top: RawMap = serde_json::from_str(text).map_err(invalid)?;
        let run_text = top.get("run").ok_or_else(|| bad("no `run`"))?;
        let run: RawMap =
            serde_json::from_str(run_text.get()).map_err(|_| bad("`run` is not an object"))?;
        let listed = run
            .get("executions")
            .map(|raw| serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()));
        let Some(Ok(listed)) = listed else {
            return Err(bad("`run.executions` is not a list"));
        };
        let mut executions = Vec::with_capacity(listed.len());
        for raw in listed {
            let peek: Peek =
                serde_json::from_str(raw.get()).map_err(|e| bad(&format!("an execution: {e}")))?;
            let responded = peek.response.is_some_and(|r| r.response_time.is_some());
            executions.push(Execution {
                raw,
                cursor: peek.cursor,
                responded,
            });
        }
        let parse = |raw: &RawValue| serde_json::from_str::<Value>(raw.get()).map_err(invalid);
        let mut run_doc = Map::new();
        for (key, raw) in &run {
            let value = match key.as_str() {
                "executions" => Value::Array(Vec::new()),
                _ => parse(raw)?,
            };
            run_doc.insert(key.clone(), value);
        }
        let mut doc = Map::new();
        for (key, raw) in &top {
            let value = match key.as_str() {
                "run" => Value::Object(std::mem::take(&mut run_doc)),
                _ => parse(raw)?,
            };
            doc.insert(key.clone(), value);
        }
        let doc = Value::Object(doc);
        for key in ["stats", "timings"] {
            if !doc["run"][key].is_object() {
                return Err(bad(&format!("`run.{key}` is not an object")));
            }
        }
        if !doc["run"]["failures"].is_array() {
            return Err(bad("`run.failures` is not a list"));
        }
        Ok(JsonShard { doc, executions })
    }

    fn run(&self) -> &Value {
        &self.doc["run"]
    }

    fn list(&self, key: &str) -> &[Value] {
        self.run()[key].as_array().map_or(&[], Vec::as_slice)
    }

    /// Where the shard starts in the run: its first execution's iteration and position.
    fn order_key(&self) -> (u64, u64) {
        let first = self
            .executions
            .first()
            .map(|e| e.cursor)
            .unwrap_or_default();
        let at = |n: Option<u64>| n.unwrap_or(u64::MAX);
        (at(first.iteration), at(first.position))
    }

    /// True when the shard's report has a failure or a run error.
    pub fn failed(&self) -> bool {
        !self.list("failures").is_empty() || !self.run()["error"].is_null()
    }
}

/// The shards' reports merged into one (see the module's rules); `shards` in any order, each
/// with the file it was read from. Reports of different collections, or two reports with the
/// same iteration and position (the same shard twice, shards of different runs), are an error.
pub fn merge_json(mut shards: Vec<(PathBuf, JsonShard)>) -> Result<Merged, Diagnostic> {
    if shards.is_empty() {
        return Err(Diagnostic::new("postie merge: no report to merge"));
    }
    check_one_run(&shards)?;
    shards.sort_by_key(|(_, shard)| shard.order_key());
    let shards: Vec<JsonShard> = shards.into_iter().map(|(_, shard)| shard).collect();
    let executions = in_run_order(
        shards.iter().map(|s| s.executions.as_slice()),
        |e: &Execution| e.cursor.iteration,
    );
    let executions = executions.into_iter().map(|e| e.raw).collect();
    let failures = in_run_order(shards.iter().map(|s| s.list("failures")), |f: &Value| {
        f["cursor"]["iteration"].as_u64()
    });
    let mut doc = shards[0].doc.clone();
    for shard in &shards[1..] {
        union(&mut doc["collection"], &shard.doc["collection"]);
    }
    // The last shard that ran anything left the variables as the run ends.
    let last = shards
        .iter()
        .rfind(|s| !s.executions.is_empty())
        .unwrap_or(&shards[shards.len() - 1]);
    let last = &last.doc;
    for key in ["environment", "globals"] {
        if let (Some(slot), Some(value)) = (doc.get_mut(key), last.get(key)) {
            *slot = value.clone();
        }
    }
    let run = &mut doc["run"];
    run["stats"] = merged_stats(&shards);
    run["timings"] = stats::merged_timings(&shards);
    run["failures"] = Value::Array(failures);
    if let Some(transfers) = run.get_mut("transfers") {
        let total: u64 = shards
            .iter()
            .filter_map(|s| s.run()["transfers"]["responseTotal"].as_u64())
            .sum();
        transfers["responseTotal"] = json!(total);
    }
    if let Some(error) = shards
        .iter()
        .map(|s| &s.run()["error"])
        .find(|e| !e.is_null())
    {
        run["error"] = error.clone();
    }
    Ok(Merged { doc, executions })
}

/// The merged report: the document with `run.executions` empty, and the executions' texts.
#[derive(Debug)]
pub struct Merged {
    /// The report without its executions.
    pub doc: Value,
    /// `run.executions`, in run order, as the shards wrote them.
    pub executions: Vec<Box<RawValue>>,
}

/// Refuse shards of different collections, of runs of a different size (iterations, requests
/// per iteration), and two shards that ran the same request of the same iteration.
fn check_one_run(shards: &[(PathBuf, JsonShard)]) -> Result<(), Diagnostic> {
    let name = |shard: &JsonShard| shard.doc["collection"]["info"]["name"].clone();
    let (first_path, first) = &shards[0];
    let mut seen: HashMap<(u64, u64), &Path> = HashMap::new();
    let mut size: Option<(&Path, Option<u64>, Option<u64>)> = None;
    let shown = |n: Option<u64>| n.map_or("?".to_string(), |n| n.to_string());
    for (path, shard) in shards {
        for e in &shard.executions {
            let here = (e.cursor.cycles, e.cursor.length);
            match size {
                None => size = Some((path, here.0, here.1)),
                Some((other, cycles, length)) if (cycles, length) != here => {
                    return Err(Diagnostic::in_file(
                        path,
                        format!(
                            "a run of {} iteration(s) of {} request(s), {} one of {} of {}: \
                             shards of different runs",
                            shown(here.0),
                            shown(here.1),
                            other.display(),
                            shown(cycles),
                            shown(length)
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        if name(shard) != name(first) {
            return Err(Diagnostic::in_file(
                path,
                format!(
                    "the report of collection {} cannot merge with {}'s, of {}",
                    name(shard),
                    first_path.display(),
                    name(first)
                ),
            ));
        }
        let mut own = BTreeSet::new();
        for e in &shard.executions {
            if let (Some(i), Some(p)) = (e.cursor.iteration, e.cursor.position) {
                own.insert((i, p));
            }
        }
        for at in own {
            if let Some(other) = seen.insert(at, path) {
                return Err(Diagnostic::in_file(
                    path,
                    format!(
                        "iteration {} request {} is in {} too: the same shard twice, or shards \
                         of different runs",
                        at.0 + 1,
                        at.1 + 1,
                        other.display()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// What `other` has that `base` lacks added to it: the collection as each shard's report has
/// it differs only in what the run added to the items it ran (`_lastExecutionId`).
fn union(base: &mut Value, other: &Value) {
    match (base, other) {
        (Value::Object(base), Value::Object(other)) => {
            for (key, value) in other {
                match base.get_mut(key) {
                    Some(known) => union(known, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (Value::Array(base), Value::Array(other)) if base.len() == other.len() => {
            base.iter_mut().zip(other).for_each(|(b, o)| union(b, o));
        }
        _ => {}
    }
}

/// The entries of every shard's list (`lists`, in shard order), iteration by iteration, each
/// iteration's in shard order; entries without an iteration (a run error's) come last.
fn in_run_order<'a, T: Clone + 'a>(
    lists: impl Iterator<Item = &'a [T]> + Clone,
    iteration: impl Fn(&T) -> Option<u64>,
) -> Vec<T> {
    let iterations: BTreeSet<u64> = lists
        .clone()
        .flat_map(|l| l.iter())
        .filter_map(&iteration)
        .collect();
    let mut out = Vec::new();
    for at in iterations {
        for list in lists.clone() {
            out.extend(list.iter().filter(|e| iteration(e) == Some(at)).cloned());
        }
    }
    for list in lists {
        out.extend(list.iter().filter(|e| iteration(e).is_none()).cloned());
    }
    out
}

/// `run.stats`: every counter summed, but `iterations` taken once when each shard ran every
/// iteration.
fn merged_stats(shards: &[JsonShard]) -> Value {
    let split_iterations = iterations_split(shards);
    let mut out = Map::new();
    let first = shards[0].run()["stats"].as_object().cloned();
    for (name, counters) in first.unwrap_or_default() {
        let once = name == "iterations" && !split_iterations;
        let mut merged = Map::new();
        for (field, _) in counters.as_object().cloned().unwrap_or_default() {
            let values = shards
                .iter()
                .map(|s| s.run()["stats"][&name][&field].as_u64().unwrap_or(0));
            let value = match once {
                true => values.max().unwrap_or(0),
                false => values.sum(),
            };
            merged.insert(field, json!(value));
        }
        out.insert(name, Value::Object(merged));
    }
    Value::Object(out)
}

/// True when the shards split the run's iterations: a shard planned fewer iterations than the
/// run has (its executions' `cycles`), or none.
fn iterations_split(shards: &[JsonShard]) -> bool {
    let cycles = shards
        .iter()
        .flat_map(|s| &s.executions)
        .filter_map(|e| e.cursor.cycles)
        .max();
    shards.iter().any(|s| {
        let planned = s.run()["stats"]["iterations"]["total"]
            .as_u64()
            .unwrap_or(0);
        planned == 0 || cycles.is_some_and(|c| planned < c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard(iterations: u64, executions: &[(u64, u64)], cycles: u64) -> JsonShard {
        let executions: Vec<Value> = executions
            .iter()
            .map(|(i, p)| json!({"cursor": {"iteration": i, "position": p, "cycles": cycles}}))
            .collect();
        let doc = json!({"collection": {}, "run": {
            "stats": {"iterations": {"total": iterations, "pending": 0, "failed": 0},
                      "requests": {"total": executions.len(), "pending": 0, "failed": 0}},
            "timings": {}, "executions": executions, "failures": [], "error": null}});
        JsonShard::parse(Path::new("r.json"), &doc.to_string()).unwrap()
    }

    fn named(shards: Vec<JsonShard>) -> Vec<(PathBuf, JsonShard)> {
        let path = |i: usize| PathBuf::from(format!("r{i}.json"));
        shards
            .into_iter()
            .enumerate()
            .map(|(i, s)| (path(i), s))
            .collect()
    }

    fn cursors(merged: &Merged) -> Vec<(u64, u64)> {
        merged
            .executions
            .iter()
            .map(|e| {
                let e: Value = serde_json::from_str(e.get()).unwrap();
                let c = &e["cursor"];
                (
                    c["iteration"].as_u64().unwrap(),
                    c["position"].as_u64().unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn merge_folder_shards_interleave_iterations_and_count_them_once() {
        let b = shard(2, &[(0, 2), (1, 2)], 2);
        let a = shard(2, &[(0, 0), (0, 1), (1, 0), (1, 1)], 2);
        let doc = merge_json(named(vec![b, a])).unwrap();
        assert_eq!(
            cursors(&doc),
            [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
        );
        assert_eq!(doc.doc["run"]["stats"]["iterations"]["total"], 2);
        assert_eq!(doc.doc["run"]["stats"]["requests"]["total"], 6);
    }

    #[test]
    fn merge_iteration_shards_sum_iterations() {
        let a = shard(2, &[(0, 0), (1, 0)], 3);
        let b = shard(1, &[(2, 0)], 3);
        let empty = shard(0, &[], 3);
        let doc = merge_json(named(vec![empty, b, a])).unwrap();
        assert_eq!(cursors(&doc), [(0, 0), (1, 0), (2, 0)]);
        assert_eq!(doc.doc["run"]["stats"]["iterations"]["total"], 3);
    }

    #[test]
    fn merge_refuses_what_is_not_a_report() {
        let e = JsonShard::parse(Path::new("x.json"), r#"{"run": {"stats": 1}}"#).unwrap_err();
        assert!(e.to_string().contains("x.json"), "{e}");
        assert!(merge_json(Vec::new()).is_err());
        let twice = named(vec![shard(1, &[(0, 0)], 1), shard(1, &[(0, 0)], 1)]);
        let e = merge_json(twice).unwrap_err().to_string();
        assert!(e.contains("iteration 1 request 1 is in r0.json too"), "{e}");
        let sizes = named(vec![shard(1, &[(0, 0)], 1), shard(1, &[(1, 0)], 2)]);
        let e = merge_json(sizes).unwrap_err().to_string();
        assert!(e.contains("shards of different runs"), "{e}");
    }
}
