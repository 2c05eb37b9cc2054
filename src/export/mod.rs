//! The only code that writes files: exported environments and globals (and later reports),
//! each written atomically (temporary file in the same folder, then rename) after creating parent
//! folders, so a crash never leaves half a file and exporting over the input file is safe.
//!
//! Exports are lossless: the document as loaded is kept and only the `values` array is patched,
//! so unknown fields, key order, variable types and `enabled` flags survive. A collection is
//! written straight from its kept text, without building its tree.

use crate::collection::{LoadedCollection, PrettyOptions, Variable, VariableFile};
use crate::diagnostic::Diagnostic;
use crate::vars::VariableScope;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

mod stale;
pub(crate) mod target;

/// How exported variables are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ExportStyle {
    /// As Newman writes them: every value as the run holds it (typed values cast, Postman's
    /// `enabled: false` dropped since Newman ignores it), an API-wrapped file unwrapped; the
    /// file's other fields and order are kept.
    #[default]
    Newman,
    /// `--export-as-loaded`: a variable the run did not change keeps its entry exactly as
    /// loaded (an unchanged file exports identical to itself), wrappers are kept.
    AsLoaded,
}

/// Build the document for an exported environment or globals scope.
///
/// With the file it was loaded from, that document is patched; otherwise a fresh Postman-style
/// document is made (`what` is `environment` or `globals`).
pub fn variable_file_document(
    original: Option<&VariableFile>,
    scope: &VariableScope,
    what: &str,
    style: ExportStyle,
) -> Value {
    let Some(file) = original else {
        let mut doc = Map::new();
        doc.insert("id".into(), json!(uuid::Uuid::new_v4().to_string()));
        doc.insert("name".into(), json!(what));
        doc.insert(
            "values".into(),
            Value::Array(patch_values(&[], &[], scope.entries(), style)),
        );
        doc.insert("_postman_variable_scope".into(), json!(what));
        return Value::Object(doc);
    };
    let patched = match &file.doc {
        // A bare array of values is not a Postman export; write the standard form so Postman
        // and other tools can read it back.
        Value::Array(values) => json!({
            "name": what,
            "values": patch_values(values, &file.values, scope.entries(), style),
            "_postman_variable_scope": what,
        }),
        Value::Object(map) => {
            let mut map = map.clone();
            let old = match map.get("values") {
                Some(Value::Array(values)) => values.clone(),
                // A single entry is read as a list of one.
                Some(single @ Value::Object(_)) => vec![single.clone()],
                _ => Vec::new(),
            };
            map.insert(
                "values".into(),
                Value::Array(patch_values(&old, &file.values, scope.entries(), style)),
            );
            Value::Object(map)
        }
        other => other.clone(),
    };
    match &file.wrapper {
        Some(key) if style == ExportStyle::AsLoaded => json!({ key.as_str(): patched }),
        _ => patched,
    }
}

/// The collection document with its `variable` array updated to `scope` (collection variables as
/// scripts left them); everything else is the document as loaded. This builds the document's
/// tree; [`write_collection`] writes the same without it.
pub fn collection_document(
    collection: &LoadedCollection,
    scope: &VariableScope,
    style: ExportStyle,
) -> Result<Value, Diagnostic> {
    let mut doc = collection
        .doc
        .to_value()
        .map_err(|e| unreadable_document(collection, &e))?;
    if let (Some(variables), Value::Object(map)) =
        (patched_variables(collection, scope, style)?, &mut doc)
    {
        map.insert("variable".into(), variables);
    }
    Ok(doc)
}

/// Write [`collection_document`] to `path` as [`write_json`] would, straight from the kept text.
pub fn write_collection(
    path: &Path,
    collection: &LoadedCollection,
    scope: &VariableScope,
    style: ExportStyle,
) -> Result<(), Diagnostic> {
    let variables = patched_variables(collection, scope, style)?;
    let options = PrettyOptions {
        indent: b"\t",
        replace: variables.as_ref().map(|v| ("variable", v)),
        mask: None,
    };
    write_atomically_with(path, &mut |out| {
        collection.doc.write_pretty(out, &options)?;
        out.write_all(b"\n")
    })
}

