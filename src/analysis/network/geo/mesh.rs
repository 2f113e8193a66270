//! Drawable map geometry: an outline projected, clipped and triangulated into filled land,
//! coastlines and the land borders two countries share.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::super::layout::WRect;
use super::super::projection::LonLat;
use super::clip::{clip_ring, split_at_antimeridian};
use super::{Detail, LonLatBox, Outlines};

/// Filled triangles: `indices` index `vertices` three at a time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TriMesh {
    /// Vertices in world units.
    pub vertices: Vec<[f32; 2]>,
    /// Triangle corners.
    pub indices: Vec<u32>,
    /// One part per polygon: its vertex range, its index range and its bounding box, so that
    /// polygons out of view can be left out.
    pub parts: Vec<MeshPart>,
}

/// A polygon's share of a [`TriMesh`].
#[derive(Clone, Debug, PartialEq)]
pub struct MeshPart {
    /// Its vertices: `vertices[first_vertex..end_vertex]`.
    pub first_vertex: u32,
    /// One past its last vertex.
    pub end_vertex: u32,
    /// Its indices: `indices[first_index..end_index]`.
    pub first_index: u32,
    /// One past its last index.
    pub end_index: u32,
    /// Its bounding box in world units.
    pub bounds: WRect,
}

/// Polylines with their bounding boxes (for culling).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lines {
    /// Each line's points in world units.
    pub lines: Vec<Vec<[f32; 2]>>,
    /// Each line's bounding box.
    pub bounds: Vec<WRect>,
}

impl Lines {
    fn push(&mut self, line: Vec<[f32; 2]>) {
        if line.len() >= 2 {
            self.bounds
                .push(line.iter().fold(WRect::NOTHING, |r, p| r.union_point(*p)));
            self.lines.push(line);
        }
    }

    /// Number of segments in all lines.
    pub fn segments(&self) -> usize {
        self.lines.iter().map(|l| l.len().saturating_sub(1)).sum()
    }
}

/// Drawable map geometry in one projection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapGeometry {
    /// Land, filled.
    pub land: TriMesh,
    /// Coastlines.
    pub coast: Lines,
    /// Land borders between countries (what two countries' outlines share).
    pub borders: Lines,
}

/// Projects, clips (to `clip`, when given) and triangulates an outline.
///
/// Clipping happens in longitude and latitude before projecting, so a regional projection
/// never sees the far side of the world (where it would wrap).
pub fn build_geometry(
    outline: &Outlines,
    clip: Option<LonLatBox>,
    project: impl Fn(LonLat) -> [f32; 2],
) -> MapGeometry {
    let mut geometry = MapGeometry::default();
    for poly in &outline.land {
        // A polygon wholly outside the box has neither fill nor coast in it (its holes lie
        // inside its outer ring): skip it without clipping every ring of the world.
        if clip.is_some_and(|b| !overlaps(poly, &b)) {
            continue;
        }
        let rings: Vec<Vec<[f64; 2]>> = match clip {
            Some(b) => {
                // A polygon whose outer ring is clipped away has nothing left to fill, even if
                // a hole's clipped remains (the box edge) would survive.
                let mut rings = poly.rings.iter().map(|r| clip_ring(r, &b));
                match rings.next() {
                    Some(outer) if outer.len() >= 3 => std::iter::once(outer)
                        .chain(rings.filter(|r| r.len() >= 3))
                        .collect(),
                    _ => continue,
                }
            }
            None => {
                // A polygon that crosses the antimeridian (Chukotka, Fiji) would be filled
                // straight across the map: fill each side's part on its own.
                for part in split_at_antimeridian(poly) {
                    triangulate(&part.rings, &project, &mut geometry.land);
                }
                Vec::new()
            }
        };
        if !rings.is_empty() {
            triangulate(&rings, &project, &mut geometry.land);
        }
        for ring in &poly.rings {
            for line in ring_lines(ring, clip, |_, _| true) {
                geometry.coast.push(
                    line.iter()
                        .map(|p| project(LonLat::new(p[0], p[1])))
                        .collect(),
                );
            }
        }
    }
    for line in border_lines(outline, clip) {
        geometry.borders.push(
            line.iter()
                .map(|p| project(LonLat::new(p[0], p[1])))
                .collect(),
        );
    }
    geometry
}

/// Whether the bounding box of a polygon's outer ring meets the box.
fn overlaps(poly: &super::Polygon, b: &LonLatBox) -> bool {
    let Some(outer) = poly.rings.first() else {
        return false;
    };
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in outer {
        w = w.min(p[0]);
        e = e.max(p[0]);
        s = s.min(p[1]);
        n = n.max(p[1]);
    }
    w <= b.east && e >= b.west && s <= b.north && n >= b.south
}

