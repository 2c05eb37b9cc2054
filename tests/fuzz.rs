//! Property/fuzz tests of every parser and converter (issue 12), with `proptest`: collections
//! (v1 and v2.x), environment and globals files, iteration data, cookie jars and `Set-Cookie`,
//! URLs, the raw HTTP response reader, `{{variable}}` substitution and the values crossing
//! between Rust and the script sandbox. Each target runs 256 cases in a plain `cargo test`;
//! `POSTIE_FUZZ_CASES=N cargo test --test integration fuzz -- --test-threads 1 --nocapture`
//! runs N cases in each (see [`config`]). Properties: no panic, no hang (sizes are bounded and
//! every case is timed), errors that name the place, round trips where there are some.

pub mod config;
mod shapes;
mod strategies;

mod collection;
mod cookies;
mod data;
mod prepare;
mod response;
mod script;
mod template;
mod url;
mod variables;
