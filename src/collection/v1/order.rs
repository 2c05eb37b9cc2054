//! Where things go: the flat v1 `requests` and `folders` placed into a v2.1 item tree by the
//! `order` / `folders_order` id lists, with loops, nesting depth and total size bounded, and
//! the requests that no `order` lists noted.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::auth::auth;
use super::events::events;
use super::request::item;
use super::util::{
    array, description, id_key, kept_id, path, profile_behavior, put, truthy, wrong,
};
use super::variables::variables;

/// Folders may nest at most this deep (deeper nesting is refused rather than risking the stack).
pub(super) const MAX_DEPTH: usize = 100;

/// At most this many items and folders are produced (a folder listed as the subfolder of many
/// folders is copied into each, which could otherwise grow without bound).
const MAX_NODES: usize = 200_000;

/// The id lookups built from `requests` and `folders`.
pub(super) struct Converter<'a> {
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
    /// The lookups for `root`'s `requests` and `folders` (errors name the first malformed entry).
    pub(super) fn new(root: &'a Map<String, Value>) -> Result<Self, String> {
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
    pub(super) fn root_items(&mut self, root: &Map<String, Value>) -> Result<Vec<Value>, String> {
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

    /// Count one more item or folder, refusing to go past [`MAX_NODES`].
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
    pub(super) fn left_out(&self) -> Vec<String> {
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

/// Request id key → (index in `requests`, the request): the lookup [`Converter`] builds.
pub(super) type Requests<'a> = HashMap<String, (usize, &'a Map<String, Value>)>;
