//! Postman Collection v1 → v2.1 conversion, done on load the way Newman does it (Newman runs
//! postman-collection-transformer's v1 → v2.1 converter and prints a deprecation warning).
//!
//! A v1 collection is flat: `requests[]` holds every request, `folders[]` every folder (at any
//! depth), and id lists say where things go: the collection's `order` (root requests),
//! `folders_order` (root folders; without it, `folders` in array order), and in each folder
//! `folders_order` (its subfolders) and `order` (its requests). Conversion facts followed here:
//!
//! * The root holds the root folders first, then the root requests. A folder holds its
//!   subfolders first, then its requests. A folder listed in any folder's `folders_order` is a
//!   subfolder and never appears at the root. Ids that match nothing are skipped; the root
//!   `order` is de-duplicated, a folder's `order` is not.
//! * A request listed in no `order` is left out (as the transformer does); each one left out
//!   adds a warning.
//! * `headers` is a string of `Key: value` lines (`//Key: value` is disabled) or already an array;
//!   `headerData` entries win over the string's lines of the same key.
//! * `dataMode` `params` → `formdata`, `urlencoded`, `raw` (`rawModeData`, else a string `data`),
//!   `binary` → `file`, `graphql` (`graphqlModeData`); without a `dataMode` the mode is inferred.
//! * `tests` / `preRequestScript` strings become `test` / `prerequest` events (in that order);
//!   an `events` array is used only when neither string is set.
//! * `currentHelper` + `helperAttributes` become a v2.1 auth block with `[{key, value, type}]`
//!   parameters, with the v1 attribute names renamed (e.g. hawk `hawk_id` → `authId`); a
//!   `currentHelper` of `normal` or `null` means no auth. An entity with a v2-style `auth` and no
//!   helper keeps that auth.
//! * `queryParams` replace the URL's own query (`enabled: false` → `disabled`; `equals` decides
//!   between `k` and `k=`); `pathVariableData` / `pathVariables` become the URL's `variable`.
//! * `variables` (or `variable`) become `variable` lists; `responses` become `response`.
//!
//! Deliberate differences from the transformer: v1 ids are kept as the v2 `id`s of items and
//! folders (the transformer gives them fresh random ids), and the URL stays a `raw` string (with
//! `query`/`variable` lists when it has them) rather than being split into parts.
//!
//! Malformed input never panics: a value of the wrong type gives an error naming its JSON path.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::parts::kind_of;

/// The warning a converted collection carries (in [`super::Collection::warnings`]).
pub const V1_WARNING: &str = "this is a Postman v1 collection: postie converted it to v2.1; \
     export it from Postman as v2.1 to skip this step";

/// The schema URL written into converted collections.
const SCHEMA_V21: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// Folders may nest at most this deep (deeper nesting is refused rather than risking the stack).
const MAX_DEPTH: usize = 100;

/// At most this many items and folders are produced (a folder listed as the subfolder of many
/// folders is copied into each, which could otherwise grow without bound).
const MAX_NODES: usize = 200_000;

/// True when `doc` looks like a v1 collection: an object with `requests` or `order` and neither
/// of the v2 keys `item` and `info`.
pub fn is_v1(doc: &Value) -> bool {
    let Some(root) = doc.as_object() else {
        return false;
    };
    let has = |key: &str| root.get(key).is_some_and(|v| !v.is_null());
    !has("item") && !has("info") && (has("requests") || has("order"))
}

/// Convert a v1 collection document to a v2.1 one.
pub fn convert_v1(doc: &Value) -> Result<Value, String> {
    convert_v1_with_notes(doc).map(|(converted, _)| converted)
}

/// [`convert_v1`], also returning notes about what was left out (one per request that no `order`
/// lists).
pub fn convert_v1_with_notes(doc: &Value) -> Result<(Value, Vec<String>), String> {
    let root = doc
        .as_object()
        .ok_or_else(|| format!("expected a collection object, found {}", kind_of(doc)))?;
    let mut conv = Converter::new(root)?;
    let mut out = Map::new();
    out.insert("info".into(), Value::Object(info(root)?));
    out.insert("item".into(), Value::Array(conv.root_items(root)?));
    put(&mut out, "auth", auth(root, "", true)?);
    put(&mut out, "event", events(root, "")?);
    put(&mut out, "variable", variables(root, "")?);
    let notes = conv.left_out();
    Ok((Value::Object(out), notes))
}

/// `"{at}: expected {what}, found {kind}"`.
fn wrong(at: &str, what: &str, found: &Value) -> String {
    format!("{at}: expected {what}, found {}", kind_of(found))
}

/// `at.key`, or `key` at the top level.
fn path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// Insert `v` under `key` when there is one.
fn put(map: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    if let Some(v) = v {
        map.insert(key.to_string(), v);
    }
}

/// JavaScript truthiness.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// lodash's `isEmpty`: empty strings, arrays and objects, and every scalar, are empty.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        _ => true,
    }
}

/// The entries of an optional array field (absent or `null`: none).
fn array<'v>(v: Option<&'v Value>, at: &str) -> Result<&'v [Value], String> {
    match v {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(wrong(at, "an array", other)),
    }
}

/// An id as JavaScript would use it as an object key: strings as they are, other scalars
/// rendered, `null` → `"null"`, absent → `"undefined"`. Arrays and objects are errors.
fn id_key(v: Option<&Value>, at: &str) -> Result<String, String> {
    match v {
        None => Ok("undefined".into()),
        Some(Value::Null) => Ok("null".into()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Bool(b)) => Ok(b.to_string()),
        Some(other) => Err(wrong(at, "an id (a string)", other)),
    }
}

/// A v1 id kept as the v2 `id`: only real ids (strings and numbers, not empty).
fn kept_id(v: Option<&Value>) -> Option<Value> {
    match v {
        Some(Value::String(s)) if !s.is_empty() => Some(Value::String(s.clone())),
        Some(Value::Number(n)) => Some(Value::String(n.to_string())),
        _ => None,
    }
}

/// `description` when it is truthy.
fn description(obj: &Map<String, Value>) -> Option<Value> {
    obj.get("description").filter(|d| truthy(Some(d))).cloned()
}

/// Remove `key` when its value is falsy (the transformer keeps converted entries clean this way).
fn drop_falsy(obj: &mut Map<String, Value>, key: &str) {
    if obj.contains_key(key) && !truthy(obj.get(key)) {
        obj.remove(key);
    }
}

/// `protocolProfileBehavior` when it is a non-empty object.
fn profile_behavior(obj: &Map<String, Value>) -> Option<Value> {
    obj.get("protocolProfileBehavior")
        .filter(|b| b.as_object().is_some_and(|m| !m.is_empty()))
        .cloned()
}

fn info(root: &Map<String, Value>) -> Result<Map<String, Value>, String> {
    let mut info = Map::new();
    let id = match root.get("id") {
        Some(v) if truthy(Some(v)) => v.clone(),
        _ => Value::String(uuid::Uuid::new_v4().to_string()),
    };
    info.insert("_postman_id".into(), id);
    put(&mut info, "name", root.get("name").cloned());
    put(&mut info, "description", description(root));
    info.insert("schema".into(), Value::String(SCHEMA_V21.into()));
    Ok(info)
}

