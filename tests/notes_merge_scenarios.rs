//! Colleagues exchanging notes files as a team would, through the real binary
//! (`notes export` / `notes merge`); edits are made as the app makes them (a notebook over
//! the notes file, saved through `DiskState`).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use partnership_atlas::notes::{
    DiskState, Note, NoteDraft, NoteId, Notebook, NotesFile, Resolution, Timestamp, load_notes,
    to_ron, write_atomic,
};

/// One officer with her own notes file.
struct Officer {
    name: &'static str,
    notes: PathBuf,
    outbox: PathBuf,
}

impl Officer {
    fn new(dir: &tempfile::TempDir, name: &'static str) -> Self {
        Self {
            name,
            notes: dir.path().join(name).join("notes.ron"),
            outbox: dir.path().join(format!("{name}-export.ron")),
        }
    }

    /// Opens the notebook as the app does, lets `edit` change it, and saves.
    fn edit<T>(&self, edit: impl FnOnce(&mut Notebook) -> T) -> T {
        let mut disk = DiskState::open(&self.notes).expect("notes open");
        let base = disk.notes().clone();
        let mut book = Notebook::from_file(&base);
        let out = edit(&mut book);
        disk.save(&base, &book.to_file()).expect("notes saved");
        out
    }

    fn write(&self, title: &str, body: &str) -> NoteId {
        let draft = NoteDraft {
            title: title.to_owned(),
            body: body.to_owned(),
            author: self.name.to_owned(),
            ..NoteDraft::default()
        };
        self.edit(|book| book.add(draft, Timestamp::now()))
    }

    fn rewrite(&self, id: &NoteId, body: &str) {
        self.edit(|book| {
            let mut draft = book.get(id).expect("the note is here").draft();
            draft.body = body.to_owned();
            assert!(
                book.update(id, draft, Timestamp::now()).expect("edit"),
                "{} changed nothing",
                self.name
            );
        });
    }

    fn file(&self) -> NotesFile {
        load_notes(&self.notes).expect("notes file")
    }

    fn body(&self, id: &NoteId) -> String {
        let file = self.file();
        let note = file.notes.iter().find(|n| &n.id == id).expect("note kept");
        note.body.clone()
    }

    fn bodies(&self) -> Vec<String> {
        let mut b: Vec<String> = self.file().notes.into_iter().map(|n| n.body).collect();
        b.sort();
        b
    }

    /// `notes export OUT` through the binary; returns the exported file.
    fn export(&self) -> &Path {
        let (ok, out, err) = atlas(
            &self.notes,
            &["notes".as_ref(), "export".as_ref(), self.outbox.as_os_str()],
        );
        assert!(ok, "export failed: {out}{err}");
        assert!(out.starts_with("Exported "), "{out}");
        &self.outbox
    }

    /// `notes merge FILE` through the binary; returns what it printed.
    fn merge(&self, file: &Path) -> Merge {
        self.merge_with(file, &[])
    }

    fn merge_with(&self, file: &Path, extra: &[&str]) -> Merge {
        let mut args: Vec<&OsStr> = vec!["notes".as_ref(), "merge".as_ref(), file.as_os_str()];
        args.extend(extra.iter().map(OsStr::new));
        let (ok, out, err) = atlas(&self.notes, &args);
        assert!(ok, "merge failed: {out}{err}");
        Merge::parse(&out)
    }
}

/// What `notes merge` printed.
#[derive(Debug)]
struct Merge {
    added: usize,
    updated: usize,
    unchanged: usize,
    conflicts: usize,
    text: String,
}

impl Merge {
    fn parse(text: &str) -> Self {
        let first = text.lines().next().unwrap_or_default();
        let numbers: Vec<usize> = first
            .split(", ")
            .map(|part| {
                let n = part.split(' ').next().unwrap_or_default();
                n.parse()
                    .unwrap_or_else(|_| panic!("no count in {first:?}"))
            })
            .collect();
        assert_eq!(numbers.len(), 4, "counts on the first line: {text}");
        Self {
            added: numbers[0],
            updated: numbers[1],
            unchanged: numbers[2],
            conflicts: numbers[3],
            text: text.to_owned(),
        }
    }
}

