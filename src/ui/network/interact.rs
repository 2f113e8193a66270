//! One frame of the canvas: camera input (pan, zoom, pinch, drag a node), the force layout's
//! ticks, the scene, hit-testing, tooltips, clicks, the accessibility tree, and the overlays.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Align2, Id, Pos2, Rect, Response, Sense, Ui, Vec2, WidgetInfo, vec2};

use crate::analysis::network::{EdgeKind, Graph, NodeKind};
use crate::ui::{Command, ViewCtx};

use super::camera::{Camera, Flight};
use super::draw::{self, BackgroundKey, Emphasis};
use super::scene::{self, NodeState, Scene, SceneInput, SceneKey};
use super::{LayoutKind, NetworkView, Outside, card, legend, mesh};

/// Something under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A node, by index.
    Node(usize),
    /// A link, by index.
    Edge(usize),
}

/// At most this many nodes and links are given their own accessibility node per frame.
const MAX_ACCESSIBLE: usize = 1500;

/// Finds the node or (shown) link under `p`: nodes first, then links within a few points.
pub fn hit_test(scene: &Scene, p: Pos2) -> Option<Hit> {
    let mut best: Option<(f32, usize)> = None;
    for n in &scene.nodes {
        let d = (n.pos - p).length();
        if d <= n.radius + 4.0 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, n.index as usize));
        }
    }
    if let Some((_, i)) = best {
        return Some(Hit::Node(i));
    }
    let mut best: Option<(f32, usize)> = None;
    for e in scene.edges.iter().filter(|e| e.shown) {
        let pts = &scene.path_points[e.start as usize..e.end as usize];
        for w in pts.windows(2) {
            if !(w[0].is_finite() && w[1].is_finite()) {
                continue;
            }
            let d = mesh::distance_to_segment(p, w[0], w[1]);
            if d <= 5.0 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, e.index as usize));
            }
        }
    }
    best.map(|(_, i)| Hit::Edge(i))
}

/// What the selection is in this graph: a node and its links, a partnership, a cohort, or every
/// link of a programme.
pub fn emphasis_of(graph: &Graph, selected: Option<&str>) -> Emphasis {
    let Some(id) = selected else {
        return Emphasis::default();
    };
    if let Some(n) = graph.node_of(id) {
        let edges: Vec<usize> = graph.incident[n]
            .iter()
            .map(|&e| e as usize)
            .filter(|&e| matches!(graph.edges[e].kind, EdgeKind::Pair | EdgeKind::Cohort))
            .collect();
        return Emphasis {
            nodes: vec![n],
            edges,
        };
    }
    let edges = graph.edges_of(id);
    if !edges.is_empty() {
        let mut nodes: Vec<usize> = edges
            .iter()
            .flat_map(|&e| [graph.edges[e].from as usize, graph.edges[e].to as usize])
            .collect();
        nodes.sort_unstable();
        nodes.dedup();
        return Emphasis { nodes, edges };
    }
    if let Some(p) = graph.programmes.iter().position(|p| p.id == id) {
        let edges = graph
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.programme == Some(p as u32))
            .map(|(i, _)| i)
            .collect();
        return Emphasis {
            nodes: Vec::new(),
            edges,
        };
    }
    Emphasis::default()
}

/// A short, stable hash of the noted ids (the scene depends on it).
fn noted_hash(noted: &std::collections::BTreeSet<String>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    noted.hash(&mut h);
    h.finish()
}

impl NetworkView {
    /// The camera of the current layout, fitting it first if it has none.
    fn camera(&mut self, rect: Rect) -> Option<(Camera, (f32, f32))> {
        let bounds = self
            .cache
            .borrow(self.layout)
            .and_then(|(_, l, _)| l.bounds())?;
        let fit = Camera::fit_inside(bounds, rect, self.fit_area(rect));
        // While the force layout unfolds, a camera the user has not moved follows it.
        let moving = self.layout == LayoutKind::Institutions
            && self.cache.force.as_ref().is_some_and(|f| !f.is_settled());
        let follow = self.live.follow && moving && self.live.dragging.is_none();
        let slot = self.cameras.get_mut(self.layout);
        if slot.is_none() {
            self.live.follow = true;
        }
        let cam = if follow {
            *slot.insert(fit)
        } else {
            *slot.get_or_insert(fit)
        };
        Some((cam, (fit.zoom / 8.0, fit.zoom * 400.0)))
    }

