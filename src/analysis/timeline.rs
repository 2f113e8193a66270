//! The time dimension of a store: one lane per programme, dated marks (milestones, workshops,
//! launches, agreements signed or TBC), spans (programme periods, partnerships "since", cohort
//! and agreement periods) and, listed apart, what the sources give no date for.
//!
//! Nothing is placed at a guessed year: a date known to the year covers that whole year, one
//! known to the month covers that month, and an item with no date is listed in
//! [`Timeline::undated`]. The network's [`Filter`] (programme, country, theme, status) marks
//! items as outside, the same way it fades links; its `year` is not read here, because the
//! timeline shows every year and draws the as-of year as a cursor instead.

use std::collections::BTreeSet;

use crate::analysis::network::Filter;
use crate::model::{Citation, PartialDate, Period, Status, Store};

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

/// What a span or undated entry takes from its record.
struct Item<'a> {
    record: &'a str,
    name: &'a str,
    name_ko: &'a Option<String>,
    status: Status,
    sources: &'a [Citation],
    outside: bool,
}

impl<'a> Item<'a> {
    fn new(
        record: &'a str,
        (name, name_ko): (&'a str, &'a Option<String>),
        status: Status,
        sources: &'a [Citation],
        outside: bool,
    ) -> Self {
        Self {
            record,
            name,
            name_ko,
            status,
            sources,
            outside,
        }
    }
}

struct Builder<'a> {
    store: &'a Store,
    filter: &'a Filter,
}

