//! Tests of the v1 → v2.1 conversion, run through the public entry points: ordering and nesting,
//! one request's fields, auth, and inputs (malformed and odd-but-valid). Shared helpers live here.

mod auth;
mod inputs;
mod order;
mod request;

use serde_json::{Value, json};

use super::{convert_v1, is_v1};

fn convert(doc: Value) -> Value {
    convert_v1(&doc).expect("test fixture")
}

/// Names of a converted item tree, folders as `name/` followed by their children indented.
fn outline(items: &Value) -> Vec<String> {
    fn walk(items: &Value, depth: usize, out: &mut Vec<String>) {
        for i in items.as_array().expect("test fixture") {
            let name = i["name"].as_str().unwrap_or_default();
            let pad = "  ".repeat(depth);
            if let Some(children) = i.get("item") {
                out.push(format!("{pad}{name}/"));
                walk(children, depth + 1, out);
            } else {
                out.push(format!("{pad}{name}"));
            }
        }
    }
    let mut out = Vec::new();
    walk(items, 0, &mut out);
    out
}

fn request_doc(r: Value) -> Value {
    let mut r = r;
    r["id"] = json!("r");
    let c = convert(json!({"name": "c", "order": ["r"], "requests": [r]}));
    c["item"][0].clone()
}

#[test]
fn v1_is_v1_detection() {
    assert!(is_v1(&json!({"name": "n", "order": [], "requests": []})));
    assert!(is_v1(&json!({"requests": []})));
    assert!(!is_v1(&json!({"info": {}, "requests": []})));
    assert!(!is_v1(&json!({"item": []})));
    assert!(!is_v1(&json!([])));
}
