//! URL match patterns of client certificates (`matches` in `--ssl-client-cert-list`), read and
//! applied as postman-collection's `UrlMatchPattern` does: `<all_urls>`, or
//! `PROTOCOLS://HOST[:PORT]/PATH` where PROTOCOLS is `*` or `http`/`https`/`file`/`ftp` joined by
//! `+`, HOST is `*`, `*.suffix` (the suffix itself or any name under it) or a name, PORT is `*`
//! or digits (absent: the protocol's default port only) and PATH is a glob (`*` any run of
//! characters, `?` one character). Anything else (`*.host:8443` without a protocol and path) is
//! invalid and matches nothing, as in Newman.

/// One pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlMatchPattern {
    /// `<all_urls>`.
    All,
    /// A pattern of the `PROTOCOLS://HOST[:PORT]/PATH` form.
    Url {
        /// Protocols, `*` for any.
        protocols: Vec<String>,
        /// `*`, `*.suffix` or a host name, lower case.
        host: String,
        /// `*`, digits, or `None` for the protocol's default.
        port: Option<String>,
        /// The path glob, starting with `/`.
        path: String,
    },
    /// Not of that form: never matches.
    Invalid,
}

/// The protocols a pattern may name.
const PROTOCOLS: [&str; 4] = ["http", "https", "file", "ftp"];

impl UrlMatchPattern {
    /// Read `pattern`.
    pub fn parse(pattern: &str) -> Self {
        if pattern == "<all_urls>" {
            return UrlMatchPattern::All;
        }
        Self::parse_url(pattern).unwrap_or(UrlMatchPattern::Invalid)
    }

    fn parse_url(pattern: &str) -> Option<Self> {
        let (protocols, rest) = pattern.split_once("://")?;
        let mut protocols: Vec<String> = protocols.split('+').map(str::to_string).collect();
        let first_ok = protocols
            .first()
            .is_some_and(|p| p == "*" || PROTOCOLS.contains(&p.as_str()));
        if !first_ok
            || !protocols[1..]
                .iter()
                .all(|p| PROTOCOLS.contains(&p.as_str()))
        {
            return None;
        }
        let mut unique = Vec::new();
        for p in protocols.drain(..) {
            if !unique.contains(&p) {
                unique.push(p);
            }
        }
        let host_end = rest.find([':', '/']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        let host_ok = host == "*"
            || host
                .strip_prefix("*.")
                .is_some_and(|s| !s.is_empty() && !s.contains('*'))
            || (!host.is_empty() && !host.contains('*'));
        if !host_ok {
            return None;
        }
        let mut after = &rest[host_end..];
        let mut port = None;
        if let Some(p) = after.strip_prefix(':') {
            let end = p.find('/')?;
            let digits = &p[..end];
            if digits != "*" && (digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit())) {
                return None;
            }
            port = Some(digits.to_string());
            after = &p[end..];
        }
        if !after.starts_with('/') || after.contains('\n') {
            return None;
        }
        Some(UrlMatchPattern::Url {
            protocols: unique,
            host: host.to_ascii_lowercase(),
            port,
            path: after.to_string(),
        })
    }

    /// True when `url` matches.
    pub fn matches(&self, url: &url::Url) -> bool {
        let UrlMatchPattern::Url {
            protocols,
            host,
            port,
            path,
        } = self
        else {
            return matches!(self, UrlMatchPattern::All);
        };
        let scheme = url.scheme();
        let protocol_ok =
            PROTOCOLS.contains(&scheme) && protocols.iter().any(|p| p == "*" || p == scheme);
        let remote = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host_ok = match host.strip_prefix("*.") {
            _ if host == "*" => true,
            Some(suffix) => remote == suffix || remote.ends_with(&format!(".{suffix}")),
            None => *host == remote,
        };
        let default = match scheme {
            "https" => Some(443),
            "http" => Some(80),
            "ftp" => Some(21),
            _ => None,
        };
        let port_ok = match port.as_deref() {
            Some("*") => true,
            Some(digits) => digits.parse::<u16>().ok() == url.port().or(default),
            None => url.port().is_none() || url.port() == default,
        };
        protocol_ok && host_ok && port_ok && glob(path, url.path())
    }
}

/// `*` matches any run of characters, `?` any one character; everything else itself.
fn glob(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    // Where the last `*` was, and where in `text` it stopped matching.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> url::Url {
        url::Url::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn pattern_hosts_ports_and_paths_match_as_postman_does() {
        let p = UrlMatchPattern::parse("https://*.example.com/*");
        assert!(p.matches(&url("https://api.example.com/v1?x=1")));
        assert!(p.matches(&url("https://example.com")));
        assert!(p.matches(&url("https://API.Example.com:443/")));
        assert!(!p.matches(&url("https://badexample.com/")));
        assert!(
            !p.matches(&url("https://api.example.com:8443/")),
            "default port only"
        );
        let p = UrlMatchPattern::parse("https+http://localhost:8443/api/*");
        assert!(p.matches(&url("https://localhost:8443/api/x")));
        assert!(!p.matches(&url("https://localhost:8443/other")));
        assert!(!p.matches(&url("https://localhost/api/x")));
        let p = UrlMatchPattern::parse("*://*:*/a?c");
        assert!(p.matches(&url("https://h:1/abc")));
        assert!(!p.matches(&url("https://h:1/abbc")));
        assert!(UrlMatchPattern::parse("<all_urls>").matches(&url("https://h/")));
    }

    #[test]
    fn pattern_without_protocol_or_path_is_invalid_and_matches_nothing() {
        for text in [
            "*.host:8443",
            "host",
            "https://host",
            "https://a*b/",
            "https://h:x/",
            "gopher://h/",
            "https+*://h/",
        ] {
            assert_eq!(
                UrlMatchPattern::parse(text),
                UrlMatchPattern::Invalid,
                "{text}"
            );
        }
        assert!(!UrlMatchPattern::Invalid.matches(&url("https://host:8443/")));
    }

    #[test]
    fn pattern_glob_backtracks() {
        assert!(glob("/*/b*", "/a/b/b"));
        assert!(glob("/*", "/"));
        assert!(!glob("/a*z", "/abc"));
        assert!(glob("/?", "/é"));
    }
}
