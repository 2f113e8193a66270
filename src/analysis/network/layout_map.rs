//! Geographic layouts: the world map (Equal Earth, great-circle links) and the two-region
//! arrangement (a Europe pane and a Korea pane side by side, each zoomed to its cities).

use super::geo::{self, Detail, LonLatBox, MapGeometry};
use super::graph::{Graph, NodeKind, Side};
use super::layout::{Decoration, LabelSide, Layout, WRect};
use super::projection::{self, LocalProjection, LonLat};

/// Places every node at its real position on the world map; cohort hubs at the spherical
/// middle of their members. Nodes with no known position are left out.
pub fn world_layout(graph: &Graph) -> Layout {
    Layout {
        positions: graph
            .nodes
            .iter()
            .map(|n| n.position.map(projection::world_xy))
            .collect(),
        label_side: graph
            .nodes
            .iter()
            .map(|n| {
                if n.kind == NodeKind::CohortHub {
                    LabelSide::Below
                } else {
                    LabelSide::Right
                }
            })
            .collect(),
        decorations: Vec::new(),
    }
}

/// The world outline in world-map units.
pub fn world_geometry(detail: Detail) -> MapGeometry {
    geo::build_geometry(geo::outlines(detail), None, projection::world_xy)
}

/// The great-circle path of a link on the world map, in world units, split where it crosses
/// the antimeridian (each part is a separate polyline).
pub fn world_arc(a: LonLat, b: LonLat, segments: usize) -> Vec<Vec<[f32; 2]>> {
    let path = projection::great_circle(a, b, segments);
    let mut parts: Vec<Vec<[f32; 2]>> = vec![Vec::new()];
    for (i, p) in path.iter().enumerate() {
        if i > 0 && (p.lon - path[i - 1].lon).abs() > 180.0 {
            // Split at the seam: finish this part at the edge and start the next at the other.
            let q = path[i - 1];
            let east = if q.lon > 0.0 { 180.0 } else { -180.0 };
            let span = (180.0 - q.lon.abs()) + (180.0 - p.lon.abs());
            let t = if span > 0.0 {
                (180.0 - q.lon.abs()) / span
            } else {
                0.5
            };
            let lat = q.lat + t * (p.lat - q.lat);
            if let Some(last) = parts.last_mut() {
                last.push(projection::world_xy(LonLat::new(east, lat)));
            }
            parts.push(vec![projection::world_xy(LonLat::new(-east, lat))]);
        }
        if let Some(last) = parts.last_mut() {
            last.push(projection::world_xy(*p));
        }
    }
    parts.retain(|p| p.len() >= 2);
    parts
}

/// One pane of the two-region arrangement.
#[derive(Clone, Debug, PartialEq)]
pub struct Pane {
    /// "Europe" or "Korea".
    pub title: String,
    /// The region it shows.
    pub bounds: LonLatBox,
    /// Its place in world units.
    pub rect: WRect,
    projection: LocalProjection,
    scale: f32,
    origin: [f32; 2],
}

impl Pane {
    /// A position inside the pane, in world units.
    pub fn to_world(&self, p: LonLat) -> [f32; 2] {
        let [x, y] = self.projection.project(p);
        [
            self.origin[0] + x as f32 * self.scale,
            self.origin[1] + y as f32 * self.scale,
        ]
    }

    /// The pane's outline, clipped to its region, in world units.
    pub fn geometry(&self, detail: Detail) -> MapGeometry {
        geo::build_geometry(geo::outlines(detail), Some(self.bounds), |p| {
            self.to_world(p)
        })
    }
}

/// World units of a pane's height.
const PANE_HEIGHT: f32 = 1000.0;

