//! Where a JSON path (`item[2].request.url`, the paths the loader's messages use) sits in the
//! text of a JSON file: a map of every value's byte span, built in one pass over text that is
//! already known to be valid JSON, then line and column (1-based, in characters) with the line's
//! text for the caret snippet. Inside a string value a position can be found by line and column
//! of the decoded text (a script's `exec` line, a `{{name}}` in a URL), escapes accounted for.

/// A value's span and, for containers, its children.
#[derive(Debug)]
struct Span {
    /// Byte offset of the value's first character.
    start: usize,
    /// What the value holds.
    kind: Kind,
}

/// A container's children, or nothing for a scalar.
#[derive(Debug)]
enum Kind {
    /// An object's members, in order.
    Object(Vec<(Box<str>, Span)>),
    /// An array's elements.
    Array(Vec<Span>),
    /// A string, number, boolean or null.
    Scalar,
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'p> {
    /// An object member.
    Key(&'p str),
    /// An array element.
    Index(usize),
}

/// Split a path such as `item[2].request.url` into steps (an empty path is the root).
pub fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(end) = rest.find(']') {
            match rest[1..end].parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => out.push(Step::Key(&rest[1..end])),
            }
            rest = &rest[end + 1..];
        }
    }
    out
}

/// A file's text with the spans of its values and where its lines start.
#[derive(Debug)]
pub struct JsonMap<'t> {
    text: &'t str,
    root: Option<Span>,
    line_starts: Vec<usize>,
}

/// A place in a file: 1-based line and column (characters) and that line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The line's text.
    pub line_text: Box<str>,
}

impl<'t> JsonMap<'t> {
    /// Map `text` (valid JSON; anything after a syntax error is left unmapped).
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut at = skip_ws(bytes, 0);
        let root = value(bytes, &mut at);
        let mut line_starts = vec![0];
        line_starts.extend(memchr_lines(bytes));
        JsonMap {
            text,
            root,
            line_starts,
        }
    }

    /// The place of the value at `path`; when the path goes further than the file (a value the
    /// loader made up, or a path of a converted document), the place of its deepest ancestor.
    pub fn place(&self, path: &str) -> Place {
        self.place_of(self.span(path).map_or(0, |s| s.start))
    }

    /// The place of line `line`, column `column` (1-based, characters) of the string at `path`
    /// as decoded; for an array of strings (an `exec` list), of its element `line - 1`.
    pub fn place_in_text(&self, path: &str, line: usize, column: usize) -> Place {
        let Some(span) = self.span(path) else {
            return self.place(path);
        };
        let (span, line, column) = match &span.kind {
            Kind::Array(lines) => match lines.get(line.saturating_sub(1)) {
                Some(element) => (element, 1, column),
                None => (span, 1, 1),
            },
            _ => (span, line, column),
        };
        self.place_of(offset_in_string(self.text, span.start, line, column))
    }

    /// The deepest span along `path`.
    fn span(&self, path: &str) -> Option<&Span> {
        let mut span = self.root.as_ref()?;
        for step in steps(path) {
            let next = match (&span.kind, step) {
                (Kind::Object(members), Step::Key(key)) => members
                    .iter()
                    .rev()
                    .find(|(k, _)| &**k == key)
                    .map(|(_, s)| s),
                (Kind::Array(items), Step::Index(i)) => items.get(i),
                _ => None,
            };
            match next {
                Some(next) => span = next,
                None => break,
            }
        }
        Some(span)
    }

    /// Line, column and line text of byte `offset`.
    fn place_of(&self, offset: usize) -> Place {
        let offset = offset.min(self.text.len());
        let index = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts[index];
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |e| start + e);
        let before = self.text.get(start..offset).unwrap_or("");
        Place {
            line: index + 1,
            column: before.chars().count() + 1,
            line_text: self.text[start..end].trim_end_matches('\r').into(),
        }
    }
}

/// Byte offsets just after each `\n`.
fn memchr_lines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
}

/// The byte offset in the raw text of line `line`, column `column` of the decoded string whose
/// opening quote is at `start` (the quote itself when the value is not a string).
fn offset_in_string(text: &str, start: usize, line: usize, column: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.get(start) != Some(&b'"') {
        return start;
    }
    let (mut at, mut cur_line, mut cur_col) = (start + 1, 1, 1);
    while at < bytes.len() && bytes[at] != b'"' {
        if cur_line == line && cur_col == column {
            return at;
        }
        let (decoded, width) = decoded_char(&text[at..]);
        if decoded == '\n' {
            cur_line += 1;
            cur_col = 1;
        } else {
            cur_col += 1;
        }
        at += width;
    }
    at
}

