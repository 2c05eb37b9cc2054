//! `protocolProfileBehavior`'s TLS settings, with the meanings postman-runtime gives them when it
//! hands them to Node:
//!
//! - `tlsDisabledProtocols` (a list of `SSLv2`, `SSLv3`, `TLSv1`, `TLSv1_1`, `TLSv1_2`,
//!   `TLSv1_3`): those versions are not offered. postie, like Node by default, speaks only TLS 1.2
//!   and 1.3, so the older names change nothing; disabling both leaves no protocol, a request
//!   error.
//! - `tlsCipherSelection` (a list of OpenSSL cipher names): only those suites are offered. As in
//!   Node, names starting with `TLS_` are TLS 1.3 suites and the others TLS 1.2 ones; a list
//!   without TLS 1.3 names keeps TLS 1.3 off, one without TLS 1.2 names keeps TLS 1.2 off. Names
//!   of suites postie does not implement are skipped, as OpenSSL skips unknown names; a list
//!   with none it implements is a request error (`no cipher match`). An empty list changes
//!   nothing.
//! - `tlsPreferServerCiphers` is a server's setting in Node (`honorCipherOrder`): it changes
//!   nothing for a client, here neither.

use crate::http::HttpError;
use crate::http::HttpErrorKind;
use tokio_rustls::rustls::SupportedCipherSuite;

/// The TLS settings of one request's `protocolProfileBehavior`, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsBehavior {
    /// `tlsDisabledProtocols`.
    pub disabled_protocols: Vec<String>,
    /// `tlsCipherSelection`.
    pub cipher_selection: Vec<String>,
}

/// What a [`TlsBehavior`] asks of the TLS configuration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TlsProfile {
    /// TLS 1.2 is not offered.
    pub no_tls12: bool,
    /// TLS 1.3 is not offered.
    pub no_tls13: bool,
    /// Only the provider's suites whose bits are set (by their index), or all.
    pub suites: Option<u32>,
}

/// OpenSSL's names of the suites rustls implements, with rustls's names.
const OPENSSL_NAMES: [(&str, &str); 9] = [
    ("TLS_AES_256_GCM_SHA384", "TLS13_AES_256_GCM_SHA384"),
    ("TLS_AES_128_GCM_SHA256", "TLS13_AES_128_GCM_SHA256"),
    (
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS13_CHACHA20_POLY1305_SHA256",
    ),
    (
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
    (
        "ECDHE-RSA-AES256-GCM-SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        "ECDHE-RSA-AES128-GCM-SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        "ECDHE-RSA-CHACHA20-POLY1305",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
];

impl TlsBehavior {
    /// The profile for a provider offering `suites`; an error when no protocol or no suite is
    /// left.
    pub fn profile(&self, suites: &[SupportedCipherSuite]) -> Result<TlsProfile, HttpError> {
        let disabled = |name: &str| self.disabled_protocols.iter().any(|p| p == name);
        let mut profile = TlsProfile {
            no_tls12: disabled("TLSv1_2"),
            no_tls13: disabled("TLSv1_3"),
            suites: None,
        };
        let names: Vec<&str> = self
            .cipher_selection
            .iter()
            .flat_map(|n| n.split(':'))
            .filter(|n| !n.is_empty())
            .collect();
        if !names.is_empty() {
            profile.no_tls13 |= !names.iter().any(|n| n.starts_with("TLS_"));
            profile.no_tls12 |= names.iter().all(|n| n.starts_with("TLS_"));
            let mut mask = 0u32;
            for name in &names {
                let Some((_, ours)) = OPENSSL_NAMES.iter().find(|(openssl, _)| openssl == name)
                else {
                    continue;
                };
                if let Some(index) = suites
                    .iter()
                    .position(|s| s.suite().as_str() == Some(*ours))
                {
                    mask |= 1 << index;
                }
            }
            let usable = suites.iter().enumerate().any(|(i, s)| {
                let tls13 = matches!(s, SupportedCipherSuite::Tls13(_));
                mask & (1 << i) != 0
                    && if tls13 {
                        !profile.no_tls13
                    } else {
                        !profile.no_tls12
                    }
            });
            if !usable {
                return Err(HttpError::new(
                    HttpErrorKind::Tls,
                    "SSL routines::no cipher match",
                ));
            }
            profile.suites = Some(mask);
        }
        if profile.no_tls12 && profile.no_tls13 {
            return Err(HttpError::new(
                HttpErrorKind::Tls,
                "SSL routines::no protocols available",
            ));
        }
        Ok(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suites() -> Vec<SupportedCipherSuite> {
        tokio_rustls::rustls::crypto::aws_lc_rs::default_provider().cipher_suites
    }

    fn behavior(disabled: &[&str], ciphers: &[&str]) -> TlsBehavior {
        TlsBehavior {
            disabled_protocols: disabled.iter().map(|s| s.to_string()).collect(),
            cipher_selection: ciphers.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn profile_versions_follow_disabled_protocols_and_cipher_names() {
        let all = suites();
        let p = |d: &[&str], c: &[&str]| behavior(d, c).profile(&all).map_err(|e| e.message);
        assert_eq!(p(&["TLSv1", "SSLv3"], &[]), Ok(TlsProfile::default()));
        assert!(p(&["TLSv1_3"], &[]).is_ok_and(|p| p.no_tls13 && !p.no_tls12));
        assert_eq!(
            p(&["TLSv1_2", "TLSv1_3"], &[]),
            Err("SSL routines::no protocols available".into())
        );
        let only12 = p(&[], &["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"]);
        assert!(only12.is_ok_and(|p| p.no_tls13 && !p.no_tls12 && p.suites.is_some()));
        let only13 = p(&[], &["TLS_AES_128_GCM_SHA256"]);
        assert!(only13.is_ok_and(|p| p.no_tls12 && !p.no_tls13));
        assert_eq!(
            p(&[], &["AES128-SHA"]),
            Err("SSL routines::no cipher match".into())
        );
        assert_eq!(
            p(&["TLSv1_3"], &["TLS_AES_128_GCM_SHA256", "AES128-SHA"]),
            Err("SSL routines::no cipher match".into())
        );
    }
}
