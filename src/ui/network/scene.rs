//! One picture of the network for a camera: links as one mesh (bundled when there are too many
//! to draw one by one, `scene_edges.rs`), nodes, labels (`scene_labels.rs`), note markers, plus
//! what hit-testing and accessibility need (where each visible node and link ended up on screen).
//!
//! Building a scene is the expensive part of a frame, so the view keeps the last one and
//! rebuilds it only when its [`SceneKey`] changes (camera, filter, layout, names …): a frame in
//! which nothing moved costs a few clones.

use std::collections::HashMap;

use egui::epaint::{Mesh, Shape, Stroke};
use egui::{Color32, CornerRadius, Pos2, Rect, pos2, vec2};

use crate::analysis::network::bundles::Pyramid;
use crate::analysis::network::filter::EdgeState;
use crate::analysis::network::{Graph, Layout, NameStyle, Node, NodeKind};
use crate::ui::theme;

use super::cache::Arcs;
use super::camera::Camera;
use super::mesh;

pub use super::scene_edges::PyramidKey;
pub(super) use super::scene_states::{node_states, node_states_key, node_states_key_of};

/// Above this many drawable links on screen, links are bundled.
pub const MAX_INDIVIDUAL_EDGES: usize = 3000;
/// Bundles are merged (coarser cells) until there are at most this many.
pub const MAX_BUNDLES: usize = 5000;
/// Above this many visible nodes, nodes are drawn as small squares in one mesh.
pub const MAX_DETAILED_NODES: usize = 2500;
/// At most this many labels are tried per frame (most important first).
pub const MAX_LABEL_CANDIDATES: usize = 160;

/// How a node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeState {
    /// Not drawn (outside the filter, with "hide" chosen).
    Hidden,
    /// No link drawn (none in the store, or none started by the chosen year): hollow.
    Idle,
    /// Only faded links: faded.
    Faded,
    /// At least one link inside the filter.
    Shown,
}

/// The radius of a node in screen points (and in force-layout world units).
pub fn node_radius(node: &Node, low_detail: bool) -> f32 {
    let p = node.partnerships as f32;
    if low_detail {
        return (1.3 + 0.5 * p.sqrt()).min(4.0);
    }
    match node.kind {
        NodeKind::CohortHub => 7.5,
        NodeKind::Country => (5.0 + 2.0 * p.sqrt()).min(14.0),
        NodeKind::Place | NodeKind::Organisation => {
            if node.partnerships + node.cohorts == 0 {
                3.5
            } else {
                (4.5 + 2.2 * p.sqrt()).min(16.0)
            }
        }
    }
}

/// Everything that decides what a scene looks like; equal keys give equal scenes.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneKey {
    pub store_generation: u64,
    pub states_generation: u64,
    pub layout: super::LayoutKind,
    pub layout_version: u64,
    pub camera: Camera,
    pub rect: Rect,
    pub names: NameStyle,
    pub show_labels: bool,
    pub hide_outside: bool,
    pub show_unlinked: bool,
    pub dark: bool,
    pub obstacles: Vec<Rect>,
    pub noted: u64,
}

/// A node as drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VisibleNode {
    /// Index into the graph's nodes.
    pub index: u32,
    /// Screen position.
    pub pos: Pos2,
    /// Screen radius.
    pub radius: f32,
    /// How it is drawn.
    pub state: NodeState,
}

/// A link as drawn (one by one, not bundled): its screen polyline is
/// `Scene::path_points[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnEdge {
    /// Index into the graph's edges.
    pub index: u32,
    /// First point.
    pub start: u32,
    /// One past the last point.
    pub end: u32,
    /// Inside the filter (interactive) or faded.
    pub shown: bool,
}

/// A built picture.
#[derive(Default)]
pub struct Scene {
    /// Shapes to paint, in order.
    pub shapes: Vec<Shape>,
    /// Nodes on screen, in node order.
    pub nodes: Vec<VisibleNode>,
    /// Per graph node: how it is drawn.
    pub node_state: std::sync::Arc<Vec<NodeState>>,
    /// Links drawn one by one (empty when bundled).
    pub edges: Vec<DrawnEdge>,
    /// Screen points of [`Self::edges`].
    pub path_points: Vec<Pos2>,
    /// When bundled: (links on screen, bundles drawn).
    pub bundled: Option<(usize, usize)>,
    /// Labels placed / tried.
    pub labels: (usize, usize),
    /// Each drawn label: its node and its rectangle.
    pub label_rects: Vec<(u32, Rect)>,
}

/// The inputs of a scene.
pub struct SceneInput<'a> {
    pub graph: &'a Graph,
    pub layout: &'a Layout,
    pub arcs: Option<&'a Arcs>,
    pub states: &'a [EdgeState],
    pub priority: &'a [u32],
    pub node_colours: &'a [Color32],
    pub noted: &'a std::collections::BTreeSet<String>,
    pub key: &'a SceneKey,
}

/// The colour of each programme's links (by programme index).
pub fn programme_colour(i: Option<u32>) -> Color32 {
    i.map_or(theme::NETWORK_COHORT, |i| theme::categorical(i as usize))
}

