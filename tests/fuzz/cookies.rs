//! The cookie jar: jar files (tough-cookie's JSON, `--cookie-jar`), `Set-Cookie` values as
//! servers send them, and cookies set from scripts. Properties: no panic; only a document that
//! is not an object with a `cookies` array is refused, naming the file; a jar exported and read
//! again holds the same cookies (jar file -> jar -> file -> jar, and Set-Cookie -> jar -> file
//! -> jar); the `Cookie` header only lists cookies the jar holds.

use std::path::Path;

use postie::http::cookie_file::{cookie_file_document, parse_cookie_file};
use postie::http::cookies::now_millis;
use postie::http::{CookieJar, NewCookie, StoredCookie};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use reqwest::Url;
use serde_json::{Value, json};

use super::config::check;
use super::strategies::{flag, json, number, object, one_of, or_junk, string, text};

fn fail(message: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(message.into())
}

const DOMAINS: &[&str] = &[
    "x.test",
    ".x.test",
    "sub.x.test",
    "X.TEST",
    "localhost",
    "127.0.0.1",
    "::1",
    "[::1]",
    "com",
    "",
    ".",
    "é.test",
    "xn--9ca.test",
    "a..b",
    "-x.test",
];
const PATHS: &[&str] = &["/", "/a", "/a/", "/a/b", "", "a", "//", "/é", "/%20"];
const DATES: &[&str] = &[
    "2999-01-01T00:00:00.000Z",
    "2001-01-01T00:00:00.000Z",
    "Infinity",
    "-Infinity",
    "9999-12-31T23:59:59.999Z",
    "1970-01-01T00:00:00.000Z",
    "Tue, 01 Jan 2999 00:00:00 GMT",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "2999-01-01",
    "not a date",
    "+010000-01-01T00:00:00.000Z",
];
const URLS: &[&str] = &[
    "http://x.test/",
    "http://x.test/a/b",
    "https://sub.x.test/a",
    "http://127.0.0.1:8080/",
    "http://[::1]/",
    "http://localhost/x",
    "https://X.TEST/A",
    "http://xn--9ca.test/",
];

/// A cookie as a jar file writes it.
fn jar_cookie() -> BoxedStrategy<Value> {
    let date = || or_junk(prop_oneof![3 => one_of(DATES), 1 => number()]);
    or_junk(object(vec![
        (
            "key",
            or_junk(prop_oneof![
                select(&["a", "b", "sid", ""][..]).prop_map(Value::from),
                string()
            ]),
        ),
        ("value", or_junk(string())),
        ("expires", date()),
        (
            "maxAge",
            or_junk(prop_oneof![
                number(),
                one_of(&["Infinity", "-Infinity", "5"])
            ]),
        ),
        ("domain", or_junk(one_of(DOMAINS))),
        ("path", or_junk(one_of(PATHS))),
        ("secure", flag()),
        ("httpOnly", flag()),
        ("extensions", json(1)),
        ("hostOnly", flag()),
        ("pathIsDefault", flag()),
        ("creation", date()),
        ("lastAccessed", date()),
        (
            "sameSite",
            one_of(&["strict", "lax", "none", "Lax", "weird"]),
        ),
    ]))
}

/// A jar file document.
fn jar_file() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => object(vec![
            ("version", one_of(&["tough-cookie@4.1.3-postman.1"])),
            ("storeType", string()),
            ("rejectPublicSuffixes", flag()),
            ("cookies", or_junk(vec(jar_cookie(), 0..6).prop_map(Value::Array))),
        ]),
        1 => json(3),
    ]
    .boxed()
}

/// A `Set-Cookie` value: `name=value` and attributes, with the odd stray piece.
fn set_cookie() -> BoxedStrategy<String> {
    let attribute = prop_oneof![
        (select(DOMAINS)).prop_map(|d| format!("Domain={d}")),
        (select(PATHS)).prop_map(|p| format!("Path={p}")),
        (select(DATES)).prop_map(|d| format!("Expires={d}")),
        select(
            &[
                "Max-Age=0",
                "Max-Age=-1",
                "Max-Age=60",
                "Max-Age=9223372036854775807",
                "Max-Age=-9223372036854775808",
                "Max-Age=99999999999999999999",
                "Max-Age=x",
                "Max-Age=",
                "Secure",
                "HttpOnly",
                "SameSite=Lax",
                "SameSite=None",
                "SameSite=x",
                "Partitioned",
                "",
                "=",
                ";",
                "Domain",
                "Path",
                "Expires",
            ][..]
        )
        .prop_map(str::to_string),
        text(),
    ];
    let pair = prop_oneof![
        4 => (select(&["a", "b", "sid", "", " a ", "__Host-x", "__Secure-y"][..]), text())
            .prop_map(|(n, v)| format!("{n}={v}")),
        1 => text(),
    ];
    (pair, vec(attribute, 0..5))
        .prop_map(|(pair, attrs)| {
            let mut line = pair;
            for a in attrs {
                line.push_str("; ");
                line.push_str(&a);
            }
            line
        })
        .boxed()
}

