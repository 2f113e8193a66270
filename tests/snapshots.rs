//! Snapshot tests of the views a person looks at most, at a small laptop's, a common laptop's
//! and a desktop's size (the file names hold the size). They fail on a visible difference; after
//! a deliberate change, `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes new ones — look
//! at them before committing.

mod common;

use partnership_atlas::ui::View;
use partnership_atlas::ui::charts::ChartKind;

const SIZES: [[f32; 2]; 3] = [[1024.0, 640.0], [1280.0, 720.0], [1920.0, 1080.0]];

fn snapshot(view: View, name: &str, prepare: impl Fn(&mut partnership_atlas::app::AtlasApp)) {
    snapshot_at(&SIZES, view, name, prepare);
}

fn snapshot_at(
    sizes: &[[f32; 2]],
    view: View,
    name: &str,
    prepare: impl Fn(&mut partnership_atlas::app::AtlasApp),
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.ron");
    write_notes(&notes);
    let mut results = egui_kittest::SnapshotResults::new();
    for &[w, h] in sizes {
        let mut app = common::app_on(&notes);
        app.settings.view = view;
        prepare(&mut app);
        let mut harness = common::app_harness_sized(app, [w, h]);
        harness.run();
        harness.snapshot(format!("{name}_{}x{}", w as u32, h as u32));
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}

/// A notes file with one note on Sejong, written at a fixed time (so the picture is the same
/// on every run).
fn write_notes(path: &std::path::Path) {
    use partnership_atlas::notes::{NoteDraft, NoteTarget, Notebook, TargetKind, Timestamp};
    let mut book = Notebook::new();
    book.add(
        NoteDraft {
            target: Some(NoteTarget::new(TargetKind::Place, "place-sejong")),
            title: "세종 workshop prep".to_owned(),
            body: "## Agenda\n\n- Smart city roadmap with Belfast\n- 연구 협력 (research cooperation)\n"
                .to_owned(),
            tags: vec!["trip".to_owned()],
            author: "Test Officer".to_owned(),
        },
        Timestamp(1_764_590_400_000),
    );
    let text = partnership_atlas::notes::to_ron(&book.to_file()).expect("notes as RON");
    std::fs::write(path, text).expect("notes file");
}

#[test]
fn the_network_view_looks_as_it_did() {
    snapshot(View::Network, "network", |_| {});
}

#[test]
fn the_policy_budgets_chart_looks_as_it_did() {
    snapshot(View::Charts, "charts_budgets", |app| {
        app.settings.charts.set_kind(ChartKind::PolicyBudgets);
    });
}

/// Selects Sejong and opens its note.
fn open_the_note(app: &mut partnership_atlas::app::AtlasApp) {
    app.apply(partnership_atlas::ui::Command::Select(
        "place-sejong".to_owned(),
    ));
    let id = app.notes.book.live().next().expect("the note").id.clone();
    app.apply(partnership_atlas::ui::Command::Notes(
        partnership_atlas::ui::notes::NoteCommand::Open(id),
    ));
}

#[test]
fn the_notes_view_with_a_note_open_looks_as_it_did() {
    snapshot(View::Notes, "notes", open_the_note);
}

#[test]
fn the_network_view_in_the_light_theme_looks_as_it_did() {
    snapshot_at(&[[1280.0, 720.0]], View::Network, "network_light", |app| {
        app.settings.theme = partnership_atlas::ui::ThemeChoice::Light;
    });
}

#[test]
fn the_notes_view_in_the_light_theme_looks_as_it_did() {
    snapshot_at(&[[1280.0, 720.0]], View::Notes, "notes_light", |app| {
        app.settings.theme = partnership_atlas::ui::ThemeChoice::Light;
        open_the_note(app);
    });
}
