//! The conflict view: two versions of a note side by side, the differing lines marked, and
//! the three ways to resolve it. Draws and reports the choice; changes nothing itself.

use crate::notes::{DiffRow, LineChange, Note, Resolution, line_diff};
use crate::ui::theme;

/// Draws `mine` (the original note) and `theirs` (its conflict copy) side by side, with the
/// lines that differ marked, and the buttons "Keep mine", "Keep theirs" and "Keep both
/// texts". Returns the resolution the user clicked this frame, if any; the caller turns it
/// into a command for [`crate::notes::Notebook::resolve_conflict`].
#[must_use]
pub fn show(ui: &mut egui::Ui, mine: &Note, theirs: &Note) -> Option<Resolution> {
    let rows = line_diff(&mine.body, &theirs.body);
    let differing = rows.iter().filter(|r| r.change != LineChange::Same).count();
    let mut chosen = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.colored_label(
            theme::WARNING,
            "⚠ Conflict: this note was changed in two places. Both versions are kept until you choose.",
        );
        if mine.title != theirs.title.trim_end_matches(crate::notes::CONFLICT_SUFFIX) {
            ui.label(format!(
                "Titles: “{}” (mine) and “{}” (theirs).",
                mine.display_title(),
                theirs.display_title()
            ));
        }
        ui.weak(match differing {
            0 => "The texts are the same; other fields differ.".to_owned(),
            1 => "1 line differs (marked ▶).".to_owned(),
            n => format!("{n} lines differ (marked ▶)."),
        });
        ui.horizontal(|ui| {
            for resolution in [
                Resolution::KeepMine,
                Resolution::KeepTheirs,
                Resolution::KeepBoth,
            ] {
                if ui
                    .button(resolution.label())
                    .on_hover_text(resolution.tooltip())
                    .clicked()
                {
                    chosen = Some(resolution);
                }
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("conflict_rows")
            .max_height(320.0)
            .show(ui, |ui| side_by_side(ui, &rows));
    });
    chosen
}

/// The two columns: mine on the left, theirs on the right, one row per line.
fn side_by_side(ui: &mut egui::Ui, rows: &[DiffRow]) {
    egui::Grid::new("conflict_side_by_side")
        .num_columns(2)
        .striped(false)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            ui.strong("Mine");
            ui.strong("Theirs");
            ui.end_row();
            for row in rows {
                let marked = row.change != LineChange::Same;
                cell(ui, row.mine.as_deref(), marked, theme::KOREA);
                cell(ui, row.theirs.as_deref(), marked, theme::EUROPE);
                ui.end_row();
            }
        });
}

fn cell(ui: &mut egui::Ui, line: Option<&str>, marked: bool, colour: egui::Color32) {
    match (line, marked) {
        (Some(text), true) => {
            ui.colored_label(colour, format!("▶ {text}"));
        }
        (Some(text), false) => {
            ui.label(format!("  {text}"));
        }
        (None, _) => {
            ui.weak("—");
        }
    }
}
