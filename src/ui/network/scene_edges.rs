//! The links of a scene: one mesh of polylines (stated pairs solid, cohort memberships dashed,
//! faded ones under shown ones), or, when too many are on screen to draw one by one, bundles
//! from the pyramid, each a hairline more opaque the more links it carries.

use egui::epaint::{Mesh, Shape};
use egui::{Pos2, pos2};

use crate::analysis::network::bundles::{Bundle, Pyramid};
use crate::analysis::network::filter::EdgeState;
use crate::analysis::network::{EdgeKind, Graph, Layout, WRect};
use crate::ui::theme;

use super::mesh;
use super::scene::{
    DrawnEdge, MAX_BUNDLES, MAX_INDIVIDUAL_EDGES, Scene, SceneInput, SceneKey, faded,
    programme_colour,
};

fn edge_drawable(key: &SceneKey, s: EdgeState) -> bool {
    drawable(key.hide_outside, s)
}

fn drawable(hide_outside: bool, s: EdgeState) -> bool {
    match s {
        EdgeState::Shown => true,
        EdgeState::Faded => !hide_outside,
        EdgeState::Hidden => false,
    }
}

/// Whether a layout has so many drawable links that they are drawn as bundles when all are
/// on screen (as when the camera shows the whole layout).
pub(super) fn bundles_when_all_shown(
    graph: &Graph,
    layout: &Layout,
    states: &[EdgeState],
    hide_outside: bool,
) -> bool {
    graph
        .edges
        .iter()
        .zip(states)
        .filter(|(e, s)| {
            drawable(hide_outside, **s)
                && layout.positions[e.from as usize].is_some()
                && layout.positions[e.to as usize].is_some()
        })
        .nth(MAX_INDIVIDUAL_EDGES)
        .is_some()
}

/// The bundle pyramid of a layout's drawable links (one bundle of one per link, tagged by
/// programme and state), over the layout's extent. Its levels are built on demand.
pub(super) fn pyramid_of(
    graph: &Graph,
    layout: &Layout,
    states: &[EdgeState],
    hide_outside: bool,
) -> Pyramid {
    let mut all = Vec::new();
    for (i, e) in graph.edges.iter().enumerate() {
        if !drawable(hide_outside, states[i]) {
            continue;
        }
        let (Some(a), Some(b)) = (
            layout.positions[e.from as usize],
            layout.positions[e.to as usize],
        ) else {
            continue;
        };
        let tag = (e.programme.map_or(255, |p| p.min(254)) as u16) << 1
            | u16::from(states[i] == EdgeState::Shown);
        all.push(Bundle {
            rep: i as u32,
            count: 1,
            a,
            b,
            tag,
        });
    }
    let extent = layout.bounds().unwrap_or(WRect {
        min: [0.0, 0.0],
        max: [1.0, 1.0],
    });
    Pyramid::new(all, extent)
}

/// The key under which a scene's bundle pyramid is kept.
pub(super) fn pyramid_key(key: &SceneKey) -> PyramidKey {
    pyramid_key_of(
        key.store_generation,
        key.states_generation,
        key.layout,
        key.layout_version,
        key.hide_outside,
    )
}

/// [`pyramid_key`] from its parts.
pub(super) fn pyramid_key_of(
    store_generation: u64,
    states_generation: u64,
    layout: super::LayoutKind,
    layout_version: u64,
    hide_outside: bool,
) -> PyramidKey {
    (
        store_generation,
        states_generation,
        layout,
        layout_version,
        hide_outside,
    )
}

