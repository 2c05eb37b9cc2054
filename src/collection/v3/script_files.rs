//! Scripts kept as files beside a v3 collection's YAML, both ways. Postman's description of
//! collections schema 3.0.0 gives every request a `.resources/<request>.resources/` folder with
//! `examples` and `scripts` sub-folders, without saying how a request names its script files;
//! postie reads (see `docs/v3-format.md`):
//!
//! - a `scripts` entry with `src` (a path relative to the folder of the YAML file holding it)
//!   instead of `code`: the file's text is the code;
//! - `scripts` given as a path (like `examples`): the folder holds `beforeRequest.js` and
//!   `afterResponse.js` (a definition's: `http:` types);
//! - a request without `scripts` whose `.resources/<request>.resources/scripts/` folder exists:
//!   that folder, read the same way.
//!
//! [`split_scripts`] writes them so (`postie convert --script-files`): one file per script, each
//! entry keeping its `type` and `language` and naming its file with `src`.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::write::FileSet;
use crate::diagnostic::Diagnostic;

/// The script files read into a `scripts` list: each entry's index and its file.
pub(super) type ScriptFiles = Vec<(usize, PathBuf)>;

/// The script types a folder of script files may hold, in run order.
const TYPES: [&str; 2] = ["beforeRequest", "afterResponse"];

/// Replace the file references of `map`'s `scripts` (a request file's or a definition's, read
/// from a file in folder `base`) with the code they name. `default_dir` is the scripts folder a
/// request without `scripts` may have; `prefix` is the type prefix (`http:` in definitions).
/// Returns the files read, by entry.
pub(super) fn inline_scripts(
    map: &mut Map<String, Value>,
    base: &Path,
    default_dir: Option<&Path>,
    prefix: &str,
) -> Result<ScriptFiles, Diagnostic> {
    let (scripts, files) = match map.get_mut("scripts") {
        Some(Value::String(rel)) => from_dir(&within(base, rel), prefix, true)?,
        Some(Value::Array(list)) => {
            let mut files = Vec::new();
            for (i, entry) in list.iter_mut().enumerate() {
                if let Some(file) = entry.as_object_mut().map(|e| inline_entry(e, base)) {
                    files.extend(file?.map(|f| (i, f)));
                }
            }
            return Ok(files);
        }
        Some(_) => return Ok(Vec::new()),
        None => match default_dir.filter(|d| d.is_dir()) {
            Some(dir) => from_dir(dir, prefix, false)?,
            None => return Ok(Vec::new()),
        },
    };
    if !scripts.is_empty() {
        map.insert("scripts".into(), Value::Array(scripts));
    }
    Ok(files)
}

/// One entry: `src` read into `code` (an entry with `code` keeps it); the file read.
fn inline_entry(
    entry: &mut Map<String, Value>,
    base: &Path,
) -> Result<Option<PathBuf>, Diagnostic> {
    if entry.contains_key("code") {
        return Ok(None);
    }
    let Some(src) = entry.get("src").and_then(Value::as_str) else {
        return Ok(None);
    };
    let path = within(base, src);
    let code = read_script(&path)?;
    entry.shift_remove("src");
    entry.insert("code".into(), json!(code));
    Ok(Some(path))
}

/// The scripts of folder `dir` (`beforeRequest.js`, `afterResponse.js`) and their files; `must`
/// makes a missing folder an error (a `scripts` path that names nothing).
fn from_dir(dir: &Path, prefix: &str, must: bool) -> Result<(Vec<Value>, ScriptFiles), Diagnostic> {
    if must && !dir.is_dir() {
        return Err(Diagnostic::in_file(
            dir,
            "`scripts` names this folder of script files, which does not exist",
        ));
    }
    let (mut out, mut files) = (Vec::new(), Vec::new());
    for kind in TYPES {
        let path = dir.join(format!("{kind}.js"));
        if path.is_file() {
            let code = read_script(&path)?;
            files.push((out.len(), path));
            out.push(json!({"type": format!("{prefix}{kind}"), "code": code, "language": "text/javascript"}));
        }
    }
    Ok((out, files))
}

/// `base` joined with relative path `rel`, without `.` steps (`./x.js` is `base/x.js`).
fn within(base: &Path, rel: &str) -> PathBuf {
    base.join(rel)
        .components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect()
}

/// The text of script file `path`.
fn read_script(path: &Path) -> Result<String, Diagnostic> {
    std::fs::read_to_string(path)
        .map_err(|e| Diagnostic::in_file(path, format!("cannot read this script file: {e}")))
}

/// Move the code of every script in `files` into a file of its own (`postie convert
/// --script-files`): a request's go to `.resources/<request>.resources/scripts/`, a
/// definition's to `.resources/scripts/`, each named after its type (`afterResponse.js`,
/// `afterResponse-2.js` for a second one).
pub fn split_scripts(files: &mut FileSet) {
    let mut texts = Vec::new();
    for (rel, value) in &mut files.files {
        let Some(list) = value.get_mut("scripts").and_then(Value::as_array_mut) else {
            continue;
        };
        let (dir, src_base) = scripts_home(rel);
        let mut used: Vec<String> = Vec::new();
        for entry in list.iter_mut().filter_map(Value::as_object_mut) {
            let Some(code) = entry
                .get("code")
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                continue;
            };
            let kind = entry
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("script");
            let kind = kind.strip_prefix("http:").unwrap_or(kind).to_string();
            let n = used.iter().filter(|k| **k == kind).count();
            used.push(kind.clone());
            let file = if n == 0 {
                format!("{kind}.js")
            } else {
                format!("{kind}-{}.js", n + 1)
            };
            let src = json!(format!("{src_base}{file}"));
            *entry = std::mem::take(entry)
                .into_iter()
                .map(|(k, v)| {
                    if k == "code" {
                        ("src".into(), src.clone())
                    } else {
                        (k, v)
                    }
                })
                .collect();
            texts.push((dir.join(file), code));
        }
    }
    files.texts.extend(texts);
}

/// Where the script files of YAML file `rel` go, and the `src` prefix that names them from it.
fn scripts_home(rel: &Path) -> (PathBuf, String) {
    let parent = rel.parent().unwrap_or(Path::new(""));
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.strip_suffix(".request.yaml") {
        Some(stem) => {
            let sub = format!(".resources/{stem}.resources/scripts/");
            (parent.join(&sub), format!("./{sub}"))
        }
        // A definition: `parent` is the scope's `.resources`.
        None => (parent.join("scripts"), "./scripts/".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names_files_after_types() {
        let mut files = FileSet::default();
        let scripts = json!([
            {"type": "afterResponse", "code": "a", "language": "text/javascript"},
            {"type": "afterResponse", "code": "b"}
        ]);
        files.files.push((
            PathBuf::from("f/get.request.yaml"),
            json!({"$kind": "http-request", "scripts": scripts}),
        ));
        split_scripts(&mut files);
        let entry = &files.files[0].1["scripts"];
        assert_eq!(
            entry[0]["src"],
            "./.resources/get.resources/scripts/afterResponse.js"
        );
        assert_eq!(
            entry[1]["src"],
            "./.resources/get.resources/scripts/afterResponse-2.js"
        );
        assert_eq!(
            files.texts[1].0,
            PathBuf::from("f/.resources/get.resources/scripts/afterResponse-2.js")
        );
    }
}
