//! Where the camera looks: fitting the layout on first show and when the canvas changes size
//! (unless the user moved the camera), framing a record selected elsewhere (a partnership's two
//! ends, a place and its partners), pan, zoom, node dragging, short animated moves, and the
//! force layout's ticks.

use std::time::{Duration, Instant};

use egui::{Rect, Response, Ui, Vec2, vec2};

use crate::analysis::network::WRect;

use super::camera::{Camera, Flight};
use super::interact::emphasis_of;
use super::{LayoutKind, NetworkView};

/// What a layout's camera is showing, so a change of the canvas size can show it again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Framing {
    /// Every place of the layout ("fit all", the first show).
    All,
    /// A selected record's places (world bounds).
    Selection(WRect),
    /// Wherever the user put it: kept as it is.
    User,
}

/// The size of the selection card when it has not been drawn yet (points).
const CARD_GUESS: Vec2 = vec2(340.0, 150.0);

impl NetworkView {
    /// The camera of the current layout for a canvas `rect`, and its zoom limits. Fits the
    /// layout on its first show in this session, and fits again what it showed when the canvas
    /// changed size, unless the user moved the camera.
    pub(super) fn camera(&mut self, rect: Rect) -> Option<(Camera, (f32, f32))> {
        let bounds = self
            .cache
            .borrow(self.layout)
            .and_then(|(_, l, _)| l.bounds())?;
        let fit = Camera::fit_inside(bounds, rect, self.fit_area(rect));
        let limits = (fit.zoom / 8.0, fit.zoom * 400.0);
        let kind = self.layout;
        let resized = self
            .live
            .fit_size
            .get(&kind)
            .is_none_or(|s| (*s - rect.size()).length() > 0.5);
        self.live.fit_size.insert(kind, rect.size());
        let framing = *self.live.framing.entry(kind).or_insert(Framing::All);
        // While the force layout unfolds, a camera the user has not moved follows it.
        let moving = kind == LayoutKind::Institutions
            && self.cache.force.as_ref().is_some_and(|f| !f.is_settled());
        let follow = framing == Framing::All && moving && self.live.dragging.is_none();
        let refit = match framing {
            Framing::All => (resized || follow).then_some(fit),
            Framing::Selection(b) => resized.then(|| self.frame_camera(b, rect, fit.zoom)),
            Framing::User => None,
        };
        let slot = self.cameras.get_mut(kind);
        if let Some(c) = refit {
            *slot = Some(c);
            self.live.flight = None;
        }
        let cam = *slot.get_or_insert(fit);
        Some((cam, limits))
    }

    /// The part of the canvas "fit all" uses: margins all round (the legend has its own strip
    /// below the canvas).
    pub(super) fn fit_area(&self, rect: Rect) -> Rect {
        // The schematic's labels sit outside its columns: leave them room on both sides.
        let (left, right) = match self.layout {
            LayoutKind::Schematic => (
                (rect.width() * 0.22).min(190.0),
                (rect.width() * 0.18).min(160.0),
            ),
            // Labels go to the right of places by default.
            LayoutKind::World => (40.0, (rect.width() * 0.1).min(110.0)),
            _ => (40.0, 40.0),
        };
        let top = (rect.height() * 0.08).clamp(12.0, 36.0);
        let bottom = (rect.height() * 0.05).clamp(8.0, 20.0);
        Rect::from_min_max(rect.min + vec2(left, top), rect.max - vec2(right, bottom))
    }

    /// The zoom a move to one node or a small selection stops at, relative to "fit all".
    fn close_zoom(&self, all: f32) -> f32 {
        match self.layout {
            LayoutKind::World => all * 6.0,
            _ => all * 2.0,
        }
    }

