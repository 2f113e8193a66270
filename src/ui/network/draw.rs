//! Painting what lies behind the network (the map, pane frames, group headings) and what lies on
//! top of it (the selection and the hovered item).

use egui::epaint::{Mesh, Shape, Stroke, Vertex, WHITE_UV};
use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, StrokeKind, pos2, vec2};

use crate::analysis::network::geo::{Detail, Lines, MapGeometry};
use crate::analysis::network::projection::{LonLat, world_xy};
use crate::analysis::network::{Decoration, EdgeKind, Graph, Layout, WRect};
use crate::ui::theme;

use super::LayoutKind;
use super::cache::{Arcs, Cache};
use super::camera::Camera;
use super::mesh;
use super::scene::{Scene, node_radius, programme_colour};

/// What the background depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct BackgroundKey {
    pub layout: LayoutKind,
    pub camera: Camera,
    pub rect: Rect,
    pub dark: bool,
    pub store_generation: u64,
}

/// Screen points per degree of latitude from which the 1:50m outline is drawn (below it the
/// 1:110m outline is as sharp and several times lighter).
const FINE_PX_PER_DEGREE: f32 = 24.0;
/// World-map units per degree of latitude near the equator (Equal Earth, radius 1000).
const WORLD_UNITS_PER_DEGREE: f32 = 1000.0 * 1.340_264 * std::f32::consts::PI / 180.0;

/// Builds the background shapes (each with its clip rectangle).
pub fn background(
    cache: &mut Cache,
    key: &BackgroundKey,
    decorations: &[Decoration],
    painter: &Painter,
) -> Vec<(Rect, Shape)> {
    let mut out = Vec::new();
    let (rect, cam, dark) = (key.rect, key.camera, key.dark);
    match key.layout {
        LayoutKind::World => {
            let outline: Vec<Pos2> = (0..=36)
                .map(|k| LonLat::new(180.0, 90.0 - 5.0 * k as f64))
                .chain((0..=36).map(|k| LonLat::new(-180.0, -90.0 + 5.0 * k as f64)))
                .map(|p| cam.to_screen(rect, world_xy(p)))
                .collect();
            out.push((
                rect,
                Shape::convex_polygon(
                    outline,
                    theme::map_water(dark),
                    Stroke::new(1.0, theme::map_coast(dark)),
                ),
            ));
            let detail = if cam.zoom * WORLD_UNITS_PER_DEGREE >= FINE_PX_PER_DEGREE {
                Detail::Fine
            } else {
                Detail::Coarse
            };
            let geometry = cache.world_geometry(detail);
            out.extend(
                map_shapes(geometry, cam, rect, rect, dark)
                    .into_iter()
                    .map(|s| (rect, s)),
            );
        }
        LayoutKind::Regions => {
            let panes = cache.panes().to_vec();
            for (i, pane) in panes.iter().enumerate() {
                let min = cam.to_screen(rect, pane.rect.min);
                let max = cam.to_screen(rect, pane.rect.max);
                let screen = Rect::from_min_max(min, max);
                let clip = screen.intersect(rect);
                if !clip.is_positive() {
                    continue;
                }
                out.push((
                    clip,
                    Shape::rect_filled(screen, CornerRadius::ZERO, theme::map_water(dark)),
                ));
                let px_per_degree = pane.rect.size()[1]
                    / (pane.bounds.north - pane.bounds.south).max(1e-6) as f32
                    * cam.zoom;
                let detail = if px_per_degree >= FINE_PX_PER_DEGREE {
                    Detail::Fine
                } else {
                    Detail::Coarse
                };
                if let Some(geometry) = cache.pane_geometry(i, detail) {
                    out.extend(
                        map_shapes(geometry, cam, rect, clip, dark)
                            .into_iter()
                            .map(|s| (clip, s)),
                    );
                }
                out.push((
                    rect,
                    Shape::rect_stroke(
                        screen,
                        CornerRadius::ZERO,
                        Stroke::new(1.0, theme::map_coast(dark)),
                        StrokeKind::Outside,
                    ),
                ));
                let title = pane_title(painter, &pane.title, dark);
                let at = screen.min + PANE_TITLE_OFFSET;
                out.push((clip, Shape::galley(at, title, text_colour(dark))));
            }
        }
        LayoutKind::Schematic | LayoutKind::Institutions => {}
    }
    for d in decorations {
        if let Decoration::Heading {
            text,
            pos,
            align_right,
        } = d
        {
            let p = cam.to_screen(rect, *pos);
            let galley = painter.layout_no_wrap(
                text.clone(),
                FontId::proportional(13.5),
                text_colour(dark).gamma_multiply(0.8),
            );
            let align = if *align_right {
                Align2::RIGHT_TOP
            } else {
                Align2::LEFT_TOP
            };
            let r = align.anchor_size(p, galley.size());
            out.push((rect, Shape::galley(r.min, galley, text_colour(dark))));
        }
    }
    out
}

