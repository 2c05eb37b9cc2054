//! A v3 collection folder read into the v2.1 document it stands for. A folder's children are
//! its `*.request.yaml` files and its sub-folders (not `.resources` or other hidden folders),
//! ordered by their `order` (a request's own, a folder's in its definition); those without one
//! come after, by file name. Names default to the file or folder name.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::V21_SCHEMA;
use super::example::example_to_v21;
use super::fields::{auth_to_v21, scripts_to_v21};
use super::request::item_to_v21;
use super::script_files::{ScriptFiles, inline_scripts};
use super::source_map::{SourceKind, SourceMap};
use super::warn::{Warnings, join};
use super::yaml::read_yaml;
use crate::diagnostic::Diagnostic;

/// True when `path` is a folder (a v3 collection is one).
pub fn is_v3_dir(path: &Path) -> bool {
    path.is_dir()
}

/// The v2.1 collection document for the v3 collection folder `dir`, with what v2.1 cannot hold
/// (each warning names its file).
pub fn read_dir(dir: &Path) -> Result<(Value, Warnings), Diagnostic> {
    read_dir_mapped(dir).map(|(doc, warn, _)| (doc, warn))
}

/// [`read_dir`], with where each part of the document came from.
pub fn read_dir_mapped(dir: &Path) -> Result<(Value, Warnings, SourceMap), Diagnostic> {
    let mut warn = Warnings::default();
    let mut map = SourceMap::default();
    let def = definition(dir)?;
    let mut info = Map::new();
    if let Some(id) = def.as_ref().and_then(|(d, _, _)| d.get("id")) {
        info.insert("_postman_id".into(), id.clone());
    }
    let name = def.as_ref().and_then(|(d, _, _)| d.get("name").cloned());
    info.insert("name".into(), name.unwrap_or_else(|| json!(file_name(dir))));
    if let Some(d) = def.as_ref().and_then(|(d, _, _)| d.get("description")) {
        info.insert("description".into(), d.clone());
    }
    info.insert("schema".into(), json!(V21_SCHEMA));
    let mut root = Map::new();
    root.insert("info".into(), Value::Object(info));
    let at = def
        .as_ref()
        .map_or(dir.to_path_buf(), |(_, p, _)| p.clone());
    map.add("", &at, SourceKind::Definition);
    if let Some((_, _, files)) = &def {
        map.add_scripts("", files);
    }
    let items = children(dir, "item", &mut warn, &mut map)?;
    if def.is_none() && items.is_empty() {
        return Err(Diagnostic::in_file(
            dir,
            "this folder is not a v3 collection: it has no .resources/definition.yaml and no \
             *.request.yaml",
        )
        .with_hint("give a collection file, or a folder written by `postie convert` or Postman"));
    }
    root.insert("item".into(), Value::Array(items));
    if let Some((d, path, _)) = &def {
        scope_fields(d, &mut root, path, &mut warn);
    }
    Ok((Value::Object(root), warn, map))
}

