//! Inputs named by URL, as Newman loads them: `postie run URL`, `-e/-g/-d URL` (http or https),
//! and the Postman API's form — a collection or environment UID with `--postman-api-key`, or a
//! Postman API URL (`…/collections/<uid>`) whose key comes from `--postman-api-key` or its own
//! `apikey` query parameter. The key goes in an `X-Api-Key` header (taken out of the URL) and
//! only to the Postman API's hosts; the API's answer `{"collection": {…}}` is unwrapped by the
//! loaders.
//!
//! Each input is fetched once, before anything runs, with the run's TLS settings (`-k`,
//! `--ssl-*`) and the proxy variables (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`); its text is
//! handed to the collection module's loaders with the URL, keys masked, as the file name in
//! their messages. A failed connection, a status other than 2xx or an answer that is not JSON
//! stops the run (exit 2), naming the URL.

use crate::collection::json::decode_text;
use crate::diagnostic::Diagnostic;
use crate::http::{
    ClientOptions, HttpClient, HttpRequest, HttpResponse, SendOptions, default_host,
};
use crate::report::mask::MASK;
use std::path::{Path, PathBuf};

/// Sets the Postman API's address (default `https://api.postman.com`): where a UID is looked
/// up, and a host that gets the API key. For tests and API gateways.
pub const POSTMAN_API_VAR: &str = "POSTIE_POSTMAN_API_URL";

/// The Postman API, as Newman addresses it.
const POSTMAN_API_URL: &str = "https://api.postman.com";

/// Hosts that get the API key (Newman's list).
const POSTMAN_API_HOSTS: [&str; 2] = ["api.postman.com", "api.getpostman.com"];

/// The header carrying the API key.
const API_KEY_HEADER: &str = "X-Api-Key";

/// Which input a location names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The collection.
    Collection,
    /// `-e`.
    Environment,
    /// `-g`.
    Globals,
    /// `-d`.
    Data,
}

impl Kind {
    /// The word for messages (`collection`, `iteration data`, …).
    pub fn what(self) -> &'static str {
        match self {
            Kind::Collection => "collection",
            Kind::Environment => "environment",
            Kind::Globals => "globals",
            Kind::Data => "iteration data",
        }
    }

    /// The Postman API's path for resources of this kind given by UID.
    fn api_path(self) -> Option<&'static str> {
        match self {
            Kind::Collection => Some("collections"),
            Kind::Environment => Some("environments"),
            Kind::Globals | Kind::Data => None,
        }
    }
}

/// An input to fetch: the request to send and how to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// The URL to get (a Postman API URL without its `apikey` parameter).
    pub url: String,
    /// Headers beyond the defaults (the API key).
    pub headers: Vec<(String, String)>,
    /// The URL with any key masked, for messages.
    pub shown: String,
    /// Keys to mask.
    pub secrets: Vec<String>,
    /// The URL goes to the Postman API.
    pub postman_api: bool,
}

/// Where the Postman API is: [`POSTMAN_API_VAR`], else Newman's address.
pub fn postman_api_base() -> String {
    std::env::var(POSTMAN_API_VAR)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map_or_else(
            || POSTMAN_API_URL.to_string(),
            |v| v.trim().trim_end_matches('/').to_string(),
        )
}

