//! PEM private keys and the asymmetric signatures shared by `oauth1` (`RSA-SHA1/256/512`) and
//! `jwt` (`RS*`, `PS*`, `ES*`).
//!
//! RSA keys are read from PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM,
//! EC keys from PKCS#8 or SEC1 (`BEGIN EC PRIVATE KEY`) PEM. Encrypted keys are not supported.
//!
//! A note on RUSTSEC-2023-0071 ("Marvin", the `rsa` crate's non-constant-time private-key
//! arithmetic): it is a timing side channel that an attacker exploits by measuring many
//! private-key operations it can trigger and time, chiefly PKCS#1 v1.5 decryption on a server.
//! postie never decrypts; it signs each request once, in a local CLI run, with a key the user
//! supplied for their own requests, so there is no oracle to measure. Signing also goes through
//! the blinded code paths (`*_with_rng`), which randomise the operand of the private-key
//! exponentiation.

use super::util::Hash;
use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs8::DecodePrivateKey as _;
use rsa::rand_core::OsRng;
use rsa::signature::RandomizedSigner;
use rsa::{RsaPrivateKey, pkcs1v15, pss};
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};

/// Load an ECDSA key of one curve (PKCS#8 or SEC1 PEM) and sign with the curve's JWS hash;
/// nonces are RFC 6979 with added randomness (P-256, P-384) or random (P-521).
macro_rules! ec_sign {
    ($curve:ident, $name:literal, $pem:expr, $data:expr) => {{
        let pem: &str = $pem;
        let secret = if pem.contains("-----BEGIN EC PRIVATE KEY-----") {
            $curve::SecretKey::from_sec1_pem(pem).map_err(|e| e.to_string())
        } else {
            $curve::SecretKey::from_pkcs8_pem(pem).map_err(|e| e.to_string())
        }
        .map_err(|e| key_error(pem, concat!("a ", $name, " EC"), &e))?;
        let key = $curve::ecdsa::SigningKey::from_bytes(&secret.to_bytes())
            .map_err(|e| format!("{} key rejected: {e}", $name))?;
        let signature: $curve::ecdsa::Signature = key
            .try_sign_with_rng(&mut OsRng, $data)
            .map_err(|e| format!("ECDSA signing failed: {e}"))?;
        Ok(signature.to_bytes().to_vec())
    }};
}

/// An asymmetric signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with the hash (oauth1 `RSA-SHA*`, JWS `RS*`).
    RsaPkcs1(Hash),
    /// RSASSA-PSS with the hash, MGF1 with the same hash and a salt as long as the digest
    /// (JWS `PS*`).
    RsaPss(Hash),
    /// ECDSA on P-256 with SHA-256 (JWS `ES256`).
    EcP256,
    /// ECDSA on P-384 with SHA-384 (JWS `ES384`).
    EcP384,
    /// ECDSA on P-521 with SHA-512 (JWS `ES512`).
    EcP521,
}

/// Sign `data` with the PEM private key `pem`. RSA signatures are the big-endian integer
/// (RFC 8017); ECDSA signatures are the fixed-width `r || s` of JWS (RFC 7518 §3.4), not DER.
/// The error names the problem with the key, for a warning.
pub(super) fn sign(algorithm: Algorithm, pem: &str, data: &[u8]) -> Result<Vec<u8>, String> {
    let pem = normalize_pem(pem);
    match algorithm {
        Algorithm::RsaPkcs1(hash) => {
            let key = rsa_key(&pem)?;
            match hash {
                Hash::Sha1 => rsa_sign(pkcs1v15::SigningKey::<Sha1>::new(key), data),
                Hash::Sha256 => rsa_sign(pkcs1v15::SigningKey::<Sha256>::new(key), data),
                Hash::Sha384 => rsa_sign(pkcs1v15::SigningKey::<Sha384>::new(key), data),
                Hash::Sha512 => rsa_sign(pkcs1v15::SigningKey::<Sha512>::new(key), data),
            }
        }
        Algorithm::RsaPss(hash) => {
            let key = rsa_key(&pem)?;
            match hash {
                Hash::Sha1 => rsa_sign(pss::BlindedSigningKey::<Sha1>::new(key), data),
                Hash::Sha256 => rsa_sign(pss::BlindedSigningKey::<Sha256>::new(key), data),
                Hash::Sha384 => rsa_sign(pss::BlindedSigningKey::<Sha384>::new(key), data),
                Hash::Sha512 => rsa_sign(pss::BlindedSigningKey::<Sha512>::new(key), data),
            }
        }
        Algorithm::EcP256 => ec_sign!(p256, "P-256", &pem, data),
        Algorithm::EcP384 => ec_sign!(p384, "P-384", &pem, data),
        Algorithm::EcP521 => ec_sign!(p521, "P-521", &pem, data),
    }
}

