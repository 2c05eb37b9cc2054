//! `{{name}}` references that no scope defines: not the environment, globals, data columns,
//! `--env-var`/`--global-var`, collection variables, nor a literal name a script sets, and not a
//! dynamic variable (`{{$guid}}`: the runtime's own table, `vars::dynamic::dynamic_value`).
//! One warning per name, at its first use, with how many more uses it has.

use std::collections::{HashMap, HashSet};

use super::Severity::Warning;
use super::sink::Sink;
use super::sites::Sites;
use crate::vars::template::references;

/// Warn about the references in `sites` that `defined` lacks.
pub fn check_references(sites: &Sites, defined: &HashSet<String>, sink: &mut Sink<'_>) {
    // name → (path, line, column, uses), first use kept, in order of first use.
    let mut undefined: Vec<(String, String, usize, usize)> = Vec::new();
    let mut uses: HashMap<String, usize> = HashMap::new();
    let mut dynamic: HashMap<String, bool> = HashMap::new();
    for site in &sites.texts {
        for name in references(&site.text) {
            if defined.contains(&name) || name.contains("{{") {
                continue;
            }
            let is_dynamic = *dynamic
                .entry(name.clone())
                .or_insert_with(|| crate::vars::dynamic::dynamic_value(&name).is_some());
            if is_dynamic {
                continue;
            }
            let count = uses.entry(name.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                let (line, column) = position_of(&site.text, &name);
                undefined.push((name, site.path.clone(), line, column));
            }
        }
    }
    for (name, path, line, column) in undefined {
        let more = uses.get(&name).copied().unwrap_or(1) - 1;
        let also = match more {
            0 => String::new(),
            1 => " (and 1 more use)".to_string(),
            n => format!(" (and {n} more uses)"),
        };
        sink.add_in_text(
            Warning,
            "undefined-variable",
            (&path, line, column),
            format!("`{{{{{name}}}}}` is not defined in any scope{also}"),
        );
        sink.hint(
            "define it in the environment, globals, data file or collection variables, \
             or pass --env-var NAME=VALUE",
        );
    }
}

/// Line and column (1-based, characters) of the first `{{name}}` or `<<name>>` in `text`.
fn position_of(text: &str, name: &str) -> (usize, usize) {
    let offset = [format!("{{{{{name}}}}}"), format!("<<{name}>>")]
        .iter()
        .filter_map(|needle| text.find(needle.as_str()))
        .min()
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