impl Builder<'_> {
    fn build(&self) -> Timeline {
        let store = self.store;
        let linked: BTreeSet<&str> = store
            .partnerships
            .iter()
            .map(|p| p.programme.as_str())
            .chain(store.cohorts.iter().map(|c| c.programme.as_str()))
            .collect();
        let mut t = Timeline::default();
        for p in &store.programmes {
            t.lanes.push(Lane {
                programme: Some(p.id.clone()),
                name: p.name.clone(),
                short_name: p.short_name.clone(),
                name_ko: p.name_ko.clone(),
                colour: linked.iter().position(|id| *id == p.id),
                outside: self.filter.hidden_programmes.contains(&p.id),
            });
            let outside = self.programme_out(&p.id)
                || self.status_out(p.status)
                || self.themes_out(&p.themes);
            let lane = t.lanes.len() - 1;
            let item = Item::new(&p.id, (&p.name, &p.name_ko), p.status, &p.sources, outside);
            self.period(&mut t, lane, SpanKind::Programme, item, p.period);
        }
        let mut other_lane = None;
        for p in &store.partnerships {
            let lane = self.lane(&mut t, &mut other_lane, Some(&p.programme));
            let (name_ko, outside) = (
                pair_name_ko(store, &p.a, &p.b),
                self.programme_out(&p.programme)
                    || self.status_out(p.status)
                    || self.themes_out(&p.themes)
                    || self.countries_out(&[&p.a, &p.b], false),
            );
            match p.since {
                Some(since) => t.spans.push(Span {
                    record: p.id.clone(),
                    lane,
                    kind: SpanKind::Partnership,
                    name: p.name.clone(),
                    name_ko: name_ko.clone(),
                    start: since,
                    end: None,
                    status: p.status,
                    sources: p.sources.clone(),
                    outside,
                }),
                None => t.undated.push(Undated {
                    record: p.id.clone(),
                    lane,
                    kind: "Partnership",
                    name: p.name.clone(),
                    name_ko: name_ko.clone(),
                    missing: "no start year stated",
                    status: p.status,
                    sources: p.sources.clone(),
                    outside,
                }),
            }
            for m in &p.milestones {
                t.marks
                    .push(self.milestone(m, &p.id, lane, &p.name, &name_ko, p.status, outside));
            }
        }
        for c in &store.cohorts {
            let lane = self.lane(&mut t, &mut other_lane, Some(&c.programme));
            let members: Vec<&str> = c.members.iter().map(String::as_str).collect();
            let outside = self.programme_out(&c.programme)
                || self.status_out(c.status)
                || self.themes_out(&c.themes)
                || self.countries_out(&members, true);
            let item = Item::new(&c.id, (&c.name, &None), c.status, &c.sources, outside);
            self.period(&mut t, lane, SpanKind::Cohort, item, c.period);
            for m in &c.milestones {
                t.marks
                    .push(self.milestone(m, &c.id, lane, &c.name, &None, c.status, outside));
            }
        }
        for a in &store.agreements {
            let lane = self.lane(&mut t, &mut other_lane, a.programme.as_deref());
            let parties: Vec<&str> = a.parties.iter().map(String::as_str).collect();
            let programme = a.programme.as_deref();
            let themes = programme
                .and_then(|id| store.programmes.iter().find(|p| p.id == id))
                .map_or(&[][..], |p| &p.themes[..]);
            let outside = programme.is_some_and(|p| self.programme_out(p))
                || self.status_out(a.status)
                || self.themes_out(themes)
                || self.countries_out(&parties, false);
            let parent = t.lanes.get(lane).map_or("", |l| l.title()).to_owned();
            let mut dated = false;
            if let Some(year) = a.year {
                dated = true;
                t.marks.push(Mark {
                    record: a.id.clone(),
                    lane,
                    kind: MarkKind::Agreement,
                    date: PartialDate {
                        year,
                        month: None,
                        day: None,
                    },
                    title: a.title.clone(),
                    parent,
                    parent_ko: None,
                    place: None,
                    status: a.status,
                    planned: a.status == Status::Planned,
                    sources: a.sources.clone(),
                    outside,
                });
            }
            let period = a.period.unwrap_or_default();
            if period.start.is_some() {
                dated = true;
                let item = Item::new(&a.id, (&a.title, &None), a.status, &a.sources, outside);
                self.period(&mut t, lane, SpanKind::Agreement, item, period);
            }
            if !dated {
                t.undated.push(Undated {
                    record: a.id.clone(),
                    lane,
                    kind: "Agreement",
                    name: a.title.clone(),
                    name_ko: None,
                    missing: "no year stated",
                    status: a.status,
                    sources: a.sources.clone(),
                    outside,
                });
            }
        }
        t.marks.sort_by(|a, b| {
            (a.lane, a.date, a.kind)
                .cmp(&(b.lane, b.date, b.kind))
                .then_with(|| a.record.cmp(&b.record))
        });
        t.spans
            .sort_by_key(|s| (s.lane, s.start, s.end.unwrap_or(i32::MAX)));
        t.undated.sort_by_key(|u| u.lane);
        t
    }

    /// The lane of a programme; a programme the store does not list, or none, goes to the
    /// lane of other items (made when first needed).
    fn lane(&self, t: &mut Timeline, other: &mut Option<usize>, programme: Option<&str>) -> usize {
        if let Some(i) = programme.and_then(|p| t.lane_of(p)) {
            return i;
        }
        *other.get_or_insert_with(|| {
            t.lanes.push(Lane {
                programme: None,
                name: "Under no programme in the store".to_owned(),
                short_name: Some("No programme".to_owned()),
                name_ko: None,
                colour: None,
                outside: false,
            });
            t.lanes.len() - 1
        })
    }

    /// Adds a period as a span, or (with no start year) as an undated item.
    fn period(
        &self,
        t: &mut Timeline,
        lane: usize,
        kind: SpanKind,
        item: Item<'_>,
        period: Period,
    ) {
        let Some(start) = period.start else {
            t.undated.push(Undated {
                record: item.record.to_owned(),
                lane,
                kind: match kind {
                    SpanKind::Programme => "Programme",
                    SpanKind::Partnership => "Partnership",
                    SpanKind::Cohort => "Cohort",
                    SpanKind::Agreement => "Agreement",
                },
                name: item.name.to_owned(),
                name_ko: item.name_ko.clone(),
                missing: "no start year stated",
                status: item.status,
                sources: item.sources.to_vec(),
                outside: item.outside,
            });
            return;
        };
        t.spans.push(Span {
            record: item.record.to_owned(),
            lane,
            kind,
            name: item.name.to_owned(),
            name_ko: item.name_ko.clone(),
            start,
            end: period.end,
            status: item.status,
            sources: item.sources.to_vec(),
            outside: item.outside,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn milestone(
        &self,
        m: &crate::model::Milestone,
        record: &str,
        lane: usize,
        parent: &str,
        parent_ko: &Option<String>,
        status: Status,
        outside: bool,
    ) -> Mark {
        let lower = m.title.to_lowercase();
        let kind = if lower.contains("workshop") {
            MarkKind::Workshop
        } else if lower.contains("launch") {
            MarkKind::Launch
        } else {
            MarkKind::Milestone
        };
        let place = m.place.as_ref().map(|id| {
            let ko = self
                .store
                .places
                .iter()
                .find(|p| &p.id == id)
                .and_then(|p| p.name_ko.clone());
            (self.store.display_name(id), ko)
        });
        Mark {
            record: record.to_owned(),
            lane,
            kind,
            date: m.date,
            title: m.title.clone(),
            parent: parent.to_owned(),
            parent_ko: parent_ko.clone(),
            place,
            status,
            planned: lower.starts_with("planned"),
            sources: m.sources.clone(),
            outside,
        }
    }

    fn programme_out(&self, programme: &str) -> bool {
        self.filter.hidden_programmes.contains(programme)
    }

    fn status_out(&self, status: Status) -> bool {
        self.filter.hidden_statuses.contains(&status)
    }

    fn themes_out(&self, themes: &[String]) -> bool {
        !self.filter.themes.is_empty() && !themes.iter().any(|t| self.filter.themes.contains(t))
    }

    /// True when the parties touch a hidden country (like a link), or, for a cohort (`all`),
    /// when every member is in one: a cohort is many links, and it stays while one is shown.
    fn countries_out(&self, parties: &[&str], all: bool) -> bool {
        let hidden = &self.filter.hidden_countries;
        if hidden.is_empty() || parties.is_empty() {
            return false;
        }
        let out = |id: &&str| {
            countries_of(self.store, id)
                .iter()
                .any(|c| hidden.contains(*c))
        };
        if all {
            parties.iter().all(out)
        } else {
            parties.iter().any(out)
        }
    }
}

/// The country codes of a place or organisation (an organisation's and its place's).
fn countries_of<'a>(store: &'a Store, id: &str) -> Vec<&'a str> {
    if let Some(p) = store.places.iter().find(|p| p.id == id) {
        return vec![p.country.as_str()];
    }
    let Some(o) = store.organisations.iter().find(|o| o.id == id) else {
        return Vec::new();
    };
    let mut out = vec![o.country.as_str()];
    if let Some(p) = o
        .place
        .as_ref()
        .and_then(|pid| store.places.iter().find(|p| &p.id == pid))
    {
        out.push(p.country.as_str());
    }
    out
}