/// The character the raw string text at the start of `raw` decodes to, and its raw width.
fn decoded_char(raw: &str) -> (char, usize) {
    let mut chars = raw.chars();
    match chars.next() {
        Some('\\') => match chars.next() {
            Some('n') => ('\n', 2),
            Some('u') => {
                let high = raw.get(2..6).and_then(|h| u32::from_str_radix(h, 16).ok());
                let pair =
                    (0xD800..0xDC00).contains(&high.unwrap_or(0)) && raw.get(6..8) == Some("\\u");
                (' ', if pair { 12 } else { 6 })
            }
            Some(c) => (c, 1 + c.len_utf8()),
            None => (' ', 1),
        },
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// The value starting at `*at` (after whitespace); `*at` ends after it.
fn value(bytes: &[u8], at: &mut usize) -> Option<Span> {
    *at = skip_ws(bytes, *at);
    let start = *at;
    let kind = match bytes.get(start)? {
        b'{' => Kind::Object(members(bytes, at)?),
        b'[' => Kind::Array(elements(bytes, at)?),
        b'"' => {
            *at = string_end(bytes, start)?;
            Kind::Scalar
        }
        _ => {
            while *at < bytes.len() && !matches!(bytes[*at], b',' | b'}' | b']' | b' ' | b'\n') {
                *at += 1;
            }
            Kind::Scalar
        }
    };
    Some(Span { start, kind })
}

/// An object's members; `*at` is on its `{` and ends after its `}`.
fn members(bytes: &[u8], at: &mut usize) -> Option<Vec<(Box<str>, Span)>> {
    let mut out = Vec::new();
    *at = skip_ws(bytes, *at + 1);
    if bytes.get(*at) == Some(&b'}') {
        *at += 1;
        return Some(out);
    }
    loop {
        *at = skip_ws(bytes, *at);
        let key_start = *at;
        let key_end = string_end(bytes, key_start)?;
        let raw = std::str::from_utf8(&bytes[key_start..key_end]).ok()?;
        let key: Box<str> = if raw.contains('\\') {
            serde_json::from_str::<String>(raw).ok()?.into()
        } else {
            raw[1..raw.len() - 1].into()
        };
        *at = skip_ws(bytes, key_end) + 1; // the ':'
        out.push((key, value(bytes, at)?));
        *at = skip_ws(bytes, *at);
        match bytes.get(*at)? {
            b',' => *at += 1,
            _ => {
                *at += 1;
                return Some(out);
            }
        }
    }
}

/// An array's elements; `*at` is on its `[` and ends after its `]`.
fn elements(bytes: &[u8], at: &mut usize) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    *at = skip_ws(bytes, *at + 1);
    if bytes.get(*at) == Some(&b']') {
        *at += 1;
        return Some(out);
    }
    loop {
        out.push(value(bytes, at)?);
        *at = skip_ws(bytes, *at);
        match bytes.get(*at)? {
            b',' => *at += 1,
            _ => {
                *at += 1;
                return Some(out);
            }
        }
    }
}

/// The offset just after the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while let Some(b) = bytes.get(at) {
        match b {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"item\": [\n    {\"name\": \"a\", \"exec\": [\"x\", \"  y(\"]},\n    {\"url\": \"http://h/{{v}}\\n{{w}}\"}\n  ]\n}";

    #[test]
    fn steps_split_keys_and_indices() {
        assert_eq!(
            steps("item[2].request.url"),
            vec![
                Step::Key("item"),
                Step::Index(2),
                Step::Key("request"),
                Step::Key("url")
            ]
        );
        assert!(steps("").is_empty());
    }

    #[test]
    fn places_values_and_falls_back_to_the_deepest_ancestor() {
        let map = JsonMap::new(TEXT);
        let p = map.place("item[0].name");
        assert_eq!((p.line, p.column), (3, 14));
        let p = map.place("item[1].nothing.here");
        assert_eq!((p.line, p.column), (4, 5));
        let p = map.place("");
        assert_eq!((p.line, p.column), (1, 1));
    }

    #[test]
    fn places_inside_strings_and_exec_lists() {
        let map = JsonMap::new(TEXT);
        let p = map.place_in_text("item[0].exec", 2, 3);
        assert_eq!((p.line, p.column), (3, 36));
        assert_eq!(&p.line_text[p.column - 1..p.column], "y");
        let p = map.place_in_text("item[1].url", 2, 1);
        assert_eq!(&p.line_text[p.column - 1..p.column + 4], "{{w}}");
        let p = map.place_in_text("item[1].url", 1, 10);
        assert_eq!(&p.line_text[p.column - 1..p.column + 4], "{{v}}");
    }
}
