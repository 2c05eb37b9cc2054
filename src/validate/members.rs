//! The `pm.*` members postie's sandbox has, read from the sandbox itself: a test script (where
//! `pm.response` exists too) walks `pm` and one level below it and logs the names. Nothing is
//! listed by hand, so what the sandbox gains the check learns.

use std::collections::HashSet;

use crate::script::{
    RequestView, ResponseView, Sandbox, SandboxOptions, Scopes, ScriptContext, ScriptInfo,
    ScriptKind,
};

/// The walk: every own and inherited property name of `pm` and of each member that is an
/// object or a function (up to, not including, `Object.prototype`/`Function.prototype`).
const WALK: &str = r#"
const names = (o) => {
  const out = new Set();
  for (let p = o; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) out.add(n);
  }
  return out;
};
const out = [];
for (const n of names(pm)) {
  out.push('pm.' + n);
  let v;
  try { v = pm[n]; } catch (e) { continue; }
  if (v && (typeof v === 'object' || typeof v === 'function')) {
    for (const m of names(v)) out.push('pm.' + n + '.' + m);
  }
}
console.log(out.join(' '));
"#;

/// The members, as `pm.NAME` and `pm.NAME.MEMBER`; `None` when the sandbox cannot start.
pub fn known_members() -> Option<HashSet<String>> {
    let mut sandbox = Sandbox::new(SandboxOptions::default()).ok()?;
    // A request with every optional part, so members that exist only with them are listed.
    let request = RequestView {
        method: "POST".into(),
        url: "http://127.0.0.1/".into(),
        body: Some("x".into()),
        body_definition: Some(serde_json::json!({"mode": "raw", "raw": "x"})),
        auth: Some(serde_json::json!({"type": "bearer", "bearer": []})),
        description: Some(serde_json::json!({"content": "x", "type": "text/plain"})),
        ..RequestView::default()
    };
    let response = ResponseView {
        code: 200,
        status: "OK".into(),
        ..ResponseView::default()
    };
    let scopes = Scopes::default();
    let outcome = sandbox.run(&ScriptContext {
        kind: ScriptKind::Test,
        source: WALK,
        request: &request,
        response: Some(&response),
        info: ScriptInfo::default(),
        vars: &scopes,
        cookies: Vec::new(),
    });
    // The console shows a logged string as `util.inspect` would, quoted.
    let text = &outcome.console.first()?.text;
    let names = text
        .trim_matches(|c| c == '\'' || c == '"')
        .split_whitespace();
    Some(names.map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_lists_its_members() {
        let known = known_members().unwrap();
        for name in [
            "pm.request.body",
            "pm.request.auth",
            "pm.response.to",
            "pm.test",
            "pm.environment.set",
            "pm.response",
            "pm.execution.setNextRequest",
        ] {
            assert!(known.contains(name), "{name} missing from {known:?}");
        }
        assert!(!known.contains("pm.vault"));
        assert!(!known.contains("pm.execution.runRequest"));
    }
}
