//! The [`ItemSource`] of a disk-backed collection (see [`crate::collection::item_file`]): what
//! its folders pass down is worked out once, but its request items are read from the file again for each
//! iteration, one at a time, and dropped once they ran.
//!
//! The rules are those of [`super::plan`](mod@super::plan): `--folder` picks the first node with that name or id
//! (this level first, then each subtree in order), and `setNextRequest` goes to the first item
//! with that id, else the last one with that name. Each iteration reads the file on a thread of
//! its own, a few items ahead of the runner, and keeps the last `RECENT` items it read: going
//! back further than those starts reading again.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::ops::ControlFlow;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::future::LocalBoxFuture;
use tokio::sync::mpsc;

use super::plan::{Inherited, PlannedItem, unknown_selection};
use super::source::{ItemReader, ItemSource};
use crate::collection::{Ancestor, Collection, Item, ItemFile, ItemGroup, Node, Visit};
use crate::diagnostic::Diagnostic;

/// How many `setNextRequest` targets are remembered before the memory is cleared.
const MAX_TARGETS: usize = 1024;
/// How many of the items read last an iteration keeps, for `setNextRequest` loops going back.
const RECENT: usize = 64;
/// How many items a reading thread sends at once (and may be ahead of its iteration, twice
/// over): one wake-up of either thread for that many items.
const BATCH: usize = 32;
/// How long the first item of a batch may wait for the batch to fill.
const MAX_WAIT: Duration = Duration::from_millis(2);

/// The run's plan for a disk-backed collection.
pub struct FilePlan<'c> {
    file: Arc<ItemFile>,
    /// What the collection's own items inherit.
    root: Inherited<'c>,
    /// What each folder's items inherit, by folder ordinal.
    folders: Vec<Inherited<'c>>,
    /// With `--folder`: the ordinals of the chosen nodes, whose items (and themselves, for items)
    /// run.
    selected: Option<Arc<[usize]>>,
    /// How many items each iteration runs.
    len: usize,
    /// `setNextRequest` targets already looked for, and their positions.
    targets: Mutex<HashMap<String, usize>>,
}

impl<'c> FilePlan<'c> {
    /// The plan of `collection`, whose items are in `file`, narrowed to the `wanted` folders or
    /// items (all when empty). An unknown name is an error.
    pub fn new(
        collection: &'c Collection,
        file: &Arc<ItemFile>,
        wanted: &[String],
    ) -> Result<Self, Diagnostic> {
        let root = Inherited::root(collection);
        let mut folders = Vec::new();
        let mut groups = Vec::new();
        inherit(&collection.items, &root, &mut folders, &mut groups);
        let mut plan = FilePlan {
            file: Arc::clone(file),
            root,
            folders,
            selected: None,
            len: file.items(),
            targets: Mutex::new(HashMap::new()),
        };
        if !wanted.is_empty() {
            let selected: Arc<[usize]> = select(collection, file, &groups, wanted)?.into();
            plan.len = count(file, &selected)?;
            plan.selected = Some(selected);
        }
        Ok(plan)
    }

    fn lock_targets(&self) -> std::sync::MutexGuard<'_, HashMap<String, usize>> {
        self.targets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl ItemSource for FilePlan<'_> {
    fn len(&self) -> usize {
        self.len
    }

    /// Read the file for a target not looked for yet; the answers are remembered.
    fn find_target(&self, target: &str) -> Result<usize, Diagnostic> {
        if let Some(&found) = self.lock_targets().get(target) {
            return Ok(found);
        }
        let (mut by_id, mut by_name) = (None, None);
        walk_selected(&self.file, self.selected.as_deref(), &mut |read| {
            if read.item.id.as_deref() == Some(target) {
                by_id = Some(read.position);
                return ControlFlow::Break(());
            }
            if read.item.name == target {
                by_name = Some(read.position);
            }
            ControlFlow::Continue(())
        })?;
        let found = by_id.or(by_name).unwrap_or(self.len);
        let mut targets = self.lock_targets();
        if targets.len() >= MAX_TARGETS {
            targets.clear();
        }
        targets.insert(target.to_string(), found);
        Ok(found)
    }

    fn reader(&self) -> Box<dyn ItemReader<'_> + '_> {
        Box::new(FileReader {
            plan: self,
            stream: None,
            recent: VecDeque::new(),
        })
    }
}

/// What a folder's items inherit, and the folder, for every folder of `nodes` (a folders-only
/// tree) in document order.
fn inherit<'c>(
    nodes: &'c [Node],
    parent: &Inherited<'c>,
    out: &mut Vec<Inherited<'c>>,
    groups: &mut Vec<&'c ItemGroup>,
) {
    for node in nodes {
        if let Node::Group(group) = node {
            let next = parent.child(group);
            out.push(next.clone());
            groups.push(group);
            inherit(&group.items, &next, out, groups);
        }
    }
}

