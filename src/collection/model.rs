//! The Postman data model: collections, folders, requests, scripts and variables as plain data.
//!
//! These types are built from a collection's JSON by the loader (see `build.rs`); they hold no
//! execution logic and no file: the document a collection was loaded from, and where a large
//! collection's items stay, travel beside the model in [`super::LoadedCollection`]. Values stay as
//! written (templates such as `{{name}}` are resolved later by `vars`).
//!
//! A collection can hold a great many items, so what most items lack (auth, a body, structured
//! URL parts, `protocolProfileBehavior`) is boxed: an item without them stays small.

use std::borrow::Cow;

use indexmap::IndexMap;
use serde_json::Value;

use super::behavior::ProfileBehavior;

/// A loaded Postman collection (v2.0 or v2.1).
#[derive(Debug, Clone)]
pub struct Collection {
    /// `info._postman_id`, if any.
    pub id: Option<String>,
    /// `info.name`.
    pub name: String,
    /// `info.schema`, if any.
    pub schema: Option<String>,
    /// Top-level items and folders, in order. For a disk-backed collection (see
    /// [`super::LoadedCollection::item_file`]), only the folders: its request items are read
    /// from the file as the run goes.
    pub items: Vec<Node>,
    /// Collection-level scripts.
    pub events: Vec<Script>,
    /// Collection variables.
    pub variables: Vec<Variable>,
    /// Collection-level auth.
    pub auth: Option<Auth>,
    /// Collection-level `protocolProfileBehavior`.
    pub protocol_profile_behavior: Option<ProfileBehavior>,
    /// Things the user should be told about the file that did not stop it loading (e.g. that a
    /// v1 collection was converted). The library never prints them; the CLI does.
    pub warnings: Vec<String>,
}

/// One entry of an `item` array: a request item or a folder.
// Items outnumber folders and are read far more often than moved, so they stay unboxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Node {
    /// A request.
    Item(Item),
    /// A folder holding more nodes.
    Group(ItemGroup),
}

impl Node {
    /// The node's name.
    pub fn name(&self) -> &str {
        match self {
            Node::Item(i) => &i.name,
            Node::Group(g) => &g.name,
        }
    }

    /// The node's id, if it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Node::Item(i) => i.id.as_deref(),
            Node::Group(g) => g.id.as_deref(),
        }
    }
}

/// A folder.
#[derive(Debug, Clone)]
pub struct ItemGroup {
    /// `id` or `_postman_id`.
    pub id: Option<String>,
    /// Folder name.
    pub name: String,
    /// Children, in order.
    pub items: Vec<Node>,
    /// Folder-level scripts.
    pub events: Vec<Script>,
    /// Folder-level auth (`None` = inherit).
    pub auth: Option<Box<Auth>>,
    /// Folder-level `protocolProfileBehavior`.
    pub protocol_profile_behavior: Option<Box<ProfileBehavior>>,
}

/// A request item.
#[derive(Debug, Clone)]
pub struct Item {
    /// `id` or `_postman_id`.
    pub id: Option<String>,
    /// Item name.
    pub name: String,
    /// The request to send.
    pub request: RequestSpec,
    /// Item-level scripts.
    pub events: Vec<Script>,
    /// Item-level `protocolProfileBehavior`.
    pub protocol_profile_behavior: Option<Box<ProfileBehavior>>,
}

/// A request as written in the collection, before variable resolution.
#[derive(Debug, Clone, Default)]
pub struct RequestSpec {
    /// HTTP method, upper-cased; `GET` when absent. The usual methods are not allocated.
    pub method: Cow<'static, str>,
    /// The URL.
    pub url: UrlSpec,
    /// Headers, including disabled ones.
    pub headers: Vec<KeyValue>,
    /// The body, if any.
    pub body: Option<Box<Body>>,
    /// The `body` object as written when it sends nothing (no mode, `disabled`, a file body
    /// without a file): scripts still see it as `pm.request.body`, as in Newman.
    pub script_body: Option<Box<Value>>,
    /// Request-level auth (`None` = inherit from the parent).
    pub auth: Option<Box<Auth>>,
    /// The request's `description` as scripts see it: `{"content": ..., "type": ...}` (a plain
    /// string is `text/plain` content).
    pub description: Option<Box<Value>>,
}

/// A key/value pair with Postman's `disabled` flag (headers, query params, urlencoded fields).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyValue {
    /// The key.
    pub key: String,
    /// The value (a template).
    pub value: String,
    /// `disabled: true` in the file.
    pub disabled: bool,
    /// True when the value was `null` or missing in the file (`value` is then `""`): a query
    /// parameter is then written `key` rather than `key=`, and a path variable is not substituted.
    pub no_value: bool,
}

/// A URL as written: `raw`, and the structured parts when the URL is an object.
#[derive(Debug, Clone, Default)]
pub struct UrlSpec {
    /// `raw` (or the whole string when the URL is a string).
    pub raw: String,
    /// The structured parts; `None` when the URL is a string. Postman builds an object URL from
    /// these alone (its `raw` is ignored).
    pub parts: Option<Box<UrlParts>>,
}