    /// The camera that shows world `bounds` clear of the selection card (which sits in the
    /// top-right corner when nothing is there), no closer than [`Self::close_zoom`].
    pub(super) fn frame_camera(&self, bounds: WRect, rect: Rect, all_zoom: f32) -> Camera {
        let mut area = self.fit_area(rect);
        let card = self.live.card_rect.map_or(CARD_GUESS, |r| r.size());
        if area.width() > 2.2 * card.x {
            area.max.x -= card.x + 10.0;
        } else {
            area.min.y = (area.min.y + card.y + 10.0).min(area.max.y - 80.0);
        }
        let [w, h] = bounds.size();
        let cap = self.close_zoom(all_zoom);
        let fitted =
            (area.width().max(40.0) / w.max(1e-3)).min(area.height().max(40.0) / h.max(1e-3));
        let zoom = fitted.min(cap).max(all_zoom / 8.0);
        let c = bounds.centre();
        Camera {
            centre: [
                c[0] - (area.center().x - rect.center().x) / zoom,
                c[1] - (area.center().y - rect.center().y) / zoom,
            ],
            zoom,
        }
    }

    /// Frames record `id` (selected from the list or search): a partnership shows both its
    /// ends, a place itself and its partners, a programme all its links. Does not move when
    /// all of it is already well inside the canvas.
    pub(super) fn frame_record(&mut self, ui: &Ui, rect: Rect, id: &str) {
        let Some(bounds) = self.record_bounds(id) else {
            return;
        };
        let Some((cam, _)) = self.camera(rect) else {
            return;
        };
        let Some(all) = self
            .cache
            .borrow(self.layout)
            .and_then(|(_, l, _)| l.bounds())
            .map(|b| Camera::fit_inside(b, rect, self.fit_area(rect)))
        else {
            return;
        };
        let target = self.frame_camera(bounds, rect, all.zoom);
        let free = self.fit_area(rect);
        let seen = [
            bounds.min,
            bounds.max,
            [bounds.min[0], bounds.max[1]],
            [bounds.max[0], bounds.min[1]],
        ]
        .iter()
        .all(|p| free.contains(cam.to_screen(rect, *p)));
        let card = self.card_spot(rect, &[]);
        let under_card = [bounds.min, bounds.max]
            .iter()
            .any(|p| card.expand(12.0).contains(cam.to_screen(rect, *p)));
        if seen && !under_card {
            return;
        }
        self.live
            .framing
            .insert(self.layout, Framing::Selection(bounds));
        self.start_flight(ui, cam, target);
    }

    /// The world box of what record `id` draws: its node, its partners, its links' ends.
    pub(super) fn record_bounds(&self, id: &str) -> Option<WRect> {
        let (graph, layout, _) = self.cache.borrow(self.layout)?;
        let emphasis = emphasis_of(graph, Some(id));
        let mut nodes = emphasis.nodes.clone();
        for &e in &emphasis.edges {
            if let Some(e) = graph.edges.get(e) {
                nodes.extend([e.from as usize, e.to as usize]);
            }
        }
        let b = nodes
            .iter()
            .filter_map(|&n| layout.positions.get(n).copied().flatten())
            .fold(WRect::NOTHING, |b, p| b.union_point(p));
        b.is_valid().then_some(b)
    }

    /// Where the selection card goes: the first corner of the canvas (top right, top left,
    /// bottom right, bottom left) that covers none of `avoid`, else the top right.
    pub(super) fn card_spot(&self, rect: Rect, avoid: &[Rect]) -> Rect {
        let size = self.live.card_rect.map_or(CARD_GUESS, |r| r.size());
        let m = 10.0;
        let corners = [
            Rect::from_min_size(egui::pos2(rect.max.x - m - size.x, rect.min.y + m), size),
            Rect::from_min_size(rect.min + vec2(m, m), size),
            Rect::from_min_size(rect.max - vec2(m, m) - size, size),
            Rect::from_min_size(egui::pos2(rect.min.x + m, rect.max.y - m - size.y), size),
        ];
        corners
            .iter()
            .copied()
            .find(|c| !avoid.iter().any(|a| a.intersects(*c)))
            .unwrap_or(corners[0])
    }

    /// Starts a camera move to centre node `i`, closer in.
    pub(super) fn fly_to_node(&mut self, ui: &Ui, i: usize) {
        let Some(rect) = self.live.last_rect else {
            return;
        };
        let Some((cam, limits)) = self.camera(rect) else {
            return;
        };
        let Some((_, layout, _)) = self.cache.borrow(self.layout) else {
            return;
        };
        let Some(Some(p)) = layout.positions.get(i).copied() else {
            return;
        };
        let zoom = self.close_zoom(limits.0 * 8.0).max(cam.zoom).min(limits.1);
        self.live.framing.insert(self.layout, Framing::User);
        self.start_flight(ui, cam, Camera { centre: p, zoom });
    }

