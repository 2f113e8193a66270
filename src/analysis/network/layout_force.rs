//! A force-directed layout for the institution network, in the manner of d3-force: springs
//! along links, repulsion between nodes, a weak pull to the centre, and collision so that nodes
//! do not overlap at rest.
//!
//! It is deterministic for a given graph (start positions on a sunflower spiral in node order,
//! no randomness) and it settles: a "temperature" (alpha) decays to a floor in about 300 ticks,
//! after which [`ForceLayout::tick`] does nothing and the UI stops repainting.

use super::graph::{EdgeKind, Graph};
use super::layout::{LabelSide, Layout};

/// The temperature below which the layout is at rest.
const ALPHA_MIN: f32 = 0.001;
/// Reaches [`ALPHA_MIN`] from 1 in 300 ticks.
const ALPHA_DECAY: f32 = 0.0228;
/// Fraction of velocity lost each tick.
const VELOCITY_DECAY: f32 = 0.4;
/// Rest length of a link.
const LINK_DISTANCE: f32 = 70.0;
/// Strength of the repulsion between nodes (d3's default is −30).
const CHARGE: f32 = -160.0;
/// Repulsion is ignored beyond this distance.
const CHARGE_RANGE: f32 = 400.0;
/// Pull towards the centre, so that separate components stay in view.
const GRAVITY: f32 = 0.04;
/// Space kept between two nodes' discs.
const PADDING: f32 = 4.0;
/// Above this many nodes, repulsion uses a grid of cells instead of every pair.
const EXACT_LIMIT: usize = 600;

/// A force-directed layout in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct ForceLayout {
    /// Node positions in world units.
    pub pos: Vec<[f32; 2]>,
    vel: Vec<[f32; 2]>,
    /// Pinned nodes do not move (the user dragged them there).
    pub pinned: Vec<bool>,
    /// Node radii in world units (collision).
    pub radius: Vec<f32>,
    links: Vec<(u32, u32, f32, f32)>,
    alpha: f32,
    /// Ticks run so far.
    pub ticks: u32,
}

impl ForceLayout {
    /// Starts a layout of `graph` with node radii `radius` (world units). Structural links
    /// (based in, part of) are shorter and stiffer than partnerships.
    pub fn new(graph: &Graph, radius: Vec<f32>) -> Self {
        let n = graph.nodes.len();
        let mut degree = vec![0u32; n];
        for e in &graph.edges {
            if e.from != e.to {
                degree[e.from as usize] += 1;
                degree[e.to as usize] += 1;
            }
        }
        let links = graph
            .edges
            .iter()
            .filter(|e| e.from != e.to)
            .map(|e| {
                let length = match e.kind {
                    EdgeKind::Pair => LINK_DISTANCE * 1.6,
                    EdgeKind::Cohort => LINK_DISTANCE * 1.2,
                    EdgeKind::BasedIn | EdgeKind::PartOf => LINK_DISTANCE * 0.6,
                };
                let m = degree[e.from as usize].min(degree[e.to as usize]).max(1) as f32;
                (e.from, e.to, length, 1.0 / m)
            })
            .collect();
        // d3's phyllotaxis start: evenly spread, deterministic, no two nodes at one point.
        let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
        let pos = (0..n)
            .map(|i| {
                let r = 12.0 * (0.5 + i as f32).sqrt();
                let a = i as f32 * golden;
                [r * a.cos(), r * a.sin()]
            })
            .collect();
        Self {
            pos,
            vel: vec![[0.0; 2]; n],
            pinned: vec![false; n],
            radius,
            links,
            alpha: if n == 0 { 0.0 } else { 1.0 },
            ticks: 0,
        }
    }

    /// True once the layout is at rest.
    pub fn is_settled(&self) -> bool {
        self.alpha < ALPHA_MIN
    }

    /// The current temperature (1 at the start, below 0.001 at rest).
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    /// Warms the layout up again (after a node was dragged), to at least `alpha`.
    pub fn reheat(&mut self, alpha: f32) {
        if !self.pos.is_empty() {
            self.alpha = self.alpha.max(alpha);
        }
    }

