//! The Notes view: every note with full-text search (English and Hangul), tag and kind filters
//! and sorting on the left; the selected note's editor with a rendered Markdown preview on the
//! right. Also the notes section of the details panel.

pub mod conflict;
mod editor;
mod list;
mod section;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use editor::Editor;
pub use section::show_for_item;

use crate::notes::{NoteDraft, NoteId, NoteScope, NoteSort, TargetKind};

/// What the notes UI asks the app to do with the notes.
#[derive(Clone, Debug, PartialEq)]
pub enum NoteCommand {
    /// Create a note (on a record, or a free note) and open it in the editor.
    New(Option<String>),
    /// Open a note in the editor (switches to the Notes view).
    Open(NoteId),
    /// Replace a note's editable fields.
    Update(NoteId, NoteDraft),
    /// Move a note to the trash (undoable).
    Delete(NoteId),
    /// Bring a note back from the trash.
    Undelete(NoteId),
    /// Resolve a conflict copy: keep its text in the original note and trash the copy.
    KeepConflictVersion {
        /// The conflict copy.
        copy: NoteId,
        /// The note it is a version of.
        original: NoteId,
    },
    /// Resolve a conflict as the user chose (mine, theirs, or both texts); both versions are
    /// recorded as parents so the next exchange merges cleanly.
    ResolveConflict {
        /// The conflict copy.
        copy: NoteId,
        /// The note it is a version of.
        original: NoteId,
        /// What to keep.
        resolution: crate::notes::Resolution,
    },
    /// Save now (Ctrl+S).
    SaveNow,
    /// Export the given notes (all live notes when empty) to a file.
    Export {
        /// Where to write.
        path: PathBuf,
        /// Markdown for a report instead of a notes file for a colleague.
        markdown: bool,
        /// Only notes about this record.
        target: Option<String>,
    },
    /// Ask for a path with the system dialog, then export.
    ExportDialog {
        /// Markdown instead of a notes file.
        markdown: bool,
        /// Only notes about this record.
        target: Option<String>,
    },
    /// Merge a colleague's notes file.
    Import(PathBuf),
    /// Ask for a file with the system dialog, then import.
    ImportDialog,
    /// Open the backup of an unreadable notes file.
    RecoverBackup,
    /// Set an unreadable notes file aside and start a new one.
    StartFresh,
}

/// The Notes view's remembered settings.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NotesView {
    /// The search text.
    pub search: String,
    /// Only notes with this tag.
    pub tag: Option<String>,
    /// Only notes about records of this kind; `Some(None)` is not used — free notes are
    /// found with [`NotesView::free_only`].
    pub kind: Option<TargetKind>,
    /// Only free notes (no target).
    pub free_only: bool,
    /// Live notes or the trash.
    pub scope: NoteScope,
    /// Order of the list.
    pub sort: NoteSort,
    /// Show the rendered Markdown beside the text.
    pub preview: bool,
    /// The note open in the editor.
    #[serde(skip)]
    pub open: Option<Editor>,
}

impl NotesView {
    /// Draws the Notes view: the list on the left, the open note on the right.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        book: &crate::notes::Notebook,
        store: &crate::model::Store,
        status: &str,
    ) -> Vec<crate::ui::Command> {
        let mut commands = Vec::new();
        egui::Panel::left("notes_list_panel")
            .resizable(true)
            .default_size(270.0)
            .min_size(220.0)
            .show(ui, |ui| list::show(ui, self, book, store, &mut commands));
        let Self { open, preview, .. } = self;
        egui::CentralPanel::default().show(ui, |ui| match open {
            Some(editor) => editor.show(ui, book, store, preview, status, &mut commands),
            None => {
                ui.add_space(20.0);
                ui.vertical_centered(|ui| {
                    ui.weak("Select a note on the left, or write a new one.");
                    ui.weak(status);
                });
            }
        });
        commands
    }
}
