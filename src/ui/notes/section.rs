//! The notes section of the details panel: the selected record's notes and "New note".

use super::NoteCommand;
use crate::model::ItemRef;
use crate::notes::{NoteTarget, Notebook};
use crate::ui::{Command, theme};

/// Lists the notes about `item` with a button to write a new one.
pub fn show_for_item(
    ui: &mut egui::Ui,
    item: ItemRef<'_>,
    book: &Notebook,
    commands: &mut Vec<Command>,
) {
    let Some(target) = NoteTarget::from_item(&item) else {
        return;
    };
    let notes = book.notes_for(&target);
    // Wraps in a narrow details panel rather than run past its edge.
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Notes ({})", notes.len()));
        if ui
            .button("✚ New note")
            .on_hover_text("Write a note about this record")
            .clicked()
        {
            commands.push(Command::Notes(NoteCommand::New(Some(target.id.clone()))));
        }
        if !notes.is_empty() && ui.small_button("Export as Markdown…").clicked() {
            commands.push(Command::Notes(NoteCommand::ExportDialog {
                markdown: true,
                target: Some(target.id.clone()),
            }));
        }
    });
    for note in notes {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(theme::NOTE, "✏");
            if ui
                .link(note.display_title())
                .on_hover_text("Open in the Notes view")
                .clicked()
            {
                commands.push(Command::Notes(NoteCommand::Open(note.id.clone())));
            }
            ui.weak(note.updated.to_string());
        });
        let preview: String = note.body.lines().take(3).collect::<Vec<_>>().join("\n");
        if !preview.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(preview).weak()).wrap());
        }
    }
}
