//! What the streaming parser does with the nodes it builds: [`Keep`] them all (the whole model),
//! keep only the folders of a [`Skeleton`] (a disk-backed collection), or [`Walk`] the request
//! items one at a time, handing each to a callback and keeping nothing.

use std::cell::{Cell, RefCell};
use std::ops::ControlFlow;

use super::Sink;
use crate::collection::model::{Item, Node};

/// A folder around a visited node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ancestor {
    /// The folder's ordinal among all nodes (folders and request items, in document order).
    pub node: usize,
    /// The folder's ordinal among folders (in document order: the order of a depth-first walk
    /// of the folders-only tree [`crate::collection::Collection::items`] holds).
    pub folder: usize,
}

/// What [`crate::collection::ItemFile::walk`] hands its callback, in document order.
pub enum Visit<'a> {
    /// A folder's `item` list starts.
    Folder {
        /// The folders around it, outermost first.
        ancestors: &'a [Ancestor],
        /// The folder itself.
        at: Ancestor,
    },
    /// A request item, built.
    Item {
        /// The folders around it, outermost first.
        ancestors: &'a [Ancestor],
        /// Its ordinal among all nodes.
        node: usize,
        /// The item.
        item: Item,
    },
}

/// Keeps every node: the collection's whole model.
#[derive(Default)]
pub(in crate::collection) struct Keep {
    nodes: Cell<usize>,
}

impl Sink for Keep {
    fn node_starts(&self) -> usize {
        next(&self.nodes)
    }

    fn built(&self, _ordinal: usize, node: Node) -> Result<Option<Node>, String> {
        Ok(Some(node))
    }
}

/// Keeps the folders only (with their folder children), counting the request items it checked
/// and dropped.
#[derive(Default)]
pub(in crate::collection) struct Skeleton {
    nodes: Cell<usize>,
    items: Cell<usize>,
    irregular: Cell<bool>,
}

impl Skeleton {
    /// How many request items were built and dropped.
    pub(in crate::collection) fn items(&self) -> usize {
        self.items.get()
    }

    /// True when the text's shape was unusual (an object repeats `item`, a `collection` field
    /// was read but is not the collection): reading it again item by item could then go astray.
    pub(in crate::collection) fn irregular(&self) -> bool {
        self.irregular.get()
    }
}

impl Sink for Skeleton {
    fn node_starts(&self) -> usize {
        next(&self.nodes)
    }

    fn repeated_key(&self) {
        self.irregular.set(true);
    }

    fn built(&self, _ordinal: usize, node: Node) -> Result<Option<Node>, String> {
        match node {
            Node::Item(_) => {
                next(&self.items);
                Ok(None)
            }
            group @ Node::Group(_) => Ok(Some(group)),
        }
    }
}

/// The message a walk stops its parse with.
pub(in crate::collection) const STOPPED: &str = "walk stopped";

/// The callback of a [`Walk`].
type Visitor<'f> = &'f mut dyn FnMut(Visit<'_>) -> ControlFlow<()>;

/// Hands every request item to a callback as it is built; keeps nothing.
pub(in crate::collection) struct Walk<'f> {
    nodes: Cell<usize>,
    folders: Cell<usize>,
    ancestors: RefCell<Vec<Ancestor>>,
    visit: RefCell<Visitor<'f>>,
    /// True once the callback asked to stop.
    pub(in crate::collection) stopped: Cell<bool>,
}

impl<'f> Walk<'f> {
    /// A walk calling `visit`.
    pub(in crate::collection) fn new(
        visit: &'f mut dyn FnMut(Visit<'_>) -> ControlFlow<()>,
    ) -> Self {
        Walk {
            nodes: Cell::new(0),
            folders: Cell::new(0),
            ancestors: RefCell::new(Vec::new()),
            visit: RefCell::new(visit),
            stopped: Cell::new(false),
        }
    }

    fn call(&self, visit: Visit<'_>) -> Result<(), String> {
        let flow = (self.visit.borrow_mut())(visit);
        match flow {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => {
                self.stopped.set(true);
                Err(STOPPED.to_string())
            }
        }
    }
}

impl Sink for Walk<'_> {
    fn node_starts(&self) -> usize {
        next(&self.nodes)
    }

    fn folder_starts(&self, node: usize) -> Result<(), String> {
        let at = Ancestor {
            node,
            folder: next(&self.folders),
        };
        {
            let ancestors = self.ancestors.borrow();
            self.call(Visit::Folder {
                ancestors: &ancestors,
                at,
            })?;
        }
        self.ancestors.borrow_mut().push(at);
        Ok(())
    }

    fn folder_ends(&self) {
        self.ancestors.borrow_mut().pop();
    }

    fn built(&self, ordinal: usize, node: Node) -> Result<Option<Node>, String> {
        if let Node::Item(item) = node {
            let ancestors = self.ancestors.borrow();
            self.call(Visit::Item {
                ancestors: &ancestors,
                node: ordinal,
                item,
            })?;
        }
        Ok(None)
    }
}

/// The counter's value, counting one more.
fn next(counter: &Cell<usize>) -> usize {
    let n = counter.get();
    counter.set(n + 1);
    n
}
