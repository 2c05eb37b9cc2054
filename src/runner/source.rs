//! Where a run's request items come from, behind one small trait: [`ItemSource`]. A collection
//! held in memory is planned once ([`super::plan`](mod@super::plan), [`MemoryItems`]); a large
//! collection whose items stay in its file ([`crate::collection::ItemFile`]) is read again for
//! each iteration, a few items ahead ([`super::file_plan`]). The rest of the runner sees only the
//! trait.

use std::borrow::Cow;

use futures_util::future::LocalBoxFuture;

use super::file_plan::FilePlan;
use super::plan::{PlannedItem, plan};
use crate::collection::LoadedCollection;
use crate::diagnostic::Diagnostic;

/// The request items a run goes through, in order, each with what it inherits.
pub trait ItemSource {
    /// How many items an iteration runs.
    fn len(&self) -> usize;

    /// True when an iteration runs no item.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of `setNextRequest`'s `target`: the first item with that id, else the last
    /// one with that name; [`Self::len`] when there is none (the iteration ends).
    fn find_target(&self, target: &str) -> Result<usize, Diagnostic>;

    /// A reader of the items for one iteration (each iteration has its own, even in parallel).
    fn reader(&self) -> Box<dyn ItemReader<'_> + '_>;
}

/// One iteration's items, asked for by position.
pub trait ItemReader<'s> {
    /// The sources of the pre-request scripts of the item at `position`, when they are at hand
    /// without waiting, for compiling ahead; empty otherwise.
    fn prerequest_sources(&self, position: usize) -> Vec<Cow<'s, str>>;

    /// The item at `position`; `None` past the last one. `Err` when the items cannot be read
    /// any more (a disk-backed collection's file changed).
    fn get(
        &mut self,
        position: usize,
    ) -> LocalBoxFuture<'_, Result<Option<Cow<'_, PlannedItem<'_>>>, Diagnostic>>;
}

/// The items of `collection` narrowed to the `folders` selections (see [`plan`]): from memory,
/// or from its file when it is disk-backed. An unknown selection is an error.
pub fn item_source<'c>(
    collection: &'c LoadedCollection,
    folders: &[String],
) -> Result<Box<dyn ItemSource + 'c>, Diagnostic> {
    Ok(match &collection.item_file {
        Some(file) => Box::new(FilePlan::new(&collection.model, file, folders)?),
        None => Box::new(MemoryItems(plan(&collection.model, folders)?)),
    })
}

/// Every item planned, in memory.
pub struct MemoryItems<'c>(pub Vec<PlannedItem<'c>>);

impl ItemSource for MemoryItems<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn find_target(&self, target: &str) -> Result<usize, Diagnostic> {
        let items = &self.0;
        Ok(items
            .iter()
            .position(|p| p.item.id.as_deref() == Some(target))
            .or_else(|| items.iter().rposition(|p| p.item.name == target))
            .unwrap_or(items.len()))
    }

    fn reader(&self) -> Box<dyn ItemReader<'_> + '_> {
        Box::new(MemoryReader(&self.0))
    }
}

/// A reader of items planned in memory: nothing to keep between items.
struct MemoryReader<'p, 'c>(&'p [PlannedItem<'c>]);

impl<'p> ItemReader<'p> for MemoryReader<'p, '_> {
    fn prerequest_sources(&self, position: usize) -> Vec<Cow<'p, str>> {
        self.0.get(position).map_or_else(Vec::new, |planned| {
            planned
                .prerequest()
                .iter()
                .map(|planned| Cow::Borrowed(planned.script.source.as_str()))
                .collect()
        })
    }

    fn get(
        &mut self,
        position: usize,
    ) -> LocalBoxFuture<'_, Result<Option<Cow<'_, PlannedItem<'_>>>, Diagnostic>> {
        let found = self.0.get(position).map(Cow::Borrowed);
        Box::pin(std::future::ready(Ok(found)))
    }
}
