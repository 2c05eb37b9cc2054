//! HTML parsing for the `cheerio` module: html5ever's tokenizer and a tree built by htmlparser2's
//! rules (as cheerio 0.22 in Newman's sandbox).
//!
//! `htmlLoad(text)` parses a document and returns its node tree as JSON; the JavaScript
//! side owns the tree from then on (it is changed by cheerio's manipulation methods, and CSS
//! selectors run over it there, as css-select does).

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

use ego_tree::NodeId;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, QualName, ns};
use rquickjs::{Ctx, Function, Object};
use scraper::node::{Comment, Element, ProcessingInstruction, Text};
use scraper::{Html, Node, StrTendril};
use serde_json::{Map, Value, json};

/// Install `htmlLoad` on `native`.
pub(super) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    native.set(
        "htmlLoad",
        Function::new(ctx.clone(), move |text: String| {
            json!({ "nodes": load(&text) }).to_string()
        })?,
    )?;
    Ok(())
}

/// Void elements: never hold children (htmlparser2's list, which cheerio 0.22 parses with).
const VOID: &[&str] = &[
    "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input",
    "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements that start foreign content, where `<x/>` closes the element.
const FOREIGN: &[&str] = &["math", "svg"];

/// Elements inside foreign content that switch back to HTML rules. (htmlparser2 also lists
/// `foreignObject`, which never matches its lower-cased tag names.)
const INTEGRATION: &[&str] = &[
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "desc",
    "title",
];

/// The open elements a start tag closes first when one of them is the innermost open element
/// (htmlparser2's implied closes; it knows nothing else of HTML's tree construction rules).
fn implied_closes(name: &str) -> &'static [&'static str] {
    const FORM: &[&str] = &[
        "input", "option", "optgroup", "select", "button", "datalist", "textarea",
    ];
    match name {
        "tr" => &["tr", "th", "td"],
        "th" => &["th"],
        "td" => &["thead", "th", "td"],
        "body" => &["head", "link", "script"],
        "li" => &["li"],
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["p"],
        "select" | "input" | "output" | "button" | "datalist" | "textarea" => FORM,
        "option" => &["option"],
        "optgroup" => &["optgroup"],
        _ => &[],
    }
}

/// Builds the tree the way htmlparser2 (behind cheerio 0.22) does from html5ever's tokens:
/// elements stay where they are written (no implied `<html>`, `<head>`, `<body>` or `<tbody>`,
/// a `<body>` inside a fragment is kept), only the implied closes above apply, and an end tag
/// closes up to the innermost open element of its name (or is dropped).
struct Builder {
    html: Html,
    /// Open elements, innermost last.
    stack: Vec<(String, NodeId)>,
    /// htmlparser2's foreign-content flags, pushed by `svg`/`math` (true) and the integration
    /// points (false), popped by their end tags.
    foreign: Vec<bool>,
    /// Attributes in source order (the tree keeps them sorted).
    attrs: HashMap<NodeId, Vec<(String, String)>>,
    /// The `<!...>` and `<?...>` declarations of the source as written (see [`declarations`]).
    decls: VecDeque<String>,
}

impl Builder {
    fn current(&self) -> NodeId {
        self.stack
            .last()
            .map_or_else(|| self.html.tree.root().id(), |(_, id)| *id)
    }

    fn append(&mut self, node: Node) -> Option<NodeId> {
        let parent = self.current();
        let mut at = self.html.tree.get_mut(parent)?;
        Some(at.append(node).id())
    }

    fn text(&mut self, text: &str) {
        let parent = self.current();
        let Some(mut at) = self.html.tree.get_mut(parent) else {
            return;
        };
        if let Some(mut last) = at.last_child()
            && let Node::Text(t) = last.value()
        {
            t.text.push_slice(text);
            return;
        }
        at.append(Node::Text(Text {
            text: StrTendril::from_slice(text),
        }));
    }

    /// A start tag; true when it leaves a `script` or `style` open (its content is raw text).
    fn open(&mut self, tag: &Tag) -> bool {
        let name: &str = &tag.name;
        let closes = implied_closes(name);
        while let Some((top, _)) = self.stack.last() {
            if !closes.contains(&top.as_str()) {
                break;
            }
            let top = top.clone();
            self.close(&top);
        }
        let element = Element::new(
            QualName::new(None, ns!(html), tag.name.clone()),
            tag.attrs.clone(),
        );
        let Some(id) = self.append(Node::Element(element)) else {
            return false;
        };
        let attrs = tag
            .attrs
            .iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        self.attrs.insert(id, attrs);
        if VOID.contains(&name) {
            return false;
        }
        self.stack.push((name.to_string(), id));
        if FOREIGN.contains(&name) {
            self.foreign.push(true);
        } else if INTEGRATION.contains(&name) {
            self.foreign.push(false);
        }
        if tag.self_closing && self.foreign.last() == Some(&true) {
            if self.stack.last().is_some_and(|(top, _)| top == name) {
                self.stack.pop();
            }
            return false;
        }
        name == "script" || name == "style"
    }

    /// An end tag.
    fn close(&mut self, name: &str) {
        if FOREIGN.contains(&name) || INTEGRATION.contains(&name) {
            self.foreign.pop();
        }
        if self.stack.is_empty() || VOID.contains(&name) {
            if name == "br" || name == "p" {
                self.empty_element(name);
            }
            return;
        }
        if let Some(at) = self.stack.iter().rposition(|(open, _)| open == name) {
            self.stack.truncate(at);
        } else if name == "p" {
            self.empty_element(name);
        }
    }

