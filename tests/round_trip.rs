//! Lossless round trip: every collection, environment and globals file we can find is loaded and
//! exported with no changes, and must come back as the same JSON document (same keys in the same
//! order, same values, unknown fields kept), through the real file writer.

use crate::util::json_files;
use postie::collection::{load_collection, load_variable_file, read_json};
use postie::export::{
    ExportStyle, collection_document, variable_file_document, write_collection, write_json,
};
use postie::vars::VariableScope;
use std::path::{Path, PathBuf};

fn roots() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    vec![
        here.join("collections"),
        here.join("environments"),
        here.join("tests"),
        here.join("src/collection/testdata"),
        here.join("../shared/conformance/cases"),
    ]
}

/// True when the shared conformance kit is next to the repository.
fn kit_present() -> bool {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/conformance/cases")
        .is_dir()
}

/// Text form with keys in document order (`Value` equality ignores key order).
fn text(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn read_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Write through the real exporter and read back.
fn through_file(doc: &serde_json::Value, dir: &Path, name: &str) -> serde_json::Value {
    let path = dir.join(name);
    write_json(&path, doc).unwrap_or_else(|e| panic!("{e}"));
    read_json(&path, "export").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn round_trip_collections_are_unchanged() {
    let mut files = Vec::new();
    for root in roots() {
        json_files(&root, &|n| n.contains("collection"), &mut files);
    }
    let dir = crate::util::tempdir();
    let mut checked = 0;
    for path in &files {
        let original = read_json(path, "collection").unwrap_or_else(|e| panic!("{e}"));
        let Ok(collection) = load_collection(path) else {
            continue; // not a collection (e.g. a fixture that must fail to load)
        };
        if !collection.warnings.is_empty() {
            continue; // v1 collections are converted, not round-tripped
        }
        let mut scope = VariableScope::from_variables(&collection.variables);
        let doc = collection_document(&collection, &scope, ExportStyle::AsLoaded)
            .unwrap_or_else(|e| panic!("{e}"));
        let exported = through_file(&doc, dir.path(), "c.json");
        // The API-wrapped form `{"collection": ...}` exports the collection itself.
        let expected = original.get("collection").cloned().unwrap_or(original);
        assert_eq!(text(&exported), text(&expected), "{}", path.display());
        // Written straight from the kept text: the same file, byte for byte.
        let streamed = dir.path().join("streamed.json");
        write_collection(&streamed, &collection, &scope, ExportStyle::AsLoaded)
            .unwrap_or_else(|e| panic!("{e}"));
        let written = dir.path().join("c.json");
        assert_eq!(
            read_bytes(&streamed),
            read_bytes(&written),
            "{}",
            path.display()
        );
        // With changed variables too.
        scope.set("round_trip_added", serde_json::json!("x"));
        write_collection(&streamed, &collection, &scope, ExportStyle::AsLoaded)
            .unwrap_or_else(|e| panic!("{e}"));
        let doc = collection_document(&collection, &scope, ExportStyle::AsLoaded)
            .unwrap_or_else(|e| panic!("{e}"));
        write_json(&written, &doc).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read_bytes(&streamed),
            read_bytes(&written),
            "{}",
            path.display()
        );
        checked += 1;
    }
    let minimum = if kit_present() { 35 } else { 2 };
    assert!(checked >= minimum, "too few collections checked: {checked}");
}

#[test]
fn round_trip_environments_and_globals_are_unchanged() {
    let mut files = Vec::new();
    for root in roots() {
        json_files(
            &root,
            &|n| n.contains("environment") || n.contains("globals"),
            &mut files,
        );
    }
    let dir = crate::util::tempdir();
    let mut checked = 0;
    for path in &files {
        let what = if path.to_string_lossy().contains("globals") {
            "globals"
        } else {
            "environment"
        };
        let Ok(file) = load_variable_file(path, what) else {
            continue; // a file no run can use (a corpus case of bad input) has nothing to export
        };
        let original = read_json(path, what).unwrap_or_else(|e| panic!("{e}"));
        if original.is_array() {
            continue; // a bare array is exported in the standard form on purpose
        }
        if original
            .get("values")
            .is_some_and(|v| !v.is_array() && !v.is_null())
        {
            continue; // `values` that is not a list: postie refuses to export it (D5)
        }
        let scope = VariableScope::from_variables(&file.values);
        let doc = variable_file_document(Some(&file), &scope, what, ExportStyle::AsLoaded);
        let exported = through_file(&doc, dir.path(), "e.json");
        assert_eq!(text(&exported), text(&original), "{}", path.display());
        checked += 1;
    }
    let minimum = if kit_present() { 10 } else { 2 };
    assert!(
        checked >= minimum,
        "too few variable files checked: {checked}"
    );
}

/// `--export-environment` writes variables as Newman does (typed values cast, `enabled: false`
/// dropped); with `--export-as-loaded` an environment the run did not change comes back identical.
#[test]
fn round_trip_export_as_loaded_flag() {
    let dir = crate::util::tempdir();
    // No requests: nothing is sent, only the environment goes through.
    let collection = crate::util::write(
        dir.path(),
        "c.json",
        r#"{"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}"#,
    );
    let env_text = "{\n\t\"name\": \"e\",\n\t\"values\": [\n\t\t{\n\t\t\t\"key\": \"n\",\n\t\t\t\"value\": \"42\",\n\t\t\t\"type\": \"number\"\n\t\t},\n\t\t{\n\t\t\t\"key\": \"off\",\n\t\t\t\"value\": \"x\",\n\t\t\t\"enabled\": false\n\t\t}\n\t]\n}\n";
    let env = crate::util::write(dir.path(), "e.json", env_text);
    let out_path = dir.path().join("out.json").to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "run",
            &collection,
            "-e",
            &env,
            "--export-environment",
            &out_path,
        ];
        args.extend_from_slice(extra);
        let out = crate::util::postie(&args);
        out.check(out.code == 0, "the run passes");
        std::fs::read_to_string(&out_path).unwrap_or_default()
    };
    let as_loaded = run(&["--export-as-loaded"]);
    assert_eq!(as_loaded, env_text);
    let newman: serde_json::Value = serde_json::from_str(&run(&[])).unwrap_or_default();
    assert_eq!(newman["values"][0]["value"], serde_json::json!(42));
    assert_eq!(newman["values"][1]["enabled"], serde_json::json!(true));
}