/// The id lookups built from `requests` and `folders`.
struct Converter<'a> {
    /// Request id key → the request (the last of that id wins, as with lodash's `keyBy`).
    requests: HashMap<String, (usize, &'a Map<String, Value>)>,
    /// Request ids in `requests` order, for the "left out" notes.
    request_order: Vec<(String, usize)>,
    /// Request id keys placed somewhere.
    placed: HashSet<String>,
    /// Folders in `folders` order (`null` entries skipped): id key, index, folder.
    folders: Vec<(String, usize, &'a Map<String, Value>)>,
    /// Folder id key → position in `folders` of the last folder with that id.
    folder_by_id: HashMap<String, usize>,
    /// Folder id keys listed in some folder's `folders_order`.
    subfolders: HashSet<String>,
    /// Items and folders produced so far.
    produced: usize,
}

impl<'a> Converter<'a> {
    fn new(root: &'a Map<String, Value>) -> Result<Self, String> {
        let mut requests = HashMap::new();
        let mut request_order = Vec::new();
        for (i, r) in array(root.get("requests"), "requests")?.iter().enumerate() {
            let at = format!("requests[{i}]");
            let r = match r {
                Value::Null => continue,
                Value::Object(r) => r,
                other => return Err(wrong(&at, "a request object", other)),
            };
            let key = id_key(r.get("id"), &path(&at, "id"))?;
            request_order.push((key.clone(), i));
            requests.insert(key, (i, r));
        }
        let mut folders = Vec::new();
        let mut folder_by_id = HashMap::new();
        for (i, f) in array(root.get("folders"), "folders")?.iter().enumerate() {
            let at = format!("folders[{i}]");
            let f = match f {
                Value::Null => continue,
                Value::Object(f) => f,
                other => return Err(wrong(&at, "a folder object", other)),
            };
            let key = id_key(f.get("id"), &path(&at, "id"))?;
            folder_by_id.insert(key.clone(), folders.len());
            folders.push((key, i, f));
        }
        let mut subfolders = HashSet::new();
        for (_, i, f) in &folders {
            let at = format!("folders[{i}].folders_order");
            for (j, sub) in array(f.get("folders_order"), &at)?.iter().enumerate() {
                let key = id_key(Some(sub), &format!("{at}[{j}]"))?;
                if folder_by_id.contains_key(&key) {
                    subfolders.insert(key);
                }
            }
        }
        Ok(Converter {
            requests,
            request_order,
            placed: HashSet::new(),
            folders,
            folder_by_id,
            subfolders,
            produced: 0,
        })
    }

    /// Root folders (by `folders_order`, else `folders` order; subfolders excluded), then root
    /// requests (by `order`, de-duplicated).
    fn root_items(&mut self, root: &Map<String, Value>) -> Result<Vec<Value>, String> {
        let mut items = Vec::new();
        let folder_ids: Vec<String> = match root.get("folders_order") {
            Some(v) if truthy(Some(v)) => array(Some(v), "folders_order")?
                .iter()
                .enumerate()
                .map(|(i, id)| id_key(Some(id), &format!("folders_order[{i}]")))
                .collect::<Result<_, _>>()?,
            _ => self.folders.iter().map(|(key, _, _)| key.clone()).collect(),
        };
        let mut seen = HashSet::new();
        for key in folder_ids {
            if !seen.insert(key.clone()) || self.subfolders.contains(&key) {
                continue;
            }
            if self.folder_by_id.contains_key(&key) {
                let mut stack = Vec::new();
                items.push(self.folder(&key, &mut stack)?);
            }
        }
        let mut seen = HashSet::new();
        for (i, id) in array(root.get("order"), "order")?.iter().enumerate() {
            let key = id_key(Some(id), &format!("order[{i}]"))?;
            if seen.insert(key.clone())
                && let Some(item) = self.request(&key)?
            {
                items.push(item);
            }
        }
        Ok(items)
    }

    /// The folder with id `key`: its metadata from the last folder of that id, its children from
    /// every folder of that id (each: subfolders, then requests).
    fn folder(&mut self, key: &str, stack: &mut Vec<String>) -> Result<Value, String> {
        let last = self.folder_by_id.get(key).copied().unwrap_or_default();
        let Some(&(_, index, meta)) = self.folders.get(last) else {
            return Err(format!("folders: no folder with id {key:?}"));
        };
        let at = format!("folders[{index}]");
        if stack.iter().any(|k| k == key) {
            return Err(format!(
                "{at}: folder {key:?} is listed inside itself (through folders_order)"
            ));
        }
        if stack.len() >= MAX_DEPTH {
            return Err(format!(
                "{at}: folders nest more than {MAX_DEPTH} levels deep"
            ));
        }
        self.count()?;
        stack.push(key.to_string());
        let mut children = Vec::new();
        let same_id: Vec<(usize, &Map<String, Value>)> = self
            .folders
            .iter()
            .filter(|(k, _, _)| k == key)
            .map(|(_, i, f)| (*i, *f))
            .collect();
        for (i, f) in same_id {
            let sub_at = format!("folders[{i}].folders_order");
            for (j, sub) in array(f.get("folders_order"), &sub_at)?.iter().enumerate() {
                let sub_key = id_key(Some(sub), &format!("{sub_at}[{j}]"))?;
                if self.folder_by_id.contains_key(&sub_key) {
                    children.push(self.folder(&sub_key, stack)?);
                }
            }
            let order_at = format!("folders[{i}].order");
            for (j, id) in array(f.get("order"), &order_at)?.iter().enumerate() {
                let req_key = id_key(Some(id), &format!("{order_at}[{j}]"))?;
                if let Some(item) = self.request(&req_key)? {
                    children.push(item);
                }
            }
        }
        stack.pop();

        let mut out = Map::new();
        put(&mut out, "id", kept_id(meta.get("id")));
        put(&mut out, "name", meta.get("name").cloned());
        put(&mut out, "description", description(meta));
        put(&mut out, "auth", auth(meta, &at, false)?);
        put(&mut out, "event", events(meta, &at)?);
        put(&mut out, "variable", variables(meta, &at)?);
        put(&mut out, "protocolProfileBehavior", profile_behavior(meta));
        out.insert("item".into(), Value::Array(children));
        Ok(Value::Object(out))
    }

    fn count(&mut self) -> Result<(), String> {
        self.produced += 1;
        if self.produced > MAX_NODES {
            return Err(format!(
                "folders: the folder structure expands to more than {MAX_NODES} entries"
            ));
        }
        Ok(())
    }

    /// The request with id `key` as a v2.1 item, or `None` when there is no such request.
    fn request(&mut self, key: &str) -> Result<Option<Value>, String> {
        let Some(&(index, r)) = self.requests.get(key) else {
            return Ok(None);
        };
        self.count()?;
        self.placed.insert(key.to_string());
        let at = format!("requests[{index}]");
        item(r, &at, &self.requests).map(Some)
    }

    /// One note per request that no `order` lists.
    fn left_out(&self) -> Vec<String> {
        let mut noted = HashSet::new();
        self.request_order
            .iter()
            .filter(|(key, _)| !self.placed.contains(key) && noted.insert(key.clone()))
            .filter_map(|(key, _)| self.requests.get(key))
            .map(|(i, r)| {
                let name = r
                    .get("name")
                    .and_then(Value::as_str)
                    .filter(|n| !n.is_empty())
                    .map_or_else(|| format!("requests[{i}]"), |n| format!("request {n:?}"));
                format!(
                    "v1 collection: {name} is not listed in any `order`, so it was left out \
                     (as Newman does)"
                )
            })
            .collect()
    }
}

type Requests<'a> = HashMap<String, (usize, &'a Map<String, Value>)>;

/// A v1 request as a v2.1 item.
fn item(r: &Map<String, Value>, at: &str, requests: &Requests) -> Result<Value, String> {
    let mut out = Map::new();
    put(&mut out, "id", kept_id(r.get("id")));
    let name = match r.get("name") {
        Some(n) if truthy(Some(n)) => n.clone(),
        _ => Value::String(String::new()),
    };
    out.insert("name".into(), name);
    put(&mut out, "event", events(r, at)?);
    put(&mut out, "protocolProfileBehavior", profile_behavior(r));
    out.insert("request".into(), Value::Object(request(r, at)?));
    out.insert("response".into(), Value::Array(responses(r, at, requests)?));
    put(&mut out, "variable", variables(r, at)?);
    Ok(Value::Object(out))
}

/// The v2.1 `request` object of a v1 request.
fn request(r: &Map<String, Value>, at: &str) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    put(&mut out, "auth", auth(r, at, false)?);
    put(
        &mut out,
        "method",
        r.get("method").filter(|m| !m.is_null()).cloned(),
    );
    out.insert("header".into(), Value::Array(headers(r, at)?));
    put(&mut out, "body", body(r, at)?);
    put(&mut out, "url", url(r, at)?);
    put(&mut out, "description", description(r));
    Ok(out)
}

