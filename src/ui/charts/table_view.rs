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

/// Runs of rows, the columns said once in each run's heading, and the columns of its rows.
type Grouped<'t> = (Vec<Vec<&'t Vec<String>>>, Vec<usize>, Vec<usize>);

/// Rows of the same thing (runs of rows that share the first varying column, e.g. one
/// series) are shown under one heading when there are such runs: the columns that hold one
/// value within every run go in the heading, the rest in the rows. Returns the runs, the
/// heading columns and the row columns.
fn group_rows<'t>(table: &'t ExportTable, varying: &[usize]) -> Grouped<'t> {
    let mut groups: Vec<Vec<&Vec<String>>> = Vec::new();
    let key = varying.first().copied();
    for row in &table.rows {
        let k = key.and_then(|k| row.get(k));
        match groups.last_mut() {
            Some(g) if g.first().and_then(|f| key.and_then(|k| f.get(k))) == k => g.push(row),
            _ => groups.push(vec![row]),
        }
    }
    if groups.iter().all(|g| g.len() < 2) {
        return (
            vec![table.rows.iter().collect()],
            Vec::new(),
            varying.to_vec(),
        );
    }
    let (per_group, per_row) = varying.iter().partition(|&&i| {
        groups.iter().all(|g| {
            g.iter()
                .all(|r| r.get(i) == g.first().and_then(|f| f.get(i)))
        })
    });
    (groups, per_group, per_row)
}

/// The heading of a run of rows: its one value in each heading column.
fn group_header(ui: &mut Ui, table: &ExportTable, row: &[String], columns: &[usize]) {
    if columns.is_empty() {
        return;
    }
    ui.add_space(4.0);
    for (n, &i) in columns.iter().enumerate() {
        let (Some(name), Some(value)) = (table.columns.get(i), row.get(i)) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let text = if n == 0 {
            RichText::new(format!("{name}: {value}")).strong()
        } else {
            RichText::new(format!("{name}: {value}")).size(SMALL_TEXT)
        };
        ui.add(egui::Label::new(text).wrap());
    }
}

/// The width a column's longest cell or heading needs on one line (at most 400 points).
fn natural_width(table: &ExportTable, i: usize) -> f32 {
    let longest = table
        .rows
        .iter()
        .filter_map(|r| r.get(i))
        .chain(table.columns.get(i))
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0);
    (longest as f32 * CHAR_WIDTH + 8.0).min(400.0)
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
    let (groups, per_group, per_row) = group_rows(table, &varying);
    let spacing = 12.0;
    let sizes: Vec<(f32, f32)> = per_row.iter().map(|&i| column_size(table, i)).collect();
    // As wide as the columns' text needs, up to the view's width (then it wraps or scrolls).
    let natural: f32 = per_row
        .iter()
        .map(|&i| natural_width(table, i))
        .sum::<f32>()
        + spacing * per_row.len().saturating_sub(1) as f32;
    let width = (ui.available_width() - 16.0).min(natural);
    let (widths, scrolls) = column_widths(width, spacing, &sizes);
    for (gi, rows) in groups.iter().enumerate() {
        if let Some(first) = rows.first() {
            group_header(ui, table, first, &per_group);
        }
        fitted_table(ui, &format!("chart-table-scroll-{gi}"), scrolls, |ui| {
            egui::Grid::new(("chart-table", gi))
                .striped(true)
                .num_columns(per_row.len())
                .spacing([spacing, 4.0])
                .show(ui, |ui| {
                    for (&i, &w) in per_row.iter().zip(&widths) {
                        cell(ui, w, |ui| {
                            let name = table.columns.get(i).map_or("", String::as_str);
                            ui.add(egui::Label::new(RichText::new(name).strong()).wrap());
                        });
                    }
                    ui.end_row();
                    for row in rows {
                        for (&i, &w) in per_row.iter().zip(&widths) {
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
    }
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

    #[test]
    fn rows_of_one_series_share_a_heading_with_what_they_have_in_common() {
        let row = |id: &str, source: &str, year: &str| {
            vec![id.to_owned(), source.to_owned(), year.to_owned()]
        };
        let table = ExportTable {
            columns: vec![
                "series_id".to_owned(),
                "source".to_owned(),
                "year".to_owned(),
            ],
            rows: vec![
                row("kor", "MSTI", "2018"),
                row("kor", "MSTI", "2019"),
                row("euu", "Eurostat", "2019"),
            ],
            citations: vec![],
        };
        let (groups, per_group, per_row) = super::group_rows(&table, &[0, 1, 2]);
        assert_eq!(groups.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(per_group, vec![0, 1]);
        assert_eq!(per_row, vec![2]);
    }
}
