//! The Postman data model and its loaders: collections (v2.0/v2.1; v1 is converted on load),
//! environment and globals files, iteration data.
//! No execution code lives here.
//!
//! From the bottom up: `model` (plain data, no I/O) and `behavior` (typed
//! `protocolProfileBehavior`); `parts`, `request`, `request_body` and `url` read fields; `build`
//! builds every folder and item, whichever way the text is read; `stream` reads a collection's
//! text in one pass, handing each built node to a sink; `item_file` reads a large file's items
//! again as a run goes; `document` keeps the text exports write back; `load` chooses the way and
//! returns a [`LoadedCollection`] (model + document + item file). Imports point down that list.

mod behavior;
mod build;
pub mod data;
mod document;
mod duplicates;
pub(crate) mod environment;
pub(crate) mod item_file;
pub(crate) mod js_value;
pub(crate) mod json;
pub(crate) mod load;
pub(crate) mod model;
mod parts;
mod request;
mod request_body;
mod stream;
pub(crate) mod url;
pub mod url_split;
pub mod v1;
pub mod v3;

pub use behavior::{ProfileBehavior, Setting};
pub use data::{DataFile, DataRow, data_rows, load_data, load_data_file, parse_data};
pub use document::{CollectionDocument, Mask, PrettyOptions};
pub use environment::{load_variable_file, parse_variable_file, parse_variable_text};
pub use item_file::{DEFAULT_DISK_ITEMS_ABOVE, ItemFile};
pub use json::read_json;
pub use load::{
    LoadOptions, LoadedCollection, load_collection, load_collection_with, parse_collection,
    parse_collection_text,
};
pub use model::*;
pub(crate) use parts::kind_of;
pub use request::{method_name, parse_request_definition};
pub use request_body::BODY_MODES;
pub use stream::{Ancestor, Visit};
