//! The partnership network as a graph: who is paired with whom, under which programme.
//!
//! Two granularities: [`Granularity::Cities`] puts every organisation in its city (or, when
//! the store gives it no city, at a country-level node), for the map and the schematic;
//! [`Granularity::Institutions`] keeps organisations and places apart, linked by "based in",
//! for the force layout. Cohorts (programme members with no stated pairing) become a hub node
//! with one membership edge per member: a pair the sources do not state is never drawn.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::countries::{self, EU};
use super::geo;
use super::projection::LonLat;
use crate::model::{Status, Store};

/// How finely the graph resolves partners.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// Organisations are merged into their city; the map and schematic layouts.
    Cities,
    /// Organisations and places are separate nodes; the force layout.
    Institutions,
}

/// Which side of a Korea–Europe partnership a node is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The European (partner) side: every country but Korea.
    Partner,
    /// The Korean side.
    Korea,
    /// Neither: a cohort hub, which stands between its members.
    Between,
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A city or region with coordinates.
    Place,
    /// An organisation (institutions graph only).
    Organisation,
    /// A country, standing for organisations the store gives no city for.
    Country,
    /// A cohort: the members of a programme whose pairings the sources do not state.
    CohortHub,
}

/// A node of the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The record id (place, organisation or cohort), or `country:XX` for a country node.
    pub key: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// English display name.
    pub name: String,
    /// Hangul name, where the store has one.
    pub name_ko: Option<String>,
    /// Other names it can be found by (the organisations in a city, an acronym).
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code, `EU`, or empty for a cohort hub.
    pub country: String,
    /// Its side of the partnership.
    pub side: Side,
    /// Where it is on Earth: the place's coordinates, an organisation's city, or a country
    /// anchor. `None` when the store does not say and no anchor is known.
    pub position: Option<LonLat>,
    /// True when the position is a country anchor, not a stated city.
    pub approximate: bool,
    /// Ids of the records this node stands for, sorted (the place and the organisations in it).
    pub records: Vec<String>,
    /// Number of stated partnerships touching it.
    pub partnerships: u32,
    /// Number of cohorts it is a member of (or, for a hub, its members).
    pub cohorts: u32,
    /// Population, for places that state one (label priority).
    pub population: Option<u64>,
}

impl Node {
    /// The name to show: English, Hangul or both.
    pub fn display_name(&self, names: NameStyle) -> String {
        match (names, &self.name_ko) {
            (NameStyle::Hangul, Some(ko)) => ko.clone(),
            (NameStyle::Both, Some(ko)) if ko != &self.name => format!("{} {}", self.name, ko),
            _ => self.name.clone(),
        }
    }
}

/// Which names labels use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NameStyle {
    /// English names.
    English,
    /// Hangul names where the store has one, English otherwise.
    Hangul,
    /// English followed by Hangul.
    Both,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// A partnership: a pairing the sources state. Drawn solid.
    Pair,
    /// Membership of a cohort: drawn dashed, from the member to the cohort's hub.
    Cohort,
    /// An organisation is based in a place (institutions graph).
    BasedIn,
    /// An organisation is part of another (institutions graph).
    PartOf,
}

/// An edge of the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// What it stands for.
    pub kind: EdgeKind,
    /// The partnership or cohort id (or the organisation's id for structural edges).
    pub record: String,
    /// The partner-side node (the member, for a cohort edge).
    pub from: u32,
    /// The Korean-side node (the hub, for a cohort edge).
    pub to: u32,
    /// Index into [`Graph::programmes`].
    pub programme: Option<u32>,
    /// The year it started, where a source says (a cohort's period start).
    pub since: Option<i32>,
    /// The year it ended, where a source says (a cohort's period end).
    pub until: Option<i32>,
    /// Its status.
    pub status: Status,
    /// Indexes into [`Graph::themes`], sorted.
    pub themes: Vec<u32>,
    /// "Belfast — Sejong": the declared ends, in English.
    pub label: String,
}

/// A programme that has edges in the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeInfo {
    /// The programme id (or the id a partnership names, if the store lacks the programme).
    pub id: String,
    /// Its short name, or its name.
    pub name: String,
    /// Number of partnerships under it.
    pub pairs: u32,
    /// Number of cohort memberships under it.
    pub memberships: u32,
}

