//! The run's one cookie jar, shared by the HTTP client (it stores `Set-Cookie` and sends `Cookie`)
//! and the script sandbox (`pm.cookies`, `pm.cookies.jar()`).
//!
//! Storage and RFC 6265 matching come from `cookie_store`; this wrapper adds what it lacks: the
//! creation order of each cookie, so the `Cookie` header lists cookies with longer paths first
//! and, among equal paths, older cookies first (RFC 6265 §5.4, as tough-cookie does in Newman),
//! and plain-data views for scripts. It also keeps what a tough-cookie jar file records about
//! each cookie (creation and last-access times, fields postie does not use) so that
//! `--cookie-jar` / `--export-cookie-jar` (see [`super::cookie_file`]) round-trip.

use cookie_store::{CookieDomain, CookieExpiration, CookieStore, RawCookie};
use reqwest::Url;
use reqwest::header::HeaderValue;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

/// A cookie as scripts see it (the shape of Postman's `Cookie` JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CookieInfo {
    /// Cookie name.
    pub name: String,
    /// Cookie value.
    pub value: String,
    /// The domain it belongs to (without a leading dot).
    pub domain: String,
    /// Its path.
    pub path: String,
    /// Expiry as an HTTP date (RFC 1123), `None` for session cookies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// True when the cookie had no `Domain` attribute (sent to that exact host only).
    pub host_only: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `Secure`.
    pub secure: bool,
    /// True for a cookie without an expiry.
    pub session: bool,
    /// `Max-Age` in seconds, when the cookie was set with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_age: Option<i64>,
}

/// Attributes for a cookie set from a script (`pm.cookies.jar().set`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCookie {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
    /// `Domain` attribute, if any.
    pub domain: Option<String>,
    /// `Path` attribute, if any (default: the URL's default path).
    pub path: Option<String>,
    /// `Expires` attribute as written, if any.
    pub expires: Option<String>,
    /// `Max-Age` in seconds, if any.
    pub max_age: Option<i64>,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `Secure`.
    pub secure: bool,
}

/// Everything the jar knows about one cookie, as saved to and loaded from a jar file.
///
/// Times are milliseconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCookie {
    /// Cookie name (tough-cookie's `key`).
    pub name: String,
    /// Cookie value.
    pub value: String,
    /// Lower-case domain without a leading dot.
    pub domain: String,
    /// True when the cookie is sent to `domain` only, not to its subdomains.
    pub host_only: bool,
    /// Its path.
    pub path: String,
    /// The `Expires` attribute, if the cookie had one.
    pub expires: Option<i64>,
    /// The `Max-Age` attribute in seconds, if the cookie had one.
    pub max_age: Option<i64>,
    /// When the cookie expires (from `Max-Age`, else `Expires`); `None` never within a run.
    pub expiry: Option<i64>,
    /// `Secure`.
    pub secure: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `SameSite` in lower case (`strict`, `lax`, `none`), if given.
    pub same_site: Option<String>,
    /// When the cookie was first stored (a replaced cookie keeps this).
    pub creation: i64,
    /// When it was last stored or sent, if known.
    pub last_accessed: Option<i64>,
    /// Fields of a loaded jar file that postie does not use (`extensions`, `pathIsDefault`, …),
    /// written back unchanged while the cookie is not replaced.
    pub extra: Map<String, Value>,
}

type Key = (String, String, String);

/// 9999-12-31T23:59:59.999Z in milliseconds since the epoch: no cookie expires later, and no
/// later date has a four-digit year (as jar files write dates).
pub(crate) const LAST_MILLIS: i64 = 253_402_300_799_999;

/// What the jar keeps beside `cookie_store`'s cookie.
#[derive(Debug, Clone)]
struct Meta {
    /// Creation sequence; a replaced cookie keeps its number.
    seq: u64,
    creation: i64,
    last_accessed: Option<i64>,
    extra: Map<String, Value>,
}

