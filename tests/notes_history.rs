//! Undo support and conflict resolution on the notebook, and the conflict view.

mod common;

use egui_kittest::kittest::Queryable;
use partnership_atlas::notes::{
    LineChange, Note, NoteDraft, NoteId, Notebook, NotesError, Resolution, Timestamp, export_file,
    line_diff,
};
use partnership_atlas::ui::notes::conflict;

fn draft(body: &str) -> NoteDraft {
    NoteDraft {
        title: "Sejong visit".into(),
        body: body.into(),
        author: "Lee".into(),
        ..NoteDraft::default()
    }
}

/// A notebook with one note, already sent to a colleague (whose notebook is returned too).
fn shared(body: &str) -> (Notebook, Notebook, NoteId) {
    let mut mine = Notebook::new();
    let id = mine.add(draft(body), Timestamp(1_000));
    let file = export_file(mine.live());
    mine.mark_sent(&file);
    let mut theirs = Notebook::new();
    theirs.merge_import(&file);
    (mine, theirs, id)
}

#[test]
fn undoing_an_edit_puts_the_text_back_and_a_colleague_takes_the_undo_too() {
    let (mut mine, mut theirs, id) = shared("first");
    let before: Note = mine.get(&id).expect("note").clone();
    mine.update(&id, draft("second"), Timestamp(2_000))
        .expect("edit");
    // The colleague gets the edit…
    let sent = export_file(mine.live());
    mine.mark_sent(&sent);
    assert_eq!(theirs.merge_import(&sent).updated.len(), 1);
    // …then I undo it.
    let revision = mine.revision();
    assert!(mine.set_note(&id, Some(before)));
    assert!(mine.revision() > revision);
    let now = mine.get(&id).expect("note");
    assert_eq!(now.body, "first");
    assert_eq!(now.updated, Timestamp(2_000), "time never goes backwards");
    // The undo is a change like any other: the colleague who has "second" takes it.
    let report = theirs.merge_import(&export_file(mine.live()));
    assert_eq!((report.updated.len(), report.conflicts.len()), (1, 0));
    assert_eq!(theirs.get(&id).map(|n| n.body.as_str()), Some("first"));
}

#[test]
fn setting_a_note_to_nothing_removes_it_and_setting_it_again_restores_it() {
    let mut book = Notebook::new();
    let id = book.add(draft("text"), Timestamp(1));
    let note = book.get(&id).expect("added").clone();
    assert!(book.set_note(&id, None));
    assert!(book.get(&id).is_none());
    assert!(!book.set_note(&id, None), "nothing left to remove");
    assert!(book.set_note(&id, Some(note.clone())));
    assert_eq!(book.get(&id), Some(&note));
    let revision = book.revision();
    assert!(
        !book.set_note(&id, Some(note)),
        "the same state changes nothing"
    );
    assert_eq!(book.revision(), revision);
}

#[test]
fn resolving_needs_a_conflict_copy_of_the_original() {
    let mut book = Notebook::new();
    let a = book.add(draft("a"), Timestamp(1));
    let b = book.add(draft("b"), Timestamp(2));
    let err = book.resolve_conflict(&a, &b, Resolution::KeepMine, Timestamp(3));
    assert!(
        matches!(err, Err(NotesError::NotAConflictCopy { .. })),
        "{err:?}"
    );
    assert_eq!(book.get(&b).map(|n| n.deleted), Some(false));
}

#[test]
fn each_resolution_leaves_one_live_note_and_the_copy_in_the_trash() {
    for (resolution, expected) in [
        (Resolution::KeepMine, "base\nmine"),
        (Resolution::KeepTheirs, "base\ntheirs"),
        (Resolution::KeepBoth, "base\nmine\ntheirs"),
    ] {
        let (mut mine, mut theirs, id) = shared("base");
        mine.update(&id, draft("base\nmine"), Timestamp(2_000))
            .expect("edit");
        theirs
            .update(&id, draft("base\ntheirs"), Timestamp(3_000))
            .expect("edit");
        let report = mine.merge_import(&export_file(theirs.live()));
        let copy = report.conflicts[0].copy.clone().expect("a copy");
        assert!(
            mine.resolve_conflict(&id, &copy, resolution, Timestamp(4_000))
                .expect("resolved")
        );
        assert_eq!(mine.live().count(), 1, "{resolution:?}");
        assert_eq!(mine.get(&id).map(|n| n.body.as_str()), Some(expected));
        assert_eq!(mine.get(&copy).map(|n| n.deleted), Some(true));
    }
}

#[test]
fn the_conflict_view_marks_differing_lines_and_reports_the_button_clicked() {
    let (mut mine, mut theirs, id) = shared("Met the mayor.");
    mine.update(&id, draft("Met the mayor.\nSend the slides."), Timestamp(2))
        .expect("edit");
    theirs
        .update(&id, draft("Met the mayor.\nBook the hall."), Timestamp(3))
        .expect("edit");
    let report = mine.merge_import(&export_file(theirs.live()));
    let copy_id = report.conflicts[0].copy.clone().expect("copy");
    let original = mine.get(&id).expect("original").clone();
    let copy = mine.get(&copy_id).expect("copy").clone();
    let rows = line_diff(&original.body, &copy.body);
    assert_eq!(rows[1].change, LineChange::Changed);

    let mut h = common::ui_harness(
        [900.0, 500.0],
        move |ui, chosen: &mut Option<Resolution>| {
            if let Some(r) = conflict::show(ui, &original, &copy) {
                *chosen = Some(r);
            }
        },
        None,
    );
    h.run();
    h.get_by_label("▶ Send the slides.");
    h.get_by_label("▶ Book the hall.");
    h.get_by_label("1 line differs (marked ▶).");
    assert_eq!(*h.state(), None, "nothing is chosen by drawing");
    h.get_by_label("Keep both texts").click();
    h.run();
    assert_eq!(*h.state(), Some(Resolution::KeepBoth));
}
