//! Rendering a [`UrlSpec`] back to URL text (still holding `{{templates}}`) the way Postman's
//! `Url.toString()` does, for the runner to resolve and send; and reading a query string into
//! its parameters.

use super::model::{KeyValue, UrlParts, UrlSpec};

/// The parts of a URL that has none.
static NO_PARTS: UrlParts = UrlParts {
    protocol: None,
    auth: None,
    host: None,
    port: None,
    path: None,
    query: Vec::new(),
    hash: None,
    variables: Vec::new(),
};

impl UrlSpec {
    /// The structured parts (all empty when there are none).
    pub fn parts(&self) -> &UrlParts {
        self.parts.as_deref().unwrap_or(&NO_PARTS)
    }

    /// The URL as a template string: a string URL as written; an object URL rendered from its
    /// parts alone, as Postman does: `protocol://user:password@host.join(".")[:port]` +
    /// `/path.join("/")` + `?query` + `#hash`, where a `:name` (or `:name.suffix`) segment takes
    /// the value of path variable `name`, and only enabled query parameters appear (`key` for a
    /// value that is not a string, `&`, `#` and a key's `=` percent-encoded).
    pub fn to_template(&self) -> String {
        match self.parts.as_deref() {
            Some(parts) => parts.render(true),
            None => self.raw.clone(),
        }
    }

    /// As [`UrlSpec::to_template`] but with `:name` path segments kept, as a script's
    /// `pm.request.url` holds them (its `variables` list has the values).
    pub fn to_template_with_path_variables(&self) -> String {
        match self.parts.as_deref() {
            Some(parts) => parts.render(false),
            None => self.raw.clone(),
        }
    }
}

impl UrlParts {
    /// True when the URL object gave none of the parts.
    pub fn is_empty(&self) -> bool {
        *self == NO_PARTS
    }

    fn render(&self, substitute: bool) -> String {
        let mut out = String::new();
        if let Some(protocol) = self.protocol.as_deref().filter(|p| !p.is_empty()) {
            out.push_str(protocol);
            if !protocol.ends_with("://") {
                out.push_str("://");
            }
        }
        if let Some((user, password)) = &self.auth {
            let mut auth = user.clone();
            if let Some(password) = password {
                auth = Some(format!("{}:{password}", auth.unwrap_or_default()));
            }
            if let Some(auth) = auth {
                out.push_str(&auth);
                out.push('@');
            }
        }
        if let Some(host) = &self.host {
            out.push_str(&host.join("."));
        }
        if let Some(port) = &self.port {
            out.push(':');
            out.push_str(port);
        }
        if let Some(path) = &self.path {
            out.push('/');
            let segments: Vec<String> = path
                .iter()
                .map(|s| {
                    if substitute {
                        self.path_segment(s)
                    } else {
                        s.clone()
                    }
                })
                .collect();
            out.push_str(&segments.join("/"));
        }
        if !self.query.is_empty() {
            let query = query_string(&self.query);
            if !query.is_empty() || self.query.iter().any(|p| !p.disabled) {
                out.push('?');
                out.push_str(&query);
            }
        }
        if let Some(hash) = &self.hash {
            out.push('#');
            out.push_str(hash);
        }
        out
    }

    /// A path segment with its path variable substituted: `:name` or `:name.suffix` takes the
    /// value of variable `name` (the last of that name) when that is a non-empty string.
    fn path_segment(&self, segment: &str) -> String {
        let Some(name) = segment
            .strip_prefix(':')
            .map(|rest| rest.split('.').next().unwrap_or(""))
            .filter(|n| !n.is_empty())
        else {
            return segment.to_string();
        };
        match self.variables.iter().rev().find(|v| v.key == name) {
            Some(v) if !v.no_value && !v.value.is_empty() => {
                format!("{}{}", v.value, &segment[1 + name.len()..])
            }
            _ => segment.to_string(),
        }
    }
}

