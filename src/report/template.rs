//! A user's Handlebars template for the HTML report (`--reporter-html-template FILE`,
//! `--reporter-htmlextra-template FILE`), read and checked before the run so a broken one
//! stops it with exit 2 naming the file and line. Templates written for Newman (Handlebars for
//! JavaScript) work unchanged: `list.length` is read as JavaScript reads it, inline partials
//! may be defined after they are used (`{{#*inline}}` at the end of the file, as Newman's
//! default template does), and the helpers of [`super::template_helpers`] are there. A helper
//! the template calls that postie does not have is reported with its line before the run.

use super::template_helpers::{self, KNOWN, LENGTH_HELPER};
use crate::diagnostic::Diagnostic;
use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{Handlebars, Path};
use serde_json::Value;
use std::path::{Path as FilePath, PathBuf};
use std::sync::Arc;

/// The name the template is registered under.
const NAME: &str = "report";

/// A checked, compiled template with its helpers.
#[derive(Clone)]
pub struct UserTemplate {
    path: PathBuf,
    registry: Arc<Handlebars<'static>>,
}

impl std::fmt::Debug for UserTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserTemplate")
            .field("path", &self.path)
            .finish()
    }
}

/// `path.length` → `(__postie_length path)`, for a path whose last part is `length`.
fn length_of(param: &Parameter) -> Option<Parameter> {
    let Parameter::Path(path) = param else {
        return None;
    };
    let raw = match path {
        Path::Relative((_, raw)) => raw.as_str(),
        _ => return None,
    };
    let base = raw
        .strip_suffix(".length")
        .or_else(|| raw.strip_suffix("/length"))
        .or_else(|| (raw == "length").then_some("this"))?;
    Parameter::parse(&format!("({LENGTH_HELPER} {base})")).ok()
}

fn fix_param(param: &mut Parameter) {
    if let Some(fixed) = length_of(param) {
        *param = fixed;
    } else if let Parameter::Subexpression(sub) = param {
        fix_element(&mut sub.element);
    }
}

fn fix_helper(h: &mut handlebars::template::HelperTemplate, name_position: bool) {
    // `{{list.length}}`: call the length helper with the list.
    if name_position
        && h.params.is_empty()
        && let Some(Parameter::Subexpression(sub)) = length_of(&h.name)
        && let TemplateElement::Expression(inner) = *sub.element
    {
        h.name = inner.name;
        h.params = inner.params;
    }
    h.params.iter_mut().for_each(fix_param);
    h.hash.values_mut().for_each(fix_param);
    if let Some(t) = h.template.as_mut() {
        fix_template(t);
    }
    if let Some(t) = h.inverse.as_mut() {
        fix_template(t);
    }
}

fn fix_element(element: &mut TemplateElement) {
    match element {
        TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
            fix_helper(h, true);
        }
        TemplateElement::HelperBlock(h) => fix_helper(h, false),
        TemplateElement::DecoratorExpression(d)
        | TemplateElement::DecoratorBlock(d)
        | TemplateElement::PartialExpression(d)
        | TemplateElement::PartialBlock(d) => {
            d.params.iter_mut().for_each(fix_param);
            d.hash.values_mut().for_each(fix_param);
            if let Some(t) = d.template.as_mut() {
                fix_template(t);
            }
        }
        _ => {}
    }
}

fn is_inline(element: &TemplateElement) -> bool {
    matches!(element, TemplateElement::DecoratorBlock(d) if d.name.as_name() == Some("inline"))
}

/// Rewrite `length` lookups and move inline partials to the front of their block (Handlebars
/// for JavaScript defines them before the block runs; Handlebars for Rust as it meets them).
fn fix_template(template: &mut Template) {
    template.elements.iter_mut().for_each(fix_element);
    if template.elements.len() == template.mapping.len() {
        let mut pairs: Vec<_> = std::mem::take(&mut template.elements)
            .into_iter()
            .zip(std::mem::take(&mut template.mapping))
            .collect();
        pairs.sort_by_key(|(e, _)| !is_inline(e));
        (template.elements, template.mapping) = pairs.into_iter().unzip();
    } else {
        template.elements.sort_by_key(|e| !is_inline(e));
    }
}

/// The first helper called that postie does not have, with the position of its element.
fn unknown_helper(template: &Template) -> Option<(String, Option<(usize, usize)>)> {
    for (index, element) in template.elements.iter().enumerate() {
        let position = template.mapping.get(index).map(|m| (m.0, m.1));
        let found = match element {
            TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
                helper_call(h, h.params.is_empty() && h.hash.is_empty())
            }
            TemplateElement::HelperBlock(h) => helper_call(h, h.params.is_empty()),
            TemplateElement::DecoratorBlock(d) | TemplateElement::PartialBlock(d) => {
                d.template.as_ref().and_then(unknown_helper)
            }
            _ => None,
        };
        if let Some((name, inner)) = found {
            return Some((name, inner.or(position)));
        }
    }
    None
}

