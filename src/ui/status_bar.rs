//! The status bar: the last message, the state of the notes file, and "Undo" after a delete.
//! When the notes file cannot be read, a banner above it says why and offers the backup.

use super::{Command, notes::NoteCommand, theme};
use crate::notes::NoteId;

/// The notes file's state, as plain values the App builds.
#[derive(Clone, Debug, Default)]
pub struct NotesStatus {
    /// The state in a few words ("Notes saved 14:05", "Saving…").
    pub state: String,
    /// The notes file.
    pub path: String,
    /// Why the notes file could not be read, if it could not.
    pub load_error: Option<String>,
    /// Whether a backup or a fresh start can be offered.
    pub can_recover: bool,
    /// Why the last save failed, if it did.
    pub save_error: Option<String>,
}

/// Draws the status bar (and the notes banner) at the bottom.
pub fn show(
    ui: &mut egui::Ui,
    status: &str,
    notes: &NotesStatus,
    last_deleted: Option<&NoteId>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        if let Some(err) = &notes.load_error {
            ui.add_space(2.0);
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    theme::ERROR,
                    "⚠ The notes file could not be read, so it is left untouched:",
                );
                ui.label(err);
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Notes you write now are kept in memory until this is solved.");
                if notes.can_recover {
                    if ui
                        .button("Open the backup")
                        .on_hover_text("Use the last good copy; the unreadable file is kept aside")
                        .clicked()
                    {
                        commands.push(Command::Notes(NoteCommand::RecoverBackup));
                    }
                    if ui
                        .button("Start a new notes file")
                        .on_hover_text("The unreadable file is renamed, not deleted")
                        .clicked()
                    {
                        commands.push(Command::Notes(NoteCommand::StartFresh));
                    }
                }
            });
            ui.separator();
        }
        if let Some(err) = &notes.save_error {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(theme::ERROR, format!("⚠ {err}"));
                if ui.button("Retry now").clicked() {
                    commands.push(Command::Notes(NoteCommand::SaveNow));
                }
            });
        }
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(&notes.state).on_hover_text(&notes.path);
                if let Some(id) = last_deleted
                    && ui.small_button("Undo delete").clicked()
                {
                    commands.push(Command::Notes(NoteCommand::Undelete(id.clone())));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    if status.is_empty() {
                        ui.weak("Ready");
                    } else {
                        ui.add(egui::Label::new(status).truncate());
                    }
                });
            });
        });
    });
    commands
}