/// "벨파스트 – 세종" from the two sides' Hangul names (an English name stands in for a missing
/// one); `None` when neither side has one.
fn pair_name_ko(store: &Store, a: &str, b: &str) -> Option<String> {
    let ko = |id: &str| {
        store
            .places
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.name_ko.clone())
            .or_else(|| {
                store
                    .organisations
                    .iter()
                    .find(|o| o.id == id)
                    .and_then(|o| o.name_ko.clone())
            })
    };
    match (ko(a), ko(b)) {
        (None, None) => None,
        (ka, kb) => Some(format!(
            "{} – {}",
            ka.unwrap_or_else(|| store.display_name(a)),
            kb.unwrap_or_else(|| store.display_name(b))
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        match crate::store::embedded() {
            Ok(loaded) => loaded.store,
            Err(problems) => panic!("the default store does not load: {problems:?}"),
        }
    }

    fn timeline() -> Timeline {
        Timeline::build(&store(), &Filter::default())
    }

    fn mark<'a>(t: &'a Timeline, record: &str, title_has: &str) -> &'a Mark {
        let found = t
            .marks
            .iter()
            .find(|m| m.record == record && m.title.contains(title_has));
        let Some(m) = found else {
            panic!("no mark of {record} with {title_has:?}")
        };
        m
    }

    #[test]
    fn the_belfast_sejong_roadmap_launch_is_a_launch_in_april_2024_in_the_innovation_twins_lane() {
        let t = timeline();
        let m = mark(&t, "pair-belfast-sejong", "roadmap");
        assert_eq!(m.kind, MarkKind::Launch);
        assert_eq!(m.date.to_string(), "2024-04");
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(Some(m.lane), t.lane_of("prog-uk-korea-innovation-twins"));
        let (a, b) = m.extent();
        assert!((a - (2024.0 + 3.0 / 12.0)).abs() < 1e-9, "{a}");
        assert!((b - (2024.0 + 4.0 / 12.0)).abs() < 1e-9, "{b}");
        assert_eq!(m.place.as_ref().map(|p| p.1.as_deref()), Some(Some("세종")));
        assert_eq!(m.parent_ko.as_deref(), Some("벨파스트 – 세종"));
        assert!(
            m.sources
                .iter()
                .any(|c| c.source == "src-cpc-innovation-twins")
        );
    }

    #[test]
    fn items_without_a_date_are_listed_apart_and_never_placed() {
        let t = timeline();
        let undated = |id: &str| t.undated.iter().find(|u| u.record == id);
        // A pair with no start year, a programme with no period, an agreement with no year.
        for id in [
            "pair-belfast-sejong",
            "prog-uk-korea-innovation-twins",
            "agr-liverpool-city-region-busan-deal",
        ] {
            assert!(undated(id).is_some(), "{id} is listed apart");
            assert!(!t.spans.iter().any(|s| s.record == id), "{id} has no span");
        }
        assert!(
            !t.marks
                .iter()
                .any(|m| m.record == "agr-liverpool-city-region-busan-deal")
        );
        // Dated records are not listed apart.
        assert!(undated("pair-jrc-kaist-kpc4ir").is_none());
        assert!(undated("agr-dk-kr-joint-action-plan-2021").is_none());
        // An agreement under no programme gets the lane of other items.
        let Some(fta) = undated("agr-eu-kr-free-trade-agreement") else {
            panic!("the FTA has no year in the store")
        };
        assert_eq!(t.lanes[fta.lane].programme, None);
    }

    #[test]
    fn dates_keep_the_precision_the_store_gives() {
        let t = timeline();
        let year_only = mark(&t, "pair-denmark-korea-governments", "Diplomatic relations");
        assert_eq!(year_only.precision(), Precision::Year);
        assert_eq!(year_only.extent(), (1959.0, 1960.0));
        let day = mark(&t, "pair-jrc-kaist-kpc4ir", "draft report");
        assert_eq!(day.precision(), Precision::Day);
        let (a, b) = day.extent();
        assert!(
            a > 2022.0 + 1.0 / 12.0 && b < 2022.0 + 2.0 / 12.0,
            "{a}..{b}"
        );
        // A month out of range is not trusted: the date counts as the year only.
        let odd = PartialDate {
            year: 2020,
            month: Some(13),
            day: Some(40),
        };
        assert_eq!(precision(odd), Precision::Year);
        assert_eq!(extent(odd), (2020.0, 2021.0));
    }

    #[test]
    fn agreements_marked_tbc_in_the_source_stay_tbc_and_signed_ones_signed() {
        let t = timeline();
        let tbc = mark(&t, "agr-dk-kr-mou-tech-digitalisation-2021", "");
        assert_eq!((tbc.kind, tbc.status), (MarkKind::Agreement, Status::Tbc));
        assert_eq!(tbc.precision(), Precision::Year);
        let signed = mark(&t, "agr-dk-kr-joint-action-plan-2021", "");
        assert_eq!(signed.status, Status::Signed);
        // Its 2021–2024 period is a span as well.
        let span = t.spans.iter().find(|s| s.record == signed.record);
        assert_eq!(span.map(|s| (s.start, s.end)), Some((2021, Some(2024))));
    }

    #[test]
    fn workshops_and_planned_events_are_told_apart_from_other_milestones() {
        let t = timeline();
        assert_eq!(
            mark(&t, "pair-jrc-kaist-kpc4ir", "in Seville").kind,
            MarkKind::Workshop
        );
        let planned = mark(&t, "cohort-world-cities-korea-2017", "concluding meeting");
        assert!(planned.planned);
        assert_eq!(planned.kind, MarkKind::Milestone);
        assert!(!mark(&t, "cohort-world-cities-korea-2017", "Launch meeting").planned);
    }

    #[test]
    fn a_partnership_since_a_year_is_an_open_span_and_a_programme_period_a_closed_one() {
        let t = timeline();
        let Some(jrc) = t.spans.iter().find(|s| s.record == "pair-jrc-kaist-kpc4ir") else {
            panic!("no JRC–KAIST span")
        };
        assert_eq!(
            (jrc.kind, jrc.start, jrc.end),
            (SpanKind::Partnership, 2019, None)
        );
        assert_eq!(jrc.extent(), (2019.0, None));
        let Some(wc) = t
            .spans
            .iter()
            .find(|s| s.record == "prog-eu-world-cities-korea")
        else {
            panic!("no World Cities span")
        };
        assert_eq!(
            wc.extent(),
            (2017.0, Some(2019.0)),
            "2017–2018 covers both years"
        );
        assert_eq!(wc.years(), "2017–2018");
        assert_eq!(t.range().map(|r| r.0), Some(1959.0));
    }

    #[test]
    fn the_core_range_leaves_out_an_item_decades_before_the_rest_and_nothing_else() {
        let t = timeline();
        let Some((lo, hi)) = t.core_range() else {
            panic!("the default store has dated items")
        };
        assert_eq!(
            lo, 2011.0,
            "1959 (diplomatic relations) lies 52 years before the rest"
        );
        assert_eq!(Some(hi), t.range().map(|r| r.1));
        // Evenly spread items are all kept.
        let mut even = Timeline::default();
        for year in [2000, 2005, 2010] {
            even.spans.push(Span {
                record: year.to_string(),
                lane: 0,
                kind: SpanKind::Programme,
                name: String::new(),
                name_ko: None,
                start: year,
                end: Some(year),
                status: Status::Unknown,
                sources: Vec::new(),
                outside: false,
            });
        }
        assert_eq!(even.core_range(), even.range());
        assert_eq!(Timeline::default().core_range(), None);
    }

    #[test]
    fn the_network_filter_marks_what_it_leaves_out() {
        let s = store();
        let hide_twins = Filter {
            hidden_programmes: ["prog-uk-korea-innovation-twins".to_owned()].into(),
            ..Filter::default()
        };
        let t = Timeline::build(&s, &hide_twins);
        assert!(mark(&t, "pair-belfast-sejong", "roadmap").outside);
        assert!(!mark(&t, "pair-jrc-kaist-kpc4ir", "Seville").outside);
        let lane = t.lane_of("prog-uk-korea-innovation-twins");
        assert_eq!(lane.map(|l| t.lanes[l].outside), Some(true));

        let hide_gb = Filter {
            hidden_countries: ["GB".to_owned()].into(),
            ..Filter::default()
        };
        let t = Timeline::build(&s, &hide_gb);
        assert!(mark(&t, "pair-belfast-sejong", "roadmap").outside);
        assert!(!mark(&t, "pair-jrc-kaist-kpc4ir", "Seville").outside);
        // A cohort with members outside the UK stays.
        assert!(!mark(&t, "cohort-world-cities-korea-2017", "Launch meeting").outside);

        let hide_tbc = Filter {
            hidden_statuses: [Status::Tbc].into(),
            ..Filter::default()
        };
        let t = Timeline::build(&s, &hide_tbc);
        assert!(mark(&t, "agr-dk-kr-mou-tech-digitalisation-2021", "").outside);
        assert!(!mark(&t, "agr-dk-kr-joint-action-plan-2021", "").outside);
        assert!(
            !Timeline::build(&s, &Filter::default())
                .marks
                .iter()
                .any(|m| m.outside)
        );
    }

    #[test]
    fn the_cursor_of_a_year_stands_after_everything_dated_in_it() {
        assert_eq!(cursor_at(2020), 2021.0);
        let t = timeline();
        let m = mark(&t, "pair-jrc-kaist-kpc4ir", "Online joint workshop");
        assert!(m.extent().1 <= cursor_at(2020));
        assert!(m.extent().0 > cursor_at(2019));
    }
}
