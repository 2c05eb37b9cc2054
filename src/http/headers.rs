//! The header list of a request as Newman's stack sends it.
//!
//! Postman's runtime turns the request's header list into an object keyed by the exact header
//! name (a name repeated with the same spelling becomes several values); the HTTP library adds its
//! own headers to that object, matching names case-insensitively; Node's HTTP client then keeps
//! one entry per case-insensitive name, where a later spelling replaces an earlier one's name and
//! values but keeps its place. [`HeaderObject`] models those steps so the wire order, names and
//! values come out as Newman's.

use std::collections::HashMap;

/// The `User-Agent` Newman 6.2 sends.
pub const USER_AGENT: &str = "PostmanRuntime/7.39.1";

/// Headers keyed by exact name, in first-seen order, each with one or more values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderObject {
    entries: Vec<(String, Vec<String>)>,
}

impl HeaderObject {
    /// Collect `list` the way Postman's SDK does: a name seen again (same spelling) adds a value,
    /// unless the values so far are one empty string, which is replaced.
    pub fn from_list(list: Vec<(String, String)>) -> Self {
        let mut entries: Vec<(String, Vec<String>)> = Vec::with_capacity(list.len());
        let mut index: HashMap<String, usize> = HashMap::with_capacity(list.len());
        for (name, value) in list {
            match index.get(&name) {
                Some(&i) => {
                    let values = &mut entries[i].1;
                    if values.len() == 1 && values[0].is_empty() {
                        values[0] = value;
                    } else {
                        values.push(value);
                    }
                }
                None => {
                    index.insert(name.clone(), entries.len());
                    entries.push((name, vec![value]));
                }
            }
        }
        HeaderObject { entries }
    }

    /// The values of the first entry named `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&[String]> {
        self.entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// True when an entry is named `name` (case-insensitive).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Set `name` to `value`: the first entry of that name (case-insensitive) keeps its place and
    /// spelling and gets the value; without one, the header is added at the end.
    pub fn set(&mut self, name: &str, value: String) {
        match self
            .entries
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
        {
            Some((_, values)) => *values = vec![value],
            None => self.entries.push((name.to_string(), vec![value])),
        }
    }

    /// Drop every entry named `name` (case-insensitive).
    pub fn remove(&mut self, name: &str) {
        self.entries.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }

    /// The header lines Node writes: one entry per case-insensitive name, at the place of its
    /// first spelling, with the name and values of its last; several values give several lines,
    /// except `Cookie`, whose values Node joins into one line with `; `.
    pub fn into_wire(self) -> Vec<(String, String)> {
        let mut merged: Vec<(String, Vec<String>)> = Vec::with_capacity(self.entries.len());
        let mut index: HashMap<String, usize> = HashMap::with_capacity(self.entries.len());
        for (name, values) in self.entries {
            match index.get(&name.to_ascii_lowercase()) {
                Some(&i) => merged[i] = (name, values),
                None => {
                    index.insert(name.to_ascii_lowercase(), merged.len());
                    merged.push((name, values));
                }
            }
        }
        merged
            .into_iter()
            .flat_map(|(name, values)| {
                let values = if values.len() > 1 && name.eq_ignore_ascii_case("cookie") {
                    vec![values.join("; ")]
                } else {
                    values
                };
                values.into_iter().map(move |v| (name.clone(), v))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn headers_same_spelling_repeats_values() {
        let object = HeaderObject::from_list(list(&[("A", "1"), ("B", "2"), ("A", "3")]));
        assert_eq!(
            object.into_wire(),
            list(&[("A", "1"), ("A", "3"), ("B", "2")])
        );
    }

    #[test]
    fn headers_other_spelling_replaces_in_place() {
        let object = HeaderObject::from_list(list(&[
            ("X-Dup", "1"),
            ("X-Other", "o"),
            ("X-Dup", "2"),
            ("x-dup", "3"),
        ]));
        assert_eq!(
            object.into_wire(),
            list(&[("x-dup", "3"), ("X-Other", "o")])
        );
    }

    #[test]
    fn headers_repeated_cookie_joined_in_one_line() {
        let object =
            HeaderObject::from_list(list(&[("Cookie", "a=1"), ("X", "x"), ("Cookie", "b=2")]));
        assert_eq!(
            object.into_wire(),
            list(&[("Cookie", "a=1; b=2"), ("X", "x")])
        );
    }

    #[test]
    fn headers_empty_first_value_is_replaced() {
        let object = HeaderObject::from_list(list(&[("A", ""), ("A", "2")]));
        assert_eq!(object.into_wire(), list(&[("A", "2")]));
    }

    #[test]
    fn headers_set_keeps_the_users_spelling_and_place() {
        let mut object =
            HeaderObject::from_list(list(&[("content-type", "text/plain"), ("B", "")]));
        object.set("Content-Type", "x/y".into());
        object.set("Content-Length", "3".into());
        assert!(object.has("CONTENT-LENGTH"));
        assert_eq!(
            object.into_wire(),
            list(&[("content-type", "x/y"), ("B", ""), ("Content-Length", "3")])
        );
    }
}