fn text_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(225)
    } else {
        Color32::from_gray(35)
    }
}

/// Land, coastlines and borders in one mesh each, culled to `view`.
fn map_shapes(g: &MapGeometry, cam: Camera, rect: Rect, visible: Rect, dark: bool) -> Vec<Shape> {
    let mut land = Mesh::default();
    let colour = theme::map_land(dark);
    let view = cam.visible(visible.expand(8.0));
    for part in g.land.parts.iter().filter(|p| p.bounds.intersects(&view)) {
        let base = land.vertices.len() as u32;
        let vertices = &g.land.vertices[part.first_vertex as usize..part.end_vertex as usize];
        land.vertices.extend(vertices.iter().map(|p| Vertex {
            pos: cam.to_screen(rect, *p),
            uv: WHITE_UV,
            color: colour,
        }));
        let indices = &g.land.indices[part.first_index as usize..part.end_index as usize];
        land.indices
            .extend(indices.iter().map(|i| i - part.first_vertex + base));
    }
    let mut lines = Mesh::default();
    let screen = visible.expand(8.0);
    draw_lines(
        &g.borders,
        cam,
        rect,
        screen,
        0.7,
        theme::map_border(dark),
        &mut lines,
    );
    draw_lines(
        &g.coast,
        cam,
        rect,
        screen,
        0.9,
        theme::map_coast(dark),
        &mut lines,
    );
    vec![Shape::mesh(land), Shape::mesh(lines)]
}

/// Polylines on screen: points closer than two points to the last one drawn are
/// skipped (a 1:50m coast at world zoom has many points per pixel), and segments off screen
/// are dropped.
fn draw_lines(
    lines: &Lines,
    cam: Camera,
    rect: Rect,
    screen: Rect,
    width: f32,
    colour: Color32,
    m: &mut Mesh,
) {
    let view = cam.visible(screen);
    let mut run: Vec<Pos2> = Vec::new();
    for (line, b) in lines.lines.iter().zip(&lines.bounds) {
        let b = WRect {
            min: [b.min[0] - 1e-3, b.min[1] - 1e-3],
            max: [b.max[0] + 1e-3, b.max[1] + 1e-3],
        };
        if !b.intersects(&view) {
            continue;
        }
        run.clear();
        let mut last: Option<Pos2> = None;
        for (k, p) in line.iter().enumerate() {
            let s = cam.to_screen(rect, *p);
            let Some(l) = last else {
                last = Some(s);
                continue;
            };
            if (s - l).length_sq() < 4.0 && k + 1 < line.len() {
                continue;
            }
            if Rect::from_two_pos(l, s).intersects(screen) {
                if run.is_empty() {
                    run.push(l);
                }
                run.push(s);
            } else if !run.is_empty() {
                mesh::polyline(m, &run, width, colour);
                run.clear();
            }
            last = Some(s);
        }
        mesh::polyline(m, &run, width, colour);
    }
}

/// What to emphasise on top of the scene.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Emphasis {
    /// Nodes with a ring.
    pub nodes: Vec<usize>,
    /// Links drawn thick with a halo.
    pub edges: Vec<usize>,
}

