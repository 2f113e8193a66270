//! Level of detail for dense networks: links whose two ends fall in the same pair of grid cells
//! are drawn once, as a bundle that counts them. The grid is in world units, with cells doubling
//! from level to level, so a level is built once (per filter) and reused while panning; zooming
//! picks another level. A level is built from the finest level already built below it, or from
//! the links themselves.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use super::layout::WRect;

/// A bundle of links (a single link at the finest levels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bundle {
    /// The lowest link index in the bundle: it stands for the bundle when drawn.
    pub rep: u32,
    /// How many links it carries.
    pub count: u32,
    /// The representative's ends, in world units.
    pub a: [f32; 2],
    /// The other end.
    pub b: [f32; 2],
    /// Links with different tags (programme, state) never merge.
    pub tag: u16,
}

impl Bundle {
    /// The bounding box of the representative's straight line.
    pub fn bounds(&self) -> WRect {
        WRect::NOTHING.union_point(self.a).union_point(self.b)
    }
}

/// A fast hasher for cell keys: FxHash's multiply to mix, MurmurHash3's finaliser so that high
/// key bits reach the low bits a table indexes by.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Number of levels: level 0 cells are 1/8192 of the extent, the top level's one cell covers it.
pub const LEVELS: usize = 14;

/// Bundles of a set of links at every level, built on demand.
#[derive(Clone, Debug, Default)]
pub struct Pyramid {
    links: Vec<Bundle>,
    origin: [f32; 2],
    base: f32,
    levels: Vec<Option<Vec<Bundle>>>,
    /// The level chosen last time: panning keeps it, so the search starts there.
    last: Option<usize>,
}

impl Pyramid {
    /// A pyramid over `links` (each a bundle of one), inside `extent`.
    pub fn new(links: Vec<Bundle>, extent: WRect) -> Self {
        let [w, h] = extent.size();
        let base = (w.max(h) / 8192.0).max(1e-6);
        Self {
            links,
            origin: extent.min,
            base,
            levels: vec![None; LEVELS],
            last: None,
        }
    }

    /// The links it was built from.
    pub fn links(&self) -> &[Bundle] {
        &self.links
    }

    /// The cell size of a level, in world units.
    pub fn cell(&self, level: usize) -> f32 {
        self.base * (1u32 << level.min(31)) as f32
    }

    /// The bundles of a level (built now if needed), in representative order.
    pub fn level(&mut self, level: usize) -> &[Bundle] {
        let level = level.min(LEVELS - 1);
        if self.levels[level].is_none() {
            let below = (0..level).rev().find(|&k| self.levels[k].is_some());
            let source: &[Bundle] = match below {
                Some(k) => self.levels[k].as_deref().unwrap_or(&self.links),
                None => &self.links,
            };
            let built = merge(source, self.origin, self.cell(level));
            self.levels[level] = Some(built);
        }
        self.levels[level].as_deref().unwrap_or(&[])
    }

    /// The finest level whose cells are at least `min_px` screen points at `zoom` and whose
    /// bundles in `view` number at most `budget`; returns it and its bundles in view. The search
    /// starts from the level chosen last time (a pan keeps it), going up while too many bundles
    /// are in view and down while a finer level would still fit.
    pub fn choose(
        &mut self,
        view: WRect,
        zoom: f32,
        min_px: f32,
        budget: usize,
    ) -> (usize, Vec<Bundle>) {
        let finest = (0..LEVELS)
            .find(|&k| self.cell(k) * zoom >= min_px)
            .unwrap_or(LEVELS - 1);
        let visible = |b: &&Bundle| b.bounds().intersects(&view) || point_in(b, &view);
        let mut k = self.last.unwrap_or(finest).max(finest);
        while k + 1 < LEVELS && self.level(k).iter().filter(visible).count() > budget {
            k += 1;
        }
        while k > finest && self.level(k - 1).iter().filter(visible).count() <= budget {
            k -= 1;
        }
        self.last = Some(k);
        (k, self.level(k).iter().filter(visible).copied().collect())
    }
}

fn point_in(b: &Bundle, view: &WRect) -> bool {
    let inside = |p: [f32; 2]| {
        p[0] >= view.min[0] && p[0] <= view.max[0] && p[1] >= view.min[1] && p[1] <= view.max[1]
    };
    inside(b.a) || inside(b.b)
}

