//! Strategies the fuzz targets share: texts that poke at the parsers (templates, URL pieces,
//! Unicode, control characters), numbers as JSON can write them, structurally random JSON, and
//! mutations of real documents (tree edits, then cuts and insertions in the text).

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Number, Value};

/// Pieces of text that mean something to one parser or another.
pub const SPECIAL: &[&str] = &[
    "",
    " ",
    "{{",
    "}}",
    "{{a}}",
    "{{a.b}}",
    "{{a}}{{a}}",
    "<<a>>",
    "<<",
    ">>",
    "{{$guid}}",
    "{{$randomInt}}",
    "{{$timestamp}}",
    "{",
    "}",
    ":id",
    ":",
    "http://",
    "https://",
    "file://",
    "x.test",
    "echo.test",
    "//",
    "/",
    "?",
    "#",
    "&",
    "=",
    "@",
    "%",
    "%zz",
    "%41",
    "%E2%82",
    "\\",
    "..",
    ".",
    "[::1]",
    "127.0.0.1",
    ":8080",
    ":99999",
    "é",
    "😀",
    "\u{0}",
    "\r\n",
    "\n",
    "\r",
    "\t",
    "\"",
    "'",
    ",",
    ";",
    "null",
    "true",
    "1e400",
    "-0",
    "NaN",
    "Infinity",
    "0x10",
    "\u{feff}",
    "\u{fffd}",
    "\u{f0000}",
    "\u{10ffff}",
    "\u{7f}",
    "\u{80}",
    "\u{2028}",
    "GET",
    "post",
    "raw",
    "urlencoded",
    "formdata",
    "file",
    "graphql",
    "noauth",
    "basic",
    "bearer",
    "apikey",
    "secret",
    "default",
    "prerequest",
    "test",
    "text/plain",
    "application/json",
];

/// Keys a Postman document may hold (collections v1 and v2, environments, cookie jars).
pub const KEYS: &[&str] = &[
    "info",
    "item",
    "name",
    "id",
    "_postman_id",
    "schema",
    "request",
    "response",
    "url",
    "raw",
    "protocol",
    "host",
    "port",
    "path",
    "query",
    "hash",
    "variable",
    "auth",
    "method",
    "header",
    "body",
    "mode",
    "urlencoded",
    "formdata",
    "file",
    "graphql",
    "src",
    "options",
    "language",
    "event",
    "listen",
    "script",
    "exec",
    "type",
    "key",
    "value",
    "disabled",
    "enabled",
    "description",
    "content",
    "protocolProfileBehavior",
    "values",
    "_postman_variable_scope",
    "collection",
    "environment",
    "globals",
    "requests",
    "order",
    "folders",
    "folders_order",
    "headers",
    "data",
    "dataMode",
    "rawModeData",
    "preRequestScript",
    "tests",
    "events",
    "pathVariables",
    "pathVariableData",
    "queryParams",
    "headerData",
    "currentHelper",
    "helperAttributes",
    "responses",
    "cookies",
    "domain",
    "expires",
    "maxAge",
    "creation",
];

/// A short text: special pieces, their concatenations, printable and arbitrary Unicode.
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(SPECIAL).prop_map(str::to_string),
        4 => vec(select(SPECIAL), 0..5).prop_map(|parts| parts.concat()),
        3 => "\\PC{0,12}",
        1 => any::<String>(),
        1 => "[\\x00-\\x7f]{0,16}",
    ]
    .boxed()
}

/// A key: usually one Postman uses.
pub fn key() -> BoxedStrategy<String> {
    prop_oneof![6 => select(KEYS).prop_map(str::to_string), 1 => text()].boxed()
}

/// A JSON number: integers, floats, and texts only arbitrary precision keeps (`1e400`).
pub fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1000i32..1000).prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        select(
            &[
                "0",
                "-0",
                "1.0",
                "1e400",
                "-1e-400",
                "123456789012345678901234567890",
                "0.1",
                "5e-324",
                "1.7976931348623157e308",
                "1E2",
                "-0.0",
                "2e-7",
                "1e21",
                "9007199254740993",
            ][..]
        )
        .prop_map(|t| serde_json::from_str(t).unwrap_or(Value::Null)),
    ]
    .boxed()
}

/// A scalar JSON value.
pub fn scalar() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => number(),
        4 => text().prop_map(Value::String),
    ]
    .boxed()
}

