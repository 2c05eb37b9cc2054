//! Time-zone offsets for `toLocaleString` and friends with a `timeZone` option: IANA names from
//! the time-zone database built into the binary (the same one the HTML report uses), so they
//! work on machines without tzdata, as Node's ICU does.

use rquickjs::{Ctx, Function, Object};

/// Install `tzOffset` on `native`.
pub(super) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    native.set("tzOffset", Function::new(ctx.clone(), tz_offset)?)?;
    Ok(())
}

/// The offset from UTC, in minutes, of the zone `name` at `millis` since the epoch; `NaN` for a
/// zone the database does not know (or a time outside its range).
fn tz_offset(name: String, millis: f64) -> f64 {
    offset_minutes(&name, millis).unwrap_or(f64::NAN)
}

fn offset_minutes(name: &str, millis: f64) -> Option<f64> {
    if !millis.is_finite() {
        return None;
    }
    let zone = jiff::tz::TimeZone::get(name).ok()?;
    // Whole milliseconds within the range a JavaScript date can hold.
    let millis = millis.trunc();
    if millis.abs() > 8.64e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let stamp = jiff::Timestamp::from_millisecond(millis as i64).ok()?;
    Some(f64::from(zone.to_offset(stamp).seconds()) / 60.0)
}

#[cfg(test)]
mod tests {
    use super::offset_minutes;

    #[test]
    fn named_zones_give_their_offset_at_the_instant() {
        // 2024-02-29T13:45:30Z
        let at = 1_709_214_330_000.0;
        assert_eq!(offset_minutes("Asia/Kolkata", at), Some(330.0));
        assert_eq!(offset_minutes("America/New_York", at), Some(-300.0));
        // Summer time: 2024-07-01T00:00:00Z
        assert_eq!(
            offset_minutes("Europe/Berlin", 1_719_792_000_000.0),
            Some(120.0)
        );
        assert_eq!(offset_minutes("Foo/Bar", at), None);
        assert_eq!(offset_minutes("UTC", f64::NAN), None);
    }
}
