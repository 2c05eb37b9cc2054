//! Client certificates: a certificate chain and its private key, read from PEM files (the key
//! plain, or encrypted PKCS#8 opened with the passphrase) or from a PKCS#12 archive (`pfx`), and
//! checked when loaded (the key must belong to the certificate), so a bad file or a wrong
//! passphrase stops the run before anything is sent. Errors name the file; they never contain
//! the passphrase.

use super::provider;
use crate::diagnostic::Diagnostic;
use pkcs8::der::Decode;
use std::path::Path;
use std::sync::Arc;
use tokio_rustls::rustls::pki_types::pem::{PemObject, SectionKind};
use tokio_rustls::rustls::pki_types::{
    CertificateDer, PrivateKeyDer, PrivatePkcs1KeyDer, PrivatePkcs8KeyDer, PrivateSec1KeyDer,
};
use tokio_rustls::rustls::sign::CertifiedKey;

/// A file's name (as the user gave it, for messages) and its bytes.
#[derive(Clone, Copy)]
pub struct FileBytes<'a> {
    /// The path to name in messages.
    pub path: &'a Path,
    /// The file's content.
    pub bytes: &'a [u8],
}

/// The identity of PEM `cert` with the key in `key` (or, without `key`, a key in the certificate
/// file itself), the key decrypted with `passphrase` when it is encrypted.
pub fn from_pem(
    cert: FileBytes<'_>,
    key: Option<FileBytes<'_>>,
    passphrase: Option<&str>,
) -> Result<Arc<CertifiedKey>, Diagnostic> {
    let chain = certificates(cert)?;
    let key_file = key.unwrap_or(cert);
    let Some(private) = private_key(key_file, passphrase)? else {
        return Err(match key {
            Some(file) => Diagnostic::in_file(file.path, "no private key in this file")
                .with_hint("a PEM key starts with -----BEGIN PRIVATE KEY----- (or RSA/EC/ENCRYPTED PRIVATE KEY)"),
            None => Diagnostic::in_file(
                cert.path,
                "the client certificate has no private key: give it with --ssl-client-key \
                 (or `key` in a --ssl-client-cert-list entry)",
            ),
        });
    };
    certified(chain, private, cert.path, key_file.path)
}

/// The identity in the PKCS#12 archive `pfx`, opened with `passphrase` (empty when `None`).
pub fn from_pkcs12(
    pfx: FileBytes<'_>,
    passphrase: Option<&str>,
) -> Result<Arc<CertifiedKey>, Diagnostic> {
    use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
    let store = KeyStore::from_pkcs12(
        pfx.bytes,
        passphrase.unwrap_or_default(),
        Pkcs12ImportPolicy::Strict,
    )
    .map_err(|e| {
        let message = match e {
            p12_keystore::error::Error::MacError(_) => match passphrase {
                Some(_) => "wrong passphrase for this PKCS#12 file".to_string(),
                None => "this PKCS#12 file needs a passphrase: give it with \
                         --ssl-client-passphrase (or `passphrase` in a --ssl-client-cert-list \
                         entry)"
                    .to_string(),
            },
            other => format!("not a PKCS#12 (pfx) file this program can read: {other}"),
        };
        Diagnostic::in_file(pfx.path, message)
    })?;
    let Some((_, chain)) = store.private_key_chain() else {
        return Err(Diagnostic::in_file(
            pfx.path,
            "this PKCS#12 file holds no private key with its certificate",
        ));
    };
    let certs = chain
        .certs()
        .iter()
        .map(|c| CertificateDer::from(c.as_der().to_vec()))
        .collect();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(chain.key().as_der().to_vec()));
    certified(certs, key, pfx.path, pfx.path)
}