/// Structurally random JSON, nested at most `depth` deep.
pub fn json(depth: u32) -> BoxedStrategy<Value> {
    scalar()
        .prop_recursive(depth, 48, 6, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..6).prop_map(Value::Array),
                vec((key(), inner), 0..6)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
        .boxed()
}

/// Usually `good`, now and then anything at all.
pub fn or_junk(good: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![12 => good, 1 => json(2)].boxed()
}

/// An object with each of `fields` present or not (and now and then an unknown one).
pub fn object(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let parts: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .into_iter()
        .map(|(k, s)| {
            proptest::option::weighted(0.6, s.prop_map(move |v| (k.to_string(), v))).boxed()
        })
        .chain(std::iter::once(
            proptest::option::weighted(0.1, (key(), json(1))).boxed(),
        ))
        .collect();
    parts
        .prop_map(|parts| {
            let map: Map<String, Value> = parts.into_iter().flatten().collect();
            Value::Object(map)
        })
        .boxed()
}

/// A text value.
pub fn string() -> BoxedStrategy<Value> {
    text().prop_map(Value::String).boxed()
}

/// One of `options` as a string value.
pub fn one_of(options: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![8 => select(options).prop_map(Value::from), 1 => string()].boxed()
}

/// A boolean, sometimes written another way.
pub fn flag() -> BoxedStrategy<Value> {
    prop_oneof![6 => any::<bool>().prop_map(Value::Bool), 1 => scalar()].boxed()
}

/// How a document's text is written to its file.
#[derive(Debug, Clone, Copy)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Utf16Le,
    Utf16BeBom,
}

/// An encoding, mostly UTF-8.
pub fn encoding() -> BoxedStrategy<Encoding> {
    prop_oneof![
        12 => Just(Encoding::Utf8),
        2 => Just(Encoding::Utf8Bom),
        1 => Just(Encoding::Utf16LeBom),
        1 => Just(Encoding::Utf16Le),
        1 => Just(Encoding::Utf16BeBom),
    ]
    .boxed()
}

/// `text` as the bytes of a file in `encoding`.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let utf16 = |bom: &[u8], be: bool| {
        let mut out = bom.to_vec();
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if be {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    };
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        Encoding::Utf16LeBom => utf16(b"\xFF\xFE", false),
        Encoding::Utf16Le => utf16(b"", false),
        Encoding::Utf16BeBom => utf16(b"\xFE\xFF", true),
    }
}

/// A change to a JSON tree at the node `at` picks (in document order).
#[derive(Debug, Clone)]
pub enum TreeEdit {
    /// The node becomes `value`.
    Replace(Index, Value),
    /// The node is removed from its parent.
    Remove(Index),
    /// An object node gets one more field.
    Insert(Index, String, Value),
    /// An array node's element is repeated, or the node is wrapped in an array.
    Repeat(Index),
    /// An array or object node is emptied.
    Empty(Index),
}

/// A change to a document's text, at a place given as a fraction of its length.
#[derive(Debug, Clone)]
pub enum TextEdit {
    /// Cut the text there.
    Truncate(Index),
    /// Insert text there.
    Insert(Index, String),
    /// Delete up to this many characters there.
    Delete(Index, usize),
}

/// A tree edit.
pub fn tree_edit() -> BoxedStrategy<TreeEdit> {
    prop_oneof![
        4 => (any::<Index>(), json(2)).prop_map(|(at, v)| TreeEdit::Replace(at, v)),
        2 => any::<Index>().prop_map(TreeEdit::Remove),
        2 => (any::<Index>(), key(), json(2)).prop_map(|(at, k, v)| TreeEdit::Insert(at, k, v)),
        1 => any::<Index>().prop_map(TreeEdit::Repeat),
        1 => any::<Index>().prop_map(TreeEdit::Empty),
    ]
    .boxed()
}

