//! The schematic: partner-side places on the left, grouped by country, Korean places on the
//! right, each column ordered north to south; cohort hubs in the middle. The clearest picture of
//! who is paired with whom.

use std::collections::BTreeMap;

use super::graph::{Graph, NodeKind, Side};
use super::layout::{Decoration, LabelSide, Layout};
use crate::analysis::countries::country_name;

/// Distance between the two columns, in world units.
pub const COLUMN_GAP: f32 = 560.0;
/// Distance between two rows.
pub const ROW: f32 = 30.0;
/// Extra space above a country group (room for its heading).
pub const GROUP_GAP: f32 = 30.0;

fn latitude(graph: &Graph, i: usize) -> f64 {
    graph.nodes[i].position.map_or(f64::MIN, |p| p.lat)
}

/// Lays out the nodes that have at least one partnership or cohort membership.
pub fn schematic_layout(graph: &Graph) -> Layout {
    let linked = |i: usize| graph.nodes[i].partnerships + graph.nodes[i].cohorts > 0;
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut korea: Vec<usize> = Vec::new();
    let mut hubs: Vec<usize> = Vec::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        if !linked(i) {
            continue;
        }
        match n.side {
            Side::Partner => groups.entry(n.country.as_str()).or_default().push(i),
            Side::Korea => korea.push(i),
            Side::Between => hubs.push(i),
        }
    }
    // North first; a country-level node closes its group; ties by key (node order).
    let order = |v: &mut Vec<usize>| {
        v.sort_by(|&a, &b| {
            let ca = graph.nodes[a].kind == NodeKind::Country;
            let cb = graph.nodes[b].kind == NodeKind::Country;
            ca.cmp(&cb)
                .then(latitude(graph, b).total_cmp(&latitude(graph, a)))
                .then(a.cmp(&b))
        });
    };
    let mut groups: Vec<(&str, Vec<usize>)> = groups.into_iter().collect();
    for (_, v) in &mut groups {
        order(v);
    }
    // Groups north to south by their mean latitude; ties by country name.
    let mean_lat = |v: &[usize]| {
        v.iter()
            .map(|&i| latitude(graph, i).max(-90.0))
            .sum::<f64>()
            / v.len() as f64
    };
    groups.sort_by(|a, b| mean_lat(&b.1).total_cmp(&mean_lat(&a.1)).then(a.0.cmp(b.0)));
    order(&mut korea);

    let mut positions = vec![None; graph.nodes.len()];
    let mut label_side = vec![LabelSide::Right; graph.nodes.len()];
    let mut decorations = Vec::new();
    let mut y = 0.0;
    for (country, members) in &groups {
        y += GROUP_GAP;
        decorations.push(Decoration::Heading {
            text: country_name(country).to_owned(),
            pos: [-14.0, y - ROW * 0.95],
            align_right: true,
        });
        for &i in members {
            positions[i] = Some([0.0, y]);
            label_side[i] = LabelSide::Left;
            y += ROW;
        }
    }
    let left_height = y;
    let right_height = GROUP_GAP + korea.len() as f32 * ROW;
    // Centre the shorter column against the taller.
    let offset = (left_height - right_height).max(0.0) / 2.0;
    let left_offset = (right_height - left_height).max(0.0) / 2.0;
    for p in positions.iter_mut().flatten() {
        p[1] += left_offset;
    }
    for d in &mut decorations {
        if let Decoration::Heading { pos, .. } = d {
            pos[1] += left_offset;
        }
    }
    let mut y = offset + GROUP_GAP;
    if !korea.is_empty() {
        decorations.push(Decoration::Heading {
            text: country_name("KR").to_owned(),
            pos: [COLUMN_GAP + 14.0, y - ROW * 0.95],
            align_right: false,
        });
    }
    for &i in &korea {
        positions[i] = Some([COLUMN_GAP, y]);
        label_side[i] = LabelSide::Right;
        y += ROW;
    }
    let height = left_height.max(right_height);
    for (k, &i) in hubs.iter().enumerate() {
        let y = height * (k as f32 + 1.0) / (hubs.len() as f32 + 1.0);
        positions[i] = Some([COLUMN_GAP / 2.0, y]);
        label_side[i] = LabelSide::Below;
    }
    Layout {
        positions,
        label_side,
        decorations,
    }
}

#[cfg(test)]
mod tests {
    use super::super::graph::Granularity;
    use super::super::test_store::sample_store;
    use super::*;

    fn pos(g: &Graph, l: &Layout, id: &str) -> [f32; 2] {
        let Some(p) = g.node_of(id).and_then(|i| l.positions[i]) else {
            panic!("{id} not placed")
        };
        p
    }

    #[test]
    fn partner_cities_are_on_the_left_and_korean_cities_on_the_right() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let l = schematic_layout(&g);
        assert_eq!(pos(&g, &l, "place-belfast")[0], 0.0);
        assert_eq!(pos(&g, &l, "place-sejong")[0], COLUMN_GAP);
        assert_eq!(pos(&g, &l, "cohort-world-cities")[0], COLUMN_GAP / 2.0);
    }

    #[test]
    fn each_column_runs_north_to_south_within_a_country() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let l = schematic_layout(&g);
        // Korea: Seoul (37.6) above Suwon (37.3) above Sejong (36.6) above Busan (35.1).
        let ys: Vec<f32> = ["place-seoul", "place-suwon", "place-sejong", "place-busan"]
            .iter()
            .map(|id| pos(&g, &l, id)[1])
            .collect();
        assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
        // United Kingdom: Glasgow above Belfast above Liverpool above Birmingham, then national.
        let uk: Vec<f32> = [
            "place-glasgow",
            "place-belfast",
            "place-liverpool-city-region",
            "place-birmingham",
            "country:GB",
        ]
        .iter()
        .map(|id| pos(&g, &l, id)[1])
        .collect();
        assert!(uk.windows(2).all(|w| w[0] < w[1]), "{uk:?}");
    }

    #[test]
    fn places_without_links_are_left_out_and_no_two_nodes_share_a_row() {
        let mut store = sample_store();
        store.partnerships.retain(|p| p.id != "pship-glasgow-daegu");
        let g = Graph::build(&store, Granularity::Cities);
        let l = schematic_layout(&g);
        let glasgow = g.node_of("place-glasgow").and_then(|i| l.positions[i]);
        assert!(glasgow.is_none(), "Glasgow has no link left");
        let mut placed: Vec<[f32; 2]> = l.positions.iter().flatten().copied().collect();
        placed.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
        assert!(placed.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn every_partner_country_gets_a_heading() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let l = schematic_layout(&g);
        let headings: Vec<&str> = l
            .decorations
            .iter()
            .filter_map(|d| match d {
                Decoration::Heading { text, .. } => Some(text.as_str()),
                Decoration::Pane { .. } => None,
            })
            .collect();
        for c in [
            "United Kingdom",
            "Spain",
            "Finland",
            "Netherlands",
            "Denmark",
            "South Korea",
        ] {
            assert!(headings.contains(&c), "{c} missing from {headings:?}");
        }
    }
}
