//! XML text helpers for the JUnit report: attribute escaping and CDATA sections that stay
//! well-formed whatever the text holds (`]]>`, control characters).

/// True for characters XML 1.0 allows in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// `text` escaped for a double-quoted attribute value as xmlbuilder (Newman's) escapes it: `&`,
/// `<` and `"` as entities, tabs and line breaks as character references so parsers do not
/// normalise them away. Characters XML cannot hold become `?`.
pub fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            '\t' => out.push_str("&#x9;"),
            c if allowed(c) => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

/// `text` as one or more CDATA sections: every `]]>` is split across two sections.
pub fn cdata(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if allowed(c) { c } else { '?' })
        .collect();
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_attr_escapes_markup_quotes_and_controls() {
        assert_eq!(
            attr("a<b> & \"c\" 'd'\n\t\u{1}"),
            "a&lt;b> &amp; &quot;c&quot; 'd'&#xA;&#x9;?"
        );
    }

    #[test]
    fn xml_cdata_splits_the_terminator() {
        assert_eq!(cdata("x]]>y"), "<![CDATA[x]]]]><![CDATA[>y]]>");
        assert_eq!(cdata("\u{0}"), "<![CDATA[?]]>");
    }
}
