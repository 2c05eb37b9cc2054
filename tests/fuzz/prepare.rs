//! From a request as written to the request as sent (`runner::resolve::prepare_request`): Postman-shaped
//! request definitions (as scripts build them for `pm.sendRequest`) with every auth type and
//! random settings, resolved against random variables. Properties: no panic; a request postie
//! would send has a URL and headers a client accepts; one it would not says why.

use postie::collection::{Variable, parse_request_definition};
use postie::http::PrepareOptions;
use postie::http::files::FileAccess;
use postie::runner::resolve::prepare_request;
use postie::vars::{Scopes, VariableScope};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use reqwest::header::{HeaderName, HeaderValue};
use serde_json::Value;

use super::config::check;
use super::shapes::request;
use super::strategies::text;

#[test]
fn fuzz_prepare_request() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let vars = vec(
        (select(&["host", "p", "token", "a", "base"][..]), text()),
        0..4,
    );
    check(
        "prepare request",
        (request(), vars, any::<bool>(), any::<bool>(), any::<bool>()),
        |(definition, vars, raw, keep_body, outside)| {
            let spec = match parse_request_definition(&definition) {
                Ok(spec) => spec,
                Err(d) => {
                    prop_assert!(d.message.starts_with("request"), "{}", d);
                    return Ok(());
                }
            };
            let environment = VariableScope::from_variables(
                &vars
                    .iter()
                    .map(|(k, v)| Variable {
                        key: k.to_string(),
                        value: Some(Value::String(v.clone())),
                        kind: None,
                        disabled: false,
                    })
                    .collect::<Vec<_>>(),
            );
            let scopes = Scopes {
                environment,
                ..Scopes::default()
            };
            let options = PrepareOptions {
                disable_body_pruning: keep_body,
                files: FileAccess {
                    working_dir: dir.path(),
                    allow_outside: outside,
                },
                disabled_headers: &[],
                disable_url_encoding: raw,
            };
            let prepared = prepare_request(&spec, spec.auth.as_deref(), &scopes, options);
            match &prepared.error {
                Some(e) => prop_assert!(!e.message.is_empty()),
                None => {
                    // (A URL that does not parse is the client's error to report, as Newman's.)
                    prop_assert!(!prepared.request.url.is_empty());
                    for (name, value) in &prepared.request.headers {
                        prop_assert!(
                            HeaderName::from_bytes(name.as_bytes()).is_ok(),
                            "header name {:?}",
                            name
                        );
                        let bytes: Vec<u8> = value.chars().map(|c| c as u32 as u8).collect();
                        prop_assert!(
                            HeaderValue::from_bytes(&bytes).is_ok(),
                            "header {:?}: {:?}",
                            name,
                            value
                        );
                    }
                }
            }
            Ok(())
        },
    );
}
