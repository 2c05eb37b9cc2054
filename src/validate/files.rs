//! The driver: the variable files and data first (their names are what `{{name}}` may use),
//! then each input — a file, a v3 collection folder, or a folder's `*.json` files and v3
//! collection folders — checked as a collection or as an
//! environment/globals file, whichever it is.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::Severity::{Error, Warning};
use super::sink::{Relocate, Sink};
use super::{Finding, Options, Report, members, schema, scripts, sites, v3_places, variables};
use crate::collection::json::{parse_text, read_text};
use crate::collection::{load_data, parse_collection, parse_variable_file, v1, v3};
use crate::diagnostic::Diagnostic;
use crate::script::SyntaxIssue;

/// State shared by the files of one validation.
struct Run<'o> {
    options: &'o Options,
    defined: HashSet<String>,
    compiled: HashMap<String, Option<SyntaxIssue>>,
    members: Option<Option<HashSet<String>>>,
    report: Report,
    folders_seen: HashSet<String>,
    /// Where the findings about the v3 folder or YAML file just read go (it has no JSON text).
    relocate: Option<Relocate<'static>>,
}

/// Check everything `options` names.
pub fn validate(options: &Options) -> Report {
    let mut run = Run {
        options,
        defined: options.extra_names.iter().cloned().collect(),
        compiled: HashMap::new(),
        members: None,
        report: Report::default(),
        folders_seen: HashSet::new(),
        relocate: None,
    };
    for (path, what) in [
        (&options.environment, "environment"),
        (&options.globals, "globals"),
    ] {
        if let Some(path) = path {
            run.variable_file(path, what);
        }
    }
    if let Some(path) = &options.data {
        run.data_file(path);
    }
    for input in &options.inputs {
        for file in expand(input) {
            run.input(&file);
        }
    }
    run.unknown_folders();
    run.report
}

/// A file, or a folder's `*.json` files and v3 collection folders (recursively, in name order).
fn expand(input: &Path) -> Vec<PathBuf> {
    if !input.is_dir() {
        return vec![input.to_path_buf()];
    }
    let mut files = Vec::new();
    let mut dirs = vec![input.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        if looks_v3(&dir) {
            files.push(dir);
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() && !name.starts_with('.') {
                dirs.push(path);
            } else if name.ends_with(".json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether `dir` is a v3 collection folder: it has a `.resources/definition.yaml` or a
/// `*.request.yaml` of its own.
fn looks_v3(dir: &Path) -> bool {
    if dir.join(".resources").join("definition.yaml").is_file() {
        return true;
    }
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".request.yaml") || name.ends_with(".request.yml")
        })
    })
}

