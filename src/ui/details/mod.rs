//! The details panel: every field of the selected record, its links and its sources.

mod facts;
mod rows;

pub use facts::{citations, key_facts};
use rows::{aliases, milestone_buttons};

use crate::model::{ItemRef, Milestone, Store};
use crate::notes::Notebook;
use crate::ui::{Command, ViewCtx, theme};

/// Draws the details panel on the right.
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    notes: &Notebook,
    max_width: f32,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::right("details")
        .resizable(true)
        .default_size(360.0_f32.min(max_width))
        .size_range(240.0_f32.min(max_width)..=max_width)
        .show(ui, |ui| crate::ui::bounded::within(ui, |ui| {
            // A new scroll id per record: a newly selected record opens at its top, not at the
            // previous record's scroll position.
            egui::ScrollArea::vertical()
                .id_salt(("details_scroll", ctx.selected))
                .auto_shrink(false)
                .show(ui, |ui| {
                match ctx.selected.and_then(|id| ctx.store.item(id)) {
                    Some(item) => {
                        record(ui, ctx, item, &mut commands);
                        ui.separator();
                        crate::ui::notes::show_for_item(ui, item, notes, &mut commands);
                    }
                    None => {
                        ui.add_space(8.0);
                        ui.heading("Details");
                        ui.label("Select a programme, partnership or place to see every field and its sources.");
                    }
                }
            });
        }));
    commands
}

/// A two-column grid row: label and value.
fn field(ui: &mut egui::Ui, label: &str, value: impl Into<egui::WidgetText>) {
    ui.weak(label);
    ui.add(egui::Label::new(value).wrap());
    ui.end_row();
}

/// A row whose value is a list of links to other records.
fn links(
    ui: &mut egui::Ui,
    store: &Store,
    label: &str,
    ids: &[String],
    commands: &mut Vec<Command>,
) {
    if ids.is_empty() {
        return;
    }
    ui.weak(label);
    ui.vertical(|ui| {
        for id in ids {
            link(ui, store, id, commands);
        }
    });
    ui.end_row();
}

/// A clickable name that selects another record.
fn link(ui: &mut egui::Ui, store: &Store, id: &str, commands: &mut Vec<Command>) {
    let name = store.display_name(id);
    if ui
        .link(&name)
        .on_hover_text(format!("Show {name}"))
        .clicked()
    {
        commands.push(Command::Select(id.to_owned()));
    }
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_owned())
}

