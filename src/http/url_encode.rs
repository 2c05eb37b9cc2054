//! The URL a request is sent to, as Newman computes it from the resolved URL text: split the way
//! Postman's URL parser splits (first `#`, first `?`, `\` as `/`, `://`, first `/`, last `@`,
//! last `:`), then each part percent-encoded with its own set (characters already written as
//! `%XX` are kept, a lone `%` too), the scheme and host lower-cased (`http` when there is no
//! scheme), the host in its ASCII/IPv4 form. The result is what goes on the wire and what the
//! reports show; the same parser splits it into the URL object of the JSON report.

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};

pub use crate::collection::url_split::{UrlPieces, parse};

/// `%XX` sequences of `text` decoded to bytes; an invalid or cut-off `%` sequence is kept as is.
pub fn percent_decode_bytes(text: &str) -> Vec<u8> {
    percent_decode_str(text).collect()
}

/// What each part encodes: C0 controls, DEL and non-ASCII always, and these. None holds `%`, so
/// an `%XX` already written, and a lone `%`, stay as they are.
const FRAGMENT: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');
const PATH: &AsciiSet = &FRAGMENT.add(b'#').add(b'?').add(b'{').add(b'}');
const USERINFO: &AsciiSet = &PATH
    .add(b'/')
    .add(b':')
    .add(b';')
    .add(b'=')
    .add(b'@')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'|');
const QUERY: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'\'')
    .add(b'<')
    .add(b'>');

/// Percent-encode `text` with `set`.
fn encode(text: &str, set: &'static AsciiSet) -> String {
    utf8_percent_encode(text, set).to_string()
}

/// The host as Node's `domainToASCII` gives it (IDNA, IPv4 forms normalised), or as written when
/// that fails.
fn ascii_host(host: &str) -> String {
    match url::Host::parse(host) {
        Ok(parsed) => parsed.to_string(),
        Err(_) => host.to_string(),
    }
}

/// The URL Newman sends for the resolved URL text `url`: each part encoded (none but the host
/// when `disable_encoding`), the scheme defaulting to `http`. Empty when `url` is.
pub fn href(url: &str, disable_encoding: bool) -> String {
    let pieces = parse(url);
    let enc = |text: &str, set: &'static AsciiSet| {
        if disable_encoding {
            text.to_string()
        } else {
            encode(text, set)
        }
    };
    let protocol = pieces
        .protocol
        .as_deref()
        .map_or_else(|| "http".to_string(), str::to_lowercase);
    let mut out = format!("{protocol}://");
    if let Some((user, password)) = &pieces.auth {
        out.push_str(&enc(user, USERINFO));
        if let Some(password) = password {
            out.push(':');
            out.push_str(&enc(password, USERINFO));
        }
        out.push('@');
    }
    out.push_str(&ascii_host(&pieces.host.unwrap_or_default().to_lowercase()));
    if let Some(port) = &pieces.port {
        out.push(':');
        out.push_str(port);
    }
    let path = format!("/{}", pieces.path.unwrap_or_default().join("/"));
    out.push_str(&enc(&path, PATH));
    if let Some(query) = &pieces.query {
        out.push('?');
        out.push_str(&enc(&query.join("&"), QUERY));
    }
    if let Some(hash) = &pieces.hash {
        out.push('#');
        out.push_str(&enc(hash, FRAGMENT));
    }
    out
}

/// Node's check of a port: digits for a number from 0 to 65535; the error text otherwise.
pub fn port_error(url: &str) -> Option<String> {
    let port = parse(url).port?;
    let valid = !port.trim().is_empty()
        && port
            .trim()
            .parse::<f64>()
            .is_ok_and(|n| n.fract() == 0.0 && (0.0..65536.0).contains(&n));
    (!valid).then(|| format!("Port should be >= 0 and < 65536. Received type string ('{port}')."))
}

