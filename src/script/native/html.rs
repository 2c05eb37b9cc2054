//! HTML parsing and CSS selection for the `cheerio` module, backed by `scraper`.
//!
//! `htmlLoad` parses a document, keeps it in a small per-sandbox registry and returns its node
//! tree as JSON (so the JavaScript side can read text, attributes and structure without calling
//! back); `htmlSelect` runs a CSS selector below given nodes and returns node indexes in
//! document order.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use ego_tree::NodeId;
use rquickjs::{Ctx, Function, Object};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{Map, Value, json};

use super::throw;

/// Documents kept at once; older ones are dropped (selecting in them then fails).
const MAX_DOCS: usize = 32;

struct Doc {
    html: Html,
    /// Node index → tree id, in document order (index 0 is the root).
    ids: Vec<NodeId>,
    index: HashMap<NodeId, u32>,
}

#[derive(Default)]
struct Registry {
    next: u32,
    docs: VecDeque<(u32, Doc)>,
}

/// Install `htmlLoad` and `htmlSelect` on `native`.
pub(super) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let registry = Rc::new(RefCell::new(Registry::default()));
    let loads = registry.clone();
    native.set(
        "htmlLoad",
        Function::new(ctx.clone(), move |text: String| {
            let (doc, tree) = load(&text);
            let mut reg = loads.borrow_mut();
            reg.next = reg.next.wrapping_add(1);
            let id = reg.next;
            reg.docs.push_back((id, doc));
            if reg.docs.len() > MAX_DOCS {
                reg.docs.pop_front();
            }
            json!({ "doc": id, "nodes": tree }).to_string()
        })?,
    )?;
    native.set(
        "htmlSelect",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'_>, doc: u32, scope: Vec<u32>, selector: String| {
                let reg = registry.borrow();
                let Some((_, doc)) = reg.docs.iter().find(|(id, _)| *id == doc) else {
                    return Err(throw(&ctx, "cheerio: this document is no longer loaded"));
                };
                select(doc, &scope, &selector).map_err(|message| throw(&ctx, &message))
            },
        )?,
    )?;
    Ok(())
}

/// Whether the markup is a whole document (as opposed to a fragment).
fn is_document(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(9)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype") || head.starts_with("<html")
}

/// Parse and flatten. Fragments drop scraper's synthetic `<html>` wrapper: its children hang off
/// the root directly.
fn load(text: &str) -> (Doc, Vec<Value>) {
    let document = is_document(text);
    let html = if document {
        Html::parse_document(text)
    } else {
        Html::parse_fragment(text)
    };
    let mut ids = Vec::new();
    let mut index = HashMap::new();
    let mut nodes: Vec<Value> = Vec::new();
    let root = html.tree.root();
    let wrapper = if document {
        None
    } else {
        root.children()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "html"))
            .map(|n| n.id())
    };
    for node in root.descendants() {
        if Some(node.id()) == wrapper {
            index.insert(node.id(), 0);
            continue;
        }
        let at = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        ids.push(node.id());
        index.insert(node.id(), at);
        let parent = node
            .parent()
            .and_then(|p| index.get(&p.id()).copied())
            .map_or(Value::Null, Value::from);
        let entry = match node.value() {
            Node::Document | Node::Fragment => json!({ "t": "root" }),
            Node::Element(e) => {
                let mut attrs = Map::new();
                for (k, v) in e.attrs() {
                    attrs.insert(k.to_string(), Value::String(v.to_string()));
                }
                json!({ "t": "tag", "name": e.name(), "attrs": attrs, "p": parent })
            }
            Node::Text(t) => json!({ "t": "text", "text": &**t, "p": parent }),
            Node::Comment(c) => json!({ "t": "comment", "text": &**c, "p": parent }),
            Node::Doctype(d) => json!({ "t": "directive", "name": d.name(), "p": parent }),
            Node::ProcessingInstruction(p) => {
                json!({ "t": "directive", "name": &*p.target, "p": parent })
            }
        };
        nodes.push(entry);
    }
    (Doc { html, ids, index }, nodes)
}

/// Indexes of the elements below `scope` (descendants, not the scope nodes themselves) that
/// match `selector`, in document order without duplicates.
fn select(doc: &Doc, scope: &[u32], selector: &str) -> Result<Vec<u32>, String> {
    let parsed = Selector::parse(selector)
        .map_err(|e| format!("cheerio: invalid selector {selector:?}: {e}"))?;
    let mut found: Vec<u32> = Vec::new();
    for &at in scope {
        let Some(id) = usize::try_from(at).ok().and_then(|i| doc.ids.get(i)) else {
            continue;
        };
        let Some(node) = doc.html.tree.get(*id) else {
            continue;
        };
        let matches: Box<dyn Iterator<Item = ElementRef<'_>>> = match ElementRef::wrap(node) {
            Some(element) => Box::new(element.select(&parsed)),
            None => Box::new(doc.html.select(&parsed)),
        };
        for element in matches {
            if let Some(&i) = doc.index.get(&element.id())
                && i != 0
            {
                found.push(i);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    Ok(found)
}
