//! Recording changes for undo, and undoing and redoing them (see [`super::history`]).

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::model::Store;
use crate::notes::{NoteId, Notebook};

use super::AtlasApp;
use super::history::{Change, NoteStates};

impl AtlasApp {
    /// The current states of some notes.
    pub(crate) fn note_states(&self, ids: &[NoteId]) -> NoteStates {
        ids.iter()
            .map(|id| (id.clone(), self.notes.book.get(id).cloned()))
            .collect()
    }

    /// Records a change of the notes `before` names (their states before it); does nothing
    /// when nothing changed.
    pub(crate) fn record_notes(&mut self, label: String, before: NoteStates) {
        let ids: Vec<NoteId> = before.iter().map(|(id, _)| id.clone()).collect();
        let after = self.note_states(&ids);
        if after == before {
            return;
        }
        self.history.push(label, Change::Notes { before, after });
    }

    /// Records an edit of one note, joined with the edits just before it (one step per burst
    /// of typing).
    pub(crate) fn record_edit(&mut self, id: &NoteId, before: NoteStates) {
        let after = self.note_states(std::slice::from_ref(id));
        if after == before {
            return;
        }
        let title = after
            .first()
            .and_then(|(_, n)| n.as_ref())
            .map(|n| n.display_title().to_owned())
            .unwrap_or_default();
        self.history.push_edit(
            id,
            format!("edit note “{title}”"),
            Change::Notes { before, after },
        );
    }

    /// Records every difference between the notebook `before` and now (a merge).
    pub(crate) fn record_notes_diff(&mut self, before: &Notebook, label: String) {
        let ids: BTreeSet<NoteId> = before
            .iter()
            .map(|n| n.id.clone())
            .chain(self.notes.book.iter().map(|n| n.id.clone()))
            .collect();
        let changed: Vec<NoteId> = ids
            .into_iter()
            .filter(|id| before.get(id) != self.notes.book.get(id))
            .collect();
        if changed.is_empty() {
            return;
        }
        let before_states = changed
            .iter()
            .map(|id| (id.clone(), before.get(id).cloned()))
            .collect();
        let after = self.note_states(&changed);
        self.history.push(
            label,
            Change::Notes {
                before: before_states,
                after,
            },
        );
    }

    /// Replaces the open store with a changed one: an undoable change that marks the store
    /// unsaved.
    pub(crate) fn replace_store(&mut self, store: Store, label: String) {
        let after = Arc::new(store);
        let before = std::mem::replace(&mut self.loaded.store, Arc::clone(&after));
        let before_generation = self.store_generation;
        self.next_generation += 1;
        self.store_generation = self.next_generation;
        self.history.push(
            label,
            Change::Store {
                before,
                after,
                before_generation,
                after_generation: self.store_generation,
            },
        );
        self.rebuild();
    }

    /// Undoes the last change, if any.
    pub(crate) fn undo(&mut self) {
        let Some(entry) = self.history.take_undo() else {
            self.status = "Nothing to undo.".to_owned();
            return;
        };
        match &entry.change {
            Change::Notes { before, .. } => self.put_notes(before),
            Change::Store {
                before,
                before_generation,
                ..
            } => self.put_store(before, *before_generation),
        }
        self.status = format!("Undid {}.", entry.label);
        self.history.undone(entry);
    }

    /// Redoes the last undone change, if any.
    pub(crate) fn redo(&mut self) {
        let Some(entry) = self.history.take_redo() else {
            self.status = "Nothing to redo.".to_owned();
            return;
        };
        match &entry.change {
            Change::Notes { after, .. } => self.put_notes(after),
            Change::Store {
                after,
                after_generation,
                ..
            } => self.put_store(after, *after_generation),
        }
        self.status = format!("Redid {}.", entry.label);
        self.history.redone(entry);
    }

    fn put_notes(&mut self, states: &NoteStates) {
        for (id, state) in states {
            self.notes.book.set_note(id, state.clone());
        }
        // The editor shows the note as it is now.
        if let Some(open) = &self.settings.notes.open {
            let id = open.id.clone();
            match self.notes.book.get(&id) {
                Some(note) if note.is_live() => {
                    self.settings.notes.open = Some(crate::ui::notes::Editor::new(note));
                }
                _ => self.settings.notes.open = None,
            }
        }
    }

    fn put_store(&mut self, store: &Arc<Store>, generation: u64) {
        self.loaded.store = Arc::clone(store);
        self.store_generation = generation;
        self.rebuild();
    }

    /// Whether the open store has changes that are not saved.
    pub fn store_unsaved(&self) -> bool {
        self.store_generation != self.saved_generation
    }
}
