//! Postman Collection v1 → v2.1 conversion, done on load the way Newman does it (Newman runs
//! postman-collection-transformer's v1 → v2.1 converter and prints a deprecation warning).
//!
//! A v1 collection is flat: `requests[]` holds every request, `folders[]` every folder (at any
//! depth), and id lists say where things go: the collection's `order` (root requests),
//! `folders_order` (root folders; without it, `folders` in array order), and in each folder
//! `folders_order` (its subfolders) and `order` (its requests). Conversion facts followed here:
//!
//! * The root holds the root folders first, then the root requests. A folder holds its
//!   subfolders first, then its requests. A folder listed in any folder's `folders_order` is a
//!   subfolder and never appears at the root. Ids that match nothing are skipped; the root
//!   `order` is de-duplicated, a folder's `order` is not.
//! * A request listed in no `order` is left out (as the transformer does); each one left out
//!   adds a warning.
//! * `headers` is a string of `Key: value` lines (`//Key: value` is disabled) or already an array;
//!   `headerData` entries win over the string's lines of the same key.
//! * `dataMode` `params` → `formdata`, `urlencoded`, `raw` (`rawModeData`, else a string `data`),
//!   `binary` → `file`, `graphql` (`graphqlModeData`); without a `dataMode` the mode is inferred.
//! * `tests` / `preRequestScript` strings become `test` / `prerequest` events (in that order);
//!   an `events` array is used only when neither string is set.
//! * `currentHelper` + `helperAttributes` become a v2.1 auth block with `[{key, value, type}]`
//!   parameters, with the v1 attribute names renamed (e.g. hawk `hawk_id` → `authId`); a
//!   `currentHelper` of `normal` or `null` means no auth. An entity with a v2-style `auth` and no
//!   helper keeps that auth.
//! * `queryParams` replace the URL's own query (`enabled: false` → `disabled`; `equals` decides
//!   between `k` and `k=`); `pathVariableData` / `pathVariables` become the URL's `variable`.
//! * `variables` (or `variable`) become `variable` lists; `responses` become `response`.
//!
//! Deliberate differences from the transformer: v1 ids are kept as the v2 `id`s of items and
//! folders (the transformer gives them fresh random ids), and the URL stays a `raw` string (with
//! `query`/`variable` lists when it has them) rather than being split into parts.
//!
//! Malformed input never panics: a value of the wrong type gives an error naming its JSON path.
//!
//! The work is split by job: `order` places folders and requests (and bounds nesting),
//! `request` converts one request (with `header` and `body`), `events` and `variables` convert
//! scripts and variable lists, `auth` the auth helpers, `response` saved examples, and `util`
//! holds the small shared helpers. This file holds the public API and the top-level steps.

mod auth;
mod body;
mod events;
mod header;
mod order;
mod request;
mod response;
mod util;
mod variables;

#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

use super::parts::kind_of;
use auth::auth;
use events::events;
use order::Converter;
use util::{description, put, truthy};
use variables::variables;

/// The warning a converted collection carries (in [`super::Collection::warnings`]).
pub const V1_WARNING: &str = "this is a Postman v1 collection: postie converted it to v2.1; \
     export it from Postman as v2.1 to skip this step";

/// The schema URL written into converted collections.
const SCHEMA_V21: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// True when `doc` looks like a v1 collection: an object with `requests` or `order` and neither
/// of the v2 keys `item` and `info`.
pub fn is_v1(doc: &Value) -> bool {
    let Some(root) = doc.as_object() else {
        return false;
    };
    let has = |key: &str| root.get(key).is_some_and(|v| !v.is_null());
    !has("item") && !has("info") && (has("requests") || has("order"))
}

/// Convert a v1 collection document to a v2.1 one.
pub fn convert_v1(doc: &Value) -> Result<Value, String> {
    convert_v1_with_notes(doc).map(|(converted, _)| converted)
}

/// [`convert_v1`], also returning notes about what was left out (one per request that no `order`
/// lists).
pub fn convert_v1_with_notes(doc: &Value) -> Result<(Value, Vec<String>), String> {
    let root = doc
        .as_object()
        .ok_or_else(|| format!("expected a collection object, found {}", kind_of(doc)))?;
    let mut conv = Converter::new(root)?;
    let mut out = Map::new();
    out.insert("info".into(), Value::Object(info(root)?));
    out.insert("item".into(), Value::Array(conv.root_items(root)?));
    put(&mut out, "auth", auth(root, "", true)?);
    put(&mut out, "event", events(root, "")?);
    put(&mut out, "variable", variables(root, "")?);
    let notes = conv.left_out();
    Ok((Value::Object(out), notes))
}

/// The v2.1 `info` block: the v1 `id` (or a fresh one), `name`, `description` and the schema.
fn info(root: &Map<String, Value>) -> Result<Map<String, Value>, String> {
    let mut info = Map::new();
    let id = match root.get("id") {
        Some(v) if truthy(Some(v)) => v.clone(),
        _ => Value::String(uuid::Uuid::new_v4().to_string()),
    };
    info.insert("_postman_id".into(), id);
    put(&mut info, "name", root.get("name").cloned());
    put(&mut info, "description", description(root));
    info.insert("schema".into(), Value::String(SCHEMA_V21.into()));
    Ok(info)
}