/// JavaScript's `\s`, for the header line rules.
fn js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// One `Key: value` line, matched the way the transformer's header pattern does: the key is
/// the longest run of non-blank characters (optionally after `//` and blanks) that is followed
/// by `:`; the value is the rest of the line, trimmed. Lines that do not match are skipped.
fn header_line(line: &str) -> Option<(String, String)> {
    let split_at = |start: usize| -> Option<usize> {
        let rest = &line[start..];
        let run_end = rest.find(js_space).unwrap_or(rest.len());
        let colon = rest[..run_end].rfind(':')?;
        (colon > 0).then_some(start + colon)
    };
    let commented = line.strip_prefix("//").map(|rest| {
        let blanks = rest.len() - rest.trim_start_matches(js_space).len();
        2 + blanks
    });
    let colon = commented.and_then(split_at).or_else(|| split_at(0))?;
    let key = line[..colon].to_string();
    let value = line[colon + 1..].trim_matches(js_space).to_string();
    Some((key, value))
}

/// A v1 header string → `[{key, value, disabled?}]`. Continuation lines (CRLF then a blank) are
/// folded into the line before.
fn parse_header_string(s: &str) -> Vec<Map<String, Value>> {
    let folded = s.replace("\r\n ", " ").replace("\r\n\t", "\t");
    folded
        .split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .filter_map(header_line)
        .map(|(key, value)| {
            let mut h = Map::new();
            let (key, disabled) = match key.strip_prefix("//") {
                Some(rest) => (rest.trim_matches(js_space).to_string(), true),
                None => (key, false),
            };
            h.insert("key".into(), Value::String(key));
            h.insert("value".into(), Value::String(value));
            if disabled {
                h.insert("disabled".into(), Value::Bool(true));
            }
            h
        })
        .collect()
}

/// `headers` (an array is kept as is; a string is parsed) merged under `headerData`.
fn headers(r: &Map<String, Value>, at: &str) -> Result<Vec<Value>, String> {
    let from_string = match r.get("headers") {
        Some(Value::Array(a)) => return Ok(a.clone()),
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => parse_header_string(s),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => parse_header_string(&v.to_string()),
        Some(other) => {
            return Err(wrong(
                &path(at, "headers"),
                "a string of header lines or an array",
                other,
            ));
        }
    };
    let data_at = path(at, "headerData");
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, h) in array(r.get("headerData"), &data_at)?.iter().enumerate() {
        let mut h = match h {
            Value::Null => continue,
            Value::Object(h) => h.clone(),
            other => return Err(wrong(&format!("{data_at}[{i}]"), "a header object", other)),
        };
        let key = match h.get("key") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
            _ => None,
        };
        if let Some(key) = &key {
            let off = h.get("enabled").and_then(Value::as_bool) == Some(false);
            if key.starts_with("//") || off {
                h.insert("disabled".into(), Value::Bool(true));
                let key = key.replacen("//", "", 1).trim_matches(js_space).to_string();
                h.insert("key".into(), Value::String(key));
            }
        }
        drop_falsy(&mut h, "description");
        h.remove("enabled");
        seen.insert(id_key(h.get("key"), "").unwrap_or_default());
        out.push(Value::Object(h));
    }
    for h in from_string {
        let key = h.get("key").and_then(Value::as_str).unwrap_or_default();
        if !seen.contains(key) {
            out.push(Value::Object(h));
        }
    }
    Ok(out)
}

/// A `data` / `rawModeData` list → v2.1 form parameters: entries without a `key` are dropped, a
/// file entry's `value` becomes `src`, `enabled: false` becomes `disabled: true`.
fn form_params(v: Option<&Value>) -> Vec<Value> {
    let Some(Value::Array(entries)) = v else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(Value::as_object)
        .filter(|p| p.get("key").is_some_and(|k| !k.is_null()))
        .map(|p| {
            let mut p = p.clone();
            let is_file = p.get("type").and_then(Value::as_str) == Some("file");
            if is_file && !truthy(p.get("src")) && truthy(p.get("value")) {
                let src = match p.remove("value") {
                    Some(v @ (Value::String(_) | Value::Array(_))) => v,
                    _ => Value::Null,
                };
                p.insert("src".into(), src);
            }
            if p.remove("enabled") == Some(Value::Bool(false)) {
                p.insert("disabled".into(), Value::Bool(true));
            }
            drop_falsy(&mut p, "description");
            Value::Object(p)
        })
        .collect()
}

/// The v1 body fields → a v2.1 `body`, or `None` for no body.
fn body(r: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    const MODES: [(&str, &str); 5] = [
        ("binary", "file"),
        ("graphql", "graphql"),
        ("params", "formdata"),
        ("raw", "raw"),
        ("urlencoded", "urlencoded"),
    ];
    let data_mode = r.get("dataMode");
    let mode = data_mode
        .and_then(Value::as_str)
        .and_then(|m| MODES.iter().find(|(v1, _)| *v1 == m))
        .map(|(_, v2)| *v2);
    let data = r.get("data");
    let raw_data = r.get("rawModeData");
    let graphql_data = r.get("graphqlModeData");
    let empty = is_empty(data) && is_empty(raw_data) && is_empty(graphql_data);
    if (mode.is_none() && empty) || data_mode.is_some_and(Value::is_null) {
        return Ok(None);
    }
    let raw_text: Option<String> = match raw_data {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(a)) if a.len() == 1 => a[0].as_str().map(str::to_string),
        _ => None,
    };
    let raw_set = raw_text.as_deref().is_some_and(|s| !s.is_empty());
    let options = match r.get("dataOptions") {
        None | Some(Value::Null) => None,
        Some(Value::Object(o)) => Some(o),
        Some(other) => return Err(wrong(&path(at, "dataOptions"), "an object", other)),
    };
    let graphql: Option<Value> = if !is_empty(graphql_data) {
        graphql_data.cloned()
    } else if options.is_some_and(|o| o.contains_key("graphql")) && !is_empty(data) {
        data.cloned()
    } else {
        None
    };
    let data_or_raw = if truthy(data) { data } else { raw_data };
    let mode = match mode {
        Some(m) => m,
        None if !raw_set && matches!(data_or_raw, Some(Value::Array(_))) => "formdata",
        None if !raw_set && graphql.is_some() => "graphql",
        None => "raw",
    };
    let mut out = Map::new();
    out.insert("mode".into(), Value::String(mode.into()));
    let content = match mode {
        "raw" => Some(Value::String(match (&raw_text, data) {
            (Some(s), _) if !s.is_empty() => s.clone(),
            (_, Some(Value::String(s))) => s.clone(),
            _ => String::new(),
        })),
        "graphql" => graphql,
        "file" => {
            let mut file = Map::new();
            put(
                &mut file,
                "src",
                raw_text.filter(|s| !s.is_empty()).map(Value::String),
            );
            Some(Value::Object(file))
        }
        _ => Some(Value::Array(form_params(data_or_raw))),
    };
    put(&mut out, mode, content);
    if let Some(options) = options {
        let mut body_options = Map::new();
        for (v1, v2) in MODES {
            if !is_empty(options.get(v1)) {
                put(&mut body_options, v2, options.get(v1).cloned());
            }
        }
        if !body_options.is_empty() {
            out.insert("options".into(), Value::Object(body_options));
        }
    }
    if truthy(r.get("dataDisabled")) {
        out.insert("disabled".into(), Value::Bool(true));
    }
    Ok(Some(Value::Object(out)))
}

