//! Cookie jar files: the JSON that tough-cookie's `CookieJar.toJSON()` produces and
//! `CookieJar.fromJSON()` reads, which is what Newman's `--cookie-jar` reads and
//! `--export-cookie-jar` writes.
//!
//! The document is an object with jar settings (`version`, `storeType`, `rejectPublicSuffixes`,
//! …) and a `cookies` array in creation order. Each cookie lists `key`, `value`, `domain` (no
//! leading dot), `path`, `hostOnly`, `creation` and, when they differ from tough-cookie's
//! defaults, `expires` (ISO 8601; absent or `"Infinity"` for none), `maxAge` (seconds, relative to
//! `creation`, taking precedence over `expires`), `secure`, `httpOnly`, `lastAccessed` and
//! `sameSite`. Fields postie does not use (`extensions`, `pathIsDefault`, unknown ones) and the
//! jar settings of a loaded file are written back unchanged.
//!
//! A file that is not JSON, not an object, or has no `cookies` array is an error (as in Newman);
//! a malformed cookie is skipped with a warning. Expired cookies are neither loaded nor written.
//! This module only converts; [`crate::export`] writes the file.

use super::cookies::{CookieJar, LAST_MILLIS, StoredCookie, now_millis};
use crate::diagnostic::Diagnostic;
use ::cookie::time::OffsetDateTime;
use ::cookie::time::format_description::well_known::{Rfc2822, Rfc3339};
use serde_json::{Map, Value, json};
use std::path::Path;

/// The cookie properties in tough-cookie's serialization order.
const PROPERTIES: [&str; 14] = [
    "key",
    "value",
    "expires",
    "maxAge",
    "domain",
    "path",
    "secure",
    "httpOnly",
    "extensions",
    "hostOnly",
    "pathIsDefault",
    "creation",
    "lastAccessed",
    "sameSite",
];

/// A loaded jar file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CookieFile {
    /// The document's fields other than `cookies`, in file order (kept for the export).
    pub settings: Map<String, Value>,
    /// The usable, unexpired cookies, in file order.
    pub cookies: Vec<StoredCookie>,
    /// One message per skipped cookie.
    pub warnings: Vec<String>,
}

impl CookieFile {
    /// A jar holding this file's cookies (invalid ones are added to `warnings`).
    pub fn into_jar(mut self) -> (CookieJar, Self) {
        let jar = CookieJar::new();
        for (i, cookie) in self.cookies.iter().enumerate() {
            if let Err(e) = jar.restore(cookie) {
                self.warnings.push(format!(
                    "cookie {} (\"{}\") skipped: {e}",
                    i + 1,
                    cookie.name
                ));
            }
        }
        (jar, self)
    }
}

/// Read the jar file at `path`.
pub fn read_cookie_file(path: &Path) -> Result<CookieFile, Diagnostic> {
    let doc = crate::collection::read_json(path, "cookie jar")?;
    parse_cookie_file(&doc, path, now_millis())
}

/// Parse a jar document loaded from `path`; `now` (ms since the epoch) decides what has
/// expired and stands in for a missing `creation`.
pub fn parse_cookie_file(doc: &Value, path: &Path, now: i64) -> Result<CookieFile, Diagnostic> {
    let hint = "pass a file written by `--export-cookie-jar` (Newman's or postie's)";
    let Value::Object(map) = doc else {
        return Err(
            Diagnostic::in_file(path, "is not a cookie jar: expected a JSON object")
                .with_hint(hint),
        );
    };
    let Some(Value::Array(entries)) = map.get("cookies") else {
        return Err(
            Diagnostic::in_file(path, "is not a cookie jar: it has no \"cookies\" array")
                .with_hint(hint),
        );
    };
    let mut file = CookieFile {
        settings: map
            .iter()
            .filter(|(k, _)| k.as_str() != "cookies")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        ..CookieFile::default()
    };
    for (i, entry) in entries.iter().enumerate() {
        match parse_cookie(entry, now) {
            Ok(Some(cookie)) => file.cookies.push(cookie),
            Ok(None) => {}
            Err(reason) => file
                .warnings
                .push(format!("cookie {} skipped: {reason}", i + 1)),
        }
    }
    Ok(file)
}

