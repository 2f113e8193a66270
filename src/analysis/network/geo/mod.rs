//! The offline world outline: Natural Earth land and country polygons (public domain, via the
//! world-atlas 2.0.2 package; see `assets/map/` and the data SOURCES), embedded in the binary
//! in a compact packed form, read once on first use and turned into drawable geometry for a
//! projection.
//!
//! Drawable geometry is plain numbers (triangles and line segments in world units); the UI
//! only scales and translates it.
//!
//! This file holds the embedded outline and reads it once; `pack.rs` reads and writes the
//! packed form, `outline.rs` reads the GeoJSON sources it is made from, `clip.rs` cuts rings to
//! a box and at the antimeridian, `mesh.rs` turns an outline into triangles and lines, and
//! `anchor.rs` finds where a country stands on the map.

mod anchor;
mod clip;
mod mesh;
mod outline;
pub mod pack;
#[cfg(test)]
mod test_shapes;

use std::sync::OnceLock;

pub use anchor::country_anchor;
pub use clip::{LonLatBox, clip_ring, split_at_antimeridian};
pub use mesh::{Lines, MapGeometry, MeshPart, TriMesh, build_geometry};
pub use outline::{Country, GeoError, Outlines, Polygon, parse_outlines};

/// The outlines in their packed form ([`pack`]), made from the GeoJSON beside them by
/// `scripts/pack_map.sh`.
const COARSE_BIN: &[u8] = include_bytes!("../../../../assets/map/outlines-110m.bin");
const FINE_BIN: &[u8] = include_bytes!("../../../../assets/map/outlines-50m.bin");

/// How detailed an outline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detail {
    /// Natural Earth 1:110 million: for the whole world.
    Coarse,
    /// Natural Earth 1:50 million: for a region or a close zoom.
    Fine,
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
        let packed = match detail {
            Detail::Coarse => COARSE_BIN,
            Detail::Fine => FINE_BIN,
        };
        pack::unpack(packed).map_err(|e| e.to_string())
    });
    parsed.as_ref().unwrap_or(&EMPTY)
}

/// Reads both embedded outlines and finds their land borders, so that the first map drawn
/// finds them ready: meant for a thread started while the window opens.
pub fn warm_up() {
    for detail in [Detail::Coarse, Detail::Fine] {
        mesh::land_borders(detail);
    }
}

/// The error of a broken embedded outline, if it was parsed and failed.
pub fn outline_error(detail: Detail) -> Option<String> {
    let outline = outlines(detail);
    (outline.land.is_empty()).then(|| format!("the {detail:?} map outline could not be read"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
