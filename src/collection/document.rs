//! The collection document as loaded, kept for what writes it back: `--export-collection` and the
//! JSON report's `collection`.
//!
//! A collection loaded from its file keeps the file's JSON text, with the layout whitespace
//! dropped and deflated: a small fraction of the size of the document's tree, which is built
//! again only when one of those asks for it ([`CollectionDocument::to_value`]). Documents that
//! only exist as a tree (converted v1 collections, documents handed to
//! [`super::parse_collection`]) keep the tree.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use serde_json::Value;

/// The JSON document a [`super::Collection`] was loaded from (unwrapped from the Postman API's
/// `{"collection": ...}` form).
#[derive(Debug, Clone)]
pub struct CollectionDocument(Repr);

#[derive(Debug, Clone)]
enum Repr {
    /// Compact JSON text of the whole file (`deflated` unless compressing failed); `wrapped` when
    /// it holds the API form.
    Text {
        json: Box<[u8]>,
        deflated: bool,
        wrapped: bool,
    },
    /// The document as a tree.
    Tree(Value),
}

impl CollectionDocument {
    /// A document kept as a tree.
    pub fn from_value(doc: Value) -> Self {
        CollectionDocument(Repr::Tree(doc))
    }

    /// A document kept as the JSON text it was parsed from; `wrapped` when the text is the API
    /// form `{"collection": {...}}`. The text must be valid JSON (it is compacted here, which
    /// relies on that).
    pub(crate) fn from_text(text: String, wrapped: bool) -> Self {
        let json = compact(text);
        let (json, deflated) = match deflate(&json) {
            Ok(packed) => (packed, true),
            Err(_) => (json.into_bytes().into_boxed_slice(), false),
        };
        CollectionDocument(Repr::Text {
            json,
            deflated,
            wrapped,
        })
    }

    /// The document as a tree, as loaded: same keys in the same order, same values. Built from
    /// the kept text each time (as large in memory as the file's tree): call it once, at the end.
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        match &self.0 {
            Repr::Tree(doc) => Ok(doc.clone()),
            Repr::Text {
                json,
                deflated,
                wrapped,
            } => {
                let doc: Value = if *deflated {
                    let mut text = Vec::new();
                    DeflateDecoder::new(&json[..])
                        .read_to_end(&mut text)
                        .map_err(serde_json::Error::io)?;
                    serde_json::from_slice(&text)?
                } else {
                    serde_json::from_slice(json)?
                };
                Ok(if *wrapped {
                    super::load::unwrap_api_form(doc)
                } else {
                    doc
                })
            }
        }
    }
}

/// `text` deflated, fast: JSON text shrinks many times over, and compressing costs a few
/// milliseconds per megabyte.
fn deflate(text: &str) -> std::io::Result<Box<[u8]>> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(text.as_bytes())?;
    Ok(encoder.finish()?.into_boxed_slice())
}

/// Drop the whitespace between JSON tokens that only lays the text out: every run of whitespace
/// outside strings that follows a punctuation token (`{ } [ ] , :`), a string, or the start of the
/// text. Whitespace after a number or a literal is kept, so tokens are never joined: the result
/// parses to the same document, and to an error exactly when the input does.
fn compact(text: String) -> String {
    let mut bytes = text.into_bytes();
    let mut in_string = false;
    let mut escaped = false;
    // The last byte kept outside a string ends a self-delimiting token (or nothing was kept yet).
    let mut after_delimiter = true;
    bytes.retain(|&b| {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            return true;
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => !after_delimiter,
            b'"' => {
                in_string = true;
                after_delimiter = true;
                true
            }
            b'{' | b'}' | b'[' | b']' | b',' | b':' => {
                after_delimiter = true;
                true
            }
            _ => {
                after_delimiter = false;
                true
            }
        }
    });
    bytes.shrink_to_fit();
    // Only ASCII whitespace was removed, so the bytes are still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn document_compact_drops_layout_only() {
        let text = "\u{feff}x";
        assert_eq!(compact(text.to_string()), text);
        let text = " {\n  \"a b\" : [ 1 , -2.5e3 ,\ttrue, null ],\r\n \"c\\\" d\": \" x \" } ";
        assert_eq!(
            compact(text.to_string()),
            "{\"a b\":[1 ,-2.5e3 ,true,null ],\"c\\\" d\":\" x \"}"
        );
    }

    #[test]
    fn document_compact_never_joins_tokens() {
        // Invalid inputs stay invalid: numbers and literals keep the whitespace after them.
        for bad in ["[1 2]", "[tru e]", "[- 1]", "[1. 5]", "{\"a\": 1 \"b\": 2}"] {
            assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad}");
            let compacted = compact(bad.to_string());
            assert!(
                serde_json::from_str::<Value>(&compacted).is_err(),
                "{bad} → {compacted}"
            );
        }
    }

    #[test]
    fn document_text_round_trips_in_order() {
        let text =
            "{\n \"z\": 1, \"a\": {\"y\": \"\\u00e9\\n\", \"b\": [1.50, 2]},\n \"m\": null\n}\n";
        let doc = CollectionDocument::from_text(text.to_string(), false);
        let value = doc.to_value().unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(value.to_string(), original.to_string());
        assert_eq!(value["a"]["b"][0].to_string(), "1.50");
    }

    #[test]
    fn document_wrapped_text_is_unwrapped() {
        let text = "{\"collection\": {\"info\": {\"name\": \"w\"}, \"item\": []}}";
        let doc = CollectionDocument::from_text(text.to_string(), true);
        assert_eq!(
            doc.to_value().unwrap(),
            json!({"info": {"name": "w"}, "item": []})
        );
    }

    #[test]
    fn document_text_is_kept_deflated() {
        let items: Vec<Value> = (0..500)
            .map(|i| json!({"name": format!("GET {i}"), "request": {"url": format!("http://x/{i}")}}))
            .collect();
        let original = serde_json::to_string_pretty(&json!({"item": items})).unwrap();
        let doc = CollectionDocument::from_text(original.clone(), false);
        let Repr::Text { json, deflated, .. } = &doc.0 else {
            panic!("kept as text");
        };
        assert!(*deflated);
        assert!(json.len() * 10 < original.len(), "{} bytes", json.len());
        assert_eq!(
            doc.to_value().unwrap(),
            serde_json::from_str::<Value>(&original).unwrap()
        );
    }

    #[test]
    fn document_tree_is_returned_as_is() {
        let doc = CollectionDocument::from_value(json!({"item": [1]}));
        assert_eq!(doc.to_value().unwrap(), json!({"item": [1]}));
    }
}
