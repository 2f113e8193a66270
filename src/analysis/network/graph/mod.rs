//! The partnership network as a graph: who is paired with whom, under which programme.
//!
//! Two granularities: [`Granularity::Cities`] puts every organisation in its city (or, when
//! the store gives it no city, at a country-level node), for the map and the schematic;
//! [`Granularity::Institutions`] keeps organisations and places apart, linked by "based in",
//! for the force layout. Cohorts (programme members with no stated pairing) become a hub node
//! with one membership edge per member: a pair the sources do not state is never drawn.
//!
//! Building it takes three steps, one file each: resolving records to nodes (`nodes.rs`),
//! turning partnerships, cohorts and structure into edges (`edges.rs`), and sorting the nodes
//! and indexing what touches what (`index.rs`).

mod edges;
mod index;
mod nodes;

use std::collections::HashMap;

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

impl Graph {
    /// Builds the network of a store at a granularity.
    pub fn build(store: &Store, granularity: Granularity) -> Graph {
        let mut b = nodes::Builder::new(store, granularity);
        if granularity == Granularity::Cities {
            b.add_places_and_their_organisations();
        }
        let catalogue = edges::Catalogue::of(store);
        // Edges refer to builder indexes first; they are remapped after sorting the nodes.
        let mut found = edges::Edges::default();
        found.partnerships(&mut b, &catalogue);
        found.cohorts(&mut b, &catalogue);
        if granularity == Granularity::Institutions {
            found.structure(&mut b);
        }
        index::finish(b, found, &catalogue)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::network::test_store::sample_store;

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
