//! After a run, tell on stderr (stdout stays Newman's) which environment and globals variables
//! it created, changed or removed, secret values masked, and where they were saved.

use crate::report::changes::change_lines;
use crate::report::{Masker, VariableChange};
use std::path::Path;

/// Print the changes of each scope, with where it was saved, or that it was not. `saved`: for
/// the environment and the globals, the file written and whether an export was asked for.
pub fn tell_changes(
    changes: &[VariableChange],
    masker: &Masker,
    saved: [(Option<&Path>, bool); 2],
) {
    let [environment, globals] = saved;
    for (scope, (saved, asked), flag) in [
        ("environment", environment, "--export-environment"),
        ("globals", globals, "--export-globals"),
    ] {
        let changed: Vec<VariableChange> = changes
            .iter()
            .filter(|c| c.scope == scope)
            .cloned()
            .collect();
        if changed.is_empty() {
            continue;
        }
        let mut lines = change_lines(&changed, masker);
        let masked = masker.is_enabled() && changed.iter().any(|c| c.secret);
        lines.push(match saved {
            Some(path) => format!(
                "postie: saved to {} (readable by you only){}",
                path.display(),
                if masked {
                    "; --show-secrets prints the masked values"
                } else {
                    ""
                }
            ),
            None if asked => "postie: not saved: the export failed (see the error below)".into(),
            None => format!(
                "postie: not saved: they are gone when postie exits; add {flag} FILE to keep them"
            ),
        });
        eprintln!("{}", lines.join("\n"));
    }
}
