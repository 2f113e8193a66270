//! Closing the app never drops a note without a message: failed saves fall back to a rescue
//! copy, and when even that fails the notes stay in memory, the user is told where they are,
//! and saving is retried. Exports refuse to overwrite the notes file, also through a symlink.

use std::path::Path;
use std::time::{Duration, Instant};

use partnership_atlas::app::notes::{ExitSave, NotesSession};
use partnership_atlas::app::{AtlasApp, Settings, StartOptions};
use partnership_atlas::notes::{NoteDraft, Timestamp, load_notes};

fn add(session: &mut NotesSession, title: &str) {
    let draft = NoteDraft {
        title: title.to_owned(),
        body: format!("{title} body"),
        ..NoteDraft::default()
    };
    session.book.add(draft, Timestamp::now());
}

/// Makes `dir` impossible to write into, also for root: it becomes a plain file.
fn block(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::write(dir, "not a folder").expect("block");
}

fn unblock(dir: &Path) {
    std::fs::remove_file(dir).expect("unblock");
    std::fs::create_dir(dir).expect("mkdir");
}

#[test]
fn an_edit_made_just_before_closing_is_saved_by_the_exit_flush() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.ron");
    let mut s = NotesSession::open(path.clone(), None);
    add(&mut s, "typed a moment ago");
    // No tick, no autosave delay: the flush alone must save it.
    assert_eq!(s.flush(), ExitSave::Saved);
    let file = load_notes(&path).expect("saved");
    assert_eq!(file.notes[0].title, "typed a moment ago");
}

#[test]
fn when_the_notes_file_cannot_be_written_a_rescue_copy_is_written_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).expect("mkdir");
    let mut s = NotesSession::open(folder.join("notes.ron"), None);
    let rescue_dir = dir.path().join("rescue");
    std::fs::create_dir(&rescue_dir).expect("mkdir");
    s.rescue_dirs = vec![rescue_dir.clone()];
    block(&folder);
    add(&mut s, "disk is full");
    let outcome = s.flush();
    let ExitSave::Rescued { rescue, .. } = &outcome else {
        panic!("expected a rescue copy, got {outcome:?}");
    };
    assert!(rescue.starts_with(&rescue_dir));
    let copy = load_notes(rescue).expect("the rescue copy is a notes file");
    assert_eq!(copy.notes[0].title, "disk is full");
    let message = outcome.message(&s.path).expect("a message");
    assert!(message.contains(&rescue.display().to_string()), "{message}");
    assert!(outcome.may_close());
}

#[test]
fn when_nothing_can_be_written_the_notes_stay_in_memory_with_a_message_and_are_saved_later() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("notes.ron");
    let mut s = NotesSession::open(path.clone(), None);
    let rescue_dir = dir.path().join("rescue");
    s.rescue_dirs = vec![rescue_dir.clone()];
    block(&folder);
    std::fs::write(&rescue_dir, "not a folder").expect("block rescue");
    add(&mut s, "only in memory");

    let outcome = s.flush();
    assert!(
        matches!(outcome, ExitSave::InMemoryOnly { .. }),
        "{outcome:?}"
    );
    assert!(!outcome.may_close(), "closing now would lose the note");
    let message = outcome.message(&s.path).expect("a message");
    assert!(message.contains("kept in memory only"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(s.save_error.is_some(), "the status bar shows it");
    assert_eq!(s.book.len(), 1, "the note is still in memory");

    // The folder becomes writable again: the retried save puts the note on disk.
    unblock(&folder);
    s.save_now();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !s.all_saved() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        s.tick();
    }
    assert!(
        s.all_saved(),
        "the retry saved the notes: {:?}",
        s.save_error
    );
    let file = load_notes(&path).expect("saved after the retry");
    assert_eq!(file.notes[0].title, "only in memory");
    assert_eq!(s.flush(), ExitSave::Saved);
}

#[test]
fn a_notes_export_refuses_to_overwrite_the_notes_file_through_a_symlink() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.ron");
    let options = StartOptions {
        notes: Some(notes.clone()),
        ..StartOptions::default()
    };
    let mut app = AtlasApp::new(Settings::default(), &options);
    add(&mut app.notes, "keep me");
    assert_eq!(app.notes.flush(), ExitSave::Saved);
    let before = std::fs::read(&notes).expect("saved");

    let link = dir.path().join("export.ron");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&notes, &link).expect("symlink");
    #[cfg(unix)]
    {
        let err = app.export_notes(&link, true, None).expect_err("refused");
        assert!(err.contains("the notes file itself"), "{err}");
    }
    let dotted = dir.path().join(".").join("notes.ron");
    let err = app.export_notes(&dotted, false, None).expect_err("refused");
    assert!(err.contains("the notes file itself"), "{err}");
    assert_eq!(std::fs::read(&notes).expect("read"), before, "untouched");

    // Another file is fine.
    let n = app
        .export_notes(&dir.path().join("for-kim.md"), true, None)
        .expect("exported");
    assert_eq!(n, 1);
}

#[test]
fn an_export_into_a_folder_that_cannot_be_written_says_why_and_keeps_the_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = StartOptions {
        notes: Some(dir.path().join("notes.ron")),
        ..StartOptions::default()
    };
    let mut app = AtlasApp::new(Settings::default(), &options);
    add(&mut app.notes, "keep me");
    let blocked = dir.path().join("readonly");
    std::fs::write(&blocked, "a file, not a folder").expect("block");
    let err = app
        .export_notes(&blocked.join("notes.md"), true, None)
        .expect_err("cannot write there");
    assert!(err.contains(&blocked.display().to_string()), "{err}");
    assert_eq!(app.notes.book.len(), 1);
}

#[test]
fn a_store_or_a_csv_saved_into_a_folder_that_cannot_be_written_says_why_and_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocked = dir.path().join("readonly");
    std::fs::write(&blocked, "a file, not a folder").expect("block");
    let store = partnership_atlas::store::embedded()
        .expect("built-in store")
        .store;
    let err = partnership_atlas::store::save::save_store(&store, &blocked.join("store.ron"))
        .expect_err("cannot write there");
    assert!(
        err.to_string().contains(&blocked.display().to_string()),
        "{err}"
    );
    // A chart CSV goes through the App's one file path, which says why in the status bar.
    let options = partnership_atlas::app::StartOptions {
        notes: Some(dir.path().join("notes.ron")),
        ..Default::default()
    };
    let mut app = partnership_atlas::app::AtlasApp::new(Default::default(), &options);
    app.apply(partnership_atlas::ui::Command::FileAt(
        partnership_atlas::ui::FileAction::ExportChartCsv,
        blocked.join("t.csv"),
    ));
    assert!(app.status.starts_with("Not saved"), "{}", app.status);
    assert!(
        app.status.contains(&blocked.display().to_string()),
        "{}",
        app.status
    );
    assert!(!blocked.join("t.csv").exists());
}
