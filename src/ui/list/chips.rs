//! The search box and the filter chips above the browse list.

use std::collections::BTreeSet;

use crate::analysis::search::{Filters, Kind};
use crate::model::Status;

use super::*;

pub(super) fn search_box(ui: &mut egui::Ui, state: &mut ListState) {
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let clear = !state.search.is_empty();
        let width = ui.available_width() - if clear { 52.0 } else { 0.0 };
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text("English or 한국어, e.g. Belfast, 세종, TBC, \"roadmap launched\"")
                    .desired_width(width),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "Every word must match, in any field (names, status, themes, descriptions, notes, \
                 milestones, sources, your notes). Put a phrase in quotes.",
            );
        if std::mem::take(&mut state.focus_search) {
            edit.request_focus();
        }
        if clear && ui.button("Clear").clicked() {
            state.search.clear();
        }
    });
}

/// A filter chip; returns true when clicked.
pub(super) fn chip(ui: &mut egui::Ui, on: bool, text: &str, hover: &str) -> bool {
    ui.add(egui::Button::selectable(on, text))
        .on_hover_text(hover)
        .clicked()
}

pub(super) fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, value: &T) {
    if !set.remove(value) {
        set.insert(value.clone());
    }
}

pub(super) fn chips(ui: &mut egui::Ui, rows: &[Row], state: &mut ListState) {
    if state
        .facets
        .as_ref()
        .is_none_or(|f| f.key != Facets::key(rows))
    {
        state.facets = Some(Facets::of(rows));
    }
    let Facets {
        kinds,
        statuses,
        years,
        ..
    } = state.facets.clone().unwrap_or_default();
    let f = &mut state.filters;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.weak("Show");
        if chip(ui, f.kinds.is_empty(), "All", "Every kind of record") {
            f.kinds.clear();
        }
        for k in Kind::ALL.iter().filter(|k| kinds.contains(k)) {
            if chip(
                ui,
                f.kinds.contains(k),
                k.plural(),
                "Show this kind (click again to drop it)",
            ) {
                toggle(&mut f.kinds, k);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.weak("Status");
        for s in Status::ALL.iter().filter(|s| statuses.contains(s)) {
            if chip(
                ui,
                f.statuses.contains(s),
                s.label(),
                "Only records with this status",
            ) {
                toggle(&mut f.statuses, s);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        year_range(ui, &years, &mut state.filters);
        ui.add_space(8.0);
        let more = if state.more_filters {
            "Fewer filters"
        } else {
            "More filters…"
        };
        if ui.small_button(more).clicked() {
            state.more_filters = !state.more_filters;
        }
        if !state.filters.is_empty() && ui.small_button("Clear filters").clicked() {
            state.filters = Filters::default();
        }
    });
    if state.more_filters {
        let f = &mut state.filters;
        let mut programmes: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r.kind == Kind::Programme)
            .map(|r| {
                let short = r
                    .fields
                    .iter()
                    .find(|x| x.label == "Short name")
                    .map_or(r.name.as_str(), |x| x.text.as_str());
                (r.id.as_str(), short)
            })
            .collect();
        programmes.sort_by_key(|(_, n)| n.to_lowercase());
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.weak("Programme");
            for (id, name) in programmes {
                let id = id.to_owned();
                if chip(
                    ui,
                    f.programmes.contains(&id),
                    name,
                    "Only this programme and its records",
                ) {
                    toggle(&mut f.programmes, &id);
                }
            }
        });
        let countries: BTreeSet<&str> = rows
            .iter()
            .flat_map(|r| r.countries.iter().map(String::as_str))
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.weak("Country");
            for c in countries {
                let c = c.to_owned();
                if chip(
                    ui,
                    f.countries.contains(&c),
                    &c,
                    "Only records involving this country",
                ) {
                    toggle(&mut f.countries, &c);
                }
            }
        });
    }
}

/// "Years from … to …" as two drop-downs of the years the store has.
pub(super) fn year_range(ui: &mut egui::Ui, years: &BTreeSet<i32>, f: &mut Filters) {
    let text = |y: Option<i32>| y.map_or("any".to_owned(), |y| y.to_string());
    for (label, value, id) in [
        ("Years", &mut f.year_from, "year_from"),
        ("to", &mut f.year_to, "year_to"),
    ] {
        let l = ui.weak(label);
        egui::ComboBox::from_id_salt(id)
            .selected_text(text(*value))
            .width(58.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(value, None, "any");
                for y in years.iter().rev() {
                    ui.selectable_value(value, Some(*y), y.to_string());
                }
            })
            .response
            .labelled_by(l.id);
    }
}