/// A text edit.
pub fn text_edit() -> BoxedStrategy<TextEdit> {
    prop_oneof![
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        3 => (any::<Index>(), prop_oneof![text(), select(&["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "1", "null"][..]).prop_map(str::to_string)])
            .prop_map(|(at, s)| TextEdit::Insert(at, s)),
        2 => (any::<Index>(), 1usize..8).prop_map(|(at, n)| TextEdit::Delete(at, n)),
    ]
    .boxed()
}

/// Number of nodes in `v` (itself included).
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node of `v` in document order with its parent, as a path of steps.
fn path_to(v: &Value, mut n: usize) -> Vec<Step> {
    let mut path = Vec::new();
    let mut node = v;
    while n > 0 {
        n -= 1;
        let children: Vec<(Step, &Value)> = match node {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, c)| (Step::At(i), c))
                .collect(),
            Value::Object(map) => map.iter().map(|(k, c)| (Step::Key(k.clone()), c)).collect(),
            _ => return path,
        };
        let mut next = None;
        for (step, child) in children {
            let size = count(child);
            if n < size {
                next = Some((step, child));
                break;
            }
            n -= size;
        }
        let Some((step, child)) = next else {
            return path;
        };
        path.push(step);
        node = child;
    }
    path
}

#[derive(Debug, Clone)]
enum Step {
    At(usize),
    Key(String),
}

fn node_mut<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut node = v;
    for step in path {
        node = match (step, node) {
            (Step::At(i), Value::Array(items)) => items.get_mut(*i)?,
            (Step::Key(k), Value::Object(map)) => map.get_mut(k)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Apply `edit` to `doc`.
pub fn apply_tree_edit(doc: &mut Value, edit: &TreeEdit) {
    let pick = |at: &Index, doc: &Value| path_to(doc, at.index(count(doc)));
    match edit {
        TreeEdit::Replace(at, value) => {
            let path = pick(at, doc);
            if let Some(node) = node_mut(doc, &path) {
                *node = value.clone();
            }
        }
        TreeEdit::Remove(at) => {
            let mut path = pick(at, doc);
            let Some(last) = path.pop() else {
                return;
            };
            match (node_mut(doc, &path), last) {
                (Some(Value::Array(items)), Step::At(i)) if i < items.len() => {
                    items.remove(i);
                }
                (Some(Value::Object(map)), Step::Key(k)) => {
                    map.shift_remove(&k);
                }
                _ => {}
            }
        }
        TreeEdit::Insert(at, key, value) => {
            let path = pick(at, doc);
            if let Some(Value::Object(map)) = node_mut(doc, &path) {
                map.insert(key.clone(), value.clone());
            }
        }
        TreeEdit::Repeat(at) => {
            let path = pick(at, doc);
            match node_mut(doc, &path) {
                Some(Value::Array(items)) if !items.is_empty() => {
                    let first = items[0].clone();
                    items.push(first);
                }
                Some(node) => *node = Value::Array(vec![node.clone()]),
                None => {}
            }
        }
        TreeEdit::Empty(at) => {
            let path = pick(at, doc);
            match node_mut(doc, &path) {
                Some(Value::Array(items)) => items.clear(),
                Some(Value::Object(map)) => map.clear(),
                _ => {}
            }
        }
    }
}

/// Apply `edit` to `text` (at character boundaries).
pub fn apply_text_edit(text: &mut String, edit: &TextEdit) {
    let boundary = |text: &str, at: &Index| {
        let chars = text.chars().count();
        let n = at.index(chars + 1);
        text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
    };
    match edit {
        TextEdit::Truncate(at) => {
            let i = boundary(text, at);
            text.truncate(i);
        }
        TextEdit::Insert(at, s) => {
            let i = boundary(text, at);
            text.insert_str(i, s);
        }
        TextEdit::Delete(at, n) => {
            let i = boundary(text, at);
            let end = text[i..]
                .char_indices()
                .nth(*n)
                .map_or(text.len(), |(j, _)| i + j);
            text.replace_range(i..end, "");
        }
    }
}

/// A document text: `doc` after `tree` edits, written compact or pretty, after `text` edits.
pub fn mutate(doc: &Value, tree: &[TreeEdit], pretty: bool, text: &[TextEdit]) -> String {
    let mut doc = doc.clone();
    for edit in tree {
        apply_tree_edit(&mut doc, edit);
    }
    let mut out = if pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    }
    .unwrap_or_default();
    for edit in text {
        apply_text_edit(&mut out, edit);
    }
    out
}

/// Edits for [`mutate`]: mostly tree edits, sometimes text edits too.
pub fn edits() -> BoxedStrategy<(Vec<TreeEdit>, bool, Vec<TextEdit>)> {
    (
        vec(tree_edit(), 0..4),
        any::<bool>(),
        prop_oneof![3 => Just(Vec::new()), 1 => vec(text_edit(), 1..3)],
    )
        .boxed()
}

/// The text of every JSON file below `dir` whose name passes `keep` (sorted by path).
pub fn json_files(dir: &std::path::Path, keep: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    let mut paths = Vec::new();
    crate::util::json_files(dir, keep, &mut paths);
    out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
}
