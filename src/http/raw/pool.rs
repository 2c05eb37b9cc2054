//! Idle keep-alive connections of the raw sender, by where they go: a response whose body ended
//! by its framing (`Content-Length`, chunked, none) on a connection the server keeps open leaves
//! the connection here for the next request to the same place, as Node's keep-alive agent under
//! Newman does. The last one put back is the first taken (an NTLM handshake stays on one
//! connection); a few are kept per place. A connection the server has closed (or sent anything
//! on) while it sat idle is dropped when taken, as Node's agent drops a socket that closed while
//! free, so a request is never sent twice.

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

/// A connection: its stream, and a second handle on its TCP socket that can look at what is
/// waiting on it without taking it (`None` when the socket could not be duplicated: such a
/// connection is not kept).
pub struct Conn {
    /// The stream requests and responses go over.
    stream: Stream,
    /// The TCP socket under `stream`, duplicated.
    probe: Option<socket2::Socket>,
}

impl Conn {
    /// A connection over `stream`, whose TCP socket `probe` duplicates.
    pub fn with_probe(stream: Stream, probe: Option<socket2::Socket>) -> Conn {
        Conn { stream, probe }
    }

    /// The stream and the probe, apart (the stream goes through a response reader and back).
    pub fn into_parts(self) -> (Stream, Option<socket2::Socket>) {
        (self.stream, self.probe)
    }

    /// Whether an idle connection can carry a request: the peer has neither closed it nor sent
    /// anything on it (a byte that arrived unasked means the exchange state is unknown). The
    /// socket is non-blocking, so an idle open one answers "would block".
    fn is_idle_open(&self) -> bool {
        let Some(probe) = &self.probe else {
            return false;
        };
        let mut byte = [std::mem::MaybeUninit::<u8>::uninit(); 1];
        matches!(probe.peek(&mut byte), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock)
    }
}

/// The idle connections.
#[derive(Default)]
pub struct Pool {
    idle: Mutex<HashMap<Key, Vec<Conn>>>,
}

impl Pool {
    /// An idle connection to `key` that is still open, the last one put back; closed ones are
    /// dropped on the way.
    pub fn take(&self, key: &Key) -> Option<Conn> {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        let list = idle.get_mut(key)?;
        while let Some(conn) = list.pop() {
            if conn.is_idle_open() {
                return Some(conn);
            }
        }
        None
    }

    /// Keep `conn` for the next request to `key` (dropped when there are enough).
    pub fn put(&self, key: Key, conn: Conn) {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        let list = idle.entry(key).or_default();
        if list.len() < PER_KEY && conn.probe.is_some() {
            list.push(conn);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;
    use tokio::net::{TcpListener, TcpStream};

    fn key(port: u16) -> Key {
        Key {
            https: false,
            host: "127.0.0.1".into(),
            port,
            proxy: None,
            tls: 0,
        }
    }

    /// A connected pair: the client's connection and the server's end.
    async fn pair(listener: &TcpListener) -> (Conn, TcpStream) {
        let address = listener.local_addr().expect("address");
        let client = TcpStream::connect(address).await.expect("connect");
        let (server, _) = listener.accept().await.expect("accept");
        let conn = Conn {
            probe: socket2::SockRef::from(&client).try_clone().ok(),
            stream: Box::new(client),
        };
        (conn, server)
    }

    #[tokio::test]
    async fn pool_gives_back_the_last_open_connection_put_for_the_same_place() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let pool = Pool::default();
        assert!(pool.take(&key(1)).is_none());
        let (a, _a_server) = pair(&listener).await;
        let (b, _b_server) = pair(&listener).await;
        pool.put(key(1), a);
        pool.put(key(1), b);
        assert!(pool.take(&key(2)).is_none());
        assert!(pool.take(&key(1)).is_some());
        assert!(pool.take(&key(1)).is_some());
        assert!(pool.take(&key(1)).is_none());
    }

    #[tokio::test]
    async fn a_connection_the_server_closed_or_wrote_on_while_idle_is_not_taken() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let pool = Pool::default();
        let (open, _open_server) = pair(&listener).await;
        let (closed, closed_server) = pair(&listener).await;
        let (chatty, mut chatty_server) = pair(&listener).await;
        pool.put(key(1), open);
        pool.put(key(1), closed);
        pool.put(key(1), chatty);
        drop(closed_server);
        chatty_server.write_all(b"x").await.expect("write");
        // Let the FIN and the byte arrive.
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(pool.take(&key(1)).is_some(), "the open one is still there");
        assert!(pool.take(&key(1)).is_none(), "only the open one was");
    }
}
