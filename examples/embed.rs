//! Run the shipped partner-API collection from Rust against postie's built-in simulator, watch
//! its events as they happen, and read the outcome as data.
//!
//! ```sh
//! cargo run --example embed
//! ```

use postie::api::{Event, Listener, Options, run};
use postie::mock::{PartnerApiConfig, spawn};

/// Prints one line per request and per assertion as the run goes.
struct Progress;

impl Listener for Progress {
    fn on_event(&mut self, event: &Event<'_>) {
        match event {
            Event::Request {
                item,
                request,
                response,
                ..
            } => {
                // The query may carry credentials (AUTH's has the password): leave it out.
                let url = request.url.split('?').next().unwrap_or_default();
                match response {
                    Ok(r) => println!("{}: {} {url} -> {}", item.name, request.method, r.status),
                    Err(e) => println!("{}: {} {url} -> error: {e}", item.name, request.method),
                }
            }
            Event::Assertion { assertion, .. } => {
                let mark = if assertion.error.is_some() {
                    "FAIL"
                } else {
                    "ok"
                };
                println!("  {mark}  {}", assertion.name);
            }
            _ => {}
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = PartnerApiConfig::default();
    let server = spawn(config.clone(), 0)?;
    let result = run(
        Options::new("collections/partner-api.postman_collection.json")
            .environment("environments/partner-api.postman_environment.json")
            .env_var("partner_url", server.url())
            .env_var("login", &config.login)
            .env_var("password", &config.password)
            .listener(&mut Progress),
    );
    server.stop();
    let result = result?;

    let stats = &result.summary.stats;
    println!(
        "{} requests, {} assertions ({} failed); exit code {}",
        stats.requests.executed,
        stats.assertions.executed,
        stats.assertions.failed,
        result.exit_code
    );
    for failure in result.failures() {
        println!(
            "failure: {} at {}: {}",
            failure.path, failure.at, failure.message
        );
    }
    // What the collection's test scripts stored: the new sub-account among them.
    for change in &result.changes {
        let value = match (&change.value, change.secret) {
            (_, true) => "********".to_string(),
            (Some(value), false) => postie::collection::value_to_text(value),
            (None, false) => String::new(),
        };
        println!("{} {:<22} {value}", change.scope, change.key);
    }
    std::process::exit(i32::from(result.exit_code));
}