/// `url` plus `queryParams` and path variables → a v2.1 URL: the string itself, or
/// `{raw, query, variable}` when there are query or path-variable lists. A URL object is kept.
fn url(r: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    let raw = match r.get("url") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
        Some(obj @ Value::Object(_)) => return Ok(Some(obj.clone())),
        Some(other) => return Err(wrong(&path(at, "url"), "a URL string", other)),
    };
    let query_at = path(at, "queryParams");
    let mut query = Vec::new();
    for (i, q) in array(r.get("queryParams"), &query_at)?.iter().enumerate() {
        let mut q = match q {
            Value::Null => continue,
            Value::Object(q) => q.clone(),
            other => return Err(wrong(&format!("{query_at}[{i}]"), "an object", other)),
        };
        if q.remove("enabled") == Some(Value::Bool(false)) {
            q.insert("disabled".into(), Value::Bool(true));
        }
        drop_falsy(&mut q, "description");
        if let Some(equals) = q.remove("equals") {
            if truthy(Some(&equals)) {
                if q.get("value").is_some_and(Value::is_null) {
                    q.insert("value".into(), Value::String(String::new()));
                }
            } else if !truthy(q.get("value")) {
                // `k` rather than `k=`: a null value.
                q.insert("value".into(), Value::Null);
            }
        }
        query.push(Value::Object(q));
    }

    let data_at = path(at, "pathVariableData");
    let mut variables = Vec::new();
    let mut seen = HashSet::new();
    for (i, v) in array(r.get("pathVariableData"), &data_at)?
        .iter()
        .enumerate()
    {
        let mut v = match v {
            Value::Null => continue,
            Value::Object(v) => v.clone(),
            other => return Err(wrong(&format!("{data_at}[{i}]"), "an object", other)),
        };
        drop_falsy(&mut v, "description");
        if truthy(v.get("id")) {
            v.remove("id");
        }
        seen.insert(id_key(v.get("key"), "").unwrap_or_default());
        variables.push(Value::Object(v));
    }
    match r.get("pathVariables") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (key, value) in map {
                if !seen.contains(key) {
                    let mut v = Map::new();
                    v.insert("value".into(), value.clone());
                    v.insert("key".into(), Value::String(key.clone()));
                    variables.push(Value::Object(v));
                }
            }
        }
        Some(other) => {
            return Err(wrong(
                &path(at, "pathVariables"),
                "an object of name: value",
                other,
            ));
        }
    }

    if query.is_empty() && variables.is_empty() {
        return Ok(raw.map(Value::String));
    }
    let mut out = Map::new();
    put(&mut out, "raw", raw.map(Value::String));
    if !query.is_empty() {
        out.insert("query".into(), Value::Array(query));
    }
    if !variables.is_empty() {
        out.insert("variable".into(), Value::Array(variables));
    }
    Ok(Some(Value::Object(out)))
}

/// A script field (`tests`, `preRequestScript`) as an `exec` value: a string is split into lines,
/// an array of lines is kept.
fn exec(v: &Value, at: &str) -> Result<Value, String> {
    match v {
        Value::String(s) => Ok(Value::Array(
            s.split('\n').map(|l| Value::String(l.into())).collect(),
        )),
        Value::Array(_) => Ok(v.clone()),
        other => Err(wrong(at, "a script (a string or an array of lines)", other)),
    }
}

fn script_event(listen: &str, exec: Value) -> Value {
    let mut script = Map::new();
    script.insert("type".into(), Value::String("text/javascript".into()));
    script.insert("exec".into(), exec);
    let mut event = Map::new();
    event.insert("listen".into(), Value::String(listen.into()));
    event.insert("script".into(), Value::Object(script));
    Value::Object(event)
}

/// `tests` / `preRequestScript` → events (test first, as the transformer orders them); without
/// either, a non-empty `events` array is used.
fn events(obj: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    let tests = obj.get("tests").filter(|t| truthy(Some(t)));
    let pre = obj.get("preRequestScript").filter(|p| truthy(Some(p)));
    if tests.is_none() && pre.is_none() {
        if is_empty(obj.get("events")) {
            return Ok(None);
        }
        let events_at = path(at, "events");
        let mut out = Vec::new();
        for (i, e) in array(obj.get("events"), &events_at)?.iter().enumerate() {
            let mut e = match e {
                Value::Object(e) => e.clone(),
                other => {
                    return Err(wrong(
                        &format!("{events_at}[{i}]"),
                        "an event object",
                        other,
                    ));
                }
            };
            if !truthy(e.get("listen")) {
                e.insert("listen".into(), Value::String("test".into()));
            }
            e.remove("id");
            if let Some(Value::Object(script)) = e.get_mut("script") {
                script.remove("id");
                if !truthy(script.get("type")) {
                    script.insert("type".into(), Value::String("text/javascript".into()));
                }
                if let Some(Value::String(s)) = script.get("exec") {
                    let lines = s.split('\n').map(|l| Value::String(l.into())).collect();
                    script.insert("exec".into(), Value::Array(lines));
                }
            }
            out.push(Value::Object(e));
        }
        return Ok(Some(Value::Array(out)));
    }
    let mut out = Vec::new();
    if let Some(t) = tests {
        out.push(script_event("test", exec(t, &path(at, "tests"))?));
    }
    if let Some(p) = pre {
        out.push(script_event(
            "prerequest",
            exec(p, &path(at, "preRequestScript"))?,
        ));
    }
    Ok(Some(Value::Array(out)))
}

/// `variables` (or `variable`) → a v2.1 `variable` list, `None` when empty.
fn variables(obj: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    let (field, source) = if truthy(obj.get("variables")) {
        ("variables", obj.get("variables"))
    } else {
        ("variable", obj.get("variable"))
    };
    let source = source.filter(|s| truthy(Some(s)));
    let list_at = path(at, field);
    let mut out = Vec::new();
    for (i, v) in array(source, &list_at)?.iter().enumerate() {
        let v = match v {
            Value::Null => continue,
            Value::Object(v) => v,
            other => {
                return Err(wrong(
                    &format!("{list_at}[{i}]"),
                    "a variable object",
                    other,
                ));
            }
        };
        let mut var = Map::new();
        let key = if truthy(v.get("key")) {
            v.get("key")
        } else {
            v.get("id")
        };
        put(&mut var, "key", key.cloned());
        put(&mut var, "value", v.get("value").cloned());
        if let Some(kind) = v.get("type").filter(|t| truthy(Some(t))) {
            let kind = if kind == "text" {
                Value::String("string".into())
            } else {
                kind.clone()
            };
            var.insert("type".into(), kind);
        }
        for flag in ["disabled", "secret"] {
            if truthy(v.get(flag)) {
                var.insert(flag.into(), Value::Bool(true));
            }
        }
        put(
            &mut var,
            "source",
            v.get("source").filter(|s| truthy(Some(s))).cloned(),
        );
        put(&mut var, "description", description(v));
        out.push(Value::Object(var));
    }
    Ok((!out.is_empty()).then_some(Value::Array(out)))
}

/// A v1 auth helper: (v1 name, v2.1 auth type, [(v2.1 parameter, v1 attribute)]).
type AuthHelper = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// v1 helper name → (v2.1 auth type, [(v2.1 parameter, v1 attribute)]). `awsSigV4` keeps its
/// attributes as they are, and `basicAuth` always adds `showPassword: false`.
const AUTH_HELPERS: &[AuthHelper] = &[
    (
        "apikeyAuth",
        "apikey",
        &[("key", "key"), ("value", "value"), ("in", "in")],
    ),
    (
        "basicAuth",
        "basic",
        &[
            ("username", "username"),
            ("password", "password"),
            ("saveHelperData", "saveToRequest"),
        ],
    ),
    ("bearerAuth", "bearer", &[("token", "token")]),
    (
        "digestAuth",
        "digest",
        &[
            ("algorithm", "algorithm"),
            ("username", "username"),
            ("realm", "realm"),
            ("password", "password"),
            ("nonce", "nonce"),
            ("nonceCount", "nonceCount"),
            ("clientNonce", "clientNonce"),
            ("opaque", "opaque"),
            ("qop", "qop"),
            ("disableRetryRequest", "disableRetryRequest"),
        ],
    ),
    (
        "oAuth1",
        "oauth1",
        &[
            ("consumerKey", "consumerKey"),
            ("consumerSecret", "consumerSecret"),
            ("token", "token"),
            ("tokenSecret", "tokenSecret"),
            ("signatureMethod", "signatureMethod"),
            ("timestamp", "timestamp"),
            ("nonce", "nonce"),
            ("version", "version"),
            ("realm", "realm"),
            ("addParamsToHeader", "header"),
            ("autoAddParam", "auto"),
            ("addEmptyParamsToSign", "includeEmpty"),
        ],
    ),
    (
        "hawkAuth",
        "hawk",
        &[
            ("authId", "hawk_id"),
            ("authKey", "hawk_key"),
            ("algorithm", "algorithm"),
            ("user", "user"),
            ("saveHelperData", "saveToRequest"),
            ("nonce", "nonce"),
            ("extraData", "ext"),
            ("appId", "app"),
            ("delegation", "dlg"),
            ("timestamp", "timestamp"),
        ],
    ),
    (
        "ntlmAuth",
        "ntlm",
        &[
            ("username", "username"),
            ("password", "password"),
            ("domain", "domain"),
            ("workstation", "workstation"),
            ("disableRetryRequest", "disableRetryRequest"),
        ],
    ),
    (
        "oAuth2",
        "oauth2",
        &[
            ("accessToken", "accessToken"),
            ("addTokenTo", "addTokenTo"),
            ("callBackUrl", "callBackUrl"),
            ("authUrl", "authUrl"),
            ("accessTokenUrl", "accessTokenUrl"),
            ("clientId", "clientId"),
            ("clientSecret", "clientSecret"),
            ("clientAuth", "clientAuth"),
            ("grantType", "grantType"),
            ("scope", "scope"),
            ("username", "username"),
            ("password", "password"),
            ("tokenType", "tokenType"),
            ("redirectUri", "redirectUri"),
            ("refreshToken", "refreshToken"),
        ],
    ),
    ("awsSigV4", "awsv4", &[]),
    (
        "jwtAuth",
        "jwt",
        &[
            ("algorithm", "algorithm"),
            ("isSecretBase64Encoded", "isSecretBase64Encoded"),
            ("payload", "payload"),
            ("addTokenTo", "addTokenTo"),
            ("headerPrefix", "headerPrefix"),
            ("queryParamKey", "queryParamKey"),
            ("header", "header"),
        ],
    ),
    (
        "asapAuth",
        "asap",
        &[
            ("exp", "exp"),
            ("claims", "claims"),
            ("sub", "sub"),
            ("privateKey", "privateKey"),
            ("kid", "kid"),
            ("aud", "aud"),
            ("iss", "iss"),
            ("alg", "alg"),
        ],
    ),
    (
        "edgegridAuth",
        "edgegrid",
        &[
            ("clientToken", "clientToken"),
            ("clientSecret", "clientSecret"),
            ("accessToken", "accessToken"),
            ("headersToSign", "headersToSign"),
            ("nonce", "nonce"),
            ("timestamp", "timestamp"),
            ("baseURL", "baseURL"),
            ("maxBodySize", "maxBodySize"),
        ],
    ),
];

