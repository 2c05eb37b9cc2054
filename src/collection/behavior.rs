//! `protocolProfileBehavior`, read into a type when the collection is loaded: how a request is
//! sent (redirects, TLS, cookies, URL encoding, default headers).
//!
//! The collection, each folder and each item may write some settings; a run merges them from the
//! collection down, the nearer level winning setting by setting, as Newman merges the objects key
//! by key. A setting written with a value of the wrong type still wins the merge, and then counts
//! as not set (the run's default applies), as it does in Newman. Keys postie does not use are
//! kept as written in [`ProfileBehavior::other`].

use serde_json::{Map, Value};

/// One setting as one level writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Setting<T> {
    /// Not written here: inherited from the level above.
    #[default]
    Unset,
    /// Written with a value of another type: it hides what is inherited, and the default
    /// applies.
    Ignored,
    /// Written with a usable value.
    Set(T),
}

impl<T: Clone> Setting<T> {
    /// The value, when one was set.
    pub fn get(&self) -> Option<&T> {
        match self {
            Setting::Set(value) => Some(value),
            Setting::Unset | Setting::Ignored => None,
        }
    }

    /// This setting over `inherited`: this one, unless it is unset here.
    fn over(&self, inherited: &Setting<T>) -> Setting<T> {
        match self {
            Setting::Unset => inherited.clone(),
            written => written.clone(),
        }
    }

    /// The setting `key` of `map`: `read` makes its value usable, or says it is not.
    fn read(map: &Map<String, Value>, key: &str, read: impl Fn(&Value) -> Option<T>) -> Self {
        match map.get(key) {
            None => Setting::Unset,
            Some(value) => read(value).map_or(Setting::Ignored, Setting::Set),
        }
    }
}

/// The settings of a `protocolProfileBehavior` object (one level's, or merged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileBehavior {
    /// `followRedirects`.
    pub follow_redirects: Setting<bool>,
    /// `maxRedirects`.
    pub max_redirects: Setting<u64>,
    /// `followOriginalHttpMethod`.
    pub follow_original_http_method: Setting<bool>,
    /// `followAuthorizationHeader`.
    pub follow_authorization_header: Setting<bool>,
    /// `removeRefererHeaderOnRedirect`.
    pub remove_referer_header_on_redirect: Setting<bool>,
    /// `strictSSL`.
    pub strict_ssl: Setting<bool>,
    /// `disableCookies`.
    pub disable_cookies: Setting<bool>,
    /// `disableUrlEncoding`.
    pub disable_url_encoding: Setting<bool>,
    /// `disableBodyPruning`.
    pub disable_body_pruning: Setting<bool>,
    /// `disabledSystemHeaders`: the names of default headers switched off (`{"user-agent":
    /// true}`; names with another value are left on).
    pub disabled_system_headers: Setting<Vec<String>>,
    /// `tlsDisabledProtocols` (the texts of the list).
    pub tls_disabled_protocols: Setting<Vec<String>>,
    /// `tlsCipherSelection` (the texts of the list).
    pub tls_cipher_selection: Setting<Vec<String>>,
    /// Every other key, as written.
    pub other: Map<String, Value>,
}

/// The keys read into their own fields.
const KNOWN: [&str; 12] = [
    "followRedirects",
    "maxRedirects",
    "followOriginalHttpMethod",
    "followAuthorizationHeader",
    "removeRefererHeaderOnRedirect",
    "strictSSL",
    "disableCookies",
    "disableUrlEncoding",
    "disableBodyPruning",
    "disabledSystemHeaders",
    "tlsDisabledProtocols",
    "tlsCipherSelection",
];

impl ProfileBehavior {
    /// The settings of a `protocolProfileBehavior` object as written.
    pub fn from_json(map: &Map<String, Value>) -> Self {
        let flag = |key: &str| Setting::read(map, key, Value::as_bool);
        ProfileBehavior {
            follow_redirects: flag("followRedirects"),
            max_redirects: Setting::read(map, "maxRedirects", Value::as_u64),
            follow_original_http_method: flag("followOriginalHttpMethod"),
            follow_authorization_header: flag("followAuthorizationHeader"),
            remove_referer_header_on_redirect: flag("removeRefererHeaderOnRedirect"),
            strict_ssl: flag("strictSSL"),
            disable_cookies: flag("disableCookies"),
            disable_url_encoding: flag("disableUrlEncoding"),
            disable_body_pruning: flag("disableBodyPruning"),
            disabled_system_headers: Setting::read(map, "disabledSystemHeaders", switched_on),
            tls_disabled_protocols: Setting::read(map, "tlsDisabledProtocols", texts),
            tls_cipher_selection: Setting::read(map, "tlsCipherSelection", texts),
            other: map
                .iter()
                .filter(|(key, _)| !KNOWN.contains(&key.as_str()))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect(),
        }
    }

