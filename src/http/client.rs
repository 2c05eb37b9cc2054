//! The single real HTTP client of a run: keep-alive connections, one cookie jar, redirects,
//! TLS verification, timeouts. Each request runs through the redirect layer
//! ([`super::redirect::Redirects`]) around one hop at a time (`http::hop`).

use super::cookies::CookieJar;
use super::hop::Hop;
use super::layer::{Layer, Next};
use super::message::{HttpError, HttpRequest, HttpResponse};
use super::raw::RawSender;
use super::redirect::{Redirects, SendOptions};
use super::timings::{TimedConnectLayer, TimedResolver};
use super::tls::{Tls, TlsKey, TlsOptions, TlsProfile};
use crate::http::HttpErrorKind;
use reqwest::redirect::Policy;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

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
    /// `--max-response-size`: a body larger than this, as received or decoded, is the
    /// request's error (`None`: no limit).
    pub max_response_size: Option<u64>,
    /// Client certificates and extra CA certificates.
    pub tls: TlsOptions,
}

/// One client per run; cheap to share by reference. Underneath is a reqwest client per TLS
/// configuration (verified or not, which client certificate) × cookies or not, built on first
/// use, sharing one cookie jar; redirects are followed here, hop by hop (see
/// [`super::redirect`]). TLS configurations come from the run's [`Tls`], which reads the
/// system's certificates only when a certificate has to be checked. A request presents the
/// client certificate its first URL picks, on every hop.
pub struct HttpClient {
    jar: Arc<CookieJar>,
    clients: Mutex<HashMap<(TlsKey, bool), reqwest::Client>>,
    tls: Arc<Tls>,
    insecure: bool,
    request_timeout: Option<Duration>,
    /// Keep at most one idle connection per host (see [`HttpClient::single_connection`]).
    single_connection: bool,
    /// `--max-response-size`.
    max_response_size: Option<u64>,
    /// Sends requests whose URL must go out as written.
    raw: Arc<RawSender>,
}

impl HttpClient {
    /// Build the client. Fails only if the TLS backend cannot be initialised.
    pub fn new(options: &ClientOptions) -> Result<Self, HttpError> {
        let client = HttpClient {
            jar: options.cookie_jar.clone().unwrap_or_default(),
            clients: Mutex::default(),
            tls: Arc::new(Tls::new(&options.tls)),
            insecure: options.insecure,
            request_timeout: options.request_timeout,
            single_connection: false,
            max_response_size: options.max_response_size,
            raw: Arc::new(RawSender::with_limit(options.max_response_size)),
        };
        let plain = TlsKey {
            verify: !options.insecure,
            certificate: None,
            profile: TlsProfile::default(),
        };
        client.inner(plain, true)?;
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
            clients: Mutex::default(),
            tls: self.tls.clone(),
            insecure: self.insecure,
            request_timeout: self.request_timeout,
            single_connection: true,
            max_response_size: self.max_response_size,
            raw: self.raw.clone(),
        }
    }

    /// The run's cookie jar (shared with the sandbox).
    pub fn cookie_jar(&self) -> &Arc<CookieJar> {
        &self.jar
    }

    fn inner(&self, tls: TlsKey, cookies: bool) -> Result<reqwest::Client, HttpError> {
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(client) = clients.get(&(tls, cookies)) {
            return Ok(client.clone());
        }
        // reqwest's own TLS settings, but the platform verifier is created on first use.
        let mut builder = reqwest::Client::builder()
            .redirect(Policy::none())
            .http1_title_case_headers()
            // Node takes up to 2,000 header fields (hyper's default is 100).
            .http1_max_headers(2000)
            .pool_idle_timeout(Duration::from_secs(30))
            // Both time new connections for `--verbose` (see `super::timings`).
            .dns_resolver(TimedResolver)
            .connector_layer(TimedConnectLayer)
            .tls_backend_preconfigured(self.tls.config(tls)?.as_ref().clone());
        if self.single_connection {
            builder = builder.pool_max_idle_per_host(1);
        }
        // Cookies are added and stored hop by hop in `follow`, as Newman's HTTP client does;
        // `cookies` only keeps the two kinds of client apart.
        let _ = cookies;
        let client = builder.build().map_err(|e| {
            HttpError::new(
                HttpErrorKind::Other,
                format!("cannot start the HTTP client: {e}"),
            )
        })?;
        clients.insert((tls, cookies), client.clone());
        Ok(client)
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
                .unwrap_or_else(|_| Err(HttpError::new(HttpErrorKind::Timeout, "ESOCKETTIMEDOUT"))),
            None => exchange.await,
        }
    }

    /// The redirect loop around one hop at a time (see [`super::layer`]).
    async fn follow(
        &self,
        request: &HttpRequest,
        options: &SendOptions,
    ) -> Result<HttpResponse, HttpError> {
        let url = reqwest::Url::parse(&request.url);
        // The client certificate is chosen by the request's own URL and kept over redirects,
        // as Newman does.
        let tls = self.tls.key(
            options.strict_ssl.unwrap_or(!self.insecure),
            url.as_ref().ok(),
            &options.tls,
        )?;
        let client = self.inner(tls, !options.disable_cookies)?;
        if self.single_connection {
            // hyper returns a finished HTTP/1 connection to the pool from a task of its own,
            // woken when the response ends; let it run so this request checks that connection
            // out instead of racing it with a new one.
            tokio::task::yield_now().await;
        }
        let hop = Hop {
            client: &client,
            jar: &self.jar,
            tls: &self.tls,
            tls_key: tls,
            raw: &self.raw,
            options,
            single_connection: self.single_connection,
            max_response_size: self.max_response_size,
            // The user's own `Cookie` header: the jar's cookies are appended to it.
            own_cookie: request.header("cookie").map(str::to_string),
            previous_url: RefCell::new(None),
        };
        let redirects = Redirects { options };
        let layers: [&dyn Layer; 1] = [&redirects];
        Next::new(&layers, &hop).run(request.clone()).await.result
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
