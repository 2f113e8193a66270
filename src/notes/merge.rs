//! Merging two versions of the notes by note id, never dropping a note.
//!
//! Rules (the same for a file changed on disk and for a colleague's file), for a note whose
//! content differs on the two sides:
//! - their version descends from mine (mine is in its [`Note::ancestry`], or mine is
//!   unchanged since the common version) → theirs, reported as updated;
//! - mine descends from theirs → mine, reported as unchanged;
//! - both changed since the common version → both kept, reported as a conflict: mine keeps
//!   the id, theirs is added as a copy with `conflict_of` set and " (conflict)" after its
//!   title (the copy's ancestry records their version, so resolving the conflict records
//!   both versions as parents);
//! - a delete on one side and no change on the other → the delete; a delete against an edit
//!   keeps the edit, live, and reports a conflict.
//!
//! Also: a note on one side only is kept (a note missing from one side is never taken as a
//! delete: notes are removed only through tombstones); a note changed identically on both
//! sides is kept once (with the later `updated` and both ancestries); the copy's id is
//! derived from the original id and the copy's content, so merging the same files twice
//! gives the same result and does not add a second copy.
//!
//! The common version is the file last read or written for a file changed on disk
//! ([`merge3`]); for a colleague's file ([`merge_import`]) it is the version each note had
//! when it was last exchanged ([`NotesFile::exchanged`]), or, for files without history
//! (version 1), a version the other only appended to.

use std::collections::BTreeMap;

use super::ancestry::{NoteVersion, descends, join, push_parent};
use super::model::{CONFLICT_SUFFIX, Note, NoteId, NotesFile};
pub use super::report::{ConflictKind, MergeConflict, MergeEntry, MergeReport};

/// The result of a merge: the merged notes and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The merged notes, sorted by id.
    pub file: NotesFile,
    /// What changed relative to "mine".
    pub report: MergeReport,
}

/// Three-way merge of `mine` and `theirs`, both derived from `base` (the version last read or
/// written). See the module documentation for the rules.
pub fn merge3(base: &NotesFile, mine: &NotesFile, theirs: &NotesFile) -> Merged {
    let base_notes = index(&base.notes);
    let mut merged = merge_with(mine, theirs, |id| base_notes.get(id));
    merged.file.exchanged = merge_exchanged(base, mine, theirs);
    merged
}

/// Merge of a colleague's file into `mine`, with no common base.
///
/// For each note on both sides: equal content is unchanged; if one version is in the other's
/// ancestry, the newer one wins; if mine is the version I last exchanged and theirs carries
/// no history (a version-1 file), theirs wins; if theirs is the version I last exchanged,
/// mine wins. Between versions without any history, a *continuation* (see below) wins, as in
/// version 1. Otherwise both are kept as a conflict.
///
/// A note is a continuation of another when it is at least as recent, has the same target,
/// creation time, author, title and conflict mark, keeps every tag, and its body starts
/// with the other's body (text was only added at the end).
///
/// Afterwards every note of their file is recorded as exchanged at their version.
pub fn merge_import(mine: &NotesFile, theirs: &NotesFile) -> Merged {
    let mut merged = merge_with(mine, theirs, |_| None);
    let mut exchanged = mine.exchanged.clone();
    for t in &theirs.notes {
        exchanged.insert(t.id.clone(), t.version());
    }
    merged.file.exchanged = exchanged;
    merged
}

/// Which version of a note present on both sides a merge keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Mine is the newer version (or theirs did not change).
    Mine,
    /// Theirs is the newer version.
    Theirs,
    /// Both changed since the common version.
    Conflict,
}

/// The merge rules for one note with different content on both sides.
fn judge(m: &Note, t: &Note, base: Option<&Note>, exchanged: Option<NoteVersion>) -> Verdict {
    match (descends(m, t), descends(t, m)) {
        (true, false) => return Verdict::Mine,
        (false, true) => return Verdict::Theirs,
        // Each grew from the other: one side went back to an earlier text (an undo, an
        // undelete, a delete after an undelete), so the versions alone cannot tell which is
        // newer (A → B → A). The later change wins; at the same moment, the one that knows
        // every version the other knows. Nothing is lost either way: both texts are in the
        // note's history, and a delete only moves the note to the trash.
        (true, true) => {
            return match t.updated.cmp(&m.updated) {
                std::cmp::Ordering::Greater => Verdict::Theirs,
                std::cmp::Ordering::Less => Verdict::Mine,
                std::cmp::Ordering::Equal if covers(t, m) => Verdict::Theirs,
                std::cmp::Ordering::Equal if covers(m, t) => Verdict::Mine,
                std::cmp::Ordering::Equal => Verdict::Conflict,
            };
        }
        (false, false) => {}
    }
    if let Some(b) = base {
        return match (!b.same_content(m), !b.same_content(t)) {
            (false, true) => Verdict::Theirs,
            (true, true) => Verdict::Conflict,
            (_, false) => Verdict::Mine,
        };
    }
    if exchanged == Some(t.version()) {
        return Verdict::Mine;
    }
    if t.ancestry.is_empty() && exchanged == Some(m.version()) {
        return Verdict::Theirs;
    }
    if m.ancestry.is_empty() || t.ancestry.is_empty() {
        if continues(t, m) {
            return Verdict::Theirs;
        }
        if continues(m, t) {
            return Verdict::Mine;
        }
    }
    Verdict::Conflict
}

