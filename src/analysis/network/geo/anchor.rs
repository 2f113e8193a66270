//! Where a country stands on the map when a record names only the country.

use super::super::projection::LonLat;
use super::Outlines;

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

/// The signed area of a ring and its centroid (the first point for a degenerate ring).
pub(super) fn ring_area_centroid(ring: &[[f64; 2]]) -> (f64, [f64; 2]) {
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
