//! The model of a v2 collection built straight from its JSON text (in memory, or read from the
//! file as it is parsed), one item at a time, without the document's whole tree: the loader's
//! fast path.
//!
//! One `serde_json` deserializer walks the whole text, so what it accepts (and how deeply it lets
//! containers nest) is exactly what parsing the tree accepts. Each folder and request item becomes
//! a small map of its own fields (its `item` list apart, which is built the same way, nested),
//! which the tree path's node parser turns into the model before the map is dropped. Whatever this
//! path does not handle — any error, v1 collections, documents that are not collections, any value
//! read loosely (its warning needs a JSON path this path does not know) — gives `None`, and the
//! caller loads the tree instead, which reports problems with their position or JSON path.
//!
//! What becomes of each built node is a [`Sink`]'s choice (see [`sinks`]): kept in its list (the
//! whole model), dropped once checked (the folders-only skeleton of a disk-backed collection), or
//! handed to a callback as the file is read again during a run.

mod sinks;

use std::{fmt, io};

use serde::de::{self, DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::build::build_node;
use super::model::Node;
use super::parts::Ctx;

pub use sinks::{Ancestor, Visit};
pub(super) use sinks::{Keep, Skeleton, Walk};

/// What the parser does with the nodes it builds, told in document order.
pub(super) trait Sink {
    /// A node (folder or request item) starts; returns its ordinal among all nodes.
    fn node_starts(&self) -> usize;
    /// The `item` list of node `node` starts: that node is a folder. An `Err` stops the parse.
    fn folder_starts(&self, node: usize) -> Result<(), String> {
        let _ = node;
        Ok(())
    }
    /// The `item` list of the innermost started folder ends.
    fn folder_ends(&self) {}
    /// An object repeats a key that decides the collection's shape (`item`; `collection` at the
    /// top).
    fn repeated_key(&self) {}
    /// Node `ordinal` was built: what its list keeps of it. An `Err` stops the parse.
    fn built(&self, ordinal: usize, node: Node) -> Result<Option<Node>, String>;
}

/// The parser's context, handed down to every visitor.
#[derive(Clone, Copy)]
struct Env<'a> {
    ctx: Ctx<'a>,
    sink: &'a dyn Sink,
}

/// The top-level fields of a v2 collection (its `item` list apart) and its built items.
pub(super) struct Streamed {
    /// Every top-level field except `item`.
    pub root: Map<String, Value>,
    /// The collection's items and folders.
    pub items: Vec<Node>,
    /// True when the text is the Postman API's form `{"collection": {...}}`.
    pub wrapped: bool,
}

/// Build the items of the v2 collection in `text`; `None` for anything else or on any error.
pub(super) fn from_str(text: &str, ctx: Ctx) -> Option<Streamed> {
    parse(
        &mut serde_json::Deserializer::from_str(text),
        ctx,
        &Keep::default(),
    )
    .ok()
}

/// Build the items of the v2 collection read from `reader` (UTF-8 JSON); `None` for anything
/// else or on any error, including reading errors.
pub(super) fn from_reader(reader: impl io::Read, ctx: Ctx) -> Option<Streamed> {
    with_sink(reader, ctx, &Keep::default()).ok()
}

/// [`from_reader`] with `sink` deciding what becomes of each node; `Err` says why not (a
/// message, for reading errors and a sink's stop).
pub(super) fn with_sink(
    reader: impl io::Read,
    ctx: Ctx,
    sink: &dyn Sink,
) -> Result<Streamed, String> {
    parse(
        &mut serde_json::Deserializer::from_reader(reader),
        ctx,
        sink,
    )
}

fn parse<'de, R: serde_json::de::Read<'de>>(
    de: &mut serde_json::Deserializer<R>,
    ctx: Ctx,
    sink: &dyn Sink,
) -> Result<Streamed, String> {
    let env = Env { ctx, sink };
    let top = de
        .deserialize_map(ObjectVisitor {
            env,
            node: None,
            top: true,
        })
        .map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    // The API form: `collection` (an object) is the only key.
    let only_collection = top.map.is_empty() && !top.had_item_key;
    if top.wrapped.is_some() && !only_collection {
        // A `collection` object that is not the collection: its items were read for nothing.
        sink.repeated_key();
    }
    let (fields, wrapped) = match top.wrapped {
        Some(inner) if only_collection => (*inner, true),
        _ => (top, false),
    };
    let has_info = fields.map.get("info").is_some_and(|v| !v.is_null());
    // Neither `item` nor `info`: a v1 collection, or not a collection at all.
    if fields.item.is_none() && !has_info {
        return Err("not a v2 collection".to_string());
    }
    Ok(Streamed {
        root: fields.map,
        items: fields.item.unwrap_or_default(),
        wrapped,
    })
}

/// An object's fields, its `item` list built into nodes.
#[derive(Default)]
struct Fields {
    /// Every field but `item` (and, at the top level, `collection`), the last of duplicates
    /// winning as in a tree.
    map: Map<String, Value>,
    /// `item` when present and not `null`.
    item: Option<Vec<Node>>,
    /// True when an `item` key was seen (even `null`).
    had_item_key: bool,
    /// At the top level: the last `collection` field, built when it is an object.
    wrapped: Option<Box<Fields>>,
}

/// The key serde_json hands its number and raw-value visitors; real objects never use it.
const SERDE_JSON_PRIVATE: &str = "$serde_json::private::";

