//! Where each part of the v2.1 document read from a v3 folder came from: the file (a request,
//! an example, a definition) and the v3 field path in it, so a finding about a v2.1 path
//! (`item[1].item[0].request.header[2].value`) can name `orders/create.request.yaml` and
//! `headers[2].value`. [`locate`](super::locate) then finds that field's line and column.

use std::path::{Path, PathBuf};

/// What a source file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A collection's or folder's `definition.yaml` (or none: then the folder itself).
    Definition,
    /// A `*.request.yaml`.
    Request,
    /// A `*.example.yaml`.
    Example,
    /// A script kept as a `.js` file: the v2.1 path is its event.
    Script,
}

/// One v2.1 subtree and the file it was read from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The v2.1 path of the subtree (`""` for the collection, `item[1]`, `item[0].response[2]`).
    pub at: String,
    /// The file.
    pub file: PathBuf,
    /// What the file holds.
    pub kind: SourceKind,
}

/// The sources of a v3 folder's document.
#[derive(Debug, Clone, Default)]
pub struct SourceMap(pub Vec<Source>);

impl SourceMap {
    /// Note that the subtree at `at` came from `file`.
    pub(super) fn add(&mut self, at: &str, file: &Path, kind: SourceKind) {
        self.0.push(Source {
            at: at.to_string(),
            file: file.to_path_buf(),
            kind,
        });
    }

    /// Note the script files of the item or folder at `at` (by index in its `scripts`).
    pub(super) fn add_scripts(&mut self, at: &str, files: &[(usize, PathBuf)]) {
        for (i, file) in files {
            self.add(&format!("{at}.event[{i}]"), file, SourceKind::Script);
        }
    }

    /// The file and v3 field path of v2.1 path `path`: the deepest source holding it (for a
    /// script file, the path is empty: a position in it is a position in the script). The v3
    /// path is the nearest field v3 has (`""`, the file itself, when none fits).
    pub fn find(&self, path: &str) -> Option<(&Path, String)> {
        let source = self
            .0
            .iter()
            .filter(|s| within(path, &s.at))
            .max_by_key(|s| s.at.len())?;
        let rest = path[source.at.len()..].trim_start_matches('.');
        let v3 = match source.kind {
            SourceKind::Definition => definition_path(rest),
            SourceKind::Request => request_item_path(rest),
            SourceKind::Example => example_path(rest),
            SourceKind::Script => String::new(),
        };
        Some((&source.file, v3))
    }
}

/// Whether `path` is `at` or inside it.
fn within(path: &str, at: &str) -> bool {
    at.is_empty()
        || path == at
        || path
            .strip_prefix(at)
            .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
}

/// `rest` without its first step `head` (`head.x` → `.x`, `head[2]` → `[2]`), if it starts so.
fn after<'p>(rest: &'p str, head: &str) -> Option<&'p str> {
    let r = rest.strip_prefix(head)?;
    (r.is_empty() || r.starts_with('.') || r.starts_with('[')).then_some(r)
}

/// The leading `[i]` of `rest` and what follows it.
fn index(rest: &str) -> Option<(&str, &str)> {
    let end = rest.strip_prefix('[')?.find(']')? + 2;
    Some((&rest[..end], &rest[end..]))
}

/// `event[i]…` → `scripts[i].code` (every part of an event is its script's code).
fn script_path(rest: &str) -> Option<String> {
    let (i, _) = index(after(rest, "event")?)?;
    Some(format!("scripts{i}.code"))
}

/// A definition's field for v2.1 path `rest` (of the collection or a folder).
fn definition_path(rest: &str) -> String {
    if let Some(p) = script_path(rest) {
        return p;
    }
    if let Some(r) = after(rest, "variable") {
        return format!("variables{r}");
    }
    if let Some(r) = after(rest, "auth") {
        return auth_path(r);
    }
    if let Some(r) = after(rest, "protocolProfileBehavior") {
        return format!("settings{r}");
    }
    for (v21, v3) in [
        ("info.name", "name"),
        ("info.description", "description"),
        ("info._postman_id", "id"),
        ("name", "name"),
        ("description", "description"),
        ("id", "id"),
    ] {
        if after(rest, v21).is_some() {
            return v3.into();
        }
    }
    String::new()
}

/// `auth.<type>[i]…` (given as what follows `auth`) → `auth.credentials[i]…`.
fn auth_path(r: &str) -> String {
    let r = r.trim_start_matches('.');
    let inner = r.find('[').map(|i| &r[i..]).filter(|_| !r.is_empty());
    match inner {
        Some(i) if !r.starts_with('[') => format!("auth.credentials{i}"),
        _ => "auth".into(),
    }
}

