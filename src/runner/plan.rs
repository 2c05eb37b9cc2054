//! The run's plan: the collection's request items flattened in order, each with what it inherits
//! from its folders and the collection (scripts outermost first, auth, protocol behaviour), and
//! narrowed to `--folder` selections.

use crate::collection::{Auth, Collection, Item, Listen, Node, Script};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::http::SendOptions;
use serde_json::{Map, Value};

/// One request item with everything it inherits.
#[derive(Debug, Clone)]
pub struct PlannedItem<'c> {
    /// The item.
    pub item: &'c Item,
    /// Folder names around it, outermost first.
    pub folders: Vec<String>,
    /// Pre-request scripts to run, outermost first.
    pub prerequest: Vec<&'c Script>,
    /// Test scripts to run, outermost first.
    pub test: Vec<&'c Script>,
    /// The effective auth (`None` = none); `noauth` already stops inheritance here.
    pub auth: Option<&'c Auth>,
    /// `protocolProfileBehavior` merged from the collection down to the item (child wins).
    pub behavior: Map<String, Value>,
}

impl PlannedItem<'_> {
    /// `disabledSystemHeaders`: names of default headers switched off (`{"user-agent": true}`).
    pub fn disabled_system_headers(&self) -> Vec<String> {
        match self.behavior.get("disabledSystemHeaders") {
            Some(Value::Object(map)) => map
                .iter()
                .filter(|(_, v)| v.as_bool() == Some(true))
                .map(|(k, _)| k.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// How to send this item's request: `protocolProfileBehavior` over the run's defaults.
    pub fn send_options(&self, follow_redirects: bool) -> SendOptions {
        let defaults = SendOptions::default();
        SendOptions {
            follow_redirects: self.behavior_flag("followRedirects", follow_redirects),
            max_redirects: self
                .behavior
                .get("maxRedirects")
                .and_then(Value::as_u64)
                .map_or(defaults.max_redirects, |n| n as usize),
            follow_original_method: self.behavior_flag("followOriginalHttpMethod", false),
            follow_authorization_header: self.behavior_flag("followAuthorizationHeader", false),
            remove_referer_on_redirect: self.behavior_flag("removeRefererHeaderOnRedirect", false),
            strict_ssl: self.behavior.get("strictSSL").and_then(Value::as_bool),
            disable_cookies: self.behavior_flag("disableCookies", false),
            disable_url_encoding: self.behavior_flag("disableUrlEncoding", false),
        }
    }

    /// A boolean `protocolProfileBehavior` setting, or `default`.
    pub fn behavior_flag(&self, key: &str, default: bool) -> bool {
        self.behavior
            .get(key)
            .and_then(Value::as_bool)
            .unwrap_or(default)
    }
}

/// Inherited state while walking down the tree.
#[derive(Clone)]
struct Inherited<'c> {
    folders: Vec<String>,
    events: Vec<&'c Script>,
    auth: Option<&'c Auth>,
    behavior: Map<String, Value>,
}

/// Flatten `collection`; with `folders` non-empty, only items under the named folders or the named
/// requests (by name or id) run, in collection order. An unknown name is an error.
pub fn plan<'c>(
    collection: &'c Collection,
    folders: &[String],
) -> Result<Vec<PlannedItem<'c>>, Diagnostic> {
    for wanted in folders {
        if find_node(&collection.items, wanted).is_none() {
            let mut names = Vec::new();
            collect_names(&collection.items, &mut names);
            let mut d = Diagnostic::new(format!(
                "--folder \"{wanted}\": no folder or request with this name or id in \"{}\"",
                collection.name
            ));
            if let Some(close) = did_you_mean(wanted, names.iter().copied()) {
                d = d.with_hint(format!("did you mean \"{close}\"?"));
            }
            return Err(d);
        }
    }
    let selected: Vec<&Node> = folders
        .iter()
        .filter_map(|f| find_node(&collection.items, f))
        .collect();
    let root = Inherited {
        folders: Vec::new(),
        events: collection.events.iter().collect(),
        auth: collection.auth.as_ref(),
        behavior: collection
            .protocol_profile_behavior
            .clone()
            .unwrap_or_default(),
    };
    let mut out = Vec::new();
    walk(
        &collection.items,
        &root,
        &selected,
        selected.is_empty(),
        &mut out,
    );
    Ok(out)
}

fn walk<'c>(
    nodes: &'c [Node],
    inherited: &Inherited<'c>,
    selected: &[&Node],
    included: bool,
    out: &mut Vec<PlannedItem<'c>>,
) {
    for node in nodes {
        let included = included || selected.iter().any(|s| std::ptr::eq(*s, node));
        match node {
            Node::Item(item) => {
                if !included {
                    continue;
                }
                let mut events = inherited.events.clone();
                events.extend(item.events.iter());
                let mut behavior = inherited.behavior.clone();
                extend(&mut behavior, item.protocol_profile_behavior.as_deref());
                let auth = item.request.auth.as_deref().or(inherited.auth);
                out.push(PlannedItem {
                    item,
                    folders: inherited.folders.clone(),
                    prerequest: by_listen(&events, Listen::PreRequest),
                    test: by_listen(&events, Listen::Test),
                    auth: auth.filter(|a| a.kind != "noauth"),
                    behavior,
                });
            }
            Node::Group(group) => {
                let mut next = inherited.clone();
                next.folders.push(group.name.clone());
                next.events.extend(group.events.iter());
                if group.auth.is_some() {
                    next.auth = group.auth.as_deref();
                }
                extend(
                    &mut next.behavior,
                    group.protocol_profile_behavior.as_deref(),
                );
                walk(&group.items, &next, selected, included, out);
            }
        }
    }
}

fn extend(into: &mut Map<String, Value>, from: Option<&Map<String, Value>>) {
    if let Some(from) = from {
        for (k, v) in from {
            into.insert(k.clone(), v.clone());
        }
    }
}

fn by_listen<'c>(events: &[&'c Script], listen: Listen) -> Vec<&'c Script> {
    events
        .iter()
        .copied()
        .filter(|s| s.listen == listen && !s.disabled && !s.source.trim().is_empty())
        .collect()
}

/// First node named (or with id) `wanted`: this level first, then each subtree in order.
fn find_node<'c>(nodes: &'c [Node], wanted: &str) -> Option<&'c Node> {
    nodes
        .iter()
        .find(|n| n.id() == Some(wanted) || n.name() == wanted)
        .or_else(|| {
            nodes.iter().find_map(|n| match n {
                Node::Group(g) => find_node(&g.items, wanted),
                Node::Item(_) => None,
            })
        })
}

fn collect_names<'c>(nodes: &'c [Node], out: &mut Vec<&'c str>) {
    for node in nodes {
        out.push(node.name());
        if let Node::Group(g) = node {
            collect_names(&g.items, out);
        }
    }
}
