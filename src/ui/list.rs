//! The browse list: every record of the store in one searchable, sortable table (English and
//! Hangul), with Status and Year columns, filter chips, and under each hit the field it
//! matched with the match marked. The search itself is [`crate::analysis::search`].

use std::collections::BTreeSet;

use egui::text::{LayoutJob, TextFormat};
use egui_extras::{Column, TableBuilder};
use serde::{Deserialize, Serialize};

use super::{Command, ViewCtx};
use crate::analysis::search::{self, Doc, Filters, Kind, Query, Searcher, Snippet, UserNotes};
use crate::model::Status;
use crate::notes::Notebook;

pub use crate::analysis::search::SortBy;

/// One row of the list: the record's search document, built once per store.
pub type Row = Doc;

/// Snippets shown under each hit.
const SNIPPETS: usize = 2;

/// The list's search, chips and sort: remembered between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListState {
    /// The search text.
    pub search: String,
    /// The chips chosen.
    pub filters: Filters,
    /// The sort column (after the rank when searching).
    pub sort: SortBy,
    /// Sort descending instead of ascending.
    pub descending: bool,
    /// Put the keyboard focus in the search box on the next frame (Ctrl+F).
    #[serde(skip)]
    pub focus_search: bool,
    /// Show the programme and country chips too.
    pub more_filters: bool,
    /// The last search, so one more letter only looks at the last hits.
    #[serde(skip)]
    searcher: Searcher,
    /// The user's notes as search data, rebuilt when the notebook changes.
    #[serde(skip)]
    notes: Option<UserNotes>,
    /// Row heights of the current hits.
    #[serde(skip)]
    heights: Heights,
    /// The kinds, statuses and years the chips offer, found once per index.
    #[serde(skip)]
    facets: Option<Facets>,
}

/// What the chips offer, derived from the rows once per index (not every frame).
#[derive(Clone, Debug, Default)]
struct Facets {
    key: (u64, usize),
    kinds: BTreeSet<Kind>,
    statuses: BTreeSet<Status>,
    years: BTreeSet<i32>,
}

impl Facets {
    fn key(rows: &[Row]) -> (u64, usize) {
        (rows.first().map_or(0, Row::generation), rows.len())
    }

    fn of(rows: &[Row]) -> Self {
        Self {
            key: Self::key(rows),
            kinds: rows.iter().map(|r| r.kind).collect(),
            statuses: rows.iter().filter_map(|r| r.status).collect(),
            years: rows
                .iter()
                .filter(|r| !matches!(r.kind, Kind::Indicator | Kind::Source))
                .filter_map(|r| r.years)
                .flat_map(|(s, e)| [s, e])
                .collect(),
        }
    }
}

impl ListState {
    /// The ids of the records the list shows now, in list order (what the officer sees).
    pub fn shown_ids(&mut self, rows: &[Row]) -> Vec<String> {
        let notes = self.notes.take().unwrap_or_default();
        let ids = self
            .hits(rows, &notes)
            .iter()
            .map(|h| rows[h.doc].id.clone())
            .collect();
        self.notes = Some(notes);
        ids
    }

    fn hits(&mut self, rows: &[Row], notes: &UserNotes) -> &[search::Hit] {
        let query = Query::parse(&self.search);
        self.searcher.search(
            rows,
            &query,
            &self.filters,
            notes,
            self.sort,
            self.descending,
        )
    }

    /// Keeps the notes data in step with the notebook.
    fn sync_notes(&mut self, book: Option<&Notebook>) {
        let revision = book.map_or(0, Notebook::revision);
        if self.notes.as_ref().is_some_and(|n| n.revision == revision) {
            return;
        }
        let mut notes = UserNotes::new(revision);
        for note in book.into_iter().flat_map(Notebook::live) {
            if let Some(t) = &note.target {
                notes.add(&t.id, &note.title, &note.body);
            }
        }
        self.notes = Some(notes);
    }
}

/// Builds the rows of every record (the search index).
pub fn rows(store: &crate::model::Store) -> Vec<Row> {
    search::index(store)
}

/// Draws the list in a left panel, searching the store only (not the user's notes).
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[Row],
    state: &mut ListState,
    max_width: f32,
) -> Vec<Command> {
    show_with_notes(ui, ctx, rows, state, None, max_width)
}

