//! Loading a Postman collection file (v2.0 or v2.1, optionally wrapped as `{"collection": ...}`
//! the way the Postman API returns it) into a [`LoadedCollection`]: the model, the document
//! exports write back, and, for a large file, where its request items stay. v1 collections are
//! converted to v2.1 first (see [`super::v1`]), with a warning in [`Collection::warnings`];
//! documents that are not collections at all are refused with a [`Diagnostic`] saying what to do.
//!
//! The nodes themselves are built in `build.rs`, whichever way the text is read: here, the
//! loader only chooses the way (text parsed in one pass by `stream.rs`, or the document's
//! tree for what that pass does not handle) and what is kept.

use std::cell::RefCell;
use std::io::BufReader;
use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::build::{build_collection, nodes, unwrap_api_form};
use super::document::CollectionDocument;
use super::document::writer::{DocumentWriter, Tee};
use super::duplicates::duplicate_notes;
use super::item_file::{DEFAULT_DISK_ITEMS_ABOVE, ItemFile};
use super::json::{open_utf8, parse_text, read_json, read_text};
use super::model::Collection;
use super::parts::{Ctx, Notes, kind_of};
use super::{stream, v1};
use crate::diagnostic::Diagnostic;

/// A collection as loaded: its model (plain data), the document it was loaded from, and where
/// its request items are when they stay in a large file. It reads as its model (`Deref`).
#[derive(Debug, Clone)]
pub struct LoadedCollection {
    /// The model. For a disk-backed collection (`item_file` set), `items` holds only the
    /// folders: its request items are read from the file as the run goes.
    pub model: Collection,
    /// The JSON document as loaded; exports patch values into it.
    pub doc: CollectionDocument,
    /// Where a disk-backed collection's request items are; `None` when the model holds them all.
    pub item_file: Option<Arc<ItemFile>>,
}

impl Deref for LoadedCollection {
    type Target = Collection;

    fn deref(&self) -> &Collection {
        &self.model
    }
}

impl LoadedCollection {
    /// A collection held in memory, loaded from `doc`.
    fn in_memory(model: Collection, doc: CollectionDocument) -> Self {
        LoadedCollection {
            model,
            doc,
            item_file: None,
        }
    }
}

/// How to load a collection file.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// A regular UTF-8 file of at least this many bytes is disk-backed: its request items are
    /// checked, then dropped, and read again from the file as the run goes (see
    /// [`super::item_file`]). `u64::MAX` keeps every collection in memory; 0 none.
    pub disk_items_from: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            disk_items_from: DEFAULT_DISK_ITEMS_ABOVE,
        }
    }
}

/// Read and parse the collection file at `path`, with the default [`LoadOptions`].
pub fn load_collection(path: &Path) -> Result<LoadedCollection, Diagnostic> {
    load_collection_with(path, LoadOptions::default())
}

/// Read and parse the collection file at `path`.
///
/// A v2 collection is built straight from its JSON text, one item at a time (see the `stream`
/// module), and the text is kept deflated as its [`CollectionDocument`]; the document's tree is
/// never built. A file below the disk-backed size (see [`LoadOptions`]) is read whole first
/// (serde_json parses text in memory far faster than from a reader: loading 1,000 items took
/// 39% fewer instructions); a larger one is parsed as it is read, its text deflated as it goes
/// by, so it is never held whole. Anything else (v1 collections, errors) goes through the
/// document's tree with [`parse_collection`] (reading the file again), which reports problems
/// with their position.
///
/// A large file (see [`LoadOptions`]) is checked the same way but only its folders are kept; its
/// document is not kept either (exports read the file again). Files of an unusual shape (an
/// object repeating `item`) are kept in memory whatever their size.
pub fn load_collection_with(
    path: &Path,
    options: LoadOptions,
) -> Result<LoadedCollection, Diagnostic> {
    // Notes need JSON paths the streaming path does not know: a document with any goes
    // through the tree (`parse_collection`).
    let ctx = Ctx::new(path, "collection", Notes::Refuse);
    let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= options.disk_items_from);
    if large && let Some(collection) = load_disk_backed(path, ctx) {
        return Ok(collection);
    }
    if large && let Some(file) = open_utf8(path) {
        // A large file of an unusual shape: parsed as it is read, the writer deflating each
        // chunk read as it comes.
        let mut writer = DocumentWriter::new();
        let reader = BufReader::with_capacity(64 * 1024, Tee::new(file, &mut writer));
        let streamed = stream::from_reader(reader, ctx).and_then(|s| finish(s, writer, ctx));
        return match streamed {
            Some(collection) => Ok(collection),
            None => parse_collection(read_json(path, "collection")?, path),
        };
    }
    parse_collection_text(&read_text(path, "collection")?, path)
}

