//! Collections (v1 and v2.x) loaded from a file every way postie loads one: streamed (the usual
//! path), as a tree ([`parse_collection`]) and disk-backed. Inputs: Postman-shaped documents,
//! structurally random JSON, and the real collections of `tests/corpus`, `collections/` and the
//! test data, mutated. Properties: no panic; the three ways agree (same model or the same
//! error); an error names the file, a syntax error its line:col inside the text, a wrong type
//! the JSON path of a value of that type; load -> export -> load gives the same model.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use postie::collection::v1::is_v1;
use postie::collection::{
    Collection, Item, LoadOptions, LoadedCollection, Node, Visit, load_collection,
    load_collection_with, parse_collection, read_json,
};
use postie::diagnostic::Diagnostic;
use postie::export::{ExportStyle, collection_document, write_collection};
use postie::vars::VariableScope;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::config::check;
use super::shapes::any_collection;
use super::strategies::{Encoding, edits, encode, encoding, json_files, mutate};

/// Where a target writes its files.
fn workdir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(name)
        .tempdir()
        .unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// A fail result.
fn fail(message: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(message.into())
}

/// What a loaded collection means to a run (everything but how its document is kept).
fn model(c: &Collection) -> String {
    format!(
        "{:#?}",
        (
            &c.id,
            &c.name,
            &c.schema,
            &c.items,
            &c.events,
            &c.variables,
            &c.auth,
            &c.protocol_profile_behavior,
            &c.warnings,
        )
    )
}

/// `c` for comparing two loads of one file: a v1 collection without an id gets a new random
/// one each time it is converted.
fn comparable(c: &Collection) -> Collection {
    let mut c = c.clone();
    if c.warnings
        .first()
        .is_some_and(|w| w.starts_with("this is a Postman v1 collection"))
    {
        c.id = None;
    }
    c
}

/// [`model`] without the warnings (an exported v1 collection is v2.1: no conversion warning).
fn model_without_warnings(c: &Collection) -> String {
    let mut c = c.clone();
    c.warnings.clear();
    model(&c)
}

fn same(
    a: &Result<LoadedCollection, Diagnostic>,
    b: &Result<LoadedCollection, Diagnostic>,
    what: &str,
) -> Result<(), TestCaseError> {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let (a, b) = (model(&comparable(a)), model(&comparable(b)));
            prop_assert!(a == b, "{what}: the models differ:\n{a}\n---\n{b}");
        }
        (Err(a), Err(b)) => prop_assert_eq!(a, b, "{}: the errors differ", what),
        (Ok(_), Err(e)) => return Err(fail(format!("{what}: only the second failed: {e}"))),
        (Err(e), Ok(_)) => return Err(fail(format!("{what}: only the first failed: {e}"))),
    }
    Ok(())
}

/// The request items of `nodes` in document order, and the folders without their items.
fn split(nodes: &[Node], items: &mut Vec<Item>) -> Vec<Node> {
    nodes
        .iter()
        .filter_map(|node| match node {
            Node::Item(item) => {
                items.push(item.clone());
                None
            }
            Node::Group(group) => {
                let mut group = group.clone();
                group.items = split(&group.items, items);
                Some(Node::Group(group))
            }
        })
        .collect()
}

/// The disk-backed load agrees with the in-memory one: same folders, same items read back from
/// the file in the same order, same collection fields.
fn same_disk_backed(
    memory: &LoadedCollection,
    disk: &LoadedCollection,
) -> Result<(), TestCaseError> {
    let mut items = Vec::new();
    let folders = split(&memory.items, &mut items);
    let Some(file) = &disk.item_file else {
        // Loaded in memory after all (an unusual shape): the same model.
        let (a, b) = (model(&comparable(memory)), model(&comparable(disk)));
        prop_assert!(
            a == b,
            "disk-backed (kept in memory) differs:\n{a}\n---\n{b}"
        );
        return Ok(());
    };
    let mut walked = Vec::new();
    file.walk(&mut |visit| {
        if let Visit::Item { item, .. } = visit {
            walked.push(item);
        }
        ControlFlow::Continue(())
    })
    .map_err(|d| fail(format!("walking the disk-backed items failed: {d}")))?;
    prop_assert_eq!(file.items(), items.len());
    prop_assert_eq!(format!("{walked:#?}"), format!("{items:#?}"));
    let mut skeleton = memory.model.clone();
    skeleton.items = folders;
    prop_assert_eq!(model(&comparable(&skeleton)), model(&comparable(disk)));
    Ok(())
}

