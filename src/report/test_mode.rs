//! Test mode (`POSTIE_TEST_MODE=1`): reports with frozen times, durations, ids and timestamps, so
//! snapshot tests can compare whole files. Only report *contents* change; the run itself does not.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The environment variable that turns test mode on (value `1`).
pub const ENV_VAR: &str = "POSTIE_TEST_MODE";

/// The instant every report claims in test mode: 2026-01-01T00:00:00.000Z.
pub const FROZEN_MILLIS: u128 = 1_767_225_600_000;

/// The id every generated id becomes in test mode.
pub const FROZEN_ID: &str = "00000000-0000-4000-8000-000000000000";

/// The HTTP `Date` header value shown in test mode.
pub const FROZEN_HTTP_DATE: &str = "Thu, 01 Jan 2026 00:00:00 GMT";

/// Where reporters take the time, durations and generated ids from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    /// True in test mode.
    pub frozen: bool,
}

impl Clock {
    /// Frozen when `POSTIE_TEST_MODE=1`.
    pub fn from_env() -> Self {
        Clock {
            frozen: std::env::var_os(ENV_VAR).is_some_and(|v| v == "1"),
        }
    }

    /// Milliseconds since the Unix epoch (frozen in test mode).
    pub fn now_millis(self) -> u128 {
        if self.frozen {
            return FROZEN_MILLIS;
        }
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0)
    }

    /// `millis` as ISO 8601 UTC, e.g. `2026-01-01T00:00:00.000Z`.
    pub fn iso(self, millis: u128) -> String {
        crate::vars::dynamic::iso_timestamp(millis)
    }

    /// A measured duration as reported: zero in test mode.
    pub fn duration(self, measured: Duration) -> Duration {
        if self.frozen {
            Duration::ZERO
        } else {
            measured
        }
    }

    /// A fresh UUID v4 ([`FROZEN_ID`] in test mode).
    pub fn id(self) -> String {
        if self.frozen {
            FROZEN_ID.to_string()
        } else {
            uuid::Uuid::new_v4().to_string()
        }
    }

    /// A header value as reported: `Date` and `Postman-Token` are frozen in test mode.
    pub fn header_value<'a>(self, name: &str, value: &'a str) -> &'a str {
        if !self.frozen {
            return value;
        }
        if name.eq_ignore_ascii_case("date") {
            FROZEN_HTTP_DATE
        } else if name.eq_ignore_ascii_case("postman-token") {
            FROZEN_ID
        } else {
            value
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_mode_freezes_time_durations_and_ids() {
        let clock = Clock { frozen: true };
        assert_eq!(clock.iso(clock.now_millis()), "2026-01-01T00:00:00.000Z");
        assert_eq!(clock.duration(Duration::from_millis(5)), Duration::ZERO);
        assert_eq!(clock.id(), FROZEN_ID);
        assert_eq!(clock.header_value("Date", "Mon"), FROZEN_HTTP_DATE);
        let live = Clock { frozen: false };
        assert_eq!(live.duration(Duration::from_millis(5)).as_millis(), 5);
        assert_ne!(live.id(), FROZEN_ID);
        assert_eq!(live.header_value("date", "Mon"), "Mon");
    }
}
