//! The grouped bar chart of patent shares by WIPO sector for one year: one bar per shown
//! economy in each sector, "n/a" where a value is missing, hover with the value and source.

use std::collections::BTreeSet;

use egui::{Align2, Rect, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use super::economy_colour;
use crate::analysis::charts::{BarChartData, BarGroup, Emphasis, format_value};
use crate::ui::{ViewCtx, theme};

/// Width of all bars of one sector together, in sector units.
const GROUP_WIDTH: f64 = 0.84;

/// Draws the card; returns the series id of a bar or legend entry clicked this frame, and
/// where the sector names under the plot were drawn.
pub fn show(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    chart: &BarChartData,
    year: i32,
    shown: &mut BTreeSet<String>,
    capturing: bool,
    top_source: Option<&str>,
) -> (Option<String>, Vec<(String, Rect)>) {
    let mut axis_labels = Vec::new();
    let mut clicked = None;
    ui.heading(&chart.title);
    ui.label(RichText::new(format!("Unit: {}", chart.unit)).weak());
    super::top_source_line(ui, top_source);
    if chart.groups.is_empty() || chart.categories.is_empty() {
        ui.add_space(20.0);
        ui.label(format!(
            "The store has no patent shares by sector for {year}."
        ));
        super::source_footer(ui, &chart.source_line, &chart.notes);
        return (None, axis_labels);
    }
    let visible: Vec<&BarGroup> = chart
        .groups
        .iter()
        .filter(|g| shown.contains(&g.economy))
        .collect();
    let n = visible.len().max(1) as f64;
    let bar_width = GROUP_WIDTH / n;
    let offset = |i: usize| -GROUP_WIDTH / 2.0 + bar_width * (i as f64 + 0.5);
    let cat_count = chart.categories.len();

    // Legend beside the plot, or under it where the view is narrow.
    let (narrow, layout) = super::legend_layout(ui);
    ui.with_layout(layout, |ui| {
        let plot_width = super::plot_width(ui, narrow);
        let response = ui
            .vertical(|ui| {
                let response = Plot::new(("sector-bars", year))
                    .width(plot_width)
                    .height(360.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .allow_boxed_zoom(false)
                    .allow_double_click_reset(false)
                    .show_x(false)
                    .show_y(false)
                    .include_y(0.0)
                    .include_x(-0.6)
                    .include_x(cat_count as f64 - 0.4)
                    // The sector names are drawn under the plot, wrapped to their slot, so that all five
                    // show at every width (the plot's own tick labels drop those that do not fit).
                    .show_axes([false, true])
                    .y_axis_label(chart.y_label.clone())
                    .x_grid_spacer(move |_| {
                        (0..cat_count)
                            .map(|i| GridMark {
                                value: i as f64,
                                step_size: 1.0,
                            })
                            .collect()
                    })
                    .show(ui, |plot_ui| {
                        let transform = *plot_ui.transform();
                        let pointer = plot_ui.pointer_coordinate();
                        let mut hovered: Option<(String, String)> = None;
                        for (gi, g) in visible.iter().enumerate() {
                            let colour = economy_colour(&g.economy, g.emphasis);
                            let mut bars = Vec::new();
                            for (ci, bar) in g.bars.iter().enumerate() {
                                let x = ci as f64 + offset(gi);
                                match bar {
                                    Some(b) => {
                                        let mut item = Bar::new(x, b.value)
                                            .width(bar_width * 0.92)
                                            .name(format!(
                                                "{} {}",
                                                g.economy_name, chart.categories[ci]
                                            ));
                                        item = if b.derived {
                                            item.fill(colour.gamma_multiply(0.45))
                                                .stroke(Stroke::new(1.5, colour))
                                        } else {
                                            item.fill(colour).stroke(Stroke::new(0.5, colour))
                                        };
                                        bars.push(item);
                                        let r: Rect = transform.rect_from_values(
                                            &PlotPoint::new(x - bar_width / 2.0, 0.0),
                                            &PlotPoint::new(x + bar_width / 2.0, b.value),
                                        );
                                        if let Some(p) = pointer
                                            && r.expand(2.0)
                                                .contains(transform.position_from_point(&p))
                                        {
                                            hovered =
                                                Some((b.series_id.clone(), b.description.clone()));
                                        }
                                    }
                                    None => plot_ui.text(
                                        Text::new(
                                            "",
                                            PlotPoint::new(x, 0.0),
                                            RichText::new("n/a").size(super::SMALL_TEXT),
                                        )
                                        .anchor(Align2::CENTER_BOTTOM)
                                        .color(theme::WARNING),
                                    ),
                                }
                            }
                            plot_ui.bar_chart(
                                BarChart::new(g.economy_name.clone(), bars)
                                    .id(("bars", &g.economy))
                                    .color(colour),
                            );
                        }
                        hovered
                    });
                category_labels(ui, &response.transform, &chart.categories, &mut axis_labels);
                response
            })
            .inner;
        if let Some((series_id, text)) = &response.inner {
            if !capturing {
                egui::Tooltip::for_widget(&response.response)
                    .at_pointer()
                    .gap(12.0)
                    .show(|ui| {
                        ui.set_max_width(420.0);
                        ui.label(text);
                        ui.weak("Click to show the series in the details panel.");
                    });
            }
            if response.response.clicked() {
                clicked = Some(series_id.clone());
            }
        }
        ui.vertical(|ui| {
            if !narrow {
                ui.set_width(230.0);
            }
            ui.label(RichText::new("Legend").strong());
            ui.horizontal(|ui| {
                if ui.small_button("Korea & EU27").clicked() {
                    shown.clear();
                    shown.extend(["KOR".to_owned(), "EUU".to_owned()]);
                }
                if ui.small_button("All").clicked() {
                    shown.extend(chart.groups.iter().map(|g| g.economy.clone()));
                }
            });
            for g in &chart.groups {
                let mut on = shown.contains(&g.economy);
                let changed = ui
                    .horizontal(|ui| {
                        let checkbox = ui.add(egui::Checkbox::without_text(&mut on));
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                        let mut colour = economy_colour(&g.economy, g.emphasis);
                        if !on {
                            colour = colour.gamma_multiply(0.35);
                        }
                        if g.bars.iter().flatten().any(|b| b.derived) {
                            let pale = colour.gamma_multiply(0.45);
                            ui.painter().rect_filled(rect.shrink(1.0), 2.0, pale);
                            ui.painter().rect_stroke(
                                rect.shrink(1.5),
                                2.0,
                                Stroke::new(1.5, colour),
                                egui::StrokeKind::Inside,
                            );
                        } else {
                            ui.painter().rect_filled(rect.shrink(1.0), 2.0, colour);
                        }
                        let derived = g.bars.iter().flatten().any(|b| b.derived);
                        let mut text = RichText::new(if derived {
                            format!("{} (derived)", g.economy_name)
                        } else {
                            g.economy_name.clone()
                        });
                        if g.emphasis != Emphasis::Other {
                            text = text.strong();
                        }
                        if !on {
                            text = text.weak();
                        }
                        let first = g.bars.iter().flatten().next();
                        let selected = g
                            .bars
                            .iter()
                            .flatten()
                            .any(|x| ctx.selected == Some(x.series_id.as_str()));
                        let label = ui
                            .add(egui::Button::selectable(selected, text).truncate())
                            .on_hover_text(&g.economy_name);
                        if label.clicked()
                            && let Some(b) = first
                        {
                            clicked = Some(b.series_id.clone());
                        }
                        checkbox.labelled_by(label.id).changed()
                    })
                    .inner;
                if changed {
                    if on {
                        shown.insert(g.economy.clone());
                    } else {
                        shown.remove(&g.economy);
                    }
                }
            }
        });
    });
    // The values, for reading off exactly.
    ui.add_space(4.0);
    let spacing = 12.0;
    let mut columns = vec![(150.0, 2.0)];
    columns.extend(chart.categories.iter().map(|_| (70.0, 1.0)));
    let (_, scrolls) = super::column_widths(ui.available_width(), spacing, &columns);
    super::fitted_table(ui, "sector-values-scroll", scrolls, |ui| {
        egui::Grid::new("sector-values")
            .striped(true)
            .spacing([spacing, 3.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Economy").strong());
                for c in &chart.categories {
                    ui.label(RichText::new(c).strong());
                }
                ui.end_row();
                for g in &visible {
                    ui.label(&g.economy_name);
                    for b in &g.bars {
                        match b {
                            Some(b) => {
                                let r = ui
                                    .selectable_label(
                                        ctx.selected == Some(b.series_id.as_str()),
                                        format_value(b.value),
                                    )
                                    .on_hover_text(&b.description);
                                if r.clicked() {
                                    clicked = Some(b.series_id.clone());
                                }
                            }
                            None => {
                                ui.label(RichText::new("n/a").color(theme::WARNING));
                            }
                        }
                    }
                    ui.end_row();
                }
            });
    });
    let (source_line, notes) = chart.footer(|e| shown.contains(e));
    super::source_footer(ui, &source_line, &notes);
    (clicked, axis_labels)
}

/// Height of the row of sector names under the plot (two lines of body text).
const CATEGORY_ROW: f32 = 40.0;

/// The sector names under the plot, each wrapped inside its own slot, then the axis title;
/// records where each name was drawn.
fn category_labels(
    ui: &mut Ui,
    transform: &egui_plot::PlotTransform,
    categories: &[String],
    drawn: &mut Vec<(String, Rect)>,
) {
    let frame = *transform.frame();
    let (row, _) = ui.allocate_exact_size(
        egui::vec2(frame.width(), CATEGORY_ROW),
        egui::Sense::hover(),
    );
    let slot = (transform.dpos_dvalue_x().abs() as f32).max(1.0);
    for (i, name) in categories.iter().enumerate() {
        let x = transform
            .position_from_point(&PlotPoint::new(i as f64, 0.0))
            .x;
        let rect = Rect::from_min_max(
            egui::pos2(x - slot / 2.0 + 2.0, row.top()),
            egui::pos2(x + slot / 2.0 - 2.0, row.bottom()),
        );
        // A child placed in the row already allocated: it centres the name without
        // justifying it, and moves nothing else.
        let mut slot_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Center)),
        );
        let r = slot_ui.add(egui::Label::new(name.as_str()).wrap());
        drawn.push((name.clone(), r.rect));
    }
    let (title, _) = ui.allocate_exact_size(egui::vec2(frame.width(), 18.0), egui::Sense::hover());
    ui.put(
        title,
        egui::Label::new(RichText::new("WIPO technology sector").weak()),
    );
}