/// Reads an object's fields; `node` for a folder or request item (its ordinal), `top` for the
/// document's root, whose `collection` field may be the API form's collection.
struct ObjectVisitor<'a> {
    env: Env<'a>,
    node: Option<usize>,
    top: bool,
}

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut out = Fields::default();
        let mut had_collection_key = false;
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with(SERDE_JSON_PRIVATE) {
                // A number (serde_json's arbitrary precision) where an object was expected.
                return Err(A::Error::custom("not an object"));
            }
            match key.as_str() {
                "item" => {
                    if out.had_item_key {
                        self.env.sink.repeated_key();
                    }
                    let seed = ItemsSeed {
                        env: self.env,
                        folder: self.node,
                    };
                    out.item = map.next_value_seed(seed)?;
                    out.had_item_key = true;
                }
                "collection" if self.top => {
                    if had_collection_key {
                        self.env.sink.repeated_key();
                    }
                    had_collection_key = true;
                    let inner = map.next_value_seed(WrappedSeed { env: self.env })?;
                    out.wrapped = inner.map(Box::new);
                }
                _ => {
                    let value = map.next_value::<Value>()?;
                    out.map.insert(key, value);
                }
            }
        }
        Ok(out)
    }
}

/// A top-level `collection` field: `Some` when it is an object.
struct WrappedSeed<'a> {
    env: Env<'a>,
}

impl<'de> DeserializeSeed<'de> for WrappedSeed<'_> {
    type Value = Option<Fields>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Fields>, D::Error> {
        de.deserialize_any(WrappedVisitor { env: self.env })
    }
}

struct WrappedVisitor<'a> {
    env: Env<'a>,
}

impl<'de> Visitor<'de> for WrappedVisitor<'_> {
    type Value = Option<Fields>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a collection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Fields>, A::Error> {
        let visitor = ObjectVisitor {
            env: self.env,
            node: None,
            top: false,
        };
        visitor.visit_map(map).map(Some)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Fields>, A::Error> {
        // Parsed as the tree would be, so that the same documents are accepted.
        while seq.next_element::<Value>()?.is_some() {}
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Fields>, E> {
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<Fields>, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<Fields>, E> {
        Ok(None)
    }
}

/// An `item` list: `None` for `null`; an array of nodes (`null` entries dropped), or a single
/// object as a list of one. `folder`: the ordinal of the node it belongs to (`None` for the
/// collection's own list).
struct ItemsSeed<'a> {
    env: Env<'a>,
    folder: Option<usize>,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_> {
    type Value = Option<Vec<Node>>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Vec<Node>>, D::Error> {
        de.deserialize_any(ItemsVisitor {
            env: self.env,
            folder: self.folder,
        })
    }
}

struct ItemsVisitor<'a> {
    env: Env<'a>,
    folder: Option<usize>,
}

impl ItemsVisitor<'_> {
    /// Tell the sink that a folder's list starts, when this is one.
    fn starts<E: de::Error>(&self) -> Result<(), E> {
        match self.folder {
            Some(node) => self.env.sink.folder_starts(node).map_err(E::custom),
            None => Ok(()),
        }
    }

    /// Tell the sink that a folder's list ended, when this is one.
    fn ends(&self) {
        if self.folder.is_some() {
            self.env.sink.folder_ends();
        }
    }
}

impl<'de> Visitor<'de> for ItemsVisitor<'_> {
    type Value = Option<Vec<Node>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of items")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Vec<Node>>, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Vec<Node>>, A::Error> {
        self.starts::<A::Error>()?;
        let mut nodes = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(node) = seq.next_element_seed(NodeSeed { env: self.env })? {
            nodes.extend(node);
        }
        nodes.shrink_to_fit();
        self.ends();
        Ok(Some(nodes))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Vec<Node>>, A::Error> {
        // A list of one, with a note the tree path keeps with its JSON path.
        (self.env.ctx)
            .note("item", super::parts::SINGLE_OBJECT)
            .map_err(|d| A::Error::custom(d.message))?;
        self.starts::<A::Error>()?;
        let node = node_from_map(map, self.env)?;
        self.ends();
        Ok(Some(node.into_iter().collect()))
    }
}

/// One entry of an `item` array: `None` for `null`.
struct NodeSeed<'a> {
    env: Env<'a>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Option<Node>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Node>, D::Error> {
        de.deserialize_any(NodeVisitor { env: self.env })
    }
}

struct NodeVisitor<'a> {
    env: Env<'a>,
}

impl<'de> Visitor<'de> for NodeVisitor<'_> {
    type Value = Option<Node>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an item object")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Node>, E> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Node>, A::Error> {
        node_from_map(map, self.env)
    }
}

/// A folder or request item from its object; its own fields are dropped once it is built. What
/// becomes of it is the sink's choice.
fn node_from_map<'de, A: MapAccess<'de>>(map: A, env: Env) -> Result<Option<Node>, A::Error> {
    let ordinal = env.sink.node_starts();
    let visitor = ObjectVisitor {
        env,
        node: Some(ordinal),
        top: false,
    };
    let fields = visitor.visit_map(map)?;
    let children = fields.item.map(|items| move || Ok(items));
    let node = build_node(&fields.map, children, env.ctx, "item")
        .map_err(|d| A::Error::custom(d.message))?;
    env.sink.built(ordinal, node).map_err(A::Error::custom)
}

#[cfg(test)]
mod tests;
