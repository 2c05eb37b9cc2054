//! The reporters by name (`-r cli,json,junit,html,htmlextra,progress`): each one's module reads
//! its own `--reporter-<name>-*` options and builds it; [`build`] builds those a run names, in
//! one fixed order (the order they see each event in). Options are checked before anything is
//! sent: a bad value stops the run with exit 2, an option a reporter does not have is warned
//! about.

mod cli;
mod html;
mod json;
mod junit;
mod options;
mod progress;

pub use html::progress_bar;
pub use options::RawReporterOptions;

use super::mask::Masker;
use super::reporter::{ReportTarget, Reporter, Spool};
use super::test_mode::Clock;
use crate::collection::LoadedCollection;
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;

/// Opens the spool a JSON report going to a target streams to.
pub type OpenSpool<'a> = dyn FnMut(&ReportTarget) -> Result<Box<dyn Spool>, Diagnostic> + 'a;

/// Builds the reporter `name` when the run wants it (`None` otherwise).
type Factory = fn(&str, &mut Context<'_>) -> Result<Option<Box<dyn Reporter>>, Diagnostic>;

/// Every reporter postie has, in the order they get each event.
const FACTORIES: [(&str, Factory); 6] = [
    ("cli", cli::build),
    ("json", json::build),
    ("junit", junit::build),
    ("html", html::build),
    ("htmlextra", html::build),
    ("progress", progress::build),
];

/// The options the `cli`, `json` and `junit` reporters read: any other
/// `--reporter-<one of them>-<option>` is warned about (Newman ignores it without a word).
const CHECKED: [(&str, &[&str]); 3] = [
    ("cli", cli::OPTIONS),
    ("json", json::OPTIONS),
    ("junit", junit::OPTIONS),
];

/// What the reporters of a run are built from.
pub struct Context<'a> {
    /// The reporters named (`-r`), or the host's default.
    pub names: &'a [String],
    /// Every `--reporter-*` option given.
    pub options: &'a RawReporterOptions,
    /// Masks every secret the run knows of.
    pub masker: &'a Masker,
    /// The clock reports take times from (frozen in test mode).
    pub clock: Clock,
    /// `--color`, decided: colour the terminal output.
    pub color: bool,
    /// `--verbose`.
    pub verbose: bool,
    /// `--silent`: the `cli` reporter prints nothing.
    pub silent: bool,
    /// `--disable-unicode`.
    pub disable_unicode: bool,
    /// `--show-secrets`.
    pub show_secrets: bool,
    /// The collection run (its name and descriptions, for the HTML reports).
    pub collection: &'a LoadedCollection,
    /// Opens the spool the JSON report streams its executions to, for a report going to the
    /// target given.
    pub open_spool: &'a mut OpenSpool<'a>,
    /// Tells the user about an option that is ignored.
    pub warn: &'a mut dyn FnMut(String),
}

impl Context<'_> {
    /// Whether the run names reporter `name`.
    fn selected(&self, name: &str) -> bool {
        self.names.iter().any(|r| r == name)
    }

    /// The options `name` reads ([`RawReporterOptions::for_reporter`]).
    fn options_for(&self, name: &str) -> BTreeMap<String, String> {
        self.options.for_reporter(name, self.names)
    }

    /// Where report `name` goes: its `export` option, else `default_file`.
    fn target(&self, name: &str, default_file: String) -> ReportTarget {
        ReportTarget {
            export: self
                .options_for(name)
                .remove("export")
                .filter(|path| path != "true"),
            default_file,
        }
    }
}

/// An on/off option: given. Newman reads any value as on (`--reporter-cli-no-summary=false` is
/// the text `false`, which is truthy; an empty value makes the option a bare flag).
fn flag(options: &BTreeMap<String, String>, name: &str) -> bool {
    options.contains_key(name)
}

/// The reporters of a run.
pub struct Reporters {
    /// In the order they get each event.
    pub list: Vec<Box<dyn Reporter>>,
    /// The `cli` reporter prints (named, and not silenced).
    pub terminal: bool,
}

/// Refuse a reporter name postie does not have.
pub fn check_names(names: &[String]) -> Result<(), Diagnostic> {
    match names
        .iter()
        .find(|name| !FACTORIES.iter().any(|(known, _)| known == name))
    {
        Some(name) => {
            let known = FACTORIES.map(|(name, _)| name);
            let guess = crate::diagnostic::did_you_mean(name, known)
                .map(|g| format!("did you mean \"{g}\"? "))
                .unwrap_or_default();
            Err(Diagnostic::new(format!(
                "reporter \"{name}\" is not available in postie yet"
            ))
            .with_hint(format!("{guess}available reporters: {}", known.join(", "))))
        }
        None => Ok(()),
    }
}

/// The `--reporter-<name>-<option>` flags naming an option the `cli`, `json` or `junit`
/// reporter does not have, as warnings (Newman ignores them without a word).
pub fn unknown_options(options: &RawReporterOptions) -> Vec<String> {
    options
        .0
        .iter()
        .filter(|(name, _)| {
            CHECKED.iter().any(|(reporter, known)| {
                name.strip_prefix(reporter)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|option| !known.contains(&option))
            })
        })
        .map(|(name, _)| {
            let guess = CHECKED
                .iter()
                .find_map(|(reporter, known)| {
                    let option = name.strip_prefix(reporter)?.strip_prefix('-')?;
                    crate::diagnostic::did_you_mean(option, known.iter().copied())
                        .map(|g| format!(" (did you mean --reporter-{reporter}-{g}?)"))
                })
                .unwrap_or_default();
            format!(
                "--reporter-{name}: no such reporter option; ignored, as Newman ignores it{guess}"
            )
        })
        .collect()
}

/// Build the reporters `context` names, each from its own options.
pub fn build(context: &mut Context<'_>) -> Result<Reporters, Diagnostic> {
    let mut list = Vec::new();
    for (name, factory) in FACTORIES {
        list.extend(factory(name, context)?);
    }
    Ok(Reporters {
        list,
        terminal: cli::prints(context),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_lists_unknown_options_of_checked_reporters() {
        let raw = RawReporterOptions(
            [
                ("cli-no-summary", "true"),
                ("cli-no-such-thing", "true"),
                ("json-frobnicate", "x"),
                ("junit-exprot", "r.xml"),
                ("html-template", "t.hbs"),
                ("export", "b"),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec(),
        );
        let unknown = unknown_options(&raw);
        assert_eq!(unknown.len(), 3);
        assert!(unknown[0].starts_with("--reporter-cli-no-such-thing: no such reporter option"));
        assert!(unknown[1].starts_with("--reporter-json-frobnicate: no such"));
        assert!(!unknown[1].contains("did you mean"));
        assert!(
            unknown[2].ends_with("(did you mean --reporter-junit-export?)"),
            "{unknown:?}"
        );
    }

    #[test]
    fn registry_refuses_unknown_reporter_names() {
        assert!(check_names(&["cli".into(), "htmlextra".into()]).is_ok());
        let e = check_names(&["cli".into(), "teamcity".into()])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("\"teamcity\" is not available"), "{e}");
        assert!(
            e.contains("cli, json, junit, html, htmlextra, progress"),
            "{e}"
        );
        let e = check_names(&["htmlextr".into()])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("did you mean \"htmlextra\"?"), "{e}");
    }
}