fn atlas(notes: &Path, args: &[&OsStr]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
        .arg("--notes")
        .arg(notes)
        .args(args)
        .env("TZ", "UTC")
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_untouched_note_takes_a_colleagues_rewrite_with_no_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
    let id = kim.write(
        "Horizon association",
        "Korea joins Pillar II in 2025.\nThe MoU is ready.",
    );
    let first = me.merge(kim.export());
    assert_eq!((first.added, first.conflicts), (1, 0), "{}", first.text);

    // Kim rewrites one sentence (not an append) and sends her file again.
    kim.rewrite(
        &id,
        "Korea joins Pillar II in 2025.\nThe MoU was signed in Seoul.",
    );
    let second = me.merge(kim.export());
    assert_eq!(
        (second.added, second.updated, second.conflicts),
        (0, 1, 0),
        "{}",
        second.text
    );
    assert_eq!(
        me.body(&id),
        "Korea joins Pillar II in 2025.\nThe MoU was signed in Seoul."
    );
    assert_eq!(me.file().notes.len(), 1, "no conflict copy");
}

#[test]
fn a_second_colleagues_different_rewrite_of_the_same_base_conflicts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim, park) = (
        Officer::new(&dir, "me"),
        Officer::new(&dir, "kim"),
        Officer::new(&dir, "park"),
    );
    let id = me.write("Busan hydrogen", "Pilot plant opens in spring.");
    let mine = me.export().to_owned();
    assert_eq!(kim.merge(&mine).added, 1);
    assert_eq!(park.merge(&mine).added, 1);
    kim.rewrite(&id, "Pilot plant opens in May; KIER leads.");
    park.rewrite(&id, "Pilot plant delayed to autumn.");

    let from_kim = me.merge(kim.export());
    assert_eq!(
        (from_kim.updated, from_kim.conflicts),
        (1, 0),
        "{}",
        from_kim.text
    );
    let from_park = me.merge(park.export());
    assert_eq!(from_park.conflicts, 1, "{}", from_park.text);
    let bodies = me.bodies();
    assert!(bodies.contains(&"Pilot plant opens in May; KIER leads.".to_owned()));
    assert!(bodies.contains(&"Pilot plant delayed to autumn.".to_owned()));
}

#[test]
fn weekly_exchanges_a_to_b_and_back_with_edits_on_alternating_sides_never_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (Officer::new(&dir, "a"), Officer::new(&dir, "b"));
    let shared = a.write("Weekly KIST call", "Week 0: agenda drafted.");
    let other = a.write("Budget", "Line 1");
    for week in 1..=6 {
        // A rewrites the shared note (the whole text) and sends it.
        a.rewrite(&shared, &format!("Week {week}: A rewrote the agenda."));
        if week % 2 == 0 {
            a.rewrite(&other, &format!("Line 1, checked by A in week {week}"));
        }
        let at_b = b.merge(a.export());
        assert_eq!(at_b.conflicts, 0, "week {week} at B: {}", at_b.text);
        assert_eq!(
            b.body(&shared),
            format!("Week {week}: A rewrote the agenda.")
        );

        // B answers with her own rewrite.
        b.rewrite(&shared, &format!("Week {week}: B answered."));
        if week % 3 == 0 {
            b.write(&format!("B's note of week {week}"), "new");
        }
        let at_a = a.merge(b.export());
        assert_eq!(at_a.conflicts, 0, "week {week} at A: {}", at_a.text);
        assert_eq!(a.body(&shared), format!("Week {week}: B answered."));
    }
    assert_eq!(a.bodies(), b.bodies());
    assert_eq!(a.file().notes.len(), 4, "no conflict copies");
}

#[test]
fn three_colleagues_editing_different_notes_merge_cleanly_in_any_order() {
    let orders: [[usize; 2]; 2] = [[0, 1], [1, 0]];
    for order in orders {
        let dir = tempfile::tempdir().expect("tempdir");
        let team = [
            Officer::new(&dir, "a"),
            Officer::new(&dir, "b"),
            Officer::new(&dir, "c"),
        ];
        let ids: Vec<NoteId> = ["Seoul", "Daejeon", "Busan"]
            .iter()
            .map(|t| team[0].write(t, "shared start"))
            .collect();
        let start = team[0].export().to_owned();
        for officer in &team[1..] {
            assert_eq!(officer.merge(&start).added, 3);
        }
        // Each edits a different note.
        for (officer, id) in team.iter().zip(&ids) {
            officer.rewrite(id, &format!("{} rewrote this", officer.name));
        }
        let exports: Vec<PathBuf> = team.iter().map(|o| o.export().to_owned()).collect();
        for (i, officer) in team.iter().enumerate() {
            let others: Vec<usize> = (0..3).filter(|j| *j != i).collect();
            for k in order {
                let m = officer.merge(&exports[others[k]]);
                assert_eq!(
                    m.conflicts, 0,
                    "{} order {order:?}: {}",
                    officer.name, m.text
                );
            }
        }
        for officer in &team {
            assert_eq!(
                officer.bodies(),
                ["a rewrote this", "b rewrote this", "c rewrote this"],
                "{} order {order:?}",
                officer.name
            );
        }
    }
}