/// A request file's field for v2.1 item path `rest`.
fn request_item_path(rest: &str) -> String {
    if let Some(p) = script_path(rest) {
        return p;
    }
    if let Some(r) = after(rest, "protocolProfileBehavior") {
        return format!("settings{r}");
    }
    if let Some(r) = after(rest, "request") {
        return request_path(r.trim_start_matches('.'), "");
    }
    match rest {
        "name" | "id" => rest.into(),
        _ => String::new(),
    }
}

/// The v3 request field for v2.1 request path `r` (relative to the request object), under
/// `prefix` (`request.` in an example).
fn request_path(r: &str, prefix: &str) -> String {
    let field = if let Some(u) = after(r, "url") {
        let u = u.trim_start_matches('.');
        if let Some(q) = after(u, "query") {
            format!("queryParams{q}")
        } else if let Some(v) = after(u, "variable") {
            format!("pathVariables{v}")
        } else {
            "url".into()
        }
    } else if let Some(h) = after(r, "header") {
        format!("headers{h}")
    } else if let Some(b) = after(r, "body") {
        body_path(b.trim_start_matches('.'))
    } else if let Some(a) = after(r, "auth") {
        auth_path(a)
    } else if after(r, "method").is_some() {
        "method".into()
    } else if after(r, "description").is_some() {
        "description".into()
    } else {
        String::new()
    };
    if field.is_empty() {
        prefix.trim_end_matches('.').to_string()
    } else {
        format!("{prefix}{field}")
    }
}

/// The v3 body field for v2.1 body path `b`.
fn body_path(b: &str) -> String {
    for list in ["urlencoded", "formdata"] {
        if let Some(r) = after(b, list) {
            return format!("body.content{r}");
        }
    }
    if let Some(r) = after(b, "graphql") {
        return format!("body.content{r}");
    }
    if after(b, "raw").is_some() || after(b, "file").is_some() {
        return "body.content".into();
    }
    "body".into()
}

/// An example file's field for v2.1 response path `rest`.
fn example_path(rest: &str) -> String {
    if let Some(r) = after(rest, "originalRequest") {
        return request_path(r.trim_start_matches('.'), "request.");
    }
    if let Some(h) = after(rest, "header") {
        return format!("response.headers{h}");
    }
    let field = match rest {
        "code" => "response.statusCode",
        "status" => "response.statusText",
        "body" => "response.body.content",
        "name" | "id" => rest,
        _ => "",
    };
    field.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v21_paths_find_their_file_and_field() {
        let mut map = SourceMap::default();
        map.add(
            "",
            Path::new("c/.resources/definition.yaml"),
            SourceKind::Definition,
        );
        map.add(
            "item[1]",
            Path::new("c/f/.resources/definition.yaml"),
            SourceKind::Definition,
        );
        map.add(
            "item[1].item[0]",
            Path::new("c/f/a.request.yaml"),
            SourceKind::Request,
        );
        map.add(
            "item[1].item[0].response[0]",
            Path::new("c/ok.example.yaml"),
            SourceKind::Example,
        );
        map.add(
            "item[10]",
            Path::new("c/b.request.yaml"),
            SourceKind::Request,
        );
        let find = |p: &str| map.find(p).map(|(f, v)| (f.display().to_string(), v));
        let req = |v: &str| Some(("c/f/a.request.yaml".to_string(), v.to_string()));
        assert_eq!(
            find("item[1].item[0].request.header[2].value"),
            req("headers[2].value")
        );
        assert_eq!(
            find("item[1].item[0].event[1].script.exec"),
            req("scripts[1].code")
        );
        assert_eq!(
            find("item[1].item[0].request.url.query[0].key"),
            req("queryParams[0].key")
        );
        assert_eq!(find("item[1].item[0].request.url.host[0]"), req("url"));
        assert_eq!(
            find("item[1].item[0].request.body.urlencoded[1].value"),
            req("body.content[1].value")
        );
        assert_eq!(
            find("item[1].item[0].request.auth.bearer[0].value"),
            req("auth.credentials[0].value")
        );
        assert_eq!(find("item[1].item[0].request.auth.type"), req("auth"));
        assert_eq!(
            find("item[1].item[0].response[0].originalRequest.header[0]"),
            Some(("c/ok.example.yaml".into(), "request.headers[0]".into()))
        );
        assert_eq!(
            find("item[1].event[0].script.exec"),
            Some((
                "c/f/.resources/definition.yaml".into(),
                "scripts[0].code".into()
            ))
        );
        assert_eq!(
            find("item[10].request.url"),
            Some(("c/b.request.yaml".into(), "url".into()))
        );
        assert_eq!(
            find("variable[3].key"),
            Some((
                "c/.resources/definition.yaml".into(),
                "variables[3].key".into()
            ))
        );
    }
}
