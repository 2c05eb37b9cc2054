//! Numbers and codes: phone numbers, network addresses, colors, passwords, finance identifiers.

use super::data::finance::IBAN_FORMATS;
use super::data::places::COUNTRIES;
use super::pick::{chars_from, digits, fill_digits, hex, pick, upper};
use rand::Rng;

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE58: &[u8] = b"123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const VOWELS: &[u8] = b"AEIOU";

/// A US-style 10-digit number `!##-!##-####` (area code and exchange start with 2-9).
pub fn phone_number(rng: &mut impl Rng) -> String {
    fill_digits(rng, "!##-!##-####")
}

/// A phone number behind a 1-99 extension prefix, e.g. `42-555-123-4567`.
pub fn phone_number_ext(rng: &mut impl Rng) -> String {
    format!("{}-{}", rng.random_range(1..=99), phone_number(rng))
}

/// A dotted-quad IPv4 address.
pub fn ipv4(rng: &mut impl Rng) -> String {
    let [a, b, c, d]: [u8; 4] = rng.random();
    format!("{a}.{b}.{c}.{d}")
}

/// Eight colon-separated groups of four lowercase hex digits.
pub fn ipv6(rng: &mut impl Rng) -> String {
    let groups: Vec<String> = (0..8).map(|_| hex(rng, 4)).collect();
    groups.join(":")
}

/// Six colon-separated lowercase hex octets.
pub fn mac_address(rng: &mut impl Rng) -> String {
    let octets: Vec<String> = (0..6).map(|_| hex(rng, 2)).collect();
    octets.join(":")
}

/// `#rrggbb` in lowercase hex.
pub fn hex_color(rng: &mut impl Rng) -> String {
    format!("#{}", hex(rng, 6))
}

/// 15 random alphanumeric characters.
pub fn password(rng: &mut impl Rng) -> String {
    chars_from(rng, ALNUM, 15)
}

/// One lowercase letter or digit.
pub fn alpha_numeric(rng: &mut impl Rng) -> String {
    chars_from(rng, b"0123456789abcdefghijklmnopqrstuvwxyz", 1)
}

/// `major.minor.patch`, each a single digit.
pub fn semver(rng: &mut impl Rng) -> String {
    format!(
        "{}.{}.{}",
        rng.random_range(0..10),
        rng.random_range(0..10),
        rng.random_range(0..10)
    )
}

/// An amount 0.00-1000.00 with two decimals, e.g. `531.55`.
pub fn price(rng: &mut impl Rng) -> String {
    let cents: u32 = rng.random_range(0..=100_000);
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// A coordinate in `-limit..=limit` with four decimals, e.g. `-45.1234`.
pub fn coordinate(rng: &mut impl Rng, limit: i32) -> String {
    let value = rng.random_range(-limit * 10_000..=limit * 10_000);
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    format!("{sign}{}.{:04}", abs / 10_000, abs % 10_000)
}

/// A legacy-format bitcoin address: `1` or `3` then base58 characters, 25-34 in total.
pub fn bitcoin_address(rng: &mut impl Rng) -> String {
    let len = rng.random_range(25..=34);
    let lead = if rng.random_bool(0.5) { '1' } else { '3' };
    let mut out = String::with_capacity(len);
    out.push(lead);
    out.push_str(&chars_from(rng, BASE58, len - 1));
    out
}

/// An IBAN with valid ISO 7064 mod-97 check digits, e.g. `DE44500105175407324931`.
pub fn iban(rng: &mut impl Rng) -> String {
    let (country, pattern) = pick(rng, IBAN_FORMATS);
    let bban: String = pattern
        .chars()
        .map(|c| match c {
            'A' => char::from(rng.random_range(b'A'..=b'Z')),
            _ => char::from(b'0' + rng.random_range(0..10u8)),
        })
        .collect();
    let check = 98 - mod97(bban.chars().chain(country.chars()).chain("00".chars()));
    format!("{country}{check:02}{bban}")
}

/// The remainder mod 97 of the number formed by `chars`, with letters as 10..35.
fn mod97(chars: impl Iterator<Item = char>) -> u32 {
    chars.fold(0, |acc, c| match c.to_digit(36) {
        Some(v) if v >= 10 => (acc * 100 + v) % 97,
        Some(v) => (acc * 10 + v) % 97,
        None => acc,
    })
}

/// A BIC: bank code (3 letters and a vowel), country, location (`?1`), optional branch.
pub fn bic(rng: &mut impl Rng) -> String {
    let vowel = char::from(pick(rng, VOWELS));
    let country = pick(rng, COUNTRIES).1;
    let mut out = format!("{}{vowel}{country}{}1", upper(rng, 3), upper(rng, 1));
    match rng.random_range(0..100) {
        0..10 => {
            let v = char::from(pick(rng, VOWELS));
            out.push_str(&format!("{}{v}{}", upper(rng, 1), upper(rng, 1)));
        }
        10..40 => out.push_str(&digits(rng, 3)),
        _ => {}
    }
    out
}

/// The IBAN country pattern table is consistent with `iban` (used by tests).
#[cfg(test)]
pub fn iban_is_valid(iban: &str) -> bool {
    let (head, bban) = iban.split_at(4.min(iban.len()));
    iban.len() >= 15 && mod97(bban.chars().chain(head.chars())) == 1
}
