//! The single real HTTP client of a run: keep-alive connections, one cookie jar, redirects,
//! TLS verification, timeouts; bodies decoded by [`super::decode`]. Requests that must go out
//! with their URL as written (`disableUrlEncoding`) take [`super::raw`] instead of reqwest.

use super::cookies::CookieJar;
use super::decode::decode_body;
use super::message::{HttpError, HttpRequest, HttpResponse};
use super::raw::RawSender;
use super::raw::request::latin1;
use super::raw::target::needs_raw;
use super::redirect::{SendOptions, is_redirect, next_hop};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::redirect::Policy;
use std::error::Error as _;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How the client behaves for the whole run.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// `-k/--insecure`: accept any TLS certificate.
    pub insecure: bool,
    /// `--timeout-request`: per-request limit.
    pub request_timeout: Option<Duration>,
    /// The jar to use (`--cookie-jar`, or one the caller exports afterwards); a fresh one if
    /// `None`.
    pub cookie_jar: Option<Arc<CookieJar>>,
}

/// One client per run; cheap to share by reference. Underneath are up to four reqwest clients
/// (TLS verified or not × cookies or not), built on first use, sharing one cookie jar; redirects
/// are followed here, hop by hop (see [`super::redirect`]). Verifying clients use
/// [`super::tls::client_config`], which reads the system's certificates only when a certificate
/// has to be checked.
pub struct HttpClient {
    jar: Arc<CookieJar>,
    clients: [OnceLock<reqwest::Client>; 4],
    insecure: bool,
    request_timeout: Option<Duration>,
    /// Keep at most one idle connection per host (see [`HttpClient::single_connection`]).
    single_connection: bool,
    /// Sends requests whose URL must go out as written.
    raw: Arc<RawSender>,
}

impl HttpClient {
    /// Build the client. Fails only if the TLS backend cannot be initialised.
    pub fn new(options: &ClientOptions) -> Result<Self, HttpError> {
        let client = HttpClient {
            jar: options.cookie_jar.clone().unwrap_or_default(),
            clients: Default::default(),
            insecure: options.insecure,
            request_timeout: options.request_timeout,
            single_connection: false,
            raw: Arc::default(),
        };
        client.inner(!options.insecure, true)?;
        Ok(client)
    }

    /// A client of its own for a connection-bound exchange (the NTLM handshake): same cookie
    /// jar, TLS and timeout settings, but its own connection pool holding at most one idle
    /// connection per host, which nothing else can borrow. Requests sent one after the other
    /// through it go over one connection as long as the server keeps it open: [`Self::send`]
    /// reads each response to its end and then lets the connection return to the pool before
    /// sending the next request.
    pub fn single_connection(&self) -> HttpClient {
        HttpClient {
            jar: self.jar.clone(),
            clients: Default::default(),
            insecure: self.insecure,
            request_timeout: self.request_timeout,
            single_connection: true,
            raw: self.raw.clone(),
        }
    }

    /// The run's cookie jar (shared with the sandbox).
    pub fn cookie_jar(&self) -> &Arc<CookieJar> {
        &self.jar
    }

    fn inner(&self, verify_tls: bool, cookies: bool) -> Result<&reqwest::Client, HttpError> {
        let slot = &self.clients[usize::from(verify_tls) * 2 + usize::from(cookies)];
        if let Some(client) = slot.get() {
            return Ok(client);
        }
        let mut builder = reqwest::Client::builder()
            .redirect(Policy::none())
            .http1_title_case_headers()
            .pool_idle_timeout(Duration::from_secs(30));
        builder = if verify_tls {
            // reqwest's own settings, but the platform verifier is created on first use.
            builder.tls_backend_preconfigured(super::tls::client_config(true)?.as_ref().clone())
        } else {
            builder.danger_accept_invalid_certs(true)
        };
        if self.single_connection {
            builder = builder.pool_max_idle_per_host(1);
        }
        if cookies {
            builder = builder.cookie_provider(self.jar.clone());
        }
        let client = builder
            .build()
            .map_err(|e| HttpError::new(format!("cannot start the HTTP client: {e}")))?;
        Ok(slot.get_or_init(|| client))
    }

