//! The compact binary form of the map outline that the app embeds instead of GeoJSON: reading
//! it takes a few milliseconds where parsing the GeoJSON took tens, and it is a fifth of the size.
//!
//! `examples/pack_map.rs` writes `assets/map/outlines-*.bin` from the GeoJSON sources
//! (`scripts/pack_map.sh`); a test checks that the committed files are exactly what the
//! sources give, and that reading them gives exactly the outline parsed from GeoJSON.
//!
//! Format (all integers unsigned LEB128 varints unless said): the magic `PAMAP1\n`, then the
//! land polygons, then the countries (numeric code and name as length-prefixed UTF-8, then
//! their polygons). A polygon list is a count of polygons; a polygon a count of rings; a ring a
//! count of points, then each point as zigzag varint deltas of longitude and latitude in
//! thousandths of a degree from the ring's previous point (the sources carry three decimals;
//! the packer refuses a coordinate that does not round-trip exactly).

use super::{Country, Outlines, Polygon};

const MAGIC: &[u8] = b"PAMAP1\n";
/// Coordinates are stored in thousandths of a degree.
const SCALE: f64 = 1000.0;

/// Why an outline could not be packed or read.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum PackError {
    /// A coordinate has more than three decimals (it would not round-trip).
    #[error("coordinate {0} has more than three decimals")]
    Precision(f64),
    /// The bytes are not a packed outline, or are cut short.
    #[error("the packed map outline is broken at byte {0}")]
    Broken(usize),
}

/// Packs an outline (see the module documentation for the format).
pub fn pack(outlines: &Outlines) -> Result<Vec<u8>, PackError> {
    let mut out = MAGIC.to_vec();
    pack_polygons(&mut out, &outlines.land)?;
    varint(&mut out, outlines.countries.len() as u64);
    for c in &outlines.countries {
        for s in [&c.numeric, &c.name] {
            varint(&mut out, s.len() as u64);
            out.extend_from_slice(s.as_bytes());
        }
        pack_polygons(&mut out, &c.polygons)?;
    }
    Ok(out)
}

/// Reads a packed outline.
pub fn unpack(bytes: &[u8]) -> Result<Outlines, PackError> {
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return Err(PackError::Broken(0));
    };
    let mut r = Reader {
        bytes: rest,
        at: 0,
        base: MAGIC.len(),
    };
    let land = r.polygons()?;
    let n = r.count()?;
    let mut countries = Vec::with_capacity(n);
    for _ in 0..n {
        let numeric = r.string()?;
        let name = r.string()?;
        let polygons = r.polygons()?;
        countries.push(Country {
            numeric,
            name,
            polygons,
        });
    }
    if r.at != r.bytes.len() {
        return Err(PackError::Broken(r.base + r.at));
    }
    Ok(Outlines { land, countries })
}

fn pack_polygons(out: &mut Vec<u8>, polygons: &[Polygon]) -> Result<(), PackError> {
    varint(out, polygons.len() as u64);
    for p in polygons {
        varint(out, p.rings.len() as u64);
        for ring in &p.rings {
            varint(out, ring.len() as u64);
            let mut prev = [0i64; 2];
            for point in ring {
                for k in 0..2 {
                    let q = quantise(point[k])?;
                    zigzag(out, q - prev[k]);
                    prev[k] = q;
                }
            }
        }
    }
    Ok(())
}

