//! How long each phase of a request took, measured as the request goes, in the names and
//! meanings of Postman's `Response.timings` (offsets from the start) and
//! `Response.timingPhases` (the durations Newman's `--verbose` prints: prepare, wait, dns, tcp,
//! secureHandshake, firstByte, download, process, total).
//!
//! A hop records instants into [`HopMarks`] as it happens; when the exchange is over they become
//! [`Timings`]: offsets from the start of the exchange, of its last hop (as Postman: with
//! redirects, the phases are those of the final request and `prepare` holds the earlier hops).
//! Offsets never go backwards, so the phases are never negative and add up to `total` exactly.
//!
//! What is measured, and where postie approximates (see also the README):
//!
//! | phase | from → to |
//! |---|---|
//! | prepare | the runner starts building the request (variables, body, auth) → the last hop starts |
//! | wait | hop start → a new connection starts; **0 on a reused connection**: the HTTP stack does not say when it took an idle connection from its pool (Node's few microseconds there land in `firstByte`) |
//! | dns | the lookup of a host name (0 for an IP address, as in Node, and on a reused connection) |
//! | tcp | lookup done → TCP connected. On the pooled path "connected" is the moment TLS builds its first message (HTTPS) or the connector returns (HTTP) |
//! | secureHandshake | HTTPS on a new connection: first TLS message → handshake done (0 on a reused one, as Node) |
//! | firstByte | connected (or hop start, reused) → the response head is parsed (Node's `response` event) |
//! | download | head → last body byte |
//! | process | last byte → decoded (gzip, …), cookies stored, handed to the runner |
//!
//! The pooled path ([`super::client`], reqwest over hyper) learns about a new connection through
//! a task-local [`ConnectMarks`] that its connector layer, its resolver and the TLS session
//! store write into while the request's own task drives the connection; the raw sender
//! ([`super::raw`]) opens its connection itself and marks each step directly.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Moments of one request, as offsets from the start of its exchange: Postman's
/// `Response.timings.offset`, same names and meanings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Offsets {
    /// The last hop starts (everything before it is preparation, earlier hops included).
    pub request: Duration,
    /// A connection is assigned (a new one starts connecting, or an idle one is taken).
    pub socket: Duration,
    /// The host name is resolved.
    pub lookup: Duration,
    /// TCP is connected.
    pub connect: Duration,
    /// TLS is established (HTTPS only).
    pub secure_connect: Option<Duration>,
    /// The response head has arrived.
    pub response: Duration,
    /// The last body byte has arrived.
    pub end: Duration,
    /// The response is decoded and handed over.
    pub done: Duration,
}

/// The durations of a request's phases: what `sdk.Response.timingPhases` computes from
/// [`Offsets`], and what Newman's `--verbose` prints. They add up to `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Phases {
    /// Building the request (and, with redirects, the earlier hops).
    pub prepare: Duration,
    /// Getting a connection.
    pub wait: Duration,
    /// Resolving the host name.
    pub dns: Duration,
    /// Connecting TCP.
    pub tcp: Duration,
    /// The TLS handshake (HTTPS only).
    pub secure_handshake: Option<Duration>,
    /// Waiting for the response head.
    pub first_byte: Duration,
    /// Reading the body.
    pub download: Duration,
    /// Decoding and handing the response over.
    pub process: Duration,
    /// All of it.
    pub total: Duration,
}

impl Phases {
    /// The phases in Newman's order with Postman's names; `secureHandshake` only for HTTPS.
    pub fn named(&self) -> Vec<(&'static str, Duration)> {
        let mut out = vec![
            ("prepare", self.prepare),
            ("wait", self.wait),
            ("dns", self.dns),
            ("tcp", self.tcp),
        ];
        if let Some(tls) = self.secure_handshake {
            out.push(("secureHandshake", tls));
        }
        out.extend([
            ("firstByte", self.first_byte),
            ("download", self.download),
            ("process", self.process),
            ("total", self.total),
        ]);
        out
    }
}

/// The measured timings of one request: when it started and its [`Offsets`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// When the exchange started, in milliseconds since the Unix epoch (`timings.start`).
    pub start_ms: u64,
    /// The moments of the last hop.
    pub offset: Offsets,
    /// The last hop went over a connection opened before it (keep-alive).
    pub reused: bool,
}

impl Timings {
    /// The durations of the phases.
    pub fn phases(&self) -> Phases {
        let o = &self.offset;
        let after_connect = o.secure_connect.unwrap_or(o.connect);
        Phases {
            prepare: o.request,
            wait: o.socket.saturating_sub(o.request),
            dns: o.lookup.saturating_sub(o.socket),
            tcp: o.connect.saturating_sub(o.lookup),
            secure_handshake: o.secure_connect.map(|s| s.saturating_sub(o.connect)),
            first_byte: o.response.saturating_sub(after_connect),
            download: o.end.saturating_sub(o.response),
            process: o.done.saturating_sub(o.end),
            total: o.done,
        }
    }

