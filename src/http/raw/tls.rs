//! TLS for the raw sender, set up like the normal path's: rustls with the process-wide crypto
//! provider (aws-lc-rs unless another is installed), the platform's certificate verifier, HTTP/1.1
//! by ALPN; with verification off (`-k`, `strictSSL: false`) any certificate is accepted, but the
//! handshake signatures are still checked with the provider's algorithms.

use crate::http::HttpError;
use std::sync::Arc;
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
        Arc::new(
            rustls_platform_verifier::Verifier::new(provider.clone())
                .map_err(|e| HttpError::new(format!("cannot start TLS: {e}")))?,
        )
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
    fn tls_verifying_config_builds_and_names_hosts() {
        let config = client_config(true).unwrap_or_else(|e| panic!("config: {e}"));
        assert_eq!(config.alpn_protocols, [b"http/1.1".to_vec()]);
        let ip = url::Host::Ipv6("::1".parse().unwrap_or_else(|e| panic!("{e}")));
        assert!(server_name(&ip).is_ok());
        assert!(server_name(&url::Host::Domain("a b")).is_err());
    }
}
