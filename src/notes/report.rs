//! [`MergeReport`]: what a merge added, updated and found in conflict, and how it is told.

use std::fmt;

use super::model::NoteId;

/// What a merge did, as seen from "mine" (the notebook being merged into).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Notes that were only on their side and were added, by id.
    pub added: Vec<MergeEntry>,
    /// Notes where their version replaced mine, by id.
    pub updated: Vec<MergeEntry>,
    /// How many of their notes were already the same as mine (or older versions of mine).
    pub unchanged: usize,
    /// Notes changed differently on both sides, by id.
    pub conflicts: Vec<MergeConflict>,
}

/// A note named in a [`MergeReport`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeEntry {
    /// The note's id.
    pub id: NoteId,
    /// Its title when the merge happened.
    pub title: String,
}

/// A note both sides changed differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeConflict {
    /// The id of the note (which now holds the kept version).
    pub id: NoteId,
    /// The title of the kept version.
    pub title: String,
    /// What each side did.
    pub kind: ConflictKind,
    /// The id of the copy that holds the other version, if one was needed.
    pub copy: Option<NoteId>,
}

/// What each side did to a conflicting note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both sides edited it differently; mine keeps the id, theirs is the copy.
    BothEdited,
    /// Mine deleted it, theirs edited it; their edit is kept, live.
    DeletedHereEditedThere,
    /// Mine edited it, theirs deleted it; my edit is kept, live.
    EditedHereDeletedThere,
}

impl MergeReport {
    /// Whether the merge changed anything in "mine".
    pub fn has_changes(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty() || !self.conflicts.is_empty()
    }

    /// Appends the entries of a later merge.
    pub fn extend(&mut self, other: MergeReport) {
        self.added.extend(other.added);
        self.updated.extend(other.updated);
        self.unchanged += other.unchanged;
        self.conflicts.extend(other.conflicts);
    }

    /// "2 added, 1 updated, 5 unchanged, 1 conflict".
    pub fn summary(&self) -> String {
        let conflicts = self.conflicts.len();
        format!(
            "{} added, {} updated, {} unchanged, {} conflict{}",
            self.added.len(),
            self.updated.len(),
            self.unchanged,
            conflicts,
            if conflicts == 1 { "" } else { "s" }
        )
    }
}

impl MergeReport {
    /// The summary line, then one line per added, updated and conflicting note (conflicts
    /// first), with titles. With `max_detail`, at most that many lines follow the summary;
    /// the last of them then says how many were left out.
    pub fn render(&self, max_detail: Option<usize>) -> String {
        let mut lines: Vec<String> = Vec::new();
        for c in &self.conflicts {
            let what = match c.kind {
                ConflictKind::BothEdited => "changed on both sides",
                ConflictKind::DeletedHereEditedThere => {
                    "deleted here but edited there; the edit was kept"
                }
                ConflictKind::EditedHereDeletedThere => {
                    "edited here but deleted there; the edit was kept"
                }
            };
            let mut line = format!("conflict: {} [{}]: {what}", c.title, c.id);
            if let Some(copy) = &c.copy {
                line.push_str(&format!("; the other version is kept as [{copy}]"));
            }
            lines.push(line);
        }
        for e in &self.added {
            lines.push(format!("added: {} [{}]", e.title, e.id));
        }
        for e in &self.updated {
            lines.push(format!("updated: {} [{}]", e.title, e.id));
        }
        if let Some(max) = max_detail
            && lines.len() > max
        {
            let shown = max.saturating_sub(1);
            let left = lines.len() - shown;
            lines.truncate(shown);
            lines.push(format!(
                "… and {left} more note{}; --verbose lists every one",
                if left == 1 { "" } else { "s" }
            ));
        }
        let mut text = self.summary();
        text.push('\n');
        for line in lines {
            text.push_str(&line);
            text.push('\n');
        }
        text
    }
}

/// The summary line, then one line per conflicting, added and updated note, with titles
/// (every one: [`MergeReport::render`] with no limit).
impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(None))
    }
}
