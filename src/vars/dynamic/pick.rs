//! Small random helpers shared by the dynamic-variable generators.

use rand::Rng;
use rand::seq::IndexedRandom;

/// A random element of a static word list (`""` only if the list is empty).
pub fn pick<T: Copy + Default>(rng: &mut impl Rng, list: &[T]) -> T {
    list.choose(rng).copied().unwrap_or_default()
}

/// `n` random decimal digits.
pub fn digits(rng: &mut impl Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// `n` random lowercase hexadecimal digits.
pub fn hex(rng: &mut impl Rng, n: usize) -> String {
    const HEX: &[u8] = b"0123456789abcdef";
    (0..n).map(|_| char::from(pick(rng, HEX))).collect()
}

/// `n` random characters from `alphabet` (ASCII).
pub fn chars_from(rng: &mut impl Rng, alphabet: &[u8], n: usize) -> String {
    (0..n).map(|_| char::from(pick(rng, alphabet))).collect()
}

/// `n` random uppercase ASCII letters.
pub fn upper(rng: &mut impl Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(rng.random_range(b'A'..=b'Z')))
        .collect()
}

/// Replaces every `#` with a random digit and every `!` with a digit 2-9.
pub fn fill_digits(rng: &mut impl Rng, pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.random_range(0..10u8)),
            '!' => char::from(b'0' + rng.random_range(2..10u8)),
            other => other,
        })
        .collect()
}

/// `word` with its first character uppercased.
pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
