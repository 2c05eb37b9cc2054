//! The collection document as loaded, kept for what writes it back: `--export-collection` and the
//! JSON report's `collection`.
//!
//! A collection loaded from its file keeps the file's JSON text, deflated as it is read (see
//! [`writer`]): a small fraction of the size of the document's tree, which is built again only when one of those asks for it
//! ([`CollectionDocument::to_value`]). Documents that only exist as a tree (converted v1
//! collections, documents handed to [`super::parse_collection`]) keep the tree.

pub(crate) mod writer;

use std::io::Read;

use flate2::read::DeflateDecoder;
use serde_json::Value;

/// The JSON document a [`super::Collection`] was loaded from (unwrapped from the Postman API's
/// `{"collection": ...}` form).
#[derive(Debug, Clone)]
pub struct CollectionDocument(Repr);

#[derive(Debug, Clone)]
enum Repr {
    /// The JSON text of the whole file (without its byte-order mark), deflated; `wrapped` when
    /// it holds the API form.
    Deflated { text: Box<[u8]>, wrapped: bool },
    /// The document as a tree.
    Tree(Value),
}

impl CollectionDocument {
    /// A document kept as a tree.
    pub fn from_value(doc: Value) -> Self {
        CollectionDocument(Repr::Tree(doc))
    }

    /// A document kept as its deflated JSON text (see [`writer::DocumentWriter`]).
    fn deflated(text: Box<[u8]>, wrapped: bool) -> Self {
        CollectionDocument(Repr::Deflated { text, wrapped })
    }

    /// The document as a tree, as loaded: same keys in the same order, same values. Built from
    /// the kept text each time (as large in memory as the file's tree): call it once, at the end.
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        match &self.0 {
            Repr::Tree(doc) => Ok(doc.clone()),
            Repr::Deflated { text, wrapped } => {
                let mut json = Vec::new();
                DeflateDecoder::new(&text[..])
                    .read_to_end(&mut json)
                    .map_err(serde_json::Error::io)?;
                let doc: Value = serde_json::from_slice(&json)?;
                Ok(if *wrapped {
                    super::load::unwrap_api_form(doc)
                } else {
                    doc
                })
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::writer::DocumentWriter;
    use super::*;
    use serde_json::json;

    fn from_text(text: &str, wrapped: bool) -> CollectionDocument {
        let mut writer = DocumentWriter::new();
        writer.write(text.as_bytes()).unwrap();
        writer.finish(wrapped).unwrap()
    }

    #[test]
    fn document_text_round_trips_in_order() {
        let text =
            "{\n \"z\": 1, \"a\": {\"y\": \"\\u00e9\\n\", \"b\": [1.50, 2]},\n \"m\": null\n}\n";
        let value = from_text(text, false).to_value().unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(value.to_string(), original.to_string());
        assert_eq!(value["a"]["b"][0].to_string(), "1.50");
    }

    #[test]
    fn document_wrapped_text_is_unwrapped() {
        let text = "{\"collection\": {\"info\": {\"name\": \"w\"}, \"item\": []}}";
        assert_eq!(
            from_text(text, true).to_value().unwrap(),
            json!({"info": {"name": "w"}, "item": []})
        );
    }

    #[test]
    fn document_text_is_kept_deflated() {
        let items: Vec<Value> = (0..500)
            .map(|i| json!({"name": format!("GET {i}"), "request": {"url": format!("http://x/{i}")}}))
            .collect();
        let original = serde_json::to_string_pretty(&json!({"item": items})).unwrap();
        let doc = from_text(&original, false);
        let Repr::Deflated { text, .. } = &doc.0 else {
            panic!("kept as text");
        };
        assert!(text.len() * 10 < original.len(), "{} bytes", text.len());
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
