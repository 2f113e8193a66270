//! The browse list: every record of the store in one searchable, sortable table (English and
//! Hangul), with Status and Year columns, filter chips, and under each hit the field it
//! matched with the match marked. The search itself is [`crate::analysis::search`].

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Command, ViewCtx};
use crate::analysis::search::{self, Doc, Filters, Index, Kind, Query, Searcher, UserNotes};
use crate::model::Status;
use crate::notes::Notebook;

pub use crate::analysis::search::SortBy;

mod chips;
mod rows;
mod table;

pub use rows::{Rows, WORKER_THRESHOLD, thousands};

use chips::{chips, search_box};
use table::{Heights, table};

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
    pub fn shown_ids(&mut self, rows: &Index) -> Vec<String> {
        let notes = self.notes.take().unwrap_or_default();
        let ids = self
            .hits(rows, &notes)
            .iter()
            .map(|h| rows[h.doc].id.clone())
            .collect();
        self.notes = Some(notes);
        ids
    }

    fn hits(&mut self, rows: &Index, notes: &UserNotes) -> &[search::Hit] {
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

/// Builds the rows of every record (the search index) on this thread; [`Rows::build`] builds
/// a large store's on a worker.
pub fn rows(store: &crate::model::Store) -> Index {
    search::index(store)
}

/// Draws the list in a left panel, searching the store only (not the user's notes).
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &mut Rows,
    state: &mut ListState,
    max_width: f32,
) -> Vec<Command> {
    show_with_notes(ui, ctx, rows, state, None, max_width)
}

/// Draws the list in a left panel; the search also looks in the user's notes in `book`.
pub fn show_with_notes(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &mut Rows,
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
                let Some(rows) = rows.poll() else {
                    rows.show_progress(ui);
                    return;
                };
                chips(ui, rows, state);
                let notes = state.notes.take().unwrap_or_default();
                let query = Query::parse(&state.search);
                let shown = state.searcher.search_shared(
                    rows,
                    &query,
                    &state.filters,
                    &notes,
                    state.sort,
                    state.descending,
                );
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
