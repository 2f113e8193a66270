//! The toolbar above the canvas: layout, search, fit, export on the first row; filters (programme,
//! country, theme, status, year), names and labels on the second.

use egui::{Key, Popup, RichText, TextEdit, Ui};

use crate::analysis::network::Undated;
use crate::analysis::network::search::search;
use crate::model::Status;
use crate::ui::{Command, FileAction, ViewCtx};

use super::cache::Facets;
use super::scene::programme_colour;
use super::{LayoutKind, Names, NetworkView, Outside};

/// Draws the toolbar and applies its changes to the view.
pub fn toolbar(
    view: &mut NetworkView,
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let before = view.layout;
        // Each tab is its own item, so a narrow view wraps them instead of cutting them.
        for kind in LayoutKind::ALL {
            ui.selectable_value(&mut view.layout, kind, kind.label())
                .on_hover_text(kind.description());
        }
        if view.layout != before {
            view.live.flight = None;
            view.live.dragging = None;
            view.prepare(ctx, std::time::Duration::ZERO);
        }
        ui.separator();
        search_box(view, ui, ctx, commands);
        if ui
            .button("Fit all")
            .on_hover_text("Show every place of this layout")
            .clicked()
        {
            view.fit_all();
        }
        if view.layout == LayoutKind::Institutions
            && ui
                .button("Lay out again")
                .on_hover_text("Unpin every node and start the force layout afresh")
                .clicked()
        {
            view.reset_force_layout();
        }
        export_menu(view, ui, commands);
    });
    ui.horizontal_wrapped(|ui| {
        let Some(facets) = view.cache.facets(view.layout.granularity()).cloned() else {
            return;
        };
        filter_menus(view, ui, &facets);
        year_controls(view, ui, &facets);
        ui.separator();
        let mut hangul =
            view.names.style(ctx.hangul) != crate::analysis::network::NameStyle::English;
        if ui
            .toggle_value(&mut hangul, "한글")
            .on_hover_text("Label places in Hangul as well as English")
            .changed()
        {
            view.names = if hangul { Names::Both } else { Names::English };
        }
        view_menu(view, ui);
        if ui
            .add_enabled(view.filter.is_active(), egui::Button::new("Reset filters"))
            .clicked()
        {
            let undated = view.filter.undated;
            view.filter = crate::analysis::network::Filter {
                undated,
                ..Default::default()
            };
        }
    });
    view.prepare(ctx, std::time::Duration::ZERO);
}

fn view_menu(view: &mut NetworkView, ui: &mut Ui) {
    ui.menu_button("View", |ui| {
        ui.label(RichText::new("Links outside the filter").weak());
        ui.radio_value(&mut view.outside, Outside::Fade, "fade them");
        ui.radio_value(&mut view.outside, Outside::Hide, "hide them");
        ui.separator();
        ui.label(RichText::new("Names").weak());
        for n in [Names::App, Names::English, Names::Hangul, Names::Both] {
            ui.radio_value(&mut view.names, n, n.label());
        }
        ui.separator();
        ui.checkbox(&mut view.show_labels, "Labels");
        if view.layout != LayoutKind::Schematic {
            ui.checkbox(&mut view.show_unlinked, "Places without links");
        }
        ui.checkbox(&mut view.legend_open, "Full legend");
    });
}

fn search_box(view: &mut NetworkView, ui: &mut Ui, ctx: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    let response = ui
        .add(
            TextEdit::singleline(&mut view.live.search)
                .hint_text("Find a place (English or 한글)")
                .desired_width(200.0),
        )
        .accessible_name("Find");
    if response.changed() {
        view.live.search_open = true;
    }
    let key = (
        view.live.search.clone(),
        view.cache.generation,
        view.layout.granularity(),
    );
    if view
        .live
        .search_hits
        .as_ref()
        .is_none_or(|(k, _)| *k != key)
    {
        let Some((graph, _, _)) = view.cache.borrow(view.layout) else {
            return;
        };
        let rows: Vec<(usize, String)> = search(graph, &view.live.search, 8)
            .into_iter()
            .map(|i| {
                let n = &graph.nodes[i];
                let mut text = n.display_name(crate::analysis::network::NameStyle::Both);
                if !n.country.is_empty() {
                    text.push_str(&format!(
                        " — {}",
                        crate::analysis::countries::country_name(&n.country)
                    ));
                }
                (i, text)
            })
            .collect();
        view.live.search_hits = Some((key, rows));
    }
    let rows = view
        .live
        .search_hits
        .as_ref()
        .map(|(_, r)| r.clone())
        .unwrap_or_default();
    let mut pick = None;
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        pick = rows.first().map(|r| r.0);
        if pick.is_none() && !view.live.search.trim().is_empty() {
            commands.push(Command::Status(format!(
                "No place or organisation matches “{}”",
                view.live.search.trim()
            )));
        }
    }
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        view.live.search_open = false;
    }
    let popup = Popup::from_response(&response)
        .open(view.live.search_open && !rows.is_empty())
        .close_behavior(egui::PopupCloseBehavior::IgnoreClicks)
        .show(|ui| {
            ui.set_min_width(240.0);
            for (i, text) in &rows {
                if ui.selectable_label(false, text).clicked() {
                    pick = Some(*i);
                }
            }
        });
    let in_popup = popup.is_some_and(|p| p.response.contains_pointer());
    if response.clicked_elsewhere() && !in_popup {
        view.live.search_open = false;
    }
    if let Some(i) = pick {
        view.live.search_open = false;
        view.go_to_node(ui, i, ctx, commands);
    }
}

