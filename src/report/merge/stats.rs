//! `run.timings` of merged JSON reports: each statistic (`response`, `dns`, `firstByte`:
//! average, min, max and population standard deviation) combined from the shards' own, each
//! weighted by how many responses its shard received (its executions with a response); the run
//! started with the earliest shard and completed with the latest.

use super::JsonShard;
use serde_json::{Map, Value, json};

/// One shard's statistic: how many values, their mean, min, max and deviation.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Part {
    count: f64,
    mean: f64,
    min: f64,
    max: f64,
    sd: f64,
}

/// The statistics of all the values of `parts` together.
fn combine(parts: &[Part]) -> Option<Part> {
    let count: f64 = parts.iter().map(|p| p.count).sum();
    if count == 0.0 {
        return None;
    }
    // One shard's statistic as it is (no rounding from computing it again).
    if let [only] = parts.iter().filter(|p| p.count > 0.0).collect::<Vec<_>>()[..] {
        return Some(*only);
    }
    let mean = parts.iter().map(|p| p.count * p.mean).sum::<f64>() / count;
    // Each part's squared deviations from its mean, and its distance from the whole mean.
    let m2: f64 = parts
        .iter()
        .map(|p| p.count * (p.sd * p.sd + (p.mean - mean) * (p.mean - mean)))
        .sum();
    let used = parts.iter().filter(|p| p.count > 0.0);
    Some(Part {
        count,
        mean,
        min: used.clone().map(|p| p.min).fold(f64::INFINITY, f64::min),
        max: used.map(|p| p.max).fold(f64::NEG_INFINITY, f64::max),
        sd: (m2 / count).sqrt(),
    })
}

/// The merged `run.timings`, in the first shard's key order.
pub(super) fn merged_timings(shards: &[JsonShard]) -> Value {
    let mut out: Map<String, Value> = shards[0].run()["timings"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    for prefix in ["response", "dns", "firstByte"] {
        let parts: Vec<Part> = shards.iter().map(|s| part(s, prefix)).collect();
        let Some(all) = combine(&parts) else {
            continue;
        };
        for (suffix, value) in [
            ("Average", all.mean),
            ("Min", all.min),
            ("Max", all.max),
            ("Sd", all.sd),
        ] {
            let key = format!("{prefix}{suffix}");
            if out.contains_key(&key) {
                out.insert(key, json!(value));
            }
        }
    }
    let ends = |key: &'static str| {
        shards
            .iter()
            .filter_map(move |s| s.run()["timings"][key].as_u64())
    };
    if let Some(started) = ends("started").min() {
        out.insert("started".into(), json!(started));
    }
    if let Some(completed) = ends("completed").max() {
        out.insert("completed".into(), json!(completed));
    }
    Value::Object(out)
}

/// A shard's statistic named `prefix`, counted by its executions with a response.
fn part(shard: &JsonShard, prefix: &str) -> Part {
    let timings = &shard.run()["timings"];
    let get = |suffix: &str| timings[format!("{prefix}{suffix}")].as_f64().unwrap_or(0.0);
    let count = shard.executions.iter().filter(|e| e.responded).count();
    Part {
        count: count as f64,
        mean: get("Average"),
        min: get("Min"),
        max: get("Max"),
        sd: get("Sd"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Count, mean, min, max and population deviation of `values`.
    fn of(values: &[f64]) -> Part {
        let count = values.len() as f64;
        let mean = values.iter().sum::<f64>() / count;
        let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / count;
        Part {
            count,
            mean,
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            sd: var.sqrt(),
        }
    }

    #[test]
    fn merge_stats_combine_as_if_computed_over_all_values() {
        let all = of(&[1.0, 4.0, 9.0, 2.0, 7.0]);
        let combined = combine(&[of(&[1.0, 4.0]), of(&[9.0, 2.0, 7.0])]).unwrap();
        assert!((combined.mean - all.mean).abs() < 1e-9);
        assert!((combined.sd - all.sd).abs() < 1e-9);
        assert_eq!((combined.min, combined.max), (1.0, 9.0));
        let empty = Part { count: 0.0, ..all };
        assert_eq!(combine(&[empty]), None);
    }
}