    /// Send `request`, following redirects as `options` say, and read the whole final response.
    /// `--timeout-request` covers the whole exchange, redirects included.
    pub async fn send(
        &self,
        request: &HttpRequest,
        options: &SendOptions,
    ) -> Result<HttpResponse, HttpError> {
        let exchange = self.follow(request, options);
        match self.request_timeout {
            Some(limit) => tokio::time::timeout(limit, exchange)
                .await
                .unwrap_or_else(|_| Err(HttpError::new("ESOCKETTIMEDOUT"))),
            None => exchange.await,
        }
    }

    async fn follow(
        &self,
        request: &HttpRequest,
        options: &SendOptions,
    ) -> Result<HttpResponse, HttpError> {
        let verify_tls = options.strict_ssl.unwrap_or(!self.insecure);
        let client = self.inner(verify_tls, !options.disable_cookies)?;
        if self.single_connection {
            // hyper returns a finished HTTP/1 connection to the pool from a task of its own,
            // woken when the response ends; let it run so this request checks that connection
            // out instead of racing it with a new one.
            tokio::task::yield_now().await;
        }
        let started = Instant::now();
        let mut url = reqwest::Url::parse(&request.url);
        let mut current = request.clone();
        let mut hops = 0;
        // Newman's HTTP client computes the Cookie header once and keeps sending it on redirects
        // (so a cookie deleted by a redirect response is still sent to its target). postie does
        // the same, but only while the redirects stay on the same host.
        let first_cookies = match &url {
            Ok(url) if !options.disable_cookies => {
                self.jar.header_for(url).map(|h| (url.clone(), h))
            }
            _ => None,
        };
        // A `Cookie` header of the user's gets the jar's cookies appended, as Newman's HTTP
        // library does.
        if let Some((_, jar_cookies)) = &first_cookies
            && let Some((_, own)) = current
                .headers
                .iter_mut()
                .find(|(k, _)| k.eq_ignore_ascii_case("cookie"))
        {
            *own = format!("{own}; {jar_cookies}");
        }
        loop {
            let raw = if self.single_connection {
                options.disable_url_encoding && needs_raw(&current.url)
            } else {
                // The HTTP stack adds `Accept: */*` and `Host` to a request without them.
                needs_raw(&current.url)
                    || names_need_raw(&current.headers)
                    || current.header("accept").is_none()
                    || current.header("host").is_none()
            };
            let mut response = if raw {
                let jar = (!options.disable_cookies).then_some(&*self.jar);
                self.raw.send(&current, verify_tls, jar).await?
            } else {
                let url = url
                    .map_err(|e| HttpError::new(format!("Invalid URI \"{}\": {e}", current.url)))?;
                send_once(client, &current, url).await?
            };
            let location = response.header("location").map(str::to_string);
            match location {
                Some(location) if options.follow_redirects && is_redirect(response.status) => {
                    if hops >= options.max_redirects {
                        return Err(HttpError::new(format!(
                            "Exceeded maxRedirects. Probably stuck in a redirect loop {}",
                            current.url
                        )));
                    }
                    match next_hop(&current, response.status, &location, options) {
                        Some(mut next) => {
                            if let Some((first_url, header)) = &first_cookies
                                && reqwest::Url::parse(&next.url)
                                    .is_ok_and(|u| same_origin_host(&u, first_url))
                                && next.header("cookie").is_none()
                            {
                                next.headers.push(("Cookie".to_string(), header.clone()));
                            }
                            url = reqwest::Url::parse(&next.url);
                            current = next;
                            hops += 1;
                        }
                        None => {
                            response.elapsed = started.elapsed();
                            return Ok(response);
                        }
                    }
                }
                _ => {
                    response.elapsed = started.elapsed();
                    return Ok(response);
                }
            }
        }
    }
}