/// The collection's `variable` array updated to `scope`; `None` when it is written as loaded
/// (`AsLoaded` and nothing changed, or no variables at all).
fn patched_variables(
    collection: &LoadedCollection,
    scope: &VariableScope,
    style: ExportStyle,
) -> Result<Option<Value>, Diagnostic> {
    let unchanged = scope.entries() == collection.variables.as_slice();
    if unchanged && (style == ExportStyle::AsLoaded || collection.variables.is_empty()) {
        return Ok(None);
    }
    let loaded = collection
        .doc
        .field("variable")
        .map_err(|e| unreadable_document(collection, &e))?;
    let old = match loaded {
        Some(Value::Array(values)) => values,
        Some(single @ Value::Object(_)) => vec![single],
        _ => Vec::new(),
    };
    Ok(Some(Value::Array(patch_values(
        &old,
        &collection.variables,
        scope.entries(),
        style,
    ))))
}

fn unreadable_document(collection: &LoadedCollection, e: &serde_json::Error) -> Diagnostic {
    Diagnostic::new(format!(
        "cannot read back the document of collection \"{}\": {e}",
        collection.name
    ))
}

/// The new `values` array: each variable reuses the first unused original entry with its key,
/// with `value` (and the switch) patched where they differ from the run's; with
/// [`ExportStyle::AsLoaded`] an entry whose variable is as it was loaded (`loaded`: the
/// variables read from `original`, in order) stays untouched. New variables are appended,
/// removed ones dropped; entries without a `key` (no variable for Newman) stay where they were.
fn patch_values(
    original: &[Value],
    loaded: &[Variable],
    vars: &[Variable],
    style: ExportStyle,
) -> Vec<Value> {
    // A key that is not a string names its variable as JavaScript's `String()` renders it.
    let key_of = |v: &Value| {
        v.get("key")
            .filter(|k| !k.is_null())
            .map(crate::collection::js_value::js_string)
    };
    let mut used: Vec<bool> = original.iter().map(|o| key_of(o).is_none()).collect();
    // The loaded variable read from original entry `i`: same key, same occurrence of it.
    let loaded_of = |i: usize| -> Option<&Variable> {
        let key = key_of(&original[i])?;
        let nth = original[..i]
            .iter()
            .filter(|o| key_of(o).as_deref() == Some(key.as_str()))
            .count();
        loaded.iter().filter(|v| v.key == key).nth(nth)
    };
    let mut out = Vec::with_capacity(vars.len());
    // Original entries up to `kept` have had their chance to be written as keyless.
    let mut kept = 0;
    let mut keep_keyless = |upto: usize, out: &mut Vec<Value>| {
        while kept < upto {
            if key_of(&original[kept]).is_none() {
                out.push(original[kept].clone());
            }
            kept += 1;
        }
    };
    for var in vars {
        let found = original
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && key_of(o).as_deref() == Some(var.key.as_str()));
        let Some(i) = found else {
            let mut entry = json!({
                "key": var.key,
                "value": var.value,
                "type": var.kind.clone().unwrap_or_else(|| "default".into()),
                "enabled": !var.disabled,
            });
            if var.value.is_none()
                && let Value::Object(map) = &mut entry
            {
                map.remove("value");
            }
            out.push(entry);
            continue;
        };
        used[i] = true;
        keep_keyless(i, &mut out);
        let unchanged =
            loaded_of(i).is_some_and(|l| l.value == var.value && l.disabled == var.disabled);
        let mut entry = original[i].clone();
        if !(style == ExportStyle::AsLoaded && unchanged)
            && let Value::Object(map) = &mut entry
        {
            patch_entry(map, var, style, loaded_of(i));
        }
        out.push(entry);
    }
    keep_keyless(original.len(), &mut out);
    out
}

/// Patch one original entry to `var`: its value, and its switch when that changed.
fn patch_entry(
    map: &mut Map<String, Value>,
    var: &Variable,
    style: ExportStyle,
    loaded: Option<&Variable>,
) {
    if map.get("value") != var.value.as_ref() {
        match &var.value {
            Some(value) => map.insert("value".into(), value.clone()),
            None => map.remove("value"),
        };
    }
    // A variable a script unset and set again has no type any more: the entry must not cast
    // its value when read back.
    if var.kind.is_none() && loaded.is_some_and(|l| l.kind.is_some()) {
        map.remove("type");
    }
    let written_off = map.get("disabled") == Some(&Value::Bool(true));
    let was_disabled = match style {
        ExportStyle::AsLoaded => loaded.map_or(written_off, |l| l.disabled),
        ExportStyle::Newman => written_off || map.get("enabled") == Some(&Value::Bool(false)),
    };
    if was_disabled != var.disabled {
        // `disabled` is what Newman (and postie) read back: a switched-off entry always has it.
        if map.contains_key("disabled") || var.disabled {
            map.insert("disabled".into(), Value::Bool(var.disabled));
        }
        if map.contains_key("enabled") || !map.contains_key("disabled") {
            map.insert("enabled".into(), Value::Bool(!var.disabled));
        }
    }
}

