//! Pieces of the JSON report's execution records in Newman's shape: the cursor, an assertion,
//! a script's error (serialised as Newman's serialised-error does) and a request error.

use super::format::assertion_stack;
use crate::runner::Cursor;
use crate::script::{AssertionResult, ScriptError};
use serde_json::{Map, Value, json};

/// A cursor as Newman's runtime reports it: the position, then `empty`/`eof`/`bof`/`cr` as the
/// runtime's cursor sets them (all four on the run's first item, `cr` alone on an iteration's
/// first item), then the ids of the item's run (`ref`), of its request (`httpRequestId`) and,
/// for script events, of the script and its execution.
pub(super) fn cursor_json(cursor: &Cursor, ids: &CursorIds) -> Value {
    let mut map = Map::new();
    map.insert("position".into(), json!(cursor.position));
    map.insert("iteration".into(), json!(cursor.iteration));
    map.insert("length".into(), json!(cursor.length));
    map.insert("cycles".into(), json!(cursor.iterations));
    if cursor.position == 0 {
        if cursor.iteration == 0 {
            map.insert("empty".into(), json!(cursor.length == 0));
            map.insert("eof".into(), json!(false));
            map.insert("bof".into(), json!(true));
            map.insert("cr".into(), json!(false));
        } else {
            map.insert("cr".into(), json!(true));
        }
    }
    map.insert("ref".into(), json!(ids.item_run));
    if let Some(id) = &ids.request {
        map.insert("httpRequestId".into(), json!(id));
    }
    if let Some((script, execution)) = &ids.script {
        map.insert("scriptId".into(), script.clone());
        if let Some(execution) = execution {
            map.insert("execution".into(), execution.clone());
        }
    }
    Value::Object(map)
}

/// The ids a cursor carries.
#[derive(Debug, Clone, Default)]
pub(super) struct CursorIds {
    /// This run of the item (`ref`).
    pub item_run: String,
    /// Its request, once sent (`httpRequestId`).
    pub request: Option<String>,
    /// The script an event comes from and, when Newman gives it, its execution.
    pub script: Option<(Value, Option<Value>)>,
}

/// What serialised-error adds to an error it wraps: a checksum, an id and a timestamp, and the
/// parsed frames of its stack.
pub(super) fn serialised(
    error: &mut Map<String, Value>,
    id: String,
    timestamp: u64,
    frames: Value,
) {
    use md5::{Digest, Md5};
    let text = serde_json::to_string(&*error).unwrap_or_default();
    let sum = Md5::digest(text.as_bytes());
    let checksum: String = sum.iter().map(|b| format!("{b:02x}")).collect();
    error.insert("checksum".into(), json!(checksum));
    error.insert("id".into(), json!(id));
    error.insert("timestamp".into(), json!(timestamp));
    error.insert("stacktrace".into(), frames);
}

/// A script's error as the runtime reports it (`{type: "Error", name, message, …}`; a thrown
/// primitive has neither name nor message), serialised. The `AssertionFailure` `--bail` raises
/// is a plain error with a stack.
pub(super) fn script_error_json(error: &ScriptError, id: String, timestamp: u64) -> Value {
    let mut map = Map::new();
    if error.name == super::summary::BAIL_FAILURE {
        map.insert("name".into(), json!(error.name));
        map.insert("message".into(), json!(error.message));
        map.insert(
            "stack".into(),
            json!(format!("{}: {}", error.name, error.message)),
        );
    } else if !(error.name.is_empty() && error.message.is_empty()) {
        map.insert("type".into(), json!("Error"));
        if !error.name.is_empty() {
            map.insert("name".into(), json!(error.name));
        }
        if !error.message.is_empty() {
            map.insert("message".into(), json!(error.message));
        }
    }
    serialised(&mut map, id, timestamp, json!([]));
    Value::Object(map)
}

