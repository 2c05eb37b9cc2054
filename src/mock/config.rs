//! Configuration of the partner-API simulator: the master account, token lifetimes, the signing
//! secret and the artificial provisioning delay.

use std::fmt;

/// Seven days, the access-token lifetime seen in Mobsted's sample tokens.
const DEFAULT_ACCESS_TTL_SECS: i64 = 7 * 24 * 60 * 60;
/// Twenty-eight days, the refresh-token lifetime seen in Mobsted's sample tokens.
const DEFAULT_REFRESH_TTL_SECS: i64 = 28 * 24 * 60 * 60;

/// How the simulator behaves. [`Default`] gives the documented demo account
/// (`partner@example.com` / `partner-secret`), 7-day access and 28-day refresh tokens, and a fresh
/// random signing secret.
#[derive(Clone)]
pub struct PartnerApiConfig {
    /// Login (an email) of the master/partner account.
    pub login: String,
    /// Password of the master/partner account.
    pub password: String,
    /// Access-token lifetime in seconds; `0` (or less) makes tokens expired on issue.
    pub access_ttl_secs: i64,
    /// Refresh-token lifetime in seconds; `0` (or less) makes tokens expired on issue.
    pub refresh_ttl_secs: i64,
    /// HMAC-SHA256 key the tokens are signed with.
    pub secret: Vec<u8>,
    /// Delay before `POST /api/v8/partners` answers, mimicking tenant provisioning.
    pub partners_delay_ms: u64,
}

impl Default for PartnerApiConfig {
    fn default() -> Self {
        Self {
            login: "partner@example.com".to_owned(),
            password: "partner-secret".to_owned(),
            access_ttl_secs: DEFAULT_ACCESS_TTL_SECS,
            refresh_ttl_secs: DEFAULT_REFRESH_TTL_SECS,
            secret: rand::random::<[u8; 32]>().to_vec(),
            partners_delay_ms: 0,
        }
    }
}

/// Masks the password and the secret so a config can be logged safely.
impl fmt::Debug for PartnerApiConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PartnerApiConfig")
            .field("login", &self.login)
            .field("password", &"***")
            .field("access_ttl_secs", &self.access_ttl_secs)
            .field("refresh_ttl_secs", &self.refresh_ttl_secs)
            .field("secret", &"***")
            .field("partners_delay_ms", &self.partners_delay_ms)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_default_has_documented_values() {
        let config = PartnerApiConfig::default();
        assert_eq!(config.login, "partner@example.com");
        assert_eq!(config.access_ttl_secs, 604_800);
        assert_eq!(config.refresh_ttl_secs, 2_419_200);
        assert_eq!(config.secret.len(), 32);
        assert_ne!(config.secret, PartnerApiConfig::default().secret);
    }

    #[test]
    fn config_debug_masks_secrets() {
        let shown = format!("{:?}", PartnerApiConfig::default());
        assert!(!shown.contains("partner-secret"));
        assert!(shown.contains("partner@example.com"));
    }
}
