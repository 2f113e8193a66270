//! The browse list: programmes, partnerships, cohorts, agreements, places and organisations in
//! one searchable, sortable table (English and Hangul).

use egui_extras::{Column, TableBuilder};
use serde::{Deserialize, Serialize};

use super::{Command, ViewCtx};
use crate::model::{ItemRef, Store};

/// Which kinds of record the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum KindFilter {
    /// Programmes, partnerships and cohorts.
    #[default]
    Partnerships,
    /// Every kind of record.
    All,
    /// Agreements only.
    Agreements,
    /// Places and organisations.
    PlacesAndOrganisations,
}

impl KindFilter {
    const ALL: [KindFilter; 4] = [
        KindFilter::Partnerships,
        KindFilter::Agreements,
        KindFilter::PlacesAndOrganisations,
        KindFilter::All,
    ];

    fn label(self) -> &'static str {
        match self {
            KindFilter::Partnerships => "Programmes & partnerships",
            KindFilter::All => "Everything",
            KindFilter::Agreements => "Agreements",
            KindFilter::PlacesAndOrganisations => "Places & organisations",
        }
    }

    fn admits(self, kind: &str) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Partnerships => matches!(kind, "Programme" | "Partnership" | "Cohort"),
            KindFilter::Agreements => kind == "Agreement",
            KindFilter::PlacesAndOrganisations => matches!(kind, "Place" | "Organisation"),
        }
    }
}

/// A sortable column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    Kind,
    #[default]
    Name,
    Programme,
    Year,
    Status,
}

/// The list's search, filter and sort: remembered between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListState {
    /// The search text.
    pub search: String,
    /// Which kinds are shown.
    pub kinds: KindFilter,
    /// The sort column.
    pub sort: SortBy,
    /// Sort descending instead of ascending.
    pub descending: bool,
    /// Put the keyboard focus in the search box on the next frame (Ctrl+F).
    #[serde(skip)]
    pub focus_search: bool,
}

/// One row of the list, derived from the store once per load.
#[derive(Clone, Debug)]
pub struct Row {
    /// The record id.
    pub id: String,
    /// "Programme", "Partnership" …
    pub kind: &'static str,
    /// English name.
    pub name: String,
    /// Hangul name, where the record (or both sides of a pair) has one.
    pub name_ko: Option<String>,
    /// The programme it belongs to.
    pub programme: String,
    /// The year it starts, for sorting and display.
    pub year: Option<i32>,
    /// Status in words.
    pub status: &'static str,
    /// Lower-case text searched by the search box (English and Hangul).
    haystack: String,
}

fn name_ko(store: &Store, id: &str) -> Option<String> {
    match store.item(id)? {
        ItemRef::Place(p) => p.name_ko.clone(),
        ItemRef::Organisation(o) => o.name_ko.clone(),
        _ => None,
    }
}

