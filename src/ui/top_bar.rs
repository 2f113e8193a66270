//! The top bar: the store's name and origin, Open/Reload, the problems count, the views, and the
//! Hangul toggle.

use super::View;
use super::{Command, theme};
use crate::app::AtlasApp;

/// Draws the top bar.
pub fn show(ui: &mut egui::Ui, app: &mut AtlasApp) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(3.0);
        ui.horizontal_wrapped(|ui| {
            ui.strong("Partnership Atlas");
            ui.separator();
            let store = &app.loaded.store;
            let name = if store.name.is_empty() {
                "Untitled store"
            } else {
                &store.name
            };
            ui.label(name)
                .on_hover_text(format!("{}\n{}", store.summary(), store.description));
            ui.weak(format!("({})", app.loaded.origin));
            if ui
                .button("Open store…")
                .on_hover_text("Open a .ron store file (you can also drop one on the window)")
                .clicked()
            {
                commands.push(Command::OpenStoreDialog);
            }
            if ui
                .button("Reload")
                .on_hover_text("Read the open store again")
                .clicked()
            {
                commands.push(Command::ReloadStore);
            }
            let n = app.problems.len();
            let problems = if n == 0 {
                egui::RichText::new("No problems")
            } else {
                egui::RichText::new(format!("⚠ {n} problem{}", if n == 1 { "" } else { "s" }))
                    .color(theme::ERROR)
                    .strong()
            };
            if ui
                .add_enabled(n > 0, egui::Button::new(problems))
                .on_hover_text("Show or hide the problems of the last store that failed to load")
                .clicked()
            {
                commands.push(Command::ToggleProblems);
            }
            if let Some(f) = &app.failure {
                ui.colored_label(
                    theme::WARNING,
                    format!(
                        "Could not open {} ({}); showing the store above.",
                        f.attempted, f.reason
                    ),
                );
            }
        });
        ui.horizontal(|ui| {
            for v in View::ALL {
                if ui
                    .selectable_label(app.settings.view == v, v.label())
                    .clicked()
                {
                    commands.push(Command::ShowView(v));
                }
            }
            ui.separator();
            ui.checkbox(&mut app.settings.hangul, "한국어 names")
                .on_hover_text("Show Hangul names where a record has one");
            ui.separator();
            let mut list = !app.settings.hide_list;
            if ui
                .toggle_value(&mut list, "List")
                .on_hover_text("Show the browse list")
                .changed()
            {
                app.settings.hide_list = !list;
            }
            let mut details = !app.settings.hide_details;
            if ui
                .toggle_value(&mut details, "Details")
                .on_hover_text("Show the details panel")
                .changed()
            {
                app.settings.hide_details = !details;
            }
            ui.menu_button("Settings", |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Your name");
                    ui.add(
                        egui::TextEdit::singleline(&mut app.settings.author)
                            .hint_text("written on new notes")
                            .desired_width(180.0),
                    )
                    .labelled_by(label.id);
                });
                ui.weak(format!("Notes file: {}", app.notes.path.display()));
            });
        });
        ui.add_space(2.0);
    });
    commands
}
