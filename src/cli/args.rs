//! The command line, as clap derive definitions. Flag names and meanings follow Newman's, so
//! `s/newman run/postie run/` works in a CI script. Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A fast, Newman-compatible runner for Postman collections.
#[derive(Debug, Parser)]
// A single-valued option given twice takes the last value, as Newman's command line does.
// `-v` prints the version as in Newman (`-V` and `--version` too), also after a subcommand.
#[command(
    name = "postie",
    version,
    about,
    propagate_version = true,
    args_override_self = true,
    disable_version_flag = true,
    arg = clap::Arg::new("version")
        .short('v')
        .long("version")
        .visible_short_alias('V')
        .global(true)
        .action(clap::ArgAction::Version)
        .help("Print the version")
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a Postman collection (v1/v2.0/v2.1 JSON, or a v3 YAML folder), like `newman run`.
    Run(RunArgs),
    /// Run the shipped partner-API collection against the built-in simulator on 127.0.0.1.
    Demo(DemoArgs),
    /// Serve the partner-API simulator, or a collection's saved examples, in the foreground (Ctrl-C to stop).
    Mock(MockArgs),
    /// Check collections, environments and globals without sending anything.
    Validate(super::validate::ValidateArgs),
    /// Convert a collection between v2.1 JSON and a v3 YAML folder (and environments).
    Convert(super::convert::ConvertArgs),
    /// Merge the JSON reports or JUnit files of a sharded run (`run --shard I/N`) into one.
    Merge(super::merge::MergeArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell).
    Completions(CompletionsArgs),
    /// Print a manual page in roff: `postie man | man -l -`, `postie man run`.
    Man(ManArgs),
}

/// `postie completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell (or elvish).
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `postie man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand's page (`run`, `demo`, …) instead of postie's own.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// `postie run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The collection: a file, a v3 collection folder, an http(s) URL, or a Postman UID (with
    /// `--postman-api-key`).
    #[arg(value_name = "COLLECTION")]
    pub collection: PathBuf,
    /// Environment: a file, an http(s) URL, or a Postman UID (with `--postman-api-key`).
    #[arg(short = 'e', long, value_name = "FILE|URL")]
    pub environment: Option<PathBuf>,
    /// Globals: a file or an http(s) URL.
    #[arg(short = 'g', long, value_name = "FILE|URL")]
    pub globals: Option<PathBuf>,
    /// Iteration data (JSON array of objects, or CSV with a header row): a file or an http(s) URL.
    #[arg(short = 'd', long = "iteration-data", value_name = "FILE|URL")]
    pub iteration_data: Option<PathBuf>,
    /// Postman API key, sent as `X-Api-Key` when the collection or environment is a Postman
    /// UID or a Postman API URL (masked in all output).
    #[arg(long = "postman-api-key", value_name = "KEY")]
    pub postman_api_key: Option<String>,
    /// Shared run options.
    #[command(flatten)]
    pub flags: RunFlags,
}

/// `postie demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Shared run options.
    #[command(flatten)]
    pub flags: RunFlags,
}

/// `postie mock`.
#[derive(Debug, Args)]
pub struct MockArgs {
    /// `partner-api` (the built-in simulator), or a collection file whose saved examples to serve.
    #[arg(value_name = "partner-api|COLLECTION")]
    pub which: String,
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0, value_name = "PORT")]
    pub port: u16,
    /// The partner account login the simulator accepts (`partner-api` only).
    #[arg(long, value_name = "LOGIN")]
    pub login: Option<String>,
    /// The partner account password the simulator accepts (`partner-api` only).
    #[arg(long, value_name = "PASSWORD")]
    pub password: Option<String>,
    /// An environment (JSON or v3 YAML) whose variables resolve `{{name}}` in the examples'
    /// response headers and bodies before the collection's (a collection only).
    #[arg(short = 'e', long, value_name = "FILE")]
    pub environment: Option<PathBuf>,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    On,
    /// Never colour.
    Off,
}

