//! Script checks: syntax (each distinct script compiled once by the sandbox's QuickJS, nothing
//! run), `setNextRequest` targets given as string literals that name no request, `pm.*` members
//! the sandbox lacks (the list is read from the sandbox itself, see [`super::members`]), and the
//! variable names scripts set with literals (`pm.environment.set("token", …)`), which count as
//! defined for [`super::variables`].

use std::collections::{HashMap, HashSet};

use super::Severity::{Error, Warning};
use super::sink::Sink;
use super::sites::{ScriptSite, Sites};
use crate::script::{SyntaxChecker, SyntaxIssue};

/// Calls whose first argument, a string literal, names a variable the script sets.
const SETTERS: [&str; 7] = [
    "environment.set(",
    "globals.set(",
    "collectionVariables.set(",
    "variables.set(",
    "iterationData.set(",
    "setEnvironmentVariable(",
    "setGlobalVariable(",
];

/// Report every script that does not compile; `cache` keeps what a source compiled to across
/// files (a collection repeats its scripts).
pub fn check_syntax(
    sites: &Sites,
    cache: &mut HashMap<String, Option<SyntaxIssue>>,
    sink: &mut Sink<'_>,
) {
    let mut todo: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for script in &sites.scripts {
        if !cache.contains_key(&script.source) && seen.insert(script.source.as_str()) {
            todo.push(&script.source);
        }
    }
    for (source, issue) in todo.iter().zip(compile_all(&todo)) {
        cache.insert(source.to_string(), issue);
    }
    for script in &sites.scripts {
        let Some(Some(issue)) = cache.get(&script.source) else {
            continue;
        };
        let at = (
            script.path.as_str(),
            issue.line as usize,
            issue.column as usize,
        );
        let message = format!("{} script: {}", script.listen, issue.message);
        sink.add_in_text(Error, "script-syntax", at, message);
    }
}

/// Scripts compiled per thread at least (fewer are compiled on the calling thread).
const PER_THREAD: usize = 256;

/// Compile `sources`, spread over the machine's cores, each thread with an engine of its own:
/// the issue of each, in order.
fn compile_all(sources: &[&str]) -> Vec<Option<SyntaxIssue>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(sources.len() / PER_THREAD).clamp(1, 8);
    let chunk = sources.len().div_ceil(threads).max(1);
    let compile = |part: &[&str]| -> Vec<Option<SyntaxIssue>> {
        match SyntaxChecker::new() {
            Ok(checker) => part.iter().map(|source| checker.check(source)).collect(),
            Err(e) => part
                .iter()
                .map(|_| {
                    Some(SyntaxIssue {
                        message: format!("the script engine could not start: {e}"),
                        line: 1,
                        column: 1,
                    })
                })
                .collect(),
        }
    };
    if threads == 1 {
        return compile(sources);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| scope.spawn(move || compile(part)))
            .collect();
        handles
            .into_iter()
            .zip(sources.chunks(chunk))
            .flat_map(|(h, part)| h.join().unwrap_or_else(|_| vec![None; part.len()]))
            .collect()
    })
}

/// The names scripts set with a literal name.
pub fn set_names(sites: &Sites) -> HashSet<String> {
    let mut names = HashSet::new();
    for script in &sites.scripts {
        for setter in SETTERS {
            for (_, literal) in literal_calls(&script.source, setter) {
                names.insert(literal.to_string());
            }
        }
    }
    names
}

/// `setNextRequest("name")` where no request has that name or id.
pub fn check_next_requests(sites: &Sites, sink: &mut Sink<'_>) {
    let targets: HashSet<&str> = sites
        .nodes
        .iter()
        .filter(|n| !n.folder)
        .flat_map(|n| std::iter::once(n.name.as_str()).chain(n.id.as_deref()))
        .collect();
    for script in &sites.scripts {
        for (offset, target) in literal_calls(&script.source, "setNextRequest(") {
            if targets.contains(target) {
                continue;
            }
            add_at(
                sink,
                script,
                offset,
                (Error, "next-request"),
                format!("setNextRequest(\"{target}\"): no request has that name or id"),
            );
            let names = sites.nodes.iter().filter(|n| !n.folder).map(|n| &n.name);
            if let Some(near) = nearest(target, names) {
                sink.hint(format!("did you mean \"{near}\"?"));
            } else {
                sink.hint("the run would stop there, as Newman stops on an unknown target");
            }
        }
    }
}

