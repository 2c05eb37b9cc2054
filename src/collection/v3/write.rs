//! A v2.1 collection document as v3 files: the collection's own fields in
//! `.resources/definition.yaml`, a folder per folder (with its own definition), a
//! `*.request.yaml` per request and a `*.example.yaml` per saved example. Items are numbered
//! with `order` (1000, 2000, …) so that reading the folder gives them back in the same order.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::example::example_to_v3;
use super::fields::{auth_to_v3, scripts_to_v3};
use super::naming::{Taken, stem};
use super::request::item_to_v3;
use super::warn::{Warnings, join};
use super::yaml::to_yaml;
use crate::diagnostic::Diagnostic;

/// The files of a v3 collection: paths relative to its folder, and their YAML values.
#[derive(Debug, Default, Clone)]
pub struct FileSet {
    /// Each YAML file, in the order written.
    pub files: Vec<(PathBuf, Value)>,
    /// Each text file (script files), written as it is.
    pub texts: Vec<(PathBuf, String)>,
}

/// The step between two siblings' `order`.
const ORDER_STEP: u64 = 1000;

/// The v3 files for v2.1 collection `doc` (v2.0 reads the same), with what v3 cannot hold.
pub fn collection_to_v3(doc: &Value) -> Result<(FileSet, Warnings), String> {
    let root = doc
        .as_object()
        .ok_or("the collection is not a JSON object")?;
    let mut warn = Warnings::default();
    let known = [
        "info",
        "item",
        "event",
        "variable",
        "auth",
        "protocolProfileBehavior",
    ];
    warn.unknown_keys(root, &known, "", "a v3 collection");
    let empty = Map::new();
    let info = root
        .get("info")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let info_keys = ["name", "_postman_id", "description", "schema"];
    warn.unknown_keys(info, &info_keys, "info", "a v3 collection");
    let mut def = Map::new();
    def.insert("$kind".into(), json!("collection"));
    if let Some(n) = info.get("name") {
        def.insert("name".into(), n.clone());
    }
    if let Some(id) = info.get("_postman_id") {
        def.insert("id".into(), id.clone());
    }
    if let Some(d) = info.get("description") {
        def.insert("description".into(), d.clone());
    }
    scope_fields(root, &mut def, "", &mut warn);
    let mut files = FileSet::default();
    files.files.push((
        resources(Path::new("")).join("definition.yaml"),
        Value::Object(def),
    ));
    let items = root.get("item").cloned().unwrap_or(json!([]));
    write_items(&items, Path::new(""), "item", &mut files, &mut warn);
    Ok((files, warn))
}

/// The fields a collection and a folder share: variables, auth, scripts, settings.
fn scope_fields(
    obj: &Map<String, Value>,
    def: &mut Map<String, Value>,
    at: &str,
    warn: &mut Warnings,
) {
    if let Some(v) = obj.get("variable") {
        def.insert("variables".into(), v.clone());
    }
    if let Some(a) = obj.get("auth") {
        def.insert("auth".into(), auth_to_v3(a, &join(at, "auth"), warn));
    }
    if let Some(e) = obj.get("event") {
        def.insert(
            "scripts".into(),
            scripts_to_v3(e, "http:", &join(at, "event"), warn),
        );
    }
    if let Some(p) = obj.get("protocolProfileBehavior") {
        def.insert("settings".into(), p.clone());
    }
}

/// `dir/.resources`.
fn resources(dir: &Path) -> PathBuf {
    dir.join(".resources")
}

/// Write the items of list `items` (at `at`) into folder `dir`.
fn write_items(items: &Value, dir: &Path, at: &str, files: &mut FileSet, warn: &mut Warnings) {
    let single;
    let list = match items {
        Value::Array(list) => list,
        Value::Object(_) => {
            warn.lost(at, "a single item, not a list; written as a list of one");
            single = [items.clone()];
            &single[..]
        }
        _ => {
            warn.lost(at, "not a list of items (Newman runs none); dropped");
            return;
        }
    };
    let mut taken = Taken::default();
    for (i, item) in list.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let Some(obj) = item.as_object() else {
            warn.lost(&at, "not an item object; dropped");
            continue;
        };
        let order = json!((i as u64 + 1) * ORDER_STEP);
        let name = obj.get("name").and_then(Value::as_str).unwrap_or("");
        let file = taken.claim(stem(name));
        let mut head = Map::new();
        if obj.get("item").is_some() {
            head.insert("$kind".into(), json!("collection"));
            name_field(&mut head, obj, &file);
            write_folder(obj, &dir.join(&file), head, order, &at, files, warn);
        } else {
            let mut v3 = item_to_v3(obj, &at, warn);
            head.insert(
                "$kind".into(),
                v3.shift_remove("$kind").unwrap_or(Value::Null),
            );
            name_field(&mut head, obj, &file);
            head.extend(v3);
            write_examples(obj, dir, &file, &mut head, &at, files, warn);
            head.insert("order".into(), order);
            files.files.push((
                dir.join(format!("{file}.request.yaml")),
                Value::Object(head),
            ));
        }
    }
}

