//! Tests for the dynamic variables: the full name list, value shapes, freshness.

use super::codes::iban_is_valid;
use super::dates::js_date_string;
use super::*;
use std::collections::HashSet;

/// Many samples of `name` (the shapes are random, so check a few draws each).
fn samples(name: &str) -> Vec<String> {
    (0..50)
        .map(|_| dynamic_value(name).unwrap_or_default())
        .collect()
}

fn all(name: &str, ok: impl Fn(&str) -> bool) {
    for v in samples(name) {
        assert!(ok(&v), "{name} produced {v:?}");
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_lower_hex(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `parts` split by `sep` match the given lengths, all digits.
fn digit_groups(s: &str, sep: char, lens: &[usize]) -> bool {
    let parts: Vec<&str> = s.split(sep).collect();
    parts.len() == lens.len()
        && parts
            .iter()
            .zip(lens)
            .all(|(p, &n)| p.len() == n && is_digits(p))
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && parts.iter().all(|p| is_lower_hex(p))
}

fn in_range(s: &str, limit: f64) -> bool {
    let decimals = s.split('.').nth(1).map_or(0, str::len);
    s.parse::<f64>().is_ok_and(|v| v.abs() <= limit) && decimals == 4
}

/// `Www Mmm DD YYYY HH:MM:SS GMT+0000 (Coordinated Universal Time)`.
fn is_js_date(s: &str) -> bool {
    let Some(head) = s.strip_suffix(" GMT+0000 (Coordinated Universal Time)") else {
        return false;
    };
    let f: Vec<&str> = head.split(' ').collect();
    f.len() == 5
        && f[0].len() == 3
        && f[1].len() == 3
        && digit_groups(f[2], ' ', &[2])
        && digit_groups(f[3], ' ', &[4])
        && digit_groups(f[4], ':', &[2, 2, 2])
}

#[test]
fn dynamic_list_has_118_unique_names() {
    assert_eq!(DYNAMIC_VARIABLES.len(), 118);
    let unique: HashSet<&&str> = DYNAMIC_VARIABLES.iter().collect();
    assert_eq!(unique.len(), 118);
    let random = DYNAMIC_VARIABLES
        .iter()
        .filter(|n| n.starts_with("$random"))
        .count();
    assert_eq!(random, 115, "114 faker names plus $randomInt");
}

#[test]
fn dynamic_every_listed_name_produces_a_value() {
    for name in DYNAMIC_VARIABLES {
        for _ in 0..20 {
            let v = dynamic_value(name);
            assert!(v.as_deref().is_some_and(|v| !v.is_empty()), "{name}: {v:?}");
        }
    }
}

#[test]
fn dynamic_unknown_name_is_none() {
    assert_eq!(dynamic_value("$notAThing"), None);
    assert_eq!(dynamic_value("guid"), None);
    assert_eq!(dynamic_value("$randomint"), None);
    assert_eq!(dynamic_value(""), None);
}

#[test]
fn dynamic_fresh_values() {
    let ints: HashSet<String> = samples("$randomInt").into_iter().collect();
    assert!(ints.len() > 1);
    assert_ne!(dynamic_value("$guid"), dynamic_value("$guid"));
    let emails: HashSet<String> = samples("$randomEmail").into_iter().collect();
    assert!(emails.len() > 1);
}

#[test]
fn dynamic_time_shapes() {
    all("$timestamp", |v| {
        v.parse::<u64>().is_ok_and(|t| t > 1_700_000_000)
    });
    all("$isoTimestamp", |v| {
        v.len() == 24 && v.ends_with('Z') && &v[10..11] == "T"
    });
    for name in ["$randomDatePast", "$randomDateFuture", "$randomDateRecent"] {
        all(name, is_js_date);
    }
    assert_eq!(
        js_date_string(1_623_665_520_000),
        "Mon Jun 14 2021 10:12:00 GMT+0000 (Coordinated Universal Time)"
    );
    assert_eq!(
        js_date_string(0),
        "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"
    );
    assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
    assert_eq!(iso_timestamp(1_599_049_203_123), "2020-09-02T12:20:03.123Z");
    all("$randomMonth", |v| v.ends_with("ber") || v.len() <= 8);
    all("$randomWeekday", |v| v.ends_with("day"));
}

#[test]
fn dynamic_number_shapes() {
    all("$randomInt", |v| v.parse::<u32>().is_ok_and(|n| n <= 1000));
    all("$guid", is_uuid);
    all("$randomUUID", is_uuid);
    all("$randomBoolean", |v| v == "true" || v == "false");
    all("$randomPrice", |v| {
        let (int, frac) = v.split_once('.').unwrap_or(("x", ""));
        is_digits(int) && frac.len() == 2 && v.parse::<f64>().is_ok_and(|p| p <= 1000.0)
    });
    all("$randomBankAccount", |v| v.len() == 8 && is_digits(v));
    all("$randomCreditCardMask", |v| v.len() == 4 && is_digits(v));
    all("$randomAlphaNumeric", |v| {
        v.len() == 1
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    all("$randomSemver", |v| digit_groups(v, '.', &[1, 1, 1]));
    all("$randomLatitude", |v| in_range(v, 90.0));
    all("$randomLongitude", |v| in_range(v, 180.0));
    all("$randomPhoneNumber", |v| {
        digit_groups(v, '-', &[3, 3, 4]) && !v.starts_with(['0', '1'])
    });
    all("$randomPhoneNumberExt", |v| {
        let (ext, rest) = v.split_once('-').unwrap_or(("", ""));
        ext.parse::<u8>().is_ok_and(|e| (1..=99).contains(&e))
            && digit_groups(rest, '-', &[3, 3, 4])
    });
}

#[test]
fn dynamic_network_shapes() {
    all("$randomIP", |v| v.parse::<std::net::Ipv4Addr>().is_ok());
    all("$randomIPV6", |v| {
        v.parse::<std::net::Ipv6Addr>().is_ok()
            && v.split(':').all(|g| g.len() == 4 && is_lower_hex(g))
    });
    all("$randomMACAddress", |v| {
        v.split(':').count() == 6 && v.split(':').all(|g| g.len() == 2 && is_lower_hex(g))
    });
    all("$randomHexColor", |v| {
        v.len() == 7 && v.strip_prefix('#').is_some_and(is_lower_hex)
    });
    all("$randomPassword", |v| {
        v.len() == 15 && v.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    all("$randomEmail", |v| {
        let (user, host) = v.split_once('@').unwrap_or(("", ""));
        !user.is_empty() && host.contains('.') && !v.contains(' ')
    });
    all("$randomExampleEmail", |v| v.contains("@example."));
    all("$randomUrl", |v| {
        v.starts_with("http://") || v.starts_with("https://")
    });
    all("$randomDomainName", |v| {
        v.split('.').count() == 2 && v == v.to_lowercase()
    });
    all("$randomUserAgent", |v| v.starts_with("Mozilla/5.0 ("));
    all("$randomLocale", |v| {
        v.len() == 2 && v.bytes().all(|b| b.is_ascii_lowercase())
    });
    all("$randomCountryCode", |v| {
        v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase())
    });
    all("$randomCurrencyCode", |v| {
        v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase())
    });
}

#[test]
fn dynamic_finance_and_media_shapes() {
    all("$randomBankAccountIban", iban_is_valid);
    all("$randomBankAccountBic", |v| {
        (v.len() == 8 || v.len() == 11) && v.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    all("$randomBitcoin", |v| {
        (25..=34).contains(&v.len())
            && v.starts_with(['1', '3'])
            && !v.contains(['0', 'O', 'I', 'l'])
    });
    all("$randomCatsImage", |v| {
        v == "http://placeimg.com/640/480/cats"
    });
    all("$randomImageUrl", |v| v == "http://placeimg.com/640/480");
    all("$randomAvatarImage", |v| {
        v.starts_with("https://") && v.ends_with(".jpg")
    });
    all("$randomImageDataUri", |v| {
        v.starts_with("data:image/svg+xml;charset=UTF-8,%3Csvg") && !v.contains([' ', '<', '"'])
    });
    all("$randomMimeType", |v| v.split('/').count() == 2);
    all("$randomFileName", |v| v.contains('.') && !v.contains(' '));
    all("$randomFilePath", |v| v.starts_with('/') && v.contains('.'));
    all("$randomCommonFileExt", |v| {
        !v.contains('.') && !v.is_empty()
    });
}

#[test]
fn dynamic_text_shapes() {
    // Two to five words; a word may itself be a compound such as `sky blue`.
    all("$randomWords", |v| {
        v.split(' ').count() >= 2 && !v.contains("  ")
    });
    all("$randomLoremWords", |v| v.split(' ').count() == 3);
    all("$randomLoremSlug", |v| {
        v.split('-').count() == 3 && !v.contains(' ')
    });
    all("$randomLoremSentence", |v| {
        v.ends_with('.') && v.starts_with(|c: char| c.is_ascii_uppercase())
    });
    all("$randomLoremParagraphs", |v| v.split("\n \r").count() == 3);
    all("$randomLoremLines", |v| {
        (1..=5).contains(&v.lines().count())
    });
    all("$randomPhrase", |v| {
        v.ends_with('!') && !v.contains(['{', '}'])
    });
    all("$randomJobTitle", |v| v.split(' ').count() >= 3);
    all("$randomBankAccountName", |v| v.ends_with(" Account"));
    all("$randomStreetAddress", |v| {
        v.split_once(' ')
            .is_some_and(|(n, _)| (3..=5).contains(&n.len()) && is_digits(n))
    });
}
