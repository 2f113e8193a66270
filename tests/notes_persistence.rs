//! Notes on disk: round trips, atomic saves, damaged files, failures, external changes,
//! the background saver and the CLI helpers. Every test works in its own temporary folder.

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use partnership_atlas::notes::{
    self, ConflictKind, DiskState, FlushError, NoteDraft, NoteId, NoteQuery, NoteTarget, Notebook,
    NotesError, NotesFile, SaveOutcome, Saver, SaverOptions, TargetKind, Timestamp, backup_path,
    load_notes, prepare_write, to_ron, write_atomic,
};

fn draft(title: &str, body: &str) -> NoteDraft {
    NoteDraft {
        title: title.into(),
        body: body.into(),
        author: "Park".into(),
        ..NoteDraft::default()
    }
}

fn notes_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("data").join("notes.ron")
}

fn titles(file: &NotesFile) -> Vec<String> {
    let mut t: Vec<String> = file.notes.iter().map(|n| n.title.clone()).collect();
    t.sort();
    t
}

/// Saves a notebook through a fresh `DiskState` edit.
fn save_book(disk: &mut DiskState, book: &Notebook) {
    let base = disk.notes().clone();
    disk.save(&base, &book.to_file()).expect("save succeeds");
}

fn fast_options() -> SaverOptions {
    SaverOptions {
        debounce: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        backoff: vec![Duration::from_millis(20), Duration::from_millis(50)],
    }
}

/// Polls the saver until `pred` accepts an outcome, or panics after a few seconds.
fn wait_for(saver: &Saver, mut pred: impl FnMut(&SaveOutcome) -> bool) -> SaveOutcome {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        while let Some(outcome) = saver.poll() {
            if pred(&outcome) {
                return outcome;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the saver did not report the expected outcome in time");
}

#[test]
fn a_missing_notes_file_opens_as_an_empty_notebook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let disk = DiskState::open(&notes_path(&dir)).expect("missing file is fine");
    assert!(disk.notes().notes.is_empty());
    assert_eq!(disk.fingerprint(), None);
}

#[test]
fn saved_notes_read_back_identically_including_hangul_and_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::from_file(disk.notes());
    let mut d = draft(
        "세종 연구단지 방문",
        "## Agenda\n\n- KIST \"Europe\"\n- r#\"raw\"# \\ path",
    );
    d.target = Some(NoteTarget::new(TargetKind::Place, "place-sejong"));
    d.tags = vec!["Visit".into(), "수소".into()];
    let id = book.add(d, Timestamp(1_795_356_300_000));
    let gone = book.add(draft("Old", ""), Timestamp(1));
    book.delete(&gone, Timestamp(2)).expect("delete");
    save_book(&mut disk, &book);

    let reopened = DiskState::open(&path).expect("reopen");
    assert_eq!(reopened.notes(), &book.to_file());
    let again = Notebook::from_file(reopened.notes());
    let hits = again.query(&NoteQuery::text("세종"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, id);
    assert_eq!(again.trash().count(), 1);
}

#[test]
fn each_save_keeps_the_previous_file_as_the_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("First", ""), Timestamp(1));
    save_book(&mut disk, &book);
    let first = fs::read(&path).expect("first version");
    assert!(
        !backup_path(&path).exists(),
        "nothing to back up on the first save"
    );

    book.add(draft("Second", ""), Timestamp(2));
    save_book(&mut disk, &book);
    assert_eq!(fs::read(backup_path(&path)).expect("backup"), first);
    assert_eq!(
        titles(&load_notes(&path).expect("current")),
        ["First", "Second"]
    );
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("Safe", ""), Timestamp(1));
    save_book(&mut disk, &book);
    let before = fs::read(&path).expect("saved");

    // Simulate a crash after the temporary file was written but before the rename: the
    // process dies, so nothing cleans up.
    let mut newer = book.clone();
    newer.add(draft("Never committed", ""), Timestamp(2));
    let text = to_ron(&newer.to_file()).expect("ron");
    let prepared = prepare_write(&path, text.as_bytes()).expect("temp written");
    let temp = prepared.temp_path().to_owned();
    std::mem::forget(prepared);
    assert!(temp.exists(), "the crash left the temporary file behind");
    // And a crash in the middle of writing the temporary file.
    fs::write(&temp, &text.as_bytes()[..text.len() / 2]).expect("partial temp");

    assert_eq!(fs::read(&path).expect("still there"), before);
    let reopened = DiskState::open(&path).expect("the previous file opens");
    assert_eq!(titles(reopened.notes()), ["Safe"]);

    // The next save works and replaces the leftover.
    let mut disk = reopened;
    save_book(&mut disk, &newer);
    assert_eq!(
        titles(&load_notes(&path).expect("saved")),
        ["Never committed", "Safe"]
    );
    // The crash's leftover has a name of its own: it is never read and never blocks a save.
    assert_ne!(
        fs::read(&path).expect("saved"),
        fs::read(&temp).unwrap_or_default()
    );
}

