//! The client certificates of a run, as Newman builds its list: the entries of
//! `--ssl-client-cert-list` in file order, then the single certificate of `--ssl-client-cert`
//! (or postie's `--ssl-client-pfx`) matching every URL, so the list wins and the single one is
//! the fallback. A request over HTTPS presents the first certificate whose `matches` take its
//! URL; its redirects keep it. Every file is read and checked when the run starts: relative
//! paths of certificate files are taken from `--working-dir` (the list file itself from the
//! current folder), as Newman's file resolver does, and `--no-insecure-file-read` applies.

use super::identity::{self, FileBytes};
use super::pattern::UrlMatchPattern;
use crate::diagnostic::Diagnostic;
use crate::http::files::FileAccess;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;
use tokio_rustls::rustls::sign::CertifiedKey;

/// One client certificate and the URLs it is for.
#[derive(Clone)]
pub struct ClientCertificate {
    /// The entry's `name` (or where it came from).
    pub name: String,
    /// `matches`: any of them takes a URL.
    pub matches: Vec<UrlMatchPattern>,
    /// The certificate chain and its key.
    pub identity: Arc<CertifiedKey>,
}

impl std::fmt::Debug for ClientCertificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientCertificate")
            .field("name", &self.name)
            .field("matches", &self.matches)
            .finish_non_exhaustive()
    }
}

impl ClientCertificate {
    /// True when this certificate is presented for `url` (HTTPS URLs only).
    pub fn applies_to(&self, url: &url::Url) -> bool {
        url.scheme() == "https" && self.matches.iter().any(|m| m.matches(url))
    }
}

/// The command line's client-certificate flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct CertificateFlags<'a> {
    /// `--ssl-client-cert`: PEM certificate (chain).
    pub cert: Option<&'a Path>,
    /// `--ssl-client-key`: its PEM private key.
    pub key: Option<&'a Path>,
    /// `--ssl-client-passphrase`: the key's (or the pfx's) passphrase.
    pub passphrase: Option<&'a str>,
    /// `--ssl-client-pfx`: a PKCS#12 archive with both.
    pub pfx: Option<&'a Path>,
    /// `--ssl-client-cert-list`: Newman's JSON list of certificates.
    pub list: Option<&'a Path>,
}

/// The certificates the flags name, loaded and checked.
#[derive(Debug, Default)]
pub struct LoadedCertificates {
    /// In the order they are tried.
    pub certificates: Vec<ClientCertificate>,
    /// Passphrases, for the masker.
    pub secrets: Vec<String>,
    /// What the user should know (patterns that never match).
    pub warnings: Vec<String>,
}

/// Load the certificates `flags` name; certificate files are read through `files`.
pub fn load(
    flags: &CertificateFlags<'_>,
    files: FileAccess<'_>,
) -> Result<LoadedCertificates, Diagnostic> {
    let mut loaded = LoadedCertificates::default();
    if flags.key.is_some() && flags.cert.is_none() {
        return Err(Diagnostic::new(
            "--ssl-client-key needs --ssl-client-cert (the certificate the key belongs to)",
        ));
    }
    if flags.passphrase.is_some() && flags.cert.is_none() && flags.pfx.is_none() {
        return Err(Diagnostic::new(
            "--ssl-client-passphrase needs --ssl-client-cert or --ssl-client-pfx",
        )
        .with_hint("passphrases of --ssl-client-cert-list entries go in their `passphrase`"));
    }
    if let Some(passphrase) = flags.passphrase {
        loaded.secrets.push(passphrase.to_string());
    }
    if let Some(list) = flags.list {
        load_list(list, files, &mut loaded)?;
    }
    let single = Source {
        cert: flags.cert.map(|p| p.to_string_lossy().into_owned()),
        key: flags.key.map(|p| p.to_string_lossy().into_owned()),
        pfx: flags.pfx.map(|p| p.to_string_lossy().into_owned()),
        passphrase: flags.passphrase.map(str::to_string),
    };
    if single.cert.is_some() || single.pfx.is_some() {
        loaded.certificates.push(ClientCertificate {
            name: "client-cert".to_string(),
            matches: vec![UrlMatchPattern::All],
            identity: single.load(files)?,
        });
    }
    Ok(loaded)
}

/// Where one certificate comes from (paths as written).
struct Source {
    cert: Option<String>,
    key: Option<String>,
    pfx: Option<String>,
    passphrase: Option<String>,
}

impl Source {
    fn load(&self, files: FileAccess<'_>) -> Result<Arc<CertifiedKey>, Diagnostic> {
        let passphrase = self.passphrase.as_deref();
        if let Some(pfx) = &self.pfx {
            let (path, bytes) = read(files, pfx, "PKCS#12 (pfx) file")?;
            return identity::from_pkcs12(
                FileBytes {
                    path: &path,
                    bytes: &bytes,
                },
                passphrase,
            );
        }
        let Some(cert) = &self.cert else {
            return Err(Diagnostic::new(
                "a client certificate needs `cert` or `pfx`",
            ));
        };
        let (cert_path, cert_bytes) = read(files, cert, "client certificate")?;
        let key = match &self.key {
            Some(key) => Some(read(files, key, "client key")?),
            None => None,
        };
        identity::from_pem(
            FileBytes {
                path: &cert_path,
                bytes: &cert_bytes,
            },
            key.as_ref().map(|(path, bytes)| FileBytes { path, bytes }),
            passphrase,
        )
    }
}

