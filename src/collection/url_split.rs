//! Splitting URL text the way Postman's URL parser does (first `#`, first `?`, `\` as `/`, `://`,
//! first `/`, last `@`, last `:`), `{{variables}}` holding a separator kept whole. The HTTP layer
//! encodes the pieces for the wire; the v1 converter builds a URL object from them.

/// A URL split as Postman's parser splits it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlPieces {
    /// Text before `://`.
    pub protocol: Option<String>,
    /// User and password (after the first `:`) before the last `@`.
    pub auth: Option<(String, Option<String>)>,
    /// The host text (dots included).
    pub host: Option<String>,
    /// Text after the host's last `:`.
    pub port: Option<String>,
    /// Path segments after the first `/`.
    pub path: Option<Vec<String>>,
    /// Query parameters as written between `&`.
    pub query: Option<Vec<String>>,
    /// Text after the first `#`.
    pub hash: Option<String>,
}

/// First code point of the private-use plane standing in for a protected `{{variable}}`.
const MARK: u32 = 0xF0000;

/// Split `url` as Postman's parser does. A `{{variable}}` holding a separator (`.:/?#@&]`) is
/// kept whole.
pub fn parse(url: &str) -> UrlPieces {
    let url = url.trim_start();
    let (mut text, saved) = protect_variables(url);
    let restore = |s: &str| restore_variables(s, &saved);
    let mut pieces = UrlPieces::default();
    if let Some(i) = text.find('#') {
        pieces.hash = Some(restore(&text[i + 1..]));
        text.truncate(i);
    }
    if let Some(i) = text.find('?') {
        pieces.query = Some(text[i + 1..].split('&').map(restore).collect());
        text.truncate(i);
    }
    let mut text = text.replace('\\', "/");
    if let Some(i) = text.find("://") {
        let protocol = text[..i].to_string();
        let rest = text[i + 3..].trim_start_matches('/');
        let rest = if protocol.eq_ignore_ascii_case("file") && rest.len() < text[i + 3..].len() {
            format!("/{rest}")
        } else {
            rest.to_string()
        };
        pieces.protocol = Some(restore(&protocol));
        text = rest;
    }
    if let Some(i) = text.find('/') {
        pieces.path = Some(text[i + 1..].split('/').map(restore).collect());
        text.truncate(i);
    }
    if let Some(i) = text.rfind('@') {
        // Split before the variables come back: a `{{variable}}` holding a `:` stays whole.
        let auth = &text[..i];
        pieces.auth = Some(match auth.split_once(':') {
            Some((user, password)) => (restore(user), Some(restore(password))),
            None => (restore(auth), None),
        });
        text = text[i + 1..].to_string();
    }
    if let Some(i) = text.rfind(':')
        && !text[i + 1..].contains(']')
    {
        pieces.port = Some(restore(&text[i + 1..]));
        text.truncate(i);
    }
    if !text.is_empty() {
        pieces.host = Some(restore(&text));
    }
    pieces
}

/// `text` with each `{{...}}` that holds a separator replaced by one private-use character, and
/// the variables replaced, in order.
fn protect_variables(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut saved = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(len) = after
            .find(['{', '}'])
            .filter(|&e| after[e..].starts_with("}}"))
        else {
            out.push_str(&rest[..start + 1]);
            rest = &rest[start + 1..];
            continue;
        };
        let inner = &after[..len];
        if inner.contains(['.', ':', '/', '?', '#', '@', '&', ']']) {
            let mark = char::from_u32(MARK + saved.len() as u32).unwrap_or('\u{FFFD}');
            out.push_str(&rest[..start]);
            out.push(mark);
            saved.push(format!("{{{{{inner}}}}}"));
        } else {
            out.push_str(&rest[..start + 4 + len]);
        }
        rest = &after[len + 2..];
    }
    out.push_str(rest);
    (out, saved)
}

fn restore_variables(text: &str, saved: &[String]) -> String {
    if saved.is_empty() {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            (c as u32)
                .checked_sub(MARK)
                .and_then(|i| saved.get(i as usize))
                .map_or_else(|| c.to_string(), Clone::clone)
        })
        .collect()
}
