//! File actions and shortcuts through the App's one command path.

mod common;

use common::{app_harness, app_on};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::ui::{Command, FileAction, UiCommand};
use unicode_normalization::UnicodeNormalization as _;

#[test]
fn without_a_file_dialog_the_app_offers_a_path_field_and_exports_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    h.state_mut().apply(Command::Notes(
        partnership_atlas::ui::notes::NoteCommand::New(None),
    ));
    let out = dir.path().join("typed.md");
    h.state_mut()
        .apply(Command::AskPath(FileAction::ExportNotes {
            markdown: true,
            target: None,
        }));
    h.run();
    assert!(h.state().path_prompt.is_some());
    h.get_by_label("Path").focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.run();
    h.get_by_label("Path").type_text(&out.display().to_string());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(out.is_file(), "{}", h.state().status);
    assert!(h.state().path_prompt.is_none());
}

#[test]
fn f1_opens_the_shortcut_sheet_made_from_the_command_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.state().show_shortcuts);
    assert!(h.query_all_by_label("Keyboard shortcuts").count() >= 1);
    for c in UiCommand::ALL.iter().filter(|c| c.shortcut().is_some()) {
        assert!(
            h.query_all_by_label(c.text()).count() >= 1,
            "{} missing",
            c.text()
        );
    }
}

#[test]
fn escape_clears_the_selection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    h.state_mut()
        .apply(Command::Select("place-busan".to_owned()));
    h.run();
    assert!(h.state().selected.is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().selected.is_none());
}

#[test]
fn a_failed_network_export_says_why_and_names_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a file where a folder should be").expect("blocker");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    let target = blocker.join("network.png");
    h.state_mut().apply(Command::FileAt(
        FileAction::ExportNetworkPng { scale: 1.0 },
        target.clone(),
    ));
    let status = h.state().status.clone();
    assert!(status.starts_with("Not saved"), "{status}");
    assert!(status.contains("blocker"), "{status}");
    assert!(!target.exists());
}

#[test]
fn a_decomposed_hangul_query_finds_the_same_list_rows_nodes_and_notes_as_a_composed_one() {
    let composed = "세종";
    let decomposed: String = composed.nfd().collect();
    assert_ne!(composed, decomposed);
    let store = common::default_store();

    // The browse list.
    let rows = partnership_atlas::ui::list::rows(&store);
    let list = |q: &str| {
        let state = partnership_atlas::ui::list::ListState {
            search: q.to_owned(),
            ..Default::default()
        };
        partnership_atlas::ui::list::visible(&rows, &state)
    };
    assert!(!list(composed).is_empty());
    assert_eq!(list(composed), list(&decomposed));

    // The network search.
    let graph = partnership_atlas::analysis::network::Graph::build(
        &store,
        partnership_atlas::analysis::network::Granularity::Cities,
    );
    let nodes = |q: &str| partnership_atlas::analysis::network::search::search(&graph, q, 20);
    assert!(!nodes(composed).is_empty());
    assert_eq!(nodes(composed), nodes(&decomposed));

    // The notes search.
    let mut book = partnership_atlas::notes::Notebook::new();
    book.add(
        partnership_atlas::notes::NoteDraft {
            target: None,
            title: "세종 workshop".to_owned(),
            body: String::new(),
            tags: Vec::new(),
            author: String::new(),
        },
        partnership_atlas::notes::Timestamp(1),
    );
    let notes = |q: &str| {
        let query = partnership_atlas::notes::NoteQuery {
            text: q.to_owned(),
            ..Default::default()
        };
        book.query(&query).len()
    };
    assert_eq!(notes(composed), 1);
    assert_eq!(notes(&decomposed), 1);
}