/// The last component of `path`, as text.
fn file_name(path: &Path) -> String {
    let full = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    full.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A definition's fields, the file they are in and its script files.
type Definition = (Map<String, Value>, PathBuf, ScriptFiles);

/// `dir/.resources/definition.yaml` (or `.yml`), when there is one, and its path.
fn definition(dir: &Path) -> Result<Option<Definition>, Diagnostic> {
    for ext in ["yaml", "yml"] {
        let path = dir.join(".resources").join(format!("definition.{ext}"));
        if path.is_file() {
            let mut map = mapping(read_yaml(&path, "definition")?, &path, "collection")?;
            let base = path.parent().unwrap_or(dir);
            let files = inline_scripts(&mut map, base, None, "http:")?;
            return Ok(Some((map, path, files)));
        }
    }
    Ok(None)
}

/// `value` as a mapping whose `$kind` (when given) is `kind`.
fn mapping(value: Value, path: &Path, kind: &str) -> Result<Map<String, Value>, Diagnostic> {
    let Value::Object(map) = value else {
        return Err(Diagnostic::in_file(
            path,
            "expected a YAML mapping of fields",
        ));
    };
    match map.get("$kind").and_then(Value::as_str) {
        Some(k) if k == kind => Ok(map),
        None if kind == "collection" => Ok(map),
        other => Err(Diagnostic::in_file(
            path,
            format!(
                "expected `$kind: {kind}`, found {}",
                other.map_or("none".into(), |k| format!("`{k}`"))
            ),
        )),
    }
}

/// The fields a collection and a folder share, into v2.1 object `out`.
fn scope_fields(
    def: &Map<String, Value>,
    out: &mut Map<String, Value>,
    path: &Path,
    warn: &mut Warnings,
) {
    let at = format!("{}:", path.display());
    let known = [
        "$kind",
        "name",
        "id",
        "description",
        "variables",
        "auth",
        "scripts",
        "settings",
        "order",
    ];
    warn.unknown_keys(def, &known, &at, "a v2.1 collection or folder");
    if let Some(v) = def.get("variables") {
        out.insert("variable".into(), v.clone());
    }
    if let Some(a) = def.get("auth") {
        out.insert("auth".into(), auth_to_v21(a, &join(&at, "auth"), warn));
    }
    if let Some(s) = def.get("scripts") {
        out.insert(
            "event".into(),
            scripts_to_v21(s, &join(&at, "scripts"), warn),
        );
    }
    if let Some(p) = def.get("settings") {
        out.insert("protocolProfileBehavior".into(), p.clone());
    }
}

/// One child of a folder before it is read: where it is, its order and its file name.
struct Child {
    path: PathBuf,
    folder: bool,
    order: Option<f64>,
    name: String,
    scripts: ScriptFiles,
}

/// The request files and sub-folders of folder `dir`, unread.
fn entries(dir: &Path) -> Result<Vec<Child>, Diagnostic> {
    let fail =
        |e: std::io::Error| Diagnostic::in_file(dir, format!("cannot read this folder: {e}"));
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            found.push(Child {
                path,
                folder: true,
                order: None,
                name,
                scripts: Vec::new(),
            });
        } else if let Some(stem) = name
            .strip_suffix(".request.yaml")
            .or_else(|| name.strip_suffix(".request.yml"))
        {
            let name = stem.to_string();
            found.push(Child {
                path,
                folder: false,
                order: None,
                name,
                scripts: Vec::new(),
            });
        }
    }
    Ok(found)
}

