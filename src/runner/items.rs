//! The items an iteration runs, wherever they are: planned in memory
//! ([`super::plan`](mod@super::plan)) or read from a disk-backed collection's file as the
//! iteration goes ([`super::file_plan`]).

use std::borrow::Cow;
use std::ops::Deref;

use super::file_plan::{FilePlan, FileReader};
use super::plan::{PlannedItem, plan};
use crate::collection::Collection;
use crate::diagnostic::Diagnostic;

/// The run's items.
pub enum Plan<'c> {
    /// Every item planned, in memory.
    Memory(Vec<PlannedItem<'c>>),
    /// Items read from the collection's file.
    File(FilePlan<'c>),
}

impl<'c> Plan<'c> {
    /// The plan of `collection` narrowed to the `folders` selections (see [`plan`]).
    pub fn new(collection: &'c Collection, folders: &[String]) -> Result<Self, Diagnostic> {
        Ok(match &collection.item_file {
            Some(file) => Plan::File(FilePlan::new(collection, file, folders)?),
            None => Plan::Memory(plan(collection, folders)?),
        })
    }

    /// How many items an iteration runs.
    pub fn len(&self) -> usize {
        match self {
            Plan::Memory(items) => items.len(),
            Plan::File(plan) => plan.len(),
        }
    }

    /// True when an iteration runs no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of `setNextRequest`'s `target`: the first item with that id, else the last
    /// one with that name; [`Self::len`] when there is none (the iteration ends).
    pub fn find_target(&self, target: &str) -> Result<usize, Diagnostic> {
        match self {
            Plan::Memory(items) => Ok(items
                .iter()
                .position(|p| p.item.id.as_deref() == Some(target))
                .or_else(|| items.iter().rposition(|p| p.item.name == target))
                .unwrap_or(items.len())),
            Plan::File(plan) => plan.find_target(target),
        }
    }

    /// A reader of the items for one iteration.
    pub fn reader(&self) -> Reader<'_, 'c> {
        match self {
            Plan::Memory(items) => Reader::Memory(items),
            Plan::File(plan) => Reader::File(Box::new(plan.reader())),
        }
    }
}

/// One iteration's items.
pub enum Reader<'p, 'c> {
    /// Planned in memory.
    Memory(&'p [PlannedItem<'c>]),
    /// Read from the file.
    File(Box<FileReader<'p, 'c>>),
}

impl<'c> Reader<'_, 'c> {
    /// The sources of the pre-request scripts of the item at `position`, when they are at hand
    /// without waiting (a plan in memory, or an item already read from the file), for compiling
    /// ahead; empty otherwise.
    pub fn prerequest_sources(&self, position: usize) -> Vec<Cow<'c, str>> {
        match self {
            Reader::Memory(items) => items.get(position).map_or_else(Vec::new, |planned| {
                planned
                    .prerequest()
                    .iter()
                    .map(|planned| Cow::Borrowed(planned.script.source.as_str()))
                    .collect()
            }),
            Reader::File(reader) => reader
                .prerequest_sources(position)
                .into_iter()
                .map(Cow::Owned)
                .collect(),
        }
    }

    /// The item at `position`; `None` past the last one. `Err` when a disk-backed collection's
    /// file cannot be read as it was loaded.
    pub async fn get(&mut self, position: usize) -> Result<Option<Current<'_>>, Diagnostic> {
        Ok(match self {
            Reader::Memory(items) => items.get(position).map(Current::Borrowed),
            Reader::File(reader) => reader.get(position).await?.map(Current::Owned),
        })
    }
}

/// An item handed out by a [`Reader`].
pub enum Current<'a> {
    /// An item of a plan in memory.
    Borrowed(&'a PlannedItem<'a>),
    /// An item read from the file.
    Owned(PlannedItem<'a>),
}

impl<'a> Deref for Current<'a> {
    type Target = PlannedItem<'a>;

    fn deref(&self) -> &PlannedItem<'a> {
        match self {
            Current::Borrowed(planned) => planned,
            Current::Owned(planned) => planned,
        }
    }
}