/// `pm.NAME` and `pm.NAME.MEMBER` the sandbox does not have (`known` lists what it has).
pub fn check_members(sites: &Sites, known: &HashSet<String>, sink: &mut Sink<'_>) {
    let parents: HashSet<&str> = known
        .iter()
        .filter_map(|k| k.rsplit_once('.').map(|(parent, _)| parent))
        .collect();
    for script in &sites.scripts {
        for (offset, chain) in pm_chains(&script.source) {
            let Some(missing) = first_unknown(&chain, known, &parents) else {
                continue;
            };
            add_at(
                sink,
                script,
                offset,
                (Warning, "unsupported-api"),
                format!("`{missing}` is not available in postie's (Newman 6.2's) sandbox"),
            );
        }
    }
}

/// The first of `pm.a` and `pm.a.b` in `chain` that `known` lacks (`pm.a.b` is looked at only
/// when `known` lists members of `pm.a`).
fn first_unknown(
    chain: &[&str],
    known: &HashSet<String>,
    parents: &HashSet<&str>,
) -> Option<String> {
    let first = format!("pm.{}", chain.first()?);
    if !known.contains(&first) {
        return Some(first);
    }
    let second = format!("{first}.{}", chain.get(1)?);
    (parents.contains(first.as_str()) && !known.contains(&second)).then_some(second)
}

/// A finding at byte `offset` of a script's source.
fn add_at(
    sink: &mut Sink<'_>,
    script: &ScriptSite,
    offset: usize,
    (severity, code): (super::Severity, &'static str),
    message: String,
) {
    let before = &script.source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    sink.add_in_text(severity, code, (&script.path, line, column), message);
}

/// The closest of `names` to `target`, when close enough to suggest.
fn nearest<'n>(target: &str, names: impl Iterator<Item = &'n String>) -> Option<&'n str> {
    names
        .map(|n| (strsim::jaro_winkler(target, n), n))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n.as_str())
}

/// Every `CALLEE` call whose first argument is a string literal (no `${}` in a template one):
/// the literal's byte offset and its text (escapes left as written).
pub fn literal_calls<'s>(source: &'s str, callee: &str) -> Vec<(usize, &'s str)> {
    let mut out = Vec::new();
    for (start, _) in source.match_indices(callee) {
        let after = start + callee.len();
        let rest = &source[after..];
        let arg = rest.trim_start();
        let offset = after + (rest.len() - arg.len());
        let Some(quote) = arg.chars().next().filter(|c| matches!(c, '"' | '\'' | '`')) else {
            continue;
        };
        let body = &arg[1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                c if c == quote => {
                    end = Some(i);
                    break;
                }
                '\n' if quote != '`' => break,
                _ => {}
            }
        }
        if let Some(end) = end.filter(|&e| !(quote == '`' && body[..e].contains("${"))) {
            out.push((offset, &body[..end]));
        }
    }
    out
}

/// Every `pm.a.b…` member chain: its byte offset and its names after `pm`.
fn pm_chains(source: &str) -> Vec<(usize, Vec<&str>)> {
    let mut out = Vec::new();
    for (start, _) in source.match_indices("pm.") {
        let before = source[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '.')) {
            continue;
        }
        let mut chain = Vec::new();
        let mut rest = &source[start + 3..];
        loop {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(rest.len());
            if len == 0 {
                break;
            }
            chain.push(&rest[..len]);
            match rest[len..].strip_prefix('.') {
                Some(next) if chain.len() < 2 => rest = next,
                _ => break,
            }
        }
        if !chain.is_empty() {
            out.push((start, chain));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_calls_take_plain_literals_only() {
        let src = "pm.environment.set('a', 1); pm.environment.set(name, 2);\n\
                   postman.setEnvironmentVariable(\"b\\\"c\", 3); pm.environment.set(`t${x}`, 1);";
        let found: Vec<_> = SETTERS
            .iter()
            .flat_map(|s| literal_calls(src, s))
            .map(|(_, l)| l)
            .collect();
        assert_eq!(found, vec!["a", "b\\\"c"]);
    }

    #[test]
    fn pm_chains_stop_at_two_names() {
        let chains: Vec<_> = pm_chains("x.pm.a; pm.response.to.have; pm.test(")
            .into_iter()
            .map(|c| c.1)
            .collect();
        assert_eq!(chains, vec![vec!["response", "to"], vec!["test"]]);
    }

    #[test]
    fn unknown_members_are_found_one_level_deep() {
        let known: HashSet<String> = ["pm.test", "pm.environment", "pm.environment.set"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let parents: HashSet<&str> = ["pm", "pm.environment"].into_iter().collect();
        let unknown = |chain: &[&str]| first_unknown(chain, &known, &parents);
        assert_eq!(unknown(&["vault"]).as_deref(), Some("pm.vault"));
        assert_eq!(
            unknown(&["environment", "nope"]).as_deref(),
            Some("pm.environment.nope")
        );
        assert_eq!(unknown(&["test", "skip"]), None);
        assert_eq!(unknown(&["environment", "set"]), None);
    }
}
