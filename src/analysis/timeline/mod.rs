//! The time dimension of a store: one lane per programme, dated marks (milestones, workshops,
//! launches, agreements signed or TBC), spans (programme periods, partnerships "since", cohort
//! and agreement periods) and, listed apart, what the sources give no date for.
//!
//! Nothing is placed at a guessed year: a date known to the year covers that whole year, one
//! known to the month covers that month, and an item with no date is listed in
//! [`Timeline::undated`]. The network's [`Filter`] (programme, country, theme, status) marks
//! items as outside, the same way it fades links; its `year` is not read here, because the
//! timeline shows every year and draws the as-of year as a cursor instead.

use crate::analysis::network::Filter;
use crate::model::{Citation, PartialDate, Status, Store};

mod build;
#[cfg(test)]
mod tests;

use build::Builder;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year.
    Year,
    /// The year and the month.
    Month,
    /// The exact day.
    Day,
}

/// What a dated mark is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// A milestone of a partnership or cohort.
    Milestone,
    /// A milestone whose title calls it a workshop.
    Workshop,
    /// A milestone whose title says something was launched.
    Launch,
    /// An agreement, with its year.
    Agreement,
}

impl MarkKind {
    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            MarkKind::Milestone => "milestone",
            MarkKind::Workshop => "workshop",
            MarkKind::Launch => "launch",
            MarkKind::Agreement => "agreement",
        }
    }
}

/// What a span stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// A programme's period.
    Programme,
    /// A partnership, from its "since" year on (no end is stated).
    Partnership,
    /// A cohort's period.
    Cohort,
    /// The period an agreement covers.
    Agreement,
}

/// One programme's lane (or the lane of agreements under no programme).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The programme id; `None` for the lane of agreements under no programme.
    pub programme: Option<String>,
    /// The programme's English name.
    pub name: String,
    /// Its short name, where the store gives one.
    pub short_name: Option<String>,
    /// Its Hangul name, where the store gives one.
    pub name_ko: Option<String>,
    /// The colour index the network gives the programme's links (see [`crate::ui::theme`]);
    /// `None` when the network draws no link of it.
    pub colour: Option<usize>,
    /// Outside the filter (its programme is hidden).
    pub outside: bool,
}

impl Lane {
    /// The short name, or the full name.
    pub fn title(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// A dated item on a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The record selected when the mark is clicked (a milestone selects its partnership or
    /// cohort).
    pub record: String,
    /// Index into [`Timeline::lanes`].
    pub lane: usize,
    pub kind: MarkKind,
    pub date: PartialDate,
    /// What happened (the milestone's or agreement's title).
    pub title: String,
    /// The record it belongs to, in English ("Belfast – Sejong"); for an agreement, its
    /// programme's name or empty.
    pub parent: String,
    /// The same in Hangul, where the store gives the names.
    pub parent_ko: Option<String>,
    /// Where it happened, if a source says, with its Hangul name.
    pub place: Option<(String, Option<String>)>,
    /// Agreements: signed, TBC …; milestones: their record's status.
    pub status: Status,
    /// The title says it was planned, not that it happened.
    pub planned: bool,
    pub sources: Vec<Citation>,
    /// Outside the filter.
    pub outside: bool,
}

impl Mark {
    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        precision(self.date)
    }

    /// Where the date's interval starts and ends, in fractional years.
    pub fn extent(&self) -> (f64, f64) {
        extent(self.date)
    }

    /// The middle of [`Mark::extent`]: where the mark is drawn.
    pub fn at(&self) -> f64 {
        let (a, b) = self.extent();
        0.5 * (a + b)
    }
}

/// A span of years on a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The record it stands for (programme, partnership, cohort or agreement).
    pub record: String,
    pub lane: usize,
    pub kind: SpanKind,
    /// The record's name in English and (where known) Hangul.
    pub name: String,
    pub name_ko: Option<String>,
    /// The first year (from its start).
    pub start: i32,
    /// The last year (to its end); `None` when no end is stated.
    pub end: Option<i32>,
    pub status: Status,
    pub sources: Vec<Citation>,
    pub outside: bool,
}

impl Span {
    /// The span in fractional years; an open end is `None`.
    pub fn extent(&self) -> (f64, Option<f64>) {
        (
            f64::from(self.start),
            self.end.map(|e| f64::from(e.max(self.start)) + 1.0),
        )
    }

    /// The years in words: "2021–2024", "since 2019".
    pub fn years(&self) -> String {
        match self.end {
            Some(e) if e == self.start => format!("{e}"),
            Some(e) => format!("{}–{e}", self.start),
            None => format!("since {} (no end stated)", self.start),
        }
    }
}