/// The partnership network of a store.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    /// The granularity it was built at.
    pub granularity: Granularity,
    /// Nodes, sorted by key.
    pub nodes: Vec<Node>,
    /// Edges: partnerships in store order, then cohort memberships, then structure.
    pub edges: Vec<Edge>,
    /// Programmes with edges, sorted by id; their index is their colour.
    pub programmes: Vec<ProgrammeInfo>,
    /// Every theme named by an edge, sorted.
    pub themes: Vec<String>,
    /// Every country code of a node, sorted.
    pub countries: Vec<String>,
    /// Partnerships or memberships not drawn because an end is unknown, as messages.
    pub unresolved: Vec<String>,
    /// Edge indexes touching each node.
    pub incident: Vec<Vec<u32>>,
    lookup: HashMap<String, u32>,
}

/// The seat of the European Commission (Brussels): where EU bodies with no stated city are
/// anchored on the map.
const EU_SEAT: LonLat = LonLat {
    lon: 4.3525,
    lat: 50.8467,
};

struct Builder<'s> {
    store: &'s Store,
    granularity: Granularity,
    nodes: Vec<Node>,
    by_key: HashMap<String, usize>,
    places: HashMap<&'s str, usize>,
    orgs: HashMap<&'s str, usize>,
    anchors: BTreeMap<String, Option<LonLat>>,
}

impl<'s> Builder<'s> {
    fn node(&mut self, key: &str, make: impl FnOnce() -> Node) -> usize {
        if let Some(&i) = self.by_key.get(key) {
            return i;
        }
        self.nodes.push(make());
        self.by_key.insert(key.to_owned(), self.nodes.len() - 1);
        self.nodes.len() - 1
    }

