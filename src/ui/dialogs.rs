//! Modal dialogs: the path field (where the system file dialog cannot open), "unsaved changes",
//! the keyboard shortcut sheet and the About box. Each draws plain values and returns commands.

use egui::{Modal, RichText};

use super::command::{FileAction, UiCommand};
use super::{Command, theme};

/// What the user said about unsaved store changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmChoice {
    /// Save the store, then go on.
    Save,
    /// Go on and drop the changes.
    Discard,
    /// Do nothing.
    Cancel,
}

/// Draws the path field for `action` (its text is edited in place). Returns the path when
/// the user confirms, and `Some(None)` when they cancel.
pub fn path_prompt(
    ctx: &egui::Context,
    action: &FileAction,
    text: &mut String,
) -> Option<Option<std::path::PathBuf>> {
    let mut outcome = None;
    let modal = Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(action.title());
        ui.label(
            "The system file dialog gave no file — it was cancelled, or it cannot open on \
             this system. Type or paste the path instead:",
        );
        let label = ui.label("Path");
        let edit = ui
            .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !edit.has_focus() && !edit.lost_focus() && ui.memory(|m| m.focused().is_none()) {
            edit.request_focus();
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let verb = if action.writes() { "Save" } else { "Open" };
            if ui.button(verb).clicked() || enter {
                let path = text.trim();
                outcome = Some((!path.is_empty()).then(|| std::path::PathBuf::from(path)));
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(None);
            }
        });
    });
    if modal.should_close() && outcome.is_none() {
        outcome = Some(None);
    }
    outcome
}

/// Asks what to do with unsaved store changes before `what` ("reload the store").
pub fn confirm_unsaved(ctx: &egui::Context, what: &str) -> Option<ConfirmChoice> {
    let mut choice = None;
    let modal = Modal::new(egui::Id::unique("confirm_unsaved")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("Unsaved changes to the store");
        ui.label(format!(
            "The open store has changes that are not saved. Save them before you {what}?"
        ));
        ui.horizontal(|ui| {
            if ui.button("Save first").clicked() {
                choice = Some(ConfirmChoice::Save);
            }
            if ui
                .button(RichText::new("Discard the changes").color(theme::ERROR))
                .clicked()
            {
                choice = Some(ConfirmChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ConfirmChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(ConfirmChoice::Cancel);
    }
    choice
}

/// The keyboard shortcut sheet, made from the command table. Returns whether it stays open.
pub fn shortcuts(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcut_sheet")
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for c in UiCommand::ALL {
                        let Some(s) = c.shortcut() else { continue };
                        let mut keys = ctx.format_shortcut(&s);
                        for alt in c.alternative_shortcuts() {
                            keys.push_str(" / ");
                            keys.push_str(&ctx.format_shortcut(alt));
                        }
                        ui.label(RichText::new(keys).monospace());
                        ui.label(c.text()).on_hover_text(c.tooltip());
                        ui.end_row();
                    }
                });
            ui.add_space(4.0);
            ui.weak("Inside a text field, Ctrl+Z and Ctrl+Shift+Z undo and redo the typing.");
        });
    open
}

/// What the About box shows: plain values the App gathers.
pub struct About<'a> {
    /// The app's version.
    pub version: &'a str,
    /// The open store: name and summary.
    pub store: String,
    /// Where the notes are kept.
    pub notes_path: String,
    /// The store's sources: title and publisher.
    pub sources: Vec<String>,
}

/// The About box. Returns whether it stays open.
pub fn about(ctx: &egui::Context, about: &About<'_>) -> bool {
    let mut open = true;
    egui::Window::new("About Partnership Atlas")
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.strong(format!("Partnership Atlas {}", about.version));
            ui.label(
                "Korea–Europe science, technology and innovation partnerships, their indicators \
                 and your notes — offline.",
            );
            ui.separator();
            ui.label(format!("Store: {}", about.store));
            ui.label(format!("Your notes are kept in {}", about.notes_path));
            ui.separator();
            ui.strong("Data sources");
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| {
                    for s in &about.sources {
                        ui.add(egui::Label::new(RichText::new(s).small()).wrap());
                    }
                });
            ui.separator();
            ui.strong("Licences");
            ui.label("The app: MIT or Apache-2.0.");
            ui.label("Fonts: DejaVu Sans (Bitstream Vera licence) and NanumGothic (SIL Open Font Licence).");
            ui.label("Map outlines: Natural Earth (public domain). Figures: as each source states.");
        });
    open
}

/// The commands the menus offer, for a menu of the top bar.
pub fn menu_items(ui: &mut egui::Ui, items: &[(UiCommand, bool)], commands: &mut Vec<Command>) {
    for &(c, enabled) in items {
        if c.menu_item(ui, enabled) {
            commands.push(Command::Ui(c));
            ui.close();
        }
    }
}
