//! Unsaved store changes survive an exit the user cannot answer: a signal, or a save that
//! fails while quitting, writes the store in memory to `<data>/rescue/store-<time>.ron`, and
//! the next start says so and offers to open it.
//!
//! One test file of its own: a simulated signal is process-wide, like a real one.

mod common;

use std::path::{Path, PathBuf};

use common::{app_harness, app_on, default_store};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::rescue::pending_rescues;
use partnership_atlas::app::signals;
use partnership_atlas::store::Origin;
use partnership_atlas::ui::{Command, UiCommand};

/// The app with notes in `dir`, its store changed (unsaved) to one named `name`.
fn app_with_unsaved_store(dir: &Path, name: &str) -> partnership_atlas::app::AtlasApp {
    let mut app = app_on(&dir.join("notes.ron"));
    let mut store = default_store();
    store.name = name.to_owned();
    app.apply(Command::ReplaceStore {
        store: Box::new(store),
        label: "an edit".to_owned(),
    });
    assert!(app.store_unsaved());
    app
}

fn rescued(dir: &Path) -> Vec<PathBuf> {
    pending_rescues(&dir.join("rescue"))
}

fn close_request(h: &mut egui_kittest::Harness<'_, partnership_atlas::app::AtlasApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
}

#[test]
fn a_signal_with_unsaved_store_changes_writes_a_rescue_file_and_the_next_start_opens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app_with_unsaved_store(dir.path(), "Edited before the signal");
    let mut h = app_harness(app);
    h.run();
    signals::simulate_for_test();
    close_request(&mut h);
    // No question was asked (nobody can answer it); the store went to a rescue file.
    assert!(h.query_by_label("Discard the changes").is_none());
    let files = rescued(dir.path());
    assert_eq!(files.len(), 1, "one rescue file: {files:?}");
    let text = std::fs::read_to_string(&files[0]).expect("read");
    assert!(text.contains("Edited before the signal"));
    assert!(h.state().status.contains(&files[0].display().to_string()));
    // The exit does not write it a second time.
    h.state_mut().rescue_store().expect("the same file");
    assert_eq!(rescued(dir.path()).len(), 1);
    drop(h);

    // The next start says so and offers to open it.
    let mut next = app_harness(app_on(&dir.path().join("notes.ron")));
    next.run();
    let offer = next.state().rescue_offer.clone().expect("an offer");
    assert_eq!(offer.path, files[0]);
    next.get_by_label("Open the rescued store").click();
    next.run();
    next.run();
    assert_eq!(next.state().loaded.store.name, "Edited before the signal");
    assert!(next.state().rescue_offer.is_none());
    // Kept (moved aside), and not offered again.
    assert!(rescued(dir.path()).is_empty());
    assert!(
        dir.path()
            .join("rescue/seen")
            .read_dir()
            .expect("seen")
            .count()
            == 1
    );
    let third = app_on(&dir.path().join("notes.ron"));
    assert!(third.rescue_offer.is_none());
}

#[cfg(target_os = "linux")]
#[test]
fn quitting_when_the_store_cannot_be_saved_writes_a_rescue_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_unsaved_store(dir.path(), "Edited, then the save failed");
    // A file nobody can replace, not even root: saving over it fails.
    let unwritable = PathBuf::from("/proc/version");
    assert!(unwritable.is_file());
    app.loaded.origin = Origin::Path(unwritable);
    let mut h = app_harness(app);
    h.state_mut().apply(Command::Ui(UiCommand::Quit));
    h.run();
    h.get_by_label("Save first").click();
    h.run();
    let files = rescued(dir.path());
    assert_eq!(files.len(), 1, "one rescue file: {files:?}");
    let text = std::fs::read_to_string(&files[0]).expect("read");
    assert!(text.contains("Edited, then the save failed"));
    let status = &h.state().status;
    assert!(status.contains(&files[0].display().to_string()), "{status}");
    // The changes are still open too (the window closes only through the rescue).
    assert_eq!(h.state().loaded.store.name, "Edited, then the save failed");
}

#[test]
fn closing_without_unsaved_store_changes_writes_no_rescue_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    signals::simulate_for_test();
    close_request(&mut h);
    assert!(rescued(dir.path()).is_empty());
    assert!(!dir.path().join("rescue").exists());
}