/// A request's error as a failure holds it: Node's error (its name, message, a stack naming
/// its code, and its own properties), serialised.
pub(super) fn request_failure_json(
    error: &crate::http::HttpError,
    id: String,
    timestamp: u64,
) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), json!(error.name));
    map.insert("message".into(), json!(error.message));
    let stack = match error.code.filter(|c| c.starts_with("ERR_")) {
        Some(code) => format!("{} [{code}]: {}", error.name, error.message),
        None => format!("{}: {}", error.name, error.message),
    };
    map.insert("stack".into(), json!(stack));
    if let Value::Object(own) = request_error_json(error) {
        map.extend(own);
    }
    serialised(&mut map, id, timestamp, json!([]));
    Value::Object(map)
}

/// The frame an assertion's made-up stack names (`at Object.eval sandbox-script.js:L:C)`),
/// parsed as serialised-error parses it.
pub(super) fn assertion_frames(stack: &str) -> Value {
    let Some(at) = stack.split("sandbox-script.js:").nth(1) else {
        return json!([]);
    };
    let mut numbers = at.trim_end_matches(')').split(':');
    let line = numbers.next().and_then(|n| n.parse::<u64>().ok());
    let column = numbers.next().and_then(|n| n.parse::<u64>().ok());
    json!([{
        "fileName": "sandbox-script.js",
        "lineNumber": line,
        "functionName": "Object.eval",
        "typeName": "Object",
        "methodName": "eval",
        "columnNumber": column,
        "native": false,
    }])
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
                "stack": assertion_stack(&error.name, stack_message(error), assertion.index, position),
            }),
        );
    }
    Value::Object(a)
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

/// The headers of a request as sent, as Newman's report lists them: the item's own headers in
/// their order (disabled ones too, as written; enabled ones with the value sent, keeping the
/// item's JSON value when it is the same text), then the headers the runtime added
/// (`system: true`: `runtime` says which names it adds; others a script added). `value` gives
/// a sent header's value as the report shows it; `keep_content_type` keeps the item's
/// `Content-Type` as written (a form body's is the HTTP layer's, which Newman does not list).
pub(super) fn sent_headers(
    item: Option<&Vec<Value>>,
    sent: &[(String, String)],
    value: &dyn Fn(&str, &str) -> String,
    runtime: &dyn Fn(&str) -> bool,
    keep_content_type: bool,
) -> Value {
    let mut used = vec![false; sent.len()];
    let mut out = Vec::with_capacity(sent.len());
    for header in item.into_iter().flatten() {
        if header.get("disabled") == Some(&json!(true)) {
            out.push(header.clone());
            continue;
        }
        let key = header.get("key").and_then(Value::as_str).unwrap_or("");
        let found = sent
            .iter()
            .enumerate()
            .find(|(i, (k, _))| !used[*i] && k.eq_ignore_ascii_case(key));
        if let Some((i, (k, v))) = found {
            used[i] = true;
            let mut header = header.clone();
            let shown = value(k, v);
            let same = match header.get("value") {
                Some(Value::String(s)) => *s == shown,
                Some(Value::Number(n)) => crate::report::sdk::number_text(n) == shown,
                Some(Value::Bool(b)) => b.to_string() == shown,
                _ => false,
            };
            let content_type = keep_content_type && key.eq_ignore_ascii_case("content-type");
            if !same && !content_type {
                header["value"] = json!(shown);
            }
            out.push(header);
        }
    }
    for (i, (k, v)) in sent.iter().enumerate() {
        if used[i] || (keep_content_type && k.eq_ignore_ascii_case("content-type")) {
            continue;
        }
        if runtime(k) {
            out.push(json!({"key": k, "value": value(k, v), "system": true}));
        } else {
            out.push(json!({"key": k, "value": value(k, v)}));
        }
    }
    Value::Array(out)
}

