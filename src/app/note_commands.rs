//! The notes commands: each change to a note is one undoable step.

use crate::notes::{NoteDraft, NoteId, NoteTarget, Timestamp};
use crate::ui::Command;
use crate::ui::notes::{Editor, NoteCommand};

use super::{AtlasApp, View, history, waker};

impl AtlasApp {
    /// Applies a notes command; every change to a note is recorded for undo.
    pub(crate) fn apply_note(&mut self, command: NoteCommand) -> Vec<Command> {
        let now = Timestamp::now();
        match command {
            NoteCommand::New(target) => {
                let target = target
                    .as_deref()
                    .and_then(|id| self.loaded.store.item(id))
                    .and_then(|item| NoteTarget::from_item(&item));
                let draft = NoteDraft {
                    target,
                    title: String::new(),
                    body: String::new(),
                    tags: Vec::new(),
                    author: self.settings.author.clone(),
                };
                let id = self.notes.book.add(draft, now);
                if self.settings.author.trim().is_empty() && !self.settings.author_asked {
                    // Asked once, the first time a note is written, instead of "by —".
                    self.author_prompt = Some(String::new());
                }
                self.history.seal();
                self.history.push(
                    "new note",
                    history::Change::Notes {
                        before: vec![(id.clone(), None)],
                        after: self.note_states(std::slice::from_ref(&id)),
                    },
                );
                self.open_note(&id);
            }
            NoteCommand::Open(id) => {
                self.history.seal();
                self.open_note(&id);
            }
            NoteCommand::Update(id, draft) => {
                let before = self.note_states(std::slice::from_ref(&id));
                match self.notes.book.update(&id, draft, now) {
                    Ok(true) => self.record_edit(&id, before),
                    Ok(false) => {}
                    Err(e) => self.status = e.to_string(),
                }
            }
            NoteCommand::Delete(id) => {
                if let Some(title) = self.trash(&id, true, now) {
                    self.status = format!("Moved “{title}” to the trash.");
                    self.last_deleted = Some(id);
                }
            }
            NoteCommand::Undelete(id) => {
                if self.trash(&id, false, now).is_some() {
                    self.status = "Note restored.".to_owned();
                }
                if self.last_deleted.as_ref() == Some(&id) {
                    self.last_deleted = None;
                }
            }
            NoteCommand::KeepConflictVersion { copy, original } => {
                return self.apply_note(NoteCommand::ResolveConflict {
                    copy,
                    original,
                    resolution: crate::notes::Resolution::KeepTheirs,
                });
            }
            NoteCommand::ResolveConflict {
                copy,
                original,
                resolution,
            } => {
                let before = self.note_states(&[copy.clone(), original.clone()]);
                match self
                    .notes
                    .book
                    .resolve_conflict(&original, &copy, resolution, now)
                {
                    Ok(_) => {
                        self.history.seal();
                        self.record_notes("conflict resolution".to_owned(), before);
                        self.status =
                            format!("{} — the other copy is in the trash.", resolution.label());
                        self.open_note(&original);
                    }
                    Err(e) => self.status = e.to_string(),
                }
            }
            NoteCommand::SaveNow => {
                self.notes.save_now();
                if !self.notes.is_saving() {
                    self.status = "Notes cannot be saved until the notes file problem is solved (see the status bar).".to_owned();
                }
            }
            NoteCommand::Export {
                path,
                markdown,
                target,
            } => {
                return vec![Command::FileAt(
                    crate::ui::FileAction::ExportNotes { markdown, target },
                    path,
                )];
            }
            NoteCommand::ExportDialog { markdown, target } => {
                return vec![Command::AskPath(crate::ui::FileAction::ExportNotes {
                    markdown,
                    target,
                })];
            }
            NoteCommand::Import(path) => {
                return vec![Command::FileAt(crate::ui::FileAction::ImportNotes, path)];
            }
            NoteCommand::ImportDialog => {
                return vec![Command::AskPath(crate::ui::FileAction::ImportNotes)];
            }
            NoteCommand::RecoverBackup => {
                let w = waker(self.egui_ctx.as_ref());
                self.status = self
                    .notes
                    .recover_from_backup(w)
                    .unwrap_or_else(|e| format!("Could not open the backup: {e}"));
            }
            NoteCommand::StartFresh => {
                let w = waker(self.egui_ctx.as_ref());
                self.status = self
                    .notes
                    .start_fresh(w)
                    .unwrap_or_else(|e| format!("Could not start a new notes file: {e}"));
            }
        }
        Vec::new()
    }

    fn open_note(&mut self, id: &NoteId) {
        if let Some(note) = self.notes.book.get(id) {
            self.settings.notes.open = Some(Editor::new(note));
            self.settings.view = View::Notes;
        }
    }

    /// Moves a note to the trash (or back) as one undo step; returns its title, or `None`
    /// (with the reason in the status bar) when it could not.
    fn trash(&mut self, id: &NoteId, deleted: bool, now: Timestamp) -> Option<String> {
        let before = self.note_states(std::slice::from_ref(id));
        let result = if deleted {
            self.notes.book.delete(id, now)
        } else {
            self.notes.book.undelete(id, now)
        };
        if let Err(e) = result {
            self.status = e.to_string();
            return None;
        }
        let title = self
            .notes
            .book
            .get(id)
            .map(|n| n.display_title().to_owned())
            .unwrap_or_default();
        let verb = if deleted { "delete" } else { "restore" };
        self.history.seal();
        self.record_notes(format!("{verb} note “{title}”"), before);
        Some(title)
    }
}
