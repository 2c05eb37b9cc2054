//! The streaming path gives the same collection as the tree path, and hands every document it
//! does not handle (errors, v1, non-collections) back to it.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{from_reader, from_str};
use crate::collection::load::{load_collection, parse_collection};
use crate::collection::parts::{Ctx, Notes};
use crate::collection::{Collection, LoadedCollection, Node};
use crate::diagnostic::Diagnostic;

const PATH: &str = "dir/api.postman_collection.json";

fn ctx() -> Ctx<'static> {
    Ctx::new(Path::new(PATH), "collection", Notes::Refuse)
}

/// Everything the model holds, as text (the model types do not implement `PartialEq`).
fn model(c: &Collection) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        c.id,
        c.name,
        c.schema,
        c.items,
        c.events,
        c.variables,
        c.auth,
        c.protocol_profile_behavior,
        // Without the file's name, which differs between the two paths, nor repeated keys,
        // which only a file's text shows.
        c.warnings
            .iter()
            .map(|w| w.split_once(": ").map_or(w.as_str(), |(_, rest)| rest))
            .filter(|w| !w.contains("appears more than once"))
            .collect::<Vec<_>>()
    )
}

/// Load `text` from a file, as `postie run` does.
fn load_text(text: &str) -> Result<LoadedCollection, Diagnostic> {
    // Named as the tree's path is, so that the name falls back to the same stem.
    let dir = tempfile::tempdir().expect("test fixture");
    let path = dir.path().join("api.postman_collection.json");
    let mut f = std::fs::File::create(&path).expect("test fixture");
    f.write_all(text.as_bytes()).expect("test fixture");
    load_collection(&path).map_err(|d| Diagnostic { file: None, ..d })
}

/// The tree path's result for `text`.
fn tree(text: &str) -> Result<LoadedCollection, Diagnostic> {
    let doc: Value = serde_json::from_str(text).expect("test fixture");
    parse_collection(doc, Path::new(PATH)).map_err(|d| Diagnostic { file: None, ..d })
}

/// `text` takes the streaming path, and loading it gives what the tree path gives.
fn assert_streams_like_tree(text: &str) -> LoadedCollection {
    assert!(from_str(text, ctx()).is_some(), "not streamed: {text}");
    assert!(
        from_reader(text.as_bytes(), ctx()).is_some(),
        "not read: {text}"
    );
    let tree = tree(text).unwrap_or_else(|d| panic!("{d}: {text}"));
    let file = tempfile::tempdir().expect("test fixture");
    let path = file.path().join("api.postman_collection.json");
    std::fs::write(&path, text).expect("test fixture");
    let loaded = load_collection(&path).expect("test fixture");
    let tree_model = Collection {
        // The name falls back to the file's stem: use the same one.
        name: if tree.name == "api.postman_collection" {
            loaded.name.clone()
        } else {
            tree.name.clone()
        },
        ..tree.model.clone()
    };
    assert_eq!(model(&loaded), model(&tree_model), "{text}");
    assert_eq!(
        loaded.doc.to_value().expect("test fixture").to_string(),
        tree.doc.to_value().expect("test fixture").to_string(),
        "document kept in order: {text}"
    );
    loaded
}

/// `text` is handed back to the tree path, and loading it gives what the tree path gives.
fn assert_handed_back(text: &str) {
    assert!(from_str(text, ctx()).is_none(), "streamed: {text}");
    assert!(
        from_reader(text.as_bytes(), ctx()).is_none(),
        "read: {text}"
    );
    assert_loads_like_tree(text);
}

