//! HTTP: the single real client of a run, request preparation (variables, bodies, auth, default
//! headers) and the request/response data the reporters see.

pub(crate) mod auth;
pub(crate) mod body;
pub(crate) mod challenge;
pub(crate) mod charset;
pub(crate) mod client;
pub mod cookie_file;
pub mod cookies;
pub(crate) mod decode;
pub mod files;
pub(crate) mod headers;
mod hop;
pub(crate) mod layer;
pub(crate) mod message;
pub(crate) mod mime;
pub(crate) mod prepare;
pub mod raw;
pub(crate) mod reasons;
pub(crate) mod redirect;
pub mod response_body;
pub(crate) mod timings;
pub(crate) mod tls;
pub(crate) mod tls_error;
mod transport_error;
pub mod url_encode;

pub use client::{ClientOptions, HttpClient, default_host};
pub use cookies::{CookieInfo, CookieJar, NewCookie, StoredCookie};
pub use message::{HttpError, HttpErrorKind, HttpRequest, HttpResponse};
pub use prepare::{PrepareOptions, Prepared, ResolvedRequest, assemble};
pub use redirect::SendOptions;
pub use timings::{Phases, Timings};