#[test]
fn a_resolved_conflict_does_not_come_back_on_the_next_exchange() {
    for resolution in [
        Resolution::KeepMine,
        Resolution::KeepTheirs,
        Resolution::KeepBoth,
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
        let id = me.write("Sejong visit", "Met the mayor.");
        kim.merge(me.export());
        me.rewrite(&id, "Met the mayor.\nMine: send the slides.");
        kim.rewrite(&id, "Met the mayor.\nKim: book the hall.");

        let clash = me.merge(kim.export());
        assert_eq!(clash.conflicts, 1, "{}", clash.text);
        let copy = me
            .file()
            .notes
            .iter()
            .find(|n| n.conflict_of.as_ref() == Some(&id))
            .map(|n| n.id.clone())
            .expect("the conflict copy");
        me.edit(|book| {
            book.resolve_conflict(&id, &copy, resolution, Timestamp::now())
                .expect("resolved")
        });
        let resolved = me.body(&id);

        // Kim's same file again, then the exchange in both directions.
        let again = me.merge(&kim.outbox);
        assert_eq!(
            (again.updated, again.conflicts),
            (0, 0),
            "{resolution:?}: {}",
            again.text
        );
        let at_kim = kim.merge(me.export());
        // Keeping theirs gives Kim back exactly her own text: nothing to update.
        let expected_updates = usize::from(resolution != Resolution::KeepTheirs);
        assert_eq!(
            (at_kim.updated, at_kim.conflicts),
            (expected_updates, 0),
            "{resolution:?}: {}",
            at_kim.text
        );
        assert_eq!(kim.body(&id), resolved);
        let back = me.merge(kim.export());
        assert_eq!(back.conflicts, 0, "{resolution:?}: {}", back.text);
        assert_eq!(me.body(&id), resolved);
    }
}

#[test]
fn keeping_both_texts_keeps_both_appended_lines_once_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
    let id = me.write("Sejong visit", "Met the mayor.");
    kim.merge(me.export());
    me.rewrite(&id, "Met the mayor.\nMine: send the slides.");
    kim.rewrite(&id, "Met the mayor.\nKim: book the hall.");
    assert_eq!(
        me.merge(kim.export()).conflicts,
        1,
        "appends on both sides conflict"
    );
    let copy = me
        .file()
        .notes
        .iter()
        .find(|n| n.conflict_of.as_ref() == Some(&id))
        .map(|n| n.id.clone())
        .expect("copy");
    me.edit(|book| book.resolve_conflict(&id, &copy, Resolution::KeepBoth, Timestamp::now()))
        .expect("resolved");
    assert_eq!(
        me.body(&id),
        "Met the mayor.\nMine: send the slides.\nKim: book the hall."
    );
    let file = me.file();
    let trashed = file.notes.iter().find(|n| n.id == copy).expect("copy kept");
    assert!(trashed.deleted, "the copy is in the trash, not gone");
}

#[test]
fn merging_the_same_file_twice_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
    let shared = me.write("Shared", "base");
    let clash = me.write("Clash", "base");
    kim.merge(me.export());
    kim.rewrite(&shared, "Kim's update");
    kim.rewrite(&clash, "Kim's version");
    me.rewrite(&clash, "My version");
    kim.write("Kim's new note", "hello");
    let file = kim.export().to_owned();

    let first = me.merge(&file);
    assert_eq!(
        (first.added, first.updated, first.conflicts),
        (1, 1, 1),
        "{}",
        first.text
    );
    let before = fs::read(&me.notes).expect("notes file");
    let second = me.merge(&file);
    assert_eq!(
        (second.added, second.updated, second.conflicts),
        (0, 0, 0),
        "{}",
        second.text
    );
    assert_eq!(second.unchanged, 3, "{}", second.text);
    assert_eq!(fs::read(&me.notes).expect("notes file"), before);
}

/// Notes files exactly as the previous release wrote them (format version 1).
const V1_MINE: &str = r#"(
    format_version: 1,
    notes: [
        (
            id: "n018f00000000-0-aaaaaaaaaaaa",
            target: None,
            title: "KIST Europe",
            body: "Met the director.",
            tags: [
                "visit",
            ],
            author: "Lee",
            created: 1700000000000,
            updated: 1700000000000,
            deleted: false,
            conflict_of: None,
        ),
        (
            id: "n018f00000000-1-bbbbbbbbbbbb",
            target: None,
            title: "Budget",
            body: "Draft one.",
            tags: [],
            author: "Lee",
            created: 1700000000001,
            updated: 1700000000001,
            deleted: false,
            conflict_of: None,
        ),
    ],
)
"#;