/// Loading `text` gives what the tree path gives: the same collection or the same error.
fn assert_loads_like_tree(text: &str) {
    let loaded = load_text(text).map(|c| model(&c));
    let tree = tree(text).map(|c| model(&c));
    match (loaded, tree) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
        (Err(a), Err(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{text}"),
        (a, b) => panic!("{text}: loaded {a:?}, tree {b:?}"),
    }
}

fn group(node: &Node) -> &crate::collection::ItemGroup {
    match node {
        Node::Group(g) => g,
        Node::Item(i) => panic!("expected a folder, got item {}", i.name),
    }
}

fn item(node: &Node) -> &crate::collection::Item {
    match node {
        Node::Item(i) => i,
        Node::Group(g) => panic!("expected an item, got folder {}", g.name),
    }
}

#[test]
fn stream_nested_folders_responses_and_collection_fields() {
    let text = r#"{
        "info": {"_postman_id": "abc", "name": "API", "schema": "s"},
        "item": [
            {"name": "F1", "_postman_id": "f1", "auth": {"type": "noauth"},
             "event": [{"listen": "test", "script": {"exec": ["f1();"]}}],
             "protocolProfileBehavior": {"followRedirects": false},
             "item": [
                {"name": "F2", "item": [{"name": "deep", "request": "http://deep",
                    "response": [{"name": "ex", "code": 200, "body": "{\"a\": 1.50}"}]}]},
                null,
                {"name": "r1", "request": {"method": "post", "url": {"raw": "http://r1/a?b=1",
                    "host": ["r1"], "path": ["a"], "query": [{"key": "b", "value": "1"}]},
                    "header": [{"key": "H", "value": "v", "disabled": true}],
                    "body": {"mode": "raw", "raw": "x", "options": {"raw": {"language": "json"}}},
                    "auth": {"type": "basic", "basic": {"username": "u"}}}}
            ]},
            {"name": "empty folder", "item": []},
            {"name": "single child", "item": [{"name": "only", "request": "http://only"}]},
            {"name": "not a folder", "item": null, "request": "http://r2"}
        ],
        "event": [{"listen": "prerequest", "script": {"exec": "pre();"}}],
        "variable": [{"key": "v", "value": 1}, {"key": "s", "value": "x", "type": "secret"}],
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{t}}"}]},
        "protocolProfileBehavior": {"strictSSL": false},
        "x-unknown": {"kept": [true]}
    }"#;
    let c = assert_streams_like_tree(text);
    assert_eq!(c.items.len(), 4);
    let f1 = group(&c.items[0]);
    assert_eq!(f1.items.len(), 2, "null entries are dropped");
    let deep = item(&group(&f1.items[0]).items[0]);
    assert_eq!(deep.name, "deep");
    let doc = c.doc.to_value().expect("test fixture");
    assert_eq!(
        doc["item"][0]["item"][0]["item"][0]["response"][0]["body"],
        "{\"a\": 1.50}"
    );
    assert_eq!(item(&f1.items[1]).request.method, "POST");
    assert_eq!(group(&c.items[2]).items[0].name(), "only");
    assert_eq!(item(&c.items[3]).request.url.raw, "http://r2");
    assert_eq!(c.variables.len(), 2);
}

