//! URLs: a collection's URL object rendered to text and split again as Postman's parser splits
//! it (the parts come back), and any text through every function that reads raw URL text
//! (`href`, `report_object`, `port_error`, the raw sender's targets and redirect joins).
//! Properties: no panic; the parts round-trip; `href` is stable (sending what it made gives it
//! back).

use postie::collection::{KeyValue, UrlParts, UrlSpec};
use postie::http::raw::target::{encoded_target, join, needs_raw, raw_target};
use postie::http::url_encode::{
    UrlPieces, href, parse, percent_decode_bytes, port_error, report_object,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::config::check;
use super::strategies::{SPECIAL, text};

/// URL-ish text: pieces that matter to URL parsers, glued.
fn url_text() -> BoxedStrategy<String> {
    const BITS: &[&str] = &[
        "http://",
        "https://",
        "HTTP://",
        "file://",
        "ftp://",
        "x.test",
        "X.test",
        "127.0.0.1",
        "0x7f.1",
        "2130706433",
        "[::1]",
        "[::1",
        "::1]",
        "xn--",
        "é",
        "ß",
        "😀",
        ":",
        ":80",
        ":65536",
        ":-1",
        ":abc",
        "/",
        "//",
        "\\",
        "?",
        "#",
        "&",
        "=",
        "@",
        "user",
        "pw",
        "%",
        "%2",
        "%20",
        "%zz",
        "%C3%A9",
        " ",
        "\t",
        "\n",
        "{{v}}",
        "{{a.b}}",
        "{{x/y}}",
        "{{",
        "}}",
        ":id",
        ".",
        "..",
        "a",
        "b",
        "\u{f0000}",
        "\u{0}",
        "\"",
        "<",
        ">",
        "`",
        "'",
        "|",
        "^",
    ];
    prop_oneof![
        5 => vec(select(BITS), 0..12).prop_map(|b| b.concat()),
        1 => text(),
        1 => vec(select(SPECIAL), 0..6).prop_map(|b| b.concat()),
    ]
    .boxed()
}

/// Any URL text through every reader of raw URLs.
#[test]
fn fuzz_url_text_readers() {
    check(
        "URL text readers",
        (url_text(), url_text(), any::<bool>()),
        |(url, other, raw)| {
            let sent = href(&url, raw);
            let _ = report_object(&sent);
            let _ = port_error(&url);
            let _ = percent_decode_bytes(&url);
            let _ = (raw_target(&url), encoded_target(&url), needs_raw(&url));
            let _ = join(&url, &other);
            if let Some(joined) = join(&sent, &other) {
                let _ = raw_target(&joined);
            }
            if parse(&url).host.is_some_and(|h| !h.trim().is_empty()) && !raw {
                // What href makes of a URL with a host is what it makes again of the result.
                prop_assert_eq!(href(&sent, false), sent.clone(), "href of {:?}", url);
            }
            Ok(())
        },
    );
}

/// Text without any of `forbidden`, and without `{{`/`}}` (a variable is one piece then).
fn piece(forbidden: &'static str) -> BoxedStrategy<String> {
    const BITS: &[&str] = &[
        "a",
        "B",
        "0",
        "-",
        "_",
        "~",
        "%20",
        "é",
        "😀",
        "{{v}}",
        "{{a.b}}",
        "{{x/y:z?#@&]}}",
        "!",
        "$",
        "'",
        "(",
        "*",
        "+",
        ";",
        "=",
        ",",
        "[",
        "]",
        ":",
        "@",
        ".",
        "&",
        "?",
        "#",
        "/",
    ];
    vec(select(BITS), 0..4)
        .prop_map(move |bits| {
            bits.into_iter()
                .filter(|b| b.starts_with("{{") || !b.contains(|c| forbidden.contains(c)))
                .collect::<String>()
        })
        .boxed()
}

/// A URL object rendered (`to_template`) and parsed back gives its parts.
#[test]
fn fuzz_url_parts_round_trip() {
    // A host that renders to nothing is no host when parsed back.
    let host = vec(piece(".:/?#@[]\\"), 1..4).prop_map(|mut h| {
        if h.concat().is_empty() {
            h.push("h".to_string());
        }
        h
    });
    let parts = (
        proptest::option::of(select(&["http", "https", "ftp", "x-y"][..])),
        proptest::option::of((piece(":/?#@\\"), proptest::option::of(piece("/?#@\\")))),
        host,
        proptest::option::of("[0-9]{1,5}"),
        proptest::option::of(vec(piece("/?#\\"), 1..4)),
        vec((piece("=&#"), proptest::option::of(piece("&#"))), 0..4),
        proptest::option::of(piece("")),
    );
    check(
        "URL parts round trip",
        parts,
        |(protocol, auth, host, port, path, query, hash)| {
            let spec = UrlSpec {
                raw: String::new(),
                parts: Some(Box::new(UrlParts {
                    protocol: protocol.map(str::to_string),
                    auth: auth.clone().map(|(u, p)| (Some(u), p)),
                    host: Some(host.clone()),
                    port: port.clone(),
                    path: path.clone(),
                    query: query
                        .iter()
                        .map(|(k, v)| KeyValue {
                            key: k.clone(),
                            value: v.clone().unwrap_or_default(),
                            disabled: false,
                            no_value: v.is_none(),
                        })
                        .collect(),
                    hash: hash.clone(),
                    variables: Vec::new(),
                })),
            };
            let text = spec.to_template();
            if protocol.is_none() && text.contains("://") {
                // Without a protocol, a later `://` (`h/:` + `//`) reads as one, in Postman too.
                return Ok(());
            }
            let pieces = parse(&text);
            let query_text: Vec<String> = query
                .iter()
                .map(|(k, v)| match v {
                    Some(v) => format!("{k}={v}"),
                    None => k.clone(),
                })
                .collect();
            let expected = UrlPieces {
                protocol: protocol.map(str::to_string),
                auth,
                host: Some(host.join(".")),
                port,
                path,
                query: (!query.is_empty()).then_some(query_text),
                hash,
            };
            prop_assert_eq!(pieces, expected, "{:?}", text);
            Ok(())
        },
    );
}