/// `location` as Newman reads it: a Postman UID (when no such file exists, the kind has an API
/// path and a key is given) or an http(s) URL is fetched; anything else is a file (`None`).
pub fn remote(
    location: &Path,
    kind: Kind,
    api_key: Option<&str>,
    api_base: &str,
) -> Option<Remote> {
    let text = location.to_str()?;
    let mut secrets: Vec<String> = Vec::new();
    let mut headers = Vec::new();
    let mut url = text.to_string();
    if let (Some(path), Some(key)) = (kind.api_path(), api_key)
        && is_postman_uid(text)
        && !location.exists()
    {
        url = format!("{api_base}/{path}/{text}");
        headers.push((API_KEY_HEADER.to_string(), key.to_string()));
        secrets.push(key.to_string());
    }
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return None;
    }
    let postman_api = is_postman_host(&url, api_base);
    if postman_api {
        let (without, from_query) = take_api_key(&url);
        if let Some(key) = from_query.as_deref().or(api_key) {
            headers.retain(|(name, _)| name != API_KEY_HEADER);
            headers.push((API_KEY_HEADER.to_string(), key.to_string()));
            secrets.push(key.to_string());
        }
        url = without;
    } else if let (_, Some(key)) = take_api_key(&url) {
        // Sent as written to a host that is not the Postman API, but never shown.
        secrets.push(key);
    }
    secrets.retain(|s| !s.is_empty());
    secrets.sort();
    secrets.dedup();
    let mut shown = url.clone();
    for secret in &secrets {
        shown = shown.replace(secret.as_str(), MASK);
    }
    Some(Remote {
        url,
        headers,
        shown,
        secrets,
        postman_api,
    })
}

/// Postman's UID form (`<owner id>-<uuid>`), letters in any case.
fn is_postman_uid(text: &str) -> bool {
    let Some((owner, uuid)) = text.split_once('-') else {
        return false;
    };
    let groups: Vec<&str> = uuid.split('-').collect();
    !owner.is_empty()
        && owner.bytes().all(|b| b.is_ascii_alphanumeric())
        && groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// True when `url`'s host is one of the Postman API's (or [`POSTMAN_API_VAR`]'s).
fn is_postman_host(url: &str, api_base: &str) -> bool {
    let host = |text: &str| {
        url::Url::parse(text)
            .ok()
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
    };
    let Some(target) = host(url) else {
        return false;
    };
    POSTMAN_API_HOSTS.contains(&target.as_str()) || host(api_base).is_some_and(|h| h == target)
}

/// `url` without its `apikey` query parameters, and the first one's value (as written).
fn take_api_key(url: &str) -> (String, Option<String>) {
    let (before_hash, hash) = match url.split_once('#') {
        Some((b, h)) => (b, Some(h)),
        None => (url, None),
    };
    let Some((base, query)) = before_hash.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut key = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            if name == "apikey" {
                key.get_or_insert_with(|| value.to_string());
                false
            } else {
                true
            }
        })
        .collect();
    let mut out = base.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(hash) = hash {
        out.push('#');
        out.push_str(hash);
    }
    (out, key)
}

/// Sends the requests for inputs named by URL, over one client with the run's TLS settings.
pub struct Fetcher {
    client: HttpClient,
    runtime: tokio::runtime::Runtime,
}

impl Fetcher {
    /// A fetcher with `options` (TLS settings, `-k`, the size limit; its own cookie jar).
    pub fn new(options: &ClientOptions) -> Result<Fetcher, Diagnostic> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Diagnostic::new(format!("cannot start the async runtime: {e}")))?;
        let client = HttpClient::new(options).map_err(|e| Diagnostic::new(e.message))?;
        Ok(Fetcher { client, runtime })
    }

    /// The body `remote` answers with, as text for the JSON inputs (decoded as files are) and
    /// as bytes for iteration data.
    pub fn get(&self, remote: &Remote, kind: Kind) -> Result<Vec<u8>, Diagnostic> {
        let shown = PathBuf::from(&remote.shown);
        let what = kind.what();
        let mask = |text: &str| mask(remote, text);
        let request = fetch_request(remote, kind, &shown)?;
        let response = self
            .runtime
            .block_on(self.client.send(&request, &SendOptions::default()))
            .map_err(|e| {
                Diagnostic::in_file(
                    &shown,
                    format!("cannot fetch the {what}: {}", mask(e.message.trim_end())),
                )
                .with_hint(
                    "check the URL and the network; HTTP_PROXY/HTTPS_PROXY/NO_PROXY choose a \
                     proxy, -k accepts any TLS certificate, --ssl-extra-ca-certs adds CAs",
                )
            })?;
        let body =
            response.body.bytes().map(|b| b.into_owned()).map_err(|e| {
                Diagnostic::in_file(&shown, format!("cannot fetch the {what}: {e}"))
            })?;
        if !(200..300).contains(&response.status) {
            return Err(status_error(remote, &shown, what, &response, &body));
        }
        if kind == Kind::Data {
            return Ok(body);
        }
        let text = decode_text(&body, &shown, what)?;
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&text) {
            let content_type = response
                .header("content-type")
                .map(|t| format!(" (Content-Type: {t})"))
                .unwrap_or_default();
            return Err(crate::collection::json::parse_text(&text, &shown, what)
                .err()
                .unwrap_or_else(|| Diagnostic::in_file(&shown, format!("invalid JSON: {e}")))
                .with_hint(format!(
                    "the URL did not answer with JSON{content_type}; check that it serves the \
                     {what} file"
                )));
        }
        Ok(text.into_bytes())
    }
}