/// The v2.1 auth block `{type, [type]: [{key, value, type}]}`; `noauth` is `null` (inherit)
/// where `exclude_noauth` (the collection level), else `{type: "noauth"}`.
fn auth_block(kind: &str, params: Vec<(String, Value)>, exclude_noauth: bool) -> Option<Value> {
    if kind == "noauth" {
        return Some(if exclude_noauth {
            Value::Null
        } else {
            serde_json::json!({"type": "noauth"})
        });
    }
    let mut out = Map::new();
    out.insert("type".into(), Value::String(kind.into()));
    let params: Vec<Value> = params
        .into_iter()
        .map(|(key, value)| {
            let kind = match &value {
                Value::String(_) => "string",
                Value::Bool(_) => "boolean",
                Value::Number(_) => "number",
                _ => "any",
            };
            serde_json::json!({"key": key, "value": value, "type": kind})
        })
        .collect();
    if !params.is_empty() {
        out.insert(kind.into(), Value::Array(params));
    }
    Some(Value::Object(out))
}

/// An entity's auth: a v2-style `auth` block when there is no v1 helper, else the
/// `currentHelper` / `helperAttributes` pair. `None` = no auth (inherit); `Some(Null)` = an
/// explicit `null`.
fn auth(obj: &Map<String, Value>, at: &str, exclude_noauth: bool) -> Result<Option<Value>, String> {
    let v2_style = obj.contains_key("auth")
        && !(obj.contains_key("currentHelper") || truthy(obj.get("helperAttributes")));
    if v2_style && truthy(obj.get("auth")) {
        let auth_at = path(at, "auth");
        let block = match obj.get("auth") {
            Some(Value::Object(b)) => b,
            Some(other) => return Err(wrong(&auth_at, "an auth object", other)),
            None => return Ok(None),
        };
        let kind = match block.get("type") {
            Some(Value::String(k)) if !k.is_empty() => k.clone(),
            _ => return Ok(None),
        };
        let mut params = Vec::new();
        match block.get(&kind) {
            Some(Value::Array(entries)) => {
                for (i, p) in entries.iter().enumerate() {
                    match p {
                        Value::Null => {}
                        Value::Object(p) => {
                            let key = id_key(p.get("key"), &format!("{auth_at}.{kind}[{i}].key"))?;
                            let value = p.get("value").cloned().unwrap_or(Value::Null);
                            // A repeated key keeps its first place and takes the last value.
                            match params.iter_mut().find(|(k, _)| *k == key) {
                                Some(slot) => slot.1 = value,
                                None => params.push((key, value)),
                            }
                        }
                        other => {
                            return Err(wrong(
                                &format!("{auth_at}.{kind}[{i}]"),
                                "an auth parameter object",
                                other,
                            ));
                        }
                    }
                }
            }
            Some(Value::Object(map)) => {
                params.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            _ => {}
        }
        return Ok(auth_block(&kind, params, exclude_noauth));
    }

    let helper = match obj.get("currentHelper") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(h)) if h.is_empty() || h == "normal" => return Ok(None),
        Some(Value::String(h)) => h.clone(),
        Some(v @ (Value::Number(_) | Value::Bool(_))) if truthy(Some(v)) => v.to_string(),
        Some(Value::Number(_) | Value::Bool(_)) => return Ok(None),
        Some(other) => {
            return Err(wrong(
                &path(at, "currentHelper"),
                "an auth helper name",
                other,
            ));
        }
    };
    let known = AUTH_HELPERS.iter().find(|(name, _, _)| *name == helper);
    let kind = known.map_or(helper.as_str(), |(_, kind, _)| kind);
    let parsed;
    let attributes = match obj.get("helperAttributes") {
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(v) => {
                parsed = v;
                Some(&parsed)
            }
            // Unreadable attributes: the transformer drops the auth altogether.
            Err(_) => return Ok(None),
        },
        other => other,
    };
    let mut params = Vec::new();
    if let (Some(attributes), Some((name, _, renames))) = (attributes, known)
        && truthy(Some(attributes))
    {
        let attrs = attributes.as_object();
        if *name == "awsSigV4" {
            params.extend(
                attrs
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
        } else {
            for (to, from) in *renames {
                if let Some(v) = attrs.and_then(|a| a.get(*from)) {
                    params.push(((*to).to_string(), v.clone()));
                }
            }
            if *name == "basicAuth" {
                params.push(("showPassword".into(), Value::Bool(false)));
            }
        }
    }
    Ok(auth_block(kind, params, exclude_noauth))
}

/// `responses` (ordered by `responses_order` when given) → v2.1 example responses.
fn responses(r: &Map<String, Value>, at: &str, requests: &Requests) -> Result<Vec<Value>, String> {
    let list_at = path(at, "responses");
    let list = array(r.get("responses"), &list_at)?;
    let mut by_id: HashMap<String, &Map<String, Value>> = HashMap::new();
    let mut ids = Vec::new();
    for (i, resp) in list.iter().enumerate() {
        let resp = match resp {
            Value::Null => continue,
            Value::Object(resp) => resp,
            other => {
                return Err(wrong(
                    &format!("{list_at}[{i}]"),
                    "a response object",
                    other,
                ));
            }
        };
        let key = id_key(resp.get("id"), &format!("{list_at}[{i}].id"))?;
        ids.push(key.clone());
        by_id.insert(key, resp);
    }
    let order_at = path(at, "responses_order");
    let order = array(r.get("responses_order"), &order_at)?;
    if !order.is_empty() {
        ids = order
            .iter()
            .enumerate()
            .map(|(i, id)| id_key(Some(id), &format!("{order_at}[{i}]")))
            .collect::<Result<_, _>>()?;
    }
    Ok(ids
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|resp| response(resp, requests))
        .collect())
}

/// The request a saved response was made with: `requestObject` or `request`, each an object, a
/// JSON string, or a request id.
fn saved_request<'r>(
    resp: &'r Map<String, Value>,
    requests: &'r Requests,
) -> Option<std::borrow::Cow<'r, Map<String, Value>>> {
    use std::borrow::Cow;
    let mut request_id = None;
    for field in ["requestObject", "request"] {
        match resp.get(field) {
            Some(Value::Object(o)) => return Some(Cow::Borrowed(o)),
            Some(Value::String(s)) if !s.is_empty() => match serde_json::from_str::<Value>(s) {
                Ok(Value::Object(o)) => return Some(Cow::Owned(o)),
                Ok(_) => return None,
                Err(_) => request_id = Some(s.clone()),
            },
            _ => {}
        }
    }
    let (_, r) = requests.get(request_id.as_deref()?)?;
    Some(Cow::Borrowed(*r))
}

