//! Greedy label placement: labels are placed in priority order, each at the first of a few
//! candidate spots around its node that does not collide with a label already placed or with
//! another node's disc. A label with no free spot is left out (its name is in the tooltip).

use std::collections::HashMap;

use super::layout::{LabelSide, WRect};

/// A label to place, in screen units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// The centre of the node.
    pub anchor: [f32; 2],
    /// The node's radius: labels keep clear of it.
    pub radius: f32,
    /// Width and height of the text.
    pub size: [f32; 2],
    /// The side tried first.
    pub prefer: LabelSide,
    /// How important the label is: requests come in priority order, and a run of requests with
    /// the same tier are equals (as many partnerships and cohorts). Within a tier the label with
    /// the fewest free spots goes first, so a place hemmed in by its neighbours keeps its label
    /// where a neighbour with room elsewhere can move (Liverpool City Region among Belfast,
    /// Glasgow and Birmingham).
    pub tier: u32,
    /// Whether the label may sit a little away from its node, tied to it by a leader line,
    /// when no spot beside it is free (for the busy places, not for every faded dot).
    pub far: bool,
}

const GAP: f32 = 3.0;
const CELL: f32 = 48.0;

fn candidate(r: &LabelRequest, side: LabelSide, slant: f32) -> WRect {
    let [x, y] = r.anchor;
    let [w, h] = r.size;
    let d = r.radius + GAP;
    let min = match side {
        LabelSide::Right => [x + d, y - h / 2.0 + slant * h],
        LabelSide::Left => [x - d - w, y - h / 2.0 + slant * h],
        LabelSide::Above => [x - w / 2.0, y - d - h],
        LabelSide::Below => [x - w / 2.0, y + d],
    };
    WRect {
        min,
        max: [min[0] + w, min[1] + h],
    }
}

/// The candidate spots of a label, preferred side first.
fn candidates(r: &LabelRequest) -> Vec<WRect> {
    let sides = match r.prefer {
        LabelSide::Right => [
            LabelSide::Right,
            LabelSide::Left,
            LabelSide::Above,
            LabelSide::Below,
        ],
        LabelSide::Left => [
            LabelSide::Left,
            LabelSide::Right,
            LabelSide::Above,
            LabelSide::Below,
        ],
        LabelSide::Above => [
            LabelSide::Above,
            LabelSide::Below,
            LabelSide::Right,
            LabelSide::Left,
        ],
        LabelSide::Below => [
            LabelSide::Below,
            LabelSide::Above,
            LabelSide::Right,
            LabelSide::Left,
        ],
    };
    let mut out: Vec<WRect> = sides.iter().map(|s| candidate(r, *s, 0.0)).collect();
    // Then the preferred side nudged up and down half a line.
    for slant in [-0.6, 0.6] {
        out.push(candidate(r, sides[0], slant));
        out.push(candidate(r, sides[1], slant));
    }
    out
}

/// Spots a little away from the node, tried only when no spot beside it is free: a label there
/// is drawn with a leader line to its node (see [`needs_leader`]). Nearest first.
fn far_candidates(r: &LabelRequest) -> Vec<WRect> {
    let [w, h] = r.size;
    let mut out = Vec::new();
    for step in [1.0_f32, 2.0, 3.0] {
        let push = LabelRequest {
            radius: r.radius + step * LEADER_STEP,
            ..*r
        };
        for side in [
            LabelSide::Right,
            LabelSide::Left,
            LabelSide::Above,
            LabelSide::Below,
        ] {
            out.push(candidate(&push, side, 0.0));
        }
        // The corners: the label's near corner towards the node.
        let d = push.radius * std::f32::consts::FRAC_1_SQRT_2;
        let [x, y] = r.anchor;
        for (sx, sy) in [(1.0, -1.0), (1.0, 1.0), (-1.0, -1.0), (-1.0, 1.0)] {
            let cx = x + sx * d;
            let cy = y + sy * d;
            let min = [
                if sx > 0.0 { cx } else { cx - w },
                if sy > 0.0 { cy } else { cy - h },
            ];
            out.push(WRect {
                min,
                max: [min[0] + w, min[1] + h],
            });
        }
    }
    out
}

/// How far each ring of far spots is from the last.
const LEADER_STEP: f32 = 12.0;

/// Whether a label at `spot` sits away from its node (a far spot) and needs a leader line.
pub fn needs_leader(r: &LabelRequest, spot: &WRect) -> bool {
    let [x, y] = r.anchor;
    let dx = (spot.min[0] - x).max(x - spot.max[0]).max(0.0);
    let dy = (spot.min[1] - y).max(y - spot.max[1]).max(0.0);
    dx.hypot(dy) > r.radius + GAP + LEADER_STEP * 0.5
}

