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
    RequestChanges, RequestView, ResponseView, ScriptContext, ScriptOutcome,
};
use super::error_position::{RawError, position_in_stack, positioned, user_position};
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
    #[serde(rename = "writtenHost")]
    written_host: Option<&'a [String]>,
    #[serde(rename = "writtenPort")]
    written_port: Option<&'a str>,
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
    /// `None` (the sandbox's `undefined`) for an item without a name, as Newman has it.
    #[serde(rename = "requestName")]
    request_name: Option<&'a str>,
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
        request_name: Some(script.info.request_name.as_str()).filter(|name| !name.is_empty()),
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
        written_host: request.written_host.as_ref().map(|(h, _)| h.as_slice()),
        written_port: request
            .written_host
            .as_ref()
            .and_then(|(_, p)| p.as_deref()),
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
                // Newman rebuilds the request from the script's copy and keeps the auth it had
                // when that copy has none: `pm.request.auth = null` changes nothing.
                auth: c.auth.filter(|a| !a.is_null()),
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

#[cfg(test)]
mod tests {
    use super::super::compile::WRAP_HEAD;
    use super::super::error_position::{inside_bundle, newman_position};
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
