//! Collecting a briefing's facts from the store and the notes (pure; no I/O).

use std::collections::{BTreeSet, HashMap};

use crate::analysis::countries::alpha2;
use crate::model::{
    Citation, Cohort, ItemRef, Organisation, Partnership, Period, Place, Programme, Store,
};
use crate::notes::Note;

use super::{
    BriefNote, Briefing, BuildOptions, Cite, Event, Fact, Figures, GerdRow, ItemFacts, Latest,
    Membership, PatentTable, PlaceLinks, SourceEntry, UnknownId, Value, Words,
};

const GERD: &str = "GERD_PCT_GDP";
const PCT_SHARE: &str = "PCT_SHARE_WORLD";

/// Collects the briefing for `ids` (one or several records of any kind) from `store` and the
/// user's `notes` (tombstones are skipped). Fails on the first id the store does not have.
pub fn build<'n>(
    store: &Store,
    notes: impl IntoIterator<Item = &'n Note>,
    ids: &[String],
    options: &BuildOptions,
) -> Result<Briefing, UnknownId> {
    let mut items = Vec::new();
    for id in ids {
        let item = store.item(id).ok_or_else(|| UnknownId { id: id.clone() })?;
        items.push(item);
    }
    let mut c = Collector {
        store,
        sources: Vec::new(),
        index: HashMap::new(),
    };
    let facts: Vec<ItemFacts> = items.iter().map(|i| c.item(i)).collect();
    let countries = countries_of(store, &items);
    let figures = c.figures(&countries);
    let places = c.places(&items);
    let notes = collect_notes(store, notes, ids);
    let title = Words {
        en: items
            .iter()
            .map(|i| i.name())
            .collect::<Vec<_>>()
            .join(" · "),
        ko: {
            let ko: Vec<String> = items.iter().filter_map(|i| name_ko(i)).collect();
            (ko.len() == items.len() && !ko.is_empty()).then(|| ko.join(" · "))
        },
        country: None,
    };
    Ok(Briefing {
        title,
        written: options.written.clone(),
        store_name: store.name.clone(),
        store_origin: options.origin.clone(),
        store_version: store.format_version,
        ids: ids.to_vec(),
        items: facts,
        figures,
        places,
        notes,
        sources: c.sources,
    })
}

fn name_ko(item: &ItemRef<'_>) -> Option<String> {
    match item {
        ItemRef::Place(p) => p.name_ko.clone(),
        ItemRef::Organisation(o) => o.name_ko.clone(),
        ItemRef::Programme(p) => p.name_ko.clone(),
        _ => None,
    }
}

/// Numbers the sources as the briefing first cites them.
struct Collector<'s> {
    store: &'s Store,
    sources: Vec<SourceEntry>,
    index: HashMap<String, usize>,
}

