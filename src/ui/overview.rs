//! The overview: the programmes at a glance, what the store holds, and its sources.

use super::{Command, ViewCtx};

/// Draws the overview in the central panel.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let store = ctx.store;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading(if store.name.is_empty() {
                "Untitled store"
            } else {
                &store.name
            });
            if !store.description.is_empty() {
                ui.label(&store.description);
            }
            ui.weak(store.summary());
            ui.add_space(8.0);
            ui.heading("Programmes");
            for p in &store.programmes {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        if ui.link(egui::RichText::new(&p.name).strong()).clicked() {
                            commands.push(Command::Select(p.id.clone()));
                        }
                        let period = if p.period.start.is_none() && p.period.end.is_none() {
                            "period not stated".to_owned()
                        } else {
                            p.period.to_string()
                        };
                        ui.weak(format!("{period} · {}", p.status.label()));
                    });
                    let pairs: Vec<_> = store
                        .partnerships
                        .iter()
                        .filter(|x| x.programme == p.id)
                        .collect();
                    let cohorts: Vec<_> = store
                        .cohorts
                        .iter()
                        .filter(|x| x.programme == p.id)
                        .collect();
                    ui.horizontal_wrapped(|ui| {
                        for x in pairs {
                            if ui.small_button(&x.name).clicked() {
                                commands.push(Command::Select(x.id.clone()));
                            }
                        }
                        for c in cohorts {
                            if ui
                                .small_button(format!("{} ({} members)", c.name, c.members.len()))
                                .clicked()
                            {
                                commands.push(Command::Select(c.id.clone()));
                            }
                        }
                    });
                    if !p.themes.is_empty() {
                        ui.weak(p.themes.join(" · "));
                    }
                });
            }
            ui.add_space(8.0);
            ui.heading("Sources");
            for s in &store.sources {
                ui.horizontal_wrapped(|ui| {
                    if ui.link(&s.title).clicked() {
                        commands.push(Command::Select(s.id.clone()));
                    }
                    ui.weak(format!("{} {}", s.publisher, s.date));
                });
            }
        });
    commands
}