/// Node colours by graph node: Korea red, EU blue, partner countries from the muted palette
/// in country-code order, cohort hubs grey.
pub fn node_colours(graph: &Graph) -> Vec<Color32> {
    let mut k = 0;
    let by_country: HashMap<&str, Color32> = graph
        .countries
        .iter()
        .map(|c| {
            let colour = match c.as_str() {
                "KR" => theme::KOREA,
                "KP" => theme::KOREA.gamma_multiply(0.7),
                crate::analysis::countries::EU => theme::EUROPE,
                _ => {
                    k += 1;
                    theme::country_colour(k - 1)
                }
            };
            (c.as_str(), colour)
        })
        .collect();
    graph
        .nodes
        .iter()
        .map(|n| {
            if n.kind == NodeKind::CohortHub {
                theme::NETWORK_COHORT
            } else {
                by_country
                    .get(n.country.as_str())
                    .copied()
                    .unwrap_or(theme::NETWORK_COHORT)
            }
        })
        .collect()
}

pub(super) fn faded(c: Color32) -> Color32 {
    let [r, g, b, _] = c.to_srgba_unmultiplied();
    Color32::from_rgba_unmultiplied(r, g, b, theme::NETWORK_FADED_ALPHA)
}

/// Builds the scene. `painter` lays out label text; `pyramid` keeps the bundles of dense
/// networks between scenes.
pub fn build(
    input: &SceneInput<'_>,
    pyramid: &mut Option<(PyramidKey, Pyramid)>,
    states_cache: &mut Option<(PyramidKey, std::sync::Arc<Vec<NodeState>>)>,
    painter: &egui::Painter,
) -> Scene {
    let SceneInput {
        graph, layout, key, ..
    } = *input;
    let rect = key.rect;
    let cam = key.camera;
    let view = cam.visible(rect.expand(20.0));
    // Node states change with the filter, not the camera: keep them with the pyramid.
    let skey = node_states_key(key);
    let node_state = match states_cache.as_ref() {
        Some((k, s)) if *k == skey => s.clone(),
        _ => {
            let s = std::sync::Arc::new(node_states(
                graph,
                input.states,
                key.hide_outside,
                key.show_unlinked,
            ));
            *states_cache = Some((skey, s.clone()));
            s
        }
    };
    let mut scene = Scene {
        node_state,
        ..Scene::default()
    };

    // Nodes on screen.
    let mut on_screen: Vec<(u32, Pos2)> = Vec::new();
    for (i, p) in layout.positions.iter().enumerate() {
        let Some(p) = p else { continue };
        if scene.node_state[i] == NodeState::Hidden {
            continue;
        }
        if p[0] < view.min[0] || p[0] > view.max[0] || p[1] < view.min[1] || p[1] > view.max[1] {
            continue;
        }
        on_screen.push((i as u32, cam.to_screen(rect, *p)));
    }
    let low_detail = on_screen.len() > MAX_DETAILED_NODES;
    super::scene_edges::build_edges(input, &mut scene, pyramid, view);
    build_nodes(input, &mut scene, &on_screen, low_detail);
    if key.show_labels {
        super::scene_labels::build_labels(input, &mut scene, painter, low_detail);
    }
    scene
}

