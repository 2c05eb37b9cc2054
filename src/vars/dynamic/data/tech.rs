//! Technology: hacker jargon, database terms, MIME types, paths and internet domains.

/// Technical acronyms.
pub const HACKER_ABBREVIATIONS: &[&str] = &[
    "TCP", "UDP", "HTTP", "SSL", "TLS", "SQL", "XML", "JSON", "CSS", "RAM", "ROM", "GB", "SSD",
    "HDD", "USB", "PCI", "AGP", "FTP", "SMTP", "SMS", "RSS", "PNG", "EXE", "AI", "API", "CPU",
    "GPU", "DNS", "VPN", "IP",
];

/// Technical adjectives.
pub const HACKER_ADJECTIVES: &[&str] = &[
    "auxiliary",
    "primary",
    "back-end",
    "digital",
    "open-source",
    "virtual",
    "cross-platform",
    "redundant",
    "online",
    "haptic",
    "multi-byte",
    "bluetooth",
    "wireless",
    "neural",
    "optical",
    "solid state",
    "mobile",
    "quantum",
    "encrypted",
    "headless",
];

/// Technical nouns.
pub const HACKER_NOUNS: &[&str] = &[
    "driver",
    "protocol",
    "bandwidth",
    "panel",
    "microchip",
    "program",
    "port",
    "card",
    "array",
    "interface",
    "system",
    "sensor",
    "firewall",
    "hard drive",
    "pixel",
    "alarm",
    "feed",
    "monitor",
    "application",
    "transmitter",
    "bus",
    "circuit",
    "capacitor",
    "matrix",
    "kernel",
    "socket",
    "buffer",
    "cache",
];

/// Technical verbs as `(base form, -ing form)`.
pub const HACKER_VERBS: &[(&str, &str)] = &[
    ("back up", "backing up"),
    ("bypass", "bypassing"),
    ("hack", "hacking"),
    ("override", "overriding"),
    ("compress", "compressing"),
    ("copy", "copying"),
    ("navigate", "navigating"),
    ("index", "indexing"),
    ("connect", "connecting"),
    ("generate", "generating"),
    ("quantify", "quantifying"),
    ("calculate", "calculating"),
    ("synthesize", "synthesizing"),
    ("input", "inputting"),
    ("transmit", "transmitting"),
    ("program", "programming"),
    ("reboot", "rebooting"),
    ("parse", "parsing"),
    ("encrypt", "encrypting"),
    ("compile", "compiling"),
];

/// Database column names.
pub const DB_COLUMNS: &[&str] = &[
    "id",
    "title",
    "name",
    "email",
    "phone",
    "token",
    "group",
    "category",
    "password",
    "comment",
    "avatar",
    "status",
    "createdAt",
    "updatedAt",
    "deletedAt",
    "price",
    "quantity",
    "ownerId",
];

/// Database column types.
pub const DB_TYPES: &[&str] = &[
    "int",
    "smallint",
    "bigint",
    "tinyint",
    "decimal",
    "float",
    "double",
    "real",
    "bit",
    "boolean",
    "serial",
    "varchar",
    "char",
    "text",
    "blob",
    "binary",
    "date",
    "time",
    "datetime",
    "timestamp",
    "year",
    "enum",
    "set",
    "json",
    "geometry",
    "point",
];

/// Database collations.
pub const DB_COLLATIONS: &[&str] = &[
    "utf8_unicode_ci",
    "utf8_general_ci",
    "utf8_bin",
    "utf8mb4_unicode_ci",
    "utf8mb4_bin",
    "ascii_bin",
    "ascii_general_ci",
    "latin1_swedish_ci",
    "cp1250_bin",
    "cp1250_general_ci",
];

/// Database storage engines.
pub const DB_ENGINES: &[&str] = &[
    "InnoDB",
    "MyISAM",
    "MEMORY",
    "CSV",
    "ARCHIVE",
    "BLACKHOLE",
    "MERGE",
    "FEDERATED",
];

/// MIME types as `(type, usual extension, common)`; `common` marks everyday file types.
pub const MIME_TYPES: &[(&str, &str, bool)] = &[
    ("application/pdf", "pdf", true),
    ("application/json", "json", true),
    ("application/zip", "zip", true),
    ("application/msword", "doc", true),
    ("application/vnd.ms-excel", "xls", false),
    ("application/vnd.oasis.opendocument.text", "odt", false),
    ("application/x-7z-compressed", "7z", false),
    ("application/x-tar", "tar", false),
    ("application/xml", "xml", false),
    ("application/epub+zip", "epub", false),
    ("application/vnd.android.package-archive", "apk", false),
    ("audio/mpeg", "mp3", true),
    ("audio/wav", "wav", true),
    ("audio/ogg", "oga", false),
    ("audio/flac", "flac", false),
    ("audio/midi", "mid", false),
    ("font/woff2", "woff2", false),
    ("font/ttf", "ttf", false),
    ("image/png", "png", true),
    ("image/jpeg", "jpeg", true),
    ("image/gif", "gif", true),
    ("image/webp", "webp", false),
    ("image/svg+xml", "svg", false),
    ("image/tiff", "tiff", false),
    ("image/bmp", "bmp", false),
    ("message/rfc822", "eml", false),
    ("model/gltf+json", "gltf", false),
    ("model/stl", "stl", false),
    ("text/html", "html", true),
    ("text/plain", "txt", true),
    ("text/csv", "csv", false),
    ("text/css", "css", false),
    ("text/calendar", "ics", false),
    ("text/markdown", "md", false),
    ("video/mp4", "mp4", true),
    ("video/mpeg", "mpeg", true),
    ("video/webm", "webm", false),
    ("video/quicktime", "mov", false),
    ("video/x-msvideo", "avi", false),
];

/// Everyday top-level MIME types.
pub const COMMON_FILE_TYPES: &[&str] = &["video", "audio", "image", "text", "application"];

/// Absolute directory paths of a Unix-like system.
pub const DIRECTORY_PATHS: &[&str] = &[
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/etc/ssl",
    "/etc/cron.d",
    "/home",
    "/home/user",
    "/home/user/docs",
    "/lib",
    "/lib64",
    "/media",
    "/mnt",
    "/opt",
    "/opt/bin",
    "/opt/share",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/srv/www",
    "/sys",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/include",
    "/usr/lib",
    "/usr/local",
    "/usr/local/bin",
    "/usr/share",
    "/usr/src",
    "/var",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/mail",
    "/var/spool",
    "/var/tmp",
    "/Applications",
    "/Library",
    "/System",
    "/Users",
    "/private/tmp",
];

/// Top-level domains (without the dot).
pub const DOMAIN_SUFFIXES: &[&str] = &["com", "net", "org", "info", "biz", "name", "io"];

/// Free e-mail providers.
pub const FREE_EMAIL_DOMAINS: &[&str] = &["gmail.com", "yahoo.com", "hotmail.com"];

/// Reserved example domains.
pub const EXAMPLE_EMAIL_DOMAINS: &[&str] = &["example.com", "example.net", "example.org"];
