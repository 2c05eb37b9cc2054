//! `--shard`, `--shard-by` and `--shard-total`: which shard of a run this machine does, from the
//! command line or from the CI's own variables, checked before anything is sent. The selection
//! itself is the runner's ([`crate::runner::shard`]).
//!
//! Where `I/N` comes from, and the index base of each source:
//! - `--shard I/N`: 1-based (`1/4` … `4/4`);
//! - `--shard-total N` alone: the index is Kubernetes indexed jobs' `JOB_COMPLETION_INDEX`,
//!   0-based (`0` … `N-1`);
//! - `--shard auto`: `POSTIE_SHARD=I/N` (1-based), else GitLab's `CI_NODE_INDEX` (1-based) and
//!   `CI_NODE_TOTAL`, else `JOB_COMPLETION_INDEX` with `--shard-total N`;
//! - no flag: `POSTIE_SHARD=I/N` when it is set (postie's own variable). GitLab's variables are
//!   read only with `--shard auto`: GitLab sets them for `parallel: matrix:` jobs too, which
//!   usually run different configurations rather than parts of one run.

use crate::collection::LoadedCollection;
use crate::diagnostic::Diagnostic;
use crate::runner::shard::{Shard, ShardBy, ShardSpec, work};
use crate::runner::{RunOptions, item_source};
use clap::{Args, ValueEnum};

/// The environment variable postie reads its shard from (`I/N`, 1-based).
pub const POSTIE_SHARD: &str = "POSTIE_SHARD";

/// The sharding flags of `postie run`.
#[derive(Debug, Args, Default)]
pub struct ShardArgs {
    /// Run only shard I of N (1-based, e.g. `2/4`): a deterministic part of the iterations, or of
    /// the top-level folders when there is one iteration. `auto` reads the CI's variables
    /// (`POSTIE_SHARD`, GitLab's `CI_NODE_INDEX`/`CI_NODE_TOTAL`). Merge the reports with
    /// `postie merge`.
    #[arg(long, value_name = "I/N|auto")]
    pub shard: Option<String>,
    /// What `--shard` splits: `iteration`, `folder` (top-level folders and requests, balanced by
    /// request count) or `request`; by default iterations when there are several, else folders.
    #[arg(long = "shard-by", value_enum, value_name = "UNIT")]
    pub shard_by: Option<ShardUnit>,
    /// The number of shards, the index coming from `JOB_COMPLETION_INDEX` (0-based, as
    /// Kubernetes indexed jobs set it).
    #[arg(long = "shard-total", value_name = "N")]
    pub shard_total: Option<String>,
}

/// `--shard-by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShardUnit {
    /// Contiguous blocks of iterations.
    Iteration,
    /// Contiguous blocks of top-level folders and requests, balanced by request count.
    Folder,
    /// Contiguous blocks of requests, splitting folders.
    Request,
}

