//! The top bar: the menus (File, Edit, View, Help), the store's name and origin, the problems
//! count, the view tabs and the panel toggles. It draws plain values the App builds and
//! returns commands.

use super::command::UiCommand;
use super::dialogs::menu_items;
use super::{Command, Setting, View, theme};

/// What the top bar shows, built by the App each frame.
pub struct TopBar<'a> {
    /// The store's name.
    pub store_name: &'a str,
    /// Summary and description, on hover.
    pub store_hover: String,
    /// Where the store came from ("built-in", a path).
    pub origin: String,
    /// The store has changes that are not saved.
    pub unsaved: bool,
    /// Problems of the last store that failed to load.
    pub problems: usize,
    /// The last failed open, in one line.
    pub failure: Option<String>,
    /// The central view shown.
    pub view: View,
    /// Hangul names on.
    pub hangul: bool,
    /// The browse list is shown.
    pub show_list: bool,
    /// The details panel is shown.
    pub show_details: bool,
    /// The author name written on new notes.
    pub author: &'a str,
    /// Where the notes are kept.
    pub notes_path: String,
    /// What Undo would undo.
    pub undo: Option<&'a str>,
    /// What Redo would redo.
    pub redo: Option<&'a str>,
    /// The colour theme chosen.
    pub theme: super::ThemeChoice,
    /// How large text and pictures are.
    pub scale: f32,
}

/// Draws the top bar.
pub fn show(ui: &mut egui::Ui, bar: &TopBar<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(2.0);
        egui::MenuBar::new().ui(ui, |ui| {
            menus(ui, bar, &mut commands);
            ui.separator();
            ui.strong("Partnership Atlas");
            let name = if bar.store_name.is_empty() {
                "Untitled store"
            } else {
                bar.store_name
            };
            let name = if bar.unsaved {
                format!("{name} ●")
            } else {
                name.to_owned()
            };
            ui.label(name).on_hover_text(&bar.store_hover);
            ui.weak(format!("({})", bar.origin));
            if bar.problems == 0 {
                ui.weak("No problems");
            } else {
                let n = bar.problems;
                let text =
                    egui::RichText::new(format!("⚠ {n} problem{}", if n == 1 { "" } else { "s" }))
                        .color(theme::ERROR)
                        .strong();
                if ui
                    .button(text)
                    .on_hover_text(
                        "Show or hide the problems of the last store that failed to load",
                    )
                    .clicked()
                {
                    commands.push(Command::ToggleProblems);
                }
            }
        });
        if let Some(f) = &bar.failure {
            ui.colored_label(theme::WARNING, f);
        }
        ui.horizontal(|ui| {
            for v in View::ALL {
                if ui.selectable_label(bar.view == v, v.label()).clicked() {
                    commands.push(Command::ShowView(v));
                }
            }
            ui.separator();
            let mut hangul = bar.hangul;
            if ui
                .checkbox(&mut hangul, UiCommand::ToggleHangul.text())
                .on_hover_text(UiCommand::ToggleHangul.tooltip())
                .changed()
            {
                commands.push(Command::Set(Setting::Hangul(hangul)));
            }
            ui.separator();
            let mut list = bar.show_list;
            if ui
                .toggle_value(&mut list, "List")
                .on_hover_text(UiCommand::ToggleList.tooltip())
                .changed()
            {
                commands.push(Command::Set(Setting::ShowList(list)));
            }
            let mut details = bar.show_details;
            if ui
                .toggle_value(&mut details, "Details")
                .on_hover_text(UiCommand::ToggleDetails.tooltip())
                .changed()
            {
                commands.push(Command::Set(Setting::ShowDetails(details)));
            }
        });
        ui.add_space(2.0);
    });
    commands
}

fn menus(ui: &mut egui::Ui, bar: &TopBar<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("File", |ui| {
        menu_items(
            ui,
            &[
                (UiCommand::OpenStore, true),
                (UiCommand::ReloadStore, true),
                (UiCommand::SaveStore, bar.unsaved),
                (UiCommand::SaveStoreAs, true),
                (UiCommand::SaveMyStore, true),
                (UiCommand::ExportChanges, true),
                (UiCommand::ApplyChanges, true),
                (UiCommand::ImportCsv, true),
            ],
            commands,
        );
        ui.separator();
        menu_items(
            ui,
            &[
                (UiCommand::NewNote, true),
                (UiCommand::SaveNotes, true),
                (UiCommand::ExportNotes, true),
                (UiCommand::ExportNotesMarkdown, true),
                (UiCommand::ImportNotes, true),
            ],
            commands,
        );
        ui.separator();
        menu_items(ui, &[(UiCommand::Quit, true)], commands);
    });
    ui.menu_button("Edit", |ui| {
        let undo = bar
            .undo
            .map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}"));
        let redo = bar
            .redo
            .map_or_else(|| "Redo".to_owned(), |l| format!("Redo {l}"));
        for (c, text, enabled) in [
            (UiCommand::Undo, undo, bar.undo.is_some()),
            (UiCommand::Redo, redo, bar.redo.is_some()),
        ] {
            let shortcut = c.shortcut_text(ui.ctx());
            if ui
                .add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut))
                .on_hover_text(c.tooltip())
                .clicked()
            {
                commands.push(Command::Ui(c));
                ui.close();
            }
        }
        ui.separator();
        menu_items(
            ui,
            &[
                (UiCommand::FocusSearch, true),
                (UiCommand::ClearSelection, true),
            ],
            commands,
        );
    });
    ui.menu_button("Settings", |ui| {
        ui.label("Theme");
        for t in super::ThemeChoice::ALL {
            if ui.radio(bar.theme == t, t.label()).clicked() {
                commands.push(Command::Set(Setting::Theme(t)));
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label("Size");
            let mut scale = bar.scale;
            if ui
                .add(
                    egui::Slider::new(&mut scale, 0.5..=3.0)
                        .step_by(0.1)
                        .suffix("×"),
                )
                .labelled_by(label.id)
                .on_hover_text("How large text and pictures are (Ctrl+plus, Ctrl+minus, Ctrl+0)")
                .changed()
            {
                commands.push(Command::Set(Setting::Scale(scale)));
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label("Your name");
            let mut author = bar.author.to_owned();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut author)
                        .hint_text("written on new notes")
                        .desired_width(180.0),
                )
                .labelled_by(label.id)
                .changed()
            {
                commands.push(Command::Set(Setting::Author(author)));
            }
        });
        ui.weak(format!("Notes file: {}", bar.notes_path));
    });
    ui.menu_button("View", |ui| {
        menu_items(
            ui,
            &[
                (UiCommand::ShowNetwork, true),
                (UiCommand::ShowTimeline, true),
                (UiCommand::ShowCharts, true),
                (UiCommand::ShowNotes, true),
                (UiCommand::ShowOverview, true),
            ],
            commands,
        );
        ui.separator();
        menu_items(
            ui,
            &[
                (UiCommand::ToggleList, true),
                (UiCommand::ToggleDetails, true),
                (UiCommand::ShowChanges, true),
                (UiCommand::ToggleHangul, true),
            ],
            commands,
        );
        ui.separator();
        menu_items(
            ui,
            &[
                (UiCommand::ZoomIn, true),
                (UiCommand::ZoomOut, true),
                (UiCommand::ZoomReset, true),
            ],
            commands,
        );
    });
    ui.menu_button("Help", |ui| {
        menu_items(
            ui,
            &[
                (UiCommand::ShowShortcuts, true),
                (UiCommand::ShowAbout, true),
            ],
            commands,
        );
    });
}
