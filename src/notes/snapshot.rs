//! [`NotesSnapshot`]: the notes as they stood when a save was asked for, sharing each note
//! with the notebook instead of copying it, so that asking for a save costs the UI thread a
//! pointer per note; the saver thread turns it into a [`NotesFile`] to write.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::ancestry::NoteVersion;
use super::model::{Note, NoteId, NotesFile};

/// Every note, sorted by id, and the exchange record, at one moment.
///
/// Notes are immutable once in a notebook (a change stores a new note), so a snapshot can
/// share them: later edits never show through it. [`NotesSnapshot::to_file`] gives exactly
/// the file [`super::Notebook::to_file`] gave at that moment.
#[derive(Clone, Debug, Default)]
pub struct NotesSnapshot {
    notes: Vec<Arc<Note>>,
    exchanged: Arc<BTreeMap<NoteId, NoteVersion>>,
}

impl NotesSnapshot {
    /// A snapshot of `notes` (sorted by id, as a notebook holds them) and the exchange record.
    pub(super) fn new(
        notes: Vec<Arc<Note>>,
        exchanged: Arc<BTreeMap<NoteId, NoteVersion>>,
    ) -> Self {
        Self { notes, exchanged }
    }

    /// The number of notes, including tombstones.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether the snapshot holds no notes at all.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Every note, including tombstones, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().map(Arc::as_ref)
    }

    /// The notes as a file to save (this copies every note: call it off the UI thread).
    pub fn to_file(&self) -> NotesFile {
        NotesFile {
            exchanged: BTreeMap::clone(&self.exchanged),
            ..NotesFile::new(self.notes.iter().map(|n| Note::clone(n)).collect())
        }
    }
}

impl From<NotesFile> for NotesSnapshot {
    /// A snapshot of a file's notes, in the file's format (sorted by id, as
    /// [`NotesFile::new`] would sort them).
    fn from(file: NotesFile) -> Self {
        let file = NotesFile {
            exchanged: file.exchanged,
            ..NotesFile::new(file.notes)
        };
        Self {
            notes: file.notes.into_iter().map(Arc::new).collect(),
            exchanged: Arc::new(file.exchanged),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::book::Notebook;
    use crate::notes::model::NoteDraft;
    use crate::notes::persist::to_ron;
    use crate::notes::time::Timestamp;

    fn draft(title: &str, body: &str) -> NoteDraft {
        NoteDraft {
            title: title.into(),
            body: body.into(),
            author: "Lee".into(),
            ..NoteDraft::default()
        }
    }

    #[test]
    fn a_snapshot_saves_the_same_bytes_as_the_notebook_file() {
        let mut book = Notebook::new();
        let a = book.add(draft("A", "first\nsecond"), Timestamp(1));
        book.add(draft("B", "세종 office"), Timestamp(2));
        let _ = book.delete(&a, Timestamp(3));
        let from_book = to_ron(&book.to_file()).expect("RON");
        let from_snapshot = to_ron(&book.snapshot().to_file()).expect("RON");
        assert_eq!(from_snapshot, from_book);
    }

    #[test]
    fn edits_after_a_snapshot_do_not_show_through_it() {
        let mut book = Notebook::new();
        let id = book.add(draft("A", "before"), Timestamp(1));
        let before = book.to_file();
        let snapshot = book.snapshot();
        let _ = book.update(&id, draft("A", "after"), Timestamp(2));
        book.add(draft("B", "new"), Timestamp(3));
        assert_eq!(snapshot.to_file(), before);
        assert_eq!(snapshot.len(), 1);
        assert_ne!(book.to_file(), before);
    }

    #[test]
    fn a_snapshot_of_a_file_sorts_it_like_a_notes_file() {
        use crate::notes::model::tests::note;
        let file = NotesFile {
            format_version: 1,
            notes: vec![note("b", "", ""), note("a", "", "")],
            exchanged: BTreeMap::new(),
        };
        let snapshot = NotesSnapshot::from(file.clone());
        assert_eq!(snapshot.to_file(), file.normalised());
    }
}