    pub(super) fn start_flight(&mut self, ui: &Ui, from: Camera, to: Camera) {
        if ui.style().animation_time <= 0.0 {
            *self.cameras.get_mut(self.layout) = Some(to);
            self.live.flight = None;
        } else {
            self.live.flight = Some(Flight {
                from,
                to,
                start: ui.input(|i| i.time),
            });
        }
        ui.ctx().request_repaint();
    }

    /// The user moved the camera: a change of canvas size keeps it where it is.
    fn moved_by_user(&mut self) {
        self.live.flight = None;
        self.live.framing.insert(self.layout, Framing::User);
    }

    /// Pan, zoom and node dragging. Returns the camera after input.
    pub(super) fn camera_input(
        &mut self,
        ui: &Ui,
        response: &Response,
        mut cam: Camera,
        limits: (f32, f32),
    ) -> Camera {
        let rect = response.rect;
        if let Some(f) = self.live.flight {
            let (c, done) = f.at(ui.input(|i| i.time));
            cam = c;
            if done {
                self.live.flight = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin());
            let hit = origin.and_then(|p| {
                self.live
                    .scene
                    .as_ref()
                    .and_then(|(_, s)| super::interact::hit_test(s, p))
            });
            self.live.dragging = match (self.layout, hit) {
                (LayoutKind::Institutions, Some(super::interact::Hit::Node(i))) => Some(i),
                _ => None,
            };
        }
        if response.dragged() {
            match self.live.dragging {
                Some(i) => {
                    if let Some(p) = response.interact_pointer_pos() {
                        let w = cam.to_world(rect, p);
                        self.cache.pin_force(i, Some(w));
                        if let Some((g, _, _)) = self.cache.borrow(self.layout)
                            && let Some(node) = g.nodes.get(i)
                        {
                            self.pinned.insert(node.key.clone(), w);
                        }
                        self.live.layout_version += 1;
                    }
                }
                None => {
                    cam.pan(response.drag_delta());
                    self.moved_by_user();
                }
            }
        }
        if response.drag_stopped() {
            self.live.dragging = None;
        }
        if ui.rect_contains_pointer(rect) {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            let factor = zoom * (scroll.y * 0.0025).exp();
            if let Some(p) = pointer
                && (factor - 1.0).abs() > 1e-4
            {
                cam.zoom_at(rect, p, factor, limits);
                self.moved_by_user();
            }
            if scroll.x != 0.0 {
                cam.pan(vec2(scroll.x, 0.0));
                self.moved_by_user();
            }
            if scroll != Vec2::ZERO {
                ui.ctx().input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
            }
        }
        cam.zoom = cam.zoom.clamp(limits.0, limits.1);
        *self.cameras.get_mut(self.layout) = Some(cam);
        cam
    }

    /// Zooms in twice about `p` (a double click on empty canvas).
    pub(super) fn zoom_in_at(
        &mut self,
        ui: &Ui,
        rect: Rect,
        cam: Camera,
        p: egui::Pos2,
        limits: (f32, f32),
    ) {
        let mut to = cam;
        to.zoom_at(rect, p, 2.0, limits);
        self.live.framing.insert(self.layout, Framing::User);
        self.start_flight(ui, cam, to);
    }

    /// Runs the force layout for a few milliseconds; keeps repainting until it is at rest.
    pub(super) fn tick_force(&mut self, ui: &Ui) {
        if self.layout != LayoutKind::Institutions {
            return;
        }
        let start = Instant::now();
        let budget = Duration::from_millis(6);
        if self
            .cache
            .tick_force(|n| n < 40 && start.elapsed() < budget)
        {
            self.live.layout_version += 1;
        }
        if self.cache.force.as_ref().is_some_and(|f| !f.is_settled()) {
            ui.ctx().request_repaint();
        }
    }
}