/// The shard `args` and the environment (read through `var`) ask for; `None` when the run is
/// not sharded. A bad value is an error naming where it came from.
pub fn resolve(
    args: &ShardArgs,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<ShardSpec>, Diagnostic> {
    let shard = match (args.shard.as_deref(), args.shard_total.as_deref()) {
        (Some("auto"), total) => Some(from_ci(var, total)?),
        (Some(text), None) => Some(parse_pair(text, "--shard")?),
        (Some(_), Some(_)) => {
            return Err(Diagnostic::new(
                "--shard I/N and --shard-total N both give the number of shards",
            )
            .with_hint("use --shard-total only with JOB_COMPLETION_INDEX (or --shard auto)"));
        }
        (None, Some(total)) => Some(from_job_index(var, total)?),
        (None, None) => match var(POSTIE_SHARD) {
            Some(text) => Some(parse_pair(&text, POSTIE_SHARD)?),
            None => None,
        },
    };
    if shard.is_none() && args.shard_by.is_some() {
        return Err(Diagnostic::new(
            "--shard-by needs --shard (or POSTIE_SHARD)",
        ));
    }
    let by = match args.shard_by {
        None => ShardBy::Auto,
        Some(ShardUnit::Iteration) => ShardBy::Iteration,
        Some(ShardUnit::Folder) => ShardBy::Folder,
        Some(ShardUnit::Request) => ShardBy::Request,
    };
    Ok(shard.map(|shard| ShardSpec { shard, by }))
}

/// Before anything is sent: the shard's selection errors (a collection read from its file split
/// by folder), and a warning when the shard has nothing to run (more shards than iterations or
/// than top-level folders).
pub fn check_work(
    collection: &LoadedCollection,
    options: &RunOptions,
    warn: &mut dyn FnMut(String),
) -> Result<(), Diagnostic> {
    let Some(spec) = options.shard else {
        return Ok(());
    };
    let items = item_source(collection, &options.folders)?;
    let iterations = options.iterations.max(1);
    let part = work(
        collection,
        &options.folders,
        &*items,
        iterations,
        Some(spec),
    )?;
    if part.iterations.is_empty() || part.positions.is_empty() {
        let Shard { index, total } = spec.shard;
        warn(format!(
            "--shard {}/{total}: this shard has nothing to run ({} iteration(s), {} request(s) \
             to share); its reports count no request",
            index + 1,
            iterations,
            items.len()
        ));
    }
    Ok(())
}

/// `--shard auto`: `POSTIE_SHARD`, else `CI_NODE_INDEX`/`CI_NODE_TOTAL`, else
/// `JOB_COMPLETION_INDEX` with `--shard-total`.
fn from_ci(var: &dyn Fn(&str) -> Option<String>, total: Option<&str>) -> Result<Shard, Diagnostic> {
    if let Some(text) = var(POSTIE_SHARD) {
        return parse_pair(&text, POSTIE_SHARD);
    }
    match (var("CI_NODE_INDEX"), var("CI_NODE_TOTAL")) {
        (Some(index), Some(count)) => {
            let total = number(&count, "CI_NODE_TOTAL")?;
            let index = number(&index, "CI_NODE_INDEX")?;
            return checked(index, total, "CI_NODE_INDEX", 1);
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err(Diagnostic::new(
                "--shard auto: CI_NODE_INDEX and CI_NODE_TOTAL must be set together",
            ));
        }
        (None, None) => {}
    }
    match total {
        Some(total) => from_job_index(var, total),
        None => Err(Diagnostic::new(
            "--shard auto: none of POSTIE_SHARD, CI_NODE_INDEX/CI_NODE_TOTAL is set",
        )
        .with_hint("for a Kubernetes indexed job add --shard-total N (JOB_COMPLETION_INDEX)")),
    }
}

/// `--shard-total N` with the 0-based `JOB_COMPLETION_INDEX`.
fn from_job_index(var: &dyn Fn(&str) -> Option<String>, total: &str) -> Result<Shard, Diagnostic> {
    let total = number(total, "--shard-total")?;
    let Some(index) = var("JOB_COMPLETION_INDEX") else {
        return Err(
            Diagnostic::new("--shard-total: JOB_COMPLETION_INDEX is not set").with_hint(
                "Kubernetes sets it in indexed jobs; elsewhere use --shard I/N (1-based)",
            ),
        );
    };
    let index = number(&index, "JOB_COMPLETION_INDEX")?;
    checked(index.saturating_add(1), total, "JOB_COMPLETION_INDEX", 0)
}

/// `I/N`, 1-based, from `source`.
fn parse_pair(text: &str, source: &str) -> Result<Shard, Diagnostic> {
    let bad = || {
        Diagnostic::new(format!(
            "{source} \"{text}\": expected I/N, shard I (from 1) of N, e.g. 2/4"
        ))
    };
    let (index, total) = text.split_once('/').ok_or_else(bad)?;
    let total = total.trim().parse().map_err(|_| bad())?;
    let index = index.trim().parse().map_err(|_| bad())?;
    checked(index, total, source, 1)
}

/// A shard from a 1-based `index` and `total`; `base` is the index base the user wrote.
fn checked(index: u64, total: u64, source: &str, base: u64) -> Result<Shard, Diagnostic> {
    let shown = (index + base).saturating_sub(1);
    if total == 0 || total > 100_000 {
        return Err(Diagnostic::new(format!(
            "{source}: {total} shards: expected 1 to 100000"
        )));
    }
    if index == 0 || index > total {
        return Err(Diagnostic::new(format!(
            "{source}: shard {shown} of {total} does not exist (expected {base} to {})",
            total - 1 + base
        )));
    }
    Ok(Shard {
        index: (index - 1) as usize,
        total: total as usize,
    })
}

/// A whole number from `source`.
fn number(text: &str, source: &str) -> Result<u64, Diagnostic> {
    text.trim().parse().map_err(|_| {
        Diagnostic::new(format!(
            "{source} \"{text}\": expected a whole number (I/N, e.g. 2/4)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: ShardArgs, env: &[(&str, &str)]) -> Result<Option<(usize, usize)>, String> {
        let var = |name: &str| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        resolve(&args, &var)
            .map(|s| s.map(|s| (s.shard.index, s.shard.total)))
            .map_err(|e| e.to_string())
    }

    fn shard(text: &str) -> ShardArgs {
        ShardArgs {
            shard: Some(text.into()),
            ..ShardArgs::default()
        }
    }

    #[test]
    fn shard_sources_and_their_bases() {
        assert_eq!(run(shard("2/4"), &[]), Ok(Some((1, 4))));
        assert_eq!(run(ShardArgs::default(), &[]), Ok(None));
        assert_eq!(
            run(ShardArgs::default(), &[("POSTIE_SHARD", "3/3")]),
            Ok(Some((2, 3)))
        );
        let gitlab = [("CI_NODE_INDEX", "1"), ("CI_NODE_TOTAL", "4")];
        assert_eq!(run(ShardArgs::default(), &gitlab), Ok(None));
        assert_eq!(run(shard("auto"), &gitlab), Ok(Some((0, 4))));
        let k8s = ShardArgs {
            shard_total: Some("4".into()),
            ..ShardArgs::default()
        };
        assert_eq!(run(k8s, &[("JOB_COMPLETION_INDEX", "3")]), Ok(Some((3, 4))));
    }

    #[test]
    fn shard_bad_values_name_their_source() {
        for (args, env, wanted) in [
            (shard("0/4"), vec![], "--shard: shard 0 of 4 does not exist"),
            (shard("5/4"), vec![], "expected 1 to 4"),
            (shard("x/4"), vec![], "--shard \"x/4\""),
            (shard("2"), vec![], "expected I/N"),
            (shard("1/0"), vec![], "0 shards"),
            (shard("auto"), vec![], "none of POSTIE_SHARD"),
            (
                shard("auto"),
                vec![("CI_NODE_INDEX", "0"), ("CI_NODE_TOTAL", "2")],
                "CI_NODE_INDEX: shard 0 of 2",
            ),
        ] {
            let got = run(args, &env).map_err(|e| e.contains(wanted));
            assert_eq!(got, Err(true), "{wanted}");
        }
        let k8s = ShardArgs {
            shard_total: Some("2".into()),
            ..ShardArgs::default()
        };
        let got = run(k8s, &[("JOB_COMPLETION_INDEX", "2")]);
        assert!(got.is_err_and(|e| e.contains("expected 0 to 1")));
    }
}
