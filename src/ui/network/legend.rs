//! The legend, docked in a strip below the canvas (so it never covers the picture it explains)
//! and, uncut, below the picture in every export: what the colours, line styles and sizes mean,
//! what the filter leaves out, and where the data and the map come from. Clicking a programme
//! shows or fades it; the fold button keeps only its summary line.

use egui::{RichText, Ui};

use crate::ui::ViewCtx;

use super::NetworkView;
use super::legend_columns::{
    lines_row, notes_column, notes_lines, places_column, programmes_column, symbols_column,
};
use super::legend_data::{LegendData, counts_line, gather};

/// The accessible name of the fold button when the legend is open.
pub const FOLD_LABEL: &str = "Fold the legend";
/// The accessible name of the fold button when the legend is folded.
pub const UNFOLD_LABEL: &str = "Unfold the legend";

/// What a click in the legend asks for.
pub(super) enum Action {
    ToggleProgramme(String),
    ToggleOpen,
}

fn content(
    ui: &mut Ui,
    d: &LegendData,
    bundled: Option<(usize, usize)>,
    open: bool,
    interactive: bool,
    width: f32,
) -> Option<Action> {
    let mut action = None;
    ui.spacing_mut().item_spacing.y = 1.0;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Legend").strong());
        ui.label(RichText::new(format!("· {}", counts_line(d))).weak());
        if interactive {
            let (icon, tip) = if open {
                ("▾", FOLD_LABEL)
            } else {
                ("▸", UNFOLD_LABEL)
            };
            let button = ui.small_button(icon).on_hover_text(tip);
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), tip)
            });
            if button.clicked() {
                action = Some(Action::ToggleOpen);
            }
        }
    });
    if !open {
        return action;
    }
    // Short columns side by side rather than one tall one: the legend sits in a strip below the
    // canvas, and every line of it taken from the canvas is a line less of picture. Narrow
    // views get fewer columns.
    if width >= 760.0 {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(250.0);
                if let Some(a) = programmes_column(ui, d, interactive) {
                    action = Some(a);
                }
            });
            ui.add_space(18.0);
            ui.vertical(|ui| {
                ui.set_max_width(230.0);
                symbols_column(ui, d);
            });
            ui.add_space(18.0);
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width().clamp(230.0, 380.0));
                notes_column(ui, d, bundled);
            });
        });
    } else if width >= 500.0 {
        // Two columns of about the same height: programmes and place colours; symbols and the
        // notes with the data line (so that line shows without scrolling on a laptop).
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(250.0);
                if let Some(a) = programmes_column(ui, d, interactive) {
                    action = Some(a);
                }
                places_column(ui, d);
            });
            ui.add_space(18.0);
            ui.vertical(|ui| {
                ui.set_max_width((width - 290.0).clamp(200.0, 300.0));
                symbols_column(ui, d);
                notes_lines(ui, d, bundled);
            });
        });
    } else {
        ui.set_max_width(width.max(200.0));
        if let Some(a) = programmes_column(ui, d, interactive) {
            action = Some(a);
        }
        lines_row(ui);
    }
    action
}

/// The legend's data, gathered again only when the store, the filter or the layout changed.
fn data(view: &mut NetworkView, ctx: &ViewCtx<'_>) -> Option<std::sync::Arc<LegendData>> {
    let key = (
        view.cache.generation,
        view.cache.states.generation,
        view.layout,
    );
    match &view.live.legend {
        Some((k, d)) if *k == key && d.outside == view.outside => Some(d.clone()),
        _ => {
            let d = std::sync::Arc::new(gather(view, ctx)?);
            view.live.legend = Some((key, d.clone()));
            Some(d)
        }
    }
}

/// Shows the legend in `ui` (the strip below the canvas, or below the picture in an export),
/// at most `max_height` tall (it scrolls beyond that), and applies its clicks. An export's
/// legend is not `interactive` and always unfolded. Returns the height it took.
pub fn show(
    view: &mut NetworkView,
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    interactive: bool,
    max_height: f32,
) -> f32 {
    let Some(data) = data(view, ctx) else {
        return 0.0;
    };
    let bundled = view.live.scene.as_ref().and_then(|(_, s)| s.bundled);
    let open = view.legend_open || !interactive;
    let width = ui.available_width();
    let frame = egui::Frame::group(ui.style()).inner_margin(egui::Margin::symmetric(8, 4));
    let shown = frame.show(ui, |ui| {
        ui.set_width(width - 18.0);
        if interactive {
            egui::ScrollArea::vertical()
                .max_height((max_height - 10.0).max(24.0))
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    content(ui, &data, bundled, open, true, width - 30.0)
                })
                .inner
        } else {
            content(ui, &data, bundled, open, false, width - 30.0)
        }
    });
    match shown.inner {
        Some(Action::ToggleOpen) => view.legend_open = !view.legend_open,
        Some(Action::ToggleProgramme(id)) => {
            let hidden = &mut view.filter.hidden_programmes;
            let was_hidden = hidden.remove(&id);
            if !was_hidden {
                hidden.insert(id);
            }
        }
        None => {}
    }
    shown.response.rect.height()
}