/// The runs of a closed ring's segments that `keep` accepts (and that lie at least partly in
/// `clip` and do not wrap round the antimeridian), as open polylines.
fn ring_lines(
    ring: &[[f64; 2]],
    clip: Option<LonLatBox>,
    mut keep: impl FnMut(&[f64; 2], &[f64; 2]) -> bool,
) -> Vec<Vec<[f64; 2]>> {
    let segments = (0..ring.len()).map(|i| (ring[i], ring[(i + 1) % ring.len()]));
    runs(segments, |a, b| {
        (a[0] - b[0]).abs() <= 180.0
            && clip.is_none_or(|c| c.contains(*a) || c.contains(*b))
            && keep(a, b)
    })
}

/// The runs of consecutive segments that `keep` accepts, as polylines.
fn runs(
    segments: impl Iterator<Item = ([f64; 2], [f64; 2])>,
    mut keep: impl FnMut(&[f64; 2], &[f64; 2]) -> bool,
) -> Vec<Vec<[f64; 2]>> {
    let mut lines = Vec::new();
    let mut current: Vec<[f64; 2]> = Vec::new();
    for (a, b) in segments {
        if keep(&a, &b) {
            if current.is_empty() {
                current.push(a);
            }
            current.push(b);
        } else if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn triangulate(rings: &[Vec<[f64; 2]>], project: &impl Fn(LonLat) -> [f32; 2], out: &mut TriMesh) {
    let mut flat = Vec::new();
    let mut holes = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        if i > 0 {
            holes.push(flat.len() / 2);
        }
        for p in ring {
            let [x, y] = project(LonLat::new(p[0], p[1]));
            flat.push(f64::from(x));
            flat.push(f64::from(y));
        }
    }
    let Ok(triangles) = earcutr::earcut(&flat, &holes, 2) else {
        return;
    };
    let base = out.vertices.len() as u32;
    let first_index = out.indices.len() as u32;
    out.vertices
        .extend(flat.chunks_exact(2).map(|c| [c[0] as f32, c[1] as f32]));
    out.indices
        .extend(triangles.into_iter().map(|i| base + i as u32));
    let bounds = out.vertices[base as usize..]
        .iter()
        .fold(WRect::NOTHING, |r, p| r.union_point(*p));
    out.parts.push(MeshPart {
        first_vertex: base,
        end_vertex: out.vertices.len() as u32,
        first_index,
        end_index: out.indices.len() as u32,
        bounds,
    });
}

/// The land borders of an outline that lie (at least partly) in `clip`. The borders of the
/// embedded outlines are found once per level of detail and kept: finding them hashes every
/// segment of every country of the world, which each pane and the world map would repeat.
fn border_lines(outline: &Outlines, clip: Option<LonLatBox>) -> Vec<Vec<[f64; 2]>> {
    let cached = [Detail::Coarse, Detail::Fine]
        .into_iter()
        .find(|d| std::ptr::eq(outline, super::outlines(*d)));
    let all = match cached {
        Some(detail) => land_borders(detail),
        None => return shared_borders(outline, clip),
    };
    let Some(clip) = clip else {
        return all.to_vec();
    };
    all.iter()
        .flat_map(|line| {
            let segments = line.windows(2).map(|w| (w[0], w[1]));
            runs(segments, |a, b| clip.contains(*a) || clip.contains(*b))
        })
        .collect()
}

/// The land borders of the embedded outline at a level of detail, found on first use (from
/// any thread: a second caller waits for the first).
pub fn land_borders(detail: Detail) -> &'static [Vec<[f64; 2]>] {
    static BORDERS: [OnceLock<Vec<Vec<[f64; 2]>>>; 2] = [OnceLock::new(), OnceLock::new()];
    let i = match detail {
        Detail::Coarse => 0,
        Detail::Fine => 1,
    };
    BORDERS[i].get_or_init(|| shared_borders(super::outlines(detail), None))
}

