//! The offline world outline: Natural Earth land and country polygons (public domain, via the
//! world-atlas 2.0.2 package; see `assets/map/` and the data SOURCES), embedded in the binary,
//! parsed once on first use and turned into drawable geometry for a projection.
//!
//! Drawable geometry is plain numbers (triangles and line segments in world units); the UI
//! only scales and translates it.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::layout::WRect;
use super::projection::LonLat;

const LAND_110M: &str = include_str!("../../../assets/map/land-110m.geojson");
const COUNTRIES_110M: &str = include_str!("../../../assets/map/countries-110m.geojson");
const LAND_50M: &str = include_str!("../../../assets/map/land-50m.geojson");
const COUNTRIES_50M: &str = include_str!("../../../assets/map/countries-50m.geojson");

/// How detailed an outline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detail {
    /// Natural Earth 1:110 million: for the whole world.
    Coarse,
    /// Natural Earth 1:50 million: for a region or a close zoom.
    Fine,
}

/// A polygon: the outer ring first, then holes. Rings are open (no repeated closing point).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    /// Rings of `[lon, lat]` in degrees.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// One country of the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric code as the data carries it ("410" for the Republic of Korea).
    pub numeric: String,
    /// The English name in the data.
    pub name: String,
    /// Its polygons.
    pub polygons: Vec<Polygon>,
}

/// Land and countries at one level of detail.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outlines {
    /// Land polygons (continents and islands).
    pub land: Vec<Polygon>,
    /// Country polygons.
    pub countries: Vec<Country>,
}

/// A problem reading an embedded outline (a broken asset; the view then draws no map).
#[derive(Debug, thiserror::Error)]
#[error("cannot read the map outline {name}: {source}")]
pub struct GeoError {
    name: &'static str,
    source: serde_json::Error,
}

#[derive(serde::Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(serde::Deserialize)]
struct Feature {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    properties: Option<Properties>,
    #[serde(default)]
    geometry: Option<Geometry>,
}

#[derive(serde::Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        coordinates: Vec<Vec<[f64; 2]>>,
    },
    MultiPolygon {
        coordinates: Vec<Vec<Vec<[f64; 2]>>>,
    },
    #[serde(other)]
    Other,
}

fn polygon(rings: Vec<Vec<[f64; 2]>>) -> Polygon {
    let rings = rings
        .into_iter()
        .map(|mut ring| {
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            ring
        })
        .filter(|ring| ring.len() >= 3)
        .collect();
    Polygon { rings }
}

fn polygons(geometry: Option<Geometry>) -> Vec<Polygon> {
    match geometry {
        Some(Geometry::Polygon { coordinates }) => vec![polygon(coordinates)],
        Some(Geometry::MultiPolygon { coordinates }) => {
            coordinates.into_iter().map(polygon).collect()
        }
        Some(Geometry::Other) | None => Vec::new(),
    }
    .into_iter()
    .filter(|p| !p.rings.is_empty())
    .collect()
}

/// Parses a land and a country GeoJSON FeatureCollection.
pub fn parse_outlines(land: &str, countries: &str) -> Result<Outlines, GeoError> {
    let land: FeatureCollection = serde_json::from_str(land).map_err(|source| GeoError {
        name: "land",
        source,
    })?;
    let countries: FeatureCollection =
        serde_json::from_str(countries).map_err(|source| GeoError {
            name: "countries",
            source,
        })?;
    Ok(Outlines {
        land: land
            .features
            .into_iter()
            .flat_map(|f| polygons(f.geometry))
            .collect(),
        countries: countries
            .features
            .into_iter()
            .map(|f| Country {
                numeric: match f.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(serde_json::Value::Number(n)) => format!("{n:0>3}"),
                    _ => String::new(),
                },
                name: f.properties.unwrap_or_default().name.unwrap_or_default(),
                polygons: polygons(f.geometry),
            })
            .collect(),
    })
}

