//! The Handlebars helpers a user's HTML template can call: the ones newman-reporter-html
//! (`add`, `gt`) and newman-reporter-htmlextra (`percent`, `formdata`, `object`, `inc`,
//! `totalTests`, `paging`, `logs`, `isTheSame`, `isNotIn`, `totalFolders`,
//! `totalFailedFolders`) register, and the comparisons from handlebars-helpers their default
//! templates use (`eq`, `is`, `isnt`, `gt`, `gte`, `lt`, `lte`, `and`, `or`, `not`). As in
//! JavaScript, a comparison used as a block (`{{#gt a 1}}…{{else}}…{{/gt}}`) renders one
//! branch and used inline gives `true` or `false`; values are compared and added with
//! JavaScript's coercions.

use crate::collection::js_value::{js_string, truthy};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason, Renderable, ScopedJson,
};
use serde_json::{Map, Value, json};

/// The name templates' `x.length` is rewritten to (`(__postie_length x)`), since Handlebars for
/// Rust has no `length` on lists.
pub const LENGTH_HELPER: &str = "__postie_length";

/// Every helper name a template may call: Handlebars' own and the ones registered here.
pub const KNOWN: &[&str] = &[
    "if",
    "unless",
    "each",
    "with",
    "lookup",
    "log",
    "raw",
    "len",
    "ne",
    "eq",
    "is",
    "isnt",
    "gt",
    "gte",
    "lt",
    "lte",
    "and",
    "or",
    "not",
    "add",
    "percent",
    "formdata",
    "object",
    "inc",
    "totalTests",
    "paging",
    "logs",
    "isTheSame",
    "isNotIn",
    "totalFolders",
    "totalFailedFolders",
    LENGTH_HELPER,
];

/// A value as JavaScript's `Number()` reads it.
fn to_number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) if s.trim().is_empty() => 0.0,
        Value::String(s) => s.trim().parse().unwrap_or(f64::NAN),
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Null => 0.0,
        Value::Array(_) | Value::Object(_) => f64::NAN,
    }
}

/// JavaScript's `parseInt` of a value: the leading integer of its text.
fn parse_int(v: &Value) -> f64 {
    let text = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.as_f64().map_or(String::new(), |f| f.trunc().to_string()),
        _ => return f64::NAN,
    };
    let sign_len = usize::from(text.starts_with(['-', '+']));
    let digits = text[sign_len..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    text[..sign_len + digits].parse().unwrap_or(f64::NAN)
}

/// A number as JavaScript prints it: integers without a fraction, `NaN` as text.
pub fn js_number(n: f64) -> Value {
    if n.is_nan() {
        json!("NaN")
    } else if n.fract() == 0.0 && n.abs() < 9e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

/// `a > b` (and friends) as JavaScript compares: text with text, anything else as numbers.
fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => to_number(a).partial_cmp(&to_number(b)),
    }
}

/// `a === b`.
fn strict_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(_), _) | (Value::Object(_), _) => false,
        _ => a == b,
    }
}

/// `a == b`, for the usual cases (text against numbers compares as numbers).
fn loose_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::String(_), Value::String(_)) => a == b,
        (Value::Array(_) | Value::Object(_), _) | (_, Value::Array(_) | Value::Object(_)) => {
            js_string(a) == js_string(b)
        }
        _ => to_number(a) == to_number(b),
    }
}

fn params(h: &Helper<'_>) -> Vec<Value> {
    h.params().iter().map(|p| p.value().clone()).collect()
}

fn arg(list: &[Value], i: usize) -> &Value {
    list.get(i).unwrap_or(&Value::Null)
}

/// Render the block's main or `{{else}}` part, or write `true`/`false` when used inline.
fn branch<'reg: 'rc, 'rc>(
    value: bool,
    h: &Helper<'rc>,
    r: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    rc: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    if !h.is_block() {
        out.write(if value { "true" } else { "false" })?;
        return Ok(());
    }
    match if value { h.template() } else { h.inverse() } {
        Some(t) => t.render(r, ctx, rc, out),
        None => Ok(()),
    }
}

/// A yes-or-no test of a helper's arguments.
type TestFn = fn(&[Value]) -> bool;

/// A computation of a value from a helper's arguments.
type ComputeFn = Box<dyn Fn(&[Value]) -> Value + Send + Sync>;

/// A helper answering yes or no: a block renders a branch, inline it is `true`/`false`.
struct Test(TestFn);

impl HelperDef for Test {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived(json!((self.0)(&params(h)))))
    }

    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        branch((self.0)(&params(h)), h, r, ctx, rc, out)
    }
}