    /// These settings over `inherited` (each one written here wins).
    pub fn over(&self, inherited: &ProfileBehavior) -> ProfileBehavior {
        let mut other = inherited.other.clone();
        other.extend(self.other.iter().map(|(k, v)| (k.clone(), v.clone())));
        ProfileBehavior {
            follow_redirects: self.follow_redirects.over(&inherited.follow_redirects),
            max_redirects: self.max_redirects.over(&inherited.max_redirects),
            follow_original_http_method: (self.follow_original_http_method)
                .over(&inherited.follow_original_http_method),
            follow_authorization_header: (self.follow_authorization_header)
                .over(&inherited.follow_authorization_header),
            remove_referer_header_on_redirect: (self.remove_referer_header_on_redirect)
                .over(&inherited.remove_referer_header_on_redirect),
            strict_ssl: self.strict_ssl.over(&inherited.strict_ssl),
            disable_cookies: self.disable_cookies.over(&inherited.disable_cookies),
            disable_url_encoding: self
                .disable_url_encoding
                .over(&inherited.disable_url_encoding),
            disable_body_pruning: self
                .disable_body_pruning
                .over(&inherited.disable_body_pruning),
            disabled_system_headers: (self.disabled_system_headers)
                .over(&inherited.disabled_system_headers),
            tls_disabled_protocols: (self.tls_disabled_protocols)
                .over(&inherited.tls_disabled_protocols),
            tls_cipher_selection: self
                .tls_cipher_selection
                .over(&inherited.tls_cipher_selection),
            other,
        }
    }

    /// The boolean setting named `key` as in the file (`disableBodyPruning`), when set; an
    /// unknown key is looked up among [`Self::other`].
    pub fn flag(&self, key: &str) -> Option<bool> {
        let setting = match key {
            "followRedirects" => &self.follow_redirects,
            "followOriginalHttpMethod" => &self.follow_original_http_method,
            "followAuthorizationHeader" => &self.follow_authorization_header,
            "removeRefererHeaderOnRedirect" => &self.remove_referer_header_on_redirect,
            "strictSSL" => &self.strict_ssl,
            "disableCookies" => &self.disable_cookies,
            "disableUrlEncoding" => &self.disable_url_encoding,
            "disableBodyPruning" => &self.disable_body_pruning,
            _ => return self.other.get(key).and_then(Value::as_bool),
        };
        setting.get().copied()
    }
}

/// The keys of an object whose value is `true`.
fn switched_on(value: &Value) -> Option<Vec<String>> {
    let map = value.as_object()?;
    Some(
        map.iter()
            .filter(|(_, v)| v.as_bool() == Some(true))
            .map(|(k, _)| k.clone())
            .collect(),
    )
}

/// The texts of a list (other entries left out).
fn texts(value: &Value) -> Option<Vec<String>> {
    let list = value.as_array()?;
    Some(
        list.iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: Value) -> ProfileBehavior {
        ProfileBehavior::from_json(v.as_object().unwrap())
    }

    #[test]
    fn behavior_settings_are_read_by_type() {
        let b = read(json!({
            "followRedirects": false, "maxRedirects": 3, "strictSSL": "no",
            "disabledSystemHeaders": {"user-agent": true, "accept": false, "host": 1},
            "tlsDisabledProtocols": ["TLSv1", 2, "TLSv1_1"], "tlsCipherSelection": "x",
            "somethingNew": {"a": 1}
        }));
        assert_eq!(b.follow_redirects, Setting::Set(false));
        assert_eq!(b.max_redirects, Setting::Set(3));
        assert_eq!(b.strict_ssl, Setting::Ignored);
        assert_eq!(b.disable_cookies, Setting::Unset);
        assert_eq!(b.disabled_system_headers.get().unwrap(), &["user-agent"]);
        assert_eq!(
            b.tls_disabled_protocols.get().unwrap(),
            &["TLSv1", "TLSv1_1"]
        );
        assert_eq!(b.tls_cipher_selection, Setting::Ignored);
        assert_eq!(
            Value::Object(b.other.clone()),
            json!({"somethingNew": {"a": 1}})
        );
        assert_eq!(b.flag("followRedirects"), Some(false));
        assert_eq!(b.flag("strictSSL"), None);
        assert_eq!(
            read(json!({"maxRedirects": -1})).max_redirects,
            Setting::Ignored
        );
    }

    #[test]
    fn behavior_nearer_level_wins_setting_by_setting() {
        let collection = read(json!({"followRedirects": false, "maxRedirects": 3, "a": 1}));
        let item = read(json!({"followRedirects": "yes", "strictSSL": true, "a": 2, "b": 3}));
        let merged = item.over(&collection);
        // A value of the wrong type still hides the inherited one: the default applies.
        assert_eq!(merged.follow_redirects, Setting::Ignored);
        assert_eq!(merged.flag("followRedirects"), None);
        assert_eq!(merged.max_redirects, Setting::Set(3));
        assert_eq!(merged.strict_ssl, Setting::Set(true));
        assert_eq!(Value::Object(merged.other), json!({"a": 2, "b": 3}));
        assert_eq!(ProfileBehavior::default().over(&collection), collection);
    }
}
