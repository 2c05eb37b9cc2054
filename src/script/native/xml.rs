//! XML parsing for `xml2js` and the legacy `xml2Json`: the document becomes a plain JSON tree
//! that the JavaScript side reshapes. An element is `{"n": name, "a": [[key, value], ...],
//! "c": [children]}`; a text run is a JSON string; a CDATA section is `{"cdata": text}`.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rquickjs::{Ctx, Function, Object};
use serde_json::{Value, json};

use super::throw;

/// Install `xmlParse(text) -> json` on `native`.
pub(super) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    native.set("xmlParse", Function::new(ctx.clone(), parse_js)?)?;
    Ok(())
}

fn parse_js(ctx: Ctx<'_>, text: String) -> rquickjs::Result<String> {
    parse(&text)
        .map(|tree| tree.to_string())
        .map_err(|message| throw(&ctx, &message))
}

fn element(start: &BytesStart<'_>) -> Result<Value, String> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // As sax reads them: of duplicated attributes the first is kept.
    for attr in start.attributes().with_checks(false) {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        if !seen.insert(key.clone()) {
            continue;
        }
        let value = attr.unescape_value().map_err(|e| e.to_string())?;
        attrs.push(json!([key, value]));
    }
    Ok(json!({ "n": name, "a": attrs, "c": [] }))
}

/// Append text to the children of the open element, merging with a preceding text run.
fn push_text(children: &mut Vec<Value>, text: &str) {
    if let Some(Value::String(last)) = children.last_mut() {
        last.push_str(text);
    } else {
        children.push(Value::String(text.to_string()));
    }
}

/// Parse an XML document into `{"root": element}`; `Err` describes malformed input.
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    // Stack of open elements; index 0 collects top-level nodes.
    let mut stack: Vec<Value> = vec![json!({ "n": "", "a": [], "c": [] })];
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("XML parse error at byte {position}: {e}"))?;
        match event {
            Event::Start(start) => stack.push(element(&start)?),
            Event::Empty(start) => {
                let node = element(&start)?;
                children(&mut stack)?.push(node);
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err("XML parse error: unexpected close tag".to_string());
                }
                let node = stack.pop().unwrap_or(Value::Null);
                children(&mut stack)?.push(node);
            }
            Event::Text(t) => {
                let decoded = t.decode().map_err(|e| e.to_string())?;
                if stack.len() > 1 {
                    push_text(children(&mut stack)?, &decoded);
                } else if !decoded.trim().is_empty() {
                    return Err("XML parse error: non-whitespace before first tag".to_string());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .map(str::to_string)
                            .ok_or_else(|| format!("XML parse error: unknown entity &{name};"))?
                    }
                };
                if stack.len() > 1 {
                    push_text(children(&mut stack)?, &resolved);
                }
            }
            Event::CData(c) => {
                let text = String::from_utf8_lossy(&c).into_owned();
                if stack.len() > 1 {
                    children(&mut stack)?.push(json!({ "cdata": text }));
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if stack.len() > 1 {
        return Err("XML parse error: unclosed root tag".to_string());
    }
    let top = stack.pop().unwrap_or(Value::Null);
    let root = top["c"]
        .as_array()
        .and_then(|c| c.iter().find(|n| n.is_object()).cloned());
    match root {
        Some(root) => Ok(json!({ "root": root })),
        None => Err("XML parse error: no root element".to_string()),
    }
}

fn children(stack: &mut [Value]) -> Result<&mut Vec<Value>, String> {
    stack
        .last_mut()
        .and_then(|node| node.get_mut("c"))
        .and_then(Value::as_array_mut)
        .ok_or_else(|| "XML parse error".to_string())
}