/// Draws the list in a left panel; the search also looks in the user's notes in `book`.
pub fn show_with_notes(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[Row],
    state: &mut ListState,
    book: Option<&Notebook>,
    max_width: f32,
) -> Vec<Command> {
    state.sync_notes(book);
    let mut commands = Vec::new();
    egui::Panel::left("browse_list")
        .resizable(true)
        .default_size(430.0_f32.min(max_width))
        .size_range(260.0_f32.min(max_width)..=max_width)
        // Bounded: content wider than the list (a long snippet) is clipped, it does not widen
        // the panel a little more every frame.
        .show(ui, |ui| {
            super::bounded::within(ui, |ui| {
                ui.add_space(4.0);
                search_box(ui, state);
                chips(ui, rows, state);
                let notes = state.notes.take().unwrap_or_default();
                let query = Query::parse(&state.search);
                let shown = state.hits(rows, &notes).to_vec();
                ui.horizontal(|ui| {
                    ui.weak(
                        match (query.is_empty() && state.filters.is_empty(), shown.len()) {
                            (true, _) => format!("{} records", rows.len()),
                            (false, 1) => format!("1 of {} records", rows.len()),
                            (false, n) => format!("{n} of {} records", rows.len()),
                        },
                    );
                    commands.extend(super::edit::new_menu(ui));
                });
                ui.separator();
                table(ui, ctx, rows, &shown, &query, &notes, state, &mut commands);
                state.notes = Some(notes);
            })
        });
    commands
}

fn search_box(ui: &mut egui::Ui, state: &mut ListState) {
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
fn chip(ui: &mut egui::Ui, on: bool, text: &str, hover: &str) -> bool {
    ui.add(egui::Button::selectable(on, text))
        .on_hover_text(hover)
        .clicked()
}

fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, value: &T) {
    if !set.remove(value) {
        set.insert(value.clone());
    }
}

fn chips(ui: &mut egui::Ui, rows: &[Row], state: &mut ListState) {
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
fn year_range(ui: &mut egui::Ui, years: &BTreeSet<i32>, f: &mut Filters) {
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

/// `text` with `ranges` marked in the selection colours, wrapped at `width`.
fn marked(
    style: &egui::Style,
    prefix: &str,
    text: &str,
    ranges: &[std::ops::Range<usize>],
    font: egui::FontId,
    color: egui::Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(font.clone(), color);
    let mark = TextFormat {
        background: style.visuals.selection.bg_fill,
        color: style.visuals.strong_text_color(),
        ..TextFormat::simple(font, color)
    };
    if !prefix.is_empty() {
        job.append(prefix, 0.0, plain.clone());
    }
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        job.append(hit, 0.0, mark.clone());
        at = r.end;
    }
    job.append(text.get(at..).unwrap_or(""), 0.0, plain);
    job
}

/// What the name cell of one hit shows.
struct Cell {
    name: LayoutJob,
    subtitle: Option<String>,
    snippets: Vec<LayoutJob>,
    /// Each snippet's whole text, for the hover.
    full: Vec<String>,
}

fn cell(style: &egui::Style, ctx: &ViewCtx<'_>, r: &Row, query: &Query, notes: &UserNotes) -> Cell {
    let body = egui::TextStyle::Body.resolve(style);
    let small = egui::TextStyle::Small.resolve(style);
    let text = style.visuals.text_color();
    let weak = style.visuals.weak_text_color();
    let name = match (&r.name_ko, ctx.hangul) {
        (Some(ko), true) => ko.as_str(),
        _ => r.name.as_str(),
    };
    let name = marked(style, "", name, &search::highlight(name, query), body, text);
    let subtitle = (!r.programme_name.is_empty()).then(|| r.programme_name.clone());
    let found = search::snippets(r, query, notes, SNIPPETS);
    let full = found
        .iter()
        .map(|s| format!("{}: {}", s.field, s.text))
        .collect();
    let snippets = found
        .into_iter()
        .map(
            |Snippet {
                 field,
                 text,
                 ranges,
             }| {
                marked(
                    style,
                    &format!("{field}: "),
                    &text,
                    &ranges,
                    small.clone(),
                    weak,
                )
            },
        )
        .collect();
    Cell {
        name,
        subtitle,
        snippets,
        full,
    }
}

/// A low estimate of the lines `text` takes at `width` points in `font`: arithmetic only, so
/// that a list of 100,000 hits can size its rows without laying them all out. A row on screen
/// then takes the height its content was laid out at (see [`table`]); the estimate is low so
/// that a corrected row only pushes rows below out of view and one more pass settles it.
fn lines(text: &str, font_size: f32, width: f32) -> f32 {
    let advance: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.42 } else { 0.9 })
        .sum::<f32>()
        * font_size;
    (advance / width.max(1.0)).ceil().max(1.0)
}

