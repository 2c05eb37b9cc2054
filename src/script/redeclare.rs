//! Newman hands a script its globals (`pm`, `console`, the timers, `Buffer` and the legacy names
//! such as `tests`, `_`, `CryptoJS`) as parameters of the function the script runs in, so a
//! top-level `const`/`let`/`class` of one of those names is a SyntaxError there
//! (`Identifier '_' has already been declared`) and the script does not run. postie's globals are
//! real globals; this module finds such a declaration by a light scan of the source (strings,
//! comments, template literals and regular expressions skipped; nesting tracked).

/// Names Newman's sandbox passes to every script.
const ALWAYS: [&str; 9] = [
    "Buffer",
    "console",
    "pm",
    "setTimeout",
    "setInterval",
    "setImmediate",
    "clearTimeout",
    "clearInterval",
    "clearImmediate",
];

/// The legacy names, passed unless the script starts with `"use sandbox2";`.
const LEGACY: [&str; 20] = [
    "tests",
    "globals",
    "environment",
    "data",
    "request",
    "responseCookies",
    "responseHeaders",
    "responseTime",
    "responseCode",
    "responseBody",
    "iteration",
    "postman",
    "_",
    "CryptoJS",
    "atob",
    "btoa",
    "tv4",
    "xml2Json",
    "Backbone",
    "cheerio",
];

/// The first sandbox global the script redeclares with `const`, `let` or `class` at its top
/// level, if any.
pub(crate) fn redeclared_global(source: &str, legacy: bool) -> Option<String> {
    let is_global = |name: &str| ALWAYS.contains(&name) || (legacy && LEGACY.contains(&name));
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    let mut depth: i32 = 0;
    // Open template literals: the brace depth their `${` started at.
    let mut templates: Vec<i32> = Vec::new();
    // The last significant character, for telling a regular expression from a division.
    let mut last: Option<char> = None;
    // The declaration keyword just read at the top level, waiting for its name.
    let mut declaring = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if let Some(next) = skip_comment(&chars, i) {
            i = next;
            continue;
        }
        if c == '\'' || c == '"' {
            i = skip_quoted(&chars, i, c);
            last = Some('a');
            declaring = false;
            continue;
        }
        if c == '`' || (c == '}' && templates.last() == Some(&depth)) {
            if c == '}' {
                templates.pop();
            }
            let (next, open) = skip_template(&chars, i + 1);
            if open {
                templates.push(depth);
            }
            i = next;
            last = Some('a');
            declaring = false;
            continue;
        }
        if c == '/' && last.is_none_or(|p| "(,=:[!&|?{};+-*%<>~^".contains(p)) {
            i = skip_regex(&chars, i);
            last = Some('a');
            continue;
        }
        if c.is_alphabetic() || c == '_' || c == '$' {
            let (word, next) = read_word(&chars, i);
            i = next;
            if declaring {
                if is_global(&word) {
                    return Some(word);
                }
                declaring = false;
            } else if depth == 0
                && last != Some('.')
                && matches!(word.as_str(), "const" | "let" | "class")
            {
                declaring = true;
            }
            last = Some('a');
            continue;
        }
        if declaring
            && (c == '{' || c == '[')
            && let Some(name) = pattern_names(&chars, i).into_iter().find(|n| is_global(n))
        {
            return Some(name);
        }
        declaring = false;
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
        last = Some(c);
        i += 1;
    }
    None
}

/// The index after the `//` or `/* */` comment starting at `i`, when one starts there.
fn skip_comment(chars: &[char], mut i: usize) -> Option<usize> {
    if chars.get(i) != Some(&'/') {
        return None;
    }
    match chars.get(i + 1) {
        Some('/') => {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            Some(i)
        }
        Some('*') => {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            Some(i + 2)
        }
        _ => None,
    }
}

/// The identifier starting at `start` and the index after it.
fn read_word(chars: &[char], start: usize) -> (String, usize) {
    let mut i = start;
    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$') {
        i += 1;
    }
    (chars[start..i].iter().collect(), i)
}

/// The index after a '...' or "..." string starting at `i`.
fn skip_quoted(chars: &[char], mut i: usize, quote: char) -> usize {
    i += 1;
    while i < chars.len() && chars[i] != quote && chars[i] != '\n' {
        if chars[i] == '\\' {
            i += 1;
        }
        i += 1;
    }
    i + 1
}

/// Skip template text from `i`: the index after the closing backtick (false), or after a `${`
/// (true).
fn skip_template(chars: &[char], mut i: usize) -> (usize, bool) {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '`' => return (i + 1, false),
            '$' if chars.get(i + 1) == Some(&'{') => return (i + 2, true),
            _ => i += 1,
        }
    }
    (i, false)
}

/// The index after a regular expression literal starting at `i`.
fn skip_regex(chars: &[char], mut i: usize) -> usize {
    i += 1;
    let mut class = false;
    while i < chars.len() && chars[i] != '\n' {
        match chars[i] {
            '\\' => i += 1,
            '[' => class = true,
            ']' => class = false,
            '/' if !class => break,
            _ => {}
        }
        i += 1;
    }
    i += 1;
    while i < chars.len() && chars[i].is_alphanumeric() {
        i += 1;
    }
    i
}

/// The names a destructuring pattern starting at `i` declares (identifiers not followed by ':').
fn pattern_names(chars: &[char], mut i: usize) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ if c.is_alphabetic() || c == '_' || c == '$' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
                {
                    i += 1;
                }
                let mut j = i;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if chars.get(j) != Some(&':') {
                    names.push(chars[start..i].iter().collect());
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::redeclared_global;

    #[test]
    fn redeclared_global_finds_top_level_const_let_class() {
        assert_eq!(
            redeclared_global("const _ = require('lodash');", true).as_deref(),
            Some("_")
        );
        assert_eq!(
            redeclared_global("let x = 1;\nlet tests = {};", true).as_deref(),
            Some("tests")
        );
        assert_eq!(
            redeclared_global("const { a, CryptoJS } = x;", true).as_deref(),
            Some("CryptoJS")
        );
        assert_eq!(
            redeclared_global("class pm {}", true).as_deref(),
            Some("pm")
        );
    }

    #[test]
    fn redeclared_global_ignores_nested_quoted_and_var_declarations() {
        assert_eq!(redeclared_global("var tests = {};", true), None);
        assert_eq!(
            redeclared_global("function f() { const _ = 1; }", true),
            None
        );
        assert_eq!(redeclared_global("if (a) { let tests = 1; }", true), None);
        assert_eq!(
            redeclared_global("var s = 'const _ = 1'; // const _ = 2", true),
            None
        );
        assert_eq!(
            redeclared_global("var t = `${a} const _`; /* let pm */", true),
            None
        );
        assert_eq!(redeclared_global("const { data: d } = x;", true), None);
        assert_eq!(redeclared_global("const tests = 1;", false), None);
        assert_eq!(
            redeclared_global("var r = /const _/; x.let = 1;", true),
            None
        );
    }
}
