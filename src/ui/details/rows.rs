//! Rows the details panel adds under a record: its other names, and the buttons under each
//! milestone.

use crate::model::Milestone;
use crate::ui::Command;

/// "Change…" and "Remove" under a milestone: a form for the first, one undoable edit for the
/// second (Ctrl+Z brings it back).
pub(super) fn milestone_buttons(
    ui: &mut egui::Ui,
    on: &str,
    index: usize,
    m: &Milestone,
    commands: &mut Vec<Command>,
) {
    use crate::ui::edit::{FormRequest, StoreEdit};
    ui.horizontal(|ui| {
        if ui
            .small_button("Change…")
            .on_hover_text(format!(
                "Change the milestone “{}”, with its source",
                m.title
            ))
            .clicked()
        {
            commands.push(Command::EditForm(FormRequest::EditMilestone(
                on.to_owned(),
                index,
            )));
        }
        if ui
            .small_button("Remove")
            .on_hover_text(format!(
                "Remove the milestone “{}” (Ctrl+Z undoes it)",
                m.title
            ))
            .clicked()
        {
            commands.push(Command::EditStore(Box::new(StoreEdit::ReplaceMilestone {
                on: on.to_owned(),
                index,
                milestone: None,
                new_source: None,
            })));
        }
    });
}

/// "Also known as": the other names searches find, their source on hover.
pub(super) fn aliases(ui: &mut egui::Ui, aliases: &[crate::model::Alias]) {
    if aliases.is_empty() {
        return;
    }
    let names: Vec<&str> = aliases.iter().map(|a| a.name.as_str()).collect();
    let sources: Vec<String> = aliases
        .iter()
        .map(|a| format!("{} — {} ({})", a.name, a.source.source, a.source.at))
        .collect();
    ui.weak(crate::analysis::search::ALSO_KNOWN_AS);
    ui.add(egui::Label::new(names.join(", ")).wrap())
        .on_hover_text(sources.join("\n"));
    ui.end_row();
}