#[test]
fn a_dropped_prepared_write_removes_its_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    write_atomic(&path, b"old", false).expect("write");
    let prepared = prepare_write(&path, b"new").expect("prepare");
    let temp = prepared.temp_path().to_owned();
    drop(prepared);
    assert!(!temp.exists());
    assert_eq!(fs::read(&path).expect("target"), b"old");
}

#[test]
fn a_damaged_file_is_reported_with_its_line_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    let damaged =
        "(\n    format_version: 1,\n    notes: [\n        (id: \"a\", created: 1, updated: 1,\n";
    fs::write(&path, damaged).expect("write");
    let err = DiskState::open(&path).expect_err("damaged file must not open");
    match &err {
        NotesError::Parse { path: p, line, .. } => {
            assert_eq!(p, &path);
            assert!(*line >= 4, "line {line}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert!(err.offers_recovery());
    assert!(
        err.to_string().ends_with(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).expect("untouched"), damaged);
}

#[test]
fn a_file_damaged_while_the_app_runs_makes_the_save_fail_without_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("A", ""), Timestamp(1));
    save_book(&mut disk, &book);
    fs::write(&path, "this is not RON").expect("someone damages the file");

    book.add(draft("B", ""), Timestamp(2));
    let base = disk.notes().clone();
    let err = disk
        .save(&base, &book.to_file())
        .expect_err("must not overwrite");
    assert!(matches!(err, NotesError::Parse { .. }), "{err:?}");
    assert_eq!(
        fs::read_to_string(&path).expect("untouched"),
        "this is not RON"
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    let future = "(format_version: 3, notes: [], sync: (peer: \"x\"))";
    fs::write(&path, future).expect("write");
    let err = DiskState::open(&path).expect_err("future version must not open");
    assert!(
        matches!(
            err,
            NotesError::UnsupportedVersion {
                found: 3,
                supported: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(fs::read_to_string(&path).expect("untouched"), future);
}

#[test]
fn recovering_from_the_backup_restores_it_and_sets_the_damaged_file_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("Backed up", ""), Timestamp(1));
    save_book(&mut disk, &book);
    book.add(draft("Latest", ""), Timestamp(2));
    save_book(&mut disk, &book);
    fs::write(&path, "garbage").expect("damage");
    assert!(DiskState::open(&path).is_err());

    let (recovered, aside) = DiskState::recover_from_backup(&path).expect("recover");
    assert_eq!(titles(recovered.notes()), ["Backed up"]);
    let aside = aside.expect("the damaged file was moved, not deleted");
    assert_eq!(fs::read_to_string(&aside).expect("kept"), "garbage");
    assert_eq!(titles(&load_notes(&path).expect("restored")), ["Backed up"]);
    assert!(backup_path(&path).exists(), "the backup itself is kept");
}

#[test]
fn a_missing_file_with_a_backup_asks_before_starting_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("One", ""), Timestamp(1));
    save_book(&mut disk, &book);
    save_book(&mut disk, &{
        let mut b = book.clone();
        b.add(draft("Two", ""), Timestamp(2));
        b
    });
    fs::remove_file(&path).expect("notes deleted by accident");

    let err = DiskState::open(&path).expect_err("must ask");
    assert!(
        matches!(err, NotesError::MissingWithBackup { .. }),
        "{err:?}"
    );
    let (fresh, moved) = DiskState::start_fresh(&path).expect("start fresh");
    assert!(fresh.notes().notes.is_empty());
    assert_eq!(moved.len(), 1, "the backup was set aside, not deleted");
    assert_eq!(titles(&load_notes(&moved[0]).expect("kept")), ["One"]);
}

