//! Every change a user makes to data can be undone and redone, and what is on disk follows:
//! one test per undoable action (undo, then redo, then the file on disk).

mod common;

use std::path::{Path, PathBuf};

use common::{app_harness, app_on, wait_for_notes_saved};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::notes::{NoteDraft, NoteId, load_notes};
use partnership_atlas::ui::notes::NoteCommand;
use partnership_atlas::ui::{Command, FileAction, UiCommand};

fn notes_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.ron");
    (dir, path)
}

fn draft(title: &str, body: &str) -> NoteDraft {
    NoteDraft {
        target: None,
        title: title.to_owned(),
        body: body.to_owned(),
        tags: Vec::new(),
        author: "Kim".to_owned(),
    }
}

/// Titles of the live notes in the file on disk.
fn live_titles_on_disk(path: &Path) -> Vec<String> {
    let mut t: Vec<String> = load_notes(path)
        .expect("the notes file reads")
        .notes
        .iter()
        .filter(|n| !n.deleted)
        .map(|n| n.title.clone())
        .collect();
    t.sort();
    t
}

/// Writes a note through the app's own commands and returns its id.
fn write_note(app: &mut AtlasApp, title: &str, body: &str) -> NoteId {
    app.apply(Command::Notes(NoteCommand::New(None)));
    let id = app
        .settings
        .notes
        .open
        .as_ref()
        .expect("editor open")
        .id
        .clone();
    app.apply(Command::Notes(NoteCommand::Update(
        id.clone(),
        draft(title, body),
    )));
    app.history.seal();
    id
}

fn undo(app: &mut AtlasApp) {
    app.apply(Command::Ui(UiCommand::Undo));
}

fn redo(app: &mut AtlasApp) {
    app.apply(Command::Ui(UiCommand::Redo));
}

#[test]
fn undo_removes_a_new_note_and_redo_brings_it_back() {
    let (_dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    h.state_mut().apply(Command::Notes(NoteCommand::New(None)));
    let id = h
        .state()
        .settings
        .notes
        .open
        .as_ref()
        .expect("editor")
        .id
        .clone();
    assert!(h.state().notes.book.get(&id).is_some());
    assert_eq!(h.state().history.undo_label(), Some("new note"));

    undo(h.state_mut());
    assert!(h.state().notes.book.get(&id).is_none());
    wait_for_notes_saved(&mut h);
    assert!(load_notes(&path).expect("reads").notes.is_empty());

    redo(h.state_mut());
    assert!(h.state().notes.book.get(&id).is_some());
    wait_for_notes_saved(&mut h);
    assert_eq!(load_notes(&path).expect("reads").notes.len(), 1);
}

#[test]
fn undo_restores_an_edited_note_text_and_redo_reapplies_it() {
    let (_dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    let id = write_note(h.state_mut(), "Sejong prep", "first text");
    h.state_mut().apply(Command::Notes(NoteCommand::Update(
        id.clone(),
        draft("Sejong prep", "second text"),
    )));
    // Typing more in the same burst is the same undo step.
    h.state_mut().apply(Command::Notes(NoteCommand::Update(
        id.clone(),
        draft("Sejong prep", "second text, longer"),
    )));
    assert_eq!(
        h.state().history.undo_label(),
        Some("edit note “Sejong prep”")
    );

    undo(h.state_mut());
    assert_eq!(
        h.state().notes.book.get(&id).expect("note").body,
        "first text"
    );
    wait_for_notes_saved(&mut h);
    let on_disk = load_notes(&path).expect("reads");
    assert_eq!(on_disk.notes[0].body, "first text");

    redo(h.state_mut());
    assert_eq!(
        h.state().notes.book.get(&id).expect("note").body,
        "second text, longer"
    );
    wait_for_notes_saved(&mut h);
    assert_eq!(
        load_notes(&path).expect("reads").notes[0].body,
        "second text, longer"
    );
}

#[test]
fn undo_restores_a_deleted_note_and_redo_deletes_it_again() {
    let (_dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    let id = write_note(h.state_mut(), "Sejong prep", "agenda");
    h.state_mut()
        .apply(Command::Notes(NoteCommand::Delete(id.clone())));
    assert_eq!(
        h.state().history.undo_label(),
        Some("delete note “Sejong prep”")
    );
    wait_for_notes_saved(&mut h);
    assert!(live_titles_on_disk(&path).is_empty());

    undo(h.state_mut());
    assert!(h.state().notes.book.get(&id).expect("note").is_live());
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path), ["Sejong prep"]);

    redo(h.state_mut());
    assert!(!h.state().notes.book.get(&id).expect("note").is_live());
    wait_for_notes_saved(&mut h);
    assert!(live_titles_on_disk(&path).is_empty());
}

#[test]
fn undo_trashes_a_restored_note_again_and_redo_restores_it() {
    let (_dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    let id = write_note(h.state_mut(), "Busan visit", "");
    h.state_mut()
        .apply(Command::Notes(NoteCommand::Delete(id.clone())));
    h.state_mut()
        .apply(Command::Notes(NoteCommand::Undelete(id.clone())));
    assert_eq!(
        h.state().history.undo_label(),
        Some("restore note “Busan visit”")
    );

    undo(h.state_mut());
    assert!(!h.state().notes.book.get(&id).expect("note").is_live());
    wait_for_notes_saved(&mut h);
    assert!(live_titles_on_disk(&path).is_empty());

    redo(h.state_mut());
    assert!(h.state().notes.book.get(&id).expect("note").is_live());
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path), ["Busan visit"]);
}