/// The point of `spot` nearest to the node: where its leader line ends.
pub fn leader_end(r: &LabelRequest, spot: &WRect) -> [f32; 2] {
    [
        r.anchor[0].clamp(spot.min[0], spot.max[0]),
        r.anchor[1].clamp(spot.min[1], spot.max[1]),
    ]
}

/// Whether the straight line from the node's edge to `spot` crosses a placed label.
fn leader_crosses(r: &LabelRequest, spot: &WRect, labels: &[WRect]) -> bool {
    let [x0, y0] = r.anchor;
    let [x1, y1] = leader_end(r, spot);
    let len = (x1 - x0).hypot(y1 - y0);
    if len <= f32::EPSILON {
        return false;
    }
    let steps = (len / 2.0).ceil() as usize;
    (0..=steps).any(|k| {
        let t = k as f32 / steps as f32;
        let (px, py) = (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
        labels
            .iter()
            .any(|l| px > l.min[0] && px < l.max[0] && py > l.min[1] && py < l.max[1])
    })
}

/// A uniform grid of placed rectangles.
struct Occupied {
    cells: HashMap<(i32, i32), Vec<usize>>,
    rects: Vec<WRect>,
}

impl Occupied {
    fn cells_of(r: &WRect) -> impl Iterator<Item = (i32, i32)> {
        let (x0, y0) = (
            (r.min[0] / CELL).floor() as i32,
            (r.min[1] / CELL).floor() as i32,
        );
        let (x1, y1) = (
            (r.max[0] / CELL).floor() as i32,
            (r.max[1] / CELL).floor() as i32,
        );
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| (x, y)))
    }

    fn collides(&self, r: &WRect) -> bool {
        self.collides_except(r, usize::MAX)
    }

    /// Whether `r` meets a placed rectangle other than number `skip`.
    fn collides_except(&self, r: &WRect, skip: usize) -> bool {
        Self::cells_of(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|v| v.iter().any(|&i| i != skip && self.rects[i].intersects(r)))
        })
    }

    /// Adds a rectangle; returns its number.
    fn insert(&mut self, r: WRect) -> usize {
        let i = self.rects.len();
        self.rects.push(r);
        for c in Self::cells_of(&r) {
            self.cells.entry(c).or_default().push(i);
        }
        i
    }

    /// Puts rectangle number `i` somewhere else (its old cells keep a stale entry that can no
    /// longer collide with anything outside the new rectangle).
    fn replace(&mut self, i: usize, r: WRect) {
        self.rects[i] = r;
        for c in Self::cells_of(&r) {
            let v = self.cells.entry(c).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
}

/// Places labels in the order given (most important first) inside `bounds`. Node discs of all
/// requests are obstacles, as are the `obstacles` (the legend, the toolbar). Returns the chosen
/// rectangle of each label, or `None` where it would collide everywhere.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[WRect],
    bounds: WRect,
) -> Vec<Option<WRect>> {
    let mut occupied = Occupied {
        cells: HashMap::new(),
        rects: Vec::new(),
    };
    for o in obstacles {
        occupied.insert(*o);
    }
    for r in requests {
        let d = r.radius.max(1.0);
        occupied.insert(WRect {
            min: [r.anchor[0] - d, r.anchor[1] - d],
            max: [r.anchor[0] + d, r.anchor[1] + d],
        });
    }
    let inside = |c: &WRect| {
        c.min[0] >= bounds.min[0]
            && c.min[1] >= bounds.min[1]
            && c.max[0] <= bounds.max[0]
            && c.max[1] <= bounds.max[1]
    };
    let mut out = vec![None; requests.len()];
    let mut labels: Vec<WRect> = Vec::new();
    let mut start = 0;
    while start < requests.len() {
        let tier = requests[start].tier;
        let end = requests[start..]
            .iter()
            .position(|r| r.tier != tier)
            .map_or(requests.len(), |n| start + n);
        // The most hemmed-in first (a stable sort: equals keep their priority order).
        let mut group: Vec<(usize, usize)> = (start..end)
            .map(|i| {
                let free = candidates(&requests[i])
                    .iter()
                    .filter(|c| inside(c) && !occupied.collides(c))
                    .count();
                (free, i)
            })
            .collect();
        group.sort_by_key(|&(free, _)| free);
        for (_, i) in group {
            let r = &requests[i];
            let spot = candidates(r)
                .into_iter()
                .find(|c| inside(c) && !occupied.collides(c))
                .or_else(|| {
                    if !r.far {
                        return None;
                    }
                    far_candidates(r).into_iter().find(|c| {
                        inside(c) && !occupied.collides(c) && !leader_crosses(r, c, &labels)
                    })
                });
            if let Some(spot) = spot {
                occupied.insert(spot);
                labels.push(spot);
                out[i] = Some(spot);
            }
        }
        start = end;
    }
    out
}