pub(super) fn build_edges(
    input: &SceneInput<'_>,
    scene: &mut Scene,
    pyramid: &mut Option<(PyramidKey, Pyramid)>,
    view: WRect,
) {
    let SceneInput {
        graph,
        layout,
        arcs,
        states,
        key,
        ..
    } = *input;
    let (rect, cam) = (key.rect, key.camera);
    // Which links can be seen at all.
    let mut candidates: Vec<u32> = Vec::new();
    for (i, e) in graph.edges.iter().enumerate() {
        if !edge_drawable(key, states[i]) {
            continue;
        }
        let bounds = match arcs {
            Some(a) => a.bounds[i],
            None => match (
                layout.positions[e.from as usize],
                layout.positions[e.to as usize],
            ) {
                (Some(a), Some(b)) => WRect::NOTHING.union_point(a).union_point(b),
                _ => continue,
            },
        };
        if bounds.is_valid() && bounds.intersects(&view) {
            candidates.push(i as u32);
            if candidates.len() > MAX_INDIVIDUAL_EDGES {
                break; // Too many to draw one by one: bundles it is, no need to count on.
            }
        }
    }
    let mut m = Mesh::default();
    if candidates.len() > MAX_INDIVIDUAL_EDGES {
        let (links, bundles) = bundle(input, pyramid, view, &mut m);
        scene.bundled = Some((links, bundles));
        scene.shapes.push(Shape::mesh(m));
        return;
    }
    // Faded first, then shown on top.
    let mut points: Vec<Pos2> = Vec::new();
    for pass_shown in [false, true] {
        for &i in &candidates {
            let shown = states[i as usize] == EdgeState::Shown;
            if shown != pass_shown {
                continue;
            }
            let e = &graph.edges[i as usize];
            points.clear();
            match arcs {
                Some(a) => points.extend(a.of(i as usize).iter().map(|p| {
                    if p[0].is_nan() {
                        pos2(f32::NAN, f32::NAN)
                    } else {
                        cam.to_screen(rect, *p)
                    }
                })),
                None => {
                    let (Some(a), Some(b)) = (
                        layout.positions[e.from as usize],
                        layout.positions[e.to as usize],
                    ) else {
                        continue;
                    };
                    points.extend([cam.to_screen(rect, a), cam.to_screen(rect, b)]);
                }
            }
            let (Some(first), Some(last)) = (points.first(), points.last()) else {
                continue;
            };
            if (*first - *last).length() < 1.0 && points.len() <= 2 {
                continue; // Shorter than a pixel: the node covers it.
            }
            let base = match e.kind {
                EdgeKind::Pair | EdgeKind::Cohort => programme_colour(e.programme),
                EdgeKind::BasedIn | EdgeKind::PartOf => theme::NETWORK_COHORT,
            };
            let colour = if shown { base } else { faded(base) };
            match e.kind {
                EdgeKind::Pair => mesh::polyline(&mut m, &points, 2.2, colour),
                EdgeKind::Cohort => mesh::dashed(&mut m, &points, 1.6, colour, 7.0, 4.0),
                EdgeKind::BasedIn => {
                    mesh::polyline(&mut m, &points, 1.0, colour.gamma_multiply(0.7))
                }
                EdgeKind::PartOf => {
                    mesh::dashed(&mut m, &points, 1.0, colour.gamma_multiply(0.7), 2.0, 3.0)
                }
            }
            let start = scene.path_points.len() as u32;
            scene.path_points.extend_from_slice(&points);
            scene.edges.push(DrawnEdge {
                index: i,
                start,
                end: scene.path_points.len() as u32,
                shown,
            });
        }
    }
    scene.edges.sort_by_key(|e| e.index);
    scene.shapes.push(Shape::mesh(m));
}

/// The key of the bundle pyramid: it is rebuilt when any of these change.
pub type PyramidKey = (u64, u64, super::LayoutKind, u64, bool);

/// Draws many links as bundles from the pyramid (see [`crate::analysis::network::bundles`]):
/// the finest level whose cells are at least two points wide and whose bundles in view fit the
/// budget. Each bundle is one hairline, more opaque the more links it carries. Returns
/// (links, bundles drawn).
fn bundle(
    input: &SceneInput<'_>,
    pyramid: &mut Option<(PyramidKey, Pyramid)>,
    view: WRect,
    m: &mut Mesh,
) -> (usize, usize) {
    let SceneInput {
        graph,
        layout,
        arcs,
        states,
        key,
        ..
    } = *input;
    let (rect, cam) = (key.rect, key.camera);
    let pkey = pyramid_key(key);
    if pyramid.as_ref().is_none_or(|(k, _)| *k != pkey) {
        let built = pyramid_of(graph, layout, states, key.hide_outside);
        *pyramid = Some((pkey, built));
    }
    let Some((_, pyr)) = pyramid.as_mut() else {
        return (0, 0);
    };
    let (_, bundles) = pyr.choose(view, cam.zoom, 2.0, MAX_BUNDLES);
    let links = bundles.iter().map(|b| b.count as usize).sum();
    m.reserve_triangles(bundles.len() * 2 * 4);
    m.reserve_vertices(bundles.len() * 4 * 4);
    let mut pts: Vec<Pos2> = Vec::with_capacity(32);
    for b in &bundles {
        let e = &graph.edges[b.rep as usize];
        let shown = b.tag & 1 == 1;
        let alpha =
            (0.22 + 0.12 * (b.count as f32).ln()).clamp(0.22, 0.9) * if shown { 1.0 } else { 0.35 };
        let colour = programme_colour(e.programme).gamma_multiply(alpha);
        pts.clear();
        match arcs {
            Some(a) => {
                let arc = a.of(b.rep as usize);
                if arc.iter().any(|p| p[0].is_nan()) {
                    pts.extend(arc.iter().map(|p| {
                        if p[0].is_nan() {
                            pos2(f32::NAN, 0.0)
                        } else {
                            cam.to_screen(rect, *p)
                        }
                    }));
                } else {
                    // Three pieces are enough to show the curve at this density.
                    let n = arc.len().saturating_sub(1);
                    for k in 0..=3usize {
                        if let Some(p) = arc.get(k * n / 3) {
                            pts.push(cam.to_screen(rect, *p));
                        }
                    }
                }
            }
            None => pts.extend([cam.to_screen(rect, b.a), cam.to_screen(rect, b.b)]),
        }
        for w in pts.windows(2) {
            if w[0].is_finite() && w[1].is_finite() {
                mesh::hairline(m, w[0], w[1], colour);
            }
        }
    }
    (links, bundles.len())
}