#[test]
fn a_save_onto_a_folder_fails_keeps_the_notes_and_succeeds_once_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    // Something made the target path a folder: the rename must fail.
    fs::create_dir_all(&path).expect("folder in the way");
    let mut book = Notebook::new();
    book.add(draft("Precious", "trip notes"), Timestamp(1));
    let base = disk.notes().clone();
    let err = disk.save(&base, &book.to_file());
    assert!(err.is_err(), "saving onto a folder must fail: {err:?}");
    assert!(path.is_dir());
    assert_eq!(book.live().count(), 1, "the edit is still in memory");

    fs::remove_dir(&path).expect("fix the problem");
    let base = disk.notes().clone();
    disk.save(&base, &book.to_file()).expect("now it saves");
    assert_eq!(titles(&load_notes(&path).expect("on disk")), ["Precious"]);
}

#[test]
fn a_save_under_a_parent_that_is_a_file_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("data");
    let path = blocker.join("notes.ron");
    let mut disk = DiskState::open(&path).expect("a missing file opens empty");
    // After start-up, something puts a file where the notes folder should be.
    fs::write(&blocker, "not a folder").expect("file in the way");
    let mut book = Notebook::new();
    book.add(draft("A", ""), Timestamp(1));
    let base = disk.notes().clone();
    let err = disk.save(&base, &book.to_file()).expect_err("cannot save");
    assert!(matches!(err, NotesError::Write { .. }), "{err:?}");
    assert_eq!(
        fs::read_to_string(&blocker).expect("untouched"),
        "not a folder"
    );
    // Opening in that state is an error too, not an empty notebook.
    let err = DiskState::open(&path).expect_err("cannot read");
    assert!(matches!(err, NotesError::Read { .. }), "{err:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_makes_the_save_fail_without_losing_the_previous_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("A", ""), Timestamp(1));
    save_book(&mut disk, &book);
    let before = fs::read(&path).expect("saved");
    let folder = path.parent().expect("parent").to_owned();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores permission bits; then this test can only check that nothing breaks.
    let enforced = fs::write(folder.join("probe"), b"x").is_err();

    book.add(draft("B", ""), Timestamp(2));
    let base = disk.notes().clone();
    let result = disk.save(&base, &book.to_file());
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).expect("chmod back");
    if enforced {
        assert!(result.is_err(), "a read-only folder must fail the save");
        assert_eq!(fs::read(&path).expect("intact"), before);
        let base = disk.notes().clone();
        disk.save(&base, &book.to_file())
            .expect("saves once writable");
    } else {
        result.expect("permissions are not enforced for this user");
    }
    assert_eq!(titles(&load_notes(&path).expect("on disk")), ["A", "B"]);
}

#[test]
fn a_change_made_by_another_program_is_merged_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut mine = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    let shared = book.add(draft("Shared", "original"), Timestamp(1));
    save_book(&mut mine, &book);

    // Another instance (or a sync tool) adds a note and edits the shared one.
    let mut other = DiskState::open(&path).expect("second instance");
    let mut other_book = Notebook::from_file(other.notes());
    other_book.add(draft("From the other instance", ""), Timestamp(2));
    other_book
        .update(&shared, draft("Shared", "edited elsewhere"), Timestamp(3))
        .expect("edit");
    save_book(&mut other, &other_book);

    // Meanwhile this instance adds its own note and saves.
    book.add(draft("Mine", ""), Timestamp(4));
    let base = mine.notes().clone();
    let report = mine.save(&base, &book.to_file()).expect("save merges");
    assert_eq!(report.merged_in.added.len(), 1);
    assert_eq!(report.merged_in.updated.len(), 1);
    let on_disk = load_notes(&path).expect("merged file");
    assert_eq!(
        titles(&on_disk),
        ["From the other instance", "Mine", "Shared"]
    );
    let shared_note = on_disk
        .notes
        .iter()
        .find(|n| n.id == shared)
        .expect("shared");
    assert_eq!(shared_note.body, "edited elsewhere");
    assert_eq!(report.merged.as_ref(), Some(&on_disk));
}