/// The certificates of a PEM file, leaf first.
fn certificates(file: FileBytes<'_>) -> Result<Vec<CertificateDer<'static>>, Diagnostic> {
    let mut chain = Vec::new();
    for section in <(SectionKind, Vec<u8>)>::pem_slice_iter(file.bytes) {
        match section {
            Ok((SectionKind::Certificate, der)) => chain.push(CertificateDer::from(der)),
            Ok(_) => {}
            Err(e) => {
                return Err(Diagnostic::in_file(
                    file.path,
                    format!("not valid PEM: {e}"),
                ));
            }
        }
    }
    if chain.is_empty() {
        return Err(
            Diagnostic::in_file(file.path, "no PEM certificate in this file")
                .with_hint("a PEM certificate starts with -----BEGIN CERTIFICATE-----"),
        );
    }
    Ok(chain)
}

/// The first private key of a PEM file (`None` when it has none), decrypted when encrypted.
fn private_key(
    file: FileBytes<'_>,
    passphrase: Option<&str>,
) -> Result<Option<PrivateKeyDer<'static>>, Diagnostic> {
    let legacy = b"Proc-Type: 4,ENCRYPTED";
    if file.bytes.windows(legacy.len()).any(|w| w == legacy) {
        return Err(Diagnostic::in_file(
            file.path,
            "this key is encrypted the legacy OpenSSL way (Proc-Type: 4,ENCRYPTED), which is not \
             supported",
        )
        .with_hint("convert it to encrypted PKCS#8: openssl pkcs8 -topk8 -in OLD -out NEW"));
    }
    if let Some(block) = pem_block(file.bytes, ENCRYPTED_LABEL) {
        let (_, der) = pkcs8::der::pem::decode_vec(block)
            .map_err(|e| Diagnostic::in_file(file.path, format!("not valid PEM: {e}")))?;
        return decrypt(file.path, &der, passphrase).map(Some);
    }
    for section in <(SectionKind, Vec<u8>)>::pem_slice_iter(file.bytes) {
        let (kind, der) =
            section.map_err(|e| Diagnostic::in_file(file.path, format!("not valid PEM: {e}")))?;
        let key = match kind {
            SectionKind::PrivateKey => PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(der)),
            SectionKind::RsaPrivateKey => PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(der)),
            SectionKind::EcPrivateKey => PrivateKeyDer::Sec1(PrivateSec1KeyDer::from(der)),
            _ => continue,
        };
        return Ok(Some(key));
    }
    Ok(None)
}

/// The PEM label of an encrypted PKCS#8 key.
const ENCRYPTED_LABEL: &str = "ENCRYPTED PRIVATE KEY";

/// The first PEM block labelled `label` in `bytes`, from its BEGIN line to its END line.
fn pem_block<'a>(bytes: &'a [u8], label: &str) -> Option<&'a [u8]> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let start = find(bytes, begin.as_bytes())?;
    let stop = start + find(&bytes[start..], end.as_bytes())? + end.len();
    Some(&bytes[start..stop])
}

/// An encrypted PKCS#8 key (`-----BEGIN ENCRYPTED PRIVATE KEY-----`) opened with `passphrase`.
fn decrypt(
    path: &Path,
    der: &[u8],
    passphrase: Option<&str>,
) -> Result<PrivateKeyDer<'static>, Diagnostic> {
    let Some(passphrase) = passphrase else {
        return Err(Diagnostic::in_file(
            path,
            "this private key is encrypted: give its passphrase with --ssl-client-passphrase \
             (or `passphrase` in a --ssl-client-cert-list entry)",
        ));
    };
    let encrypted = pkcs8::EncryptedPrivateKeyInfo::from_der(der).map_err(|e| {
        Diagnostic::in_file(
            path,
            format!("not an encrypted PKCS#8 key this program can read (PBES2 only): {e}"),
        )
        .with_hint(
            "re-encrypt it as OpenSSL does by default: openssl pkcs8 -topk8 -in OLD -out NEW",
        )
    })?;
    let document = encrypted.decrypt(passphrase).map_err(|e| {
        let message = match e {
            // The cipher's padding check fails (reported as either).
            pkcs8::Error::EncryptedPrivateKey(
                pkcs8::pkcs5::Error::DecryptFailed | pkcs8::pkcs5::Error::EncryptFailed,
            ) => "wrong passphrase for this private key (bad decrypt)".to_string(),
            other @ pkcs8::Error::EncryptedPrivateKey(_) => {
                format!("cannot decrypt this private key: {other}")
            }
            // Decrypted bytes that are not a key (a wrong passphrase whose padding passed by
            // chance, about 1 time in 256).
            _ => "wrong passphrase for this private key (bad decrypt)".to_string(),
        };
        Diagnostic::in_file(path, message)
    })?;
    // A wrong passphrase can decrypt to bytes that pass the padding check by chance; they are
    // not a key.
    pkcs8::PrivateKeyInfo::from_der(document.as_bytes()).map_err(|_| {
        Diagnostic::in_file(path, "wrong passphrase for this private key (bad decrypt)")
    })?;
    Ok(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        document.as_bytes().to_vec(),
    )))
}

