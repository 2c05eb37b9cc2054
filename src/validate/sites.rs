//! What the checks look at, gathered in one walk over a v2.0/v2.1 collection document: every
//! script, every text that may hold `{{name}}` references, every auth type and body mode, every
//! folder and request, each with the JSON path it sits at (the loader's path form, which
//! [`super::locate::JsonMap`] turns into line and column).
//!
//! The checks read these lists only, never the document: a front-end for another format (the v3
//! YAML folders) gives the same lists with its own paths and locator to get the same checks.

use serde_json::{Map, Value};

/// A script as it runs: its source (`exec` lines joined with `\n`) and where `exec` is.
#[derive(Debug, Clone)]
pub struct ScriptSite {
    /// JSON path of `exec` (a string or a list of lines).
    pub path: String,
    /// `prerequest` or `test`.
    pub listen: String,
    /// The source.
    pub source: String,
}

/// A text that may hold `{{name}}` references.
#[derive(Debug, Clone)]
pub struct TextSite {
    /// JSON path of the string.
    pub path: String,
    /// The text.
    pub text: String,
}

/// A folder or a request.
#[derive(Debug, Clone)]
pub struct NodeSite {
    /// JSON path of the item.
    pub path: String,
    /// Its name.
    pub name: String,
    /// Its `id` or `_postman_id`.
    pub id: Option<String>,
    /// A folder (`item` list) rather than a request.
    pub folder: bool,
}

/// Everything the checks look at in one collection.
#[derive(Debug, Default)]
pub struct Sites {
    /// Enabled scripts.
    pub scripts: Vec<ScriptSite>,
    /// Texts of requests (URL, headers, bodies, auth parameters).
    pub texts: Vec<TextSite>,
    /// Auth blocks: JSON path of `type`, and the type.
    pub auths: Vec<(String, String)>,
    /// Bodies: JSON path of `mode`, and the mode as written.
    pub body_modes: Vec<(String, String)>,
    /// Folders and requests, in document order.
    pub nodes: Vec<NodeSite>,
    /// Collection variables' names.
    pub variables: Vec<String>,
}

/// Gather the sites of a v2.0/v2.1 collection document (its root object).
pub fn gather(root: &Map<String, Value>) -> Sites {
    let mut sites = Sites::default();
    events(root.get("event"), "event", &mut sites);
    auth(root.get("auth"), "auth", &mut sites);
    if let Some(Value::Array(vars)) = root.get("variable") {
        for var in vars.iter().filter_map(Value::as_object) {
            if let Some(key) = var
                .get("key")
                .or_else(|| var.get("id"))
                .and_then(Value::as_str)
            {
                sites.variables.push(key.to_string());
            }
        }
    }
    items(root.get("item"), "item", &mut sites);
    sites
}

/// The nodes of an `item` list.
fn items(list: Option<&Value>, at: &str, sites: &mut Sites) {
    let Some(Value::Array(list)) = list else {
        return;
    };
    for (i, node) in list.iter().enumerate() {
        let Some(obj) = node.as_object() else {
            continue;
        };
        let at = format!("{at}[{i}]");
        let folder = obj.get("item").is_some_and(Value::is_array);
        sites.nodes.push(NodeSite {
            path: at.clone(),
            name: obj
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            id: obj
                .get("id")
                .or_else(|| obj.get("_postman_id"))
                .and_then(Value::as_str)
                .map(str::to_string),
            folder,
        });
        events(obj.get("event"), &format!("{at}.event"), sites);
        if folder {
            auth(obj.get("auth"), &format!("{at}.auth"), sites);
            items(obj.get("item"), &format!("{at}.item"), sites);
        } else {
            request(obj.get("request"), &format!("{at}.request"), sites);
        }
    }
}