/// Build a collection from the decoded text of a collection document (a file's, or what a URL
/// answered); `path` names it in messages and is the name fallback (its file stem). The
/// collection is kept in memory.
pub fn parse_collection_text(text: &str, path: &Path) -> Result<LoadedCollection, Diagnostic> {
    // Notes need JSON paths the streaming path does not know: a document with any goes
    // through the tree (`parse_collection`).
    let ctx = Ctx::new(path, "collection", Notes::Refuse);
    let streamed = stream::from_str(text, ctx).and_then(|s| {
        let mut writer = DocumentWriter::new();
        writer.write(text.as_bytes()).ok()?;
        finish(s, writer, ctx)
    });
    let mut collection = match streamed {
        Some(collection) => collection,
        None => parse_collection(parse_text(text, path, "collection")?, path)?,
    };
    collection
        .model
        .warnings
        .extend(duplicate_notes(text, path));
    Ok(collection)
}

/// The collection at `path` with only its folders kept, its items left in the file; `None` when
/// the file cannot be read that way (an error, a v1 collection, an unusual shape, a change
/// while it was read): the caller then loads it in memory, and reports any problem.
fn load_disk_backed(path: &Path, ctx: Ctx) -> Option<LoadedCollection> {
    let file = ItemFile::new(path)?;
    let reader = BufReader::with_capacity(64 * 1024, file.open().ok()?);
    let skeleton = stream::Skeleton::default();
    let streamed = stream::with_sink(reader, ctx, &skeleton).ok()?;
    if skeleton.irregular() {
        return None;
    }
    file.check().ok()?;
    let file = Arc::new(file.loaded(streamed.wrapped, skeleton.items()));
    let folders = streamed.items;
    let model = build_collection(&streamed.root, || Ok(folders), ctx, Vec::new()).ok()?;
    Some(LoadedCollection {
        model,
        doc: CollectionDocument::from_file(Arc::clone(&file)),
        item_file: Some(file),
    })
}

/// The collection from what the streaming path built and the text `writer` kept; `None` when its
/// top-level fields are wrong (the tree path then says how).
fn finish(
    streamed: stream::Streamed,
    writer: DocumentWriter,
    ctx: Ctx,
) -> Option<LoadedCollection> {
    let items = streamed.items;
    let model = build_collection(&streamed.root, || Ok(items), ctx, Vec::new()).ok()?;
    let doc = writer.finish(streamed.wrapped).ok()?;
    Some(LoadedCollection::in_memory(model, doc))
}

/// Build a collection from an already parsed document; `path` is used in messages and as the
/// name fallback (its file stem) when the collection has no name. It is kept in memory.
pub fn parse_collection(doc: Value, path: &Path) -> Result<LoadedCollection, Diagnostic> {
    let notes = RefCell::new(Vec::new());
    let ctx = Ctx::new(path, "collection", Notes::Keep(&notes));
    let mut doc = unwrap_api_form(doc);
    let mut warnings = Vec::new();
    if v1::is_v1(&doc) {
        let (converted, notes) = v1::convert_v1_with_notes(&doc).map_err(|why| {
            Diagnostic::in_file(
                path,
                format!("cannot convert this Postman v1 collection: {why}"),
            )
            .with_hint("fix that value, or open the collection in Postman and export it as Collection v2.1")
        })?;
        doc = converted;
        warnings.push(v1::V1_WARNING.to_string());
        warnings.extend(notes);
    }
    let root = check_is_collection(&doc, ctx)?;
    let mut model = build_collection(root, || nodes(root.get("item"), ctx, "item"), ctx, warnings)?;
    model.warnings.extend(notes.take());
    Ok(LoadedCollection::in_memory(
        model,
        CollectionDocument::from_value(doc),
    ))
}