#[test]
fn conflicting_edits_from_two_instances_keep_both_texts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut a = DiskState::open(&path).expect("open");
    let mut book_a = Notebook::new();
    let id = book_a.add(draft("Brussels", "draft"), Timestamp(1));
    save_book(&mut a, &book_a);
    let mut b = DiskState::open(&path).expect("second");
    let mut book_b = Notebook::from_file(b.notes());

    book_a
        .update(&id, draft("Brussels", "A's text"), Timestamp(2))
        .expect("edit");
    book_b
        .update(&id, draft("Brussels", "B's text"), Timestamp(3))
        .expect("edit");
    save_book(&mut a, &book_a);
    let base = b.notes().clone();
    let report = b.save(&base, &book_b.to_file()).expect("merge");
    assert_eq!(report.merged_in.conflicts.len(), 1);
    assert_eq!(report.merged_in.conflicts[0].kind, ConflictKind::BothEdited);
    let on_disk = load_notes(&path).expect("file");
    let bodies: Vec<_> = on_disk.notes.iter().map(|n| n.body.as_str()).collect();
    assert_eq!(on_disk.notes.len(), 2);
    assert!(
        bodies.contains(&"A's text") && bodies.contains(&"B's text"),
        "{bodies:?}"
    );
    let original = on_disk.notes.iter().find(|n| n.id == id).expect("id kept");
    assert_eq!(original.body, "B's text", "the saving side keeps the id");
}

#[test]
fn a_file_deleted_by_another_program_is_recreated_with_every_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("Keep me", ""), Timestamp(1));
    save_book(&mut disk, &book);
    fs::remove_file(&path).expect("gone");
    book.add(draft("And me", ""), Timestamp(2));
    save_book(&mut disk, &book);
    assert_eq!(
        titles(&load_notes(&path).expect("recreated")),
        ["And me", "Keep me"]
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_replaces_the_linked_file_not_the_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let synced = dir.path().join("Sync");
    fs::create_dir_all(&synced).expect("dir");
    let real = synced.join("notes.ron");
    let link = dir.path().join("notes.ron");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    write_atomic(&link, b"(format_version: 1, notes: [])", true).expect("first");
    write_atomic(&link, b"(format_version: 1, notes: [])\n", true).expect("second");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(&real).expect("real file"),
        b"(format_version: 1, notes: [])\n"
    );
}

#[test]
fn the_background_saver_writes_the_latest_snapshot_and_wakes_the_ui() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let disk = DiskState::open(&path).expect("open");
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let saver = Saver::spawn(
        disk,
        fast_options(),
        Some(Box::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        })),
    )
    .expect("spawn");
    let mut book = Notebook::new();
    for i in 0..30 {
        book.add(draft(&format!("Note {i:02}"), ""), Timestamp(i));
        saver.request_save(book.to_file());
    }
    saver
        .flush_blocking(Duration::from_secs(10))
        .expect("flushed");
    assert!(saver.all_saved());
    assert_eq!(load_notes(&path).expect("saved").notes.len(), 30);
    let mut saves = 0;
    while let Some(outcome) = saver.poll() {
        assert!(
            matches!(outcome, SaveOutcome::Saved { merge: None, .. }),
            "{outcome:?}"
        );
        saves += 1;
    }
    assert!(
        (1..30).contains(&saves),
        "requests were coalesced: {saves} saves"
    );
    assert_eq!(wakes.load(Ordering::SeqCst), saves);
}

#[test]
fn the_background_saver_retries_a_failed_save_until_the_disk_is_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let disk = DiskState::open(&path).expect("open");
    // The folder the notes should go in is blocked by a file.
    let folder = path.parent().expect("parent").to_owned();
    fs::write(&folder, "blocker").expect("blocker");
    let saver = Saver::spawn(disk, fast_options(), None).expect("spawn");
    let mut book = Notebook::new();
    book.add(draft("Written on the train", "오송역"), Timestamp(1));
    saver.request_save(book.to_file());

    let failed = wait_for(&saver, |o| matches!(o, SaveOutcome::Failed { .. }));
    let SaveOutcome::Failed { error, attempt, .. } = failed else {
        unreachable!("the predicate only accepts failures");
    };
    assert_eq!(attempt, 1);
    assert!(error.contains("could not save"), "{error}");
    assert!(!saver.all_saved());
    assert!(matches!(
        saver.flush_blocking(Duration::from_secs(5)),
        Err(FlushError::Failed(_))
    ));

    // The user frees the folder; the saver's own retry succeeds without a new request.
    fs::remove_file(&folder).expect("unblock");
    wait_for(&saver, |o| matches!(o, SaveOutcome::Saved { .. }));
    assert!(saver.all_saved());
    let on_disk = load_notes(&path).expect("saved at last");
    assert_eq!(on_disk.notes[0].body, "오송역");
}

