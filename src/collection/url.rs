//! Rendering a [`UrlSpec`] back to URL text (still holding `{{templates}}`) the way Postman's
//! `Url.toString()` does, for the runner to resolve and send.

use super::model::{KeyValue, UrlParts, UrlSpec};

/// The parts of a URL that has none.
static NO_PARTS: UrlParts = UrlParts {
    protocol: None,
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

    /// The URL as a template string.
    ///
    /// With structured parts (`host` or `path`), they win over `raw`, as in Postman:
    /// `protocol://host.join(".")[:port]/path.join("/")?query#hash`, where `:name` path segments
    /// take the value of path variable `name` and only enabled query parameters appear (`key` for
    /// a `null` value, `key=` for an empty one). Otherwise `raw` is used; a `query` list then
    /// replaces the query part of `raw`.
    pub fn to_template(&self) -> String {
        let parts = self.parts();
        if parts.host.is_some() || parts.path.is_some() {
            parts.render()
        } else {
            parts.render_raw(&self.raw)
        }
    }
}

impl UrlParts {
    /// True when the URL object gave none of the parts.
    pub fn is_empty(&self) -> bool {
        *self == NO_PARTS
    }

    fn render(&self) -> String {
        let mut out = String::new();
        if let Some(protocol) = self.protocol.as_deref().filter(|p| !p.is_empty()) {
            out.push_str(protocol);
            if !protocol.ends_with("://") {
                out.push_str("://");
            }
        }
        if let Some(host) = &self.host {
            out.push_str(&host.join("."));
        }
        if let Some(port) = self.port.as_deref().filter(|p| !p.is_empty()) {
            out.push(':');
            out.push_str(port);
        }
        if let Some(path) = &self.path {
            for segment in path {
                out.push('/');
                out.push_str(self.path_segment(segment));
            }
        }
        let query = query_string(&self.query);
        if !query.is_empty() {
            out.push('?');
            out.push_str(&query);
        }
        if let Some(hash) = self.hash.as_deref().filter(|h| !h.is_empty()) {
            out.push('#');
            out.push_str(hash);
        }
        out
    }

    fn render_raw(&self, raw: &str) -> String {
        let raw = raw.trim_start();
        let (before_hash, hash) = match raw.find('#') {
            Some(i) => raw.split_at(i),
            None => (raw, ""),
        };
        let (path_part, raw_query) = match before_hash.find('?') {
            Some(i) => before_hash.split_at(i),
            None => (before_hash, ""),
        };
        let mut out = if self.variables.is_empty() {
            path_part.to_string()
        } else {
            path_part
                .split('/')
                .map(|s| self.path_segment(s))
                .collect::<Vec<_>>()
                .join("/")
        };
        if self.query.is_empty() {
            out.push_str(raw_query);
        } else {
            let query = query_string(&self.query);
            if !query.is_empty() {
                out.push('?');
                out.push_str(&query);
            }
        }
        out.push_str(hash);
        out
    }

    /// A path segment with a `:name` path variable substituted (the last variable of that name
    /// wins; a variable with no value leaves the segment as written).
    fn path_segment<'a>(&'a self, segment: &'a str) -> &'a str {
        let Some(name) = segment.strip_prefix(':').filter(|n| !n.is_empty()) else {
            return segment;
        };
        match self.variables.iter().rev().find(|v| v.key == name) {
            Some(v) if !v.no_value => &v.value,
            _ => segment,
        }
    }
}

/// Enabled parameters as `k=v` joined by `&`; `k` alone when the value was `null`.
fn query_string(params: &[KeyValue]) -> String {
    params
        .iter()
        .filter(|p| !p.disabled)
        .map(|p| {
            if p.no_value {
                p.key.clone()
            } else {
                format!("{}={}", p.key, p.value)
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
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
    fn url_raw_with_query_list_rebuilds_query() {
        let mut off = kv("b", "2");
        off.disabled = true;
        let u = url(
            "http://h/:id?a=1&b=2#x",
            UrlParts {
                query: vec![kv("a", "1"), off],
                variables: vec![kv("id", "7")],
                ..UrlParts::default()
            },
        );
        assert_eq!(u.to_template(), "http://h/7?a=1#x");
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
