//! Auth: v1 `currentHelper` / `helperAttributes` pairs (or a v2-style `auth` block) as v2.1
//! auth blocks, with the v1 attribute names renamed.

use serde_json::{Map, Value};

use super::util::{id_key, path, truthy, wrong};

/// A v1 auth helper: (v1 name, v2.1 auth type, [(v2.1 parameter, v1 attribute)]).
type AuthHelper = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// v1 helper name → (v2.1 auth type, [(v2.1 parameter, v1 attribute)]). `awsSigV4` keeps its
/// attributes as they are, and `basicAuth` always adds `showPassword: false`.
const AUTH_HELPERS: &[AuthHelper] = &[
    (
        "apikeyAuth",
        "apikey",
        &[("key", "key"), ("value", "value"), ("in", "in")],
    ),
    (
        "basicAuth",
        "basic",
        &[
            ("username", "username"),
            ("password", "password"),
            ("saveHelperData", "saveToRequest"),
        ],
    ),
    ("bearerAuth", "bearer", &[("token", "token")]),
    (
        "digestAuth",
        "digest",
        &[
            ("algorithm", "algorithm"),
            ("username", "username"),
            ("realm", "realm"),
            ("password", "password"),
            ("nonce", "nonce"),
            ("nonceCount", "nonceCount"),
            ("clientNonce", "clientNonce"),
            ("opaque", "opaque"),
            ("qop", "qop"),
            ("disableRetryRequest", "disableRetryRequest"),
        ],
    ),
    (
        "oAuth1",
        "oauth1",
        &[
            ("consumerKey", "consumerKey"),
            ("consumerSecret", "consumerSecret"),
            ("token", "token"),
            ("tokenSecret", "tokenSecret"),
            ("signatureMethod", "signatureMethod"),
            ("timestamp", "timestamp"),
            ("nonce", "nonce"),
            ("version", "version"),
            ("realm", "realm"),
            ("addParamsToHeader", "header"),
            ("autoAddParam", "auto"),
            ("addEmptyParamsToSign", "includeEmpty"),
        ],
    ),
    (
        "hawkAuth",
        "hawk",
        &[
            ("authId", "hawk_id"),
            ("authKey", "hawk_key"),
            ("algorithm", "algorithm"),
            ("user", "user"),
            ("saveHelperData", "saveToRequest"),
            ("nonce", "nonce"),
            ("extraData", "ext"),
            ("appId", "app"),
            ("delegation", "dlg"),
            ("timestamp", "timestamp"),
        ],
    ),
    (
        "ntlmAuth",
        "ntlm",
        &[
            ("username", "username"),
            ("password", "password"),
            ("domain", "domain"),
            ("workstation", "workstation"),
            ("disableRetryRequest", "disableRetryRequest"),
        ],
    ),
    (
        "oAuth2",
        "oauth2",
        &[
            ("accessToken", "accessToken"),
            ("addTokenTo", "addTokenTo"),
            ("callBackUrl", "callBackUrl"),
            ("authUrl", "authUrl"),
            ("accessTokenUrl", "accessTokenUrl"),
            ("clientId", "clientId"),
            ("clientSecret", "clientSecret"),
            ("clientAuth", "clientAuth"),
            ("grantType", "grantType"),
            ("scope", "scope"),
            ("username", "username"),
            ("password", "password"),
            ("tokenType", "tokenType"),
            ("redirectUri", "redirectUri"),
            ("refreshToken", "refreshToken"),
        ],
    ),
    ("awsSigV4", "awsv4", &[]),
    (
        "jwtAuth",
        "jwt",
        &[
            ("algorithm", "algorithm"),
            ("isSecretBase64Encoded", "isSecretBase64Encoded"),
            ("payload", "payload"),
            ("addTokenTo", "addTokenTo"),
            ("headerPrefix", "headerPrefix"),
            ("queryParamKey", "queryParamKey"),
            ("header", "header"),
        ],
    ),
    (
        "asapAuth",
        "asap",
        &[
            ("exp", "exp"),
            ("claims", "claims"),
            ("sub", "sub"),
            ("privateKey", "privateKey"),
            ("kid", "kid"),
            ("aud", "aud"),
            ("iss", "iss"),
            ("alg", "alg"),
        ],
    ),
    (
        "edgegridAuth",
        "edgegrid",
        &[
            ("clientToken", "clientToken"),
            ("clientSecret", "clientSecret"),
            ("accessToken", "accessToken"),
            ("headersToSign", "headersToSign"),
            ("nonce", "nonce"),
            ("timestamp", "timestamp"),
            ("baseURL", "baseURL"),
            ("maxBodySize", "maxBodySize"),
        ],
    ),
];