/// A helper giving a value (written escaped, or passed on in a subexpression).
struct Compute(ComputeFn);

impl HelperDef for Compute {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived((self.0)(&params(h))))
    }
}

/// htmlextra's `isNotIn elem list`: renders the block when `elem` is not in `list`. For its
/// `skipFolders`/`skipRequests` options the list is split at commas and `elem` at `/` (folder
/// paths), compared exactly; otherwise both are compared without case, a text list by
/// substring, as htmlextra does.
struct IsNotIn;

impl HelperDef for IsNotIn {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let elem = h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null);
        let Some(list_param) = h.param(1) else {
            return Err(RenderErrorReason::ParamNotFoundForIndex("isNotIn", 1).into());
        };
        let list = list_param.value();
        let path = list_param.relative_path().map_or("", String::as_str);
        let skip_list = path.ends_with("skipFolders") || path.ends_with("skipRequests");
        if skip_list && !js_string(list).is_empty() && list.is_string() {
            let parts: Vec<String> = js_string(&elem)
                .split('/')
                .map(|p| p.trim().to_string())
                .collect();
            let listed = js_string(list)
                .split(',')
                .any(|l| parts.iter().any(|p| p == l.trim()));
            return if listed {
                Ok(())
            } else {
                branch(true, h, r, ctx, rc, out)
            };
        }
        if elem.is_null() {
            return Ok(());
        }
        let wanted = js_string(&elem).to_lowercase();
        let found = match list {
            Value::Array(items) => items.iter().any(|i| js_string(i).to_lowercase() == wanted),
            Value::String(text) => text.to_lowercase().contains(&wanted),
            _ => false,
        };
        branch(!found, h, r, ctx, rc, out)
    }
}

