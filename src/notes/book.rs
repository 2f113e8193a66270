//! [`Notebook`]: the notes in memory, and the only place that changes them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::ancestry::{NoteVersion, join, push_parent};
use super::error::NotesError;
use super::merge::{self, MergeReport};
use super::model::{Note, NoteDraft, NoteId, NoteTarget, NotesFile, normalise_tags};
use super::query::{NoteQuery, NoteSort, sort_notes};
use super::saver::ExternalMerge;
use super::snapshot::NotesSnapshot;
use super::time::Timestamp;

/// Every note, including tombstones, by id.
///
/// Changes go through [`Notebook::add`], [`Notebook::update`], [`Notebook::delete`],
/// [`Notebook::undelete`], [`Notebook::set_note`], [`Notebook::resolve_conflict`],
/// [`Notebook::adopt`], [`Notebook::merge_import`] and [`Notebook::mark_sent`]; each bumps
/// [`Notebook::revision`] when it changes something, so the app knows when to save.
///
/// The notebook also keeps each note's ancestry: the first local change after a note was
/// loaded, sent or received records the version it replaced, so a colleague holding that
/// version can later tell that this one grew from it. Later changes (every keystroke of
/// the same editing session) record nothing more, because no one else can hold them.
///
/// Each note is held behind an [`Arc`] and never changed in place (a change stores a new
/// note), so [`Notebook::snapshot`] shares the notes with the saver instead of copying them.
#[derive(Clone, Debug, Default)]
pub struct Notebook {
    notes: BTreeMap<NoteId, Arc<Note>>,
    /// Per note, the version last sent to or received from another file (shared with
    /// snapshots; copied on the rare change while one holds it).
    exchanged: Arc<BTreeMap<NoteId, NoteVersion>>,
    /// Notes changed here since they were last loaded, sent or received: their current
    /// version exists only here, so replacing it adds nothing to the ancestry.
    drafting: BTreeSet<NoteId>,
    revision: u64,
}

impl Notebook {
    /// An empty notebook.
    pub fn new() -> Self {
        Self::default()
    }

    /// A notebook holding the notes of a file. Nothing is dropped: a repeated id (which a
    /// loaded file never has) is kept under a derived id.
    pub fn from_file(file: &NotesFile) -> Self {
        Self {
            notes: shared(merge::index(&file.notes)),
            exchanged: Arc::new(file.exchanged.clone()),
            drafting: BTreeSet::new(),
            revision: 0,
        }
    }

    /// Every note, sorted by id, with the exchange record, as a file to save. (For a
    /// colleague, use [`super::exchange_file`], which leaves out the record and the
    /// tombstones of notes no one else had.)
    pub fn to_file(&self) -> NotesFile {
        NotesFile {
            exchanged: BTreeMap::clone(&self.exchanged),
            ..NotesFile::new(self.iter().cloned().collect())
        }
    }

    /// The notes as they stand now, for the background saver: shares every note instead of
    /// copying it (a pointer per note), and gives the same file as [`Notebook::to_file`]
    /// through [`NotesSnapshot::to_file`], which the saver calls on its own thread.
    pub fn snapshot(&self) -> NotesSnapshot {
        NotesSnapshot::new(
            self.notes.values().cloned().collect(),
            Arc::clone(&self.exchanged),
        )
    }

    /// The version of a note last sent to or received from another file, if any.
    pub fn exchanged(&self, id: &NoteId) -> Option<NoteVersion> {
        self.exchanged.get(id).copied()
    }

    /// A number that changes whenever the notes change (for "save needed" and caches).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The number of notes, including tombstones.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether there are no notes at all, not even in the trash.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// The note with this id, live or deleted.
    pub fn get(&self, id: &NoteId) -> Option<&Note> {
        self.notes.get(id).map(Arc::as_ref)
    }

