//! The headline figures of the economies involved, and section 5: the partnerships, cohorts
//! and organisations of every place in a briefing.

use super::*;

impl Collector<'_> {
    /// Latest GERD and PCT shares by sector for every economy involved (Korea first).
    pub(super) fn figures(&mut self, economies: &[String]) -> Figures {
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
    pub(super) fn places(&mut self, items: &[ItemRef<'_>]) -> Vec<PlaceLinks> {
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
pub(super) fn country_of(store: &Store, id: &str) -> Option<String> {
    match store.item(id)? {
        ItemRef::Place(p) => Some(p.country.clone()),
        ItemRef::Organisation(o) => Some(o.country.clone()),
        _ => None,
    }
}

/// The economies whose figures the briefing shows: Korea, then every other country (or the
/// EU) of the places and organisations involved, in the store's indicator order.
pub(super) fn countries_of(store: &Store, items: &[ItemRef<'_>]) -> Vec<String> {
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
pub(super) fn economy_words(store: &Store, economy: &str) -> Words {
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
