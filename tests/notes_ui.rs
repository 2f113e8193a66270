//! Notes as an officer writes them: on a partnership, in Hangul, surviving a restart.

mod common;

use common::{app_harness as harness, app_on};

use egui_kittest::kittest::Queryable;
use partnership_atlas::app::{AtlasApp, View};
use partnership_atlas::ui::Command;

fn belfast_sejong(app: &AtlasApp) -> String {
    app.loaded
        .store
        .partnerships
        .iter()
        .find(|p| p.a == "place-belfast" && p.b == "place-sejong")
        .expect("the default store pairs Belfast and Sejong")
        .id
        .clone()
}

#[test]
fn a_note_written_on_belfast_sejong_is_there_after_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");

    let mut app = app_on(&path);
    app.settings.view = View::Overview;
    let pair = belfast_sejong(&app);
    app.apply(Command::Select(pair.clone()));
    let mut h = harness(app);
    h.run();
    h.get_by_label("✚ New note").click_accesskit();
    h.run();
    assert_eq!(h.state().settings.view, View::Notes);
    h.get_by_label("Title").focus();
    h.get_by_label("Title").type_text("Meeting in Sejong");
    h.run();
    h.get_by_label("Text (Markdown)").focus();
    h.get_by_label("Text (Markdown)")
        .type_text("세종시와 벨파스트: 로드맵 후속 조치");
    h.run();
    let mut app = h.into_state();
    let note = app
        .notes
        .book
        .live()
        .next()
        .expect("a note was written")
        .clone();
    assert_eq!(note.title, "Meeting in Sejong");
    assert!(note.body.contains("세종시와 벨파스트"), "{}", note.body);
    assert_eq!(
        note.target.as_ref().map(|t| t.id.as_str()),
        Some(pair.as_str())
    );
    assert_eq!(
        app.notes.flush(),
        partnership_atlas::app::notes::ExitSave::Saved,
        "the notes were saved"
    );
    drop(app);

    // A fresh app on the same notes file shows the note on the partnership.
    let mut app = app_on(&path);
    app.settings.view = View::Overview;
    app.apply(Command::Select(pair));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Meeting in Sejong");
    h.get_by_label_contains("Notes (1)");
}

#[test]
fn a_deleted_note_can_be_brought_back_with_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.apply(Command::NewNote(None));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Title").focus();
    h.get_by_label("Title").type_text("Train notes");
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(h.state().notes.book.live().count(), 0);
    h.get_by_label("Undo delete").click();
    h.run();
    assert_eq!(h.state().notes.book.live().count(), 1);
}

#[test]
fn the_notes_view_finds_notes_by_hangul_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_on(&dir.path().join("notes.ron"));
    for (title, body) in [
        ("Busan visit", "부산 항만 방문"),
        ("Train back", "London to Belfast"),
    ] {
        app.apply(Command::NewNote(None));
        let id = app
            .settings
            .notes
            .open
            .as_ref()
            .expect("editor open")
            .id
            .clone();
        let mut draft = app.notes.book.get(&id).expect("note").draft();
        draft.title = title.into();
        draft.body = body.into();
        app.apply(Command::Notes(
            partnership_atlas::ui::notes::NoteCommand::Update(id, draft),
        ));
    }
    app.settings.notes.open = None;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Find").focus();
    h.get_by_label("Find").type_text("항만");
    h.run();
    assert!(h.query_by_label("Busan visit").is_some());
    assert!(h.query_by_label("Train back").is_none());
}

#[test]
fn ctrl_z_undoes_typing_in_the_note_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.apply(Command::NewNote(None));
    let mut h = harness(app);
    h.run();
    let body = h.get_by_label("Text (Markdown)");
    body.focus();
    body.type_text("first draft");
    h.run();
    let id = h
        .state()
        .settings
        .notes
        .open
        .as_ref()
        .expect("open")
        .id
        .clone();
    assert_eq!(
        h.state().notes.book.get(&id).expect("note").body,
        "first draft"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().notes.book.get(&id).expect("note").body, "");
}
