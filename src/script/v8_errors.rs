//! Error messages in V8's words. Scripts run on QuickJS, whose messages for the common runtime
//! and syntax errors differ from the ones Node (and so Newman) reports; a failure line is
//! compared with Newman's, so the usual ones are reworded here. A `not a function` error names
//! the callee the way V8 does, read back from the script's source at the error's position.

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
                return format!(
                    "object {target} is not iterable (cannot read property Symbol(Symbol.iterator))"
                );
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
        "cannot convert to object" => "Cannot convert undefined or null to object".to_string(),
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

/// What a destructuring, `for...of` or spread on the line of `position` iterates, when V8 would
/// print it as written: a name chain (`a.b`) or an empty literal (`{}`).
fn iterated_at(source: &str, position: (u32, u32)) -> Option<String> {
    let line = source
        .lines()
        .nth(usize::try_from(position.0).ok()?.checked_sub(1)?)?;
    let candidates = [
        line.split_once("] =").map(|(_, rest)| rest),
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
        simple.then_some(expr)
    })
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

fn syntax_error(message: &str, position: Option<(u32, u32)>, source: &str) -> String {
    if let Some(token) = message.strip_prefix("unexpected token in expression: ") {
        return match token {
            "''" => "Unexpected end of input".to_string(),
            _ => format!("Unexpected token {token}"),
        };
    }
    match message {
        "invalid redefinition of lexical identifier" => match redeclared(source) {
            Some(name) => format!("Identifier '{name}' has already been declared"),
            None => message.to_string(),
        },
        "unexpected end of string" | "invalid number literal" => {
            "Invalid or unexpected token".to_string()
        }
        "unexpected end of input" => "Unexpected end of input".to_string(),
        "function name expected" => "Function statements require a function name".to_string(),
        // QuickJS names what it expected; V8 names the token it found there.
        _ if message.starts_with("expecting ")
            || message.ends_with(" expected")
            || message == "invalid property name" =>
        {
            match token_at(source, position) {
                Some(rest) => super::v8_natives::unexpected_at(&rest),
                None => message.to_string(),
            }
        }
        _ => message.to_string(),
    }
}

/// The text of `source` from the 1-based `position` on (its line and the ones after).
fn token_at(source: &str, position: Option<(u32, u32)>) -> Option<Vec<char>> {
    let (line, col) = position?;
    let mut lines = source
        .split('\n')
        .skip(usize::try_from(line).ok()?.checked_sub(1)?);
    let first: Vec<char> = lines.next()?.chars().collect();
    let at = usize::try_from(col).ok()?.checked_sub(1)?;
    let mut out = first.get(at..).map(<[char]>::to_vec).unwrap_or_default();
    for rest in lines {
        out.push('\n');
        out.extend(rest.chars());
    }
    Some(out)
}

/// The first name the script declares twice, one of them with `let`, `const` or `class`.
fn redeclared(source: &str) -> Option<String> {
    let mut seen: Vec<(String, bool)> = Vec::new();
    let words: Vec<&str> = source
        .split(|c: char| !is_ident(c))
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let lexical = matches!(pair[0], "let" | "const" | "class");
        if !(lexical || matches!(pair[0], "var" | "function")) {
            continue;
        }
        let name = pair[1];
        if let Some((_, was_lexical)) = seen.iter().find(|(n, _)| n == name)
            && (lexical || *was_lexical)
        {
            return Some(name.to_string());
        }
        seen.push((name.to_string(), lexical));
    }
    None
}

/// Whether `c` can be part of an identifier.
pub(crate) fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// The member chain ending at the identifier at `(line, col)`, as V8 prints a callee:
/// `a.b.c`, with call arguments shown as `(...)` (`pm.response.json(...).x`).
fn callee_at(source: &str, (line, col): (u32, u32)) -> Option<String> {
    let text: Vec<char> = source
        .split('\n')
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?
        .chars()
        .collect();
    let mut start = usize::try_from(col).ok()?.checked_sub(1)?;
    // QuickJS may point at the `.` of the member.
    if text.get(start) == Some(&'.') {
        start += 1;
    }
    if !text.get(start).copied().is_some_and(is_ident) {
        return None;
    }
    // With arguments, QuickJS points at the last one: go to the callee before their `(`.
    let before = (0..start).rev().find(|&i| !text[i].is_whitespace());
    if let Some(p) = before
        && matches!(text[p], '(' | ',')
    {
        let open = unmatched_open(&text, start)?;
        let mut s = open;
        while s > 0 && is_ident(text[s - 1]) {
            s -= 1;
        }
        if s == open {
            return None;
        }
        start = s;
    }
    let mut end = start;
    while end < text.len() && is_ident(text[end]) {
        end += 1;
    }
    // Walk back over `.name`, `(...)` and `[...]` links.
    let mut parts: Vec<String> = vec![text[start..end].iter().collect::<String>()];
    let mut at = start;
    loop {
        if at == 0 {
            break;
        }
        match text[at - 1] {
            '.' => {
                let dot = if at >= 2 && text[at - 2] == '?' {
                    at - 2
                } else {
                    at - 1
                };
                parts.push(text[dot..at].iter().collect());
                at = dot;
                match back_over_operand(&text, at, &mut parts) {
                    Some(next) => at = next,
                    None => return None,
                }
            }
            _ => break,
        }
    }
    parts.reverse();
    Some(parts.concat())
}

/// The `(` left of `at` that is not closed before it, if the brackets allow one.
fn unmatched_open(text: &[char], mut at: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        at = at.checked_sub(1)?;
        match text[at] {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth > 0 => depth -= 1,
            '(' => return Some(at),
            '[' | '{' => return None,
            _ => {}
        }
    }
}

/// Step back over the operand that ends at `at` (exclusive): an identifier, or a call or index
/// on one; pushes its text (reversed order of parts) and returns where it starts.
fn back_over_operand(text: &[char], mut at: usize, parts: &mut Vec<String>) -> Option<usize> {
    loop {
        let last = *text.get(at.checked_sub(1)?)?;
        if is_ident(last) {
            let end = at;
            while at > 0 && is_ident(text[at - 1]) {
                at -= 1;
            }
            parts.push(text[at..end].iter().collect());
            return Some(at);
        }
        let (open, close, shown) = match last {
            ')' => ('(', ')', None),
            ']' => ('[', ']', Some(())),
            _ => return None,
        };
        let end = at;
        let mut depth = 0usize;
        loop {
            at = at.checked_sub(1)?;
            if text[at] == close {
                depth += 1;
            } else if text[at] == open {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
        }
        parts.push(match shown {
            Some(()) => text[at..end].iter().collect(),
            None => "(...)".to_string(),
        });
        // A call or index applies to the operand before it.
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(at(2), "obj.list is not iterable");
        assert_eq!(at(3), "nums is not iterable");
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
