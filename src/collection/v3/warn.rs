//! The warnings a conversion collects: each names where in the source the value was and why the
//! other format cannot hold it.

use serde_json::{Map, Value};

/// What a conversion could not carry over, one message per value, in document order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Warnings(pub Vec<String>);

impl Warnings {
    /// `at` (a path such as `item[2].request.body.options`) is dropped: `why` says what it was.
    pub fn lost(&mut self, at: &str, why: &str) {
        self.0.push(format!("{at}: {why}"));
    }

    /// Every key of `obj` not in `known` is dropped with a warning naming it (under `at`).
    pub fn unknown_keys(&mut self, obj: &Map<String, Value>, known: &[&str], at: &str, to: &str) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.lost(
                &join(at, key),
                &format!("{to} has no field for it; dropped"),
            );
        }
    }

    /// True when nothing was lost.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `at.key`; `key` at the top; `FILE: key` after a file name (`at` ending in `:`).
pub(super) fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else if at.ends_with(':') {
        format!("{at} {key}")
    } else {
        format!("{at}.{key}")
    }
}