/// `chain` with `key`, checked to belong together.
fn certified(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    cert_path: &Path,
    key_path: &Path,
) -> Result<Arc<CertifiedKey>, Diagnostic> {
    let provider = provider();
    let signing = provider
        .key_provider
        .load_private_key(key)
        .map_err(|e| Diagnostic::in_file(key_path, format!("cannot use this private key: {e}")))?;
    let cert_key = x509_parser::parse_x509_certificate(&chain[0])
        .map(|(_, cert)| cert.tbs_certificate.subject_pki.raw.to_vec())
        .map_err(|e| {
            Diagnostic::in_file(cert_path, format!("not a valid X.509 certificate: {e}"))
        })?;
    // A key type whose public half the provider cannot tell is taken on trust.
    if let Some(public) = signing.public_key()
        && public.as_ref() != cert_key.as_slice()
    {
        return Err(Diagnostic::in_file(
            key_path,
            format!(
                "this private key does not belong to the certificate in {}",
                cert_path.display()
            ),
        ));
    }
    Ok(Arc::new(CertifiedKey::new(chain, signing)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf() -> (String, String) {
        let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
        let cert = rcgen::CertificateParams::new(vec!["client".to_string()])
            .and_then(|p| p.self_signed(&key))
            .unwrap_or_else(|e| panic!("{e}"));
        (cert.pem(), key.serialize_pem())
    }

    fn file<'a>(name: &'a str, text: &'a str) -> FileBytes<'a> {
        FileBytes {
            path: Path::new(name),
            bytes: text.as_bytes(),
        }
    }

    #[test]
    fn identity_key_must_belong_to_the_certificate() {
        let (cert, key) = leaf();
        let (_, other_key) = leaf();
        assert!(from_pem(file("c.pem", &cert), Some(file("k.pem", &key)), None).is_ok());
        let err = from_pem(file("c.pem", &cert), Some(file("o.pem", &other_key)), None)
            .err()
            .map(|d| d.to_string());
        assert_eq!(
            err.as_deref(),
            Some("o.pem: this private key does not belong to the certificate in c.pem")
        );
    }

    #[test]
    fn identity_key_may_share_the_certificate_file_else_it_is_asked_for() {
        let (cert, key) = leaf();
        let both = format!("{cert}{key}");
        assert!(from_pem(file("both.pem", &both), None, None).is_ok());
        let err = from_pem(file("c.pem", &cert), None, None)
            .err()
            .map(|d| d.to_string());
        assert!(
            err.is_some_and(|e| e.starts_with("c.pem: the client certificate has no private key"))
        );
        let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\
                      DEK-Info: AES-256-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        let err = from_pem(
            file("c.pem", &cert),
            Some(file("old.key", legacy)),
            Some("x"),
        )
        .err()
        .map(|d| d.to_string());
        assert!(err.is_some_and(|e| e.contains("old.key: this key is encrypted the legacy")));
        let err = from_pkcs12(file("x.p12", "not a pfx"), Some("x"))
            .err()
            .map(|d| d.to_string());
        assert!(err.is_some_and(|e| e.starts_with("x.p12: not a PKCS#12")));
    }
}