/// The region a pane shows: the box of its cities, padded, at least `min_span` degrees of
/// latitude tall, and no more than twice as wide as tall (or the reverse).
fn pane_bounds(points: &[LonLat], fallback: LonLatBox, min_span: f64) -> LonLatBox {
    if points.is_empty() {
        return fallback;
    }
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        w = w.min(p.lon);
        e = e.max(p.lon);
        s = s.min(p.lat);
        n = n.max(p.lat);
    }
    let centre = LonLat::new((w + e) / 2.0, (s + n) / 2.0);
    let cos = centre.lat.to_radians().cos().max(0.2);
    // Work in "shape" degrees (longitude shrunk by the cosine) so the aspect limit is true.
    let mut half_w = ((e - w) / 2.0 * cos).max(0.0) * 1.18 + 0.15 * min_span;
    let mut half_h = ((n - s) / 2.0).max(0.0) * 1.18 + 0.15 * min_span;
    half_h = half_h.max(min_span / 2.0);
    half_w = half_w.max(min_span / 2.0);
    half_w = half_w.max(half_h * 0.6);
    half_h = half_h.max(half_w / 1.8);
    LonLatBox {
        west: (centre.lon - half_w / cos).max(-179.9),
        east: (centre.lon + half_w / cos).min(179.9),
        south: (centre.lat - half_h).max(-85.0),
        north: (centre.lat + half_h).min(85.0),
    }
}

/// The two-region arrangement: partner-side places in a Europe pane on the left, Korean places
/// in a Korea pane on the right, each zoomed to its cities, cohort hubs in the gap between.
pub fn regions_layout(graph: &Graph) -> (Layout, Vec<Pane>) {
    let side_points = |side: Side| -> Vec<LonLat> {
        graph
            .nodes
            .iter()
            .filter(|n| n.side == side)
            .filter_map(|n| n.position)
            .collect()
    };
    let europe = pane_bounds(
        &side_points(Side::Partner),
        LonLatBox {
            west: -12.0,
            south: 35.0,
            east: 32.0,
            north: 64.0,
        },
        8.0,
    );
    let korea = pane_bounds(
        &side_points(Side::Korea),
        LonLatBox {
            west: 124.5,
            south: 33.0,
            east: 130.0,
            north: 38.8,
        },
        3.0,
    );
    let mut panes = Vec::new();
    let mut x = 0.0;
    for (title, bounds) in [("Europe", europe), ("Korea", korea)] {
        let projection = LocalProjection::new(bounds.centre());
        let nw = projection.project(LonLat::new(bounds.west, bounds.north));
        let se = projection.project(LonLat::new(bounds.east, bounds.south));
        let (w, h) = ((se[0] - nw[0]) as f32, (se[1] - nw[1]) as f32);
        let scale = PANE_HEIGHT / h.max(1e-3);
        let width = w * scale;
        let rect = WRect {
            min: [x, 0.0],
            max: [x + width, PANE_HEIGHT],
        };
        panes.push(Pane {
            title: title.to_owned(),
            bounds,
            rect,
            projection,
            scale,
            origin: [x + width / 2.0, PANE_HEIGHT / 2.0],
        });
        x += width + PANE_HEIGHT * 0.45;
    }
    let hubs: Vec<usize> = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::CohortHub)
        .map(|(i, _)| i)
        .collect();
    let gap_x = (panes[0].rect.max[0] + panes[1].rect.min[0]) / 2.0;
    let mut positions = vec![None; graph.nodes.len()];
    for (i, n) in graph.nodes.iter().enumerate() {
        positions[i] = match (n.side, n.position) {
            (Side::Korea, Some(p)) => Some(panes[1].to_world(p)),
            (Side::Partner, Some(p)) => Some(panes[0].to_world(p)),
            _ => None,
        };
    }
    for (k, &i) in hubs.iter().enumerate() {
        let y = PANE_HEIGHT * (k as f32 + 1.0) / (hubs.len() as f32 + 1.0);
        positions[i] = Some([gap_x, y]);
    }
    let label_side = graph
        .nodes
        .iter()
        .map(|n| {
            if n.kind == NodeKind::CohortHub {
                LabelSide::Below
            } else {
                LabelSide::Right
            }
        })
        .collect();
    let decorations = panes
        .iter()
        .map(|p| Decoration::Pane {
            title: p.title.clone(),
            rect: p.rect,
        })
        .collect();
    (
        Layout {
            positions,
            label_side,
            decorations,
        },
        panes,
    )
}