/// Row heights of the hits, kept while the hits, the width and the name language stay the same.
#[derive(Clone, Debug, Default)]
struct Heights {
    key: (u64, u32, bool, usize),
    heights: Vec<f32>,
    /// The height of every row without its snippets, by doc: kept while the index, the width
    /// and the name language stay the same, so a keystroke only adds the snippet lines.
    base_key: (u64, usize, u32, bool),
    base: Vec<f32>,
}

#[allow(clippy::too_many_arguments)]
fn table(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[Row],
    shown: &[search::Hit],
    query: &Query,
    notes: &UserNotes,
    state: &mut ListState,
    commands: &mut Vec<Command>,
) {
    const KIND: f32 = 74.0;
    const STATUS: f32 = 62.0;
    const YEAR: f32 = 40.0;
    let spacing = ui.spacing().item_spacing;
    let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
    let name_width =
        (ui.available_width() - KIND - STATUS - YEAR - 4.0 * spacing.x - bar).max(80.0);
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let small = egui::TextStyle::Small.resolve(ui.style()).size;
    let body_line = ui.text_style_height(&egui::TextStyle::Body);
    let small_line = ui.text_style_height(&egui::TextStyle::Small);
    let base_height = |r: &Row| {
        let name = match (&r.name_ko, ctx.hangul) {
            (Some(ko), true) => ko.as_str(),
            _ => r.name.as_str(),
        };
        let mut h = lines(name, body, name_width) * body_line;
        if !r.programme_name.is_empty() {
            h += spacing.y + lines(&r.programme_name, small, name_width) * small_line;
        }
        h + ROW_PAD
    };
    let base_key = (
        rows.first().map_or(0, Row::generation),
        rows.len(),
        name_width.round() as u32,
        ctx.hangul,
    );
    if state.heights.base_key != base_key || state.heights.base.len() != rows.len() {
        state.heights.base = rows.iter().map(base_height).collect();
        state.heights.base_key = base_key;
    }
    let key = (
        state.searcher.version(),
        name_width.round() as u32,
        ctx.hangul,
        shown.len(),
    );
    if state.heights.key != key || state.heights.heights.len() != shown.len() {
        let base = &state.heights.base;
        let snippet = spacing.y + small_line;
        let heights = shown
            .iter()
            .map(|h| {
                base.get(h.doc).copied().unwrap_or(body_line + ROW_PAD)
                    + f32::from(h.extra.min(SNIPPETS as u8)) * snippet
            })
            .collect();
        state.heights.key = key;
        state.heights.heights = heights;
    }
    let heights = state.heights.heights.clone();
    // The heights the rows on screen were laid out at, to replace the estimates.
    let mut laid_out: Vec<(usize, f32)> = Vec::new();
    let style = ui.style().clone();
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::top_down(egui::Align::Min))
        .column(Column::exact(KIND))
        .column(Column::remainder().at_least(80.0))
        .column(Column::exact(STATUS))
        .column(Column::exact(YEAR))
        .header(22.0, |mut header| {
            for (label, sort) in [
                ("Kind", SortBy::Kind),
                ("Name", SortBy::Name),
                ("Status", SortBy::Status),
                ("Year", SortBy::Year),
            ] {
                header.col(|ui| {
                    let arrow = match (state.sort == sort, state.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        _ => "",
                    };
                    let hover = if query.is_empty() {
                        format!("Sort by {}", label.to_lowercase())
                    } else {
                        format!(
                            "Best matches first (names), then by {}",
                            label.to_lowercase()
                        )
                    };
                    let r = ui
                        .add(
                            egui::Button::selectable(state.sort == sort, format!("{label}{arrow}"))
                                .frame(false),
                        )
                        .on_hover_text(hover);
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
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let Some(hit) = shown.get(row.index()) else {
                    return;
                };
                let r = &rows[hit.doc];
                let index = row.index();
                // Only the rows on screen are laid out.
                let c = cell(&style, ctx, r, query, notes);
                row.set_selected(ctx.selected == Some(r.id.as_str()));
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        ui.weak(r.kind.label());
                        if ctx.noted.contains(&r.id) {
                            ui.weak("✏").on_hover_text("You have notes on this record");
                        }
                        if let Some(m) = super::edit::mark(ctx.store, &r.id) {
                            ui.colored_label(super::theme::EDITED, "✎")
                                .on_hover_text(format!(
                                    "Not curated data: {} — {}",
                                    super::edit::mark_words(m),
                                    m.what
                                ));
                        }
                    });
                });
                row.col(|ui| {
                    let hover = match &r.name_ko {
                        Some(ko) => format!("{}\n{ko}\n{}", r.name, r.id),
                        None => format!("{}\n{}", r.name, r.id),
                    };
                    ui.add(egui::Label::new(c.name.clone()).wrap().selectable(false))
                        .on_hover_text(hover);
                    if let Some(s) = &c.subtitle {
                        ui.add(
                            egui::Label::new(egui::RichText::new(s).small().weak())
                                .wrap()
                                .selectable(false),
                        );
                    }
                    for (s, full) in c.snippets.iter().zip(&c.full) {
                        ui.add(egui::Label::new(s.clone()).truncate().selectable(false))
                            .on_hover_text(full);
                    }
                    laid_out.push((index, ui.min_rect().height() + ROW_PAD));
                });
                row.col(|ui| {
                    if let Some(s) = r.status {
                        ui.label(s.label());
                    }
                });
                row.col(|ui| {
                    let years = match r.years {
                        Some((s, e)) if s != e => format!("{s}–"),
                        Some((s, _)) => s.to_string(),
                        None => String::new(),
                    };
                    if !years.is_empty() {
                        let l = ui.label(years);
                        if let Some((s, e)) = r.years.filter(|(s, e)| s != e) {
                            l.on_hover_text(format!("{s}–{e}"));
                        }
                    }
                });
                if row.response().clicked() {
                    commands.push(Command::Select(r.id.clone()));
                }
            });
        });
    // Rows as tall as their wrapped name: a row whose estimate was off is drawn again at the
    // height it took (once; the height stays while the hits and the width do).
    let mut changed = false;
    for (i, h) in laid_out {
        if let Some(old) = state.heights.heights.get_mut(i)
            && (*old - h).abs() > 0.5
        {
            *old = h;
            changed = true;
        }
    }
    if changed {
        // Not shown: the pass is done again with the heights the rows took (and, should egui
        // decline another pass, the next frame is).
        ui.ctx().request_discard("list rows took another height");
        ui.ctx().request_repaint();
    }
}

