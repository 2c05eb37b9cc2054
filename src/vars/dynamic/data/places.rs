//! Places: city and street name parts, countries with ISO codes, language codes.

/// Words that may precede a city name.
pub const CITY_PREFIXES: &[&str] = &[
    "North", "East", "West", "South", "New", "Lake", "Port", "Fort",
];

/// Endings glued onto a name to form a city.
pub const CITY_SUFFIXES: &[&str] = &[
    "town", "ton", "land", "ville", "berg", "burgh", "borough", "bury", "view", "port", "mouth",
    "stad", "furt", "chester", "fort", "haven", "side", "shire", "field", "ford",
];

/// Street types following a street's name.
pub const STREET_SUFFIXES: &[&str] = &[
    "Street",
    "Avenue",
    "Road",
    "Lane",
    "Drive",
    "Court",
    "Place",
    "Square",
    "Way",
    "Parkway",
    "Boulevard",
    "Terrace",
    "Plains",
    "Ridge",
    "Trail",
    "Crossing",
    "Meadow",
    "Hollow",
    "Pass",
    "Row",
    "Gardens",
    "Heights",
    "Circle",
    "Alley",
];

/// Countries as `(English name, ISO 3166-1 alpha-2 code)`.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("Argentina", "AR"),
    ("Australia", "AU"),
    ("Austria", "AT"),
    ("Belgium", "BE"),
    ("Brazil", "BR"),
    ("Canada", "CA"),
    ("Chile", "CL"),
    ("China", "CN"),
    ("Colombia", "CO"),
    ("Denmark", "DK"),
    ("Egypt", "EG"),
    ("Finland", "FI"),
    ("France", "FR"),
    ("Germany", "DE"),
    ("Ghana", "GH"),
    ("Greece", "GR"),
    ("Iceland", "IS"),
    ("India", "IN"),
    ("Indonesia", "ID"),
    ("Ireland", "IE"),
    ("Italy", "IT"),
    ("Japan", "JP"),
    ("Kenya", "KE"),
    ("Mexico", "MX"),
    ("Morocco", "MA"),
    ("Netherlands", "NL"),
    ("New Zealand", "NZ"),
    ("Nigeria", "NG"),
    ("Norway", "NO"),
    ("Peru", "PE"),
    ("Poland", "PL"),
    ("Portugal", "PT"),
    ("South Africa", "ZA"),
    ("Spain", "ES"),
    ("Sweden", "SE"),
    ("Switzerland", "CH"),
    ("Thailand", "TH"),
    ("Turkey", "TR"),
    ("United Kingdom", "GB"),
    ("United States of America", "US"),
    ("Uruguay", "UY"),
    ("Vietnam", "VN"),
];

/// Two-letter language codes (ISO 639-1).
pub const LOCALES: &[&str] = &[
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo",
    "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "is",
    "it", "ja", "ka", "kk", "km", "ko", "lt", "lv", "mk", "ml", "mn", "ms", "mt", "nb", "nl", "pl",
    "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "th", "tr", "uk", "ur", "vi", "zh",
];