/// The enabled `prerequest`/`test` scripts of an `event` list.
fn events(list: Option<&Value>, at: &str, sites: &mut Sites) {
    let Some(Value::Array(list)) = list else {
        return;
    };
    for (i, event) in list.iter().enumerate() {
        let Some(event) = event.as_object() else {
            continue;
        };
        let listen = event.get("listen").and_then(Value::as_str).unwrap_or("");
        let disabled = event
            .get("disabled")
            .is_some_and(|d| d == &Value::Bool(true));
        if disabled || !matches!(listen, "prerequest" | "test") {
            continue;
        }
        let Some(exec) = event.get("script").and_then(|s| s.get("exec")) else {
            continue;
        };
        let source = match exec {
            Value::String(s) => s.clone(),
            Value::Array(lines) => lines
                .iter()
                .map(|l| l.as_str().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => continue,
        };
        sites.scripts.push(ScriptSite {
            path: format!("{at}[{i}].script.exec"),
            listen: listen.to_string(),
            source,
        });
    }
}

/// A request: its URL, headers, body and auth.
fn request(request: Option<&Value>, at: &str, sites: &mut Sites) {
    let obj = match request {
        Some(Value::String(url)) => return text(sites, at.to_string(), url),
        Some(Value::Object(obj)) => obj,
        _ => return,
    };
    match obj.get("url") {
        Some(Value::String(url)) => text(sites, format!("{at}.url"), url),
        Some(Value::Object(url)) => {
            match url.get("raw").and_then(Value::as_str) {
                Some(raw) => text(sites, format!("{at}.url.raw"), raw),
                // Without `raw`, the URL is built from its parts.
                None => url_parts(url, &format!("{at}.url"), sites),
            }
            pairs(url.get("variable"), &format!("{at}.url.variable"), sites);
        }
        _ => {}
    }
    pairs(obj.get("header"), &format!("{at}.header"), sites);
    if let Some(Value::Object(body)) = obj.get("body") {
        body_sites(body, &format!("{at}.body"), sites);
    }
    auth(obj.get("auth"), &format!("{at}.auth"), sites);
}

/// The texts of a URL object's `host`, `path` (strings or lists) and `query`.
fn url_parts(url: &Map<String, Value>, at: &str, sites: &mut Sites) {
    for key in ["host", "path"] {
        match url.get(key) {
            Some(Value::String(s)) => text(sites, format!("{at}.{key}"), s),
            Some(Value::Array(parts)) => {
                for (i, part) in parts.iter().enumerate() {
                    if let Value::String(s) = part {
                        text(sites, format!("{at}.{key}[{i}]"), s);
                    }
                }
            }
            _ => {}
        }
    }
    pairs(url.get("query"), &format!("{at}.query"), sites);
}

/// A body's mode and texts.
fn body_sites(body: &Map<String, Value>, at: &str, sites: &mut Sites) {
    let Some(mode) = body.get("mode").and_then(Value::as_str) else {
        return;
    };
    sites
        .body_modes
        .push((format!("{at}.mode"), mode.to_string()));
    match body.get(mode) {
        Some(Value::String(raw)) => text(sites, format!("{at}.{mode}"), raw),
        Some(Value::Array(_)) => pairs(body.get(mode), &format!("{at}.{mode}"), sites),
        Some(Value::Object(fields)) => {
            for (key, value) in fields {
                if let Value::String(s) = value {
                    text(sites, format!("{at}.{mode}.{key}"), s);
                }
            }
        }
        _ => {}
    }
}

/// The `key`/`value` texts of a list of pairs (headers, form fields, path variables).
fn pairs(list: Option<&Value>, at: &str, sites: &mut Sites) {
    let Some(Value::Array(list)) = list else {
        return;
    };
    for (i, pair) in list.iter().enumerate() {
        let Some(pair) = pair.as_object() else {
            continue;
        };
        if pair.get("disabled") == Some(&Value::Bool(true)) {
            continue;
        }
        for key in ["key", "value"] {
            if let Some(Value::String(s)) = pair.get(key) {
                text(sites, format!("{at}[{i}].{key}"), s);
            }
        }
    }
}

/// An auth block: its type and its parameters' texts (v2.1 lists and v2.0 objects).
fn auth(auth: Option<&Value>, at: &str, sites: &mut Sites) {
    let Some(Value::Object(obj)) = auth else {
        return;
    };
    let Some(kind) = obj.get("type").and_then(Value::as_str) else {
        return;
    };
    sites.auths.push((format!("{at}.type"), kind.to_string()));
    match obj.get(kind) {
        Some(Value::Array(_)) => pairs(obj.get(kind), &format!("{at}.{kind}"), sites),
        Some(Value::Object(params)) => {
            for (key, value) in params {
                if let Value::String(s) = value {
                    text(sites, format!("{at}.{kind}.{key}"), s);
                }
            }
        }
        _ => {}
    }
}

/// Keep a text when it holds a reference.
fn text(sites: &mut Sites, path: String, text: &str) {
    if text.contains("{{") || text.contains("<<") {
        sites.texts.push(TextSite {
            path,
            text: text.to_string(),
        });
    }
}