/// Whether `a` knows every version `b` grew from.
fn covers(a: &Note, b: &Note) -> bool {
    b.ancestry.iter().all(|v| a.ancestry.contains(v))
}

/// The exchange record after a three-way merge: per note, mine if I changed it since the
/// base, otherwise theirs.
fn merge_exchanged(
    base: &NotesFile,
    mine: &NotesFile,
    theirs: &NotesFile,
) -> BTreeMap<NoteId, NoteVersion> {
    let mut out = BTreeMap::new();
    for id in mine.exchanged.keys().chain(theirs.exchanged.keys()) {
        let m = mine.exchanged.get(id);
        let pick = if m == base.exchanged.get(id) {
            theirs.exchanged.get(id)
        } else {
            m
        };
        if let Some(v) = pick {
            out.insert(id.clone(), *v);
        }
    }
    out
}

/// Whether `newer` is `older` with text appended, tags added, or a delete / undelete.
fn continues(newer: &Note, older: &Note) -> bool {
    newer.updated >= older.updated
        && newer.target == older.target
        && newer.created == older.created
        && newer.author == older.author
        && newer.title == older.title
        && newer.conflict_of == older.conflict_of
        && older.tags.iter().all(|t| newer.tags.contains(t))
        && newer.body.starts_with(older.body.trim_end())
}

/// Indexes notes by id without losing any: a second note with an id already taken (which a
/// checked file never has) is kept under a derived id unless it is an exact copy.
pub(crate) fn index(notes: &[Note]) -> BTreeMap<NoteId, Note> {
    let mut map = BTreeMap::new();
    for note in notes {
        match map.get(&note.id) {
            None => {
                map.insert(note.id.clone(), note.clone());
            }
            Some(existing) if existing == note => {}
            Some(_) => {
                let id = free_id(&map, &note.id, "dup-", note);
                let mut copy = note.clone();
                copy.id = id.clone();
                map.insert(id, copy);
            }
        }
    }
    map
}

