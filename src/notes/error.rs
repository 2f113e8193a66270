//! The one error type of the notes module. Messages say what happened and what to do next,
//! with the path last.

use std::io;
use std::path::{Path, PathBuf};

use super::model::NoteId;

/// Everything that can go wrong while reading, saving, merging or exporting notes.
///
/// Whenever a file could not be read or understood, it has been left exactly as it was.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    /// The operating system did not say where application data lives.
    #[error("could not find a folder for application data (is HOME set?); pass --notes PATH")]
    NoDataDir,

    /// A file that must exist (a colleague's export, a backup) does not.
    #[error("there is no file here: {}", path.display())]
    NotFound {
        /// The missing file.
        path: PathBuf,
    },

    /// The notes file is missing although its backup exists: it may have been deleted by
    /// accident, so the app asks before starting with an empty notebook.
    #[error(
        "the notes file is missing but its backup {} exists; restore the backup or start fresh: {}",
        backup.display(),
        path.display()
    )]
    MissingWithBackup {
        /// The missing notes file.
        path: PathBuf,
        /// Its backup.
        backup: PathBuf,
    },

    /// A file or folder could not be read.
    #[error("could not read the file ({source}): {}", path.display())]
    Read {
        /// What could not be read.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },

    /// A file or folder could not be written; the previous notes file is intact.
    #[error(
        "could not save ({source}); your notes are kept in memory and the previous file is intact: {}",
        path.display()
    )]
    Write {
        /// What could not be written.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },

    /// The file is not valid notes RON.
    #[error(
        "the notes file is damaged at line {line}, column {column}: {message}. It was left untouched; \
         fix it in a text editor or open its backup (.bak): {}",
        path.display()
    )]
    Parse {
        /// The damaged file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser expected.
        message: String,
    },

    /// The file declares a format version this build cannot read (usually: a newer app wrote it).
    #[error(
        "the notes file has format version {found} but this version of Partnership Atlas reads \
         version {supported}. It was left untouched; if a newer version wrote it, update the app: {}",
        path.display()
    )]
    UnsupportedVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The version this build reads and writes.
        supported: u32,
    },

    /// Two notes in one file share an id, so merging could not tell them apart.
    #[error("two notes share the id {id:?}; the file was left untouched, fix it in a text editor: {}", path.display())]
    DuplicateId {
        /// The file.
        path: PathBuf,
        /// The repeated id.
        id: String,
    },

    /// The file is over one of the size limits of [`super::limits`] (so a file from a colleague
    /// cannot freeze or exhaust the app).
    #[error("{what}. It was left untouched; shorten or split it in a text editor: {}", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Which limit, and by how much.
        what: String,
    },

    /// A note in memory is over one of the size limits, so it is not written (the notes file
    /// would not read back); the notes stay in memory.
    #[error("{0}; shorten it so the notes can be saved (they are kept in memory until then)")]
    NoteTooLarge(String),

    /// The notes could not be turned into RON text (a bug; nothing was written).
    #[error("could not write the notes as RON: {0}")]
    Serialize(String),

    /// Another program kept the notes file locked for several seconds.
    #[error("another program is saving the notes file; will try again: {}", path.display())]
    Locked {
        /// The notes file.
        path: PathBuf,
    },

    /// An edit named a note that is not in the notebook.
    #[error("there is no note with id {0}")]
    UnknownNote(NoteId),

    /// A conflict resolution named a note that is not a conflict copy of the other.
    #[error("note {copy} is not a conflicting copy of note {original}; nothing was changed")]
    NotAConflictCopy {
        /// The note given as the copy.
        copy: NoteId,
        /// The note given as the original.
        original: NoteId,
    },

    /// An export was asked to overwrite the notes file itself.
    #[error("refusing to export over the notes file itself; choose another file: {}", path.display())]
    ExportOverNotes {
        /// The notes file.
        path: PathBuf,
    },

    /// The background saver thread could not be started.
    #[error("could not start the background saver: {0}")]
    SaverThread(#[source] io::Error),
}

impl NotesError {
    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::NotFound { path }
            | Self::MissingWithBackup { path, .. }
            | Self::Read { path, .. }
            | Self::Write { path, .. }
            | Self::Parse { path, .. }
            | Self::UnsupportedVersion { path, .. }
            | Self::DuplicateId { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Locked { path }
            | Self::ExportOverNotes { path } => Some(path),
            Self::NoDataDir
            | Self::Serialize(_)
            | Self::NoteTooLarge(_)
            | Self::UnknownNote(_)
            | Self::NotAConflictCopy { .. }
            | Self::SaverThread(_) => None,
        }
    }

    /// Whether the notes file exists but cannot be used as it is, so the app should offer to
    /// open its backup ([`super::DiskState::recover_from_backup`]) or to start fresh.
    pub fn offers_recovery(&self) -> bool {
        matches!(
            self,
            Self::Parse { .. }
                | Self::UnsupportedVersion { .. }
                | Self::DuplicateId { .. }
                | Self::TooLarge { .. }
                | Self::MissingWithBackup { .. }
        )
    }
}