#[derive(Debug, Default)]
struct State {
    store: CookieStore,
    meta: HashMap<Key, Meta>,
    next: u64,
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn millis_of(at: &::cookie::time::OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn datetime_of(millis: i64) -> Result<::cookie::time::OffsetDateTime, String> {
    ::cookie::time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .map_err(|e| format!("date out of range: {e}"))
}

/// The run's cookie jar. Cheap to share behind an `Arc`; every method locks briefly.
#[derive(Debug, Default)]
pub struct CookieJar {
    state: Mutex<State>,
}

fn key_of(cookie: &cookie_store::Cookie<'_>) -> Key {
    (
        String::from(&cookie.domain),
        cookie.path.to_string(),
        cookie.name().to_string(),
    )
}

impl State {
    /// Insert one cookie received from (or set for) `url`, keeping creation order.
    /// A replaced cookie keeps its creation time and place; its saved extra fields are dropped.
    fn insert(&mut self, cookie: cookie_store::Cookie<'static>, url: &Url) -> Result<Key, String> {
        let key = key_of(&cookie);
        let existed = self.store.get(&key.0, &key.1, &key.2).is_some();
        self.store
            .insert(cookie, url)
            .map_err(|e| format!("cookie rejected: {e}"))?;
        let now = now_millis();
        match self.meta.get_mut(&key) {
            Some(meta) if existed => {
                meta.last_accessed = Some(now);
                meta.extra.clear();
            }
            _ => {
                self.next += 1;
                self.meta.insert(
                    key.clone(),
                    Meta {
                        seq: self.next,
                        creation: now,
                        last_accessed: Some(now),
                        extra: Map::new(),
                    },
                );
            }
        }
        Ok(key)
    }

    fn seq(&self, cookie: &cookie_store::Cookie<'_>) -> u64 {
        self.meta.get(&key_of(cookie)).map_or(u64::MAX, |m| m.seq)
    }

    /// Unexpired cookies for `url`, longer paths first, then older first.
    fn matching(&self, url: &Url) -> Vec<&cookie_store::Cookie<'static>> {
        let mut cookies = self.store.matches(url);
        cookies.sort_by_key(|c| (std::cmp::Reverse(c.path.len()), self.seq(c)));
        cookies
    }
}

impl CookieJar {
    /// An empty jar.
    pub fn new() -> Self {
        CookieJar::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Store the `Set-Cookie` header values of a response from `url`; invalid ones are ignored,
    /// as browsers (and Newman) do.
    pub fn store_set_cookie<'a>(&self, values: impl IntoIterator<Item = &'a str>, url: &Url) {
        let mut state = self.lock();
        for value in values {
            if let Ok(cookie) = cookie_store::Cookie::parse(value, url) {
                let _ = state.insert(cookie.into_owned(), url);
            }
        }
    }

    /// The `Cookie` header value for a request to `url`, or `None` when no cookie applies.
    /// Sending marks the cookies as accessed now (tough-cookie's `lastAccessed`).
    pub fn header_for(&self, url: &Url) -> Option<String> {
        let mut state = self.lock();
        let matching = state.matching(url);
        let pairs: Vec<String> = matching
            .iter()
            .map(|c| match c.name() {
                // A cookie without a name goes out as its value alone (tough-cookie).
                "" => c.value().to_string(),
                name => format!("{name}={}", c.value()),
            })
            .collect();
        let keys: Vec<Key> = matching.into_iter().map(key_of).collect();
        let now = now_millis();
        for key in keys {
            if let Some(meta) = state.meta.get_mut(&key) {
                meta.last_accessed = Some(now);
            }
        }
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }

    /// Every unexpired cookie, in creation order (for `--export-cookie-jar`).
    pub fn stored(&self) -> Vec<StoredCookie> {
        let state = self.lock();
        let mut cookies: Vec<(u64, StoredCookie)> = state
            .store
            .iter_unexpired()
            .map(|c| {
                let meta = state.meta.get(&key_of(c));
                (state.seq(c), stored(c, meta))
            })
            .collect();
        cookies.sort_by_key(|(seq, _)| *seq);
        cookies.into_iter().map(|(_, c)| c).collect()
    }

