//! The collection as Newman's JSON report holds it: postman-collection's `Collection#toJSON`
//! of the collection Newman ran (ids made up for the items, folders and scripts without one,
//! URLs parsed into objects, defaults filled in, `_lastExecutionId` on every script that ran),
//! and the environment and globals as the SDK's `VariableScope#toJSON`. Built from the
//! collection's JSON document, once per run; an item's JSON is looked up by its node ordinal
//! (document order, folders and requests: [`crate::runner::ItemRef::node`]).

pub(crate) mod parts;
pub(crate) mod scope;

use parts::{NewId, auth, description, meta, property, request, truthy, variables};
use serde_json::{Map, Value, json};

/// `Number(text)` as JSON: an integer when it is one, as JavaScript prints it.
pub(crate) fn js_number(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        json!(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// A JSON number as JavaScript's `String(n)` writes it.
pub(crate) fn number_text(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e21 => format!("{}", f as i64),
        _ => n.to_string(),
    }
}

/// Where a node of the collection is in the serialised tree.
#[derive(Debug, Clone)]
struct Node {
    /// JSON pointer of the node.
    pointer: String,
    /// Ordinal of the folder around it; `None` at the top level.
    parent: Option<usize>,
}

/// The collection as the SDK serialises it, and where each node is in it.
#[derive(Debug, Clone, Default)]
pub struct SdkCollection {
    json: Value,
    nodes: Vec<Node>,
}

/// Which scripts ran: `prerequest` or `test`.
pub(crate) type Listen<'a> = &'a str;

impl SdkCollection {
    /// The SDK's serialisation of the collection document `doc`, ids made up by `new_id`.
    pub fn new(doc: &Value, new_id: &mut NewId<'_>) -> Self {
        let mut nodes = Vec::new();
        let empty = Map::new();
        let src = doc.as_object().unwrap_or(&empty);
        let info = src.get("info").and_then(Value::as_object).unwrap_or(&empty);
        // The collection is a Property whose definition is `info`.
        let mut out = Map::new();
        meta(info, &mut out);
        let id = info
            .get("id")
            .filter(|v| truthy(v))
            .or_else(|| info.get("_postman_id").filter(|v| truthy(v)))
            .cloned()
            .unwrap_or_else(|| json!(new_id()));
        let items = group_items(src.get("item"), "/item", None, &mut nodes, new_id);
        out.insert("item".into(), items);
        if let Some(a) = src.get("auth").filter(|a| truthy(a)) {
            out.insert("auth".into(), auth(a));
        }
        out.insert("event".into(), events(src.get("event"), new_id));
        if let Some(ppb) = src.get("protocolProfileBehavior").filter(|v| v.is_object()) {
            out.insert("protocolProfileBehavior".into(), ppb.clone());
        }
        out.insert("variable".into(), variables(src.get("variable")));
        let mut info_out = Map::new();
        info_out.insert("_postman_id".into(), id);
        if let Some(name) = info.get("name").filter(|v| truthy(v)) {
            info_out.insert("name".into(), name.clone());
        }
        if let Some(version) = info.get("version").filter(|v| truthy(v)) {
            info_out.insert("version".into(), version.clone());
        }
        info_out.insert(
            "schema".into(),
            json!("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"),
        );
        if let Some(d) = info.get("description") {
            info_out.insert("description".into(), description(d));
        }
        out.insert("info".into(), Value::Object(info_out));
        SdkCollection {
            json: Value::Object(out),
            nodes,
        }
    }

    /// The whole collection.
    #[cfg(test)]
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The whole collection, taken.
    pub fn into_json(self) -> Value {
        self.json
    }

    /// The item (or folder) at node ordinal `node`.
    pub fn node(&self, node: usize) -> Option<&Value> {
        self.json.pointer(&self.nodes.get(node)?.pointer)
    }

    /// The folder (or the collection) the node `node` is in.
    pub fn parent(&self, node: usize) -> Option<&Value> {
        match self.nodes.get(node)?.parent {
            Some(parent) => self.node(parent),
            None => Some(&self.json),
        }
    }

    /// The auth node `node`'s request is sent with: its own, else the nearest folder's, else the
    /// collection's.
    pub fn auth_for(&self, node: usize) -> Option<&Value> {
        // An auth without a type is none: the item inherits.
        let typed = |auth: &&Value| auth.get("type").is_some();
        let own = self.node(node)?.get("request").and_then(|r| r.get("auth"));
        if let Some(own) = own.filter(typed) {
            return Some(own);
        }
        let mut at = self.nodes.get(node)?.parent;
        while let Some(n) = at {
            if let Some(auth) = self.node(n).and_then(|g| g.get("auth")).filter(typed) {
                return Some(auth);
            }
            at = self.nodes.get(n)?.parent;
        }
        self.json.get("auth").filter(typed)
    }

    /// The `listen` scripts that run for node `node`, outermost first: the collection's,
    /// each folder's, the item's own; each as the pointer of its `script`.
    fn scripts(&self, node: usize, listen: Listen<'_>) -> Vec<String> {
        let mut chain = Vec::new();
        let mut at = Some(node);
        while let Some(n) = at {
            let Some(place) = self.nodes.get(n) else {
                break;
            };
            chain.push(place.pointer.clone());
            at = place.parent;
        }
        chain.push(String::new());
        chain.reverse();
        let mut out = Vec::new();
        for pointer in chain {
            let Some(Value::Array(events)) = self.json.pointer(&format!("{pointer}/event")) else {
                continue;
            };
            for (i, event) in events.iter().enumerate() {
                let runs = event.get("listen").and_then(Value::as_str) == Some(listen)
                    && event.get("disabled") != Some(&json!(true))
                    && event.get("script").is_some_and(|s| s.get("exec").is_some());
                if runs {
                    out.push(format!("{pointer}/event/{i}/script"));
                }
            }
        }
        out
    }

    /// The `listen` scripts of node `node` ran: each gets its `_lastExecutionId` (one per
    /// script for the run). Returns the `(id, execution id)` of the `nth` of those the runner
    /// runs (not disabled, not blank; the collection's and folders' first), or of the innermost.
    pub fn ran(
        &mut self,
        node: usize,
        listen: Listen<'_>,
        nth: usize,
        new_id: &mut NewId<'_>,
    ) -> Option<(Value, Value)> {
        let mut last = None;
        let mut runnable = 0;
        let mut chosen = None;
        for pointer in self.scripts(node, listen) {
            if let Some(Value::Object(script)) = self.json.pointer_mut(&pointer) {
                let execution = script
                    .entry("_lastExecutionId")
                    .or_insert_with(|| json!(new_id()))
                    .clone();
                let id = script.get("id").cloned().unwrap_or(Value::Null);
                if !blank_exec(script.get("exec")) {
                    if runnable == nth {
                        chosen = Some((id.clone(), execution.clone()));
                    }
                    runnable += 1;
                }
                last = Some((id, execution));
            }
        }
        chosen.or(last)
    }
}

/// Whether a script's `exec` holds no code (the runner does not run it).
fn blank_exec(exec: Option<&Value>) -> bool {
    match exec {
        Some(Value::String(text)) => text.trim().is_empty(),
        Some(Value::Array(lines)) => lines
            .iter()
            .all(|line| line.as_str().is_none_or(|text| text.trim().is_empty())),
        _ => true,
    }
}

/// The `item` list of a folder at `pointer`, registering every node.
fn group_items(
    items: Option<&Value>,
    pointer: &str,
    parent: Option<usize>,
    nodes: &mut Vec<Node>,
    new_id: &mut NewId<'_>,
) -> Value {
    let items = parts::members(items);
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = format!("{pointer}/{i}");
        let ordinal = nodes.len();
        nodes.push(Node {
            pointer: here.clone(),
            parent,
        });
        let empty = Map::new();
        let src = item.as_object().unwrap_or(&empty);
        let mut node = Map::new();
        property(src, &mut node, Some(new_id));
        if src.get("item").is_some_and(truthy) {
            let children = group_items(
                src.get("item"),
                &format!("{here}/item"),
                Some(ordinal),
                nodes,
                new_id,
            );
            node.insert("item".into(), children);
            if let Some(a) = src.get("auth").filter(|a| truthy(a)) {
                node.insert("auth".into(), auth(a));
            }
            node.insert("event".into(), events(src.get("event"), new_id));
        } else {
            node.insert("request".into(), request(src.get("request")));
            let responses = match src.get("response") {
                Some(Value::Array(list)) => list.iter().map(|r| response(r, new_id)).collect(),
                _ => Vec::new(),
            };
            node.insert("response".into(), Value::Array(responses));
            node.insert("event".into(), events(src.get("event"), new_id));
        }
        if let Some(ppb) = src.get("protocolProfileBehavior").filter(|v| v.is_object()) {
            node.insert("protocolProfileBehavior".into(), ppb.clone());
        }
        out.push(Value::Object(node));
    }
    Value::Array(out)
}

