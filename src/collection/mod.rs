//! The Postman data model and its loaders: collections (v2.0/v2.1; v1 is converted on load),
//! environment and globals files, iteration data.
//! No execution code lives here.

pub mod data;
mod document;
mod duplicates;
pub mod environment;
pub mod item_file;
pub mod js_value;
pub mod json;
pub mod load;
pub mod model;
mod parts;
mod request;
mod request_body;
mod stream;
pub mod url;
pub mod v1;

pub use data::{DataFile, DataRow, data_rows, load_data, load_data_file, parse_data};
pub use document::{CollectionDocument, Mask, PrettyOptions};
pub use environment::{load_variable_file, parse_variable_file, parse_variable_text};
pub use item_file::{Ancestor, DEFAULT_DISK_ITEMS_ABOVE, ItemFile, Visit};
pub use json::read_json;
pub use load::{
    LoadOptions, load_collection, load_collection_with, parse_collection, parse_collection_text,
};
pub use model::*;
pub(crate) use parts::kind_of;
pub use request::{method_name, parse_request_definition};
