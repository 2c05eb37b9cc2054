//! Redirects as Postman follows them, hop by hop, so `protocolProfileBehavior` can shape each one:
//! `maxRedirects`, `followOriginalHttpMethod`, `followAuthorizationHeader`,
//! `removeRefererHeaderOnRedirect` and `disableUrlEncoding` (the `Location` is followed as
//! written).

use super::client::default_host;
use super::layer::{Exchange, Layer, Next};
use super::message::{HttpError, HttpRequest};
use super::timings::Stopwatch;
use crate::http::HttpErrorKind;
use futures_util::future::LocalBoxFuture;
use std::time::Instant;

/// Per-request sending behaviour, from `protocolProfileBehavior` and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendOptions {
    /// Follow 3xx responses that carry a `Location`.
    pub follow_redirects: bool,
    /// At most this many hops.
    pub max_redirects: usize,
    /// Keep the method (and body) on 301/302/303 instead of switching to GET.
    pub follow_original_method: bool,
    /// Keep `Authorization` when a redirect goes to another host.
    pub follow_authorization_header: bool,
    /// Do not set `Referer` to the previous URL on a redirect.
    pub remove_referer_on_redirect: bool,
    /// Verify TLS certificates (`strictSSL`); `None` uses the run's setting.
    pub strict_ssl: Option<bool>,
    /// Neither send nor store cookies (`disableCookies`).
    pub disable_cookies: bool,
    /// Send path and query as written, and follow `Location` as written (`disableUrlEncoding`;
    /// see [`super::raw`]).
    pub disable_url_encoding: bool,
    /// `tlsDisabledProtocols` and `tlsCipherSelection` (see [`super::tls::profile`]).
    pub tls: super::tls::TlsBehavior,
}

impl Default for SendOptions {
    fn default() -> Self {
        SendOptions {
            follow_redirects: true,
            max_redirects: 10,
            follow_original_method: false,
            follow_authorization_header: false,
            remove_referer_on_redirect: false,
            strict_ssl: None,
            disable_cookies: false,
            disable_url_encoding: false,
            tls: super::tls::TlsBehavior::default(),
        }
    }
}

/// True for statuses that redirect.
pub fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// The request for the next hop after `previous` got `status` with `location`, or `None` when
/// `location` cannot be resolved against the previous URL. The location is resolved as Newman's
/// runtime does ([`super::raw::target::join`]: dot segments kept) and then encoded as Newman
/// encodes a URL, unless `disableUrlEncoding` keeps it as written.
pub fn next_hop(
    previous: &HttpRequest,
    status: u16,
    location: &str,
    options: &SendOptions,
) -> Option<HttpRequest> {
    let base = reqwest::Url::parse(&previous.url).ok()?;
    let joined = super::raw::target::join(&previous.url, location)?;
    let url = if options.disable_url_encoding {
        joined
    } else {
        super::url_encode::href(&joined, false)
    };
    let target = reqwest::Url::parse(&url).ok()?;
    let keep_method = matches!(status, 307 | 308)
        || options.follow_original_method
        || previous.method.eq_ignore_ascii_case("HEAD");
    let mut headers = previous.headers.clone();
    // The HTTP library drops the `Host` it set and sets it anew, last, for the next hop; a
    // `Host` the user set stays.
    let own_host = super::client::default_host(&base);
    headers.retain(|(k, v)| !(k.eq_ignore_ascii_case("host") && Some(v) == own_host.as_ref()));
    let mut body = previous.body.clone();
    let method = if keep_method {
        previous.method.clone()
    } else {
        body = None;
        headers.retain(|(k, _)| {
            !k.eq_ignore_ascii_case("content-type") && !k.eq_ignore_ascii_case("content-length")
        });
        "GET".to_string()
    };
    let same_host = base.host_str() == target.host_str()
        && base.port_or_known_default() == target.port_or_known_default();
    if !same_host && !options.follow_authorization_header {
        headers.retain(|(k, _)| !k.eq_ignore_ascii_case("authorization"));
    }
    if !options.remove_referer_on_redirect {
        headers.retain(|(k, _)| !k.eq_ignore_ascii_case("referer"));
        headers.push(("Referer".to_string(), previous.url.clone()));
    }
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host"))
        && let Some(host) = super::client::default_host(&target)
    {
        headers.push(("Host".to_string(), host));
    }
    let utf8_head = previous.utf8_head && body.is_some();
    Some(HttpRequest {
        method,
        url,
        headers,
        body,
        unframed: previous.unframed,
        utf8_head,
    })
}

/// The redirect loop as a [`Layer`]: each hop goes through `next` (one request on the wire);
/// a 3xx with a `Location` is followed as [`next_hop`] says, up to `maxRedirects`. The final
/// response is timed from the first hop's start, with the phases of the last hop.
pub struct Redirects<'a> {
    /// How to follow.
    pub options: &'a SendOptions,
}