/// The screen polyline of an edge: from the scene if it drew it, else computed.
pub fn edge_path(
    scene: &Scene,
    graph: &Graph,
    layout: &Layout,
    arcs: Option<&Arcs>,
    cam: Camera,
    rect: Rect,
    i: usize,
) -> Vec<Pos2> {
    if let Ok(k) = scene.edges.binary_search_by_key(&(i as u32), |d| d.index) {
        let d = scene.edges[k];
        return scene.path_points[d.start as usize..d.end as usize].to_vec();
    }
    if let Some(a) = arcs {
        return a
            .of(i)
            .iter()
            .map(|p| {
                if p[0].is_nan() {
                    pos2(f32::NAN, f32::NAN)
                } else {
                    cam.to_screen(rect, *p)
                }
            })
            .collect();
    }
    let Some(e) = graph.edges.get(i) else {
        return Vec::new();
    };
    match (
        layout.positions[e.from as usize],
        layout.positions[e.to as usize],
    ) {
        (Some(a), Some(b)) => vec![cam.to_screen(rect, a), cam.to_screen(rect, b)],
        _ => Vec::new(),
    }
}

/// Paints the selection (`strong`) and the hovered item (`soft`) over the scene.
#[allow(clippy::too_many_arguments)]
pub fn emphasis(
    painter: &Painter,
    scene: &Scene,
    graph: &Graph,
    layout: &Layout,
    arcs: Option<&Arcs>,
    cam: Camera,
    rect: Rect,
    what: &Emphasis,
    strong: bool,
    dark: bool,
) {
    let mut m = Mesh::default();
    for &i in &what.edges {
        let Some(e) = graph.edges.get(i) else {
            continue;
        };
        let path = edge_path(scene, graph, layout, arcs, cam, rect, i);
        let colour = match e.kind {
            EdgeKind::Pair | EdgeKind::Cohort => programme_colour(e.programme),
            _ => theme::NETWORK_COHORT,
        };
        if strong {
            mesh::polyline(
                &mut m,
                &path,
                8.0,
                theme::NETWORK_SELECTION.gamma_multiply(0.45),
            );
        }
        let width = if strong { 3.4 } else { 3.0 };
        if e.kind == EdgeKind::Cohort {
            mesh::dashed(&mut m, &path, width, colour, 7.0, 4.0);
        } else {
            mesh::polyline(&mut m, &path, width, colour);
        }
    }
    painter.add(Shape::mesh(m));
    let ring = if strong {
        Stroke::new(2.6, theme::NETWORK_SELECTION)
    } else {
        Stroke::new(1.8, text_colour(dark))
    };
    for &i in &what.nodes {
        let (pos, r) = match scene.nodes.binary_search_by_key(&(i as u32), |n| n.index) {
            Ok(k) => (scene.nodes[k].pos, scene.nodes[k].radius),
            Err(_) => {
                let Some(Some(p)) = layout.positions.get(i) else {
                    continue;
                };
                (
                    cam.to_screen(rect, *p),
                    graph.nodes.get(i).map_or(5.0, |n| node_radius(n, false)),
                )
            }
        };
        if rect.expand(20.0).contains(pos) {
            painter.circle_stroke(pos, r + 3.5, ring);
        }
    }
}

/// Where a pane's title sits, from the pane's top-left corner.
const PANE_TITLE_OFFSET: egui::Vec2 = vec2(10.0, 8.0);

fn pane_title(painter: &egui::Painter, title: &str, dark: bool) -> std::sync::Arc<egui::Galley> {
    painter.layout_no_wrap(
        title.to_owned(),
        FontId::proportional(15.0),
        text_colour(dark),
    )
}

/// The screen rectangles of the two-region map's pane titles ("Europe", "Korea"): labels keep
/// off them.
pub(super) fn pane_title_rects(
    painter: &egui::Painter,
    panes: &[crate::analysis::network::layout_map::Pane],
    cam: Camera,
    rect: Rect,
) -> Vec<Rect> {
    panes
        .iter()
        .map(|pane| {
            let at = cam.to_screen(rect, pane.rect.min) + PANE_TITLE_OFFSET;
            let size = pane_title(painter, &pane.title, true).size();
            Rect::from_min_size(at, size).expand(2.0)
        })
        .collect()
}