    /// The exchange started `earlier` than measured: the runner spent that long preparing the
    /// request before handing it to the client, which counts as `prepare`.
    pub fn begin_earlier(&mut self, earlier: Duration) {
        let o = &mut self.offset;
        for offset in [
            &mut o.request,
            &mut o.socket,
            &mut o.lookup,
            &mut o.connect,
            &mut o.response,
            &mut o.end,
            &mut o.done,
        ] {
            *offset += earlier;
        }
        if let Some(secure) = &mut o.secure_connect {
            *secure += earlier;
        }
        let earlier_ms = u64::try_from(earlier.as_millis()).unwrap_or(u64::MAX);
        self.start_ms = self.start_ms.saturating_sub(earlier_ms);
    }
}

/// The start of an exchange (all hops of one request).
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch {
    started: Instant,
    wall: SystemTime,
}

impl Stopwatch {
    /// Start now.
    pub fn start() -> Self {
        Stopwatch {
            started: Instant::now(),
            wall: SystemTime::now(),
        }
    }

    /// The timings of an exchange whose last hop is `hop`, done now.
    pub fn finish(&self, hop: &HopMarks) -> Timings {
        let done = Instant::now();
        let since = |at: Instant| at.saturating_duration_since(self.started);
        // Each moment is at least the one before it: never a negative phase.
        let mut last = Duration::ZERO;
        let mut next = |at: Option<Instant>, fallback: Duration| {
            last = at.map_or(fallback, since).max(last);
            last
        };
        let request = next(Some(hop.started), Duration::ZERO);
        let socket = next(hop.socket, request);
        let lookup = next(hop.lookup, socket);
        let connect = next(hop.connect, lookup);
        let secure_connect = hop.https.then(|| next(hop.secure_connect, connect));
        let response = next(hop.response, secure_connect.unwrap_or(connect));
        let end = next(hop.end, response);
        let done = next(Some(done), end);
        Timings {
            start_ms: self
                .wall
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            offset: Offsets {
                request,
                socket,
                lookup,
                connect,
                secure_connect,
                response,
                end,
                done,
            },
            reused: hop.socket.is_none(),
        }
    }
}

/// The instants of one hop (one request on the wire), as far as they happened. A hop without
/// `socket` went over a reused connection.
#[derive(Debug, Clone, Copy)]
pub struct HopMarks {
    /// The hop starts.
    pub started: Instant,
    /// A new connection starts.
    pub socket: Option<Instant>,
    /// Its host name is resolved.
    pub lookup: Option<Instant>,
    /// TCP is connected.
    pub connect: Option<Instant>,
    /// TLS is established.
    pub secure_connect: Option<Instant>,
    /// The response head is parsed.
    pub response: Option<Instant>,
    /// The body's last byte arrived.
    pub end: Option<Instant>,
    /// The hop is over HTTPS.
    pub https: bool,
}

impl HopMarks {
    /// A hop starting now; `https` for an `https:` URL.
    pub fn start(https: bool) -> Self {
        HopMarks {
            started: Instant::now(),
            socket: None,
            lookup: None,
            connect: None,
            secure_connect: None,
            response: None,
            end: None,
            https,
        }
    }

    /// Take what a new connection recorded in `connect` (nothing if the hop reused one).
    fn take_connection(&mut self, connect: &ConnectMarks) {
        // A connection counts only if it was established for this hop.
        let Some(established) = connect.established.get() else {
            return;
        };
        self.socket = connect.socket.get();
        self.lookup = connect.lookup.get();
        if self.https {
            self.connect = connect.tls_started.get();
            self.secure_connect = Some(established);
        } else {
            self.connect = Some(established);
        }
    }
}

/// What the pooled path's connector, resolver and TLS session store learn about a new
/// connection, for the hop whose task drives it.
#[derive(Debug, Clone, Default)]
pub struct ConnectMarks {
    socket: Cell<Option<Instant>>,
    lookup: Cell<Option<Instant>>,
    tls_started: Cell<Option<Instant>>,
    established: Cell<Option<Instant>>,
}

tokio::task_local! {
    /// The marks of the hop this task is sending on the pooled path.
    static CONNECTING: ConnectMarks;
}

/// Set `field` of the current hop's marks to now, unless already set or no hop is listening
/// (a connection finished in the background, or the raw sender's TLS).
fn mark(field: fn(&ConnectMarks) -> &Cell<Option<Instant>>) {
    let _ = CONNECTING.try_with(|marks| {
        let cell = field(marks);
        if cell.get().is_none() {
            cell.set(Some(Instant::now()));
        }
    });
}

/// Run `send` (one hop on the pooled path) and record in `hop` what its connection did, if it
/// opened one.
pub async fn on_pooled_path<F: Future>(hop: &mut HopMarks, send: F) -> F::Output {
    let (output, marks) = CONNECTING
        .scope(ConnectMarks::default(), async {
            let output = send.await;
            (
                output,
                CONNECTING.try_with(Clone::clone).unwrap_or_default(),
            )
        })
        .await;
    hop.take_connection(&marks);
    hop.response = Some(Instant::now());
    output
}

