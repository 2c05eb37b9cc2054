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
//! one; `collection` is the first shard's, `environment` and `globals` those of the last shard that ran
//! a request (what the run left at its end).

pub(crate) mod junit;
pub(crate) mod stats;

use crate::diagnostic::Diagnostic;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One shard's JSON report, checked.
#[derive(Debug)]
pub struct JsonShard {
    /// The whole report.
    pub doc: Value,
}

impl JsonShard {
    /// `doc` read from `path`, checked to be a report in Newman's shape.
    pub fn new(path: &Path, doc: Value) -> Result<Self, Diagnostic> {
        let bad = |what: &str| {
            Diagnostic::in_file(path, format!("not a JSON run report: {what}"))
                .with_hint("postie merge reads the reports `postie run -r json` writes")
        };
        let run = doc.get("run").ok_or_else(|| bad("no `run`"))?;
        for key in ["stats", "timings"] {
            if !run.get(key).is_some_and(Value::is_object) {
                return Err(bad(&format!("`run.{key}` is not an object")));
            }
        }
        for key in ["executions", "failures"] {
            if !run.get(key).is_some_and(Value::is_array) {
                return Err(bad(&format!("`run.{key}` is not a list")));
            }
        }
        Ok(JsonShard { doc })
    }

    fn run(&self) -> &Value {
        &self.doc["run"]
    }

    fn list(&self, key: &str) -> &[Value] {
        self.run()[key].as_array().map_or(&[], Vec::as_slice)
    }

    /// Where the shard starts in the run: its first execution's iteration and position.
    fn order_key(&self) -> (u64, u64) {
        let first = self.list("executions").first();
        let at = |key: &str| {
            first
                .and_then(|e| e["cursor"][key].as_u64())
                .unwrap_or(u64::MAX)
        };
        (at("iteration"), at("position"))
    }

    /// True when the shard's report has a failure or a run error.
    pub fn failed(&self) -> bool {
        !self.list("failures").is_empty() || !self.run()["error"].is_null()
    }
}

/// The shards' reports merged into one (see the module's rules); `shards` in any order, each
/// with the file it was read from. Reports of different collections, or two reports with the
/// same iteration and position (the same shard twice, shards of different runs), are an error.
pub fn merge_json(mut shards: Vec<(PathBuf, JsonShard)>) -> Result<Value, Diagnostic> {
    if shards.is_empty() {
        return Err(Diagnostic::new("postie merge: no report to merge"));
    }
    check_one_run(&shards)?;
    shards.sort_by_key(|(_, shard)| shard.order_key());
    let shards: Vec<JsonShard> = shards.into_iter().map(|(_, shard)| shard).collect();
    let by_iteration = |key: &str| in_run_order(&shards, key);
    let executions = by_iteration("executions");
    let failures = by_iteration("failures");
    let mut doc = shards[0].doc.clone();
    for shard in &shards[1..] {
        union(&mut doc["collection"], &shard.doc["collection"]);
    }
    // The last shard that ran anything left the variables as the run ends.
    let last = shards
        .iter()
        .rfind(|s| !s.list("executions").is_empty())
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
    run["executions"] = Value::Array(executions);
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
    Ok(doc)
}

/// Refuse shards of different collections, of runs of a different size (iterations, requests
/// per iteration), and two shards that ran the same request of the same iteration.
fn check_one_run(shards: &[(PathBuf, JsonShard)]) -> Result<(), Diagnostic> {
    let name = |shard: &JsonShard| shard.doc["collection"]["info"]["name"].clone();
    let (first_path, first) = &shards[0];
    let mut seen: HashMap<(u64, u64), &Path> = HashMap::new();
    let mut size: Option<(&Path, Value, Value)> = None;
    for (path, shard) in shards {
        for e in shard.list("executions") {
            let here = (e["cursor"]["cycles"].clone(), e["cursor"]["length"].clone());
            match &size {
                None => size = Some((path, here.0, here.1)),
                Some((other, cycles, length)) if (cycles, length) != (&here.0, &here.1) => {
                    return Err(Diagnostic::in_file(
                        path,
                        format!(
                            "a run of {} iteration(s) of {} request(s), {} one of {cycles} of \
                             {length}: shards of different runs",
                            here.0,
                            here.1,
                            other.display()
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
        for e in shard.list("executions") {
            let cursor = &e["cursor"];
            if let (Some(i), Some(p)) = (cursor["iteration"].as_u64(), cursor["position"].as_u64())
            {
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

/// The entries of `run.<key>` of every shard, iteration by iteration, each iteration's in shard
/// order; entries without a cursor (a run error's) come last.
fn in_run_order(shards: &[JsonShard], key: &str) -> Vec<Value> {
    let iteration = |entry: &Value| entry["cursor"]["iteration"].as_u64();
    let iterations: BTreeSet<u64> = shards
        .iter()
        .flat_map(|s| s.list(key))
        .filter_map(iteration)
        .collect();
    let mut out = Vec::new();
    for at in iterations {
        for shard in shards {
            let entries = shard.list(key).iter();
            out.extend(entries.filter(|e| iteration(e) == Some(at)).cloned());
        }
    }
    for shard in shards {
        let entries = shard.list(key).iter();
        out.extend(entries.filter(|e| iteration(e).is_none()).cloned());
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
        .flat_map(|s| s.list("executions"))
        .filter_map(|e| e["cursor"]["cycles"].as_u64())
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
        JsonShard::new(Path::new("r.json"), doc).unwrap()
    }

    fn named(shards: Vec<JsonShard>) -> Vec<(PathBuf, JsonShard)> {
        let path = |i: usize| PathBuf::from(format!("r{i}.json"));
        shards
            .into_iter()
            .enumerate()
            .map(|(i, s)| (path(i), s))
            .collect()
    }

    fn cursors(doc: &Value) -> Vec<(u64, u64)> {
        doc["run"]["executions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
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
        assert_eq!(doc["run"]["stats"]["iterations"]["total"], 2);
        assert_eq!(doc["run"]["stats"]["requests"]["total"], 6);
    }

    #[test]
    fn merge_iteration_shards_sum_iterations() {
        let a = shard(2, &[(0, 0), (1, 0)], 3);
        let b = shard(1, &[(2, 0)], 3);
        let empty = shard(0, &[], 3);
        let doc = merge_json(named(vec![empty, b, a])).unwrap();
        assert_eq!(cursors(&doc), [(0, 0), (1, 0), (2, 0)]);
        assert_eq!(doc["run"]["stats"]["iterations"]["total"], 3);
    }

    #[test]
    fn merge_refuses_what_is_not_a_report() {
        let e = JsonShard::new(Path::new("x.json"), json!({"run": {"stats": 1}})).unwrap_err();
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
