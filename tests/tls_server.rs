//! An HTTPS server on 127.0.0.1 for the client-certificate tests, and the certificates it needs,
//! made fresh by each test with rcgen: a CA, a server certificate for `localhost` and `127.0.0.1`
//! signed by it, and client certificates signed by it (PEM, encrypted PKCS#8, PKCS#12). The
//! server answers every request with the name of the client certificate it got (`none`), and
//! can require one; it counts the requests it answered.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// A test CA that signs server and client certificates.
pub struct Ca {
    issuer: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
}

/// A certificate and its key.
pub struct Leaf {
    /// The certificate (DER).
    pub der: CertificateDer<'static>,
    /// The certificate (PEM).
    pub pem: String,
    /// The private key, PKCS#8 DER.
    pub key_der: Vec<u8>,
    /// The private key, PEM.
    pub key_pem: String,
}

impl Ca {
    /// A new CA named `name`.
    pub fn new(name: &str) -> Ca {
        let mut params =
            rcgen::CertificateParams::new(Vec::<String>::new()).unwrap_or_else(|e| panic!("{e}"));
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
        let issuer =
            rcgen::CertifiedIssuer::self_signed(params, key).unwrap_or_else(|e| panic!("{e}"));
        Ca { issuer }
    }

    /// The CA certificate (PEM).
    pub fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// The CA certificate (DER).
    pub fn der(&self) -> CertificateDer<'static> {
        self.issuer.der().clone()
    }

    /// A certificate for `names` (DNS names or IP addresses) signed by this CA.
    pub fn leaf(&self, common_name: &str, names: &[&str]) -> Leaf {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let mut params = rcgen::CertificateParams::new(names).unwrap_or_else(|e| panic!("{e}"));
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, common_name);
        let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
        let cert = params
            .signed_by(&key, &self.issuer)
            .unwrap_or_else(|e| panic!("{e}"));
        Leaf {
            der: cert.der().clone(),
            pem: cert.pem(),
            key_der: key.serialize_der(),
            key_pem: key.serialize_pem(),
        }
    }
}

impl Leaf {
    /// The key as encrypted PKCS#8 PEM (PBES2: PBKDF2-SHA256, AES-256-CBC, as OpenSSL writes it).
    pub fn encrypted_key_pem(&self, passphrase: &str) -> String {
        use pkcs8::der::Decode;
        let info = pkcs8::PrivateKeyInfo::from_der(&self.key_der).unwrap_or_else(|e| panic!("{e}"));
        let params = pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(
            2048,
            b"postie-salt",
            &[7; 16],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        info.encrypt_with_params(params, passphrase)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_pem("ENCRYPTED PRIVATE KEY", pkcs8::LineEnding::LF)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_string()
    }

    /// Certificate and key as a PKCS#12 file opened with `passphrase`.
    pub fn pkcs12(&self, passphrase: &str) -> Vec<u8> {
        use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
        let key = PrivateKey::from_der(&self.key_der).unwrap_or_else(|e| panic!("{e}"));
        let cert = Certificate::from_der(&self.der).unwrap_or_else(|e| panic!("{e}"));
        let chain = PrivateKeyChain::new(vec![1u8, 2, 3, 4], key, [cert]);
        let mut store = KeyStore::new();
        store.add_entry("client", KeyStoreEntry::PrivateKeyChain(chain));
        store
            .writer(passphrase)
            .write()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Write certificate and key PEM files `NAME.pem` and `NAME.key` into `dir`.
    pub fn write_pem(&self, dir: &Path, name: &str) {
        let write = |file: String, text: &str| {
            std::fs::write(dir.join(&file), text).unwrap_or_else(|e| panic!("{file}: {e}"))
        };
        write(format!("{name}.pem"), &self.pem);
        write(format!("{name}.key"), &self.key_pem);
    }
}

/// A running HTTPS server.
pub struct TlsServer {
    /// Its port on 127.0.0.1.
    pub port: u16,
    hits: Arc<AtomicUsize>,
}

impl TlsServer {
    /// Serve with a certificate of `ca` for `localhost` and `127.0.0.1`; with `clients`, a client
    /// certificate signed by `ca` is required and each is answered with its name.
    pub fn start(ca: &Ca, clients: Option<Vec<(CertificateDer<'static>, String)>>) -> TlsServer {
        Self::start_with(ca, clients, rustls::DEFAULT_VERSIONS)
    }

    /// As [`TlsServer::start`], speaking only TLS 1.3.
    pub fn start_tls13_only(ca: &Ca) -> TlsServer {
        Self::start_with(ca, None, &[&rustls::version::TLS13])
    }

    fn start_with(
        ca: &Ca,
        clients: Option<Vec<(CertificateDer<'static>, String)>>,
        versions: &[&'static rustls::SupportedProtocolVersion],
    ) -> TlsServer {
        let server = ca.leaf("localhost", &["localhost", "127.0.0.1"]);
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(versions)
            .unwrap_or_else(|e| panic!("{e}"));
        let builder = match &clients {
            Some(_) => {
                let mut roots = rustls::RootCertStore::empty();
                roots.add(ca.der()).unwrap_or_else(|e| panic!("{e}"));
                let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider,
                )
                .build()
                .unwrap_or_else(|e| panic!("{e}"));
                builder.with_client_cert_verifier(verifier)
            }
            None => builder.with_no_client_auth(),
        };
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server.key_der.clone()));
        let config = Arc::new(
            builder
                .with_single_cert(vec![server.der.clone()], key)
                .unwrap_or_else(|e| panic!("{e}")),
        );
        let clients = Arc::new(clients.unwrap_or_default());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let hits = Arc::new(AtomicUsize::new(0));
        let counter = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (config, clients, counter) = (config.clone(), clients.clone(), counter.clone());
                std::thread::spawn(move || {
                    if serve(stream, config, &clients).is_ok() {
                        counter.fetch_add(1, Ordering::SeqCst);
                    }
                });
            }
        });
        TlsServer { port, hits }
    }

    /// How many requests it answered.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// Answer one request on `stream` with the name of the client certificate.
fn serve(
    stream: TcpStream,
    config: Arc<rustls::ServerConfig>,
    clients: &[(CertificateDer<'static>, String)],
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    let connection = rustls::ServerConnection::new(config).map_err(std::io::Error::other)?;
    let mut tls = rustls::StreamOwned::new(connection, stream);
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if tls.read(&mut byte)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
    }
    let presented = tls
        .conn
        .peer_certificates()
        .and_then(|chain| chain.first())
        .and_then(|leaf| clients.iter().find(|(der, _)| der == leaf))
        .map_or("none", |(_, name)| name.as_str());
    let answer = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{presented}",
        presented.len()
    );
    tls.write_all(answer.as_bytes())?;
    tls.conn.send_close_notify();
    tls.flush()
}