/// Sign with an RSA signing key through its blinded, randomised path.
fn rsa_sign<K, S>(key: K, data: &[u8]) -> Result<Vec<u8>, String>
where
    K: RandomizedSigner<S>,
    S: rsa::signature::SignatureEncoding,
{
    key.try_sign_with_rng(&mut OsRng, data)
        .map(|s| s.to_vec())
        .map_err(|e| format!("RSA signing failed: {e}"))
}

/// The RSA private key in `pem` (PKCS#1 or PKCS#8).
fn rsa_key(pem: &str) -> Result<RsaPrivateKey, String> {
    let parsed = if pem.contains("-----BEGIN RSA PRIVATE KEY-----") {
        RsaPrivateKey::from_pkcs1_pem(pem).map_err(|e| e.to_string())
    } else {
        RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| e.to_string())
    };
    parsed.map_err(|e| key_error(pem, "an RSA", &e))
}

/// A warning text for a key that could not be read.
fn key_error(pem: &str, wanted: &str, detail: &str) -> String {
    if pem.is_empty() {
        "the private key is empty".to_string()
    } else if pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED") {
        "the private key is encrypted; postie needs an unencrypted PEM key".to_string()
    } else if !pem.contains("-----BEGIN ") {
        format!("the private key is not PEM text (expected {wanted} private key in PEM form)")
    } else {
        format!("the private key is not {wanted} private key in PEM form ({detail})")
    }
}

