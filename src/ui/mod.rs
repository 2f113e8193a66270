//! The egui front end: one module per panel or view. Views read state through a [`ViewCtx`]
//! and return [`Command`]s; only the App changes the store, the selection and the notes.

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
    /// Programmes as lanes over the years: milestones, agreements, periods.
    Timeline,
    /// R&D spending, patent shares, findings and policy budgets.
    Charts,
    /// The user's notes.
    Notes,
    /// Programmes, the store's make-up and its sources.
    Overview,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 5] = [
        View::Network,
        View::Timeline,
        View::Charts,
        View::Notes,
        View::Overview,
    ];

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Network => "Network",
            View::Timeline => "Timeline",
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

/// A change a view asks for; applied by the app at the end of the frame. Views never change
/// the store, the notes, the selection or the settings themselves, and never touch the disk:
/// they return one of these.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command of the table in [`command`]: menus, buttons and shortcuts.
    Ui(UiCommand),
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
    /// Switch the central view.
    ShowView(View),
    /// Show or hide the problems panel.
    ToggleProblems,
    /// Something to do with the notes.
    Notes(notes::NoteCommand),
    /// Ask for a path (the system dialog, or a path field where it cannot open), then do the
    /// file action with it.
    AskPath(FileAction),
    /// Do a file action with this path.
    FileAt(FileAction, std::path::PathBuf),
    /// Write bytes a view made (a chart screenshot) to a file, atomically.
    WriteFile {
        /// Where to write.
        path: std::path::PathBuf,
        /// What to write.
        bytes: Vec<u8>,
        /// What it is, for the message ("the chart as PNG").
        what: String,
    },
    /// Crop, encode and write a chart screenshot as PNG, on a worker thread (the status bar
    /// shows the progress and then the result).
    SaveChartPng(Box<charts::export::ChartPng>),
    /// Replace the open store with one a view built from it (an applied CSV import): an
    /// undoable change that marks the store unsaved.
    ReplaceStore {
        /// The new store.
        store: Box<Store>,
        /// What changed, for the message and the undo menu ("import 12 figures").
        label: String,
    },
    /// Change a setting.
    Set(Setting),
    /// Change the store: add, change or delete a record, add a milestone (one undo step,
    /// refused with the validator's words when the store would not be valid).
    EditStore(Box<edit::StoreEdit>),
    /// Open or close a form in the details panel.
    EditForm(edit::FormRequest),
}

/// A setting a view or the top bar changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Setting {
    /// Show Hangul names.
    Hangul(bool),
    /// Show the browse list.
    ShowList(bool),
    /// Show the details panel.
    ShowDetails(bool),
    /// The name written on new notes.
    Author(String),
    /// Light, dark, or as the system says.
    Theme(ThemeChoice),
    /// How large text and pictures are (1.0 = normal).
    Scale(f32),
    /// The first-run hint was read.
    HintSeen,
}

/// The colour theme the user chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The menu words.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// egui's preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

pub mod bounded;
pub mod charts;
pub mod command;
pub mod details;
pub mod dialogs;
pub mod edit;
pub mod list;
pub mod network;
pub mod notes;
pub mod overview;
pub mod problems;
pub mod status_bar;
pub mod timeline;
pub mod top_bar;

pub use command::{FileAction, UiCommand};
