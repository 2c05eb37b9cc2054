//! V8's wording of errors raised inside built-in functions whose messages name the value they
//! were given (`'x'.repeat(-1)`, `BigInt(1.5)`, `new Uint8Array(-1)`, `new Promise()`) or that
//! QuickJS words after its own internals (DataView bounds, `eval` syntax errors). QuickJS's
//! messages leave the value out, so it is read back from the call in the script's source: a
//! literal argument (or none) gives V8's message, anything else keeps QuickJS's.

use super::v8_errors::is_ident;

/// The typed-array constructors and their element sizes.
const TYPED: [(&str, usize); 11] = [
    ("Int8Array", 1),
    ("Uint8Array", 1),
    ("Uint8ClampedArray", 1),
    ("Int16Array", 2),
    ("Uint16Array", 2),
    ("Int32Array", 4),
    ("Uint32Array", 4),
    ("Float32Array", 4),
    ("Float64Array", 8),
    ("BigInt64Array", 8),
    ("BigUint64Array", 8),
];

/// `String.prototype` methods QuickJS names in its `null or undefined are forbidden`.
const STRING_METHODS: [&str; 24] = [
    "trim",
    "trimStart",
    "trimEnd",
    "padStart",
    "padEnd",
    "repeat",
    "toUpperCase",
    "toLowerCase",
    "includes",
    "indexOf",
    "lastIndexOf",
    "startsWith",
    "endsWith",
    "split",
    "replace",
    "replaceAll",
    "charAt",
    "charCodeAt",
    "codePointAt",
    "slice",
    "substring",
    "substr",
    "concat",
    "normalize",
];

/// V8's message for the error `name: message` that the native function `native` raised, called
/// on the source line `line` near index `at`; `None` when there is no better wording.
pub(crate) fn by_native(
    name: &str,
    message: &str,
    native: &str,
    line: &[char],
    at: usize,
) -> Option<String> {
    let arg = |n: usize| call_args(line, at, native).map(|args| args.get(n).cloned());
    match name {
        "RangeError" => range_error(message, native, &arg),
        "TypeError" => type_error(message, native, &arg),
        "SyntaxError" => syntax_error(message, native, &arg),
        _ => None,
    }
}

/// The `n`th argument of the failing call as written: `None` when the call was not found,
/// `Some(None)` when it has fewer arguments.
type Arg<'a> = dyn Fn(usize) -> Option<Option<String>> + 'a;

/// [`by_native`] for a `RangeError`.
fn range_error(message: &str, native: &str, arg: &Arg<'_>) -> Option<String> {
    let typed = TYPED.iter().any(|(t, _)| *t == native);
    match message {
        "invalid repeat count" if native == "repeat" => {
            let value = number(&arg(0)??)?;
            Some(format!("Invalid count value: {value}"))
        }
        "cannot convert to BigInt: not an integer" | "cannot convert NaN or Infinity to BigInt"
            if native == "BigInt" =>
        {
            let value = number(&arg(0)??)?;
            Some(format!(
                "The number {value} cannot be converted to a BigInt because it is not an integer"
            ))
        }
        "bad normalization form" => {
            Some("The normalization form should be one of NFC, NFD, NFKC, NFKD.".to_string())
        }
        "invalid array index" if native == "ArrayBuffer" => {
            Some("Invalid array buffer length".to_string())
        }
        "invalid array index" if typed => {
            let value = number(&arg(0)??)?;
            Some(format!("Invalid typed array length: {value}"))
        }
        "out of bound" if native.starts_with("get") || native.starts_with("set") => {
            Some("Offset is outside the bounds of the DataView".to_string())
        }
        "invalid byteOffset" if native == "DataView" => {
            let value = number(&arg(1)??)?;
            Some(format!(
                "Start offset {value} is outside the bounds of the buffer"
            ))
        }
        _ => None,
    }
}

