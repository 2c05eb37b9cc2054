//! The Postman data model and its loaders: collections (v2.0/v2.1), environment and globals files.
//! No execution code lives here.

pub mod model;

pub use model::*;
