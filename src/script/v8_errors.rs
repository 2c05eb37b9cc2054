//! Error messages in V8's words. Scripts run on QuickJS, whose messages for the common runtime
//! and syntax errors differ from the ones Node (and so Newman) reports; a failure line is
//! compared with Newman's, so the usual ones are reworded here. A `not a function` error names
//! the callee the way V8 does, read back from the script's source at the error's position.

use super::v8_callee::callee_at;
#[cfg(test)]
use super::v8_syntax::innermost_open_is_call;
use super::v8_syntax::syntax_error;
/// `message` as V8 would word it, for an error named `name` raised at `position` (1-based line
/// and column in `source`, when known). Messages without a known V8 form are returned unchanged.
pub(crate) fn v8_message(
    name: &str,
    message: &str,
    position: Option<(u32, u32)>,
    source: &str,
) -> String {
    match name {
        "TypeError" => type_error(message, position, source),
        "SyntaxError"
            if message == "expecting ';'" && word_before(source, position) == Some("await") =>
        {
            "await is only valid in async functions and the top level bodies of modules".to_string()
        }
        "SyntaxError" => syntax_error(message, position, source),
        "RangeError" => match message {
            "invalid array length" => "Invalid array length".to_string(),
            "invalid string length" => "Invalid string length".to_string(),
            "Date value is NaN" => "Invalid time value".to_string(),
            _ => message.to_string(),
        },
        "ReferenceError" => match message.strip_suffix(" is not initialized") {
            Some(name) => format!("Cannot access '{name}' before initialization"),
            None => message.to_string(),
        },
        "URIError" => "URI malformed".to_string(),
        _ => message.to_string(),
    }
}

fn type_error(message: &str, position: Option<(u32, u32)>, source: &str) -> String {
    // `cannot read property 'x' of undefined` -> `Cannot read properties of undefined (reading 'x')`
    for (quickjs, v8, verb) in [
        (
            "cannot read property ",
            "Cannot read properties of ",
            "reading",
        ),
        (
            "cannot set property ",
            "Cannot set properties of ",
            "setting",
        ),
    ] {
        if let Some(rest) = message.strip_prefix(quickjs)
            && let Some((property, target)) = rest.rsplit_once(" of ")
        {
            // V8 reads an iterator off null/undefined as an iteration.
            if property == "'Symbol.iterator'" && verb == "reading" {
                return position
                    .and_then(|at| iteration_message(source, at, target))
                    .unwrap_or_else(|| {
                        format!(
                            "object {target} is not iterable (cannot read property Symbol(Symbol.iterator))"
                        )
                    });
            }
            return format!("{v8}{target} ({verb} {property})");
        }
    }
    let callee = || position.and_then(|at| callee_at(source, at));
    match message {
        "not a function" => match callee() {
            Some(callee) => format!("{callee} is not a function"),
            None => message.to_string(),
        },
        "not a constructor" => match callee() {
            Some(callee) => format!("{callee} is not a constructor"),
            None => message.to_string(),
        },
        "value is not iterable" => match position.and_then(|at| iterated_at(source, at)) {
            Some(expr) => format!("{expr} is not iterable"),
            None => message.to_string(),
        },
        "empty array" => "Reduce of empty array with no initial value".to_string(),
        "invalid 'instanceof' right operand" => instanceof_message(source, position),
        // QuickJS's JS_ToObject and its opcodes word it in two ways.
        "cannot convert to object" | "Cannot convert undefined or null to object" => position
            .and_then(|at| destructure_message(source, at))
            .unwrap_or_else(|| "Cannot convert undefined or null to object".to_string()),
        "cannot convert symbol to string" => {
            "Cannot convert a Symbol value to a string".to_string()
        }
        "cannot convert symbol to number" => {
            "Cannot convert a Symbol value to a number".to_string()
        }
        _ if message.starts_with('\'') && message.ends_with("' is read-only") => {
            let name = &message[1..message.len() - "' is read-only".len()];
            if assigns_property(source, position, name) {
                format!("Cannot assign to read only property '{name}' of object '#<Object>'")
            } else {
                "Assignment to constant variable.".to_string()
            }
        }
        _ => message.to_string(),
    }
}