    /// Pins a node at a position (dragging).
    pub fn pin(&mut self, i: usize, p: [f32; 2]) {
        if let (Some(pos), Some(pin), Some(v)) = (
            self.pos.get_mut(i),
            self.pinned.get_mut(i),
            self.vel.get_mut(i),
        ) {
            *pos = p;
            *pin = true;
            *v = [0.0; 2];
        }
    }

    /// Lets a pinned node move again.
    pub fn unpin(&mut self, i: usize) {
        if let Some(pin) = self.pinned.get_mut(i) {
            *pin = false;
        }
    }

    /// Runs one tick; does nothing at rest. Returns true if anything moved.
    pub fn tick(&mut self) -> bool {
        if self.is_settled() {
            return false;
        }
        self.alpha += (0.0 - self.alpha) * ALPHA_DECAY;
        self.ticks += 1;
        let alpha = self.alpha;
        self.link_force(alpha);
        self.charge_force(alpha);
        for (v, p) in self.vel.iter_mut().zip(&self.pos) {
            v[0] -= p[0] * GRAVITY * alpha;
            v[1] -= p[1] * GRAVITY * alpha;
        }
        self.collide();
        for i in 0..self.pos.len() {
            if self.pinned[i] {
                self.vel[i] = [0.0; 2];
                continue;
            }
            self.vel[i][0] *= 1.0 - VELOCITY_DECAY;
            self.vel[i][1] *= 1.0 - VELOCITY_DECAY;
            self.pos[i][0] += self.vel[i][0];
            self.pos[i][1] += self.vel[i][1];
        }
        if self.is_settled() {
            self.resolve_overlaps();
        }
        true
    }

    /// Runs ticks until the layout is at rest (for tests, export and benchmarks).
    pub fn settle(&mut self) {
        while self.tick() {}
    }

    fn link_force(&mut self, alpha: f32) {
        let mut count = vec![0u32; self.pos.len()];
        for &(s, t, _, _) in &self.links {
            count[s as usize] += 1;
            count[t as usize] += 1;
        }
        for &(s, t, length, strength) in &self.links {
            let (s, t) = (s as usize, t as usize);
            let mut dx = self.pos[t][0] + self.vel[t][0] - self.pos[s][0] - self.vel[s][0];
            let mut dy = self.pos[t][1] + self.vel[t][1] - self.pos[s][1] - self.vel[s][1];
            let mut l = (dx * dx + dy * dy).sqrt();
            if l < 1e-6 {
                dx = 1e-3;
                dy = 0.0;
                l = 1e-3;
            }
            let k = (l - length) / l * alpha * strength;
            let bias = count[s] as f32 / (count[s] + count[t]) as f32;
            self.vel[t][0] -= dx * k * bias;
            self.vel[t][1] -= dy * k * bias;
            self.vel[s][0] += dx * k * (1.0 - bias);
            self.vel[s][1] += dy * k * (1.0 - bias);
        }
    }

    fn charge_force(&mut self, alpha: f32) {
        let n = self.pos.len();
        let push = |pos: &[[f32; 2]], vel: &mut [[f32; 2]], i: usize, j: usize| {
            let dx = pos[j][0] - pos[i][0];
            let dy = pos[j][1] - pos[i][1];
            let mut d2 = dx * dx + dy * dy;
            if d2 > CHARGE_RANGE * CHARGE_RANGE {
                return;
            }
            // Coincident nodes: a fixed, order-based nudge keeps things deterministic.
            let (dx, dy) = if d2 < 1e-6 {
                (1e-3 * (j as f32 - i as f32).signum(), 1e-3)
            } else {
                (dx, dy)
            };
            d2 = d2.max(25.0);
            let w = CHARGE * alpha / d2;
            vel[i][0] += dx * w;
            vel[i][1] += dy * w;
            vel[j][0] -= dx * w;
            vel[j][1] -= dy * w;
        };
        if n <= EXACT_LIMIT {
            for i in 0..n {
                for j in i + 1..n {
                    push(&self.pos, &mut self.vel, i, j);
                }
            }
            return;
        }
        let grid = Grid::new(&self.pos, CHARGE_RANGE);
        for i in 0..n {
            grid.neighbours(self.pos[i], |j| {
                if j > i {
                    push(&self.pos, &mut self.vel, i, j);
                }
            });
        }
    }

