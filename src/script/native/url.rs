//! WHATWG URL parsing (the `url` crate) for `URL`/`require('url')`, and IDNA/punycode for
//! `require('punycode')`.

use rquickjs::function::Opt;
use rquickjs::{Ctx, Exception, Function, Object};
use serde_json::json;

use super::throw;

/// Install `urlParse`, `urlSet`, `domainToAscii`, `domainToUnicode`, `punycodeEncode` and
/// `punycodeDecode` on `native`.
pub(super) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    native.set("urlParse", Function::new(ctx.clone(), url_parse)?)?;
    native.set("urlSet", Function::new(ctx.clone(), url_set)?)?;
    native.set(
        "domainToAscii",
        Function::new(ctx.clone(), |domain: String| {
            idna::domain_to_ascii(&domain).unwrap_or_default()
        })?,
    )?;
    native.set(
        "domainToUnicode",
        Function::new(ctx.clone(), |domain: String| {
            idna::domain_to_unicode(&domain).0
        })?,
    )?;
    native.set(
        "punycodeEncode",
        Function::new(ctx.clone(), |ctx: Ctx<'_>, text: String| {
            idna::punycode::encode_str(&text)
                .ok_or_else(|| throw(&ctx, "punycode: input cannot be encoded"))
        })?,
    )?;
    native.set(
        "punycodeDecode",
        Function::new(ctx.clone(), |ctx: Ctx<'_>, text: String| {
            idna::punycode::decode_to_string(&text)
                .ok_or_else(|| throw(&ctx, "punycode: invalid input"))
        })?,
    )?;
    Ok(())
}

/// The components of a parsed URL, as JSON (the field names of the WHATWG `URL` class).
pub(crate) fn components(url: &url::Url) -> String {
    let port = url.port().map(|p| p.to_string()).unwrap_or_default();
    let hostname = url.host_str().unwrap_or("").to_string();
    let host = if port.is_empty() {
        hostname.clone()
    } else {
        format!("{hostname}:{port}")
    };
    let search = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    let hash = url.fragment().map(|f| format!("#{f}")).unwrap_or_default();
    json!({
        "href": url.as_str(),
        "protocol": format!("{}:", url.scheme()),
        "username": url.username(),
        "password": url.password().unwrap_or(""),
        "host": host,
        "hostname": hostname,
        "port": port,
        "pathname": url.path(),
        "search": if search == "?" { String::new() } else { search },
        "hash": if hash == "#" { String::new() } else { hash },
        "origin": url.origin().ascii_serialization(),
    })
    .to_string()
}

fn invalid(ctx: &Ctx<'_>, input: &str) -> rquickjs::Error {
    Exception::throw_type(ctx, &format!("Invalid URL: {input}"))
}

fn url_parse(ctx: Ctx<'_>, input: String, base: Opt<String>) -> rquickjs::Result<String> {
    let parsed = match base.0 {
        Some(base) => url::Url::parse(&base).and_then(|b| b.join(&input)),
        None => url::Url::parse(&input),
    };
    parsed
        .map(|u| components(&u))
        .map_err(|_| invalid(&ctx, &input))
}

/// Set one component of `href` the way the `URL` setters do (invalid values are ignored).
fn url_set(ctx: Ctx<'_>, href: String, field: String, value: String) -> rquickjs::Result<String> {
    let mut url = url::Url::parse(&href).map_err(|_| invalid(&ctx, &href))?;
    let strip = |v: &str, prefix: char| v.strip_prefix(prefix).unwrap_or(v).to_string();
    match field.as_str() {
        "href" => url = url::Url::parse(&value).map_err(|_| invalid(&ctx, &value))?,
        "protocol" => {
            let _ = url.set_scheme(value.trim_end_matches(':'));
        }
        "username" => {
            let _ = url.set_username(&value);
        }
        "password" => {
            let _ = url.set_password(Some(&value).filter(|v| !v.is_empty()).map(|v| v.as_str()));
        }
        "host" => {
            let (host, port) = match value.rsplit_once(':') {
                Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => (h, p.parse().ok()),
                _ => (value.as_str(), None),
            };
            if url.set_host(Some(host)).is_ok() {
                let _ = url.set_port(port);
            }
        }
        "hostname" => {
            let _ = url.set_host(Some(&value));
        }
        "port" => {
            let _ = url.set_port(value.parse().ok());
        }
        "pathname" => url.set_path(&value),
        "search" => {
            let q = strip(&value, '?');
            url.set_query(if q.is_empty() { None } else { Some(&q) });
        }
        "hash" => {
            let f = strip(&value, '#');
            url.set_fragment(if f.is_empty() { None } else { Some(&f) });
        }
        _ => {}
    }
    Ok(components(&url))
}
