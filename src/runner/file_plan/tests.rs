//! A disk-backed collection's plan is the in-memory plan: same items in the same order with the
//! same inherited scripts, auth and behaviour, same `--folder` choices and `setNextRequest`
//! targets. Every collection here is loaded both ways (disk-backed from 0 bytes on).

use super::super::plan::PlannedItem;
use super::super::source::{ItemSource, item_source};
use crate::collection::{LoadOptions, LoadedCollection, load_collection_with};
use crate::diagnostic::Diagnostic;

/// Folders in folders, scripts, auth and behaviour at every level, items with and without ids,
/// repeated names, an empty folder, a folder named like an item.
const NESTED: &str = r#"{
  "info": {"name": "nested"},
  "item": [
    {"name": "top", "id": "id-top", "request": "http://h/top"},
    {"name": "F1", "id": "f1",
     "event": [{"listen": "prerequest", "script": {"exec": ["// F1 pre"]}},
               {"listen": "test", "script": {"exec": ["// F1 test"]}}],
     "auth": {"type": "basic", "basic": [{"key": "username", "value": "f1"}]},
     "protocolProfileBehavior": {"followRedirects": false, "strictSSL": false},
     "item": [
       {"name": "a", "request": "http://h/a",
        "event": [{"listen": "test", "script": {"exec": ["// a test"]}}]},
       {"name": "F2",
        "event": [{"listen": "test", "disabled": true, "script": {"exec": ["// F2 test"]}},
                  {"listen": "prerequest", "script": {"exec": ["// F2 pre"]}}],
        "auth": {"type": "noauth"},
        "protocolProfileBehavior": {"followRedirects": true},
        "item": [
          {"name": "deep", "id": "id-deep", "request": {"url": "http://h/deep",
            "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]}},
           "protocolProfileBehavior": {"strictSSL": true}},
          {"name": "a", "request": "http://h/deep-a"},
          {"name": "empty", "item": []}
        ]},
       {"name": "b", "id": "id-b", "request": "http://h/b"}
     ]},
    null,
    {"name": "a", "request": "http://h/last-a"},
    {"name": "F3", "item": [{"name": "single", "request": "http://h/single"}]},
    {"name": "F1", "request": "http://h/named-like-a-folder"}
  ],
  "event": [{"listen": "prerequest", "script": {"exec": ["// collection pre"]}},
            {"listen": "test", "script": {"exec": ["// collection test"]}}],
  "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "k"}]},
  "protocolProfileBehavior": {"maxRedirects": 3}
}"#;

/// `text` loaded from a file: in memory, and disk-backed.
fn both(text: &str) -> (LoadedCollection, LoadedCollection, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("test fixture");
    let path = dir.path().join("c.postman_collection.json");
    std::fs::write(&path, text).expect("test fixture");
    let load = |from: u64| {
        load_collection_with(
            &path,
            LoadOptions {
                disk_items_from: from,
            },
        )
        .expect("test fixture")
    };
    let (memory, disk) = (load(u64::MAX), load(0));
    assert!(memory.item_file.is_none());
    assert!(disk.item_file.is_some(), "disk-backed");
    (memory, disk, dir)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("test runtime")
}

/// Everything a planned item carries, as text.
fn describe(p: &PlannedItem<'_>) -> String {
    let sources = |scripts: &[crate::runner::plan::PlannedScript<'_>]| -> Vec<String> {
        scripts
            .iter()
            .map(|s| format!("{}: {}", s.owner, s.source))
            .collect()
    };
    format!(
        "{:?} {:?} {} {:?} pre={:?} test={:?} auth={:?} behavior={:?}",
        p.item.id,
        p.item.name,
        p.item.request.url.raw,
        p.folders,
        sources(p.prerequest()),
        sources(p.test()),
        p.auth,
        p.behavior
    )
}

/// The items of one iteration, read in order.
fn read_all(plan: &dyn ItemSource) -> Result<Vec<String>, Diagnostic> {
    runtime().block_on(async {
        let mut reader = plan.reader();
        let mut out = Vec::new();
        let mut position = 0;
        while let Some(p) = reader.get(position).await? {
            out.push(describe(&p));
            position += 1;
        }
        Ok(out)
    })
}

fn plans<'c>(
    memory: &'c LoadedCollection,
    disk: &'c LoadedCollection,
    folders: &[&str],
) -> (Box<dyn ItemSource + 'c>, Box<dyn ItemSource + 'c>) {
    let folders: Vec<String> = folders.iter().map(|s| s.to_string()).collect();
    let m = item_source(memory, &folders).expect("memory plan");
    let d = item_source(disk, &folders).expect("disk plan");
    (m, d)
}

