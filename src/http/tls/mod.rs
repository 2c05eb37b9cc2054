//! TLS settings: rustls with the process-wide crypto provider (aws-lc-rs unless another is
//! installed), the platform's certificate verifier plus the run's extra CA certificates
//! ([`roots`]), HTTP/1.1 by ALPN, and the run's client certificates ([`certificates`]) — what
//! reqwest sets up itself, except that the platform verifier (which reads the system's
//! certificate store, ≈ 18 million instructions, more than a whole small run otherwise costs) is
//! only created when the first certificate has to be checked: a run that speaks plain HTTP never
//! loads it. One [`Tls`] per run hands out a configuration per (verification, client
//! certificate), made on first use, to the normal path's clients and to the raw sender. With
//! verification off (`-k`, `strictSSL: false`) any certificate is accepted, but the handshake
//! signatures are still checked with the provider's algorithms.

pub(crate) mod alert;
pub(crate) mod certificates;
pub(crate) mod identity;
pub(crate) mod pattern;
pub(crate) mod profile;
pub(crate) mod roots;
pub(crate) mod sessions;

pub use certificates::{CertificateFlags, ClientCertificate};
pub use profile::{TlsBehavior, TlsProfile};

use crate::http::HttpError;
use crate::http::HttpErrorKind;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use tokio_rustls::rustls::client::ResolvesClientCert;
use tokio_rustls::rustls::client::danger::{
    HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier,
};
use tokio_rustls::rustls::crypto::{
    CryptoProvider, WebPkiSupportedAlgorithms, verify_tls12_signature, verify_tls13_signature,
};
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use tokio_rustls::rustls::sign::CertifiedKey;
use tokio_rustls::rustls::{ClientConfig, DigitallySignedStruct, Error, SignatureScheme};

/// The crypto provider: the process default, else aws-lc-rs.
pub(crate) fn provider() -> Arc<CryptoProvider> {
    CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider()))
}

/// The run's TLS settings from the command line.
#[derive(Debug, Clone, Default)]
pub struct TlsOptions {
    /// Client certificates, in the order they are tried (see [`certificates`]).
    pub certificates: Vec<ClientCertificate>,
    /// CA certificates trusted besides the platform's (see [`roots`]).
    pub extra_roots: Vec<CertificateDer<'static>>,
}

/// Which configuration a request needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TlsKey {
    /// Verify the server's certificate.
    pub verify: bool,
    /// The index of the client certificate to present, if any.
    pub certificate: Option<usize>,
    /// Versions and suites (`protocolProfileBehavior`).
    pub profile: TlsProfile,
}

/// The TLS side of a run's client, shared by its HTTP clients and the raw sender.
#[derive(Debug)]
pub struct Tls {
    provider: Arc<CryptoProvider>,
    verifier: Arc<PlatformVerifierOnFirstUse>,
    certificates: Vec<ClientCertificate>,
    configs: Mutex<HashMap<TlsKey, Arc<ClientConfig>>>,
}

impl Tls {
    /// The settings of a run; nothing is read or built yet.
    pub fn new(options: &TlsOptions) -> Self {
        let provider = provider();
        Tls {
            verifier: Arc::new(PlatformVerifierOnFirstUse {
                provider: provider.clone(),
                extra_roots: options.extra_roots.clone(),
                verifier: OnceLock::new(),
            }),
            provider,
            certificates: options.certificates.clone(),
            configs: Mutex::default(),
        }
    }

    /// The client certificate to present for a request to `url`: the first that applies.
    pub fn certificate_for(&self, url: &url::Url) -> Option<usize> {
        self.certificates.iter().position(|c| c.applies_to(url))
    }

