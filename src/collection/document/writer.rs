//! Keeping a collection's JSON text as it goes by, deflated: it is fed in chunks (a whole text,
//! or every chunk read from the file while the file is parsed), so the text itself never needs to
//! be held.

use std::io::{self, Read, Write};

use flate2::Compression;
use flate2::write::DeflateEncoder;

use super::CollectionDocument;

/// Builds a [`CollectionDocument`] from JSON text fed in chunks.
pub(crate) struct DocumentWriter {
    encoder: DeflateEncoder<Vec<u8>>,
}

impl DocumentWriter {
    /// An empty document.
    pub(crate) fn new() -> Self {
        DocumentWriter {
            // The fast level: JSON text still shrinks many times over, at a few milliseconds per
            // megabyte.
            encoder: DeflateEncoder::new(Vec::new(), Compression::fast()),
        }
    }

    /// Add the next chunk of the text. The encoder does some work per call: feed large chunks.
    pub(crate) fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        self.encoder.write_all(chunk)
    }

    /// The document of the whole text fed, which must be valid JSON; `wrapped` when it is the
    /// Postman API's form `{"collection": {...}}`.
    pub(crate) fn finish(self, wrapped: bool) -> io::Result<CollectionDocument> {
        let deflated = self.encoder.finish()?;
        Ok(CollectionDocument::deflated(
            deflated.into_boxed_slice(),
            wrapped,
        ))
    }
}

/// A reader that hands every chunk it reads to a [`DocumentWriter`] too.
pub(crate) struct Tee<'w, R> {
    inner: R,
    writer: &'w mut DocumentWriter,
}

impl<'w, R: Read> Tee<'w, R> {
    /// Read `inner`, keeping what is read in `writer`.
    pub(crate) fn new(inner: R, writer: &'w mut DocumentWriter) -> Self {
        Tee { inner, writer }
    }
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.writer.write(&buf[..n])?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn writer_tee_keeps_what_is_read() {
        let text =
            "{\n \"z\": 1, \"a\": {\"y\": \"\\u00e9\\n\", \"b\": [1.50, 2]},\n \"m\": null\n}\n";
        let mut writer = DocumentWriter::new();
        let mut read = String::new();
        Tee::new(text.as_bytes(), &mut writer)
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(read, text);
        let doc = writer.finish(false).unwrap().to_value().unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(doc.to_string(), original.to_string());
        assert_eq!(doc["a"]["b"][0].to_string(), "1.50");
    }

    #[test]
    fn writer_chunks_make_the_same_document() {
        let text = r#"{"item": [{"name": "a"}, {"name": "b", "request": "http://x"}], "info": {}}"#;
        let mut writer = DocumentWriter::new();
        for chunk in text.as_bytes().chunks(3) {
            writer.write(chunk).unwrap();
        }
        let doc = writer.finish(false).unwrap().to_value().unwrap();
        assert_eq!(
            doc.to_string(),
            serde_json::from_str::<Value>(text).unwrap().to_string()
        );
    }
}