#[test]
fn the_background_saver_reports_external_changes_for_the_ui_to_adopt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut seed = DiskState::open(&path).expect("open");
    let mut seed_book = Notebook::new();
    seed_book.add(draft("Seed", ""), Timestamp(1));
    save_book(&mut seed, &seed_book);

    let disk = DiskState::open(&path).expect("app opens");
    let mut book = Notebook::from_file(disk.notes());
    let saver = Saver::spawn(disk, fast_options(), None).expect("spawn");

    // A colleague's sync tool adds a note to the file while the app runs.
    let mut other = DiskState::open(&path).expect("other");
    let mut other_book = Notebook::from_file(other.notes());
    other_book.add(draft("Synced in", ""), Timestamp(2));
    save_book(&mut other, &other_book);

    book.add(draft("Typed in the app", ""), Timestamp(3));
    saver.request_save(book.to_file());
    // The user keeps typing before the outcome arrives.
    book.add(draft("Typed after the request", ""), Timestamp(4));
    let outcome = wait_for(&saver, |o| matches!(o, SaveOutcome::Saved { .. }));
    let SaveOutcome::Saved {
        merge: Some(merge), ..
    } = outcome
    else {
        panic!("expected a merge, got {outcome:?}");
    };
    let report = book.adopt(&merge);
    assert_eq!(report.added.len(), 1);
    assert_eq!(
        titles(&book.to_file()),
        [
            "Seed",
            "Synced in",
            "Typed after the request",
            "Typed in the app"
        ]
    );
    saver.request_save(book.to_file());
    saver
        .flush_blocking(Duration::from_secs(10))
        .expect("flush");
    assert_eq!(load_notes(&path).expect("file"), book.to_file());
}

#[test]
fn external_notes_stay_on_disk_even_if_the_ui_never_adopts_the_merge() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::from_file(disk.notes());
    let saver = Saver::spawn(disk, fast_options(), None).expect("spawn");
    let mut other = DiskState::open(&path).expect("other");
    let mut other_book = Notebook::new();
    other_book.add(draft("Written elsewhere", ""), Timestamp(1));
    save_book(&mut other, &other_book);

    // A careless UI: it ignores every outcome and keeps sending its own snapshots.
    book.add(draft("First", ""), Timestamp(2));
    saver.request_save(book.to_file());
    saver
        .flush_blocking(Duration::from_secs(10))
        .expect("flush");
    book.add(draft("Second", ""), Timestamp(3));
    saver.request_save(book.to_file());
    saver
        .flush_blocking(Duration::from_secs(10))
        .expect("flush");
    assert_eq!(
        titles(&load_notes(&path).expect("file")),
        ["First", "Second", "Written elsewhere"]
    );
}

#[test]
fn a_rescue_copy_is_a_loadable_notes_file_with_a_new_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut book = Notebook::new();
    book.add(draft("Rescued", "제주"), Timestamp(1));
    let first = notes::save_rescue_copy(&book.to_file(), Some(dir.path())).expect("rescue");
    let second = notes::save_rescue_copy(&book.to_file(), Some(dir.path())).expect("rescue");
    assert_ne!(first, second, "a rescue copy never overwrites another");
    assert_eq!(load_notes(&first).expect("loadable"), book.to_file());
}

#[test]
fn a_check_request_picks_up_changes_without_an_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::from_file(disk.notes());
    let saver = Saver::spawn(disk, fast_options(), None).expect("spawn");
    let mut other = DiskState::open(&path).expect("other");
    let mut other_book = Notebook::new();
    other_book.add(draft("Arrived by sync", ""), Timestamp(2));
    save_book(&mut other, &other_book);

    saver.request_check();
    let outcome = wait_for(&saver, |o| matches!(o, SaveOutcome::Saved { .. }));
    let SaveOutcome::Saved {
        merge: Some(merge), ..
    } = outcome
    else {
        panic!("expected a merge, got {outcome:?}");
    };
    book.adopt(&merge);
    assert_eq!(titles(&book.to_file()), ["Arrived by sync"]);
}

