//! Sizes a colleague controls are bounded: each oversized input gives a clear message, quickly,
//! and leaves the user's notes untouched.

use std::path::Path;
use std::time::{Duration, Instant};

use partnership_atlas::app::notes::NotesSession;
use partnership_atlas::notes::{self, NoteDraft, NotesError, Timestamp, limits};
use partnership_atlas::store::{self, LoadError};

/// Generous for a debug build on a busy 2-core machine; a freeze takes far longer.
const QUICK: Duration = Duration::from_secs(20);

fn note_ron(id: &str, title: &str, body: &str) -> String {
    format!(
        "(id: {id:?}, title: {title:?}, body: {body:?}, created: 1700000000000, updated: 1700000000000)"
    )
}

fn notes_ron(notes: &[String]) -> String {
    format!("(format_version: 1, notes: [{}])", notes.join(",\n"))
}

/// A session on a notes file holding one note, and the file's bytes.
fn session_with_one_note(dir: &Path) -> (NotesSession, Vec<u8>) {
    let path = dir.join("notes.ron");
    let mut s = NotesSession::open(path.clone(), None);
    let draft = NoteDraft {
        title: "Mine".to_owned(),
        body: "My own note".to_owned(),
        ..NoteDraft::default()
    };
    s.book.add(draft, Timestamp::now());
    assert_eq!(s.flush(), partnership_atlas::app::notes::ExitSave::Saved);
    let bytes = std::fs::read(&path).expect("saved");
    (s, bytes)
}

/// Imports `text` as a colleague's file; returns the message, checking the notes stayed as
/// they were and the answer came quickly.
fn refused_import(text: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut session, before) = session_with_one_note(dir.path());
    let theirs = dir.path().join("colleague.ron");
    std::fs::write(&theirs, text).expect("write");
    let revision = session.book.revision();
    let started = Instant::now();
    let result = session.import(&theirs);
    let took = started.elapsed();
    let Err(message) = result else {
        panic!("the oversized file was imported");
    };
    assert!(took < QUICK, "took {took:?}");
    assert_eq!(session.book.revision(), revision, "the notes changed");
    assert_eq!(session.book.len(), 1);
    assert_eq!(
        std::fs::read(dir.path().join("notes.ron")).expect("read"),
        before
    );
    message
}

#[test]
fn a_note_body_of_ten_megabytes_is_refused_by_name_and_size() {
    let body = "ten megabytes of text. ".repeat(450_000);
    let m = refused_import(notes_ron(&[note_ron("big", "Big", &body)]).as_bytes());
    assert!(m.contains("note big has a text of 10.3 MB"), "{m}");
    assert!(m.contains("at most 1 MB"), "{m}");
}

#[test]
fn a_file_of_100000_notes_is_refused_with_the_count() {
    let notes: Vec<String> = (0..100_000)
        .map(|i| format!("(id: \"n{i}\", created: 1, updated: 1)"))
        .collect();
    let m = refused_import(notes_ron(&notes).as_bytes());
    assert!(m.contains("holds 100000 notes"), "{m}");
    assert!(m.contains(&format!("at most {}", limits::MAX_NOTES)), "{m}");
}

#[test]
fn a_line_of_100000_characters_is_refused_with_its_line() {
    let body = format!("intro\n{}", "x".repeat(100_000));
    let m = refused_import(notes_ron(&[note_ron("long", "T", &body)]).as_bytes());
    assert!(
        m.contains("line 2 of note long has 100000 characters"),
        "{m}"
    );
}

#[test]
fn a_title_of_100000_characters_is_refused() {
    let m = refused_import(notes_ron(&[note_ron("t", &"t".repeat(100_000), "")]).as_bytes());
    assert!(m.contains("a title of 100000 characters"), "{m}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!(
        "(format_version: 1, notes: [(id: \"a\", tags: {}{}, created: 1, updated: 1)])",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    // The notes format has no place for arbitrary values, so the parser stops at the first
    // bracket that does not fit; the recursion limit backs that up.
    let m = refused_import(deep.as_bytes());
    assert!(m.contains("damaged at line 1"), "{m}");
}

#[test]
fn a_notes_file_over_the_size_limit_is_not_read_and_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.ron");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: the size is checked before a byte is read.
    file.set_len(limits::MAX_FILE_BYTES + 1).expect("set_len");
    drop(file);
    let started = Instant::now();
    let mut session = NotesSession::open(path.clone(), None);
    assert!(started.elapsed() < QUICK);
    let message = session.load_error.clone().expect("refused");
    assert!(
        message.contains("a notes file may be at most 64 MB"),
        "{message}"
    );
    assert!(message.contains("left untouched"), "{message}");
    assert!(!session.is_saving(), "nothing is saved over the file");
    session.book.add(NoteDraft::default(), Timestamp::now());
    session.tick();
    let _ = session.flush();
    assert_eq!(
        std::fs::metadata(&path).expect("still there").len(),
        limits::MAX_FILE_BYTES + 1
    );
    // A colleague's file over the limit is refused the same way.
    let err = notes::load_notes(&path).expect_err("refused");
    assert!(matches!(err, NotesError::TooLarge { .. }), "{err:?}");
}

#[test]
fn the_app_never_writes_a_note_it_would_refuse_to_read() {
    let big = notes::NotesFile::new(vec![]);
    assert!(notes::to_ron(&big).is_ok());
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut session, before) = session_with_one_note(dir.path());
    let draft = NoteDraft {
        title: "Pasted".to_owned(),
        body: "x".repeat(limits::MAX_BODY_BYTES + 1),
        ..NoteDraft::default()
    };
    session.book.add(draft, Timestamp::now());
    session.rescue_dirs = vec![dir.path().join("rescue")];
    std::fs::create_dir(dir.path().join("rescue")).expect("mkdir");
    let outcome = session.flush();
    let message = outcome
        .message(&session.path)
        .expect("the user is told the notes were not saved");
    assert!(message.contains("shorten it"), "{message}");
    assert!(
        outcome.may_close(),
        "a rescue copy holds the notes: {message}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("notes.ron")).expect("read"),
        before,
        "the notes file keeps its last good version"
    );
    assert_eq!(session.book.len(), 2, "the notes stay in memory");
}

#[test]
fn a_store_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(store::MAX_FILE_BYTES + 1).expect("set_len");
    drop(file);
    match store::load_path(&path) {
        Err(LoadError::Invalid(problems)) => {
            assert!(
                problems[0]
                    .message
                    .contains("a store file may be at most 64 MB"),
                "{}",
                problems[0]
            );
        }
        other => panic!("expected a size problem, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn a_store_with_a_line_of_100000_characters_is_refused_with_its_line() {
    let text = format!(
        "(\n    format_version: 1,\n    name: \"{}\",\n)",
        "n".repeat(100_000)
    );
    match store::load_texts(&[("wide.ron".to_owned(), text.into_bytes())]) {
        Err(problems) => {
            assert_eq!(problems[0].line, 3, "{}", problems[0]);
            assert!(
                problems[0].message.contains("at most 20000"),
                "{}",
                problems[0]
            );
        }
        Ok(_) => panic!("a 100,000-character line was accepted"),
    }
}
