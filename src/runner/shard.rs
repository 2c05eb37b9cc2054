//! Sharding (`--shard I/N`): which deterministic part of a run one machine does. A shard runs
//! either a contiguous block of iterations (`-n`/`-d` give more than one), or a contiguous block
//! of the plan's top-level folders and requests, balanced by request count (a top-level folder is
//! one unit: its requests often chain variables), or of single requests (`--shard-by request`).
//!
//! The shard keeps the run's own numbering: iterations and plan positions are those of the
//! unsharded run (`pm.info.iteration`, the reports' cursors), so `postie merge` can put the
//! shards' reports back together in run order.

use super::plan::plan;
use super::source::ItemSource;
use crate::collection::{LoadedCollection, Node};
use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// One shard: `index` (0-based) of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, 0-based (`--shard 1/4` is index 0).
    pub index: usize,
    /// How many shards (at least 1, more than `index`).
    pub total: usize,
}

/// What a shard splits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShardBy {
    /// Iterations when the run has more than one, else top-level folders.
    #[default]
    Auto,
    /// Contiguous blocks of iterations.
    Iteration,
    /// Contiguous blocks of top-level folders and requests, balanced by request count.
    Folder,
    /// Contiguous blocks of requests, whatever folder they are in.
    Request,
}

/// `--shard` and `--shard-by`, as the runner gets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardSpec {
    /// This machine's shard.
    pub shard: Shard,
    /// What is split.
    pub by: ShardBy,
}

/// The part of the run a shard does: its iterations, and in each the plan positions it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// The iterations run (numbered as in the whole run).
    pub iterations: Range<usize>,
    /// The plan positions run in each iteration; a `setNextRequest` out of them ends the
    /// iteration.
    pub positions: Range<usize>,
}

/// The block of `0..count` that shard `shard` takes when `count` equal units are split into
/// `shard.total` contiguous blocks whose sizes differ by at most one (the first ones larger).
pub fn block(count: usize, shard: Shard) -> Range<usize> {
    let total = shard.total.max(1);
    let (size, rest) = (count / total, count % total);
    let start = shard.index * size + shard.index.min(rest);
    let len = size + usize::from(shard.index < rest);
    start.min(count)..(start + len).min(count)
}

/// The block of units (by index) that `shard` takes when units of the given `weights` are split
/// into contiguous blocks of about equal weight: each block in turn, aiming at an equal part of
/// the weight left, takes the next unit while that brings it closer to its aim, at least one
/// unit, and never so many that a later block would get none while units are left.
pub fn balanced(weights: &[usize], shard: Shard) -> Range<usize> {
    let total = shard.total.max(1);
    let mut start = 0;
    for block in 0..total {
        let end = block_end(weights, start, total - block);
        if block == shard.index {
            return start..end;
        }
        start = end;
    }
    start..start
}

/// Where the block starting at unit `start` ends, when it and the `blocks - 1` after it share
/// the units from `start` on.
fn block_end(weights: &[usize], start: usize, blocks: usize) -> usize {
    let left: i128 = weights[start..].iter().map(|w| *w as i128).sum();
    let blocks_i = blocks as i128;
    // Compared as `sum * blocks` against `left`: integers only.
    let miss = |sum: i128| (sum * blocks_i - left).abs();
    let mut end = start;
    let mut sum: i128 = 0;
    while end < weights.len() {
        let next = sum + weights[end] as i128;
        let units_after = weights.len() - end - 1;
        let first = end == start;
        if !first && (units_after < blocks - 1 || miss(next) >= miss(sum)) {
            break;
        }
        sum = next;
        end += 1;
    }
    end
}