/// The TLS layer is building its first handshake message: TCP is connected.
pub(crate) fn mark_tls_started() {
    mark(|m| &m.tls_started);
}

/// A connector layer (reqwest's `connector_layer`) marking when a new connection starts and
/// when it is established (TCP, and TLS for HTTPS).
#[derive(Debug, Clone, Copy, Default)]
pub struct TimedConnectLayer;

impl<S> tower_layer::Layer<S> for TimedConnectLayer {
    type Service = TimedConnect<S>;

    fn layer(&self, inner: S) -> TimedConnect<S> {
        TimedConnect(inner)
    }
}

/// The connector wrapped by [`TimedConnectLayer`].
#[derive(Debug, Clone)]
pub struct TimedConnect<S>(S);

impl<S, R> tower_service::Service<R> for TimedConnect<S>
where
    S: tower_service::Service<R>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        mark(|m| &m.socket);
        let connecting = self.0.call(request);
        Box::pin(async move {
            let connection = connecting.await;
            if connection.is_ok() {
                mark(|m| &m.established);
            }
            connection
        })
    }
}

/// The system's resolver (`getaddrinfo`, as the HTTP stack's own), marking when a name is
/// resolved. IP addresses never get here.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimedResolver;

impl reqwest::dns::Resolve for TimedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found = tokio::net::lookup_host((host.as_str(), 0)).await;
            mark(|m| &m.lookup);
            let addresses: Vec<std::net::SocketAddr> = found?.collect();
            Ok(Box::new(addresses.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn timings_phases_follow_postman_formulas_and_add_up() {
        let t = Timings {
            start_ms: 1,
            offset: Offsets {
                request: ms(2),
                socket: ms(3),
                lookup: ms(5),
                connect: ms(8),
                secure_connect: Some(ms(12)),
                response: ms(20),
                end: ms(27),
                done: ms(30),
            },
            reused: false,
        };
        let p = t.phases();
        assert_eq!(
            (p.prepare, p.wait, p.dns, p.tcp, p.secure_handshake),
            (ms(2), ms(1), ms(2), ms(3), Some(ms(4)))
        );
        assert_eq!(
            (p.first_byte, p.download, p.process, p.total),
            (ms(8), ms(7), ms(3), ms(30))
        );
        let sum: Duration = p.named().iter().rev().skip(1).map(|(_, d)| *d).sum();
        assert_eq!(sum, p.total);
        let names: Vec<&str> = p.named().iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "prepare",
                "wait",
                "dns",
                "tcp",
                "secureHandshake",
                "firstByte",
                "download",
                "process",
                "total"
            ]
        );
    }

    #[test]
    fn timings_marks_never_go_backwards_and_reuse_is_zero_connect() {
        let watch = Stopwatch::start();
        let mut hop = HopMarks::start(true);
        hop.response = Some(Instant::now());
        // A mark recorded out of order is lifted to the one before it.
        hop.lookup = Some(watch.started);
        hop.end = Some(Instant::now());
        let t = watch.finish(&hop);
        assert!(t.reused);
        let p = t.phases();
        assert_eq!(
            (p.wait, p.dns, p.tcp),
            (Duration::ZERO, Duration::ZERO, Duration::ZERO)
        );
        assert_eq!(p.secure_handshake, Some(Duration::ZERO));
        let sum: Duration = p.named().iter().rev().skip(1).map(|(_, d)| *d).sum();
        assert_eq!(sum, p.total);
    }

    #[test]
    fn timings_begin_earlier_moves_everything_into_prepare() {
        let mut t = Timings {
            start_ms: 1_000,
            offset: Offsets {
                done: ms(5),
                end: ms(4),
                response: ms(3),
                ..Offsets::default()
            },
            reused: true,
        };
        t.begin_earlier(ms(10));
        assert_eq!(t.start_ms, 990);
        let p = t.phases();
        assert_eq!((p.prepare, p.total), (ms(10), ms(15)));
        assert_eq!(p.first_byte, ms(3));
    }

    #[tokio::test]
    async fn timings_marks_reach_only_the_hop_in_scope() {
        let mut hop = HopMarks::start(false);
        on_pooled_path(&mut hop, async {
            mark(|m| &m.socket);
            mark(|m| &m.lookup);
            mark(|m| &m.established);
        })
        .await;
        assert!(hop.socket.is_some() && hop.lookup.is_some() && hop.connect.is_some());
        // Outside a hop, marks go nowhere (and do not fail).
        mark(|m| &m.socket);
        let mut reused = HopMarks::start(false);
        on_pooled_path(&mut reused, async { mark(|m| &m.socket) }).await;
        assert!(
            reused.socket.is_none(),
            "a connection not established is not this hop's"
        );
    }
}
