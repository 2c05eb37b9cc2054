//! `{{name}}` substitution exactly as Postman does it: innermost `{{…}}` first, the result re-scanned
//! so nested names such as `{{host.{{env}}}}` work, at most [`MAX_PASSES`] passes; names that do not
//! resolve stay in the text literally. `<<name>>` placeholders resolve from the same lookup.
//! Re-scans stop growing the text past [`MAX_RESCAN_LEN`], so runaway nesting (`a` =
//! `{{a}}{{a}}`) cannot exhaust memory.

/// Newman re-scans a template at most this many times (postman-collection's `VARS_SUBREPLACE_LIMIT`).
pub const MAX_PASSES: usize = 19;

/// A re-scan (every pass after the first) makes no replacement that would leave the text
/// longer than this (in bytes): the references it would have replaced stay as written. Runaway
/// nesting (`a` = `{{a}}{{a}}{{a}}`) multiplies the text on every pass; Newman fails such a
/// text with V8's `Invalid string length` once it passes 2^29 characters. The first pass is not
/// limited: its text is as long as the template and the values it names.
pub const MAX_RESCAN_LEN: usize = 16 << 20;

/// Replace every `{{name}}` and `<<name>>` in `text` using `lookup`; unresolved names stay literal.
///
/// `lookup` returns `None` for unknown names. Names are taken as written between the braces
/// (no trimming), like Postman.
pub fn resolve(text: &str, lookup: &mut dyn FnMut(&str) -> Option<String>) -> String {
    resolve_within(text, lookup, MAX_RESCAN_LEN)
}

/// [`resolve`] with re-scans limited to `max_len` bytes instead of [`MAX_RESCAN_LEN`]: the result
/// is no longer than the first pass's text or `max_len`, whichever is longer.
pub fn resolve_within(
    text: &str,
    lookup: &mut dyn FnMut(&str) -> Option<String>,
    max_len: usize,
) -> String {
    if !text.contains("{{") && !text.contains("<<") {
        return text.to_string();
    }
    let mut current = text.to_string();
    for pass in 0..MAX_PASSES {
        let limit = if pass == 0 { usize::MAX } else { max_len };
        let (next, replaced) = replace_once(&current, lookup, limit);
        current = next;
        if !replaced {
            break;
        }
    }
    current
}

/// Names of the `{{name}}` references that remain in `text` (after resolution: the unresolved ones).
pub fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [("{{", "}}"), ("<<", ">>")] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + 2..];
            match innermost(after, open, close) {
                Some((name, consumed)) => {
                    out.push(name.to_string());
                    rest = &after[consumed..];
                }
                None => rest = after,
            }
        }
    }
    out
}

/// One left-to-right pass replacing innermost tokens, each only while the whole text stays within
/// `limit` bytes. Returns the new text and whether anything changed.
fn replace_once(
    text: &str,
    lookup: &mut dyn FnMut(&str) -> Option<String>,
    limit: usize,
) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut replaced = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let pair = match (bytes[i], bytes.get(i + 1)) {
            (b'{', Some(b'{')) => Some(("{{", "}}")),
            (b'<', Some(b'<')) => Some(("<<", ">>")),
            _ => None,
        };
        if let Some((open, close)) = pair {
            let after = &text[i + 2..];
            // A token is `open name close` where name holds no brace of either kind (innermost).
            if let Some((name, consumed)) = innermost(after, open, close)
                && let Some(value) = lookup(name)
                // The text's length if this token is replaced and the rest copied as it is.
                && out.len() + value.len() + (text.len() - i - 2 - consumed) <= limit
            {
                out.push_str(&value);
                replaced = true;
                i += 2 + consumed;
                continue;
            }
            out.push(char::from(bytes[i]));
            i += 1;
            continue;
        }
        // Copy one whole UTF-8 character.
        let ch_len = text[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&text[i..i + ch_len]);
        i += ch_len;
    }
    (out, replaced)
}

