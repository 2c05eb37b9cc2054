//! The model of a v2 collection built straight from its JSON text (in memory, or read from the
//! file as it is parsed), one item at a time, without the document's whole tree: the fast path of
//! [`super::load_collection`].
//!
//! One `serde_json` deserializer walks the whole text, so what it accepts (and how deeply it lets
//! containers nest) is exactly what parsing the tree accepts. Each folder and request item becomes
//! a small map of its own fields (its `item` list apart, which is built the same way, nested),
//! which the tree path's node parser turns into the model before the map is dropped. Whatever this
//! path does not handle — any error, v1 collections, documents that are not collections — gives
//! `None`, and the caller loads the tree instead, which reports problems with their position or
//! JSON path.

use std::{fmt, io};

use serde::de::{self, DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::load::build_node;
use super::model::Node;
use super::parts::Ctx;

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
    parse(&mut serde_json::Deserializer::from_str(text), ctx)
}

/// Build the items of the v2 collection read from `reader` (UTF-8 JSON); `None` for anything
/// else or on any error, including reading errors.
pub(super) fn from_reader(reader: impl io::Read, ctx: Ctx) -> Option<Streamed> {
    parse(&mut serde_json::Deserializer::from_reader(reader), ctx)
}

fn parse<'de, R: serde_json::de::Read<'de>>(
    de: &mut serde_json::Deserializer<R>,
    ctx: Ctx,
) -> Option<Streamed> {
    let top = de.deserialize_map(ObjectVisitor { ctx, top: true }).ok()?;
    de.end().ok()?;
    // The API form: `collection` (an object) is the only key.
    let only_collection = top.map.is_empty() && !top.had_item_key;
    let (fields, wrapped) = match top.wrapped {
        Some(inner) if only_collection => (*inner, true),
        _ => (top, false),
    };
    let has_info = fields.map.get("info").is_some_and(|v| !v.is_null());
    // Neither `item` nor `info`: a v1 collection, or not a collection at all.
    if fields.item.is_none() && !has_info {
        return None;
    }
    Some(Streamed {
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

/// Reads an object's fields; `top` for the document's root, whose `collection` field may be the
/// API form's collection.
struct ObjectVisitor<'a> {
    ctx: Ctx<'a>,
    top: bool,
}

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut out = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with(SERDE_JSON_PRIVATE) {
                // A number (serde_json's arbitrary precision) where an object was expected.
                return Err(A::Error::custom("not an object"));
            }
            match key.as_str() {
                "item" => {
                    out.item = map.next_value_seed(ItemsSeed { ctx: self.ctx })?;
                    out.had_item_key = true;
                }
                "collection" if self.top => {
                    let inner = map.next_value_seed(WrappedSeed { ctx: self.ctx })?;
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
    ctx: Ctx<'a>,
}

impl<'de> DeserializeSeed<'de> for WrappedSeed<'_> {
    type Value = Option<Fields>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Fields>, D::Error> {
        de.deserialize_any(WrappedVisitor { ctx: self.ctx })
    }
}

struct WrappedVisitor<'a> {
    ctx: Ctx<'a>,
}

impl<'de> Visitor<'de> for WrappedVisitor<'_> {
    type Value = Option<Fields>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a collection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Fields>, A::Error> {
        let visitor = ObjectVisitor {
            ctx: self.ctx,
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
/// object as a list of one.
struct ItemsSeed<'a> {
    ctx: Ctx<'a>,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_> {
    type Value = Option<Vec<Node>>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Vec<Node>>, D::Error> {
        de.deserialize_any(ItemsVisitor { ctx: self.ctx })
    }
}

struct ItemsVisitor<'a> {
    ctx: Ctx<'a>,
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
        let mut nodes = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(node) = seq.next_element_seed(NodeSeed { ctx: self.ctx })? {
            nodes.extend(node);
        }
        nodes.shrink_to_fit();
        Ok(Some(nodes))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Vec<Node>>, A::Error> {
        node_from_map(map, self.ctx).map(|node| Some(vec![node]))
    }
}

/// One entry of an `item` array: `None` for `null`.
struct NodeSeed<'a> {
    ctx: Ctx<'a>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Option<Node>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Node>, D::Error> {
        de.deserialize_any(NodeVisitor { ctx: self.ctx })
    }
}

struct NodeVisitor<'a> {
    ctx: Ctx<'a>,
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
        node_from_map(map, self.ctx).map(Some)
    }
}

/// A folder or request item from its object; its own fields are dropped once it is built.
fn node_from_map<'de, A: MapAccess<'de>>(map: A, ctx: Ctx) -> Result<Node, A::Error> {
    let fields = ObjectVisitor { ctx, top: false }.visit_map(map)?;
    let children = fields.item.map(|items| move || Ok(items));
    build_node(&fields.map, children, ctx, "item").map_err(|d| A::Error::custom(d.message))
}

#[cfg(test)]
mod tests;
