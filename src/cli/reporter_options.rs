//! Newman's free-form reporter options: `--reporter-<name>-<option> [value]` and the generic
//! `--reporter-<option> [value]`, taken out of the arguments before clap sees them. A value is the
//! next argument unless it starts with `-` (then the option is a flag, `true`); `--x=v` works too.

use std::collections::BTreeMap;
use std::ffi::OsString;

/// Raw `--reporter-*` options in command-line order: (name after `reporter-`, value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawReporterOptions(pub Vec<(String, String)>);

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

/// The options postie's reporters read, by reporter (the reporters whose options are checked).
const KNOWN: [(&str, &[&str]); 3] = [
    (
        "cli",
        &[
            "no-summary",
            "no-failures",
            "no-assertions",
            "no-success-assertions",
            "no-console",
            "no-banner",
            "show-timestamps",
            "silent",
        ],
    ),
    ("json", &["export", "omit-responses", "body-as-text"]),
    ("junit", &["export"]),
];

impl RawReporterOptions {
    /// The `--reporter-<name>-<option>` flags naming an option the `cli`, `json` or `junit`
    /// reporter does not have (Newman ignores them without a word; the CLI warns).
    pub fn unknown(&self) -> Vec<String> {
        self.0
            .iter()
            .filter(|(name, _)| {
                KNOWN.iter().any(|(reporter, options)| {
                    name.strip_prefix(reporter)
                        .and_then(|rest| rest.strip_prefix('-'))
                        .is_some_and(|option| !options.contains(&option))
                })
            })
            .map(|(name, _)| format!("--reporter-{name}"))
            .collect()
    }

    /// The options for `reporter`: its own `--reporter-<reporter>-<opt>`, overridden by generic
    /// `--reporter-<opt>` ones (those not naming any of `reporters`), as Newman does.
    pub fn for_reporter(&self, reporter: &str, reporters: &[String]) -> BTreeMap<String, String> {
        let mut specific = BTreeMap::new();
        let mut generic = BTreeMap::new();
        for (name, value) in &self.0 {
            let owner = reporters
                .iter()
                .find(|r| name.starts_with(&format!("{r}-")));
            match owner {
                Some(r) if r == reporter => {
                    specific.insert(name[r.len() + 1..].to_string(), value.clone());
                }
                Some(_) => {}
                None => {
                    generic.insert(name.clone(), value.clone());
                }
            }
        }
        specific.extend(generic);
        specific
    }

    /// The options given as `--reporter-<reporter>-<opt>` (not the generic ones), in
    /// command-line order: (name after the reporter's prefix, value).
    pub fn specific(&self, reporter: &str, reporters: &[String]) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(name, _)| {
                let owner = reporters
                    .iter()
                    .find(|r| name.starts_with(&format!("{r}-")));
                owner.is_some_and(|r| r == reporter)
            })
            .map(|(name, value)| (name[reporter.len() + 1..].to_string(), value.clone()))
            .collect()
    }
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
    fn reporter_unknown_options_are_listed() {
        let (_, raw) = extract(os(&[
            "--reporter-cli-no-summary",
            "--reporter-cli-no-such-thing",
            "--reporter-json-frobnicate",
            "x",
            "--reporter-html-template",
            "t.hbs",
            "--reporter-export",
            "b",
        ]));
        assert_eq!(
            raw.unknown(),
            ["--reporter-cli-no-such-thing", "--reporter-json-frobnicate"]
        );
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