/// Whether the line of `position` assigns to a property `name` (`x.name = ...`), which V8
/// words differently from an assignment to a constant.
fn assigns_property(source: &str, position: Option<(u32, u32)>, name: &str) -> bool {
    // The erring line when it is known and says so, else anywhere in the script.
    let line = position
        .and_then(|(line, _)| {
            source
                .lines()
                .nth(usize::try_from(line).ok()?.checked_sub(1)?)
        })
        .filter(|line| assigns_member(line, name));
    line.is_some() || assigns_member(source, name)
}

fn assigns_member(line: &str, name: &str) -> bool {
    let member = format!(".{name}");
    line.match_indices(&member).any(|(at, _)| {
        let rest = line[at + member.len()..].trim_start();
        rest.starts_with('=') && !rest.starts_with("==") && !rest.starts_with("=>")
    })
}

/// V8's words for iterating `target` (null or undefined) on the line of `position`, by the
/// construct found first on it: `for (x of e)` and `[...e]` name `e`; a call's spread `f(...e)`
/// names it with "(cannot read property undefined)"; a declaration `const [a] = e` names a plain
/// name `e`, a call `e()` as a function or iterable, anything else (a member, an assignment
/// without declaration) as `target`. `None` when the line iterates nothing V8 words this way,
/// or reads `[Symbol.iterator]` itself.
fn iteration_message(source: &str, position: (u32, u32), target: &str) -> Option<String> {
    let line = source
        .lines()
        .nth(usize::try_from(position.0).ok()?.checked_sub(1)?)?;
    if line.contains("Symbol.iterator") {
        return None;
    }
    let chain = |rest: &str| -> String {
        rest.trim_start()
            .chars()
            .take_while(|c| is_ident(*c) || *c == '.')
            .collect()
    };
    let found = [" of ", "..."]
        .into_iter()
        .filter_map(|pat| line.find(pat).map(|at| (at, pat, &line[at + pat.len()..])))
        .chain(destructured(line).map(|(at, rest)| (at, "] =", rest)))
        .min_by_key(|(at, _, _)| *at)?;
    let (at, pat, rest) = found;
    let expr = chain(rest);
    let after = rest.trim_start()[expr.len()..].trim_start();
    let symbol = "is not iterable (cannot read property Symbol(Symbol.iterator))";
    match pat {
        " of " if !expr.is_empty() && !after.starts_with('(') => {
            Some(format!("{expr} is not iterable"))
        }
        "..." if !expr.is_empty() && !after.starts_with('(') => {
            if line[..at].trim_end().ends_with('[') {
                Some(format!("{expr} is not iterable"))
            } else {
                Some(format!(
                    "{expr} is not iterable (cannot read property undefined)"
                ))
            }
        }
        "] =" => {
            let declared = line[..at]
                .rsplit_once('[')
                .map(|(before, _)| before.trim_end())
                .is_some_and(|before| {
                    ["const", "let", "var"]
                        .iter()
                        .any(|kw| before.ends_with(kw))
                });
            if after.starts_with('(') && !expr.is_empty() {
                Some(format!(
                    "{expr} is not a function or its return value is not iterable"
                ))
            } else if declared && !expr.is_empty() && !expr.contains('.') {
                Some(format!("{expr} is not iterable"))
            } else {
                Some(format!("{target} {symbol}"))
            }
        }
        _ => None,
    }
}