const V1_COLLEAGUE: &str = r#"(
    format_version: 1,
    notes: [
        (
            id: "n018f00000000-0-aaaaaaaaaaaa",
            target: None,
            title: "KIST Europe",
            body: "Met the director.\n\nFollow-up in March.",
            tags: [
                "visit",
            ],
            author: "Lee",
            created: 1700000000000,
            updated: 1700000500000,
            deleted: false,
            conflict_of: None,
        ),
        (
            id: "n018f00000000-1-bbbbbbbbbbbb",
            target: None,
            title: "Budget",
            body: "Their rewrite.",
            tags: [],
            author: "Lee",
            created: 1700000000001,
            updated: 1700000500001,
            deleted: false,
            conflict_of: None,
        ),
        (
            id: "n018f00000000-2-cccccccccccc",
            target: None,
            title: "New from Kim",
            body: "Hello.",
            tags: [],
            author: "Kim",
            created: 1700000000002,
            updated: 1700000000002,
            deleted: false,
            conflict_of: None,
        ),
    ],
)
"#;

#[test]
fn version_1_files_from_the_previous_release_still_merge() {
    let dir = tempfile::tempdir().expect("tempdir");
    let me = Officer::new(&dir, "me");
    fs::create_dir_all(me.notes.parent().expect("folder")).expect("folder");
    fs::write(&me.notes, V1_MINE).expect("old notes file");
    let theirs = dir.path().join("kim-v1.ron");
    fs::write(&theirs, V1_COLLEAGUE).expect("old colleague file");

    let m = me.merge(&theirs);
    // The append is taken, the new note added; the rewrite of a note both had (with no
    // history to tell who changed it) keeps both versions, as the previous release did.
    assert_eq!((m.added, m.updated, m.conflicts), (1, 1, 1), "{}", m.text);
    let text = fs::read_to_string(&me.notes).expect("notes file");
    assert!(text.contains("format_version: 2,"), "{text}");
    let bodies = me.bodies();
    for body in [
        "Met the director.\n\nFollow-up in March.",
        "Draft one.",
        "Their rewrite.",
        "Hello.",
    ] {
        assert!(
            bodies.contains(&body.to_owned()),
            "{body} missing: {bodies:?}"
        );
    }
    // Merging the old file again changes nothing.
    let again = me.merge(&theirs);
    assert_eq!(
        (again.added, again.updated, again.conflicts),
        (0, 0, 0),
        "{}",
        again.text
    );
}

#[test]
fn a_version_1_colleague_who_rewrites_a_note_i_left_alone_updates_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let me = Officer::new(&dir, "me");
    let first = dir.path().join("kim-week1.ron");
    fs::write(&first, V1_MINE).expect("old colleague file");
    assert_eq!(me.merge(&first).added, 2);
    // The previous release rewrote "Budget" (no ancestry in its files); I never touched it.
    let second = dir.path().join("kim-week2.ron");
    fs::write(&second, V1_COLLEAGUE).expect("old colleague file");
    let m = me.merge(&second);
    assert_eq!((m.added, m.updated, m.conflicts), (1, 2, 0), "{}", m.text);
}

#[test]
fn merge_prints_counts_first_and_at_most_twenty_lines_unless_verbose() {
    let dir = tempfile::tempdir().expect("tempdir");
    let me = Officer::new(&dir, "me");
    let notes: Vec<Note> = (0..3000)
        .map(|i| {
            let mut book = Notebook::new();
            let id = book.add(
                NoteDraft {
                    title: format!("Imported {i:04}"),
                    ..NoteDraft::default()
                },
                Timestamp(i),
            );
            book.get(&id).expect("added").clone()
        })
        .collect();
    let big = dir.path().join("big.ron");
    let text = to_ron(&NotesFile::new(notes)).expect("ron");
    write_atomic(&big, text.as_bytes(), false).expect("write");

    let quiet = me.merge(&big);
    assert_eq!(quiet.added, 3000);
    let lines: Vec<&str> = quiet.text.lines().collect();
    assert_eq!(lines.len(), 21, "summary and 20 lines: {}", quiet.text);
    assert!(lines[20].contains("2981 more"), "{}", lines[20]);
    assert!(lines[20].contains("--verbose"), "{}", lines[20]);

    let verbose = me.merge_with(&big, &["--verbose"]);
    assert_eq!(verbose.unchanged, 3000);
    let fresh = Officer::new(&dir, "fresh");
    let all = fresh.merge_with(&big, &["--verbose"]);
    assert_eq!(all.text.lines().count(), 3001, "one line per note");
    assert!(all.text.contains("added: Imported 2999 ["));
}

