//! Newman's free-form reporter options: `--reporter-<name>-<option> [value]` and the generic
//! `--reporter-<option> [value]`, taken out of the arguments before clap sees them. A value is the
//! next argument unless it starts with `-` (then the option is a flag, `true`); `--x=v` works too.
//! Each reporter reads its own (see [`crate::report::registry`]).

pub use crate::report::registry::RawReporterOptions;
use std::ffi::OsString;

/// Remove every `--reporter-*` option from `args` (but not `--reporters`).
pub fn extract(args: Vec<OsString>) -> (Vec<OsString>, RawReporterOptions) {
    let mut rest = Vec::with_capacity(args.len());
    let mut options = Vec::new();
    let mut iter = args.into_iter().peekable();
    while let Some(arg) = iter.next() {
        let text = arg.to_string_lossy().into_owned();
        let Some(name) = text.strip_prefix("--reporter-") else {
            rest.push(arg);
            continue;
        };
        if let Some((name, value)) = name.split_once('=') {
            options.push((name.to_string(), value.to_string()));
            continue;
        }
        let value = match iter.peek() {
            Some(next) if !next.to_string_lossy().starts_with('-') => {
                iter.next().map(|v| v.to_string_lossy().into_owned())
            }
            _ => None,
        };
        options.push((name.to_string(), value.unwrap_or_else(|| "true".into())));
    }
    (rest, RawReporterOptions(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn reporter_options_are_extracted_with_values_and_flags() {
        let (rest, raw) = extract(os(&[
            "postie",
            "run",
            "c.json",
            "-r",
            "cli,json",
            "--reporter-json-export",
            "out.json",
            "--reporter-cli-no-summary",
            "--bail",
            "--reporter-json-omit-responses=true",
        ]));
        assert_eq!(
            rest,
            os(&["postie", "run", "c.json", "-r", "cli,json", "--bail"])
        );
        let reporters = vec!["cli".to_string(), "json".to_string()];
        let json = raw.for_reporter("json", &reporters);
        assert_eq!(json.get("export").map(String::as_str), Some("out.json"));
        assert_eq!(json.get("omit-responses").map(String::as_str), Some("true"));
        let cli = raw.for_reporter("cli", &reporters);
        assert_eq!(cli.get("no-summary").map(String::as_str), Some("true"));
    }

    #[test]
    fn reporter_generic_option_overrides_specific() {
        let (_, raw) = extract(os(&[
            "--reporter-json-export",
            "a",
            "--reporter-export",
            "b",
        ]));
        let opts = raw.for_reporter("json", &["json".to_string()]);
        assert_eq!(opts.get("export").map(String::as_str), Some("b"));
    }
}
