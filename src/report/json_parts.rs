//! Pieces of the JSON report's execution records in Newman's shape: the cursor, the item, an
//! assertion, a script's error and a request error.

use super::format::assertion_stack;
use crate::runner::{Cursor, ItemRef};
use crate::script::{AssertionResult, ScriptError};
use serde_json::{Map, Value, json};

/// The record's `cursor`.
pub(super) fn cursor_json(cursor: &Cursor) -> Value {
    json!({
        "position": cursor.position,
        "iteration": cursor.iteration,
        "length": cursor.length,
        "cycles": cursor.iterations,
        "empty": cursor.length == 0,
        "eof": cursor.position + 1 >= cursor.length,
        "bof": cursor.position == 0,
        "cr": false,
    })
}

/// The record's `item`: its id (when it has one) and name.
pub(super) fn item_json(item: &ItemRef<'_>) -> Value {
    let mut map = Map::new();
    if let Some(id) = item.id {
        map.insert("id".into(), json!(id));
    }
    map.insert("name".into(), json!(item.name));
    Value::Object(map)
}

/// One entry of the record's `assertions`; `index` is its place in the list.
/// The record's entry for an assertion; `position` is the item's place in the plan, which
/// Newman's made-up stack frame carries.
pub(super) fn assertion_json(assertion: &AssertionResult, position: usize) -> Value {
    let mut a = Map::new();
    a.insert("assertion".into(), json!(assertion.name));
    a.insert("skipped".into(), json!(assertion.skipped));
    if let Some(error) = &assertion.error {
        a.insert(
            "error".into(),
            json!({
                "name": error.name,
                "index": assertion.index,
                "test": assertion.name,
                "message": error.message,
                "stack": assertion_stack(&error.name, &error.message, assertion.index, position),
            }),
        );
    }
    Value::Object(a)
}

/// One entry of the record's `prerequestScript` or `testScript`: its error, if any.
pub(super) fn script_json(error: Option<&ScriptError>) -> Value {
    let mut script = Map::new();
    if let Some(e) = error {
        script.insert(
            "error".into(),
            json!({"name": e.name, "message": e.message}),
        );
    }
    Value::Object(script)
}

/// A request error as Newman's report holds it: the error's own enumerable properties (Node's
/// `errno`, `code`, `syscall`, `address`, `port`, `hostname`), never its message.
pub(super) fn request_error_json(error: &crate::http::HttpError) -> Value {
    let words: Vec<&str> = error.message.split(' ').collect();
    // A failed read or write: `read ECONNRESET`, `write EPROTO …`.
    if let [syscall @ ("read" | "write"), code, ..] = words.as_slice() {
        let errno = match *code {
            "ECONNRESET" => -104,
            "EPROTO" => -71,
            "EPIPE" => -32,
            _ => 0,
        };
        if errno != 0 {
            return json!({"errno": errno, "code": code, "syscall": syscall});
        }
    }
    if let Some(code) = error.code {
        return json!({ "code": code });
    }
    match words.as_slice() {
        ["connect", code, target] => {
            let (address, port) = target.rsplit_once(':').unwrap_or((target, ""));
            let errno = match *code {
                "ECONNREFUSED" => -111,
                "ETIMEDOUT" => -110,
                "EHOSTUNREACH" => -113,
                "ENETUNREACH" => -101,
                _ => 0,
            };
            json!({
                "errno": errno,
                "code": code,
                "syscall": "connect",
                "address": address,
                "port": port.parse::<u16>().map_or_else(|_| json!(port), |p| json!(p)),
            })
        }
        ["getaddrinfo", code, host] => json!({
            "errno": if *code == "ENOTFOUND" { -3008 } else { -3001 },
            "code": code,
            "syscall": "getaddrinfo",
            "hostname": host,
        }),
        ["ESOCKETTIMEDOUT"] | ["ETIMEDOUT"] => json!({"code": words[0], "connect": false}),
        ["socket", "hang", "up"] => json!({"code": "ECONNRESET"}),
        _ => json!({}),
    }
}