/// Same host and port.
fn same_origin_host(a: &reqwest::Url, b: &reqwest::Url) -> bool {
    a.host_str() == b.host_str() && a.port_or_known_default() == b.port_or_known_default()
}

/// One HTTP exchange, no redirects; `url` is `request.url` parsed.
async fn send_once(
    client: &reqwest::Client,
    request: &HttpRequest,
    url: reqwest::Url,
) -> Result<HttpResponse, HttpError> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes())
        .map_err(|_| HttpError::new(format!("invalid method \"{}\"", request.method)))?;
    let mut headers = HeaderMap::new();
    for (name, value) in &request.headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| HttpError::new(format!("invalid header name \"{name}\"")))?;
        let value = HeaderValue::from_bytes(&latin1(value))
            .map_err(|_| HttpError::new(format!("invalid value for header \"{name}\"")))?;
        headers.append(name, value);
    }
    // User info became an `Authorization` header when the request was prepared.
    let mut target = url.clone();
    let _ = target.set_username("");
    let _ = target.set_password(None);
    let mut builder = client.request(method, target).headers(headers);
    if let Some(body) = &request.body {
        builder = builder.body(body.clone());
    }
    let started = Instant::now();
    let response = builder.send().await.map_err(|e| describe(&e, &url))?;
    let status = response.status();
    let content_encoding = response
        .headers()
        .get(reqwest::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response.bytes().await.map_err(|e| describe(&e, &url))?;
    Ok(HttpResponse {
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("").to_string(),
        headers,
        body: decode_body(body.to_vec(), content_encoding.as_deref()),
        elapsed: started.elapsed(),
    })
}

/// True when a header name would not go out as written through the HTTP stack, which writes
/// names in title case (`x-api-key` → `X-Api-Key`); such requests take the raw sender, which
/// writes them as listed, as Node does.
fn names_need_raw(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(name, _)| {
        let mut upper = true;
        name.chars().any(|c| {
            let expected = if upper {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            upper = c == '-';
            c != expected
        })
    })
}

/// The `Host` header value the HTTP stack sends for `url`: the host, with the port unless it is
/// the scheme's default.
pub fn default_host(url: &reqwest::Url) -> Option<String> {
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

/// Turn a transport error into Newman's wording where one exists.
fn describe(error: &reqwest::Error, url: &reqwest::Url) -> HttpError {
    let host = url.host_str().unwrap_or("");
    let port = url.port_or_known_default().unwrap_or(0);
    if error.is_timeout() {
        return HttpError::new("ESOCKETTIMEDOUT");
    }
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    return HttpError::new(format!(
                        "connect ECONNREFUSED {}:{port}",
                        super::raw::error::connect_address(host, port)
                    ));
                }
                std::io::ErrorKind::ConnectionReset => return HttpError::new("socket hang up"),
                std::io::ErrorKind::TimedOut => return HttpError::new("ETIMEDOUT"),
                _ => {}
            }
        }
        let text = cause.to_string();
        if text.contains("dns error") || text.contains("failed to lookup address") {
            return HttpError::new(format!("getaddrinfo ENOTFOUND {host}"));
        }
        source = cause.source();
    }
    // Fall back to the full cause chain, which names TLS and protocol problems precisely.
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    HttpError::new(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_title_case_names_need_no_raw_sender() {
        let h = |n: &str| vec![(n.to_string(), String::new())];
        assert!(!names_need_raw(&h("Content-Type")));
        assert!(!names_need_raw(&h("X-Api-Key")));
        assert!(names_need_raw(&h("x-api-key")));
        assert!(names_need_raw(&h("X-API-Key")));
        assert!(names_need_raw(&h("content-md5")));
    }
}
