//! The single real HTTP client of a run: keep-alive connections, one cookie jar, redirects,
//! TLS verification, timeouts; bodies decoded by [`super::decode`].

use super::cookies::CookieJar;
use super::decode::decode_body;
use super::message::{HttpError, HttpRequest, HttpResponse};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::redirect::Policy;
use std::error::Error as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the client behaves for the whole run.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// `-k/--insecure`: accept any TLS certificate.
    pub insecure: bool,
    /// `--timeout-request`: per-request limit.
    pub request_timeout: Option<Duration>,
}

/// Redirect limit, as Newman's default `maxRedirects`.
pub const MAX_REDIRECTS: usize = 10;

/// One client per run; cheap to share by reference.
pub struct HttpClient {
    jar: Arc<CookieJar>,
    follow: reqwest::Client,
    no_follow: reqwest::Client,
    request_timeout: Option<Duration>,
}

impl HttpClient {
    /// Build the client. Fails only if the TLS backend cannot be initialised.
    pub fn new(options: &ClientOptions) -> Result<Self, HttpError> {
        let jar = Arc::new(CookieJar::new());
        let build = |policy: Policy| {
            reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .redirect(policy)
                .danger_accept_invalid_certs(options.insecure)
                .http1_title_case_headers()
                .pool_idle_timeout(Duration::from_secs(30))
                .build()
                .map_err(|e| HttpError::new(format!("cannot start the HTTP client: {e}")))
        };
        Ok(HttpClient {
            jar: jar.clone(),
            follow: build(Policy::limited(MAX_REDIRECTS))?,
            no_follow: build(Policy::none())?,
            request_timeout: options.request_timeout,
        })
    }

    /// The run's cookie jar (shared with the sandbox).
    pub fn cookie_jar(&self) -> &Arc<CookieJar> {
        &self.jar
    }

    /// Send `request` and read the whole response. `follow_redirects` chooses the redirect policy.
    pub async fn send(
        &self,
        request: &HttpRequest,
        follow_redirects: bool,
    ) -> Result<HttpResponse, HttpError> {
        let client = if follow_redirects {
            &self.follow
        } else {
            &self.no_follow
        };
        let method = reqwest::Method::from_bytes(request.method.as_bytes())
            .map_err(|_| HttpError::new(format!("invalid method \"{}\"", request.method)))?;
        let url = reqwest::Url::parse(&request.url)
            .map_err(|e| HttpError::new(format!("Invalid URI \"{}\": {e}", request.url)))?;
        let mut headers = HeaderMap::new();
        let default_host = default_host(&url);
        for (name, value) in &request.headers {
            // The `Host` the runner lists for reports is left to the HTTP stack, which keeps it
            // right across redirects; a different, user-set `Host` is sent as written.
            if name.eq_ignore_ascii_case("host") && Some(value) == default_host.as_ref() {
                continue;
            }
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| HttpError::new(format!("invalid header name \"{name}\"")))?;
            let value = HeaderValue::from_bytes(value.as_bytes())
                .map_err(|_| HttpError::new(format!("invalid value for header \"{name}\"")))?;
            headers.append(name, value);
        }
        let mut builder = client.request(method, url.clone()).headers(headers);
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        if let Some(timeout) = self.request_timeout {
            builder = builder.timeout(timeout);
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
    if error.is_redirect() {
        return HttpError::new(format!(
            "Exceeded maxRedirects. Probably stuck in a redirect loop {url}"
        ));
    }
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    return HttpError::new(format!("connect ECONNREFUSED {host}:{port}"));
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
