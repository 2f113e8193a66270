//! Where everything goes on screen for one camera: lanes stacked top to bottom, spans and marks
//! packed into rows inside their lane so that none hides another. Pure geometry, no painting.

use egui::{Pos2, Rect, pos2};

use crate::analysis::timeline::Timeline;

use super::camera::TimeCamera;

/// Height of one row of spans (a name over a bar).
pub const SPAN_ROW: f32 = 18.0;
/// Height of one row of marks.
pub const MARK_ROW: f32 = 16.0;
/// Marks closer than this (points) go to different rows.
pub const MARK_GAP: f32 = 14.0;
/// At most this many mark rows per lane; past it marks share the last row.
pub const MAX_MARK_ROWS: usize = 10;
/// Space above and below a lane's rows.
pub const LANE_PAD: f32 = 5.0;
/// The smallest lane height (its title needs two lines).
pub const MIN_LANE: f32 = 40.0;

/// A lane's place on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneGeom {
    /// The whole lane across the plot (right of the titles).
    pub rect: Rect,
}

/// Every item's place on screen, by index into the timeline's lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geometry {
    pub lanes: Vec<LaneGeom>,
    /// The centre of each mark.
    pub marks: Vec<Pos2>,
    /// The bar of each span (its name sits above it); `open` when no end is stated.
    pub spans: Vec<(Rect, bool)>,
    /// The height of all lanes together (more than the plot when they overflow).
    pub content_height: f32,
}

/// Puts each interval `(x0, x1)`, taken in order, in the first row whose last interval ends
/// before it starts; returns each interval's row. Rows are capped at `max_rows`.
pub fn pack(intervals: &[(f32, f32)], gap: f32, max_rows: usize) -> Vec<usize> {
    let mut row_ends: Vec<f32> = Vec::new();
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by(|&a, &b| intervals[a].0.total_cmp(&intervals[b].0));
    let mut rows = vec![0; intervals.len()];
    for i in order {
        let (x0, x1) = intervals[i];
        let row = match row_ends.iter().position(|&end| end + gap <= x0) {
            Some(r) => r,
            None if row_ends.len() < max_rows.max(1) => {
                row_ends.push(f32::NEG_INFINITY);
                row_ends.len() - 1
            }
            None => row_ends.len() - 1,
        };
        row_ends[row] = row_ends[row].max(x1);
        rows[i] = row;
    }
    rows
}

/// Lays the timeline out in `plot` (the area right of the lane titles, below the axis),
/// scrolled up by `scroll_y`. `span_label_widths` are the widths of the spans' names.
pub fn layout(
    t: &Timeline,
    cam: TimeCamera,
    plot: Rect,
    scroll_y: f32,
    span_label_widths: &[f32],
) -> Geometry {
    let (left, right) = (plot.left(), plot.right());
    let x = |time: f64| cam.x_of(time, left, right);
    let mut g = Geometry {
        marks: vec![Pos2::ZERO; t.marks.len()],
        spans: vec![(Rect::NOTHING, false); t.spans.len()],
        ..Geometry::default()
    };
    let mut top = plot.top() - scroll_y;
    for lane in 0..t.lanes.len() {
        // Spans: the bar, widened to its name so names do not overlap.
        let spans: Vec<usize> = (0..t.spans.len())
            .filter(|&i| t.spans[i].lane == lane)
            .collect();
        let intervals: Vec<(f32, f32)> = spans
            .iter()
            .map(|&i| {
                let (a, b) = t.spans[i].extent();
                let x0 = x(a).max(left);
                let x1 = b.map_or(right, &x).min(right).max(x0);
                let w = span_label_widths.get(i).copied().unwrap_or(0.0);
                (x0, x1.max(x0 + w))
            })
            .collect();
        let span_rows = pack(&intervals, 8.0, usize::MAX);
        let n_span_rows = span_rows.iter().max().map_or(0, |r| r + 1);
        for (k, &i) in spans.iter().enumerate() {
            let (a, b) = t.spans[i].extent();
            let y = top + LANE_PAD + span_rows[k] as f32 * SPAN_ROW;
            let bar = Rect::from_min_max(
                pos2(x(a), y + SPAN_ROW - 6.0),
                pos2(b.map_or(right + 40.0, &x), y + SPAN_ROW - 1.0),
            );
            g.spans[i] = (bar, b.is_none());
        }
        // Marks: at the middle of their date, packed into rows.
        let marks: Vec<usize> = (0..t.marks.len())
            .filter(|&i| t.marks[i].lane == lane)
            .collect();
        let intervals: Vec<(f32, f32)> = marks
            .iter()
            .map(|&i| {
                let cx = x(t.marks[i].at());
                (cx, cx)
            })
            .collect();
        let mark_rows = pack(&intervals, MARK_GAP, MAX_MARK_ROWS);
        let n_mark_rows = mark_rows.iter().max().map_or(0, |r| r + 1);
        let marks_top = top + LANE_PAD + n_span_rows as f32 * SPAN_ROW;
        for (k, &i) in marks.iter().enumerate() {
            let y = marks_top + (mark_rows[k] as f32 + 0.5) * MARK_ROW;
            g.marks[i] = pos2(intervals[k].0, y);
        }
        let height =
            (2.0 * LANE_PAD + n_span_rows as f32 * SPAN_ROW + n_mark_rows as f32 * MARK_ROW)
                .max(MIN_LANE);
        g.lanes.push(LaneGeom {
            rect: Rect::from_min_max(pos2(left, top), pos2(right, top + height)),
        });
        top += height;
    }
    g.content_height = top + scroll_y - plot.top();
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::network::Filter;

    #[test]
    fn close_intervals_go_to_separate_rows_and_far_ones_share_a_row() {
        let rows = pack(
            &[(0.0, 0.0), (5.0, 5.0), (100.0, 100.0), (3.0, 3.0)],
            10.0,
            8,
        );
        assert_eq!(rows, vec![0, 2, 0, 1]);
        // Past the cap, marks share the last row.
        let capped = pack(&[(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)], 10.0, 2);
        assert_eq!(capped, vec![0, 1, 1]);
    }

    #[test]
    fn marks_stay_inside_their_lane_and_lanes_do_not_overlap() {
        let store = match crate::store::embedded() {
            Ok(l) => l.store,
            Err(p) => panic!("{p:?}"),
        };
        let t = Timeline::build(&store, &Filter::default());
        let (lo, hi) = t.range().unwrap_or((2000.0, 2030.0));
        let plot = Rect::from_min_max(pos2(200.0, 40.0), pos2(1000.0, 600.0));
        let g = layout(&t, TimeCamera::fit(lo, hi), plot, 0.0, &[]);
        assert_eq!(g.lanes.len(), t.lanes.len());
        for (m, p) in t.marks.iter().zip(&g.marks) {
            let lane = &g.lanes[m.lane].rect;
            assert!(lane.contains(*p), "{} at {p:?} outside {lane:?}", m.title);
            assert!(p.x >= plot.left() && p.x <= plot.right());
        }
        for w in g.lanes.windows(2) {
            assert!(w[0].rect.bottom() <= w[1].rect.top() + 1e-3);
        }
        let scrolled = layout(&t, TimeCamera::fit(lo, hi), plot, 30.0, &[]);
        assert!((scrolled.lanes[0].rect.top() - (plot.top() - 30.0)).abs() < 1e-3);
        assert!((scrolled.content_height - g.content_height).abs() < 1e-3);
    }
}