#[cfg(test)]
mod tests {
    use super::super::graph::Granularity;
    use super::super::test_store::sample_store;
    use super::*;

    #[test]
    fn the_world_layout_puts_korea_east_of_europe_and_the_hub_between() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let l = world_layout(&g);
        let at = |id: &str| g.node_of(id).and_then(|i| l.positions[i]);
        let (Some(belfast), Some(sejong), Some(hub)) = (
            at("place-belfast"),
            at("place-sejong"),
            at("cohort-world-cities"),
        ) else {
            panic!("missing positions")
        };
        assert!(belfast[0] < hub[0] && hub[0] < sejong[0]);
        assert_eq!(
            l.placed(),
            g.nodes.len(),
            "every sample node has a position"
        );
    }

    #[test]
    fn each_region_pane_contains_its_own_cities_and_the_panes_do_not_overlap() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let (l, panes) = regions_layout(&g);
        assert_eq!(panes.len(), 2);
        assert!(!panes[0].rect.intersects(&panes[1].rect));
        for (i, n) in g.nodes.iter().enumerate() {
            let Some(p) = l.positions[i] else {
                panic!("{} not placed", n.key)
            };
            let pane = match n.side {
                Side::Partner => &panes[0],
                Side::Korea => &panes[1],
                Side::Between => {
                    assert!(p[0] > panes[0].rect.max[0] && p[0] < panes[1].rect.min[0]);
                    continue;
                }
            };
            let r = pane.rect;
            assert!(
                (r.min[0]..=r.max[0]).contains(&p[0]) && (r.min[1]..=r.max[1]).contains(&p[1]),
                "{} at {p:?} outside {r:?}",
                n.key
            );
        }
    }

    #[test]
    fn the_korea_pane_is_zoomed_far_closer_than_the_world_map() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let (l, _) = regions_layout(&g);
        let world = world_layout(&g);
        let span = |l: &Layout, a: &str, b: &str| {
            let (Some(p), Some(q)) = (
                g.node_of(a).and_then(|i| l.positions[i]),
                g.node_of(b).and_then(|i| l.positions[i]),
            ) else {
                panic!("missing")
            };
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
        };
        let here =
            span(&l, "place-seoul", "place-busan") / span(&l, "place-belfast", "place-tampere");
        let world = span(&world, "place-seoul", "place-busan")
            / span(&world, "place-belfast", "place-tampere");
        assert!(
            world < 0.25,
            "on the world map Seoul–Busan is a sliver: {world}"
        );
        assert!(
            here > 3.0 * world,
            "the Korea pane zooms in: {here} vs {world}"
        );
    }

    #[test]
    fn an_arc_across_the_pacific_is_split_at_the_antimeridian() {
        let parts = world_arc(LonLat::new(126.98, 37.57), LonLat::new(-122.42, 37.77), 32);
        assert_eq!(
            parts.len(),
            2,
            "Seoul to San Francisco crosses the seam once"
        );
        let belfast_sejong = world_arc(LonLat::new(-5.93, 54.6), LonLat::new(127.29, 36.59), 16);
        assert_eq!(belfast_sejong.len(), 1);
        assert_eq!(belfast_sejong[0].len(), 17);
    }

    #[test]
    fn pane_geometry_has_land_in_both_regions() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let (_, panes) = regions_layout(&g);
        for pane in &panes {
            let geometry = pane.geometry(Detail::Coarse);
            assert!(!geometry.land.indices.is_empty(), "{} has land", pane.title);
            let r = pane.rect;
            let inside = geometry.land.vertices.iter().all(|v| {
                v[0] >= r.min[0] - 1.0
                    && v[0] <= r.max[0] + 1.0
                    && v[1] >= r.min[1] - 1.0
                    && v[1] <= r.max[1] + 1.0
            });
            assert!(inside, "{}: land clipped to the pane", pane.title);
        }
    }
}