/// Options shared by `run` and `demo`.
#[derive(Debug, Args)]
pub struct RunFlags {
    /// Set an environment variable, overriding the file (repeatable): KEY=VALUE.
    #[arg(long = "env-var", value_name = "KEY=VALUE")]
    pub env_var: Vec<String>,
    /// Set a global variable, overriding the file (repeatable): KEY=VALUE.
    #[arg(long = "global-var", value_name = "KEY=VALUE")]
    pub global_var: Vec<String>,
    /// Run only this folder or request, by name or id (repeatable; collection order is kept).
    #[arg(long, value_name = "NAME")]
    pub folder: Vec<String>,
    /// Number of iterations.
    #[arg(short = 'n', long = "iteration-count", value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub iteration_count: Option<u64>,
    /// Run this many iterations at once over one HTTP client (postie only; Newman runs them one
    /// by one). Reports keep iteration order. Each iteration starts from the variables as they
    /// were when the run started; the exported variables are those the last iteration left.
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u64).range(1..=256))]
    pub parallel: u64,
    /// Stop the run after the first item with a failure. Newman's modifiers `failure` (the
    /// default) and `folder` (an unknown `--folder` is an error, which postie always does) are
    /// accepted.
    #[arg(long, value_name = "MODIFIERS", num_args = 0..=1, require_equals = false,
          default_missing_value = "failure", value_delimiter = ',',
          value_parser = ["failure", "folder"])]
    pub bail: Option<Vec<String>>,
    /// Exit 0 even when the run had failures.
    #[arg(short = 'x', long = "suppress-exit-code")]
    pub suppress_exit_code: bool,
    /// Do not verify TLS certificates.
    #[arg(short = 'k', long)]
    pub insecure: bool,
    /// Client certificate (PEM, leaf first) for HTTPS servers that ask for one; a
    /// `--ssl-client-cert-list` entry matching the URL wins over it.
    #[arg(long = "ssl-client-cert", value_name = "FILE")]
    pub ssl_client_cert: Option<PathBuf>,
    /// Private key of `--ssl-client-cert` (PEM; encrypted PKCS#8 needs `--ssl-client-passphrase`).
    #[arg(long = "ssl-client-key", value_name = "FILE")]
    pub ssl_client_key: Option<PathBuf>,
    /// Passphrase of the client key or PKCS#12 file (masked in all output).
    #[arg(long = "ssl-client-passphrase", value_name = "PASSPHRASE")]
    pub ssl_client_passphrase: Option<String>,
    /// Client certificate and key as one PKCS#12 file, opened with `--ssl-client-passphrase`
    /// (postie only; Newman reads pfx files only from `--ssl-client-cert-list`).
    #[arg(
        long = "ssl-client-pfx",
        value_name = "FILE",
        conflicts_with = "ssl_client_cert"
    )]
    pub ssl_client_pfx: Option<PathBuf>,
    /// JSON list of client certificates chosen by URL: `[{"name", "matches":
    /// ["https://*.example.com/*"], "cert": {"src"}, "key": {"src"}, "pfx": {"src"},
    /// "passphrase"}]`; the first entry matching a request's URL wins over `--ssl-client-cert`.
    #[arg(long = "ssl-client-cert-list", value_name = "FILE")]
    pub ssl_client_cert_list: Option<PathBuf>,
    /// Extra trusted CA certificates (PEM), added to the system's; `NODE_EXTRA_CA_CERTS` is
    /// honoured too.
    #[arg(long = "ssl-extra-ca-certs", value_name = "FILE")]
    pub ssl_extra_ca_certs: Option<PathBuf>,
    /// Limit for the whole run in milliseconds; the run stops with an error when it elapses.
    #[arg(long, value_name = "MS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,
    /// Per-request timeout in milliseconds.
    #[arg(long = "timeout-request", value_name = "MS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_request: Option<u64>,
    /// Largest response body, as received and decoded (e.g. 50MB, 1GiB; 0: no limit); a larger
    /// one is that request's error. Default 1GiB. Bodies over 16 MiB wait in a temporary file.
    #[arg(long = "max-response-size", value_name = "SIZE",
          value_parser = parse_max_response_size)]
    pub max_response_size: Option<u64>,
    /// Per-script timeout in milliseconds (stops runaway scripts such as `while(true){}`).
    #[arg(long = "timeout-script", value_name = "MS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_script: Option<u64>,
    /// Wait this many milliseconds before each request.
    #[arg(long = "delay-request", value_name = "MS", default_value_t = 0)]
    pub delay_request: u64,
    /// Do not follow redirects.
    #[arg(long = "ignore-redirects")]
    pub ignore_redirects: bool,
    /// Base folder for relative file paths in request bodies.
    #[arg(long = "working-dir", value_name = "PATH")]
    pub working_dir: Option<PathBuf>,
    /// Refuse to read body files outside the working directory.
    #[arg(long = "no-insecure-file-read")]
    pub no_insecure_file_read: bool,
    /// Write the final environment to this file (also when the run failed).
    #[arg(long = "export-environment", value_name = "FILE")]
    pub export_environment: Option<PathBuf>,
    /// Write the final globals to this file (also when the run failed).
    #[arg(long = "export-globals", value_name = "FILE")]
    pub export_globals: Option<PathBuf>,
    /// Write the collection, with collection variables as the run left them, to this file.
    #[arg(long = "export-collection", value_name = "FILE")]
    pub export_collection: Option<PathBuf>,
    /// Start with the cookies of this tough-cookie jar file (as written by Newman's or postie's
    /// `--export-cookie-jar`).
    #[arg(long = "cookie-jar", value_name = "FILE")]
    pub cookie_jar: Option<PathBuf>,
    /// Write the run's cookie jar to this file, in tough-cookie's JSON format (also when the run
    /// failed).
    #[arg(long = "export-cookie-jar", value_name = "FILE")]
    pub export_cookie_jar: Option<PathBuf>,
    /// Write exported environments, globals and collections as loaded, patching only what the
    /// run changed (an unchanged file exports identical to itself); without it, variables are
    /// written as Newman writes them (typed values cast, `enabled: false` dropped, unwrapped).
    #[arg(long = "export-as-loaded")]
    pub export_as_loaded: bool,
    /// Reporters, comma-separated: `cli`, `json`, `junit`, `html`, `progress`. Options go as
    /// `--reporter-<name>-<option>`, e.g. `--reporter-junit-export report.xml`.
    #[arg(
        short = 'r',
        long = "reporters",
        value_name = "LIST",
        value_delimiter = ','
    )]
    pub reporters: Vec<String>,
    /// Colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// No terminal output.
    #[arg(long)]
    pub silent: bool,
    /// Show request and response headers and bodies.
    #[arg(long)]
    pub verbose: bool,
    /// Print secret values instead of `********`.
    #[arg(long = "show-secrets")]
    pub show_secrets: bool,
    /// `pm.sendRequest(request)` without a callback returns a promise of the response, as in
    /// newer Postman apps (Newman 6.2 returns `pm`).
    #[arg(long = "send-request-promise")]
    pub send_request_promise: bool,
    /// Plain words and ASCII instead of Unicode symbols in terminal output.
    #[arg(long = "disable-unicode")]
    pub disable_unicode: bool,
    /// `--shard`, `--shard-by`, `--shard-total`.
    #[command(flatten)]
    pub shard: super::shard::ShardArgs,
}