/// The v2.1 auth block `{type, [type]: [{key, value, type}]}`; `noauth` is `null` (inherit)
/// where `exclude_noauth` (the collection level), else `{type: "noauth"}`.
fn auth_block(kind: &str, params: Vec<(String, Value)>, exclude_noauth: bool) -> Option<Value> {
    if kind == "noauth" {
        return Some(if exclude_noauth {
            Value::Null
        } else {
            serde_json::json!({"type": "noauth"})
        });
    }
    let mut out = Map::new();
    out.insert("type".into(), Value::String(kind.into()));
    let params: Vec<Value> = params
        .into_iter()
        .map(|(key, value)| {
            let kind = match &value {
                Value::String(_) => "string",
                Value::Bool(_) => "boolean",
                Value::Number(_) => "number",
                _ => "any",
            };
            serde_json::json!({"key": key, "value": value, "type": kind})
        })
        .collect();
    if !params.is_empty() {
        out.insert(kind.into(), Value::Array(params));
    }
    Some(Value::Object(out))
}

/// An entity's auth: a v2-style `auth` block when there is no v1 helper, else the
/// `currentHelper` / `helperAttributes` pair. `None` = no auth (inherit); `Some(Null)` = an
/// explicit `null`.
pub(super) fn auth(
    obj: &Map<String, Value>,
    at: &str,
    exclude_noauth: bool,
) -> Result<Option<Value>, String> {
    let v2_style = obj.contains_key("auth")
        && !(obj.contains_key("currentHelper") || truthy(obj.get("helperAttributes")));
    if v2_style && truthy(obj.get("auth")) {
        return v2_auth(obj, at, exclude_noauth);
    }

    let helper = match obj.get("currentHelper") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(h)) if h.is_empty() || h == "normal" => return Ok(None),
        Some(Value::String(h)) => h.clone(),
        Some(v @ (Value::Number(_) | Value::Bool(_))) if truthy(Some(v)) => v.to_string(),
        Some(Value::Number(_) | Value::Bool(_)) => return Ok(None),
        Some(other) => {
            return Err(wrong(
                &path(at, "currentHelper"),
                "an auth helper name",
                other,
            ));
        }
    };
    let known = AUTH_HELPERS.iter().find(|(name, _, _)| *name == helper);
    let kind = known.map_or(helper.as_str(), |(_, kind, _)| kind);
    let parsed;
    let attributes = match obj.get("helperAttributes") {
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(v) => {
                parsed = v;
                Some(&parsed)
            }
            // Unreadable attributes: the transformer drops the auth altogether.
            Err(_) => return Ok(None),
        },
        other => other,
    };
    let mut params = Vec::new();
    if let (Some(attributes), Some((name, _, renames))) = (attributes, known)
        && truthy(Some(attributes))
    {
        let attrs = attributes.as_object();
        if *name == "awsSigV4" {
            params.extend(
                attrs
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
        } else {
            for (to, from) in *renames {
                if let Some(v) = attrs.and_then(|a| a.get(*from)) {
                    params.push(((*to).to_string(), v.clone()));
                }
            }
            if *name == "basicAuth" {
                params.push(("showPassword".into(), Value::Bool(false)));
            }
        }
    }
    Ok(auth_block(kind, params, exclude_noauth))
}

/// A v2-style `auth` block on a v1 entity.
fn v2_auth(
    obj: &Map<String, Value>,
    at: &str,
    exclude_noauth: bool,
) -> Result<Option<Value>, String> {
    let auth_at = path(at, "auth");
    let block = match obj.get("auth") {
        Some(Value::Object(b)) => b,
        Some(other) => return Err(wrong(&auth_at, "an auth object", other)),
        None => return Ok(None),
    };
    let kind = match block.get("type") {
        Some(Value::String(k)) if !k.is_empty() => k.clone(),
        _ => return Ok(None),
    };
    let mut params = Vec::new();
    match block.get(&kind) {
        Some(Value::Array(entries)) => {
            for (i, p) in entries.iter().enumerate() {
                match p {
                    Value::Null => {}
                    Value::Object(p) => {
                        let key = id_key(p.get("key"), &format!("{auth_at}.{kind}[{i}].key"))?;
                        let value = p.get("value").cloned().unwrap_or(Value::Null);
                        // A repeated key keeps its first place and takes the last value.
                        match params.iter_mut().find(|(k, _)| *k == key) {
                            Some(slot) => slot.1 = value,
                            None => params.push((key, value)),
                        }
                    }
                    other => {
                        return Err(wrong(
                            &format!("{auth_at}.{kind}[{i}]"),
                            "an auth parameter object",
                            other,
                        ));
                    }
                }
            }
        }
        Some(Value::Object(map)) => {
            params.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        _ => {}
    }
    Ok(auth_block(&kind, params, exclude_noauth))
}