/// An item the sources give no date for, listed apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Undated {
    pub record: String,
    pub lane: usize,
    /// "Programme", "Partnership", "Agreement" …
    pub kind: &'static str,
    pub name: String,
    pub name_ko: Option<String>,
    /// What is missing: "no start year stated" …
    pub missing: &'static str,
    pub status: Status,
    pub sources: Vec<Citation>,
    pub outside: bool,
}

/// Everything the timeline shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// Marks, sorted by lane, then date.
    pub marks: Vec<Mark>,
    /// Spans, sorted by lane, then start.
    pub spans: Vec<Span>,
    /// Items with no date, by lane, in store order.
    pub undated: Vec<Undated>,
}

/// How precisely a date is known (a month or day out of range counts as unknown).
pub fn precision(d: PartialDate) -> Precision {
    match (valid_month(d), d.day) {
        (Some(_), Some(day)) if (1..=31).contains(&day) => Precision::Day,
        (Some(_), _) => Precision::Month,
        (None, _) => Precision::Year,
    }
}

fn valid_month(d: PartialDate) -> Option<u8> {
    d.month.filter(|m| (1..=12).contains(m))
}

/// The interval a date stands for, in fractional years: its year, month or day.
pub fn extent(d: PartialDate) -> (f64, f64) {
    let y = f64::from(d.year);
    let Some(m) = valid_month(d) else {
        return (y, y + 1.0);
    };
    let month = 1.0 / 12.0;
    let m0 = y + f64::from(m - 1) * month;
    match (precision(d), d.day) {
        (Precision::Day, Some(day)) => {
            let day_len = month / 31.0;
            let a = m0 + f64::from(day - 1) * day_len;
            (a, a + day_len)
        }
        _ => (m0, m0 + month),
    }
}

/// Where the as-of cursor stands for a year: at its end, so that everything dated in that year
/// lies before it (the network's as-of year keeps what started in or before the year).
pub fn cursor_at(year: i32) -> f64 {
    f64::from(year) + 1.0
}

impl Timeline {
    /// Builds the timeline of `store` under `filter` (its year is not read).
    pub fn build(store: &Store, filter: &Filter) -> Self {
        Builder { store, filter }.build()
    }

    /// The years from the earliest to the latest dated item (open spans count by their start),
    /// or `None` when nothing is dated.
    pub fn range(&self) -> Option<(f64, f64)> {
        let ends = self
            .marks
            .iter()
            .map(Mark::extent)
            .chain(self.spans.iter().map(|s| {
                let (a, b) = s.extent();
                (a, b.unwrap_or(a + 1.0))
            }));
        let (lo, hi) = ends.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        });
        (lo <= hi).then_some((lo, hi))
    }

    /// The years where most dated items are: [`Timeline::range`] without the few items that lie
    /// far before or after the rest (an item is left out when the gap between it and the next
    /// one is wider than all the rest together). The view opens on this range and says how
    /// many items lie beyond it; "Fit all" shows [`Timeline::range`].
    pub fn core_range(&self) -> Option<(f64, f64)> {
        let mut items: Vec<(f64, f64)> = self
            .marks
            .iter()
            .map(Mark::extent)
            .chain(self.spans.iter().map(|s| {
                let (a, b) = s.extent();
                (a, b.unwrap_or(a + 1.0))
            }))
            .collect();
        if items.is_empty() {
            return None;
        }
        let starts = |items: &mut Vec<(f64, f64)>| {
            items.sort_by(|a, b| a.0.total_cmp(&b.0));
            items.iter().map(|i| i.0).collect::<Vec<_>>()
        };
        let mut lo = 0;
        let s = starts(&mut items);
        let hi_all = items.iter().map(|i| i.1).fold(f64::NEG_INFINITY, f64::max);
        while items.len() - lo > 2 && s[lo + 1] - s[lo] > hi_all - s[lo + 1] {
            lo += 1;
        }
        let mut kept: Vec<(f64, f64)> = items.split_off(lo);
        kept.sort_by(|a, b| b.1.total_cmp(&a.1));
        let lo_all = kept.iter().map(|i| i.0).fold(f64::INFINITY, f64::min);
        let mut hi = 0;
        while kept.len() - hi > 2 && kept[hi].1 - kept[hi + 1].1 > kept[hi + 1].1 - lo_all {
            hi += 1;
        }
        let kept = &kept[hi..];
        let lo = kept.iter().map(|i| i.0).fold(f64::INFINITY, f64::min);
        let hi = kept.iter().map(|i| i.1).fold(f64::NEG_INFINITY, f64::max);
        (lo <= hi).then_some((lo, hi))
    }

    /// The index of the lane of a programme.
    pub fn lane_of(&self, programme: &str) -> Option<usize> {
        self.lanes
            .iter()
            .position(|l| l.programme.as_deref() == Some(programme))
    }
}
