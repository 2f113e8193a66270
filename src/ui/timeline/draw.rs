//! Painting: the axis and its grid, lane stripes and titles, spans, marks and the as-of cursor.
//! Shapes only; what the pointer does is in `canvas.rs`.

use egui::{Align2, Color32, FontId, Painter, Rect, Shape, Stroke, Ui, pos2, vec2};

use crate::analysis::timeline::{Lane, SpanKind, Timeline};
use crate::ui::theme;

use super::camera::{self, TimeCamera};
use super::glyph::{Glyph, faded};
use super::layout::Geometry;
use super::text;

/// The radius of a mark's glyph.
pub const GLYPH: f32 = 5.5;

/// The colour of a lane: its programme's link colour in the network.
pub fn lane_colour(lane: &Lane) -> Color32 {
    lane.colour
        .map_or(theme::NETWORK_COHORT, theme::categorical)
}

/// What every painting function needs.
pub struct Scene<'a> {
    /// Clipped to the whole canvas.
    pub painter: &'a Painter,
    pub timeline: &'a Timeline,
    pub geometry: &'a Geometry,
    pub camera: TimeCamera,
    /// The plot: right of the titles, below the axis.
    pub plot: Rect,
    /// The lane titles' column.
    pub titles: Rect,
    /// The axis strip above the plot.
    pub axis: Rect,
    pub selected: Option<&'a str>,
    pub noted: &'a std::collections::BTreeSet<String>,
    pub hangul: bool,
}

