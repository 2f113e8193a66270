//! The controls above a chart: source, sector and year selectors, the BERD switch and the
//! chart's one-line explanation.

use egui::{RichText, Ui};

use super::{ChartKind, ChartsView, source_selector};
use crate::analysis::charts;
use crate::analysis::charts::built::{self, Built};
use crate::model::Store;

impl ChartsView {
    pub(super) fn controls(&mut self, ui: &mut Ui, store: &Store, built: &Built) {
        let years = match built {
            Built::Line(chart) => Some(built::line_years(chart)),
            Built::Bars(..) => Some((charts::years_of(store, charts::PCT_SHARE, None), Vec::new())),
            _ => None,
        };
        match self.kind {
            ChartKind::RdSpending => {
                let choices = charts::source_choices(store, charts::GERD, None);
                let current = self.rd_source_in_use(store);
                if let Some(id) = source_selector(ui, "rd-source", &choices, current.as_deref()) {
                    self.rd_source = Some(id);
                    self.picked = None;
                }
                let berd_here = current
                    .as_deref()
                    .is_some_and(|s| built::has_berd(store, s));
                ui.horizontal(|ui| {
                    // Off and disabled where the source has no BERD: ticking it would draw nothing.
                    let mut on = self.rd_berd && berd_here;
                    let r = ui
                        .add_enabled(
                            berd_here,
                            egui::Checkbox::new(&mut on, "Show BERD (business R&D)"),
                        )
                        .on_hover_text(
                            "Adds the BERD series that cite the chosen source; derived values are drawn hollow and dashed.",
                        )
                        .on_disabled_hover_text(
                            "The chosen source has no BERD series; choose a source that gives BERD to show it.",
                        );
                    if r.changed() {
                        self.rd_berd = on;
                    }
                    if let Some((all, korea)) = &years {
                        ui.add_space(12.0);
                        self.year_selector(ui, all, korea);
                    }
                });
            }
            ChartKind::PatentTrend => {
                let fields = charts::fields_of(store, charts::PCT_SHARE);
                let field = self.patent_field_in_use(store).unwrap_or_default();
                ui.horizontal(|ui| {
                    let label = ui.label("WIPO sector:");
                    egui::ComboBox::from_id_salt("patent-field")
                        .selected_text(field.as_str())
                        .width(200.0)
                        .show_ui(ui, |ui| {
                            for f in &fields {
                                if ui.selectable_label(*f == field, f).clicked() {
                                    self.patent_field = Some(f.clone());
                                    self.picked = None;
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if let Some((all, korea)) = &years {
                        ui.add_space(12.0);
                        self.year_selector(ui, all, korea);
                    }
                });
                let choices = charts::source_choices(store, charts::PCT_SHARE, Some(&field));
                let current = self.patent_source_in_use(store, &field);
                if let Some(id) = source_selector(ui, "patent-source", &choices, current.as_deref())
                {
                    self.patent_source = Some(id);
                    self.picked = None;
                }
            }
            ChartKind::PatentSectors => {
                if let Some((all, _)) = &years {
                    ui.horizontal(|ui| self.year_selector(ui, all, &[]));
                }
            }
            ChartKind::TechnologyFindings | ChartKind::MarketFindings => {
                ui.label(
                    RichText::new(
                        "As the report states them: ranks and directions where it gives no number.",
                    )
                    .italics(),
                );
            }
            ChartKind::PolicyBudgets => {
                ui.label(
                    RichText::new(
                        "Funding as stated in the report; its own euro conversions are kept, with their caveats.",
                    )
                    .italics(),
                );
            }
        }
    }

    fn year_selector(&mut self, ui: &mut Ui, years: &[i32], korea: &[i32]) {
        let Some(current) = self.year_in_use(years, korea) else {
            return;
        };
        let label = ui.label("Year:");
        egui::ComboBox::from_id_salt("chart-year")
            .selected_text(current.to_string())
            .width(70.0)
            .height(300.0)
            .show_ui(ui, |ui| {
                for y in years.iter().rev() {
                    if ui.selectable_label(*y == current, y.to_string()).clicked() {
                        self.year = Some(*y);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }
}