/// Read `src` through `files`; an error names the file and what it was for.
fn read(
    files: FileAccess<'_>,
    src: &str,
    what: &str,
) -> Result<(std::path::PathBuf, Vec<u8>), Diagnostic> {
    let path = files.path(src);
    match files.read(src) {
        Ok(bytes) => Ok((path, bytes)),
        Err(e) => Err(Diagnostic::in_file(
            &path,
            format!("cannot read the {what}: {}", io_reason(&e)),
        )),
    }
}

/// What went wrong reading a file, without Rust's `(os error N)`.
fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// An entry's `matches` texts (one text, or a list of texts or `{pattern}` objects); an error
/// (made by `bad`) when absent or not texts.
fn match_texts(
    fields: &serde_json::Map<String, Value>,
    bad: &dyn Fn(String) -> Diagnostic,
) -> Result<Vec<String>, Diagnostic> {
    match fields.get("matches") {
        Some(Value::String(one)) => Ok(vec![one.clone()]),
        Some(Value::Array(list)) => list
            .iter()
            .map(|m| match m {
                Value::String(s) => Ok(s.clone()),
                Value::Object(o) => match o.get("pattern") {
                    Some(Value::String(s)) => Ok(s.clone()),
                    _ => Err(bad("a `matches` pattern is not a text".into())),
                },
                _ => Err(bad("a `matches` pattern is not a text".into())),
            })
            .collect(),
        _ => Err(bad(
            "no `matches`: list the URLs it is for, e.g. [\"https://*.example.com/*\"]".into(),
        )),
    }
}

/// An entry's `cert`, `key` and `pfx` paths (each a text or `{src}`) and `passphrase`; an error
/// (made by `bad`) for a value of the wrong kind.
fn entry_source(
    fields: &serde_json::Map<String, Value>,
    bad: &dyn Fn(String) -> Diagnostic,
) -> Result<Source, Diagnostic> {
    let src = |field: &str| -> Result<Option<String>, Diagnostic> {
        match fields.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Object(o)) => match o.get("src") {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(bad(format!("`{field}.src` is not a path"))),
            },
            Some(_) => Err(bad(format!("`{field}` is not {{\"src\": PATH}}"))),
        }
    };
    let passphrase = match fields.get("passphrase") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad("`passphrase` is not a text".into())),
    };
    Ok(Source {
        cert: src("cert")?,
        key: src("key")?,
        pfx: src("pfx")?,
        passphrase,
    })
}

/// Add the entries of the list file at `path`.
fn load_list(
    path: &Path,
    files: FileAccess<'_>,
    loaded: &mut LoadedCertificates,
) -> Result<(), Diagnostic> {
    let doc = crate::collection::read_json(path, "ssl client certificates list")?;
    let Value::Array(entries) = doc else {
        return Err(Diagnostic::in_file(
            path,
            "expected ssl client certificates list to be an array",
        ));
    };
    for (index, entry) in entries.iter().enumerate() {
        let bad =
            |message: String| Diagnostic::in_file(path, format!("entry {}: {message}", index + 1));
        let Value::Object(fields) = entry else {
            return Err(bad(
                "expected an object with `matches` and `cert`/`key` or `pfx`".into(),
            ));
        };
        let name = match fields.get("name") {
            Some(Value::String(name)) => name.clone(),
            _ => format!("entry {}", index + 1),
        };
        let matches: Vec<UrlMatchPattern> = match_texts(fields, &bad)?
            .iter()
            .map(|text| {
                let pattern = UrlMatchPattern::parse(text);
                if pattern == UrlMatchPattern::Invalid {
                    loaded.warnings.push(format!(
                        "{}: entry {} (\"{name}\"): `{text}` is not a URL match pattern and \
                         matches nothing (as in Newman); write it as \
                         PROTOCOL://HOST[:PORT]/PATH, e.g. https://*.example.com:8443/*",
                        path.display(),
                        index + 1
                    ));
                }
                pattern
            })
            .collect();
        let source = entry_source(fields, &bad)?;
        if source.cert.is_none() && source.pfx.is_none() {
            return Err(bad(format!(
                "\"{name}\" has neither `cert` nor `pfx`: give {{\"cert\": {{\"src\": PATH}}, \
                 \"key\": {{\"src\": PATH}}}} or {{\"pfx\": {{\"src\": PATH}}}}"
            )));
        }
        if let Some(passphrase) = &source.passphrase {
            loaded.secrets.push(passphrase.clone());
        }
        let identity = source.load(files)?;
        loaded.certificates.push(ClientCertificate {
            name,
            matches,
            identity,
        });
    }
    Ok(())
}