/// One saved response. Best effort: a saved request that cannot be converted is left out.
fn response(resp: &Map<String, Value>, requests: &Requests) -> Value {
    let mut out = Map::new();
    let name = match resp.get("name") {
        Some(n) if truthy(Some(n)) => n.clone(),
        _ => Value::String("response".into()),
    };
    out.insert("name".into(), name);
    if let Some(saved) = saved_request(resp, requests) {
        put(
            &mut out,
            "originalRequest",
            request(&saved, "").ok().map(Value::Object),
        );
    }
    let code = resp.get("responseCode").and_then(Value::as_object);
    put(
        &mut out,
        "status",
        code.and_then(|c| c.get("name"))
            .filter(|n| truthy(Some(n)))
            .cloned(),
    );
    let number = code.and_then(|c| c.get("code")).and_then(|c| match c {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    });
    put(
        &mut out,
        "code",
        number
            .filter(|n| *n != 0.0 && n.is_finite())
            .and_then(|n| serde_json::Number::from_f64(n).map(Value::Number)),
    );
    put(
        &mut out,
        "_postman_previewlanguage",
        resp.get("language").cloned(),
    );
    put(
        &mut out,
        "_postman_previewtype",
        resp.get("previewType").cloned(),
    );
    put(&mut out, "header", resp.get("headers").cloned());
    let cookies = match resp.get("cookies") {
        Some(Value::Array(c)) => c.iter().filter_map(Value::as_object).map(cookie).collect(),
        _ => Vec::new(),
    };
    out.insert("cookie".into(), Value::Array(cookies));
    put(&mut out, "responseTime", resp.get("time").cloned());
    put(&mut out, "body", resp.get("text").cloned());
    Value::Object(out)
}

