//! Pieces every chart card and table shares: the legend-beside-plot layout, economy colours,
//! source lines, the source selector, and table columns that fit their width or scroll.

use egui::{Color32, RichText, Ui};

use super::{NARROW, SMALL_TEXT};
use crate::analysis::charts::{self, ECONOMY_ORDER, Emphasis};
use crate::text::ellipsize;
use crate::ui::theme;

/// Column widths for a table: each column gets its minimum, and what the width leaves over is
/// shared by weight. Returns the widths and whether they still exceed `available` (then the
/// table scrolls sideways).
pub(super) fn column_widths(
    available: f32,
    spacing: f32,
    columns: &[(f32, f32)],
) -> (Vec<f32>, bool) {
    let gaps = spacing * columns.len().saturating_sub(1) as f32;
    let min: f32 = columns.iter().map(|c| c.0).sum::<f32>() + gaps;
    let spare = (available - min).max(0.0);
    let weights: f32 = columns.iter().map(|c| c.1).sum();
    let widths = columns
        .iter()
        .map(|(m, w)| {
            if weights > 0.0 {
                m + spare * w / weights
            } else {
                *m
            }
        })
        .collect();
    (widths, min > available + 0.5)
}

/// Shows a table that fits its width or else scrolls sideways (never cut off).
pub(super) fn fitted_table<R>(
    ui: &mut Ui,
    salt: &str,
    scrolls: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    if scrolls {
        // The bar always shows, so that a reader sees there is more to the right.
        egui::ScrollArea::horizontal()
            .id_salt(salt)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .auto_shrink([false, true])
            .show(ui, add)
            .inner
    } else {
        add(ui)
    }
}

/// Whether the view is narrow, and the layout that puts the legend beside the plot (or under it
/// when narrow).
pub(super) fn legend_layout(ui: &Ui) -> (bool, egui::Layout) {
    let narrow = ui.available_width() < NARROW;
    let layout = if narrow {
        egui::Layout::top_down(egui::Align::Min)
    } else {
        egui::Layout::left_to_right(egui::Align::Min)
    };
    (narrow, layout)
}

/// The plot's width inside [`legend_layout`]: all of it when narrow, else what the legend leaves.
pub(super) fn plot_width(ui: &Ui, narrow: bool) -> f32 {
    if narrow {
        ui.available_width()
    } else {
        let gap = ui.spacing().item_spacing.x;
        (ui.available_width() - super::line::LEGEND_WIDTH - 2.0 * gap).max(240.0)
    }
}

/// The colour of an economy in every chart.
pub fn economy_colour(economy: &str, emphasis: Emphasis) -> Color32 {
    match emphasis {
        Emphasis::Korea => theme::KOREA,
        Emphasis::Europe => theme::EUROPE,
        Emphasis::Other => {
            let i = ECONOMY_ORDER
                .iter()
                .position(|e| *e == economy)
                .map_or_else(
                    || economy.bytes().map(usize::from).sum::<usize>(),
                    |i| i.saturating_sub(2),
                );
            theme::chart_other(i)
        }
    }
}

/// A grid cell of a fixed width, so that its text wraps inside it.
pub(super) fn cell(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui);
    });
}

/// The source line under the title, drawn only while a PNG is taken of a card taller than
/// the window (so the PNG names its source even though its foot is cut off).
pub(super) fn top_source_line(ui: &mut Ui, text: Option<&str>) {
    if let Some(t) = text {
        ui.add(egui::Label::new(RichText::new(t).size(SMALL_TEXT)).wrap());
        ui.add_space(4.0);
    }
}

/// The source line under a chart and the notes a reader must see (derived values and caveats
/// in the warning colour).
pub(super) fn source_footer(ui: &mut Ui, source_line: &str, notes: &[String]) {
    ui.add_space(4.0);
    ui.add(egui::Label::new(RichText::new(source_line).size(SMALL_TEXT)).wrap());
    for n in notes {
        let text = RichText::new(n).size(SMALL_TEXT);
        let text = if n.starts_with("Derived") || n.starts_with("Caveat") {
            text.color(theme::WARNING)
        } else {
            text.weak()
        };
        ui.add(egui::Label::new(text).wrap());
    }
}

/// A source selector labelled "Source:"; returns the id chosen this frame.
pub(super) fn source_selector(
    ui: &mut Ui,
    salt: &str,
    choices: &[charts::SourceChoice],
    current: Option<&str>,
) -> Option<String> {
    let mut chosen = None;
    let mut shown = None;
    ui.horizontal(|ui| {
        let label = ui.label("Source:");
        let selected = choices
            .iter()
            .find(|c| Some(c.id.as_str()) == current)
            .map_or_else(|| "none".to_owned(), charts::SourceChoice::label);
        let width = (ui.available_width() - 16.0).clamp(200.0, 900.0);
        let max_chars = ((width - 40.0) / 6.6) as usize;
        let response = egui::ComboBox::from_id_salt(salt)
            .selected_text(ellipsize(&selected, max_chars))
            .width(width)
            .show_ui(ui, |ui| {
                ui.set_min_width(width.min(700.0));
                for c in choices {
                    let r = ui.add(
                        egui::Button::selectable(Some(c.id.as_str()) == current, c.label()).wrap(),
                    );
                    if r.clicked() {
                        chosen = Some(c.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        shown = Some((response, selected));
    });
    let Some((response, selected)) = shown else {
        return chosen;
    };
    response.on_hover_text(format!(
        "{selected}\nOne source at a time: sources differ slightly and are never mixed in one line."
    ));
    chosen
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn columns_share_the_spare_width_by_weight_and_scroll_only_when_too_narrow() {
        let (w, scrolls) = column_widths(500.0, 10.0, &[(100.0, 1.0), (100.0, 3.0)]);
        assert!(!scrolls);
        assert_eq!(w, vec![172.5, 317.5]);
        let (w, scrolls) = column_widths(150.0, 10.0, &[(100.0, 1.0), (100.0, 3.0)]);
        assert!(scrolls, "two 100-point columns do not fit 150 points");
        assert_eq!(w, vec![100.0, 100.0]);
    }
}
