//! Writing the kept document as pretty JSON without building its tree: one parser reads the text
//! and every value is written as it is read, byte for byte as serde_json's `PrettyFormatter`
//! writes the tree (keys in document order, strings escaped alike, numbers as written).
//!
//! A tree keeps one entry per key (the last value, at the first key's place) where text can
//! repeat a key: a first pass that writes nothing looks for repeated keys, and a document with
//! some is left to the caller to write from its tree.

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Write};

use serde::de::{
    self, DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess,
};
use serde::de::{Unexpected, Visitor};
use serde_json::Value;
use serde_json::ser::{Formatter, PrettyFormatter};

/// The one key serde_json hands a number it keeps as written (arbitrary precision).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Applied to every string value written (not to keys): `Some` with the text to write instead.
pub type Mask<'a> = &'a dyn Fn(&str) -> Option<String>;

/// How to write a collection document.
#[derive(Clone, Copy)]
pub struct PrettyOptions<'a> {
    /// One level of indentation (`b"\t"`, `b"  "`).
    pub indent: &'a [u8],
    /// A top-level field written with this value instead: in its place when the document has it,
    /// else last (as inserting it into the tree would).
    pub replace: Option<(&'a str, &'a Value)>,
    /// Applied to every string value (not to keys).
    pub mask: Option<Mask<'a>>,
}

/// Write the JSON document read by the deserializers `de` makes (it is read twice) to `out`.
/// With `wrapped`, the document is the Postman API's form and its one `collection` field is
/// written. `Ok(false)`, with nothing written, when the document repeats a key in an object.
pub(super) fn write_pretty<'de, R: serde_json::de::Read<'de>>(
    de: impl Fn() -> serde_json::Deserializer<R>,
    wrapped: bool,
    out: &mut dyn Write,
    options: &PrettyOptions,
) -> Result<bool, serde_json::Error> {
    let mut check = Transcoder::new(io::sink(), options, true);
    let mut reader = de();
    if let Err(e) = check.document(&mut reader, wrapped) {
        return if check.repeated_key {
            Ok(false)
        } else {
            Err(e)
        };
    }
    reader.end()?;
    let mut reader = de();
    Transcoder::new(out, options, false).document(&mut reader, wrapped)?;
    reader.end()?;
    Ok(true)
}

/// The writer and its formatter, shared by the values being written.
struct Transcoder<'a, W> {
    out: W,
    formatter: PrettyFormatter<'a>,
    options: &'a PrettyOptions<'a>,
    /// Only look for repeated keys (writing into a sink).
    checking: bool,
    /// A repeated key was found while checking.
    repeated_key: bool,
}

impl<'a, W: Write> Transcoder<'a, W> {
    fn new(out: W, options: &'a PrettyOptions<'a>, checking: bool) -> Self {
        Transcoder {
            out,
            formatter: PrettyFormatter::with_indent(options.indent),
            options,
            checking,
            repeated_key: false,
        }
    }

    fn document<'de, D: Deserializer<'de>>(
        &mut self,
        de: D,
        wrapped: bool,
    ) -> Result<(), D::Error> {
        if wrapped {
            return de.deserialize_map(Unwrap { t: self });
        }
        let root = Node {
            t: self,
            top: true,
            in_array: None,
        };
        root.deserialize(de)
    }

    fn string<E: de::Error>(&mut self, text: &str, is_value: bool) -> Result<(), E> {
        let masked = match self.options.mask {
            Some(mask) if is_value => mask(text),
            _ => None,
        };
        serde_json::to_writer(&mut self.out, masked.as_deref().unwrap_or(text)).map_err(E::custom)
    }

    /// `value` (the replacement of a top-level field), written as if read from the text.
    fn tree<E: de::Error>(&mut self, value: &Value) -> Result<(), E> {
        let text = serde_json::to_vec(value).map_err(E::custom)?;
        let node = Node {
            t: self,
            top: false,
            in_array: None,
        };
        node.deserialize(&mut serde_json::Deserializer::from_slice(&text))
            .map_err(E::custom)
    }
}

/// An I/O result as a deserializer error.
fn io<E: de::Error>(result: io::Result<()>) -> Result<(), E> {
    result.map_err(E::custom)
}

/// The API form's top level: its `collection` field is the document.
struct Unwrap<'t, 'a, W> {
    t: &'t mut Transcoder<'a, W>,
}

impl<'de, W: Write> Visitor<'de> for Unwrap<'_, '_, W> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("{\"collection\": {...}}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let t = self.t;
        let checking = t.checking;
        if map.next_key::<String>()?.as_deref() != Some("collection") {
            return Err(A::Error::custom("not the API form"));
        }
        map.next_value_seed(Node {
            t: &mut *t,
            top: true,
            in_array: None,
        })?;
        if map.next_key::<String>()?.is_some() {
            // The loader saw only `collection` keys: this one is repeated.
            t.repeated_key = checking;
            return Err(A::Error::custom("a repeated key"));
        }
        Ok(())
    }
}

