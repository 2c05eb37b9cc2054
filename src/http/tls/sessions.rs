//! The TLS session cache (rustls's in-memory one, 256 servers, as by default), telling
//! [`crate::http::timings`] when a handshake starts: rustls asks it for a key-share hint or a
//! session to resume while it builds the ClientHello, right after TCP has connected. That moment
//! separates the `tcp` and `secureHandshake` phases on the pooled path.

use crate::http::timings::mark_tls_started;
use tokio_rustls::rustls::NamedGroup;
use tokio_rustls::rustls::client::{
    ClientSessionMemoryCache, ClientSessionStore, Tls12ClientSessionValue, Tls13ClientSessionValue,
};
use tokio_rustls::rustls::pki_types::ServerName;

/// rustls's session cache, marking the start of each handshake.
#[derive(Debug)]
pub struct TimedSessions(ClientSessionMemoryCache);

impl Default for TimedSessions {
    fn default() -> Self {
        TimedSessions(ClientSessionMemoryCache::new(256))
    }
}

impl ClientSessionStore for TimedSessions {
    fn set_kx_hint(&self, server_name: ServerName<'static>, group: NamedGroup) {
        self.0.set_kx_hint(server_name, group);
    }

    fn kx_hint(&self, server_name: &ServerName<'_>) -> Option<NamedGroup> {
        mark_tls_started();
        self.0.kx_hint(server_name)
    }

    fn set_tls12_session(&self, server_name: ServerName<'static>, value: Tls12ClientSessionValue) {
        self.0.set_tls12_session(server_name, value);
    }

    fn tls12_session(&self, server_name: &ServerName<'_>) -> Option<Tls12ClientSessionValue> {
        mark_tls_started();
        self.0.tls12_session(server_name)
    }

    fn remove_tls12_session(&self, server_name: &ServerName<'static>) {
        self.0.remove_tls12_session(server_name);
    }

    fn insert_tls13_ticket(
        &self,
        server_name: ServerName<'static>,
        value: Tls13ClientSessionValue,
    ) {
        self.0.insert_tls13_ticket(server_name, value);
    }

    fn take_tls13_ticket(
        &self,
        server_name: &ServerName<'static>,
    ) -> Option<Tls13ClientSessionValue> {
        mark_tls_started();
        self.0.take_tls13_ticket(server_name)
    }
}
