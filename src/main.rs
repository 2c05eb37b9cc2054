//! The `postie` binary: parses the command line, hands over to the library, exits with its code.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(postie::cli::main(std::env::args_os()))
}