/// Merges bundles whose ends share cells of size `cell` (and whose tags match).
fn merge(source: &[Bundle], origin: [f32; 2], cell: f32) -> Vec<Bundle> {
    let key = |p: [f32; 2]| -> u64 {
        let x = (((p[0] - origin[0]) / cell).max(0.0) as u64).min(0x7FFF);
        let y = (((p[1] - origin[1]) / cell).max(0.0) as u64).min(0x7FFF);
        (x << 15) | y
    };
    let mut index: HashMap<(u64, u16), u32, BuildHasherDefault<KeyHasher>> =
        HashMap::with_capacity_and_hasher(source.len(), Default::default());
    let mut out: Vec<Bundle> = Vec::with_capacity(source.len() / 2 + 16);
    for s in source {
        let (ka, kb) = (key(s.a), key(s.b));
        let k = if ka <= kb {
            (ka << 32) | kb
        } else {
            (kb << 32) | ka
        };
        match index.entry((k, s.tag)) {
            Entry::Occupied(o) => {
                let m = &mut out[*o.get() as usize];
                m.count += s.count;
                if s.rep < m.rep {
                    (m.rep, m.a, m.b) = (s.rep, s.a, s.b);
                }
            }
            Entry::Vacant(v) => {
                v.insert(out.len() as u32);
                out.push(*s);
            }
        }
    }
    out.sort_unstable_by_key(|b| b.rep);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(n: u32) -> Vec<Bundle> {
        let mut state = 0x1234_5678_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f32 / 10.0
        };
        (0..n)
            .map(|i| Bundle {
                rep: i,
                count: 1,
                a: [next(), next()],
                b: [next(), next()],
                tag: (i % 3) as u16,
            })
            .collect()
    }

    const EXTENT: WRect = WRect {
        min: [0.0, 0.0],
        max: [1000.0, 1000.0],
    };

    #[test]
    fn every_level_carries_every_link_exactly_once() {
        let mut p = Pyramid::new(links(5000), EXTENT);
        for k in [3, 7, 10, 13] {
            let total: u32 = p.level(k).iter().map(|b| b.count).sum();
            assert_eq!(total, 5000, "level {k}");
        }
    }

    #[test]
    fn coarser_levels_have_fewer_bundles_and_never_mix_tags() {
        let mut p = Pyramid::new(links(5000), EXTENT);
        let sizes: Vec<usize> = (5..LEVELS).map(|k| p.level(k).len()).collect();
        assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
        assert_eq!(
            *sizes.last().unwrap_or(&0),
            3,
            "one bundle per tag at the top"
        );
        let top = p.level(LEVELS - 1).to_vec();
        let mut tags: Vec<u16> = top.iter().map(|b| b.tag).collect();
        tags.sort_unstable();
        assert_eq!(tags, [0, 1, 2]);
    }

    #[test]
    fn a_level_built_from_below_equals_one_built_from_the_links() {
        let mut stepwise = Pyramid::new(links(3000), EXTENT);
        stepwise.level(6);
        let from_below = stepwise.level(9).to_vec();
        let mut direct = Pyramid::new(links(3000), EXTENT);
        let counts = |v: &[Bundle]| v.iter().map(|b| b.count).sum::<u32>();
        let direct9 = direct.level(9).to_vec();
        assert_eq!(counts(&from_below), counts(&direct9));
        assert_eq!(from_below.len(), direct9.len(), "same cells, same bundles");
    }

    #[test]
    fn choose_returns_the_finest_level_that_fits_the_budget() {
        let mut p = Pyramid::new(links(20_000), EXTENT);
        let (k, shown) = p.choose(EXTENT, 1.0, 2.0, 2000);
        assert!(shown.len() <= 2000);
        assert!(p.cell(k) >= 2.0);
        if k > 0 {
            let finer = p.level(k - 1).len();
            assert!(
                finer > 2000 || p.cell(k - 1) < 2.0,
                "level {} would have fit",
                k - 1
            );
        }
        let (_, again) = p.choose(EXTENT, 1.0, 2.0, 2000);
        assert_eq!(shown, again, "deterministic");
    }
}
