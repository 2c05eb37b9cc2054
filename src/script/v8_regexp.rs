//! V8's wording for an invalid pattern given to the `RegExp` constructor. QuickJS reports the
//! reason alone (`expecting ')'`); V8 names the pattern and its flags
//! (`Invalid regular expression: /(/: Unterminated group`). The pattern is read back from the
//! script's source when the call passes it as a string literal; otherwise the message is kept.

/// V8's message for the QuickJS `reason` an invalid `RegExp(pattern, flags)` call raised, given
/// the text of the line from the constructor's name on.
pub(crate) fn regexp_message(reason: &str, call: &[char]) -> Option<String> {
    let (pattern, flags) = literal_arguments(call)?;
    worded(reason, pattern, flags)
}

/// V8's message for the QuickJS `reason` an invalid regular expression literal (`/(/g`) raised
/// when the script was compiled, given the text of the line from the literal on.
pub(crate) fn regexp_literal_message(reason: &str, text: &[char]) -> Option<String> {
    if text.first() != Some(&'/') {
        return None;
    }
    let mut i = 1;
    let mut class = false;
    loop {
        match *text.get(i)? {
            '\\' => i += 1,
            '[' => class = true,
            ']' => class = false,
            '/' if !class => break,
            '\n' => return None,
            _ => {}
        }
        i += 1;
    }
    let pattern: String = text[1..i].iter().collect();
    let flags: String = text[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    worded(reason, pattern, Some(flags))
}

fn worded(reason: &str, pattern: String, flags: Option<String>) -> Option<String> {
    if reason == "invalid regular expression flags" {
        return Some(format!(
            "Invalid flags supplied to RegExp constructor '{}'",
            flags.unwrap_or_default()
        ));
    }
    let flags = flags.unwrap_or_default();
    let why = match reason {
        "expecting ')'" => "Unterminated group",
        "unexpected end" if ends_with_backslash(&pattern) => "\\ at end of pattern",
        "unexpected end" => "Unterminated character class",
        "nothing to repeat" => "Nothing to repeat",
        "extraneous characters at the end" => "Unmatched ')'",
        "invalid group name" | "expecting group name" => "Invalid capture group name",
        "duplicate group name" => "Duplicate capture group name",
        "invalid class range" => "Range out of order in character class",
        "invalid repetition count" => "numbers out of order in {} quantifier",
        "invalid escape sequence in regular expression" => "Invalid escape",
        "invalid group" => "Invalid group",
        "group name not defined" => "Invalid named capture referenced",
        _ => return None,
    };
    Some(format!(
        "Invalid regular expression: /{pattern}/{flags}: {why}"
    ))
}

/// Whether the pattern ends with a lone backslash.
fn ends_with_backslash(pattern: &str) -> bool {
    pattern.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

/// The pattern and flags of `RegExp('…', '…')` / `new RegExp("…")` when both are string literals:
/// `call` starts at the constructor's name.
fn literal_arguments(call: &[char]) -> Option<(String, Option<String>)> {
    let mut i = call.iter().position(|&c| c == '(')?;
    if call[..i]
        .iter()
        .any(|c| !(c.is_alphanumeric() || c.is_whitespace()))
    {
        return None;
    }
    i += 1;
    let (pattern, next) = string_literal(call, skip_space(call, i))?;
    i = skip_space(call, next);
    let flags = match call.get(i) {
        Some(')') => None,
        Some(',') => {
            let (flags, next) = string_literal(call, skip_space(call, i + 1))?;
            if call.get(skip_space(call, next)) != Some(&')') {
                return None;
            }
            Some(flags)
        }
        _ => return None,
    };
    Some((pattern, flags))
}

fn skip_space(text: &[char], mut i: usize) -> usize {
    while text.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// The value of the quoted string (or template without substitutions) at `i`, and the index
/// after it. Only the common escapes are understood; anything else gives `None`.
fn string_literal(text: &[char], mut i: usize) -> Option<(String, usize)> {
    let quote = *text.get(i)?;
    if !matches!(quote, '\'' | '"' | '`') {
        return None;
    }
    i += 1;
    let mut value = String::new();
    loop {
        let c = *text.get(i)?;
        i += 1;
        match c {
            _ if c == quote => return Some((value, i)),
            '$' if quote == '`' && text.get(i) == Some(&'{') => return None,
            '\\' => {
                let escaped = *text.get(i)?;
                i += 1;
                value.push(match escaped {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '\\' | '\'' | '"' | '`' | '/' => escaped,
                    _ => return None,
                });
            }
            _ => value.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::regexp_message;

    fn call(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn invalid_patterns_in_v8_words() {
        assert_eq!(
            regexp_message("expecting ')'", &call("RegExp('(')")).as_deref(),
            Some("Invalid regular expression: /(/: Unterminated group")
        );
        assert_eq!(
            regexp_message("unexpected end", &call("RegExp(\"[\", 'g'); x()")).as_deref(),
            Some("Invalid regular expression: /[/g: Unterminated character class")
        );
        assert_eq!(
            regexp_message("unexpected end", &call("RegExp('a\\\\')")).as_deref(),
            Some("Invalid regular expression: /a\\/: \\ at end of pattern")
        );
        assert_eq!(
            regexp_message(
                "invalid regular expression flags",
                &call("RegExp('a', 'gg')")
            )
            .as_deref(),
            Some("Invalid flags supplied to RegExp constructor 'gg'")
        );
    }

    #[test]
    fn invalid_literals_in_v8_words() {
        assert_eq!(
            super::regexp_literal_message("expecting ')'", &call("/a(/gi;")).as_deref(),
            Some("Invalid regular expression: /a(/gi: Unterminated group")
        );
        assert_eq!(
            super::regexp_literal_message("nothing to repeat", &call("/[/]*+/")).as_deref(),
            Some("Invalid regular expression: /[/]*+/: Nothing to repeat")
        );
        assert_eq!(
            super::regexp_literal_message("expecting ')'", &call("a / b")),
            None
        );
    }

    #[test]
    fn dynamic_or_unknown_patterns_are_left_alone() {
        assert_eq!(regexp_message("expecting ')'", &call("RegExp(p)")), None);
        assert_eq!(
            regexp_message("expecting ')'", &call("RegExp(`(${a}`)")),
            None
        );
        assert_eq!(
            regexp_message("too many captures", &call("RegExp('(')")),
            None
        );
        assert_eq!(
            regexp_message("expecting ')'", &call("RegExp('(' + x)")),
            None
        );
    }
}
