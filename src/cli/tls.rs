//! The TLS flags (`--ssl-client-cert`, `-key`, `-passphrase`, `-pfx`, `--ssl-client-cert-list`,
//! `--ssl-extra-ca-certs`) and `NODE_EXTRA_CA_CERTS` turned into the client's TLS settings, every
//! file read and checked before anything is sent.

use super::args::RunFlags;
use crate::diagnostic::Diagnostic;
use crate::http::files::FileAccess;
use crate::http::tls::{CertificateFlags, TlsOptions, certificates, roots};

/// Node's variable naming a PEM file of extra trusted CA certificates.
pub const NODE_EXTRA_CA_CERTS: &str = "NODE_EXTRA_CA_CERTS";

/// The run's TLS settings and the passphrases to mask; certificate files are read through
/// `files` (relative to `--working-dir`).
pub fn tls_options(
    flags: &RunFlags,
    files: FileAccess<'_>,
) -> Result<(TlsOptions, Vec<String>), Diagnostic> {
    let loaded = certificates::load(
        &CertificateFlags {
            cert: flags.ssl_client_cert.as_deref(),
            key: flags.ssl_client_key.as_deref(),
            passphrase: flags.ssl_client_passphrase.as_deref(),
            pfx: flags.ssl_client_pfx.as_deref(),
            list: flags.ssl_client_cert_list.as_deref(),
        },
        files,
    )?;
    for warning in &loaded.warnings {
        eprintln!("postie: warning: {warning}");
    }
    let mut extra_roots = Vec::new();
    if let Some(path) = std::env::var_os(NODE_EXTRA_CA_CERTS).filter(|p| !p.is_empty()) {
        match roots::node_extra_ca_certs(std::path::Path::new(&path)) {
            Ok(certs) => extra_roots.extend(certs),
            Err(warning) => eprintln!("postie: warning: {warning}"),
        }
    }
    if let Some(path) = &flags.ssl_extra_ca_certs {
        extra_roots.extend(roots::extra_ca_certs(path, files)?);
    }
    Ok((
        TlsOptions {
            certificates: loaded.certificates,
            extra_roots,
        },
        loaded.secrets,
    ))
}
