//! The simulator's in-memory accounts: one master (partner) account from the config and the
//! sub-accounts created through `POST /api/v8/partners`. Owns login lookup, email validation,
//! tenant naming (`<tenant>-admin.<domain>`) and password generation.

use std::collections::HashSet;

use rand::Rng;
use rand::distr::Alphanumeric;
use uuid::Uuid;

/// Domain every simulated account lives under; `.test` is reserved and never resolves.
const DOMAIN: &str = "mobsted.test";
/// Longest tenant name produced from an email local part (before a uniqueness suffix).
const MAX_TENANT_LEN: usize = 30;
/// Length of generated sub-account passwords.
const PASSWORD_LEN: usize = 16;

/// One account that can authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Account {
    /// Account id (`uid` claim).
    pub(crate) uid: String,
    /// User id (`useruuid` claim).
    pub(crate) useruuid: String,
    /// Login: the email as given.
    pub(crate) login: String,
    /// Password, compared exactly.
    pub(crate) password: String,
    /// `<tenant>-admin.<domain>`, the `iss` claim and the account URL's host.
    pub(crate) host: String,
    /// Only partner (master) accounts may create sub-accounts.
    pub(crate) is_partner: bool,
}

impl Account {
    /// `https://<host>`, the account's login and API URL.
    pub(crate) fn url(&self) -> String {
        format!("https://{}", self.host)
    }
}

/// Why a sub-account was not created.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CreateError {
    /// The email is syntactically unusable.
    #[error("email {0:?} is not a valid email address")]
    InvalidEmail(String),
    /// Some account already uses this email (case-insensitive).
    #[error("an account with email {0:?} already exists")]
    EmailTaken(String),
}

/// All accounts, master first.
#[derive(Debug)]
pub(crate) struct AccountStore {
    accounts: Vec<Account>,
    tenants: HashSet<String>,
}

impl AccountStore {
    /// A store holding only the master account.
    pub(crate) fn new(master_login: &str, master_password: &str) -> Self {
        let mut store = Self {
            accounts: Vec::new(),
            tenants: HashSet::new(),
        };
        let tenant = store.claim_tenant(master_login);
        store.accounts.push(Account {
            uid: Uuid::new_v4().to_string(),
            useruuid: Uuid::new_v4().to_string(),
            login: master_login.to_owned(),
            password: master_password.to_owned(),
            host: format!("{tenant}-admin.{DOMAIN}"),
            is_partner: true,
        });
        store
    }

    /// The account with this login (case-insensitive) and exactly this password.
    pub(crate) fn authenticate(&self, login: &str, password: &str) -> Option<&Account> {
        self.by_login(login)
            .filter(|account| account.password.as_bytes() == password.as_bytes())
    }

    /// The account whose `uid` claim is `uid`.
    pub(crate) fn by_uid(&self, uid: &str) -> Option<&Account> {
        self.accounts.iter().find(|account| account.uid == uid)
    }

    /// Creates a non-partner account for `email` with a unique tenant and a generated password.
    pub(crate) fn create_sub_account(&mut self, email: &str) -> Result<Account, CreateError> {
        let email = email.trim();
        if !is_valid_email(email) {
            return Err(CreateError::InvalidEmail(email.to_owned()));
        }
        if self.by_login(email).is_some() {
            return Err(CreateError::EmailTaken(email.to_owned()));
        }
        let tenant = self.claim_tenant(email);
        let account = Account {
            uid: Uuid::new_v4().to_string(),
            useruuid: Uuid::new_v4().to_string(),
            login: email.to_owned(),
            password: generate_password(),
            host: format!("{tenant}-admin.{DOMAIN}"),
            is_partner: false,
        };
        self.accounts.push(account.clone());
        Ok(account)
    }

    fn by_login(&self, login: &str) -> Option<&Account> {
        let login = login.trim();
        self.accounts
            .iter()
            .find(|account| account.login.eq_ignore_ascii_case(login))
    }