/// The v2.1 items for the children of folder `dir` (at v2.1 path `at`), in order.
fn children(
    dir: &Path,
    at: &str,
    warn: &mut Warnings,
    sources: &mut SourceMap,
) -> Result<Vec<Value>, Diagnostic> {
    let found = entries(dir)?;
    let mut read = Vec::new();
    for mut child in found {
        let map = if child.folder {
            let def = definition(&child.path)?;
            let (map, files) = def.map(|(d, _, f)| (d, f)).unwrap_or_default();
            child.scripts = files;
            map
        } else {
            let Value::Object(mut map) = read_yaml(&child.path, "request")? else {
                let why = "expected a YAML mapping of fields";
                return Err(Diagnostic::in_file(&child.path, why));
            };
            let scripts = dir
                .join(".resources")
                .join(format!("{}.resources", child.name))
                .join("scripts");
            child.scripts = inline_scripts(&mut map, dir, Some(&scripts), "")?;
            map
        };
        child.order = map.get("order").and_then(Value::as_f64);
        read.push((child, map));
    }
    read.sort_by(|(a, _), (b, _)| {
        let key = |c: &Child| (c.order.is_none(), c.order.unwrap_or(0.0));
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let mut items = Vec::new();
    for (child, map) in read {
        let name = map
            .get("name")
            .cloned()
            .unwrap_or_else(|| json!(child.name));
        let here = format!("{at}[{}]", items.len());
        if child.folder {
            let def = child.path.join(".resources").join("definition.yaml");
            sources.add(&here, &def, SourceKind::Definition);
            sources.add_scripts(&here, &child.scripts);
            items.push(folder(&child.path, &map, name, &here, warn, sources)?);
        } else if let Some(item) = request(&child.path, &map, name, (&here, sources), warn)? {
            sources.add(&here, &child.path, SourceKind::Request);
            sources.add_scripts(&here, &child.scripts);
            items.push(item);
        }
    }
    Ok(items)
}

/// The v2.1 folder for sub-folder `dir` with definition `def`.
fn folder(
    dir: &Path,
    def: &Map<String, Value>,
    name: Value,
    at: &str,
    warn: &mut Warnings,
    sources: &mut SourceMap,
) -> Result<Value, Diagnostic> {
    let mut out = Map::new();
    if let Some(id) = def.get("id") {
        out.insert("id".into(), id.clone());
    }
    out.insert("name".into(), name);
    if let Some(d) = def.get("description") {
        out.insert("description".into(), d.clone());
    }
    let items = children(dir, &format!("{at}.item"), warn, sources)?;
    out.insert("item".into(), Value::Array(items));
    let at = dir.join(".resources").join("definition.yaml");
    scope_fields(def, &mut out, &at, warn);
    Ok(Value::Object(out))
}

/// The v2.1 item for request file `path`; `None` (with a warning) for a request of another
/// protocol.
fn request(
    path: &Path,
    v3: &Map<String, Value>,
    name: Value,
    (at, sources): (&str, &mut SourceMap),
    warn: &mut Warnings,
) -> Result<Option<Value>, Diagnostic> {
    match v3.get("$kind").and_then(Value::as_str) {
        Some("http-request") => {}
        Some(other) if other.ends_with("-request") => {
            warn.lost(
                &path.display().to_string(),
                &format!("a `{other}`: postie runs HTTP requests only; skipped"),
            );
            return Ok(None);
        }
        other => {
            let found = other.map_or("none".into(), |k| format!("`{k}`"));
            return Err(Diagnostic::in_file(
                path,
                format!("expected `$kind: http-request`, found {found}"),
            ));
        }
    }
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem.split(".request.").next().unwrap_or("").to_string();
    let dir = path.parent().unwrap_or(Path::new("."));
    let examples_dir = match v3.get("examples").and_then(Value::as_str) {
        Some(rel) => dir.join(rel),
        None => dir
            .join(".resources")
            .join(format!("{stem}.resources"))
            .join("examples"),
    };
    let (responses, files) = examples(&examples_dir, warn)?;
    for (i, file) in files.iter().enumerate() {
        sources.add(&format!("{at}.response[{i}]"), file, SourceKind::Example);
    }
    let at = format!("{}:", path.display());
    Ok(Some(item_to_v21(v3, name, responses, &at, warn)))
}

/// The v2.1 responses for the `*.example.yaml` files in `dir`, in order, and their files.
fn examples(dir: &Path, warn: &mut Warnings) -> Result<(Vec<Value>, Vec<PathBuf>), Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(stem) = name
            .strip_suffix(".example.yaml")
            .or_else(|| name.strip_suffix(".example.yml"))
        else {
            continue;
        };
        let map = mapping(read_yaml(&path, "example")?, &path, "http-example")?;
        let order = map.get("order").and_then(Value::as_f64);
        found.push((order, stem.to_string(), path, map));
    }
    found.sort_by(|a, b| {
        let key = |o: &Option<f64>| (o.is_none(), o.unwrap_or(0.0));
        key(&a.0)
            .partial_cmp(&key(&b.0))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase()))
    });
    let files = found.iter().map(|(_, _, path, _)| path.clone()).collect();
    let responses = found
        .into_iter()
        .map(|(_, stem, path, map)| {
            let name = map.get("name").cloned().unwrap_or_else(|| json!(stem));
            example_to_v21(&map, name, &format!("{}:", path.display()), warn)
        })
        .collect();
    Ok((responses, files))
}