/// The structured parts of a URL object (see [`UrlSpec`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlParts {
    /// `protocol`, if structured.
    pub protocol: Option<String>,
    /// `auth`: `user` and `password` (each only when a string).
    pub auth: Option<(Option<String>, Option<String>)>,
    /// `host` segments, if structured.
    pub host: Option<Vec<String>>,
    /// `port`, if structured.
    pub port: Option<String>,
    /// `path` segments, if structured.
    pub path: Option<Vec<String>>,
    /// `query` parameters (including disabled ones); empty when absent.
    pub query: Vec<KeyValue>,
    /// `hash`, if structured.
    pub hash: Option<String>,
    /// Path variables (`:name` segments), from `variable`.
    pub variables: Vec<KeyValue>,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// `mode: raw`, with `options.raw.language` when given.
    Raw {
        /// The raw text.
        raw: String,
        /// `options.raw.language` (`json`, `text`, `xml`, `html`, `javascript`).
        language: Option<String>,
    },
    /// `mode: urlencoded`.
    UrlEncoded(Vec<KeyValue>),
    /// `mode: formdata`.
    FormData(Vec<FormParam>),
    /// `mode: graphql`. Each field is kept as written (`None` when absent), because Postman
    /// builds the body differently when `variables` is a string.
    GraphQl {
        /// `query` (normally a string).
        query: Option<serde_json::Value>,
        /// `operationName` (normally a string).
        operation_name: Option<serde_json::Value>,
        /// `variables`: a JSON text, or the variables as an object.
        variables: Option<serde_json::Value>,
    },
    /// `mode: file`, with `src` (`None` when the `file` object names none).
    File {
        /// Path of the file to send.
        src: Option<String>,
    },
}

impl Body {
    /// The `mode` Postman names this body by (`raw`, `urlencoded`, `formdata`, `graphql`, `file`).
    pub fn mode(&self) -> &'static str {
        match self {
            Body::Raw { .. } => "raw",
            Body::UrlEncoded(_) => "urlencoded",
            Body::FormData(_) => "formdata",
            Body::GraphQl { .. } => "graphql",
            Body::File { .. } => "file",
        }
    }
}

/// One `formdata` field.
#[derive(Debug, Clone, PartialEq)]
pub struct FormParam {
    /// Field name.
    pub key: String,
    /// Text value (for `type: text`).
    pub value: String,
    /// `type: file` when true.
    pub is_file: bool,
    /// File paths for `type: file`.
    pub src: Vec<String>,
    /// Per-field `contentType`.
    pub content_type: Option<String>,
    /// `disabled: true`.
    pub disabled: bool,
}

/// An auth block, normalised from v2.1 arrays or v2.0 objects.
#[derive(Debug, Clone, PartialEq)]
pub struct Auth {
    /// `type`: `noauth`, `basic`, `bearer`, `apikey`, ...
    pub kind: String,
    /// The parameters of that type, as key → value (value kept as JSON, usually a string).
    pub params: IndexMap<String, Value>,
    /// The `type` each parameter was given, when it was (scripts list the others as `any`).
    pub types: IndexMap<String, String>,
}

impl Auth {
    /// A parameter as a string (`""` when absent; other values as JavaScript's `String()`
    /// renders them, as Newman does: `[1,"x"]` is `1,x`, an object `[object Object]`).
    pub fn param(&self, key: &str) -> String {
        match self.params.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => value_to_text(v),
        }
    }
}

/// When a script runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listen {
    /// `prerequest`.
    PreRequest,
    /// `test`.
    Test,
}

/// A script attached to a collection, folder or item.
#[derive(Debug, Clone)]
pub struct Script {
    /// When it runs.
    pub listen: Listen,
    /// The source, `exec` lines joined with `\n`.
    pub source: String,
    /// `disabled: true` on the event.
    pub disabled: bool,
}

/// A variable from a collection, environment or globals file.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    /// The name.
    pub key: String,
    /// The value as written (string, number, boolean, ...), cast for its `type`; `None` when the
    /// entry has no value (JavaScript's `undefined`: substituted as an empty text, exported
    /// without a `value`).
    pub value: Option<Value>,
    /// `type` as written (`default`, `secret`, `string`, `any`, ...).
    pub kind: Option<String>,
    /// True when `disabled: true`. Newman's SDK ignores Postman's own `enabled: false`.
    pub disabled: bool,
}

impl Variable {
    /// The value as the text substituted into templates (`null` → `"null"`, strings unquoted,
    /// no value → empty).
    pub fn value_text(&self) -> String {
        self.value.as_ref().map(value_to_text).unwrap_or_default()
    }

    /// True for variables Postman treats as secret (`type: secret`).
    pub fn is_secret(&self) -> bool {
        self.kind.as_deref() == Some("secret")
    }
}

/// Render a JSON value as Postman substitutes it into a template: JavaScript's `String(value)`
/// (objects are `[object Object]`, arrays join with `,`), with `null` as `"null"`.
pub fn value_to_text(value: &Value) -> String {
    super::js_value::js_string(value)
}

/// A loaded environment or globals file.
#[derive(Debug, Clone)]
pub struct VariableFile {
    /// The JSON document as loaded (unwrapped from `{"environment": ...}` if needed is recorded in `wrapper`).
    pub doc: Value,
    /// The key that wrapped the scope in the API form (`environment` or `globals`), if any.
    pub wrapper: Option<String>,
    /// `name`, if any.
    pub name: Option<String>,
    /// `values`, in order, including disabled entries.
    pub values: Vec<Variable>,
    /// Values read loosely (`FILE: PATH: message`), for the CLI to show as warnings.
    pub warnings: Vec<String>,
}
