//! V8's wording for an error as QuickJS creates it (the `v8Reword` hook `errors.js` calls from
//! `Error.prepareStackTrace`), so that a script catching the error reads Newman's message. Beyond
//! the messages [`v8_message`] knows, the wording here depends on where the error came from: the
//! native function that raised it (`toFixed`, `RegExp`, `Math.sqrt`) or the script's source at
//! its position (an assignment to a constant or to a read-only property, `new` on a
//! non-constructor, the operands of `in`). Errors the script constructs itself
//! (`new TypeError('not a function')`) keep their message.

use super::error_position::user_position;
use super::v8_errors::{is_ident, v8_message};
use super::v8_natives::{by_native, eval_syntax};
use super::v8_regexp::{regexp_literal_message, regexp_message};

/// Where QuickJS created an error: the native function that raised it (empty when the script's
/// own code did) and the first position in the script's wrapped source, if any.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin<'a> {
    /// Name of the native function on top of the stack, or "".
    pub native: &'a str,
    /// 1-based line and column in the wrapped script, of the error or of the native call.
    pub position: Option<(u32, u32)>,
}

/// `message` as V8 would word it, for an error named `name` QuickJS created at `origin` while
/// running `source`. Unknown messages, and errors the script constructed, are returned as given.
pub(crate) fn reword_created(
    name: &str,
    message: &str,
    origin: Origin<'_>,
    source: &str,
) -> String {
    let position = origin.position.map(|at| user_position(at, source));
    let spot = position
        .and_then(|(line, col)| Spot::new(source, line, col))
        .unwrap_or_default();
    if origin.native.is_empty() && constructs_error(&spot) {
        return message.to_string();
    }
    if let Some((line, col)) = origin
        .native
        .strip_prefix("eval:")
        .and_then(|at| at.split_once(':'))
        && let (Ok(line), Ok(col)) = (line.parse(), col.parse())
    {
        return eval_syntax(message, &spot.text, spot.at, (line, col))
            .unwrap_or_else(|| v8_message(name, message, None, source));
    }
    if !origin.native.is_empty()
        && let Some(worded) = by_native(name, message, origin.native, &spot.text, spot.at)
    {
        return worded;
    }
    if let Some(worded) = by_origin(name, message, origin.native, &spot) {
        return worded;
    }
    // A native function's own position says nothing of a callee in the script.
    let position = if origin.native.is_empty() {
        position
    } else {
        None
    };
    v8_message(name, message, position, source)
}

/// The `v8Reword` hook: `errors.js` passes the error's name and message, the native function that
/// raised it (or ""), the first script position (0 when none) and the script's source.
pub(crate) fn reword_hook(
    name: String,
    message: String,
    native: String,
    line: u32,
    col: u32,
    source: String,
) -> String {
    let position = (line > 0 && col > 0).then_some((line, col));
    let origin = Origin {
        native: &native,
        position,
    };
    reword_created(&name, &message, origin, &source)
}

/// The source line of an error's position, and the position's index in it.
#[derive(Debug, Default)]
struct Spot {
    text: Vec<char>,
    at: usize,
}

impl Spot {
    /// 1-based `line` and `col` of `source`.
    fn new(source: &str, line: u32, col: u32) -> Option<Spot> {
        let text = source
            .split('\n')
            .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
        let text: Vec<char> = text.chars().collect();
        let at = usize::try_from(col).ok()?.checked_sub(1)?.min(text.len());
        Some(Spot { text, at })
    }

    /// The text from the position on.
    fn here(&self) -> &[char] {
        &self.text[self.at..]
    }

    /// The text before the position, blanks at its end left out.
    fn before(&self) -> &[char] {
        let mut end = self.at;
        while end > 0 && self.text[end - 1].is_whitespace() {
            end -= 1;
        }
        &self.text[..end]
    }
}

