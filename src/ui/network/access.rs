//! The accessibility tree of the canvas: every node and link on screen gets its own node with
//! a readable label (a screen reader and the tests find "Belfast — Sejong, UK–Korea Innovation
//! Twins"), and the canvas a one-line summary.

use egui::accesskit::Role;
use egui::{Id, Rect, Response, Sense, Ui, Vec2, WidgetInfo};

use crate::analysis::network::NodeKind;
use crate::ui::{Command, ViewCtx};

use super::interact::Hit;
use super::scene::{self, NodeState, Scene};
use super::{NetworkView, card};

/// At most this many nodes and links are given their own accessibility node per frame.
const MAX_ACCESSIBLE: usize = 1500;

impl NetworkView {
    /// Gives every node and link on screen an accessibility node with a readable label, so a
    /// screen reader (and a test) can find "Belfast — Sejong, UK–Korea Innovation Twins".
    pub(super) fn accessible_items(
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
                commands.extend(self.select_from_canvas(hit));
            }
            if item.double_clicked()
                && let Hit::Node(i) = hit
            {
                self.fly_to_node(ui, i);
            }
            // The item's widget takes the right click the canvas would otherwise get: the same
            // menu opens on it.
            if item.secondary_clicked() {
                self.live.context = Some(hit);
            }
            super::menu::context_menu(self, &item, ctx, commands);
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