#[test]
fn cli_export_writes_live_notes_as_ron_or_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    let mut d = draft("KIST Europe visit", "Agreed a joint call.");
    d.target = Some(NoteTarget::new(TargetKind::Partnership, "kist-europe"));
    book.add(d, Timestamp::from_utc(2026, 11, 22, 14, 5));
    let gone = book.add(draft("Deleted", ""), Timestamp(1));
    book.delete(&gone, Timestamp(2)).expect("delete");
    save_book(&mut disk, &book);

    let ron_out = dir.path().join("for-colleague.ron");
    let message = notes::cli::export(&path, &ron_out, false, None).expect("export");
    assert!(message.starts_with("Exported 1 note to "), "{message}");
    assert_eq!(
        titles(&load_notes(&ron_out).expect("valid notes file")),
        ["KIST Europe visit"]
    );

    let md_out = dir.path().join("report.md");
    notes::cli::export(&path, &md_out, true, None).expect("export");
    let md = fs::read_to_string(&md_out).expect("markdown");
    assert!(
        md.contains("## Partnership: kist-europe\n\n### KIST Europe visit\n"),
        "{md}"
    );
    // Local time with its offset from UTC (the zone is this machine's; a fixed zone is
    // tested through the binary in notes_merge_scenarios.rs).
    assert!(md.contains("- Created: 2026-11-2"), "{md}");
    assert!(md.contains(" (UTC"), "{md}");
    assert!(!md.contains("Deleted"), "{md}");
}

#[test]
fn cli_export_refuses_to_overwrite_the_notes_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    book.add(draft("A", ""), Timestamp(1));
    save_book(&mut disk, &book);
    let before = fs::read(&path).expect("file");
    let err = notes::cli::export(&path, &path, true, None).expect_err("refused");
    assert!(matches!(err, NotesError::ExportOverNotes { .. }), "{err:?}");
    assert_eq!(fs::read(&path).expect("file"), before);
}

#[test]
fn cli_merge_imports_a_colleagues_file_with_new_unchanged_and_conflicting_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    let same = book.add(draft("Same on both", "text"), Timestamp(1));
    let clash = book.add(draft("Horizon association", "first draft"), Timestamp(2));
    save_book(&mut disk, &book);

    // The colleague got a copy, then both of us worked on it.
    let mut theirs = book.clone();
    theirs.add(draft("Colleague's new note", ""), Timestamp(3));
    theirs
        .update(
            &clash,
            draft("Horizon association", "their rewrite"),
            Timestamp(4),
        )
        .expect("edit");
    book.update(
        &clash,
        draft("Horizon association", "my rewrite"),
        Timestamp(5),
    )
    .expect("edit");
    save_book(&mut disk, &book);
    let file = dir.path().join("colleague.ron");
    write_atomic(
        &file,
        to_ron(&theirs.to_file()).expect("ron").as_bytes(),
        false,
    )
    .expect("write");

    let report = notes::cli::merge(&path, &file).expect("merge");
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.unchanged, 1);
    assert_eq!(report.conflicts.len(), 1);
    let text = report.to_string();
    assert!(text.contains("added: Colleague's new note"), "{text}");
    assert!(text.contains("conflict: Horizon association"), "{text}");

    let on_disk = load_notes(&path).expect("merged");
    assert_eq!(on_disk.notes.len(), 4);
    assert!(on_disk.notes.iter().any(|n| n.id == same));
    let bodies: Vec<_> = on_disk.notes.iter().map(|n| n.body.as_str()).collect();
    assert!(bodies.contains(&"my rewrite") && bodies.contains(&"their rewrite"));
    let copy = on_disk
        .notes
        .iter()
        .find(|n| n.conflict_of.as_ref() == Some(&clash))
        .expect("conflict copy");
    assert_eq!(copy.title, "Horizon association (conflict)");

    // Merging the same file again changes nothing.
    let again = notes::cli::merge(&path, &file).expect("merge again");
    assert!(!again.has_changes(), "{again}");
    assert_eq!(load_notes(&path).expect("file"), on_disk);
}

#[test]
fn cli_merge_of_a_missing_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope.ron");
    let err = notes::cli::merge(&notes_path(&dir), &missing).expect_err("missing");
    assert!(
        matches!(&err, NotesError::NotFound { path } if path == &missing),
        "{err:?}"
    );
}

#[test]
fn note_ids_survive_a_save_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = notes_path(&dir);
    let mut disk = DiskState::open(&path).expect("open");
    let mut book = Notebook::new();
    let id: NoteId = book.add(draft("A", ""), Timestamp(1));
    save_book(&mut disk, &book);
    let loaded = load_notes(&path).expect("file");
    assert_eq!(loaded.notes[0].id, id);
}