    /// Add a cookie loaded from a jar file (for `--cookie-jar`), after the cookies already in
    /// the jar. An already expired cookie is not added; that is not an error.
    pub fn restore(&self, cookie: &StoredCookie) -> Result<(), String> {
        let host = if cookie.domain.contains(':') && !cookie.domain.starts_with('[') {
            format!("[{}]", cookie.domain)
        } else {
            cookie.domain.clone()
        };
        let url = Url::parse(&format!("http://{host}/"))
            .map_err(|e| format!("invalid domain \"{}\": {e}", cookie.domain))?;
        let mut raw = RawCookie::build((cookie.name.clone(), cookie.value.clone()))
            .path(cookie.path.clone())
            .secure(cookie.secure)
            .http_only(cookie.http_only);
        if !cookie.host_only {
            raw = raw.domain(cookie.domain.clone());
        }
        let same_site = match cookie.same_site.as_deref() {
            Some("strict") => Some(::cookie::SameSite::Strict),
            Some("lax") => Some(::cookie::SameSite::Lax),
            Some("none") => Some(::cookie::SameSite::None),
            _ => None,
        };
        if let Some(same_site) = same_site {
            raw = raw.same_site(same_site);
        }
        if let Some(expires) = cookie.expires {
            raw = raw.expires(datetime_of(expires)?);
        }
        if let Some(max_age) = cookie.max_age {
            raw = raw.max_age(::cookie::time::Duration::seconds(max_age));
        }
        let raw = raw.build();
        let mut parsed = cookie_store::Cookie::try_from_raw_cookie(&raw, &url)
            .map_err(|e| format!("invalid cookie: {e}"))?
            .into_owned();
        parsed.expires = match cookie.expiry {
            // A `maxAge` of centuries (as a server's huge `Max-Age` is written back) counts from
            // the end of year 9999, as the jar keeps it.
            Some(at) => CookieExpiration::from(datetime_of(at.min(LAST_MILLIS))?),
            None => CookieExpiration::SessionEnd,
        };
        if parsed.is_expired() {
            return Ok(());
        }
        let mut state = self.lock();
        let key = state.insert(parsed, &url)?;
        if let Some(meta) = state.meta.get_mut(&key) {
            meta.creation = cookie.creation;
            meta.last_accessed = cookie.last_accessed;
            meta.extra = cookie.extra.clone();
        }
        Ok(())
    }

    /// The cookies a request to `url` would carry, in sending order.
    pub fn cookies_for(&self, url: &Url) -> Vec<CookieInfo> {
        let state = self.lock();
        state.matching(url).into_iter().map(info).collect()
    }

    /// Set a cookie for `url` from a script. Returns the stored cookie.
    pub fn set(&self, url: &Url, cookie: &NewCookie) -> Result<CookieInfo, String> {
        if cookie.name.is_empty() && cookie.value.is_empty() {
            return Err("a cookie needs a name or a value".to_string());
        }
        // A cookie without a name (tough-cookie keeps one, sent as its value alone) is parsed
        // under a stand-in name, which is then taken off.
        let nameless = cookie.name.is_empty();
        let name = if nameless { "x" } else { cookie.name.as_str() };
        let mut line = format!("{name}={}", cookie.value);
        if let Some(domain) = &cookie.domain {
            line.push_str(&format!("; Domain={domain}"));
        }
        if let Some(path) = &cookie.path {
            line.push_str(&format!("; Path={path}"));
        }
        if let Some(expires) = &cookie.expires {
            line.push_str(&format!("; Expires={expires}"));
        }
        if let Some(max_age) = cookie.max_age {
            line.push_str(&format!("; Max-Age={max_age}"));
        }
        if cookie.http_only {
            line.push_str("; HttpOnly");
        }
        if cookie.secure {
            line.push_str("; Secure");
        }
        let mut raw =
            ::cookie::Cookie::parse(line.as_str()).map_err(|e| format!("invalid cookie: {e}"))?;
        if nameless {
            raw.set_name("");
        }
        let parsed = cookie_store::Cookie::try_from_raw_cookie(&raw, url)
            .map_err(|e| format!("invalid cookie: {e}"))?
            .into_owned();
        let key = key_of(&parsed);
        let mut state = self.lock();
        if parsed.is_expired() {
            // tough-cookie stores an expired cookie (it replaces one of the same name, domain
            // and path) and hands it back; no later read sees it.
            state.store.remove(&key.0, &key.1, &key.2);
            state.meta.remove(&key);
            return Ok(info(&parsed));
        }
        state.insert(parsed, url)?;
        state
            .store
            .get(&key.0, &key.1, &key.2)
            .map(info)
            .ok_or_else(|| "the cookie expired as it was set".to_string())
    }

    /// Remove the cookies named `name` that a request to `url` would carry.
    pub fn remove(&self, url: &Url, name: &str) {
        let mut state = self.lock();
        let keys: Vec<Key> = state
            .matching(url)
            .into_iter()
            .filter(|c| c.name() == name)
            .map(key_of)
            .collect();
        for key in keys {
            state.store.remove(&key.0, &key.1, &key.2);
            state.meta.remove(&key);
        }
    }