/// A colleague's notes file with one note of their own.
fn colleague_file(dir: &Path) -> PathBuf {
    let (_d, theirs_path) = notes_dir();
    let mut theirs = app_harness(app_on(&theirs_path));
    theirs.run();
    write_note(theirs.state_mut(), "Kim's Busan notes", "from Kim");
    let out = dir.join("kim.ron");
    theirs.state_mut().apply(Command::FileAt(
        FileAction::ExportNotes {
            markdown: false,
            target: None,
        },
        out.clone(),
    ));
    assert!(out.is_file(), "{}", theirs.state().status);
    out
}

#[test]
fn undo_takes_back_a_merged_colleague_file_and_redo_merges_it_again() {
    let (dir, path) = notes_dir();
    let kim = colleague_file(dir.path());
    let mut h = app_harness(app_on(&path));
    h.run();
    write_note(h.state_mut(), "Mine", "");
    h.state_mut()
        .apply(Command::FileAt(FileAction::ImportNotes, kim.clone()));
    assert_eq!(h.state().history.undo_label(), Some("merge of kim.ron"));
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path), ["Kim's Busan notes", "Mine"]);

    undo(h.state_mut());
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path), ["Mine"]);

    redo(h.state_mut());
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path), ["Kim's Busan notes", "Mine"]);
}

#[test]
fn undo_takes_back_a_conflict_resolution_and_redo_resolves_it_again() {
    let (dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    let id = write_note(h.state_mut(), "Shared", "my text");
    // A colleague's version of the same note with a different text: a conflict copy.
    let mut theirs = h.state().notes.book.get(&id).expect("note").clone();
    theirs.body = "their text".to_owned();
    theirs.updated = partnership_atlas::notes::Timestamp(theirs.updated.0 + 1000);
    let file = partnership_atlas::notes::NotesFile::new(vec![theirs]);
    let kim = dir.path().join("kim.ron");
    std::fs::write(&kim, partnership_atlas::notes::to_ron(&file).expect("ron")).expect("write");
    h.state_mut()
        .apply(Command::FileAt(FileAction::ImportNotes, kim));
    let (copy, copy_body) = h
        .state()
        .notes
        .book
        .live()
        .find(|n| n.conflict_of.is_some())
        .map(|n| (n.id.clone(), n.body.clone()))
        .expect("a conflict copy");
    let original_body = h.state().notes.book.get(&id).expect("note").body.clone();
    assert_ne!(copy_body, original_body);
    h.state_mut()
        .apply(Command::Notes(NoteCommand::KeepConflictVersion {
            copy: copy.clone(),
            original: id.clone(),
        }));
    assert_eq!(h.state().history.undo_label(), Some("conflict resolution"));
    assert_eq!(h.state().notes.book.get(&id).expect("note").body, copy_body);

    undo(h.state_mut());
    assert_eq!(
        h.state().notes.book.get(&id).expect("note").body,
        original_body
    );
    assert!(h.state().notes.book.get(&copy).expect("copy").is_live());
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path).len(), 2);

    redo(h.state_mut());
    assert_eq!(h.state().notes.book.get(&id).expect("note").body, copy_body);
    wait_for_notes_saved(&mut h);
    assert_eq!(live_titles_on_disk(&path), ["Shared"]);
}

