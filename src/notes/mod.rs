//! The user's notes: model, search, persistence, merge, background saving and export.
//! Separate from the data store, and never touched by egui.
//!
//! # Guarantees
//!
//! - **Nothing is dropped.** Deleting sets a tombstone ([`Note::deleted`]); merges never
//!   remove a note, and when both sides changed a note differently both versions are kept
//!   (the other as a copy with [`Note::conflict_of`] set).
//! - **Saves are atomic.** The file is written to `notes.ron.tmp-<pid>`, flushed, the
//!   previous file kept as `notes.ron.bak`, then renamed into place and the folder flushed:
//!   a crash leaves the old file or the new one, never a mix.
//! - **Other writers are merged, not overwritten.** Each save compares the file's
//!   fingerprint with what this process last read or wrote and three-way merges any change
//!   ([`DiskState::save`]); instances of the app also take `notes.ron.lock` while saving.
//! - **A file that cannot be read is never overwritten.** Damaged files, files from a newer
//!   format and files with repeated ids give a typed [`NotesError`] naming the file (and
//!   line:column); only [`DiskState`] saves, and it only comes from a successful read or an
//!   explicit recovery ([`DiskState::recover_from_backup`], [`DiskState::start_fresh`])
//!   that renames the unusable file aside rather than deleting it.
//! - **Failed saves are retried, never forgotten.** [`Saver`] keeps the latest snapshot in
//!   memory and retries with back-off until the disk accepts it.
//! - **Deterministic files.** Notes are saved sorted by id, fields one per line, multi-line
//!   text kept readable, so files diff cleanly in git.
//!
//! # Using it from the app
//!
//! ```no_run
//! use std::time::Duration;
//! use partnership_atlas::notes::{DiskState, Notebook, SaveOutcome, Saver, SaverOptions, default_notes_path};
//!
//! # fn main() -> Result<(), partnership_atlas::notes::NotesError> {
//! // Start-up (the CLI's `--notes PATH` replaces the default path).
//! let disk = DiskState::open(&default_notes_path()?)?; // on error: show it; offer recovery
//! let mut book = Notebook::from_file(disk.notes());
//! let saver = Saver::spawn(disk, SaverOptions::default(), None)?; // pass a repaint callback
//! let mut saved_revision = book.revision();
//!
//! // Each frame, after applying the frame's commands to `book`:
//! if book.revision() != saved_revision {
//!     saver.request_save(book.snapshot()); // shares the notes: no copy on the UI thread
//!     saved_revision = book.revision();
//! }
//! while let Some(outcome) = saver.poll() {
//!     match outcome {
//!         SaveOutcome::Saved { merge: Some(merge), .. } => {
//!             let _report = book.adopt(&merge); // show "2 notes changed on disk"
//!         }
//!         SaveOutcome::Saved { .. } => {}
//!         SaveOutcome::Failed { error, .. } => { /* show `error` until the next Saved */ }
//!     }
//! }
//!
//! // On exit:
//! saver.request_save(book.to_file());
//! if saver.flush_blocking(Duration::from_secs(5)).is_err() {
//!     let _ = partnership_atlas::notes::save_rescue_copy(&book.to_file(), None);
//! }
//! # Ok(()) }
//! ```

mod ancestry;
mod book;
pub mod cli;
mod defuse;
mod diff;
mod error;
mod export;
mod hash;
pub mod limits;
mod merge;
mod model;
mod persist;
mod query;
mod report;
mod resolve;
mod saver;
mod snapshot;
mod sync;
mod time;

pub use ancestry::{ANCESTRY_LIMIT, NoteVersion};
pub use book::Notebook;
pub use defuse::{allowed_link, defuse_markdown, preview_markdown};
pub use diff::{DiffRow, LineChange, keep_both, line_diff};
pub use error::NotesError;
pub use export::{exchange_file, export_file, export_markdown};
pub use merge::{
    ConflictKind, MergeConflict, MergeEntry, MergeReport, Merged, merge_import, merge3,
};
pub use model::{
    CONFLICT_SUFFIX, NOTES_FORMAT_VERSION, Note, NoteDraft, NoteId, NoteTarget, NotesFile,
    OLDEST_READABLE_VERSION, TargetKind, normalise_tag, normalise_tags,
};
pub use persist::{
    Fingerprint, NOTES_FILE_NAME, PreparedWrite, backup_path, default_notes_path, load_notes,
    parse_notes, prepare_write, read_notes, save_rescue_copy, to_ron, write_atomic,
};
pub use query::{NoteQuery, NoteScope, NoteSort, fold_for_search, sort_notes};
pub use resolve::Resolution;
pub use saver::{ExternalMerge, FlushError, SaveOutcome, Saver, SaverOptions};
pub use snapshot::NotesSnapshot;
pub use sync::{DiskState, SaveReport};
pub use time::{CivilTime, Timestamp};
