//! "Compare sources": every source of one figure side by side for one year, as a small table
//! with the sources' short names as column heads and their full citations on hover.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::analysis::charts;
use crate::analysis::charts::compare::{self, Comparison};
use crate::ui::{Command, ViewCtx};

/// What the officer did with the comparison this frame.
#[derive(Debug, Default)]
#[must_use]
pub struct CompareOutput {
    /// A year the officer chose (to remember for this chart).
    pub year: Option<i32>,
    /// Commands: selecting a value selects its series.
    pub commands: Vec<Command>,
}

/// The year the comparison shows: `remembered` when the figure has it, else the latest year in
/// which every source has a value for the highlighted economies (see
/// [`compare::opening_year`]).
pub fn year_in_use(
    ctx: &ViewCtx<'_>,
    indicator: &str,
    economies: &BTreeSet<String>,
    remembered: Option<i32>,
) -> Option<i32> {
    let years = compare::years(ctx.store, indicator, None, economies);
    remembered.filter(|y| years.contains(y)).or_else(|| {
        let points = ctx
            .store
            .indicators
            .iter()
            .filter(|s| s.indicator == indicator && s.field.is_none())
            .filter_map(|s| {
                let source = charts::primary_source(s)?;
                Some(
                    s.points
                        .iter()
                        .map(move |p| (s.economy.as_str(), source, p.year)),
                )
            })
            .flatten();
        compare::opening_year(points, economies)
    })
}

/// Shows the comparison of `indicator` for `economies`; `remembered` is the year last chosen.
pub fn show(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    indicator: &str,
    economies: &BTreeSet<String>,
    remembered: Option<i32>,
) -> CompareOutput {
    let mut out = CompareOutput::default();
    let Some(year) = year_in_use(ctx, indicator, economies, remembered) else {
        return out;
    };
    let years = compare::years(ctx.store, indicator, None, economies);
    let c = compare::compare(ctx.store, indicator, None, economies, year);
    ui.add_space(6.0);
    // Closed until asked for: the chart's own value table shows one source at a time.
    egui::CollapsingHeader::new(format!(
        "Compare sources: {} {year}",
        charts::indicator_short(indicator)
    ))
    .id_salt(("compare-sources", indicator))
    .show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.weak("Every source of the same figure, side by side.");
            let label = ui.label("Year");
            egui::ComboBox::from_id_salt(("compare-year", indicator))
                .selected_text(year.to_string())
                .width(64.0)
                .height(300.0)
                .show_ui(ui, |ui| {
                    for y in years.iter().rev() {
                        if ui.selectable_label(*y == year, y.to_string()).clicked() {
                            out.year = Some(*y);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        table(ui, &c, &mut out.commands);
    });
    out
}

fn table(ui: &mut Ui, c: &Comparison, commands: &mut Vec<Command>) {
    if c.sources.is_empty() {
        ui.weak(format!("No source gives a value for {}.", c.year));
        return;
    }
    egui::Grid::new(("compare-grid", &c.indicator))
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.weak(&c.unit);
            for s in &c.sources {
                ui.add(
                    egui::Label::new(RichText::new(&s.short).strong()).sense(egui::Sense::hover()),
                )
                .on_hover_text(&s.citation);
            }
            ui.end_row();
            for row in &c.rows {
                ui.label(&row.economy_name);
                for (cell, s) in row.cells.iter().zip(&c.sources) {
                    match cell {
                        Some((v, id)) => {
                            let text = charts::format_value(*v);
                            if ui
                                .link(&text)
                                .on_hover_text(format!(
                                    "{} {}, {}: {text} — {}\nClick to show the series.",
                                    row.economy_name, c.year, s.short, s.citation
                                ))
                                .clicked()
                            {
                                commands.push(Command::Select(id.clone()));
                            }
                        }
                        None => {
                            ui.weak("—")
                                .on_hover_text(format!("{} gives no {} value", s.short, c.year));
                        }
                    }
                }
                ui.end_row();
            }
        });
    if !c.without.is_empty() {
        let names: Vec<&str> = c.without.iter().map(|s| s.short.as_str()).collect();
        ui.weak(format!("No {} value in: {}.", c.year, names.join("; ")));
    }
}
