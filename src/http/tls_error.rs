//! TLS failures in the words of Node's `tls` module, as Newman reports them: certificate
//! verdicts (`self-signed certificate`, `certificate has expired`, `Hostname/IP does not match
//! certificate's altnames: …`), a server that does not speak TLS (`write EPROTO …wrong version
//! number…`) and a connection closed during the handshake. The verifier in [`super::tls`]
//! names certificate errors with [`name_certificate_error`] (only it sees the certificate);
//! both HTTP paths turn I/O errors into request errors with [`from_io`].

use crate::http::HttpError;
use crate::http::HttpErrorKind;
use std::sync::Arc;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{CertificateError, Error, InvalidMessage, OtherError};

/// A TLS failure as Node names it: its message and `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeTlsError {
    /// Node's message, e.g. `self-signed certificate`.
    pub message: String,
    /// Node's error code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`.
    pub code: &'static str,
}

impl std::fmt::Display for NodeTlsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NodeTlsError {}

/// OpenSSL's report of bytes that are not a TLS record (the address of the thread that saw it,
/// which Node prints first, is zeros here).
const WRONG_VERSION: &str = "write EPROTO 00000000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n";

/// The verifier's verdict on `end_entity` (sent with `intermediates`) named as Node names it,
/// carried in a [`CertificateError::Other`]; errors Node has no name for pass unchanged.
pub fn name_certificate_error(
    error: Error,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> Error {
    let Error::InvalidCertificate(certificate) = &error else {
        return error;
    };
    let named = |message: &str, code: &'static str| NodeTlsError {
        message: message.to_string(),
        code,
    };
    let node = match certificate {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            named("certificate has expired", "CERT_HAS_EXPIRED")
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            named("certificate is not yet valid", "CERT_NOT_YET_VALID")
        }
        CertificateError::Revoked => named("certificate revoked", "CERT_REVOKED"),
        CertificateError::BadSignature => {
            named("certificate signature failure", "CERT_SIGNATURE_FAILURE")
        }
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => NodeTlsError {
            message: format!(
                "Hostname/IP does not match certificate's altnames: {}",
                name_mismatch(expected, presented)
            ),
            code: "ERR_TLS_CERT_ALTNAME_INVALID",
        },
        // An untrusted chain; a self-issued certificate that is a CA comes here as `Other`.
        CertificateError::UnknownIssuer | CertificateError::Other(_) => {
            if self_issued(end_entity) {
                named("self-signed certificate", "DEPTH_ZERO_SELF_SIGNED_CERT")
            } else if intermediates.iter().any(|c| self_issued(c)) {
                named(
                    "self-signed certificate in certificate chain",
                    "SELF_SIGNED_CERT_IN_CHAIN",
                )
            } else if intermediates.is_empty() {
                named(
                    "unable to verify the first certificate",
                    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
                )
            } else {
                named(
                    "unable to get local issuer certificate",
                    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
                )
            }
        }
        _ => return error,
    };
    Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(node))))
}

/// Node's reason for a name mismatch: `IP: A is not in the cert's list: B, C` for an address,
/// `Host: NAME. is not in the cert's altnames: DNS:X, IP Address:Y` for a name.
fn name_mismatch(expected: &ServerName<'_>, presented: &[String]) -> String {
    // The verifier lists names as `DnsName("x")` and addresses as `IpAddress(1.2.3.4)`.
    let entries: Vec<(&str, &str)> = presented
        .iter()
        .filter_map(|p| {
            let (kind, rest) = p.split_once('(')?;
            Some((kind, rest.strip_suffix(')')?.trim_matches('"')))
        })
        .collect();
    match expected {
        ServerName::IpAddress(ip) => {
            let ips: Vec<&str> = entries
                .iter()
                .filter(|(kind, _)| *kind == "IpAddress")
                .map(|(_, v)| *v)
                .collect();
            format!(
                "IP: {} is not in the cert's list: {}",
                std::net::IpAddr::from(*ip),
                ips.join(", ")
            )
        }
        other => {
            let names: Vec<String> = entries
                .iter()
                .map(|(kind, v)| match *kind {
                    "DnsName" => format!("DNS:{v}"),
                    "IpAddress" => format!("IP Address:{v}"),
                    _ => format!("{kind}:{v}"),
                })
                .collect();
            format!(
                "Host: {}. is not in the cert's altnames: {}",
                other.to_str(),
                names.join(", ")
            )
        }
    }
}

