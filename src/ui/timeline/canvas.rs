//! One frame of the timeline canvas: pan and zoom of the time axis, the as-of cursor (drag it,
//! or click the axis), and for every mark, span and lane a widget with its accessible label,
//! its tooltip (the item with its source) and its click (select).

use egui::accesskit::Role;
use egui::{CursorIcon, FontId, Rect, Response, Sense, Ui, Vec2, WidgetInfo, pos2, vec2};

use crate::analysis::timeline::Timeline;
use crate::ui::{Command, ViewCtx};

use super::TimelineView;
use super::camera::TimeCamera;
use super::draw::{GLYPH, Scene};
use super::layout::{self, Geometry};
use super::text;

/// Height of the axis strip.
const AXIS_H: f32 = 42.0;

/// The parts of the canvas.
#[derive(Clone, Copy)]
struct Parts {
    whole: Rect,
    axis: Rect,
    titles: Rect,
    plot: Rect,
}

impl Parts {
    fn of(rect: Rect) -> Self {
        let title_w = (rect.width() * 0.2).clamp(110.0, 240.0);
        let x = rect.left() + title_w;
        let y = rect.top() + AXIS_H;
        Self {
            whole: rect,
            axis: Rect::from_min_max(pos2(x, rect.top()), pos2(rect.right(), y)),
            titles: Rect::from_min_max(pos2(rect.left(), y), pos2(x, rect.bottom())),
            plot: Rect::from_min_max(pos2(x, y), rect.max),
        }
    }
}

