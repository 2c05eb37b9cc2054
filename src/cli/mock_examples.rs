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
    let set = ExampleSet::load(collection)?;
    serve_until_ctrl_c(set, args.port, collection)
        .map_err(|e| Diagnostic::new(format!("cannot serve on 127.0.0.1:{}: {e}", args.port)))?;
    Ok(0)
}
