//! The data crossing the Rust/JavaScript boundary: the script's inputs serialised to JSON strings
//! for the prelude's `begin` (one each for info, request, response and cookies, one per variable
//! scope the sandbox does not have yet, all parsed lazily on the JS side), and the JSON `finish`
//! returns parsed into a [`ScriptOutcome`] (parts the script left empty are left out). A scope
//! travels as a list of entries so its order survives (JS objects reorder integer-like keys):
//! `[name, value]`, or `{"k": name, "v": value, "t": type, "d": true}` for an entry with a type,
//! no value or disabled. What the script did to the variables comes back as one list of changes
//! in order, as Newman's runtime receives a script's mutations: `["s", scope, name, value]` a
//! set, `["u", scope, name]` an unset, `["c", scope]` a clear, and for the local scope
//! `["p", scope, entry]`, the entry as the sandbox stored it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use super::api::{
    AssertionError, AssertionResult, ConsoleLevel, ConsoleMessage, JarCall, NewCookie, NextRequest,
    RequestChanges, RequestView, ResponseView, ScriptContext, ScriptError, ScriptOutcome,
};
use super::compile::{SCRIPT_FILE, WRAP_HEAD};
use super::surrogates::well_formed;
use super::v8_errors::v8_message;
use super::vars_wire::change_from_json;
pub(crate) use super::vars_wire::scope_json;
use crate::vars::VarChanges;

/// A value from the script as a tree. One nested deeper than serde_json builds trees (128
/// levels) is kept as its JSON text, so that the script's other results are not lost with it.
pub(super) fn tree(raw: &RawValue) -> Value {
    serde_json::from_str(raw.get()).unwrap_or_else(|_| Value::String(raw.get().to_string()))
}

/// A variable entry or change (`[name, value]`, `{"k": name, "v": value, ...}`) as a tree, its
/// parts read with [`tree`] when the whole is nested too deep.
pub(super) fn entry_tree(raw: &RawValue) -> Value {
    if let Ok(whole) = serde_json::from_str(raw.get()) {
        return whole;
    }
    if let Ok(parts) = serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()) {
        return Value::Array(parts.iter().map(|part| tree(part)).collect());
    }
    match serde_json::from_str::<indexmap::IndexMap<String, Box<RawValue>>>(raw.get()) {
        Ok(fields) => Value::Object(fields.iter().map(|(k, v)| (k.clone(), tree(v))).collect()),
        Err(_) => Value::Null,
    }
}

/// The request headers as `[key, value]` pairs, with the disabled ones (`[key, value, true]`)
/// put back at their places.
fn header_list(request: &RequestView) -> Vec<Value> {
    let mut out: Vec<Value> = request
        .headers
        .iter()
        .enumerate()
        .map(|(i, (k, v))| {
            if request.system_headers.get(i).copied().unwrap_or(false) {
                serde_json::json!([k, v, false, true])
            } else {
                Value::from(vec![k.as_str(), v.as_str()])
            }
        })
        .collect();
    for (at, key, value) in &request.disabled_headers {
        let entry = Value::Array(vec![
            Value::from(key.as_str()),
            Value::from(value.as_str()),
            Value::Bool(true),
        ]);
        out.insert((*at).min(out.len()), entry);
    }
    out
}

#[derive(Serialize)]
struct InputRequest<'a> {
    id: Option<&'a str>,
    name: &'a str,
    method: &'a str,
    url: &'a str,
    headers: Vec<Value>,
    body: Option<&'a str>,
    #[serde(rename = "bodyDefinition")]
    body_definition: Option<&'a Value>,
    #[serde(rename = "urlVariables")]
    url_variables: &'a [(String, String)],
    #[serde(rename = "disabledQuery")]
    disabled_query: &'a [(usize, String, Option<String>)],
    auth: Option<&'a Value>,
    description: Option<&'a Value>,
}

#[derive(Serialize)]
struct InputResponse<'a> {
    code: u16,
    status: &'a str,
    /// Newman's name for the code (`details().standardName`).
    standard: Option<&'static str>,
    /// The body bytes as U+0000..U+00FF code points when the text is not them.
    raw: Option<&'a str>,
    headers: &'a [(String, String)],
    time: u64,
    size: u64,
    /// Body bytes as received, when decoding changed the size.
    #[serde(skip_serializing_if = "Option::is_none")]
    received: Option<u64>,
}