fn record(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: ItemRef<'_>, commands: &mut Vec<Command>) {
    let store = ctx.store;
    ui.add_space(6.0);
    ui.weak(item.kind());
    ui.heading(item.name());
    crate::ui::edit::details_header(ui, store, item, commands);
    let facts = key_facts(store, item);
    if !facts.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(facts.join("  ·  ")).strong()).wrap());
        ui.add_space(4.0);
    }
    if matches!(
        item,
        ItemRef::Partnership(_)
            | ItemRef::Place(_)
            | ItemRef::Organisation(_)
            | ItemRef::Cohort(_)
            | ItemRef::Programme(_)
    ) && ui
        .button("Briefing…")
        .on_hover_text(
            "Write a trip briefing on this record: partners, milestones, figures, your notes and \
             the sources, as one offline web page (and Markdown)",
        )
        .clicked()
    {
        commands.push(Command::AskPath(crate::ui::FileAction::Briefing {
            ids: vec![item.id().to_owned()],
        }));
    }
    let grid = egui::Grid::new(("details_grid", item.id()))
        .num_columns(2)
        .striped(true)
        .spacing([10.0, 4.0]);
    grid.show(ui, |ui| match item {
        ItemRef::Programme(p) => {
            if let Some(ko) = &p.name_ko {
                field(ui, "한국어", ko);
            }
            field(ui, "Short name", opt(&p.short_name));
            field(ui, "Period", p.period.to_string());
            field(ui, "Status", p.status.label());
            field(ui, "Themes", p.themes.join(", "));
            links(ui, store, "Sponsors", &p.sponsors, commands);
            links(ui, store, "Delivered by", &p.delivery, commands);
            let pairs: Vec<String> = store
                .partnerships
                .iter()
                .filter(|x| x.programme == p.id)
                .map(|x| x.id.clone())
                .collect();
            links(ui, store, "Partnerships", &pairs, commands);
            let cohorts: Vec<String> = store
                .cohorts
                .iter()
                .filter(|x| x.programme == p.id)
                .map(|x| x.id.clone())
                .collect();
            links(ui, store, "Cohorts", &cohorts, commands);
            field(ui, "Description", &p.description);
        }
        ItemRef::Partnership(p) => {
            links(
                ui,
                store,
                "Programme",
                std::slice::from_ref(&p.programme),
                commands,
            );
            links(
                ui,
                store,
                "European side",
                std::slice::from_ref(&p.a),
                commands,
            );
            links(
                ui,
                store,
                "Korean side",
                std::slice::from_ref(&p.b),
                commands,
            );
            field(
                ui,
                "Since",
                p.since.map_or("not stated".to_owned(), |y| y.to_string()),
            );
            field(ui, "Status", p.status.label());
            field(ui, "Themes", p.themes.join(", "));
            field(ui, "Description", &p.description);
        }
        ItemRef::Cohort(c) => {
            links(
                ui,
                store,
                "Programme",
                std::slice::from_ref(&c.programme),
                commands,
            );
            links(ui, store, "Members", &c.members, commands);
            field(ui, "Pairing", "not stated by the sources (members only)");
            field(ui, "Period", c.period.to_string());
            field(ui, "Status", c.status.label());
            field(ui, "Themes", c.themes.join(", "));
            field(ui, "Description", &c.description);
        }
        ItemRef::Place(p) => {
            field(ui, "한국어", opt(&p.name_ko));
            field(ui, "Kind", format!("{:?}", p.kind));
            field(ui, "Country", &p.country);
            field(ui, "Region", opt(&p.region));
            field(ui, "Coordinates", format!("{:.4}, {:.4}", p.lat, p.lon));
            field(
                ui,
                "Population",
                p.population.map_or("—".to_owned(), |n| n.to_string()),
            );
            aliases(ui, &p.aliases);
            let pairs: Vec<String> = store
                .partnerships
                .iter()
                .filter(|x| x.a == p.id || x.b == p.id)
                .map(|x| x.id.clone())
                .collect();
            links(ui, store, "Partnerships", &pairs, commands);
            let orgs: Vec<String> = store
                .organisations
                .iter()
                .filter(|o| o.place.as_deref() == Some(&p.id))
                .map(|o| o.id.clone())
                .collect();
            links(ui, store, "Organisations here", &orgs, commands);
        }
        ItemRef::Organisation(o) => {
            field(ui, "Short name", opt(&o.short_name));
            aliases(ui, &o.aliases);
            field(ui, "Kind", format!("{:?}", o.kind));
            field(ui, "Country", &o.country);
            if let Some(p) = &o.place {
                links(ui, store, "Place", std::slice::from_ref(p), commands);
            }
            if let Some(p) = &o.parent {
                links(ui, store, "Part of", std::slice::from_ref(p), commands);
            }
            field(ui, "Description", &o.description);
        }
        ItemRef::Agreement(a) => {
            field(ui, "Kind", format!("{:?}", a.kind));
            field(ui, "Year", a.year.map_or("—".to_owned(), |y| y.to_string()));
            if let Some(p) = &a.period {
                field(ui, "Period", p.to_string());
            }
            field(ui, "Status", a.status.label());
            links(ui, store, "Parties", &a.parties, commands);
            if let Some(p) = &a.programme {
                links(ui, store, "Programme", std::slice::from_ref(p), commands);
            }
            field(ui, "Area", opt(&a.area));
            field(ui, "Note", opt(&a.note));
        }
        ItemRef::Indicator(s) => {
            field(ui, "Indicator", &s.indicator);
            field(ui, "Economy", format!("{} ({})", s.economy_name, s.economy));
            field(ui, "Field", opt(&s.field));
            field(ui, "Unit", &s.unit);
            field(
                ui,
                "Derived",
                if s.derived {
                    "yes — computed, not published"
                } else {
                    "no — as published"
                },
            );
            if let Some(d) = &s.derivation {
                field(ui, "Derivation", d);
            }
            if let Some(c) = &s.caveat {
                field(ui, "Caveat", egui::RichText::new(c).color(theme::WARNING));
            }
            let years = match (s.points.first(), s.points.last()) {
                (Some(a), Some(b)) => format!("{}–{} ({} values)", a.year, b.year, s.points.len()),
                _ => "no values".to_owned(),
            };
            field(ui, "Years", years);
        }
        ItemRef::Finding(f) => {
            field(ui, "Measure", &f.measure);
            field(ui, "Economy", &f.economy);
            field(ui, "Field", opt(&f.field));
            field(ui, "Period", f.period.to_string());
            field(ui, "Rank", f.rank.map_or("—".to_owned(), |r| r.to_string()));
            field(ui, "Level", opt(&f.level));
            field(
                ui,
                "Change",
                f.change.map_or("—".to_owned(), |c| format!("{c:?}")),
            );
        }
        ItemRef::PolicyMeasure(m) => {
            field(ui, "Kind", format!("{:?}", m.kind));
            field(ui, "Country", &m.country);
            field(ui, "Period", m.period.to_string());
            links(ui, store, "Owners", &m.owners, commands);
            if let Some(p) = &m.parent {
                links(ui, store, "Part of", std::slice::from_ref(p), commands);
            }
            if let Some(f) = &m.funding {
                field(ui, "Funding (as stated)", &f.as_stated);
                if let Some(a) = &f.amount {
                    field(ui, "Amount", a.to_string());
                }
                if let Some(c) = &f.converted {
                    field(ui, "Source's conversion", c.to_string());
                }
                if let Some(c) = &f.caveat {
                    field(ui, "Caveat", egui::RichText::new(c).color(theme::WARNING));
                }
            }
            field(ui, "Fields", m.fields.join(", "));
            field(ui, "Description", &m.description);
        }
        ItemRef::Source(s) => {
            field(ui, "Publisher", &s.publisher);
            field(ui, "Date", &s.date);
            field(ui, "As of", s.as_of_label());
            field(ui, "Address", opt(&s.url));
            field(ui, "Licence", opt(&s.licence));
            field(ui, "Note", opt(&s.note));
        }
    });
    let figures = item.figures();
    if !figures.is_empty() {
        ui.add_space(4.0);
        ui.strong("Figures as the source states them");
        for f in figures {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(f.value_label()).strong());
                ui.label(&f.what);
            });
            ui.add(
                egui::Label::new(egui::RichText::new(format!("“{}”", f.as_stated)).weak()).wrap(),
            );
            if let Some(c) = &f.caveat {
                ui.add(
                    egui::Label::new(egui::RichText::new(format!("⚠ {c}")).color(theme::WARNING))
                        .wrap(),
                );
            }
            for c in &f.sources {
                ui.weak(format!(
                    "{} — {}",
                    ctx.store.display_name(&c.source),
                    ctx.store.as_of(c)
                ));
            }
        }
    }
    ui.weak(format!("id: {}", item.id()));

    let milestones = crate::ui::edit::milestones_of(store, item.id()).unwrap_or_default();
    if !milestones.is_empty() {
        ui.separator();
        ui.strong("Milestones");
        // In date order, each with its place in the record's list (what an edit names).
        let mut sorted: Vec<(usize, &Milestone)> = milestones.iter().enumerate().collect();
        sorted.sort_by_key(|(_, m)| m.date);
        for (index, m) in sorted {
            ui.horizontal_wrapped(|ui| {
                ui.monospace(m.date.to_string());
                ui.label(&m.title);
                if let Some(p) = &m.place {
                    link(ui, store, p, commands);
                }
            });
            citations(ui, store, &m.sources, commands);
            milestone_buttons(ui, item.id(), index, m, commands);
        }
    }
    if !matches!(item, ItemRef::Source(_)) {
        ui.separator();
        ui.strong("Sources");
        citations(ui, store, item.citations(), commands);
    }
}