fn quantise(v: f64) -> Result<i64, PackError> {
    let q = (v * SCALE).round();
    if !q.is_finite() || q.abs() > 1e12 || q / SCALE != v {
        return Err(PackError::Precision(v));
    }
    Ok(q as i64)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn zigzag(out: &mut Vec<u8>, v: i64) {
    varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    base: usize,
}

impl Reader<'_> {
    fn broken(&self) -> PackError {
        PackError::Broken(self.base + self.at)
    }

    fn varint(&mut self) -> Result<u64, PackError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.broken());
            };
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.broken())
    }

    /// A count, which can be no larger than the bytes left (each item takes at least one), so
    /// a broken file cannot ask for a huge allocation.
    fn count(&mut self) -> Result<usize, PackError> {
        let n = self.varint()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.bytes.len() - self.at)
            .ok_or_else(|| self.broken())
    }

    fn zigzag(&mut self) -> Result<i64, PackError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn string(&mut self) -> Result<String, PackError> {
        let n = self.count()?;
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or_else(|| self.broken())?;
        let s = std::str::from_utf8(s)
            .map_err(|_| self.broken())?
            .to_owned();
        self.at += n;
        Ok(s)
    }

    fn polygons(&mut self) -> Result<Vec<Polygon>, PackError> {
        let n = self.count()?;
        let mut polygons = Vec::with_capacity(n);
        for _ in 0..n {
            let nr = self.count()?;
            let mut rings = Vec::with_capacity(nr);
            for _ in 0..nr {
                let np = self.count()?;
                let mut ring = Vec::with_capacity(np);
                let mut q = [0i64; 2];
                for _ in 0..np {
                    for v in &mut q {
                        *v = v.checked_add(self.zigzag()?).ok_or_else(|| self.broken())?;
                    }
                    ring.push([q[0] as f64 / SCALE, q[1] as f64 / SCALE]);
                }
                rings.push(ring);
            }
            polygons.push(Polygon { rings });
        }
        Ok(polygons)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{COARSE_BIN, FINE_BIN, parse_outlines};
    use super::*;

    const SOURCES: [(&str, &str, &[u8]); 2] = [
        (
            include_str!("../../../../assets/map/land-110m.geojson"),
            include_str!("../../../../assets/map/countries-110m.geojson"),
            COARSE_BIN,
        ),
        (
            include_str!("../../../../assets/map/land-50m.geojson"),
            include_str!("../../../../assets/map/countries-50m.geojson"),
            FINE_BIN,
        ),
    ];

    #[test]
    fn the_committed_packed_outlines_are_exactly_what_the_geojson_sources_give() {
        for (land, countries, committed) in SOURCES {
            let Ok(parsed) = parse_outlines(land, countries) else {
                panic!("the GeoJSON source does not parse")
            };
            let Ok(packed) = pack(&parsed) else {
                panic!("the source does not pack")
            };
            assert!(
                packed == committed,
                "assets/map/outlines-*.bin is stale: run scripts/pack_map.sh"
            );
            assert_eq!(
                unpack(committed),
                Ok(parsed),
                "reading gives the same outline"
            );
            assert!(committed.len() * 4 < land.len() + countries.len());
        }
    }

    #[test]
    fn a_broken_or_cut_packed_outline_is_an_error_not_a_panic() {
        assert_eq!(unpack(b"not a map"), Err(PackError::Broken(0)));
        for cut in [MAGIC.len(), COARSE_BIN.len() / 2, COARSE_BIN.len() - 1] {
            assert!(unpack(&COARSE_BIN[..cut]).is_err(), "cut at {cut}");
        }
        let mut huge = MAGIC.to_vec();
        varint(&mut huge, u64::MAX / 2);
        assert!(unpack(&huge).is_err());
    }

    #[test]
    fn a_coordinate_with_a_fourth_decimal_is_refused_rather_than_rounded() {
        let o = Outlines {
            land: vec![Polygon {
                rings: vec![vec![[1.0, 2.0], [1.0005, 2.0], [1.0, 3.0]]],
            }],
            countries: Vec::new(),
        };
        assert_eq!(pack(&o), Err(PackError::Precision(1.0005)));
        let ok = Outlines {
            land: vec![Polygon {
                rings: vec![vec![[-179.999, 2.5], [31.286, -22.402], [1.0, 3.0]]],
            }],
            countries: vec![Country {
                numeric: "410".into(),
                name: "대한민국 Korea".into(),
                polygons: Vec::new(),
            }],
        };
        let Ok(bytes) = pack(&ok) else {
            panic!("packs")
        };
        assert_eq!(unpack(&bytes), Ok(ok));
    }
}