    /// The part of the canvas "fit all" uses: margins all round, and the legend's strip at the
    /// bottom kept free so the legend covers no place.
    pub(super) fn fit_area(&self, rect: Rect) -> Rect {
        let legend = self
            .live
            .legend_rect
            .map_or(if self.legend_open { 150.0 } else { 34.0 }, |r| r.height());
        let bottom = (legend + 16.0).min(rect.height() * 0.4);
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
        Rect::from_min_max(rect.min + vec2(left, 36.0), rect.max - vec2(right, bottom))
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
        let zoom = match self.layout {
            LayoutKind::World => (limits.0 * 8.0 * 6.0).max(cam.zoom),
            _ => (limits.0 * 8.0 * 2.0).max(cam.zoom),
        }
        .min(limits.1);
        self.start_flight(ui, cam, Camera { centre: p, zoom });
    }

    fn start_flight(&mut self, ui: &Ui, from: Camera, to: Camera) {
        self.live.follow = false;
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

    /// Pan, zoom and node dragging. Returns the camera after input.
    fn camera_input(
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
            let hit =
                origin.and_then(|p| self.live.scene.as_ref().and_then(|(_, s)| hit_test(s, p)));
            self.live.dragging = match (self.layout, hit) {
                (LayoutKind::Institutions, Some(Hit::Node(i))) => Some(i),
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
                    self.live.flight = None;
                    self.live.follow = false;
                }
            }
        }
        if response.drag_stopped() {
            self.live.dragging = None;
        }
        let over = ui.rect_contains_pointer(rect);
        if over {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            let factor = zoom * (scroll.y * 0.0025).exp();
            if let Some(p) = pointer
                && (factor - 1.0).abs() > 1e-4
            {
                cam.zoom_at(rect, p, factor, limits);
                self.live.flight = None;
                self.live.follow = false;
            }
            if scroll.x != 0.0 {
                cam.pan(vec2(scroll.x, 0.0));
            }
            if scroll != Vec2::ZERO {
                ui.ctx().input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
            }
        }
        cam.zoom = cam.zoom.clamp(limits.0, limits.1);
        *self.cameras.get_mut(self.layout) = Some(cam);
        cam
    }

    /// Runs the force layout for a few milliseconds; keeps repainting until it is at rest.
    fn tick_force(&mut self, ui: &Ui) {
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

    /// Builds (or reuses) the scene and background for `cam`, and paints them.
    pub(super) fn paint_scene(
        &mut self,
        ui: &Ui,
        rect: Rect,
        cam: Camera,
        ctx: &ViewCtx<'_>,
    ) -> Option<Arc<Scene>> {
        let dark = ui.visuals().dark_mode;
        let painter = ui.painter_at(rect);
        let names = self.names.style(ctx.hangul);
        let key = SceneKey {
            store_generation: self.cache.generation,
            states_generation: self.cache.states.generation,
            layout: self.layout,
            layout_version: self.live.layout_version,
            camera: cam,
            rect,
            names,
            show_labels: self.show_labels,
            hide_outside: self.outside == Outside::Hide,
            show_unlinked: self.show_unlinked,
            dark,
            obstacles: [self.live.legend_rect, self.live.card_rect]
                .into_iter()
                .flatten()
                .collect(),
            noted: noted_hash(ctx.noted),
        };
        let bg_key = BackgroundKey {
            layout: self.layout,
            camera: cam,
            rect,
            dark,
            store_generation: self.cache.generation,
        };
        let background = match &self.live.background {
            Some((k, s)) if *k == bg_key => s.clone(),
            _ => {
                let decorations = self
                    .cache
                    .borrow(self.layout)
                    .map(|(_, l, _)| l.decorations.clone())
                    .unwrap_or_default();
                let built = Arc::new(draw::background(
                    &mut self.cache,
                    &bg_key,
                    &decorations,
                    &painter,
                ));
                self.live.background = Some((bg_key, built.clone()));
                built
            }
        };
        for (clip, shape) in background.iter() {
            painter
                .with_clip_rect(clip.intersect(rect))
                .add(shape.clone());
        }
        let scene = match &self.live.scene {
            Some((k, s)) if *k == key => s.clone(),
            _ => {
                let granularity = self.layout.granularity();
                let (graph, layout, arcs) = self.cache.borrow(self.layout)?;
                let input = SceneInput {
                    graph,
                    layout,
                    arcs,
                    states: &self.cache.states.states,
                    priority: self.cache.priority(granularity),
                    node_colours: self.cache.colours(granularity),
                    noted: ctx.noted,
                    key: &key,
                };
                let built = Arc::new(scene::build(
                    &input,
                    &mut self.live.pyramid,
                    &mut self.live.node_states,
                    &painter,
                ));
                self.live.scene = Some((key, built.clone()));
                built
            }
        };
        painter.extend(scene.shapes.iter().cloned());
        Some(scene)
    }

    /// One frame of the canvas.
    pub(super) fn canvas(
        &mut self,
        ui: &mut Ui,
        response: &Response,
        ctx: &ViewCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        let rect = response.rect;
        self.live.last_rect = Some(rect);
        let dark = ui.visuals().dark_mode;
        ui.painter_at(rect)
            .rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
        let Some((cam, limits)) = self.camera(rect) else {
            ui.painter_at(rect).text(
                rect.center(),
                Align2::CENTER_CENTER,
                "The store has no places, organisations or partnerships to draw.",
                egui::FontId::proportional(15.0),
                ui.visuals().weak_text_color(),
            );
            legend::overlay(self, ui, rect, ctx);
            return;
        };
        let cam = self.camera_input(ui, response, cam, limits);
        self.tick_force(ui);
        let Some(scene) = self.paint_scene(ui, rect, cam, ctx) else {
            return;
        };
        let Some((graph, layout, arcs)) = self.cache.borrow(self.layout) else {
            return;
        };
        let painter = ui.painter_at(rect);

        // The selection, then what the pointer is over.
        let selected = emphasis_of(graph, ctx.selected);
        draw::emphasis(
            &painter, &scene, graph, layout, arcs, cam, rect, &selected, true, dark,
        );
        let pointer = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|p| ui.rect_contains_pointer(rect) && rect.contains(*p));
        let hovered = if self.live.dragging.is_some() {
            None
        } else {
            pointer.and_then(|p| hit_test(&scene, p))
        };
        self.live.hovered = hovered;
        let soft = match hovered {
            Some(Hit::Node(i)) => Emphasis {
                nodes: vec![i],
                edges: Vec::new(),
            },
            Some(Hit::Edge(i)) => Emphasis {
                nodes: Vec::new(),
                edges: vec![i],
            },
            None => Emphasis::default(),
        };
        if hovered.is_some() {
            draw::emphasis(
                &painter, &scene, graph, layout, arcs, cam, rect, &soft, false, dark,
            );
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }

        // Clicks on the canvas itself (with accessibility on, nodes have their own widgets).
        let at = |p: Option<Pos2>| p.and_then(|p| hit_test(&scene, p));
        if response.clicked() {
            match at(response.interact_pointer_pos()) {
                Some(hit) => commands.extend(self.select_hit(hit)),
                None if ctx.selected.is_some() => commands.push(Command::ClearSelection),
                None => {}
            }
        }
        if response.double_clicked() {
            match at(response.interact_pointer_pos()) {
                Some(Hit::Node(i)) => self.fly_to_node(ui, i),
                Some(Hit::Edge(_)) => {}
                None => {
                    if let Some(p) = response.interact_pointer_pos() {
                        let mut to = cam;
                        to.zoom_at(rect, p, 2.0, limits);
                        self.start_flight(ui, cam, to);
                    }
                }
            }
        }
        if response.secondary_clicked() {
            self.live.context = at(response.interact_pointer_pos());
        }
        card::context_menu(self, response, ctx, commands);
        if let Some(hit) = hovered.filter(|_| !response.context_menu_opened()) {
            card::tooltip(self, ui, response, hit, ctx);
        }
        self.accessible_items(ui, response, &scene, ctx, commands);
        card::overlay(self, ui, rect, ctx, commands);
        legend::overlay(self, ui, rect, ctx);
    }

    /// The commands that select what a hit stands for.
    pub(super) fn select_hit(&self, hit: Hit) -> Option<Command> {
        match hit {
            Hit::Node(i) => self.node_record(i).map(Command::Select),
            Hit::Edge(i) => {
                let (g, _, _) = self.cache.borrow(self.layout)?;
                let e = g.edges.get(i)?;
                Some(Command::Select(e.record.clone()))
            }
        }
    }

    /// Gives every node and link on screen an accessibility node with a readable label, so a
    /// screen reader (and a test) can find "Belfast — Sejong, UK–Korea Innovation Twins".
    fn accessible_items(
        &mut self,
        ui: &mut Ui,
        response: &Response,
        scene: &Scene,
        ctx: &ViewCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, self.summary()));
        if ui
            .ctx()
            .accesskit_node_builder(response.id, |_| ())
            .is_none()
        {
            return; // Accessibility is off: nothing to build.
        }
        let Some((graph, _, _)) = self.cache.borrow(self.layout) else {
            return;
        };
        let mut items: Vec<(Id, Rect, String, bool, Hit)> = Vec::new();
        for n in scene
            .nodes
            .iter()
            .filter(|n| n.state != NodeState::Hidden)
            .take(MAX_ACCESSIBLE)
        {
            let node = &graph.nodes[n.index as usize];
            let selected = ctx
                .selected
                .is_some_and(|s| node.records.iter().any(|r| r == s) || node.key == s);
            let r = Rect::from_center_size(n.pos, Vec2::splat(2.0 * n.radius.max(4.0)));
            items.push((
                response.id.with(("node", &node.key)),
                r,
                card::node_label(graph, n.index as usize, n.state),
                selected,
                Hit::Node(n.index as usize),
            ));
        }
        for d in scene.edges.iter().filter(|d| d.shown).take(MAX_ACCESSIBLE) {
            let e = &graph.edges[d.index as usize];
            let Some(mid) = scene::midpoint(&scene.path_points[d.start as usize..d.end as usize])
            else {
                continue;
            };
            let selected = ctx.selected == Some(e.record.as_str());
            let r = Rect::from_center_size(mid, Vec2::splat(10.0));
            items.push((
                response.id.with(("edge", d.index)),
                r,
                graph.edge_label(e),
                selected,
                Hit::Edge(d.index as usize),
            ));
        }
        for (id, r, label, selected, hit) in items {
            let item = ui.interact(r.intersect(response.rect), id, Sense::click());
            item.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &label));
            if item.clicked() {
                commands.extend(self.select_hit(hit));
            }
            if item.double_clicked()
                && let Hit::Node(i) = hit
            {
                self.fly_to_node(ui, i);
            }
        }
    }

    /// A one-line description of what the canvas shows.
    pub(super) fn summary(&self) -> String {
        let Some((graph, layout, _)) = self.cache.borrow(self.layout) else {
            return format!(
                "Partnership network, {}: nothing to draw",
                self.layout.label()
            );
        };
        // Called only when accessibility is on (egui asks for the info lazily).
        let counts = crate::analysis::network::filter::counts(graph, &self.cache.states.states);
        let places = layout
            .positions
            .iter()
            .zip(&graph.nodes)
            .filter(|(p, n)| p.is_some() && n.kind != NodeKind::CohortHub)
            .count();
        format!(
            "Partnership network, {}: {} places, {} of {} partnerships shown",
            self.layout.label(),
            places,
            counts.shown,
            counts.shown + counts.faded + counts.hidden
        )
    }
}
