//! The problems panel: every problem of a store that failed to load, one per line.

use super::{Command, theme};
use crate::store::{Failure, Problem};

/// Draws the problems panel at the bottom.
pub fn show(ui: &mut egui::Ui, problems: &[Problem], failure: Option<&Failure>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::bottom("problems")
        .resizable(true)
        .default_size(160.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.colored_label(theme::ERROR, format!("⚠ {} problem(s)", problems.len()));
                if let Some(f) = failure {
                    ui.label(format!(
                        "in {} — the store that was open stays open.",
                        f.attempted
                    ));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Hide").clicked() {
                        commands.push(Command::ToggleProblems);
                    }
                    if ui
                        .button("Copy all")
                        .on_hover_text("Copy every problem as text")
                        .clicked()
                    {
                        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
                        ui.ctx().copy_text(text.join("\n"));
                    }
                });
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    for p in problems {
                        ui.add(
                            egui::Label::new(egui::RichText::new(p.to_string()).monospace()).wrap(),
                        );
                    }
                });
        });
    commands
}