/// `stem~label-hash`, or with `-2`, `-3`… if that is taken by a different note.
fn free_id(map: &BTreeMap<NoteId, Note>, stem: &NoteId, label: &str, note: &Note) -> NoteId {
    let base = format!("{stem}~{label}{:08x}", note.content_hash() & 0xffff_ffff);
    let mut candidate = NoteId::new(base.clone());
    let mut n = 2;
    while map
        .get(&candidate)
        .is_some_and(|other| !other.same_content(note))
    {
        candidate = NoteId::new(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

fn entry(note: &Note) -> MergeEntry {
    MergeEntry {
        id: note.id.clone(),
        title: note.display_title().to_owned(),
    }
}

/// The shared merge loop; `base_of(id)` gives the common ancestor of a note, if known.
fn merge_with<'b>(
    mine: &NotesFile,
    theirs: &NotesFile,
    base_of: impl Fn(&NoteId) -> Option<&'b Note>,
) -> Merged {
    let mut out = index(&mine.notes);
    let theirs = index(&theirs.notes);
    let mut report = MergeReport::default();
    for (id, t) in &theirs {
        let Some(m) = out.get(id).cloned() else {
            out.insert(id.clone(), t.clone());
            if t.is_live() {
                report.added.push(entry(t));
            } else {
                // A delete of a note I never had: kept (so an older copy arriving later
                // stays deleted), but nothing to see here.
                report.unchanged += 1;
            }
            continue;
        };
        if m.same_content(t) {
            let mut kept = if t.updated > m.updated {
                t.clone()
            } else {
                m.clone()
            };
            join(&mut kept, &m.ancestry);
            join(&mut kept, &t.ancestry);
            out.insert(id.clone(), kept);
            report.unchanged += 1;
            continue;
        }
        let exchanged = mine.exchanged.get(id).copied();
        match judge(&m, t, base_of(id), exchanged) {
            Verdict::Theirs => {
                let mut kept = t.clone();
                join(&mut kept, &m.ancestry);
                out.insert(id.clone(), kept);
                report.updated.push(entry(t));
            }
            Verdict::Mine => {
                let mut kept = m;
                join(&mut kept, &t.ancestry);
                out.insert(id.clone(), kept);
                report.unchanged += 1;
            }
            Verdict::Conflict => conflict(&mut out, &mut report, base_of(id), m, t.clone()),
        }
    }
    let mut file = NotesFile::new(out.into_values().collect());
    file.exchanged = mine.exchanged.clone();
    Merged { file, report }
}

/// Keeps both versions of a note both sides changed differently.
fn conflict(
    out: &mut BTreeMap<NoteId, Note>,
    report: &mut MergeReport,
    base: Option<&Note>,
    mine: Note,
    theirs: Note,
) {
    let kind = match (mine.deleted, theirs.deleted) {
        (true, false) => ConflictKind::DeletedHereEditedThere,
        (false, true) => ConflictKind::EditedHereDeletedThere,
        _ => ConflictKind::BothEdited,
    };
    // The edit beats the delete; otherwise mine keeps the id.
    let (winner, loser) = if kind == ConflictKind::DeletedHereEditedThere {
        (theirs, mine)
    } else {
        (mine, theirs)
    };
    // A losing tombstone whose only change was the delete holds nothing worth a copy.
    let loser_was_only_deleted = loser.deleted && {
        let mut undeleted = loser.clone();
        undeleted.deleted = false;
        base.is_some_and(|b| undeleted.same_content(b))
            || undeleted.same_content(&winner)
            || winner.ancestry.contains(&undeleted.version())
    };
    let id = winner.id.clone();
    let title = winner.display_title().to_owned();
    let winner_is_mine = kind != ConflictKind::DeletedHereEditedThere;
    out.insert(id.clone(), winner);
    let mut copy = None;
    if !loser_was_only_deleted {
        let mut kept = loser;
        // The copy grew from the losing version, so resolving the conflict later records
        // that version as a parent.
        let from = kept.version();
        push_parent(&mut kept, from);
        kept.conflict_of = Some(id.clone());
        kept.title = format!("{}{CONFLICT_SUFFIX}", kept.title);
        let copy_id = free_id(out, &id, "conflict-", &kept);
        if out.contains_key(&copy_id) {
            // An earlier merge of the same two versions already kept this copy.
            if winner_is_mine {
                report.unchanged += 1;
                return;
            }
        } else {
            kept.id = copy_id.clone();
            out.insert(copy_id.clone(), kept);
        }
        copy = Some(copy_id);
    }
    report.conflicts.push(MergeConflict {
        id,
        title,
        kind,
        copy,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::tests::note;
    use crate::notes::time::Timestamp;

    fn file(notes: &[&Note]) -> NotesFile {
        NotesFile::new(notes.iter().map(|n| (*n).clone()).collect())
    }

    fn edited(n: &Note, body: &str, at: i64) -> Note {
        let mut n = n.clone();
        n.body = body.to_owned();
        n.updated = Timestamp(at);
        n
    }

    fn get<'a>(f: &'a NotesFile, id: &str) -> Option<&'a Note> {
        f.notes.iter().find(|n| n.id.as_str() == id)
    }

    #[test]
    fn notes_added_on_both_sides_are_all_kept() {
        let base = file(&[&note("a", "A", "")]);
        let mine = file(&[&note("a", "A", ""), &note("m", "Mine", "")]);
        let theirs = file(&[&note("a", "A", ""), &note("t", "Theirs", "")]);
        let merged = merge3(&base, &mine, &theirs);
        let ids: Vec<_> = merged.file.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "m", "t"]);
        assert_eq!(merged.report.added.len(), 1);
        assert_eq!(merged.report.added[0].title, "Theirs");
    }

    #[test]
    fn a_note_edited_only_on_their_side_takes_their_version() {
        let a = note("a", "A", "old");
        let merged = merge3(
            &file(&[&a]),
            &file(&[&a]),
            &file(&[&edited(&a, "new", 2_000)]),
        );
        assert_eq!(get(&merged.file, "a").map(|n| n.body.as_str()), Some("new"));
        assert_eq!(merged.report.updated.len(), 1);
        assert!(merged.report.conflicts.is_empty());
    }

    #[test]
    fn a_note_edited_only_on_my_side_keeps_my_version() {
        let a = note("a", "A", "old");
        let merged = merge3(
            &file(&[&a]),
            &file(&[&edited(&a, "mine", 2_000)]),
            &file(&[&a]),
        );
        assert_eq!(
            get(&merged.file, "a").map(|n| n.body.as_str()),
            Some("mine")
        );
        assert!(!merged.report.has_changes());
    }

    #[test]
    fn the_same_edit_on_both_sides_is_kept_once_with_the_later_time() {
        let a = note("a", "A", "old");
        let mine = edited(&a, "same", 2_000);
        let theirs = edited(&a, "same", 3_000);
        let merged = merge3(&file(&[&a]), &file(&[&mine]), &file(&[&theirs]));
        assert_eq!(merged.file.notes.len(), 1);
        assert_eq!(merged.file.notes[0].updated, Timestamp(3_000));
        assert!(!merged.report.has_changes());
    }

    #[test]
    fn different_edits_on_both_sides_keep_both_versions() {
        let a = note("a", "Visit", "old");
        let merged = merge3(
            &file(&[&a]),
            &file(&[&edited(&a, "mine", 2_000)]),
            &file(&[&edited(&a, "theirs", 3_000)]),
        );
        assert_eq!(merged.file.notes.len(), 2);
        assert_eq!(
            get(&merged.file, "a").map(|n| n.body.as_str()),
            Some("mine")
        );
        let copy = merged.file.notes.iter().find(|n| n.id.as_str() != "a");
        let copy = copy.expect("the copy of their version");
        assert_eq!(copy.body, "theirs");
        assert_eq!(copy.title, "Visit (conflict)");
        assert_eq!(copy.conflict_of, Some(NoteId::new("a")));
        assert_eq!(merged.report.conflicts.len(), 1);
        assert_eq!(merged.report.conflicts[0].kind, ConflictKind::BothEdited);
        assert_eq!(merged.report.conflicts[0].copy.as_ref(), Some(&copy.id));
    }

    #[test]
    fn merging_the_same_conflict_twice_does_not_add_a_second_copy() {
        let a = note("a", "Visit", "old");
        let theirs = file(&[&edited(&a, "theirs", 3_000)]);
        let once = merge3(&file(&[&a]), &file(&[&edited(&a, "mine", 2_000)]), &theirs);
        let twice = merge3(&file(&[&a]), &once.file, &theirs);
        assert_eq!(twice.file, once.file);
        assert!(!twice.report.has_changes());
    }

    #[test]
    fn a_delete_here_against_an_edit_there_keeps_the_edit_live() {
        let a = note("a", "A", "old");
        let mut mine = a.clone();
        mine.deleted = true;
        mine.updated = Timestamp(2_000);
        let merged = merge3(
            &file(&[&a]),
            &file(&[&mine]),
            &file(&[&edited(&a, "edit", 3_000)]),
        );
        assert_eq!(merged.file.notes.len(), 1, "a bare delete needs no copy");
        let kept = &merged.file.notes[0];
        assert!(kept.is_live());
        assert_eq!(kept.body, "edit");
        assert_eq!(
            merged.report.conflicts[0].kind,
            ConflictKind::DeletedHereEditedThere
        );
    }

    #[test]
    fn an_edit_here_against_a_delete_there_keeps_the_edit_live() {
        let a = note("a", "A", "old");
        let mut theirs = a.clone();
        theirs.deleted = true;
        theirs.updated = Timestamp(3_000);
        let merged = merge3(
            &file(&[&a]),
            &file(&[&edited(&a, "edit", 2_000)]),
            &file(&[&theirs]),
        );
        assert_eq!(merged.file.notes.len(), 1);
        assert!(merged.file.notes[0].is_live());
        assert_eq!(merged.file.notes[0].body, "edit");
        assert_eq!(
            merged.report.conflicts[0].kind,
            ConflictKind::EditedHereDeletedThere
        );
    }

    #[test]
    fn a_delete_on_one_side_only_is_merged_like_an_edit() {
        let a = note("a", "A", "old");
        let mut theirs = a.clone();
        theirs.deleted = true;
        let merged = merge3(&file(&[&a]), &file(&[&a]), &file(&[&theirs]));
        assert!(merged.file.notes[0].deleted);
        assert_eq!(merged.report.updated.len(), 1);
    }

    #[test]
    fn an_edited_then_deleted_note_against_an_edit_keeps_both_texts() {
        let a = note("a", "A", "old");
        let mut mine = edited(&a, "my text", 2_000);
        mine.deleted = true;
        let merged = merge3(
            &file(&[&a]),
            &file(&[&mine]),
            &file(&[&edited(&a, "their text", 3_000)]),
        );
        assert_eq!(merged.file.notes.len(), 2);
        assert_eq!(
            get(&merged.file, "a").map(|n| n.body.as_str()),
            Some("their text")
        );
        let copy = merged.file.notes.iter().find(|n| n.id.as_str() != "a");
        let copy = copy.expect("my deleted text is kept in the trash");
        assert!(copy.deleted);
        assert_eq!(copy.body, "my text");
    }

    #[test]
    fn a_note_missing_from_one_side_is_never_dropped() {
        let a = note("a", "A", "");
        let merged = merge3(&file(&[&a]), &file(&[&a]), &file(&[]));
        assert_eq!(merged.file.notes.len(), 1);
        let merged = merge3(&file(&[&a]), &file(&[]), &file(&[&a]));
        assert_eq!(merged.file.notes.len(), 1);
    }

    #[test]
    fn merge_results_do_not_depend_on_input_order() {
        let a = note("a", "A", "old");
        let mine = file(&[
            &edited(&a, "mine", 2),
            &note("m", "", ""),
            &note("z", "", ""),
        ]);
        let mut theirs = file(&[&edited(&a, "theirs", 3), &note("t", "", "")]);
        let one = merge3(&file(&[&a]), &mine, &theirs);
        theirs.notes.reverse();
        let two = merge3(&file(&[&a]), &mine, &theirs);
        assert_eq!(one, two);
    }

    #[test]
    fn importing_a_colleagues_file_adds_new_and_keeps_unchanged_notes() {
        let a = note("a", "A", "same");
        let merged = merge_import(&file(&[&a]), &file(&[&a, &note("new", "New", "")]));
        assert_eq!(merged.file.notes.len(), 2);
        assert_eq!(merged.report.added.len(), 1);
        assert_eq!(merged.report.unchanged, 1);
    }

    #[test]
    fn importing_an_appended_version_of_my_note_updates_it() {
        let a = note("a", "A", "Met the KIST team.");
        let theirs = edited(&a, "Met the KIST team.\n\nFollow-up in March.", 5_000);
        let merged = merge_import(&file(&[&a]), &file(&[&theirs]));
        assert_eq!(merged.file.notes.len(), 1);
        assert_eq!(merged.file.notes[0].body, theirs.body);
        assert_eq!(merged.report.updated.len(), 1);
    }

    #[test]
    fn importing_an_older_version_of_my_note_changes_nothing() {
        let a = note("a", "A", "Met the KIST team.");
        let mine = edited(&a, "Met the KIST team. And more.", 5_000);
        let merged = merge_import(&file(&[&mine]), &file(&[&a]));
        assert_eq!(merged.file.notes, vec![mine]);
        assert_eq!(merged.report.unchanged, 1);
    }

    #[test]
    fn importing_a_rewritten_note_keeps_both_versions_as_a_conflict() {
        let a = note("a", "A", "Original text");
        let mine = edited(&a, "My rewrite", 4_000);
        let theirs = edited(&a, "Their rewrite", 5_000);
        let merged = merge_import(&file(&[&mine]), &file(&[&theirs]));
        assert_eq!(merged.file.notes.len(), 2);
        assert_eq!(
            get(&merged.file, "a").map(|n| n.body.as_str()),
            Some("My rewrite")
        );
        assert_eq!(merged.report.conflicts.len(), 1);
        // Importing the same file again adds nothing.
        let again = merge_import(&merged.file, &file(&[&theirs]));
        assert_eq!(again.file, merged.file);
        assert!(!again.report.has_changes());
    }

    #[test]
    fn the_report_lists_titles_one_per_line() {
        let a = note("a", "A", "x");
        let merged = merge3(
            &file(&[&a]),
            &file(&[&edited(&a, "m", 2)]),
            &file(&[&edited(&a, "t", 3), &note("n", "Seoul visit", "")]),
        );
        let text = merged.report.to_string();
        assert!(
            text.starts_with("1 added, 0 updated, 0 unchanged, 1 conflict\n"),
            "{text}"
        );
        assert!(text.contains("added: Seoul visit [n]\n"), "{text}");
        assert!(
            text.contains(
                "conflict: A [a]: changed on both sides; the other version is kept as [a~conflict-"
            ),
            "{text}"
        );
    }

    #[test]
    fn duplicate_ids_in_memory_are_kept_under_a_derived_id() {
        let a = note("a", "A", "one");
        let b = note("a", "A", "two");
        let map = index(&[a, b]);
        assert_eq!(map.len(), 2);
    }
}
