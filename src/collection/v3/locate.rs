//! Where a field path (`scripts[0].code`, `headers[2].value`) sits in a YAML file's text: line
//! and column (1-based) of the value, found by walking the YAML parser's events to the value and
//! stopping there (the parser tells where it stopped). A path that goes further than the file
//! stops at its deepest ancestor. Inside a text value (a script's code) a line and column of
//! the text are placed too, for block scalars (`|`, `>`) and one-line scalars.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// A mapping key.
    Key(String),
    /// A sequence element.
    Index(usize),
}

/// `scripts[0].code` as steps.
fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key.to_string()));
        }
        while let Some(end) = rest.find(']') {
            match rest[1..end].parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => out.push(Step::Key(rest[1..end].to_string())),
            }
            rest = &rest[end + 1..];
        }
    }
    out
}

/// Line and column (1-based) of the value at `path` in YAML `text` (or of its deepest
/// ancestor); with `in_text`, of that line and column of the text value. In text that is not
/// YAML, where the parser stopped; `None` when it cannot say.
pub fn place(text: &str, path: &str, in_text: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let steps = steps(path);
    let de = serde_norway::Deserializer::from_str(text);
    let stop = match (Seek { steps: &steps }).deserialize(de) {
        Ok(()) => return Some((1, 1)),
        Err(e) => e.location().map(|l| (l.line(), l.column()))?,
    };
    Some(match in_text {
        Some(at) => within_scalar(text, stop, at),
        None => stop,
    })
}

/// Line `line`, column `column` of the scalar starting at `start` in `text`.
fn within_scalar(
    text: &str,
    start: (usize, usize),
    (line, column): (usize, usize),
) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.get(start.0 - 1) else {
        return start;
    };
    let head: String = first.chars().skip(start.1 - 1).collect();
    if head.starts_with('|') || head.starts_with('>') {
        let target = start.0 + line;
        let indent = lines
            .iter()
            .skip(start.0)
            .find(|l| !l.trim().is_empty())
            .map_or(0, |l| l.len() - l.trim_start().len());
        return (target.min(lines.len().max(1)), indent + column);
    }
    let quoted = usize::from(head.starts_with('\'') || head.starts_with('"'));
    if line <= 1 {
        (start.0, start.1 + quoted + column - 1)
    } else {
        start
    }
}

/// The error that stops the walk where it is (the parser adds the place).
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stop")
    }
}

/// Walk to the value at `steps`, failing there.
struct Seek<'s> {
    steps: &'s [Step],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Step::Key(want), rest)) = self.steps.split_first() else {
            return Err(de::Error::custom(Stop));
        };
        while let Some(key) = map.next_key::<serde_norway::Value>()? {
            let matches = match &key {
                serde_norway::Value::String(k) => k == want,
                serde_norway::Value::Number(n) => n.to_string() == *want,
                _ => false,
            };
            if matches {
                return map.next_value_seed(Seek { steps: rest });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Err(de::Error::custom(Stop))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Step::Index(want), rest)) = self.steps.split_first() else {
            return Err(de::Error::custom(Stop));
        };
        for _ in 0..*want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Err(de::Error::custom(Stop));
            }
        }
        match seq.next_element_seed(Seek { steps: rest })? {
            Some(()) => Ok(()),
            None => Err(de::Error::custom(Stop)),
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(Stop))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(Stop))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(Stop))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(Stop))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(Stop))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(Stop))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(Stop))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "$kind: http-request\nurl: '{{base}}/x'\nheaders:\n  - key: A\n    value: '{{a}}'\n\
                        scripts:\n  - type: afterResponse\n    code: |-\n      pm.test('x');\n      oops(\n";

    #[test]
    fn fields_and_text_positions() {
        assert_eq!(place(TEXT, "url", None), Some((2, 6)));
        assert_eq!(place(TEXT, "headers[0].value", None), Some((5, 12)));
        assert_eq!(place(TEXT, "headers[3].value", None), Some((4, 3)));
        assert_eq!(place(TEXT, "nothing", None), Some((1, 1)));
        assert_eq!(place(TEXT, "scripts[0].code", Some((2, 5))), Some((10, 11)));
        assert_eq!(place(TEXT, "url", Some((1, 3))), Some((2, 9)));
    }
}
