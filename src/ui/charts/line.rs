//! A line chart over years: one line per run of consecutive years (never across a gap),
//! markers on every value (hollow where derived), Korea and the EU27 thicker, a legend that
//! toggles economies and selects series, and a hover label with value, year, economy and
//! source.

use std::collections::BTreeSet;

use egui::{Pos2, RichText, Stroke, Ui, Vec2};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points};

use super::{PointRef, economy_colour};
use crate::analysis::charts::{Emphasis, LineChartData, PlotSeries};
use crate::ui::{ViewCtx, theme};

/// How close (in points) the pointer must be to a value to hover it.
const HOVER_RADIUS: f32 = 12.0;
/// Width of the legend column.
pub(super) const LEGEND_WIDTH: f32 = 230.0;

/// What the chart reports back.
pub struct LineOutput {
    /// Every drawn point: series id, year, screen position.
    pub points: Vec<(String, i32, Pos2)>,
    /// The point under the pointer.
    pub hovered: Option<PointRef>,
    /// The point clicked this frame.
    pub clicked: Option<PointRef>,
    /// A series whose legend entry was clicked this frame.
    pub selected_series: Option<String>,
}

/// Line width of a series.
fn width(s: &PlotSeries) -> f32 {
    match s.emphasis {
        Emphasis::Korea | Emphasis::Europe => 3.0,
        Emphasis::Other => 1.5,
    }
}

/// Draws a chart card: title, unit, plot with legend, source line and notes.
pub fn show(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    chart: &LineChartData,
    shown: &mut BTreeSet<String>,
    picked: Option<&PointRef>,
    capturing: bool,
    top_source: Option<&str>,
) -> LineOutput {
    let mut out = LineOutput {
        points: Vec::new(),
        hovered: None,
        clicked: None,
        selected_series: None,
    };
    ui.heading(&chart.title);
    let years = chart
        .years()
        .map(|(a, b)| format!(", {a}–{b}"))
        .unwrap_or_default();
    ui.label(RichText::new(format!("Unit: {}{years}", chart.unit)).weak());
    super::top_source_line(ui, top_source);
    if chart.series.is_empty() {
        ui.add_space(20.0);
        ui.label("The store has no series for this chart and source.");
        ui.add_space(20.0);
        super::source_footer(ui, &chart.source_line, &chart.notes);
        return out;
    }

    let visible: Vec<&PlotSeries> = chart
        .series
        .iter()
        .filter(|s| shown.contains(&s.economy))
        .collect();
    let height = 360.0_f32.min(ui.available_height().max(240.0));
    // Legend beside the plot, or under it where the view is narrow.
    let (narrow, layout) = super::legend_layout(ui);
    ui.with_layout(layout, |ui| {
        let plot_width = super::plot_width(ui, narrow);
        let (x0, x1) = chart.years().unwrap_or((2000, 2020));
        let x_label = "Year";
        let y_label = chart.y_label.clone();
        let response = Plot::new(("line-chart", chart.title.as_str()))
            .width(plot_width)
            .height(height)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_x(false)
            .show_y(false)
            .include_y(0.0)
            .include_x(f64::from(x0) - 0.5)
            .include_x(f64::from(x1) + 0.5)
            .x_axis_label(x_label)
            .y_axis_label(y_label)
            .x_axis_formatter(|mark, _| {
                if mark.value.fract().abs() < 1e-9 {
                    format!("{:.0}", mark.value)
                } else {
                    String::new()
                }
            })
            .show(ui, |plot_ui| {
                for s in &visible {
                    let colour = economy_colour(&s.economy, s.emphasis);
                    let label = s.legend_label(chart.mixes_measures());
                    for (i, run) in s.runs.iter().enumerate() {
                        if run.len() < 2 {
                            continue;
                        }
                        let pts: PlotPoints<'_> =
                            run.iter().map(|&(y, v)| [f64::from(y), v]).collect();
                        let mut line = Line::new(label.clone(), pts)
                            .id((&s.series_id, "run", i))
                            .color(colour)
                            .width(width(s));
                        if s.derived {
                            line = line.style(LineStyle::dashed_loose());
                        }
                        plot_ui.line(line);
                    }
                    let pts: PlotPoints<'_> =
                        s.points.iter().map(|&(y, v)| [f64::from(y), v]).collect();
                    let radius = if s.emphasis == Emphasis::Other {
                        2.5
                    } else {
                        3.5
                    };
                    plot_ui.points(
                        Points::new(label.clone(), pts)
                            .id((&s.series_id, "points"))
                            .shape(MarkerShape::Circle)
                            .filled(!s.derived)
                            .radius(if s.derived { radius + 1.0 } else { radius })
                            .color(colour),
                    );
                }
                // The points' screen positions, and the one nearest the pointer.
                let transform = *plot_ui.transform();
                let pointer = plot_ui
                    .pointer_coordinate()
                    .map(|p| transform.position_from_point(&p));
                let mut drawn = Vec::new();
                let mut nearest: Option<(f32, PointRef, Pos2)> = None;
                for s in &visible {
                    for &(year, value) in &s.points {
                        let pos =
                            transform.position_from_point(&PlotPoint::new(f64::from(year), value));
                        drawn.push((s.series_id.clone(), year, pos));
                        if let Some(p) = pointer {
                            let d = p.distance(pos);
                            if d <= HOVER_RADIUS && nearest.as_ref().is_none_or(|n| d < n.0) {
                                nearest = Some((
                                    d,
                                    PointRef {
                                        series_id: s.series_id.clone(),
                                        year,
                                    },
                                    pos,
                                ));
                            }
                        }
                    }
                }
                // A ring on the picked point and on the hovered one.
                let rings: Vec<&PointRef> = nearest
                    .as_ref()
                    .map(|n| &n.1)
                    .into_iter()
                    .chain(picked)
                    .collect();
                for p in rings {
                    if capturing {
                        break;
                    }
                    let Some(s) = visible.iter().find(|s| s.series_id == p.series_id) else {
                        continue;
                    };
                    if let Some(v) = s.value_at(p.year) {
                        plot_ui.points(
                            Points::new("", PlotPoints::new(vec![[f64::from(p.year), v]]))
                                .id((&s.series_id, "ring"))
                                .shape(MarkerShape::Circle)
                                .filled(false)
                                .radius(7.0)
                                .color(plot_ui.ctx().global_style().visuals.text_color()),
                        );
                    }
                }
                (drawn, nearest.map(|n| n.1))
            });
        let (drawn, hovered) = response.inner;
        out.points = drawn;
        let plot_response = response.response.on_hover_cursor(if hovered.is_some() {
            egui::CursorIcon::PointingHand
        } else {
            egui::CursorIcon::Default
        });
        if let Some(h) = &hovered {
            if !capturing
                && let Some(text) = chart.series(&h.series_id).and_then(|s| s.describe(h.year))
            {
                egui::Tooltip::for_widget(&plot_response)
                    .at_pointer()
                    .gap(12.0)
                    .show(|ui| {
                        ui.set_max_width(420.0);
                        ui.label(text);
                        ui.weak("Click to show the series in the details panel.");
                    });
            }
            if plot_response.clicked() {
                out.clicked = Some(h.clone());
            }
        }
        out.hovered = if capturing { None } else { hovered };

        ui.vertical(|ui| {
            if !narrow {
                ui.set_width(LEGEND_WIDTH);
            }
            out.selected_series = legend(ui, ctx, chart, shown);
        });
    });
    let (source_line, notes) = chart.footer(|s| shown.contains(&s.economy));
    super::source_footer(ui, &source_line, &notes);
    out
}