    /// Remove every cookie stored for the host of `url` (any path).
    pub fn clear(&self, url: &Url) {
        let Some(host) = url.host_str().map(str::to_ascii_lowercase) else {
            return;
        };
        let mut state = self.lock();
        let keys: Vec<Key> = state
            .store
            .iter_any()
            .map(key_of)
            .filter(|(domain, _, _)| domain.trim_start_matches('.') == host)
            .collect();
        for key in keys {
            state.store.remove(&key.0, &key.1, &key.2);
            state.meta.remove(&key);
        }
    }
}

fn stored(cookie: &cookie_store::Cookie<'_>, meta: Option<&Meta>) -> StoredCookie {
    let (domain, host_only) = match &cookie.domain {
        // `[::1]` is written `::1`, as tough-cookie writes the host of an IPv6 URL.
        CookieDomain::HostOnly(d) => (unbracketed(d), true),
        CookieDomain::Suffix(d) => (d.trim_start_matches('.').to_string(), false),
        CookieDomain::NotPresent | CookieDomain::Empty => (String::new(), true),
    };
    let same_site = cookie.same_site().map(|s| match s {
        ::cookie::SameSite::Strict => "strict".to_string(),
        ::cookie::SameSite::Lax => "lax".to_string(),
        ::cookie::SameSite::None => "none".to_string(),
    });
    StoredCookie {
        name: cookie.name().to_string(),
        value: cookie.value().to_string(),
        domain,
        host_only,
        path: cookie.path.to_string(),
        expires: cookie.expires_datetime().as_ref().map(millis_of),
        max_age: cookie.max_age().map(|d| d.whole_seconds()),
        expiry: match &cookie.expires {
            CookieExpiration::AtUtc(at) => Some(millis_of(at)),
            CookieExpiration::SessionEnd => None,
        },
        secure: cookie.secure().unwrap_or(false),
        http_only: cookie.http_only().unwrap_or(false),
        same_site,
        creation: meta.map_or_else(now_millis, |m| m.creation),
        last_accessed: meta.and_then(|m| m.last_accessed),
        extra: meta.map(|m| m.extra.clone()).unwrap_or_default(),
    }
}

/// An IPv6 host without its brackets (`[::1]` → `::1`); other hosts as they are.
fn unbracketed(host: &str) -> String {
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
        .to_string()
}

/// The cookie a script sets for `text`, which is no URL, as tough-cookie makes it: host-only on
/// the whole text, path `/`. It is not kept (no request can go there).
pub fn unplaced(text: &str, cookie: &NewCookie) -> CookieInfo {
    CookieInfo {
        name: cookie.name.clone(),
        value: cookie.value.clone(),
        domain: text.trim().to_lowercase(),
        path: cookie.path.clone().unwrap_or_else(|| "/".to_string()),
        expires: cookie.expires.clone(),
        host_only: cookie.domain.is_none(),
        http_only: cookie.http_only,
        secure: cookie.secure,
        session: cookie.expires.is_none() && cookie.max_age.is_none(),
        max_age: cookie.max_age,
    }
}

fn info(cookie: &cookie_store::Cookie<'_>) -> CookieInfo {
    let (domain, host_only) = match &cookie.domain {
        CookieDomain::HostOnly(d) => (d.clone(), true),
        CookieDomain::Suffix(d) => (d.trim_start_matches('.').to_string(), false),
        CookieDomain::NotPresent | CookieDomain::Empty => (String::new(), true),
    };
    let expires = match &cookie.expires {
        // `Tue, 01 Jan 2030 00:00:00 GMT`
        CookieExpiration::AtUtc(at) => {
            const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let day = DAYS[usize::from(at.weekday().number_days_from_monday())];
            let month = MONTHS[usize::from(u8::from(at.month())).saturating_sub(1)];
            Some(format!(
                "{day}, {:02} {month} {} {:02}:{:02}:{:02} GMT",
                at.day(),
                at.year(),
                at.hour(),
                at.minute(),
                at.second()
            ))
        }
        CookieExpiration::SessionEnd => None,
    };
    CookieInfo {
        name: cookie.name().to_string(),
        value: cookie.value().to_string(),
        domain,
        path: cookie.path.to_string(),
        session: expires.is_none(),
        expires,
        host_only,
        http_only: cookie.http_only().unwrap_or(false),
        secure: cookie.secure().unwrap_or(false),
        max_age: cookie.max_age().map(|d| d.whole_seconds()),
    }
}

impl reqwest::cookie::CookieStore for CookieJar {
    fn set_cookies(&self, cookie_headers: &mut dyn Iterator<Item = &HeaderValue>, url: &Url) {
        let values: Vec<&str> = cookie_headers.filter_map(|v| v.to_str().ok()).collect();
        self.store_set_cookie(values, url);
    }