impl Scene<'_> {
    /// Lane stripes, their titles, and the year grid behind them.
    pub fn background(&self, ui: &Ui) {
        let v = ui.visuals();
        let p = &self.painter.with_clip_rect(self.titles.union(self.plot));
        for (i, (lane, g)) in self
            .timeline
            .lanes
            .iter()
            .zip(&self.geometry.lanes)
            .enumerate()
        {
            let row =
                Rect::from_x_y_ranges(self.titles.left()..=self.plot.right(), g.rect.y_range());
            if i % 2 == 1 {
                p.rect_filled(row, 0.0, v.faint_bg_color);
            }
            p.line_segment(
                [row.left_bottom(), row.right_bottom()],
                v.widgets.noninteractive.bg_stroke,
            );
            let colour = lane_colour(lane);
            let strip = Rect::from_min_size(row.min, vec2(4.0, row.height()));
            p.rect_filled(
                strip,
                0.0,
                if lane.outside { faded(colour) } else { colour },
            );
            let selected = lane
                .programme
                .as_deref()
                .is_some_and(|id| self.selected == Some(id));
            let text_colour = if lane.outside {
                v.weak_text_color()
            } else if selected {
                v.strong_text_color()
            } else {
                v.text_color()
            };
            let title = text::lane_title(lane, self.hangul);
            let galley = p.layout(
                title,
                FontId::proportional(13.0),
                text_colour,
                self.titles.width() - 14.0,
            );
            let clip = Rect::from_x_y_ranges(self.titles.x_range(), row.y_range());
            p.with_clip_rect(clip).galley(
                pos2(row.left() + 10.0, row.top() + 6.0),
                galley,
                text_colour,
            );
            let t = self.timeline;
            if !t.marks.iter().any(|m| m.lane == i) && !t.spans.iter().any(|s| s.lane == i) {
                p.text(
                    pos2(self.plot.left() + 8.0, row.center().y),
                    Align2::LEFT_CENTER,
                    "nothing dated in the sources — see the list below",
                    FontId::proportional(11.0),
                    v.weak_text_color(),
                );
            }
        }
        let grid = v.widgets.noninteractive.bg_stroke.color;
        for tick in camera::ticks(self.camera, self.plot.width()) {
            let x = self
                .camera
                .x_of(tick.t, self.plot.left(), self.plot.right());
            if x < self.plot.left() || x > self.plot.right() {
                continue;
            }
            // Month lines only where months are wide enough to read; the axis has them always.
            let stroke = if tick.major {
                Stroke::new(1.0, grid)
            } else if self.camera.points_per_year(self.plot.width()) >= 12.0 * 24.0 {
                Stroke::new(1.0, grid.gamma_multiply(0.4))
            } else {
                continue;
            };
            p.line_segment(
                [pos2(x, self.plot.top()), pos2(x, self.plot.bottom())],
                stroke,
            );
        }
    }

    /// The axis strip: ticks and year (and month) labels.
    pub fn axis(&self, ui: &Ui) {
        let v = ui.visuals();
        let p = self.painter;
        p.rect_filled(self.axis, 0.0, v.extreme_bg_color);
        p.line_segment(
            [self.axis.left_bottom(), self.axis.right_bottom()],
            v.widgets.noninteractive.fg_stroke,
        );
        for tick in camera::ticks(self.camera, self.plot.width()) {
            let x = self
                .camera
                .x_of(tick.t, self.plot.left(), self.plot.right());
            if x < self.plot.left() - 30.0 || x > self.plot.right() + 30.0 {
                continue;
            }
            let len = if tick.major { 8.0 } else { 4.0 };
            p.line_segment(
                [
                    pos2(x, self.axis.bottom() - len),
                    pos2(x, self.axis.bottom()),
                ],
                v.widgets.noninteractive.fg_stroke,
            );
            if let Some(label) = tick.label {
                let (size, colour) = if tick.major {
                    (13.0, v.text_color())
                } else {
                    (11.0, v.weak_text_color())
                };
                p.text(
                    pos2(x + 3.0, self.axis.bottom() - len),
                    Align2::LEFT_BOTTOM,
                    label,
                    FontId::proportional(size),
                    colour,
                );
            }
        }
    }

    /// Span bars with their names above them.
    pub fn spans(&self, ui: &Ui) {
        let v = ui.visuals();
        let p = &self.painter.with_clip_rect(self.plot);
        for (s, &(bar, open)) in self.timeline.spans.iter().zip(&self.geometry.spans) {
            if !bar.is_positive() || !bar.intersects(self.plot) {
                continue;
            }
            let colour = self
                .timeline
                .lanes
                .get(s.lane)
                .map_or(theme::NETWORK_COHORT, lane_colour);
            let colour = if s.outside { faded(colour) } else { colour };
            match s.kind {
                SpanKind::Agreement => {
                    p.rect_stroke(bar, 2.0, Stroke::new(1.0, colour), egui::StrokeKind::Inside);
                }
                SpanKind::Programme => {
                    p.rect_filled(bar, 2.0, colour.gamma_multiply(0.45));
                }
                SpanKind::Partnership | SpanKind::Cohort => {
                    p.rect_filled(bar, 2.0, colour);
                }
            }
            if open {
                // No end stated: the bar runs off the right edge, thinning out.
                let tip = pos2(self.plot.right() - 2.0, bar.center().y);
                if bar.right() > self.plot.right() {
                    p.add(Shape::convex_polygon(
                        vec![
                            tip + vec2(0.0, -5.0),
                            tip + vec2(6.0, 0.0),
                            tip + vec2(0.0, 5.0),
                        ],
                        colour,
                        Stroke::NONE,
                    ));
                }
            }
            if self.selected == Some(s.record.as_str()) {
                p.rect_stroke(
                    bar.expand(2.0),
                    3.0,
                    Stroke::new(2.0, theme::NETWORK_SELECTION),
                    egui::StrokeKind::Outside,
                );
            }
            let label = text::span_caption(s, self.hangul);
            let colour = if s.outside {
                v.weak_text_color()
            } else {
                v.text_color()
            };
            let font = FontId::proportional(10.5);
            let width_of = |t: &str| {
                p.layout_no_wrap(t.to_owned(), font.clone(), colour)
                    .size()
                    .x
            };
            let (x, label) = fit_caption(
                &label,
                bar.left().max(self.plot.left()) + 2.0,
                self.plot.left() + 2.0,
                // Clear of the lanes' scroll bar at the plot's right edge.
                self.plot.right() - 10.0,
                width_of,
            );
            p.text(
                pos2(x, bar.top() - 1.0),
                Align2::LEFT_BOTTOM,
                label,
                font,
                colour,
            );
        }
    }

    /// Marks: the interval their date stands for (when it is wider than the glyph), the glyph,
    /// the selection ring and the note dot.
    pub fn marks(&self) {
        let p = &self.painter.with_clip_rect(self.plot);
        for (m, &c) in self.timeline.marks.iter().zip(&self.geometry.marks) {
            if !self.plot.expand(GLYPH).contains(c) {
                continue;
            }
            let colour = self
                .timeline
                .lanes
                .get(m.lane)
                .map_or(theme::NETWORK_COHORT, lane_colour);
            let glyph = Glyph::of(m, colour);
            let (a, b) = m.extent();
            let (xa, xb) = (
                self.camera.x_of(a, self.plot.left(), self.plot.right()),
                self.camera.x_of(b, self.plot.left(), self.plot.right()),
            );
            if xb - xa > 2.5 * GLYPH {
                let stroke = Stroke::new(1.0, glyph.outline.gamma_multiply(0.6));
                p.line_segment([pos2(xa, c.y), pos2(xb, c.y)], stroke);
                for x in [xa, xb] {
                    p.line_segment([pos2(x, c.y - 3.0), pos2(x, c.y + 3.0)], stroke);
                }
            }
            glyph.paint(p, c, GLYPH);
            if self.selected == Some(m.record.as_str()) {
                p.circle_stroke(c, GLYPH + 3.5, Stroke::new(2.0, theme::NETWORK_SELECTION));
            }
            if self.noted.contains(&m.record) {
                p.circle_filled(c + vec2(GLYPH, -GLYPH), 2.5, theme::NOTE);
            }
        }
    }

    /// "◀ 2 earlier" and "1 later ▶" at the edges of a lane whose marks lie off screen.
    pub fn beyond(&self, ui: &Ui, lane: Rect, earlier: usize, later: usize) {
        let v = ui.visuals();
        let p = &self.painter.with_clip_rect(self.plot);
        let font = FontId::proportional(11.0);
        let y = lane.bottom() - 2.0;
        if earlier > 0 {
            p.text(
                pos2(self.plot.left() + 3.0, y),
                Align2::LEFT_BOTTOM,
                format!("◀ {earlier} earlier"),
                font.clone(),
                v.weak_text_color(),
            );
        }
        if later > 0 {
            p.text(
                pos2(self.plot.right() - 10.0, y),
                Align2::RIGHT_BOTTOM,
                format!("{later} later ▶"),
                font,
                v.weak_text_color(),
            );
        }
    }

    /// The as-of cursor at the end of `year`; returns its handle (the label on the axis).
    pub fn cursor(&self, ui: &Ui, year: i32) -> Option<Rect> {
        let t = crate::analysis::timeline::cursor_at(year);
        let x = self.camera.x_of(t, self.plot.left(), self.plot.right());
        if !(self.plot.left()..=self.plot.right()).contains(&x) {
            return None;
        }
        let v = ui.visuals();
        let p = self.painter;
        let colour = v.strong_text_color();
        p.line_segment(
            [pos2(x, self.axis.top()), pos2(x, self.plot.bottom())],
            Stroke::new(1.5, colour),
        );
        let galley = p.layout_no_wrap(
            format!("as of {year}"),
            FontId::proportional(12.0),
            v.window_fill(),
        );
        let size = galley.size() + vec2(10.0, 4.0);
        let left = (x - size.x).max(self.plot.left());
        let handle = Rect::from_min_size(pos2(left, self.axis.top() + 2.0), size);
        p.rect_filled(handle, 3.0, colour);
        p.galley(handle.min + vec2(5.0, 2.0), galley, v.window_fill());
        Some(handle)
    }
}