/// A saved example response (roughly: the SDK's Response keeps more, computed, fields).
fn response(v: &Value, new_id: &mut NewId<'_>) -> Value {
    let empty = Map::new();
    let src = v.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, Some(new_id));
    if let Some(r) = src.get("originalRequest").filter(|r| truthy(r)) {
        out.insert("originalRequest".into(), request(Some(r)));
    }
    for field in ["status", "code"] {
        if let Some(v) = src.get(field) {
            out.insert(field.into(), v.clone());
        }
    }
    out.insert("header".into(), parts::headers(src.get("header")));
    if let Some(body) = src.get("body") {
        out.insert("body".into(), body.clone());
    }
    out.insert(
        "cookie".into(),
        src.get("cookie").cloned().unwrap_or(json!([])),
    );
    Value::Object(out)
}

/// An `event` list.
fn events(v: Option<&Value>, new_id: &mut NewId<'_>) -> Value {
    Value::Array(parts::members(v).iter().map(|e| event(e, new_id)).collect())
}

fn event(v: &Value, new_id: &mut NewId<'_>) -> Value {
    let empty = Map::new();
    let src = v.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, None);
    if let Some(listen) = src.get("listen").filter(|l| l.is_string()) {
        out.insert("listen".into(), listen.clone());
    }
    let script = match src.get("script") {
        Some(s @ (Value::String(_) | Value::Array(_))) => Some(script(&json!({"exec": s}), new_id)),
        Some(s @ Value::Object(_)) => Some(script(s, new_id)),
        _ => None,
    };
    if let Some(script) = script {
        out.insert("script".into(), script);
    }
    Value::Object(out)
}

