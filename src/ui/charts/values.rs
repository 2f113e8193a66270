//! The value table under a line chart: the shown series in the chosen year, each row
//! clickable (it selects the series, as a click on its point does).

use egui::{RichText, Ui};

use super::{ChartsView, PointRef, SMALL_TEXT, cell, column_widths, fitted_table};
use crate::analysis::charts;
use crate::analysis::charts::built::{self, Built};
use crate::ui::{Command, ViewCtx, theme};

impl ChartsView {
    /// The values of the shown series in the chosen year, as a clickable table.
    pub(super) fn values(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx<'_>,
        built: &Built,
        commands: &mut Vec<Command>,
    ) {
        let Built::Line(chart) = built else { return };
        let (years, korea) = built::line_years(chart);
        let Some(year) = self.year_in_use(&years, &korea) else {
            return;
        };
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Values in {year}")).strong());
        let spacing = 14.0;
        let (widths, scrolls) = column_widths(
            ui.available_width(),
            spacing,
            &[(160.0, 2.0), (60.0, 0.0), (90.0, 1.0), (200.0, 4.0)],
        );
        fitted_table(ui, "chart-values-scroll", scrolls, |ui| {
            egui::Grid::new("chart-values")
                .striped(true)
                .num_columns(4)
                .spacing([spacing, 4.0])
                .show(ui, |ui| {
                    for (h, w) in ["Series", "Value", "Unit", "Source"]
                        .into_iter()
                        .zip(widths.iter().copied())
                    {
                        cell(ui, w, |ui| {
                            ui.label(RichText::new(h).strong());
                        });
                    }
                    ui.end_row();
                    for s in chart
                        .series
                        .iter()
                        .filter(|s| self.shown.contains(&s.economy))
                    {
                        let label = s.legend_label(chart.mixes_measures());
                        let picked = self
                            .picked
                            .as_ref()
                            .is_some_and(|p| p.series_id == s.series_id && p.year == year);
                        let selected = picked || ctx.selected == Some(s.series_id.as_str());
                        let mut clicked = false;
                        cell(ui, widths[0], |ui| {
                            clicked = ui
                                .add(egui::Button::selectable(selected, label).wrap())
                                .clicked();
                        });
                        cell(ui, widths[1], |ui| match s.value_at(year) {
                            Some(v) => {
                                let mut text = RichText::new(charts::format_value(v));
                                if s.derived {
                                    text = text.color(theme::WARNING).italics();
                                }
                                ui.label(text);
                            }
                            None => {
                                ui.weak("no value");
                            }
                        });
                        cell(ui, widths[2], |ui| {
                            ui.add(egui::Label::new(&s.unit).wrap());
                        });
                        cell(ui, widths[3], |ui| {
                            ui.add(
                                egui::Label::new(RichText::new(s.source_label()).size(SMALL_TEXT))
                                    .wrap(),
                            );
                        });
                        ui.end_row();
                        if clicked {
                            self.picked = Some(PointRef {
                                series_id: s.series_id.clone(),
                                year,
                            });
                            commands.push(Command::Select(s.series_id.clone()));
                        }
                    }
                });
        });
        if chart
            .series
            .iter()
            .all(|s| !self.shown.contains(&s.economy))
        {
            ui.weak("No series shown: tick an economy in the legend.");
        }
    }
}
