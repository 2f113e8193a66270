//! Undo and redo of every change a user makes to data: the notes and the store.
//!
//! A change is kept as the states before and after it of what it touched: the notes it
//! changed (by id), or the whole store (stores are small; a snapshot is simple and exact).
//! Undo puts the "before" back through the same path as any other change, so an undone change
//! is saved like any other. Typing in one note is one entry per burst of typing, not one per
//! key. The history is bounded.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::model::Store;
use crate::notes::{Note, NoteId};

/// At most this many changes can be undone.
pub const LIMIT: usize = 100;

/// Edits of the same note closer together than this are one undo step.
const COALESCE: Duration = Duration::from_millis(1500);

/// The notes a change touched, each as it was (or `None`: it did not exist).
pub type NoteStates = Vec<(NoteId, Option<Note>)>;

/// What a change did.
#[derive(Clone, Debug)]
pub enum Change {
    /// Notes changed: their states before and after.
    Notes {
        /// Before the change.
        before: NoteStates,
        /// After the change.
        after: NoteStates,
    },
    /// The store changed: the whole store before and after, with its save generation.
    Store {
        /// Before the change.
        before: Arc<Store>,
        /// After the change.
        after: Arc<Store>,
        /// The store generation before (see [`crate::app`]'s unsaved tracking).
        before_generation: u64,
        /// The store generation after.
        after_generation: u64,
    },
}

/// One undoable step.
#[derive(Clone, Debug)]
pub struct Entry {
    /// What the menu says: "delete note 'Sejong prep'".
    pub label: String,
    /// What it did.
    pub change: Change,
    /// A note being typed in: later edits of it within [`COALESCE`] join this entry.
    typing: Option<NoteId>,
    at: Instant,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Entry>,
    redo: Vec<Entry>,
}

impl History {
    /// Records a change; clears what could be redone.
    pub fn push(&mut self, label: impl Into<String>, change: Change) {
        self.push_entry(Entry {
            label: label.into(),
            change,
            typing: None,
            at: Instant::now(),
        });
    }

    /// Records an edit of a note; joins the previous entry when it was an edit of the same
    /// note a moment ago (one undo step per burst of typing).
    pub fn push_edit(&mut self, id: &NoteId, label: impl Into<String>, change: Change) {
        let now = Instant::now();
        if let Some(last) = self.undo.back_mut()
            && last.typing.as_ref() == Some(id)
            && now.duration_since(last.at) < COALESCE
            && let (
                Change::Notes { after, .. },
                Change::Notes {
                    after: new_after, ..
                },
            ) = (&mut last.change, &change)
        {
            *after = new_after.clone();
            last.at = now;
            self.redo.clear();
            return;
        }
        self.push_entry(Entry {
            label: label.into(),
            change,
            typing: Some(id.clone()),
            at: now,
        });
    }

    fn push_entry(&mut self, entry: Entry) {
        self.redo.clear();
        self.undo.push_back(entry);
        while self.undo.len() > LIMIT {
            self.undo.pop_front();
        }
    }

    /// Ends the current burst of typing: the next edit is a step of its own.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.back_mut() {
            last.typing = None;
        }
    }

    /// Takes the change to undo; the caller applies its "before" and gives it back with
    /// [`History::undone`].
    pub fn take_undo(&mut self) -> Option<Entry> {
        self.undo.pop_back()
    }

    /// Puts an undone change on the redo stack.
    pub fn undone(&mut self, mut entry: Entry) {
        entry.typing = None;
        self.redo.push(entry);
    }

    /// Takes the change to redo; the caller applies its "after" and gives it back with
    /// [`History::redone`].
    pub fn take_redo(&mut self) -> Option<Entry> {
        self.redo.pop()
    }

    /// Puts a redone change back on the undo stack (keeps what else can be redone).
    pub fn redone(&mut self, entry: Entry) {
        self.undo.push_back(entry);
    }

    /// Drops the store changes (another store was opened: they no longer apply to it). The
    /// notes changes stay undoable.
    pub fn forget_store_changes(&mut self) {
        let is_notes = |e: &Entry| matches!(e.change, Change::Notes { .. });
        self.undo.retain(is_notes);
        self.redo.retain(is_notes);
    }

    /// What "Undo" would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|e| e.label.as_str())
    }

    /// What "Redo" would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// How many changes can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes_change(tag: &str) -> Change {
        Change::Notes {
            before: vec![(NoteId::new(format!("{tag}-before")), None)],
            after: vec![(NoteId::new(format!("{tag}-after")), None)],
        }
    }

    #[test]
    fn typing_in_one_note_is_one_undo_step_until_sealed() {
        let mut h = History::default();
        let id = NoteId::new("n1");
        h.push_edit(&id, "edit note", notes_change("a"));
        h.push_edit(&id, "edit note", notes_change("b"));
        assert_eq!(h.undo_len(), 1);
        h.seal();
        h.push_edit(&id, "edit note", notes_change("c"));
        assert_eq!(h.undo_len(), 2);
        let Change::Notes { after, .. } = h.take_undo().expect("entry").change else {
            panic!("a notes change");
        };
        assert_eq!(after[0].0.as_str(), "c-after");
    }

    #[test]
    fn a_new_change_clears_redo_and_history_is_bounded() {
        let mut h = History::default();
        for i in 0..LIMIT + 5 {
            h.push(format!("change {i}"), notes_change("x"));
        }
        assert_eq!(h.undo_len(), LIMIT);
        let e = h.take_undo().expect("entry");
        h.undone(e);
        assert_eq!(h.redo_label(), Some("change 104"));
        h.push("another", notes_change("y"));
        assert_eq!(h.redo_label(), None);
        assert_eq!(h.undo_label(), Some("another"));
    }
}