/// Lines that two country rings share: land borders, each drawn once. (The outlines come from
/// TopoJSON, so a shared border has exactly the same points on both sides.)
fn shared_borders(outline: &Outlines, clip: Option<LonLatBox>) -> Vec<Vec<[f64; 2]>> {
    type Key = ((i64, i64), (i64, i64));
    let point = |p: &[f64; 2]| {
        (
            (p[0] * 1000.0).round() as i64,
            (p[1] * 1000.0).round() as i64,
        )
    };
    let key = |a: &[f64; 2], b: &[f64; 2]| -> Key {
        let (ka, kb) = (point(a), point(b));
        if ka <= kb { (ka, kb) } else { (kb, ka) }
    };
    let mut seen: HashMap<Key, u32> = HashMap::new();
    let rings = || {
        outline
            .countries
            .iter()
            .flat_map(|c| c.polygons.iter())
            .flat_map(|p| p.rings.iter())
    };
    for ring in rings() {
        for (i, a) in ring.iter().enumerate() {
            *seen.entry(key(a, &ring[(i + 1) % ring.len()])).or_insert(0) += 1;
        }
    }
    let mut drawn: std::collections::HashSet<Key> = std::collections::HashSet::new();
    let mut lines = Vec::new();
    for ring in rings() {
        lines.extend(ring_lines(ring, clip, |a, b| {
            let k = key(a, b);
            seen.get(&k).is_some_and(|n| *n >= 2) && drawn.insert(k)
        }));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::test_shapes::{SQUARE_LAND, TWO_COUNTRIES};
    use super::super::{Detail, outlines, parse_outlines};
    use super::*;

    fn flat(p: LonLat) -> [f32; 2] {
        [p.lon as f32, -p.lat as f32]
    }

    fn area(mesh: &TriMesh) -> f32 {
        mesh.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn a_square_with_a_hole_triangulates_to_its_area_minus_the_hole() {
        let Ok(outline) = parse_outlines(SQUARE_LAND, TWO_COUNTRIES) else {
            panic!("parse")
        };
        let g = build_geometry(&outline, None, flat);
        assert!(
            (area(&g.land) - 96.0).abs() < 1e-3,
            "area {}",
            area(&g.land)
        );
        assert_eq!(g.coast.segments(), 8, "4 outer and 4 hole edges");
        assert_eq!(g.coast.lines.len(), 2, "one line per ring");
    }

    #[test]
    fn only_the_segment_two_countries_share_is_a_border() {
        let Ok(outline) = parse_outlines(SQUARE_LAND, TWO_COUNTRIES) else {
            panic!("parse")
        };
        let g = build_geometry(&outline, None, flat);
        assert_eq!(g.borders.segments(), 1, "drawn once, not once per country");
        let line = &g.borders.lines[0];
        assert!(
            line.iter().all(|p| p[0] == 5.0),
            "the border is the line x = 5: {line:?}"
        );
    }

    #[test]
    fn clipping_to_a_box_keeps_only_what_is_inside() {
        let Ok(outline) = parse_outlines(SQUARE_LAND, TWO_COUNTRIES) else {
            panic!("parse")
        };
        let b = LonLatBox {
            west: 0.0,
            south: 0.0,
            east: 3.0,
            north: 3.0,
        };
        let g = build_geometry(&outline, Some(b), flat);
        assert!((area(&g.land) - 9.0).abs() < 1e-3, "area {}", area(&g.land));
        let far = LonLatBox {
            west: 50.0,
            south: 50.0,
            east: 60.0,
            north: 60.0,
        };
        assert!(
            build_geometry(&outline, Some(far), flat)
                .land
                .indices
                .is_empty()
        );
    }

    #[test]
    fn the_world_map_has_no_fill_stretched_across_it() {
        for detail in [Detail::Coarse, Detail::Fine] {
            let g = build_geometry(
                outlines(detail),
                None,
                crate::analysis::network::projection::world_xy,
            );
            let stretched = g.land.indices.chunks_exact(3).filter(|t| {
                let xs = t.iter().map(|&i| g.land.vertices[i as usize][0]);
                let (lo, hi) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
                let y = g.land.vertices[t[0] as usize][1];
                hi - lo > 2000.0 && y < 1200.0 // Antarctica's pole line is the one wide edge.
            });
            assert_eq!(stretched.count(), 0, "{detail:?}");
        }
    }

    #[test]
    fn kept_borders_clipped_to_a_box_are_the_borders_found_in_that_box() {
        let korea = LonLatBox {
            west: 124.0,
            south: 33.0,
            east: 131.0,
            north: 43.0,
        };
        let europe = LonLatBox {
            west: -11.0,
            south: 35.0,
            east: 30.0,
            north: 66.0,
        };
        for detail in [Detail::Coarse, Detail::Fine] {
            let outline = outlines(detail);
            for b in [korea, europe] {
                let direct = shared_borders(outline, Some(b));
                assert!(!direct.is_empty(), "{detail:?}: borders in the box");
                assert_eq!(border_lines(outline, Some(b)), direct, "{detail:?} {b:?}");
            }
            assert_eq!(border_lines(outline, None), shared_borders(outline, None));
        }
    }

    #[test]
    fn a_polygon_skipped_as_outside_the_box_has_nothing_in_it() {
        let korea = LonLatBox {
            west: 124.0,
            south: 33.0,
            east: 131.0,
            north: 43.0,
        };
        for detail in [Detail::Coarse, Detail::Fine] {
            let land = &outlines(detail).land;
            let far: Vec<_> = land.iter().filter(|p| !overlaps(p, &korea)).collect();
            assert!(
                far.len() > land.len() / 2,
                "{detail:?}: most land is far away"
            );
            for poly in far {
                // What the skipped work would have produced: no fill, no coast.
                assert!(clip_ring(&poly.rings[0], &korea).len() < 3);
                for ring in &poly.rings {
                    assert!(ring_lines(ring, Some(korea), |_, _| true).is_empty());
                }
            }
        }
    }
}
