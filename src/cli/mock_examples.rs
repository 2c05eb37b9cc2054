//! `postie mock COLLECTION`: serve a collection's saved examples (see
//! [`crate::mock::examples`]) until Ctrl-C.

use std::path::Path;

use super::args::MockArgs;
use crate::diagnostic::Diagnostic;
use crate::mock::examples::{ExampleSet, serve_until_ctrl_c};

/// Load the collection's examples and serve them on 127.0.0.1:`--port`.
pub fn run(collection: &Path, args: &MockArgs) -> Result<u8, Diagnostic> {
    if args.login.is_some() || args.password.is_some() {
        return Err(Diagnostic::new(
            "--login and --password are for `postie mock partner-api` only",
        ));
    }
    let mut set = ExampleSet::load(collection)?;
    if let Some(path) = &args.environment {
        let file = super::convert::load_variables(path, "environment")?;
        for warning in &file.warnings {
            eprintln!("postie: warning: {warning}");
        }
        set.environment = file
            .values
            .into_iter()
            .filter(|v| !v.disabled)
            .map(|v| {
                let text = match v.value {
                    Some(serde_json::Value::String(s)) => s,
                    Some(serde_json::Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                };
                (v.key, text)
            })
            .collect();
    }
    serve_until_ctrl_c(set, args.port, collection)
        .map_err(|e| Diagnostic::new(format!("cannot serve on 127.0.0.1:{}: {e}", args.port)))?;
    Ok(0)
}