    /// Reserves and returns a tenant name derived from the email's local part.
    fn claim_tenant(&mut self, email: &str) -> String {
        let base = tenant_base(email);
        let mut candidate = base.clone();
        let mut n = 2u32;
        while self.tenants.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.tenants.insert(candidate.clone());
        candidate
    }
}

/// Lower-case ASCII letters and digits from the local part, other runs turned into one `-`,
/// trimmed and capped; `account` when nothing usable is left.
fn tenant_base(email: &str) -> String {
    let local = email.split('@').next().unwrap_or_default();
    let mut tenant = String::new();
    for c in local.chars() {
        if c.is_ascii_alphanumeric() {
            tenant.push(c.to_ascii_lowercase());
        } else if !tenant.is_empty() && !tenant.ends_with('-') {
            tenant.push('-');
        }
        if tenant.len() >= MAX_TENANT_LEN {
            break;
        }
    }
    let tenant = tenant.trim_end_matches('-');
    if tenant.is_empty() {
        "account".to_owned()
    } else {
        tenant.to_owned()
    }
}

/// A deliberately simple check: one `@`, a non-empty local part, a dotted domain, no spaces.
fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty());
    !local.is_empty()
        && local.len() <= 64
        && email.len() <= 254
        && !domain.contains('@')
        && labels_ok
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn generate_password() -> String {
    rand::rng()
        .sample_iter(Alphanumeric)
        .take(PASSWORD_LEN)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> AccountStore {
        AccountStore::new("partner@example.com", "pw")
    }

    #[test]
    fn accounts_master_authenticates_case_insensitively() {
        let store = store();
        let master = store
            .authenticate("Partner@Example.com", "pw")
            .expect("auth");
        assert!(master.is_partner);
        assert_eq!(master.host, "partner-admin.mobsted.test");
        assert!(store.authenticate("partner@example.com", "PW").is_none());
    }

    #[test]
    fn accounts_sub_account_gets_unique_tenant() {
        let mut store = store();
        let a = store.create_sub_account("client.one@x.io").expect("a");
        let b = store.create_sub_account("Client_One@y.io").expect("b");
        let c = store.create_sub_account("partner@other.io").expect("c");
        assert_eq!(a.url(), "https://client-one-admin.mobsted.test");
        assert_eq!(b.url(), "https://client-one-2-admin.mobsted.test");
        assert_eq!(c.url(), "https://partner-2-admin.mobsted.test");
        assert!(!a.is_partner);
        assert_eq!(a.password.len(), PASSWORD_LEN);
        assert_ne!(a.password, b.password);
        assert!(store.authenticate("client.one@x.io", &a.password).is_some());
    }

    #[test]
    fn accounts_duplicate_email_is_taken() {
        let mut store = store();
        store.create_sub_account("a@b.co").expect("first");
        assert!(matches!(
            store.create_sub_account(" A@B.CO "),
            Err(CreateError::EmailTaken(_))
        ));
        assert!(matches!(
            store.create_sub_account("PARTNER@example.com"),
            Err(CreateError::EmailTaken(_))
        ));
    }

    #[test]
    fn accounts_invalid_emails_are_rejected() {
        let mut store = store();
        for email in [
            "", "plain", "@x.io", "a@", "a@b", "a@@b.co", "a b@c.io", "a@b..co",
        ] {
            assert!(
                matches!(
                    store.create_sub_account(email),
                    Err(CreateError::InvalidEmail(_))
                ),
                "{email}"
            );
        }
    }

    #[test]
    fn accounts_tenant_base_sanitizes() {
        assert_eq!(tenant_base("++Ünïcode__Name!!@x.io"), "n-code-name");
        assert_eq!(tenant_base("___@x.io"), "account");
        assert_eq!(tenant_base(&format!("{}@x.io", "a".repeat(80))).len(), 30);
    }
}
