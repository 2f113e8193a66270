//! The app as a person uses it, driven through AccessKit by egui_kittest (no window, no GPU).

mod common;

use common::app_harness as harness;

use egui_kittest::{Harness, kittest::Queryable};
use partnership_atlas::app::{AtlasApp, Settings, StartOptions};

fn default_app() -> AtlasApp {
    AtlasApp::new(Settings::default(), &StartOptions::default())
}

fn search(h: &mut Harness<'_, AtlasApp>, text: &str) {
    let field = h.get_by_label("Search");
    field.focus();
    field.type_text(text);
    h.run();
}

#[test]
fn the_app_starts_on_the_embedded_store_without_problems() {
    let mut h = harness(default_app());
    h.run();
    assert!(h.state().problems.is_empty(), "{:?}", h.state().problems);
    assert!(!h.state().loaded.store.partnerships.is_empty());
    h.get_by_label("No problems");
}

#[test]
fn searching_belfast_finds_the_belfast_sejong_pair() {
    let mut h = harness(default_app());
    h.run();
    search(&mut h, "Belfast");
    let pair = h
        .state()
        .loaded
        .store
        .partnerships
        .iter()
        .find(|p| p.name.contains("Belfast"))
        .expect("the default store has a Belfast partnership")
        .name
        .clone();
    // In the browse list (the left panel), not only in the overview.
    assert!(h.get_all_by_label(&pair).any(|n| n.rect().min.x < 400.0));
}

#[test]
fn searching_in_hangul_finds_sejong_and_selecting_shows_the_source() {
    let mut h = harness(default_app());
    h.run();
    search(&mut h, "세종");
    let store = h.state().loaded.store.clone();
    let sejong = store
        .places
        .iter()
        .find(|p| p.name_ko.as_deref() == Some("세종"))
        .expect("Sejong has its Hangul name");
    let pair = store
        .partnerships
        .iter()
        .find(|p| p.b == sejong.id || p.a == sejong.id)
        .expect("Sejong is paired");
    h.get_all_by_label(&pair.name)
        .find(|n| n.rect().min.x < 400.0)
        .expect("the pair is listed")
        .click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some(pair.id.as_str()));
    let source = store
        .sources
        .iter()
        .find(|s| s.id == pair.sources[0].source)
        .expect("the pair's source exists");
    // The details panel names the source (a link to it).
    assert!(
        h.query_all_by_label(&source.title).count() >= 1,
        "source {} not shown",
        source.title
    );
}

#[test]
fn a_broken_store_keeps_the_open_store_and_lists_its_problems() {
    let mut app = default_app();
    let before = app.loaded.store.partnerships.len();
    app.open(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/semantic.ron"),
    );
    let mut h = harness(app);
    h.run();
    assert_eq!(h.state().loaded.store.partnerships.len(), before);
    assert!(h.state().problems.len() >= 9);
    h.get_by_label_contains("problems");
    h.get_by_label_contains("unknown id `place-ghost`");
}

#[test]
fn hangul_names_can_be_shown_in_the_list() {
    let mut h = harness(default_app());
    h.run();
    h.get_by_label("한국어 names").click();
    h.run();
    assert!(h.state().settings.hangul);
    search(&mut h, "Sejong");
    assert!(h.query_all_by_label_contains("세종").count() >= 1);
}

/// A file dropped on the window, as the windowing layer would hand it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_store_file_on_the_window_opens_it() {
    let mut h = harness(default_app());
    h.run();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/minimal.ron");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(h.state().loaded.store.name, "Minimal test store");
    assert_eq!(
        h.state().loaded.origin,
        partnership_atlas::store::Origin::Path(path)
    );
    h.get_by_label("Minimal test store");
}
