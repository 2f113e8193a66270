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
    // The picture is filled and written on a worker: the frame returns with a progress line.
    assert!(h.state().job_in_progress());
    let status = h.state().status.clone();
    assert!(
        status.starts_with("Saving the network view as PNG…"),
        "{status}"
    );
    h.state_mut().finish_job();
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
        let mut state = partnership_atlas::ui::list::ListState::default();
        state.search = q.to_owned();
        state.shown_ids(&rows)
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

#[test]
fn the_first_note_asks_once_for_the_authors_name_and_writes_it_on_the_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = partnership_atlas::app::StartOptions {
        notes: Some(dir.path().join("notes.ron")),
        ..Default::default()
    };
    let app = partnership_atlas::app::AtlasApp::new(Default::default(), &options);
    let mut h = app_harness(app);
    h.run();
    h.state_mut().apply(Command::Ui(UiCommand::NewNote));
    h.run();
    assert!(h.state().author_prompt.is_some());
    h.get_by_label("Your name").focus();
    h.get_by_label("Your name").type_text("Kim Ji-won");
    h.run();
    h.get_by_label("Use this name").click();
    h.run();
    assert_eq!(h.state().settings.author, "Kim Ji-won");
    assert!(h.state().settings.author_asked);
    let id = h
        .state()
        .settings
        .notes
        .open
        .as_ref()
        .expect("editor")
        .id
        .clone();
    assert_eq!(
        h.state().notes.book.get(&id).expect("note").author,
        "Kim Ji-won"
    );
    // Asked once only.
    h.state_mut().apply(Command::Ui(UiCommand::NewNote));
    h.run();
    assert!(h.state().author_prompt.is_none());
}

#[test]
fn the_first_run_hint_names_three_things_to_try_and_goes_away_when_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = partnership_atlas::app::StartOptions {
        notes: Some(dir.path().join("notes.ron")),
        ..Default::default()
    };
    let app = partnership_atlas::app::AtlasApp::new(Default::default(), &options);
    let mut h = app_harness(app);
    h.run();
    h.get_by_label("New here? Try three things:");
    h.get_by_label("Got it").click();
    h.run();
    assert!(h.state().settings.hint_seen);
    assert!(h.query_by_label("New here? Try three things:").is_none());
}

#[test]
fn briefing_from_the_details_panel_writes_an_offline_page_without_freezing_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    let pair = h
        .state()
        .loaded
        .store
        .partnerships
        .iter()
        .find(|p| p.a == "place-belfast" && p.b == "place-sejong")
        .expect("the Belfast–Sejong pair")
        .id
        .clone();
    h.state_mut().apply(Command::Select(pair.clone()));
    h.run();
    h.get_by_label("Briefing…").click();
    h.run();
    // No dialog in tests: the path field opens with a suggested name.
    let prompt = h.state().path_prompt.clone().expect("a path field");
    assert_eq!(
        prompt.action,
        FileAction::Briefing {
            ids: vec![pair.clone()]
        }
    );
    let out = dir.path().join("sejong.html");
    h.state_mut().path_prompt = None;
    h.state_mut().apply(Command::FileAt(
        FileAction::Briefing { ids: vec![pair] },
        out.clone(),
    ));
    assert!(h.state().briefing_in_progress());
    let start = std::time::Instant::now();
    while h.state().briefing_in_progress() {
        assert!(
            start.elapsed().as_secs() < 60,
            "the briefing never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run();
    }
    let html =
        std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}: {}", h.state().status));
    assert!(html.contains("세종") && html.contains("Belfast"));
    assert!(html.contains("data:image/png;base64,"));
    assert!(out.with_extension("md").is_file());
}

#[test]
fn the_networks_as_of_year_and_the_timelines_cursor_are_the_same_value() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.state_mut().settings.view = partnership_atlas::ui::View::Timeline;
    h.state_mut().apply(Command::SetAsOfYear(Some(2020)));
    h.run();
    assert!(h.query_all_by_label("As of 2020").count() >= 1);
    // The network's year slider writes the same field.
    h.state_mut().settings.network.filter.year = Some(2023);
    h.run();
    assert!(h.query_all_by_label("As of 2023").count() >= 1);
    assert_eq!(h.query_all_by_label("As of 2020").count(), 0);
}
