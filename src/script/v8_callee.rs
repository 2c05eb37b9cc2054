//! How V8 names a callee in a `not a function` message, read back from the script's source at
//! the position QuickJS gives: the member chain (`a.b.c`), call arguments as `(...)`, an index
//! as written (`a[0]`, `.key` for a string), a `new` expression as `(intermediate value)`.

use super::v8_errors::is_ident;

/// The member chain ending at the identifier at `(line, col)`, as V8 prints a callee:
/// `a.b.c`, with call arguments shown as `(...)` (`pm.response.json(...).x`).
pub(super) fn callee_at(source: &str, (line, col): (u32, u32)) -> Option<String> {
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
    // With arguments, QuickJS points at the last one (or at the last operand of an expression
    // in it, `f(1 === 2, 'x')` at `2`): go to the callee before their `(`.
    let before = (0..start).rev().find(|&i| !text[i].is_whitespace());
    if before.is_some_and(|p| matches!(text[p], '(' | ','))
        || (!starts_member_or_call(&text, start) && opens_call(&text, start))
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
    // QuickJS points at the last name of the chain: the indexes and calls right after it up to
    // the last call (the one that failed) belong to the callee (`a.b[0]`, `get(...)` in
    // `pm.globals.get('fn')()`).
    parts.extend(suffix_links(&text, end));
    // `new X(...)` at the head of the chain is a value V8 does not name.
    if preceded_by_new(&text, at)
        && let Some(args) = parts.iter().position(|part| part == "(...)")
    {
        parts.splice(..=args, ["(intermediate value)".to_string()]);
    }
    Some(parts.concat())
}

/// The `[...]` and `(...)` links right after `end` as V8 prints them (`[0]`, `.key` for a
/// string index, `(...)`), up to the last call, which is left out.
fn suffix_links(text: &[char], end: usize) -> Vec<String> {
    let mut links = Vec::new();
    let mut last_call = 0;
    let mut at = end;
    while let Some(&open) = text.get(at).filter(|c| matches!(c, '(' | '[')) {
        let Some(close) = matching_close(text, at) else {
            break;
        };
        if open == '(' {
            links.push("(...)".to_string());
            last_call = links.len() - 1;
        } else {
            let inner: String = text[at + 1..close].iter().collect();
            let key = inner
                .strip_prefix(['\'', '"'])
                .and_then(|k| k.strip_suffix(['\'', '"']))
                .filter(|k| !k.is_empty() && k.chars().all(is_ident));
            links.push(match key {
                Some(key) => format!(".{key}"),
                None => format!("[{inner}]"),
            });
        }
        at = close + 1;
    }
    links.truncate(last_call);
    links
}

/// The `)` or `]` closing the bracket at `open`, counting nested brackets.
fn matching_close(text: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in text.iter().enumerate().skip(open) {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the keyword `new` comes right before `at` (whitespace skipped).
fn preceded_by_new(text: &[char], at: usize) -> bool {
    let Some(end) = (0..at)
        .rev()
        .find(|&i| !text[i].is_whitespace())
        .map(|i| i + 1)
    else {
        return false;
    };
    end >= 3 && text[end - 3..end] == ['n', 'e', 'w'] && (end == 3 || !is_ident(text[end - 4]))
}

/// Whether the identifier at `start` is followed by `(`, `.` or `[`: the callee itself or a link
/// of its member chain, not an operand inside a call's arguments.
fn starts_member_or_call(text: &[char], start: usize) -> bool {
    let mut end = start;
    while end < text.len() && is_ident(text[end]) {
        end += 1;
    }
    let next = text[end..].iter().find(|c| !c.is_whitespace());
    matches!(next, Some('(' | '.' | '['))
}

/// Whether `at` lies inside a call's argument list: an unclosed `(` left of it right after a
/// name.
fn opens_call(text: &[char], at: usize) -> bool {
    let Some(open) = unmatched_open(text, at) else {
        return false;
    };
    let mut s = open;
    while s > 0 && is_ident(text[s - 1]) {
        s -= 1;
    }
    let name: String = text[s..open].iter().collect();
    !name.is_empty()
        && !matches!(
            name.as_str(),
            "if" | "while" | "for" | "switch" | "catch" | "return" | "function" | "typeof"
        )
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
        if let Some((start, shown)) = string_literal_before(text, at) {
            parts.push(shown);
            return Some(start);
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
        let operand_before = at
            .checked_sub(1)
            .and_then(|p| text.get(p))
            .is_some_and(|&c| is_ident(c) || matches!(c, ')' | ']'));
        if shown.is_none() && !operand_before {
            // A parenthesised operand: V8 shows a number literal or a name in it bare.
            let inner: String = text[at + 1..end - 1].iter().collect();
            let inner = inner.trim();
            let chars: Vec<char> = inner.chars().collect();
            let bare = !inner.is_empty()
                && (inner.chars().all(is_ident) || inner.parse::<f64>().is_ok_and(f64::is_finite));
            let shown = match string_literal_before(&chars, chars.len()) {
                Some((0, quoted)) => Some(quoted),
                _ => bare.then(|| inner.to_string()),
            };
            return shown.map(|shown| {
                parts.push(shown);
                at
            });
        }
        parts.push(match shown {
            Some(()) => text[at..end].iter().collect(),
            None => "(...)".to_string(),
        });
        // A call or index applies to the operand before it.
    }
}

/// A string literal without escapes that ends right before `at`: where it starts and how V8
/// shows it in a callee (in double quotes).
fn string_literal_before(text: &[char], at: usize) -> Option<(usize, String)> {
    let quote = *text.get(at.checked_sub(1)?)?;
    if quote != '\'' && quote != '"' {
        return None;
    }
    let open = text[..at - 1].iter().rposition(|&c| c == quote)?;
    let body = &text[open + 1..at - 1];
    if body.iter().any(|&c| c == '\\' || c == '"' || c == '\'') {
        return None;
    }
    Some((open, format!("\"{}\"", body.iter().collect::<String>())))
}