/// Builds the rows of every listable record.
pub fn rows(store: &Store) -> Vec<Row> {
    let prog_name = |id: &str| store.display_name(id);
    let mut rows = Vec::new();
    let mut push = |id: &str,
                    kind: &'static str,
                    name: String,
                    name_ko: Option<String>,
                    programme: String,
                    year: Option<i32>,
                    status: &'static str,
                    extra: Vec<String>| {
        let mut haystack = format!(
            "{name} {} {programme} {id}",
            name_ko.as_deref().unwrap_or("")
        );
        for e in extra {
            haystack.push(' ');
            haystack.push_str(&e);
        }
        rows.push(Row {
            id: id.to_owned(),
            kind,
            name,
            name_ko,
            programme,
            year,
            status,
            haystack: crate::text::fold(&haystack),
        });
    };
    for p in &store.programmes {
        let mut extra = p.themes.clone();
        extra.extend(p.short_name.clone());
        push(
            &p.id,
            "Programme",
            p.name.clone(),
            p.name_ko.clone(),
            String::new(),
            p.period.start,
            p.status.label(),
            extra,
        );
    }
    for p in &store.partnerships {
        let ko = match (name_ko(store, &p.a), name_ko(store, &p.b)) {
            (Some(a), Some(b)) => Some(format!("{a} – {b}")),
            (None, Some(b)) => Some(format!("{} – {b}", store.display_name(&p.a))),
            (Some(a), None) => Some(format!("{a} – {}", store.display_name(&p.b))),
            (None, None) => None,
        };
        let mut extra = p.themes.clone();
        extra.push(store.display_name(&p.a));
        extra.push(store.display_name(&p.b));
        push(
            &p.id,
            "Partnership",
            p.name.clone(),
            ko,
            prog_name(&p.programme),
            p.since,
            p.status.label(),
            extra,
        );
    }
    for c in &store.cohorts {
        let mut extra = c.themes.clone();
        for m in &c.members {
            extra.push(store.display_name(m));
            extra.extend(name_ko(store, m));
        }
        push(
            &c.id,
            "Cohort",
            c.name.clone(),
            None,
            prog_name(&c.programme),
            c.period.start,
            c.status.label(),
            extra,
        );
    }
    for a in &store.agreements {
        let programme = a.programme.as_deref().map(prog_name).unwrap_or_default();
        let mut extra: Vec<String> = a.parties.iter().map(|p| store.display_name(p)).collect();
        extra.extend(a.area.clone());
        push(
            &a.id,
            "Agreement",
            a.title.clone(),
            None,
            programme,
            a.year,
            a.status.label(),
            extra,
        );
    }
    for p in &store.places {
        push(
            &p.id,
            "Place",
            p.name.clone(),
            p.name_ko.clone(),
            String::new(),
            None,
            "",
            vec![p.country.clone()],
        );
    }
    for o in &store.organisations {
        let mut extra = vec![o.country.clone()];
        extra.extend(o.short_name.clone());
        push(
            &o.id,
            "Organisation",
            o.name.clone(),
            o.name_ko.clone(),
            String::new(),
            None,
            "",
            extra,
        );
    }
    rows
}

/// The rows that match the state's filter and search, sorted; indexes into `rows`.
pub fn visible(rows: &[Row], state: &ListState) -> Vec<usize> {
    let needle = crate::text::fold(state.search.trim());
    let terms: Vec<&str> = needle.split_whitespace().collect();
    let mut out: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| state.kinds.admits(r.kind) && terms.iter().all(|t| r.haystack.contains(t)))
        .map(|(i, _)| i)
        .collect();
    out.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        let ord = match state.sort {
            SortBy::Kind => a.kind.cmp(b.kind),
            SortBy::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortBy::Programme => a.programme.cmp(&b.programme),
            SortBy::Year => a.year.cmp(&b.year),
            SortBy::Status => a.status.cmp(b.status),
        }
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.id.cmp(&b.id));
        if state.descending { ord.reverse() } else { ord }
    });
    out
}

/// Draws the list in a left panel.
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[Row],
    state: &mut ListState,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::left("browse_list")
        .resizable(true)
        .default_size(430.0)
        .min_size(260.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let label = ui.label("Search");
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut state.search)
                            .hint_text("English or 한국어, e.g. Belfast, 세종")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut state.focus_search) {
                    edit.request_focus();
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label("Show");
                egui::ComboBox::from_id_salt("kind_filter")
                    .selected_text(state.kinds.label())
                    .show_ui(ui, |ui| {
                        for k in KindFilter::ALL {
                            ui.selectable_value(&mut state.kinds, k, k.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if !state.search.is_empty() && ui.button("Clear").clicked() {
                    state.search.clear();
                }
            });
            let shown = visible(rows, state);
            ui.weak(format!("{} of {} records", shown.len(), rows.len()));
            ui.separator();
            table(ui, ctx, rows, &shown, state, &mut commands);
        });
    commands
}

