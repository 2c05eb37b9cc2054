//! TLS alerts from the server in the words of Node's OpenSSL, which Newman reports: a server that
//! wants a client certificate and got none ends the handshake with `tlsv13 alert certificate
//! required` (alert 116), one that refuses the certificate with `sslv3 alert bad certificate`
//! (42) or `tlsv1 alert unknown ca` (48). OpenSSL's error-queue prefix and source location,
//! which differ from build to build, are left out.

use crate::http::HttpError;
use crate::http::HttpErrorKind;
use tokio_rustls::rustls::{AlertDescription, Error};

/// The alert in `error`'s chain of causes, worded as OpenSSL words it.
pub fn describe(error: &(dyn std::error::Error + 'static)) -> Option<HttpError> {
    let mut cause = Some(error);
    while let Some(current) = cause {
        if let Some(Error::AlertReceived(alert)) = rustls_error(current) {
            return Some(alert_error(*alert));
        }
        cause = current.source();
    }
    None
}

/// `error` as a rustls error, directly or inside (nested) I/O errors, whose `source` skips what
/// they wrap.
fn rustls_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a Error> {
    let mut current = error;
    loop {
        if let Some(tls) = current.downcast_ref::<Error>() {
            return Some(tls);
        }
        let inner = current.downcast_ref::<std::io::Error>()?.get_ref()?;
        current = inner;
    }
}

/// OpenSSL's message for a received alert.
fn alert_error(alert: AlertDescription) -> HttpError {
    let number = u8::from(alert);
    let reason = match alert {
        AlertDescription::CloseNotify => "sslv3 alert close notify".to_string(),
        AlertDescription::UnexpectedMessage => "sslv3 alert unexpected message".to_string(),
        AlertDescription::BadRecordMac => "sslv3 alert bad record mac".to_string(),
        AlertDescription::HandshakeFailure => "sslv3 alert handshake failure".to_string(),
        AlertDescription::NoCertificate => "sslv3 alert no certificate".to_string(),
        AlertDescription::BadCertificate => "sslv3 alert bad certificate".to_string(),
        AlertDescription::UnsupportedCertificate => {
            "sslv3 alert unsupported certificate".to_string()
        }
        AlertDescription::CertificateRevoked => "sslv3 alert certificate revoked".to_string(),
        AlertDescription::CertificateExpired => "sslv3 alert certificate expired".to_string(),
        AlertDescription::CertificateUnknown => "sslv3 alert certificate unknown".to_string(),
        AlertDescription::IllegalParameter => "sslv3 alert illegal parameter".to_string(),
        AlertDescription::UnknownCA => "tlsv1 alert unknown ca".to_string(),
        AlertDescription::AccessDenied => "tlsv1 alert access denied".to_string(),
        AlertDescription::DecodeError => "tlsv1 alert decode error".to_string(),
        AlertDescription::DecryptError => "tlsv1 alert decrypt error".to_string(),
        AlertDescription::ProtocolVersion => "tlsv1 alert protocol version".to_string(),
        AlertDescription::InsufficientSecurity => "tlsv1 alert insufficient security".to_string(),
        AlertDescription::InternalError => "tlsv1 alert internal error".to_string(),
        AlertDescription::UnrecognisedName => "tlsv1 unrecognized name".to_string(),
        AlertDescription::CertificateRequired => "tlsv13 alert certificate required".to_string(),
        AlertDescription::NoApplicationProtocol => {
            "tlsv1 alert no application protocol".to_string()
        }
        other => format!("tls alert {other:?}"),
    };
    HttpError::new(
        HttpErrorKind::Tls,
        format!("SSL routines:ssl3_read_bytes:{reason}:SSL alert number {number}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alert_found_inside_io_errors_and_worded_as_openssl() {
        let io = std::io::Error::other(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            Error::AlertReceived(AlertDescription::CertificateRequired),
        ));
        let described = describe(&io).map(|e| e.message);
        assert_eq!(
            described.as_deref(),
            Some(
                "SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:SSL alert number 116"
            )
        );
        let other = std::io::Error::other("plain");
        assert!(describe(&other).is_none());
    }
}