/// `name`, when the item's name is not its file name.
fn name_field(head: &mut Map<String, Value>, obj: &Map<String, Value>, file: &str) {
    match obj.get("name") {
        Some(Value::String(n)) if n == file => {}
        Some(n) => {
            head.insert("name".into(), n.clone());
        }
        // Newman names it "" (the file name would be read instead).
        None => {
            head.insert("name".into(), json!(""));
        }
    }
}

/// A folder item: its definition, then its items.
fn write_folder(
    obj: &Map<String, Value>,
    sub: &Path,
    mut def: Map<String, Value>,
    order: Value,
    at: &str,
    files: &mut FileSet,
    warn: &mut Warnings,
) {
    let known = [
        "name",
        "id",
        "description",
        "item",
        "event",
        "variable",
        "auth",
        "protocolProfileBehavior",
    ];
    warn.unknown_keys(obj, &known, at, "a v3 folder");
    if let Some(id) = obj.get("id") {
        def.insert("id".into(), id.clone());
    }
    if let Some(d) = obj.get("description") {
        def.insert("description".into(), d.clone());
    }
    scope_fields(obj, &mut def, at, warn);
    def.insert("order".into(), order);
    files
        .files
        .push((resources(sub).join("definition.yaml"), Value::Object(def)));
    let items = obj.get("item").cloned().unwrap_or(Value::Null);
    write_items(&items, sub, &join(at, "item"), files, warn);
}

/// The examples (`response`) of request item `obj`, and the request's `examples` field.
fn write_examples(
    obj: &Map<String, Value>,
    dir: &Path,
    file: &str,
    head: &mut Map<String, Value>,
    at: &str,
    files: &mut FileSet,
    warn: &mut Warnings,
) {
    let Some(list) = obj.get("response").and_then(Value::as_array) else {
        return;
    };
    if list.is_empty() {
        return;
    }
    let rel = format!("{file}.resources/examples");
    head.insert("examples".into(), json!(format!("./.resources/{rel}")));
    let mut taken = Taken::default();
    for (i, r) in list.iter().enumerate() {
        let at = format!("{at}.response[{i}]");
        let Some(r) = r.as_object() else {
            warn.lost(&at, "not an example object; dropped");
            continue;
        };
        let name = r.get("name").and_then(Value::as_str).unwrap_or("");
        let ex_file = taken.claim(stem(name));
        let mut ex = Map::new();
        let mut body = example_to_v3(r, &at, warn);
        ex.insert(
            "$kind".into(),
            body.shift_remove("$kind").unwrap_or(Value::Null),
        );
        name_field(&mut ex, r, &ex_file);
        ex.extend(body);
        ex.insert("order".into(), json!((i as u64 + 1) * ORDER_STEP));
        let path = resources(dir)
            .join(&rel)
            .join(format!("{ex_file}.example.yaml"));
        files.files.push((path, Value::Object(ex)));
    }
}

/// Write `files` under folder `out`, which must not exist or be empty.
pub fn write_dir(files: &FileSet, out: &Path) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::in_file(out, format!("cannot write the v3 collection: {e}"))
    };
    if out.exists() {
        let mut entries = std::fs::read_dir(out).map_err(fail)?;
        if entries.next().is_some() {
            return Err(Diagnostic::in_file(out, "this folder is not empty")
                .with_hint("convert into a new or empty folder"));
        }
    }
    for (rel, value) in &files.files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::write(&path, to_yaml(value)).map_err(fail)?;
    }
    for (rel, text) in &files.texts {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::write(&path, text).map_err(fail)?;
    }
    Ok(())
}