/// Trim the text, turn literal `\n` escapes (a key pasted into a single-line variable) into
/// line breaks, drop carriage returns and surrounding blanks on each line.
fn normalize_pem(pem: &str) -> String {
    let text = pem.trim();
    let text = if !text.contains('\n') && text.contains("\\n") {
        text.replace("\\n", "\n")
    } else {
        text.to_string()
    };
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(super) mod tests {
    use super::*;
    use rsa::pkcs8::DecodePublicKey as _;
    use rsa::signature::Verifier as _;

    /// The test-only RSA key (PKCS#8) and its public key; see `testdata/README.md`.
    pub(crate) const RSA_KEY: &str = include_str!("testdata/rsa-test-key.pem");
    pub(crate) const RSA_KEY_PKCS1: &str = include_str!("testdata/rsa-test-key-pkcs1.pem");
    pub(crate) const RSA_PUB: &str = include_str!("testdata/rsa-test-pub.pem");
    pub(crate) const EC256_KEY: &str = include_str!("testdata/ec256-test-key.pem");
    pub(crate) const EC256_SEC1_KEY: &str = include_str!("testdata/ec256-test-key-sec1.pem");
    pub(crate) const EC256_PUB: &str = include_str!("testdata/ec256-test-pub.pem");
    pub(crate) const EC384_KEY: &str = include_str!("testdata/ec384-test-key.pem");
    pub(crate) const EC384_PUB: &str = include_str!("testdata/ec384-test-pub.pem");
    pub(crate) const EC521_KEY: &str = include_str!("testdata/ec521-test-key.pem");
    pub(crate) const EC521_PUB: &str = include_str!("testdata/ec521-test-pub.pem");

    /// `openssl dgst -sha256 -sign rsa-test-key.pem` over `postie jwt test`, base64.
    const RS256_EXPECTED: &str = "iAjTj71M9pukEwEeoGaI0FQXinGlVfQgqaV3O+6modIIyT0oM73M2EFJO5L9GZ5qrrZagFd0BNQBWg08uTvYqS/77fDsb40ka1lgcBY2CFlB96MhyTyFDfwt0LW5OSAi2U5VAvfdJ7PXwf0oAAR/I+NiQWF+otgwyRQoaedPQ1M259aOGFLwN4oeMb/1Cuez1vyH0kqDyLjnHRya8KMvWL6ZKRRZfqua8g8nVHzWFxMGUGacnmyQD402mC4EQBes5bjcrBK6bpmwquEwh11fyF5R9uEJcShjU+rfkQKLTr8Xotf6LuNybl8N8Quko/m1JpHbVrLvj4HBa5mdArJf/Q==";

    /// True when `signature` is a valid RSA signature of `data` under the test public key.
    pub(crate) fn rsa_verifies(algorithm: Algorithm, data: &[u8], signature: &[u8]) -> bool {
        let public = rsa::RsaPublicKey::from_public_key_pem(RSA_PUB).unwrap();
        match algorithm {
            Algorithm::RsaPkcs1(Hash::Sha256) => {
                let sig = pkcs1v15::Signature::try_from(signature).unwrap();
                pkcs1v15::VerifyingKey::<Sha256>::new(public)
                    .verify(data, &sig)
                    .is_ok()
            }
            Algorithm::RsaPss(hash) => {
                let sig = pss::Signature::try_from(signature).unwrap();
                match hash {
                    Hash::Sha256 => pss::VerifyingKey::<Sha256>::new(public).verify(data, &sig),
                    Hash::Sha384 => pss::VerifyingKey::<Sha384>::new(public).verify(data, &sig),
                    Hash::Sha512 => pss::VerifyingKey::<Sha512>::new(public).verify(data, &sig),
                    Hash::Sha1 => pss::VerifyingKey::<Sha1>::new(public).verify(data, &sig),
                }
                .is_ok()
            }
            other => panic!("no verifier for {other:?} here"),
        }
    }

    /// True when `signature` (JWS `r || s`) is a valid ECDSA signature of `data` under the
    /// test public key of the algorithm's curve.
    pub(crate) fn ec_verifies(algorithm: Algorithm, data: &[u8], signature: &[u8]) -> bool {
        match algorithm {
            Algorithm::EcP256 => {
                let key = p256::ecdsa::VerifyingKey::from_public_key_pem(EC256_PUB).unwrap();
                p256::ecdsa::Signature::from_slice(signature)
                    .is_ok_and(|s| key.verify(data, &s).is_ok())
            }
            Algorithm::EcP384 => {
                let key = p384::ecdsa::VerifyingKey::from_public_key_pem(EC384_PUB).unwrap();
                p384::ecdsa::Signature::from_slice(signature)
                    .is_ok_and(|s| key.verify(data, &s).is_ok())
            }
            Algorithm::EcP521 => {
                let public = p521::PublicKey::from_public_key_pem(EC521_PUB).unwrap();
                let key = p521::ecdsa::VerifyingKey::from_affine(*public.as_affine()).unwrap();
                p521::ecdsa::Signature::from_slice(signature)
                    .is_ok_and(|s| key.verify(data, &s).is_ok())
            }
            other => panic!("no verifier for {other:?} here"),
        }
    }

    #[test]
    fn keys_rs256_matches_openssl_for_pkcs8_and_pkcs1() {
        let data = b"postie jwt test";
        for pem in [RSA_KEY, RSA_KEY_PKCS1] {
            let sig = sign(Algorithm::RsaPkcs1(Hash::Sha256), pem, data).unwrap();
            assert_eq!(super::super::util::b64(&sig), RS256_EXPECTED);
        }
        // A key pasted into a one-line variable with `\n` escapes and CRLFs still loads.
        let escaped = RSA_KEY.replace('\n', "\\n");
        let sig = sign(Algorithm::RsaPkcs1(Hash::Sha256), &escaped, data).unwrap();
        assert_eq!(super::super::util::b64(&sig), RS256_EXPECTED);
        let crlf = RSA_KEY.replace('\n', "\r\n");
        assert!(sign(Algorithm::RsaPkcs1(Hash::Sha256), &crlf, data).is_ok());
    }

    #[test]
    fn keys_pss_and_ecdsa_verify() {
        let data = b"header.payload";
        for hash in [Hash::Sha256, Hash::Sha384, Hash::Sha512] {
            let sig = sign(Algorithm::RsaPss(hash), RSA_KEY, data).unwrap();
            assert_eq!(sig.len(), 256);
            assert!(rsa_verifies(Algorithm::RsaPss(hash), data, &sig));
            assert!(!rsa_verifies(Algorithm::RsaPss(hash), b"other", &sig));
        }
        for (alg, pem, width) in [
            (Algorithm::EcP256, EC256_KEY, 64),
            (Algorithm::EcP384, EC384_KEY, 96),
            (Algorithm::EcP521, EC521_KEY, 132),
        ] {
            let sig = sign(alg, pem, data).unwrap();
            assert_eq!(sig.len(), width, "{alg:?} is raw r||s");
            assert!(ec_verifies(alg, data, &sig));
            assert!(!ec_verifies(alg, b"other", &sig));
        }
        // SEC1 form loads; it is a different key, so the PKCS#8 key's public key rejects it.
        let sig = sign(Algorithm::EcP256, EC256_SEC1_KEY, data).unwrap();
        assert_eq!(sig.len(), 64);
        assert!(!ec_verifies(Algorithm::EcP256, data, &sig));
    }

    #[test]
    fn keys_bad_keys_name_the_problem() {
        let rs = Algorithm::RsaPkcs1(Hash::Sha1);
        assert_eq!(
            sign(rs, "  ", b"x").unwrap_err(),
            "the private key is empty"
        );
        assert!(
            sign(rs, "secret", b"x")
                .unwrap_err()
                .contains("not PEM text")
        );
        let garbled = RSA_KEY.replace("MII", "AAA");
        assert!(
            sign(rs, &garbled, b"x")
                .unwrap_err()
                .contains("not an RSA private key")
        );
        let encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----";
        assert!(sign(rs, encrypted, b"x").unwrap_err().contains("encrypted"));
        // The wrong kind of key for the algorithm.
        assert!(sign(rs, EC256_KEY, b"x").unwrap_err().contains("RSA"));
        assert!(
            sign(Algorithm::EcP384, EC256_KEY, b"x")
                .unwrap_err()
                .contains("P-384")
        );
        assert!(
            sign(Algorithm::EcP256, RSA_KEY, b"x")
                .unwrap_err()
                .contains("P-256")
        );
    }
}