/// True when the node `node` inside `ancestors` runs: everything without a selection, else the
/// chosen nodes and what is inside them.
fn included(selected: Option<&[usize]>, ancestors: &[Ancestor], node: usize) -> bool {
    match selected {
        None => true,
        Some(chosen) => {
            chosen.contains(&node) || ancestors.iter().any(|a| chosen.contains(&a.node))
        }
    }
}

/// A request item the run includes, as [`walk_selected`] hands it over.
struct Selected<'a> {
    /// Its position in an iteration.
    position: usize,
    /// The folders around it, outermost first.
    ancestors: &'a [Ancestor],
    /// Its ordinal among all nodes.
    node: usize,
    item: Item,
}

/// Read `file` and hand `visit` each request item the `selected` nodes include (all with
/// `None`), in order, until it breaks.
fn walk_selected(
    file: &ItemFile,
    selected: Option<&[usize]>,
    visit: &mut dyn FnMut(Selected<'_>) -> ControlFlow<()>,
) -> Result<(), Diagnostic> {
    let mut position = 0;
    file.walk(&mut |visit_node| {
        let Visit::Item {
            ancestors,
            node,
            item,
        } = visit_node
        else {
            return ControlFlow::Continue(());
        };
        if !included(selected, ancestors, node) {
            return ControlFlow::Continue(());
        }
        position += 1;
        visit(Selected {
            position: position - 1,
            ancestors,
            node,
            item,
        })
    })
}

/// Where a node is, as `find_node` in [`super::plan`] prefers it: at each level a node of that
/// level first, then the first subtree holding one.
type Rank = Vec<(bool, usize)>;

fn rank(ancestors: &[Ancestor], node: usize) -> Rank {
    ancestors
        .iter()
        .map(|a| (true, a.node))
        .chain([(false, node)])
        .collect()
}

/// The nodes `wanted` names (by name or id), as ordinals; an error for a name that names nothing.
fn select(
    collection: &Collection,
    file: &ItemFile,
    groups: &[&ItemGroup],
    wanted: &[String],
) -> Result<Vec<usize>, Diagnostic> {
    let mut best: Vec<Option<(Rank, usize)>> = vec![None; wanted.len()];
    let mut consider = |ancestors: &[Ancestor], node: usize, id: Option<&str>, name: &str| {
        for (want, best) in wanted.iter().zip(best.iter_mut()) {
            if id == Some(want.as_str()) || name == want {
                let rank = rank(ancestors, node);
                if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                    *best = Some((rank, node));
                }
            }
        }
    };
    file.walk(&mut |visit| {
        match visit {
            Visit::Folder { ancestors, at } => {
                if let Some(group) = groups.get(at.folder) {
                    consider(ancestors, at.node, group.id.as_deref(), &group.name);
                }
            }
            Visit::Item {
                ancestors,
                node,
                item,
            } => consider(ancestors, node, item.id.as_deref(), &item.name),
        }
        ControlFlow::Continue(())
    })?;
    let mut chosen = Vec::with_capacity(wanted.len());
    for (want, best) in wanted.iter().zip(best) {
        match best {
            Some((_, node)) => chosen.push(node),
            None => {
                let names = names(file, groups)?;
                return Err(unknown_selection(
                    collection,
                    want,
                    names.iter().map(String::as_str),
                ));
            }
        }
    }
    Ok(chosen)
}

/// Every folder and item name, in document order.
fn names(file: &ItemFile, groups: &[&ItemGroup]) -> Result<Vec<String>, Diagnostic> {
    let mut names = Vec::new();
    file.walk(&mut |visit| {
        match visit {
            Visit::Folder { at, .. } => {
                names.extend(groups.get(at.folder).map(|g| g.name.clone()));
            }
            Visit::Item { item, .. } => names.push(item.name),
        }
        ControlFlow::Continue(())
    })?;
    Ok(names)
}

/// How many items the `selected` nodes run.
fn count(file: &ItemFile, selected: &[usize]) -> Result<usize, Diagnostic> {
    let mut count = 0;
    walk_selected(file, Some(selected), &mut |_| {
        count += 1;
        ControlFlow::Continue(())
    })?;
    Ok(count)
}

/// One item read for an iteration.
struct Read {
    /// Its position in the iteration.
    position: usize,
    /// The innermost folder around it (its ordinal), if any.
    folder: Option<usize>,
    /// Its ordinal among all nodes.
    node: usize,
    item: Item,
}

/// Items coming from a reading thread, in order, a batch at a time.
struct Stream {
    batches: mpsc::Receiver<Result<Vec<Read>, Diagnostic>>,
    /// The rest of the last batch, in reverse order.
    batch: Vec<Read>,
    /// The position of the next item to come.
    next: usize,
}

impl Stream {
    /// The next item; `None` after the last.
    async fn take(&mut self) -> Result<Option<Read>, Diagnostic> {
        if self.batch.is_empty() {
            match self.batches.recv().await {
                Some(batch) => {
                    self.batch = batch?;
                    self.batch.reverse();
                }
                None => return Ok(None),
            }
        }
        Ok(self.batch.pop())
    }
}