    fn place_node(&mut self, i: usize) -> usize {
        let p = &self.store.places[i];
        self.node(&p.id, || Node {
            key: p.id.clone(),
            kind: NodeKind::Place,
            name: p.name.clone(),
            name_ko: p.name_ko.clone(),
            aliases: Vec::new(),
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
                    super::projection::spherical_mean(&pts)
                })
        };
        self.anchors.insert(country.to_owned(), found);
        found
    }

    /// The node a partnership end resolves to, creating it on first use.
    fn resolve(&mut self, id: &str) -> Option<usize> {
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

impl Graph {
    /// Builds the network of a store at a granularity.
    pub fn build(store: &Store, granularity: Granularity) -> Graph {
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
        let mut b = Builder {
            store,
            granularity,
            nodes: Vec::new(),
            by_key: HashMap::new(),
            places: places.clone(),
            orgs: orgs.clone(),
            anchors: BTreeMap::new(),
        };
        if granularity == Granularity::Cities {
            // Every place shows on the map, linked or not.
            for i in 0..store.places.len() {
                b.place_node(i);
            }
            // Every organisation with a city can be found by (and selected as) that city.
            for org in &store.organisations {
                if org.place.as_deref().is_some_and(|p| places.contains_key(p)) {
                    b.resolve(&org.id);
                }
            }
        }
        let programme_names: HashMap<&str, String> = store
            .programmes
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.short_name.clone().unwrap_or_else(|| p.name.clone()),
                )
            })
            .collect();
        let mut programme_ids: BTreeSet<&str> = BTreeSet::new();
        let mut theme_names: BTreeSet<&str> = BTreeSet::new();
        for p in &store.partnerships {
            programme_ids.insert(&p.programme);
            theme_names.extend(p.themes.iter().map(String::as_str));
        }
        for c in &store.cohorts {
            programme_ids.insert(&c.programme);
            theme_names.extend(c.themes.iter().map(String::as_str));
        }
        let programme_index: HashMap<&str, u32> = programme_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as u32))
            .collect();
        let theme_index: HashMap<&str, u32> = theme_names
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, i as u32))
            .collect();
        let themes_of = |themes: &[String]| -> Vec<u32> {
            let mut v: Vec<u32> = themes
                .iter()
                .filter_map(|t| theme_index.get(t.as_str()).copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };

        // Edges refer to builder indexes first; they are remapped after sorting the nodes.
        let mut edges: Vec<Edge> = Vec::new();
        let mut unresolved = Vec::new();
        for p in &store.partnerships {
            let (Some(a), Some(z)) = (b.resolve(&p.a), b.resolve(&p.b)) else {
                let missing = if b.resolve(&p.a).is_none() {
                    &p.a
                } else {
                    &p.b
                };
                unresolved.push(format!(
                    "partnership {}: no place or organisation {missing}",
                    p.id
                ));
                continue;
            };
            edges.push(Edge {
                kind: EdgeKind::Pair,
                record: p.id.clone(),
                from: a as u32,
                to: z as u32,
                programme: programme_index.get(p.programme.as_str()).copied(),
                since: p.since,
                until: None,
                status: p.status,
                themes: themes_of(&p.themes),
                label: format!(
                    "{} — {}",
                    end_name(store, &places, &orgs, &p.a),
                    end_name(store, &places, &orgs, &p.b)
                ),
            });
        }
        for c in &store.cohorts {
            let hub = b.node(&c.id, || Node {
                key: c.id.clone(),
                kind: NodeKind::CohortHub,
                name: c.name.clone(),
                name_ko: None,
                aliases: Vec::new(),
                country: String::new(),
                side: Side::Between,
                position: None,
                approximate: true,
                records: vec![c.id.clone()],
                partnerships: 0,
                cohorts: 0,
                population: None,
            });
            for m in &c.members {
                let Some(n) = b.resolve(m) else {
                    unresolved.push(format!("cohort {}: no place or organisation {m}", c.id));
                    continue;
                };
                edges.push(Edge {
                    kind: EdgeKind::Cohort,
                    record: c.id.clone(),
                    from: n as u32,
                    to: hub as u32,
                    programme: programme_index.get(c.programme.as_str()).copied(),
                    since: c.period.start,
                    until: c.period.end,
                    status: c.status,
                    themes: themes_of(&c.themes),
                    label: format!(
                        "{} — member of {}",
                        end_name(store, &places, &orgs, m),
                        c.name
                    ),
                });
            }
        }
        if granularity == Granularity::Institutions {
            // Parents join the graph as they are found, so walk the nodes by index.
            let mut next = 0;
            while next < b.nodes.len() {
                let i = next;
                next += 1;
                if b.nodes[i].kind != NodeKind::Organisation {
                    continue;
                }
                let Some(&oi) = orgs.get(b.nodes[i].key.as_str()) else {
                    continue;
                };
                let org = &store.organisations[oi];
                if let Some(&pi) = org.place.as_deref().and_then(|p| places.get(p)) {
                    let pn = b.place_node(pi);
                    edges.push(structural(
                        EdgeKind::BasedIn,
                        org,
                        i,
                        pn,
                        &store.places[pi].name,
                    ));
                }
                if let Some(parent) = org.parent.as_deref().filter(|p| orgs.contains_key(p))
                    && let Some(pn) = b.resolve(parent)
                {
                    let name = end_name(store, &places, &orgs, parent);
                    edges.push(structural(EdgeKind::PartOf, org, i, pn, &name));
                }
            }
        }

        // Sort nodes by key and remap.
        let mut order: Vec<usize> = (0..b.nodes.len()).collect();
        order.sort_by(|&x, &y| b.nodes[x].key.cmp(&b.nodes[y].key));
        let mut new_index = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new as u32;
        }
        let mut slots: Vec<Option<Node>> = b.nodes.into_iter().map(Some).collect();
        let mut nodes: Vec<Node> = order.iter().filter_map(|&old| slots[old].take()).collect();
        for e in &mut edges {
            e.from = new_index[e.from as usize];
            e.to = new_index[e.to as usize];
        }
        let mut incident = vec![Vec::new(); nodes.len()];
        let mut memberships: BTreeMap<u32, BTreeSet<String>> = BTreeMap::new();
        for (i, e) in edges.iter().enumerate() {
            incident[e.from as usize].push(i as u32);
            if e.to != e.from {
                incident[e.to as usize].push(i as u32);
            }
            match e.kind {
                EdgeKind::Pair => {
                    nodes[e.from as usize].partnerships += 1;
                    if e.to != e.from {
                        nodes[e.to as usize].partnerships += 1;
                    }
                }
                EdgeKind::Cohort => {
                    memberships
                        .entry(e.from)
                        .or_default()
                        .insert(e.record.clone());
                    nodes[e.to as usize].cohorts += 1;
                }
                EdgeKind::BasedIn | EdgeKind::PartOf => {}
            }
        }
        for (n, set) in memberships {
            nodes[n as usize].cohorts = set.len() as u32;
        }
        for node in &mut nodes {
            node.records.sort();
            node.records.dedup();
        }
        // A cohort hub sits in the spherical middle of its members.
        let hub_positions: Vec<(usize, Option<LonLat>)> = nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == NodeKind::CohortHub)
            .map(|(i, _)| {
                let pts: Vec<LonLat> = incident[i]
                    .iter()
                    .map(|&e| &edges[e as usize])
                    .filter(|e| e.kind == EdgeKind::Cohort)
                    .filter_map(|e| nodes[e.from as usize].position)
                    .collect();
                (i, super::projection::spherical_mean(&pts))
            })
            .collect();
        for (i, p) in hub_positions {
            nodes[i].position = p;
        }

        let mut programmes: Vec<ProgrammeInfo> = programme_ids
            .iter()
            .map(|id| ProgrammeInfo {
                id: (*id).to_owned(),
                name: programme_names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| (*id).to_owned()),
                pairs: 0,
                memberships: 0,
            })
            .collect();
        for e in &edges {
            if let Some(p) = e.programme.and_then(|p| programmes.get_mut(p as usize)) {
                match e.kind {
                    EdgeKind::Pair => p.pairs += 1,
                    EdgeKind::Cohort => p.memberships += 1,
                    _ => {}
                }
            }
        }
        let countries: Vec<String> = nodes
            .iter()
            .filter(|n| !n.country.is_empty())
            .map(|n| n.country.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut lookup = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            for r in &n.records {
                lookup.entry(r.clone()).or_insert(i as u32);
            }
            lookup.entry(n.key.clone()).or_insert(i as u32);
        }
        unresolved.sort();
        Graph {
            granularity,
            nodes,
            edges,
            programmes,
            themes: theme_names.into_iter().map(str::to_owned).collect(),
            countries,
            unresolved,
            incident,
            lookup,
        }
    }

    /// The node that stands for a record (a place, an organisation, a cohort), if any.
    pub fn node_of(&self, record: &str) -> Option<usize> {
        self.lookup.get(record).map(|&i| i as usize)
    }

    /// The edges of a partnership or cohort id.
    pub fn edges_of(&self, record: &str) -> Vec<usize> {
        self.edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.record == record)
            .map(|(i, _)| i)
            .collect()
    }

    /// The programme's display name of an edge, or "no programme".
    pub fn programme_name(&self, edge: &Edge) -> &str {
        edge.programme
            .and_then(|p| self.programmes.get(p as usize))
            .map_or("no programme", |p| p.name.as_str())
    }

    /// A readable label for an edge: "Belfast — Sejong, UK–Korea Innovation Twins".
    pub fn edge_label(&self, edge: &Edge) -> String {
        match edge.kind {
            EdgeKind::Pair | EdgeKind::Cohort => {
                format!("{}, {}", edge.label, self.programme_name(edge))
            }
            EdgeKind::BasedIn | EdgeKind::PartOf => edge.label.clone(),
        }
    }
}