impl Layer for Redirects<'_> {
    fn handle<'a>(&'a self, request: HttpRequest, next: Next<'a>) -> LocalBoxFuture<'a, Exchange> {
        Box::pin(async move {
            let options = self.options;
            let started = Instant::now();
            let watch = Stopwatch::start();
            let mut current = request;
            let mut hops = 0;
            let mut first_cookie = None;
            loop {
                let mut exchange = next.run(current).await;
                if hops == 0 {
                    first_cookie = exchange.request.header("cookie").map(str::to_string);
                }
                let Ok(response) = &mut exchange.result else {
                    return exchange;
                };
                let follow = options.follow_redirects && is_redirect(response.status);
                if let Some(location) = response.header("location").filter(|_| follow) {
                    if hops >= options.max_redirects {
                        exchange.result = Err(HttpError::new(
                            HttpErrorKind::Redirects,
                            format!(
                                "Exceeded maxRedirects. Probably stuck in a redirect loop {}",
                                exchange.request.url
                            ),
                        ));
                        return exchange;
                    }
                    let status = response.status;
                    if let Some(mut hop) = next_hop(&exchange.request, status, location, options) {
                        let previous = reqwest::Url::parse(&exchange.request.url).ok();
                        let target = reqwest::Url::parse(&hop.url).ok();
                        retarget_host(&mut hop, previous.as_ref(), target.as_ref());
                        current = hop;
                        hops += 1;
                        continue;
                    }
                }
                response.elapsed = started.elapsed();
                response.sent_cookie = exchange.request.header("cookie").map(str::to_string);
                response.first_cookie = first_cookie;
                if let Some(hop) = exchange.hop.take() {
                    response.timings = Some(watch.finish(&hop));
                }
                return exchange;
            }
        })
    }
}

/// After a redirect: the `Host` the runner listed for the first URL (where Newman's header order
/// puts it) now names the redirect's target, in the same place; a different, user-set `Host` is
/// kept as written.
fn retarget_host(
    request: &mut HttpRequest,
    first: Option<&reqwest::Url>,
    next: Option<&reqwest::Url>,
) {
    let listed = first.and_then(default_host);
    let Some(at) = request
        .headers
        .iter()
        .position(|(k, v)| k.eq_ignore_ascii_case("host") && Some(v) == listed.as_ref())
    else {
        return;
    };
    match next.and_then(default_host) {
        Some(host) => request.headers[at].1 = host,
        None => {
            request.headers.remove(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post() -> HttpRequest {
        HttpRequest {
            method: "POST".into(),
            url: "http://a/x".into(),
            headers: vec![
                ("Authorization".into(), "Bearer t".into()),
                ("Content-Type".into(), "text/plain".into()),
                ("Referer".into(), "INITIAL".into()),
            ],
            body: Some(b"hi".to_vec()),
            unframed: false,
            utf8_head: true,
        }
    }

    #[test]
    fn redirect_302_switches_to_get_and_drops_body() {
        let next = next_hop(&post(), 302, "/y", &SendOptions::default());
        let next = next.unwrap_or_default();
        assert_eq!(next.method, "GET");
        assert_eq!(next.url, "http://a/y");
        assert_eq!(next.body, None);
        assert_eq!(next.header("content-type"), None);
        assert_eq!(next.header("authorization"), Some("Bearer t"));
        assert_eq!(next.header("referer"), Some("http://a/x"));
    }

    #[test]
    fn redirect_307_and_follow_original_method_keep_method_and_body() {
        let next = next_hop(&post(), 307, "/y", &SendOptions::default()).unwrap_or_default();
        assert_eq!((next.method.as_str(), next.body.is_some()), ("POST", true));
        let keep = SendOptions {
            follow_original_method: true,
            ..SendOptions::default()
        };
        let next = next_hop(&post(), 302, "/y", &keep).unwrap_or_default();
        assert_eq!(next.method, "POST");
    }

    #[test]
    fn redirect_cross_host_drops_authorization_unless_asked() {
        let next = next_hop(&post(), 302, "http://b/", &SendOptions::default()).unwrap_or_default();
        assert_eq!(next.header("authorization"), None);
        let keep = SendOptions {
            follow_authorization_header: true,
            ..SendOptions::default()
        };
        let next = next_hop(&post(), 302, "http://b/", &keep).unwrap_or_default();
        assert_eq!(next.header("authorization"), Some("Bearer t"));
    }

    #[test]
    fn redirect_without_url_encoding_keeps_the_location_as_written() {
        let raw = SendOptions {
            disable_url_encoding: true,
            ..SendOptions::default()
        };
        let location = "https://b/get?q={\"abc\"}";
        let next = next_hop(&post(), 302, location, &raw).unwrap_or_default();
        assert_eq!(next.url, location);
        assert_eq!(next.header("authorization"), None, "still another host");
        let next = next_hop(&post(), 302, "/y?<z>", &raw).unwrap_or_default();
        assert_eq!(next.url, "http://a/y?<z>");
        let next = next_hop(&post(), 302, location, &SendOptions::default()).unwrap_or_default();
        assert_eq!(next.url, "https://b/get?q={%22abc%22}");
    }

    #[test]
    fn redirect_remove_referer_keeps_the_initial_one() {
        let keep = SendOptions {
            remove_referer_on_redirect: true,
            ..SendOptions::default()
        };
        let next = next_hop(&post(), 302, "/y", &keep).unwrap_or_default();
        assert_eq!(next.header("referer"), Some("INITIAL"));
    }
}