/// One iteration's items, read from the file as they are asked for.
struct FileReader<'p, 'c> {
    plan: &'p FilePlan<'c>,
    stream: Option<Stream>,
    /// The last items read, in order (asked for again by a `setNextRequest` going back a
    /// little, or to the item itself).
    recent: VecDeque<Read>,
}

impl FileReader<'_, '_> {
    /// The item at `position` with what it inherits; `None` past the last one.
    async fn planned_at(&mut self, position: usize) -> Result<Option<PlannedItem<'_>>, Diagnostic> {
        if position >= self.plan.len {
            return Ok(None);
        }
        if !self.recent.iter().any(|r| r.position == position) {
            self.read(position).await?;
        }
        let Some(read) = self.recent.iter().find(|r| r.position == position) else {
            return Ok(None);
        };
        let inherited = match read.folder {
            None => &self.plan.root,
            Some(folder) => self.plan.folders.get(folder).ok_or_else(|| {
                Diagnostic::in_file(
                    self.plan.file.path(),
                    format!("the collection file has no folder {folder} any more"),
                )
            })?,
        };
        Ok(Some(inherited.plan(
            &read.item,
            read.node as u64,
            read.node,
        )))
    }

    /// Read on to the item at `position` (from the start again when it was passed), keeping
    /// the items read in `recent`.
    async fn read(&mut self, position: usize) -> Result<(), Diagnostic> {
        if self.stream.as_ref().is_none_or(|s| s.next > position) {
            self.stream = Some(self.start(position)?);
        }
        let Some(stream) = self.stream.as_mut() else {
            return Ok(());
        };
        while let Some(read) = stream.take().await? {
            stream.next = read.position + 1;
            let found = read.position == position;
            if self.recent.len() >= RECENT {
                self.recent.pop_front();
            }
            self.recent.push_back(read);
            if found {
                break;
            }
        }
        Ok(())
    }

    /// A thread reading the file, sending the items from `start` on.
    fn start(&self, start: usize) -> Result<Stream, Diagnostic> {
        let (send, batches) = mpsc::channel(1);
        let file = Arc::clone(&self.plan.file);
        let selected = self.plan.selected.clone();
        let len = self.plan.len;
        std::thread::Builder::new()
            .name("postie-items".to_string())
            .spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                let mut started: Option<Instant> = None;
                let read = walk_selected(&file, selected.as_deref(), &mut |read| {
                    if read.position < start {
                        return ControlFlow::Continue(());
                    }
                    let last = read.position + 1 >= len;
                    batch.push(Read {
                        position: read.position,
                        folder: read.ancestors.last().map(|a| a.folder),
                        node: read.node,
                        item: read.item,
                    });
                    // Sent when full, or when its first item waited long enough (few items
                    // chosen far apart), or with the last item.
                    let first = *started.get_or_insert_with(Instant::now);
                    if batch.len() < BATCH && !last && first.elapsed() < MAX_WAIT {
                        return ControlFlow::Continue(());
                    }
                    started = None;
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    match send.blocking_send(Ok(full)) {
                        Ok(()) => ControlFlow::Continue(()),
                        // The iteration is over.
                        Err(_) => ControlFlow::Break(()),
                    }
                });
                // Nobody may be listening any more: nothing to do then.
                let _ = match read {
                    Ok(()) if batch.is_empty() => Ok(()),
                    Ok(()) => send.blocking_send(Ok(batch)),
                    Err(d) => send.blocking_send(Err(d)),
                };
            })
            .map_err(|e| Diagnostic::new(format!("cannot start reading the collection: {e}")))?;
        Ok(Stream {
            batches,
            batch: Vec::new(),
            next: start,
        })
    }
}

impl<'p> ItemReader<'p> for FileReader<'p, '_> {
    /// Only when the item is already read (kept, or in the batch at hand): the file is not
    /// waited for.
    fn prerequest_sources(&self, position: usize) -> Vec<Cow<'p, str>> {
        let batch = self.stream.as_ref().map_or(&[][..], |s| &s.batch[..]);
        let Some(read) = self
            .recent
            .iter()
            .chain(batch)
            .find(|r| r.position == position)
        else {
            return Vec::new();
        };
        let inherited = match read.folder {
            None => Some(&self.plan.root),
            Some(folder) => self.plan.folders.get(folder),
        };
        inherited.map_or_else(Vec::new, |inherited| {
            let planned = inherited.plan(&read.item, read.node as u64, read.node);
            planned
                .prerequest()
                .iter()
                .map(|script| Cow::Owned(script.source.clone()))
                .collect()
        })
    }

    fn get(
        &mut self,
        position: usize,
    ) -> LocalBoxFuture<'_, Result<Option<Cow<'_, PlannedItem<'_>>>, Diagnostic>> {
        Box::pin(async move { Ok(self.planned_at(position).await?.map(Cow::Owned)) })
    }
}

#[cfg(test)]
mod tests;