/// `x.length` as JavaScript reads it: a list's or text's length, an object's `length` field.
fn length(v: &Value) -> Value {
    match v {
        Value::Array(items) => json!(items.len()),
        Value::String(s) => json!(s.encode_utf16().count()),
        Value::Object(map) => map.get("length").cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

fn formdata(v: &Value) -> Value {
    let mut out = Map::new();
    for member in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        if member.get("disabled").is_some_and(truthy) {
            continue;
        }
        let key = js_string(member.get("key").unwrap_or(&Value::Null));
        let value = match member.get("src") {
            Some(src) if truthy(src) => src.clone(),
            _ => member.get("value").cloned().unwrap_or(Value::Null),
        };
        out.insert(key, value);
    }
    json!(Value::Object(out).to_string())
}

fn failed_folders(v: &Value) -> Value {
    let count = v
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .flat_map(|a| {
            a.get("executions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .filter(|e| to_number(&e["cumulativeTests"]["failed"]) > 0.0)
        .count();
    json!(count)
}

/// Register every helper; `paging` and `logs` answer the htmlextra options of the same names.
pub fn register(registry: &mut Handlebars<'_>, paging: bool, logs: bool) {
    let tests: [(&str, TestFn); 10] = [
        ("eq", |p| strict_equal(arg(p, 0), arg(p, 1))),
        ("isTheSame", |p| strict_equal(arg(p, 0), arg(p, 1))),
        ("is", |p| loose_equal(arg(p, 0), arg(p, 1))),
        ("isnt", |p| !loose_equal(arg(p, 0), arg(p, 1))),
        ("gt", |p| {
            compare(arg(p, 0), arg(p, 1)).is_some_and(|o| o.is_gt())
        }),
        ("gte", |p| {
            compare(arg(p, 0), arg(p, 1)).is_some_and(|o| o.is_ge())
        }),
        ("lt", |p| {
            compare(arg(p, 0), arg(p, 1)).is_some_and(|o| o.is_lt())
        }),
        ("lte", |p| {
            compare(arg(p, 0), arg(p, 1)).is_some_and(|o| o.is_le())
        }),
        ("and", |p| p.iter().all(truthy)),
        ("or", |p| p.iter().any(truthy)),
    ];
    for (name, test) in tests {
        registry.register_helper(name, Box::new(Test(test)));
    }
    registry.register_helper("not", Box::new(Test(|p| !truthy(arg(p, 0)))));
    registry.register_helper("isNotIn", Box::new(IsNotIn));
    let computed: Vec<(&str, ComputeFn)> = vec![
        (
            "add",
            Box::new(|p| {
                let (a, b) = (arg(p, 0), arg(p, 1));
                if a.is_string() || b.is_string() {
                    json!(format!("{}{}", js_string(a), js_string(b)))
                } else {
                    js_number(to_number(a) + to_number(b))
                }
            }),
        ),
        (
            "percent",
            Box::new(|p| {
                let (passed, failed) = (to_number(arg(p, 0)), to_number(arg(p, 1)));
                let value = passed * 100.0 / (passed + failed);
                json!(if value.is_nan() {
                    "NaN".to_string()
                } else {
                    format!("{value:.0}")
                })
            }),
        ),
        ("formdata", Box::new(|p| formdata(arg(p, 0)))),
        ("object", Box::new(|p| json!(arg(p, 0).to_string()))),
        ("inc", Box::new(|p| js_number(parse_int(arg(p, 0)) + 1.0))),
        (
            "totalTests",
            Box::new(|p| {
                let total = parse_int(arg(p, 0));
                js_number(if truthy(arg(p, 1)) {
                    total - parse_int(arg(p, 1))
                } else {
                    total
                })
            }),
        ),
        ("paging", Box::new(move |_| json!(paging))),
        ("logs", Box::new(move |_| json!(logs))),
        ("totalFolders", Box::new(|p| length(arg(p, 0)))),
        (
            "totalFailedFolders",
            Box::new(|p| failed_folders(arg(p, 0))),
        ),
        (LENGTH_HELPER, Box::new(|p| length(arg(p, 0)))),
    ];
    for (name, f) in computed {
        registry.register_helper(name, Box::new(Compute(f)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: &Value) -> String {
        let mut registry = Handlebars::new();
        register(&mut registry, true, false);
        registry
            .render_template(template, data)
            .unwrap_or_else(|e| panic!("{template}: {e}"))
    }

    #[test]
    fn template_helpers_compare_as_blocks_and_inline() {
        let data = json!({"n": 3, "s": "3", "z": 0, "t": "b"});
        assert_eq!(render("{{#gt n 1}}yes{{else}}no{{/gt}}", &data), "yes");
        assert_eq!(render("{{#gt z 1}}yes{{else}}no{{/gt}}", &data), "no");
        assert_eq!(
            render("{{gte n 3}} {{lt n 3}} {{lte s 3}}", &data),
            "true false true"
        );
        assert_eq!(render("{{#eq n 3}}a{{/eq}}{{#eq s 3}}b{{/eq}}", &data), "a");
        assert_eq!(render("{{#is s 3}}loose{{/is}}", &data), "loose");
        assert_eq!(render("{{#if (gt n 2)}}sub{{/if}}", &data), "sub");
        assert_eq!(
            render("{{#isTheSame t \"b\"}}same{{/isTheSame}}", &data),
            "same"
        );
        assert_eq!(
            render("{{#and n s}}both{{/and}}{{#or z t}}one{{/or}}", &data),
            "bothone"
        );
    }

    #[test]
    fn template_helpers_compute_like_javascript() {
        let data = json!({"p": 2, "f": 1, "i": "4", "list": [
            {"key": "a", "value": "1"}, {"key": "b", "src": "/f.txt"}, {"key": "c", "value": "x", "disabled": true}
        ], "aggs": [{"executions": [{"cumulativeTests": {"failed": 1}}, {"cumulativeTests": {"failed": 0}}]}]});
        assert_eq!(render("{{add p f}} {{add i p}}", &data), "3 42");
        assert_eq!(render("{{percent p f}} {{percent 0 0}}", &data), "67 NaN");
        assert_eq!(
            render("{{inc i}} {{totalTests 10 3}} {{totalTests 10 0}}", &data),
            "5 7 10"
        );
        assert_eq!(
            render("{{{formdata list}}}", &data),
            r#"{"a":"1","b":"/f.txt"}"#
        );
        assert_eq!(
            render("{{{object p}}} {{paging}} {{logs}}", &data),
            "2 true false"
        );
        assert_eq!(
            render("{{totalFolders aggs}} {{totalFailedFolders aggs}}", &data),
            "1 1"
        );
        assert_eq!(render("{{__postie_length list}}", &data), "3");
    }

    #[test]
    fn template_helpers_is_not_in_follows_htmlextra() {
        let data = json!({
            "skipFolders": "Admin,Other", "skipHeaders": "authorization,x-secret", "names": ["Login"],
        });
        let t = |elem: &str, list: &str| {
            render(
                &format!(
                    "{{{{#isNotIn \"{elem}\" {list}}}}}shown{{{{else}}}}hidden{{{{/isNotIn}}}}"
                ),
                &data,
            )
        };
        assert_eq!(t("Admin / Users", "@root.skipFolders"), "");
        assert_eq!(t("Public", "@root.skipFolders"), "shown");
        assert_eq!(t("Authorization", "@root.skipHeaders"), "hidden");
        assert_eq!(t("Accept", "@root.skipHeaders"), "shown");
        assert_eq!(t("login", "names"), "hidden");
    }
}