    /// Every note, including tombstones, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.notes.values().map(Arc::as_ref)
    }

    /// Every note that is not deleted, sorted by id.
    pub fn live(&self) -> impl Iterator<Item = &Note> {
        self.iter().filter(|n| n.is_live())
    }

    /// Deleted notes, sorted by id.
    pub fn trash(&self) -> impl Iterator<Item = &Note> {
        self.iter().filter(|n| n.deleted)
    }

    /// Live notes about one record, most recently changed first.
    pub fn notes_for(&self, target: &NoteTarget) -> Vec<&Note> {
        let mut found: Vec<&Note> = self
            .live()
            .filter(|n| n.target.as_ref() == Some(target))
            .collect();
        sort_notes(&mut found, NoteSort::UpdatedNewest);
        found
    }

    /// Notes matching a search, in the query's order.
    pub fn query(&self, query: &NoteQuery) -> Vec<&Note> {
        query.run(self.iter())
    }

    /// Every tag used by a live note, with how many live notes use it, sorted by tag.
    pub fn tags(&self) -> BTreeMap<String, usize> {
        let mut tags = BTreeMap::new();
        for tag in self.live().flat_map(|n| &n.tags) {
            *tags.entry(tag.clone()).or_insert(0) += 1;
        }
        tags
    }

    /// Adds a note written now and returns its new id.
    pub fn add(&mut self, draft: NoteDraft, now: Timestamp) -> NoteId {
        let mut id = NoteId::generate(now);
        while self.notes.contains_key(&id) {
            id = NoteId::generate(now);
        }
        let mut note = Note {
            id: id.clone(),
            target: None,
            title: String::new(),
            body: String::new(),
            tags: Vec::new(),
            author: String::new(),
            created: now,
            updated: now,
            deleted: false,
            conflict_of: None,
            ancestry: Vec::new(),
        };
        apply(&mut note, draft);
        self.notes.insert(id.clone(), Arc::new(note));
        self.drafting.insert(id.clone());
        self.revision += 1;
        id
    }

    /// Replaces the editable fields of a note. Returns whether anything changed (an
    /// unchanged draft does not touch the `updated` time).
    pub fn update(
        &mut self,
        id: &NoteId,
        draft: NoteDraft,
        now: Timestamp,
    ) -> Result<bool, NotesError> {
        let note = self.note(id)?;
        let mut edited = note.clone();
        apply(&mut edited, draft);
        if edited.same_content(note) {
            return Ok(false);
        }
        edited.updated = now.max(note.updated);
        self.commit_local(edited);
        Ok(true)
    }

    /// Puts a note back to an earlier state (for undo and redo): inserts or replaces it, or
    /// removes it when `state` is `None`. Returns whether anything changed.
    ///
    /// Restoring is a local change like an edit: the note keeps the ancestry it has now (so
    /// a version already shared is still known as an ancestor) and its `updated` time never
    /// goes backwards.
    pub fn set_note(&mut self, id: &NoteId, state: Option<Note>) -> bool {
        let Some(mut note) = state else {
            let removed = self.notes.remove(id).is_some();
            if removed {
                if self.exchanged.contains_key(id) {
                    Arc::make_mut(&mut self.exchanged).remove(id);
                }
                self.drafting.remove(id);
                self.revision += 1;
            }
            return removed;
        };
        note.id = id.clone();
        let Some(current) = self.get(id) else {
            self.notes.insert(id.clone(), Arc::new(note));
            self.drafting.insert(id.clone());
            self.revision += 1;
            return true;
        };
        if *current == note {
            return false;
        }
        join(&mut note, &current.ancestry);
        note.updated = note.updated.max(current.updated);
        if note == *current {
            return false;
        }
        self.commit_local(note);
        true
    }

    /// Records that these notes were sent to another file (an export for a colleague), so
    /// that the next merge with that file knows the common version. Call after the export
    /// was written. Returns how many notes were recorded.
    pub fn mark_sent(&mut self, sent: &NotesFile) -> usize {
        let mut recorded = 0;
        let mut changed = false;
        for n in &sent.notes {
            let Some(mine) = self.get(&n.id) else {
                continue;
            };
            if !mine.same_content(n) {
                continue;
            }
            let version = mine.version();
            if self.exchanged.get(&n.id) != Some(&version) {
                Arc::make_mut(&mut self.exchanged).insert(n.id.clone(), version);
                changed = true;
            }
            self.drafting.remove(&n.id);
            recorded += 1;
        }
        if changed {
            self.revision += 1;
        }
        recorded
    }

    /// Moves a note to the trash (a tombstone, so the delete merges and can be undone).
    /// Returns whether it was live.
    pub fn delete(&mut self, id: &NoteId, now: Timestamp) -> Result<bool, NotesError> {
        self.set_deleted(id, true, now)
    }

    /// Brings a note back from the trash. Returns whether it was deleted.
    pub fn undelete(&mut self, id: &NoteId, now: Timestamp) -> Result<bool, NotesError> {
        self.set_deleted(id, false, now)
    }

    /// Takes in what the background saver merged from disk (see [`ExternalMerge`]), keeping
    /// every edit made since that save was requested. Returns what changed here.
    pub fn adopt(&mut self, merge: &ExternalMerge) -> MergeReport {
        let merged = merge::merge3(&merge.snapshot, &self.to_file(), &merge.merged);
        self.replace(&merged.file);
        merged.report
    }

    /// Merges a colleague's exported notes into this notebook (no common base; see
    /// [`merge::merge_import`]). Returns what was added, updated and in conflict.
    pub fn merge_import(&mut self, theirs: &NotesFile) -> MergeReport {
        let merged = merge::merge_import(&self.to_file(), theirs);
        self.replace(&merged.file);
        for n in &theirs.notes {
            self.drafting.remove(&n.id);
        }
        merged.report
    }

    /// Takes the merged notes; a note whose content came from elsewhere is no longer a draft.
    fn replace(&mut self, file: &NotesFile) {
        let mut notes = BTreeMap::new();
        for (id, n) in merge::index(&file.notes) {
            let old = self.notes.get(&id);
            if old.is_none_or(|old| !old.same_content(&n)) {
                self.drafting.remove(&id);
            }
            // An unchanged note keeps its shared copy.
            let n = match old {
                Some(old) if **old == n => Arc::clone(old),
                _ => Arc::new(n),
            };
            notes.insert(id, n);
        }
        if notes != self.notes || file.exchanged != *self.exchanged {
            self.notes = notes;
            self.exchanged = Arc::new(file.exchanged.clone());
            self.revision += 1;
        }
    }

    pub(super) fn note(&self, id: &NoteId) -> Result<&Note, NotesError> {
        self.get(id)
            .ok_or_else(|| NotesError::UnknownNote(id.clone()))
    }

    /// Stores a note changed here. The first local change since the note was loaded, sent
    /// or received records the replaced version in its ancestry.
    /// A change that keeps the content (a resolution that keeps my text only adds parents)
    /// keeps the version, which others may hold, so it leaves the draft state alone.
    pub(super) fn commit_local(&mut self, mut note: Note) {
        let unchanged = self
            .get(&note.id)
            .is_some_and(|old| old.same_content(&note));
        if let Some(old) = self.get(&note.id)
            && !unchanged
            && !self.drafting.contains(&note.id)
        {
            push_parent(&mut note, old.version());
        }
        if !unchanged {
            self.drafting.insert(note.id.clone());
        }
        self.notes.insert(note.id.clone(), Arc::new(note));
        self.revision += 1;
    }

    fn set_deleted(
        &mut self,
        id: &NoteId,
        deleted: bool,
        now: Timestamp,
    ) -> Result<bool, NotesError> {
        let note = self.note(id)?;
        if note.deleted == deleted {
            return Ok(false);
        }
        let mut changed = note.clone();
        changed.deleted = deleted;
        changed.updated = now.max(note.updated);
        self.commit_local(changed);
        Ok(true)
    }
}