/// One serialized cookie; `Ok(None)` when it has expired.
fn parse_cookie(entry: &Value, now: i64) -> Result<Option<StoredCookie>, String> {
    let Value::Object(obj) = entry else {
        return Err("not a JSON object".into());
    };
    let text = |name: &str| text_field(obj, name);
    let flag = |name: &str| flag_field(obj, name);
    let date = |name: &str| date_field(obj, name);
    let name = text("key")?.ok_or("it has no \"key\"")?.to_string();
    let value = text("value")?.unwrap_or_default().to_string();
    let domain = text("domain")?
        .map(|d| d.trim_start_matches('.').to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .ok_or("it has no \"domain\"")?;
    let path = match text("path")? {
        Some(p) if p.starts_with('/') => p.to_string(),
        Some(p) => return Err(format!("\"path\" does not start with \"/\": \"{p}\"")),
        None => "/".to_string(),
    };
    let expires = date("expires")?;
    let creation = date("creation")?.unwrap_or(now);
    let last_accessed = date("lastAccessed")?;
    let mut extra = Map::new();
    // `maxAge` in seconds; tough-cookie also writes "Infinity" and "-Infinity".
    let max_age = match obj.get("maxAge") {
        None | Some(Value::Null) => None,
        // An integer as written (through a double it would lose digits past 2^53).
        Some(Value::Number(n)) => Some(
            n.as_i64()
                .or_else(|| n.as_f64().map(|s| s.floor() as i64))
                .ok_or("\"maxAge\" is not a number")?,
        ),
        Some(v @ Value::String(s)) if s == "Infinity" => {
            extra.insert("maxAge".into(), v.clone());
            None
        }
        Some(Value::String(s)) if s == "-Infinity" => return Ok(None),
        Some(_) => return Err("\"maxAge\" is not a number".into()),
    };
    let expiry = match max_age {
        Some(seconds) if seconds <= 0 => return Ok(None),
        Some(seconds) => Some(creation.saturating_add(seconds.saturating_mul(1000))),
        None if extra.contains_key("maxAge") => None,
        None => expires,
    };
    if expiry.is_some_and(|at| at <= now) {
        return Ok(None);
    }
    let same_site = same_site(text("sameSite")?, &mut extra);
    for (key, v) in obj {
        if !PROPERTIES.contains(&key.as_str())
            || matches!(key.as_str(), "extensions" | "pathIsDefault")
        {
            extra.insert(key.clone(), v.clone());
        }
    }
    Ok(Some(StoredCookie {
        name,
        value,
        host_only: flag("hostOnly")?,
        domain,
        path,
        expires,
        max_age,
        expiry,
        secure: flag("secure")?,
        http_only: flag("httpOnly")?,
        same_site,
        creation,
        last_accessed,
        extra,
    }))
}

/// A string property (`None` when absent or null); an error when it is not a string.
fn text_field<'a>(obj: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(format!("\"{name}\" is not a string")),
    }
}

/// A boolean property (`false` when absent or null); an error when it is not a boolean.
fn flag_field(obj: &Map<String, Value>, name: &str) -> Result<bool, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(format!("\"{name}\" is not true or false")),
    }
}

/// A date property in milliseconds since the epoch (`None` when absent, null or "Infinity"),
/// written as a date string or a number; an error for anything else.
fn date_field(obj: &Map<String, Value>, name: &str) -> Result<Option<i64>, String> {
    // Only dates the export writes back as they were: four-digit years, none before 1970.
    let writable = |ms: i64| (0..=LAST_MILLIS).contains(&ms);
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s == "Infinity" => Ok(None),
        Some(Value::String(s)) => parse_date(s)
            .filter(|&ms| writable(ms))
            .map(Some)
            .ok_or_else(|| format!("\"{name}\" is not a date from 1970 to 9999: \"{s}\"")),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(|ms| ms as i64)
            .filter(|&ms| writable(ms))
            .map(Some)
            .ok_or_else(|| format!("\"{name}\" is not a date from 1970 to 9999")),
        Some(_) => Err(format!("\"{name}\" is not a date")),
    }
}

/// `sameSite` lower-cased when it is `strict`, `lax` or `none`; any other value is kept in
/// `extra` as written and the cookie has none.
fn same_site(value: Option<&str>, extra: &mut Map<String, Value>) -> Option<String> {
    match value {
        Some(s) if ["strict", "lax", "none"].contains(&s.to_ascii_lowercase().as_str()) => {
            Some(s.to_ascii_lowercase())
        }
        Some(s) => {
            extra.insert("sameSite".into(), json!(s));
            None
        }
        None => None,
    }
}

/// Milliseconds since the epoch for an ISO 8601 date (`Date.toISOString()`) or an HTTP date.
fn parse_date(text: &str) -> Option<i64> {
    let at = OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Rfc2822))
        .ok()?;
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).ok()
}