#[test]
fn stream_wrapped_form_and_its_look_alikes() {
    let wrapped =
        r#"{"collection": {"info": {"name": "wrapped"}, "item": [{"request": "http://a"}]}}"#;
    let c = assert_streams_like_tree(wrapped);
    assert_eq!(c.name, "wrapped");
    assert!(
        c.doc
            .to_value()
            .expect("test fixture")
            .get("collection")
            .is_none()
    );
    // The last of duplicate `collection` keys wins, as in a tree.
    assert_streams_like_tree(
        r#"{"collection": {"item": [{"name": "first"}]}, "collection": {"item": [{"name": "second"}]}}"#,
    );
    // Not the API form: other keys, or a `collection` that is not an object.
    assert_streams_like_tree(r#"{"collection": {"item": []}, "item": [{"name": "top"}]}"#);
    // (A number there is handed back to the tree: serde_json reads numbers as special objects.)
    assert_loads_like_tree(r#"{"info": {"name": "n"}, "collection": 5, "item": []}"#);
    assert_streams_like_tree(r#"{"collection": [1, {"a": null}], "info": {"name": "n"}}"#);
    // A wrapped v1 collection goes through the tree.
    assert_handed_back(
        r#"{"collection": {"id": "1", "name": "old", "order": [], "requests": []}}"#,
    );
}

#[test]
fn stream_duplicate_keys_last_wins() {
    assert_streams_like_tree(
        r#"{"item": [{"name": "a", "name": "b", "request": "http://1", "request": "http://2",
            "item": [{"name": "child"}], "item": null}],
           "info": {"name": "x"}, "info": {"name": "y"}}"#,
    );
    assert_streams_like_tree(r#"{"item": null, "info": {"name": "x"}, "item": [{"name": "i"}]}"#);
}

#[test]
fn stream_bom_and_utf16_files_load_alike() {
    let text = r#"{"info": {"name": "ünï"}, "item": [{"name": "é", "request": "http://x/é"}]}"#;
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(text.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let mut two_boms = b"\xEF\xBB\xBF".to_vec();
    two_boms.extend_from_slice(&utf8_bom);
    for bytes in [utf8_bom, two_boms, utf16] {
        let mut f = tempfile::NamedTempFile::new().expect("test fixture");
        f.write_all(&bytes).expect("test fixture");
        let c = load_collection(f.path()).expect("test fixture");
        assert_eq!(c.name, "ünï");
        assert_eq!(item(&c.items[0]).request.url.raw, "http://x/é");
        assert_eq!(
            c.doc.to_value().expect("test fixture")["item"][0]["name"],
            "é"
        );
    }
}

/// A collection read from a pipe (`postie run <(…)`): read once, whole.
#[cfg(unix)]
#[test]
fn stream_pipe_is_read_once() {
    let dir = tempfile::tempdir().expect("test fixture");
    let fifo = dir.path().join("c.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipping");
        return;
    }
    for text in [
        r#"{"info": {"name": "piped"}, "item": [{"name": "a", "request": "http://a"}]}"#,
        r#"{"id": "1", "name": "piped", "order": [], "requests": []}"#,
    ] {
        let writer = {
            let (fifo, text) = (fifo.clone(), text.to_string());
            std::thread::spawn(move || std::fs::write(fifo, text))
        };
        let c = load_collection(&fifo).expect("test fixture");
        writer.join().expect("test fixture").expect("test fixture");
        assert_eq!(c.name, "piped");
        assert_eq!(
            c.doc.to_value().expect("test fixture")["info"]["name"],
            "piped"
        );
    }
}

#[test]
fn stream_file_not_utf8_is_read_in_its_legacy_encoding() {
    let mut f = tempfile::NamedTempFile::new().expect("test fixture");
    f.write_all(
        b"{\"info\": {},\n \"item\": [{\"name\": \"Caf\xe9\", \"request\": \"http://x\"}]}",
    )
    .expect("test fixture");
    let c = load_collection(f.path()).expect("read as Latin-1");
    let doc = c.doc.to_value().expect("test fixture");
    assert_eq!(doc["item"][0]["name"], "Caf\u{e9}");
}

#[test]
fn stream_hands_back_what_it_does_not_handle() {
    for text in [
        // v1 collections, other documents, wrong types anywhere.
        r#"{"id": "x", "name": "old", "order": ["a"], "requests": [{"id": "a", "url": "http://x/"}]}"#,
        r#"{"name": "old", "order": "a"}"#,
        r#"{"id": "e", "name": "env", "values": [{"key": "a", "value": "b"}]}"#,
        r#"[]"#,
        r#"5"#,
        r#"{}"#,
        r#"{"item": 5}"#,
        r#"{"item": "x"}"#,
        r#"{"item": [5]}"#,
        r#"{"item": [[]]}"#,
        r#"{"item": [{"name": "f", "item": 1.5}]}"#,
        r#"{"item": [{"name": "f", "item": [true]}]}"#,
        r#"{"item": [{}, {"request": {"url": 5}}]}"#,
        r#"{"item": [{"event": [{"listen": "test", "script": 5}]}]}"#,
        // Values read loosely, with a note that needs the tree path's JSON path.
        r#"{"item": [{"name": "f", "item": {"name": "only", "request": "http://only"}}]}"#,
        r#"{"item": {"name": "only", "request": "http://only"}}"#,
        r#"{"item": [{"request": {"url": "http://a", "header": 7}}]}"#,
    ] {
        assert_handed_back(text);
    }
    // Wrong types in the top-level fields are found after the items: also the tree's.
    for text in [
        r#"{"item": [], "variable": 7}"#,
        r#"{"item": [], "auth": {"type": "basic", "basic": "x"}}"#,
        r#"{"item": [], "event": [{"listen": "test", "script": true}]}"#,
    ] {
        assert!(load_text(text).is_ok_and(|c| !c.warnings.is_empty()));
        assert_loads_like_tree(text);
    }
}

#[test]
fn stream_errors_name_the_item_path_as_the_tree_does() {
    let d =
        load_text(r#"{"item": [{"item": [{}, {"request": {"url": 5}}]}]}"#).expect_err("an error");
    assert!(
        d.message.starts_with("item[0].item[1].request.url: "),
        "{}",
        d.message
    );
}

/// A pretty-printed collection of `n` items, the `broken`-th one (1-based) with `fault` written
/// after its name.
fn big_collection(n: usize, broken: usize, fault: &str) -> String {
    let mut text = String::from("{\n  \"info\": {\"name\": \"big\"},\n  \"item\": [\n");
    for i in 1..=n {
        let extra = if i == broken { fault } else { "" };
        text.push_str(&format!(
            "    {{\n      \"name\": \"GET {i}\"{extra},\n      \"request\": {{\"url\": \"http://x/{i}\"}}\n    }}{}\n",
            if i < n { "," } else { "" }
        ));
    }
    text.push_str("  ]\n}\n");
    text
}

#[test]
fn stream_malformed_item_deep_in_the_file_gives_its_line_and_column() {
    let text = big_collection(500, 400, " \"stray\"");
    let d = load_text(&text).expect_err("an error");
    // Item 400 starts on line 4 + 4 * 399; its name is on the next line.
    let line = 4 + 4 * 399 + 1;
    let col = "      \"name\": \"GET 400\" ".chars().count() + 1;
    assert_eq!(d.position, Some((line, col)), "{d}");
    assert_eq!(d.message, "invalid JSON: expected `,` or `}`");
    // A lone surrogate is an error of the tree, not of a skipped value: still reported.
    let text = big_collection(50, 40, r#", "x": "\udc00""#);
    let d = load_text(&text).expect_err("an error");
    assert!(d.position.is_some_and(|(l, _)| l == 4 + 4 * 39 + 1), "{d}");
    // Trailing text after the document.
    let d = load_text(&(big_collection(3, 0, "") + "x")).expect_err("an error");
    assert_eq!(d.position, Some((18, 1)), "{d}");
}

/// `depth` folders nested in one another, `innermost` in the last one's `item` array.
fn nested_folders(depth: usize, innermost: &str) -> String {
    let mut text = String::new();
    for _ in 0..depth {
        text.push_str(r#"{"name": "f", "item": ["#);
    }
    text.push_str(innermost);
    for _ in 0..depth {
        text.push_str("]}");
    }
    text
}

#[test]
fn stream_nesting_limit_is_the_trees() {
    // serde_json refuses the 128th nested container. The root and its `item` array are two, and
    // each folder two more (the folder and its `item` array): 62 folders and an item make 127.
    let fits = format!(
        r#"{{"info": {{}}, "item": [{}]}}"#,
        nested_folders(62, "{}")
    );
    assert_streams_like_tree(&fits);
    let too_deep = format!(
        r#"{{"info": {{}}, "item": [{}]}}"#,
        nested_folders(62, r#"{"request": {}}"#)
    );
    assert!(serde_json::from_str::<Value>(&too_deep).is_err());
    let d = load_text(&too_deep).expect_err("an error");
    assert!(d.message.contains("recursion limit"), "{d}");
    assert!(d.position.is_some());
    // Wrapped, everything is one level deeper.
    let wrapped = format!(r#"{{"collection": {fits}}}"#);
    assert!(serde_json::from_str::<Value>(&wrapped).is_err());
    let d = load_text(&wrapped).expect_err("an error");
    assert!(d.message.contains("recursion limit"), "{d}");
}

fn fixtures() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        here.join("collections/partner-api.postman_collection.json"),
        here.join("src/collection/testdata/helper-v2.0-auth.collection.json"),
        here.join("src/collection/testdata/inherited-entities.collection.json"),
        here.join("src/collection/testdata/bom.collection.json"),
    ];
    let cases = [
        here.join("../shared/conformance/cases"),
        PathBuf::from("/work/shared/conformance/cases"),
    ];
    if let Some(dir) = cases.iter().find(|d| d.is_dir()) {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("test fixture")
            .filter_map(|e| e.ok().map(|e| e.path().join("collection.json")))
            .filter(|p| p.is_file())
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

#[test]
fn stream_fixtures_load_as_the_tree_does() {
    for path in fixtures() {
        let loaded = load_collection(&path).unwrap_or_else(|d| panic!("{d}"));
        let doc = crate::collection::json::read_json(&path, "collection").expect("test fixture");
        let tree = parse_collection(doc, &path).expect("test fixture");
        if tree.warnings.is_empty() {
            let text =
                crate::collection::json::read_text(&path, "collection").expect("test fixture");
            assert!(from_str(&text, ctx()).is_some(), "{}", path.display());
        }
        assert_eq!(model(&loaded), model(&tree), "{}", path.display());
        assert_eq!(
            loaded.doc.to_value().expect("test fixture").to_string(),
            tree.doc.to_value().expect("test fixture").to_string(),
            "{}",
            path.display()
        );
    }
}
