//! The partner API itself: the axum router, its shared state and one handler per route
//! (`/api/v8/auth`, `/api/v8/refresh`, `/api/v8/partners`), plus the JSON 404/405 fallbacks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::routing::{get, post};
use serde::Serialize;
use serde_json::Value;

use super::accounts::{Account, AccountStore, CreateError};
use super::config::PartnerApiConfig;
use super::errors::ApiError;
use super::jwt::{self, Claims, JwtError, TokenKind};

/// Query parameters as sent; a rejection (bad percent-encoding) becomes a JSON 400.
type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

/// Builds the router for one simulated server with its own accounts.
pub(crate) fn router(config: PartnerApiConfig) -> Router {
    let state = AppState {
        accounts: Arc::new(Mutex::new(AccountStore::new(
            &config.login,
            &config.password,
        ))),
        config: Arc::new(config),
    };
    Router::new()
        .route("/api/v8/auth", get(auth))
        .route("/api/v8/refresh", get(refresh))
        .route("/api/v8/partners", post(partners))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .with_state(state)
}

#[derive(Clone)]
struct AppState {
    config: Arc<PartnerApiConfig>,
    accounts: Arc<Mutex<AccountStore>>,
}

impl AppState {
    fn accounts(&self) -> MutexGuard<'_, AccountStore> {
        self.accounts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A fresh access/refresh pair for `account`, both starting now.
    fn issue(&self, account: &Account) -> Result<TokenPair, ApiError> {
        let now = now();
        let claims = |kind, ttl: i64| Claims {
            iss: account.host.clone(),
            nbf: now,
            exp: now.saturating_add(ttl),
            uid: account.uid.clone(),
            sub: "api".to_owned(),
            objuuid: String::new(),
            useruuid: account.useruuid.clone(),
            typ: kind,
        };
        let access = claims(TokenKind::Access, self.config.access_ttl_secs);
        let refresh = claims(TokenKind::Refresh, self.config.refresh_ttl_secs);
        let sign = |claims: &Claims| {
            jwt::sign(claims, &self.config.secret)
                .map_err(|err| ApiError::internal(format!("could not sign token: {err}")))
        };
        Ok(TokenPair {
            access_token: sign(&access)?,
            refresh_token: sign(&refresh)?,
            expires_in: access.exp,
        })
    }

    /// The account a token of `kind` belongs to, or why the token is refused (always 401).
    fn account_for_token(&self, token: &str, kind: TokenKind) -> Result<Account, ApiError> {
        let claims = jwt::verify(token, &self.config.secret, now()).map_err(|err| match err {
            JwtError::Expired(_) => {
                ApiError::unauthorized(format!("{err}; refresh or log in again"))
            }
            _ => ApiError::unauthorized(err.to_string()),
        })?;
        if claims.typ != kind {
            let wanted = match kind {
                TokenKind::Access => "an access token is required, got a refresh token",
                TokenKind::Refresh => "a refresh token is required, got an access token",
            };
            return Err(ApiError::unauthorized(wanted));
        }
        self.accounts()
            .by_uid(&claims.uid)
            .cloned()
            .ok_or_else(|| ApiError::unauthorized("the token's account does not exist"))
    }
}

#[derive(Serialize)]
struct TokenPair {
    access_token: String,
    refresh_token: String,
    /// Absolute epoch seconds, equal to the access token's `exp`.
    expires_in: i64,
}

#[derive(Serialize)]
struct SubAccountCreated {
    url: String,
    email: String,
    login: String,
    password: String,
}

/// `GET /api/v8/auth?login=&password=`.
async fn auth(State(state): State<AppState>, params: Params) -> Result<Json<TokenPair>, ApiError> {
    let params = query(params)?;
    let login = non_empty(&params, "login");
    let password = non_empty(&params, "password");
    let (Some(login), Some(password)) = (login, password) else {
        return Err(ApiError::bad_request(
            "query parameters 'login' and 'password' are required",
        ));
    };
    let account = state
        .accounts()
        .authenticate(login, password)
        .cloned()
        .ok_or_else(|| ApiError::unauthorized("wrong login or password"))?;
    state.issue(&account).map(Json)
}

/// `GET /api/v8/refresh?refresh_token=`.
async fn refresh(
    State(state): State<AppState>,
    params: Params,
) -> Result<Json<TokenPair>, ApiError> {
    let params = query(params)?;
    let token = non_empty(&params, "refresh_token")
        .ok_or_else(|| ApiError::unauthorized("query parameter 'refresh_token' is required"))?;
    let account = state.account_for_token(token, TokenKind::Refresh)?;
    state.issue(&account).map(Json)
}

/// `POST /api/v8/partners` with `Authorization: Bearer <access_token>` and `{"email": ...}`.
async fn partners(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<SubAccountCreated>), ApiError> {
    let token = bearer_token(&headers)?;
    let account = state.account_for_token(token, TokenKind::Access)?;
    if !account.is_partner {
        return Err(ApiError::forbidden(
            "this account is not a Master/Partner account and cannot create sub-accounts",
        ));
    }

    let body = body.map_err(|rejection| {
        ApiError::new(
            rejection.status(),
            format!("could not read the body: {rejection}"),
        )
    })?;
    let json: Value = serde_json::from_slice(&body)
        .map_err(|err| ApiError::bad_request(format!("the body is not valid JSON: {err}")))?;
    let email = match json.get("email") {
        Some(Value::String(email)) => email.as_str(),
        Some(_) => return Err(ApiError::unprocessable("'email' must be a string")),
        None => return Err(ApiError::unprocessable("'email' is required")),
    };

    if state.config.partners_delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(state.config.partners_delay_ms)).await;
    }

    let created = state
        .accounts()
        .create_sub_account(email)
        .map_err(|err| match err {
            CreateError::InvalidEmail(_) => ApiError::unprocessable(err.to_string()),
            CreateError::EmailTaken(_) => ApiError::conflict(err.to_string()),
        })?;
    Ok((
        StatusCode::CREATED,
        Json(SubAccountCreated {
            url: created.url(),
            email: created.login.clone(),
            login: created.login,
            password: created.password,
        }),
    ))
}

async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("no route for {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::method_not_allowed(format!("{method} is not allowed on {}", uri.path()))
}

/// The token from `Authorization: Bearer <token>` (scheme case-insensitive).
fn bearer_token(headers: &HeaderMap) -> Result<&str, ApiError> {
    const EXPECTED: &str = "expected 'Authorization: Bearer <access_token>'";
    let value = headers.get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::unauthorized(format!("missing Authorization header; {EXPECTED}"))
    })?;
    let malformed =
        || ApiError::unauthorized(format!("malformed Authorization header; {EXPECTED}"));
    let value = value.to_str().map_err(|_| malformed())?;
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(malformed)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() || token.contains(' ') {
        return Err(malformed());
    }
    Ok(token)
}

fn query(params: Params) -> Result<HashMap<String, String>, ApiError> {
    params
        .map(|Query(params)| params)
        .map_err(|rejection| ApiError::bad_request(format!("malformed query string: {rejection}")))
}

fn non_empty<'a>(params: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|value| !value.is_empty())
}

/// Seconds since the Unix epoch.
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