/// The legend: per economy one row with a checkbox (draws it or not), a swatch and a label that
/// selects its first series; further series of the economy (BERD next to GERD) follow as
/// small clickable swatches, explained by a key above the rows.
fn legend(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    chart: &LineChartData,
    shown: &mut BTreeSet<String>,
) -> Option<String> {
    let mut selected = None;
    ui.label(RichText::new("Legend").strong());
    ui.horizontal(|ui| {
        if ui.small_button("Korea & EU27").clicked() {
            shown.clear();
            shown.extend(["KOR".to_owned(), "EUU".to_owned()]);
        }
        if ui.small_button("All").clicked() {
            shown.extend(chart.series.iter().map(|s| s.economy.clone()));
        }
    });
    if chart.mixes_measures() {
        // The key: which style stands for which measure.
        let mut kinds: Vec<&PlotSeries> = Vec::new();
        for s in &chart.series {
            if !kinds
                .iter()
                .any(|k| k.indicator == s.indicator && k.derived == s.derived)
            {
                kinds.push(s);
            }
        }
        ui.horizontal_wrapped(|ui| {
            for k in kinds {
                swatch_shape(ui, k.derived, 1.5, ui.visuals().text_color());
                let text = if k.derived {
                    format!("{} (derived)", k.measure())
                } else {
                    k.measure().to_owned()
                };
                ui.label(RichText::new(text).size(super::SMALL_TEXT));
            }
        });
    }
    for (code, _) in chart.economies() {
        let mut on = shown.contains(&code);
        let of_economy: Vec<&PlotSeries> =
            chart.series.iter().filter(|s| s.economy == code).collect();
        let Some(first) = of_economy.first() else {
            continue;
        };
        let hover = |s: &PlotSeries| {
            format!(
                "{} — {}{}: {}\nClick to show it in the details panel.",
                s.economy_name,
                s.measure(),
                if s.derived { " (derived)" } else { "" },
                s.source_label()
            )
        };
        let checkbox = ui
            .horizontal(|ui| {
                let checkbox = ui.add(egui::Checkbox::without_text(&mut on));
                swatch(ui, first, on);
                let mut rich = RichText::new(if chart.mixes_measures() {
                    first.economy_name.clone()
                } else {
                    first.legend_label(false)
                });
                if first.emphasis != Emphasis::Other {
                    rich = rich.strong();
                }
                if !on {
                    rich = rich.weak();
                }
                let is_selected = ctx.selected == Some(first.series_id.as_str());
                let extra = of_economy.len().saturating_sub(1) as f32;
                let room = (ui.available_width() - 30.0 * extra - 14.0).max(40.0);
                let r = ui
                    .scope(|ui| {
                        ui.set_max_width(room);
                        ui.add(egui::Button::selectable(is_selected, rich).truncate())
                    })
                    .inner
                    .on_hover_text(hover(first));
                if r.clicked() {
                    selected = Some(first.series_id.clone());
                }
                for s in of_economy.iter().skip(1) {
                    let label = format!(
                        "{} — {}{}",
                        s.economy_name,
                        s.measure(),
                        if s.derived { " (derived)" } else { "" }
                    );
                    let chip = swatch_button(
                        ui,
                        s,
                        on,
                        ctx.selected == Some(s.series_id.as_str()),
                        &label,
                    )
                    .on_hover_text(hover(s));
                    if chip.clicked() {
                        selected = Some(s.series_id.clone());
                    }
                }
                if of_economy.iter().any(|s| ctx.noted.contains(&s.series_id)) {
                    ui.label(RichText::new("●").color(theme::NOTE))
                        .on_hover_text("A series of this economy has notes.");
                }
                checkbox.labelled_by(r.id)
            })
            .inner;
        if checkbox.changed() {
            if on {
                shown.insert(code.clone());
            } else {
                shown.remove(&code);
            }
        }
    }
    selected
}

