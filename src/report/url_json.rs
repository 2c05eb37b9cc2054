//! A sent URL in the object shape Newman's JSON report gives `request.url` (postman-collection's
//! `Url#toJSON()`): `auth`, `protocol`, `port`, `path`, `hash`, `host`, `query`, `variable`, in
//! that order, each part kept as sent (percent-encoding included), so tools reading Newman's
//! reports (`request.url.host`, `request.url.query[].key`) read postie's the same way.

use serde_json::{Map, Value, json};

/// The URL `url` (as sent) as Newman's report writes it.
pub fn url_json(url: &str) -> Value {
    let mut map = Map::new();
    let (rest, hash) = match url.split_once('#') {
        Some((rest, hash)) => (rest, Some(hash)),
        None => (url, None),
    };
    let (protocol, rest) = match rest.split_once("://") {
        Some((protocol, rest)) => (Some(protocol), rest),
        None => (None, rest),
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_end);
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => (Some(userinfo), hostport),
        None => (None, authority),
    };
    let (host, port) = split_port(hostport);

    if let Some(userinfo) = userinfo {
        let (user, password) = match userinfo.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (userinfo, None),
        };
        let mut auth = Map::new();
        auth.insert("user".into(), json!(user));
        if let Some(password) = password {
            auth.insert("password".into(), json!(password));
        }
        map.insert("auth".into(), Value::Object(auth));
    }
    if let Some(protocol) = protocol {
        map.insert("protocol".into(), json!(protocol));
    }
    if let Some(port) = port {
        map.insert("port".into(), json!(port));
    }
    if let Some(path) = path.strip_prefix('/') {
        map.insert("path".into(), json!(path.split('/').collect::<Vec<_>>()));
    }
    if let Some(hash) = hash {
        map.insert("hash".into(), json!(hash));
    }
    let host: Vec<&str> = if host.starts_with('[') {
        vec![host]
    } else {
        host.split('.').collect()
    };
    map.insert("host".into(), json!(host));
    map.insert(
        "query".into(),
        query.map_or(Value::Array(Vec::new()), query_json),
    );
    map.insert("variable".into(), Value::Array(Vec::new()));
    Value::Object(map)
}

/// `host[:port]`, with a bracketed IPv6 host kept whole.
fn split_port(hostport: &str) -> (&str, Option<&str>) {
    let search_from = hostport.rfind(']').unwrap_or(0);
    match hostport[search_from..].rfind(':') {
        Some(i) => {
            let at = search_from + i;
            (&hostport[..at], Some(&hostport[at + 1..]))
        }
        None => (hostport, None),
    }
}

/// Query parameters as postman-collection parses them: `k=v` splits at the first `=`, a key
/// alone has a `null` value, and an empty parameter before the last has a `null` key too.
fn query_json(query: &str) -> Value {
    let parts: Vec<&str> = query.split('&').collect();
    let last = parts.len().saturating_sub(1);
    Value::Array(
        parts
            .iter()
            .enumerate()
            .map(|(i, part)| match part.split_once('=') {
                Some((key, value)) => json!({"key": key, "value": value}),
                None if part.is_empty() && i < last => json!({"key": null, "value": null}),
                None => json!({"key": part, "value": null}),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::url_json;

    fn text(url: &str) -> String {
        url_json(url).to_string()
    }

    #[test]
    fn url_json_splits_like_postman_collection() {
        assert_eq!(
            text("http://127.0.0.1:9/"),
            r#"{"protocol":"http","port":"9","path":[""],"host":["127","0","0","1"],"query":[],"variable":[]}"#
        );
        assert_eq!(
            text("http://127.0.0.1:9"),
            r#"{"protocol":"http","port":"9","host":["127","0","0","1"],"query":[],"variable":[]}"#
        );
        assert_eq!(
            text("http://a.b/post/?a=1&b&=c&d=&e=f=g#h"),
            r#"{"protocol":"http","path":["post",""],"hash":"h","host":["a","b"],"query":[{"key":"a","value":"1"},{"key":"b","value":null},{"key":"","value":"c"},{"key":"d","value":""},{"key":"e","value":"f=g"}],"variable":[]}"#
        );
        assert_eq!(
            text("http://u:p@a.b:80/x%20y?q=%20#"),
            r#"{"auth":{"user":"u","password":"p"},"protocol":"http","port":"80","path":["x%20y"],"hash":"","host":["a","b"],"query":[{"key":"q","value":"%20"}],"variable":[]}"#
        );
        assert_eq!(
            text("http://[::1]:8080/a"),
            r#"{"protocol":"http","port":"8080","path":["a"],"host":["[::1]"],"query":[],"variable":[]}"#
        );
    }

    #[test]
    fn url_json_empty_query_parameters() {
        assert_eq!(
            text("http://a/?"),
            r#"{"protocol":"http","path":[""],"host":["a"],"query":[{"key":"","value":null}],"variable":[]}"#
        );
        assert_eq!(
            text("http://a/get?a=1&&b=2"),
            r#"{"protocol":"http","path":["get"],"host":["a"],"query":[{"key":"a","value":"1"},{"key":null,"value":null},{"key":"b","value":"2"}],"variable":[]}"#
        );
    }
}