impl TimelineView {
    /// Draws the canvas in the rest of `ui` and handles its input.
    pub(super) fn canvas(
        &mut self,
        ui: &mut Ui,
        timeline: &Timeline,
        ctx: &ViewCtx<'_>,
        as_of_year: Option<i32>,
        commands: &mut Vec<Command>,
    ) {
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, summary(timeline)));
        if timeline.lanes.is_empty() || rect.width() < 200.0 || rect.height() < AXIS_H + 20.0 {
            ui.painter_at(rect).text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "No programme, partnership or agreement in this store",
                FontId::proportional(14.0),
                ui.visuals().weak_text_color(),
            );
            return;
        }
        let parts = Parts::of(rect);
        let mut cam = self.camera_for(timeline);
        self.axis_input(ui, &response, parts, cam, timeline, as_of_year, commands);
        self.move_camera(ui, &response, parts, &mut cam);

        let painter = ui.painter_at(rect);
        let widths: Vec<f32> = timeline
            .spans
            .iter()
            .map(|s| {
                painter
                    .layout_no_wrap(
                        text::span_caption(s, ctx.hangul),
                        FontId::proportional(10.5),
                        egui::Color32::WHITE,
                    )
                    .size()
                    .x
                    + 4.0
            })
            .collect();
        let mut g = layout::layout(timeline, cam, parts.plot, self.live.scroll_y, &widths);
        let max_scroll = (g.content_height - parts.plot.height()).max(0.0);
        if !(0.0..=max_scroll).contains(&self.live.scroll_y) {
            self.live.scroll_y = self.live.scroll_y.clamp(0.0, max_scroll);
            g = layout::layout(timeline, cam, parts.plot, self.live.scroll_y, &widths);
        }

        let scene = Scene {
            painter: &painter,
            timeline,
            geometry: &g,
            camera: cam,
            plot: parts.plot,
            titles: parts.titles,
            axis: parts.axis,
            selected: ctx.selected,
            noted: ctx.noted,
            hangul: ctx.hangul,
        };
        scene.background(ui);
        scene.spans(ui);
        scene.marks();
        scene.axis(ui);
        self.beyond(ui, &response, &scene);
        if max_scroll > 0.0 {
            scroll_bar(ui, parts, self.live.scroll_y, g.content_height);
        }
        let handle = as_of_year.and_then(|y| scene.cursor(ui, y));
        if let (Some(year), Some(handle)) = (as_of_year, handle) {
            let r = ui.interact(handle, response.id.with("cursor"), Sense::hover());
            r.widget_info(|| WidgetInfo::labeled(Role::Label, true, format!("As of {year}")));
            r.on_hover_text("The as-of year (the network's too): drag along the axis to move it");
        }
        self.items(ui, &response, parts, &g, timeline, ctx, commands);
    }

    /// Counts, per lane, the marks left and right of the visible years, and says so at the
    /// lane's edges (painted, and as an accessible label).
    fn beyond(&self, ui: &mut Ui, canvas: &Response, scene: &Scene<'_>) {
        let cam = scene.camera;
        for (i, lg) in scene.geometry.lanes.iter().enumerate() {
            let marks = scene.timeline.marks.iter().filter(|m| m.lane == i);
            let earlier = marks.clone().filter(|m| m.extent().1 <= cam.start).count();
            let later = marks.filter(|m| m.extent().0 >= cam.end).count();
            if earlier + later == 0 || !lg.rect.intersects(scene.plot) {
                continue;
            }
            scene.beyond(ui, lg.rect, earlier, later);
            let r = Rect::from_min_size(lg.rect.min, vec2(scene.plot.width(), 14.0))
                .intersect(scene.plot);
            if r.is_positive() {
                let resp = ui.interact(r, canvas.id.with(("beyond", i)), Sense::hover());
                resp.widget_info(|| {
                    WidgetInfo::labeled(
                        Role::Label,
                        true,
                        format!("{earlier} earlier and {later} later marks off screen in this lane; Fit all shows them"),
                    )
                });
            }
        }
    }

    /// Clicking the axis puts the cursor at the end of the year clicked; dragging it moves the
    /// cursor from year to year.
    #[allow(clippy::too_many_arguments)]
    fn axis_input(
        &mut self,
        ui: &Ui,
        canvas: &Response,
        parts: Parts,
        cam: TimeCamera,
        timeline: &Timeline,
        as_of_year: Option<i32>,
        commands: &mut Vec<Command>,
    ) {
        let strip = parts.axis;
        let r = ui.interact(strip, canvas.id.with("axis"), Sense::click_and_drag());
        let r = r.on_hover_cursor(CursorIcon::ResizeHorizontal);
        r.widget_info(|| {
            WidgetInfo::labeled(
                Role::Slider,
                true,
                "Time axis: click or drag to set the as-of year",
            )
        });
        let Some(p) = r.interact_pointer_pos() else {
            return;
        };
        let t = cam.t_of(p.x, parts.plot.left(), parts.plot.right());
        let clamp = |y: i32| match super::cursor_years(timeline) {
            Some((lo, hi)) => y.clamp(lo, hi),
            None => y,
        };
        if r.clicked() {
            let year = clamp(t.floor() as i32);
            if as_of_year != Some(year) {
                commands.push(Command::SetAsOfYear(Some(year)));
            }
        } else if r.dragged() {
            let year = clamp(t.round() as i32 - 1);
            if self.live.dragged_year != Some(year) && as_of_year != Some(year) {
                commands.push(Command::SetAsOfYear(Some(year)));
            }
            self.live.dragged_year = Some(year);
        }
        if r.drag_stopped() {
            self.live.dragged_year = None;
        }
    }

    /// Drag pans (and scrolls the lanes); scroll and pinch zoom about the pointer; a sideways
    /// scroll pans; scrolling over the lane titles scrolls the lanes; a double click fits all.
    fn move_camera(&mut self, ui: &Ui, response: &Response, parts: Parts, cam: &mut TimeCamera) {
        let width = parts.plot.width();
        let mut moved = false;
        if response.dragged() {
            let d = response.drag_delta();
            cam.pan(d.x, width);
            self.live.scroll_y -= d.y;
            moved |= d.x != 0.0;
        }
        if ui.rect_contains_pointer(parts.whole) {
            let (scroll, zoom, pointer) = ui.input(|i| {
                (
                    i.smooth_scroll_delta(),
                    i.zoom_delta(),
                    i.pointer.hover_pos(),
                )
            });
            let over_titles = pointer.is_some_and(|p| parts.titles.contains(p));
            if over_titles {
                self.live.scroll_y -= scroll.y;
            } else if let Some(p) = pointer {
                let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.0025).exp();
                if (factor - 1.0).abs() > 1e-4 {
                    let at = cam.t_of(
                        p.x.max(parts.plot.left()),
                        parts.plot.left(),
                        parts.plot.right(),
                    );
                    cam.zoom_at(at, factor);
                    moved = true;
                }
            }
            if scroll.x != 0.0 {
                cam.pan(scroll.x, width);
                moved = true;
            }
            if scroll != Vec2::ZERO {
                ui.ctx().input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
            }
        }
        if response.double_clicked() {
            self.fit_all();
            return;
        }
        if moved {
            self.moved = true;
        }
        if self.moved {
            self.camera = Some(*cam);
        }
    }

    /// A widget for every lane title, span and mark on screen: accessible label, tooltip,
    /// click to select. Items outside the filter are drawn faded and take no clicks (as in the
    /// network).
    #[allow(clippy::too_many_arguments)]
    fn items(
        &self,
        ui: &mut Ui,
        canvas: &Response,
        parts: Parts,
        g: &Geometry,
        t: &Timeline,
        ctx: &ViewCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        let id = canvas.id;
        for (i, (lane, lg)) in t.lanes.iter().zip(&g.lanes).enumerate() {
            let r = Rect::from_x_y_ranges(parts.titles.x_range(), lg.rect.y_range());
            let r = r.intersect(parts.titles);
            if !r.is_positive() {
                continue;
            }
            let title = text::lane_title(lane, ctx.hangul);
            let selected = lane.programme.is_some() && lane.programme.as_deref() == ctx.selected;
            let resp = ui.interact(r, id.with(("lane", i)), Sense::click());
            resp.widget_info(|| {
                WidgetInfo::selected(
                    Role::Button,
                    true,
                    selected,
                    format!("{} lane", lane.title()),
                )
            });
            if let Some(programme) = &lane.programme {
                if resp.clicked() {
                    commands.push(Command::Select(programme.clone()));
                }
                resp.on_hover_text(format!(
                    "{title}\n{}\nClick to select the programme",
                    lane.name
                ));
            }
        }
        for (i, (s, &(bar, _))) in t.spans.iter().zip(&g.spans).enumerate() {
            let r = Rect::from_min_max(pos2(bar.left(), bar.top() - 11.0), bar.max)
                .intersect(parts.plot);
            if s.outside || !r.is_positive() {
                continue;
            }
            let resp = ui.interact(r, id.with(("span", i)), Sense::click());
            let selected = ctx.selected == Some(s.record.as_str());
            resp.widget_info(|| {
                WidgetInfo::selected(Role::Button, true, selected, text::span_label(s))
            });
            if resp.clicked() {
                commands.push(Command::Select(s.record.clone()));
            }
            resp.on_hover_cursor(CursorIcon::PointingHand)
                .on_hover_ui(|ui| text::span_tooltip(ui, ctx.store, t, s, ctx.hangul));
        }
        for (i, (m, &c)) in t.marks.iter().zip(&g.marks).enumerate() {
            let r = Rect::from_center_size(c, Vec2::splat(2.0 * GLYPH + 5.0)).intersect(parts.plot);
            if m.outside || !r.is_positive() || !parts.plot.contains(c) {
                continue;
            }
            let resp = ui.interact(r, id.with(("mark", &m.record, i)), Sense::click());
            let selected = ctx.selected == Some(m.record.as_str());
            resp.widget_info(|| {
                WidgetInfo::selected(Role::Button, true, selected, text::mark_label(t, m))
            });
            if resp.clicked() {
                commands.push(Command::Select(m.record.clone()));
            }
            resp.on_hover_cursor(CursorIcon::PointingHand)
                .on_hover_ui(|ui| text::mark_tooltip(ui, ctx.store, t, m, ctx.hangul));
        }
    }
}

/// A thin bar at the right of the lane titles showing which part of the lanes is in view.
fn scroll_bar(ui: &Ui, parts: Parts, scroll_y: f32, content: f32) {
    let track = Rect::from_min_max(
        pos2(parts.plot.right() - 5.0, parts.plot.top()),
        pos2(parts.plot.right() - 1.0, parts.plot.bottom()),
    );
    let h = track.height();
    let top = track.top() + h * scroll_y / content;
    let thumb = Rect::from_min_size(
        pos2(track.left(), top),
        vec2(track.width(), h * h / content),
    );
    let v = ui.visuals();
    ui.painter()
        .rect_filled(thumb, 1.5, v.widgets.inactive.fg_stroke.color);
}

/// What the canvas shows, for its accessible label.
fn summary(t: &Timeline) -> String {
    let years = t
        .range()
        .map(|(lo, hi)| format!(", {}–{}", lo.floor(), (hi - 1e-9).floor()))
        .unwrap_or_default();
    format!(
        "Timeline: {} lanes, {} dated marks, {} spans, {} items with no date{years}",
        t.lanes.len(),
        t.marks.len(),
        t.spans.len(),
        t.undated.len()
    )
}