type Found = Option<(String, Option<(usize, usize)>)>;

/// An unknown helper in `h`: its own name (when it is called with arguments, so it cannot be a
/// value lookup), its subexpressions' names, or one inside its blocks.
fn helper_call(h: &handlebars::template::HelperTemplate, lookup: bool) -> Found {
    let name = h.name.as_name().unwrap_or("");
    if !lookup && !KNOWN.contains(&name) {
        return Some((name.to_string(), None));
    }
    for param in h.params.iter().chain(h.hash.values()) {
        if let Parameter::Subexpression(sub) = param
            && !KNOWN.contains(&sub.name())
        {
            return Some((sub.name().to_string(), None));
        }
    }
    h.template
        .as_ref()
        .and_then(unknown_helper)
        .or_else(|| h.inverse.as_ref().and_then(unknown_helper))
}

impl UserTemplate {
    /// Read and check the template at `path`; `paging` and `logs` are htmlextra's options of
    /// those names, which its helpers of the same names answer.
    pub fn load(path: &FilePath, paging: bool, logs: bool) -> Result<Self, Diagnostic> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::in_file(path, format!("cannot read the HTML report template: {e}"))
        })?;
        let mut template = Template::compile(&text).map_err(|e| {
            let message = format!("invalid Handlebars template: {}", e.reason());
            let diagnostic = Diagnostic::in_file(path, message);
            match e.pos() {
                Some((line, col)) => diagnostic.at(line, col).with_source(&text),
                None => diagnostic,
            }
        })?;
        template.name = Some(path.display().to_string());
        fix_template(&mut template);
        if let Some((name, position)) = unknown_helper(&template) {
            let diagnostic = Diagnostic::in_file(
                path,
                format!("the template calls the helper \"{name}\", which postie does not have"),
            )
            .with_hint(format!(
                "helpers available: {}",
                KNOWN[..KNOWN.len() - 1].join(", ")
            ));
            return Err(match position {
                Some((line, col)) => diagnostic.at(line, col).with_source(&text),
                None => diagnostic,
            });
        }
        let mut registry = Handlebars::new();
        template_helpers::register(&mut registry, paging, logs);
        registry.register_template(NAME, template);
        Ok(UserTemplate {
            path: path.to_path_buf(),
            registry: Arc::new(registry),
        })
    }

    /// The page for `context`.
    pub fn render(&self, context: &Value) -> Result<String, Diagnostic> {
        self.registry.render(NAME, context).map_err(|e| {
            let diagnostic = Diagnostic::in_file(
                &self.path,
                format!("cannot render the HTML report template: {}", e.reason()),
            );
            match (e.line_no, e.column_no) {
                (Some(line), Some(col)) => diagnostic.at(line, col),
                _ => diagnostic,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn load(text: &str) -> Result<UserTemplate, Diagnostic> {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("t.hbs");
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        UserTemplate::load(&path, false, false)
    }

    fn render(text: &str, data: &Value) -> String {
        load(text)
            .and_then(|t| t.render(data))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn template_reads_length_as_javascript() {
        let data = json!({"a": {"list": [1, 2], "text": "héllo", "o": {"length": 7}}, "e": []});
        assert_eq!(
            render(
                "{{a.list.length}} {{a.text.length}} {{a.o.length}} {{#if e.length}}x{{else}}empty{{/if}} {{#gt a.list.length 1}}many{{/gt}}{{#with a}} {{list.length}}{{/with}}",
                &data
            ),
            "2 5 7 empty many 2"
        );
    }

    #[test]
    fn template_inline_partials_may_come_last() {
        let text = "{{#each items}}{{> row}}{{/each}}\n{{#*inline \"row\"}}<{{this}}>{{/inline}}";
        assert_eq!(render(text, &json!({"items": ["a", "b"]})).trim(), "<a><b>");
    }

    #[test]
    fn template_errors_name_the_line() {
        let broken = load("line one\n{{#if x}}\nno end").err();
        let broken = broken.map(|d| d.to_string()).unwrap_or_default();
        assert!(
            broken.contains("t.hbs") && broken.contains(":3:"),
            "{broken}"
        );
        let unknown = load("a\nb {{#each x}}{{moment date format=\"Y\"}}{{/each}}").err();
        let unknown = unknown.map(|d| d.to_string()).unwrap_or_default();
        assert!(
            unknown.contains("\"moment\"") && unknown.contains(":2:"),
            "{unknown}"
        );
    }
}