#[derive(Serialize)]
struct InputInfo<'a> {
    #[serde(rename = "eventName")]
    event_name: &'a str,
    #[serde(rename = "requestName")]
    request_name: &'a str,
    #[serde(rename = "requestId")]
    request_id: Option<&'a str>,
    iteration: usize,
    #[serde(rename = "iterationCount")]
    iteration_count: usize,
    location: &'a [String],
    #[serde(rename = "locationCurrent")]
    location_current: &'a str,
    environment: &'a super::api::ScopeMeta,
    globals: &'a super::api::ScopeMeta,
}

/// The script's inputs besides variables and the response body, each its own JSON text so the
/// prelude parses only the ones a script touches: `pm.info`, `pm.request`, `pm.response` (without
/// its body; `null` in pre-request scripts) and `pm.cookies`.
pub(crate) struct MetaParts {
    /// `pm.info` and `pm.execution.location`.
    pub info: String,
    /// `pm.request`.
    pub request: String,
    /// `pm.response` without its body, or `null`.
    pub response: String,
    /// The jar's cookies for the request URL.
    pub cookies: String,
}

/// The JSON texts of [`MetaParts`] for `script`.
pub(crate) fn meta_parts(script: &ScriptContext<'_>) -> MetaParts {
    let request = script.request;
    let info = InputInfo {
        event_name: script.kind.event_name(),
        request_name: &script.info.request_name,
        request_id: script.info.request_id.as_deref(),
        iteration: script.info.iteration,
        iteration_count: script.info.iteration_count,
        location: &script.info.location,
        location_current: &script.info.location_current,
        environment: &script.info.environment,
        globals: &script.info.globals,
    };
    let request = InputRequest {
        id: request.id.as_deref(),
        name: &request.name,
        method: &request.method,
        url: &request.url,
        headers: header_list(request),
        body: request.body.as_deref(),
        body_definition: request.body_definition.as_ref(),
        url_variables: &request.url_variables,
        disabled_query: &request.disabled_query,
        auth: request.auth.as_ref(),
        description: request.description.as_ref(),
    };
    let response = script.response.map(|r| InputResponse {
        code: r.code,
        status: &r.status,
        standard: crate::http::reasons::standard_reason(r.code),
        raw: r.raw.as_deref(),
        headers: &r.headers,
        time: r.response_time_ms,
        size: r.response_size,
        received: r.received_size,
    });
    // Serialising plain strings and numbers cannot fail.
    let json = |value: Result<String, serde_json::Error>| value.unwrap_or_else(|_| "null".into());
    MetaParts {
        info: json(serde_json::to_string(&info)),
        request: json(serde_json::to_string(&request)),
        response: json(serde_json::to_string(&response)),
        cookies: json(serde_json::to_string(&script.cookies)),
    }
}

#[derive(Deserialize)]
struct RawError {
    name: String,
    message: String,
    #[serde(default)]
    stack: String,
    /// The script threw `null` or `undefined`: Newman records no error at all.
    #[serde(default)]
    nothing: bool,
    /// The thrown value is chai's `AssertionError` (its JSON carries the stack under Newman).
    #[serde(default)]
    chai: bool,
    /// A test threw a primitive (see [`AssertionError::thrown_primitive`]).
    #[serde(default)]
    primitive: bool,
}

#[derive(Deserialize)]
struct RawAssertion {
    name: String,
    skipped: bool,
    error: Option<RawError>,
    index: Option<usize>,
}

#[derive(Deserialize)]
struct RawConsole {
    level: String,
    text: String,
    #[serde(default)]
    after: usize,
}

#[derive(Deserialize)]
struct RawNext {
    value: Option<String>,
}

#[derive(Deserialize)]
struct RawChanges {
    method: Option<String>,
    url: Option<String>,
    headers: Option<Vec<(String, String, bool)>>,
    /// Present (possibly `null`) only when the body changed.
    #[serde(default, deserialize_with = "present")]
    body: Option<Value>,
    /// Present (possibly `null`) only when the auth changed.
    #[serde(default, deserialize_with = "present")]
    auth: Option<Value>,
}

/// Keeps an explicit `null` as `Some(Value::Null)` (absent stays `None`); read with [`tree`].
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Box::<RawValue>::deserialize(d).map(|raw| Some(tree(&raw)))
}