    /// The key of the configuration for a request to `url` (its first URL: redirects keep it)
    /// with `behavior`; an error when `behavior` leaves no protocol or suite.
    pub fn key(
        &self,
        verify: bool,
        url: Option<&url::Url>,
        behavior: &TlsBehavior,
    ) -> Result<TlsKey, HttpError> {
        let profile = if *behavior == TlsBehavior::default() {
            TlsProfile::default()
        } else {
            behavior.profile(&self.provider.cipher_suites)?
        };
        Ok(TlsKey {
            verify,
            certificate: url.and_then(|u| self.certificate_for(u)),
            profile,
        })
    }

    /// The configuration for `key`, made on first use.
    pub fn config(&self, key: TlsKey) -> Result<Arc<ClientConfig>, HttpError> {
        let mut configs = self.configs.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(config) = configs.get(&key) {
            return Ok(config.clone());
        }
        let verifier: Arc<dyn ServerCertVerifier> = if key.verify {
            self.verifier.clone()
        } else {
            Arc::new(AcceptAnyCertificate {
                algorithms: self.provider.signature_verification_algorithms,
            })
        };
        let mut provider = self.provider.clone();
        if let Some(mask) = key.profile.suites {
            let mut chosen = provider.as_ref().clone();
            chosen.cipher_suites = (0..)
                .zip(&self.provider.cipher_suites)
                .filter(|(i, _)| *i < 32 && mask & (1u32 << i) != 0)
                .map(|(_, s)| *s)
                .collect();
            provider = Arc::new(chosen);
        }
        let mut versions = Vec::new();
        if !key.profile.no_tls13 {
            versions.push(&tokio_rustls::rustls::version::TLS13);
        }
        if !key.profile.no_tls12 {
            versions.push(&tokio_rustls::rustls::version::TLS12);
        }
        let builder = ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(&versions)
            .map_err(|e| HttpError::new(HttpErrorKind::Tls, format!("cannot start TLS: {e}")))?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let identity = key
            .certificate
            .and_then(|i| self.certificates.get(i))
            .map(|c| c.identity.clone());
        let mut config = match identity {
            Some(identity) => builder.with_client_cert_resolver(Arc::new(Present(identity))),
            None => builder.with_no_client_auth(),
        };
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        // The default session cache, which also marks when handshakes start (`--verbose`).
        config.resumption = tokio_rustls::rustls::client::Resumption::store(Arc::new(
            sessions::TimedSessions::default(),
        ));
        let config = Arc::new(config);
        configs.insert(key, config.clone());
        Ok(config)
    }
}

/// Presents one client certificate to every server that asks.
#[derive(Debug)]
struct Present(Arc<CertifiedKey>);

impl ResolvesClientCert for Present {
    fn resolve(&self, _: &[&[u8]], _: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }

    fn has_certs(&self) -> bool {
        true
    }
}

/// The name to present and verify for `host`.
pub fn server_name(host: &url::Host<&str>) -> Result<ServerName<'static>, HttpError> {
    match host {
        url::Host::Domain(domain) => ServerName::try_from(domain.to_string()).map_err(|_| {
            HttpError::new(
                HttpErrorKind::Tls,
                format!("invalid TLS server name \"{domain}\""),
            )
        }),
        url::Host::Ipv4(ip) => Ok(ServerName::IpAddress(std::net::IpAddr::V4(*ip).into())),
        url::Host::Ipv6(ip) => Ok(ServerName::IpAddress(std::net::IpAddr::V6(*ip).into())),
    }
}

/// The platform verifier (with the extra roots), created when it is first needed; a failure to create it fails each
/// handshake that needs it, with the reason.
#[derive(Debug)]
struct PlatformVerifierOnFirstUse {
    provider: Arc<CryptoProvider>,
    /// Trusted besides the platform's roots.
    extra_roots: Vec<CertificateDer<'static>>,
    verifier: OnceLock<Result<rustls_platform_verifier::Verifier, String>>,
}