/// Only the shared run options, without a program name or a subcommand: how the library API
/// ([`crate::api::Options::args`]) reads Newman-style options.
#[derive(Debug, Parser)]
#[command(name = "postie", no_binary_name = true, args_override_self = true)]
pub struct FlagsOnly {
    /// The options.
    #[command(flatten)]
    pub flags: RunFlags,
}

impl Default for RunFlags {
    /// Every option at its command-line default (as `postie run COLLECTION` alone).
    fn default() -> Self {
        FlagsOnly::try_parse_from(std::iter::empty::<&str>())
            .map(|only| only.flags)
            .expect("no options parse to the defaults")
    }
}

/// `--max-response-size`: a size with an optional unit.
fn parse_max_response_size(text: &str) -> Result<u64, String> {
    crate::http::response_body::parse_size(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_repeated_option_takes_the_last_value() {
        let cli = parse(&["run", "c.json", "-d", "a.csv", "-d", "b.json"]);
        let Ok(Cli {
            command: Command::Run(run),
        }) = cli
        else {
            panic!("parses: {cli:?}");
        };
        assert_eq!(
            run.iteration_data.as_deref(),
            Some(std::path::Path::new("b.json"))
        );
    }

    #[test]
    fn args_default_flags_are_the_command_line_defaults() {
        let flags = RunFlags::default();
        assert_eq!((flags.parallel, flags.delay_request), (1, 0));
        assert_eq!(flags.color, ColorChoice::Auto);
        assert!(flags.reporters.is_empty() && !flags.verbose);
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("postie").chain(args.iter().copied()))
    }

    #[test]
    fn args_accept_newman_flags() {
        let cli = parse(&[
            "run",
            "c.json",
            "-e",
            "e.json",
            "--env-var",
            "a=b",
            "--folder",
            "x",
            "--folder",
            "y",
            "-n",
            "3",
            "--bail",
            "-x",
            "-k",
            "--timeout-request",
            "100",
            "--timeout-script",
            "200",
            "--ignore-redirects",
            "--color",
            "off",
            "-r",
            "cli",
        ]);
        let Ok(Cli {
            command: Command::Run(run),
        }) = cli
        else {
            panic!("did not parse: {cli:?}");
        };
        assert_eq!(run.flags.folder, ["x", "y"]);
        assert_eq!(run.flags.iteration_count, Some(3));
        assert!(run.flags.bail.is_some() && run.flags.suppress_exit_code && run.flags.insecure);
        assert_eq!(run.flags.timeout_script, Some(200));
        assert_eq!(run.flags.color, ColorChoice::Off);
    }

    #[test]
    fn args_accept_newman_tls_flags_and_refuse_pfx_with_cert() {
        let cli = parse(&[
            "run",
            "c.json",
            "--ssl-client-cert",
            "c.pem",
            "--ssl-client-key",
            "k.pem",
            "--ssl-client-passphrase",
            "p",
            "--ssl-client-cert-list",
            "l.json",
            "--ssl-extra-ca-certs",
            "ca.pem",
        ]);
        let Ok(Cli {
            command: Command::Run(run),
        }) = cli
        else {
            panic!("did not parse: {cli:?}");
        };
        assert_eq!(
            run.flags.ssl_client_key.as_deref(),
            Some(Path::new("k.pem"))
        );
        assert_eq!(run.flags.ssl_client_passphrase.as_deref(), Some("p"));
        assert_eq!(
            run.flags.ssl_extra_ca_certs.as_deref(),
            Some(Path::new("ca.pem"))
        );
        let both = [
            "run",
            "c.json",
            "--ssl-client-cert",
            "c",
            "--ssl-client-pfx",
            "p",
        ];
        assert!(parse(&both).is_err());
    }

    #[test]
    fn args_reject_bad_values() {
        assert!(parse(&["run", "c.json", "-n", "0"]).is_err());
        assert!(parse(&["run", "c.json", "--color", "purple"]).is_err());
        assert!(parse(&["run"]).is_err());
        assert!(parse(&["mock"]).is_err());
        assert!(parse(&["run", "c.json", "--bail", "sometimes"]).is_err());
        let bail = |args: &[&str]| match parse(args) {
            Ok(Cli {
                command: Command::Run(run),
            }) => run.flags.bail,
            _ => None,
        };
        assert_eq!(
            bail(&["run", "c.json", "--bail", "folder,failure"]).map(|b| b.len()),
            Some(2)
        );
        assert_eq!(
            bail(&["run", "--bail", "--", "c.json"]),
            Some(vec!["failure".to_string()])
        );
    }
}
