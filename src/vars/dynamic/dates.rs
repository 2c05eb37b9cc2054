//! Clock and calendar values: Unix/ISO timestamps and JavaScript `Date.toString()` dates.

use super::pick::pick;
use rand::Rng;
use std::time::{SystemTime, UNIX_EPOCH};

const MS_PER_DAY: i64 = 86_400_000;
const WEEKDAYS: &[&str] = &[
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_millis() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// Whole seconds since the Unix epoch, rounded like `Math.round(Date.now() / 1000)`.
pub fn unix_seconds() -> u128 {
    (now_millis() + 500) / 1000
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

/// JavaScript `Date.prototype.toString()` in UTC, e.g.
/// `Mon Jun 14 2021 10:12:00 GMT+0000 (Coordinated Universal Time)`.
pub fn js_date_string(millis: i64) -> String {
    let days = millis.div_euclid(MS_PER_DAY);
    let secs = millis.rem_euclid(MS_PER_DAY) / 1000;
    let (y, m, d) = civil_from_days(days);
    // 1970-01-01 was a Thursday (index 4).
    let weekday = WEEKDAYS
        .get(((days + 4).rem_euclid(7)) as usize)
        .copied()
        .unwrap_or_default();
    let month = MONTHS
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or_default();
    format!(
        "{} {} {d:02} {y:04} {:02}:{:02}:{:02} GMT+0000 (Coordinated Universal Time)",
        weekday.get(..3).unwrap_or(weekday),
        month.get(..3).unwrap_or(month),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn now_i64() -> i64 {
    i64::try_from(now_millis()).unwrap_or(i64::MAX / 2)
}

/// A moment up to one year before now.
pub fn date_past(rng: &mut impl Rng) -> String {
    js_date_string(now_i64() - rng.random_range(1000..=365 * MS_PER_DAY))
}

/// A moment up to one year after now.
pub fn date_future(rng: &mut impl Rng) -> String {
    js_date_string(now_i64() + rng.random_range(1000..=365 * MS_PER_DAY))
}

/// A moment within the last day.
pub fn date_recent(rng: &mut impl Rng) -> String {
    js_date_string(now_i64() - rng.random_range(1000..=MS_PER_DAY))
}

/// An English month name.
pub fn month(rng: &mut impl Rng) -> String {
    pick(rng, MONTHS).to_owned()
}

/// An English weekday name.
pub fn weekday(rng: &mut impl Rng) -> String {
    pick(rng, WEEKDAYS).to_owned()
}
