//! The network canvas's right-click menu: select, zoom to, note, brief on the place or link
//! under the pointer, and the canvas-wide actions (fit all, unpin, clear the selection).

use crate::ui::command::briefable;
use crate::ui::{Command, FileAction, ViewCtx};

use super::interact::Hit;
use super::{LayoutKind, NetworkView};

/// The right-click menu of the canvas.
pub fn context_menu(
    view: &mut NetworkView,
    response: &egui::Response,
    ctx: &ViewCtx<'_>,
    commands: &mut Vec<Command>,
) {
    let target = view.live.context;
    response.context_menu(|ui| {
        let Some((graph, _, _)) = view.cache.borrow(view.layout) else {
            return;
        };
        match target {
            Some(Hit::Node(i)) => {
                let name = graph
                    .nodes
                    .get(i)
                    .map_or_else(String::new, |n| n.name.clone());
                let key = graph.nodes.get(i).map(|n| n.key.clone());
                let record = view.node_record(i);
                if ui.button(format!("Select {name}")).clicked() {
                    commands.extend(record.clone().map(Command::Select));
                }
                if ui.button("Zoom to it").clicked() {
                    view.fly_to_node(ui, i);
                }
                if ui.button("Add a note…").clicked() {
                    commands.push(Command::NewNote(record.clone()));
                }
                briefing_button(ui, ctx, record.as_deref(), commands);
                if ui.button("New partnership…").clicked() {
                    commands.push(Command::EditForm(
                        crate::ui::edit::FormRequest::NewPartnership(record.clone()),
                    ));
                }
                if view.layout == LayoutKind::Institutions
                    && let Some(key) = key.filter(|k| view.pinned.contains_key(k))
                    && ui.button("Unpin").clicked()
                {
                    view.pinned.remove(&key);
                    view.cache.pin_force(i, None);
                    view.live.layout_version += 1;
                }
                ui.separator();
            }
            Some(Hit::Edge(i)) => {
                let (label, record) = graph
                    .edges
                    .get(i)
                    .map_or_else(Default::default, |e| (e.label.clone(), e.record.clone()));
                if ui.button(format!("Select {label}")).clicked() {
                    commands.push(Command::Select(record.clone()));
                }
                if ui.button("Add a note…").clicked() {
                    commands.push(Command::NewNote(Some(record.clone())));
                }
                briefing_button(ui, ctx, Some(&record), commands);
                if ui.button("Add milestone…").clicked() {
                    commands.push(Command::EditForm(
                        crate::ui::edit::FormRequest::AddMilestone(record.clone()),
                    ));
                }
                ui.separator();
            }
            None => {}
        }
        if ui.button("Fit all").clicked() {
            view.fit_all();
        }
        if view.layout == LayoutKind::Institutions
            && ui.button("Unpin all and lay out again").clicked()
        {
            view.reset_force_layout();
        }
        if ctx.selected.is_some() && ui.button("Clear the selection").clicked() {
            commands.push(Command::ClearSelection);
        }
    });
}

/// "Briefing…" on `record` when it is a record a briefing covers (a place, partnership,
/// organisation, cohort or programme); a country node's first record is a place.
fn briefing_button(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    record: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let Some(id) = record.filter(|id| ctx.store.item(id).is_some_and(briefable)) else {
        return;
    };
    if ui
        .button("Briefing…")
        .on_hover_text(
            "Write a trip briefing on this record: partners, milestones, figures, your notes and \
             the sources, as one offline web page (and Markdown)",
        )
        .clicked()
    {
        commands.push(Command::AskPath(FileAction::Briefing {
            ids: vec![id.to_owned()],
        }));
    }
}