/// V8's words for an object destructuring of undefined on the line of `position`
/// (`const { a } = e` -> "Cannot destructure property 'a' of 'e' as it is undefined."), `e` as
/// written with call arguments shown as `(...)`. QuickJS does not say whether the value was
/// null or undefined; undefined is what a missing property gives.
fn destructure_message(source: &str, position: (u32, u32)) -> Option<String> {
    // QuickJS places these errors at or before the statement (a `try {` line, the line before):
    // the first destructuring from the position's line on.
    let from = usize::try_from(position.0).ok()?.checked_sub(1)?;
    source
        .lines()
        .skip(from)
        .take(3)
        .find_map(destructure_on_line)
}

fn destructure_on_line(line: &str) -> Option<String> {
    let (pattern, rest) = line.match_indices('{').find_map(|(at, _)| {
        let before = line[..at].trim_end();
        let declared = ["const", "let", "var"]
            .iter()
            .any(|kw| before.ends_with(kw))
            || before.ends_with('(');
        if !declared {
            return None;
        }
        let close = at + line[at..].find('}')?;
        let rest = line[close + 1..].trim_start().strip_prefix('=')?;
        (!rest.starts_with('=') && !rest.starts_with('>')).then_some((&line[at + 1..close], rest))
    })?;
    let expr = expression_text(rest);
    if expr.is_empty() {
        return None;
    }
    let first: String = pattern
        .trim_start()
        .chars()
        .take_while(|c| is_ident(*c))
        .collect();
    Some(if first.is_empty() {
        format!("Cannot destructure '{expr}' as it is undefined.")
    } else {
        format!("Cannot destructure property '{first}' of '{expr}' as it is undefined.")
    })
}

