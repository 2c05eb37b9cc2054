//! Choosing the example that answers a request, in the order Postman's mock servers use:
//! the `x-mock-response-name`/`-id`/`-code` headers narrow the examples first; then the method
//! must be the same; then the path, segment by segment (`:id` and `{{var}}` segments match any
//! one segment; a segment that matches only ignoring case costs a point); then the query
//! (each parameter of the example the request has with the same value gains two points, a
//! different value or a missing one costs one; a `{{var}}` value matches any); then the body (the
//! same raw body, or the same JSON, gains a point; with `x-mock-match-request-body: true` a
//! different body rules the example out); with `x-mock-match-request-headers: a, b` the named
//! headers must have the example request's values. The highest score wins; the first in the
//! collection on a tie. No example left: the reasons each was ruled out.

use super::gather::{Example, Segment};

/// The request as received.
#[derive(Debug, Clone, Default)]
pub struct Incoming {
    /// Method, upper-case.
    pub method: String,
    /// Path segments, percent-decoded.
    pub path: Vec<String>,
    /// Query parameters, percent-decoded.
    pub query: Vec<(String, String)>,
    /// Headers; names lower-case.
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
}

impl Incoming {
    /// The first value of header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why an example was ruled out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tried {
    /// The example's name.
    pub example: String,
    /// Its request's name.
    pub item: String,
    /// Its request's method and URL.
    pub request: String,
    /// Why it does not answer.
    pub reason: String,
}

/// The best example for `incoming`, or why none fits.
pub fn choose<'e>(examples: &'e [Example], incoming: &Incoming) -> Result<&'e Example, Vec<Tried>> {
    let mut tried = Vec::new();
    let mut best: Option<(i64, &Example)> = None;
    for example in examples {
        match score(example, incoming) {
            Ok(score) => {
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, example));
                }
            }
            Err(reason) => tried.push(Tried {
                example: example.name.clone(),
                item: example.item.clone(),
                request: format!("{} {}", example.method, example.url),
                reason,
            }),
        }
    }
    best.map(|(_, e)| e).ok_or(tried)
}

/// The example's score for `incoming`, or why it is ruled out.
fn score(example: &Example, incoming: &Incoming) -> Result<i64, String> {
    if let Some(name) = incoming.header("x-mock-response-name")
        && example.name != name
    {
        return Err(format!("x-mock-response-name is \"{name}\""));
    }
    if let Some(id) = incoming.header("x-mock-response-id")
        && example.id.as_deref() != Some(id)
    {
        return Err(format!("x-mock-response-id is \"{id}\""));
    }
    if let Some(code) = incoming.header("x-mock-response-code")
        && code.trim() != example.code.to_string()
    {
        return Err(format!(
            "x-mock-response-code is {code}, the example's {}",
            example.code
        ));
    }
    if example.method != incoming.method {
        return Err(format!(
            "method {} is not {}",
            incoming.method, example.method
        ));
    }
    let mut score = path_score(&example.path, &incoming.path)?;
    score += query_score(&example.query, &incoming.query);
    score += body_score(example, incoming)?;
    headers_match(example, incoming)?;
    Ok(score)
}

/// 0 for an exact path, minus one per segment matched only ignoring case.
fn path_score(expected: &[Segment], path: &[String]) -> Result<i64, String> {
    let shown = || {
        let parts: Vec<String> = expected
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => text.clone(),
                Segment::Any => "*".into(),
            })
            .collect();
        format!("/{}", parts.join("/"))
    };
    if expected.len() != path.len() {
        return Err(format!("path is not {}", shown()));
    }
    let mut score = 0;
    for (want, got) in expected.iter().zip(path) {
        match want {
            Segment::Any => {}
            Segment::Literal(text) if text == got || decode(text) == *got => {}
            Segment::Literal(text) if text.eq_ignore_ascii_case(got) => score -= 1,
            Segment::Literal(_) => return Err(format!("path is not {}", shown())),
        }
    }
    Ok(score)
}

