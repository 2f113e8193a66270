//! Editing the store in the app, through the real UI: forms, sources, marks, saving as the
//! user's own store, undo.

mod common;

use common::{app_harness, app_on, returning_user};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::{AtlasApp, StartOptions};
use partnership_atlas::ui::{Command, FileAction, UiCommand};

const PAIR: &str = "pair-belfast-sejong";

fn type_into(h: &mut egui_kittest::Harness<'_, AtlasApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn milestones(app: &AtlasApp) -> Vec<String> {
    app.loaded
        .store
        .partnerships
        .iter()
        .find(|p| p.id == PAIR)
        .map(|p| p.milestones.iter().map(|m| m.title.clone()).collect())
        .unwrap_or_default()
}

/// Opens "Add milestone" on Belfast–Sejong and fills its date and title.
fn start_milestone(h: &mut egui_kittest::Harness<'_, AtlasApp>) {
    h.state_mut().apply(Command::Select(PAIR.into()));
    h.run();
    h.get_by_label("Add milestone").click();
    h.run();
    type_into(h, "When", "2026-11");
    type_into(h, "What happened", "Workshop in Sejong");
}

#[test]
fn a_milestone_with_a_new_source_is_saved_as_my_store_and_shown_marked_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    start_milestone(&mut h);
    h.get_by_label("Add a new source").click();
    h.run();
    type_into(&mut h, "Source title", "Sejong workshop minutes");
    type_into(&mut h, "Publisher", "Sejong City");
    type_into(
        &mut h,
        "URL or document reference",
        "https://example.org/minutes",
    );
    type_into(&mut h, "Locator", "p. 2");
    h.get_by_label("Save").click();
    h.run();
    assert!(h.state().edit_form.is_none(), "{}", h.state().status);
    assert!(milestones(h.state()).contains(&"Workshop in Sejong".to_owned()));
    assert!(h.state().store_unsaved());
    h.run();
    assert!(
        h.query_by_label_contains("changed by Test Officer")
            .is_some(),
        "the details panel marks the partnership as changed"
    );

    let folder = dir.path().join("my-store");
    h.state_mut()
        .apply(Command::FileAt(FileAction::SaveMyStore, folder.clone()));
    assert!(!h.state().store_unsaved(), "{}", h.state().status);

    // A fresh app on that folder shows the milestone, its source, and the marks.
    let options = StartOptions {
        store: Some(folder),
        notes: Some(dir.path().join("notes2.ron")),
        ..StartOptions::default()
    };
    let mut h2 = app_harness(AtlasApp::new(returning_user(), &options));
    h2.state_mut().apply(Command::Select(PAIR.into()));
    h2.run();
    assert!(milestones(h2.state()).contains(&"Workshop in Sejong".to_owned()));
    assert!(
        h2.query_all_by_label_contains("Workshop in Sejong")
            .next()
            .is_some()
    );
    assert!(
        h2.query_by_label_contains("changed by Test Officer")
            .is_some()
    );
    let source = h2
        .state()
        .loaded
        .store
        .sources
        .iter()
        .find(|s| s.title == "Sejong workshop minutes")
        .map(|s| s.id.clone())
        .expect("the new source was saved");
    h2.state_mut().apply(Command::Select(source));
    h2.run();
    assert!(
        h2.query_by_label_contains("added by Test Officer")
            .is_some()
    );
}

#[test]
fn a_milestone_without_a_source_is_refused_with_a_message_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    let before = h.state().loaded.store.clone();
    start_milestone(&mut h);
    h.get_by_label("Save").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label(partnership_atlas::ui::edit::NEEDS_SOURCE)
            .is_some()
    );
    assert!(h.state().edit_form.is_some(), "the form stays open");
    assert_eq!(h.state().loaded.store, before);
    assert!(!h.state().store_unsaved());
}

#[test]
fn a_new_record_without_a_source_is_refused_at_its_field() {
    let dir = tempfile::tempdir().expect("temp");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.get_by_label("New ▾").click();
    h.run();
    h.get_by_label("New organisation…").click();
    h.run();
    type_into(&mut h, "Organisation name", "Sejong Test Institute");
    type_into(&mut h, "Country", "KR");
    h.get_by_label("Save").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label(partnership_atlas::ui::edit::NEEDS_SOURCE)
            .is_some()
    );
    assert!(
        !h.state()
            .loaded
            .store
            .organisations
            .iter()
            .any(|o| o.name == "Sejong Test Institute")
    );
}

#[test]
fn ctrl_z_removes_the_milestone_and_redo_puts_it_back() {
    let dir = tempfile::tempdir().expect("temp");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    start_milestone(&mut h);
    h.get_by_label("Find a source").focus();
    h.run();
    h.get_by_label("Find a source")
        .type_text("Innovation Twins");
    h.run();
    h.get_all_by_label_contains("Innovation Twins")
        .find(|n| n.rect().min.x > 900.0)
        .expect("a source match in the form")
        .click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(
        milestones(h.state()).contains(&"Workshop in Sejong".to_owned()),
        "{}",
        h.state().status
    );
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Z]);
    h.run();
    assert!(!milestones(h.state()).contains(&"Workshop in Sejong".to_owned()));
    assert!(!h.state().store_unsaved());
    h.state_mut().apply(Command::Ui(UiCommand::Redo));
    assert!(milestones(h.state()).contains(&"Workshop in Sejong".to_owned()));
}

#[test]
fn deleting_a_record_asks_first_and_undo_restores_it() {
    let dir = tempfile::tempdir().expect("temp");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.state_mut().apply(Command::Select(PAIR.into()));
    h.run();
    h.get_by_label("Delete…").click();
    h.run();
    assert!(h.state().loaded.store.item(PAIR).is_some(), "asks first");
    assert!(h.query_by_label_contains("Delete partnership").is_some());
    h.get_by_label("Delete").click();
    h.run();
    assert!(
        h.state().loaded.store.item(PAIR).is_none(),
        "{}",
        h.state().status
    );
    h.state_mut().apply(Command::Ui(UiCommand::Undo));
    assert!(h.state().loaded.store.item(PAIR).is_some());
}