/// Wordings that depend on the native function or on the source at the error's position.
fn by_origin(name: &str, message: &str, native: &str, spot: &Spot) -> Option<String> {
    match (name, message) {
        ("RangeError", "invalid number of digits") => Some(
            match native {
                "toPrecision" => "toPrecision() argument must be between 1 and 100",
                "toExponential" => "toExponential() argument must be between 0 and 100",
                _ => "toFixed() digits argument must be between 0 and 100",
            }
            .to_string(),
        ),
        ("SyntaxError", _) if native == "RegExp" => regexp_message(message, spot.here()),
        ("SyntaxError", _) if native.is_empty() => regexp_literal_message(message, spot.here()),
        ("TypeError", "cannot convert BigInt to number") => Some(
            if native.is_empty() {
                "Cannot mix BigInt and other types, use explicit conversions"
            } else {
                "Cannot convert a BigInt value to a number"
            }
            .to_string(),
        ),
        ("TypeError", "invalid 'in' operand") if native.is_empty() => in_operand(spot),
        // An assignment refused by a proxy: pm's (a `Postman` with read-only members), else
        // V8's words for a proxy's `set` returning false.
        ("TypeError", "proxy: cannot set property") if native.is_empty() => {
            let here = spot.here();
            let object = ident(here);
            if next_char(here, object.len()) != Some('.') {
                return None;
            }
            let dot = here.iter().skip(object.len()).position(|&c| c == '.')? + object.len();
            let property = ident(&here[dot + 1..]);
            if property.is_empty() {
                return None;
            }
            Some(if object == "pm" {
                format!("Cannot assign to read only property '{property}' of object '#<Postman>'")
            } else {
                format!("'set' on proxy: trap returned falsish for property '{property}'")
            })
        }
        ("TypeError", "not a function" | "not a constructor") if native.is_empty() => {
            not_a_constructor(spot)
        }
        ("TypeError", _) if message.starts_with('\'') && message.ends_with("' is read-only") => {
            let property = &message[1..message.len() - "' is read-only".len()];
            // QuickJS may point at the property name after the dot (`o.a = 2`).
            let member = matches!(spot.before().last(), Some('.' | ']' | ')'));
            if native.is_empty() && !member && assigns_to_variable(spot.here()) {
                return Some("Assignment to constant variable.".to_string());
            }
            let object = if !property.is_empty() && property.chars().all(|c| c.is_ascii_digit()) {
                "[object Array]"
            } else if on_pm(spot, member) {
                // The sandbox's pm is a `Postman`.
                "#<Postman>"
            } else {
                "#<Object>"
            };
            Some(format!(
                "Cannot assign to read only property '{property}' of object '{object}'"
            ))
        }
        _ => None,
    }
}

/// Whether the assignment at the error's position is to a member of `pm` (`pm.info = 1`, not
/// `pm.info.eventName = 1`; QuickJS points at `pm`, or at the member after the dot).
fn on_pm(spot: &Spot, member: bool) -> bool {
    let here = spot.here();
    if ident(here) == "pm" && next_char(here, 2) == Some('.') {
        let field = ident(&here[3.min(here.len())..]);
        return !matches!(next_char(here, 3 + field.len()), Some('.' | '['));
    }
    let before = spot.before();
    member && ident_before(&before[..before.len().saturating_sub(1)]) == "pm"
}

/// The identifier at the start of `text`.
fn ident(text: &[char]) -> String {
    text.iter().take_while(|&&c| is_ident(c)).collect()
}

/// The identifier at the end of `text`.
fn ident_before(text: &[char]) -> String {
    let start = text.len() - text.iter().rev().take_while(|&&c| is_ident(c)).count();
    text[start..].iter().collect()
}

/// The first non-blank character at or after `i`.
fn next_char(text: &[char], i: usize) -> Option<char> {
    text.iter().skip(i).copied().find(|c| !c.is_whitespace())
}

