//! Environment and globals files: Postman-shaped, wrapped, bare lists and random JSON, and the
//! repository's real ones mutated. Properties: no panic; an error names the file (and its
//! line:col or the JSON path of the wrong value); load -> export -> load gives the same
//! variables (`--export-as-loaded`: the same document), also after a run changed some.

use std::path::Path;
use std::sync::OnceLock;

use postie::collection::{Variable, VariableFile, load_variable_file, parse_variable_file};
use postie::export::{ExportStyle, variable_file_document, write_json};
use postie::vars::VariableScope;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::collection::{check_path, check_position};
use super::config::check;
use super::shapes::variable_file;
use super::strategies::{Encoding, edits, encode, encoding, json_files, mutate, scalar, text};

fn fail(message: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(message.into())
}

/// What a run makes of a scope: set (name, value) or unset (name).
#[derive(Debug, Clone)]
enum Change {
    Set(String, Value),
    Unset(String),
}

fn change() -> BoxedStrategy<Change> {
    let name =
        prop_oneof![3 => select(&["a", "b", "c", "d"][..]).prop_map(str::to_string), 1 => text()];
    prop_oneof![
        3 => (name.clone(), scalar()).prop_map(|(k, v)| Change::Set(k, v)),
        1 => name.prop_map(Change::Unset),
    ]
    .boxed()
}

/// `(key, value, disabled)` of each variable: what a run reads back.
fn summary(vars: &[Variable]) -> Vec<(String, Option<Value>, bool)> {
    vars.iter()
        .map(|v| (v.key.clone(), v.value.clone(), v.disabled))
        .collect()
}

/// Export `scope` (loaded as `file`) in `style` and load it again: through the real writer
/// into `dir/name.json` when `dir` is given (it syncs the file: slow), else in memory.
fn export_and_load(
    dir: Option<&Path>,
    file: &VariableFile,
    scope: &VariableScope,
    what: &str,
    style: ExportStyle,
    name: &str,
) -> Result<(Value, VariableFile), TestCaseError> {
    let doc = variable_file_document(Some(file), scope, what, style);
    let again = match dir {
        Some(dir) => {
            let out = dir.join(format!("{name}.json"));
            write_json(&out, &doc).map_err(|d| fail(format!("{name}: export: {d}")))?;
            load_variable_file(&out, what)
        }
        None => {
            let text = serde_json::to_string_pretty(&doc).map_err(|e| fail(e.to_string()))?;
            let parsed = serde_json::from_str(&text).map_err(|e| fail(e.to_string()))?;
            parse_variable_file(parsed, Path::new("export.json"), what)
        }
    };
    let again = again.map_err(|d| fail(format!("{name}: reload: {d}")))?;
    Ok((doc, again))
}