fn script(v: &Value, new_id: &mut NewId<'_>) -> Value {
    let empty = Map::new();
    let src = v.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    property(src, &mut out, Some(new_id));
    let kind = src
        .get("type")
        .filter(|t| truthy(t))
        .cloned()
        .unwrap_or(json!("text/javascript"));
    out.insert("type".into(), kind);
    if let Some(packages) = src.get("packages") {
        out.insert("packages".into(), packages.clone());
    }
    if let Some(s) = src.get("src") {
        out.insert("src".into(), parts::url(Some(s)));
    } else {
        match src.get("exec") {
            Some(Value::String(text)) => {
                let lines: Vec<&str> = text
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l))
                    .collect();
                out.insert("exec".into(), json!(lines));
            }
            Some(lines @ Value::Array(_)) => {
                out.insert("exec".into(), lines.clone());
            }
            _ => {}
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id-{n}")
        }
    }

    #[test]
    fn sdk_collection_moves_identity_into_info_and_numbers_nodes() {
        let doc = json!({
            "info": {"name": "C", "schema": "x"},
            "item": [
                {"name": "F", "item": [{"name": "a", "request": "http://h/a"}]},
                {"name": "b", "id": "b-id", "request": {"url": "http://h/b", "method": "post"}}
            ]
        });
        let mut new_id = ids();
        let sdk = SdkCollection::new(&doc, &mut new_id);
        let json = sdk.json();
        assert_eq!(json["info"]["name"], "C");
        assert_eq!(
            json["info"]["schema"],
            "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        );
        assert!(json["info"]["_postman_id"].is_string());
        assert_eq!(sdk.node(1).map(|n| n["name"].clone()), Some(json!("a")));
        assert_eq!(sdk.parent(1).map(|n| n["name"].clone()), Some(json!("F")));
        assert_eq!(sdk.node(2).map(|n| n["id"].clone()), Some(json!("b-id")));
        assert_eq!(
            sdk.node(2).map(|n| n["request"]["method"].clone()),
            Some(json!("POST"))
        );
        assert_eq!(
            sdk.parent(2).map(|n| n["variable"].clone()),
            Some(json!([]))
        );
    }

    #[test]
    fn sdk_scripts_that_ran_get_one_execution_id() {
        let doc = json!({
            "item": [{"name": "a", "event": [{"listen": "test", "script": {"exec": "x\r\ny"}}]}],
            "event": [{"listen": "test", "script": ["z"]}]
        });
        let mut new_id = ids();
        let mut sdk = SdkCollection::new(&doc, &mut new_id);
        let before = sdk.node(0).cloned().unwrap_or_default();
        assert!(
            before["event"][0]["script"]
                .get("_lastExecutionId")
                .is_none()
        );
        let first = sdk.ran(0, "test", 0, &mut new_id);
        let again = sdk.ran(0, "test", 0, &mut new_id);
        assert_eq!(first, again);
        let item = sdk.node(0).cloned().unwrap_or_default();
        assert_eq!(item["event"][0]["script"]["exec"], json!(["x", "y"]));
        assert!(item["event"][0]["script"]["_lastExecutionId"].is_string());
        assert!(sdk.json()["event"][0]["script"]["_lastExecutionId"].is_string());
        // The nth script the runner runs: the collection's first, then the item's.
        let inner = sdk
            .ran(0, "test", 1, &mut new_id)
            .map(|(_, execution)| execution);
        assert_eq!(
            inner.as_ref(),
            Some(&item["event"][0]["script"]["_lastExecutionId"])
        );
        let outer = first.map(|(_, execution)| execution);
        assert_eq!(
            outer.as_ref(),
            Some(&sdk.json()["event"][0]["script"]["_lastExecutionId"])
        );
        assert_ne!(outer, inner);
    }
}
