//! Images, files and user agents: placeholder image URLs, SVG data URIs, file names, MIME types.

use super::data::tech::{COMMON_FILE_TYPES, DIRECTORY_PATHS, MIME_TYPES};
use super::pick::{hex, pick};
use super::prose::word;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use rand::Rng;

/// A placeholder image URL, e.g. `http://placeimg.com/640/480/cats` (no category: any image).
pub fn image_url(category: &str) -> String {
    if category.is_empty() {
        "http://placeimg.com/640/480".to_owned()
    } else {
        format!("http://placeimg.com/640/480/{category}")
    }
}

/// A percent-encoded `data:image/svg+xml` URI of a solid-color rectangle.
pub fn image_data_uri(rng: &mut impl Rng) -> String {
    let (w, h) = pick(rng, &[(640, 480), (320, 240), (800, 600), (200, 200)]);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#{}\"/></svg>",
        hex(rng, 6)
    );
    format!(
        "data:image/svg+xml;charset=UTF-8,{}",
        encode_uri_component(&svg)
    )
}

/// What JavaScript's `encodeURIComponent` leaves unencoded: `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// Percent-encodes like JavaScript's `encodeURIComponent`.
fn encode_uri_component(text: &str) -> String {
    utf8_percent_encode(text, URI_COMPONENT).to_string()
}

/// A realistic browser `User-Agent` header value.
pub fn user_agent(rng: &mut impl Rng) -> String {
    match rng.random_range(0..5) {
        0 => format!(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/{}.0.{}.{} Safari/537.36",
            rng.random_range(90..=125),
            rng.random_range(4000..=6500),
            rng.random_range(10..=200)
        ),
        1 => {
            let v = rng.random_range(90..=128);
            format!("Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0")
        }
        2 => format!(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_{}) AppleWebKit/605.1.15 \
             (KHTML, like Gecko) Version/{}.{} Safari/605.1.15",
            rng.random_range(0..=7),
            rng.random_range(14..=17),
            rng.random_range(0..=4)
        ),
        3 => {
            let major = rng.random_range(14..=17);
            format!(
                "Mozilla/5.0 (iPhone; CPU iPhone OS {major}_{} like Mac OS X) \
                 AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{major}.0 Mobile/15E148 \
                 Safari/604.1",
                rng.random_range(0..=6)
            )
        }
        _ => format!(
            "Mozilla/5.0 (Linux; Android {}; SM-G{}) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/{}.0.{}.{} Mobile Safari/537.36",
            rng.random_range(9..=14),
            rng.random_range(900..=999),
            rng.random_range(90..=125),
            rng.random_range(4000..=6500),
            rng.random_range(10..=200)
        ),
    }
}

/// A MIME type such as `application/pdf`.
pub fn mime_type(rng: &mut impl Rng) -> String {
    pick(rng, MIME_TYPES).0.to_owned()
}

/// The top-level part of a MIME type, e.g. `font`.
pub fn file_type(rng: &mut impl Rng) -> String {
    let mime = pick(rng, MIME_TYPES).0;
    mime.split('/').next().unwrap_or(mime).to_owned()
}

/// An everyday top-level MIME type (`video`, `audio`, `image`, `text`, `application`).
pub fn common_file_type(rng: &mut impl Rng) -> String {
    pick(rng, COMMON_FILE_TYPES).to_owned()
}

/// A file extension without the dot; only everyday ones if `common`.
pub fn file_ext(rng: &mut impl Rng, common: bool) -> String {
    loop {
        let (_, ext, is_common) = pick(rng, MIME_TYPES);
        if is_common || !common {
            return ext.to_owned();
        }
    }
}

/// 1-3 lowercase words joined by `_`, a dot and an extension, e.g. `robust_chair.pdf`.
pub fn file_name(rng: &mut impl Rng, common: bool) -> String {
    let count = rng.random_range(1..=3);
    let mut stem = String::new();
    for i in 0..count {
        if i > 0 {
            stem.push('_');
        }
        let w = word(rng);
        stem.extend(w.chars().map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        }));
    }
    format!("{stem}.{}", file_ext(rng, common))
}

/// An absolute directory path, e.g. `/usr/local/bin`.
pub fn directory_path(rng: &mut impl Rng) -> String {
    pick(rng, DIRECTORY_PATHS).to_owned()
}

/// A directory path and a file name, e.g. `/var/log/robust_chair.pdf`.
pub fn file_path(rng: &mut impl Rng) -> String {
    format!("{}/{}", directory_path(rng), file_name(rng, false))
}