    fn collide(&mut self) {
        let n = self.pos.len();
        let max_r = self.radius.iter().copied().fold(0.0f32, f32::max);
        let grid = Grid::new(&self.pos, (2.0 * max_r + PADDING).max(1.0));
        for i in 0..n {
            grid.neighbours(self.pos[i], |j| {
                if j <= i {
                    return;
                }
                let min = self.radius[i] + self.radius[j] + PADDING;
                let pi = [
                    self.pos[i][0] + self.vel[i][0],
                    self.pos[i][1] + self.vel[i][1],
                ];
                let pj = [
                    self.pos[j][0] + self.vel[j][0],
                    self.pos[j][1] + self.vel[j][1],
                ];
                let (dx, dy) = (pj[0] - pi[0], pj[1] - pi[1]);
                let d2 = dx * dx + dy * dy;
                if d2 >= min * min {
                    return;
                }
                let d = d2.sqrt().max(1e-3);
                let (ux, uy) = if d2 < 1e-6 {
                    (1.0, 0.0)
                } else {
                    (dx / d, dy / d)
                };
                let k = (min - d) * 0.35;
                self.vel[i][0] -= ux * k;
                self.vel[i][1] -= uy * k;
                self.vel[j][0] += ux * k;
                self.vel[j][1] += uy * k;
            });
        }
    }

    /// At rest, pushes apart any nodes whose discs still overlap, so the picture is clean.
    fn resolve_overlaps(&mut self) {
        let max_r = self.radius.iter().copied().fold(0.0f32, f32::max);
        for _ in 0..200 {
            let mut moved = false;
            let grid = Grid::new(&self.pos, (2.0 * max_r + PADDING).max(1.0));
            let mut pairs = Vec::new();
            for i in 0..self.pos.len() {
                grid.neighbours(self.pos[i], |j| {
                    if j > i {
                        pairs.push((i, j));
                    }
                });
            }
            pairs.sort_unstable();
            for (i, j) in pairs {
                let min = self.radius[i] + self.radius[j] + PADDING;
                let (dx, dy) = (
                    self.pos[j][0] - self.pos[i][0],
                    self.pos[j][1] - self.pos[i][1],
                );
                let d = (dx * dx + dy * dy).sqrt();
                if d >= min - 1e-3 {
                    continue;
                }
                let (ux, uy) = if d < 1e-6 {
                    (1.0, 0.0)
                } else {
                    (dx / d, dy / d)
                };
                let overlap = min - d + 0.01;
                let (wi, wj) = match (self.pinned[i], self.pinned[j]) {
                    (true, true) => continue,
                    (true, false) => (0.0, 1.0),
                    (false, true) => (1.0, 0.0),
                    (false, false) => (0.5, 0.5),
                };
                self.pos[i][0] -= ux * overlap * wi;
                self.pos[i][1] -= uy * overlap * wi;
                self.pos[j][0] += ux * overlap * wj;
                self.pos[j][1] += uy * overlap * wj;
                moved = true;
            }
            if !moved {
                break;
            }
        }
    }

    /// The layout as it stands, for drawing.
    pub fn layout(&self) -> Layout {
        Layout {
            positions: self.pos.iter().map(|p| Some(*p)).collect(),
            label_side: vec![LabelSide::Right; self.pos.len()],
            decorations: Vec::new(),
        }
    }
}

/// A uniform grid of cells for finding near neighbours.
struct Grid {
    cell: f32,
    cells: std::collections::HashMap<(i32, i32), Vec<u32>>,
}

impl Grid {
    fn new(pos: &[[f32; 2]], cell: f32) -> Self {
        let mut cells: std::collections::HashMap<(i32, i32), Vec<u32>> =
            std::collections::HashMap::new();
        for (i, p) in pos.iter().enumerate() {
            cells.entry(Self::key(p, cell)).or_default().push(i as u32);
        }
        Self { cell, cells }
    }

    fn key(p: &[f32; 2], cell: f32) -> (i32, i32) {
        ((p[0] / cell).floor() as i32, (p[1] / cell).floor() as i32)
    }

