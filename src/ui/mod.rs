//! The egui front end: one module per panel or view. Views read state through a [`ViewCtx`]
//! and return [`Command`]s; only [`crate::app`] changes the store, the selection and the notes.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::Store;

pub mod theme;

/// The central views, in tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// Who is paired with whom: map, schematic and force layouts.
    #[default]
    Network,
    /// R&D spending, patent shares, findings and policy budgets.
    Charts,
    /// The user's notes.
    Notes,
    /// Programmes, the store's make-up and its sources.
    Overview,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [View::Network, View::Charts, View::Notes, View::Overview];

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Network => "Network",
            View::Charts => "Charts",
            View::Notes => "Notes",
            View::Overview => "Overview",
        }
    }
}

/// What a view may read each frame: borrowed, never owned.
pub struct ViewCtx<'a> {
    /// The open store.
    pub store: &'a Store,
    /// The id of the selected record, if any.
    pub selected: Option<&'a str>,
    /// Ids of records that have at least one note (views show a marker on them).
    pub noted: &'a BTreeSet<String>,
    /// Show Hangul names where a record has one.
    pub hangul: bool,
}

/// A change a view asks for; applied by the app at the end of the frame.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a record by id (shows it in the details panel).
    Select(String),
    /// Set the as-of year shared by the network's year filter and the timeline's cursor.
    SetAsOfYear(Option<i32>),
    /// Clear the selection.
    ClearSelection,
    /// Start a new note on a record (opens the note editor).
    NewNote(Option<String>),
    /// Show a message in the status bar.
    Status(String),
    /// Open the store at a path (a `.ron` file or a folder of them).
    OpenStore(std::path::PathBuf),
    /// Ask the user for a store file with the system dialog, then open it.
    OpenStoreDialog,
    /// Read the open store again from where it came from.
    ReloadStore,
    /// Switch the central view.
    ShowView(View),
    /// Show or hide the problems panel.
    ToggleProblems,
    /// Something to do with the notes.
    Notes(notes::NoteCommand),
}
pub mod charts;
pub mod command;
pub mod details;
pub mod list;
pub mod network;
pub mod notes;
pub mod overview;
pub mod problems;
pub mod status_bar;
pub mod timeline;
pub mod top_bar;
