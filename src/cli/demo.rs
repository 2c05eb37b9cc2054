//! `postie demo` and `postie mock`: the shipped partner-API collection and environment (embedded
//! in the binary) run against the built-in simulator on an ephemeral 127.0.0.1 port. The demo
//! exports the environment the run left (with the sub-account it created) to
//! [`DEMO_EXPORT`] unless `--export-environment` names another file.

use super::args::{DemoArgs, MockArgs};
use super::execute::{Inputs, Prepared, execute};
use super::reporter_options::RawReporterOptions;
use crate::collection::{parse_collection, parse_variable_file};
use crate::diagnostic::Diagnostic;
use crate::mock::{PartnerApiConfig, serve_until_ctrl_c, spawn};
use std::path::{Path, PathBuf};

/// Where the shipped collection lives in the repository.
pub const COLLECTION_PATH: &str = "collections/partner-api.postman_collection.json";
/// Where the shipped environment lives in the repository.
pub const ENVIRONMENT_PATH: &str = "environments/partner-api.postman_environment.json";

/// Where `postie demo` exports the environment unless `--export-environment` is given.
pub const DEMO_EXPORT: &str = "out/partner-api.postman_environment.json";

const COLLECTION: &str = include_str!("../../collections/partner-api.postman_collection.json");
const ENVIRONMENT: &str = include_str!("../../environments/partner-api.postman_environment.json");

fn parse_embedded(text: &str, path: &str) -> Result<serde_json::Value, Diagnostic> {
    serde_json::from_str(text).map_err(|e| {
        Diagnostic::in_file(Path::new(path), format!("invalid embedded JSON: {e}"))
            .at(e.line(), e.column())
    })
}

/// Run the demo; returns the run's exit code.
pub fn run_demo(args: DemoArgs, reporter_options: &RawReporterOptions) -> Result<u8, Diagnostic> {
    let collection = parse_collection(
        parse_embedded(COLLECTION, COLLECTION_PATH)?,
        Path::new(COLLECTION_PATH),
    )?;
    let environment = parse_variable_file(
        parse_embedded(ENVIRONMENT, ENVIRONMENT_PATH)?,
        Path::new(ENVIRONMENT_PATH),
        "environment",
    )?;
    let config = PartnerApiConfig::default();
    let server = spawn(config.clone(), 0)
        .map_err(|e| Diagnostic::new(format!("cannot start the partner API simulator: {e}")))?;
    eprintln!(
        "postie: demo: partner API simulator on {} (login {})",
        server.url(),
        config.login
    );
    let mut flags = args.flags;
    // The simulator's address and account come first, so the user's own --env-var still wins.
    let mut env_vars = vec![
        format!("partner_url={}", server.url()),
        format!("login={}", config.login),
        format!("password={}", config.password),
    ];
    env_vars.append(&mut flags.env_var);
    flags.env_var = env_vars;
    // The sub-account's password is shown once: keep what the run stored.
    if flags.export_environment.is_none() {
        flags.export_environment = Some(PathBuf::from(DEMO_EXPORT));
    }
    let code = execute(
        Inputs {
            collection,
            environment: Some(environment),
            globals: None,
            data: Vec::new(),
            prepared: Prepared::default(),
        },
        &flags,
        reporter_options,
    );
    server.stop();
    code
}

/// Serve the partner-API simulator, or a collection's examples, until Ctrl-C.
pub fn run_mock(args: MockArgs) -> Result<u8, Diagnostic> {
    match args.which.as_str() {
        "partner-api" => {
            if args.environment.is_some() {
                return Err(Diagnostic::new(
                    "-e/--environment is for `postie mock COLLECTION` only",
                ));
            }
            let mut config = PartnerApiConfig::default();
            if let Some(login) = args.login {
                config.login = login;
            }
            if let Some(password) = args.password {
                config.password = password;
            }
            serve_until_ctrl_c(config, args.port).map_err(|e| {
                Diagnostic::new(format!("cannot serve on 127.0.0.1:{}: {e}", args.port))
            })?;
            Ok(0)
        }
        collection => super::mock_examples::run(Path::new(collection), &args),
    }
}