/// The expression at the start of `rest` as V8 prints it in messages: up to a `;`, `,` or an
/// unbalanced closing bracket, call arguments replaced by `(...)`.
fn expression_text(rest: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in rest.trim_start().chars() {
        match c {
            '(' => {
                if depth == 0 {
                    out.push_str("(...)");
                }
                depth += 1;
            }
            ')' if depth > 0 => depth -= 1,
            ')' | '}' | ']' | ';' | ',' if depth == 0 => break,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out.trim_end().to_string()
}

/// The first array destructuring on `line` (`] = rest`, spaces optional, not `==` or `=>`): the
/// position of its `]` and the text after the `=`.
fn destructured(line: &str) -> Option<(usize, &str)> {
    line.match_indices(']').find_map(|(at, _)| {
        let after = line[at + 1..].trim_start();
        let rest = after.strip_prefix('=')?;
        (!rest.starts_with('=') && !rest.starts_with('>')).then_some((at, rest))
    })
}

/// What a destructuring, `for...of` or spread on the line of `position` iterates, when V8 would
/// print it as written: a name chain (`a.b`) or an empty literal (`{}`).
fn iterated_at(source: &str, position: (u32, u32)) -> Option<String> {
    let line = source
        .lines()
        .nth(usize::try_from(position.0).ok()?.checked_sub(1)?)?;
    // A test name such as "for of object" is no `of`: string contents are blanked first.
    let masked = blank_strings(line);
    let line = masked.as_str();
    let candidates = [
        destructured(line).map(|(_, rest)| rest),
        line.split_once(" of ").map(|(_, rest)| rest),
        line.split_once("...").map(|(_, rest)| rest),
    ];
    candidates.into_iter().flatten().find_map(|rest| {
        let rest = rest.trim_start();
        if rest.starts_with("{}") {
            return Some("{}".to_string());
        }
        let expr: String = rest
            .chars()
            .take_while(|c| is_ident(*c) || *c == '.')
            .collect();
        let simple = !expr.is_empty()
            && !expr.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            && !expr.ends_with('.');
        // An integer literal is printed as written (`5 is not iterable`).
        let integer = !expr.is_empty() && expr.chars().all(|c| c.is_ascii_digit());
        (simple || integer).then_some(expr)
    })
}

/// V8's words for an `instanceof` whose right operand is not a constructor: "not callable"
/// for an object or array literal or a `new` expression on the line, "not an object" for
/// anything else (a primitive, what a missing property gives), which QuickJS does not tell
/// apart.
fn instanceof_message(source: &str, position: Option<(u32, u32)>) -> String {
    let line = position
        .and_then(|(line, _)| {
            source
                .lines()
                .nth(usize::try_from(line).ok()?.checked_sub(1)?)
        })
        .unwrap_or_default();
    let masked = blank_strings(line);
    let object = masked.match_indices("instanceof").any(|(at, word)| {
        let right = masked[at + word.len()..].trim_start();
        right.starts_with(['{', '[']) || right.starts_with("new ")
    });
    let what = if object { "callable" } else { "an object" };
    format!("Right-hand side of 'instanceof' is not {what}")
}

/// `line` with the contents of its string literals (quotes kept) replaced by spaces of the
/// same length in bytes, so that positions found in it hold in `line`.
fn blank_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some(q) if escaped || (c != q && c != '\\') => {
                escaped = false;
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
            Some(_) if c == '\\' => {
                escaped = true;
                out.push(' ');
            }
            Some(_) => {
                quote = None;
                out.push(c);
            }
            None => {
                if matches!(c, '\'' | '"' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// The identifier that ends right before `position` (1-based line and column) in `source`,
/// whitespace skipped.
fn word_before(source: &str, position: Option<(u32, u32)>) -> Option<&str> {
    let (line, col) = position?;
    let text = source
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let upto: usize = text
        .char_indices()
        .nth(usize::try_from(col).ok()?.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let before = text[..upto].trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ident(*c))
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

/// Whether `c` can be part of an identifier.
pub(crate) fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_if_condition_is_no_call() {
        let src = "const a = 1;\nif (a > 0 {\n  x();\n}";
        assert!(!innermost_open_is_call("if (a > 0 {"));
        assert!(innermost_open_is_call("foo(a > 0"));
        assert_eq!(
            v8_message("SyntaxError", "expecting ')'", Some((2, 11)), src),
            "Unexpected token '{'"
        );
    }

    #[test]
    fn parenthesised_literal_callee_is_shown_bare() {
        let src = "t('x', () => (5).toUpperCase());";
        assert_eq!(
            v8_message("TypeError", "not a function", Some((1, 18)), src),
            "5.toUpperCase is not a function"
        );
        let src = "x = ('abc').foo(); y = 'abc'.bar();";
        assert_eq!(
            v8_message("TypeError", "not a function", Some((1, 12)), src),
            "\"abc\".foo is not a function"
        );
        assert_eq!(
            v8_message("TypeError", "not a function", Some((1, 29)), src),
            "\"abc\".bar is not a function"
        );
    }

    #[test]
    fn read_only_property_and_constant_are_told_apart() {
        let src = "'use strict'; Object.freeze({a: 1}).a = 2;";
        assert_eq!(
            v8_message("TypeError", "'a' is read-only", Some((1, 30)), src),
            "Cannot assign to read only property 'a' of object '#<Object>'"
        );
        assert_eq!(
            v8_message(
                "TypeError",
                "'a' is read-only",
                Some((1, 14)),
                "const a = 1; a = 2;"
            ),
            "Assignment to constant variable."
        );
    }

    #[test]
    fn not_iterable_names_the_expression() {
        let source = "const [a] = {};\nfor (const x of obj.list) {}\nf(...nums);";
        let at = |line| {
            super::v8_message(
                "TypeError",
                "value is not iterable",
                Some((line, 5)),
                source,
            )
        };
        assert_eq!(at(1), "{} is not iterable");
        assert_eq!(
            super::v8_message(
                "TypeError",
                "value is not iterable",
                Some((1, 5)),
                "const [a] = 5;"
            ),
            "5 is not iterable"
        );
        assert_eq!(at(2), "obj.list is not iterable");
        assert_eq!(at(3), "nums is not iterable");
    }

    #[test]
    fn iterating_undefined_is_worded_by_construct() {
        let source = "const [a] = undefined;\nconst [b] = o.list;\nlet c; [c] = x;\n\
                      for (const v of o.list) {}\n[...x];\nMath.max(...x);\nconst [d] = f();\n\
                      null[Symbol.iterator];";
        let at = |line| {
            super::v8_message(
                "TypeError",
                "cannot read property 'Symbol.iterator' of undefined",
                Some((line, 3)),
                source,
            )
        };
        let symbol = "is not iterable (cannot read property Symbol(Symbol.iterator))";
        assert_eq!(at(1), "undefined is not iterable");
        assert_eq!(at(2), format!("undefined {symbol}"));
        assert_eq!(at(3), format!("undefined {symbol}"));
        assert_eq!(at(4), "o.list is not iterable");
        assert_eq!(at(5), "x is not iterable");
        assert_eq!(at(6), "x is not iterable (cannot read property undefined)");
        assert_eq!(
            at(7),
            "f is not a function or its return value is not iterable"
        );
        assert_eq!(at(8), format!("object undefined {symbol}"));
    }

    #[test]
    fn destructuring_undefined_names_property_and_expression() {
        let source = "const { data, x } = pm.response.json().body;\nconst {} = x;\n\
                      t(() => { let { a } = o.f(1, 2) });\nObject.keys(undefined);";
        let at = |line| {
            super::v8_message(
                "TypeError",
                "cannot convert to object",
                Some((line, 3)),
                source,
            )
        };
        assert_eq!(
            at(1),
            "Cannot destructure property 'data' of 'pm.response.json(...).body' as it is undefined."
        );
        assert_eq!(at(2), "Cannot destructure 'x' as it is undefined.");
        assert_eq!(
            at(3),
            "Cannot destructure property 'a' of 'o.f(...)' as it is undefined."
        );
        assert_eq!(at(4), "Cannot convert undefined or null to object");
    }

    #[test]
    fn unclosed_call_is_missing_parenthesis() {
        let worded = |message, source| super::v8_message("SyntaxError", message, None, source);
        assert_eq!(
            worded(
                "unexpected token in expression: '}'",
                "console.log(\"a (\"\n"
            ),
            "missing ) after argument list"
        );
        assert_eq!(
            worded(
                "unexpected end of input",
                "pm.test('x', function () {\n  pm.expect(1);\n"
            ),
            "Unexpected end of input"
        );
        assert_eq!(
            worded("unexpected token in expression: '}'", "if (a {"),
            "Unexpected token '}'"
        );
    }

    #[test]
    fn top_level_await_is_worded_as_v8() {
        let source = "const r = 1;\nconst res = await pm.sendRequest('x');";
        assert_eq!(
            super::v8_message("SyntaxError", "expecting ';'", Some((2, 19)), source),
            "await is only valid in async functions and the top level bodies of modules"
        );
        assert_eq!(
            super::v8_message("SyntaxError", "expecting ';'", Some((1, 11)), source),
            "Unexpected number"
        );
    }

    use super::*;

    #[test]
    fn v8_type_errors_reworded() {
        let src = "const o = {};\no.nothing();\npm.response.json().args.r();\nlet f = 5; f();";
        assert_eq!(
            v8_message("TypeError", "not a function", Some((2, 3)), src),
            "o.nothing is not a function"
        );
        assert_eq!(
            v8_message("TypeError", "not a function", Some((3, 25)), src),
            "pm.response.json(...).args.r is not a function"
        );
        assert_eq!(
            v8_message("TypeError", "not a function", Some((4, 12)), src),
            "f is not a function"
        );
        assert_eq!(
            v8_message(
                "TypeError",
                "not a function",
                Some((1, 9)),
                "o.a.map(x => x);"
            ),
            "o.a.map is not a function"
        );
        // QuickJS points at the callee that failed, even when more calls follow it.
        assert_eq!(
            v8_message("TypeError", "not a function", Some((3, 13)), src),
            "pm.response.json is not a function"
        );
        assert_eq!(
            v8_message(
                "TypeError",
                "not a function",
                Some((1, 5)),
                "o.a.b().set(1);"
            ),
            "o.a.b is not a function"
        );
        assert_eq!(
            v8_message(
                "SyntaxError",
                "invalid redefinition of lexical identifier",
                None,
                "const a = 1\nconst a = 2;"
            ),
            "Identifier 'a' has already been declared"
        );
        assert_eq!(
            v8_message("TypeError", "cannot read property 'x' of null", None, ""),
            "Cannot read properties of null (reading 'x')"
        );
        assert_eq!(
            v8_message("TypeError", "not a function", Some((9, 1)), src),
            "not a function"
        );
        let right = |src| {
            v8_message(
                "TypeError",
                "invalid 'instanceof' right operand",
                Some((1, 1)),
                src,
            )
        };
        assert_eq!(
            right("({}) instanceof 5;"),
            "Right-hand side of 'instanceof' is not an object"
        );
        assert_eq!(
            right("x instanceof {};"),
            "Right-hand side of 'instanceof' is not callable"
        );
        // Indexes and earlier calls between the pointed name and the failing call.
        let named = |src| v8_message("TypeError", "not a function", Some((1, 3)), src);
        assert_eq!(named("j.items[0]();"), "j.items[0] is not a function");
        assert_eq!(named("j.obj[\"key\"]();"), "j.obj.key is not a function");
        assert_eq!(
            v8_message(
                "TypeError",
                "not a function",
                Some((1, 12)),
                "pm.globals.get(\"fn\")();"
            ),
            "pm.globals.get(...) is not a function"
        );
        // A `new` expression at the head of the chain is an intermediate value.
        assert_eq!(
            v8_message(
                "TypeError",
                "not a function",
                Some((1, 12)),
                "new Date().toISOstring();"
            ),
            "(intermediate value).toISOstring is not a function"
        );
        assert_eq!(
            v8_message("TypeError", "not a function", Some((1, 9)), "newer().x();"),
            "newer(...).x is not a function"
        );
        // A string holding ` of ` is not the loop's.
        assert_eq!(
            v8_message(
                "TypeError",
                "value is not iterable",
                Some((1, 30)),
                "pm.test('for of object', () => { for (const k of o.items) {} });"
            ),
            "o.items is not iterable"
        );
        // An operand inside the arguments: the call's callee is named.
        let call = "console.assert(1 === 2, 'assert message');";
        assert_eq!(
            v8_message("TypeError", "not a function", Some((1, 22)), call),
            "console.assert is not a function"
        );
        // A callee inside another call's arguments is still named itself.
        assert_eq!(
            v8_message("TypeError", "not a function", Some((1, 7)), "f(a, o.g());"),
            "o.g is not a function"
        );
    }

    #[test]
    fn syntax_errors_name_the_token_found() {
        let source = "//\nvar class = 1;\nconst x = {;\nfoo bar;\nlet y = 1\n  ;x =>\n => 1";
        let at = |line, col, message| v8_message("SyntaxError", message, Some((line, col)), source);
        assert_eq!(
            at(2, 5, "variable name expected"),
            "Unexpected token 'class'"
        );
        assert_eq!(at(3, 12, "invalid property name"), "Unexpected token ';'");
        assert_eq!(at(4, 5, "expecting ';'"), "Unexpected identifier 'bar'");
        // The token may sit on a later line; an operator is named whole.
        assert_eq!(at(6, 6, "expecting ';'"), "Unexpected token '=>'");
        assert_eq!(at(7, 5, "expecting ';'"), "Unexpected number");
        assert_eq!(
            at(2, 1, "function name expected"),
            "Function statements require a function name"
        );
        assert_eq!(at(9, 1, "expecting ';'"), "expecting ';'");
    }

    #[test]
    fn v8_syntax_errors_reworded() {
        assert_eq!(
            v8_message(
                "SyntaxError",
                "unexpected token in expression: ';'",
                None,
                ""
            ),
            "Unexpected token ';'"
        );
        assert_eq!(v8_message("Error", "x", None, ""), "x");
    }
}
