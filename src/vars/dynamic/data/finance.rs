//! Finance: account kinds, transaction types, currencies and IBAN layouts.

/// Kinds of bank account (the variable appends " Account").
pub const ACCOUNT_KINDS: &[&str] = &[
    "Checking",
    "Savings",
    "Money Market",
    "Investment",
    "Home Loan",
    "Credit Card",
    "Auto Loan",
    "Personal Loan",
];

/// Banking transaction types.
pub const TRANSACTION_TYPES: &[&str] = &["deposit", "withdrawal", "payment", "invoice"];

/// Currencies as `(name, ISO 4217 code, symbol)`.
pub const CURRENCIES: &[(&str, &str, &str)] = &[
    ("US Dollar", "USD", "$"),
    ("Euro", "EUR", "€"),
    ("Pound Sterling", "GBP", "£"),
    ("Yen", "JPY", "¥"),
    ("Yuan Renminbi", "CNY", "¥"),
    ("Indian Rupee", "INR", "₹"),
    ("Swiss Franc", "CHF", "CHF"),
    ("Canadian Dollar", "CAD", "$"),
    ("Australian Dollar", "AUD", "$"),
    ("New Zealand Dollar", "NZD", "$"),
    ("Swedish Krona", "SEK", "kr"),
    ("Norwegian Krone", "NOK", "kr"),
    ("Danish Krone", "DKK", "kr"),
    ("Zloty", "PLN", "zł"),
    ("Czech Koruna", "CZK", "Kč"),
    ("Forint", "HUF", "Ft"),
    ("Brazilian Real", "BRL", "R$"),
    ("Mexican Peso", "MXN", "$"),
    ("Rand", "ZAR", "R"),
    ("Won", "KRW", "₩"),
    ("Turkish Lira", "TRY", "₺"),
    ("Russian Ruble", "RUB", "₽"),
    ("Baht", "THB", "฿"),
    ("Philippine Peso", "PHP", "₱"),
    ("Naira", "NGN", "₦"),
    ("New Israeli Sheqel", "ILS", "₪"),
    ("Hryvnia", "UAH", "₴"),
    ("Dong", "VND", "₫"),
];

/// IBAN layouts as `(country code, BBAN pattern)`: `A` = uppercase letter, `#` = digit.
pub const IBAN_FORMATS: &[(&str, &str)] = &[
    ("DE", "##################"),
    ("GB", "AAAA##############"),
    ("FR", "#######################"),
    ("NL", "AAAA##########"),
    ("ES", "####################"),
    ("IT", "A######################"),
    ("BE", "############"),
    ("AT", "################"),
    ("CH", "#################"),
    ("NO", "###########"),
    ("PL", "########################"),
    ("IE", "AAAA##############"),
];