    fn cookies(&self, url: &Url) -> Option<HeaderValue> {
        self.header_for(url)
            .and_then(|h| HeaderValue::from_str(&h).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    /// Found by the fuzz tests (issue 12): a cookie from `http://[::1]/` was exported with the
    /// domain `[::1]` and refused when read back (`[[::1]]`).
    #[test]
    fn cookies_of_an_ipv6_host_survive_export_and_restore_issue_12() {
        let jar = CookieJar::new();
        let u = url("http://[::1]:8080/a");
        jar.store_set_cookie(["sid=1; Path=/"], &u);
        let stored = jar.stored();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].domain, "::1", "written as tough-cookie writes it");
        let again = CookieJar::new();
        assert_eq!(again.restore(&stored[0]), Ok(()));
        assert_eq!(again.header_for(&u).as_deref(), Some("sid=1"));
        let mut bracketed = stored[0].clone();
        bracketed.domain = "[::1]".into();
        assert_eq!(CookieJar::new().restore(&bracketed), Ok(()));
    }

    #[test]
    fn cookies_are_sent_longest_path_first_then_oldest_first() {
        let jar = CookieJar::new();
        let u = url("http://h.test/a/b");
        // Many names so that a hash-ordered store would almost surely shuffle them.
        let names: Vec<String> = (0..20).map(|i| format!("c{i}")).collect();
        for n in &names {
            jar.store_set_cookie([format!("{n}=1; Path=/").as_str()], &u);
        }
        jar.store_set_cookie(["deep=1; Path=/a"], &u);
        let header = jar.header_for(&u).unwrap_or_default();
        let mut expected = vec!["deep=1".to_string()];
        expected.extend(names.iter().map(|n| format!("{n}=1")));
        assert_eq!(header, expected.join("; "));
        // Replacing a cookie keeps its place.
        jar.store_set_cookie(["c0=2; Path=/"], &u);
        assert!(
            jar.header_for(&u)
                .unwrap_or_default()
                .starts_with("deep=1; c0=2; c1=1")
        );
    }

    #[test]
    fn cookies_set_remove_clear_from_scripts() {
        let jar = CookieJar::new();
        let u = url("http://h.test/");
        let set = jar.set(
            &u,
            &NewCookie {
                name: "k".into(),
                value: "v".into(),
                ..NewCookie::default()
            },
        );
        assert_eq!(
            set.map(|c| (c.domain, c.path, c.host_only)),
            Ok(("h.test".into(), "/".into(), true))
        );
        assert_eq!(jar.cookies_for(&u).len(), 1);
        assert_eq!(jar.cookies_for(&url("http://other.test/")).len(), 0);
        jar.remove(&u, "k");
        assert!(jar.header_for(&u).is_none());
        jar.store_set_cookie(["a=1", "b=2; Path=/x"], &u);
        jar.clear(&u);
        assert!(jar.cookies_for(&url("http://h.test/x")).is_empty());
    }

    #[test]
    fn cookies_expired_set_cookie_removes() {
        let jar = CookieJar::new();
        let u = url("http://h.test/");
        jar.store_set_cookie(["a=1"], &u);
        jar.store_set_cookie(["a=; Max-Age=0"], &u);
        assert!(jar.header_for(&u).is_none());
        let info = jar.set(
            &u,
            &NewCookie {
                name: "p".into(),
                value: "1".into(),
                max_age: Some(3600),
                ..NewCookie::default()
            },
        );
        assert!(info.is_ok_and(|c| !c.session && c.expires.is_some_and(|e| e.ends_with("GMT"))));
    }

    #[test]
    fn script_set_of_an_expired_cookie_answers_it_and_drops_the_stored_one() {
        let jar = CookieJar::new();
        let u = url("http://h.test/");
        jar.store_set_cookie(["old=1"], &u);
        let gone = NewCookie {
            name: "old".into(),
            value: "x".into(),
            expires: Some("Thu, 01 Jan 1970 00:00:00 GMT".into()),
            ..NewCookie::default()
        };
        assert!(
            jar.set(&u, &gone)
                .is_ok_and(|c| c.name == "old" && c.value == "x")
        );
        assert!(jar.header_for(&u).is_none());
    }
}