    /// `</p>` with no `<p>` open, or `</br>`: an empty element, as htmlparser2 makes.
    fn empty_element(&mut self, name: &str) {
        let element = Element::new(
            QualName::new(None, ns!(html), LocalName::from(name)),
            Vec::new(),
        );
        if let Some(id) = self.append(Node::Element(element)) {
            self.attrs.insert(id, Vec::new());
        }
    }
}

impl Builder {
    /// The first pending declaration `matches` accepts, dropping those before it (a `<!` inside
    /// raw text is no declaration).
    fn declaration(&mut self, matches: impl Fn(&str) -> bool) -> Option<String> {
        let at = self.decls.iter().position(|d| matches(d))?;
        self.decls.drain(..at);
        self.decls.pop_front()
    }
}

/// The text between `<` and `>` of every `<!...>` (not a comment or CDATA) and `<?...>` in the
/// source, in order: htmlparser2 keeps them as written (`!DOCTYPE html PUBLIC "..."`).
fn declarations(text: &str) -> VecDeque<String> {
    let mut out = VecDeque::new();
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let declaration = after.starts_with('?')
            || (after.starts_with('!')
                && !after.starts_with("!--")
                && !after.starts_with("![CDATA["));
        if !declaration {
            rest = after;
            continue;
        }
        let Some(end) = after.find('>') else {
            break;
        };
        out.push_back(after[..end].to_string());
        rest = &after[end + 1..];
    }
    out
}

/// A directive node as htmlparser2 makes it: named by its first word, lower-cased, holding the
/// declaration as written.
fn directive(raw: &str) -> Node {
    let end = raw
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(raw.len());
    Node::ProcessingInstruction(ProcessingInstruction {
        target: StrTendril::from_slice(&raw[..end].to_lowercase()),
        data: StrTendril::from_slice(raw),
    })
}

/// html5ever's tokenizer feeding the [`Builder`].
struct Sink(RefCell<Builder>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut builder = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    if builder.open(&tag) {
                        let kind = if &*tag.name == "script" {
                            RawKind::ScriptData
                        } else {
                            RawKind::Rawtext
                        };
                        return TokenSinkResult::RawData(kind);
                    }
                }
                TagKind::EndTag => builder.close(&tag.name),
            },
            Token::CharacterTokens(text) => builder.text(&text),
            Token::NullCharacterToken => builder.text("\0"),
            Token::CommentToken(text) => {
                // html5ever reads `<?x>` and `<!x>` as bogus comments; htmlparser2 as directives.
                let raw = builder.declaration(|d| d.get(1..) == Some(&*text) || *d == *text);
                let node = match raw {
                    Some(raw) => directive(&raw),
                    None => Node::Comment(Comment {
                        comment: StrTendril::from_slice(&text),
                    }),
                };
                builder.append(node);
            }
            Token::DoctypeToken(doctype) => {
                let raw = builder
                    .declaration(|d| {
                        d.get(..8)
                            .is_some_and(|k| k.eq_ignore_ascii_case("!doctype"))
                    })
                    .unwrap_or_else(|| {
                        format!("!DOCTYPE {}", doctype.name.as_deref().unwrap_or_default())
                    });
                builder.append(directive(&raw));
            }
            Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// Parse as cheerio 0.22 does (htmlparser2: the same rules for a document and a fragment) and
/// flatten the tree for the JavaScript side.
fn load(text: &str) -> Vec<Value> {
    let builder = Builder {
        html: Html::new_fragment(),
        stack: Vec::new(),
        foreign: Vec::new(),
        attrs: HashMap::new(),
        decls: declarations(text),
    };
    let tokenizer = Tokenizer::new(Sink(RefCell::new(builder)), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html5ever::tendril::StrTendril::from_slice(text));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let Builder { html, attrs, .. } = tokenizer.sink.0.into_inner();
    let mut index = HashMap::new();
    let mut nodes: Vec<Value> = Vec::new();
    for node in html.tree.root().descendants() {
        let at = u32::try_from(nodes.len()).unwrap_or(u32::MAX);
        index.insert(node.id(), at);
        let parent = node
            .parent()
            .and_then(|p| index.get(&p.id()).copied())
            .map_or(Value::Null, Value::from);
        let entry = match node.value() {
            Node::Document | Node::Fragment => json!({ "t": "root" }),
            Node::Element(e) => {
                let mut map = Map::new();
                for (k, v) in attrs.get(&node.id()).map_or(&[][..], Vec::as_slice) {
                    map.insert(k.clone(), Value::String(v.clone()));
                }
                json!({ "t": "tag", "name": e.name(), "attrs": map, "p": parent })
            }
            Node::Text(t) => json!({ "t": "text", "text": &**t, "p": parent }),
            Node::Comment(c) => json!({ "t": "comment", "text": &**c, "p": parent }),
            Node::Doctype(d) => {
                json!({ "t": "directive", "name": "!doctype", "data": format!("!DOCTYPE {}", d.name()), "p": parent })
            }
            Node::ProcessingInstruction(p) => {
                json!({ "t": "directive", "name": &*p.target, "data": &*p.data, "p": parent })
            }
        };
        nodes.push(entry);
    }
    nodes
}
