//! Reading one top-level field of the kept document without building the rest of its tree.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// The top-level field `name` of the JSON document read by `de` (the last one when the key is
/// repeated, as in a tree); with `wrapped`, of its `collection` field's document.
pub(super) fn field<'de, D: Deserializer<'de>>(
    de: D,
    name: &str,
    wrapped: bool,
) -> Result<Option<Value>, D::Error> {
    let field = Field { name };
    if wrapped {
        de.deserialize_map(Wrapped { field })
    } else {
        field.deserialize(de)
    }
}

/// Finds `name` in an object.
#[derive(Clone, Copy)]
struct Field<'n> {
    name: &'n str,
}

impl<'de> DeserializeSeed<'de> for Field<'_> {
    type Value = Option<Value>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<Value>, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Field<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Value>, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == self.name {
                found = Some(map.next_value::<Value>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// The API form: the field of the (last) `collection` document.
struct Wrapped<'n> {
    field: Field<'n>,
}

impl<'de> Visitor<'de> for Wrapped<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("{\"collection\": {...}}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Value>, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "collection" {
                found = map.next_value_seed(self.field)?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(text: &str, name: &str, wrapped: bool) -> Option<Value> {
        field(&mut serde_json::Deserializer::from_str(text), name, wrapped).unwrap()
    }

    #[test]
    fn field_is_found_at_the_top_level_only() {
        let text = r#"{"item": [{"variable": 1}], "variable": [{"key": "a"}], "z": {}}"#;
        assert_eq!(read(text, "variable", false), Some(json!([{"key": "a"}])));
        assert_eq!(read(text, "missing", false), None);
        assert_eq!(read(r#"{"v": 1, "v": 2}"#, "v", false), Some(json!(2)));
        let wrapped = r#"{"collection": {"variable": {"key": "one"}}}"#;
        assert_eq!(read(wrapped, "variable", true), Some(json!({"key": "one"})));
    }
}
