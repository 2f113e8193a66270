//! Korea's policy budgets: a horizontal bar chart of the amounts stated in KRW (the table
//! under it is in `budget_table.rs`).

use egui::{Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::analysis::charts::budgets::{BudgetRow, CHART_CURRENCY as CURRENCY, bars, source_line};
use crate::analysis::charts::format_value;
use crate::ui::{ViewCtx, theme};

/// Widest label column of the bar chart; narrower views give it 40 % of their width.
const LABEL_WIDTH: f32 = 300.0;
/// Height of one bar row.
const ROW_HEIGHT: f32 = 30.0;

/// Round tick values from 0 to at least `max`.
fn ticks(max: f64) -> Vec<f64> {
    if max <= 0.0 || !max.is_finite() {
        return vec![0.0];
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut out = Vec::new();
    let mut v = 0.0;
    while v < max + step * 0.999 {
        out.push(v);
        v += step;
    }
    out
}

/// Draws the card; returns the id of a policy clicked this frame.
pub fn show(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    rows: &[BudgetRow],
    capturing: bool,
    top_source: Option<&str>,
) -> Option<String> {
    let mut clicked = None;
    ui.heading("Korea's policy budgets, as stated in the ATI report");
    let (scale, charted) = bars(rows, CURRENCY);
    let unit = format!("{CURRENCY} {}", scale.label()).trim().to_owned();
    ui.label(RichText::new(format!("Unit: {unit} (amounts as stated; not adjusted)")).weak());
    super::top_source_line(ui, top_source);
    if rows.is_empty() {
        ui.add_space(20.0);
        ui.label("The store has no funded policy measures.");
        return None;
    }

    // Bar chart, painted: label column, bars, value labels, ticks.
    let max = charted.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let ticks = ticks(max);
    let top = ticks.last().copied().unwrap_or(1.0).max(f64::EPSILON);
    // Never wider than the view: a wider chart would widen the whole page under it.
    let width = ui.available_width().max(200.0);
    let label_width = (width * 0.4).min(LABEL_WIDTH);
    let text_colour = ui.visuals().text_color();
    // Each row is as tall as its wrapped label needs (at least one bar's height).
    let labels: Vec<(f32, std::sync::Arc<egui::Galley>)> = charted
        .iter()
        .map(|(row, _)| {
            let depth = depth_among(row, &charted);
            let indent = 16.0 * depth as f32;
            let label = if depth > 0 {
                format!("↳ {}", row.title)
            } else {
                row.title.clone()
            };
            let galley = ui.painter().layout(
                label,
                FontId::proportional(12.5),
                text_colour,
                (label_width - indent).max(40.0),
            );
            (indent, galley)
        })
        .collect();
    let heights: Vec<f32> = labels
        .iter()
        .map(|(_, g)| (g.size().y + 8.0).max(ROW_HEIGHT))
        .collect();
    let rows_height: f32 = heights.iter().sum();
    let height = rows_height + 40.0;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    let painter = ui.painter_at(rect);
    let bar_left = rect.left() + label_width + 8.0;
    let bar_right = rect.right() - 90.0;
    let x_of = |v: f64| bar_left + (bar_right - bar_left) * (v / top) as f32;
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke;
    let chart_bottom = rect.top() + rows_height + 4.0;
    for t in &ticks {
        let x = x_of(*t);
        painter.line_segment([Pos2::new(x, rect.top()), Pos2::new(x, chart_bottom)], grid);
        painter.text(
            Pos2::new(x, chart_bottom + 3.0),
            Align2::CENTER_TOP,
            format_value(*t),
            FontId::proportional(11.0),
            weak,
        );
    }
    painter.text(
        Pos2::new((bar_left + bar_right) / 2.0, chart_bottom + 18.0),
        Align2::CENTER_TOP,
        format!("Funding, {unit}"),
        FontId::proportional(12.0),
        text_colour,
    );
    let pointer = response.hover_pos();
    let mut hovered: Option<&BudgetRow> = None;
    let mut y0 = rect.top();
    for (((row, value), (indent, galley)), row_height) in charted.iter().zip(labels).zip(heights) {
        let row_rect = Rect::from_min_max(
            Pos2::new(rect.left(), y0),
            Pos2::new(rect.right(), y0 + row_height),
        );
        y0 += row_height;
        let label_pos = Pos2::new(
            rect.left() + indent,
            row_rect.center().y - galley.size().y / 2.0,
        );
        painter.galley(label_pos, galley, text_colour);
        let bar_half = (ROW_HEIGHT - 12.0) / 2.0;
        let bar = Rect::from_min_max(
            Pos2::new(bar_left, row_rect.center().y - bar_half),
            Pos2::new(
                x_of(*value).max(bar_left + 1.0),
                row_rect.center().y + bar_half,
            ),
        );
        let selected = ctx.selected == Some(row.id.as_str());
        let is_hovered = !capturing && pointer.is_some_and(|p| row_rect.contains(p));
        let fill = if is_hovered || selected {
            theme::KOREA
        } else {
            theme::KOREA.gamma_multiply(0.8)
        };
        painter.rect_filled(bar, 2.0, fill);
        if selected {
            painter.rect_stroke(
                bar.expand(2.0),
                3.0,
                Stroke::new(1.5, text_colour),
                egui::StrokeKind::Outside,
            );
        }
        painter.text(
            Pos2::new(bar.right() + 6.0, bar.center().y),
            Align2::LEFT_CENTER,
            format_value(*value),
            FontId::proportional(12.0),
            text_colour,
        );
        if row.caveat.is_some() {
            painter.text(
                Pos2::new(bar.right() + 50.0, bar.center().y),
                Align2::LEFT_CENTER,
                "⚠",
                FontId::proportional(12.0),
                theme::WARNING,
            );
        }
        if is_hovered {
            hovered = Some(row);
        }
    }
    if let Some(row) = hovered {
        egui::Tooltip::for_widget(&response)
            .at_pointer()
            .gap(12.0)
            .show(|ui| {
                ui.set_max_width(440.0);
                ui.label(RichText::new(row.label()).strong());
                ui.label(format!("As stated: {}", row.as_stated));
                if let Some(c) = &row.caveat {
                    ui.label(RichText::new(format!("Caveat: {c}")).color(theme::WARNING));
                }
                ui.label(format!("Source: {}", row.source_label()));
                ui.weak("Click to show it in the details panel.");
            });
        if response.clicked() {
            clicked = Some(row.id.clone());
        }
    }
    let not_charted: Vec<&BudgetRow> = rows
        .iter()
        .filter(|r| !charted.iter().any(|(c, _)| c.id == r.id))
        .collect();
    if !not_charted.is_empty() {
        ui.label(
            RichText::new(format!(
                "Not drawn (no amount in {CURRENCY}): {}.",
                not_charted
                    .iter()
                    .map(|r| r.title.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
            .size(super::SMALL_TEXT)
            .weak(),
        );
    }
    ui.label(
        RichText::new("Parts (↳) are shown beside their strategy, not added to it: the report's totals and parts need not sum.")
            .size(super::SMALL_TEXT)
            .weak(),
    );

    super::source_footer(ui, &source_line(rows), &[]);
    clicked
}

/// How many of a row's ancestors are drawn too (each one indents it a step).
fn depth_among(row: &BudgetRow, charted: &[(&BudgetRow, f64)]) -> usize {
    let mut depth = 0;
    let mut parent = row.parent_id.as_deref();
    while let Some(p) = parent {
        let Some((r, _)) = charted.iter().find(|(r, _)| r.id == p) else {
            break;
        };
        depth += 1;
        parent = r.parent_id.as_deref();
        if depth > 8 {
            break;
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::ticks;

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        assert_eq!(ticks(114.1), vec![0.0, 25.0, 50.0, 75.0, 100.0, 125.0]);
        assert_eq!(ticks(0.0), vec![0.0]);
    }
}