impl Run<'_> {
    /// An `unreadable` finding for `path` (a v3 folder's error names the YAML file it is in).
    fn unreadable(&mut self, path: &Path, diagnostic: Diagnostic) {
        let file = diagnostic
            .file
            .clone()
            .unwrap_or_else(|| path.to_path_buf());
        let mut sink = Sink::new(&file, "");
        sink.diagnostic("unreadable", diagnostic);
        self.report.findings.append(&mut sink.findings);
    }

    /// Read and parse `path`, reporting what fails; the text and the document.
    /// A v3 YAML environment or collection folder is read as the JSON document it stands for
    /// (no JSON text: its findings are placed in its YAML files by `relocate`).
    fn read(&mut self, path: &Path, what: &str) -> Option<(String, Value)> {
        let parsed = if path.is_dir() {
            v3::read_dir_mapped(path).map(|(doc, warn, sources)| {
                for warning in &warn.0 {
                    let finding = v3_places::warning(path, warning, "v3");
                    self.report.findings.push(finding);
                }
                self.relocate = Some(v3_places::relocator(sources));
                (String::new(), doc)
            })
        } else if v3::is_yaml_file(path) {
            v3::read_environment(path, what).map(|(doc, warn)| {
                for warning in &warn.0 {
                    let finding = v3_places::warning(path, warning, "v3");
                    self.report.findings.push(finding);
                }
                self.relocate = Some(v3_places::same_shape(path));
                (String::new(), doc)
            })
        } else {
            read_text(path, what)
                .and_then(|text| parse_text(&text, path, what).map(|doc| (text, doc)))
        };
        match parsed {
            Ok(parsed) => Some(parsed),
            Err(diagnostic) => {
                self.unreadable(path, diagnostic);
                None
            }
        }
    }

    /// An `-e`/`-g` file: checked, and its names defined.
    fn variable_file(&mut self, path: &Path, what: &str) {
        let Some((text, doc)) = self.read(path, what) else {
            return;
        };
        let mut sink = Sink::new(path, &text);
        sink.relocate = self.relocate.take();
        self.check_variables(doc, path, what, &mut sink);
        self.report
            .files
            .push((path.to_path_buf(), what.to_string()));
        sink.findings.sort_by_key(|f| f.position);
        self.report.findings.append(&mut sink.findings);
    }

    fn check_variables(&mut self, doc: Value, path: &Path, what: &str, sink: &mut Sink<'_>) {
        schema::check_variable_file(&doc, sink);
        match parse_variable_file(doc, path, what) {
            Ok(file) => {
                for warning in &file.warnings {
                    sink.loader_message(Warning, "schema", warning);
                }
                let names = file.values.into_iter().filter(|v| !v.disabled);
                self.defined.extend(names.map(|v| v.key));
            }
            Err(diagnostic) => sink.diagnostic("schema", diagnostic),
        }
    }

    /// `-d`: its columns are defined names.
    fn data_file(&mut self, path: &Path) {
        match load_data(path) {
            Ok(data) => {
                for row in &data.rows {
                    self.defined.extend(row.keys().cloned());
                }
                self.report.files.push((path.to_path_buf(), "data".into()));
            }
            Err(diagnostic) => self.unreadable(path, diagnostic),
        }
    }

    /// One input file: a collection, or a variable file given as an input.
    fn input(&mut self, path: &Path) {
        let Some((text, doc)) = self.read(path, "collection") else {
            return;
        };
        let mut sink = Sink::new(path, &text);
        sink.relocate = self.relocate.take();
        let scope = variable_scope(&doc);
        let kind = match scope {
            Some(what) => {
                self.check_variables(doc, path, what, &mut sink);
                what.to_string()
            }
            None if path.is_dir() => {
                self.collection(doc, path, &mut sink);
                "collection v3".to_string()
            }
            None => self.collection(doc, path, &mut sink),
        };
        self.report.files.push((path.to_path_buf(), kind));
        sink.findings
            .sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
        self.report.findings.append(&mut sink.findings);
    }

    /// Check a collection; returns what it is (`collection v2.1`, …).
    fn collection(&mut self, doc: Value, path: &Path, sink: &mut Sink<'_>) -> String {
        if doc
            .as_object()
            .is_some_and(|o| o.len() == 1 && o.contains_key("collection"))
        {
            sink.prefix = "collection.";
        }
        let (doc, kind) = match unwrap_api_form(doc) {
            doc if v1::is_v1(&doc) => match v1::convert_v1(&doc) {
                Ok(converted) => {
                    sink.v1_paths = super::v1_paths::map(&doc, &converted);
                    (converted, "collection v1".to_string())
                }
                Err(_) => (doc, "collection v1".to_string()),
            },
            doc => {
                let kind = schema_kind(&doc);
                (doc, kind)
            }
        };
        let Some(root) = doc.as_object() else {
            sink.diagnostic("schema", load_error(doc, path));
            return kind;
        };
        if !kind.ends_with("v1") {
            schema::check_collection(root, sink);
        }
        let sites = sites::gather(root);
        // The loader (the same reading `postie run` does) works on a thread of its own while
        // the checks run; it keeps only its warnings, so the model is freed there too.
        let loaded = std::thread::scope(|scope| {
            let loader = scope.spawn(move || parse_collection(doc, path).map(|l| l.model.warnings));
            self.check_sites(&sites, sink);
            loader.join()
        });
        let loaded = loaded.unwrap_or_else(|_| {
            Err(Diagnostic::in_file(
                path,
                "the collection loader failed on this file",
            ))
        });
        match loaded {
            Ok(warnings) => {
                for warning in &warnings {
                    if !warning.starts_with("this is a Postman v1") {
                        sink.loader_message(Warning, "schema", warning);
                    }
                }
            }
            Err(diagnostic) => sink.diagnostic("schema", diagnostic),
        }
        kind
    }

    /// The checks over a collection's sites.
    fn check_sites(&mut self, sites: &sites::Sites, sink: &mut Sink<'_>) {
        schema::check_features(sites, sink);
        scripts::check_syntax(sites, &mut self.compiled, sink);
        scripts::check_next_requests(sites, sink);
        if sites.scripts.iter().any(|s| s.source.contains("pm.")) {
            let known = self.members.get_or_insert_with(members::known_members);
            if let Some(known) = known {
                scripts::check_members(sites, known, sink);
            }
        }
        let mut defined = scripts::set_names(sites);
        defined.extend(sites.variables.iter().cloned());
        defined.extend(self.defined.iter().cloned());
        variables::check_references(sites, &defined, sink);
        for node in &sites.nodes {
            for folder in &self.options.folders {
                if &node.name == folder || node.id.as_ref() == Some(folder) {
                    self.folders_seen.insert(folder.clone());
                }
            }
        }
    }

    /// `--folder` names no input has.
    fn unknown_folders(&mut self) {
        for folder in &self.options.folders {
            if self.folders_seen.contains(folder) {
                continue;
            }
            self.report.findings.push(Finding {
                severity: Error,
                code: "unknown-folder",
                file: self.options.inputs.first().cloned().unwrap_or_default(),
                path: None,
                position: None,
                line_text: None,
                message: format!("--folder \"{folder}\": no folder or request has that name or id"),
                hint: Some("Newman stops with an error before sending anything".into()),
            });
        }
    }
}

/// `environment` or `globals` when `doc` is a variable file rather than a collection.
fn variable_scope(doc: &Value) -> Option<&'static str> {
    let root = doc.as_object()?;
    let has = |key: &str| root.get(key).is_some_and(|v| !v.is_null());
    if has("item") || has("info") || has("requests") || has("order") {
        return None;
    }
    if has("values") || has("_postman_variable_scope") || has("environment") || has("globals") {
        let globals = root.get("_postman_variable_scope").and_then(Value::as_str)
            == Some("globals")
            || has("globals");
        return Some(if globals { "globals" } else { "environment" });
    }
    None
}

/// The document inside the Postman API's `{"collection": …}` wrapper.
fn unwrap_api_form(doc: Value) -> Value {
    match doc {
        Value::Object(mut root) if root.len() == 1 && root.contains_key("collection") => root
            .remove("collection")
            .unwrap_or(Value::Object(Map::new())),
        doc => doc,
    }
}

/// `collection v2.0`/`v2.1` from `info.schema`.
fn schema_kind(doc: &Value) -> String {
    let schema = doc
        .pointer("/info/schema")
        .and_then(Value::as_str)
        .unwrap_or("");
    if schema.contains("v2.0.") {
        "collection v2.0".into()
    } else {
        "collection v2.1".into()
    }
}

/// The loader's refusal of a document that is not an object.
fn load_error(doc: Value, path: &Path) -> Diagnostic {
    parse_collection(doc, path)
        .err()
        .unwrap_or_else(|| Diagnostic::in_file(path, "not a collection"))
}
