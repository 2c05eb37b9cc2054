//! TLS settings: rustls with the process-wide crypto provider (aws-lc-rs unless another is
//! installed), the platform's certificate verifier, HTTP/1.1 by ALPN — what reqwest sets up itself,
//! except that the platform verifier (which reads the system's certificate store, ≈ 18 million
//! instructions, more than a whole small run otherwise costs) is only created when the first
//! certificate has to be checked: a run that speaks plain HTTP never loads it. Used by the normal
//! path's verifying client and by the raw sender. With verification off (`-k`, `strictSSL:
//! false`) the raw sender accepts any certificate but still checks the handshake signatures with
//! the provider's algorithms.

use crate::http::HttpError;
use std::sync::{Arc, OnceLock};
use tokio_rustls::rustls::client::danger::{
    HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier,
};
use tokio_rustls::rustls::crypto::{
    CryptoProvider, WebPkiSupportedAlgorithms, verify_tls12_signature, verify_tls13_signature,
};
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use tokio_rustls::rustls::{ClientConfig, DigitallySignedStruct, Error, SignatureScheme};

/// A client configuration that verifies certificates with the platform verifier, or (with
/// `verify` false) accepts any certificate.
pub fn client_config(verify: bool) -> Result<Arc<ClientConfig>, HttpError> {
    let provider = CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider()));
    let verifier: Arc<dyn ServerCertVerifier> = if verify {
        Arc::new(PlatformVerifierOnFirstUse {
            provider: provider.clone(),
            verifier: OnceLock::new(),
        })
    } else {
        Arc::new(AcceptAnyCertificate {
            algorithms: provider.signature_verification_algorithms,
        })
    };
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| HttpError::new(format!("cannot start TLS: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The name to present and verify for `host`.
pub fn server_name(host: &url::Host<&str>) -> Result<ServerName<'static>, HttpError> {
    match host {
        url::Host::Domain(domain) => ServerName::try_from(domain.to_string())
            .map_err(|_| HttpError::new(format!("invalid TLS server name \"{domain}\""))),
        url::Host::Ipv4(ip) => Ok(ServerName::IpAddress(std::net::IpAddr::V4(*ip).into())),
        url::Host::Ipv6(ip) => Ok(ServerName::IpAddress(std::net::IpAddr::V6(*ip).into())),
    }
}

/// The platform verifier, created when it is first needed; a failure to create it fails each
/// handshake that needs it, with the reason.
#[derive(Debug)]
struct PlatformVerifierOnFirstUse {
    provider: Arc<CryptoProvider>,
    verifier: OnceLock<Result<rustls_platform_verifier::Verifier, String>>,
}

impl PlatformVerifierOnFirstUse {
    fn verifier(&self) -> Result<&rustls_platform_verifier::Verifier, Error> {
        self.verifier
            .get_or_init(|| {
                rustls_platform_verifier::Verifier::new(self.provider.clone())
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
