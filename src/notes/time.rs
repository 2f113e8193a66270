//! Timestamps: Unix milliseconds, shown as UTC civil time ("2026-11-22 14:05").

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

const MS_PER_DAY: i64 = 86_400_000;

/// A moment as milliseconds since 1970-01-01 00:00 UTC.
///
/// Saved as a plain integer so the notes file stays small and diff-friendly; shown in UTC so
/// that colleagues in Seoul and Brussels read the same time.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// A UTC calendar date and time of day, as shown to people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CivilTime {
    /// Proleptic Gregorian year.
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
    /// 0–59.
    pub second: u32,
}

impl Timestamp {
    /// The current time from the system clock (1970 if the clock is before the epoch).
    pub fn now() -> Self {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        Self(ms)
    }

    /// The timestamp `ms` milliseconds after the Unix epoch.
    pub const fn from_millis(ms: i64) -> Self {
        Self(ms)
    }

    /// Milliseconds after the Unix epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// The timestamp of a UTC date and time (month 1–12, day 1–31); out-of-range parts roll over.
    pub fn from_utc(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> Self {
        let days = days_from_civil(year, month, day);
        let ms = days
            .saturating_mul(MS_PER_DAY)
            .saturating_add(i64::from(hour) * 3_600_000)
            .saturating_add(i64::from(minute) * 60_000);
        Self(ms)
    }

    /// The UTC calendar date and time of this timestamp.
    pub fn civil(self) -> CivilTime {
        let days = self.0.div_euclid(MS_PER_DAY);
        let ms_of_day = self.0.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let secs = ms_of_day / 1000;
        CivilTime {
            year,
            month,
            day,
            // The remainders are below 24, 60 and 60, so the casts cannot truncate.
            hour: (secs / 3600) as u32,
            minute: (secs / 60 % 60) as u32,
            second: (secs % 60) as u32,
        }
    }
}

/// "2026-11-22 14:05" (UTC, minutes).
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.civil();
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}",
            c.year, c.month, c.day, c.hour, c.minute
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let month = i64::from(month);
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    // Day is 1–31 and month 1–12 by construction.
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_is_shown_as_1970_01_01_midnight() {
        assert_eq!(Timestamp(0).to_string(), "1970-01-01 00:00");
    }

    #[test]
    fn a_known_moment_is_shown_in_utc_to_the_minute() {
        // 2026-11-22 14:05:00 UTC, computed independently.
        let t = Timestamp(1_795_356_300_000 + 59_999);
        assert_eq!(t.to_string(), "2026-11-22 14:05");
        assert_eq!(
            Timestamp::from_utc(2026, 11, 22, 14, 5),
            Timestamp(1_795_356_300_000)
        );
    }

    #[test]
    fn leap_days_and_century_rules_are_respected() {
        assert_eq!(
            Timestamp::from_utc(2000, 2, 29, 0, 0).to_string(),
            "2000-02-29 00:00"
        );
        assert_eq!(
            Timestamp::from_utc(2024, 2, 29, 23, 59).to_string(),
            "2024-02-29 23:59"
        );
        // 1900 is not a leap year: 1 March follows 28 February.
        let feb28 = Timestamp::from_utc(1900, 2, 28, 0, 0);
        assert_eq!(
            Timestamp(feb28.0 + MS_PER_DAY).to_string(),
            "1900-03-01 00:00"
        );
    }

    #[test]
    fn times_before_the_epoch_round_down_to_the_previous_day() {
        assert_eq!(Timestamp(-1).to_string(), "1969-12-31 23:59");
    }

    #[test]
    fn every_day_for_eight_centuries_round_trips_through_the_calendar() {
        for days in -150_000..150_000_i64 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn now_is_after_the_year_2020() {
        assert!(Timestamp::now() > Timestamp::from_utc(2020, 1, 1, 0, 0));
    }
}
