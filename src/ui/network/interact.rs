//! One frame of the canvas: the scene, hit-testing, the selection and hover emphasis,
//! tooltips, clicks, and the selection card. The camera is in `navigate.rs`, the
//! accessibility tree in `access.rs`.

use std::sync::Arc;

use egui::{Align2, Pos2, Rect, Response, Ui};

use crate::analysis::network::{EdgeKind, Graph};
use crate::ui::{Command, ViewCtx};

use super::camera::Camera;
use super::draw::{self, BackgroundKey, Emphasis};
use super::scene::{self, Scene, SceneInput, SceneKey};
use super::{LayoutKind, NetworkView, Outside, card, mesh};

/// Something under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A node, by index.
    Node(usize),
    /// A link, by index.
    Edge(usize),
}

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
            obstacles: self
                .live
                .card_rect
                .into_iter()
                .chain(if self.layout == LayoutKind::Regions {
                    draw::pane_title_rects(&painter, self.cache.panes(), cam, rect)
                } else {
                    Vec::new()
                })
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
                    self.live.pyramids.entry(self.layout).or_default(),
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
        if let Some(message) = self.cache.progress() {
            // A large store is being laid out on a worker: say so, and look again soon.
            let painter = ui.painter_at(rect);
            let label = Rect::from_center_size(rect.center(), egui::vec2(rect.width(), 24.0));
            ui.put(
                label,
                egui::Label::new(egui::RichText::new(message).size(15.0).weak()),
            );
            // A dot going round (egui's Spinner would repaint every frame; this is 10 a second).
            let angle = ui.input(|i| i.time) as f32 * 4.0;
            let centre = rect.center() - egui::vec2(0.0, 28.0);
            let dot = centre + 9.0 * egui::vec2(angle.cos(), angle.sin());
            painter.circle_stroke(centre, 9.0, (1.5, ui.visuals().weak_text_color()));
            painter.circle_filled(dot, 3.0, ui.visuals().strong_text_color());
            if self.cache.is_copying() {
                // The store is copied a slice per frame: the next slice now.
                ui.ctx().request_repaint();
            } else {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
            return;
        }
        if self.cache.is_restating() {
            // A filter worker is at work (a large store): the previous picture stays until it
            // reports; look again soon.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(15));
        }
        self.follow_selection(ui, rect, ctx);
        let Some((cam, limits)) = self.camera(rect) else {
            ui.painter_at(rect).text(
                rect.center(),
                Align2::CENTER_CENTER,
                "The store has no places, organisations or partnerships to draw.",
                egui::FontId::proportional(15.0),
                ui.visuals().weak_text_color(),
            );
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
                Some(hit) => commands.extend(self.select_from_canvas(hit)),
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
                        self.zoom_in_at(ui, rect, cam, p, limits);
                    }
                }
            }
        }
        if response.secondary_clicked() {
            self.live.context = at(response.interact_pointer_pos());
        }
        super::menu::context_menu(self, response, ctx, commands);
        if let Some(hit) = hovered.filter(|_| !response.context_menu_opened()) {
            card::tooltip(self, ui, response, hit, ctx);
        }
        self.accessible_items(ui, response, &scene, ctx, commands);
        // The card keeps off the selected places (and a partnership's both ends).
        let avoid: Vec<Rect> = scene
            .nodes
            .iter()
            .filter(|n| selected.nodes.contains(&(n.index as usize)))
            .map(|n| Rect::from_center_size(n.pos, egui::Vec2::splat(2.0 * n.radius + 16.0)))
            .collect();
        let spot = self.card_spot(rect, &avoid);
        card::overlay(self, ui, rect, spot, ctx, commands);
    }

    /// Frames the selection when it changed from outside the canvas (the list, the search, a
    /// link in the card); a click on the canvas selects what the user already sees.
    fn follow_selection(&mut self, ui: &Ui, rect: Rect, ctx: &ViewCtx<'_>) {
        if self.live.last_selected.as_deref() == ctx.selected {
            return;
        }
        self.live.last_selected = ctx.selected.map(str::to_owned);
        let from_canvas = self.live.clicked.take();
        if let Some(id) = ctx.selected
            && from_canvas.as_deref() != Some(id)
        {
            self.frame_record(ui, rect, id);
        }
    }

    /// Selects what a click on the canvas hit (without moving the camera to it).
    pub(super) fn select_from_canvas(&mut self, hit: Hit) -> Option<Command> {
        let c = self.select_hit(hit)?;
        if let Command::Select(id) = &c {
            self.live.clicked = Some(id.clone());
        }
        Some(c)
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
}