/// The embedded outline at a level of detail, parsed on first use. A broken asset gives an
/// empty outline (and the error once, from [`outline_error`]).
pub fn outlines(detail: Detail) -> &'static Outlines {
    static COARSE: OnceLock<Result<Outlines, String>> = OnceLock::new();
    static FINE: OnceLock<Result<Outlines, String>> = OnceLock::new();
    static EMPTY: Outlines = Outlines {
        land: Vec::new(),
        countries: Vec::new(),
    };
    let cell = match detail {
        Detail::Coarse => &COARSE,
        Detail::Fine => &FINE,
    };
    let parsed = cell.get_or_init(|| {
        let (land, countries) = match detail {
            Detail::Coarse => (LAND_110M, COUNTRIES_110M),
            Detail::Fine => (LAND_50M, COUNTRIES_50M),
        };
        parse_outlines(land, countries).map_err(|e| e.to_string())
    });
    parsed.as_ref().unwrap_or(&EMPTY)
}

/// The error of a broken embedded outline, if it was parsed and failed.
pub fn outline_error(detail: Detail) -> Option<String> {
    let outline = outlines(detail);
    (outline.land.is_empty()).then(|| format!("the {detail:?} map outline could not be read"))
}

/// A bounding box in longitude and latitude.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLatBox {
    /// West edge.
    pub west: f64,
    /// South edge.
    pub south: f64,
    /// East edge.
    pub east: f64,
    /// North edge.
    pub north: f64,
}

impl LonLatBox {
    /// Does the box contain the point?
    pub fn contains(&self, p: [f64; 2]) -> bool {
        (self.west..=self.east).contains(&p[0]) && (self.south..=self.north).contains(&p[1])
    }

    /// The centre of the box.
    pub fn centre(&self) -> LonLat {
        LonLat::new(
            (self.west + self.east) / 2.0,
            (self.south + self.north) / 2.0,
        )
    }
}

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

