//! Cutting rings: to a longitude–latitude box (Sutherland–Hodgman), and at the antimeridian
//! so that no polygon is filled across the whole map.

use super::super::projection::LonLat;
use super::Polygon;

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

/// True for an edge that jumps across the antimeridian away from the poles (an edge along a
/// pole is a real edge of the map).
pub(super) fn wraps(a: &[f64; 2], b: &[f64; 2]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::anchor::ring_area_centroid;
    use super::*;

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
}