#[test]
fn file_plan_items_inherit_like_the_memory_plan() {
    let (memory, disk, _dir) = both(NESTED);
    assert!(
        disk.items
            .iter()
            .all(|n| matches!(n, crate::collection::Node::Group(_)))
    );
    let (m, d) = plans(&memory, &disk, &[]);
    assert_eq!(m.len(), 8);
    assert_eq!(d.len(), m.len());
    let (m_items, d_items) = (read_all(&*m).expect("read"), read_all(&*d).expect("read"));
    assert_eq!(d_items, m_items);
    // The inheritance itself, on one item: folder scripts with their owners, `noauth` over the folder's basic
    // auth but under the item's own bearer, behaviour merged down to the item.
    let deep = &d_items[2];
    assert!(deep.contains("\"deep\""), "{deep}");
    assert!(
        deep.contains(r#"pre=["nested: // collection pre", "F1: // F1 pre", "F2: // F2 pre"]"#),
        "{deep}"
    );
    assert!(
        deep.contains(r#"test=["nested: // collection test", "F1: // F1 test"]"#),
        "{deep}"
    );
    assert!(deep.contains("bearer"), "{deep}");
    assert!(deep.contains("strict_ssl: Set(true)"), "{deep}");
    assert!(deep.contains("follow_redirects: Set(true)"), "{deep}");
    assert!(deep.contains("max_redirects: Set(3)"), "{deep}");
    assert!(
        d_items[3].contains("auth=None"),
        "noauth stops inheritance: {}",
        d_items[3]
    );
}

#[test]
fn file_plan_folder_selections_match_the_memory_plan() {
    let (memory, disk, _dir) = both(NESTED);
    let cases: [&[&str]; 9] = [
        &["F1"],
        &["F2"],
        &["f1"],
        &["a"],
        &["id-deep"],
        &["single", "top"],
        &["empty"],
        &["F3", "F2", "F3"],
        &["deep", "b"],
    ];
    for folders in cases {
        let (m, d) = plans(&memory, &disk, folders);
        assert_eq!(d.len(), m.len(), "{folders:?}");
        assert_eq!(
            read_all(&*d).expect("read"),
            read_all(&*m).expect("read"),
            "{folders:?}"
        );
    }
    // "F1" is a folder at the top before it is an item: the folder wins, as in memory.
    let (_, d) = plans(&memory, &disk, &["F1"]);
    assert_eq!(d.len(), 4);
    // "a" at the top comes before the "a" inside F1.
    let (_, d) = plans(&memory, &disk, &["a"]);
    assert!(read_all(&*d).expect("read")[0].contains("last-a"));
}

#[test]
fn file_plan_unknown_folder_is_the_same_error() {
    let (memory, disk, _dir) = both(NESTED);
    let wanted = ["F4".to_string()];
    let m = item_source(&memory, &wanted).err().map(|d| d.to_string());
    let d = item_source(&disk, &wanted).err().map(|d| d.to_string());
    assert!(
        m.as_deref()
            .is_some_and(|m| m.contains("did you mean \"F1\"")),
        "{m:?}"
    );
    assert_eq!(d, m);
}

#[test]
fn file_plan_targets_match_the_memory_plan() {
    let (memory, disk, _dir) = both(NESTED);
    for folders in [&[][..], &["F1"][..]] {
        let (m, d) = plans(&memory, &disk, folders);
        for target in [
            "top", "id-top", "a", "id-b", "b", "deep", "F1", "F2", "nothing", "f1",
        ] {
            let want = m.find_target(target).expect("memory target");
            assert_eq!(
                d.find_target(target).expect("disk target"),
                want,
                "{target}"
            );
            // Asked again: remembered, same answer.
            assert_eq!(
                d.find_target(target).expect("disk target"),
                want,
                "{target}"
            );
        }
    }
}

#[test]
fn file_plan_reader_goes_back_and_forth() {
    let (memory, disk, _dir) = both(NESTED);
    let (m, d) = plans(&memory, &disk, &[]);
    let all = read_all(&*m).expect("read");
    let order = [0, 3, 3, 1, 7, 2, 2, 0, 6, 8, 5];
    runtime().block_on(async {
        let mut reader = d.reader();
        for position in order {
            let got = reader
                .get(position)
                .await
                .expect("read")
                .map(|p| describe(&p));
            assert_eq!(got.as_ref(), all.get(position), "{position}");
        }
    });
    // Two readers at once (parallel iterations) each have their own place.
    runtime().block_on(async {
        let (mut one, mut two) = (d.reader(), d.reader());
        for position in 0..all.len() {
            let a = one.get(position).await.expect("read").map(|p| describe(&p));
            let b = two
                .get(all.len() - 1 - position)
                .await
                .expect("read")
                .map(|p| describe(&p));
            assert_eq!(a.as_ref(), all.get(position));
            assert_eq!(b.as_ref(), all.get(all.len() - 1 - position));
        }
    });
}

#[test]
fn file_plan_reader_goes_back_to_recent_items_without_reading_again() {
    let (memory, disk, dir) = both(NESTED);
    let (m, d) = plans(&memory, &disk, &[]);
    let all = read_all(&*m).expect("read");
    runtime().block_on(async {
        let mut reader = d.reader();
        for position in 0..all.len() {
            reader.get(position).await.expect("read");
        }
        // The file can no longer be read; the items read last are still there.
        std::fs::write(dir.path().join("c.postman_collection.json"), "{}").expect("test fixture");
        for position in [3, 0, 7] {
            let got = reader
                .get(position)
                .await
                .expect("kept")
                .map(|p| describe(&p));
            assert_eq!(got.as_ref(), all.get(position));
        }
        assert!(
            d.reader().get(0).await.is_err(),
            "a new reader reads the file"
        );
    });
}

#[test]
fn file_plan_api_form_and_byte_order_mark() {
    let wrapped = format!("\u{feff}{{\"collection\": {NESTED}}}");
    let (memory, disk, _dir) = both(&wrapped);
    let (m, d) = plans(&memory, &disk, &[]);
    assert_eq!(read_all(&*d).expect("read"), read_all(&*m).expect("read"));
    assert_eq!(
        disk.doc.to_value().expect("document").to_string(),
        memory.doc.to_value().expect("document").to_string()
    );
}

#[test]
fn file_plan_changed_file_is_an_error() {
    let (_, disk, dir) = both(NESTED);
    let d = item_source(&disk, &[]).expect("plan");
    std::fs::write(
        dir.path().join("c.postman_collection.json"),
        NESTED.replace("top", "TOP!"),
    )
    .expect("test fixture");
    let error = read_all(&*d).expect_err("changed");
    assert!(
        error.to_string().contains("changed since it was loaded"),
        "{error}"
    );
    assert!(d.find_target("b").is_err());
    assert!(disk.doc.to_value().is_err());
}

#[test]
fn file_plan_unusual_shapes_stay_in_memory() {
    let dir = tempfile::tempdir().expect("test fixture");
    let path = dir.path().join("c.json");
    let disk = LoadOptions { disk_items_from: 0 };
    for text in [
        r#"{"item": [{"name": "x", "item": [{"name": "in"}], "item": null}]}"#,
        r#"{"info": {}, "item": [], "item": [{"name": "x"}]}"#,
        r#"{"item": [{"name": "x"}], "collection": {"item": [{"name": "y"}]}}"#,
        r#"{"name": "v1", "order": [], "requests": []}"#,
    ] {
        std::fs::write(&path, text).expect("test fixture");
        let c = load_collection_with(&path, disk).expect("loads");
        assert!(c.item_file.is_none(), "{text}");
    }
    // Bad input fails the same way, with its position.
    std::fs::write(&path, "{\"item\": [{\"name\": \"x\"},]}").expect("test fixture");
    let in_memory = load_collection_with(
        &path,
        LoadOptions {
            disk_items_from: u64::MAX,
        },
    );
    let from_disk = load_collection_with(&path, disk);
    let shown = |r: Result<LoadedCollection, Diagnostic>| r.err().map(|d| d.to_string());
    let error = shown(from_disk);
    assert!(
        error.as_deref().is_some_and(|e| e.contains(":1:")),
        "{error:?}"
    );
    assert_eq!(error, shown(in_memory));
}

#[test]
fn next_prerequest_sources_are_at_hand_without_waiting() {
    let (memory, disk, _dir) = both(NESTED);
    // Outermost first: the collection's, then the folders'.
    let all = ["// collection pre", "// F1 pre", "// F2 pre"];
    let plan = item_source(&memory, &[]).expect("memory plan");
    let reader = plan.reader();
    assert_eq!(reader.prerequest_sources(0), all[..1], "top");
    assert_eq!(reader.prerequest_sources(1), all[..2], "a in F1");
    assert_eq!(reader.prerequest_sources(2), all, "deep in F2");
    assert!(
        reader.prerequest_sources(plan.len()).is_empty(),
        "past the end"
    );

    let plan = item_source(&disk, &[]).expect("disk plan");
    let mut reader = plan.reader();
    assert!(reader.prerequest_sources(1).is_empty(), "nothing read yet");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let first = reader
            .get(0)
            .await
            .expect("read")
            .map(|p| p.item.name.clone());
        assert_eq!(first.as_deref(), Some("top"));
    });
    // Usually in the batch that brought the first item (unless the reading thread sent early).
    let next = reader.prerequest_sources(1);
    assert!(next.is_empty() || next == all[..2], "{next:?}");
    runtime.block_on(async {
        let third = reader
            .get(2)
            .await
            .expect("read")
            .map(|p| p.item.name.clone());
        assert_eq!(third.as_deref(), Some("deep"));
    });
    // Kept once read.
    assert_eq!(reader.prerequest_sources(1), all[..2], "a in F1, read");
    assert_eq!(reader.prerequest_sources(2), all, "deep in F2, read");
}
