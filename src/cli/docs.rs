//! `postie completions SHELL` and `postie man [COMMAND]`: the shell completion script
//! (`clap_complete`) and the manual page in roff (`clap_mangen`), both made from the clap
//! definitions in [`super::args`] and printed to stdout.

use super::args::Cli;
use crate::diagnostic::{Diagnostic, did_you_mean};
use clap::CommandFactory;
use std::io::Write;

/// Print the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<u8, Diagnostic> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "postie", &mut out);
    print(&out)
}

/// Print postie's manual page, or `command`'s (`postie-run(1)`).
pub fn man(command: Option<&str>) -> Result<u8, Diagnostic> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let names: Vec<String> = cli
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .filter(|n| n != "help")
                .collect();
            let found = cli.find_subcommand(name).cloned();
            found.ok_or_else(|| {
                let mut diagnostic = Diagnostic::new(format!("no command \"{name}\""));
                diagnostic = match did_you_mean(name, names.iter().map(String::as_str)) {
                    Some(near) => {
                        diagnostic.with_hint(format!("did you mean `postie man {near}`?"))
                    }
                    None => diagnostic.with_hint(format!("commands: {}", names.join(", "))),
                };
                diagnostic
            })?
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Diagnostic::new(format!("cannot render the manual page: {e}")))?;
    print(&out)
}

/// Write `bytes` to stdout; a closed pipe (`postie man | head`) is not an error.
fn print(bytes: &[u8]) -> Result<u8, Diagnostic> {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
    Ok(0)
}
