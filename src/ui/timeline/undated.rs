//! The list of items the sources give no date for, below the lanes: never placed on the axis
//! at a guessed year, but still one click from their details.

use egui::{RichText, Ui};

use crate::analysis::timeline::Timeline;
use crate::ui::{Command, ViewCtx};

use super::text;

/// Shows the list in a resizable strip at the bottom of `ui`.
pub fn panel(ui: &mut Ui, t: &Timeline, ctx: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    egui::Panel::bottom("timeline-undated")
        .resizable(true)
        .default_size(104.0)
        .min_size(48.0)
        .show(ui, |ui| {
            ui.add_space(2.0);
            ui.label(
                RichText::new(format!(
                    "Not dated in the sources ({}) — listed here, not placed at a guessed year",
                    t.undated.len()
                ))
                .strong(),
            );
            egui::ScrollArea::vertical()
                .auto_shrink([false, true])
                .show(ui, |ui| list(ui, t, ctx, commands));
        });
}

fn list(ui: &mut Ui, t: &Timeline, ctx: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    let mut lane = None;
    for u in &t.undated {
        if lane != Some(u.lane) {
            lane = Some(u.lane);
            if let Some(l) = t.lanes.get(u.lane) {
                ui.label(
                    RichText::new(text::lane_title(l, ctx.hangul))
                        .weak()
                        .small(),
                );
            }
        }
        let name = text::named(&u.name, u.name_ko.as_deref(), ctx.hangul);
        let label = format!("{name} — {}, {}", u.kind.to_lowercase(), u.missing);
        let selected = ctx.selected == Some(u.record.as_str());
        let mut rich = RichText::new(label);
        if u.outside {
            rich = rich.weak();
        }
        let r = ui
            .add(egui::Button::selectable(selected, rich).truncate())
            .on_hover_ui(|ui| text::undated_tooltip(ui, ctx.store, u, ctx.hangul));
        if r.clicked() {
            commands.push(Command::Select(u.record.clone()));
        }
    }
}