/// The runs of a closed ring's segments that `keep` accepts (and that lie at least partly in
/// `clip` and do not wrap round the antimeridian), as open polylines.
fn ring_lines(
    ring: &[[f64; 2]],
    clip: Option<LonLatBox>,
    mut keep: impl FnMut(&[f64; 2], &[f64; 2]) -> bool,
) -> Vec<Vec<[f64; 2]>> {
    let mut lines = Vec::new();
    let mut current: Vec<[f64; 2]> = Vec::new();
    for (i, a) in ring.iter().enumerate() {
        let b = ring[(i + 1) % ring.len()];
        let ok = (a[0] - b[0]).abs() <= 180.0
            && clip.is_none_or(|c| c.contains(*a) || c.contains(b))
            && keep(a, &b);
        if ok {
            if current.is_empty() {
                current.push(*a);
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

/// True for an edge that jumps across the antimeridian away from the poles (an edge along a
/// pole is a real edge of the map).
fn wraps(a: &[f64; 2], b: &[f64; 2]) -> bool {
    (a[0] - b[0]).abs() > 180.0 && a[1].abs() < 89.9 && b[1].abs() < 89.9
}

/// A polygon as parts that each stay on one side of the antimeridian. Rings that cross it are
/// unrolled (longitudes made continuous, e.g. 170 to 190) and clipped twice: as they are and
/// shifted by a full turn. A ring that circles a pole (Antarctica) cannot be unrolled and is
/// kept as it is.
pub fn split_at_antimeridian(poly: &Polygon) -> Vec<Polygon> {
    let crosses = poly.rings.iter().any(|r| {
        r.iter()
            .enumerate()
            .any(|(i, a)| wraps(a, &r[(i + 1) % r.len()]))
    });
    if !crosses {
        return vec![poly.clone()];
    }
    let unroll = |ring: &[[f64; 2]]| -> Option<Vec<[f64; 2]>> {
        let mut out: Vec<[f64; 2]> = Vec::with_capacity(ring.len());
        for p in ring {
            let lon = match out.last() {
                Some(prev) => {
                    let mut lon = p[0];
                    while lon - prev[0] > 180.0 {
                        lon -= 360.0;
                    }
                    while prev[0] - lon > 180.0 {
                        lon += 360.0;
                    }
                    lon
                }
                None => p[0],
            };
            out.push([lon, p[1]]);
        }
        let (first, last) = (out.first()?, out.last()?);
        // A ring round a pole ends a full turn from where it began.
        ((first[0] - last[0]).abs() <= 180.0).then_some(out)
    };
    let Some(rings) = poly
        .rings
        .iter()
        .map(|r| unroll(r))
        .collect::<Option<Vec<_>>>()
    else {
        return vec![poly.clone()];
    };
    let world = LonLatBox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };
    let mut parts = Vec::new();
    for shift in [0.0, 360.0, -360.0] {
        let shifted = rings
            .iter()
            .map(|r| r.iter().map(|p| [p[0] + shift, p[1]]).collect::<Vec<_>>());
        let clipped: Vec<Vec<[f64; 2]>> = shifted.map(|r| clip_ring(&r, &world)).collect();
        if clipped.first().is_some_and(|outer| outer.len() >= 3) {
            let mut rings = vec![clipped[0].clone()];
            rings.extend(clipped.into_iter().skip(1).filter(|r| r.len() >= 3));
            parts.push(Polygon { rings });
        }
    }
    parts
}

/// Sutherland–Hodgman clipping of a ring to a box (in degrees). The result may run along the
/// box's edge; that is fine for filling.
pub fn clip_ring(ring: &[[f64; 2]], b: &LonLatBox) -> Vec<[f64; 2]> {
    type Edge = (
        fn(&[f64; 2], &LonLatBox) -> bool,
        fn(&[f64; 2], &[f64; 2], &LonLatBox) -> [f64; 2],
    );
    fn at_x(p: &[f64; 2], q: &[f64; 2], x: f64) -> [f64; 2] {
        let t = (x - p[0]) / (q[0] - p[0]);
        [x, p[1] + t * (q[1] - p[1])]
    }
    fn at_y(p: &[f64; 2], q: &[f64; 2], y: f64) -> [f64; 2] {
        let t = (y - p[1]) / (q[1] - p[1]);
        [p[0] + t * (q[0] - p[0]), y]
    }
    let edges: [Edge; 4] = [
        (|p, b| p[0] >= b.west, |p, q, b| at_x(p, q, b.west)),
        (|p, b| p[0] <= b.east, |p, q, b| at_x(p, q, b.east)),
        (|p, b| p[1] >= b.south, |p, q, b| at_y(p, q, b.south)),
        (|p, b| p[1] <= b.north, |p, q, b| at_y(p, q, b.north)),
    ];
    let mut current = ring.to_vec();
    for (inside, cut) in edges {
        if current.is_empty() {
            break;
        }
        let input = std::mem::take(&mut current);
        for (i, p) in input.iter().enumerate() {
            let prev = &input[(i + input.len() - 1) % input.len()];
            match (inside(prev, b), inside(p, b)) {
                (true, true) => current.push(*p),
                (true, false) => current.push(cut(prev, p, b)),
                (false, true) => {
                    current.push(cut(prev, p, b));
                    current.push(*p);
                }
                (false, false) => {}
            }
        }
    }
    current
}

/// Lines that two country rings share: land borders, each drawn once. (The outlines come from
/// TopoJSON, so a shared border has exactly the same points on both sides.)
fn border_lines(outline: &Outlines, clip: Option<LonLatBox>) -> Vec<Vec<[f64; 2]>> {
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

/// A point to anchor a country by when a record names only the country: the area-weighted
/// centre of its largest polygon in the outline (metropolitan France, not French Guiana).
pub fn country_anchor(outline: &Outlines, numeric: &str) -> Option<LonLat> {
    let country = outline.countries.iter().find(|c| c.numeric == numeric)?;
    let largest = country
        .polygons
        .iter()
        .filter_map(|p| p.rings.first())
        .map(|ring| (ring_area_centroid(ring), ring))
        .max_by(|a, b| a.0.0.abs().total_cmp(&b.0.0.abs()))?;
    let (area, centroid) = largest.0;
    (area.abs() > 0.0).then(|| LonLat::new(centroid[0], centroid[1]))
}

fn ring_area_centroid(ring: &[[f64; 2]]) -> (f64, [f64; 2]) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, p) in ring.iter().enumerate() {
        let q = ring[(i + 1) % ring.len()];
        let cross = p[0] * q[1] - q[0] * p[1];
        a += cross;
        cx += (p[0] + q[0]) * cross;
        cy += (p[1] + q[1]) * cross;
    }
    if a.abs() < 1e-12 {
        return (0.0, ring.first().copied().unwrap_or([0.0, 0.0]));
    }
    (a / 2.0, [cx / (3.0 * a), cy / (3.0 * a)])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE_LAND: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
        "geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}}]}"#;
    const TWO_COUNTRIES: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","id":"001","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[5,0],[5,10],[0,10],[0,0]]]}},
        {"type":"Feature","id":"002","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[[[5,0],[10,0],[10,10],[5,10],[5,0]]]}}]}"#;

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
    fn the_embedded_outlines_parse_and_korea_is_anchored_on_the_peninsula() {
        for detail in [Detail::Coarse, Detail::Fine] {
            let o = outlines(detail);
            assert!(
                o.land.len() > 50,
                "{detail:?} land polygons: {}",
                o.land.len()
            );
            assert!(
                o.countries.len() > 150,
                "{detail:?} countries: {}",
                o.countries.len()
            );
            assert!(outline_error(detail).is_none());
        }
        let Some(kr) = country_anchor(outlines(Detail::Coarse), "410") else {
            panic!("no Korea")
        };
        assert!(
            (126.0..130.0).contains(&kr.lon) && (34.5..38.5).contains(&kr.lat),
            "{kr:?}"
        );
        let Some(fr) = country_anchor(outlines(Detail::Coarse), "250") else {
            panic!("no France")
        };
        assert!(
            fr.lat > 40.0,
            "metropolitan France, not French Guiana: {fr:?}"
        );
    }

    #[test]
    fn a_polygon_across_the_antimeridian_is_split_in_two_and_keeps_its_area() {
        // A square from 170°E to 170°W, written the way the data writes it (jumping at 180).
        let square = Polygon {
            rings: vec![vec![
                [170.0, 60.0],
                [180.0, 60.0],
                [-170.0, 60.0],
                [-170.0, 70.0],
                [-180.0, 70.0],
                [170.0, 70.0],
            ]],
        };
        let parts = split_at_antimeridian(&square);
        assert_eq!(parts.len(), 2);
        for part in &parts {
            let lons: Vec<f64> = part.rings[0].iter().map(|p| p[0]).collect();
            let east = lons.iter().all(|l| *l >= 170.0 - 1e-9);
            let west = lons.iter().all(|l| *l <= -170.0 + 1e-9);
            assert!(east || west, "each part stays on one side: {lons:?}");
        }
        let area: f64 = parts
            .iter()
            .map(|p| ring_area_centroid(&p.rings[0]).0.abs())
            .sum();
        assert!(
            (area - 200.0).abs() < 1e-6,
            "10° × 20° of area in all: {area}"
        );
    }

    #[test]
    fn the_world_map_has_no_fill_stretched_across_it() {
        for detail in [Detail::Coarse, Detail::Fine] {
            let g = build_geometry(outlines(detail), None, super::super::projection::world_xy);
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
    fn a_broken_outline_is_an_error_not_a_panic() {
        assert!(parse_outlines("{not json", TWO_COUNTRIES).is_err());
        assert!(parse_outlines(SQUARE_LAND, "[]").is_err());
    }
}