/// [`by_native`] for a `TypeError`.
fn type_error(message: &str, native: &str, arg: &Arg<'_>) -> Option<String> {
    match message {
        "object is not extensible" if native == "defineProperty" => {
            let key = string(&arg(1)??)?;
            Some(format!(
                "Cannot define property {key}, object is not extensible"
            ))
        }
        "property is not configurable" | "proxy: defineProperty exception"
            if native == "defineProperty" =>
        {
            let key = string(&arg(1)??)?;
            Some(format!("Cannot redefine property: {key}"))
        }
        "not a function" if native == "Promise" => {
            let value = match arg(0)? {
                None => "undefined".to_string(),
                Some(text) => shown(&text)?,
            };
            Some(format!("Promise resolver {value} is not a function"))
        }
        "must be called with new" if native == "Promise" => {
            Some("Promise constructor cannot be invoked without 'new'".to_string())
        }
        "must be called with new" if native.starts_with(|c: char| c.is_ascii_uppercase()) => {
            Some(format!("Constructor {native} requires 'new'"))
        }
        "not a constructor" if native.starts_with(|c: char| c.is_ascii_uppercase()) => {
            Some(format!("{native} is not a constructor"))
        }
        "not an object" => not_an_object(native),
        "value is not iterable"
            if matches!(native, "Set" | "Map" | "WeakSet" | "WeakMap" | "from") =>
        {
            let text = arg(0)??;
            let value = number(&text)?;
            Some(format!(
                "number {value} is not iterable (cannot read property Symbol(Symbol.iterator))"
            ))
        }
        "object prototype may only be an Object or null" if native == "create" => {
            let value = shown(&arg(0)??)?;
            Some(format!(
                "Object prototype may only be an Object or null: {value}"
            ))
        }
        "not a symbol" if native == "keyFor" => {
            let value = shown(&arg(0)??)?;
            Some(format!("{value} is not a symbol"))
        }
        // V8 names trimStart/trimEnd by their old names here; split and replace fail in
        // QuickJS's conversion to an object.
        "null or undefined are forbidden"
        | "cannot convert to object"
        | "Cannot convert undefined or null to object"
            if STRING_METHODS.contains(&native) =>
        {
            Some(string_method_on_null(native))
        }
        "invalid value used as WeakMap key" => {
            Some("Invalid value used as weak map key".to_string())
        }
        "invalid value used as WeakSet key" => Some("Invalid value used in weak set".to_string()),
        "not a number" if native == "toString" || native == "valueOf" => Some(format!(
            "Number.prototype.{native} requires that 'this' be a Number"
        )),
        _ => None,
    }
}

/// V8's wording for a native that needed an object and got something else.
fn not_an_object(native: &str) -> Option<String> {
    let text = match native {
        "ownKeys" => "Reflect.ownKeys called on non-object",
        "defineProperty" => "Object.defineProperty called on non-object",
        "Proxy" => "Cannot create proxy with a non-object as target or handler",
        "resolve" | "reject" => "PromiseResolve called on non-object",
        _ => return None,
    };
    Some(text.to_string())
}

/// V8's wording for a `String.prototype` method called on null or undefined (trimStart and
/// trimEnd by their old names, as V8 names them here).
fn string_method_on_null(native: &str) -> String {
    let native = match native {
        "trimStart" => "trimLeft",
        "trimEnd" => "trimRight",
        other => other,
    };
    format!("String.prototype.{native} called on null or undefined")
}

/// [`by_native`] for a `SyntaxError`.
fn syntax_error(message: &str, native: &str, arg: &Arg<'_>) -> Option<String> {
    match message {
        "invalid BigInt literal" if native == "BigInt" => {
            let text = string(&arg(0)??)?;
            Some(format!("Cannot convert {text} to a BigInt"))
        }
        _ => None,
    }
}

