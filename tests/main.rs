//! Integration tests: the real `postie` binary against real servers on 127.0.0.1.

mod bad_input;
mod conformance;
mod cookie_jar;
mod corpus;
mod disk_items;
mod echo;
mod fuzz;
mod hardening;
mod http_behaviour;
mod libdiff;
mod ntlm;
mod parallel;
mod partner_flow;
mod raw_server;
mod raw_url;
mod reporters;
mod requests;
mod round_trip;
mod sandbox_io;
mod scripts;
mod secrets;
mod util;
