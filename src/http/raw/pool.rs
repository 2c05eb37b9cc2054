//! Idle keep-alive connections of the raw sender, by where they go: a response whose body ended
//! by its framing (`Content-Length`, chunked, none) on a connection the server keeps open leaves
//! the connection here for the next request to the same place, as Node's keep-alive agent under
//! Newman does. The last one put back is the first taken (an NTLM handshake stays on one
//! connection); a few are kept per place.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use tokio::io::{AsyncRead, AsyncWrite};

/// A connection's stream: TCP, or TLS over TCP (through a proxy's tunnel or not).
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// A connection's stream, boxed.
pub type Stream = Box<dyn Io>;

/// Where a connection goes: scheme, host and port, the proxy it goes through, and the TLS
/// configuration it was made with (its address: the run keeps one per setting).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// `https`.
    pub https: bool,
    /// Host as in the URL.
    pub host: String,
    /// Port.
    pub port: u16,
    /// The proxy's host and port, when there is one.
    pub proxy: Option<(String, u16)>,
    /// The TLS configuration's address (0 for plain HTTP).
    pub tls: usize,
}

/// Idle connections kept per place.
const PER_KEY: usize = 8;

/// The idle connections.
#[derive(Default)]
pub struct Pool {
    idle: Mutex<HashMap<Key, Vec<Stream>>>,
}

impl Pool {
    /// An idle connection to `key`, the last one put back.
    pub fn take(&self, key: &Key) -> Option<Stream> {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        idle.get_mut(key)?.pop()
    }

    /// Keep `stream` for the next request to `key` (dropped when there are enough).
    pub fn put(&self, key: Key, stream: Stream) {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        let list = idle.entry(key).or_default();
        if list.len() < PER_KEY {
            list.push(stream);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn pool_gives_back_the_last_connection_put_for_the_same_place() {
        let key = |port| Key {
            https: false,
            host: "127.0.0.1".into(),
            port,
            proxy: None,
            tls: 0,
        };
        let pool = Pool::default();
        assert!(pool.take(&key(1)).is_none());
        let (a, _) = tokio::io::duplex(8);
        let (b, _) = tokio::io::duplex(8);
        pool.put(key(1), Box::new(a));
        pool.put(key(1), Box::new(b));
        assert!(pool.take(&key(2)).is_none());
        assert!(pool.take(&key(1)).is_some());
        assert!(pool.take(&key(1)).is_some());
        assert!(pool.take(&key(1)).is_none());
    }
}