fn table(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[Row],
    shown: &[usize],
    state: &mut ListState,
    commands: &mut Vec<Command>,
) {
    let text_height = egui::TextStyle::Body.resolve(ui.style()).size + 6.0;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(86.0).at_least(50.0))
        .column(Column::initial(180.0).at_least(80.0).clip(true))
        .column(Column::initial(44.0).at_least(36.0))
        .column(Column::remainder().at_least(60.0).clip(true))
        .header(22.0, |mut header| {
            for (label, sort) in [
                ("Kind", SortBy::Kind),
                ("Name", SortBy::Name),
                ("Year", SortBy::Year),
                ("Programme", SortBy::Programme),
            ] {
                header.col(|ui| {
                    let arrow = match (state.sort == sort, state.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        _ => "",
                    };
                    let r = ui
                        .add(
                            egui::Button::selectable(state.sort == sort, format!("{label}{arrow}"))
                                .frame(false),
                        )
                        .on_hover_text(format!("Sort by {}", label.to_lowercase()));
                    if r.clicked() {
                        if state.sort == sort {
                            state.descending = !state.descending;
                        } else {
                            state.sort = sort;
                            state.descending = false;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(text_height, shown.len(), |mut row| {
                let r = &rows[shown[row.index()]];
                row.set_selected(ctx.selected == Some(r.id.as_str()));
                row.col(|ui| {
                    ui.weak(r.kind);
                });
                row.col(|ui| {
                    let name = match (&r.name_ko, ctx.hangul) {
                        (Some(ko), true) => ko.clone(),
                        _ => r.name.clone(),
                    };
                    let marker = if ctx.noted.contains(&r.id) {
                        "✏ "
                    } else {
                        ""
                    };
                    ui.add(
                        egui::Label::new(format!("{marker}{name}"))
                            .truncate()
                            .selectable(false),
                    )
                    .on_hover_text(match &r.name_ko {
                        Some(ko) => format!("{}\n{ko}", r.name),
                        None => r.name.clone(),
                    });
                });
                row.col(|ui| {
                    if let Some(y) = r.year {
                        ui.label(y.to_string());
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.programme).truncate().selectable(false));
                });
                if row.response().clicked() {
                    commands.push(Command::Select(r.id.clone()));
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Place, Store};

    fn place(id: &str, name: &str, ko: Option<&str>) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            name_ko: ko.map(Into::into),
            kind: Default::default(),
            country: "KR".into(),
            region: None,
            lat: 36.5,
            lon: 127.3,
            population: None,
            geonames_id: None,
            sources: vec![Citation {
                source: "s".into(),
                at: String::new(),
            }],
        }
    }

    #[test]
    fn hangul_search_finds_a_place_by_its_korean_name() {
        let store = Store {
            places: vec![
                place("sejong", "Sejong", Some("세종")),
                place("busan", "Busan", Some("부산")),
            ],
            ..Store::default()
        };
        let rows = rows(&store);
        let state = ListState {
            search: "세종".into(),
            kinds: KindFilter::All,
            ..Default::default()
        };
        let hits = visible(&rows, &state);
        assert_eq!(hits.len(), 1);
        assert_eq!(rows[hits[0]].id, "sejong");
    }

    #[test]
    fn sorting_by_name_descending_reverses_the_order() {
        let store = Store {
            places: vec![place("a", "Aarhus", None), place("b", "Busan", None)],
            ..Store::default()
        };
        let rows = rows(&store);
        let mut state = ListState {
            kinds: KindFilter::All,
            ..Default::default()
        };
        let asc: Vec<_> = visible(&rows, &state)
            .into_iter()
            .map(|i| rows[i].id.clone())
            .collect();
        state.descending = true;
        let desc: Vec<_> = visible(&rows, &state)
            .into_iter()
            .map(|i| rows[i].id.clone())
            .collect();
        assert_eq!(asc, ["a", "b"]);
        assert_eq!(desc, ["b", "a"]);
    }
}
