//! Text made safe for the HTML report: escaping, JSON syntax highlighting of bodies and
//! Markdown links (`[text](https://…)`) in test names and messages. Everything returned here
//! is HTML the page inserts as is, so every piece of input goes through [`escape`].

use std::fmt::Write;

/// `text` escaped for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// True when `text` looks like a JSON document (starts with `{` or `[` after white space).
fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'['))
}

/// A body as HTML: JSON-looking text with its strings, keys, numbers and literals in spans
/// (`k`, `s`, `n`, `l`) when `highlight` is on, otherwise (or for other text) only escaped.
/// The highlighter does not need valid JSON: a body cut at the report's cap still gets colours.
pub fn body_html(text: &str, highlight: bool) -> String {
    if !highlight || !looks_like_json(text) {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i = (i + 1).min(chars.len());
            let token: String = chars[start..i].iter().collect();
            let mut next = i;
            while next < chars.len() && chars[next].is_whitespace() {
                next += 1;
            }
            let class = if chars.get(next) == Some(&':') {
                "k"
            } else {
                "s"
            };
            let _ = write!(out, "<span class=\"{class}\">{}</span>", escape(&token));
        } else if c == '-' || c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || matches!(chars[i], '-' | '+' | '.' | 'e' | 'E'))
            {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            let _ = write!(out, "<span class=\"n\">{}</span>", escape(&token));
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            if matches!(token.as_str(), "true" | "false" | "null") {
                let _ = write!(out, "<span class=\"l\">{token}</span>");
            } else {
                out.push_str(&escape(&token));
            }
        } else {
            out.push_str(&escape(&c.to_string()));
            i += 1;
        }
    }
    out
}

/// `text` escaped, with Markdown links `[label](url)` turned into links when `links` is on.
/// Only `http:`, `https:` and `mailto:` targets become links; anything else stays text.
pub fn markdown_links(text: &str, links: bool) -> String {
    if !links {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some((label, url, after)) = link_at(&rest[open..]) else {
            out.push_str(&escape(&rest[..=open]));
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&escape(&rest[..open]));
        let _ = write!(
            out,
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
            escape(url),
            escape(label)
        );
        rest = after;
    }
    out.push_str(&escape(rest));
    out
}

/// `[label](url)` at the start of `text`: the label, the URL and what follows.
fn link_at(text: &str) -> Option<(&str, &str, &str)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.is_empty() || label.contains(['[', ']']) {
        return None;
    }
    let target = &text[close + 2..];
    let end = target.find(')')?;
    let url = &target[..end];
    let lower = url.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    if !allowed || url.chars().any(|c| c.is_whitespace() || c == '"') {
        return None;
    }
    Some((label, url, &target[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_highlights_json_and_escapes_everything() {
        let html = body_html(
            r#"{"a<": "x\"y", "n": -1.5e3, "ok": true, "z": null}"#,
            true,
        );
        assert!(
            html.contains(r#"<span class="k">&quot;a&lt;&quot;</span>"#),
            "{html}"
        );
        assert!(html.contains(r#"<span class="s">&quot;x\&quot;y&quot;</span>"#));
        assert!(html.contains(r#"<span class="n">-1.5e3</span>"#));
        assert!(html.contains(r#"<span class="l">true</span>"#));
        assert!(!html.contains('<') || !html.contains("<script"));
        assert_eq!(body_html("{\"a\":1}", false), "{&quot;a&quot;:1}");
        assert_eq!(body_html("<b>x</b>", true), "&lt;b&gt;x&lt;/b&gt;");
        // A body cut in the middle of a string still ends.
        assert!(body_html("{\"abc", true).ends_with("</span>"));
    }

    #[test]
    fn html_text_markdown_links_only_for_web_targets() {
        let html = markdown_links("see [BUG-1](https://bugs.example/1) <now>", true);
        assert_eq!(
            html,
            "see <a href=\"https://bugs.example/1\" target=\"_blank\" rel=\"noopener noreferrer\">BUG-1</a> &lt;now&gt;"
        );
        let script = markdown_links("[x](javascript:alert(1))", true);
        assert!(!script.contains("<a"), "{script}");
        assert_eq!(
            markdown_links("[a](https://x) [b]", false),
            "[a](https://x) [b]"
        );
        assert_eq!(
            markdown_links("[ [a](http://x)", true)
                .matches("<a ")
                .count(),
            1
        );
    }
}