fn import_fixture(h: &mut egui_kittest::Harness<'_, AtlasApp>) -> usize {
    let before = h.state().loaded.store.indicators.len();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv/rd_intensity_kor_euu_uis.csv");
    h.state_mut()
        .apply(Command::FileAt(FileAction::ImportCsv, csv));
    h.run();
    h.get_by_label("Apply import").click_accesskit();
    h.run();
    assert!(h.state().loaded.store.indicators.len() > before);
    before
}

#[test]
fn undo_takes_back_a_csv_import_and_redo_applies_it_again() {
    let (dir, notes) = notes_dir();
    let mut h = app_harness(app_on(&notes));
    h.run();
    let opened = &std::sync::Arc::clone(&h.state().loaded.store);
    let before = import_fixture(&mut h);
    let after = h.state().loaded.store.indicators.len();
    assert!(h.state().store_unsaved());
    assert!(
        h.state()
            .history
            .undo_label()
            .is_some_and(|l| l.starts_with("CSV import")),
        "{:?}",
        h.state().history.undo_label()
    );

    // Undo and redo put back the very stores they keep (shared, not copied again).
    let imported = std::sync::Arc::clone(&h.state().loaded.store);
    undo(h.state_mut());
    assert_eq!(h.state().loaded.store.indicators.len(), before);
    assert!(!h.state().store_unsaved(), "back to the store as opened");
    assert!(
        std::sync::Arc::ptr_eq(&h.state().loaded.store, opened),
        "the store as opened comes back itself"
    );

    redo(h.state_mut());
    assert_eq!(h.state().loaded.store.indicators.len(), after);
    assert!(h.state().store_unsaved());
    assert!(std::sync::Arc::ptr_eq(&h.state().loaded.store, &imported));

    // The file on disk: saving writes the imported figures, and the store is then saved.
    let out = dir.path().join("store.ron");
    h.state_mut()
        .apply(Command::FileAt(FileAction::SaveStoreAs, out.clone()));
    assert!(!h.state().store_unsaved(), "{}", h.state().status);
    let saved = partnership_atlas::store::load_path(&out).expect("the saved store loads");
    assert_eq!(saved.store.indicators.len(), after);
}

#[test]
fn reload_with_an_unsaved_import_asks_first_and_cancel_keeps_the_import() {
    let (_dir, notes) = notes_dir();
    let mut h = app_harness(app_on(&notes));
    h.run();
    let before = import_fixture(&mut h);
    let after = h.state().loaded.store.indicators.len();

    h.state_mut().apply(Command::Ui(UiCommand::ReloadStore));
    h.run();
    h.get_by_label("Unsaved changes to the store");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().loaded.store.indicators.len(), after);
    assert!(h.state().confirm.is_none());

    h.state_mut().apply(Command::Ui(UiCommand::ReloadStore));
    h.run();
    h.get_by_label("Discard the changes").click();
    h.run();
    assert_eq!(h.state().loaded.store.indicators.len(), before);
    assert!(!h.state().store_unsaved());
}

#[test]
fn the_edit_menu_says_what_undo_will_undo() {
    let (_dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    let id = write_note(h.state_mut(), "Sejong prep", "");
    h.state_mut()
        .apply(Command::Notes(NoteCommand::Delete(id.clone())));
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.run();
    // The menu item reads what it will undo, then its shortcut.
    h.get_by_label("Undo delete note “Sejong prep” Ctrl+Z")
        .click();
    h.run();
    assert!(h.state().notes.book.get(&id).expect("note").is_live());
    assert_eq!(
        h.state().history.undo_label(),
        Some("edit note “Sejong prep”")
    );
}

#[test]
fn ctrl_z_outside_a_text_field_undoes_the_last_change_and_ctrl_shift_z_redoes_it() {
    let (_dir, path) = notes_dir();
    let mut h = app_harness(app_on(&path));
    h.run();
    let id = write_note(h.state_mut(), "Keys", "");
    h.state_mut()
        .apply(Command::Notes(NoteCommand::Delete(id.clone())));
    h.state_mut().settings.view = partnership_atlas::ui::View::Overview;
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().notes.book.get(&id).expect("note").is_live());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert!(!h.state().notes.book.get(&id).expect("note").is_live());
}