/// The work of `spec`'s shard in a run of `iterations` over `items` (`folders` are the run's
/// `--folder` selections). Splitting by folder or request needs the collection in memory.
pub fn work(
    collection: &LoadedCollection,
    folders: &[String],
    items: &dyn ItemSource,
    iterations: usize,
    spec: Option<ShardSpec>,
) -> Result<Work, Diagnostic> {
    let all = Work {
        iterations: 0..iterations,
        positions: 0..items.len(),
    };
    let Some(ShardSpec { shard, by }) = spec else {
        return Ok(all);
    };
    let by = match by {
        ShardBy::Auto if iterations > 1 => ShardBy::Iteration,
        ShardBy::Auto => ShardBy::Folder,
        other => other,
    };
    if by == ShardBy::Iteration {
        return Ok(Work {
            iterations: block(iterations, shard),
            ..all
        });
    }
    if collection.item_file.is_some() {
        return Err(Diagnostic::new(format!(
            "--shard {}/{}: a collection read from its file as the run goes can be sharded \
             by iteration only",
            shard.index + 1,
            shard.total
        ))
        .with_hint("add --shard-by iteration, or set POSTIE_DISK_ITEMS_FROM above its size"));
    }
    let weights = unit_weights(collection, folders, by)?;
    let units = balanced(&weights, shard);
    let first: usize = weights[..units.start].iter().sum();
    let len: usize = weights[units.clone()].iter().sum();
    Ok(Work {
        positions: first..first + len,
        ..all
    })
}

/// The request count of each unit of the plan, in plan order: each top-level folder or
/// request (`Folder`), or each request (`Request`); units with no request planned are left out.
fn unit_weights(
    collection: &LoadedCollection,
    folders: &[String],
    by: ShardBy,
) -> Result<Vec<usize>, Diagnostic> {
    let planned = plan(&collection.model, folders)?;
    if by == ShardBy::Request {
        return Ok(vec![1; planned.len()]);
    }
    // The node ordinals each top-level node spans, in document order.
    let mut bounds = Vec::with_capacity(collection.model.items.len());
    let mut next = 0;
    for node in &collection.model.items {
        let start = next;
        next += 1 + descendants(node);
        bounds.push(start..next);
    }
    let mut weights = vec![0usize; bounds.len()];
    for item in &planned {
        if let Some(unit) = bounds.iter().position(|b| b.contains(&item.node)) {
            weights[unit] += 1;
        }
    }
    weights.retain(|w| *w > 0);
    Ok(weights)
}

/// How many folders and requests are under `node`.
fn descendants(node: &Node) -> usize {
    match node {
        Node::Item(_) => 0,
        Node::Group(group) => group.items.iter().map(|n| 1 + descendants(n)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shard(index: usize, total: usize) -> Shard {
        Shard { index, total }
    }

    #[test]
    fn shard_blocks_cover_everything_once_in_order() {
        for count in 0..20 {
            for total in 1..9 {
                let blocks: Vec<_> = (0..total).map(|i| block(count, shard(i, total))).collect();
                assert_eq!(blocks[0].start, 0);
                assert_eq!(blocks[total - 1].end, count);
                assert!(blocks.windows(2).all(|w| w[0].end == w[1].start));
                assert!(blocks.iter().all(|b| b.len() <= count.div_ceil(total)));
            }
        }
        assert_eq!(block(7, shard(0, 3)), 0..3);
        assert_eq!(block(7, shard(2, 3)), 5..7);
    }

    #[test]
    fn shard_balanced_keeps_units_whole_and_in_order() {
        let weights = [5, 1, 1, 1, 1, 1];
        let blocks: Vec<_> = (0..2).map(|i| balanced(&weights, shard(i, 2))).collect();
        assert_eq!(blocks, [0..1, 1..6]);
        for total in 1..10 {
            let blocks: Vec<_> = (0..total)
                .map(|i| balanced(&weights, shard(i, total)))
                .collect();
            assert_eq!(blocks[0].start, 0, "{blocks:?}");
            assert_eq!(blocks[total - 1].end, weights.len(), "{blocks:?}");
            assert!(
                blocks.windows(2).all(|w| w[0].end == w[1].start),
                "{blocks:?}"
            );
        }
        assert_eq!(balanced(&[], shard(0, 3)), 0..0);
        // A big folder alone; every shard has a unit while units are left.
        let blocks: Vec<_> = (0..3).map(|i| balanced(&[10, 1, 1], shard(i, 3))).collect();
        assert_eq!(blocks, [0..1, 1..2, 2..3]);
        let blocks: Vec<_> = (0..4).map(|i| balanced(&[1, 1], shard(i, 4))).collect();
        assert_eq!(blocks, [0..1, 1..2, 2..2, 2..2]);
        let sizes: Vec<_> = (0..3)
            .map(|i| balanced(&[1; 9], shard(i, 3)).len())
            .collect();
        assert_eq!(sizes, [3, 3, 3]);
    }
}