    /// Calls `f` for every node in the 3×3 cells around `p`, in a fixed order.
    fn neighbours(&self, p: [f32; 2], mut f: impl FnMut(usize)) {
        let (cx, cy) = Self::key(&p, self.cell);
        for dy in -1..=1 {
            for dx in -1..=1 {
                if let Some(list) = self.cells.get(&(cx + dx, cy + dy)) {
                    for &j in list {
                        f(j as usize);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::graph::Granularity;
    use super::super::test_store::sample_store;
    use super::*;

    fn layout() -> (Graph, ForceLayout) {
        let g = Graph::build(&sample_store(), Granularity::Institutions);
        let radius = g
            .nodes
            .iter()
            .map(|n| 6.0 + 3.0 * (n.partnerships as f32).sqrt())
            .collect();
        let f = ForceLayout::new(&g, radius);
        (g, f)
    }

    #[test]
    fn the_force_layout_is_deterministic() {
        let (_, mut a) = layout();
        let (_, mut b) = layout();
        a.settle();
        b.settle();
        assert_eq!(a.pos, b.pos);
        assert_eq!(a.ticks, b.ticks);
    }

    #[test]
    fn the_force_layout_settles_and_then_stops_moving() {
        let (_, mut f) = layout();
        f.settle();
        assert!(f.is_settled());
        assert!(f.ticks > 100 && f.ticks < 400, "ticks {}", f.ticks);
        let before = f.pos.clone();
        assert!(!f.tick(), "a settled layout does not tick");
        assert_eq!(before, f.pos);
    }

    #[test]
    fn no_two_nodes_overlap_at_rest() {
        let (g, mut f) = layout();
        f.settle();
        for i in 0..g.nodes.len() {
            for j in i + 1..g.nodes.len() {
                let d = ((f.pos[i][0] - f.pos[j][0]).powi(2) + (f.pos[i][1] - f.pos[j][1]).powi(2))
                    .sqrt();
                assert!(
                    d >= f.radius[i] + f.radius[j],
                    "{} and {} overlap: {d}",
                    g.nodes[i].key,
                    g.nodes[j].key
                );
            }
        }
    }

    #[test]
    fn linked_organisations_end_up_closer_than_unlinked_ones_on_average() {
        let (g, mut f) = layout();
        f.settle();
        let dist = |i: usize, j: usize| {
            ((f.pos[i][0] - f.pos[j][0]).powi(2) + (f.pos[i][1] - f.pos[j][1]).powi(2)).sqrt()
        };
        let linked: Vec<f32> = g
            .edges
            .iter()
            .map(|e| dist(e.from as usize, e.to as usize))
            .collect();
        let mean_linked = linked.iter().sum::<f32>() / linked.len() as f32;
        let mut all = Vec::new();
        for i in 0..g.nodes.len() {
            for j in i + 1..g.nodes.len() {
                all.push(dist(i, j));
            }
        }
        let mean_all = all.iter().sum::<f32>() / all.len() as f32;
        assert!(mean_linked < mean_all, "{mean_linked} vs {mean_all}");
    }

    #[test]
    fn a_pinned_node_stays_where_it_was_dropped() {
        let (_, mut f) = layout();
        f.pin(0, [500.0, -300.0]);
        f.reheat(0.5);
        f.settle();
        assert_eq!(f.pos[0], [500.0, -300.0]);
        f.unpin(0);
        f.reheat(0.3);
        f.settle();
        assert_ne!(f.pos[0], [500.0, -300.0], "unpinned, it is pulled back in");
    }

    #[test]
    fn a_large_graph_uses_the_grid_and_still_settles() {
        let mut store = sample_store();
        for i in 0..700 {
            let mut p = store.places[i % 16].clone();
            p.id = format!("place-x{i:04}");
            p.lat += (i as f64) * 0.001;
            store.places.push(p);
            let mut pair = store.partnerships[0].clone();
            pair.id = format!("pship-x{i:04}");
            pair.a = format!("place-x{i:04}");
            store.partnerships.push(pair);
        }
        let g = Graph::build(&store, Granularity::Institutions);
        assert!(g.nodes.len() > EXACT_LIMIT);
        let mut f = ForceLayout::new(&g, vec![4.0; g.nodes.len()]);
        f.settle();
        assert!(f.is_settled());
        assert!(f.pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }
}