/// How a value is described in messages (as the loaders say it).
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The value at JSON path `path` (`item[0].request.url`); an index into an object is the
/// object itself (a single object stands for a list of one).
pub fn at_path<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    let mut node = doc;
    for part in path.split('.') {
        let (name, mut indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            node = node.get(name)?;
        }
        while let Some(rest) = indices.strip_prefix('[') {
            let end = rest.find(']')?;
            let i: usize = rest[..end].parse().ok()?;
            node = match node {
                Value::Array(items) => items.get(i)?,
                Value::Object(_) if i == 0 => node,
                _ => return None,
            };
            indices = &rest[end + 1..];
        }
    }
    Some(node)
}

/// When `message` says `PATH: expected X, found Y`, `PATH` must name a value of kind `Y` in
/// `doc`.
pub fn check_path(message: &str, doc: &Value) -> Result<(), TestCaseError> {
    let Some((path, rest)) = message.split_once(": expected ") else {
        return Ok(());
    };
    if path.is_empty()
        || !path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.[]".contains(c))
    {
        return Ok(());
    }
    let Some((_, found)) = rest.rsplit_once(", found ") else {
        return Err(fail(format!("no \"found\" in: {message}")));
    };
    let Some(node) = at_path(doc, path) else {
        return Err(fail(format!(
            "the path of \"{message}\" names nothing in {doc}"
        )));
    };
    prop_assert_eq!(kind_of(node), found, "{}", message);
    Ok(())
}

/// `doc` without the Postman API's `{"collection": ...}` wrapper.
fn unwrapped(doc: &Value) -> &Value {
    match doc.as_object() {
        Some(map) if map.len() == 1 && map.get("collection").is_some_and(Value::is_object) => {
            &map["collection"]
        }
        _ => doc,
    }
}

/// A syntax error's position lies inside `text`.
pub fn check_position(d: &Diagnostic, text: &str) -> Result<(), TestCaseError> {
    let Some((line, col)) = d.position else {
        return Ok(());
    };
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(
        line >= 1 && line <= lines.len(),
        "line {} of {}: {}",
        line,
        lines.len(),
        d
    );
    let width = lines[line - 1].chars().count();
    prop_assert!(
        col >= 1 && col <= width + 2,
        "column {} of {}: {}",
        col,
        width,
        d
    );
    Ok(())
}

/// Load the collection file holding `text` (written in `encoding`) every way, and check it.
fn check_collection(dir: &Path, text: &str, encoding: Encoding) -> Result<(), TestCaseError> {
    let path = dir.join("in").join("fuzz.postman_collection.json");
    std::fs::create_dir_all(path.parent().unwrap_or(dir)).map_err(|e| fail(e.to_string()))?;
    std::fs::write(&path, encode(text, encoding)).map_err(|e| fail(e.to_string()))?;

    let tree_doc = read_json(&path, "collection");
    let tree = tree_doc
        .clone()
        .and_then(|doc| parse_collection(doc, &path));
    let streamed = load_collection(&path);
    same(&streamed, &tree, "streamed vs tree")?;
    let disk = load_collection_with(&path, LoadOptions { disk_items_from: 0 });
    match (&streamed, &disk) {
        (Ok(memory), Ok(disk)) => same_disk_backed(memory, disk)?,
        _ => same(&streamed, &disk, "in memory vs disk-backed")?,
    }

    match (&streamed, &tree_doc) {
        (Err(d), _) => {
            prop_assert_eq!(d.file.as_deref(), Some(path.as_path()), "{}", d);
            prop_assert!(!d.message.is_empty());
            check_position(d, text)?;
            if let Ok(doc) = &tree_doc {
                let doc = unwrapped(doc);
                let v1 = "cannot convert this Postman v1 collection: ";
                if let Some(message) = d.message.strip_prefix(v1) {
                    check_path(message, doc)?;
                } else if !is_v1(doc) {
                    check_path(&d.message, doc)?;
                }
            }
        }
        (Ok(c), _) => round_trip(dir, c)?,
    }
    Ok(())
}

