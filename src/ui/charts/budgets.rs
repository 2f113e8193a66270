//! Korea's policy budgets: a horizontal bar chart of the amounts stated in KRW, and a table
//! with the funding as stated, the report's own euro conversion, and its caveat in the
//! warning colour.

use egui::{Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use super::cell;
use crate::analysis::charts::budgets::{BudgetRow, bars};
use crate::analysis::series::format_value;
use crate::model::ItemRef;
use crate::ui::{ViewCtx, theme};

/// The currency the chart draws (amounts in other currencies are listed, not drawn).
const CURRENCY: &str = "KRW";
/// Width of the label column of the bar chart.
const LABEL_WIDTH: f32 = 300.0;
/// Height of one bar row.
const ROW_HEIGHT: f32 = 30.0;

/// The source line of the budgets card: the sources of the rows it draws.
pub fn source_line(rows: &[BudgetRow]) -> String {
    let (_, charted) = bars(rows, CURRENCY);
    crate::analysis::series::source_line_of(charted.iter().flat_map(|(r, _)| &r.sources))
}

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
    let width = ui.available_width().max(LABEL_WIDTH + 200.0);
    let height = ROW_HEIGHT * charted.len() as f32 + 40.0;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    let painter = ui.painter_at(rect);
    let bar_left = rect.left() + LABEL_WIDTH + 8.0;
    let bar_right = rect.right() - 90.0;
    let x_of = |v: f64| bar_left + (bar_right - bar_left) * (v / top) as f32;
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke;
    let chart_bottom = rect.top() + ROW_HEIGHT * charted.len() as f32 + 4.0;
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
    for (i, (row, value)) in charted.iter().enumerate() {
        let y0 = rect.top() + ROW_HEIGHT * i as f32;
        let row_rect = Rect::from_min_max(
            Pos2::new(rect.left(), y0),
            Pos2::new(rect.right(), y0 + ROW_HEIGHT),
        );
        let depth = depth_among(row, &charted);
        let indent = 16.0 * depth as f32;
        let label = if depth > 0 {
            format!("↳ {}", row.title)
        } else {
            row.title.clone()
        };
        let galley = painter.layout(
            label,
            FontId::proportional(12.5),
            text_colour,
            LABEL_WIDTH - indent,
        );
        let label_pos = Pos2::new(
            rect.left() + indent,
            row_rect.center().y - galley.size().y / 2.0,
        );
        painter.galley(label_pos, galley, text_colour);
        let bar = Rect::from_min_max(
            Pos2::new(bar_left, y0 + 6.0),
            Pos2::new(x_of(*value).max(bar_left + 1.0), y0 + ROW_HEIGHT - 6.0),
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

/// The table under the budget chart: funding as stated, the report's own conversion with the
/// rate it implies, and the caveat in the warning colour. Returns the id of a row clicked.
pub fn table(ui: &mut Ui, ctx: &ViewCtx<'_>, rows: &[BudgetRow]) -> Option<String> {
    let mut clicked = None;
    // The table: as stated, the report's conversion, the caveat.
    ui.add_space(8.0);
    let spacing = 12.0;
    let fixed = [260.0, 80.0, 190.0, 200.0];
    let caveat_width =
        (ui.available_width() - fixed.iter().sum::<f32>() - 5.0 * spacing - 24.0).max(240.0);
    let widths = [fixed[0], fixed[1], fixed[2], fixed[3], caveat_width];
    egui::Grid::new("budget-table")
        .striped(true)
        .num_columns(5)
        .spacing([spacing, 6.0])
        .show(ui, |ui| {
            for (h, w) in [
                "Policy",
                "Period",
                "Funding as stated",
                "Report's € conversion",
                "Caveat",
            ]
            .into_iter()
            .zip(widths)
            {
                cell(ui, w, |ui| {
                    ui.label(RichText::new(h).strong());
                });
            }
            ui.end_row();
            for row in rows {
                cell(ui, widths[0], |ui| {
                    let selected = ctx.selected == Some(row.id.as_str());
                    let mut title = row.label();
                    if ctx.noted.contains(&row.id) {
                        title.push_str(" ●");
                    }
                    let r = ui
                        .add(egui::Button::selectable(selected, title).wrap())
                        .on_hover_text(format!("Source: {}", row.source_label()));
                    if r.clicked() {
                        clicked = Some(row.id.clone());
                    }
                    let owners = owner_names(ctx, &row.owners);
                    if !owners.is_empty() {
                        ui.add(egui::Label::new(RichText::new(owners).size(super::SMALL_TEXT).weak()).wrap());
                    }
                });
                cell(ui, widths[1], |ui| {
                    ui.label(&row.period);
                });
                cell(ui, widths[2], |ui| {
                    ui.add(egui::Label::new(&row.as_stated).wrap());
                });
                cell(ui, widths[3], |ui| match (&row.converted, row.implied_rate()) {
                    (Some(c), Some(rate)) => {
                        ui.label(c.to_string());
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!(
                                    "implies {} {} per {}",
                                    rate_text(rate),
                                    row.amount.as_ref().map_or("", |a| a.currency.as_str()),
                                    c.currency
                                ))
                                .size(super::SMALL_TEXT)
                                .weak(),
                            )
                            .wrap(),
                        )
                        .on_hover_text(
                            "The exchange rate implied by the report's own two figures (computed here, not stated in the report).",
                        );
                    }
                    (Some(c), None) => {
                        ui.label(c.to_string());
                    }
                    _ => {
                        ui.weak("none given");
                    }
                });
                cell(ui, widths[4], |ui| {
                    if let Some(c) = &row.caveat {
                        ui.add(
                            egui::Label::new(RichText::new(format!("⚠ {c}")).color(theme::WARNING))
                                .wrap(),
                        );
                    }
                });
                ui.end_row();
            }
        });
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

/// An exchange rate as printed: two decimals below 100, whole with separators above.
fn rate_text(rate: f64) -> String {
    if rate.abs() < 100.0 {
        format!("{rate:.2}")
    } else {
        thousands(rate)
    }
}

/// A whole number with thousands separators ("1,350,296").
fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

/// The names of the owners, with their Hangul names when asked for and known.
fn owner_names(ctx: &ViewCtx<'_>, owners: &[String]) -> String {
    owners
        .iter()
        .map(|id| match ctx.store.item(id) {
            Some(ItemRef::Organisation(o)) => match (&o.name_ko, ctx.hangul) {
                (Some(ko), true) => format!("{} ({ko})", o.name),
                _ => o.name.clone(),
            },
            Some(other) => other.name().to_owned(),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::ticks;

    #[test]
    fn large_numbers_get_thousands_separators() {
        assert_eq!(super::thousands(1_350_295.9), "1,350,296");
        assert_eq!(super::thousands(999.0), "999");
        assert_eq!(super::thousands(1000.0), "1,000");
    }

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        assert_eq!(ticks(114.1), vec![0.0, 25.0, 50.0, 75.0, 100.0, 125.0]);
        assert_eq!(ticks(0.0), vec![0.0]);
    }
}