/// `text` with the remote's secrets masked.
fn mask(remote: &Remote, text: &str) -> String {
    remote
        .secrets
        .iter()
        .fold(text.to_string(), |t, s| t.replace(s.as_str(), MASK))
}

/// The GET request for `remote`: postie's `User-Agent`, an `Accept` for `kind`, `Host`, then
/// the remote's own headers; an error naming `shown` for an invalid URL.
fn fetch_request(remote: &Remote, kind: Kind, shown: &Path) -> Result<HttpRequest, Diagnostic> {
    let what = kind.what();
    let parsed = reqwest::Url::parse(&remote.url).map_err(|e| {
        Diagnostic::in_file(shown, format!("cannot fetch the {what}: invalid URL: {e}"))
            .with_hint("check the URL")
    })?;
    let accept = if kind == Kind::Data {
        "*/*"
    } else {
        "application/json"
    };
    let mut headers = vec![
        (
            "User-Agent".to_string(),
            format!("postie/{}", env!("CARGO_PKG_VERSION")),
        ),
        ("Accept".to_string(), accept.to_string()),
    ];
    if let Some(host) = default_host(&parsed) {
        headers.push(("Host".to_string(), host));
    }
    headers.extend(remote.headers.iter().cloned());
    Ok(HttpRequest {
        method: "GET".to_string(),
        url: remote.url.clone(),
        headers,
        body: None,
        unframed: false,
        utf8_head: false,
    })
}

/// The error for a non-2xx answer: the status, the Postman API's message if any (masked), and
/// a hint for the Postman API or a plain URL.
fn status_error(
    remote: &Remote,
    shown: &Path,
    what: &str,
    response: &HttpResponse,
    body: &[u8],
) -> Diagnostic {
    let detail = api_error(body)
        .map(|m| format!(": {}", mask(remote, &m)))
        .unwrap_or_default();
    let hint = if remote.postman_api {
        "check the UID and the API key (--postman-api-key, or the URL's apikey parameter)"
    } else {
        "check the URL; it must answer 2xx with the file's contents"
    };
    Diagnostic::in_file(
        shown,
        format!(
            "cannot fetch the {what}: the server answered {} {}{detail}",
            response.status, response.reason
        ),
    )
    .with_hint(hint)
}