/// Refuse documents that are not (v2 or converted v1) collections, saying what they look like
/// instead.
fn check_is_collection<'v>(doc: &'v Value, ctx: Ctx) -> Result<&'v Map<String, Value>, Diagnostic> {
    let not_a_collection = |why: String| {
        Diagnostic::in_file(ctx.file, format!("this is not a Postman collection: {why}"))
            .with_hint("pass a collection exported from Postman (Collection v2.1)")
    };
    let Some(root) = doc.as_object() else {
        return Err(not_a_collection(format!(
            "the file holds {}, not an object",
            kind_of(doc)
        )));
    };
    let has = |key: &str| root.get(key).is_some_and(|v| !v.is_null());
    if has("item") || has("info") {
        return Ok(root);
    }
    if has("values") || has("_postman_variable_scope") {
        let scope = root
            .get("_postman_variable_scope")
            .and_then(Value::as_str)
            .unwrap_or("environment");
        let flag = if scope == "globals" {
            "-g/--globals"
        } else {
            "-e/--environment"
        };
        return Err(Diagnostic::in_file(
            ctx.file,
            format!("this is a Postman {scope} file, not a collection"),
        )
        .with_hint(format!(
            "pass it with {flag}, and the collection as the first argument"
        )));
    }
    Err(not_a_collection(
        "it has neither `info` nor `item`".to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::model::{Body, Item, ItemGroup, Listen, Node};
    use serde_json::json;
    use std::path::PathBuf;

    fn parse(v: Value) -> Result<LoadedCollection, Diagnostic> {
        parse_collection(v, Path::new("dir/my-api.postman_collection.json"))
    }

    fn item(node: &Node) -> &Item {
        match node {
            Node::Item(i) => i,
            Node::Group(g) => panic!("expected an item, got folder {}", g.name),
        }
    }

    fn group(node: &Node) -> &ItemGroup {
        match node {
            Node::Group(g) => g,
            Node::Item(i) => panic!("expected a folder, got item {}", i.name),
        }
    }

    #[test]
    fn load_collection_v21_fields() {
        let c = parse(json!({
            "info": {"_postman_id": "abc", "name": "API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": [{"id": "i1", "name": "one", "request": {"method": "post", "url": "http://x/"},
                      "response": [{"name": "ex"}], "protocolProfileBehavior": {"followRedirects": false}}],
            "event": [{"listen": "prerequest", "script": {"exec": ["a"]}}],
            "variable": [{"key": "v", "value": "1"}],
            "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{t}}"}]},
            "protocolProfileBehavior": {"strictSSL": false}
        }))
        .unwrap();
        assert_eq!(c.id.as_deref(), Some("abc"));
        assert_eq!(c.name, "API");
        assert!(c.schema.as_deref().is_some_and(|s| s.contains("v2.1.0")));
        assert_eq!(c.events[0].listen, Listen::PreRequest);
        assert_eq!(c.variables[0].key, "v");
        assert_eq!(
            c.auth.as_ref().map(|a| a.param("token")),
            Some("{{t}}".to_string())
        );
        assert!(c.protocol_profile_behavior.is_some());
        let i = item(&c.items[0]);
        assert_eq!((i.id.as_deref(), i.name.as_str()), (Some("i1"), "one"));
        assert_eq!(i.request.method, "POST");
        // Saved examples are not part of the model; exports keep them with the document.
        assert_eq!(
            c.doc.to_value().unwrap()["item"][0]["response"][0]["name"],
            "ex"
        );
        assert!(i.protocol_profile_behavior.is_some());
        assert_eq!(c.doc.to_value().unwrap()["info"]["name"], "API");
    }

    #[test]
    fn load_collection_nested_folders() {
        let c = parse(json!({"info": {"name": "n"}, "item": [
            {"name": "F1", "_postman_id": "f1", "auth": {"type": "noauth"}, "item": [
                {"name": "F2", "item": [{"name": "deep", "request": "http://deep"}]},
                {"name": "r1", "request": "http://r1"}
            ]},
            {"name": "empty folder", "item": []},
            {"name": "r2", "request": "http://r2"}
        ]}))
        .unwrap();
        assert_eq!(c.items.len(), 3);
        let f1 = group(&c.items[0]);
        assert_eq!(f1.id.as_deref(), Some("f1"));
        assert_eq!(f1.auth.as_ref().map(|a| a.kind.as_str()), Some("noauth"));
        let f2 = group(&f1.items[0]);
        assert_eq!(item(&f2.items[0]).request.url.raw, "http://deep");
        assert_eq!(item(&f1.items[1]).name, "r1");
        assert!(group(&c.items[1]).items.is_empty());
        assert_eq!(c.items[2].name(), "r2");
    }

    #[test]
    fn load_collection_v1_converted_with_warning() {
        let c = parse(json!({"id": "x", "name": "old", "order": ["a"],
            "requests": [{"id": "a", "name": "get it", "url": "http://x/", "method": "post",
                          "headers": "A: 1\n//B: 2", "tests": "pm.test('t', () => {});"}]}))
        .unwrap();
        assert_eq!(c.name, "old");
        assert_eq!(c.id.as_deref(), Some("x"));
        assert!(c.schema.as_deref().is_some_and(|s| s.contains("v2.1.0")));
        assert_eq!(
            c.warnings,
            [
                "this is a Postman v1 collection: postie converted it to v2.1; export it from Postman as v2.1 to skip this step"
            ]
        );
        let i = item(&c.items[0]);
        assert_eq!((i.id.as_deref(), i.name.as_str()), (Some("a"), "get it"));
        assert_eq!(i.request.method, "POST");
        assert_eq!(i.request.url.raw, "http://x/");
        assert_eq!(i.request.headers.len(), 2);
        assert!(i.request.headers[1].disabled);
        assert_eq!(i.events[0].listen, Listen::Test);
        // The converted document is what exports write back.
        assert!(c.doc.to_value().unwrap()["item"].is_array());
        // v2 collections carry no warning.
        assert!(parse(json!({"item": []})).unwrap().warnings.is_empty());
    }

    #[test]
    fn load_collection_v1_api_wrapped_and_left_out_requests() {
        let c = parse(json!({"collection": {"name": "w", "order": [],
            "requests": [{"id": "r", "name": "lost"}]}}))
        .unwrap();
        assert!(c.items.is_empty());
        assert_eq!(c.warnings.len(), 2);
        assert!(c.warnings[1].contains("\"lost\""), "{}", c.warnings[1]);
    }

    #[test]
    fn load_collection_v1_malformed_is_a_diagnostic() {
        let d = parse(
            json!({"name": "bad", "order": ["a"], "requests": [{"id": "a", "headerData": 5}]}),
        )
        .unwrap_err();
        assert_eq!(
            d.message,
            "cannot convert this Postman v1 collection: requests[0].headerData: expected an array, found a number"
        );
        assert!(d.hint.as_deref().is_some_and(|h| h.contains("v2.1")));
    }

    #[test]
    fn load_collection_environment_passed_as_collection() {
        let d = parse(json!({"id": "e", "name": "env", "values": [{"key": "a", "value": "b"}]}))
            .unwrap_err();
        assert_eq!(
            d.message,
            "this is a Postman environment file, not a collection"
        );
        assert!(
            d.hint
                .as_deref()
                .is_some_and(|h| h.contains("--environment"))
        );
        let d = parse(json!({"name": "g", "values": [], "_postman_variable_scope": "globals"}))
            .unwrap_err();
        assert!(d.hint.as_deref().is_some_and(|h| h.contains("--globals")));
    }

    #[test]
    fn load_collection_api_wrapped_form() {
        let c = parse(json!({"collection": {"info": {"name": "wrapped"}, "item": []}})).unwrap();
        assert_eq!(c.name, "wrapped");
        assert!(c.doc.to_value().unwrap().get("info").is_some());
    }

    #[test]
    fn load_collection_name_fallbacks() {
        assert_eq!(
            parse(json!({"name": "top", "item": []})).unwrap().name,
            "top"
        );
        assert_eq!(
            parse(json!({"item": []})).unwrap().name,
            "my-api.postman_collection"
        );
        assert_eq!(
            parse(json!({"info": {"name": 3}, "item": []}))
                .unwrap()
                .name,
            "3"
        );
    }

    #[test]
    fn load_collection_weird_documents_do_not_panic() {
        let docs = [
            json!(null),
            json!([]),
            json!("x"),
            json!({}),
            json!({"item": 5}),
            json!({"info": {"name": 3}, "item": [{"request": 7}]}),
            json!({"info": 1, "item": [null, {"item": {"name": "single"}}]}),
            json!({"item": [{"request": {"url": {"host": 1, "path": {"a": 1}}}}]}),
            json!({"item": [{"request": {"header": 3, "body": {"mode": "formdata", "formdata": 1}}}]}),
            json!({"item": [{"event": [{"listen": "test", "script": 5}]}]}),
            json!({"item": [], "auth": {"type": "basic", "basic": "x"}}),
            json!({"item": [], "variable": {"key": "single"}}),
        ];
        for doc in docs {
            let shown = doc.to_string();
            match parse(doc) {
                Ok(_) => {}
                Err(d) => assert!(!d.message.is_empty(), "{shown}"),
            }
        }
    }

    #[test]
    fn load_collection_wrong_types_name_the_path() {
        let d = parse(json!({"item": 5})).unwrap_err();
        assert_eq!(d.message, "item: expected an array, found a number");
        let d = parse(json!({"info": {"name": 3}, "item": [{"request": 7}]})).unwrap_err();
        assert_eq!(
            d.message,
            "item[0].request: expected a URL string or a request object, found a number"
        );
        let d = parse(json!({"item": [{"item": [{}, {"request": {"url": 5}}]}]})).unwrap_err();
        assert!(
            d.message.starts_with("item[0].item[1].request.url: "),
            "{}",
            d.message
        );
        let d = parse(json!([])).unwrap_err();
        assert_eq!(
            d.message,
            "this is not a Postman collection: the file holds an array, not an object"
        );
    }

    #[test]
    fn load_collection_v20_and_v21_auth_fixture() {
        let path = Path::new("helper.json");
        let doc: Value =
            serde_json::from_str(include_str!("testdata/helper-v2.0-auth.collection.json"))
                .unwrap();
        let c = parse_collection(doc, path).unwrap();
        let auths: Vec<_> = c
            .items
            .iter()
            .filter_map(|n| match n {
                Node::Item(i) => i.request.auth.clone(),
                Node::Group(_) => None,
            })
            .collect();
        let basic = auths.iter().find(|a| a.kind == "basic").unwrap();
        assert!(!basic.param("username").is_empty());
    }

    #[test]
    fn load_collection_inherited_entities_fixture() {
        let doc: Value =
            serde_json::from_str(include_str!("testdata/inherited-entities.collection.json"))
                .unwrap();
        let c = parse_collection(doc, Path::new("inherited.json")).unwrap();
        assert_eq!(c.name, "Inherited Entities");
        assert_eq!(
            c.auth.as_ref().map(|a| a.param("username")),
            Some("postman".into())
        );
        assert_eq!(c.variables.len(), 3);
        // A folder whose item has `event` written as a single object.
        let folder = c.items.iter().find_map(|n| match n {
            Node::Group(g) if g.items.iter().any(|i| i.name() == "Auth") && g.auth.is_some() => {
                Some(g)
            }
            _ => None,
        });
        let folder = folder.unwrap();
        let Node::Item(auth_item) = &folder.items[0] else {
            panic!("item expected")
        };
        assert_eq!(auth_item.events.len(), 1);
        assert_eq!(
            auth_item.request.url.raw,
            "https://postman-echo.com/digest-auth"
        );
    }

    #[test]
    fn load_collection_bom_file() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut f, include_bytes!("testdata/bom.collection.json")).unwrap();
        assert_eq!(
            &include_bytes!("testdata/bom.collection.json")[..3],
            b"\xEF\xBB\xBF"
        );
        let c = load_collection(f.path()).unwrap();
        assert!(!c.items.is_empty());
    }

    #[test]
    fn load_collection_missing_file() {
        let d = load_collection(Path::new("/nonexistent/dir/c.json")).unwrap_err();
        assert_eq!(
            d.message,
            "cannot read collection file: No such file or directory"
        );
    }

    #[test]
    fn load_collection_body_and_url_kept() {
        let c = parse(
            json!({"item": [{"request": {"url": {"raw": "http://a/b", "host": ["a"], "path": ["b"]},
            "body": {"mode": "raw", "raw": "hi"}}}]}),
        )
        .unwrap();
        let r = &item(&c.items[0]).request;
        // Structured parts win over `raw`, as in Postman; no protocol was given.
        assert_eq!(r.url.to_template(), "a/b");
        assert_eq!(
            r.body.as_deref(),
            Some(&Body::Raw {
                raw: "hi".into(),
                language: None
            })
        );
    }

    fn conformance_dir() -> Option<PathBuf> {
        let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/cases");
        [local, PathBuf::from("/work/shared/conformance/cases")]
            .into_iter()
            .find(|p| p.is_dir())
    }

    #[test]
    fn load_collection_all_conformance_cases() {
        let Some(dir) = conformance_dir() else {
            eprintln!("conformance cases not found; skipping");
            return;
        };
        let mut loaded = 0;
        for case in std::fs::read_dir(dir).unwrap() {
            let case = case.unwrap().path();
            let file = case.join("collection.json");
            if !file.is_file() {
                continue;
            }
            match load_collection(&file) {
                Ok(c) => {
                    assert!(!c.name.is_empty(), "{}", file.display());
                    loaded += 1;
                }
                Err(d) => panic!("{d}"),
            }
            for (name, what) in [
                ("environment.json", "environment"),
                ("globals.json", "globals"),
            ] {
                let f = case.join(name);
                if f.is_file() {
                    crate::collection::environment::load_variable_file(&f, what)
                        .unwrap_or_else(|d| panic!("{d}"));
                }
            }
        }
        assert!(loaded > 0);
    }
}
