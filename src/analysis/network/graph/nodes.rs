//! Resolving records to nodes: places, organisations (merged into their city, or at a
//! country node, in the cities graph) and the anchors of countries with no stated city.

use std::collections::{BTreeMap, HashMap};

use super::super::geo;
use super::super::projection::LonLat;
use super::{Granularity, Node, NodeKind, Side};
use crate::analysis::countries::{self, EU};
use crate::model::Store;

/// The seat of the European Commission (Brussels): where EU bodies with no stated city are
/// anchored on the map.
const EU_SEAT: LonLat = LonLat {
    lon: 4.3525,
    lat: 50.8467,
};

/// The nodes found so far, by key, with the store's places and organisations by id.
pub(super) struct Builder<'s> {
    pub(super) store: &'s Store,
    pub(super) granularity: Granularity,
    pub(super) nodes: Vec<Node>,
    pub(super) by_key: HashMap<String, usize>,
    pub(super) places: HashMap<&'s str, usize>,
    pub(super) orgs: HashMap<&'s str, usize>,
    pub(super) anchors: BTreeMap<String, Option<LonLat>>,
}

impl<'s> Builder<'s> {
    /// A builder with no nodes yet.
    pub(super) fn new(store: &'s Store, granularity: Granularity) -> Self {
        let places: HashMap<&str, usize> = store
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let orgs: HashMap<&str, usize> = store
            .organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        Builder {
            store,
            granularity,
            nodes: Vec::new(),
            by_key: HashMap::new(),
            places,
            orgs,
            anchors: BTreeMap::new(),
        }
    }

    /// For the cities graph: every place shows on the map, linked or not, and every
    /// organisation with a city can be found by (and selected as) that city.
    pub(super) fn add_places_and_their_organisations(&mut self) {
        let store = self.store;
        for i in 0..store.places.len() {
            self.place_node(i);
        }
        for org in &store.organisations {
            if org
                .place
                .as_deref()
                .is_some_and(|p| self.places.contains_key(p))
            {
                self.resolve(&org.id);
            }
        }
    }

    pub(super) fn node(&mut self, key: &str, make: impl FnOnce() -> Node) -> usize {
        if let Some(&i) = self.by_key.get(key) {
            return i;
        }
        self.nodes.push(make());
        self.by_key.insert(key.to_owned(), self.nodes.len() - 1);
        self.nodes.len() - 1
    }

    pub(super) fn place_node(&mut self, i: usize) -> usize {
        let p = &self.store.places[i];
        self.node(&p.id, || Node {
            key: p.id.clone(),
            kind: NodeKind::Place,
            name: p.name.clone(),
            name_ko: p.name_ko.clone(),
            // Older romanisations ("Pusan") find the place in the network search too.
            aliases: p.aliases.iter().map(|a| a.name.clone()).collect(),
            country: p.country.clone(),
            side: side_of(&p.country),
            position: Some(LonLat::new(p.lon, p.lat)),
            approximate: false,
            records: vec![p.id.clone()],
            partnerships: 0,
            cohorts: 0,
            population: p.population,
        })
    }

    fn anchor(&mut self, country: &str) -> Option<LonLat> {
        if let Some(a) = self.anchors.get(country) {
            return *a;
        }
        let found = if country == EU {
            Some(EU_SEAT)
        } else {
            countries::numeric_code(country)
                .and_then(|n| geo::country_anchor(geo::outlines(geo::Detail::Coarse), n))
                .or_else(|| {
                    // A country the outline lacks (Malta, Singapore): the middle of its places.
                    let pts: Vec<LonLat> = self
                        .store
                        .places
                        .iter()
                        .filter(|p| p.country == country)
                        .map(|p| LonLat::new(p.lon, p.lat))
                        .collect();
                    super::super::projection::spherical_mean(&pts)
                })
        };
        self.anchors.insert(country.to_owned(), found);
        found
    }

    /// The node a partnership end resolves to, creating it on first use.
    pub(super) fn resolve(&mut self, id: &str) -> Option<usize> {
        if let Some(&i) = self.places.get(id) {
            return Some(self.place_node(i));
        }
        let &oi = self.orgs.get(id)?;
        let org = &self.store.organisations[oi];
        let city = org
            .place
            .as_deref()
            .and_then(|p| self.places.get(p).copied());
        match self.granularity {
            Granularity::Cities => {
                let n = match city {
                    Some(pi) => self.place_node(pi),
                    None => {
                        let position = self.anchor(&org.country);
                        let key = format!("country:{}", org.country);
                        let country = org.country.clone();
                        self.node(&key.clone(), || Node {
                            key,
                            kind: NodeKind::Country,
                            name: if country == EU {
                                "European Union (EU level)".to_owned()
                            } else {
                                format!("{} (national)", countries::country_name(&country))
                            },
                            name_ko: None,
                            aliases: vec![countries::country_name(&country).to_owned()],
                            side: side_of(&country),
                            country,
                            position,
                            approximate: true,
                            records: Vec::new(),
                            partnerships: 0,
                            cohorts: 0,
                            population: None,
                        })
                    }
                };
                let node = &mut self.nodes[n];
                if !node.records.iter().any(|r| r == &org.id) {
                    node.records.push(org.id.clone());
                    node.aliases.push(org.name.clone());
                    node.aliases.extend(org.short_name.clone());
                    node.aliases.extend(org.name_ko.clone());
                }
                Some(n)
            }
            Granularity::Institutions => {
                let position = match city {
                    Some(pi) => {
                        let p = &self.store.places[pi];
                        Some(LonLat::new(p.lon, p.lat))
                    }
                    None => self.anchor(&org.country),
                };
                Some(self.node(&org.id, || {
                    Node {
                        key: org.id.clone(),
                        kind: NodeKind::Organisation,
                        name: org.short_name.clone().unwrap_or_else(|| org.name.clone()),
                        name_ko: org.name_ko.clone(),
                        aliases: std::iter::once(org.name.clone())
                            .chain(org.short_name.clone())
                            .collect(),
                        country: org.country.clone(),
                        side: side_of(&org.country),
                        position,
                        approximate: city.is_none(),
                        records: vec![org.id.clone()],
                        partnerships: 0,
                        cohorts: 0,
                        population: None,
                    }
                }))
            }
        }
    }

    /// The English display name of a partnership end: a place's name, an organisation's short
    /// name.
    pub(super) fn end_name(&self, id: &str) -> String {
        end_name(self.store, &self.places, &self.orgs, id)
    }
}

fn side_of(country: &str) -> Side {
    if countries::is_korea(country) {
        Side::Korea
    } else {
        Side::Partner
    }
}

/// The English display name of a partnership end: a place's name, an organisation's short name.
fn end_name(
    store: &Store,
    places: &HashMap<&str, usize>,
    orgs: &HashMap<&str, usize>,
    id: &str,
) -> String {
    if let Some(&i) = places.get(id) {
        return store.places[i].name.clone();
    }
    if let Some(&i) = orgs.get(id) {
        let o = &store.organisations[i];
        return o.short_name.clone().unwrap_or_else(|| o.name.clone());
    }
    id.to_owned()
}