#[derive(Deserialize)]
struct RawOutcome {
    #[serde(default)]
    vars: Vec<Box<RawValue>>,
    #[serde(default)]
    assertions: Vec<RawAssertion>,
    #[serde(default)]
    console: Vec<RawConsole>,
    next: Option<RawNext>,
    #[serde(default)]
    skip: bool,
    #[serde(rename = "asyncError")]
    async_error: Option<RawError>,
    #[serde(default, rename = "requestChanges")]
    request_changes: Option<RawChanges>,
}

/// Parse what the prelude's `finish` returned.
pub(crate) fn outcome_from_json(json: &str, source: &str) -> Result<ScriptOutcome, String> {
    let raw: RawOutcome = serde_json::from_str(&well_formed(json)).map_err(|e| e.to_string())?;
    Ok(ScriptOutcome {
        changes: VarChanges(
            raw.vars
                .iter()
                .filter_map(|change| change_from_json(change))
                .collect(),
        ),
        assertions: raw
            .assertions
            .into_iter()
            .enumerate()
            .map(|(position, a)| AssertionResult {
                index: a.index.unwrap_or(position),
                name: a.name,
                skipped: a.skipped,
                error: a.error.map(|e| {
                    let position =
                        position_in_stack(&e.stack).map(|pos| user_position(pos, source));
                    AssertionError {
                        message: v8_message(&e.name, &e.message, position, source),
                        name: e.name,
                        thrown_primitive: e.primitive,
                    }
                }),
            })
            .collect(),
        console: raw
            .console
            .into_iter()
            .map(|c| ConsoleMessage {
                level: match c.level.as_str() {
                    "info" => ConsoleLevel::Info,
                    "warn" => ConsoleLevel::Warn,
                    "error" => ConsoleLevel::Error,
                    _ => ConsoleLevel::Log,
                },
                text: c.text,
                after_assertions: c.after,
            })
            .collect(),
        error: raw.async_error.map(|e| positioned(e, source)),
        next_request: raw.next.map(|n| match n.value {
            Some(target) => NextRequest::Item(target),
            None => NextRequest::Stop,
        }),
        skip_request: raw.skip,
        request_changes: raw
            .request_changes
            .map(|c| RequestChanges {
                method: c.method,
                url: c.url,
                headers: c.headers,
                body: c.body,
                auth: c.auth,
            })
            .filter(|c| !c.is_empty()),
    })
}

/// One call a script queued for its host.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum HostCall {
    /// `pm.sendRequest` with a request definition.
    Send(Value),
    /// A `pm.cookies.jar()` call.
    Jar(JarCall),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawCookie {
    #[serde(default)]
    name: String,
    #[serde(default)]
    value: String,
    domain: Option<String>,
    path: Option<String>,
    expires: Option<String>,
    max_age: Option<i64>,
    #[serde(default)]
    http_only: bool,
    #[serde(default)]
    secure: bool,
}

#[derive(Deserialize)]
struct RawCall {
    id: u64,
    #[serde(rename = "type")]
    kind: String,
    request: Option<Box<RawValue>>,
    #[serde(default)]
    action: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    name: String,
    cookie: Option<RawCookie>,
}

/// A queued call with its id; `Err` when postie cannot understand the call (answered with it).
pub(crate) type QueuedCall = (u64, Result<HostCall, String>);

/// Parse the prelude's outbox: `[{id, type: "send", request}, {id, type: "jar", action, ...}]`.
/// A call postie cannot understand comes back as `Err` with its id, to be answered with an error.
pub(crate) fn calls_from_json(json: &str) -> Result<Vec<QueuedCall>, String> {
    let raw: Vec<RawCall> = serde_json::from_str(&well_formed(json)).map_err(|e| e.to_string())?;
    Ok(raw
        .into_iter()
        .map(|c| {
            let jar = |call: JarCall| Ok(HostCall::Jar(call));
            let call = match (c.kind.as_str(), c.action.as_str()) {
                ("send", _) => Ok(HostCall::Send(c.request.map_or(Value::Null, |r| tree(&r)))),
                ("jar", "get") => jar(JarCall::Get {
                    url: c.url,
                    name: c.name,
                }),
                ("jar", "getAll") => jar(JarCall::GetAll { url: c.url }),
                ("jar", "unset") => jar(JarCall::Unset {
                    url: c.url,
                    name: c.name,
                }),
                ("jar", "clear") => jar(JarCall::Clear { url: c.url }),
                ("jar", "set") => match c.cookie {
                    Some(k) => jar(JarCall::Set {
                        url: c.url,
                        cookie: NewCookie {
                            name: k.name,
                            value: k.value,
                            domain: k.domain,
                            path: k.path,
                            expires: k.expires,
                            max_age: k.max_age,
                            http_only: k.http_only,
                            secure: k.secure,
                        },
                    }),
                    None => Err("CookieJar.set() needs a cookie".to_string()),
                },
                (kind, action) => Err(format!("postie cannot do the script call {kind} {action}")),
            };
            (c.id, call)
        })
        .collect())
}