/// load -> export -> load gives the same model (`--export-as-loaded`); Newman's style casts
/// typed values as Newman writes them (a `number` variable's `NaN` becomes `null`, read back as
/// 0), so there the second export gives the same model as the first. The streamed export writes
/// exactly what exporting the document's tree writes.
fn round_trip(dir: &Path, c: &LoadedCollection) -> Result<(), TestCaseError> {
    let again = export_and_load(dir, c, ExportStyle::AsLoaded, "as-loaded")?;
    // The warnings name the file read, which differs.
    let (a, b) = (model_without_warnings(c), model_without_warnings(&again));
    prop_assert!(
        a == b,
        "load -> export -> load changed the model:\n{a}\n---\n{b}"
    );
    let once = export_and_load(dir, c, ExportStyle::Newman, "newman")?;
    let twice = export_and_load(dir, &once, ExportStyle::Newman, "newman-again")?;
    let (a, b) = (
        model_without_warnings(&once),
        model_without_warnings(&twice),
    );
    prop_assert!(
        a == b,
        "exporting Newman's way twice changed the model:\n{a}\n---\n{b}"
    );
    Ok(())
}

/// `c` exported in `style` (into folder `name`) and loaded again.
fn export_and_load(
    dir: &Path,
    c: &LoadedCollection,
    style: ExportStyle,
    name: &str,
) -> Result<LoadedCollection, TestCaseError> {
    let scope = VariableScope::from_variables(&c.variables);
    let out: PathBuf = dir.join(name).join("fuzz.postman_collection.json");
    write_collection(&out, c, &scope, style).map_err(|d| fail(format!("{name}: export: {d}")))?;
    // What `write_json` writes for the document's tree (tab-indented, a final newline).
    let doc = collection_document(c, &scope, style).map_err(|d| fail(format!("{name}: {d}")))?;
    let mut built = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    serde::Serialize::serialize(
        &doc,
        &mut serde_json::Serializer::with_formatter(&mut built, formatter),
    )
    .map_err(|e| fail(e.to_string()))?;
    built.push(b'\n');
    let streamed = std::fs::read(&out).map_err(|e| fail(e.to_string()))?;
    prop_assert!(
        streamed == built,
        "{}: streamed and tree exports differ",
        name
    );
    load_collection(&out).map_err(|d| fail(format!("{name}: reloading the export: {d}")))
}

/// Postman-shaped and structurally random documents.
#[test]
fn fuzz_collection_random_documents() {
    let dir = workdir("fuzz-collection");
    check(
        "collection (random documents)",
        (any_collection(), any::<bool>(), encoding()),
        |(doc, pretty, encoding)| {
            let text = if pretty {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string(&doc)
            }
            .unwrap_or_default();
            check_collection(dir.path(), &text, encoding)
        },
    );
}

/// Every real collection the repository holds, parsed.
fn corpus() -> &'static [Value] {
    static CORPUS: OnceLock<Vec<Value>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        let is_collection = |name: &str| name.contains("collection");
        for dir in [
            "tests/corpus",
            "collections",
            "src/collection/testdata",
            "../shared/conformance/cases",
        ] {
            json_files(&here.join(dir), &is_collection, &mut texts);
        }
        texts
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect()
    })
}

/// Real collections with their trees and texts edited.
#[test]
fn fuzz_collection_mutated_corpus() {
    let corpus = corpus();
    assert!(
        corpus.len() > 100,
        "the corpus holds {} collections",
        corpus.len()
    );
    let dir = workdir("fuzz-corpus");
    check(
        "collection (mutated corpus)",
        (0..corpus.len(), edits(), encoding()),
        |(i, (tree, pretty, text), encoding)| {
            let text = mutate(&corpus[i], &tree, pretty, &text);
            check_collection(dir.path(), &text, encoding)
        },
    );
}
