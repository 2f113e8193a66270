//! Editing the store in the app, through the real UI: forms, sources, marks, saving as the
//! user's own store, undo.

mod common;

use common::{app_harness, app_on, returning_user};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::{AtlasApp, StartOptions};
use partnership_atlas::store::changes::ChangeFile;
use partnership_atlas::ui::edit::{Record, StoreEdit};
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

    assert!(h.query_by_label_contains("Unsaved store edits").is_some());
    assert!(h.query_by_label("Save as my store…").is_some());

    let folder = dir.path().join("my-store");
    h.state_mut()
        .apply(Command::FileAt(FileAction::SaveMyStore, folder.clone()));
    assert!(!h.state().store_unsaved(), "{}", h.state().status);
    h.run();
    assert!(h.query_by_label_contains("Unsaved store edits").is_none());

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

fn set_since(app: &mut AtlasApp, year: i32) {
    let mut pair = app
        .loaded
        .store
        .partnerships
        .iter()
        .find(|p| p.id == PAIR)
        .cloned()
        .expect("pair");
    pair.since = Some(year);
    app.apply(Command::EditStore(Box::new(StoreEdit::Update {
        record: Record::Partnership(pair),
        new_source: None,
    })));
}

fn since(app: &AtlasApp) -> Option<i32> {
    app.loaded.store.item(PAIR).and_then(|i| match i {
        partnership_atlas::model::ItemRef::Partnership(p) => p.since,
        _ => None,
    })
}

#[test]
fn applying_a_change_file_with_a_conflict_shows_both_values_and_applies_the_pick() {
    let dir = tempfile::tempdir().expect("temp");
    let base = common::default_store();
    let mut theirs = base.clone();
    if let Some(p) = theirs.partnerships.iter_mut().find(|p| p.id == PAIR) {
        p.since = Some(2022);
    }
    let file = dir.path().join("kim-changes.ron");
    let text = ChangeFile::between(&base, &theirs).to_ron().expect("ron");
    std::fs::write(&file, text).expect("write");

    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    set_since(h.state_mut(), 2020);
    assert_eq!(since(h.state()), Some(2020), "{}", h.state().status);
    h.state_mut()
        .apply(Command::FileAt(FileAction::ApplyChanges, file));
    h.run();
    assert!(h.state().review.is_some(), "{}", h.state().status);
    assert!(h.query_by_label_contains("Mine: 2020").is_some());
    assert!(h.query_by_label_contains("Theirs: 2022").is_some());
    assert_eq!(
        since(h.state()),
        Some(2020),
        "nothing applied before the user says so"
    );
    h.get_by_label_contains("Theirs: 2022").click();
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert!(h.state().review.is_none());
    assert_eq!(since(h.state()), Some(2022), "{}", h.state().status);
    h.state_mut().apply(Command::Ui(UiCommand::Undo));
    assert_eq!(since(h.state()), Some(2020), "one undo step");
}

#[test]
fn a_store_changed_on_disk_is_not_overwritten_until_the_user_chooses() {
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("team-store");
    partnership_atlas::store::folder::save_folder(&common::default_store(), &folder)
        .expect("folder store");
    let options = StartOptions {
        store: Some(folder.clone()),
        notes: Some(dir.path().join("notes.ron")),
        ..StartOptions::default()
    };
    let mut h = app_harness(AtlasApp::new(returning_user(), &options));
    set_since(h.state_mut(), 2020);
    // A colleague saves the same folder meanwhile.
    let mut theirs = common::default_store();
    theirs.partnerships[0].themes.push("robotics".into());
    partnership_atlas::store::folder::save_folder(&theirs, &folder).expect("their save");
    let on_disk = partnership_atlas::store::load_path(&folder)
        .expect("loads")
        .store;

    h.state_mut().apply(Command::Ui(UiCommand::SaveStore));
    h.run();
    assert!(h.state().disk_conflict.is_some(), "{}", h.state().status);
    assert_eq!(
        partnership_atlas::store::load_path(&folder)
            .expect("loads")
            .store,
        on_disk,
        "nothing overwritten"
    );
    assert!(
        h.query_all_by_label_contains("robotics").next().is_some(),
        "their change is shown"
    );
    h.get_by_label("Keep mine and overwrite").click();
    h.run();
    assert!(!h.state().store_unsaved(), "{}", h.state().status);
    let saved = partnership_atlas::store::load_path(&folder)
        .expect("loads")
        .store;
    assert_eq!(saved, h.state().loaded.store);
}

#[test]
fn a_milestone_is_changed_in_its_form_and_removed_with_one_click_that_undo_brings_back() {
    let dir = tempfile::tempdir().expect("temp");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    let before = milestones(h.state());
    assert_eq!(
        before.len(),
        1,
        "Belfast–Sejong has one milestone: {before:?}"
    );
    h.state_mut().apply(Command::Select(PAIR.into()));
    h.run();
    // Change it: the form opens with its date, title and source filled in.
    h.get_by_label("Change…").click_accesskit();
    h.run();
    assert!(h.query_by_label_contains("Change a milestone of").is_some());
    h.get_by_label("What happened").focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.get_by_label("What happened")
        .type_text("Roadmap launched");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        milestones(h.state()),
        vec!["Roadmap launched".to_owned()],
        "{}",
        h.state().status
    );
    let pair = h.state().loaded.store.item(PAIR).map(|i| i.id().to_owned());
    assert_eq!(pair.as_deref(), Some(PAIR));
    let sources = &h
        .state()
        .loaded
        .store
        .partnerships
        .iter()
        .find(|p| p.id == PAIR)
        .expect("pair")
        .milestones[0]
        .sources;
    assert!(!sources.is_empty(), "the milestone keeps its source");
    // Remove it: one click, one undo step.
    h.get_by_label("Remove").click_accesskit();
    h.run();
    assert!(milestones(h.state()).is_empty());
    assert!(h.state().store_unsaved());
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Z]);
    h.run();
    assert_eq!(milestones(h.state()), vec!["Roadmap launched".to_owned()]);
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::Z]);
    h.run();
    assert_eq!(milestones(h.state()), before);
}

/// The built-in store's rows are indexed once, while the window opens; an edit must not
/// leave the list on those rows, and undoing it must bring the record back to the list.
#[test]
fn the_list_follows_an_edit_of_the_built_in_store_and_its_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = StartOptions {
        notes: Some(dir.path().join("notes.ron")),
        ..StartOptions::default()
    };
    let mut app = AtlasApp::new(returning_user(), &options);
    let listed = |app: &AtlasApp, id: &str| {
        app.rows
            .index()
            .is_some_and(|i| i.iter().any(|d| d.id == id))
    };
    assert!(listed(&app, "pair-belfast-sejong"));
    app.apply(Command::EditStore(Box::new(StoreEdit::Delete {
        id: "pair-belfast-sejong".into(),
    })));
    assert!(app.loaded.store.item("pair-belfast-sejong").is_none());
    assert!(
        !listed(&app, "pair-belfast-sejong"),
        "the list lost the deleted pair"
    );
    app.apply(Command::Ui(UiCommand::Undo));
    assert!(
        listed(&app, "pair-belfast-sejong"),
        "undo brings it back to the list"
    );
}
