//! Turning records into edges: stated partnerships (pairs), cohort memberships (to a hub, never
//! member to member) and, in the institutions graph, "based in" and "part of".

use std::collections::{BTreeSet, HashMap};

use super::nodes::Builder;
use super::{Edge, EdgeKind, Node, NodeKind, Side};
use crate::model::{Status, Store};

/// The programmes and themes the edges name, with their indexes (sorted by id and name).
pub(super) struct Catalogue<'s> {
    /// Short name (or name) of each programme the store has.
    pub(super) programme_names: HashMap<&'s str, String>,
    /// Every programme id a partnership or cohort names, sorted.
    pub(super) programme_ids: BTreeSet<&'s str>,
    /// Every theme a partnership or cohort names, sorted.
    pub(super) theme_names: BTreeSet<&'s str>,
    programme_index: HashMap<&'s str, u32>,
    theme_index: HashMap<&'s str, u32>,
}

impl<'s> Catalogue<'s> {
    /// The programmes and themes of a store's partnerships and cohorts.
    pub(super) fn of(store: &'s Store) -> Self {
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
        Catalogue {
            programme_names,
            programme_ids,
            theme_names,
            programme_index,
            theme_index,
        }
    }

    fn programme(&self, id: &str) -> Option<u32> {
        self.programme_index.get(id).copied()
    }

    fn themes_of(&self, themes: &[String]) -> Vec<u32> {
        let mut v: Vec<u32> = themes
            .iter()
            .filter_map(|t| self.theme_index.get(t.as_str()).copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The edges found so far (between builder indexes), and the records that could not be drawn.
#[derive(Default)]
pub(super) struct Edges {
    /// Partnerships in store order, then cohort memberships, then structure.
    pub(super) edges: Vec<Edge>,
    /// Partnerships or memberships not drawn because an end is unknown, as messages.
    pub(super) unresolved: Vec<String>,
}

impl Edges {
    /// One edge per stated partnership whose two ends are known.
    pub(super) fn partnerships(&mut self, b: &mut Builder<'_>, cat: &Catalogue<'_>) {
        let store = b.store;
        let (edges, unresolved) = (&mut self.edges, &mut self.unresolved);
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
                programme: cat.programme(&p.programme),
                since: p.since,
                until: None,
                status: p.status,
                themes: cat.themes_of(&p.themes),
                label: format!("{} — {}", b.end_name(&p.a), b.end_name(&p.b)),
            });
        }
    }

    /// A hub node per cohort, with one membership edge per known member.
    pub(super) fn cohorts(&mut self, b: &mut Builder<'_>, cat: &Catalogue<'_>) {
        let store = b.store;
        let (edges, unresolved) = (&mut self.edges, &mut self.unresolved);
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
                    programme: cat.programme(&c.programme),
                    since: c.period.start,
                    until: c.period.end,
                    status: c.status,
                    themes: cat.themes_of(&c.themes),
                    label: format!("{} — member of {}", b.end_name(m), c.name),
                });
            }
        }
    }

    /// For the institutions graph: where each organisation is based and what it is part of.
    pub(super) fn structure(&mut self, b: &mut Builder<'_>) {
        let store = b.store;
        let edges = &mut self.edges;
        // Parents join the graph as they are found, so walk the nodes by index.
        let mut next = 0;
        while next < b.nodes.len() {
            let i = next;
            next += 1;
            if b.nodes[i].kind != NodeKind::Organisation {
                continue;
            }
            let Some(&oi) = b.orgs.get(b.nodes[i].key.as_str()) else {
                continue;
            };
            let org = &store.organisations[oi];
            if let Some(&pi) = org.place.as_deref().and_then(|p| b.places.get(p)) {
                let pn = b.place_node(pi);
                edges.push(structural(
                    EdgeKind::BasedIn,
                    org,
                    i,
                    pn,
                    &store.places[pi].name,
                ));
            }
            if let Some(parent) = org.parent.as_deref().filter(|p| b.orgs.contains_key(p))
                && let Some(pn) = b.resolve(parent)
            {
                let name = b.end_name(parent);
                edges.push(structural(EdgeKind::PartOf, org, i, pn, &name));
            }
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
