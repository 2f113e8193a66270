//! Timestamps: stored as Unix milliseconds, shown in the user's local time ("2026-11-22 23:05").
//!
//! The calendar arithmetic is the `jiff` crate's; the stored form is the plain integer that
//! every notes file has always used, so files from earlier releases read unchanged.

use std::fmt;

use jiff::tz::TimeZone;

/// A moment as milliseconds since 1970-01-01 00:00 UTC.
///
/// Saved as a plain integer so the notes file stays small and diff-friendly; shown in the
/// time zone of the computer it is shown on (see [`Timestamp::in_zone`]).
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

/// A calendar date and time of day, as shown to people.
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
    /// The current time from the system clock.
    pub fn now() -> Self {
        Self(jiff::Timestamp::now().as_millisecond())
    }

    /// The timestamp `ms` milliseconds after the Unix epoch.
    pub const fn from_millis(ms: i64) -> Self {
        Self(ms)
    }

    /// Milliseconds after the Unix epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// The timestamp of a UTC date and time (month 1–12, day 1–31); out-of-range parts roll
    /// over (month 13 is January of the next year). Years outside −9999…9999 are clamped.
    pub fn from_utc(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> Self {
        let year = i16::try_from(year.clamp(-9999, 9999)).unwrap_or(0);
        let span = jiff::Span::new()
            .try_months(i64::from(month) - 1)
            .and_then(|s| s.try_days(i64::from(day) - 1))
            .and_then(|s| s.try_hours(i64::from(hour)))
            .and_then(|s| s.try_minutes(i64::from(minute)));
        let moment = span.and_then(|span| {
            jiff::civil::date(year, 1, 1)
                .at(0, 0, 0, 0)
                .checked_add(span)
                .and_then(|dt| dt.to_zoned(TimeZone::UTC))
        });
        match moment {
            Ok(zoned) => Self(zoned.timestamp().as_millisecond()),
            // Only reachable for dates beyond jiff's range (years past 9999).
            Err(_) => Self(if year < 0 { i64::MIN } else { i64::MAX }),
        }
    }

    /// The moment as a `jiff` timestamp (clamped to the years −9999…9999 jiff supports).
    fn jiff(self) -> jiff::Timestamp {
        jiff::Timestamp::from_millisecond(self.0).unwrap_or(if self.0 < 0 {
            jiff::Timestamp::MIN
        } else {
            jiff::Timestamp::MAX
        })
    }

    /// The UTC calendar date and time of this timestamp (for file names and tests).
    pub fn civil(self) -> CivilTime {
        self.civil_in(&TimeZone::UTC)
    }

    /// The calendar date and time of this timestamp in the computer's time zone.
    pub fn local(self) -> CivilTime {
        self.civil_in(&TimeZone::system())
    }

    /// The calendar date and time of this timestamp in `zone`.
    pub fn civil_in(self, zone: &TimeZone) -> CivilTime {
        let dt = zone.to_datetime(self.jiff());
        // jiff's fields are in range by construction, so the conversions cannot fail.
        let part = |v: i8| u32::try_from(v).unwrap_or(0);
        CivilTime {
            year: i64::from(dt.year()),
            month: part(dt.month()),
            day: part(dt.day()),
            hour: part(dt.hour()),
            minute: part(dt.minute()),
            second: part(dt.second()),
        }
    }

    /// "2026-11-22 23:05" in `zone`, to the minute.
    pub fn in_zone(self, zone: &TimeZone) -> String {
        let c = self.civil_in(zone);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            c.year, c.month, c.day, c.hour, c.minute
        )
    }

    /// "2026-11-22 23:05 (UTC+09:00)": the time in `zone` with its offset from UTC, for
    /// text that leaves this computer (a Markdown report read in Seoul and in Brussels).
    pub fn with_offset_in(self, zone: &TimeZone) -> String {
        let offset = zone.to_offset(self.jiff());
        let secs = offset.seconds();
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.unsigned_abs();
        format!(
            "{} (UTC{sign}{:02}:{:02})",
            self.in_zone(zone),
            secs / 3600,
            secs / 60 % 60
        )
    }
}

