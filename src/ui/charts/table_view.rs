//! The Table tab: the values the chart shows, as the rows "Export what is shown" writes, with
//! a citation per source. Columns that hold one value for every row are said once above the
//! table instead of repeated on each row.

use egui::{RichText, Ui};

use super::{SMALL_TEXT, cell, column_widths, fitted_table};
use crate::analysis::charts::table::ExportTable;
use crate::ui::{Command, FileAction};

/// Roughly how wide one character of body text is, for sizing columns before layout.
const CHAR_WIDTH: f32 = 7.0;

/// Which columns differ between rows, and the ones that do not with their one value.
fn split_columns(table: &ExportTable) -> (Vec<usize>, Vec<(String, String)>) {
    let mut varying = Vec::new();
    let mut constant = Vec::new();
    for (i, name) in table.columns.iter().enumerate() {
        let first = table.rows.first().and_then(|r| r.get(i));
        let same = table.rows.len() > 1 && table.rows.iter().all(|r| r.get(i) == first);
        match first {
            Some(v) if same => {
                if !v.is_empty() {
                    constant.push((name.clone(), v.clone()));
                }
            }
            _ => varying.push(i),
        }
    }
    (varying, constant)
}

/// A column's minimum width and its share of the spare width, from the length of its text.
fn column_size(table: &ExportTable, i: usize) -> (f32, f32) {
    let longest = table
        .rows
        .iter()
        .filter_map(|r| r.get(i))
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0);
    let header = table.columns.get(i).map_or(0, |h| h.chars().count());
    let min = (longest.min(14).max(header.min(18)) as f32) * CHAR_WIDTH + 8.0;
    (min, longest.clamp(1, 80) as f32)
}

/// Shows the table; returns what it asks the app to do.
pub fn show(ui: &mut Ui, table: &ExportTable) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} rows", table.rows.len())).strong());
        if ui
            .button("Export what is shown (CSV)…")
            .on_hover_text("Writes these rows as CSV, with a citation line per source.")
            .clicked()
        {
            commands.push(Command::AskPath(FileAction::ExportChartCsv));
        }
    });
    if table.rows.is_empty() {
        ui.weak("Nothing shown: tick an economy in the legend on the Chart tab.");
        return commands;
    }
    let (varying, constant) = split_columns(table);
    for (name, value) in &constant {
        ui.add(egui::Label::new(RichText::new(format!("{name}: {value}")).size(SMALL_TEXT)).wrap());
    }
    let spacing = 12.0;
    let sizes: Vec<(f32, f32)> = varying.iter().map(|&i| column_size(table, i)).collect();
    let (widths, scrolls) = column_widths(ui.available_width() - 16.0, spacing, &sizes);
    fitted_table(ui, "chart-table-scroll", scrolls, |ui| {
        egui::Grid::new("chart-table")
            .striped(true)
            .num_columns(varying.len())
            .spacing([spacing, 4.0])
            .show(ui, |ui| {
                for (&i, &w) in varying.iter().zip(&widths) {
                    cell(ui, w, |ui| {
                        let name = table.columns.get(i).map_or("", String::as_str);
                        ui.add(egui::Label::new(RichText::new(name).strong()).wrap());
                    });
                }
                ui.end_row();
                for row in &table.rows {
                    for (&i, &w) in varying.iter().zip(&widths) {
                        cell(ui, w, |ui| {
                            let text = row.get(i).map_or("", String::as_str);
                            ui.add(egui::Label::new(text).wrap());
                        });
                    }
                    ui.end_row();
                }
            });
    });
    ui.add_space(6.0);
    for c in &table.citations {
        ui.add(egui::Label::new(RichText::new(c).size(SMALL_TEXT)).wrap());
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::split_columns;
    use crate::analysis::charts::table::ExportTable;

    #[test]
    fn a_column_with_one_value_for_every_row_is_said_once() {
        let table = ExportTable {
            columns: vec!["unit".to_owned(), "year".to_owned(), "note".to_owned()],
            rows: vec![
                vec!["%".to_owned(), "2018".to_owned(), String::new()],
                vec!["%".to_owned(), "2019".to_owned(), String::new()],
            ],
            citations: vec![],
        };
        let (varying, constant) = split_columns(&table);
        assert_eq!(varying, vec![1]);
        assert_eq!(constant, vec![("unit".to_owned(), "%".to_owned())]);
    }
}