/// A urlencoded body as sent, as Newman's report lists it: the item's fields in their order
/// (disabled ones as written, enabled ones with the key and value sent), then the fields a
/// script or the runtime added (an OAuth 1.0 signature's `oauth_*`: `system: true`). `mask`
/// masks a value.
pub(super) fn sent_form(
    item: Option<&Vec<Value>>,
    sent: &[u8],
    mask: &dyn Fn(&str) -> String,
) -> Value {
    let mut pairs = url::form_urlencoded::parse(sent).peekable();
    let mut out = Vec::new();
    for field in item.into_iter().flatten() {
        if field.get("disabled") == Some(&json!(true)) {
            out.push(field.clone());
            continue;
        }
        if let Some((key, value)) = pairs.next() {
            let mut field = field.clone();
            field["key"] = json!(key);
            field["value"] = json!(mask(&value));
            out.push(field);
        }
    }
    for (key, value) in pairs {
        if key.starts_with("oauth_") {
            out.push(json!({"key": key, "value": mask(&value), "system": true}));
        } else {
            out.push(json!({"key": key, "value": mask(&value)}));
        }
    }
    Value::Array(out)
}

/// The message an assertion's stack line shows: none for a thrown primitive.
pub(super) fn stack_message(error: &crate::script::AssertionError) -> &str {
    if error.thrown_primitive {
        ""
    } else {
        &error.message
    }
}

/// A failed assertion's error as `run.failures` holds it: the record's, serialised.
pub(super) fn assertion_failure_json(record: &Value, id: String, timestamp: u64) -> Option<Value> {
    let mut error = record.get("error")?.as_object()?.clone();
    let stack = error
        .get("stack")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    serialised(&mut error, id, timestamp, assertion_frames(&stack));
    Some(Value::Object(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor(position: usize, iteration: usize) -> Cursor {
        Cursor {
            iteration,
            iterations: 2,
            position,
            length: 3,
        }
    }

    #[test]
    fn json_cursor_flags_as_the_runtime_sets_them() {
        let ids = CursorIds {
            item_run: "r".into(),
            request: Some("h".into()),
            script: None,
        };
        let first = cursor_json(&cursor(0, 0), &ids);
        assert_eq!(
            first,
            json!({"position": 0, "iteration": 0, "length": 3, "cycles": 2, "empty": false,
                "eof": false, "bof": true, "cr": false, "ref": "r", "httpRequestId": "h"})
        );
        assert_eq!(cursor_json(&cursor(0, 1), &ids)["cr"], true);
        assert!(cursor_json(&cursor(0, 1), &ids).get("bof").is_none());
        let later = cursor_json(&cursor(2, 1), &ids);
        assert!(later.get("cr").is_none() && later.get("eof").is_none());
    }

    #[test]
    fn json_sent_headers_keep_the_items_and_mark_the_runtimes() {
        let item = vec![
            json!({"key": "X-Off", "value": "1", "disabled": true}),
            json!({"key": "X-Num", "value": 5}),
        ];
        let sent = vec![
            ("X-Num".to_string(), "5".to_string()),
            ("X-Script".to_string(), "s".to_string()),
            ("User-Agent".to_string(), "ua".to_string()),
        ];
        let runtime = |name: &str| name == "User-Agent";
        let headers = sent_headers(Some(&item), &sent, &|_, v| v.to_string(), &runtime, false);
        assert_eq!(
            headers,
            json!([
                {"key": "X-Off", "value": "1", "disabled": true},
                {"key": "X-Num", "value": 5},
                {"key": "X-Script", "value": "s"},
                {"key": "User-Agent", "value": "ua", "system": true},
            ])
        );
    }

    #[test]
    fn json_sent_form_lists_the_values_sent_and_the_signatures() {
        let item = vec![json!({"key": "a", "value": "{{v}}"})];
        let form = sent_form(Some(&item), b"a=one+two&oauth_nonce=n", &|v| v.to_string());
        assert_eq!(
            form,
            json!([
                {"key": "a", "value": "one two"},
                {"key": "oauth_nonce", "value": "n", "system": true},
            ])
        );
    }
}
