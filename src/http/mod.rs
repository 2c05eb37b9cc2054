//! HTTP: the single real client of a run, request preparation (variables, bodies, auth, default
//! headers) and the request/response data the reporters see.

pub mod auth;
pub mod body;
pub mod challenge;
pub mod charset;
pub mod client;
pub mod cookie_file;
pub mod cookies;
pub mod decode;
pub mod files;
pub mod headers;
mod hop;
pub mod layer;
pub mod message;
pub mod mime;
pub mod prepare;
pub mod raw;
pub mod reasons;
pub mod redirect;
pub mod response_body;
pub mod timings;
pub mod tls;
pub mod tls_error;
mod transport_error;
pub mod url_encode;

pub use client::{ClientOptions, HttpClient, default_host};
pub use cookies::{CookieInfo, CookieJar, NewCookie, StoredCookie};
pub use message::{HttpError, HttpErrorKind, HttpRequest, HttpResponse};
pub use prepare::{PrepareOptions, Prepared, ResolvedRequest, assemble};
pub use redirect::SendOptions;
pub use timings::{Phases, Timings};