impl PlatformVerifierOnFirstUse {
    fn verifier(&self) -> Result<&rustls_platform_verifier::Verifier, Error> {
        self.verifier
            .get_or_init(|| {
                rustls_platform_verifier::Verifier::new_with_extra_roots(
                    self.extra_roots.iter().cloned(),
                    self.provider.clone(),
                )
                .map_err(|e| format!("cannot start TLS certificate verification: {e}"))
            })
            .as_ref()
            .map_err(|message| Error::General(message.clone()))
    }
}

impl ServerCertVerifier for PlatformVerifierOnFirstUse {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        self.verifier()?
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map_err(|e| super::tls_error::name_certificate_error(e, end_entity, intermediates))
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        certificate: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.verifier()?
            .verify_tls12_signature(message, certificate, signature)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        certificate: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.verifier()?
            .verify_tls13_signature(message, certificate, signature)
    }

    /// Asked for every ClientHello: the provider's schemes, as the platform verifier answers,
    /// without creating it.
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Accepts every certificate chain and name; checks only that the server holds the key of the
/// certificate it sent (the handshake signature).
#[derive(Debug)]
struct AcceptAnyCertificate {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        certificate: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(message, certificate, signature, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        certificate: &CertificateDer<'_>,
        signature: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(message, certificate, signature, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client_config(verify: bool) -> Result<Arc<ClientConfig>, HttpError> {
        Tls::new(&TlsOptions::default()).config(TlsKey {
            verify,
            certificate: None,
            profile: TlsProfile::default(),
        })
    }

    #[test]
    fn tls_insecure_verifier_accepts_any_certificate_and_checks_signatures_with_the_provider() {
        let config = client_config(false).unwrap_or_else(|e| panic!("config: {e}"));
        assert_eq!(config.alpn_protocols, [b"http/1.1".to_vec()]);
        let provider = tokio_rustls::rustls::crypto::aws_lc_rs::default_provider();
        let verifier = AcceptAnyCertificate {
            algorithms: provider.signature_verification_algorithms,
        };
        let garbage = CertificateDer::from(vec![0u8; 8]);
        let name = ServerName::try_from("example.invalid").unwrap_or_else(|e| panic!("{e}"));
        assert!(
            verifier
                .verify_server_cert(&garbage, &[], &name, &[], UnixTime::now())
                .is_ok(),
            "any certificate is accepted"
        );
        assert_eq!(
            verifier.supported_verify_schemes(),
            provider
                .signature_verification_algorithms
                .supported_schemes(),
            "signatures are checked with the provider's algorithms"
        );
    }

    #[test]
    fn tls_platform_verifier_is_created_on_first_use_only() {
        let provider = Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider());
        let lazy = PlatformVerifierOnFirstUse {
            provider: provider.clone(),
            extra_roots: Vec::new(),
            verifier: OnceLock::new(),
        };
        assert_eq!(
            lazy.supported_verify_schemes(),
            provider
                .signature_verification_algorithms
                .supported_schemes()
        );
        assert!(
            lazy.verifier.get().is_none(),
            "not created for a ClientHello"
        );
        let garbage = CertificateDer::from(vec![0u8; 8]);
        let name = ServerName::try_from("example.invalid").unwrap_or_else(|e| panic!("{e}"));
        let verdict = lazy.verify_server_cert(&garbage, &[], &name, &[], UnixTime::now());
        assert!(verdict.is_err(), "a garbage certificate is refused");
        assert!(lazy.verifier.get().is_some(), "created to check one");
    }

    #[test]
    fn tls_verifying_config_builds_and_names_hosts() {
        let config = client_config(true).unwrap_or_else(|e| panic!("config: {e}"));
        assert_eq!(config.alpn_protocols, [b"http/1.1".to_vec()]);
        let ip = url::Host::Ipv6("::1".parse().unwrap_or_else(|e| panic!("{e}")));
        assert!(server_name(&ip).is_ok());
        assert!(server_name(&url::Host::Domain("a b")).is_err());
    }
}
