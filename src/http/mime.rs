//! File name extensions to media types, for the `Content-Type` of uploaded files (file bodies and
//! form-data file parts), as Postman's HTTP stack looks them up. Only common extensions are
//! listed; anything else is sent as `application/octet-stream`, as Postman does for unknown ones.

/// `(extension, media type)`, sorted by extension.
const TYPES: &[(&str, &str)] = &[
    ("7z", "application/x-7z-compressed"),
    ("apk", "application/vnd.android.package-archive"),
    ("atom", "application/atom+xml"),
    ("avi", "video/x-msvideo"),
    ("avif", "image/avif"),
    ("bat", "application/x-msdownload"),
    ("bin", "application/octet-stream"),
    ("bmp", "image/bmp"),
    ("c", "text/x-c"),
    ("cer", "application/pkix-cert"),
    ("conf", "text/plain"),
    ("cpp", "text/x-c"),
    ("crt", "application/x-x509-ca-cert"),
    ("css", "text/css"),
    ("csv", "text/csv"),
    ("der", "application/x-x509-ca-cert"),
    ("dll", "application/x-msdownload"),
    ("dmg", "application/x-apple-diskimage"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("eml", "message/rfc822"),
    ("eot", "application/vnd.ms-fontobject"),
    ("epub", "application/epub+zip"),
    ("exe", "application/x-msdos-program"),
    ("flac", "audio/x-flac"),
    ("geojson", "application/geo+json"),
    ("gif", "image/gif"),
    ("gz", "application/gzip"),
    ("h", "text/x-c"),
    ("heic", "image/heic"),
    ("htm", "text/html"),
    ("html", "text/html"),
    ("ico", "image/vnd.microsoft.icon"),
    ("ics", "text/calendar"),
    ("ini", "text/plain"),
    ("iso", "application/x-iso9660-image"),
    ("jar", "application/java-archive"),
    ("java", "text/x-java-source"),
    ("jpeg", "image/jpeg"),
    ("jpg", "image/jpeg"),
    ("js", "application/javascript"),
    ("json", "application/json"),
    ("jsonld", "application/ld+json"),
    ("jsx", "text/jsx"),
    ("log", "text/plain"),
    ("m4a", "audio/mp4"),
    ("markdown", "text/markdown"),
    ("md", "text/markdown"),
    ("mjs", "application/javascript"),
    ("mkv", "video/x-matroska"),
    ("mov", "video/quicktime"),
    ("mp3", "audio/mpeg"),
    ("mp4", "video/mp4"),
    ("msg", "application/vnd.ms-outlook"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ogg", "audio/ogg"),
    ("otf", "font/otf"),
    ("p12", "application/x-pkcs12"),
    ("pdf", "application/pdf"),
    ("pem", "application/x-x509-ca-cert"),
    ("pfx", "application/x-pkcs12"),
    ("php", "application/x-httpd-php"),
    ("png", "image/png"),
    ("ppt", "application/vnd.ms-powerpoint"),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("rar", "application/vnd.rar"),
    ("rss", "application/rss+xml"),
    ("rtf", "application/rtf"),
    ("sh", "application/x-sh"),
    ("so", "application/octet-stream"),
    ("sql", "application/x-sql"),
    ("svg", "image/svg+xml"),
    ("tar", "application/x-tar"),
    ("text", "text/plain"),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("tsv", "text/tab-separated-values"),
    ("ttf", "font/ttf"),
    ("txt", "text/plain"),
    ("vcf", "text/x-vcard"),
    ("wasm", "application/wasm"),
    ("wav", "audio/wave"),
    ("webm", "video/webm"),
    ("webp", "image/webp"),
    ("woff", "font/woff"),
    ("woff2", "font/woff2"),
    ("xhtml", "application/xhtml+xml"),
    ("xls", "application/vnd.ms-excel"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("xml", "application/xml"),
    ("yaml", "text/yaml"),
    ("yml", "text/yaml"),
    ("zip", "application/zip"),
];

/// The media type for `path`'s extension (case-insensitive), if it is a known one.
pub fn lookup(path: &str) -> Option<&'static str> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let (_, extension) = name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    TYPES
        .binary_search_by(|(e, _)| (*e).cmp(extension.as_str()))
        .ok()
        .map(|i| TYPES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_lookup_by_extension() {
        assert_eq!(lookup("a/b/hello.TXT"), Some("text/plain"));
        assert_eq!(lookup("data.json"), Some("application/json"));
        assert_eq!(lookup("x.tar.gz"), Some("application/gzip"));
        assert_eq!(lookup("blob.zzq"), None);
        assert_eq!(lookup("noext"), None);
        assert!(TYPES.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
    }
}