/// V8's message for a syntax error in code given to `eval` as a string literal: the call is on
/// `line` near `at`, the error at 1-based `(eval_line, eval_col)` of the evaluated text.
pub(crate) fn eval_syntax(
    message: &str,
    line: &[char],
    at: usize,
    (eval_line, eval_col): (usize, usize),
) -> Option<String> {
    let expecting = message.ends_with(" expected")
        || message.starts_with("expecting ")
        || message.starts_with("unexpected token");
    if !expecting {
        return None;
    }
    let code = string(call_args(line, at, "eval")?.first()?)?;
    let text: Vec<char> = code
        .split('\n')
        .nth(eval_line.checked_sub(1)?)?
        .chars()
        .collect();
    let rest = &text[eval_col.checked_sub(1)?.min(text.len())..];
    Some(unexpected_at(rest))
}

/// V8's "Unexpected ..." message for a syntax error at the start of `rest` (blanks skipped):
/// a number, a string, a keyword, a name or a punctuator.
pub(crate) fn unexpected_at(rest: &[char]) -> String {
    let rest: Vec<char> = rest
        .iter()
        .copied()
        .skip_while(|c| c.is_whitespace())
        .collect();
    unexpected_token(&rest)
}

fn unexpected_token(rest: &[char]) -> String {
    let Some(&first) = rest.first() else {
        return "Unexpected end of input".to_string();
    };
    if first.is_ascii_digit() {
        return "Unexpected number".to_string();
    }
    if first == '\'' || first == '"' {
        return "Unexpected string".to_string();
    }
    if is_ident(first) {
        let word: String = rest.iter().take_while(|&&c| is_ident(c)).collect();
        return if is_keyword(&word) {
            format!("Unexpected token '{word}'")
        } else {
            format!("Unexpected identifier '{word}'")
        };
    }
    // A punctuator of several characters (`=>`, `===`, `...`) is named whole.
    const OPERATOR: &str = "=<>!&|+-*%^?.";
    let token: String = if OPERATOR.contains(first) {
        rest.iter()
            .take(4)
            .take_while(|c| OPERATOR.contains(**c))
            .collect()
    } else {
        first.to_string()
    };
    format!("Unexpected token '{token}'")
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "var"
            | "let"
            | "const"
            | "if"
            | "else"
            | "for"
            | "while"
            | "do"
            | "return"
            | "function"
            | "class"
            | "new"
            | "delete"
            | "typeof"
            | "void"
            | "in"
            | "instanceof"
            | "switch"
            | "case"
            | "default"
            | "break"
            | "continue"
            | "throw"
            | "try"
            | "catch"
            | "finally"
            | "this"
            | "null"
            | "true"
            | "false"
            | "with"
            | "debugger"
            | "export"
            | "import"
            | "extends"
            | "super"
    )
}

/// The arguments (as written, trimmed) of the call to `callee` on `line` nearest to `at`.
fn call_args(line: &[char], at: usize, callee: &str) -> Option<Vec<String>> {
    let name: Vec<char> = callee.chars().collect();
    let mut best: Option<usize> = None;
    for start in 0..line.len().saturating_sub(name.len()) {
        let end = start + name.len();
        if line[start..end] != name[..]
            || (start > 0 && is_ident(line[start - 1]))
            || line.get(end) != Some(&'(')
        {
            continue;
        }
        if best.is_none_or(|b| start.abs_diff(at) < b.abs_diff(at)) {
            best = Some(start);
        }
    }
    let open = best? + name.len();
    let mut args = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut i = open + 1;
    while let Some(&c) = line.get(i) {
        i += 1;
        if let Some(q) = quote {
            current.push(c);
            if c == '\\' {
                current.push(*line.get(i)?);
                i += 1;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => {
                quote = Some(c);
                current.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' if depth > 0 => {
                depth -= 1;
                current.push(c);
            }
            ')' => {
                let last = current.trim().to_string();
                if !last.is_empty() || !args.is_empty() {
                    args.push(last);
                }
                return Some(args);
            }
            ',' if depth == 0 => {
                args.push(current.trim().to_string());
                current.clear();
            }
            _ => current.push(c),
        }
    }
    None
}

/// A number literal as `String(number)` shows it.
fn number(text: &str) -> Option<String> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", text.strip_prefix('+').unwrap_or(text).trim_start()),
    };
    if matches!(digits, "Infinity" | "NaN") {
        return Some(if digits == "NaN" {
            "NaN".to_string()
        } else {
            format!("{sign}{digits}")
        });
    }
    let simple = !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && digits.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if !simple {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    if !(value.is_finite() && value.abs() < 1e21) {
        return None;
    }
    let shown = if value == 0.0 {
        "0".to_string()
    } else {
        format!("{value}")
    };
    Some(format!("{sign}{shown}"))
}

