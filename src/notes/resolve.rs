//! Resolving a conflict: the user picks a version (or both texts) of a note a merge kept
//! twice, and the notebook records both versions as parents so the conflict does not come
//! back on the next exchange.

use super::ancestry::{join, push_parent};
use super::book::Notebook;
use super::diff::keep_both;
use super::error::NotesError;
use super::model::{CONFLICT_SUFFIX, NoteId, normalise_tags};
use super::time::Timestamp;

/// What the user chose for a note kept in two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Keep the version in the original note (the one that kept the id).
    KeepMine,
    /// Keep the version in the conflict copy.
    KeepTheirs,
    /// Keep both texts in the original note: shared lines once, then each side's own lines
    /// (see [`super::keep_both`]); tags of both.
    KeepBoth,
}

impl Resolution {
    /// The button text.
    pub fn label(self) -> &'static str {
        match self {
            Self::KeepMine => "Keep mine",
            Self::KeepTheirs => "Keep theirs",
            Self::KeepBoth => "Keep both texts",
        }
    }

    /// What the button does, for its tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::KeepMine => "Keep the text of the original note and move the copy to the trash",
            Self::KeepTheirs => {
                "Put the copy's text into the original note and move the copy to the trash"
            }
            Self::KeepBoth => {
                "Put both texts into the original note (shared lines once) and move the copy to the trash"
            }
        }
    }
}

impl Notebook {
    /// Resolves the conflict between `original` and its conflict copy `copy` (a note whose
    /// `conflict_of` is `original`): the original note takes the chosen text, live, and
    /// records both versions as parents; the copy goes to the trash. Returns whether the
    /// notebook changed.
    pub fn resolve_conflict(
        &mut self,
        original: &NoteId,
        copy: &NoteId,
        resolution: Resolution,
        now: Timestamp,
    ) -> Result<bool, NotesError> {
        let mine = self.note(original)?.clone();
        let theirs = self.note(copy)?.clone();
        if theirs.conflict_of.as_ref() != Some(original) {
            return Err(NotesError::NotAConflictCopy {
                copy: copy.clone(),
                original: original.clone(),
            });
        }
        let their_title = theirs
            .title
            .strip_suffix(CONFLICT_SUFFIX)
            .unwrap_or(&theirs.title)
            .to_owned();
        let mut resolved = mine.clone();
        match resolution {
            Resolution::KeepMine => {}
            Resolution::KeepTheirs => {
                resolved.title = their_title;
                resolved.body = theirs.body.clone();
                resolved.tags = theirs.tags.clone();
                resolved.target = theirs.target.clone();
                resolved.author = theirs.author.clone();
            }
            Resolution::KeepBoth => {
                resolved.body = keep_both(&mine.body, &theirs.body);
                resolved.tags = normalise_tags(mine.tags.iter().chain(&theirs.tags));
            }
        }
        resolved.deleted = false;
        resolved.updated = now.max(mine.updated).max(theirs.updated);
        join(&mut resolved, &theirs.ancestry);
        if !resolved.same_content(&mine) {
            push_parent(&mut resolved, mine.version());
        }
        push_parent(&mut resolved, theirs.version());

        let mut trashed = theirs;
        trashed.deleted = true;
        trashed.updated = now.max(trashed.updated);
        self.commit_local(trashed);
        self.commit_local(resolved);
        Ok(true)
    }
}