fn filter_menus(view: &mut NetworkView, ui: &mut Ui, graph: &Facets) {
    let f = &mut view.filter;
    let shown = graph
        .programmes
        .iter()
        .filter(|p| !f.hidden_programmes.contains(&p.id))
        .count();
    ui.menu_button(
        format!("Programmes {shown}/{}", graph.programmes.len()),
        |ui| {
            ui.horizontal(|ui| {
                if ui.button("All").clicked() {
                    f.hidden_programmes.clear();
                }
                if ui.button("None").clicked() {
                    f.hidden_programmes = graph.programmes.iter().map(|p| p.id.clone()).collect();
                }
            });
            for (i, p) in graph.programmes.iter().enumerate() {
                let mut on = !f.hidden_programmes.contains(&p.id);
                ui.horizontal(|ui| {
                    let (r, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(r.shrink(2.0), 2.0, programme_colour(Some(i as u32)));
                    if ui.checkbox(&mut on, &p.name).changed() {
                        toggle(&mut f.hidden_programmes, &p.id, on);
                    }
                    ui.label(
                        RichText::new(format!(
                            "{} pairs, {} cohort members",
                            p.pairs, p.memberships
                        ))
                        .weak()
                        .small(),
                    );
                });
            }
        },
    );
    let shown = graph
        .countries
        .iter()
        .filter(|c| !f.hidden_countries.contains(*c))
        .count();
    ui.menu_button(
        format!("Countries {shown}/{}", graph.countries.len()),
        |ui| {
            ui.horizontal(|ui| {
                if ui.button("All").clicked() {
                    f.hidden_countries.clear();
                }
                if ui.button("None").clicked() {
                    f.hidden_countries = graph.countries.iter().cloned().collect();
                }
            });
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for c in &graph.countries {
                        let mut on = !f.hidden_countries.contains(c);
                        if ui
                            .checkbox(&mut on, crate::analysis::countries::country_name(c))
                            .changed()
                        {
                            toggle(&mut f.hidden_countries, c, on);
                        }
                    }
                });
        },
    );
    let title = if f.themes.is_empty() {
        "Themes: all".to_owned()
    } else {
        format!("Themes: {}", f.themes.len())
    };
    ui.menu_button(title, |ui| {
        ui.label(
            RichText::new("Keep links on any of the ticked themes; none ticked keeps all.")
                .weak()
                .small(),
        );
        if ui.button("All themes").clicked() {
            f.themes.clear();
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for t in &graph.themes {
                    let mut on = f.themes.contains(t);
                    if ui.checkbox(&mut on, t).changed() {
                        if on {
                            f.themes.insert(t.clone());
                        } else {
                            f.themes.remove(t);
                        }
                    }
                }
            });
    });
    let present: Vec<Status> = graph.statuses.clone();
    let shown = present
        .iter()
        .filter(|s| !f.hidden_statuses.contains(s))
        .count();
    ui.menu_button(format!("Status {shown}/{}", present.len()), |ui| {
        for s in present {
            let mut on = !f.hidden_statuses.contains(&s);
            if ui.checkbox(&mut on, s.label()).changed() {
                if on {
                    f.hidden_statuses.remove(&s);
                } else {
                    f.hidden_statuses.insert(s);
                }
            }
        }
    });
}

fn toggle(set: &mut std::collections::BTreeSet<String>, id: &str, on: bool) {
    if on {
        set.remove(id);
    } else {
        set.insert(id.to_owned());
    }
}

fn year_controls(view: &mut NetworkView, ui: &mut Ui, graph: &Facets) {
    ui.separator();
    // The year's checkbox, slider and rule read as one: keep them on one row.
    let wanted = if view.filter.year.is_some() {
        430.0
    } else {
        110.0
    };
    if ui.available_width() < wanted {
        ui.end_row();
    }
    let Some((lo, hi)) = graph.years else {
        ui.add_enabled(false, egui::Checkbox::new(&mut false, "As of year"))
            .on_disabled_hover_text("No partnership in the store states a start year");
        return;
    };
    let mut on = view.filter.year.is_some();
    let tip = "Show the network as it stood in a year: partnerships that started later are hidden.";
    if ui
        .checkbox(&mut on, "As of year")
        .on_hover_text(tip)
        .changed()
    {
        view.filter.year = on.then_some(hi);
    }
    if let Some(year) = view.filter.year.as_mut() {
        *year = (*year).clamp(lo, hi);
        ui.add(egui::Slider::new(year, lo..=hi).text("year").step_by(1.0));
        egui::ComboBox::from_label("No start year")
            .selected_text(match view.filter.undated {
                Undated::Show => "shown",
                Undated::Hide => "hidden",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.undated, Undated::Show, "shown")
                    .on_hover_text(
                        "A partnership whose start year no source gives is shown in every year",
                    );
                ui.selectable_value(&mut view.filter.undated, Undated::Hide, "hidden")
                    .on_hover_text("Only partnerships known to have started by the year are shown");
            })
            .response
            .on_hover_text("What to do with partnerships whose start year no source gives");
    }
}

fn export_menu(view: &mut NetworkView, ui: &mut Ui, commands: &mut Vec<Command>) {
    ui.menu_button("Export PNG", |ui| {
        ui.horizontal(|ui| {
            ui.label("Scale");
            ui.radio_value(&mut view.export_scale, 1.0, "1×");
            ui.radio_value(&mut view.export_scale, 2.0, "2×");
        });
        if ui
            .button("Save the current view as PNG…")
            .on_hover_text(
                "Choose where to save a picture of this view, with its legend and sources",
            )
            .clicked()
        {
            commands.push(Command::AskPath(FileAction::ExportNetworkPng {
                scale: view.export_scale,
            }));
            ui.close();
        }
    });
}
