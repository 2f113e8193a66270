//! Collecting the searchable texts of one record: its fields, links, milestones, citations
//! and aliases, with the names of the records it links to.

use crate::model::{Citation, ItemRef, Milestone, Store};

use super::index::{ALSO_KNOWN_AS, Field, Tier};

/// Collects the fields of one record.
pub(super) struct Builder<'s> {
    pub(super) store: &'s Store,
    pub(super) lk: &'s Lookup<'s>,
    pub(super) fields: Vec<Field>,
}

impl Builder<'_> {
    pub(super) fn add(&mut self, tier: Tier, label: impl Into<String>, text: impl AsRef<str>) {
        let text = text.as_ref().trim();
        if !text.is_empty() {
            self.fields.push(Field {
                label: label.into(),
                text: text.to_owned(),
                tier,
            });
        }
    }

    pub(super) fn opt(&mut self, tier: Tier, label: &str, text: &Option<String>) {
        if let Some(t) = text {
            self.add(tier, label, t);
        }
    }

    /// Names of linked records, with their Hangul names where they have one.
    pub(super) fn links(&mut self, label: &str, ids: &[String]) {
        let names: Vec<String> = ids
            .iter()
            .map(|id| match self.lk.hangul(id) {
                Some(ko) => format!("{} ({ko})", self.lk.name(id)),
                None => self.lk.name(id),
            })
            .collect();
        self.add(Tier::Link, label, names.join(", "));
    }

    pub(super) fn milestones(&mut self, milestones: &[Milestone]) {
        for m in milestones {
            let text = match &m.place {
                Some(p) => format!("{} — {}", m.title, self.lk.name(p)),
                None => m.title.clone(),
            };
            self.add(Tier::Text, format!("Milestone {}", m.date), text);
            self.citations(&m.sources);
        }
    }

    /// Source titles, publishers and where in the source, as the Sources section shows them.
    pub(super) fn citations(&mut self, cites: &[Citation]) {
        for c in cites {
            let text = match self.store.sources.iter().find(|s| s.id == c.source) {
                Some(s) => [s.title.as_str(), s.publisher.as_str(), c.at.as_str()]
                    .iter()
                    .filter(|t| !t.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" — "),
                None => c.at.clone(),
            };
            self.add(Tier::Source, "Source", text);
        }
    }
}

/// Names, Hangul names and countries of every record by id, looked up once per index build
/// (the store's own lookups scan lists, which is too slow for 100,000 records).
pub(super) struct Lookup<'s> {
    pub(super) by_id:
        std::collections::HashMap<&'s str, (&'s str, Option<&'s str>, Option<&'s str>)>,
}

impl<'s> Lookup<'s> {
    pub(super) fn new(store: &'s Store) -> Self {
        let mut by_id = std::collections::HashMap::new();
        // The order does not matter here: ids are unique across the store.
        for item in store.items() {
            let (ko, country) = match item {
                ItemRef::Place(p) => (p.name_ko.as_deref(), Some(p.country.as_str())),
                ItemRef::Organisation(o) => (o.name_ko.as_deref(), Some(o.country.as_str())),
                ItemRef::Programme(p) => (p.name_ko.as_deref(), None),
                _ => (None, None),
            };
            // The first record with an id wins, as in `Store::item`.
            by_id.entry(item.id()).or_insert((item.name(), ko, country));
        }
        Self { by_id }
    }

    /// The display name, or the id itself when it is unknown.
    pub(super) fn name(&self, id: &str) -> String {
        self.by_id.get(id).map_or(id, |e| e.0).to_owned()
    }

    pub(super) fn hangul(&self, id: &str) -> Option<String> {
        self.by_id.get(id).and_then(|e| e.1).map(str::to_owned)
    }

    pub(super) fn country(&self, id: &str) -> Option<String> {
        self.by_id.get(id).and_then(|e| e.2).map(str::to_owned)
    }
}

/// The alpha-2 code of an indicator economy (alpha-3, `EUU` for the EU27); aggregates such as
/// the OECD and the world have no country.
pub(super) fn economy_country(code: &str) -> Option<String> {
    crate::analysis::countries::store_code(code).map(str::to_owned)
}

pub(super) fn period_years(start: Option<i32>, end: Option<i32>) -> Option<(i32, i32)> {
    match (start, end) {
        (Some(s), Some(e)) => Some((s.min(e), s.max(e))),
        (Some(y), None) | (None, Some(y)) => Some((y, y)),
        (None, None) => None,
    }
}

/// The other names of a place or organisation ("Pusan", "Taejŏn"): matched as names, and shown
/// as "Also known as: Pusan" under the hit so the officer sees why it was found.
pub(super) fn aliases(b: &mut Builder<'_>, aliases: &[crate::model::Alias]) {
    for a in aliases {
        b.add(Tier::Name, ALSO_KNOWN_AS, &a.name);
    }
}
