//! The ATI report's findings by technology field as ranked tables: rank where the report gives
//! one, the level in its words, an arrow for the stated direction of change. No numbers are
//! drawn that the report does not print.

use egui::{RichText, Ui};

use super::{ChartKind, cell, economy_colour};
use crate::analysis::charts::Emphasis;
use crate::analysis::charts::findings::{FindingSection, arrow, direction_word};
use crate::model::Direction;
use crate::ui::{ViewCtx, theme};

/// Draws the card; returns the id of a finding clicked this frame.
pub fn show(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    kind: ChartKind,
    sections: &[FindingSection],
    top_source: Option<&str>,
) -> Option<String> {
    let mut clicked = None;
    ui.heading(match kind {
        ChartKind::MarketFindings => {
            "Advanced technologies: export shares, trade balance and venture capital (ATI report)"
        }
        _ => "Advanced technologies: patent shares and specialisation by field (ATI report)",
    });
    ui.label(
        RichText::new(
            "Ranks and directions as the report states them; the report's figures give no values in its text, so none are shown.",
        )
        .weak(),
    );
    super::top_source_line(ui, top_source);
    if sections.is_empty() {
        ui.add_space(20.0);
        ui.label("The store has no findings for this chart.");
        return None;
    }
    for (si, section) in sections.iter().enumerate() {
        ui.add_space(8.0);
        let periods: Vec<&str> = {
            let mut p: Vec<&str> = section
                .rows
                .iter()
                .map(|r| r.period.as_str())
                .filter(|p| !p.is_empty())
                .collect();
            p.sort_unstable();
            p.dedup();
            p
        };
        ui.label(
            RichText::new(if periods.is_empty() {
                section.measure.clone()
            } else {
                format!("{} ({})", section.measure, periods.join(", "))
            })
            .strong()
            .size(15.0),
        );
        let (widths, scrolls) = super::column_widths(
            ui.available_width() - 16.0,
            12.0,
            &[
                (90.0, 1.0),
                (30.0, 0.0),
                (120.0, 1.5),
                (56.0, 0.0),
                (100.0, 2.0),
                (76.0, 0.0),
                (140.0, 4.0),
            ],
        );
        super::fitted_table(ui, &format!("findings-scroll-{si}"), scrolls, |ui| {
            egui::Grid::new(("findings", si))
                .striped(true)
                .num_columns(7)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (h, w) in [
                        "Economy",
                        "Rank",
                        "Field",
                        "Change",
                        "Level (as stated)",
                        "Period",
                        "Statement",
                    ]
                    .into_iter()
                    .zip(widths.iter().copied())
                    {
                        cell(ui, w, |ui| {
                            ui.label(RichText::new(h).strong());
                        });
                    }
                    ui.end_row();
                    for row in &section.rows {
                        let emphasis = Emphasis::of(&row.economy);
                        let mut eco = RichText::new(&row.economy_name)
                            .color(economy_colour(&row.economy, emphasis));
                        if emphasis != Emphasis::Other {
                            eco = eco.strong();
                        }
                        cell(ui, widths[0], |ui| {
                            ui.add(egui::Label::new(eco).wrap());
                        });
                        cell(ui, widths[1], |ui| {
                            ui.label(RichText::new(row.rank_label()).strong());
                        });
                        cell(ui, widths[2], |ui| {
                            let selected = ctx.selected == Some(row.id.as_str());
                            let field = row.field.as_deref().unwrap_or("(all fields)");
                            let text = if ctx.noted.contains(&row.id) {
                                format!("{field} ●")
                            } else {
                                field.to_owned()
                            };
                            let r = ui
                                .add(egui::Button::selectable(selected, text).wrap())
                                .on_hover_text("Click to show the finding in the details panel.");
                            if r.clicked() {
                                clicked = Some(row.id.clone());
                            }
                        });
                        cell(ui, widths[3], |ui| {
                            let colour = match row.change {
                                Some(Direction::Up) => theme::RISE,
                                Some(Direction::Down) => theme::FALL,
                                _ => ui.visuals().text_color(),
                            };
                            ui.label(
                                RichText::new(arrow(row.change))
                                    .color(colour)
                                    .strong()
                                    .size(16.0),
                            )
                            .on_hover_text(direction_word(row.change));
                        });
                        cell(ui, widths[4], |ui| {
                            ui.add(egui::Label::new(row.level.as_deref().unwrap_or("")).wrap());
                        });
                        cell(ui, widths[5], |ui| {
                            ui.label(&row.period);
                        });
                        cell(ui, widths[6], |ui| {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&row.statement).size(super::SMALL_TEXT),
                                )
                                .wrap(),
                            );
                        });
                        ui.end_row();
                    }
                });
        });
        super::source_footer(ui, &section.source_line, &[]);
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new("↑ rose, ↓ fell, → unchanged, as the report states; a blank means it states no direction.")
            .size(super::SMALL_TEXT)
            .weak(),
    );
    clicked
}