/// Places labels as [`place_labels`] does with each request's `size`, then gives each placed
/// label, in the same order, its `wide` size (a longer text: English and Hangul) at the first
/// candidate spot where that fits; a label that cannot widen keeps its first spot. So the set of
/// labelled nodes is exactly the one [`place_labels`] gives, and no two labels overlap. Returns
/// each label's rectangle and whether it took its wide size.
pub fn place_labels_widening(
    requests: &[LabelRequest],
    wide: &[[f32; 2]],
    obstacles: &[WRect],
    bounds: WRect,
) -> Vec<Option<(WRect, bool)>> {
    let placed = place_labels(requests, obstacles, bounds);
    let mut occupied = Occupied {
        cells: HashMap::new(),
        rects: Vec::new(),
    };
    for o in obstacles {
        occupied.insert(*o);
    }
    for r in requests {
        let d = r.radius.max(1.0);
        occupied.insert(WRect {
            min: [r.anchor[0] - d, r.anchor[1] - d],
            max: [r.anchor[0] + d, r.anchor[1] + d],
        });
    }
    let slots: Vec<Option<usize>> = placed
        .iter()
        .map(|p| p.map(|r| occupied.insert(r)))
        .collect();
    let inside = |c: &WRect| {
        c.min[0] >= bounds.min[0]
            && c.min[1] >= bounds.min[1]
            && c.max[0] <= bounds.max[0]
            && c.max[1] <= bounds.max[1]
    };
    requests
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (spot, slot) = (placed[i]?, slots[i]?);
            let Some(&size) = wide.get(i).filter(|w| **w != r.size) else {
                return Some((spot, true));
            };
            let widened = LabelRequest { size, ..*r };
            match candidates(&widened)
                .into_iter()
                .find(|c| inside(c) && !occupied.collides_except(c, slot))
            {
                Some(c) => {
                    occupied.replace(slot, c);
                    Some((c, true))
                }
                None => Some((spot, false)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: WRect = WRect {
        min: [0.0, 0.0],
        max: [800.0, 600.0],
    };

    fn req(x: f32, y: f32) -> LabelRequest {
        LabelRequest {
            anchor: [x, y],
            radius: 5.0,
            size: [60.0, 14.0],
            prefer: LabelSide::Right,
            tier: 0,
            far: false,
        }
    }

    #[test]
    fn a_lone_label_goes_on_its_preferred_side() {
        let placed = place_labels(&[req(100.0, 100.0)], &[], SCREEN);
        let Some(Some(r)) = placed.first().copied() else {
            panic!("not placed")
        };
        assert!(r.min[0] > 105.0, "to the right of the node: {r:?}");
        let left = LabelRequest {
            prefer: LabelSide::Left,
            ..req(100.0, 100.0)
        };
        let Some(Some(r)) = place_labels(&[left], &[], SCREEN).first().copied() else {
            panic!()
        };
        assert!(r.max[0] < 95.0, "to the left: {r:?}");
    }

    #[test]
    fn placed_labels_never_overlap_each_other_or_nodes() {
        let requests: Vec<LabelRequest> = (0..60)
            .map(|i| req(200.0 + (i % 6) as f32 * 20.0, 200.0 + (i / 6) as f32 * 9.0))
            .collect();
        let placed = place_labels(&requests, &[], SCREEN);
        let rects: Vec<WRect> = placed.iter().flatten().copied().collect();
        assert!(
            !rects.is_empty() && rects.len() < requests.len(),
            "some but not all fit"
        );
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
            for r in &requests {
                let disc = WRect {
                    min: [r.anchor[0] - 5.0, r.anchor[1] - 5.0],
                    max: [r.anchor[0] + 5.0, r.anchor[1] + 5.0],
                };
                assert!(!a.intersects(&disc), "label covers a node");
            }
        }
    }

    #[test]
    fn the_first_request_wins_a_contested_spot() {
        let placed = place_labels(&[req(100.0, 100.0), req(100.0, 100.0)], &[], SCREEN);
        assert!(placed[0].is_some());
        let (Some(a), Some(b)) = (placed[0], placed[1]) else {
            panic!("both fit somewhere")
        };
        assert!(a.min[0] > 100.0, "the first keeps its preferred side");
        assert!(!a.intersects(&b));
    }

    #[test]
    fn labels_stay_inside_the_bounds_and_clear_of_obstacles() {
        let legend = WRect {
            min: [0.0, 0.0],
            max: [300.0, 300.0],
        };
        let placed = place_labels(&[req(250.0, 250.0), req(790.0, 300.0)], &[legend], SCREEN);
        assert!(placed[0].is_none(), "inside the legend there is no room");
        let Some(r) = placed[1] else {
            panic!("fits on the left")
        };
        assert!(
            r.max[0] < 790.0,
            "to the left of the node at the edge: {r:?}"
        );
    }

    #[test]
    fn widening_keeps_every_label_that_fitted_at_its_short_size() {
        // A dense row: with the wide (bilingual) text placed from the start, some would lose
        // their label; widening after placing keeps them all and never overlaps.
        let requests: Vec<LabelRequest> = (0..30)
            .map(|i| {
                req(
                    100.0 + (i % 10) as f32 * 70.0,
                    100.0 + (i / 10) as f32 * 30.0,
                )
            })
            .collect();
        let wide: Vec<[f32; 2]> = requests.iter().map(|_| [130.0, 14.0]).collect();
        let short = place_labels(&requests, &[], SCREEN);
        let widened = place_labels_widening(&requests, &wide, &[], SCREEN);
        for (s, w) in short.iter().zip(&widened) {
            assert_eq!(s.is_some(), w.is_some(), "the same places are labelled");
        }
        let rects: Vec<WRect> = widened.iter().flatten().map(|(r, _)| *r).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
        }
        assert!(
            widened.iter().flatten().any(|(_, w)| *w),
            "some labels take their wide text"
        );
        let wide_only: Vec<LabelRequest> = requests
            .iter()
            .map(|r| LabelRequest {
                size: [130.0, 14.0],
                ..*r
            })
            .collect();
        let lost = place_labels(&wide_only, &[], SCREEN)
            .iter()
            .filter(|p| p.is_none())
            .count();
        let kept = short.iter().filter(|p| p.is_some()).count();
        assert!(
            lost > 0 && kept > 30 - lost,
            "the test needs a case where wide labels alone lose some ({lost} lost, {kept} kept)"
        );
    }

    #[test]
    fn a_hemmed_in_busy_node_gets_a_spot_away_from_it_with_a_leader_and_keeps_clear() {
        // A node ringed by four neighbours whose discs block every spot beside it.
        let centre = LabelRequest {
            far: true,
            ..req(300.0, 300.0)
        };
        let ring: Vec<LabelRequest> = [(-14.0, 0.0), (14.0, 0.0), (0.0, -12.0), (0.0, 12.0)]
            .iter()
            .map(|(dx, dy)| LabelRequest {
                size: [1.0, 1.0],
                ..req(300.0 + dx, 300.0 + dy)
            })
            .collect();
        let mut requests = vec![centre];
        requests.extend(ring.iter().copied());
        let near_only = LabelRequest {
            far: false,
            ..centre
        };
        let mut blocked = vec![near_only];
        blocked.extend(ring.iter().copied());
        assert!(
            place_labels(&blocked, &[], SCREEN)[0].is_none(),
            "no spot beside it"
        );
        let Some(spot) = place_labels(&requests, &[], SCREEN)[0] else {
            panic!("a far spot")
        };
        assert!(
            needs_leader(&centre, &spot),
            "{spot:?} is away from the node"
        );
        for r in &requests {
            let d = r.radius;
            let disc = WRect {
                min: [r.anchor[0] - d, r.anchor[1] - d],
                max: [r.anchor[0] + d, r.anchor[1] + d],
            };
            assert!(!spot.intersects(&disc), "{spot:?} covers a node");
        }
    }

    #[test]
    fn among_equals_the_most_hemmed_in_label_goes_first() {
        // Two equal nodes: the first prefers its left, the very spot the second (against a
        // wall) needs on its right; the first has room elsewhere.
        let wall = WRect {
            min: [0.0, 0.0],
            max: [195.0, 600.0],
        };
        let free = LabelRequest {
            prefer: LabelSide::Left,
            ..req(330.0, 100.0)
        };
        let hemmed = req(205.0, 100.0);
        let placed = place_labels(&[free, hemmed], &[wall], SCREEN);
        let (Some(a), Some(b)) = (placed[0], placed[1]) else {
            panic!("both keep a label: {placed:?}")
        };
        assert!(!a.intersects(&b));
        assert!(
            placed[1].is_some(),
            "the hemmed-in one keeps its label: {placed:?}"
        );
    }
}