/// A swatch that can be clicked (a series without a label of its own in the legend).
fn swatch_button(
    ui: &mut Ui,
    s: &PlotSeries,
    on: bool,
    selected: bool,
    label: &str,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(26.0, 16.0), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, ui.is_enabled(), selected, label)
    });
    if response.hovered() || selected {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let mut colour = economy_colour(&s.economy, s.emphasis);
    if !on {
        colour = colour.gamma_multiply(0.35);
    }
    paint_swatch(ui, rect, s.derived, width(s), colour);
    response
}

/// A short line sample in the series' colour and style, with its marker.
fn swatch(ui: &mut Ui, s: &PlotSeries, on: bool) {
    let mut colour = economy_colour(&s.economy, s.emphasis);
    if !on {
        colour = colour.gamma_multiply(0.35);
    }
    swatch_shape(ui, s.derived, width(s), colour);
}

/// Allocates and paints a swatch: solid with a filled marker, or dashed with a hollow one.
fn swatch_shape(ui: &mut Ui, derived: bool, line_width: f32, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 14.0), egui::Sense::hover());
    paint_swatch(ui, rect, derived, line_width, colour);
}

/// Paints a swatch into a rect.
fn paint_swatch(ui: &Ui, rect: egui::Rect, derived: bool, line_width: f32, colour: egui::Color32) {
    let y = rect.center().y;
    let stroke = Stroke::new(line_width, colour);
    let painter = ui.painter();
    if derived {
        let mut x = rect.left() + 1.0;
        while x < rect.right() - 1.0 {
            let end = (x + 5.0).min(rect.right() - 1.0);
            painter.line_segment([Pos2::new(x, y), Pos2::new(end, y)], stroke);
            x += 8.0;
        }
        painter.circle_filled(rect.center(), 4.0, ui.visuals().panel_fill);
        painter.circle_stroke(rect.center(), 3.5, Stroke::new(1.5, colour));
    } else {
        painter.line_segment(
            [rect.left_center() + Vec2::X, rect.right_center() - Vec2::X],
            stroke,
        );
        painter.circle_filled(rect.center(), 3.0, colour);
    }
}