/// True when the certificate's issuer and subject are the same name (OpenSSL's test for a
/// self-signed certificate); false for anything that does not parse.
fn self_issued(certificate: &CertificateDer<'_>) -> bool {
    use der::{Decode, SliceReader, Tagged, asn1::AnyRef};
    let names = || -> der::Result<bool> {
        let certificate = AnyRef::from_der(certificate.as_ref())?;
        let mut outer = SliceReader::new(certificate.value())?;
        let tbs = AnyRef::decode(&mut outer)?;
        let mut fields = SliceReader::new(tbs.value())?;
        let first = AnyRef::decode(&mut fields)?;
        if first.tag().is_context_specific() {
            // The explicit version came first; the serial number follows.
            AnyRef::decode(&mut fields)?;
        }
        let _signature = AnyRef::decode(&mut fields)?;
        let issuer = AnyRef::decode(&mut fields)?;
        let _validity = AnyRef::decode(&mut fields)?;
        let subject = AnyRef::decode(&mut fields)?;
        Ok(issuer == subject)
    };
    names().unwrap_or(false)
}

/// The request error Node reports for a TLS failure seen as `error` (from the handshake or a
/// read), when it has one.
pub fn from_io(error: &std::io::Error) -> Option<HttpError> {
    if error.kind() == std::io::ErrorKind::UnexpectedEof && error.to_string() == "tls handshake eof"
    {
        return Some(HttpError::coded(
            HttpErrorKind::Reset,
            "Error",
            "ECONNRESET",
            "Client network socket disconnected before secure TLS connection was established",
        ));
    }
    // The HTTP stack wraps the TLS layer's I/O errors in I/O errors of its own.
    from_error(error.get_ref()?)
}

/// [`from_io`] for any error of a cause chain: an I/O error or a TLS error.
pub fn from_error(error: &(dyn std::error::Error + 'static)) -> Option<HttpError> {
    if let Some(io) = error.downcast_ref::<std::io::Error>() {
        return from_io(io);
    }
    match error.downcast_ref::<Error>()? {
        Error::InvalidCertificate(CertificateError::Other(OtherError(inner))) => {
            let node = inner.downcast_ref::<NodeTlsError>()?;
            Some(HttpError::coded(
                HttpErrorKind::Tls,
                "Error",
                node.code,
                node.message.clone(),
            ))
        }
        Error::InvalidMessage(InvalidMessage::InvalidContentType) => Some(HttpError::coded(
            HttpErrorKind::Tls,
            "Error",
            "EPROTO",
            WRONG_VERSION,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(error: &Error) -> Option<(String, &'static str)> {
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, error.clone());
        from_io(&io).map(|e| (e.message, e.code.unwrap_or_default()))
    }

    #[test]
    fn tls_error_certificate_verdicts_in_node_words() {
        let leaf = CertificateDer::from(vec![0u8; 4]);
        let expired = Error::InvalidCertificate(CertificateError::Expired);
        assert_eq!(
            named(&name_certificate_error(expired, &leaf, &[])),
            Some(("certificate has expired".into(), "CERT_HAS_EXPIRED"))
        );
        let unknown = Error::InvalidCertificate(CertificateError::UnknownIssuer);
        assert_eq!(
            named(&name_certificate_error(unknown, &leaf, &[])).map(|n| n.1),
            Some("UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
            "a certificate that does not parse is not self-signed"
        );
        let other = Error::General("x".into());
        assert_eq!(
            name_certificate_error(other.clone(), &leaf, &[]),
            other,
            "not a certificate verdict"
        );
    }

    #[test]
    fn tls_error_name_mismatch_lists_the_presented_names() {
        let presented = vec![
            "DnsName(\"other.invalid\")".to_string(),
            "IpAddress(10.0.0.1)".to_string(),
        ];
        let host = ServerName::try_from("localhost").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            name_mismatch(&host, &presented),
            "Host: localhost. is not in the cert's altnames: DNS:other.invalid, IP Address:10.0.0.1"
        );
        let ip = ServerName::try_from("127.0.0.1").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            name_mismatch(&ip, &presented),
            "IP: 127.0.0.1 is not in the cert's list: 10.0.0.1"
        );
    }

    #[test]
    fn tls_error_not_tls_and_handshake_eof() {
        let corrupt = Error::InvalidMessage(InvalidMessage::InvalidContentType);
        assert_eq!(named(&corrupt).map(|n| n.1), Some("EPROTO"));
        let eof = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "tls handshake eof");
        assert_eq!(from_io(&eof).and_then(|e| e.code), Some("ECONNRESET"));
        assert_eq!(from_io(&std::io::Error::other("x")), None);
    }
}