impl Collector<'_> {
    fn cite(&mut self, citations: &[Citation]) -> Vec<Cite> {
        citations
            .iter()
            .map(|c| {
                let n = match self.index.get(&c.source) {
                    Some(&n) => n,
                    None => {
                        let s = self.store.sources.iter().find(|s| s.id == c.source);
                        self.sources.push(SourceEntry {
                            id: c.source.clone(),
                            title: s.map_or_else(|| c.source.clone(), |s| s.title.clone()),
                            publisher: s.map(|s| s.publisher.clone()).unwrap_or_default(),
                            date: s.map(|s| s.date.clone()).unwrap_or_default(),
                            locators: Vec::new(),
                        });
                        let n = self.sources.len();
                        self.index.insert(c.source.clone(), n);
                        n
                    }
                };
                if let Some(entry) = self.sources.get_mut(n - 1)
                    && !c.at.is_empty()
                    && !entry.locators.contains(&c.at)
                {
                    entry.locators.push(c.at.clone());
                }
                Cite {
                    n,
                    at: c.at.clone(),
                }
            })
            .collect()
    }

    /// The English and Hangul name of a place or organisation (the id when unknown).
    fn words_of(&self, id: &str) -> Words {
        match self.store.item(id) {
            Some(ItemRef::Place(p)) => Words {
                en: p.name.clone(),
                ko: p.name_ko.clone(),
                country: None,
            },
            Some(ItemRef::Organisation(o)) => Words {
                en: match &o.short_name {
                    Some(s) if !o.name.contains(s.as_str()) => format!("{} ({s})", o.name),
                    _ => o.name.clone(),
                },
                ko: o.name_ko.clone(),
                country: None,
            },
            Some(ItemRef::Programme(p)) => Words {
                en: p.name.clone(),
                ko: p.name_ko.clone(),
                country: None,
            },
            Some(other) => Words::en(other.name()),
            None => Words::en(id),
        }
    }

    /// A side of a partnership with its country: "Belfast (벨파스트) · GB".
    fn side(&self, id: &str) -> Words {
        Words {
            country: country_of(self.store, id),
            ..self.words_of(id)
        }
    }

    fn fact(&mut self, label: &str, value: Value, citations: &[Citation]) -> Fact {
        Fact {
            label: label.to_owned(),
            value,
            cites: self.cite(citations),
        }
    }

    fn item(&mut self, item: &ItemRef<'_>) -> ItemFacts {
        let (facts, description, events) = match item {
            ItemRef::Partnership(p) => self.partnership(p),
            ItemRef::Place(p) => self.place(p),
            ItemRef::Organisation(o) => self.organisation(o),
            ItemRef::Cohort(c) => self.cohort(c),
            ItemRef::Programme(p) => self.programme(p),
            other => {
                let facts = vec![self.fact(
                    "Record",
                    Value::Words(vec![Words::en(format!("{} {}", other.kind(), other.id()))]),
                    other.citations(),
                )];
                (facts, None, Vec::new())
            }
        };
        let mut events = events;
        // Date order; undated last; then by what, so the order is stable.
        events.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.what).cmp(&(b.date.is_none(), b.date, &b.what))
        });
        events.dedup();
        ItemFacts {
            id: item.id().to_owned(),
            kind: item.kind(),
            name: Words {
                en: item.name().to_owned(),
                ko: name_ko(item),
                country: None,
            },
            facts,
            description: description.filter(|d| !d.is_empty()),
            events,
        }
    }

    fn themes(&mut self, themes: &[String], cites: &[Citation]) -> Fact {
        let value = if themes.is_empty() {
            Value::Gap("no themes recorded".into())
        } else {
            Value::Words(themes.iter().map(Words::en).collect())
        };
        self.fact("Themes", value, cites)
    }

    fn period(&mut self, label: &str, period: Period, cites: &[Citation]) -> Fact {
        let value = match (period.start, period.end) {
            (None, None) => Value::Gap("not stated by the sources".into()),
            _ => Value::Words(vec![Words::en(period.to_string())]),
        };
        self.fact(label, value, cites)
    }

    fn programme_fact(&mut self, programme: &str, cites: &[Citation]) -> Fact {
        let words = self.words_of(programme);
        self.fact("Programme", Value::Words(vec![words]), cites)
    }

    fn partnership(&mut self, p: &Partnership) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &p.sources;
        let (a, b) = (self.side(&p.a), self.side(&p.b));
        let facts = vec![
            self.programme_fact(&p.programme, cites),
            self.fact("European side", Value::Words(vec![a]), cites),
            self.fact("Korean side", Value::Words(vec![b]), cites),
            self.themes(&p.themes, cites),
            self.fact(
                "Status",
                Value::Words(vec![Words::en(p.status.label())]),
                cites,
            ),
            self.fact(
                "Since",
                match p.since {
                    Some(y) => Value::Words(vec![Words::en(y.to_string())]),
                    None => Value::Gap("no start year stated by the sources".into()),
                },
                cites,
            ),
        ];
        let mut events = self.milestones(&p.milestones);
        events.extend(self.agreements(|a| a.parties.iter().any(|x| *x == p.a || *x == p.b)));
        (facts, Some(p.description.clone()), events)
    }

    fn place(&mut self, p: &Place) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &p.sources;
        let mut facts = vec![
            self.fact(
                "Name",
                Value::Words(vec![Words {
                    en: p.name.clone(),
                    ko: p.name_ko.clone(),
                    country: None,
                }]),
                cites,
            ),
            self.fact(
                "Country and region",
                Value::Words(vec![Words::en(match &p.region {
                    Some(r) => format!("{} · {r}", p.country),
                    None => p.country.clone(),
                })]),
                cites,
            ),
            self.fact(
                "Coordinates",
                Value::Words(vec![Words::en(format!("{:.4}, {:.4}", p.lat, p.lon))]),
                cites,
            ),
        ];
        facts.push(self.fact(
            "Population",
            match p.population {
                Some(n) => Value::Words(vec![Words::en(group_thousands(n))]),
                None => Value::Gap("not in the store".into()),
            },
            cites,
        ));
        let store = self.store;
        let sited: BTreeSet<&str> = store
            .organisations
            .iter()
            .filter(|o| o.place.as_deref() == Some(p.id.as_str()))
            .map(|o| o.id.as_str())
            .collect();
        let mut events = Vec::new();
        for pair in store
            .partnerships
            .iter()
            .filter(|x| x.a == p.id || x.b == p.id)
        {
            events.extend(self.milestones(&pair.milestones));
        }
        for cohort in store.cohorts.iter().filter(|c| c.members.contains(&p.id)) {
            events.extend(self.milestones(&cohort.milestones));
        }
        events.extend(self.agreements(|a| {
            a.parties
                .iter()
                .any(|x| *x == p.id || sited.contains(x.as_str()))
        }));
        (facts, None, events)
    }

    fn organisation(&mut self, o: &Organisation) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &o.sources;
        let mut facts = vec![self.fact("Name", Value::Words(vec![self.words_of(&o.id)]), cites)];
        facts.push(self.fact(
            "Country",
            Value::Words(vec![Words::en(o.country.clone())]),
            cites,
        ));
        let sited = match &o.place {
            Some(place) => Value::Words(vec![self.words_of(place)]),
            None => Value::Gap("not stated by the sources".into()),
        };
        facts.push(self.fact("Sited in", sited, cites));
        if let Some(parent) = &o.parent {
            let parent = self.words_of(parent);
            facts.push(self.fact("Part of", Value::Words(vec![parent]), cites));
        }
        let store = self.store;
        let mut roles = Vec::new();
        for prog in &store.programmes {
            if prog.sponsors.contains(&o.id) {
                roles.push(Words::en(format!("sponsors {}", prog.name)));
            }
            if prog.delivery.contains(&o.id) {
                roles.push(Words::en(format!("delivers {}", prog.name)));
            }
        }
        for pair in store
            .partnerships
            .iter()
            .filter(|x| x.a == o.id || x.b == o.id)
        {
            roles.push(Words::en(format!("partner in {}", pair.name)));
        }
        if !roles.is_empty() {
            facts.push(self.fact("Role", Value::Words(roles), cites));
        }
        let mut events = Vec::new();
        for pair in store
            .partnerships
            .iter()
            .filter(|x| x.a == o.id || x.b == o.id)
        {
            events.extend(self.milestones(&pair.milestones));
        }
        events.extend(self.agreements(|a| a.parties.contains(&o.id)));
        (facts, Some(o.description.clone()), events)
    }

    fn cohort(&mut self, c: &Cohort) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &c.sources;
        let (korean, european): (Vec<&String>, Vec<&String>) = c
            .members
            .iter()
            .partition(|m| country_of(self.store, m).as_deref() == Some("KR"));
        let european = european.iter().map(|m| self.side(m)).collect();
        let korean = korean.iter().map(|m| self.side(m)).collect();
        let facts = vec![
            self.programme_fact(&c.programme, cites),
            self.fact("European participants", Value::Words(european), cites),
            self.fact("Korean participants", Value::Words(korean), cites),
            self.themes(&c.themes, cites),
            self.fact(
                "Status",
                Value::Words(vec![Words::en(c.status.label())]),
                cites,
            ),
            self.period("Period", c.period, cites),
            self.fact(
                "Pairings",
                Value::Gap("the sources name the participants but not who works with whom".into()),
                cites,
            ),
        ];
        let events = self.milestones(&c.milestones);
        (facts, Some(c.description.clone()), events)
    }

    fn programme(&mut self, p: &Programme) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &p.sources;
        let list = |c: &Self, ids: &[String], none: &str| {
            if ids.is_empty() {
                Value::Gap(none.to_owned())
            } else {
                Value::Words(ids.iter().map(|i| c.side(i)).collect())
            }
        };
        let sponsors = list(self, &p.sponsors, "no sponsor stated by the sources");
        let delivery = list(self, &p.delivery, "no delivery body stated by the sources");
        let store = self.store;
        let pairs: Vec<Words> = store
            .partnerships
            .iter()
            .filter(|x| x.programme == p.id)
            .map(|x| Words::en(&x.name))
            .collect();
        let mut facts = vec![
            self.fact("Sponsors", sponsors, cites),
            self.fact("Delivered by", delivery, cites),
            self.period("Period", p.period, cites),
            self.fact(
                "Status",
                Value::Words(vec![Words::en(p.status.label())]),
                cites,
            ),
            self.themes(&p.themes, cites),
        ];
        if !pairs.is_empty() {
            facts.push(self.fact("Partnerships", Value::Words(pairs), cites));
        }
        let mut events = Vec::new();
        for pair in store.partnerships.iter().filter(|x| x.programme == p.id) {
            events.extend(self.milestones(&pair.milestones));
        }
        for cohort in store.cohorts.iter().filter(|x| x.programme == p.id) {
            events.extend(self.milestones(&cohort.milestones));
        }
        events.extend(self.agreements(|a| a.programme.as_deref() == Some(p.id.as_str())));
        (facts, Some(p.description.clone()), events)
    }

    fn milestones(&mut self, milestones: &[crate::model::Milestone]) -> Vec<Event> {
        milestones
            .iter()
            .map(|m| Event {
                date: Some(m.date),
                kind: "Milestone",
                what: m.title.clone(),
                place: m.place.as_deref().map(|p| self.words_of(p)),
                status: None,
                cites: self.cite(&m.sources),
            })
            .collect()
    }

    fn agreements(&mut self, wanted: impl Fn(&crate::model::Agreement) -> bool) -> Vec<Event> {
        let store = self.store;
        store
            .agreements
            .iter()
            .filter(|a| wanted(a))
            .map(|a| Event {
                date: a.year.map(|year| crate::model::PartialDate {
                    year,
                    month: None,
                    day: None,
                }),
                kind: "Agreement",
                what: a.title.clone(),
                place: None,
                status: Some(a.status),
                cites: self.cite(&a.sources),
            })
            .collect()
    }

    /// Latest GERD and PCT shares by sector for every economy involved (Korea first).
    fn figures(&mut self, economies: &[String]) -> Figures {
        let store = self.store;
        let mut gerd = Vec::new();
        for e in economies {
            let latest = store
                .indicators
                .iter()
                .filter(|s| s.indicator == GERD && s.economy == *e)
                .filter_map(|s| s.points.iter().max_by_key(|p| p.year).map(|p| (s, p)))
                // The latest year; then published before derived; then the series id.
                .max_by(|(a, pa), (b, pb)| {
                    (pa.year, !a.derived, std::cmp::Reverse(&a.id)).cmp(&(
                        pb.year,
                        !b.derived,
                        std::cmp::Reverse(&b.id),
                    ))
                });
            let latest = latest.map(|(s, p)| Latest {
                year: p.year,
                value: p.value,
                unit: s.unit.clone(),
                derived: s.derived,
                series: s.name.clone(),
                cites: self.cite(&s.sources),
            });
            gerd.push(GerdRow {
                economy: e.clone(),
                name: economy_words(store, e),
                latest,
            });
        }
        let mut fields: Vec<String> = store
            .indicators
            .iter()
            .filter(|s| s.indicator == PCT_SHARE)
            .filter_map(|s| s.field.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        // "All fields" first, then the sectors by name.
        fields.sort_by_key(|f| (f != "All fields", f.clone()));
        let mut derivation = None;
        let mut cells = Vec::new();
        for field in &fields {
            let mut row = Vec::new();
            for e in economies {
                let series = store.indicators.iter().find(|s| {
                    s.indicator == PCT_SHARE && s.economy == *e && s.field.as_ref() == Some(field)
                });
                let cell = series.and_then(|s| {
                    let p = s.points.iter().max_by_key(|p| p.year)?;
                    if s.derived && derivation.is_none() {
                        derivation = s.derivation.clone();
                    }
                    Some(Latest {
                        year: p.year,
                        value: p.value,
                        unit: s.unit.clone(),
                        derived: s.derived,
                        series: s.name.clone(),
                        cites: self.cite(&s.sources),
                    })
                });
                row.push(cell);
            }
            cells.push(row);
        }
        Figures {
            gerd,
            patents: PatentTable {
                economies: economies
                    .iter()
                    .map(|e| (e.clone(), economy_words(store, e)))
                    .collect(),
                fields,
                cells,
                derivation,
            },
        }
    }

    /// Section 5: for every place in the briefing (asked for, a side of a partnership asked
    /// for, or the seat of an organisation asked for).
    fn places(&mut self, items: &[ItemRef<'_>]) -> Vec<PlaceLinks> {
        let store = self.store;
        let mut ids: Vec<&str> = Vec::new();
        for item in items {
            let more: Vec<&str> = match item {
                ItemRef::Place(p) => vec![p.id.as_str()],
                ItemRef::Partnership(p) => vec![p.a.as_str(), p.b.as_str()],
                ItemRef::Organisation(o) => o.place.as_deref().into_iter().collect(),
                _ => Vec::new(),
            };
            for id in more {
                if store.places.iter().any(|p| p.id == id) && !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut out = Vec::new();
        for id in ids {
            let partnerships = store
                .partnerships
                .iter()
                .filter(|p| p.a == id || p.b == id)
                .map(|p| Membership {
                    id: p.id.clone(),
                    name: Words::en(&p.name),
                    detail: store.display_name(&p.programme),
                    cites: self.cite(&p.sources),
                })
                .collect();
            let cohorts = store
                .cohorts
                .iter()
                .filter(|c| c.members.iter().any(|m| m == id))
                .map(|c| Membership {
                    id: c.id.clone(),
                    name: Words::en(&c.name),
                    detail: store.display_name(&c.programme),
                    cites: self.cite(&c.sources),
                })
                .collect();
            let organisations = store
                .organisations
                .iter()
                .filter(|o| o.place.as_deref() == Some(id))
                .map(|o| Membership {
                    id: o.id.clone(),
                    name: self.words_of(&o.id),
                    detail: format!("{:?}", o.kind),
                    cites: self.cite(&o.sources),
                })
                .collect();
            out.push(PlaceLinks {
                id: id.to_owned(),
                name: self.words_of(id),
                partnerships,
                cohorts,
                organisations,
            });
        }
        out
    }
}

/// The country code of a place or organisation.
fn country_of(store: &Store, id: &str) -> Option<String> {
    match store.item(id)? {
        ItemRef::Place(p) => Some(p.country.clone()),
        ItemRef::Organisation(o) => Some(o.country.clone()),
        _ => None,
    }
}

/// The economies whose figures the briefing shows: Korea, then every other country (or the
/// EU) of the places and organisations involved, in the store's indicator order.
fn countries_of(store: &Store, items: &[ItemRef<'_>]) -> Vec<String> {
    let mut records: Vec<&str> = Vec::new();
    for item in items {
        match item {
            ItemRef::Partnership(p) => records.extend([p.a.as_str(), p.b.as_str()]),
            ItemRef::Cohort(c) => records.extend(c.members.iter().map(String::as_str)),
            ItemRef::Programme(p) => {
                records.extend(p.sponsors.iter().chain(&p.delivery).map(String::as_str));
                for pair in store.partnerships.iter().filter(|x| x.programme == p.id) {
                    records.extend([pair.a.as_str(), pair.b.as_str()]);
                }
            }
            ItemRef::Agreement(a) => records.extend(a.parties.iter().map(String::as_str)),
            ItemRef::Place(_) | ItemRef::Organisation(_) => {
                // The record, and its partners: both sides of its pairs, its cohorts' members.
                let id = item.id();
                records.push(id);
                for pair in store.partnerships.iter().filter(|x| x.a == id || x.b == id) {
                    records.extend([pair.a.as_str(), pair.b.as_str()]);
                }
                for cohort in store
                    .cohorts
                    .iter()
                    .filter(|c| c.members.iter().any(|m| m == id))
                {
                    records.extend(cohort.members.iter().map(String::as_str));
                }
            }
            other => records.push(other.id()),
        }
    }
    let codes: BTreeSet<String> = records
        .iter()
        .filter_map(|r| country_of(store, r))
        .chain(std::iter::once("KR".to_owned()))
        .collect();
    let mut economies: Vec<String> = Vec::new();
    for code in codes {
        let economy = if code == "EU" {
            Some("EUU".to_owned())
        } else {
            store
                .indicators
                .iter()
                .map(|s| s.economy.as_str())
                .find(|e| alpha2(e) == Some(code.as_str()))
                .map(str::to_owned)
        };
        if let Some(e) = economy
            && !economies.contains(&e)
        {
            economies.push(e);
        }
    }
    economies.sort_by_key(|e| crate::analysis::charts::economy_rank(e));
    economies
}

/// An economy's name as the store's indicator series give it, with Hangul where known.
fn economy_words(store: &Store, economy: &str) -> Words {
    let en = store
        .indicators
        .iter()
        .find(|s| s.economy == economy)
        .map_or_else(|| economy.to_owned(), |s| s.economy_name.clone());
    Words {
        en,
        ko: crate::analysis::charts::hangul_name(store, economy).map(str::to_owned),
        country: None,
    }
}

fn collect_notes<'n>(
    store: &Store,
    notes: impl IntoIterator<Item = &'n Note>,
    ids: &[String],
) -> Vec<BriefNote> {
    let mut found: Vec<&Note> = notes
        .into_iter()
        .filter(|n| n.is_live())
        .filter(|n| n.target.as_ref().is_some_and(|t| ids.contains(&t.id)))
        .collect();
    // By the item's place in the request, then oldest first, then id.
    found.sort_by_key(|n| {
        let at = n
            .target
            .as_ref()
            .and_then(|t| ids.iter().position(|i| *i == t.id));
        (at, n.created, n.id.as_str().to_owned())
    });
    found
        .into_iter()
        .map(|n| {
            let about = n.target.as_ref().map_or_else(Words::default, |t| {
                let name = store.display_name(&t.id);
                Words::en(format!("{} {name}", t.kind.label()))
            });
            BriefNote {
                title: n.display_title().to_owned(),
                author: n.author.clone(),
                updated: format!("{} UTC", n.updated),
                about,
                conflict_of: n.conflict_of.as_ref().map(|c| c.as_str().to_owned()),
                body: n.body.clone(),
            }
        })
        .collect()
}

/// "3,285,147".
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> BuildOptions {
        BuildOptions {
            origin: "built-in default store".into(),
            written: "2026-12-01".into(),
        }
    }

    fn store() -> Store {
        match crate::store::embedded() {
            Ok(l) => l.store,
            Err(p) => panic!("the embedded store is invalid: {p:?}"),
        }
    }

    #[test]
    fn an_unknown_id_is_named_in_the_error() {
        let store = store();
        let ids = vec!["pair-belfast-sejong".to_owned(), "no-such-id".to_owned()];
        let err = build(&store, [], &ids, &options()).err();
        assert_eq!(
            err,
            Some(UnknownId {
                id: "no-such-id".into()
            })
        );
    }

    #[test]
    fn a_pair_briefing_has_both_sides_the_roadmap_and_korea_s_figures() {
        let store = store();
        let b = match build(&store, [], &["pair-belfast-sejong".to_owned()], &options()) {
            Ok(b) => b,
            Err(e) => panic!("{e}"),
        };
        let item = &b.items[0];
        let side = |label: &str| {
            item.facts
                .iter()
                .find(|f| f.label == label)
                .map(|f| f.value.clone())
        };
        let Some(Value::Words(korean)) = side("Korean side") else {
            panic!("no Korean side")
        };
        assert_eq!(korean[0].ko.as_deref(), Some("세종"));
        assert!(
            matches!(side("Since"), Some(Value::Gap(_))),
            "since is a gap"
        );
        assert!(item.events.iter().any(|e| e.what.contains("roadmap")
            && e.date.map(|d| (d.year, d.month)) == Some((2024, Some(4)))));
        let economies: Vec<&str> = b.figures.gerd.iter().map(|g| g.economy.as_str()).collect();
        assert_eq!(economies, ["KOR", "GBR"]);
        assert!(b.figures.gerd.iter().all(|g| g.latest.is_some()));
        assert!(
            b.sources
                .iter()
                .any(|s| s.publisher == "Connected Places Catapult")
        );
        // Every cite points at a numbered source.
        for f in &item.facts {
            for c in &f.cites {
                assert!(c.n >= 1 && c.n <= b.sources.len());
            }
        }
        let places: Vec<&str> = b.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(places, ["place-belfast", "place-sejong"]);
    }

    #[test]
    fn a_place_briefing_lists_its_pair_and_cohort() {
        let store = store();
        let b = match build(&store, [], &["place-busan".to_owned()], &options()) {
            Ok(b) => b,
            Err(e) => panic!("{e}"),
        };
        let busan = &b.places[0];
        assert!(
            busan
                .partnerships
                .iter()
                .any(|p| p.id == "pair-liverpool-city-region-busan")
        );
        assert!(
            busan
                .cohorts
                .iter()
                .any(|c| c.id == "cohort-world-cities-korea-2017")
        );
        assert!(
            b.items[0]
                .events
                .iter()
                .any(|e| e.kind == "Agreement" && e.what.contains("Liverpool"))
        );
        // Korea first, then the partners of its pair and cohort.
        let economies: Vec<&str> = b.figures.gerd.iter().map(|g| g.economy.as_str()).collect();
        assert_eq!(economies.first(), Some(&"KOR"));
        assert!(
            economies.contains(&"GBR") && economies.contains(&"NLD"),
            "{economies:?}"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(3_285_147), "3,285,147");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
    }
}
