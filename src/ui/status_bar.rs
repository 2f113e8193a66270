//! The status bar: the last message.

/// Draws the status bar at the bottom.
pub fn show(ui: &mut egui::Ui, status: &str) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if status.is_empty() {
                ui.weak("Ready");
            } else {
                ui.add(egui::Label::new(status).truncate());
            }
        });
    });
}
