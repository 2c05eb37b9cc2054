//! A disk-backed collection: a large collection file whose request items are not kept in memory
//! but read again from the file, one at a time, each time a run needs them.
//!
//! Loading checks the whole file as usual and keeps only what is small (the collection's own
//! fields, its folders, the item count); [`ItemFile::walk`] then reads the items again, in
//! document order, building one item at a time. The file must not change in between: every
//! read checks its size and modification time against those seen at load, and refuses to go on
//! with a clear message when they differ.

use std::io::{self, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::json::open_utf8;
use super::parts::{Ctx, Notes};
use super::stream::{self, Visit, Walk};
use crate::diagnostic::Diagnostic;

/// How large a collection file must be (in bytes) for its items to be read from the file as the
/// run goes rather than kept in memory: large enough that the usual collections are kept, small
/// enough that a collection of tens of thousands of requests is not.
pub const DEFAULT_DISK_ITEMS_ABOVE: u64 = 4 << 20;

/// The collection file a disk-backed collection reads its items from.
#[derive(Debug, Clone)]
pub struct ItemFile {
    path: PathBuf,
    stamp: Stamp,
    wrapped: bool,
    items: usize,
}

/// What tells that a file changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

impl ItemFile {
    /// The file at `path` as it is now, before it is loaded; `None` when it cannot be looked at.
    pub(super) fn new(path: &Path) -> Option<ItemFile> {
        Some(ItemFile {
            path: path.to_path_buf(),
            stamp: Stamp::of(path)?,
            wrapped: false,
            items: 0,
        })
    }

    /// The file once loaded: it holds `items` request items; `wrapped` when it is the Postman
    /// API's form.
    pub(super) fn loaded(self, wrapped: bool, items: usize) -> ItemFile {
        ItemFile {
            wrapped,
            items,
            ..self
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many request items the collection holds (in all folders).
    pub fn items(&self) -> usize {
        self.items
    }

    /// True when the file holds the Postman API's form `{"collection": {...}}`.
    pub(super) fn wrapped(&self) -> bool {
        self.wrapped
    }

    /// The message for a file that is not what was loaded any more.
    fn changed(&self) -> Diagnostic {
        Diagnostic::in_file(
            &self.path,
            "the collection file changed since it was loaded (postie reads a large collection's \
             items from its file as the run goes)",
        )
        .with_hint("leave the collection file alone while postie runs it, then run again")
    }

    /// Fail when the file changed since it was loaded.
    pub(super) fn check(&self) -> Result<(), Diagnostic> {
        match Stamp::of(&self.path) {
            Some(now) if now == self.stamp => Ok(()),
            _ => Err(self.changed()),
        }
    }

    /// The file's JSON text (after its byte-order mark), once it is checked to be unchanged.
    pub(super) fn open(&self) -> Result<impl Read + use<>, Diagnostic> {
        self.check()?;
        open_utf8(&self.path).ok_or_else(|| self.changed())
    }

    /// The file's text as [`Self::open`] gives it, or a reader failing with why not: for code
    /// that can only take a reader.
    pub(super) fn reader(&self) -> Box<dyn Read> {
        match self.open() {
            Ok(read) => Box::new(read),
            Err(d) => Box::new(Failing(Some(io::Error::other(d.to_string())))),
        }
    }

    /// Read the file again and hand `visit` every folder and request item in document order,
    /// until it breaks. `Err` when the file cannot be read as it was loaded.
    pub fn walk(
        &self,
        visit: &mut dyn FnMut(Visit<'_>) -> ControlFlow<()>,
    ) -> Result<(), Diagnostic> {
        let reader = BufReader::with_capacity(32 * 1024, self.open()?);
        let walk = Walk::new(visit);
        let ctx = Ctx::new(&self.path, "collection", Notes::Drop);
        let read = stream::with_sink(reader, ctx, &walk);
        if walk.stopped.get() {
            return Ok(());
        }
        self.check()?;
        match read {
            Ok(_) => Ok(()),
            Err(why) => Err(Diagnostic::in_file(
                &self.path,
                format!("cannot read the collection again: {why}"),
            )),
        }
    }
}

/// A reader that fails at once.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(self
            .0
            .take()
            .unwrap_or_else(|| io::Error::other("cannot read the collection file again")))
    }
}
