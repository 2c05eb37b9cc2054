//! Finding keys repeated within one JSON object (`{"url": "a", "url": "b"}`): JSON parsers,
//! Newman's and serde_json's alike, keep the last one and drop the others without a word, so
//! the loaders note each repetition with its JSON path.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::parts::{field, index};

/// One step of a JSON path.
#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// What the walk shares: the path to the value being read and the duplicates found so far.
#[derive(Default)]
struct State {
    path: Vec<Step>,
    found: Vec<String>,
}

impl State {
    /// The JSON path of `key` in the object being read: `item[0].request.url`.
    fn path_of(&self, key: &str) -> String {
        let mut at = String::new();
        for step in &self.path {
            at = match step {
                Step::Key(k) => field(&at, k),
                Step::Index(i) => index(&at, *i),
            };
        }
        field(&at, key)
    }
}

/// The JSON paths of the keys repeated in `text`, in document order (each repetition once per
/// extra occurrence); empty when there are none or `text` is not JSON (the parser then says why).
pub(crate) fn duplicate_keys(text: &str) -> Vec<String> {
    let state = RefCell::new(State::default());
    let mut de = serde_json::Deserializer::from_str(text);
    // Files nest deeply only by mistake; the parser that reads them reports that.
    let walk = Walk { state: &state };
    if walk.deserialize(&mut de).is_err() {
        return Vec::new();
    }
    state.into_inner().found
}

/// Reads one value, noting repeated keys in the objects inside it.
#[derive(Clone, Copy)]
struct Walk<'a> {
    state: &'a RefCell<State>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            self.state.borrow_mut().path.push(Step::Index(i));
            let more = seq.next_element_seed(self)?;
            self.state.borrow_mut().path.pop();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Objects are small: a list beats a hash set here.
        let mut seen: Vec<Cow<'de, str>> = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if seen.contains(&key) {
                let mut state = self.state.borrow_mut();
                let at = state.path_of(&key);
                state.found.push(at);
            }
            self.state
                .borrow_mut()
                .path
                .push(Step::Key(key.clone().into_owned()));
            map.next_value_seed(self)?;
            self.state.borrow_mut().path.pop();
            seen.push(key);
        }
        Ok(())
    }
}

/// An object key, borrowed from the text when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Cow<'de, str>, D::Error> {
        de.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }
}

/// A warning (`FILE: PATH: message`) for each key repeated in `text`, the text of `file`.
pub(crate) fn duplicate_notes(text: &str, file: &std::path::Path) -> Vec<String> {
    duplicate_keys(text)
        .into_iter()
        .map(|at| {
            format!(
                "{}: {at}: this key appears more than once in its object; the last one is \
                 used, as Newman does",
                file.display()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_found_with_their_paths() {
        let text = r#"{"info": {"name": "a"}, "item": [{"request": {"url": "x", "url": "y",
            "header": [{"key": "A", "value": "1", "key": "B"}]}}], "item": [], "x\u0041": 1, "xA": 2}"#;
        assert_eq!(
            duplicate_keys(text),
            [
                "item[0].request.url",
                "item[0].request.header[0].key",
                "item",
                "xA"
            ]
        );
        assert!(
            duplicate_keys(r#"{"a": {"b": 1}, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}"#)
                .is_empty()
        );
        assert!(duplicate_keys("not json").is_empty());
    }
}
