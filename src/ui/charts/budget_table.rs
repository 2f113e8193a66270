//! The table under the budget chart: each policy's funding as stated, the report's own euro
//! conversion with the rate it implies, and its caveat in the warning colour, always whole.
//! Where the width cannot hold the columns, each policy becomes a block of lines instead, so
//! the caveat is never cut or scrolled out of sight.

use egui::{RichText, Ui};

use super::{SMALL_TEXT, cell, column_widths};
use crate::analysis::charts::budgets::BudgetRow;
use crate::model::ItemRef;
use crate::ui::{ViewCtx, theme};

/// Space between columns.
const SPACING: f32 = 12.0;
/// The columns: minimum width and share of the spare width. The caveat takes most of it: it
/// is what tells the reader that a conversion is the report's own slip.
const COLUMNS: [(f32, f32); 5] = [
    (150.0, 2.0),
    (70.0, 0.0),
    (120.0, 1.0),
    (120.0, 1.0),
    (220.0, 5.0),
];
/// The column headings.
const HEADINGS: [&str; 5] = [
    "Policy",
    "Period",
    "Funding as stated",
    "Report's € conversion",
    "Caveat",
];

/// Shows the table; returns the id of a row clicked.
pub fn show(ui: &mut Ui, ctx: &ViewCtx<'_>, rows: &[BudgetRow]) -> Option<String> {
    let mut clicked = None;
    ui.add_space(8.0);
    let (widths, too_narrow) = column_widths(ui.available_width() - 16.0, SPACING, &COLUMNS);
    if too_narrow {
        for row in rows {
            stacked_row(ui, ctx, row, &mut clicked);
        }
        return clicked;
    }
    egui::Grid::new("budget-table")
        .striped(true)
        .num_columns(5)
        .spacing([SPACING, 6.0])
        .show(ui, |ui| {
            for (h, w) in HEADINGS.into_iter().zip(widths.iter().copied()) {
                cell(ui, w, |ui| {
                    ui.add(egui::Label::new(RichText::new(h).strong()).wrap());
                });
            }
            ui.end_row();
            for row in rows {
                cell(ui, widths[0], |ui| policy(ui, ctx, row, &mut clicked));
                cell(ui, widths[1], |ui| {
                    ui.add(egui::Label::new(&row.period).wrap());
                });
                cell(ui, widths[2], |ui| {
                    ui.add(egui::Label::new(&row.as_stated).wrap());
                });
                cell(ui, widths[3], |ui| conversion(ui, row));
                cell(ui, widths[4], |ui| caveat(ui, row));
                ui.end_row();
            }
        });
    clicked
}

/// One policy as a block of lines, for a width too narrow for the columns.
fn stacked_row(ui: &mut Ui, ctx: &ViewCtx<'_>, row: &BudgetRow, clicked: &mut Option<String>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        policy(ui, ctx, row, clicked);
        for (heading, text) in [(HEADINGS[1], &row.period), (HEADINGS[2], &row.as_stated)] {
            if !text.is_empty() {
                ui.add(egui::Label::new(format!("{heading}: {text}")).wrap());
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", HEADINGS[3])).strong());
            ui.vertical(|ui| conversion(ui, row));
        });
        caveat(ui, row);
    });
    ui.add_space(4.0);
}

/// The policy's title (a button that selects it) and its owners.
fn policy(ui: &mut Ui, ctx: &ViewCtx<'_>, row: &BudgetRow, clicked: &mut Option<String>) {
    let selected = ctx.selected == Some(row.id.as_str());
    let mut title = row.label();
    if ctx.noted.contains(&row.id) {
        title.push_str(" ●");
    }
    let r = ui
        .add(egui::Button::selectable(selected, title).wrap())
        .on_hover_text(format!("Source: {}", row.source_label()));
    if r.clicked() {
        *clicked = Some(row.id.clone());
    }
    let owners = owner_names(ctx, &row.owners);
    if !owners.is_empty() {
        ui.add(egui::Label::new(RichText::new(owners).size(SMALL_TEXT).weak()).wrap());
    }
}

/// The report's own conversion and the exchange rate its two figures imply.
fn conversion(ui: &mut Ui, row: &BudgetRow) {
    match (&row.converted, row.implied_rate()) {
        (Some(c), Some(rate)) => {
            ui.add(egui::Label::new(c.to_string()).wrap());
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "implies {} {} per {}",
                        rate_text(rate),
                        row.amount.as_ref().map_or("", |a| a.currency.as_str()),
                        c.currency
                    ))
                    .size(SMALL_TEXT)
                    .weak(),
                )
                .wrap(),
            )
            .on_hover_text(
                "The exchange rate implied by the report's own two figures (computed here, not stated in the report).",
            );
        }
        (Some(c), None) => {
            ui.add(egui::Label::new(c.to_string()).wrap());
        }
        _ => {
            ui.weak("none given");
        }
    }
}

/// The caveat, whole, in the warning colour.
fn caveat(ui: &mut Ui, row: &BudgetRow) {
    if let Some(c) = &row.caveat {
        ui.add(egui::Label::new(RichText::new(format!("⚠ {c}")).color(theme::WARNING)).wrap());
    }
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
    #[test]
    fn large_numbers_get_thousands_separators() {
        assert_eq!(super::thousands(1_350_295.9), "1,350,296");
        assert_eq!(super::thousands(999.0), "999");
        assert_eq!(super::thousands(1000.0), "1,000");
    }
}
