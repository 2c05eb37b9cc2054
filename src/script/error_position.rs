//! Where a script's error happened: the position QuickJS's stack gives, mapped into the user's
//! script, and where Newman reports it (V8's column of the called name, or a place inside
//! Newman's bundle for checks that ran without a response).

use serde::Deserialize;

use super::api::ScriptError;
use super::compile::{SCRIPT_FILE, WRAP_HEAD};
use super::surrogates::well_formed;
use super::v8_errors::v8_message;

/// A thrown value as the prelude's `describe` reports it.
#[derive(Deserialize)]
pub(super) struct RawError {
    pub(super) name: String,
    pub(super) message: String,
    #[serde(default)]
    pub(super) stack: String,
    /// The script threw `null` or `undefined`: Newman records no error at all.
    #[serde(default)]
    pub(super) nothing: bool,
    /// The thrown value is chai's `AssertionError` (its JSON carries the stack under Newman).
    #[serde(default)]
    pub(super) chai: bool,
    /// A test threw a primitive (see [`AssertionError::thrown_primitive`]).
    #[serde(default)]
    pub(super) primitive: bool,
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

/// The error with its position in the script and where Newman reports it.
pub(super) fn positioned(raw: RawError, source: &str) -> ScriptError {
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
pub(super) fn inside_bundle(
    message: &str,
    (line, col): (u32, u32),
    source: &str,
) -> Option<(u32, u32)> {
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
pub(super) fn newman_position((line, col): (u32, u32), source: &str) -> Option<(u32, u32)> {
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