/// "2026-11-22 23:05": local time (the computer's time zone), to the minute.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_zone(&TimeZone::system()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS_PER_DAY: i64 = 86_400_000;

    fn utc(t: Timestamp) -> String {
        t.in_zone(&TimeZone::UTC)
    }

    fn seoul() -> TimeZone {
        TimeZone::fixed(jiff::tz::offset(9))
    }

    #[test]
    fn the_epoch_is_1970_01_01_midnight_in_utc() {
        assert_eq!(utc(Timestamp(0)), "1970-01-01 00:00");
    }

    #[test]
    fn a_known_moment_is_shown_to_the_minute() {
        // 2026-11-22 14:05:00 UTC, computed independently.
        let t = Timestamp(1_795_356_300_000 + 59_999);
        assert_eq!(utc(t), "2026-11-22 14:05");
        assert_eq!(
            Timestamp::from_utc(2026, 11, 22, 14, 5),
            Timestamp(1_795_356_300_000)
        );
    }

    #[test]
    fn the_same_moment_is_shown_in_the_time_zone_it_is_read_in() {
        let t = Timestamp::from_utc(2026, 11, 22, 14, 5);
        assert_eq!(t.in_zone(&seoul()), "2026-11-22 23:05");
        assert_eq!(t.with_offset_in(&seoul()), "2026-11-22 23:05 (UTC+09:00)");
        let brussels_winter = TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(t.in_zone(&brussels_winter), "2026-11-22 15:05");
        let west = TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(t.with_offset_in(&west), "2026-11-22 09:05 (UTC-05:00)");
    }

    #[test]
    fn a_moment_late_in_the_utc_day_is_the_next_day_in_seoul() {
        let t = Timestamp::from_utc(2026, 12, 31, 20, 0);
        let c = t.civil_in(&seoul());
        assert_eq!((c.year, c.month, c.day, c.hour), (2027, 1, 1, 5));
    }

    #[test]
    fn leap_days_and_century_rules_are_respected() {
        assert_eq!(
            utc(Timestamp::from_utc(2000, 2, 29, 0, 0)),
            "2000-02-29 00:00"
        );
        assert_eq!(
            utc(Timestamp::from_utc(2024, 2, 29, 23, 59)),
            "2024-02-29 23:59"
        );
        // 1900 is not a leap year: 1 March follows 28 February.
        let feb28 = Timestamp::from_utc(1900, 2, 28, 0, 0);
        assert_eq!(utc(Timestamp(feb28.0 + MS_PER_DAY)), "1900-03-01 00:00");
    }

    #[test]
    fn out_of_range_parts_roll_over() {
        assert_eq!(
            Timestamp::from_utc(2025, 13, 1, 0, 0),
            Timestamp::from_utc(2026, 1, 1, 0, 0)
        );
        assert_eq!(
            Timestamp::from_utc(2026, 2, 29, 24, 0),
            Timestamp::from_utc(2026, 3, 2, 0, 0)
        );
    }

    #[test]
    fn times_before_the_epoch_round_down_to_the_previous_day() {
        assert_eq!(utc(Timestamp(-1)), "1969-12-31 23:59");
    }

    #[test]
    fn absurd_stored_times_are_shown_without_panicking() {
        let late = utc(Timestamp(i64::MAX));
        assert!(late.starts_with("9999-12-"), "{late}");
        let early = utc(Timestamp(i64::MIN));
        assert!(early.starts_with("-9999-01-"), "{early}");
    }

    #[test]
    fn every_day_for_eight_centuries_matches_the_utc_calendar() {
        for days in (-150_000..150_000_i64).step_by(7) {
            let c = Timestamp(days * MS_PER_DAY).civil();
            let back = Timestamp::from_utc(c.year, c.month, c.day, 0, 0);
            assert_eq!(back, Timestamp(days * MS_PER_DAY), "{c:?}");
        }
    }

    #[test]
    fn now_is_after_the_year_2020() {
        assert!(Timestamp::now() > Timestamp::from_utc(2020, 1, 1, 0, 0));
    }
}
