//! A file a colleague sent is read off the UI thread: while a large notes file or store is
//! read and parsed, frames keep coming, the status bar says "Reading …", and the notes and
//! the open store stay as they were until the result is in. An oversized file is refused
//! with its message the same way and changes nothing.

mod common;

use std::time::{Duration, Instant};

use common::{app_harness, app_on, default_store};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::notes::{NoteDraft, Notebook, Timestamp, export_file, to_ron};
use partnership_atlas::ui::{Command, FileAction};

/// Runs frames until no file is being read (at most a minute: a debug build on a busy
/// machine); returns how many frames were drawn meanwhile and the longest one.
fn frames_until_read(h: &mut egui_kittest::Harness<'_, AtlasApp>) -> (usize, Duration) {
    let start = Instant::now();
    let (mut frames, mut longest) = (0, Duration::ZERO);
    while h.state().reading_in_progress() {
        assert!(start.elapsed() < Duration::from_secs(60), "still reading");
        let t = Instant::now();
        h.run();
        longest = longest.max(t.elapsed());
        frames += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run();
    (frames, longest)
}

/// A colleague's file of `n` notes, as text.
fn colleague_notes(n: usize) -> String {
    let mut book = Notebook::new();
    for i in 0..n {
        let draft = NoteDraft {
            title: format!("Colleague note {i}"),
            body: format!("Line one of {i}.\nLine two, with more words to read and parse."),
            author: "Kim".to_owned(),
            ..NoteDraft::default()
        };
        book.add(draft, Timestamp(1_700_000_000_000 + i as i64));
    }
    to_ron(&export_file(book.live())).expect("ron")
}

#[test]
fn a_large_notes_file_is_read_off_the_ui_thread_and_then_merged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let theirs = dir.path().join("kim.ron");
    std::fs::write(&theirs, colleague_notes(20_000)).expect("write");
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.read_in_background = true;
    let mut h = app_harness(app);
    h.run();
    h.state_mut()
        .apply(Command::FileAt(FileAction::ImportNotes, theirs.clone()));
    // The command returns at once: nothing is merged yet, and the status bar says why.
    assert!(h.state().reading_in_progress());
    assert!(
        h.state().status.starts_with("Reading"),
        "{}",
        h.state().status
    );
    assert_eq!(h.state().notes.book.len(), 0);
    h.run();
    let (frames, _) = frames_until_read(&mut h);
    assert!(frames >= 1, "frames were drawn while the file was read");
    assert_eq!(h.state().notes.book.len(), 20_000);
    assert!(
        h.state().status.contains("20000 added"),
        "{}",
        h.state().status
    );
}

#[test]
fn an_oversized_notes_file_read_in_the_background_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let theirs = dir.path().join("huge.ron");
    // Over the 50,000-note limit (written by hand: the app never writes such a file).
    let notes: Vec<String> = (0..50_001)
        .map(|i| format!("(id: \"k{i}\", title: \"Note {i}\", created: 1700000000000, updated: 1700000000000)"))
        .collect();
    let text = format!("(format_version: 1, notes: [{}])", notes.join(",\n"));
    std::fs::write(&theirs, text).expect("write");
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.read_in_background = true;
    let mut h = app_harness(app);
    h.run();
    let revision = h.state().notes.book.revision();
    h.state_mut()
        .apply(Command::FileAt(FileAction::ImportNotes, theirs));
    assert!(h.state().status.starts_with("Reading"));
    frames_until_read(&mut h);
    let status = &h.state().status;
    assert!(
        status.contains("50001 notes") && status.contains("at most"),
        "{status}"
    );
    assert_eq!(h.state().notes.book.revision(), revision);
    assert_eq!(h.state().notes.book.len(), 0);
}

#[test]
fn a_store_is_read_off_the_ui_thread_and_then_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("team.ron");
    let mut store = default_store();
    store.name = "The team's store".to_owned();
    partnership_atlas::store::save::save_store(&store, &path).expect("save");
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.read_in_background = true;
    let before = app.loaded.store.name.clone();
    let mut h = app_harness(app);
    h.run();
    h.state_mut().apply(Command::OpenStore(path.clone()));
    assert!(h.state().reading_in_progress());
    assert!(
        h.state().status.starts_with("Reading the store"),
        "{}",
        h.state().status
    );
    assert_eq!(
        h.state().loaded.store.name,
        before,
        "not replaced before it is read"
    );
    // A second open while reading is refused with a message, not queued silently.
    h.state_mut().apply(Command::OpenStore(path.clone()));
    assert!(
        h.state().status.starts_with("Still reading"),
        "{}",
        h.state().status
    );
    frames_until_read(&mut h);
    assert_eq!(h.state().loaded.store.name, "The team's store");
    assert!(
        h.state().status.starts_with("Opened"),
        "{}",
        h.state().status
    );
}

#[test]
fn hostile_stores_opened_in_the_background_are_refused_and_the_open_store_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir.path().join("deep.ron");
    let nesting = format!(
        "(format_version: 1, name: \"deep\", places: {}{})",
        "[\n".repeat(10_000),
        "]\n".repeat(10_000)
    );
    std::fs::write(&deep, nesting).expect("write");
    let huge = dir.path().join("huge.ron");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(partnership_atlas::store::MAX_FILE_BYTES + 1)
        .expect("set_len");
    drop(file);
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.read_in_background = true;
    let before = app.loaded.store.clone();
    let mut h = app_harness(app);
    h.run();
    for (path, message) in [
        // Refused at the first bracket that does not fit the store's shape (line 2).
        (&deep, "Expected opening `(` for struct `Place`"),
        (&huge, "a store file may be at most 64 MB"),
    ] {
        h.state_mut().apply(Command::OpenStore(path.clone()));
        assert!(h.state().status.starts_with("Reading the store"));
        frames_until_read(&mut h);
        let state = h.state();
        assert!(
            state.status.starts_with("Could not open"),
            "{}",
            state.status
        );
        assert!(
            state.problems.iter().any(|p| p.message.contains(message)),
            "{:?}",
            state.problems
        );
        assert_eq!(state.loaded.store, before, "the open store stays");
        assert_eq!(state.notes.book.len(), 0);
    }
}
