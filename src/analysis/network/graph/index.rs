//! Finishing the graph: nodes sorted by key (edges remapped), what touches each node, degree
//! and membership counts, cohort hub positions, programme counts and the record lookup.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::super::projection::LonLat;
use super::edges::{Catalogue, Edges};
use super::nodes::Builder;
use super::{EdgeKind, Graph, Node, NodeKind, ProgrammeInfo};

/// The graph of the nodes and edges found.
pub(super) fn finish(b: Builder<'_>, found: Edges, cat: &Catalogue<'_>) -> Graph {
    let granularity = b.granularity;
    let Edges {
        mut edges,
        mut unresolved,
    } = found;
    let (programme_ids, programme_names) = (&cat.programme_ids, &cat.programme_names);
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
            (i, super::super::projection::spherical_mean(&pts))
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
        themes: cat.theme_names.iter().map(|t| (*t).to_owned()).collect(),
        countries,
        unresolved,
        incident,
        lookup,
    }
}
