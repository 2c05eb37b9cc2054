//! JavaScript's view of a JSON value, as Postman's SDK applies it to variables: `String(value)`
//! when a value is substituted into `{{name}}` (objects become `[object Object]`, arrays join
//! their items with `,`, numbers print the way JavaScript prints them), and the casts of the
//! variable `type`s `string`, `number` and `boolean` (`String`, `Number`, `Boolean`).

use serde_json::{Number, Value};

/// JavaScript's truthiness of a JSON value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// `String(value)` as JavaScript computes it, except that `null` gives `"null"` (as Postman's
/// `Variable#toString` does).
pub fn js_string(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => js_number_text(n),
        Value::Array(items) => join_items(items),
        Value::Object(_) => "[object Object]".to_string(),
    }
}

/// `Array.prototype.join(',')`: `null` items are empty, nested arrays join too.
fn join_items(items: &[Value]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| match item {
            Value::Null => String::new(),
            other => js_string(other),
        })
        .collect();
    parts.join(",")
}

/// A JSON number printed as JavaScript prints it (`1e+21`, `1e-7`, `0.30000000000000004`).
pub fn js_number_text(n: &Number) -> String {
    if n.is_i64() || n.is_u64() {
        return match n.as_f64() {
            Some(f) if f.abs() >= 1e21 => js_float_text(f),
            _ => n.to_string(),
        };
    }
    n.as_f64().map_or_else(|| n.to_string(), js_float_text)
}

/// `Number.prototype.toString()` for a finite or non-finite double.
pub fn js_float_text(f: f64) -> String {
    if f.is_nan() {
        return "NaN".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if f == 0.0 {
        return "0".to_string();
    }
    // Shortest round-trip digits and the decimal exponent, e.g. "1.2345e6".
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let k = digits.len() as i32;
    let n = exp + 1;
    let sign = if f < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e = if e >= 0 {
            format!("+{e}")
        } else {
            e.to_string()
        };
        if k == 1 {
            format!("{digits}e{e}")
        } else {
            format!("{}.{}e{e}", &digits[..1], &digits[1..])
        }
    };
    format!("{sign}{body}")
}

/// `Boolean(value)`.
pub fn js_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// `Number(value)`; `None` for `NaN`.
pub fn js_to_number(value: &Value) -> Option<f64> {
    match value {
        Value::Null => Some(0.0),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => string_to_number(s),
        Value::Array(items) => match items.as_slice() {
            [] => Some(0.0),
            [one] => string_to_number(&js_string(one)),
            _ => None,
        },
        Value::Object(_) => None,
    }
}

/// JavaScript's `ToNumber` on a string: trimmed; empty is 0; `0x`/`0o`/`0b` prefixes;
/// `Infinity`; otherwise a decimal literal or `NaN`.
fn string_to_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return Some(0.0);
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return u64::from_str_radix(rest, radix).ok().map(|v| v as f64);
        }
    }
    match t {
        "Infinity" | "+Infinity" => return Some(f64::INFINITY),
        "-Infinity" => return Some(f64::NEG_INFINITY),
        _ => {}
    }
    let decimal = t
        .trim_start_matches(['+', '-'])
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !decimal {
        return None;
    }
    t.parse::<f64>().ok()
}

/// `parseFloat(text)`: the longest decimal literal (or `Infinity`) at the start of the trimmed
/// text; `None` for `NaN`.
pub fn js_parse_float(text: &str) -> Option<f64> {
    let t = text.trim_start();
    let b = t.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if t[i..].starts_with("Infinity") {
        return Some(if t.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    let int = digits(&mut i);
    let mut frac = false;
    if i < b.len() && b[i] == b'.' {
        let mut j = i + 1;
        frac = digits(&mut j);
        if frac || int {
            i = j;
        }
    }
    if !int && !frac {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) {
            i = j;
        }
    }
    t[..i].parse::<f64>().ok()
}

/// A double as a JSON value: integers stay integers; `NaN` and infinities (which JSON cannot
/// hold, and which `JSON.stringify` writes as `null`) become `null`.
pub fn number_value(f: f64) -> Value {
    if !f.is_finite() {
        return Value::Null;
    }
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        return Value::from(f as i64);
    }
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// Cast `value` for a variable of `type` `kind` as Postman's SDK does on load and on `set`:
/// `string` → `String(v)`, `number` → `Number(v)`, `boolean` → `Boolean(v)`; other types
/// (`any`, `default`, `secret`, ...) keep the value as it is.
pub fn cast_for_type(kind: Option<&str>, value: Value) -> Value {
    match kind.map(str::to_ascii_lowercase).as_deref() {
        Some("string") => match value {
            Value::String(_) => value,
            other => Value::String(js_string(&other)),
        },
        Some("number") => match value {
            Value::Number(_) => value,
            other => js_to_number(&other).map_or(Value::Null, number_value),
        },
        Some("boolean") => Value::Bool(js_truthy(&value)),
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn js_string_follows_javascript() {
        assert_eq!(js_string(&json!({"a": 1})), "[object Object]");
        assert_eq!(js_string(&json!([1, "x", null, [2, 3]])), "1,x,,2,3");
        assert_eq!(js_string(&json!(null)), "null");
        assert_eq!(js_string(&json!(3.5)), "3.5");
        assert_eq!(js_string(&json!(1e21)), "1e+21");
        assert_eq!(js_string(&json!(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(js_string(&json!(1e-7)), "1e-7");
        assert_eq!(js_string(&json!(0.000001)), "0.000001");
        assert_eq!(js_string(&json!(-0.0)), "0");
        assert_eq!(js_string(&json!(123456.789)), "123456.789");
    }

    #[test]
    fn js_value_casts_for_types() {
        assert_eq!(cast_for_type(Some("number"), json!("42")), json!(42));
        assert_eq!(cast_for_type(Some("number"), json!(" 0x10 ")), json!(16));
        assert_eq!(cast_for_type(Some("number"), json!("1.5")), json!(1.5));
        assert_eq!(cast_for_type(Some("number"), json!("abc")), json!(null));
        assert_eq!(cast_for_type(Some("boolean"), json!("false")), json!(true));
        assert_eq!(cast_for_type(Some("boolean"), json!("")), json!(false));
        assert_eq!(cast_for_type(Some("string"), json!(5)), json!("5"));
        assert_eq!(cast_for_type(Some("secret"), json!(5)), json!(5));
    }

    #[test]
    fn js_parse_float_reads_the_leading_number() {
        assert_eq!(js_parse_float("0x10"), Some(0.0));
        assert_eq!(js_parse_float("1e3"), Some(1000.0));
        assert_eq!(js_parse_float(" -3.5abc"), Some(-3.5));
        assert_eq!(js_parse_float(".5"), Some(0.5));
        assert_eq!(js_parse_float("5."), Some(5.0));
        assert_eq!(js_parse_float("true"), None);
        assert_eq!(js_parse_float(""), None);
    }
}
