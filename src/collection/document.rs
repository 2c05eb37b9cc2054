//! The collection document as loaded, kept for what writes it back: `--export-collection` and the
//! JSON report's `collection`.
//!
//! A collection loaded from its file keeps the file's JSON text, deflated as it is read (see
//! [`writer`]): a small fraction of the size of the document's tree. Exports and reports write
//! it out from that text as they read it ([`CollectionDocument::write_pretty`]); the tree is only
//! built on request ([`CollectionDocument::to_value`]). Documents that only exist as a tree
//! (converted v1 collections, documents handed to [`super::parse_collection`]) keep the tree.
//! A disk-backed collection (see [`super::item_file`]) keeps nothing: its file is read again,
//! after checking that it did not change.

mod field;
mod pretty;
pub(crate) mod writer;

use std::io::{self, BufReader, Read, Write};
use std::sync::Arc;

use flate2::read::DeflateDecoder;
use serde_json::Value;

use super::item_file::ItemFile;
pub use pretty::{Mask, PrettyOptions};

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
    /// The collection file itself, read again when needed.
    File(Arc<ItemFile>),
}

impl CollectionDocument {
    /// A document kept as a tree.
    pub fn from_value(doc: Value) -> Self {
        CollectionDocument(Repr::Tree(doc))
    }

    /// A document read again from its file when needed.
    pub(super) fn from_file(file: Arc<ItemFile>) -> Self {
        CollectionDocument(Repr::File(file))
    }

    /// A document kept as its deflated JSON text (see [`writer::DocumentWriter`]).
    fn deflated(text: Box<[u8]>, wrapped: bool) -> Self {
        CollectionDocument(Repr::Deflated { text, wrapped })
    }

    /// Write the document as pretty JSON to `out`, exactly as serializing [`Self::to_value`]'s
    /// tree (changed as `options` say) with serde_json's `PrettyFormatter` would, but as it is
    /// read from the kept text: the tree is not built (unless the text repeats a key somewhere).
    pub fn write_pretty(&self, out: &mut dyn Write, options: &PrettyOptions) -> io::Result<()> {
        match &self.0 {
            Repr::Deflated { text, wrapped } => {
                self.pretty_from(|| inflate(text), *wrapped, out, options)
            }
            Repr::Tree(doc) => write_tree(doc, out, options),
            Repr::File(file) => {
                file.check().map_err(|d| io::Error::other(d.to_string()))?;
                self.pretty_from(|| file.reader(), file.wrapped(), out, options)
            }
        }
    }

    /// [`Self::write_pretty`] from the text `open` reads (opened again for each pass); through
    /// the tree when the text repeats a key.
    fn pretty_from<R: Read>(
        &self,
        open: impl Fn() -> R,
        wrapped: bool,
        out: &mut dyn Write,
        options: &PrettyOptions,
    ) -> io::Result<()> {
        let written = pretty::write_pretty(
            || serde_json::Deserializer::from_reader(BufReader::new(open())),
            wrapped,
            out,
            options,
        )?;
        if written {
            return Ok(());
        }
        write_tree(&self.to_value()?, out, options)
    }

    /// The document's top-level field `name`, if it has one (without building the rest of the
    /// tree).
    pub fn field(&self, name: &str) -> Result<Option<Value>, serde_json::Error> {
        match &self.0 {
            Repr::Deflated { text, wrapped } => {
                let reader = BufReader::new(inflate(text));
                let mut de = serde_json::Deserializer::from_reader(reader);
                field::field(&mut de, name, *wrapped)
            }
            Repr::Tree(doc) => Ok(doc.get(name).cloned()),
            Repr::File(file) => {
                let mut de = serde_json::Deserializer::from_reader(BufReader::new(file.reader()));
                field::field(&mut de, name, file.wrapped())
            }
        }
    }

    /// The document as a tree, as loaded: same keys in the same order, same values. Built from
    /// the kept text each time (as large in memory as the file's tree): call it once, at the end.
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        let (mut text, wrapped): (Box<dyn Read + '_>, bool) = match &self.0 {
            Repr::Tree(doc) => return Ok(doc.clone()),
            Repr::Deflated { text, wrapped } => (Box::new(inflate(text)), *wrapped),
            Repr::File(file) => (file.reader(), file.wrapped()),
        };
        let mut json = Vec::new();
        text.read_to_end(&mut json).map_err(serde_json::Error::io)?;
        let doc: Value = serde_json::from_slice(&json)?;
        Ok(if wrapped {
            super::build::unwrap_api_form(doc)
        } else {
            doc
        })
    }
}
/// The kept text, inflated as it is read.
fn inflate(text: &[u8]) -> DeflateDecoder<&[u8]> {
    DeflateDecoder::new(text)
}

/// [`pretty::write_pretty`] for a tree, through its compact text (which repeats no key).
fn write_tree(doc: &Value, out: &mut dyn Write, options: &PrettyOptions) -> io::Result<()> {
    let text = serde_json::to_vec(doc)?;
    let written = pretty::write_pretty(
        || serde_json::Deserializer::from_slice(&text),
        false,
        out,
        options,
    )?;
    match written {
        true => Ok(()),
        false => Err(io::Error::other("a tree repeats a key")),
    }
}

#[cfg(test)]
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