fn url(u: &str) -> Url {
    Url::parse(u).unwrap_or_else(|e| panic!("{u}: {e}"))
}

/// `cookies` written to a jar file document and read into a jar again.
fn through_file(
    settings: Option<&serde_json::Map<String, Value>>,
    cookies: &[StoredCookie],
    now: i64,
) -> Result<(Vec<StoredCookie>, Vec<String>), TestCaseError> {
    let doc = cookie_file_document(settings, cookies);
    let file = parse_cookie_file(&doc, Path::new("jar.json"), now)
        .map_err(|d| fail(format!("reading the exported jar: {d}")))?;
    prop_assert!(
        file.warnings.is_empty(),
        "exported cookies skipped: {:?}\n{}",
        file.warnings,
        doc
    );
    let (jar, file) = file.into_jar();
    prop_assert!(
        file.warnings.is_empty(),
        "exported cookies refused: {:?}\n{}",
        file.warnings,
        doc
    );
    Ok((jar.stored(), file.warnings))
}

/// One cookie in a `Cookie` header: `name=value`, or the value alone for a cookie without a
/// name (tough-cookie's `cookieString`, which Newman sends).
fn pair(name: &str, value: &str) -> String {
    if name.is_empty() {
        value.to_string()
    } else {
        format!("{name}={value}")
    }
}

/// Every `Cookie` header for `urls` only lists cookies of `jar`.
fn check_headers(jar: &CookieJar) -> Result<(), TestCaseError> {
    let names: Vec<String> = jar
        .stored()
        .into_iter()
        .map(|c| pair(&c.name, &c.value))
        .collect();
    for u in URLS {
        let u = url(u);
        let sent = jar.cookies_for(&u);
        if let Some(header) = jar.header_for(&u) {
            prop_assert_eq!(
                header,
                sent.iter()
                    .map(|c| pair(&c.name, &c.value))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        for cookie in sent {
            let text = pair(&cookie.name, &cookie.value);
            prop_assert!(names.contains(&text), "{} sent but not stored", text);
        }
    }
    Ok(())
}

/// Jar files: parsed, loaded into a jar, exported and read again.
#[test]
fn fuzz_cookie_jar_files() {
    check("cookie jar files", jar_file(), |doc| {
        let now = now_millis();
        let path = Path::new("jar.json");
        let file = match parse_cookie_file(&doc, path, now) {
            Ok(file) => file,
            Err(d) => {
                prop_assert_eq!(d.file.as_deref(), Some(path));
                prop_assert!(!doc.get("cookies").is_some_and(Value::is_array), "{}", d);
                return Ok(());
            }
        };
        prop_assert!(doc.get("cookies").is_some_and(Value::is_array));
        let (jar, file) = file.into_jar();
        let stored = jar.stored();
        let (again, _) = through_file(Some(&file.settings), &stored, now)?;
        prop_assert_eq!(&again, &stored);
        check_headers(&jar)
    });
}

/// `Set-Cookie` values from responses, and cookies set from scripts.
#[test]
fn fuzz_cookie_set_cookie() {
    let set = (
        select(&["a", "b", "", "sid"][..]),
        text(),
        proptest::option::of(select(DOMAINS)),
        proptest::option::of(select(PATHS)),
        proptest::option::of(select(DATES)),
        proptest::option::of(any::<i64>()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(name, value, domain, path, expires, max_age, http_only, secure)| NewCookie {
                name: name.to_string(),
                value,
                domain: domain.map(str::to_string),
                path: path.map(str::to_string),
                expires: expires.map(str::to_string),
                max_age,
                http_only,
                secure,
            },
        );
    let responses = vec((select(URLS), vec(set_cookie(), 0..5)), 0..4);
    let script = vec((select(URLS), set), 0..3);
    check("Set-Cookie", (responses, script), |(responses, script)| {
        let jar = CookieJar::new();
        for (u, values) in &responses {
            jar.store_set_cookie(values.iter().map(String::as_str), &url(u));
        }
        for (u, cookie) in &script {
            if let Ok(info) = jar.set(&url(u), cookie) {
                prop_assert_eq!(&info.name, &cookie.name);
            }
        }
        check_headers(&jar)?;
        let stored = jar.stored();
        let settings = json!({"version": "x"});
        let (again, _) = through_file(settings.as_object(), &stored, now_millis())?;
        // The jar's clock and the creation time are read apart: an expiry from `Max-Age` may
        // come back a little later (by the time between the two readings).
        let near = |mut c: StoredCookie, expiry: Option<i64>| {
            if let (Some(a), Some(b)) = (c.expiry, expiry)
                && (a - b).abs() <= 5_000
            {
                c.expiry = expiry;
            }
            c
        };
        let again: Vec<StoredCookie> = again
            .into_iter()
            .zip(&stored)
            .map(|(c, s)| near(c, s.expiry))
            .collect();
        prop_assert_eq!(again, stored);
        Ok(())
    });
}