fn structural(
    kind: EdgeKind,
    org: &crate::model::Organisation,
    from: usize,
    to: usize,
    to_name: &str,
) -> Edge {
    let verb = if kind == EdgeKind::BasedIn {
        "based in"
    } else {
        "part of"
    };
    let name = org.short_name.clone().unwrap_or_else(|| org.name.clone());
    Edge {
        kind,
        record: org.id.clone(),
        from: from as u32,
        to: to as u32,
        programme: None,
        since: None,
        until: None,
        status: Status::Unknown,
        themes: Vec::new(),
        label: format!("{name} — {verb} {to_name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::sample_store;
    use super::*;

    #[test]
    fn organisations_merge_into_their_city_in_the_cities_graph() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let Some(daejeon) = g.node_of("place-daejeon") else {
            panic!("no Daejeon")
        };
        assert_eq!(
            g.node_of("org-kaist"),
            Some(daejeon),
            "KAIST is drawn at Daejeon"
        );
        let Some(jrc) = g.node_of("org-jrc") else {
            panic!("no JRC")
        };
        assert_eq!(g.nodes[jrc].key, "place-seville");
    }

    #[test]
    fn an_organisation_without_a_city_is_drawn_at_an_approximate_country_node() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let Some(n) = g.node_of("org-dk-ministry") else {
            panic!("no ministry")
        };
        let node = &g.nodes[n];
        assert_eq!(node.kind, NodeKind::Country);
        assert!(node.approximate);
        assert_eq!(node.name, "Denmark (national)");
        let Some(p) = node.position else {
            panic!("Denmark has an anchor")
        };
        assert!(
            (8.0..13.0).contains(&p.lon) && (54.5..58.0).contains(&p.lat),
            "{p:?}"
        );
    }

    #[test]
    fn cohort_members_link_to_a_hub_and_never_to_each_other() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let Some(hub) = g.node_of("cohort-world-cities") else {
            panic!("no hub")
        };
        let members: Vec<&Edge> = g
            .edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Cohort)
            .collect();
        assert_eq!(members.len(), 8);
        assert!(members.iter().all(|e| e.to as usize == hub));
        assert_eq!(g.nodes[hub].cohorts, 8);
        let Some(seoul) = g.node_of("place-seoul") else {
            panic!("no Seoul")
        };
        let Some(tampere) = g.node_of("place-tampere") else {
            panic!("no Tampere")
        };
        assert!(
            !g.edges
                .iter()
                .any(|e| (e.from as usize, e.to as usize) == (tampere, seoul))
        );
    }

    #[test]
    fn node_degree_counts_stated_partnerships() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let Some(sejong) = g.node_of("place-sejong") else {
            panic!("no Sejong")
        };
        assert_eq!(
            g.nodes[sejong].partnerships, 2,
            "Belfast, and the ministry based there"
        );
        let Some(seoul) = g.node_of("place-seoul") else {
            panic!("no Seoul")
        };
        assert_eq!(
            (g.nodes[seoul].partnerships, g.nodes[seoul].cohorts),
            (0, 1)
        );
        assert_eq!(g.nodes[sejong].name_ko.as_deref(), Some("세종"));
        let e = g.edges.iter().find(|e| e.record == "pship-belfast-sejong");
        let Some(e) = e else { panic!("no edge") };
        assert_eq!(
            g.edge_label(e),
            "Belfast — Sejong, UK–Korea Innovation Twins"
        );
    }

    #[test]
    fn nodes_are_sorted_by_key_and_the_build_is_deterministic() {
        let a = Graph::build(&sample_store(), Granularity::Institutions);
        let b = Graph::build(&sample_store(), Granularity::Institutions);
        assert_eq!(a, b);
        assert!(a.nodes.windows(2).all(|w| w[0].key < w[1].key));
    }

    #[test]
    fn the_institutions_graph_links_organisations_to_their_cities() {
        let g = Graph::build(&sample_store(), Granularity::Institutions);
        let (Some(kaist), Some(daejeon)) = (g.node_of("org-kaist"), g.node_of("place-daejeon"))
        else {
            panic!("missing nodes")
        };
        assert_ne!(kaist, daejeon);
        assert!(g.edges.iter().any(|e| e.kind == EdgeKind::BasedIn
            && e.from as usize == kaist
            && e.to as usize == daejeon));
    }

    #[test]
    fn a_partnership_with_an_unknown_end_is_reported_not_drawn() {
        let mut store = sample_store();
        store.partnerships[0].b = "place-atlantis".into();
        let g = Graph::build(&store, Granularity::Cities);
        assert_eq!(g.unresolved.len(), 1);
        assert!(g.unresolved[0].contains("place-atlantis"));
        assert!(!g.edges.iter().any(|e| e.record == store.partnerships[0].id));
    }
}
