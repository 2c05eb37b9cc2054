//! The partner-API simulator: a real HTTP server on 127.0.0.1 implementing Mobsted's `AUTH` and
//! `partners` calls, for `postie demo`, `postie mock partner-api` and the integration tests.
