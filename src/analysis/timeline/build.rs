//! Building a [`Timeline`] from a store: each programme, partnership, cohort and agreement
//! gives its lane, marks, spans and undated entries.

use std::collections::BTreeSet;

use crate::analysis::network::Filter;
use crate::model::{Citation, PartialDate, Period, Status, Store};

use super::*;

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

pub(super) struct Builder<'a> {
    pub(super) store: &'a Store,
    pub(super) filter: &'a Filter,
}

impl Builder<'_> {
    pub(super) fn build(&self) -> Timeline {
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
            for m in &p.milestones {
                t.marks
                    .push(self.milestone(m, &p.id, lane, &p.name, &p.name_ko, p.status, outside));
            }
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