/// Whether the code at the error's position constructs an error: `new TypeError(…)`,
/// `RangeError(…)`, `super(…)` (QuickJS points at the constructor's name; a method such as
/// `o.handleError()` is not a constructor).
fn constructs_error(spot: &Spot) -> bool {
    let here = spot.here();
    let name = ident(here);
    let called = matches!(next_char(here, name.len()), Some('(' | '`'));
    let member = spot.before().last() == Some(&'.');
    let constructor = name.ends_with("Error") && name.starts_with(|c: char| c.is_ascii_uppercase());
    called && !member && (name == "super" || constructor)
}

/// Whether the read-only target at the error's position is a plain variable (`c = 2`, `c++`),
/// not a property (`o.a = 2`, `o[0] = 2`).
fn assigns_to_variable(here: &[char]) -> bool {
    let name = ident(here);
    !name.is_empty() && !matches!(next_char(here, name.len()), Some('.' | '[' | '?'))
}

/// V8's message for `new` on something that is not a constructor: QuickJS points at the callee
/// (or at the `(` of a parenthesised one), and says `not a function` for `new 5`.
fn not_a_constructor(spot: &Spot) -> Option<String> {
    if ident_before(spot.before()) != "new" {
        return None;
    }
    let here = spot.here();
    if here.first() == Some(&'(') {
        return Some("(intermediate value) is not a constructor".to_string());
    }
    let mut end = 0;
    while end < here.len() && (is_ident(here[end]) || (here[end] == '.' && end > 0)) {
        end += 1;
    }
    let callee: String = here[..end].iter().collect();
    let callee = callee.trim_end_matches('.');
    if callee.is_empty() || !matches!(next_char(here, end), Some('(') | None | Some(';')) {
        return None;
    }
    Some(format!("{callee} is not a constructor"))
}

/// `Cannot use 'in' operator to search for 'key' in value` when both operands are literals
/// (QuickJS points at the right-hand operand).
fn in_operand(spot: &Spot) -> Option<String> {
    let value = literal_at(spot.here())?;
    let before = spot.before();
    if ident_before(before) != "in" {
        return None;
    }
    let rest = &before[..before.len() - 2];
    let mut end = rest.len();
    while end > 0 && rest[end - 1].is_whitespace() {
        end -= 1;
    }
    let key = literal_before(&rest[..end])?;
    Some(format!(
        "Cannot use 'in' operator to search for '{key}' in {value}"
    ))
}

/// The value of the literal at the start of `text`, as `String(value)` shows it: a quoted
/// string without escapes, a number, or `null`/`undefined`/`true`/`false`.
fn literal_at(text: &[char]) -> Option<String> {
    let first = *text.first()?;
    if first == '\'' || first == '"' {
        let close = text[1..].iter().position(|&c| c == first || c == '\\')? + 1;
        return (text[close] == first).then(|| text[1..close].iter().collect());
    }
    let word = ident(text);
    let simple = word.chars().all(|c| c.is_ascii_digit())
        || matches!(word.as_str(), "null" | "undefined" | "true" | "false");
    (!word.is_empty() && simple).then_some(word)
}

