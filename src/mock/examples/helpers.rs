//! Postman's mock template helpers: `{{$body}}`, `{{$queryParams}}`, `{{$pathSegments}}` and
//! `{{$headers}}` in an example's response give the matched request's data. With an
//! object-path (`{{$body 'user.name'}}`, `\.` for a dot inside a key, a number for an array
//! element) they give one value, with a second argument a default for when there is none
//! (`{{$queryParams 'page' '1'}}`). A string is given as it is, anything else as its JSON text;
//! the whole of one is the body's text, or the JSON of the query parameters (an object), of the
//! path segments (a list) or of the headers (an object, names lower-case). A missing value
//! without a default is an empty text **(postie)**.

use serde_json::{Map, Value};

use super::matching::Incoming;

/// The text `{{name}}` stands for when `name` is a helper call; `None` when it is not one.
pub fn helper(name: &str, incoming: &Incoming) -> Option<String> {
    let (helper, args) = name.split_once(' ').unwrap_or((name, ""));
    let whole = match helper {
        "$body" => Data::Body(&incoming.body),
        "$queryParams" => Data::Json(pairs(&incoming.query, false)),
        "$pathSegments" => Data::Json(Value::Array(
            incoming.path.iter().cloned().map(Value::String).collect(),
        )),
        "$headers" => Data::Json(pairs(&incoming.headers, true)),
        _ => return None,
    };
    let mut args = arguments(args)?;
    if helper == "$headers"
        && let Some(name) = args.first_mut()
    {
        *name = name.to_ascii_lowercase();
    }
    let Some(path) = args.first() else {
        return Some(match whole {
            Data::Body(text) => text.to_string(),
            Data::Json(value) => value.to_string(),
        });
    };
    let root = match whole {
        Data::Body(text) => serde_json::from_str(text).unwrap_or_else(|_| form(text)),
        Data::Json(value) => value,
    };
    let found = lookup(&root, path).map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    Some(found.unwrap_or_else(|| args.get(1).cloned().unwrap_or_default()))
}

/// What a helper reads: the body's text, or a JSON value made from the request.
enum Data<'i> {
    Body(&'i str),
    Json(Value),
}

/// Name–value pairs as an object (the first value of a repeated name wins); `lower` makes names
/// lower-case.
fn pairs(list: &[(String, String)], lower: bool) -> Value {
    let mut map = Map::new();
    for (k, v) in list {
        let k = if lower {
            k.to_ascii_lowercase()
        } else {
            k.clone()
        };
        map.entry(k).or_insert_with(|| Value::String(v.clone()));
    }
    Value::Object(map)
}

/// A body that is not JSON, read as a form (`a=1&b=2`).
fn form(text: &str) -> Value {
    let list: Vec<(String, String)> = url::form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect();
    pairs(&list, false)
}

/// The quoted arguments of a helper call (`'a.b' 'x'`); `None` when they are not all quoted.
fn arguments(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while let Some(quote) = rest.chars().next() {
        if quote != '\'' && quote != '"' {
            return None;
        }
        let end = rest[1..].find(quote)? + 1;
        out.push(rest[1..end].to_string());
        rest = rest[end + 1..].trim_start();
    }
    Some(out)
}

/// The value at object-path `path` (`a.b.0`, `a\.b` for key `a.b`) in `root`.
fn lookup<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    let mut keys = vec![String::new()];
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => keys.last_mut()?.extend(chars.next()),
            '.' => keys.push(String::new()),
            c => keys.last_mut()?.push(c),
        }
    }
    keys.iter().try_fold(root, |value, key| match value {
        Value::Object(map) => map.get(key),
        Value::Array(list) => list.get(key.parse::<usize>().ok()?),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_read_the_request() {
        let incoming = Incoming {
            method: "POST".into(),
            path: vec!["users".into(), "7".into()],
            query: vec![("page".into(), "2".into())],
            headers: vec![("x-trace".into(), "t1".into())],
            body: r#"{"user": {"name": "ann", "tags": ["a", "b"]}, "a.b": 3}"#.into(),
        };
        let h = |name: &str| helper(name, &incoming);
        assert_eq!(h("$body 'user.name'").as_deref(), Some("ann"));
        assert_eq!(h("$body 'user.tags.1'").as_deref(), Some("b"));
        assert_eq!(h(r"$body 'a\.b'").as_deref(), Some("3"));
        assert_eq!(
            h("$body 'user'").as_deref(),
            Some(r#"{"name":"ann","tags":["a","b"]}"#)
        );
        assert_eq!(h("$body 'nope' 'dflt'").as_deref(), Some("dflt"));
        assert_eq!(h("$body 'nope'").as_deref(), Some(""));
        assert_eq!(h("$queryParams 'page'").as_deref(), Some("2"));
        assert_eq!(h("$queryParams").as_deref(), Some(r#"{"page":"2"}"#));
        assert_eq!(h("$pathSegments '1'").as_deref(), Some("7"));
        assert_eq!(h("$headers 'X-Trace'").as_deref(), Some("t1"));
        assert_eq!(h("$headers 'x-trace'").as_deref(), Some("t1"));
        assert_eq!(h("$body").as_deref(), Some(incoming.body.as_str()));
        assert_eq!(h("$guid"), None);
        assert_eq!(h("$body user"), None);
    }
}