/// Room below a row's content, in points.
const ROW_PAD: f32 = 6.0;

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
            aliases: Vec::new(),
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
        let mut state = ListState {
            search: "세종".into(),
            ..Default::default()
        };
        assert_eq!(state.shown_ids(&rows), ["sejong"]);
    }

    #[test]
    fn sorting_by_name_descending_reverses_the_order() {
        let store = Store {
            places: vec![place("a", "Aarhus", None), place("b", "Busan", None)],
            ..Store::default()
        };
        let rows = rows(&store);
        let mut state = ListState {
            sort: SortBy::Name,
            ..Default::default()
        };
        assert_eq!(state.shown_ids(&rows), ["a", "b"]);
        state.descending = true;
        assert_eq!(state.shown_ids(&rows), ["b", "a"]);
    }

    #[test]
    fn the_users_notes_are_searched_when_the_notebook_is_given() {
        use crate::notes::{NoteDraft, NoteTarget, TargetKind, Timestamp};
        let store = Store {
            places: vec![place("a", "Aarhus", None), place("b", "Busan", None)],
            ..Store::default()
        };
        let rows = rows(&store);
        let mut book = Notebook::new();
        let _ = book.add(
            NoteDraft {
                target: Some(NoteTarget::new(TargetKind::Place, "b")),
                title: "Harbour visit".into(),
                body: String::new(),
                tags: Vec::new(),
                author: String::new(),
            },
            Timestamp::now(),
        );
        let mut state = ListState {
            search: "harbour".into(),
            ..Default::default()
        };
        state.sync_notes(Some(&book));
        assert_eq!(state.shown_ids(&rows), ["b"]);
        state.sync_notes(None);
        assert!(state.shown_ids(&rows).is_empty());
    }
}