/// The URL object Newman's JSON report holds for the sent URL `href`: `protocol`, `auth`, `host`
/// (split on dots), `port`, `path` (segments), `query` (`{key, value}`, `null` value for a key
/// without `=`), `hash`, and the `:name` path segments as `variable` keys.
pub fn report_object(href: &str) -> Value {
    let pieces = parse(href);
    let mut map = serde_json::Map::new();
    if let Some(protocol) = pieces.protocol {
        map.insert("protocol".into(), json!(protocol));
    }
    if let Some((user, password)) = pieces.auth {
        let mut auth = json!({"user": user});
        if let Some(password) = password {
            auth["password"] = json!(password);
        }
        map.insert("auth".into(), auth);
    }
    if let Some(port) = pieces.port {
        map.insert("port".into(), json!(port));
    }
    let mut variables: Vec<Value> = Vec::new();
    for segment in pieces.path.iter().flatten() {
        if let Some(name) = segment
            .strip_prefix(':')
            .map(|s| s.split('.').next().unwrap_or(""))
            .filter(|n| !n.is_empty())
            && !variables.iter().any(|v| v["key"] == name)
        {
            variables.push(json!({"type": "any", "key": name}));
        }
    }
    if let Some(path) = pieces.path {
        map.insert("path".into(), json!(path));
    }
    if let Some(host) = pieces.host {
        map.insert("host".into(), json!(host.split('.').collect::<Vec<_>>()));
    }
    let query: Vec<Value> = pieces
        .query
        .unwrap_or_default()
        .iter()
        .map(|param| match param.split_once('=') {
            Some((key, value)) => json!({"key": key, "value": value}),
            None => json!({"key": param, "value": null}),
        })
        .collect();
    map.insert("query".into(), json!(query));
    if let Some(hash) = pieces.hash {
        map.insert("hash".into(), json!(hash));
    }
    map.insert("variable".into(), json!(variables));
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_href_encodes_each_part_with_its_set() {
        assert_eq!(
            href("http://h/a b/\"q\"/'s'?q=\"x\"&r='y'&t={a}#f g", false),
            "http://h/a%20b/%22q%22/'s'?q=%22x%22&r=%27y%27&t={a}#f%20g"
        );
        assert_eq!(
            href("http://h/<x>/{y}/|/^/`", false),
            "http://h/%3Cx%3E/%7By%7D/|/^/%60"
        );
        assert_eq!(
            href("http://h/a%20b/c%/d?p=100%&q=%zz", false),
            "http://h/a%20b/c%/d?p=100%&q=%zz"
        );
        assert_eq!(
            href("http://h/ünï?é=😀", false),
            "http://h/%C3%BCn%C3%AF?%C3%A9=%F0%9F%98%80"
        );
    }

    #[test]
    fn url_href_normalises_scheme_host_and_slashes() {
        assert_eq!(href("HTTP://ECHO.test/Get", false), "http://echo.test/Get");
        assert_eq!(href("echo.test?a=1", false), "http://echo.test/?a=1");
        assert_eq!(href("http://h/a\\b?c=\\", false), "http://h/a/b?c=\\");
        assert_eq!(href("http://2130706433:9/a", false), "http://127.0.0.1:9/a");
        assert_eq!(
            href("http://0x7f.0.0.1:9/a/./b/../c", false),
            "http://127.0.0.1:9/a/./b/../c"
        );
        assert_eq!(href("http://h/get?", false), "http://h/get?");
        assert_eq!(href("http://h/get#", false), "http://h/get#");
        assert_eq!(href("", false), "http:///");
    }

    #[test]
    fn url_href_userinfo_and_disabled_encoding() {
        assert_eq!(
            href("http://us er:p@ss@h/", false),
            "http://us%20er:p%40ss@h/"
        );
        assert_eq!(href("http://h/a b?q=\"x\"", true), "http://h/a b?q=\"x\"");
    }

    #[test]
    fn url_parse_keeps_variables_with_separators_whole() {
        let p = parse("{{scheme://host}}/a/{{x.y}}?k={{a&b}}#{{h#}}");
        assert_eq!(p.host.as_deref(), Some("{{scheme://host}}"));
        assert_eq!(p.path, Some(vec!["a".into(), "{{x.y}}".into()]));
        assert_eq!(p.query, Some(vec!["k={{a&b}}".into()]));
        assert_eq!(p.hash.as_deref(), Some("{{h#}}"));
        let p = parse("http://:host/get");
        assert_eq!((p.host, p.port.as_deref()), (None, Some("host")));
    }

    /// Found by the fuzz tests (issue 12): the user info was split on the first `:` after its
    /// variables had come back, so a `{{variable}}` holding a `:` was cut in two.
    #[test]
    fn url_parse_keeps_a_variable_holding_a_colon_in_the_user_info_issue_12() {
        let p = parse("{{x/y:z?#@&]}}@h");
        assert_eq!(p.auth, Some(("{{x/y:z?#@&]}}".to_string(), None)));
        assert_eq!(p.host.as_deref(), Some("h"));
        let p = parse("http://{{u:1}}:{{p:2}}@h/");
        assert_eq!(
            p.auth,
            Some(("{{u:1}}".to_string(), Some("{{p:2}}".to_string())))
        );
    }

    #[test]
    fn url_port_error_is_nodes() {
        assert_eq!(
            port_error("http://:host/get").as_deref(),
            Some("Port should be >= 0 and < 65536. Received type string ('host').")
        );
        assert!(port_error("http://h:8080/").is_none());
        assert!(port_error("http://h/").is_none());
        assert!(port_error("http://h:70000/").is_some());
    }

    #[test]
    fn url_report_object_round_trips() {
        let v = report_object("http://u:p@127.0.0.1:9/a/:id.json?x=1&y&=z#f");
        assert_eq!(v["host"], json!(["127", "0", "0", "1"]));
        assert_eq!(v["port"], json!("9"));
        assert_eq!(v["path"], json!(["a", ":id.json"]));
        assert_eq!(
            v["query"],
            json!([{"key": "x", "value": "1"}, {"key": "y", "value": null}, {"key": "", "value": "z"}])
        );
        // Path variables as the SDK lists them in the report: `type: "any"`.
        assert_eq!(v["variable"], json!([{"type": "any", "key": "id"}]));
        assert_eq!(v["auth"], json!({"user": "u", "password": "p"}));
        assert_eq!(v["hash"], json!("f"));
    }
}