/// The JSON the prelude's `deliver` receives: `{"ok": value}` or `{"error": message}`.
pub(crate) fn result_json(result: Result<Value, String>) -> String {
    let doc = match result {
        Ok(value) => serde_json::json!({ "ok": value }),
        Err(message) => serde_json::json!({ "error": message }),
    };
    doc.to_string()
}

/// A `pm.sendRequest` response as the prelude builds `Response` objects from it.
pub(crate) fn response_value(r: &ResponseView) -> Value {
    // A body that cannot be read back reaches the script empty (its temporary file failing).
    let (body, raw) = r.text_parts().unwrap_or_default();
    serde_json::json!({
        "code": r.code,
        "status": r.status,
        "standard": crate::http::reasons::standard_reason(r.code),
        "raw": raw,
        "headers": r.headers,
        "time": r.response_time_ms,
        "size": r.response_size,
        "received": r.received_size,
        "body": body,
    })
}

/// Parse the prelude's `describe` of a thrown value.
pub(crate) fn error_from_json(json: &str, source: &str) -> ScriptError {
    match serde_json::from_str::<RawError>(&well_formed(json)) {
        Ok(raw) if raw.nothing => ScriptError::nothing(),
        Ok(raw) => positioned(raw, source),
        Err(_) => ScriptError {
            name: "Error".to_string(),
            message: "the script threw a value postie could not describe".to_string(),
            position: None,
            reported_at: None,
        },
    }
}

fn positioned(raw: RawError, source: &str) -> ScriptError {
    let in_stack = position_in_stack(&raw.stack);
    let position = in_stack.map(|pos| user_position(pos, source));
    let reported_at = if raw.chai {
        in_stack
            .and_then(|pos| newman_position(pos, source))
            .map(|at| inside_bundle(&raw.message, at, source).unwrap_or(at))
    } else {
        None
    };
    ScriptError {
        message: v8_message(&raw.name, &raw.message, position, source),
        position,
        reported_at,
        name: raw.name,
    }
}

/// A response check on a response without a status code (its request failed) fails inside
/// Newman's bundle, at a fixed place per check: the place for the check named at `at` (Newman's
/// line and column of the script's call).
fn inside_bundle(message: &str, (line, col): (u32, u32), source: &str) -> Option<(u32, u32)> {
    let unanswered = message.starts_with("expected PostmanResponse{")
        && (message.ends_with("to have property 'code'")
            || message.ends_with("to have property 'responseTime'"));
    if !unanswered {
        return None;
    }
    let text = source
        .split('\n')
        .nth(usize::try_from(line).ok()?.checked_sub(2)?)?;
    let name: String = text
        .chars()
        .skip(usize::try_from(col).ok()?.checked_sub(1)?)
        .skip_while(|c| *c == '.')
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let column = match name.as_str() {
        "success" | "info" | "redirection" | "clientError" | "serverError" => 607_090,
        "error" => 607_427,
        "statusCode" => 607_779,
        "status" => 609_902,
        "responseTime" => 614_046,
        _ => return None,
    };
    Some((64, column))
}

/// Where Newman's sandbox places a failing call found at `(line, col)` of the wrapped source:
/// its wrapper adds one line before the script, and V8 points at the called property's name
/// (`pm.expect(x).to.equal (y)` at `equal`), where QuickJS may point at the name, at the `(`
/// after it or into the arguments.
fn newman_position((line, col): (u32, u32), source: &str) -> Option<(u32, u32)> {
    let text = source
        .split('\n')
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let chars: Vec<char> = text.chars().collect();
    // QuickJS counts the first line's columns from 0 (the wrapper's head sits before them).
    let col = if line == 1 {
        (col + 1).checked_sub(u32::try_from(WRAP_HEAD.len()).ok()?)?
    } else {
        col
    };
    let at = usize::try_from(col).ok()?.checked_sub(1)?;
    let at = called_name(&chars, at).unwrap_or(at);
    let at = last_getter(&chars, at).unwrap_or(at);
    Some((line + 1, u32::try_from(at).ok()? + 1))
}