/// Load the variable file holding `text` and check it; then export it unchanged and changed.
fn check_file(
    dir: &Path,
    text: &str,
    encoding: Encoding,
    what: &str,
    changes: &[Change],
) -> Result<(), TestCaseError> {
    let path = dir.join(format!("fuzz.postman_{what}.json"));
    std::fs::write(&path, encode(text, encoding)).map_err(|e| fail(e.to_string()))?;
    let file = match load_variable_file(&path, what) {
        Ok(file) => file,
        Err(d) => {
            prop_assert_eq!(d.file.as_deref(), Some(path.as_path()), "{}", d);
            check_position(&d, text)?;
            if let Ok(doc) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
                let doc = match doc.as_object() {
                    Some(map) if map.len() == 1 => ["environment", "globals"]
                        .iter()
                        .find_map(|k| map.get(*k).filter(|v| v.is_object()))
                        .cloned()
                        .unwrap_or(doc),
                    _ => doc,
                };
                let doc = if doc.is_array() {
                    serde_json::json!({ "values": doc })
                } else {
                    doc
                };
                check_path(&d.message, &doc)?;
            }
            return Ok(());
        }
    };
    // Unchanged, as loaded: the very same document comes back.
    let scope = VariableScope::from_variables(&file.values);
    let (doc, again) = export_and_load(
        Some(dir),
        &file,
        &scope,
        what,
        ExportStyle::AsLoaded,
        "as-loaded",
    )?;
    prop_assert_eq!(summary(&again.values), summary(&file.values));
    // (A document without a `values` list gets one.)
    if file.doc.get("values").is_some_and(Value::is_array) {
        let original = match &file.wrapper {
            Some(key) => serde_json::json!({ key.as_str(): file.doc.clone() }),
            None => file.doc.clone(),
        };
        prop_assert_eq!(
            serde_json::to_string(&doc).ok(),
            serde_json::to_string(&original).ok()
        );
    }
    // Newman's way: typed values as the run holds them; a second export changes nothing more.
    let (_, once) = export_and_load(None, &file, &scope, what, ExportStyle::Newman, "newman")?;
    let scope_once = VariableScope::from_variables(&once.values);
    let (_, twice) = export_and_load(
        None,
        &once,
        &scope_once,
        what,
        ExportStyle::Newman,
        "newman-2",
    )?;
    prop_assert_eq!(summary(&twice.values), summary(&once.values));
    // After a run changed it: what the run held is what comes back, in both styles.
    let mut changed = scope.clone();
    for change in changes {
        match change {
            Change::Set(k, v) => changed.set(k, v.clone()),
            Change::Unset(k) => changed.unset(k),
        }
    }
    for (style, name) in [
        (ExportStyle::AsLoaded, "changed-as-loaded"),
        (ExportStyle::Newman, "changed-newman"),
    ] {
        let (_, again) = export_and_load(None, &file, &changed, what, style, name)?;
        let back = VariableScope::from_variables(&again.values);
        // Typed `string`/`number`/`boolean` values are cast again when read (`NaN` -> `null` ->
        // 0, as Newman does): only names without such an entry must come back as they were.
        let casts = |v: &Variable| {
            v.kind.as_deref().is_some_and(|k| {
                ["string", "number", "boolean"].contains(&k.to_ascii_lowercase().as_str())
            })
        };
        let typed = |key: &str| changed.entries().iter().any(|v| v.key == key && casts(v));
        for var in changed.entries().iter().filter(|v| !typed(&v.key)) {
            prop_assert_eq!(
                back.get_text(&var.key),
                changed.get_text(&var.key),
                "{}: variable {:?}",
                name,
                var.key
            );
        }
    }
    Ok(())
}

/// Random environment and globals documents.
#[test]
fn fuzz_variable_files_random() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    check(
        "environment/globals (random documents)",
        (
            variable_file(),
            any::<bool>(),
            encoding(),
            select(&["environment", "globals"][..]),
            vec(change(), 0..4),
        ),
        |(doc, pretty, encoding, what, changes)| {
            let text = if pretty {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string(&doc)
            }
            .unwrap_or_default();
            check_file(dir.path(), &text, encoding, what, &changes)
        },
    );
}

fn corpus() -> &'static [Value] {
    static CORPUS: OnceLock<Vec<Value>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        let keep = |name: &str| name.contains("environment") || name.contains("globals");
        for dir in [
            "tests/corpus",
            "environments",
            "src/collection/testdata",
            "../shared/conformance/cases",
        ] {
            json_files(&here.join(dir), &keep, &mut texts);
        }
        texts
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect()
    })
}

/// The repository's environment and globals files, mutated.
#[test]
fn fuzz_variable_files_mutated_corpus() {
    let corpus = corpus();
    assert!(
        corpus.len() > 20,
        "the corpus holds {} variable files",
        corpus.len()
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    check(
        "environment/globals (mutated corpus)",
        (0..corpus.len(), edits(), encoding(), vec(change(), 0..4)),
        |(i, (tree, pretty, text), encoding, changes)| {
            let text = mutate(&corpus[i], &tree, pretty, &text);
            check_file(dir.path(), &text, encoding, "environment", &changes)
        },
    );
}
