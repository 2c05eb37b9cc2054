//! URL text for requests whose target must go out as Newman writes it (dot segments kept, and
//! with `disableUrlEncoding` nothing encoded): the request-target as written, and redirect
//! targets resolved without re-encoding. Characters Node would refuse in a request path are
//! refused before (see `prepare`); Latin-1 characters go out as one byte each, as Node writes
//! them.

/// The request-target (origin form: path and query) of `url` as written, fragment dropped;
/// `None` when `url` has no `scheme://`. An empty path becomes `/`.
pub fn raw_target(url: &str) -> Option<String> {
    let (_, rest) = split_authority(url)?;
    let rest = rest.split('#').next().unwrap_or("");
    let mut target = String::with_capacity(rest.len() + 1);
    if !rest.starts_with('/') {
        target.push('/');
    }
    target.push_str(rest);
    Some(target)
}

/// The request-target the normal (WHATWG-encoding) path sends for `url`, when it parses.
pub fn encoded_target(url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    Some(match parsed.query() {
        Some(query) => format!("{}?{query}", parsed.path()),
        None => parsed.path().to_string(),
    })
}

/// True when sending `url` as written differs from what the normal path sends, so the raw sender
/// is needed. False when either side cannot make a target (the normal path reports the error).
pub fn needs_raw(url: &str) -> bool {
    match (raw_target(url), encoded_target(url)) {
        (Some(raw), Some(encoded)) => raw != encoded,
        _ => false,
    }
}

/// Resolve a redirect's `location` against `base` without re-encoding it: an absolute location
/// (`scheme://…`) is taken as written, `//host/…` gets the base's scheme, `/path`, `?query` and
/// `#fragment` replace that part of the base as written; a relative path is appended to the
/// base's directory with its `.`/`..` segments kept, as Newman's runtime resolves a `Location`
/// (`../x` from `/a` goes out as `/../x`). `None` when `base` has no `scheme://`.
pub fn join(base: &str, location: &str) -> Option<String> {
    let location = location.trim_matches(|c: char| c <= ' ');
    let (prefix, rest) = split_authority(base)?;
    if has_scheme(location) && location.contains("://") {
        return Some(location.to_string());
    }
    if location.starts_with("//") {
        let scheme = &prefix[..prefix.find(':')?];
        return Some(format!("{scheme}:{location}"));
    }
    let without_fragment = rest.split('#').next().unwrap_or("");
    let path = without_fragment.split('?').next().unwrap_or("");
    Some(match location.chars().next() {
        None => format!("{prefix}{without_fragment}"),
        Some('/') => format!("{prefix}{location}"),
        Some('?') => format!("{prefix}{path}{location}"),
        Some('#') => format!("{prefix}{without_fragment}{location}"),
        Some(_) => {
            let directory = &path[..path.rfind('/').map_or(0, |i| i + 1)];
            format!("{prefix}{}{location}", with_leading_slash(directory))
        }
    })
}

/// `url` split into `scheme://authority` and the rest (path, query, fragment). The authority
/// ends where `url::Url` ends it for http(s): at `/`, `\`, `?` or `#`.
fn split_authority(url: &str) -> Option<(&str, &str)> {
    let start = url.find("://")? + 3;
    let end = url[start..]
        .find(['/', '\\', '?', '#'])
        .map_or(url.len(), |i| start + i);
    Some(url.split_at(end))
}

/// True when `text` starts with a URL scheme and `:`.
fn has_scheme(text: &str) -> bool {
    let Some(colon) = text.find(':') else {
        return false;
    };
    let scheme = &text[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn with_leading_slash(path: &str) -> String {
    if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every printable ASCII character but `#` and `?` as a path segment, as in Newman's
    /// `whatwg-url` integration test.
    const NEWMAN_PATH: &str = "/!/\"/$/%/&/'/(/)/*/+/,/-/.///0/1/2/3/4/5/6/7/8/9/:/;/</=/>/@/A/B/C/\
        D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S/T/U/V/W/X/Y/Z/[/]/^/_/`/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/\
        r/s/t/u/v/w/x/y/z/{/|/}/~";

    /// The query of Newman's `whatwg-url` integration test.
    const NEWMAN_QUERY: &str = "?q=\"'<=>!$%()*+,-./0123456789:;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`\
        abcdefghijklmnopqrstuvwxyz{|}~";

    #[test]
    fn raw_target_keeps_newman_path_and_query_byte_for_byte() {
        let url = format!("http://localhost:4041{NEWMAN_PATH}");
        assert_eq!(raw_target(&url).as_deref(), Some(NEWMAN_PATH));
        let url = format!("http://localhost:4041{NEWMAN_QUERY}");
        assert_eq!(
            raw_target(&url),
            Some(format!("/{NEWMAN_QUERY}")),
            "backslash, quotes, angle brackets and a lone % stay raw"
        );
        assert!(needs_raw(&url), "the normal path would encode this query");
    }

    #[test]
    fn raw_target_drops_the_fragment_and_adds_the_root_path() {
        assert_eq!(raw_target("http://h/a?b=1#c").as_deref(), Some("/a?b=1"));
        assert_eq!(raw_target("http://h?q=1").as_deref(), Some("/?q=1"));
        assert_eq!(raw_target("http://h#x").as_deref(), Some("/"));
        assert_eq!(raw_target("http://h").as_deref(), Some("/"));
        assert_eq!(raw_target("h/a"), None);
    }

    #[test]
    fn raw_target_equal_to_the_encoded_one_needs_no_raw_sender() {
        assert!(!needs_raw("http://h/a/b?c=d&e=%20"));
        assert!(needs_raw("http://h/a<b"));
        assert!(
            needs_raw("http://h/./a"),
            "dot segments are kept as written"
        );
        assert!(!needs_raw("not a url"));
    }

    #[test]
    fn join_takes_absolute_locations_as_written() {
        let location = "https://postman-echo.com/get?q={\"abc\"}";
        assert_eq!(
            join("http://h/redirect-to?url=x", location).as_deref(),
            Some(location)
        );
        assert_eq!(
            join("https://h/a", "//other/<x>").as_deref(),
            Some("https://other/<x>")
        );
    }

    #[test]
    fn join_resolves_relative_locations_without_encoding() {
        let base = "http://h:8/a/b?q=1#f";
        assert_eq!(join(base, "/x?<y>").as_deref(), Some("http://h:8/x?<y>"));
        assert_eq!(join(base, "?{z}").as_deref(), Some("http://h:8/a/b?{z}"));
        assert_eq!(join(base, "#g").as_deref(), Some("http://h:8/a/b?q=1#g"));
        assert_eq!(join(base, "c|d").as_deref(), Some("http://h:8/a/c|d"));
        assert_eq!(
            join(base, "../c?\"").as_deref(),
            Some("http://h:8/a/../c?\""),
            "dot segments are kept, as Newman's runtime sends them"
        );
        assert_eq!(join(base, "./").as_deref(), Some("http://h:8/a/./"));
        assert_eq!(join(base, "").as_deref(), Some("http://h:8/a/b?q=1"));
        assert_eq!(join("http://h", "x").as_deref(), Some("http://h/x"));
    }
}