/// A v1 cookie (`name`, `expirationDate` in seconds, ...) → a v2.1 cookie (`key`, ...).
fn cookie(c: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for field in ["hostOnly", "httpOnly", "secure", "session", "value"] {
        put(&mut out, field, c.get(field).cloned());
    }
    for field in ["domain", "path"] {
        let v = c
            .get(field)
            .filter(|v| truthy(Some(v)))
            .cloned()
            .unwrap_or_else(|| Value::String(String::new()));
        out.insert(field.into(), v);
    }
    put(&mut out, "key", c.get("name").cloned());
    Value::Object(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn convert(doc: Value) -> Value {
        convert_v1(&doc).unwrap()
    }

    /// Names of a converted item tree, folders as `name/` followed by their children indented.
    fn outline(items: &Value) -> Vec<String> {
        fn walk(items: &Value, depth: usize, out: &mut Vec<String>) {
            for i in items.as_array().unwrap() {
                let name = i["name"].as_str().unwrap_or_default();
                let pad = "  ".repeat(depth);
                if let Some(children) = i.get("item") {
                    out.push(format!("{pad}{name}/"));
                    walk(children, depth + 1, out);
                } else {
                    out.push(format!("{pad}{name}"));
                }
            }
        }
        let mut out = Vec::new();
        walk(items, 0, &mut out);
        out
    }

    fn request_doc(r: Value) -> Value {
        let mut r = r;
        r["id"] = json!("r");
        let c = convert(json!({"name": "c", "order": ["r"], "requests": [r]}));
        c["item"][0].clone()
    }

    #[test]
    fn v1_two_level_folders_order_and_fields() {
        let c = convert(json!({
            "id": "col-1", "name": "Old API", "description": "desc",
            "order": ["r3", "r-missing", "r3"],
            "folders": [
                {"id": "sub", "name": "Sub", "order": ["r2"], "folders_order": ["subsub"]},
                {"id": "top", "name": "Top", "description": "", "order": ["r1"], "folders_order": ["sub"]},
                {"id": "subsub", "name": "SubSub", "order": ["r4", "r4"]},
                {"id": "other", "name": "Other", "order": []}
            ],
            "requests": [
                {"id": "r1", "name": "one", "url": "http://x/1", "method": "POST"},
                {"id": "r2", "name": "two", "url": "http://x/2"},
                {"id": "r3", "name": "three", "url": "http://x/3"},
                {"id": "r4", "name": "four", "url": "http://x/4"}
            ],
            "variables": [{"key": "v", "value": "1", "type": "text"}, {"id": "w", "value": 2}]
        }));
        assert_eq!(
            outline(&c["item"]),
            [
                "Top/",
                "  Sub/",
                "    SubSub/",
                "      four",
                "      four",
                "    two",
                "  one",
                "Other/",
                "three"
            ]
        );
        assert_eq!(c["info"]["_postman_id"], "col-1");
        assert_eq!(c["info"]["name"], "Old API");
        assert_eq!(c["info"]["description"], "desc");
        assert_eq!(c["info"]["schema"], SCHEMA_V21);
        let top = &c["item"][0];
        assert_eq!(top["id"], "top");
        assert!(top.get("description").is_none());
        let one = &top["item"][1];
        assert_eq!(one["id"], "r1");
        assert_eq!(one["request"]["method"], "POST");
        assert_eq!(one["request"]["url"], "http://x/1");
        assert_eq!(one["response"], json!([]));
        assert_eq!(
            c["variable"],
            json!([{"key": "v", "value": "1", "type": "string"}, {"key": "w", "value": 2}])
        );
    }

    #[test]
    fn v1_folders_order_absent_uses_folders_array_order() {
        let c = convert(json!({"name": "c", "order": [], "requests": [],
            "folders": [{"id": "b", "name": "B"}, {"id": "a", "name": "A"}]}));
        assert_eq!(outline(&c["item"]), ["B/", "A/"]);
        // An explicit (even empty) folders_order is followed as it is.
        let c = convert(
            json!({"name": "c", "order": [], "requests": [], "folders_order": ["a"],
            "folders": [{"id": "b", "name": "B"}, {"id": "a", "name": "A"}]}),
        );
        assert_eq!(outline(&c["item"]), ["A/"]);
    }

    #[test]
    fn v1_request_in_no_order_is_left_out_with_a_note() {
        let (c, notes) = convert_v1_with_notes(&json!({"name": "c", "order": ["a"],
            "folders": [{"id": "f", "name": "F", "order": ["b"]}],
            "requests": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                         {"id": "orphan", "name": "Orphan"}, {"id": "o2"}]}))
        .unwrap();
        assert_eq!(outline(&c["item"]), ["F/", "  B", "A"]);
        assert_eq!(notes.len(), 2);
        assert!(notes[0].contains("request \"Orphan\""), "{}", notes[0]);
        assert!(notes[1].contains("requests[3]"), "{}", notes[1]);
    }

    #[test]
    fn v1_header_string_parsing() {
        let h = parse_header_string(
            "Content-Type: application/json\n//X-Off:  1 \r\n// Spaced: two words \n\
             Host: a:8080\nX:a:b\nbad line\n  Indented: no\n: nokey\nEmpty:\nFold: a\r\n b",
        );
        let got: Vec<Value> = h.into_iter().map(Value::Object).collect();
        assert_eq!(
            got,
            [
                json!({"key": "Content-Type", "value": "application/json"}),
                json!({"key": "X-Off", "value": "1", "disabled": true}),
                json!({"key": "Spaced", "value": "two words", "disabled": true}),
                json!({"key": "Host", "value": "a:8080"}),
                json!({"key": "X:a", "value": "b"}),
                json!({"key": "Empty", "value": ""}),
                json!({"key": "Fold", "value": "a b"}),
            ]
        );
    }

    #[test]
    fn v1_header_data_wins_over_the_string() {
        let i = request_doc(json!({
            "headers": "A: from string\nB: b",
            "headerData": [
                {"key": "A", "value": "from data", "description": ""},
                {"key": "//C", "value": "c"},
                {"key": "D", "value": "d", "enabled": false, "description": "kept"}
            ]
        }));
        assert_eq!(
            i["request"]["header"],
            json!([
                {"key": "A", "value": "from data"},
                {"key": "C", "value": "c", "disabled": true},
                {"key": "D", "value": "d", "disabled": true, "description": "kept"},
                {"key": "B", "value": "b"}
            ])
        );
        // An array of header objects is taken as it is.
        let i = request_doc(json!({"headers": [{"key": "K", "value": "v"}]}));
        assert_eq!(i["request"]["header"], json!([{"key": "K", "value": "v"}]));
    }

    #[test]
    fn v1_data_modes() {
        let body = |r: Value| request_doc(r)["request"].get("body").cloned();
        assert_eq!(
            body(json!({"dataMode": "raw", "rawModeData": "{\"a\":1}", "data": []})),
            Some(json!({"mode": "raw", "raw": "{\"a\":1}"}))
        );
        assert_eq!(
            body(json!({"dataMode": "raw", "data": "text body"})),
            Some(json!({"mode": "raw", "raw": "text body"}))
        );
        assert_eq!(
            body(json!({"dataMode": "params", "data": [
                {"key": "f", "value": "v", "type": "text", "enabled": true, "description": ""},
                {"key": "up", "value": "a.txt", "type": "file"},
                {"key": "off", "value": "x", "type": "text", "enabled": false},
                {"value": "no key"}
            ]})),
            Some(json!({"mode": "formdata", "formdata": [
                {"key": "f", "value": "v", "type": "text"},
                {"key": "up", "type": "file", "src": "a.txt"},
                {"key": "off", "value": "x", "type": "text", "disabled": true}
            ]}))
        );
        assert_eq!(
            body(json!({"dataMode": "urlencoded", "data": [{"key": "a", "value": "1"}]})),
            Some(json!({"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}]}))
        );
        assert_eq!(
            body(json!({"dataMode": "binary", "rawModeData": "/tmp/f.bin"})),
            Some(json!({"mode": "file", "file": {"src": "/tmp/f.bin"}}))
        );
        assert_eq!(
            body(json!({"dataMode": "graphql",
                "graphqlModeData": {"query": "{ a }", "variables": "{}"}})),
            Some(json!({"mode": "graphql", "graphql": {"query": "{ a }", "variables": "{}"}}))
        );
        // No mode and no data: no body; a null mode: no body even with data.
        assert_eq!(body(json!({"data": [], "rawModeData": ""})), None);
        assert_eq!(body(json!({"dataMode": null, "rawModeData": "x"})), None);
        // Inferred modes: a data array is formdata, a raw string is raw.
        assert_eq!(
            body(json!({"data": [{"key": "k", "value": "v"}]})),
            Some(json!({"mode": "formdata", "formdata": [{"key": "k", "value": "v"}]}))
        );
        assert_eq!(
            body(json!({"rawModeData": ["only"]})),
            Some(json!({"mode": "raw", "raw": "only"}))
        );
        // Options are renamed to v2 modes; dataDisabled disables the body.
        assert_eq!(
            body(
                json!({"dataMode": "raw", "rawModeData": "x", "dataDisabled": true,
                "dataOptions": {"raw": {"language": "json"}, "params": {}}})
            ),
            Some(
                json!({"mode": "raw", "raw": "x", "options": {"raw": {"language": "json"}},
                "disabled": true})
            )
        );
    }

    #[test]
    fn v1_auth_helpers() {
        let auth = |r: Value| request_doc(r)["request"].get("auth").cloned();
        assert_eq!(
            auth(json!({"currentHelper": "basicAuth", "helperAttributes":
                {"id": "basic", "username": "u", "password": "p", "saveToRequest": true}})),
            Some(json!({"type": "basic", "basic": [
                {"key": "username", "value": "u", "type": "string"},
                {"key": "password", "value": "p", "type": "string"},
                {"key": "saveHelperData", "value": true, "type": "boolean"},
                {"key": "showPassword", "value": false, "type": "boolean"}
            ]}))
        );
        assert_eq!(
            auth(json!({"currentHelper": "bearerAuth",
                "helperAttributes": "{\"token\": \"{{t}}\"}"})),
            Some(json!({"type": "bearer", "bearer": [
                {"key": "token", "value": "{{t}}", "type": "string"}
            ]}))
        );
        let digest = auth(json!({"currentHelper": "digestAuth",
            "helperAttributes": {"username": "u", "realm": "r", "nonceCount": 1}}))
        .unwrap();
        assert_eq!(digest["type"], "digest");
        assert_eq!(
            digest["digest"][2],
            json!({"key": "nonceCount", "value": 1, "type": "number"})
        );
        let oauth1 = auth(json!({"currentHelper": "oAuth1",
            "helperAttributes": {"consumerKey": "ck", "header": true, "auto": false}}))
        .unwrap();
        assert_eq!(oauth1["type"], "oauth1");
        let keys: Vec<&str> = oauth1["oauth1"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["key"].as_str().unwrap())
            .collect();
        assert_eq!(keys, ["consumerKey", "addParamsToHeader", "autoAddParam"]);
        let hawk = auth(json!({"currentHelper": "hawkAuth",
            "helperAttributes": {"hawk_id": "id", "hawk_key": "k", "algorithm": "sha256", "ext": "e"}}))
        .unwrap();
        assert_eq!(
            hawk["hawk"],
            json!([
                {"key": "authId", "value": "id", "type": "string"},
                {"key": "authKey", "value": "k", "type": "string"},
                {"key": "algorithm", "value": "sha256", "type": "string"},
                {"key": "extraData", "value": "e", "type": "string"}
            ])
        );
        let aws = auth(json!({"currentHelper": "awsSigV4",
            "helperAttributes": {"accessKey": "a", "secretKey": "s", "region": "eu", "service": "s3"}}))
        .unwrap();
        assert_eq!(aws["type"], "awsv4");
        assert_eq!(
            aws["awsv4"][2],
            json!({"key": "region", "value": "eu", "type": "string"})
        );
        // No auth: normal, null, absent, or unreadable attributes.
        assert_eq!(
            auth(json!({"currentHelper": "normal", "helperAttributes": {}})),
            None
        );
        assert_eq!(auth(json!({"currentHelper": null})), None);
        assert_eq!(auth(json!({})), None);
        assert_eq!(
            auth(json!({"currentHelper": "basicAuth", "helperAttributes": "{not json"})),
            None
        );
        // A v2-style auth without a helper is kept.
        assert_eq!(
            auth(json!({"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "x"}]}})),
            Some(json!({"type": "bearer", "bearer": [
                {"key": "token", "value": "x", "type": "string"}
            ]}))
        );
    }

    #[test]
    fn v1_collection_noauth_is_inherit_and_folder_auth_kept() {
        let c = convert(json!({"name": "c", "order": [], "requests": [],
            "auth": {"type": "noauth"},
            "folders": [{"id": "f", "name": "F", "currentHelper": "bearerAuth",
                         "helperAttributes": {"token": "t"}}]}));
        assert_eq!(c["auth"], Value::Null);
        assert_eq!(c["item"][0]["auth"]["type"], "bearer");
    }

    #[test]
    fn v1_scripts_become_events() {
        let i = request_doc(json!({"preRequestScript": "a\nb", "tests": "t"}));
        assert_eq!(
            i["event"],
            json!([
                {"listen": "test", "script": {"type": "text/javascript", "exec": ["t"]}},
                {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["a", "b"]}}
            ])
        );
        let i = request_doc(json!({"tests": "", "events": [
            {"script": {"exec": "x\ny"}},
            {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["p"]}}
        ]}));
        assert_eq!(
            i["event"],
            json!([
                {"listen": "test", "script": {"exec": ["x", "y"], "type": "text/javascript"}},
                {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["p"]}}
            ])
        );
        assert!(request_doc(json!({"tests": null})).get("event").is_none());
    }

    #[test]
    fn v1_query_params_and_path_variables() {
        let i = request_doc(json!({
            "url": "http://x/:id/:other?ignored=1",
            "queryParams": [
                {"key": "a", "value": "1", "equals": true, "description": "", "enabled": true},
                {"key": "b", "value": "", "equals": false},
                {"key": "c", "value": null, "equals": true},
                {"key": "d", "value": "4", "enabled": false}
            ],
            "pathVariableData": [{"key": "id", "value": "7", "id": "pv1"}],
            "pathVariables": {"id": "ignored", "other": "o"}
        }));
        assert_eq!(
            i["request"]["url"],
            json!({
                "raw": "http://x/:id/:other?ignored=1",
                "query": [
                    {"key": "a", "value": "1"},
                    {"key": "b", "value": null},
                    {"key": "c", "value": ""},
                    {"key": "d", "value": "4", "disabled": true}
                ],
                "variable": [{"key": "id", "value": "7"}, {"value": "o", "key": "other"}]
            })
        );
        let i = request_doc(json!({"url": "http://plain/?q=1", "queryParams": []}));
        assert_eq!(i["request"]["url"], "http://plain/?q=1");
    }

    #[test]
    fn v1_responses_kept() {
        let i = request_doc(json!({
            "responses_order": ["b", "a"],
            "responses": [
                {"id": "a", "name": "first", "responseCode": {"code": 200, "name": "OK"},
                 "text": "hi", "headers": [{"key": "X", "value": "1"}], "time": 12,
                 "request": "r"},
                {"id": "b", "responseCode": {"code": "404"}, "cookies": [{"name": "c", "value": "v"}]}
            ]
        }));
        let r = i["response"].as_array().unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0]["name"], "response");
        assert_eq!(r[0]["code"].as_f64(), Some(404.0));
        assert_eq!(r[0]["cookie"][0]["key"], "c");
        assert_eq!(r[1]["name"], "first");
        assert_eq!(
            (r[1]["status"].as_str(), r[1]["body"].as_str()),
            (Some("OK"), Some("hi"))
        );
        // `request: "r"` names the request the response was saved from.
        assert!(r[1]["originalRequest"]["header"].is_array());
    }

    #[test]
    fn v1_is_v1_detection() {
        assert!(is_v1(&json!({"name": "n", "order": [], "requests": []})));
        assert!(is_v1(&json!({"requests": []})));
        assert!(!is_v1(&json!({"info": {}, "requests": []})));
        assert!(!is_v1(&json!({"item": []})));
        assert!(!is_v1(&json!([])));
    }

    #[test]
    fn v1_malformed_inputs_are_errors_not_panics() {
        let cases = [
            (json!(5), "expected a collection object, found a number"),
            (
                json!({"requests": 5}),
                "requests: expected an array, found a number",
            ),
            (
                json!({"requests": [3]}),
                "requests[0]: expected a request object",
            ),
            (
                json!({"requests": [{"id": {}}]}),
                "requests[0].id: expected an id",
            ),
            (
                json!({"order": {"a": 1}}),
                "order: expected an array, found an object",
            ),
            (
                json!({"order": [[1]], "requests": []}),
                "order[0]: expected an id",
            ),
            (
                json!({"order": [], "folders": "x"}),
                "folders: expected an array",
            ),
            (
                json!({"order": [], "folders": [{"id": "f", "order": 1}]}),
                "folders[0].order",
            ),
            (
                json!({"order": [], "folders": [{"id": "f", "folders_order": {}}]}),
                "folders[0].folders_order: expected an array",
            ),
            (
                json!({"order": [], "folders_order": "f"}),
                "folders_order: expected an array",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "headers": {}}]}),
                "requests[0].headers: expected a string of header lines or an array",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "headerData": [1]}]}),
                "requests[0].headerData[0]: expected a header object",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "queryParams": "a=1"}]}),
                "requests[0].queryParams: expected an array, found a string",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "pathVariables": [1]}]}),
                "requests[0].pathVariables: expected an object",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "url": [1]}]}),
                "requests[0].url: expected a URL string",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "tests": 5}]}),
                "requests[0].tests: expected a script",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "events": [5]}]}),
                "requests[0].events[0]: expected an event object",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "currentHelper": {}}]}),
                "requests[0].currentHelper: expected an auth helper name",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "auth": 5}]}),
                "requests[0].auth: expected an auth object",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "dataMode": "raw", "rawModeData": "x", "dataOptions": 1}]}),
                "requests[0].dataOptions: expected an object",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "variables": [1]}]}),
                "requests[0].variables[0]: expected a variable object",
            ),
            (
                json!({"order": ["r"], "requests": [{"id": "r", "responses": {}}]}),
                "requests[0].responses: expected an array",
            ),
            (
                json!({"order": [], "folders": [
                {"id": "a", "folders_order": ["b"]}, {"id": "b", "folders_order": ["a"]},
                {"id": "top", "folders_order": ["a"]}]}),
                "is listed inside itself",
            ),
            (
                json!({"order": [], "variables": "x"}),
                "variables: expected an array",
            ),
        ];
        for (doc, expected) in cases {
            let shown = doc.to_string();
            let err = convert_v1(&doc).unwrap_err();
            assert!(err.contains(expected), "{shown}: {err}");
        }
    }

    #[test]
    fn v1_odd_but_valid_inputs_convert() {
        let docs = [
            json!({"order": null, "requests": [null, {"id": 1, "name": 2, "url": 3}]}),
            json!({"order": [1], "requests": [{"id": 1, "headers": 5, "method": null}]}),
            json!({"order": ["r"], "requests": [{"id": "r", "data": {"a": 1}, "dataMode": "nope"}]}),
            json!({"order": ["r"], "requests": [{"id": "r", "currentHelper": "mystery",
                "helperAttributes": [1, 2]}]}),
            json!({"order": ["r"], "requests": [{"id": "r", "currentHelper": "awsSigV4",
                "helperAttributes": 7}]}),
            json!({"order": ["r"], "requests": [{"id": "r", "headers": "é: ü\n//\n//:x\n∂"}]}),
            json!({"order": ["x"], "folders": [null, {"name": "no id"}], "requests": []}),
            json!({"order": [], "folders": [{"id": "f", "folders_order": ["f"]}]}),
        ];
        for doc in docs {
            let shown = doc.to_string();
            let converted = convert_v1(&doc).unwrap_or_else(|e| panic!("{shown}: {e}"));
            crate::collection::parse_collection(converted, std::path::Path::new("c.json"))
                .unwrap_or_else(|d| panic!("{shown}: {d}"));
        }
    }

    #[test]
    fn v1_deep_nesting_is_bounded() {
        let n = MAX_DEPTH + 5;
        let folders: Vec<Value> = (0..n)
            .map(|i| json!({"id": format!("f{i}"), "folders_order": [format!("f{}", i + 1)]}))
            .collect();
        let err = convert_v1(&json!({"order": [], "folders": folders})).unwrap_err();
        assert!(err.contains("levels deep"), "{err}");
        // Shared subfolders doubling at each level would explode; they stop at a bound.
        let folders: Vec<Value> = (0..40)
            .map(|i| {
                let next = format!("f{}", i + 1);
                json!({"id": format!("f{i}"), "folders_order": [next.clone(), next]})
            })
            .collect();
        let err = convert_v1(&json!({"order": [], "folders": folders})).unwrap_err();
        assert!(err.contains("expands to more than"), "{err}");
    }

    #[test]
    fn v1_fixture_matches_the_v2_multi_level_folders_case() {
        let v1: Value = serde_json::from_str(include_str!(
            "testdata/multi-level-folders.v1.collection.json"
        ))
        .unwrap();
        let converted = convert(v1);
        let expected = [
            "F1/",
            "  F1.R1",
            "  F1.R2",
            "  F1.R3",
            "F2/",
            "  F2.F3/",
            "    F2.F3.R1",
            "  F4/",
            "  F2.R1",
            "R1",
        ];
        assert_eq!(outline(&converted["item"]), expected);
        let v2_file = [
            "../shared/conformance/cases",
            "/work/shared/conformance/cases",
        ]
        .iter()
        .map(|d| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(d)
                .join("multi-level-folders-v2/collection.json")
        })
        .find(|p| p.is_file());
        if let Some(v2_file) = v2_file {
            let v2: Value =
                serde_json::from_str(&std::fs::read_to_string(v2_file).unwrap()).unwrap();
            assert_eq!(outline(&converted["item"]), outline(&v2["item"]));
        }
        let c =
            crate::collection::parse_collection(converted, std::path::Path::new("m.json")).unwrap();
        assert_eq!(c.items.len(), 3);
        assert_eq!(c.name, "multi-level folders (v1 form)");
    }
}
