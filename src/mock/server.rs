//! Running the simulator: [`spawn`] on a background thread with its own tokio runtime (for tests
//! and `postie demo`), [`serve_until_ctrl_c`] in the foreground (for `postie mock partner-api`),
//! and the middleware that records every request a [`MockHandle`] received.

use std::future::Future;
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;

use super::config::PartnerApiConfig;
use super::errors::ApiError;
use super::partner_api;

/// Largest request body the simulator reads.
const BODY_LIMIT: usize = 1024 * 1024;
/// How long a stop waits for in-flight requests before dropping their connections.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// One request as the simulator received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// Method, e.g. `POST`.
    pub method: String,
    /// Path without the query, e.g. `/api/v8/partners`.
    pub path: String,
    /// Raw query string without `?`, if any.
    pub query: Option<String>,
    /// Headers in received order; names lower-case, values decoded lossily as UTF-8.
    pub headers: Vec<(String, String)>,
    /// Body decoded lossily as UTF-8 (empty when unreadable or over 1 MiB).
    pub body: String,
}

impl RecordedRequest {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// A running simulator started by [`spawn`]. Dropping it stops the server too.
#[derive(Debug)]
pub struct MockHandle {
    addr: SocketAddr,
    log: RequestLog,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl MockHandle {
    /// The address the server listens on (always 127.0.0.1).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL, `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.log.lock().clone()
    }

    /// Stops accepting, lets in-flight requests finish (for up to 2 s) and joins the thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(sender) = self.shutdown.take() {
            let _ = sender.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for MockHandle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Start the simulator on 127.0.0.1:port (0 = ephemeral) on its own thread with its own tokio
/// runtime; returns once listening.
pub fn spawn(config: PartnerApiConfig, port: u16) -> io::Result<MockHandle> {
    spawn_router(partner_api::router(config), port)
}

/// Serve `app` as [`spawn`] serves the simulator: on 127.0.0.1:port (0 = ephemeral), on its own
/// thread, every request recorded; returns once listening.
pub fn spawn_router(app: Router, port: u16) -> io::Result<MockHandle> {
    let listener = bind(port)?;
    let addr = listener.local_addr()?;
    let log = RequestLog::default();
    let app = app.layer(middleware::from_fn_with_state(log.clone(), record));
    let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();
    let (ready_tx, ready_rx) = mpsc::channel::<io::Result<()>>();

    let thread = std::thread::Builder::new()
        .name(format!("postie-mock-{}", addr.port()))
        .spawn(move || {
            let started = runtime().and_then(|rt| {
                let _guard = rt.enter();
                let listener = tokio::net::TcpListener::from_std(listener)?;
                Ok((rt, listener))
            });
            let (rt, listener) = match started {
                Ok(started) => {
                    let _ = ready_tx.send(Ok(()));
                    started
                }
                Err(err) => {
                    let _ = ready_tx.send(Err(io::Error::new(err.kind(), err.to_string())));
                    return Err(err);
                }
            };
            rt.block_on(run(listener, app, async {
                // A dropped handle (sender gone) stops the server as well.
                let _ = shutdown_rx.await;
            }))
        })?;

    let ready = ready_rx
        .recv()
        .unwrap_or_else(|_| Err(io::Error::other("simulator thread exited before listening")));
    let mut handle = MockHandle {
        addr,
        log,
        shutdown: Some(shutdown_tx),
        thread: Some(thread),
    };
    match ready {
        Ok(()) => Ok(handle),
        Err(err) => {
            handle.shutdown();
            Err(err)
        }
    }
}

/// Serve in the foreground until Ctrl-C (for `postie mock partner-api`); prints one line with the
/// URL and the login to stderr (never the password).
pub fn serve_until_ctrl_c(config: PartnerApiConfig, port: u16) -> io::Result<()> {
    let banner = format!(
        "partner API simulator listening on http://{{addr}} (login: {})",
        config.login
    );
    serve_router_until_ctrl_c(partner_api::router(config), port, &banner)
}

/// Serve `app` on 127.0.0.1:port in the foreground until Ctrl-C; prints `postie: BANNER; press
/// Ctrl-C to stop` to stderr first, `{addr}` in `banner` replaced by the address.
pub fn serve_router_until_ctrl_c(app: Router, port: u16, banner: &str) -> io::Result<()> {
    let listener = bind(port)?;
    let addr = listener.local_addr()?;
    let rt = runtime()?;
    let listener = {
        let _guard = rt.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    let banner = banner.replace("{addr}", &addr.to_string());
    eprintln!("postie: {banner}; press Ctrl-C to stop");
    rt.block_on(run(listener, app, async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No signal handler available: keep serving until the process is killed.
            std::future::pending::<()>().await;
        }
    }))
}

/// Serves `app` until `stop` resolves, then shuts down gracefully, bounded by [`SHUTDOWN_GRACE`].
async fn run(
    listener: tokio::net::TcpListener,
    app: Router,
    stop: impl Future<Output = ()>,
) -> io::Result<()> {
    let (graceful_tx, graceful_rx) = oneshot::channel::<()>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let _ = graceful_rx.await;
    });
    let mut server = tokio::spawn(server.into_future());
    tokio::select! {
        result = &mut server => return flatten(result),
        () = stop => {}
    }
    let _ = graceful_tx.send(());
    match tokio::time::timeout(SHUTDOWN_GRACE, server).await {
        Ok(result) => flatten(result),
        // Connections still open after the grace period are dropped with the runtime.
        Err(_elapsed) => Ok(()),
    }
}

fn flatten(result: Result<io::Result<()>, tokio::task::JoinError>) -> io::Result<()> {
    result.unwrap_or_else(|err| Err(io::Error::other(err)))
}

fn bind(port: u16) -> io::Result<TcpListener> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

fn runtime() -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// The shared list of recorded requests.
#[derive(Debug, Clone, Default)]
struct RequestLog(Arc<Mutex<Vec<RecordedRequest>>>);

impl RequestLog {
    fn lock(&self) -> MutexGuard<'_, Vec<RecordedRequest>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Middleware: buffers the body, records the request, then hands it on unchanged.
async fn record(State(log): State<RequestLog>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let read = axum::body::to_bytes(body, BODY_LIMIT).await;
    let body_text = read
        .as_ref()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default();
    log.lock().push(RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: body_text,
    });
    match read {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(_) => ApiError::payload_too_large(format!(
            "the request body could not be read or is larger than {BODY_LIMIT} bytes"
        ))
        .into_response(),
    }
}
