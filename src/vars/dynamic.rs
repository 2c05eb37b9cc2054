//! Dynamic variables (`{{$guid}}`, `{{$timestamp}}`, ...): a fresh value at every occurrence.
//! An unknown `$name` returns `None`, so it stays literal in the text as in Postman.

use rand::Rng;
use std::time::{SystemTime, UNIX_EPOCH};

/// The value of dynamic variable `name` (including the leading `$`), or `None` if unknown.
pub fn dynamic_value(name: &str) -> Option<String> {
    let mut rng = rand::rng();
    let value = match name {
        "$guid" | "$randomUUID" => uuid::Uuid::new_v4().to_string(),
        "$timestamp" => now_secs().to_string(),
        "$isoTimestamp" => iso_timestamp(now_millis()),
        "$randomInt" => rng.random_range(0..=1000).to_string(),
        "$randomEmail" => {
            let user: String = (0..10)
                .map(|_| char::from(rng.random_range(b'a'..=b'z')))
                .collect();
            format!("{user}@example.com")
        }
        _ => return None,
    };
    Some(value)
}

fn now_millis() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

fn now_secs() -> u128 {
    now_millis() / 1000
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for milliseconds since the Unix epoch (UTC).
pub fn iso_timestamp(millis: u128) -> String {
    let secs = (millis / 1000) as i64;
    let ms = (millis % 1000) as u32;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dynamic_known_names_produce_values() {
        let guid = dynamic_value("$guid").unwrap_or_default();
        assert_eq!(guid.len(), 36);
        assert_ne!(dynamic_value("$guid"), dynamic_value("$guid"));
        let ts: u64 = dynamic_value("$timestamp")
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        assert!(ts > 1_700_000_000);
        let n: u32 = dynamic_value("$randomInt")
            .and_then(|t| t.parse().ok())
            .unwrap_or(9999);
        assert!(n <= 1000);
        assert!(dynamic_value("$randomEmail").is_some_and(|e| e.ends_with("@example.com")));
    }

    #[test]
    fn dynamic_unknown_name_is_none() {
        assert_eq!(dynamic_value("$notAThing"), None);
    }

    #[test]
    fn dynamic_iso_timestamp_formats_utc() {
        assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_timestamp(1_599_049_203_123), "2020-09-02T12:20:03.123Z");
    }
}