/// Write `doc` as tab-indented JSON (Postman's own export layout) to `path`, atomically.
pub fn write_json(path: &Path, doc: &Value) -> Result<(), Diagnostic> {
    write_atomically(path, &json_text(path, doc)?)
}

/// [`write_json`] for a document holding credentials: the file is readable and writable by its
/// owner only (mode 0600 on Unix), also when it replaces a file that was not.
pub fn write_private_json(path: &Path, doc: &Value) -> Result<(), Diagnostic> {
    let text = json_text(path, doc)?;
    write_file(path, &mut |out| out.write_all(&text), true)
}

fn json_text(path: &Path, doc: &Value) -> Result<Vec<u8>, Diagnostic> {
    let mut text = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut serializer = serde_json::Serializer::with_formatter(&mut text, formatter);
    doc.serialize(&mut serializer)
        .map_err(|e| Diagnostic::in_file(path, format!("cannot encode the export: {e}")))?;
    text.push(b'\n');
    Ok(text)
}

/// Placeholder the spooled list is spliced in for.
const SPOOL_MARKER: &str = "__postie_spooled_list__";

/// Placeholder for the value [`SpooledJson::finish_with`] has written by its caller.
const VALUE_MARKER: &str = "__postie_streamed_value__";

/// A JSON document with one large list (the JSON report's `run.executions`) written as the run
/// goes: entries are appended to a temporary file next to the target, so memory stays flat however
/// long the run; [`SpooledJson::finish`] writes the rest of the document around them and renames
/// the result into place. Dropping it unfinished removes the temporary files.
pub struct SpooledJson {
    path: PathBuf,
    spool_path: PathBuf,
    spool: Option<std::io::BufWriter<std::fs::File>>,
    entries: usize,
    error: Option<std::io::Error>,
}

impl SpooledJson {
    /// Start spooling for the document that will be written to `path`.
    pub fn create(path: &Path) -> Result<Self, Diagnostic> {
        let dir = parent_dir(path);
        std::fs::create_dir_all(&dir).map_err(|e| cannot_write(path, &e))?;
        if path.is_dir() {
            return Err(Diagnostic::in_file(path, "is a folder, not a file")
                .with_hint("give a file path such as out/report.json"));
        }
        // A device target (`/dev/null`) spools in the system's temporary folder instead.
        let spool_dir = if is_special(path) {
            std::env::temp_dir()
        } else {
            dir
        };
        stale::remove_stale(&spool_dir, &file_name(path));
        let spool_path =
            spool_dir.join(format!(".{}.{}.spool", file_name(path), std::process::id()));
        let file = std::fs::File::create(&spool_path).map_err(|e| cannot_write(path, &e))?;
        Ok(SpooledJson {
            path: path.to_path_buf(),
            spool_path,
            spool: Some(std::io::BufWriter::new(file)),
            entries: 0,
            error: None,
        })
    }

    /// Append one entry to the list (compact JSON, one line each).
    pub fn push(&mut self, entry: &Value) {
        self.push_with(entry, &mut |_| Ok(()));
    }

