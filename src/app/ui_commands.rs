//! The commands of the table (menus, buttons, shortcuts) that the App runs itself.

use super::*;

impl AtlasApp {
    /// Applies a command of the table (menus, buttons, shortcuts).
    pub(crate) fn run_ui_command(&mut self, c: UiCommand) -> Vec<Command> {
        use crate::ui::FileAction as F;
        match c {
            UiCommand::OpenStore => return vec![Command::AskPath(F::OpenStore)],
            UiCommand::SaveStore => return self.save_open_store(),
            UiCommand::SaveMyStore => return vec![Command::AskPath(F::SaveMyStore)],
            UiCommand::ShowChanges => self.show_changes = !self.show_changes,
            UiCommand::ExportChanges => return vec![Command::AskPath(F::ExportChanges)],
            UiCommand::ApplyChanges => return vec![Command::AskPath(F::ApplyChanges)],
            UiCommand::SaveStoreAs => return vec![Command::AskPath(F::SaveStoreAs)],
            UiCommand::ReloadStore => self.guard(Pending::Reload),
            UiCommand::ImportCsv => return vec![Command::AskPath(F::ImportCsv)],
            UiCommand::Undo => self.undo(),
            UiCommand::Redo => self.redo(),
            UiCommand::NewNote => {
                return self.apply_note(NoteCommand::New(self.selected.clone()));
            }
            UiCommand::SaveNotes => return self.apply_note(NoteCommand::SaveNow),
            UiCommand::ExportNotes => {
                return vec![Command::AskPath(F::ExportNotes {
                    markdown: false,
                    target: None,
                })];
            }
            UiCommand::ExportNotesMarkdown => {
                return vec![Command::AskPath(F::ExportNotes {
                    markdown: true,
                    target: None,
                })];
            }
            UiCommand::ImportNotes => return vec![Command::AskPath(F::ImportNotes)],
            UiCommand::FocusSearch => {
                self.settings.hide_list = false;
                self.prefer_details = false;
                self.focus_search = true;
            }
            UiCommand::ClearSelection => {
                self.selected = None;
                self.path_prompt = None;
                self.show_shortcuts = false;
                self.show_about = false;
            }
            UiCommand::ShowNetwork => self.settings.view = View::Network,
            UiCommand::ShowTimeline => self.settings.view = View::Timeline,
            UiCommand::ShowCharts => self.settings.view = View::Charts,
            UiCommand::ShowNotes => self.settings.view = View::Notes,
            UiCommand::ShowOverview => self.settings.view = View::Overview,
            UiCommand::ToggleList => self.settings.hide_list = !self.settings.hide_list,
            UiCommand::ToggleDetails => self.settings.hide_details = !self.settings.hide_details,
            UiCommand::ToggleHangul => self.settings.hangul = !self.settings.hangul,
            UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
                let now = self.settings.scale.unwrap_or(1.0);
                let next = match c {
                    UiCommand::ZoomIn => now + 0.1,
                    UiCommand::ZoomOut => now - 0.1,
                    _ => 1.0,
                };
                self.set_scale(next);
            }
            UiCommand::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
            UiCommand::ShowAbout => self.show_about = !self.show_about,
            UiCommand::Quit => self.guard(Pending::Quit),
        }
        Vec::new()
    }

    /// Sets how large text and pictures are, within 0.5 to 3 times the normal size.
    pub(crate) fn set_scale(&mut self, factor: f32) {
        let factor = (factor * 10.0).round() / 10.0;
        let factor = factor.clamp(0.5, 3.0);
        self.settings.scale = Some(factor);
        if let Some(ctx) = &self.egui_ctx {
            ctx.set_zoom_factor(factor);
        }
    }
}
