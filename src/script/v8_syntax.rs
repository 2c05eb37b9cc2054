//! Syntax errors in V8's words: QuickJS names what it expected, V8 the token it found; the
//! script's source is read back at the error's position to tell which.

use super::v8_errors::is_ident;

pub(super) fn syntax_error(message: &str, position: Option<(u32, u32)>, source: &str) -> String {
    // The script ends (or its wrapper's brace comes) inside a call's arguments.
    let in_arguments = message.starts_with("unexpected token in expression: ")
        || message.starts_with("Unexpected token ")
        || matches!(message, "expecting ')'" | "unexpected end of input");
    if in_arguments && innermost_open_is_call(source) {
        return "missing ) after argument list".to_string();
    }
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

/// Whether the innermost bracket `source` leaves open is a call's `(` (one right after a name
/// or a `)`). Strings, template literals and comments are skipped; regular expressions are not
/// told apart from division, which only matters for a bracket inside one.
pub(super) fn innermost_open_is_call(source: &str) -> bool {
    let chars: Vec<char> = source.chars().collect();
    let mut open: Vec<(char, bool)> = Vec::new();
    let mut last = ' ';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' | '`' => {
                i += 1;
                while i < chars.len() && chars[i] != c {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 1;
            }
            '(' => {
                let call = (is_ident(last) && !keyword_before(&chars[..i])) || last == ')';
                open.push((c, call));
            }
            '[' | '{' => open.push((c, is_ident(last) || last == ')')),
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
        if !c.is_whitespace() {
            last = c;
        }
        i += 1;
    }
    matches!(open.last(), Some(('(', true)))
}

/// Whether the word that ends `text` (whitespace skipped) is a keyword whose `(` opens no call
/// (`if (`, `while (`, `for (`...).
fn keyword_before(text: &[char]) -> bool {
    let end = text
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |p| p + 1);
    let start = text[..end]
        .iter()
        .rposition(|&c| !is_ident(c))
        .map_or(0, |p| p + 1);
    let word: String = text[start..end].iter().collect();
    matches!(
        word.as_str(),
        "if" | "while"
            | "for"
            | "switch"
            | "catch"
            | "with"
            | "return"
            | "typeof"
            | "void"
            | "delete"
            | "in"
            | "of"
            | "await"
            | "yield"
            | "case"
            | "function"
    )
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