    /// [`SpooledJson::push`], with `write_value` writing a large value (compact JSON) where
    /// `entry` holds [`SpooledJson::value_placeholder`], straight into the spool.
    pub fn push_with(
        &mut self,
        entry: &Value,
        write_value: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) {
        let Some(spool) = self.spool.as_mut() else {
            return;
        };
        let result = (|| {
            spool.write_all(if self.entries == 0 { b"\n" } else { b",\n" })?;
            let text = serde_json::to_vec(entry).map_err(std::io::Error::other)?;
            let marker = format!("\"{VALUE_MARKER}\"");
            let found = text
                .windows(marker.len())
                .position(|w| w == marker.as_bytes());
            match found {
                Some(at) => {
                    spool.write_all(&text[..at])?;
                    write_value(&mut *spool)?;
                    spool.write_all(&text[at + marker.len()..])
                }
                None => spool.write_all(&text),
            }
        })();
        match result {
            Ok(()) => self.entries += 1,
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
    }

    /// The value to put where the list belongs in the document passed to [`SpooledJson::finish`].
    pub fn placeholder() -> Value {
        Value::String(SPOOL_MARKER.to_string())
    }

    /// The value to put in the document passed to [`SpooledJson::finish_with`] where the value
    /// its caller writes belongs.
    pub fn value_placeholder() -> Value {
        Value::String(VALUE_MARKER.to_string())
    }

    /// Write `doc` (holding [`SpooledJson::placeholder`] where the list goes) with the spooled
    /// entries spliced in, atomically.
    pub fn finish(self, doc: &Value) -> Result<(), Diagnostic> {
        self.finish_with(doc, &mut |_| Ok(()))
    }

    /// [`SpooledJson::finish`], with `write_value` writing a large value where `doc` holds
    /// [`SpooledJson::value_placeholder`]: its pretty JSON, the lines after its first indented
    /// as deep as the placeholder is.
    pub fn finish_with(
        mut self,
        doc: &Value,
        write_value: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let path = self.path.clone();
        if let Some(e) = self.error.take() {
            return Err(cannot_write(&path, &e));
        }
        let spool = self.spool.take().map(|mut w| w.flush());
        if let Some(Err(e)) = spool {
            return Err(cannot_write(&path, &e));
        }
        let mut text = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
        let mut serializer = serde_json::Serializer::with_formatter(&mut text, formatter);
        doc.serialize(&mut serializer)
            .map_err(|e| Diagnostic::in_file(&path, format!("cannot encode the report: {e}")))?;
        let text = String::from_utf8_lossy(&text).into_owned();
        let marker = format!("\"{SPOOL_MARKER}\"");
        let (head, tail) = text.split_once(&marker).unwrap_or((&text, ""));
        let value_marker = format!("\"{VALUE_MARKER}\"");
        let mut write_part = |out: &mut dyn Write, part: &str| match part.split_once(&value_marker)
        {
            Some((before, after)) => {
                out.write_all(before.as_bytes())?;
                write_value(out)?;
                out.write_all(after.as_bytes())
            }
            None => out.write_all(part.as_bytes()),
        };
        let special = is_special(&path);
        let result = (|| {
            let tmp = if special {
                path.clone()
            } else {
                temp_path(&path)
            };
            let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            write_part(&mut out, head)?;
            out.write_all(b"[")?;
            std::io::copy(&mut std::fs::File::open(&self.spool_path)?, &mut out)?;
            out.write_all(if self.entries == 0 { b"]" } else { b"\n]" })?;
            write_part(&mut out, tail)?;
            out.write_all(b"\n")?;
            let file = out.into_inner().map_err(|e| e.into_error())?;
            if special {
                return Ok(());
            }
            file.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        let _ = std::fs::remove_file(&self.spool_path);
        result.map_err(|e| {
            if !special {
                let _ = std::fs::remove_file(temp_path(&path));
            }
            cannot_write(&path, &e)
        })
    }
}

impl Drop for SpooledJson {
    fn drop(&mut self) {
        self.spool.take();
        let _ = std::fs::remove_file(&self.spool_path);
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into())
}

fn temp_path(path: &Path) -> PathBuf {
    parent_dir(path).join(format!(".{}.{}.tmp", file_name(path), std::process::id()))
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::in_file(path, format!("cannot write the file: {e}"))
        .with_hint("check that the folder is writable")
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    write_atomically_with(path, &mut |out| out.write_all(bytes))
}

/// Write what `write` writes to `path` (buffered) the way [`write_atomically`] writes bytes.
pub fn write_atomically_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    write_file(path, write, false)
}

/// A new file for writing; `private`: mode 0600 on Unix.
fn create_file(target: &Path, private: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(target)?;
    #[cfg(unix)]
    if private {
        // A file that already existed keeps its mode through `open`.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = private;
    Ok(file)
}

fn write_file(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    private: bool,
) -> Result<(), Diagnostic> {
    if path.is_dir() {
        return Err(Diagnostic::in_file(path, "is a folder, not a file")
            .with_hint("give a file path such as out/environment.json"));
    }
    let mut write_to = |target: &Path, private: bool| -> std::io::Result<std::fs::File> {
        let mut out = BufWriter::new(create_file(target, private)?);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())
    };
    if is_special(path) {
        // `/dev/null`, `/dev/stdout`, a FIFO: write into it; renaming over it would replace it.
        // Its mode is not postie's to change.
        return write_to(path, false)
            .map(drop)
            .map_err(|e| cannot_write(path, &e));
    }
    std::fs::create_dir_all(parent_dir(path)).map_err(|e| cannot_write(path, &e))?;
    stale::remove_stale(&parent_dir(path), &file_name(path));
    let tmp = temp_path(path);
    let result = (|| {
        write_to(&tmp, private)?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(cannot_write(path, &e));
    }
    Ok(())
}

/// True when `path` exists and is neither a regular file nor a folder (a device, a FIFO).
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::parse_variable_file;

    fn file(doc: Value) -> VariableFile {
        match parse_variable_file(doc, Path::new("env.json"), "environment") {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn export_unchanged_scope_is_identical() {
        let doc = json!({"id": "1", "name": "e", "values": [
            {"key": "a", "value": "1", "type": "secret", "enabled": true, "extra": [1]},
            {"key": "b", "value": "", "enabled": false},
            {"key": "n", "value": "5", "type": "number"},
            {"key": "t", "value": "false", "type": "boolean", "disabled": false}
        ], "_postman_variable_scope": "environment", "zzz": 1});
        let f = file(doc.clone());
        let scope = VariableScope::from_variables(&f.values);
        assert_eq!(
            variable_file_document(Some(&f), &scope, "environment", ExportStyle::AsLoaded),
            doc
        );
    }

    /// Found by the fuzz tests (issue 12): an entry whose `key` is a number or a boolean (read
    /// as the variable `"false"`) was taken for an entry without a key, so the export kept it
    /// and appended the variable again: loaded back, the file held it twice.
    #[test]
    fn export_entries_keyed_by_a_number_or_boolean_are_the_variable_issue_12() {
        let doc = json!({"values": [
            {"key": false, "value": "gone"},
            {"key": 7, "value": "x"}
        ]});
        let f = file(doc.clone());
        assert_eq!(f.values.len(), 2);
        let mut scope = VariableScope::from_variables(&f.values);
        for style in [ExportStyle::AsLoaded, ExportStyle::Newman] {
            assert_eq!(
                variable_file_document(Some(&f), &scope, "environment", style),
                doc
            );
        }
        scope.set("7", json!("y"));
        let out = variable_file_document(Some(&f), &scope, "environment", ExportStyle::AsLoaded);
        assert_eq!(
            out,
            json!({"values": [{"key": false, "value": "gone"}, {"key": 7, "value": "y"}]})
        );
    }

    /// Found by the fuzz tests (issue 12): a `number` variable a script unset and set again to
    /// `""` was written back with its old type, and read back as 0.
    #[test]
    fn export_a_variable_set_anew_drops_its_old_type_issue_12() {
        let f = file(json!({"values": [{"key": "c", "value": "1", "type": "number"}]}));
        let mut scope = VariableScope::from_variables(&f.values);
        scope.unset("c");
        scope.set("c", json!(""));
        for style in [ExportStyle::AsLoaded, ExportStyle::Newman] {
            let out = variable_file_document(Some(&f), &scope, "environment", style);
            assert_eq!(out, json!({"values": [{"key": "c", "value": ""}]}));
        }
    }

    /// Found by the fuzz tests (issue 12): when a run unset a variable whose disabled duplicate
    /// stayed, the duplicate was written into the first entry of that name as `enabled: false`
    /// only, which is not read back: the variable came back switched on. It now gets
    /// `disabled: true`.
    #[test]
    fn export_a_switched_off_entry_gets_disabled_issue_12() {
        let f = file(json!({"values": [
            {"key": "d", "value": "on"},
            {"key": "d", "value": "dup", "disabled": true}
        ]}));
        let mut scope = VariableScope::from_variables(&f.values);
        scope.unset("d");
        for style in [ExportStyle::AsLoaded, ExportStyle::Newman] {
            let out = variable_file_document(Some(&f), &scope, "environment", style);
            assert_eq!(
                out,
                json!({"values": [{"key": "d", "value": "dup", "disabled": true}]})
            );
            let again = file(out);
            assert_eq!(VariableScope::from_variables(&again.values).get("d"), None);
        }
    }

    /// Found by the fuzz tests (issue 12): `values` written as one object (read as a list of
    /// one) was dropped by the export, and the variable written anew lost its `disabled`.
    #[test]
    fn export_a_single_values_object_is_patched_issue_12() {
        let f = file(json!({"values": {"key": "a", "disabled": true, "x": 1}}));
        assert!(f.values[0].disabled);
        let scope = VariableScope::from_variables(&f.values);
        for style in [ExportStyle::AsLoaded, ExportStyle::Newman] {
            assert_eq!(
                variable_file_document(Some(&f), &scope, "environment", style),
                json!({"values": [{"key": "a", "disabled": true, "x": 1}]})
            );
        }
    }

    #[test]
    fn export_patches_values_and_appends_new() {
        let f = file(json!({"environment": {"name": "e", "values": [
            {"key": "a", "value": "1", "type": "secret"}, {"key": "gone", "value": "x"}
        ]}}));
        let mut scope = VariableScope::from_variables(&f.values);
        scope.set("a", json!("2"));
        scope.unset("gone");
        scope.set("token", json!("t"));
        let out = variable_file_document(Some(&f), &scope, "environment", ExportStyle::AsLoaded);
        assert_eq!(
            out,
            json!({"environment": {"name": "e", "values": [
                {"key": "a", "value": "2", "type": "secret"},
                {"key": "token", "value": "t", "type": "default", "enabled": true}
            ]}})
        );
    }

    #[test]
    fn export_bare_array_becomes_a_scope_document() {
        let f = match parse_variable_file(
            json!([{"key": "a", "value": "1"}]),
            Path::new("g.json"),
            "globals",
        ) {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        let scope = VariableScope::from_variables(&f.values);
        let out = variable_file_document(Some(&f), &scope, "globals", ExportStyle::Newman);
        assert_eq!(out["values"], json!([{"key": "a", "value": "1"}]));
        assert_eq!(out["_postman_variable_scope"], "globals");
    }

    #[test]
    fn export_collection_patches_only_changed_variables() {
        let doc = json!({"info": {"name": "c", "x-unknown": 1}, "item": [],
                         "variable": [{"key": "a", "value": "1", "type": "string"}]});
        let collection = crate::collection::parse_collection(doc.clone(), Path::new("c.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut scope = VariableScope::from_variables(&collection.variables);
        let same = collection_document(&collection, &scope, ExportStyle::AsLoaded)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(same, doc);
        scope.set("a", json!("2"));
        scope.set("b", json!(true));
        let out = collection_document(&collection, &scope, ExportStyle::AsLoaded)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out["info"], doc["info"]);
        assert_eq!(
            out["variable"],
            json!([{"key": "a", "value": "2", "type": "string"},
                   {"key": "b", "value": true, "type": "default", "enabled": true}])
        );
    }

    #[test]
    fn export_spooled_list_is_spliced_into_the_document() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("r/report.json");
        let mut spool = SpooledJson::create(&path).unwrap_or_else(|e| panic!("{e}"));
        spool.push(&json!({"n": 1}));
        spool.push(&json!({"n": "two"}));
        let doc = json!({"run": {"executions": SpooledJson::placeholder(), "after": true}});
        spool.finish(&doc).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let back: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            back,
            json!({"run": {"executions": [{"n": 1}, {"n": "two"}], "after": true}})
        );
        let leftovers = std::fs::read_dir(path.parent().unwrap_or(dir.path()))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(leftovers, 1, "temporary files removed");
    }

    #[test]
    fn export_spooled_empty_list_and_drop_cleans_up() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("report.json");
        let spool = SpooledJson::create(&path).unwrap_or_else(|e| panic!("{e}"));
        spool
            .finish(&json!({"e": SpooledJson::placeholder()}))
            .unwrap_or_else(|e| panic!("{e}"));
        let back: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
            .unwrap_or_default();
        assert_eq!(back, json!({"e": []}));
        let other = dir.path().join("other.json");
        drop(SpooledJson::create(&other).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(
            std::fs::read_dir(dir.path())
                .map(|d| d.count())
                .unwrap_or(0),
            1
        );
    }

    #[test]
    fn export_to_dev_null_writes_into_it() {
        let null = Path::new("/dev/null");
        if !is_special(null) {
            return;
        }
        write_json(null, &json!({"x": 1})).unwrap_or_else(|e| panic!("{e}"));
        let spool = SpooledJson::create(null).unwrap_or_else(|e| panic!("{e}"));
        spool
            .finish(&json!({"e": SpooledJson::placeholder()}))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(is_special(null), "/dev/null must stay a device");
    }

    #[test]
    fn export_writes_atomically_creating_folders() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("a/b/env.json");
        write_json(&path, &json!({"x": 1})).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(text, "{\n\t\"x\": 1\n}\n");
        assert!(write_json(dir.path(), &json!({})).is_err());
    }
}