/// The notes of an index, each behind its own [`Arc`].
fn shared(notes: BTreeMap<NoteId, Note>) -> BTreeMap<NoteId, Arc<Note>> {
    notes.into_iter().map(|(id, n)| (id, Arc::new(n))).collect()
}

/// Copies a draft into a note, tidying the one-line fields and normalising tags.
fn apply(note: &mut Note, draft: NoteDraft) {
    note.target = draft.target;
    note.title = draft.title.trim().to_owned();
    note.body = draft.body;
    note.tags = normalise_tags(&draft.tags);
    note.author = draft.author.trim().to_owned();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::TargetKind;

    fn draft(title: &str, body: &str) -> NoteDraft {
        NoteDraft {
            title: title.into(),
            body: body.into(),
            author: "Lee".into(),
            ..NoteDraft::default()
        }
    }

    #[test]
    fn an_added_note_can_be_found_by_its_id_with_normalised_tags() {
        let mut book = Notebook::new();
        let mut d = draft("  Daejeon visit ", "Body");
        d.tags = vec!["AI".into(), "ai".into(), " #Quantum ".into()];
        let id = book.add(d, Timestamp(10));
        let note = book.get(&id).expect("just added");
        assert_eq!(note.title, "Daejeon visit");
        assert_eq!(note.tags, vec!["ai", "quantum"]);
        assert_eq!(note.created, Timestamp(10));
        assert_eq!(book.revision(), 1);
    }

    #[test]
    fn editing_with_an_unchanged_draft_does_not_touch_the_note() {
        let mut book = Notebook::new();
        let id = book.add(draft("T", "B"), Timestamp(10));
        let before = book.revision();
        let changed = book.update(&id, draft("T", "B"), Timestamp(20));
        assert!(matches!(changed, Ok(false)));
        assert_eq!(book.revision(), before);
        assert_eq!(book.get(&id).map(|n| n.updated), Some(Timestamp(10)));
    }

    #[test]
    fn editing_changes_the_body_and_the_updated_time() {
        let mut book = Notebook::new();
        let id = book.add(draft("T", "B"), Timestamp(10));
        assert!(matches!(
            book.update(&id, draft("T", "B2"), Timestamp(20)),
            Ok(true)
        ));
        let note = book.get(&id).expect("still there");
        assert_eq!(note.body, "B2");
        assert_eq!(note.updated, Timestamp(20));
        assert_eq!(note.created, Timestamp(10));
    }

    #[test]
    fn a_clock_that_went_backwards_never_makes_updated_go_backwards() {
        let mut book = Notebook::new();
        let id = book.add(draft("T", "B"), Timestamp(100));
        let _ = book.update(&id, draft("T", "B2"), Timestamp(50));
        assert_eq!(book.get(&id).map(|n| n.updated), Some(Timestamp(100)));
    }

    #[test]
    fn deleting_keeps_a_tombstone_that_undelete_restores() {
        let mut book = Notebook::new();
        let id = book.add(draft("T", "B"), Timestamp(10));
        assert!(matches!(book.delete(&id, Timestamp(20)), Ok(true)));
        assert_eq!(book.live().count(), 0);
        assert_eq!(book.trash().count(), 1);
        assert_eq!(book.len(), 1);
        assert!(matches!(book.undelete(&id, Timestamp(30)), Ok(true)));
        assert_eq!(book.live().count(), 1);
        assert_eq!(book.get(&id).map(|n| n.body.as_str()), Some("B"));
    }

    #[test]
    fn editing_an_unknown_note_is_an_error_not_a_new_note() {
        let mut book = Notebook::new();
        let result = book.update(&NoteId::new("nope"), draft("T", "B"), Timestamp(1));
        assert!(matches!(result, Err(NotesError::UnknownNote(_))));
        assert!(book.is_empty());
    }

    #[test]
    fn notes_for_a_target_lists_only_its_live_notes_newest_first() {
        let mut book = Notebook::new();
        let target = NoteTarget::new(TargetKind::Partnership, "kist-europe");
        let mut d = draft("Old", "");
        d.target = Some(target.clone());
        let old = book.add(d.clone(), Timestamp(1));
        d.title = "New".into();
        let new = book.add(d.clone(), Timestamp(2));
        d.title = "Gone".into();
        let gone = book.add(d, Timestamp(3));
        let _ = book.delete(&gone, Timestamp(4));
        book.add(draft("Other", ""), Timestamp(5));
        let ids: Vec<_> = book
            .notes_for(&target)
            .iter()
            .map(|n| n.id.clone())
            .collect();
        assert_eq!(ids, vec![new, old]);
    }

    #[test]
    fn tags_are_counted_over_live_notes() {
        let mut book = Notebook::new();
        let mut d = draft("A", "");
        d.tags = vec!["ai".into(), "seoul".into()];
        book.add(d.clone(), Timestamp(1));
        d.tags = vec!["ai".into()];
        let gone = book.add(d, Timestamp(2));
        let _ = book.delete(&gone, Timestamp(3));
        let tags: Vec<_> = book.tags().into_iter().collect();
        assert_eq!(tags, vec![("ai".to_owned(), 1), ("seoul".to_owned(), 1)]);
    }

    #[test]
    fn a_notebook_round_trips_through_a_notes_file() {
        let mut book = Notebook::new();
        book.add(draft("A", "x"), Timestamp(1));
        book.add(draft("B", "y"), Timestamp(2));
        let file = book.to_file();
        assert_eq!(Notebook::from_file(&file).to_file(), file);
    }

    #[test]
    fn adopting_a_merge_keeps_edits_made_after_the_save_was_requested() {
        let mut book = Notebook::new();
        let id = book.add(draft("A", "x"), Timestamp(1));
        let snapshot = book.to_file();
        // While the saver worked, the user edited the note…
        let _ = book.update(&id, draft("A", "edited after the request"), Timestamp(2));
        // …and the saver found a colleague's note on disk.
        let mut merged = snapshot.clone();
        let mut other = merged.notes[0].clone();
        other.id = NoteId::new("from-disk");
        merged.notes.push(other);
        let merge = ExternalMerge {
            snapshot,
            merged: NotesFile::new(merged.notes),
            report: MergeReport::default(),
        };
        let report = book.adopt(&merge);
        assert_eq!(report.added.len(), 1);
        assert_eq!(book.len(), 2);
        assert_eq!(
            book.get(&id).map(|n| n.body.as_str()),
            Some("edited after the request")
        );
    }
}
