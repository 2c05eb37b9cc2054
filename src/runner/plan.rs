//! The run's plan: the collection's request items flattened in order, each with what it inherits
//! from its folders and the collection (scripts outermost first, auth, protocol behaviour), and
//! narrowed to `--folder` selections. A disk-backed collection's plan is [`super::file_plan`]'s,
//! built from the same pieces.

use std::sync::Arc;

use crate::collection::{Auth, Collection, Item, ItemGroup, Listen, Node, ProfileBehavior, Script};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::http::SendOptions;

/// One request item with everything it inherits. There is one per item of the collection for the
/// whole run, so what the items of a folder have in common is shared, not copied.
#[derive(Debug, Clone)]
pub struct PlannedItem<'c> {
    /// The item.
    pub item: &'c Item,
    /// Folder names around it, outermost first.
    pub folders: Arc<[String]>,
    /// The scripts to run, outermost first: the pre-request ones, then the tests.
    scripts: Box<[PlannedScript<'c>]>,
    /// How many of `scripts` are pre-request scripts.
    prerequest_count: usize,
    /// The effective auth (`None` = none); `noauth` already stops inheritance here.
    pub auth: Option<&'c Auth>,
    /// `protocolProfileBehavior` merged from the collection down to the item (child wins).
    pub behavior: Arc<ProfileBehavior>,
    /// What tells this item from the others of the run (for ids made up for it).
    key: u64,
    /// Its ordinal among the collection's nodes (folders and requests, in document order).
    pub node: usize,
}

impl<'c> PlannedItem<'c> {
    /// What tells this item from the others of the run, the same each time it runs.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Pre-request scripts to run, outermost first.
    pub fn prerequest(&self) -> &[PlannedScript<'c>] {
        &self.scripts[..self.prerequest_count]
    }

    /// Test scripts to run, outermost first.
    pub fn test(&self) -> &[PlannedScript<'c>] {
        &self.scripts[self.prerequest_count..]
    }

    /// `disabledSystemHeaders`: names of default headers switched off (`{"user-agent": true}`).
    pub fn disabled_system_headers(&self) -> Vec<String> {
        let headers = self.behavior.disabled_system_headers.get();
        headers.cloned().unwrap_or_default()
    }

    /// How to send this item's request: `protocolProfileBehavior` over the run's defaults.
    pub fn send_options(&self, follow_redirects: bool) -> SendOptions {
        let b = &*self.behavior;
        let flag = |setting: &crate::collection::Setting<bool>| setting.get() == Some(&true);
        let texts = |setting: &crate::collection::Setting<Vec<String>>| {
            setting.get().cloned().unwrap_or_default()
        };
        SendOptions {
            follow_redirects: b
                .follow_redirects
                .get()
                .copied()
                .unwrap_or(follow_redirects),
            max_redirects: (b.max_redirects.get())
                .map_or(SendOptions::default().max_redirects, |&n| n as usize),
            follow_original_method: flag(&b.follow_original_http_method),
            follow_authorization_header: flag(&b.follow_authorization_header),
            remove_referer_on_redirect: flag(&b.remove_referer_header_on_redirect),
            strict_ssl: b.strict_ssl.get().copied(),
            disable_cookies: flag(&b.disable_cookies),
            disable_url_encoding: flag(&b.disable_url_encoding),
            tls: crate::http::tls::TlsBehavior {
                disabled_protocols: texts(&b.tls_disabled_protocols),
                cipher_selection: texts(&b.tls_cipher_selection),
            },
        }
    }

    /// A boolean `protocolProfileBehavior` setting by its name in the file, or `default`.
    pub fn behavior_flag(&self, key: &str, default: bool) -> bool {
        self.behavior.flag(key).unwrap_or(default)
    }
}

/// A script to run for an item, with the name of the collection, folder or item whose events
/// hold it (`pm.execution.location.current`).
#[derive(Debug, Clone, Copy)]
pub struct PlannedScript<'c> {
    /// The script.
    pub script: &'c Script,
    /// Its owner's name.
    pub owner: &'c str,
}

impl std::ops::Deref for PlannedScript<'_> {
    type Target = Script;

    fn deref(&self) -> &Script {
        self.script
    }
}

/// `events`, each with the name of their owner.
fn owned<'c>(events: &'c [Script], owner: &'c str) -> impl Iterator<Item = PlannedScript<'c>> {
    events
        .iter()
        .map(move |script| PlannedScript { script, owner })
}