/// Where a span's caption starts and what it says, so that it ends inside `left..=right`: from
/// `x` (the bar's start) when it fits; else moved left to end at `right`; else cut between
/// words ([`crate::text::ellipsize`]) to the room from `left`. `width_of` measures a text.
pub fn fit_caption(
    caption: &str,
    x: f32,
    left: f32,
    right: f32,
    width_of: impl Fn(&str) -> f32,
) -> (f32, String) {
    let w = width_of(caption);
    if x + w <= right {
        return (x, caption.to_owned());
    }
    if right - w >= left {
        return (right - w, caption.to_owned());
    }
    // The most characters whose cut caption fits (widths grow with the count kept).
    let (mut lo, mut hi) = (0, caption.chars().count());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if width_of(&crate::text::ellipsize(caption, mid)) <= right - left {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let cut = if lo == 0 {
        String::new()
    } else {
        crate::text::ellipsize(caption, lo)
    };
    (left, cut)
}

#[cfg(test)]
mod tests {
    use super::fit_caption;

    /// Seven points a character.
    fn width(t: &str) -> f32 {
        t.chars().count() as f32 * 7.0
    }

    #[test]
    fn a_caption_that_fits_starts_at_its_bar() {
        assert_eq!(
            fit_caption("JRC – KAIST", 100.0, 0.0, 400.0, width),
            (100.0, "JRC – KAIST".to_owned())
        );
    }

    #[test]
    fn a_caption_running_past_the_plot_ends_at_its_right_edge() {
        let caption = "MoU on Cultural Cooperation for the period 2018-2020";
        let (x, text) = fit_caption(caption, 300.0, 0.0, 500.0, width);
        assert_eq!(text, caption);
        assert!(x < 300.0 && (x + width(&text) - 500.0).abs() < 1e-3, "{x}");
    }

    #[test]
    fn a_caption_wider_than_the_plot_is_cut_between_words_and_stays_inside() {
        let caption = "World Cities Korea 2017-2018: Korean and European participants · 2017–2018";
        let (x, text) = fit_caption(caption, 200.0, 10.0, 310.0, width);
        assert_eq!(x, 10.0);
        assert!(text.ends_with('…') && x + width(&text) <= 310.0, "{text}");
        let kept = text.trim_end_matches('…');
        assert!(
            caption.starts_with(kept) && caption[kept.len()..].starts_with(' '),
            "{text}"
        );
        let (_, none) = fit_caption(caption, 0.0, 0.0, 3.0, width);
        assert!(width(&none) <= 3.0);
    }
}
