//! Integration tests: the real `postie` binary against real servers on 127.0.0.1.

mod bad_input;
mod echo;
mod http_behaviour;
mod partner_flow;
mod reporters;
mod requests;
mod scripts;
mod util;
