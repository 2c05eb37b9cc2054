//! People, companies, addresses and internet identities (names, e-mails, domains, URLs).

use super::data::commerce::COMPANY_SUFFIXES;
use super::data::people::{
    FIRST_NAMES, JOB_AREAS, JOB_DESCRIPTORS, JOB_TYPES, LAST_NAMES, NAME_PREFIXES, NAME_SUFFIXES,
};
use super::data::places::{CITY_PREFIXES, CITY_SUFFIXES, STREET_SUFFIXES};
use super::data::tech::DOMAIN_SUFFIXES;
use super::pick::{digits, pick};
use rand::Rng;

/// A given name, e.g. `Hazel`.
pub fn first_name(rng: &mut impl Rng) -> String {
    pick(rng, FIRST_NAMES).to_owned()
}

/// A family name, e.g. `Kessler`.
pub fn last_name(rng: &mut impl Rng) -> String {
    pick(rng, LAST_NAMES).to_owned()
}

/// `First Last`, now and then with a prefix (`Dr. ...`) or a suffix (`... PhD`).
pub fn full_name(rng: &mut impl Rng) -> String {
    let (first, last) = (pick(rng, FIRST_NAMES), pick(rng, LAST_NAMES));
    match rng.random_range(0..9) {
        0 => format!("{} {first} {last}", pick(rng, NAME_PREFIXES)),
        1 => format!("{first} {last} {}", pick(rng, NAME_SUFFIXES)),
        _ => format!("{first} {last}"),
    }
}

/// `Descriptor Area Type`, e.g. `Senior Branding Manager`.
pub fn job_title(rng: &mut impl Rng) -> String {
    format!(
        "{} {} {}",
        pick(rng, JOB_DESCRIPTORS),
        pick(rng, JOB_AREAS),
        pick(rng, JOB_TYPES)
    )
}

/// A user name such as `Hazel42`, `Hazel.Kessler` or `Hazel_Kessler7`.
pub fn user_name(rng: &mut impl Rng) -> String {
    let first = pick(rng, FIRST_NAMES);
    let last = pick(rng, LAST_NAMES);
    let sep = if rng.random_bool(0.5) { '.' } else { '_' };
    match rng.random_range(0..3) {
        0 => format!("{first}{}", rng.random_range(0..100)),
        1 => format!("{first}{sep}{last}"),
        _ => format!("{first}{sep}{last}{}", rng.random_range(0..100)),
    }
}

/// An e-mail address at one of `providers`, e.g. `Hazel.Kessler@yahoo.com`.
pub fn email(rng: &mut impl Rng, providers: &[&str]) -> String {
    let user: String = user_name(rng)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .collect();
    format!("{user}@{}", pick(rng, providers))
}

/// A lowercase single-label domain word, e.g. `hazel`.
pub fn domain_word(rng: &mut impl Rng) -> String {
    pick(rng, FIRST_NAMES).to_ascii_lowercase()
}

/// A top-level domain without the dot, e.g. `org`.
pub fn domain_suffix(rng: &mut impl Rng) -> String {
    pick(rng, DOMAIN_SUFFIXES).to_owned()
}

/// `word.suffix`, e.g. `hazel.info`.
pub fn domain_name(rng: &mut impl Rng) -> String {
    format!("{}.{}", domain_word(rng), pick(rng, DOMAIN_SUFFIXES))
}

/// `http` or `https`.
pub fn protocol(rng: &mut impl Rng) -> String {
    if rng.random_bool(0.5) {
        "http"
    } else {
        "https"
    }
    .to_owned()
}

/// `protocol://domain`, e.g. `https://hazel.info`.
pub fn url(rng: &mut impl Rng) -> String {
    format!("{}://{}", protocol(rng), domain_name(rng))
}

/// An avatar image URL on the CDN faker 5 pointed at.
pub fn avatar_url(rng: &mut impl Rng) -> String {
    let handle =
        format!("{}{}", pick(rng, FIRST_NAMES), pick(rng, LAST_NAMES)).to_ascii_lowercase();
    format!("https://cdn.fakercloud.com/avatars/{handle}_128.jpg")
}

/// `Last Suffix`, `Last - Last` or `Last, Last and Last`.
pub fn company_name(rng: &mut impl Rng) -> String {
    let a = pick(rng, LAST_NAMES);
    let b = pick(rng, LAST_NAMES);
    match rng.random_range(0..3) {
        0 => format!("{a} {}", pick(rng, COMPANY_SUFFIXES)),
        1 => format!("{a} - {b}"),
        _ => format!("{a}, {b} and {}", pick(rng, LAST_NAMES)),
    }
}

/// A city name such as `Port Hazelfurt`, `Lake Otis` or `Kesslerborough`.
pub fn city(rng: &mut impl Rng) -> String {
    match rng.random_range(0..4) {
        0 => format!(
            "{} {}{}",
            pick(rng, CITY_PREFIXES),
            pick(rng, FIRST_NAMES),
            pick(rng, CITY_SUFFIXES)
        ),
        1 => format!("{} {}", pick(rng, CITY_PREFIXES), pick(rng, FIRST_NAMES)),
        2 => format!("{}{}", pick(rng, FIRST_NAMES), pick(rng, CITY_SUFFIXES)),
        _ => format!("{}{}", pick(rng, LAST_NAMES), pick(rng, CITY_SUFFIXES)),
    }
}

/// `Name Suffix`, e.g. `Kessler Plains`.
pub fn street_name(rng: &mut impl Rng) -> String {
    let name = if rng.random_bool(0.5) {
        pick(rng, FIRST_NAMES)
    } else {
        pick(rng, LAST_NAMES)
    };
    format!("{name} {}", pick(rng, STREET_SUFFIXES))
}

/// A 3-5 digit house number and a street name, e.g. `5193 Kessler Plains`.
pub fn street_address(rng: &mut impl Rng) -> String {
    let len = rng.random_range(3..=5);
    let mut number = digits(rng, len);
    if number.starts_with('0') {
        number.replace_range(..1, "1");
    }
    format!("{number} {}", street_name(rng))
}