/// A chain that goes on from the name at `at` with property reads alone (`pm.expect(x).to.be.true`,
/// `pm.response.to.be.ok`): where V8 places its last read when that getter fails: the `.` before
/// it for chai's own properties, the name itself for the response and request assertions.
fn last_getter(chars: &[char], at: usize) -> Option<usize> {
    let name = last_read(chars, at)?;
    let root: String = chars[at..].iter().take(11).collect();
    if root.starts_with("response") || root.starts_with("request") || root == "pm.response" {
        return Some(name);
    }
    let rest: String = chars[at.saturating_sub(3)..].iter().take(14).collect();
    if rest.starts_with("pm.response") || rest.starts_with("pm.request") {
        return Some(name);
    }
    chars[..name].iter().rposition(|c| *c == '.').or(Some(name))
}

/// The start of the last name of a chain of property reads going on from the name at `at`.
fn last_read(chars: &[char], at: usize) -> Option<usize> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut i = at;
    while i < chars.len() && is_name(chars[i]) {
        i += 1;
    }
    let skip_blanks = |mut i: usize| {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        i
    };
    // The located call's own arguments.
    i = skip_blanks(i);
    if chars.get(i) == Some(&'(') {
        let mut depth = 0usize;
        while i < chars.len() {
            match chars[i] {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
    let mut last = None;
    loop {
        i = skip_blanks(i);
        if chars.get(i) != Some(&'.') {
            break;
        }
        let start = skip_blanks(i + 1);
        let mut end = start;
        while end < chars.len() && is_name(chars[end]) {
            end += 1;
        }
        if end == start {
            return None;
        }
        if chars.get(skip_blanks(end)) == Some(&'(') {
            // A call later in the chain: QuickJS would point at it had it failed.
            return None;
        }
        last = Some(start);
        i = end;
    }
    last
}

/// The start of the name of the call at `at` in `chars`: the name `at` is in when a `(`
/// follows it, the name before the `(` at `at`, or else that of the call whose arguments hold
/// `at`.
fn called_name(chars: &[char], at: usize) -> Option<usize> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let name_before = |open: usize| {
        let mut end = open;
        while end > 0 && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && is_name(chars[start - 1]) {
            start -= 1;
        }
        (start < end).then_some(start)
    };
    let next_after = |mut i: usize| {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        chars.get(i).copied()
    };
    match chars.get(at) {
        Some('(') => return name_before(at),
        Some(&c) if is_name(c) => {
            let mut start = at;
            while start > 0 && is_name(chars[start - 1]) {
                start -= 1;
            }
            let mut end = at;
            while end < chars.len() && is_name(chars[end]) {
                end += 1;
            }
            // `function (…)` passed as an argument is no call: the call is the one around it.
            let word: String = chars[start..end].iter().collect();
            if next_after(end) == Some('(') && word != "function" {
                return Some(start);
            }
        }
        _ => {}
    }
    // Back to the `(` that opens the arguments around `at`.
    let mut depth = 0usize;
    for i in (0..at.min(chars.len())).rev() {
        match chars[i] {
            ')' | ']' | '}' => depth += 1,
            '(' if depth == 0 => return name_before(i),
            '(' | '[' | '{' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The first `postie-script:LINE:COL` in a QuickJS stack trace.
pub(super) fn position_in_stack(stack: &str) -> Option<(u32, u32)> {
    let marker = format!("{SCRIPT_FILE}:");
    let start = stack.find(&marker)? + marker.len();
    let rest = &stack[start..];
    let mut parts = rest.splitn(3, |c: char| !c.is_ascii_digit());
    let line = parts.next()?.parse().ok()?;
    let col = parts.next()?.parse().ok()?;
    Some((line, col))
}

/// Map a position in the wrapped source back to the user's source: the wrapper's head shares
/// the first line, and its tail sits on a line after the last one.
pub(crate) fn user_position((line, col): (u32, u32), source: &str) -> (u32, u32) {
    let head = u32::try_from(WRAP_HEAD.len()).unwrap_or(0);
    let lines = u32::try_from(source.split('\n').count()).unwrap_or(u32::MAX);
    if line > lines {
        let last = source.rsplit('\n').next().unwrap_or("");
        let col = u32::try_from(last.chars().count()).unwrap_or(0) + 1;
        return (lines, col);
    }
    if line == 1 {
        return (1, col.saturating_sub(head).max(1));
    }
    (line, col.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vars::{Change, ScopeName};

    #[test]
    fn newman_position_points_at_the_called_name() {
        let source = "//\npm.expect( 1 ).to.equal (2);\n    pm.expect.fail(msg);\npm.expect(1).to.be.above(5)";
        // QuickJS at the `(`, in the arguments, at the name: V8's column of the name, a line on.
        assert_eq!(newman_position((2, 25), source), Some((3, 19)));
        assert_eq!(newman_position((3, 20), source), Some((4, 15)));
        assert_eq!(newman_position((4, 20), source), Some((5, 20)));
        // The first line's columns count from the wrapper's head, from 0.
        let head = u32::try_from(WRAP_HEAD.len()).unwrap_or(0);
        assert_eq!(
            newman_position((1, head + 18), "pm.expect(1).to.eql(2)"),
            Some((2, 17))
        );
        assert_eq!(newman_position((9, 1), source), None);
        // A failing getter: V8 points at the chain's last name.
        let getters = "//\npm.expect(false).to.be.true;\n  pm.response.to.be.ok;";
        assert_eq!(newman_position((2, 4), getters), Some((3, 23)));
        assert_eq!(newman_position((3, 3), getters), Some((4, 21)));
    }

    #[test]
    fn inside_bundle_places_response_checks_without_a_response() {
        let source = "pm.response.to.have.status(200);\npm.response.to.be.success;";
        let code = "expected PostmanResponse{ …(5) } to have property 'code'";
        assert_eq!(inside_bundle(code, (2, 21), source), Some((64, 609_902)));
        assert_eq!(inside_bundle(code, (3, 19), source), Some((64, 607_090)));
        assert_eq!(
            inside_bundle("expected 1 to equal 2", (2, 21), source),
            None
        );
        assert_eq!(inside_bundle(code, (9, 1), source), None);
    }

    #[test]
    fn position_in_stack_finds_first_script_frame() {
        let stack = "    at f (postie-expect.js:10:3)\n    at <anonymous> (postie-script:4:17)\n";
        assert_eq!(position_in_stack(stack), Some((4, 17)));
        assert_eq!(position_in_stack("no frames"), None);
    }

    /// Found by the fuzz tests (issue 12): a variable set to a value nested about 125 levels
    /// deep made the whole results unreadable (serde_json's recursion limit), so the script's
    /// assertions and every other change were lost.
    #[test]
    fn outcome_keeps_results_beside_a_value_nested_too_deep_issue_12() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let json = format!(
            r#"{{"vars": [["s", "environment", "deep", {deep}], ["s", "environment", "x", 1], ["p", "local", {{"k": "l", "v": {deep}}}]],
                "assertions": [{{"name": "t", "skipped": false}}],
                "requestChanges": {{"body": {deep}}}}}"#
        );
        let out = match outcome_from_json(&json, "") {
            Ok(out) => out,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(out.assertions.len(), 1);
        assert_eq!(
            out.changes.of(ScopeName::Environment),
            [
                Change::Set("deep".into(), Value::String(deep.clone())),
                Change::Set("x".into(), Value::from(1)),
            ]
        );
        let local = out.changes.of(ScopeName::Local);
        assert!(
            matches!(&local[0], Change::Store { value: Some(Value::String(v)), .. } if *v == deep)
        );
        let body = out.request_changes.and_then(|c| c.body);
        assert_eq!(body, Some(Value::String(deep)));
        // Values a tree holds are read as trees.
        let json = r#"{"vars": [["s", "environment", "a", [[1]]]]}"#;
        let out = outcome_from_json(json, "").map(|o| o.changes.of(ScopeName::Environment));
        assert_eq!(
            out,
            Ok(vec![Change::Set("a".into(), serde_json::json!([[1]]))])
        );
    }

    #[test]
    fn user_position_compensates_wrapper() {
        assert_eq!(user_position((1, 13), "x"), (1, 1));
        assert_eq!(user_position((3, 5), "a\nb\nc"), (3, 5));
        assert_eq!(user_position((4, 1), "a\nb\nccc"), (3, 4));
    }
}
