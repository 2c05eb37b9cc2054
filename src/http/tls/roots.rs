//! Extra trusted CA certificates, added to the platform's roots: `--ssl-extra-ca-certs FILE` (read
//! through the run's file resolver, as Newman's runtime reads it; an unusable file stops the run)
//! and Node's `NODE_EXTRA_CA_CERTS` (read as Node reads it at start-up: relative to the current
//! folder, and a file that cannot be loaded is a warning, not an error). Both apply together.

use crate::diagnostic::Diagnostic;
use crate::http::files::FileAccess;
use std::path::Path;
use tokio_rustls::rustls::RootCertStore;
use tokio_rustls::rustls::pki_types::CertificateDer;
use tokio_rustls::rustls::pki_types::pem::{PemObject, SectionKind};

/// The CA certificates of `--ssl-extra-ca-certs src`, read through `files`.
pub fn extra_ca_certs(
    src: &Path,
    files: FileAccess<'_>,
) -> Result<Vec<CertificateDer<'static>>, Diagnostic> {
    let src_text = src.to_string_lossy();
    let path = files.path(&src_text);
    let bytes = files.read(&src_text).map_err(|e| {
        let reason = e.to_string();
        let reason = reason
            .rfind(" (os error")
            .map_or(reason.as_str(), |i| &reason[..i])
            .to_string();
        Diagnostic::in_file(
            &path,
            format!("cannot read the extra CA certificates: {reason}"),
        )
    })?;
    parse(&bytes).map_err(|message| Diagnostic::in_file(&path, message))
}

/// The CA certificates of `NODE_EXTRA_CA_CERTS` (`path`), or Node's warning when they cannot be
/// loaded (the run goes on without them).
pub fn node_extra_ca_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let warn = |reason: &str| {
        format!(
            "Ignoring extra certs from `{}`, load failed: {reason}",
            path.display()
        )
    };
    let bytes = std::fs::read(path).map_err(|e| {
        let reason = e.to_string();
        warn(
            reason
                .rfind(" (os error")
                .map_or(reason.as_str(), |i| &reason[..i]),
        )
    })?;
    parse(&bytes).map_err(|message| warn(&message))
}

/// The certificates of a PEM bundle, each checked to be usable as a trust anchor.
fn parse(bytes: &[u8]) -> Result<Vec<CertificateDer<'static>>, String> {
    let mut certs = Vec::new();
    for section in <(SectionKind, Vec<u8>)>::pem_slice_iter(bytes) {
        match section {
            Ok((SectionKind::Certificate, der)) => certs.push(CertificateDer::from(der)),
            Ok(_) => {}
            Err(e) => return Err(format!("not valid PEM: {e}")),
        }
    }
    if certs.is_empty() {
        return Err("no PEM certificate in this file (-----BEGIN CERTIFICATE-----)".to_string());
    }
    let mut store = RootCertStore::empty();
    for (index, cert) in certs.iter().enumerate() {
        store.add(cert.clone()).map_err(|e| {
            format!(
                "certificate {} is not a usable CA certificate: {e}",
                index + 1
            )
        })?;
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_bad_bundles_are_refused_with_a_reason() {
        assert!(parse(b"").is_err_and(|e| e.contains("no PEM certificate")));
        let garbage = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert!(parse(garbage).is_err_and(|e| e.contains("certificate 1")));
        let missing = node_extra_ca_certs(Path::new("/no/such/ca.pem"));
        assert!(missing.is_err_and(|w| w.starts_with(
            "Ignoring extra certs from `/no/such/ca.pem`, load failed: No such file"
        )));
    }
}