#[test]
fn an_export_carries_each_notes_ancestry_but_not_the_exchange_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
    let id = me.write("Grown", "v1");
    kim.merge(me.export());
    me.rewrite(&id, "v2");
    let exported = load_notes(me.export()).expect("export readable");
    assert_eq!(exported.notes[0].ancestry.len(), 1, "v1 is recorded");
    assert!(exported.exchanged.is_empty());
    let text = fs::read_to_string(&me.outbox).expect("export text");
    assert!(text.contains("ancestry: ["), "{text}");
    // The notes file itself remembers what was last exchanged, next to the notes.
    let mine = me.file();
    assert_eq!(mine.exchanged.get(&id), Some(&mine.notes[0].version()));
}

#[test]
fn a_markdown_report_shows_local_times_with_their_offset_from_utc() {
    let dir = tempfile::tempdir().expect("tempdir");
    let me = Officer::new(&dir, "me");
    me.edit(|book| {
        let draft = NoteDraft {
            title: "Sejong visit".into(),
            ..NoteDraft::default()
        };
        book.add(draft, Timestamp::from_utc(2026, 11, 22, 14, 5));
    });
    let report = dir.path().join("report.md");
    let out = Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
        .arg("--notes")
        .arg(&me.notes)
        .args(["notes", "export", "--markdown"])
        .arg(&report)
        .env("TZ", "KST-9")
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{out:?}");
    let md = fs::read_to_string(&report).expect("report");
    assert!(
        md.contains("- Created: 2026-11-22 23:05 (UTC+09:00)\n"),
        "{md}"
    );
}

fn is_deleted(officer: &Officer, id: &NoteId) -> Option<bool> {
    officer
        .file()
        .notes
        .iter()
        .find(|n| &n.id == id)
        .map(|n| n.deleted)
}

#[test]
fn a_delete_on_one_side_and_no_change_on_the_other_travels_as_the_delete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
    let id = kim.write("Old visit plan", "Sejong, 12 May.");
    me.merge(kim.export());
    assert_eq!(is_deleted(&me, &id), Some(false));

    // Kim deletes the note (it goes to her trash) and sends her file again.
    kim.edit(|book| assert!(book.delete(&id, Timestamp::now()).expect("delete")));
    let exported = load_notes(kim.export()).expect("export reads");
    let sent = exported.notes.iter().find(|n| n.id == id);
    assert!(
        sent.is_some_and(|n| n.deleted),
        "the export carries the delete"
    );
    let merge = me.merge(kim.export());
    assert_eq!((merge.updated, merge.conflicts), (1, 0), "{}", merge.text);
    // Deleted here too, into the trash: the text is still there to restore.
    assert_eq!(is_deleted(&me, &id), Some(true));
    assert_eq!(me.body(&id), "Sejong, 12 May.");

    // Sending my file back changes nothing for Kim, and the note stays deleted.
    let back = kim.merge(me.export());
    assert_eq!((back.updated, back.conflicts), (0, 0), "{}", back.text);
    assert_eq!(is_deleted(&kim, &id), Some(true));
}

#[test]
fn a_delete_against_an_edit_keeps_the_edit_live_and_reports_the_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (me, kim) = (Officer::new(&dir, "me"), Officer::new(&dir, "kim"));
    let id = kim.write("Visit plan", "Sejong, 12 May.");
    me.merge(kim.export());
    kim.edit(|book| assert!(book.delete(&id, Timestamp::now()).expect("delete")));
    me.rewrite(&id, "Sejong, 12 May; Busan on the 13th.");
    let merge = me.merge(kim.export());
    assert_eq!(merge.conflicts, 1, "{}", merge.text);
    assert_eq!(is_deleted(&me, &id), Some(false));
    assert_eq!(me.body(&id), "Sejong, 12 May; Busan on the 13th.");
}

#[test]
fn a_note_deleted_before_anyone_had_it_is_not_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kim = Officer::new(&dir, "kim");
    let kept = kim.write("Shared", "For the team.");
    let private = kim.write("Draft", "Not for sending.");
    kim.edit(|book| assert!(book.delete(&private, Timestamp::now()).expect("delete")));
    let exported = load_notes(kim.export()).expect("export reads");
    let ids: Vec<&NoteId> = exported.notes.iter().map(|n| &n.id).collect();
    assert_eq!(ids, [&kept]);
}