/// The text of a simple string literal (no escapes), or a number literal as a string.
fn string(text: &str) -> Option<String> {
    let first = text.chars().next()?;
    if matches!(first, '\'' | '"' | '`') {
        let body = text.strip_prefix(first)?.strip_suffix(first)?;
        if body.contains('\\') || body.contains(first) || (first == '`' && body.contains("${")) {
            return None;
        }
        return Some(body.to_string());
    }
    number(text)
}

/// How V8 shows a literal value in a message: a string as its text, `{...}` as `#<Object>`,
/// `[...]` as `[object Array]`, numbers and the other literals as written.
fn shown(text: &str) -> Option<String> {
    if text.starts_with('{') && text.ends_with('}') {
        return Some("#<Object>".to_string());
    }
    if text.starts_with('[') && text.ends_with(']') {
        return Some("[object Array]".to_string());
    }
    if matches!(text, "null" | "undefined" | "true" | "false") {
        return Some(text.to_string());
    }
    string(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str, message: &str, native: &str, line: &str) -> Option<String> {
        let chars: Vec<char> = line.chars().collect();
        by_native(name, message, native, &chars, 0)
    }

    #[test]
    fn string_methods_on_null_are_named_as_v8() {
        let on_null = |message, native| at("TypeError", message, native, "f.call(null)");
        assert_eq!(
            on_null("cannot convert to object", "split").as_deref(),
            Some("String.prototype.split called on null or undefined")
        );
        assert_eq!(
            on_null("null or undefined are forbidden", "trimStart").as_deref(),
            Some("String.prototype.trimLeft called on null or undefined")
        );
    }

    #[test]
    fn values_are_read_from_literal_arguments() {
        assert_eq!(
            at(
                "RangeError",
                "invalid repeat count",
                "repeat",
                "'x'.repeat(-1.50)"
            )
            .as_deref(),
            Some("Invalid count value: -1.5")
        );
        assert_eq!(
            at(
                "RangeError",
                "invalid repeat count",
                "repeat",
                "'x'.repeat(n)"
            ),
            None
        );
        assert_eq!(
            at(
                "TypeError",
                "object is not extensible",
                "defineProperty",
                "Object.defineProperty(Object.freeze({}), 'x', {value: f(1, 2)})"
            )
            .as_deref(),
            Some("Cannot define property x, object is not extensible")
        );
        assert_eq!(
            at("TypeError", "not a function", "Promise", "new Promise()").as_deref(),
            Some("Promise resolver undefined is not a function")
        );
        assert_eq!(
            at(
                "TypeError",
                "not a function",
                "Promise",
                "new Promise({a: 1})"
            )
            .as_deref(),
            Some("Promise resolver #<Object> is not a function")
        );
        assert_eq!(
            at(
                "RangeError",
                "invalid array index",
                "Float64Array",
                "new Float64Array(-3)"
            )
            .as_deref(),
            Some("Invalid typed array length: -3")
        );
        assert_eq!(
            at("RangeError", "out of bound", "getInt32", "dv.getInt32(0)").as_deref(),
            Some("Offset is outside the bounds of the DataView")
        );
    }

    #[test]
    fn eval_syntax_errors_name_the_token() {
        let line: Vec<char> = "x = eval('var = 1') + eval(\"foo bar\");".chars().collect();
        assert_eq!(
            eval_syntax("variable name expected", &line, 4, (1, 5)).as_deref(),
            Some("Unexpected token '='")
        );
        assert_eq!(
            eval_syntax("expecting ';'", &line, 22, (1, 5)).as_deref(),
            Some("Unexpected identifier 'bar'")
        );
    }
}