/// One value, written as it is read: `top` for the document's root object; `in_array` for an
/// element (whether it is the first), whose separator is written once it is known to come.
struct Node<'t, 'a, W> {
    t: &'t mut Transcoder<'a, W>,
    top: bool,
    in_array: Option<bool>,
}

impl<'t, 'a, W: Write> Node<'t, 'a, W> {
    /// Write what goes before the value, and hand back the transcoder.
    fn begin<E: de::Error>(self) -> Result<&'t mut Transcoder<'a, W>, E> {
        if let Some(first) = self.in_array {
            io(self.t.formatter.begin_array_value(&mut self.t.out, first))?;
        }
        Ok(self.t)
    }

    /// Write a scalar with `write` (one of the formatter's `write_*`), with what goes around it.
    fn scalar<E: de::Error>(
        self,
        write: impl FnOnce(&mut PrettyFormatter<'a>, &mut W) -> io::Result<()>,
    ) -> Result<(), E> {
        let in_array = self.in_array;
        let t = self.begin()?;
        io(write(&mut t.formatter, &mut t.out))?;
        Self::end(t, in_array)
    }

    fn end<E: de::Error>(t: &mut Transcoder<'a, W>, in_array: Option<bool>) -> Result<(), E> {
        match in_array {
            Some(_) => io(t.formatter.end_array_value(&mut t.out)),
            None => Ok(()),
        }
    }
}

impl<'de, W: Write> DeserializeSeed<'de> for Node<'_, '_, W> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, W: Write> Visitor<'de> for Node<'_, '_, W> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar(|f, out| f.write_null(out))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.scalar(|f, out| f.write_bool(out, v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.scalar(|f, out| f.write_i64(out, v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.scalar(|f, out| f.write_u64(out, v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // Text read with arbitrary precision never gives one: refuse rather than reformat it.
        Err(E::invalid_type(Unexpected::Float(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        let in_array = self.in_array;
        let t = self.begin()?;
        t.string(v, true)?;
        Self::end(t, in_array)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let in_array = self.in_array;
        let t = self.begin()?;
        io(t.formatter.begin_array(&mut t.out))?;
        let mut first = true;
        while seq
            .next_element_seed(Node {
                t: &mut *t,
                top: false,
                in_array: Some(first),
            })?
            .is_some()
        {
            first = false;
        }
        io(t.formatter.end_array(&mut t.out))?;
        Self::end(t, in_array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (top, in_array) = (self.top, self.in_array);
        let key = map.next_key::<String>()?;
        if key.as_deref() == Some(NUMBER_TOKEN) {
            let number: String = map.next_value()?;
            let t = self.begin()?;
            io(t.formatter.write_number_str(&mut t.out, &number))?;
            return Self::end(t, in_array);
        }
        let t = self.begin()?;
        io(t.formatter.begin_object(&mut t.out))?;
        let replace = t.options.replace.filter(|_| top);
        let mut seen = t.checking.then(HashSet::new);
        let (mut key, mut first, mut replaced) = (key, true, false);
        while let Some(name) = key {
            io(t.formatter.begin_object_key(&mut t.out, first))?;
            t.string(&name, false)?;
            io(t.formatter.end_object_key(&mut t.out))?;
            io(t.formatter.begin_object_value(&mut t.out))?;
            match replace {
                Some((field, value)) if field == name => {
                    map.next_value::<IgnoredAny>()?;
                    t.tree(value)?;
                    replaced = true;
                }
                _ => map.next_value_seed(Node {
                    t: &mut *t,
                    top: false,
                    in_array: None,
                })?,
            }
            io(t.formatter.end_object_value(&mut t.out))?;
            if let Some(seen) = &mut seen
                && !seen.insert(name)
            {
                t.repeated_key = true;
                return Err(A::Error::custom("a repeated key"));
            }
            first = false;
            key = map.next_key()?;
        }
        if let Some((field, value)) = replace.filter(|_| !replaced) {
            io(t.formatter.begin_object_key(&mut t.out, first))?;
            t.string(field, false)?;
            io(t.formatter.end_object_key(&mut t.out))?;
            io(t.formatter.begin_object_value(&mut t.out))?;
            t.tree(value)?;
            io(t.formatter.end_object_value(&mut t.out))?;
        }
        io(t.formatter.end_object(&mut t.out))?;
        Self::end(t, in_array)
    }
}

#[cfg(test)]
mod tests {
    use super::super::CollectionDocument;
    use super::super::writer::DocumentWriter;
    use super::*;
    use serde::Serialize;
    use serde_json::json;

    fn kept(text: &str, wrapped: bool) -> CollectionDocument {
        let mut writer = DocumentWriter::new();
        writer.write(text.as_bytes()).unwrap();
        writer.finish(wrapped).unwrap()
    }

    fn written(doc: &CollectionDocument, options: &PrettyOptions) -> String {
        let mut out = Vec::new();
        doc.write_pretty(&mut out, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// What serializing the tree of `text`, changed as `options` say, writes.
    fn from_tree(text: &str, wrapped: bool, options: &PrettyOptions) -> String {
        let mut doc: Value = serde_json::from_str(text).unwrap();
        if wrapped {
            doc = doc["collection"].take();
        }
        if let (Some((key, value)), Value::Object(map)) = (options.replace, &mut doc) {
            map.insert(key.to_string(), value.clone());
        }
        if let Some(mask) = options.mask {
            mask_tree(&mut doc, mask);
        }
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut out,
            PrettyFormatter::with_indent(options.indent),
        );
        doc.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn mask_tree(value: &mut Value, mask: Mask) {
        match value {
            Value::String(s) => {
                if let Some(m) = mask(s) {
                    *s = m;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| mask_tree(v, mask)),
            Value::Object(map) => map.values_mut().for_each(|v| mask_tree(v, mask)),
            _ => {}
        }
    }

    fn assert_as_tree(text: &str, wrapped: bool, options: &PrettyOptions) {
        let doc = kept(text, wrapped);
        assert_eq!(
            written(&doc, options),
            from_tree(text, wrapped, options),
            "{text}"
        );
    }

    const TEXTS: [&str; 8] = [
        r#"{"info": {"name": "n", "schema": "s"}, "item": [{"name": "a", "request": "http://a"}]}"#,
        r#"{}"#,
        r#"{"a": {}, "b": [], "c": [[], {}, [{}]], "d": [1, [2, [3]]]}"#,
        r#"{"n": [0, -0, 1.50, -2.5e-3, 1e2, 18446744073709551615, 18446744073709551616, -9223372036854775808, 123456789012345678901234567890]}"#,
        r#"{"s": ["", "é\u00e9", "a\"b\\c\/d", "\t\n\r\b\f\u0001\u001f\u007f", "\ud83d\ude00 😀", "</script>"]}"#,
        r#"{"t": true, "f": false, "z": null, "nested": {"deeper": {"deepest": [null, true]}}}"#,
        r#"{"variable": [{"key": "a", "value": "1"}], "item": []}"#,
        r#"{"variable": {"key": "single"}, "x": 1}"#,
    ];

    #[test]
    fn pretty_writes_as_the_tree_does() {
        for indent in [&b"\t"[..], b"  "] {
            let options = PrettyOptions {
                indent,
                replace: None,
                mask: None,
            };
            for text in TEXTS {
                assert_as_tree(text, false, &options);
                assert_as_tree(&format!("{{\"collection\": {text}}}"), true, &options);
            }
        }
    }

    #[test]
    fn pretty_replaces_a_top_level_field_in_place_or_last() {
        let value = json!([{"key": "a", "value": "2"}, {"key": "b", "value": 1.50}]);
        let options = PrettyOptions {
            indent: b"\t",
            replace: Some(("variable", &value)),
            mask: None,
        };
        for text in TEXTS {
            assert_as_tree(text, false, &options);
            assert_as_tree(&format!("{{\"collection\": {text}}}"), true, &options);
        }
        // In its place, not last.
        let out = written(&kept(TEXTS[6], false), &options);
        assert!(out.find("variable") < out.find("item"), "{out}");
    }

    #[test]
    fn pretty_masks_string_values_only() {
        let mask = |s: &str| s.contains("secret").then(|| s.replace("secret", "*****"));
        let options = PrettyOptions {
            indent: b"  ",
            replace: None,
            mask: Some(&mask),
        };
        let text = r#"{"secret": "a secret", "list": ["secret", 1, {"k": "no secret here"}]}"#;
        assert_as_tree(text, false, &options);
        let out = written(&kept(text, false), &options);
        assert!(out.contains("\"secret\": \"a *****\""), "{out}");
    }

    #[test]
    fn pretty_repeated_keys_are_written_from_the_tree() {
        let options = PrettyOptions {
            indent: b"\t",
            replace: None,
            mask: None,
        };
        for text in [
            r#"{"a": 1, "b": 2, "a": 3}"#,
            r#"{"item": [{"name": "x", "request": {"url": "u", "url": "v"}}]}"#,
            r#"{"x": [{"k": 1}, {"k": 2, "k": {"deep": [1]}}]}"#,
        ] {
            assert_as_tree(text, false, &options);
        }
        let text = r#"{"collection": {"item": [1]}, "collection": {"item": [2]}}"#;
        assert_as_tree(text, true, &options);
        assert!(written(&kept(text, true), &options).contains('2'));
    }

    #[test]
    fn pretty_tree_documents_are_written_alike() {
        let options = PrettyOptions {
            indent: b"\t",
            replace: None,
            mask: None,
        };
        for text in TEXTS {
            let doc = CollectionDocument::from_value(serde_json::from_str(text).unwrap());
            assert_eq!(written(&doc, &options), from_tree(text, false, &options));
        }
    }
}