/// `Date.toISOString()` for `millis` since the epoch.
fn iso(millis: i64) -> String {
    crate::vars::dynamic::iso_timestamp(u128::try_from(millis).unwrap_or(0))
}

/// The jar document for `cookies`: the loaded file's settings when there was one, otherwise
/// those of the jar Newman runs with.
pub fn cookie_file_document(
    settings: Option<&Map<String, Value>>,
    cookies: &[StoredCookie],
) -> Value {
    let mut doc = match settings {
        Some(settings) => settings.clone(),
        None => match json!({
            "version": "tough-cookie@4.1.3-postman.1",
            "storeType": "MemoryCookieStore",
            "rejectPublicSuffixes": true,
            "enableLooseMode": true,
            "allowSpecialUseDomain": true,
            "prefixSecurity": "silent",
        }) {
            Value::Object(map) => map,
            _ => Map::new(),
        },
    };
    doc.insert(
        "cookies".into(),
        Value::Array(cookies.iter().map(cookie_json).collect()),
    );
    Value::Object(doc)
}

/// One cookie as tough-cookie's `Cookie.toJSON()` writes it: defaults left out.
fn cookie_json(cookie: &StoredCookie) -> Value {
    let mut out = Map::new();
    for property in PROPERTIES {
        let known = match property {
            "key" => Some(json!(cookie.name)),
            "value" => Some(json!(cookie.value)),
            "expires" => match (cookie.expires, cookie.max_age, cookie.expiry) {
                (Some(at), _, _) => Some(json!(iso(at))),
                // An expiry without either attribute cannot come from a Set-Cookie; keep it.
                (None, None, Some(at)) if !cookie.extra.contains_key("maxAge") => {
                    Some(json!(iso(at)))
                }
                _ => None,
            },
            "maxAge" => cookie.max_age.map(|s| json!(s)),
            "domain" => Some(json!(cookie.domain)),
            "path" => Some(json!(cookie.path)),
            "secure" => cookie.secure.then(|| json!(true)),
            "httpOnly" => cookie.http_only.then(|| json!(true)),
            "hostOnly" => Some(json!(cookie.host_only)),
            "creation" => Some(json!(iso(cookie.creation))),
            "lastAccessed" => cookie.last_accessed.map(|at| json!(iso(at))),
            "sameSite" => cookie.same_site.as_ref().map(|s| json!(s)),
            _ => None,
        };
        if let Some(value) = known.or_else(|| cookie.extra.get(property).cloned()) {
            out.insert(property.to_string(), value);
        }
    }
    for (key, value) in &cookie.extra {
        if !out.contains_key(key) {
            out.insert(key.clone(), value.clone());
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::Url;

    const NOW: i64 = 1_700_000_000_000; // 2023-11-14T22:13:20.000Z
    const FUTURE: &str = "2999-01-01T00:00:00.000Z";

    fn parse(doc: &Value) -> CookieFile {
        parse_cookie_file(doc, Path::new("jar.json"), NOW).unwrap_or_else(|e| panic!("{e}"))
    }

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn newman_jar() -> Value {
        json!({
            "version": "tough-cookie@4.1.3-postman.1",
            "storeType": "MemoryCookieStore",
            "allowSpecialUseDomain": true,
            "rejectPublicSuffixes": true,
            "enableLooseMode": false,
            "prefixSecurity": "silent",
            "cookies": [
                {"key": "host", "value": "1", "domain": "example.com", "path": "/",
                 "hostOnly": true, "creation": "2020-06-09T16:57:46.999Z",
                 "lastAccessed": "2020-06-09T16:57:48.385Z"},
                {"key": "dom", "value": "2", "expires": FUTURE, "domain": "example.com",
                 "path": "/api", "secure": true, "httpOnly": true, "extensions": ["x=y"],
                 "hostOnly": false, "pathIsDefault": true,
                 "creation": "2020-06-09T16:57:47.000Z", "sameSite": "lax"},
                {"key": "aged", "value": "3", "maxAge": 3600, "domain": "example.com",
                 "path": "/", "hostOnly": true, "creation": "2990-01-01T00:00:00.000Z",
                 "x-unknown": {"kept": true}}
            ]
        })
    }

    #[test]
    fn cookie_file_parses_tough_cookie_fields() {
        let file = parse(&newman_jar());
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        assert_eq!(file.settings.get("prefixSecurity"), Some(&json!("silent")));
        let [host, dom, aged] = file.cookies.as_slice() else {
            panic!("three cookies expected: {:?}", file.cookies);
        };
        assert_eq!(
            (host.name.as_str(), host.host_only, host.expiry, host.secure),
            ("host", true, None, false)
        );
        assert_eq!(host.creation, 1_591_721_866_999);
        assert_eq!(host.last_accessed, Some(1_591_721_868_385));
        assert!(!dom.host_only && dom.secure && dom.http_only);
        assert_eq!(dom.same_site.as_deref(), Some("lax"));
        assert_eq!(dom.expiry, parse_date(FUTURE));
        assert_eq!(dom.extra.get("pathIsDefault"), Some(&json!(true)));
        // maxAge counts from creation, not from now.
        let created = parse_date("2990-01-01T00:00:00.000Z").unwrap_or_default();
        assert_eq!(aged.expiry, Some(created + 3_600_000));
        assert_eq!(aged.extra.get("x-unknown"), Some(&json!({"kept": true})));
    }

    #[test]
    fn cookie_file_round_trips_unchanged() {
        let doc = newman_jar();
        let (jar, file) = parse(&doc).into_jar();
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        assert_eq!(
            cookie_file_document(Some(&file.settings), &jar.stored()),
            doc
        );
    }

    /// Found by the fuzz tests (issue 12): a date past year 9999 (given as a number) was loaded,
    /// then exported as `10000-01-01T…`, which no jar reader takes back: the cookie was lost on
    /// the next `--cookie-jar`. It is now refused when loaded, with a warning.
    #[test]
    fn cookie_file_dates_past_year_9999_are_refused_issue_12() {
        let file = parse(&json!({"cookies": [
            {"key": "far", "value": "1", "domain": "h.test", "creation": 253_402_300_800_000_i64},
            {"key": "neg", "value": "1", "domain": "h.test", "lastAccessed": -1},
            {"key": "ok", "value": "1", "domain": "h.test", "creation": 253_402_300_799_999_i64}
        ]}));
        let names: Vec<&str> = file.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["ok"]);
        assert_eq!(
            file.warnings,
            [
                "cookie 1 skipped: \"creation\" is not a date from 1970 to 9999",
                "cookie 2 skipped: \"lastAccessed\" is not a date from 1970 to 9999"
            ]
        );
        let out = cookie_file_document(None, &file.cookies);
        assert_eq!(out["cookies"][0]["creation"], "9999-12-31T23:59:59.999Z");
    }

    /// Found by the fuzz tests (issue 12): a `maxAge` past 2^53 seconds was read through a
    /// double and came back changed.
    #[test]
    fn cookie_file_max_age_is_read_exactly_issue_12() {
        let file = parse(&json!({"cookies": [
            {"key": "k", "value": "1", "domain": "h.test", "maxAge": 36_020_730_879_718_737_i64},
            {"key": "f", "value": "1", "domain": "h.test", "maxAge": 1.5}
        ]}));
        assert_eq!(file.cookies[0].max_age, Some(36_020_730_879_718_737));
        assert_eq!(file.cookies[1].max_age, Some(1));
    }

    /// Found by the fuzz tests (issue 12): a cookie with a huge `Max-Age` expires at the end of
    /// year 9999 in the jar; exported (`maxAge` in seconds from its creation) and read back, its
    /// expiry lay past that and the cookie was refused.
    #[test]
    fn cookie_file_huge_max_age_survives_a_round_trip_issue_12() {
        let jar = CookieJar::new();
        let u = url("http://h.test/");
        jar.store_set_cookie(["k=v; Max-Age=9223372036854775807"], &u);
        let stored = jar.stored();
        assert_eq!(stored.len(), 1);
        let doc = cookie_file_document(None, &stored);
        let (again, file) = parse(&doc).into_jar();
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        assert_eq!(again.header_for(&u).as_deref(), Some("k=v"));
    }

    #[test]
    fn cookie_file_infinity_and_expired_cookies() {
        let file = parse(&json!({"cookies": [
            {"key": "forever", "value": "1", "domain": "h.test", "path": "/",
             "expires": "Infinity", "hostOnly": true},
            {"key": "forever2", "value": "1", "domain": "h.test", "maxAge": "Infinity"},
            {"key": "old", "value": "1", "domain": "h.test", "expires": "2001-01-01T00:00:00.000Z"},
            {"key": "gone", "value": "1", "domain": "h.test", "maxAge": 0},
            {"key": "gone2", "value": "1", "domain": "h.test", "maxAge": "-Infinity"}
        ]}));
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        let names: Vec<&str> = file.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["forever", "forever2"]);
        assert!(file.cookies.iter().all(|c| c.expiry.is_none()));
        // A missing creation is "now"; "Infinity" is tough-cookie's default and left out.
        assert_eq!(file.cookies[0].creation, NOW);
        let out = cookie_file_document(None, &file.cookies);
        assert_eq!(
            out["cookies"][0],
            json!({"key": "forever", "value": "1", "domain": "h.test", "path": "/",
                   "hostOnly": true, "creation": "2023-11-14T22:13:20.000Z"})
        );
        assert_eq!(out["cookies"][1]["maxAge"], "Infinity");
        assert_eq!(out["version"], "tough-cookie@4.1.3-postman.1");
    }

    #[test]
    fn cookie_file_host_only_and_domain_cookies_match_as_written() {
        let (jar, file) = parse(&json!({"cookies": [
            {"key": "h", "value": "1", "domain": "example.com", "path": "/", "hostOnly": true},
            {"key": "d", "value": "2", "domain": ".example.com", "path": "/", "hostOnly": false},
            {"key": "s", "value": "3", "domain": "example.com", "path": "/", "secure": true,
             "hostOnly": true},
            {"key": "p", "value": "4", "domain": "example.com", "path": "/deep", "hostOnly": true}
        ]}))
        .into_jar();
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        assert_eq!(
            jar.header_for(&url("http://example.com/")).as_deref(),
            Some("h=1; d=2")
        );
        assert_eq!(
            jar.header_for(&url("https://example.com/deep/x"))
                .as_deref(),
            Some("p=4; h=1; d=2; s=3")
        );
        assert_eq!(
            jar.header_for(&url("http://www.example.com/")).as_deref(),
            Some("d=2")
        );
        let stored = jar.stored();
        assert_eq!(stored[1].domain, "example.com");
        assert!(!stored[1].host_only);
    }

    #[test]
    fn cookie_file_skips_malformed_cookies_with_a_warning() {
        let file = parse(&json!({"cookies": [
            "a=1",
            {"value": "no key", "domain": "h.test"},
            {"key": "k", "value": "no domain"},
            {"key": "k", "value": "1", "domain": "h.test", "secure": "yes"},
            {"key": "k", "value": "1", "domain": "h.test", "expires": "someday"},
            {"key": "k", "value": 5, "domain": "h.test"},
            {"key": "k", "value": "1", "domain": "h.test", "path": "relative"},
            {"key": "ok", "value": "1", "domain": "h.test"}
        ]}));
        assert_eq!(file.cookies.len(), 1);
        assert_eq!(file.warnings.len(), 7, "{:?}", file.warnings);
        assert!(file.warnings[0].starts_with("cookie 1 skipped: not a JSON object"));
        assert!(file.warnings[4].contains("\"expires\" is not a date"));
    }

    #[test]
    fn cookie_file_whole_file_errors_name_the_file() {
        let path = Path::new("jar.json");
        for doc in [json!([]), json!({"version": "x"}), json!({"cookies": {}})] {
            let err = parse_cookie_file(&doc, path, NOW).err();
            let err = err.unwrap_or_else(|| panic!("{doc} accepted"));
            assert_eq!(err.file.as_deref(), Some(path));
            assert!(
                err.message.starts_with("is not a cookie jar"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn cookie_file_exports_set_cookie_attributes_like_tough_cookie() {
        let jar = CookieJar::new();
        let u = url("https://h.test/a/b");
        jar.store_set_cookie(
            [
                "plain=1",
                "full=2; Domain=h.test; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=60",
            ],
            &u,
        );
        let out = cookie_file_document(None, &jar.stored());
        let cookies = out["cookies"].as_array().cloned().unwrap_or_default();
        assert_eq!(cookies.len(), 2);
        assert_eq!(cookies[0]["key"], "plain");
        assert_eq!(cookies[0]["path"], "/a");
        assert_eq!(cookies[0]["hostOnly"], true);
        assert!(cookies[0].get("expires").is_none() && cookies[0].get("secure").is_none());
        let keys: Vec<&str> = cookies[1]
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [
                "key",
                "value",
                "maxAge",
                "domain",
                "path",
                "secure",
                "httpOnly",
                "hostOnly",
                "creation",
                "lastAccessed",
                "sameSite"
            ]
        );
        assert_eq!(cookies[1]["maxAge"], 60);
        assert_eq!(cookies[1]["sameSite"], "strict");
        // Read back, it is the same cookie.
        let (again, _) = parse_cookie_file(&out, Path::new("x.json"), now_millis())
            .unwrap_or_else(|e| panic!("{e}"))
            .into_jar();
        assert_eq!(
            again.header_for(&url("https://sub.h.test/")).as_deref(),
            Some("full=2")
        );
    }
}