/// If `after` starts with `name close` where name contains no `open`/brace characters, return the
/// name and the bytes consumed (name + close). Only the name is scanned (up to the first brace,
/// angle bracket or newline), so a long text full of `{{` is read in linear time.
fn innermost<'a>(after: &'a str, open: &str, close: &str) -> Option<(&'a str, usize)> {
    let angle = open == "<<";
    let forbidden =
        |c: char| c == '{' || c == '}' || c == '\n' || (angle && (c == '<' || c == '>'));
    let end = after.find(forbidden)?;
    after[end..]
        .starts_with(close)
        .then(|| (&after[..end], end + close.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(vars: &[(&str, &str)], text: &str) -> String {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        resolve(text, &mut |n| map.get(n).cloned())
    }

    #[test]
    fn template_replaces_simple_names() {
        assert_eq!(with(&[("a", "1")], "x{{a}}y"), "x1y");
    }

    #[test]
    fn template_resolves_nested_names_innermost_first() {
        assert_eq!(with(&[("b", "2"), ("a2", "ok")], "{{a{{b}}}}"), "ok");
        assert_eq!(
            with(&[("env", "dev"), ("host.dev", "h")], "{{host.{{env}}}}"),
            "h"
        );
    }

    #[test]
    fn template_keeps_unresolved_literal() {
        assert_eq!(with(&[], "{{missing}}/x"), "{{missing}}/x");
        assert_eq!(with(&[("b", "2")], "{{a{{b}}}}"), "{{a2}}");
    }

    #[test]
    fn template_handles_angle_placeholders() {
        assert_eq!(with(&[("id", "7")], "/users/<<id>>"), "/users/7");
        assert_eq!(with(&[], "a << b >> c"), "a << b >> c");
    }

    #[test]
    fn template_stops_after_pass_limit() {
        // A self-referencing variable must not loop forever.
        assert_eq!(with(&[("a", "{{a}}")], "{{a}}"), "{{a}}");
    }

    /// Found by the fuzz tests (issue 12): a value naming itself more than once grew the text
    /// exponentially (3^19 copies), until memory ran out.
    #[test]
    fn template_runaway_nesting_stays_bounded_issue_12() {
        let mut lookup = |name: &str| (name == "a").then(|| "{{a}}{{a}}{{a}}".to_string());
        let out = resolve_within("x{{a}}y", &mut lookup, 1000);
        assert!(out.len() <= 1000, "{} bytes", out.len());
        assert!(
            out.starts_with("x{{a}}{{a}}") && out.ends_with("{{a}}y"),
            "{out}"
        );
        // The first pass is never limited.
        let mut big = |_: &str| Some("z".repeat(5000));
        assert_eq!(resolve_within("{{b}}", &mut big, 10).len(), 5000);
        // Doubling 19 times stays under the default limit, as Newman resolves it.
        let mut double = |name: &str| (name == "a").then(|| "{{a}}{{a}}".to_string());
        assert_eq!(resolve("{{a}}", &mut double).len(), 5 << 19);
    }

    /// Found by the fuzz tests (issue 12): each `{{` searched the rest of the text for `}}`, so a
    /// text full of unclosed `{{` took quadratic time (minutes for a few hundred kilobytes).
    #[test]
    fn template_unclosed_braces_take_linear_time_issue_12() {
        let text = format!("{}}}}}{}", "{{a".repeat(100_000), "<<b".repeat(100_000));
        let started = std::time::Instant::now();
        let out = resolve(&text, &mut |_| Some("x".to_string()));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(out.len(), text.len() - 4);
        assert!(references(&text).len() == 1);
    }

    #[test]
    fn template_keeps_unicode_and_lone_braces() {
        assert_eq!(with(&[("n", "é")], "ü{ {{n}} }}"), "ü{ é }}");
    }

    #[test]
    fn template_lists_references() {
        assert_eq!(references("{{a}} and <<b>> {{c"), vec!["a", "b"]);
    }
}