/// What the items of one folder (or of the collection) inherit.
#[derive(Clone)]
pub(super) struct Inherited<'c> {
    folders: Arc<[String]>,
    events: Vec<PlannedScript<'c>>,
    auth: Option<&'c Auth>,
    behavior: Arc<ProfileBehavior>,
}

impl<'c> Inherited<'c> {
    /// What the collection's own items inherit.
    pub(super) fn root(collection: &'c Collection) -> Self {
        Inherited {
            folders: Arc::new([]),
            events: owned(&collection.events, &collection.name).collect(),
            auth: collection.auth.as_ref(),
            behavior: Arc::new(
                collection
                    .protocol_profile_behavior
                    .clone()
                    .unwrap_or_default(),
            ),
        }
    }

    /// What the items of `group`, inside this, inherit.
    pub(super) fn child(&self, group: &'c ItemGroup) -> Self {
        let mut next = self.clone();
        next.folders = self.folders.iter().chain([&group.name]).cloned().collect();
        next.events.extend(owned(&group.events, &group.name));
        if group.auth.is_some() {
            next.auth = group.auth.as_deref();
        }
        next.behavior = extend(&self.behavior, group.protocol_profile_behavior.as_deref());
        next
    }

    /// `item` with what it inherits from here; `key` tells it from the run's other items, `node`
    /// is its ordinal among the collection's nodes.
    pub(super) fn plan<'i>(&self, item: &'i Item, key: u64, node: usize) -> PlannedItem<'i>
    where
        'c: 'i,
    {
        let mut events: Vec<PlannedScript<'i>> = self.events.clone();
        events.extend(owned(&item.events, &item.name));
        let mut scripts = by_listen(&events, Listen::PreRequest);
        let prerequest_count = scripts.len();
        scripts.extend(by_listen(&events, Listen::Test));
        let auth = item.request.auth.as_deref().or(self.auth);
        PlannedItem {
            item,
            folders: self.folders.clone(),
            scripts: scripts.into_boxed_slice(),
            prerequest_count,
            auth: auth.filter(|a| a.kind != "noauth"),
            behavior: extend(&self.behavior, item.protocol_profile_behavior.as_deref()),
            key,
            node,
        }
    }
}

/// The error for a `--folder` selection that names nothing; `names` are all the collection's
/// folder and item names, for a suggestion. It exits 1 as Newman's does (a failed run, not a
/// bad command line).
pub(super) fn unknown_selection<'n>(
    collection: &Collection,
    wanted: &str,
    names: impl IntoIterator<Item = &'n str>,
) -> Diagnostic {
    let mut d = Diagnostic::new(format!(
        "--folder \"{wanted}\": no folder or request with this name or id in \"{}\"",
        collection.name
    ));
    d.aborted = true;
    match did_you_mean(wanted, names) {
        Some(close) => d.with_hint(format!("did you mean \"{close}\"?")),
        None => d,
    }
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
            return Err(unknown_selection(collection, wanted, names));
        }
    }
    let selected: Vec<&Node> = folders
        .iter()
        .filter_map(|f| find_node(&collection.items, f))
        .collect();
    let root = Inherited::root(collection);
    let mut out = Vec::new();
    walk(
        &collection.items,
        &root,
        &selected,
        selected.is_empty(),
        &mut 0,
        &mut out,
    );
    out.shrink_to_fit();
    Ok(out)
}

fn walk<'c>(
    nodes: &'c [Node],
    inherited: &Inherited<'c>,
    selected: &[&Node],
    included: bool,
    ordinal: &mut usize,
    out: &mut Vec<PlannedItem<'c>>,
) {
    for node in nodes {
        let included = included || selected.iter().any(|s| std::ptr::eq(*s, node));
        let at = *ordinal;
        *ordinal += 1;
        match node {
            Node::Item(item) => {
                if included {
                    let key = std::ptr::from_ref(item) as u64;
                    out.push(inherited.plan(item, key, at));
                }
            }
            Node::Group(group) => {
                let next = inherited.child(group);
                walk(&group.items, &next, selected, included, ordinal, out);
            }
        }
    }
}

/// `inherited` with `own` settings over it; shared as it is when there are none.
fn extend(inherited: &Arc<ProfileBehavior>, own: Option<&ProfileBehavior>) -> Arc<ProfileBehavior> {
    match own {
        None => Arc::clone(inherited),
        Some(own) => Arc::new(own.over(inherited)),
    }
}

fn by_listen<'c>(events: &[PlannedScript<'c>], listen: Listen) -> Vec<PlannedScript<'c>> {
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