/// Enabled parameters as `k=v` joined by `&`; `k` alone when the value is not a string.
fn query_string(params: &[KeyValue]) -> String {
    params
        .iter()
        .filter(|p| !p.disabled)
        .map(|p| {
            let key = reserved_encoded(&p.key, true);
            if p.no_value {
                key
            } else {
                format!("{key}={}", reserved_encoded(&p.value, false))
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `&` and `#` (and `=` in a key) percent-encoded, except inside a `{{variable}}` that holds one
/// of them.
fn reserved_encoded(text: &str, key: bool) -> String {
    let special = |c: char| c == '&' || c == '#' || (key && c == '=');
    if !text.contains(special) {
        return text.to_string();
    }
    let encode = |part: &str| {
        part.replace('&', "%26")
            .replace('#', "%23")
            .replace('=', if key { "%3D" } else { "=" })
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        match after.find(['{', '}']) {
            Some(end) if after[end..].starts_with("}}") && after[..end].contains(special) => {
                out.push_str(&encode(&rest[..start]));
                out.push_str(&rest[start..start + 4 + end]);
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str(&encode(&rest[..start + 1]));
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(&encode(rest));
    out
}

/// `a=1&b&c=` → `a`=`1`, `b` (no value), `c`=`""`.
pub(crate) fn parse_query_string(s: &str) -> Vec<KeyValue> {
    if s.is_empty() {
        return Vec::new();
    }
    s.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => KeyValue {
                key: k.to_string(),
                value: v.to_string(),
                ..KeyValue::default()
            },
            None => KeyValue {
                key: pair.to_string(),
                no_value: true,
                ..KeyValue::default()
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(key: &str, value: &str) -> KeyValue {
        KeyValue {
            key: key.into(),
            value: value.into(),
            ..KeyValue::default()
        }
    }

    fn strings(items: &[&str]) -> Option<Vec<String>> {
        Some(items.iter().map(|s| s.to_string()).collect())
    }

    fn url(raw: &str, parts: UrlParts) -> UrlSpec {
        UrlSpec {
            raw: raw.into(),
            parts: Some(Box::new(parts)),
        }
    }

    #[test]
    fn url_object_ignores_raw_and_keeps_what_postman_keeps() {
        let mut null_pair = kv("", "");
        null_pair.no_value = true;
        let u = url(
            "http://ignored/",
            UrlParts {
                host: strings(&["h"]),
                path: strings(&["items", ":id.json", ":", "a:id"]),
                query: vec![kv("a&b", "c&d=e#f"), null_pair, kv("k={{x&y}}", "{{v#}}")],
                hash: Some(String::new()),
                variables: vec![kv("id", "5")],
                ..UrlParts::default()
            },
        );
        assert_eq!(
            u.to_template(),
            "h/items/5.json/:/a:id?a%26b=c%26d=e%23f&&k%3D{{x&y}}={{v#}}#"
        );
        assert_eq!(
            url("http://raw/only", UrlParts::default()).to_template(),
            ""
        );
        let lone = url(
            "",
            UrlParts {
                host: strings(&["h"]),
                path: Some(Vec::new()),
                query: vec![{
                    let mut k = kv("", "");
                    k.no_value = true;
                    k
                }],
                ..UrlParts::default()
            },
        );
        assert_eq!(lone.to_template(), "h/?");
    }

    #[test]
    fn url_raw_string_is_kept() {
        let u = UrlSpec {
            raw: "{{base}}/a?b=1#c".into(),
            ..UrlSpec::default()
        };
        assert_eq!(u.to_template(), "{{base}}/a?b=1#c");
    }

    #[test]
    fn url_parts_are_assembled() {
        let mut off = kv("off", "1");
        off.disabled = true;
        let mut flag = kv("flag", "");
        flag.no_value = true;
        let u = url(
            "ignored",
            UrlParts {
                protocol: Some("https".into()),
                auth: None,
                host: strings(&["{{sub}}", "example", "com"]),
                port: Some("8443".into()),
                path: strings(&["users", ":id", "posts"]),
                query: vec![kv("a", "1"), off, kv("empty", ""), flag],
                hash: Some("top".into()),
                variables: vec![kv("id", "{{userId}}")],
            },
        );
        assert_eq!(
            u.to_template(),
            "https://{{sub}}.example.com:8443/users/{{userId}}/posts?a=1&empty=&flag#top"
        );
    }

    #[test]
    fn url_query_disabled_only_drops_question_mark() {
        let mut off = kv("a", "1");
        off.disabled = true;
        let u = url(
            "",
            UrlParts {
                host: strings(&["h"]),
                path: strings(&["p"]),
                query: vec![off],
                ..UrlParts::default()
            },
        );
        assert_eq!(u.to_template(), "h/p");
    }

    #[test]
    fn url_path_variable_without_value_is_left() {
        let mut none = kv("id", "");
        none.no_value = true;
        let u = url(
            "",
            UrlParts {
                protocol: Some("http://".into()),
                host: strings(&["h"]),
                path: strings(&[":id", ":"]),
                variables: vec![none],
                ..UrlParts::default()
            },
        );
        assert_eq!(u.to_template(), "http://h/:id/:");
    }

    #[test]
    fn url_without_parts_has_empty_parts() {
        let u = UrlSpec::default();
        assert!(u.parts().is_empty());
        assert!(
            !UrlParts {
                hash: Some(String::new()),
                ..UrlParts::default()
            }
            .is_empty()
        );
    }

    #[test]
    fn url_root_path_keeps_trailing_slash() {
        let u = url(
            "",
            UrlParts {
                host: strings(&["h"]),
                path: Some(vec![String::new()]),
                ..UrlParts::default()
            },
        );
        assert_eq!(u.to_template(), "h/");
    }
}
