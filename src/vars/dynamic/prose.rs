//! Generated text: lorem ipsum, hacker phrases, slogans, product names and random words.

use super::data::commerce::{COLORS, DEPARTMENTS, PRODUCT_ADJECTIVES, PRODUCT_MATERIALS, PRODUCTS};
use super::data::finance::{ACCOUNT_KINDS, TRANSACTION_TYPES};
use super::data::people::{JOB_AREAS, JOB_DESCRIPTORS, JOB_TYPES};
use super::data::places::STREET_SUFFIXES;
use super::data::slogans::{
    BS_ADJECTIVES, BS_BUZZ, BS_NOUNS, CATCH_PHRASE_ADJECTIVES, CATCH_PHRASE_DESCRIPTORS,
    CATCH_PHRASE_NOUNS,
};
use super::data::tech::{HACKER_ABBREVIATIONS, HACKER_ADJECTIVES, HACKER_NOUNS, HACKER_VERBS};
use super::data::text::LOREM_WORDS;
use super::pick::{capitalize, pick};
use rand::Rng;

/// Hacker-phrase templates; `{v}` verb, `{i}` -ing verb, `{n}` noun, `{a}` adjective, `{b}` acronym.
const PHRASES: &[&str] = &[
    "We need to {v} the {a} {b} {n}!",
    "Try to {v} the {b} {n}, maybe it will {v} the {a} {n}!",
    "You can't {v} the {n} without {i} the {a} {b} {n}!",
    "The {b} {n} is down, {v} the {a} {n} so we can {v} the {b} {n}!",
    "{i} the {n} won't do anything, we need to {v} the {a} {b} {n}!",
    "I'll {v} the {a} {b} {n}, that should {v} the {b} {n}!",
    "Use the {a} {b} {n}, then you can {v} the {a} {n}!",
];

/// Word lists that `$randomWord` draws from.
const WORD_SOURCES: &[&[&str]] = &[
    DEPARTMENTS,
    PRODUCT_ADJECTIVES,
    PRODUCT_MATERIALS,
    PRODUCTS,
    COLORS,
    CATCH_PHRASE_ADJECTIVES,
    CATCH_PHRASE_DESCRIPTORS,
    CATCH_PHRASE_NOUNS,
    BS_ADJECTIVES,
    BS_BUZZ,
    BS_NOUNS,
    STREET_SUFFIXES,
    ACCOUNT_KINDS,
    TRANSACTION_TYPES,
    HACKER_NOUNS,
    HACKER_ADJECTIVES,
    HACKER_ABBREVIATIONS,
    JOB_DESCRIPTORS,
    JOB_AREAS,
    JOB_TYPES,
];

/// One lorem word.
pub fn lorem_word(rng: &mut impl Rng) -> String {
    pick(rng, LOREM_WORDS).to_owned()
}

/// `count` lorem words joined by `sep`.
fn lorem_joined(rng: &mut impl Rng, count: usize, sep: &str) -> String {
    let words: Vec<&str> = (0..count).map(|_| pick(rng, LOREM_WORDS)).collect();
    words.join(sep)
}

/// Three lorem words separated by spaces.
pub fn lorem_words(rng: &mut impl Rng) -> String {
    lorem_joined(rng, 3, " ")
}

/// Three lorem words separated by hyphens.
pub fn lorem_slug(rng: &mut impl Rng) -> String {
    lorem_joined(rng, 3, "-")
}

/// A capitalized sentence of 3-10 lorem words ending in a period.
pub fn lorem_sentence(rng: &mut impl Rng) -> String {
    let count = rng.random_range(3..=10);
    format!("{}.", capitalize(&lorem_joined(rng, count, " ")))
}

/// `count` sentences joined by `sep`.
fn sentences_joined(rng: &mut impl Rng, count: usize, sep: &str) -> String {
    let list: Vec<String> = (0..count).map(|_| lorem_sentence(rng)).collect();
    list.join(sep)
}

/// 2-6 sentences separated by spaces.
pub fn lorem_sentences(rng: &mut impl Rng) -> String {
    let count = rng.random_range(2..=6);
    sentences_joined(rng, count, " ")
}

/// A paragraph of 3-6 sentences.
pub fn lorem_paragraph(rng: &mut impl Rng) -> String {
    let count = rng.random_range(3..=6);
    sentences_joined(rng, count, " ")
}

/// Three paragraphs separated by `"\n \r"` (faker's separator).
pub fn lorem_paragraphs(rng: &mut impl Rng) -> String {
    let list: Vec<String> = (0..3).map(|_| lorem_paragraph(rng)).collect();
    list.join("\n \r")
}

/// 1-5 sentences, one per line.
pub fn lorem_lines(rng: &mut impl Rng) -> String {
    let count = rng.random_range(1..=5);
    sentences_joined(rng, count, "\n")
}

/// Any one of the other lorem shapes.
pub fn lorem_text(rng: &mut impl Rng) -> String {
    match rng.random_range(0..7) {
        0 => lorem_word(rng),
        1 => lorem_words(rng),
        2 => lorem_sentence(rng),
        3 => lorem_sentences(rng),
        4 => lorem_paragraph(rng),
        5 => lorem_paragraphs(rng),
        _ => lorem_lines(rng),
    }
}

/// A hacker phrase, e.g. `We need to index the neural SQL bus!`.
pub fn hacker_phrase(rng: &mut impl Rng) -> String {
    let template = pick(rng, PHRASES);
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let key = rest[start + 1..].chars().next().unwrap_or(' ');
        let word = match key {
            'v' => pick(rng, HACKER_VERBS).0,
            'i' => pick(rng, HACKER_VERBS).1,
            'n' => pick(rng, HACKER_NOUNS),
            'a' => pick(rng, HACKER_ADJECTIVES),
            _ => pick(rng, HACKER_ABBREVIATIONS),
        };
        out.push_str(word);
        rest = &rest[(start + 3).min(rest.len())..];
    }
    out.push_str(rest);
    capitalize(&out)
}

/// `Adjective descriptor noun`, e.g. `Robust real-time matrix`.
pub fn catch_phrase(rng: &mut impl Rng) -> String {
    format!(
        "{} {} {}",
        pick(rng, CATCH_PHRASE_ADJECTIVES),
        pick(rng, CATCH_PHRASE_DESCRIPTORS),
        pick(rng, CATCH_PHRASE_NOUNS)
    )
}

/// `buzz adjective noun`, e.g. `leverage real-time platforms`.
pub fn bs(rng: &mut impl Rng) -> String {
    format!(
        "{} {} {}",
        pick(rng, BS_BUZZ),
        pick(rng, BS_ADJECTIVES),
        pick(rng, BS_NOUNS)
    )
}

/// `Adjective Material Product`, e.g. `Rustic Wooden Chair`.
pub fn product_name(rng: &mut impl Rng) -> String {
    format!(
        "{} {} {}",
        pick(rng, PRODUCT_ADJECTIVES),
        pick(rng, PRODUCT_MATERIALS),
        pick(rng, PRODUCTS)
    )
}

/// One word (occasionally a short compound) from the themed lists.
pub fn word(rng: &mut impl Rng) -> String {
    let source = pick(rng, WORD_SOURCES);
    pick(rng, source).to_owned()
}

/// 2-5 random words separated by spaces.
pub fn words(rng: &mut impl Rng) -> String {
    let count = rng.random_range(2..=5);
    let list: Vec<String> = (0..count).map(|_| word(rng)).collect();
    list.join(" ")
}