fn query_score(expected: &[(String, String)], query: &[(String, String)]) -> i64 {
    let mut score = 0;
    for (key, value) in expected {
        let got = query.iter().find(|(k, _)| k == key || decode(key) == *k);
        score += match got {
            Some(_) if value.contains("{{") => 1,
            Some((_, v)) if v == value || decode(value) == *v => 2,
            _ => -1,
        };
    }
    score
}

fn body_score(example: &Example, incoming: &Incoming) -> Result<i64, String> {
    let Some(body) = example.body.as_deref().filter(|b| !b.trim().is_empty()) else {
        return Ok(0);
    };
    if same_body(body, &incoming.body) {
        return Ok(1);
    }
    if incoming.header("x-mock-match-request-body") == Some("true") {
        return Err("the body is not the example request's".into());
    }
    Ok(0)
}

/// The same text (ends trimmed), or the same JSON.
fn same_body(a: &str, b: &str) -> bool {
    if a.trim() == b.trim() {
        return true;
    }
    let json = |t: &str| serde_json::from_str::<serde_json::Value>(t).ok();
    matches!((json(a), json(b)), (Some(x), Some(y)) if x == y)
}

fn headers_match(example: &Example, incoming: &Incoming) -> Result<(), String> {
    let Some(names) = incoming.header("x-mock-match-request-headers") else {
        return Ok(());
    };
    for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let want = example
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str());
        let got = incoming.header(&name.to_ascii_lowercase());
        if want.is_none() || want != got {
            return Err(format!("header {name} is not the example request's"));
        }
    }
    Ok(())
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(
        name: &str,
        method: &str,
        path: &[Segment],
        query: &[(&str, &str)],
        code: u16,
    ) -> Example {
        Example {
            name: name.into(),
            id: None,
            item: "item".into(),
            method: method.into(),
            url: String::new(),
            path: path.to_vec(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: None,
            headers: Vec::new(),
            code,
            response_headers: Vec::new(),
            response_body: String::new(),
        }
    }

    fn lit(s: &str) -> Segment {
        Segment::Literal(s.into())
    }

    fn get(path: &[&str], query: &[(&str, &str)], headers: &[(&str, &str)]) -> Incoming {
        Incoming {
            method: "GET".into(),
            path: path.iter().map(|s| s.to_string()).collect(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: String::new(),
        }
    }

    #[test]
    fn method_path_query_then_headers_choose() {
        let all = [
            example("list", "GET", &[lit("users")], &[], 200),
            example("one", "GET", &[lit("users"), Segment::Any], &[], 200),
            example("page2", "GET", &[lit("users")], &[("page", "2")], 200),
            example("missing", "GET", &[lit("users"), Segment::Any], &[], 404),
            example("create", "POST", &[lit("users")], &[], 201),
        ];
        let pick = |i: &Incoming| choose(&all, i).map(|e| e.name.clone());
        assert_eq!(pick(&get(&["users"], &[], &[])).unwrap(), "list");
        assert_eq!(
            pick(&get(&["users"], &[("page", "2")], &[])).unwrap(),
            "page2"
        );
        assert_eq!(pick(&get(&["users", "7"], &[], &[])).unwrap(), "one");
        assert_eq!(pick(&get(&["USERS", "7"], &[], &[])).unwrap(), "one");
        let code = [("x-mock-response-code", "404")];
        assert_eq!(pick(&get(&["users", "7"], &[], &code)).unwrap(), "missing");
        let name = [("x-mock-response-name", "missing")];
        assert_eq!(pick(&get(&["users", "7"], &[], &name)).unwrap(), "missing");
        let tried = pick(&get(&["nothing"], &[], &[])).unwrap_err();
        assert_eq!(tried.len(), 5);
        assert_eq!(tried[0].reason, "path is not /users");
        assert_eq!(tried[4].reason, "method GET is not POST");
    }
}