fn build_nodes(
    input: &SceneInput<'_>,
    scene: &mut Scene,
    on_screen: &[(u32, Pos2)],
    low_detail: bool,
) {
    let SceneInput {
        graph,
        key,
        node_colours,
        noted,
        ..
    } = *input;
    let dark = key.dark;
    let outline = if dark {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    };
    let mut squares = Mesh::default();
    let mut shapes: Vec<Shape> = Vec::new();
    // Idle and faded nodes first, shown ones on top; bigger nodes under smaller ones.
    let mut order: Vec<&(u32, Pos2)> = on_screen.iter().collect();
    // At low detail the order hardly shows; skip the sort.
    if !low_detail {
        order.sort_by(|a, b| {
            let (sa, sb) = (
                scene.node_state[a.0 as usize],
                scene.node_state[b.0 as usize],
            );
            let (na, nb) = (&graph.nodes[a.0 as usize], &graph.nodes[b.0 as usize]);
            sa.cmp(&sb)
                .then(nb.partnerships.cmp(&na.partnerships))
                .then(a.0.cmp(&b.0))
        });
    }
    // At low detail, one square per three-point cell of the screen: many thousand places share a
    // few pixels at world zoom, and drawing each would only cost time.
    let rect = key.rect;
    const CELL: f32 = 3.0;
    let (gw, gh) = (
        (rect.width() / CELL).ceil() as usize + 1,
        (rect.height() / CELL).ceil() as usize + 1,
    );
    let mut taken = if low_detail {
        vec![0u64; (gw * gh).div_ceil(64)]
    } else {
        Vec::new()
    };
    for &&(i, p) in &order {
        let node = &graph.nodes[i as usize];
        let state = scene.node_state[i as usize];
        let r = node_radius(node, low_detail);
        let base = node_colours
            .get(i as usize)
            .copied()
            .unwrap_or(theme::NETWORK_COHORT);
        let colour = if state == NodeState::Faded {
            faded(base)
        } else {
            base
        };
        scene.nodes.push(VisibleNode {
            index: i,
            pos: p,
            radius: r,
            state,
        });
        if low_detail {
            let (cx, cy) = ((p.x - rect.min.x) / CELL, (p.y - rect.min.y) / CELL);
            if cx >= 0.0 && cy >= 0.0 && (cx as usize) < gw && (cy as usize) < gh {
                let bit = cy as usize * gw + cx as usize;
                if taken[bit / 64] & (1 << (bit % 64)) != 0 {
                    continue;
                }
                taken[bit / 64] |= 1 << (bit % 64);
            }
            mesh::square(&mut squares, p, r, colour);
            continue;
        }
        let stroke = Stroke::new(
            1.2,
            if state == NodeState::Faded {
                faded(outline)
            } else {
                outline
            },
        );
        match (node.kind, state) {
            (_, NodeState::Idle) => {
                shapes.push(Shape::circle_filled(p, r, outline.gamma_multiply(0.8)));
                shapes.push(Shape::circle_stroke(
                    p,
                    r,
                    Stroke::new(1.3, base.gamma_multiply(0.8)),
                ));
            }
            (NodeKind::CohortHub, _) => {
                let pts = vec![
                    pos2(p.x, p.y - r),
                    pos2(p.x + r, p.y),
                    pos2(p.x, p.y + r),
                    pos2(p.x - r, p.y),
                ];
                shapes.push(Shape::convex_polygon(pts, colour, stroke));
            }
            (NodeKind::Country, _) => {
                let rr = Rect::from_center_size(p, vec2(2.0 * r, 2.0 * r));
                shapes.push(Shape::rect_filled(rr, CornerRadius::same(3), colour));
                shapes.push(Shape::rect_stroke(
                    rr,
                    CornerRadius::same(3),
                    stroke,
                    egui::StrokeKind::Outside,
                ));
            }
            (NodeKind::Place, _)
                if graph.granularity == crate::analysis::network::Granularity::Institutions
                    && node.partnerships + node.cohorts == 0 =>
            {
                // Cities in the institutions graph are context: a ring, not a disc.
                shapes.push(Shape::circle_filled(p, r, outline));
                shapes.push(Shape::circle_stroke(p, r - 0.8, Stroke::new(2.0, colour)));
            }
            _ => {
                shapes.push(Shape::circle_filled(p, r, colour));
                shapes.push(Shape::circle_stroke(p, r, stroke));
            }
        }
        if !noted.is_empty() && node.records.iter().any(|r| noted.contains(r)) {
            let c = p + vec2(r * 0.75, -r * 0.75);
            shapes.push(Shape::circle_filled(c, 3.2, theme::NOTE));
            shapes.push(Shape::circle_stroke(c, 3.2, Stroke::new(1.0, outline)));
        }
    }
    scene.nodes.sort_by_key(|n| n.index);
    if low_detail {
        scene.shapes.push(Shape::mesh(squares));
    }
    // Note markers on links.
    if !noted.is_empty() {
        for d in &scene.edges {
            let e = &graph.edges[d.index as usize];
            if d.shown
                && noted.contains(&e.record)
                && let Some(mid) = midpoint(&scene.path_points[d.start as usize..d.end as usize])
            {
                shapes.push(Shape::circle_filled(mid, 3.2, theme::NOTE));
                shapes.push(Shape::circle_stroke(mid, 3.2, Stroke::new(1.0, outline)));
            }
        }
    }
    scene.shapes.extend(shapes);
}

/// The point halfway along a polyline (by length), skipping breaks.
pub fn midpoint(points: &[Pos2]) -> Option<Pos2> {
    let seg = |w: &[Pos2]| {
        if w[0].is_finite() && w[1].is_finite() {
            (w[1] - w[0]).length()
        } else {
            0.0
        }
    };
    let total: f32 = points.windows(2).map(seg).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let l = seg(w);
        if l > 0.0 && left <= l {
            return Some(w[0] + (w[1] - w[0]) * (left / l));
        }
        left -= l;
    }
    points.iter().copied().find(|p| p.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_size_grows_with_partnerships_and_is_capped() {
        let mut n = Node {
            key: "place-x".into(),
            kind: NodeKind::Place,
            name: "X".into(),
            name_ko: None,
            aliases: Vec::new(),
            country: "GB".into(),
            side: crate::analysis::network::Side::Partner,
            position: None,
            approximate: false,
            records: Vec::new(),
            partnerships: 1,
            cohorts: 0,
            population: None,
        };
        let one = node_radius(&n, false);
        n.partnerships = 4;
        let four = node_radius(&n, false);
        n.partnerships = 400;
        assert!(one < four && node_radius(&n, false) <= 16.0);
        assert!(node_radius(&n, true) <= 4.0);
    }

    #[test]
    fn the_midpoint_of_a_polyline_is_halfway_along_it() {
        let m = midpoint(&[pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 30.0)]);
        assert_eq!(m, Some(pos2(10.0, 10.0)));
    }
}
