//! Newman's free-form reporter options as given (`--reporter-<name>-<option> [value]` and the
//! generic `--reporter-<option> [value]`), and how a reporter reads its own out of them. The
//! command line collects them (`crate::cli::reporter_options::extract`); each reporter of the
//! [registry](super) parses what it reads.

use std::collections::BTreeMap;

/// Raw `--reporter-*` options in command-line order: (name after `reporter-`, value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawReporterOptions(pub Vec<(String, String)>);

impl RawReporterOptions {
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