/// The Postman API's error message (`{"error": {"message": …}}`) in a body, if any.
fn api_error(body: &[u8]) -> Option<String> {
    let doc: serde_json::Value = serde_json::from_slice(body).ok()?;
    let message = doc.get("error")?.get("message")?.as_str()?;
    Some(message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const UID: &str = "1234-5c2d8a1f-0e3b-4c5d-9a7b-0123456789ab";
    const BASE: &str = "https://api.postman.com";

    fn remote_of(location: &str, kind: Kind, key: Option<&str>) -> Option<Remote> {
        remote(Path::new(location), kind, key, BASE)
    }

    #[test]
    fn fetch_files_are_not_remote() {
        assert_eq!(remote_of("c.json", Kind::Collection, None), None);
        assert_eq!(remote_of("ftp://h/c.json", Kind::Collection, None), None);
        // Newman's test is case-sensitive.
        assert_eq!(remote_of("HTTP://h/c.json", Kind::Collection, None), None);
        // A UID without a key, or for globals, is a file name.
        assert_eq!(remote_of(UID, Kind::Collection, None), None);
        assert_eq!(remote_of(UID, Kind::Globals, Some("k")), None);
    }

    #[test]
    fn fetch_plain_urls_are_fetched_as_written() {
        let r = remote_of("http://127.0.0.1:8/c.json?a=1", Kind::Data, Some("PMAK-1"));
        let r = r.unwrap_or_else(|| panic!("remote"));
        assert_eq!(r.url, "http://127.0.0.1:8/c.json?a=1");
        assert!(r.headers.is_empty() && r.secrets.is_empty() && !r.postman_api);
    }

    #[test]
    fn fetch_uid_goes_to_the_api_with_the_key_in_a_header() {
        let r = remote_of(UID, Kind::Environment, Some("PMAK-secret"))
            .unwrap_or_else(|| panic!("remote"));
        assert_eq!(r.url, format!("{BASE}/environments/{UID}"));
        assert_eq!(
            r.headers,
            [("X-Api-Key".to_string(), "PMAK-secret".to_string())]
        );
        assert_eq!(r.secrets, ["PMAK-secret"]);
        assert!(r.postman_api);
    }

    #[test]
    fn fetch_api_url_moves_the_query_key_to_the_header_and_masks_it() {
        let url = format!("https://api.getpostman.com/collections/{UID}?x=1&apikey=PMAK-q&y=2");
        let r = remote_of(&url, Kind::Collection, Some("PMAK-flag"))
            .unwrap_or_else(|| panic!("remote"));
        assert_eq!(
            r.url,
            format!("https://api.getpostman.com/collections/{UID}?x=1&y=2")
        );
        // The query's key wins over the flag's, as in Newman.
        assert_eq!(r.headers, [("X-Api-Key".to_string(), "PMAK-q".to_string())]);
        assert!(!r.shown.contains("PMAK"));
        // Another host keeps its apikey parameter, shown masked.
        let r = remote_of("http://h/c?apikey=PMAK-other", Kind::Collection, None)
            .unwrap_or_else(|| panic!("remote"));
        assert_eq!(r.url, "http://h/c?apikey=PMAK-other");
        assert_eq!(r.shown, format!("http://h/c?apikey={MASK}"));
        assert!(r.headers.is_empty());
    }

    #[test]
    fn fetch_api_base_override_counts_as_the_postman_api() {
        let r = remote(
            Path::new(UID),
            Kind::Collection,
            Some("k3y"),
            "http://127.0.0.1:9",
        )
        .unwrap_or_else(|| panic!("remote"));
        assert_eq!(r.url, format!("http://127.0.0.1:9/collections/{UID}"));
        assert!(r.postman_api);
    }

    #[test]
    fn fetch_recognises_postman_uids() {
        assert!(is_postman_uid(UID));
        assert!(is_postman_uid(&UID.to_uppercase()));
        assert!(!is_postman_uid("5c2d8a1f-0e3b-4c5d-9a7b-0123456789ab"));
        assert!(!is_postman_uid(
            "12-34-5c2d8a1f-0e3b-4c5d-9a7b-0123456789ab"
        ));
        assert!(!is_postman_uid("1234-5c2d8a1f-0e3b-4c5d-9a7b-0123456789az"));
    }

    #[test]
    fn fetch_takes_every_apikey_parameter() {
        assert_eq!(
            take_api_key("http://h/p?apikey=a&b=2&apikey=c#f"),
            ("http://h/p?b=2#f".to_string(), Some("a".to_string()))
        );
        assert_eq!(
            take_api_key("http://h/p?apikey=a"),
            ("http://h/p".to_string(), Some("a".to_string()))
        );
        assert_eq!(take_api_key("http://h/p"), ("http://h/p".to_string(), None));
    }
}
