//! Building the model's nodes from JSON objects, in one place: the collection from its top-level
//! fields, and each folder or request item from its own fields. Every way of reading a collection
//! (the document's tree, its text parsed in one pass, its file read again item by item) ends
//! here, so they all build the same model and find the same first error.

use std::path::Path;

use serde_json::{Map, Value};

use super::model::{Collection, Item, ItemGroup, Node};
use super::parts::{self, Ctx, field, kind_of, object, text};
use super::request::request;
use crate::diagnostic::Diagnostic;

/// The collection from its top-level fields, `items` building its items (after its name and ids,
/// before its scripts, variables and auth, so that errors are found in that order).
pub(super) fn build_collection(
    root: &Map<String, Value>,
    items: impl FnOnce() -> Result<Vec<Node>, Diagnostic>,
    ctx: Ctx,
    warnings: Vec<String>,
) -> Result<Collection, Diagnostic> {
    let info = root.get("info").and_then(Value::as_object);
    let from_info = |key: &str| {
        info.and_then(|i| text(i.get(key)))
            .filter(|s| !s.is_empty())
    };
    let name = from_info("name")
        .or_else(|| text(root.get("name")).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| file_stem(ctx.file));
    let id = from_info("_postman_id")
        .or_else(|| from_info("id"))
        .or_else(|| node_id(root));
    Ok(Collection {
        id,
        name,
        schema: from_info("schema"),
        items: items()?,
        events: parts::events(root.get("event"), ctx, "event")?,
        variables: parts::variables(root.get("variable"), ctx, "variable")?,
        auth: parts::auth(root.get("auth"), ctx, "auth")?,
        protocol_profile_behavior: parts::profile_behavior(
            root.get("protocolProfileBehavior"),
            ctx,
            "protocolProfileBehavior",
        )?,
        warnings,
    })
}

/// `{"collection": {...}}` (the Postman API's form) → the inner collection.
pub(super) fn unwrap_api_form(doc: Value) -> Value {
    match doc {
        Value::Object(mut map)
            if map.len() == 1 && map.get("collection").is_some_and(Value::is_object) =>
        {
            map.remove("collection").unwrap_or(Value::Null)
        }
        other => other,
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `id`, or `_postman_id` as older exports write it.
fn node_id(obj: &Map<String, Value>) -> Option<String> {
    text(obj.get("id"))
        .or_else(|| text(obj.get("_postman_id")))
        .filter(|s| !s.is_empty())
}

/// An `item` array of a document's tree: folders (entries with an `item` field) and request
/// items, recursively; `at` is its JSON path.
pub(super) fn nodes(v: Option<&Value>, ctx: Ctx, at: &str) -> Result<Vec<Node>, Diagnostic> {
    parts::list(v, ctx, at)?
        .into_iter()
        .map(|(at, x)| node(object(x, ctx, &at)?, ctx, &at))
        .collect()
}

fn node(obj: &Map<String, Value>, ctx: Ctx, at: &str) -> Result<Node, Diagnostic> {
    let children = obj
        .get("item")
        .filter(|v| !v.is_null())
        .map(|v| move || nodes(Some(v), ctx, &field(at, "item")));
    build_node(obj, children, ctx, at)
}

/// A folder (when `children` is given: it builds the folder's items) or a request item from the
/// node's fields; `at` is its JSON path. The fields are read in the file format's order, so that
/// the first error found is the same however the children are built.
pub(super) fn build_node(
    obj: &Map<String, Value>,
    children: Option<impl FnOnce() -> Result<Vec<Node>, Diagnostic>>,
    ctx: Ctx,
    at: &str,
) -> Result<Node, Diagnostic> {
    let id = node_id(obj);
    let name = match obj.get("name") {
        Some(other @ (Value::Array(_) | Value::Object(_))) => {
            ctx.note(
                &field(at, "name"),
                format!(
                    "expected a string, found {}; the item has no name (Newman shows the value \
                     itself)",
                    kind_of(other)
                ),
            )?;
            String::new()
        }
        other => text(other).unwrap_or_default(),
    };
    let events = parts::events(obj.get("event"), ctx, &field(at, "event"))?;
    let protocol_profile_behavior = parts::profile_behavior(
        obj.get("protocolProfileBehavior"),
        ctx,
        &field(at, "protocolProfileBehavior"),
    )?
    .map(Box::new);
    if let Some(children) = children {
        return Ok(Node::Group(ItemGroup {
            id,
            name,
            items: children()?,
            events,
            auth: parts::auth(obj.get("auth"), ctx, &field(at, "auth"))?.map(Box::new),
            protocol_profile_behavior,
        }));
    }
    Ok(Node::Item(Item {
        id,
        name,
        request: request(obj.get("request"), ctx, &field(at, "request"))?,
        events,
        protocol_profile_behavior,
    }))
}
