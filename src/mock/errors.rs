//! The one place error responses are built: a JSON:API-style document
//! `{"errors":[{"status":"409","title":"Conflict","detail":"..."}]}` with
//! `Content-Type: application/json`. Change the shape here and every route follows.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// A failed request: the status and a human-readable detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    status: StatusCode,
    detail: String,
}

impl ApiError {
    /// An error with any status.
    pub(crate) fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Self {
            status,
            detail: detail.into(),
        }
    }

    /// 400: the request cannot be read (missing parameters, body not JSON).
    pub(crate) fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 401: no credentials, or credentials/tokens that are wrong, expired or of the wrong kind.
    pub(crate) fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
    }

    /// 403: authenticated, but the account may not do this.
    pub(crate) fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }

    /// 404: no such route.
    pub(crate) fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail)
    }

    /// 405: the route exists but not with this method.
    pub(crate) fn method_not_allowed(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, detail)
    }

    /// 409: the resource already exists.
    pub(crate) fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, detail)
    }

    /// 413: the body is larger than the simulator reads.
    pub(crate) fn payload_too_large(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, detail)
    }

    /// 422: well-formed JSON with missing or invalid fields.
    pub(crate) fn unprocessable(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }

    /// 500: the simulator itself failed.
    pub(crate) fn internal(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, detail)
    }

    /// The JSON document sent as the body.
    pub(crate) fn body(&self) -> Value {
        json!({
            "errors": [{
                "status": self.status.as_str(),
                "title": self.status.canonical_reason().unwrap_or("Error"),
                "detail": self.detail,
            }]
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_body_is_json_api_shape() {
        let body = ApiError::conflict("email already exists").body();
        assert_eq!(
            body,
            json!({"errors":[{"status":"409","title":"Conflict","detail":"email already exists"}]})
        );
    }

    #[test]
    fn errors_unprocessable_title() {
        let body = ApiError::unprocessable("x").body();
        assert_eq!(body["errors"][0]["title"], "Unprocessable Entity");
        assert_eq!(body["errors"][0]["status"], "422");
    }
}
