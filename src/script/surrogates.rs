//! JSON text from the sandbox with lone UTF-16 surrogates made parseable.
//!
//! JavaScript strings may hold half of a surrogate pair (`'😀'.slice(0, 1)`). QuickJS's
//! `JSON.stringify` writes such a half as a `\uD83D` escape, which is valid JSON text but names
//! no Unicode scalar value, so a Rust `String` cannot hold it and the whole document would fail to
//! parse (and a script's results be lost). Each lone escape becomes `\uFFFD` (the replacement
//! character, as Node writes a lone surrogate to a UTF-8 stream); paired escapes are kept.

use std::borrow::Cow;

/// `json` with every escaped lone surrogate replaced by `\uFFFD`; borrowed when there is none.
pub(crate) fn well_formed(json: &str) -> Cow<'_, str> {
    if !json.contains("\\u") {
        return Cow::Borrowed(json);
    }
    let bytes = json.as_bytes();
    let mut lone: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        // An escape: `\uXXXX` or a two-character one such as `\\`.
        let Some(unit) = escaped_unit(bytes, i) else {
            i += 2;
            continue;
        };
        if (0xD800..0xDC00).contains(&unit) {
            match escaped_unit(bytes, i + 6) {
                Some(next) if (0xDC00..0xE000).contains(&next) => i += 12,
                _ => {
                    lone.push(i);
                    i += 6;
                }
            }
        } else {
            if (0xDC00..0xE000).contains(&unit) {
                lone.push(i);
            }
            i += 6;
        }
    }
    if lone.is_empty() {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    let mut from = 0;
    for at in lone {
        out.push_str(&json[from..at]);
        out.push_str("\\ufffd");
        from = at + 6;
    }
    out.push_str(&json[from..]);
    Cow::Owned(out)
}

/// The code unit of the `\uXXXX` escape starting at `at`, if one does.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    u32::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_lone_halves_become_replacement_characters() {
        assert_eq!(well_formed(r#"["\ud83d"]"#), r#"["\ufffd"]"#);
        assert_eq!(well_formed(r#"["a\ude00b"]"#), r#"["a\ufffdb"]"#);
        assert_eq!(
            well_formed(r#"["\ud83d\ud83d\ude00"]"#),
            r#"["\ufffd\ud83d\ude00"]"#
        );
        let parsed: Vec<String> =
            serde_json::from_str(&well_formed(r#"["x\ud83d"]"#)).unwrap_or_default();
        assert_eq!(parsed, ["x\u{fffd}"]);
    }

    #[test]
    fn surrogates_pairs_and_escaped_backslashes_are_kept() {
        let text = r#"["\ud83d\ude00", "\\ud83d", "\u00e9"]"#;
        assert!(matches!(well_formed(text), Cow::Borrowed(_)));
        assert!(matches!(well_formed("plain"), Cow::Borrowed(_)));
        assert_eq!(
            well_formed(r#""\ud83d"#),
            r#""\ufffd"#,
            "cut short at the end"
        );
    }

    /// Any UTF-16 text (lone halves included) written as JSON, its characters escaped or not at
    /// random, reads back as that text with each lone half replaced, as Node writes it.
    #[test]
    fn surrogates_fuzz_any_utf16_text_reads_back() {
        use proptest::prelude::*;
        let units = proptest::collection::vec(
            prop_oneof![
                any::<u16>(),
                0xD800u16..0xE000,
                Just(u16::from(b'\\')),
                Just(u16::from(b'u'))
            ],
            0..24,
        );
        let text = (units, proptest::collection::vec(any::<bool>(), 24));
        crate::fuzz_config::check("surrogates::well_formed", text, |(units, escape)| {
            let mut json = String::from("\"");
            for (i, unit) in units.iter().enumerate() {
                match char::from_u32(u32::from(*unit)) {
                    Some('"') => json.push_str("\\\""),
                    Some('\\') => json.push_str("\\\\"),
                    Some(c) if !c.is_control() && !escape[i] => json.push(c),
                    _ => json.push_str(&format!("\\u{unit:04x}")),
                }
            }
            json.push('"');
            let read: String = serde_json::from_str(&well_formed(&json))
                .map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
            prop_assert_eq!(read, String::from_utf16_lossy(&units));
            // Text that is not JSON at all passes through without a panic.
            let half: String = json.chars().take(json.chars().count() / 2).collect();
            let _ = well_formed(&half);
            Ok(())
        });
    }
}
