//! Human formats shared by reporters: durations as Newman prints them, byte sizes, and console
//! text cut to the terminal width.

use std::time::Duration;

/// `45ms` below ~2 s, then `1.2s`, `1m 3.4s`.
pub fn duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1998 {
        return format!("{ms}ms");
    }
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        return format!("{:.1}s", secs);
    }
    let minutes = (secs / 60.0).floor();
    format!("{}m {:.1}s", minutes as u64, secs - minutes * 60.0)
}

/// A phase's duration as Newman's `util.prettyms` prints it: microseconds below a
/// millisecond (`536µs`), else as [`duration`].
pub fn fine_duration(d: Duration) -> String {
    if d < Duration::from_millis(1) {
        return format!("{}µs", d.as_micros());
    }
    duration(d)
}

/// `512B`, `1.23kB`, `4.5MB` (decimal units).
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes}B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{}", UNITS[unit])
}

/// The stack Newman gives a failed assertion: the error's name and message, then a made-up
/// frame with the assertion's index and the item's position, both 1-based.
pub fn assertion_stack(name: &str, message: &str, index: usize, position: usize) -> String {
    format!(
        "{name}: {message}\n   at Object.eval sandbox-script.js:{}:{})",
        index + 1,
        position + 1
    )
}

/// `millis` as Node's `new Date().toLocaleString()` writes it in the `en-US` locale, in the
/// system's time zone (UTC when `utc`): `12/7/2026, 3:21:27 PM`, as Newman's
/// `--reporter-cli-show-timestamps` prints it.
pub fn locale_timestamp(millis: u128, utc: bool) -> String {
    let zone = if utc {
        jiff::tz::TimeZone::UTC
    } else {
        jiff::tz::TimeZone::system()
    };
    let millis = i64::try_from(millis).unwrap_or(i64::MAX);
    let Ok(time) = jiff::Timestamp::from_millisecond(millis) else {
        return String::new();
    };
    let t = time.to_zoned_datetime(zone);
    let (hour, half) = match t.hour() {
        0 => (12, "AM"),
        h @ 1..=11 => (h, "AM"),
        12 => (12, "PM"),
        h => (h - 12, "PM"),
    };
    format!(
        "{}/{}/{}, {hour}:{:02}:{:02} {half}",
        t.month(),
        t.day(),
        t.year(),
        t.minute(),
        t.second()
    )
}

/// Width Newman's CLI reporter cuts console lines at when stdout is not a terminal (60 - 6).
pub const CONSOLE_WIDTH: usize = 54;

/// Console text as Newman's CLI reporter lays it out: every line cut into pieces of at most
/// `width` UTF-16 units (a cut through a surrogate pair shows U+FFFD, as Node writes it), blank
/// lines dropped; an empty text is one empty line.
pub fn console_lines(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let units: Vec<u16> = line.encode_utf16().collect();
        for chunk in units.chunks(width) {
            out.push(String::from_utf16_lossy(chunk));
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// A string as Node's `util.inspect` shows it: single quotes unless the text holds one (then
/// double quotes, then backticks), control characters and the quote escaped.
pub fn inspect_string(text: &str) -> String {
    let quote = if !text.contains('\'') {
        '\''
    } else if !text.contains('"') {
        '"'
    } else if !text.contains('`') && !text.contains("${") {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\x0B"),
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn locale_timestamps_are_node_en_us() {
        // 2026-01-01T00:00:00.000Z and 2026-12-07T15:21:27.000Z
        assert_eq!(
            super::locale_timestamp(1_767_225_600_000, true),
            "1/1/2026, 12:00:00 AM"
        );
        assert_eq!(
            super::locale_timestamp(1_796_656_887_000, true),
            "12/7/2026, 3:21:27 PM"
        );
    }

    #[test]
    fn inspect_string_quotes_as_node() {
        assert_eq!(super::inspect_string("a b"), "'a b'");
        assert_eq!(super::inspect_string("it's"), "\"it's\"");
        assert_eq!(super::inspect_string("it's \"x\""), "`it's \"x\"`");
        assert_eq!(super::inspect_string("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(super::inspect_string("\u{1}"), "'\\x01'");
    }

    #[test]
    fn console_lines_cut_at_the_width_and_drop_blank_lines() {
        assert_eq!(super::console_lines("", 54), vec![String::new()]);
        assert_eq!(super::console_lines("ab\n\ncde", 2), vec!["ab", "cd", "e"]);
        // A surrogate pair split by the cut shows replacement characters.
        assert_eq!(
            super::console_lines("a\u{1F600}", 2),
            vec!["a\u{FFFD}", "\u{FFFD}"]
        );
    }

    use super::*;

    #[test]
    fn format_duration_like_newman() {
        assert_eq!(duration(Duration::from_millis(45)), "45ms");
        assert_eq!(duration(Duration::from_millis(2500)), "2.5s");
        assert_eq!(duration(Duration::from_secs(63)), "1m 3.0s");
    }

    #[test]
    fn format_fine_duration_shows_microseconds_below_a_millisecond() {
        assert_eq!(fine_duration(Duration::from_micros(536)), "536µs");
        assert_eq!(fine_duration(Duration::from_micros(1_500)), "1ms");
        assert_eq!(fine_duration(Duration::from_millis(217)), "217ms");
    }

    #[test]
    fn format_size_decimal_units() {
        assert_eq!(size(512), "512B");
        assert_eq!(size(1230), "1.23kB");
        assert_eq!(size(2_000_000), "2MB");
    }
}