/// The value of the literal at the end of `text` (see [`literal_at`]).
fn literal_before(text: &[char]) -> Option<String> {
    let last = *text.last()?;
    if last == '\'' || last == '"' {
        let body = &text[..text.len() - 1];
        let open = body.iter().rposition(|&c| c == last)?;
        let value = &body[open + 1..];
        return (!value.contains(&'\\')).then(|| value.iter().collect());
    }
    let word = ident_before(text);
    literal_at(&text[text.len() - word.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(native: &str, line: u32, col: u32) -> Origin<'_> {
        Origin {
            native,
            position: Some((line, col)),
        }
    }

    fn reword(name: &str, message: &str, native: &str, at: (u32, u32), src: &str) -> String {
        reword_created(name, message, origin(native, at.0, at.1), src)
    }

    #[test]
    fn read_only_targets_tell_constants_from_properties() {
        let src = "x;\nc = 2;\no.a = 2; arr[0] = 1;";
        let read_only = |property: &str, at| reword("TypeError", property, "", at, src);
        assert_eq!(
            read_only("'c' is read-only", (2, 1)),
            "Assignment to constant variable."
        );
        assert_eq!(
            read_only("'a' is read-only", (3, 1)),
            "Cannot assign to read only property 'a' of object '#<Object>'"
        );
        assert_eq!(
            read_only("'0' is read-only", (3, 10)),
            "Cannot assign to read only property '0' of object '[object Array]'"
        );
        assert_eq!(
            reword("TypeError", "'a' is read-only", "assign", (3, 1), src),
            "Cannot assign to read only property 'a' of object '#<Object>'"
        );
    }

    #[test]
    fn read_only_members_of_pm_and_of_its_objects() {
        let src = "pm.info.requestId = 'x';\npm.info = 1;";
        assert_eq!(
            reword("TypeError", "'requestId' is read-only", "", (1, 1), src),
            "Cannot assign to read only property 'requestId' of object '#<Object>'"
        );
        assert_eq!(
            reword("TypeError", "'info' is read-only", "", (2, 1), src),
            "Cannot assign to read only property 'info' of object '#<Postman>'"
        );
    }

    #[test]
    fn native_functions_name_their_own_limits() {
        let digits = |native| reword("RangeError", "invalid number of digits", native, (1, 1), "");
        assert_eq!(
            digits("toFixed"),
            "toFixed() digits argument must be between 0 and 100"
        );
        assert_eq!(
            digits("toPrecision"),
            "toPrecision() argument must be between 1 and 100"
        );
        let bigint = |native| {
            reword(
                "TypeError",
                "cannot convert BigInt to number",
                native,
                (1, 1),
                "",
            )
        };
        assert_eq!(
            bigint(""),
            "Cannot mix BigInt and other types, use explicit conversions"
        );
        assert_eq!(bigint("sqrt"), "Cannot convert a BigInt value to a number");
    }

    #[test]
    fn callees_and_operands_are_read_from_the_source() {
        let src = "new (() => 1)();\nnew X.Y();\n'a' in 'str';\nk in 'str';\no.nope();";
        // Line 1 carries the wrapper's head before the user's text.
        let head = u32::try_from(crate::script::compile::WRAP_HEAD.len()).unwrap_or(0);
        assert_eq!(
            reword("TypeError", "not a constructor", "", (1, head + 5), src),
            "(intermediate value) is not a constructor"
        );
        assert_eq!(
            reword("TypeError", "not a function", "", (2, 5), src),
            "X.Y is not a constructor"
        );
        assert_eq!(
            reword("TypeError", "invalid 'in' operand", "", (3, 8), src),
            "Cannot use 'in' operator to search for 'a' in str"
        );
        assert_eq!(
            reword("TypeError", "invalid 'in' operand", "", (4, 6), src),
            "invalid 'in' operand"
        );
        assert_eq!(
            reword("TypeError", "not a function", "", (5, 3), src),
            "o.nope is not a function"
        );
        assert_eq!(
            reword("TypeError", "not a function", "map", (5, 3), src),
            "not a function"
        );
    }

    #[test]
    fn methods_named_like_errors_are_not_constructors() {
        let src = "o.handleError();";
        assert_eq!(
            reword("TypeError", "not a function", "", (1, 3 + 12), src),
            "o.handleError is not a function"
        );
    }

    #[test]
    fn constructed_errors_keep_their_message() {
        let src = "x;\nthrow new TypeError('not a function');\nTypeError('empty array');";
        assert_eq!(
            reword_created("TypeError", "not a function", origin("", 2, 11), src),
            "not a function"
        );
        assert_eq!(
            reword_created("TypeError", "empty array", origin("", 3, 1), src),
            "empty array"
        );
    }
}
