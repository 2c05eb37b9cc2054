//! Scripts: `tests` / `preRequestScript` strings (or an `events` array) as v2.1 events.

use serde_json::{Map, Value};

use super::util::{array, is_empty, path, truthy, wrong};

/// A script field (`tests`, `preRequestScript`) as an `exec` value: a string is split into lines,
/// an array of lines is kept.
fn exec(v: &Value, at: &str) -> Result<Value, String> {
    match v {
        Value::String(s) => Ok(Value::Array(
            s.split('\n').map(|l| Value::String(l.into())).collect(),
        )),
        Value::Array(_) => Ok(v.clone()),
        other => Err(wrong(at, "a script (a string or an array of lines)", other)),
    }
}

/// A `{listen, script: {type, exec}}` event.
fn script_event(listen: &str, exec: Value) -> Value {
    let mut script = Map::new();
    script.insert("type".into(), Value::String("text/javascript".into()));
    script.insert("exec".into(), exec);
    let mut event = Map::new();
    event.insert("listen".into(), Value::String(listen.into()));
    event.insert("script".into(), Value::Object(script));
    Value::Object(event)
}

/// `tests` / `preRequestScript` → events (test first, as the transformer orders them); without
/// either, a non-empty `events` array is used.
pub(super) fn events(obj: &Map<String, Value>, at: &str) -> Result<Option<Value>, String> {
    let tests = obj.get("tests").filter(|t| truthy(Some(t)));
    let pre = obj.get("preRequestScript").filter(|p| truthy(Some(p)));
    if tests.is_none() && pre.is_none() {
        if is_empty(obj.get("events")) {
            return Ok(None);
        }
        let events_at = path(at, "events");
        let mut out = Vec::new();
        for (i, e) in array(obj.get("events"), &events_at)?.iter().enumerate() {
            let mut e = match e {
                Value::Object(e) => e.clone(),
                other => {
                    return Err(wrong(
                        &format!("{events_at}[{i}]"),
                        "an event object",
                        other,
                    ));
                }
            };
            if !truthy(e.get("listen")) {
                e.insert("listen".into(), Value::String("test".into()));
            }
            e.remove("id");
            if let Some(Value::Object(script)) = e.get_mut("script") {
                script.remove("id");
                if !truthy(script.get("type")) {
                    script.insert("type".into(), Value::String("text/javascript".into()));
                }
                if let Some(Value::String(s)) = script.get("exec") {
                    let lines = s.split('\n').map(|l| Value::String(l.into())).collect();
                    script.insert("exec".into(), Value::Array(lines));
                }
            }
            out.push(Value::Object(e));
        }
        return Ok(Some(Value::Array(out)));
    }
    let mut out = Vec::new();
    if let Some(t) = tests {
        out.push(script_event("test", exec(t, &path(at, "tests"))?));
    }
    if let Some(p) = pre {
        out.push(script_event(
            "prerequest",
            exec(p, &path(at, "preRequestScript"))?,
        ));
    }
    Ok(Some(Value::Array(out)))
}
