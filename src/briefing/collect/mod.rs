//! Collecting a briefing's facts from the store and the notes (pure; no I/O): the records' own
//! facts in `records.rs`, the headline figures and the places' links in `figures.rs`.

mod figures;
mod records;

use figures::{countries_of, country_of};
#[cfg(test)]
mod tests;

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
pub(super) fn group_thousands(n: u64) -> String {
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
